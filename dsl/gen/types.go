package gen

import (
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/fwgo/fw/dsl/ir"
)

// This file gives the Go types of the composite field types (lists, maps,
// records, optional values, time and duration), the records' structs, and
// the canonical binary encoding of composite values: one pair of functions
// per composite type that the package uses, fwEnc_<type> and fwDec_<type>,
// in the pipeline file (see valueCodecs). A package whose fields are all
// scalars declares none, and its code is as before.
//
// The encoding (runtime/internal/engine/codec.go): list = uvarint length,
// then the items; map = uvarint length, then the entries in increasing key
// order, each key then value; record = its fields in declaration order;
// optional = one byte, 0 (absent) or 1 then the value; time = zigzag varint
// Unix seconds, then uvarint nanoseconds; duration = zigzag varint
// nanoseconds. Decoding rejects map keys out of order or repeated, so that
// each value has one encoding.

// goType is the Go type of a field type.
func goType(t ir.Type) *jen.Statement {
	switch t.Kind {
	case ir.Time:
		return jen.Qual("time", "Time")
	case ir.Duration:
		return jen.Qual("time", "Duration")
	case ir.List:
		return jen.Index().Add(goType(*t.Elem))
	case ir.Map:
		return jen.Map(goType(*t.Key)).Add(goType(*t.Elem))
	case ir.RecordType:
		return jen.Id(t.Record.Name)
	}
	return jen.Id(goTypeText(t, nil))
}

// fieldGoType is the Go type of a field: a pointer for an optional one.
func fieldGoType(f *ir.Field) *jen.Statement {
	if f.Optional {
		return jen.Op("*").Add(goType(f.Type))
	}
	return goType(f.Type)
}

// goTypeText is the Go type of a field type, as text; the imports it needs
// are added to imports (when not nil), as jen writes their lines.
func goTypeText(t ir.Type, imports map[string]string) string {
	switch t.Kind {
	case ir.Int:
		return "int64"
	case ir.Float:
		return "float64"
	case ir.Bool:
		return "bool"
	case ir.Bytes:
		return "[]byte"
	case ir.EnumType:
		return t.Enum.Name
	case ir.Time, ir.Duration:
		if imports != nil {
			imports["time"] = `"time"`
		}
		if t.Kind == ir.Time {
			return "time.Time"
		}
		return "time.Duration"
	case ir.List:
		return "[]" + goTypeText(*t.Elem, imports)
	case ir.Map:
		return "map[" + goTypeText(*t.Key, imports) + "]" + goTypeText(*t.Elem, imports)
	case ir.RecordType:
		return t.Record.Name
	}
	return "string"
}

// fieldGoTypeText is fieldGoType as text.
func fieldGoTypeText(f *ir.Field, imports map[string]string) string {
	if f.Optional {
		return "*" + goTypeText(f.Type, imports)
	}
	return goTypeText(f.Type, imports)
}

// record emits a record's struct: its fields named and tagged as an event's.
func (g *generator) record(f *jen.File, r *ir.Record) {
	f.Commentf("%s is the record declared at %s.", r.Name, pos(r.File, r.Pos.Line))
	f.Type().Id(r.Name).StructFunc(func(s *jen.Group) {
		for _, fd := range r.Fields {
			s.Id(GoName(fd.Name)).Add(fieldGoType(fd)).Tag(map[string]string{"json": ir.JSONFieldName(fd.Name)})
		}
	})
}

// valueType is a type as the codecs see it: a field type, optional or not.
type valueType struct {
	t   ir.Type
	opt bool
}

// composite reports whether v is encoded by a generated function.
func (v valueType) composite() bool {
	return v.opt || v.t.Kind == ir.List || v.t.Kind == ir.Map || v.t.Kind == ir.RecordType
}

// mangle names v in the names of its codec functions. Built-in types and
// the words list, map and opt are lower-case and the names of enums and
// records upper-case, so that two types never have the same name.
func (v valueType) mangle() string {
	if v.opt {
		return "opt_" + valueType{t: v.t}.mangle()
	}
	switch t := v.t; t.Kind {
	case ir.List:
		return "list_" + valueType{t: *t.Elem}.mangle()
	case ir.Map:
		return "map_" + valueType{t: *t.Key}.mangle() + "_" + valueType{t: *t.Elem}.mangle()
	case ir.RecordType:
		return t.Record.Name
	case ir.EnumType:
		return t.Enum.Name
	}
	return v.t.String()
}

func (v valueType) goType() *jen.Statement {
	if v.opt {
		return jen.Op("*").Add(goType(v.t))
	}
	return goType(v.t)
}

