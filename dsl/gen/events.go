package gen

import (
	"github.com/dave/jennifer/jen"

	"github.com/fwgo/fw/dsl/ir"
)

// enum emits a uint32 type, one constant per variant, and text methods so that
// JSON carries variant names.
func (g *generator) enum(f *jen.File, e *ir.Enum) {
	names := "_" + e.Name + "Names"
	f.Commentf("%s is the enum declared at %s.", e.Name, pos(e.File, e.Pos.Line))
	f.Type().Id(e.Name).Uint32()
	f.Const().DefsFunc(func(d *jen.Group) {
		for i, v := range e.Variants {
			if i == 0 {
				d.Id(ir.EnumValueName(e.Name, v)).Id(e.Name).Op("=").Iota()
			} else {
				d.Id(ir.EnumValueName(e.Name, v))
			}
		}
	})
	f.Var().Id(names).Op("=").Index(jen.Op("...")).String().ValuesFunc(func(vs *jen.Group) {
		for _, v := range e.Variants {
			vs.Lit(v)
		}
	})
	f.Comment("String returns the variant's name.")
	f.Func().Params(jen.Id("v").Id(e.Name)).Id("String").Params().String().Block(
		jen.If(jen.Int().Parens(jen.Id("v")).Op("<").Len(jen.Id(names))).Block(
			jen.Return(jen.Id(names).Index(jen.Id("v"))),
		),
		jen.Return(jen.Lit(e.Name+"(").Op("+").Qual("strconv", "FormatUint").Call(jen.Uint64().Parens(jen.Id("v")), jen.Lit(10)).Op("+").Lit(")")),
	)
	f.Comment("MarshalText returns the variant's name; it fails for a value that is no variant.")
	f.Func().Params(jen.Id("v").Id(e.Name)).Id("MarshalText").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.If(jen.Int().Parens(jen.Id("v")).Op(">=").Len(jen.Id(names))).Block(
			jen.Return(jen.Nil(), jen.Qual("fmt", "Errorf").Call(jen.Lit("invalid "+e.Name+" %d"), jen.Uint32().Parens(jen.Id("v")))),
		),
		jen.Return(jen.Index().Byte().Parens(jen.Id(names).Index(jen.Id("v"))), jen.Nil()),
	)
	f.Comment("UnmarshalText accepts a variant's name.")
	f.Func().Params(jen.Id("v").Op("*").Id(e.Name)).Id("UnmarshalText").Params(jen.Id("text").Index().Byte()).Error().Block(
		jen.For(jen.List(jen.Id("i"), jen.Id("name")).Op(":=").Range().Id(names)).Block(
			jen.If(jen.String().Parens(jen.Id("text")).Op("==").Id("name")).Block(
				jen.Op("*").Id("v").Op("=").Id(e.Name).Parens(jen.Id("i")),
				jen.Return(jen.Nil()),
			),
		),
		jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit("unknown "+e.Name+" %q"), jen.Id("text"))),
	)
}

// event emits the struct, its stable name, its canonical binary encoding and the
// hook that turns it into a runtime message.
func (g *generator) event(f *jen.File, ev *ir.Event) {
	f.Commentf("%s is the event declared at %s.", ev.Name, pos(ev.File, ev.Pos.Line))
	f.Type().Id(ev.Name).StructFunc(func(s *jen.Group) {
		for _, fd := range ev.Fields {
			s.Id(GoName(fd.Name)).Add(fieldGoType(fd)).Tag(map[string]string{"json": ir.JSONFieldName(fd.Name)})
		}
	})
	f.Commentf("EventName returns %q, the event's stable name.", ev.Name)
	f.Func().Params(jen.Id(ev.Name)).Id("EventName").Params().String().Block(jen.Return(jen.Lit(ev.Name)))

	f.Comment("AppendBinary appends the canonical binary encoding of e to b.")
	f.Func().Params(jen.Id("e").Id(ev.Name)).Id("AppendBinary").Params(jen.Id("b").Index().Byte()).Params(jen.Index().Byte(), jen.Error()).BlockFunc(func(b *jen.Group) {
		for _, fd := range ev.Fields {
			b.Id("b").Op("=").Add(appendValue(fieldValue(fd), jen.Id("e").Dot(GoName(fd.Name))))
		}
		b.Return(jen.Id("b"), jen.Nil())
	})

	f.Comment("UnmarshalBinary decodes the canonical binary encoding into e.")
	f.Func().Params(jen.Id("e").Op("*").Id(ev.Name)).Id("UnmarshalBinary").Params(jen.Id("data").Index().Byte()).Error().BlockFunc(func(b *jen.Group) {
		b.Id("d").Op(":=").Add(rt("NewDecoder")).Call(jen.Id("data"))
		for _, fd := range ev.Fields {
			b.Id("e").Dot(GoName(fd.Name)).Op("=").Add(readValue(fieldValue(fd)))
		}
		b.Return(jen.Id("d").Dot("Finish").Call())
	})

	f.Comment("fwMsg makes the runtime message of a copy of e, stored in the arena (allocated if none).")
	f.Func().Params(jen.Id("e").Id(ev.Name)).Id("fwMsg").Params(jen.Id("arena").Add(rt("Arena"))).Add(rt("Msg")).Block(
		jen.If(jen.List(jen.Id("a"), jen.Id("ok")).Op(":=").Id("arena").Assert(jen.Op("*").Id("fwArena")), jen.Id("ok")).Block(
			jen.Return(rt("Msg").Values(jen.Id("Kind").Op(":").Id(kindName(ev)), jen.Id("Ev").Op(":").Id("a").Dot(arenaField(ev)).Dot("Box").Call(jen.Id("e"))))),
		jen.Return(rt("Msg").Values(jen.Id("Kind").Op(":").Id(kindName(ev)), jen.Id("Ev").Op(":").Add(rt("Box")).Call(jen.Id("e")))),
	)
}