// appendValue is the expression appending x, of type v, to b.
func appendValue(v valueType, x jen.Code) *jen.Statement {
	if v.composite() {
		return jen.Id("fwEnc_"+v.mangle()).Call(jen.Id("b"), x)
	}
	return appendField(v.t, x)
}

// readValue is the read of a value of type v from the decoder d.
func readValue(v valueType) *jen.Statement {
	if v.composite() {
		return jen.Id("fwDec_" + v.mangle()).Call(jen.Id("d"))
	}
	return readField(v.t)
}

func fieldValue(f *ir.Field) valueType { return valueType{t: f.Type, opt: f.Optional} }

// minSize is the least number of bytes of an encoding of a value of type v.
func minSize(v valueType) int {
	if v.opt {
		return 1
	}
	switch v.t.Kind {
	case ir.Float:
		return 8
	case ir.Time:
		return 2
	case ir.RecordType:
		n := 0
		for _, f := range v.t.Record.Fields {
			n += minSize(fieldValue(f))
		}
		return n
	}
	return 1
}

// valueTypes returns the composite types whose codecs the package needs,
// sorted by name: those of the fields of events and records, of artifacts,
// and of their parts.
func (g *generator) valueTypes() []valueType {
	seen := map[string]valueType{}
	var add func(v valueType)
	add = func(v valueType) {
		if !v.composite() {
			return
		}
		name := v.mangle()
		if _, ok := seen[name]; ok {
			return
		}
		seen[name] = v
		switch {
		case v.opt:
			add(valueType{t: v.t})
		case v.t.Kind == ir.List:
			add(valueType{t: *v.t.Elem})
		case v.t.Kind == ir.Map:
			add(valueType{t: *v.t.Elem})
		case v.t.Kind == ir.RecordType:
			for _, f := range v.t.Record.Fields {
				add(fieldValue(f))
			}
		}
	}
	for _, ev := range g.pkg.Events {
		for _, f := range ev.Fields {
			add(fieldValue(f))
		}
	}
	for _, r := range g.pkg.Records {
		add(valueType{t: ir.Type{Kind: ir.RecordType, Record: r}})
	}
	var addArtifact func(a *ir.Artifact)
	addArtifact = func(a *ir.Artifact) {
		if a == nil {
			return
		}
		switch a.Kind {
		case ir.ArtifactField:
			add(valueType{t: a.Field})
		case ir.ArtifactSlice, ir.ArtifactGroup:
			addArtifact(a.Elem)
		}
	}
	for _, t := range g.pkg.Targets {
		addArtifact(t.Type)
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	slices.Sort(names)
	out := make([]valueType, len(names))
	for i, n := range names {
		out[i] = seen[n]
	}
	return out
}

// valueCodecs emits fwEnc_<type> and fwDec_<type> for each composite type
// the package uses.
func (g *generator) valueCodecs(f *jen.File) {
	for _, v := range g.valueTypes() {
		name := v.mangle()
		typ := v.goType()
		desc := strings.TrimSuffix(v.t.String(), "") // as .fw spells it
		if v.opt {
			desc += "?"
		}
		f.Commentf("fwEnc_%s appends the canonical encoding of a %s.", name, desc)
		f.Func().Id("fwEnc_"+name).Params(jen.Id("b").Index().Byte(), jen.Id("v").Add(typ.Clone())).Index().Byte().BlockFunc(func(b *jen.Group) {
			g.encodeBody(b, v)
		})
		f.Commentf("fwDec_%s decodes a %s.", name, desc)
		f.Func().Id("fwDec_" + name).Params(jen.Id("d").Op("*").Add(rt("Decoder"))).Params(jen.Id("v").Add(typ.Clone())).BlockFunc(func(b *jen.Group) {
			g.decodeBody(b, v)
		})
	}
}

// encodeBody emits the body of fwEnc_<v>: the runtime's primitives (fwimpl:
// AppendPresent, AppendLen, SortedKeys) and the codecs of v's parts. A map's
// keys are sorted in a stack buffer (no allocation for up to 8 entries).
func (g *generator) encodeBody(b *jen.Group, v valueType) {
	x := jen.Id("v")
	switch t := v.t; {
	case v.opt:
		inner := valueType{t: t}
		b.Id("b").Op("=").Add(rt("AppendPresent")).Call(jen.Id("b"), jen.Id("v").Op("!=").Nil())
		b.If(jen.Id("v").Op("==").Nil()).Block(jen.Return(jen.Id("b")))
		b.Return(appendValue(inner, jen.Op("*").Id("v")))
		return
	case t.Kind == ir.List:
		b.Id("b").Op("=").Add(rt("AppendLen")).Call(jen.Id("b"), jen.Len(x))
		b.For(jen.List(jen.Id("_"), jen.Id("x")).Op(":=").Range().Id("v")).Block(
			jen.Id("b").Op("=").Add(appendValue(valueType{t: *t.Elem}, jen.Id("x"))))
	case t.Kind == ir.Map:
		b.Id("b").Op("=").Add(rt("AppendLen")).Call(jen.Id("b"), jen.Len(x))
		b.Var().Id("kb").Index(jen.Lit(8)).Add(goType(*t.Key))
		b.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Add(rt("SortedKeys")).Call(jen.Id("v"), jen.Id("kb").Index(jen.Op(":").Lit(0)))).Block(
			jen.Id("b").Op("=").Add(appendValue(valueType{t: *t.Key}, jen.Id("k"))),
			jen.Id("b").Op("=").Add(appendValue(valueType{t: *t.Elem}, jen.Id("v").Index(jen.Id("k")))))
	case t.Kind == ir.RecordType:
		for _, fd := range t.Record.Fields {
			b.Id("b").Op("=").Add(appendValue(fieldValue(fd), jen.Id("v").Dot(GoName(fd.Name))))
		}
	}
	b.Return(jen.Id("b"))
}

// decodeBody emits the body of fwDec_<v>. It is as strict as the runtime's
// decoder: a presence byte is 0 or 1 (Present), a length fits the bytes left
// (Len), map keys increase (StringKey, IntKey: one encoding per value), and
// a record that can contain itself is decoded at most fwimpl's MaxDepth deep
// (Enter, Leave), whatever the input.
func (g *generator) decodeBody(b *jen.Group, v valueType) {
	switch t := v.t; {
	case v.opt:
		b.If(jen.Op("!").Id("d").Dot("Present").Call()).Block(jen.Return(jen.Nil()))
		b.Id("x").Op(":=").Add(readValue(valueType{t: t}))
		b.Return(jen.Op("&").Id("x"))
		return
	case t.Kind == ir.List:
		elem := valueType{t: *t.Elem}
		b.Id("n").Op(":=").Id("d").Dot("Len").Call(jen.Lit(minSize(elem)))
		b.If(jen.Id("n").Op("==").Lit(0)).Block(jen.Return(jen.Nil()))
		b.Id("v").Op("=").Make(goType(t), jen.Id("n"))
		b.For(jen.Id("i").Op(":=").Range().Id("v")).Block(
			jen.Id("v").Index(jen.Id("i")).Op("=").Add(readValue(elem)))
	case t.Kind == ir.Map:
		key, elem := valueType{t: *t.Key}, valueType{t: *t.Elem}
		b.Id("n").Op(":=").Id("d").Dot("Len").Call(jen.Lit(minSize(key) + minSize(elem)))
		b.If(jen.Id("n").Op("==").Lit(0)).Block(jen.Return(jen.Nil()))
		b.Id("v").Op("=").Make(goType(t), jen.Id("n"))
		b.Var().Id("k").Add(goType(*t.Key))
		readKey := "StringKey"
		if t.Key.Kind == ir.Int {
			readKey = "IntKey"
		}
		b.For(jen.Id("i").Op(":=").Range().Id("n")).Block(
			jen.Id("k").Op("=").Id("d").Dot(readKey).Call(jen.Id("i"), jen.Id("k")),
			jen.Id("v").Index(jen.Id("k")).Op("=").Add(readValue(elem)))
	case t.Kind == ir.RecordType:
		if g.selfContaining(t.Record) {
			b.If(jen.Op("!").Id("d").Dot("Enter").Call()).Block(jen.Return(jen.Id("v")))
			b.Defer().Id("d").Dot("Leave").Call()
		}
		for _, fd := range t.Record.Fields {
			b.Id("v").Dot(GoName(fd.Name)).Op("=").Add(readValue(fieldValue(fd)))
		}
	}
	b.Return(jen.Id("v"))
}

// selfContaining reports whether a value of record r can contain another r
// (through lists, maps, optional fields and other records): its decoding can
// then nest as deep as the input says.
func (g *generator) selfContaining(r *ir.Record) bool {
	seen := map[*ir.Record]bool{}
	var reaches func(t ir.Type) bool
	reaches = func(t ir.Type) bool {
		switch t.Kind {
		case ir.List, ir.Map:
			return reaches(*t.Elem)
		case ir.RecordType:
			if t.Record == r {
				return true
			}
			if seen[t.Record] {
				return false
			}
			seen[t.Record] = true
			for _, f := range t.Record.Fields {
				if reaches(f.Type) {
					return true
				}
			}
		}
		return false
	}
	for _, f := range r.Fields {
		if reaches(f.Type) {
			return true
		}
	}
	return false
}
