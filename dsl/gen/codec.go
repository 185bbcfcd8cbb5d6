package gen

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/fwgo/fw/dsl/ir"
	"github.com/fwgo/fw/runtime/archive"
)

// This file emits fwimpl.Codec on fwDispatcher, for every package: the
// canonical binary encoding of every message kind that can be the input or an
// emission of a call, for cache keys, archive records and records of runs
// (fw.WithRecord, fw.WithReplay). It costs two switches over the kinds:
// the events' own AppendBinary and UnmarshalBinary do the work.
//
// An event is encoded by its AppendBinary (its fields in declaration order,
// see runtime/codec.go). An artifact of a target is encoded by its type:
//
//	field type:      as an event's field of that type (enums as uvarints)
//	event:           its AppendBinary encoding, with no length before it
//	[]T:             uvarint length, then each item's encoding
//	Group[K, T]:     the key's encoding, then the items as []T
//
// A resolve request has no payload: its encoding is empty. Every encoding is
// self-delimiting given the type, so a nested value needs no framing, and
// there is one encoding per value (floats by their bits: -0.0 and NaN
// payloads are kept), so equal inputs have equal keys.

func appendFuncName(t *ir.Target) string { return "fwAppend" + targetGoName(t) }
func decodeFuncName(t *ir.Target) string { return "fwDecode" + targetGoName(t) }

// appendField is the call appending x, of field type t, to b.
func appendField(t ir.Type, x jen.Code) *jen.Statement {
	b := jen.Id("b")
	switch t.Kind {
	case ir.Bytes:
		return rt("AppendBytes").Call(b, x)
	case ir.Int:
		return rt("AppendInt").Call(b, x)
	case ir.Float:
		return rt("AppendFloat").Call(b, x)
	case ir.Bool:
		return rt("AppendBool").Call(b, x)
	case ir.EnumType:
		return rt("AppendUint").Call(b, jen.Uint64().Parens(x))
	case ir.Time:
		return rt("AppendTime").Call(b, x)
	case ir.Duration:
		return rt("AppendDuration").Call(b, x)
	case ir.List, ir.Map, ir.RecordType:
		return appendValue(valueType{t: t}, x)
	}
	return rt("AppendString").Call(b, x)
}

// readField is the read of a value of field type t from the decoder d.
func readField(t ir.Type) *jen.Statement {
	d := jen.Id("d")
	switch t.Kind {
	case ir.Bytes:
		return d.Dot("Bytes").Call()
	case ir.Int:
		return d.Dot("Int").Call()
	case ir.Float:
		return d.Dot("Float").Call()
	case ir.Bool:
		return d.Dot("Bool").Call()
	case ir.EnumType:
		return jen.Id(t.Enum.Name).Parens(d.Dot("Uint").Call())
	case ir.Time:
		return d.Dot("Time").Call()
	case ir.Duration:
		return d.Dot("Duration").Call()
	case ir.List, ir.Map, ir.RecordType:
		return readValue(valueType{t: t})
	}
	return d.Dot("String").Call()
}

func (g *generator) codec(f *jen.File) {
	pkg := g.pkg
	if len(pkg.Targets) == 0 {
		return // fwDispatcher embeds fwTypes, whose methods encode events
	}
	f.Comment("AppendMsg appends the canonical encoding of m's payload to b (fwimpl.Codec): an")
	f.Comment("event's AppendBinary, an artifact's encoding by its type, nothing for a resolve request.")
	f.Func().Params(jen.Op("*").Id("fwDispatcher")).Id("AppendMsg").Params(
		jen.Id("b").Index().Byte(), jen.Id("m").Add(rt("Msg")),
	).Params(jen.Index().Byte(), jen.Error()).BlockFunc(func(body *jen.Group) {
		if len(pkg.Targets) > 0 {
			body.Switch(jen.Id("m").Dot("Kind")).BlockFunc(func(sw *jen.Group) {
				for _, t := range pkg.Targets {
					sw.Case(jen.Id(builtKindName(t))).Block(
						jen.If(jen.List(jen.Id("v"), jen.Id("ok")).Op(":=").Id("m").Dot("Ev").Assert(jen.Op("*").Add(artifactType(t.Type))), jen.Id("ok")).Block(
							jen.Return(jen.Id(appendFuncName(t)).Call(jen.Id("b"), jen.Op("*").Id("v")))))
				}
				sw.CaseFunc(func(cs *jen.Group) {
					for _, t := range pkg.Targets {
						cs.Id(resolveKindName(t))
					}
				}).Block(jen.Return(jen.Id("b"), jen.Nil()))
			})
		}
		body.Return(jen.Id("fwTypes").Dot("AppendMsg").Call(jen.Id("b"), jen.Id("m")))
	})

	f.Comment("DecodeMsg decodes the payload of a message of kind k (fwimpl.Codec).")
	f.Func().Params(jen.Op("*").Id("fwDispatcher")).Id("DecodeMsg").Params(
		jen.Id("k").Add(rt("Kind")), jen.Id("data").Index().Byte(),
	).Params(rt("Msg"), jen.Error()).BlockFunc(func(body *jen.Group) {
		if len(pkg.Targets) > 0 {
			body.Switch(jen.Id("k")).BlockFunc(func(sw *jen.Group) {
				for _, t := range pkg.Targets {
					sw.Case(jen.Id(builtKindName(t))).Block(
						jen.List(jen.Id("v"), jen.Err()).Op(":=").Id(decodeFuncName(t)).Call(jen.Id("data")),
						jen.If(jen.Err().Op("!=").Nil()).Block(
							jen.Return(rt("Msg").Values(), jen.Qual("fmt", "Errorf").Call(jen.Lit("fw: decode built "+t.Name+": %w"), jen.Err()))),
						jen.Return(rt("Msg").Values(jen.Id("Kind").Op(":").Id("k"), jen.Id("Ev").Op(":").Op("&").Id("v")), jen.Nil()))
				}
				sw.CaseFunc(func(cs *jen.Group) {
					for _, t := range pkg.Targets {
						cs.Id(resolveKindName(t))
					}
				}).Block(
					jen.If(jen.Len(jen.Id("data")).Op("!=").Lit(0)).Block(
						jen.Return(rt("Msg").Values(), jen.Qual("fmt", "Errorf").Call(jen.Lit("%w: a resolve request has no payload"), rt("ErrEncoding")))),
					jen.Return(rt("Msg").Values(jen.Id("Kind").Op(":").Id("k")), jen.Nil()))
			})
		}
		body.Return(jen.Id("fwTypes").Dot("DecodeMsg").Call(jen.Id("k"), jen.Id("data")))
	})

	for _, t := range pkg.Targets {
		typ := artifactType(t.Type)
		f.Commentf("%s appends the canonical encoding of an artifact of %s (%s).", appendFuncName(t), t.Name, t.Type.String())
		f.Func().Id(appendFuncName(t)).Params(jen.Id("b").Index().Byte(), jen.Id("v").Add(typ.Clone())).
			Params(jen.Id("_").Index().Byte(), jen.Err().Error()).BlockFunc(func(body *jen.Group) {
			appendArtifact(body, t.Type, jen.Id("v"), 1)
			body.Return(jen.Id("b"), jen.Nil())
		})
		f.Commentf("%s decodes an artifact of %s (%s).", decodeFuncName(t), t.Name, t.Type.String())
		f.Func().Id(decodeFuncName(t)).Params(jen.Id("data").Index().Byte()).
			Params(jen.Id("v").Add(typ.Clone()), jen.Err().Error()).BlockFunc(func(body *jen.Group) {
			body.Id("d").Op(":=").Add(rt("NewDecoder")).Call(jen.Id("data"))
			decodeArtifact(body, t.Type, jen.Id("v"), 1)
			body.Return(jen.Id("v"), jen.Id("d").Dot("Finish").Call())
		})
	}
}

// appendArtifact emits the statements appending x, of artifact type a, to b;
// depth numbers the loop variables.
func appendArtifact(g *jen.Group, a *ir.Artifact, x *jen.Statement, depth int) {
	switch a.Kind {
	case ir.ArtifactField:
		g.Id("b").Op("=").Add(appendField(a.Field, x.Clone()))
	case ir.ArtifactEvent:
		g.If(jen.List(jen.Id("b"), jen.Err()).Op("=").Add(x.Clone()).Dot("AppendBinary").Call(jen.Id("b")), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Err()))
	case ir.ArtifactSlice:
		item := fmt.Sprintf("x%d", depth)
		g.Id("b").Op("=").Add(rt("AppendUint")).Call(jen.Id("b"), jen.Uint64().Parens(jen.Len(x.Clone())))
		if isEmptyEvent(a.Elem) {
			return // the items' encodings are empty
		}
		g.For(jen.List(jen.Id("_"), jen.Id(item)).Op(":=").Range().Add(x.Clone())).BlockFunc(func(l *jen.Group) {
			appendArtifact(l, a.Elem, jen.Id(item), depth+1)
		})
	case ir.ArtifactGroup:
		g.Id("b").Op("=").Add(appendField(a.Key, x.Clone().Dot("Key")))
		appendArtifact(g, &ir.Artifact{Kind: ir.ArtifactSlice, Elem: a.Elem}, x.Clone().Dot("Items"), depth)
	}
}

// decodeArtifact emits the statements reading dst, of artifact type a, from
// the decoder d (over data), in a function whose results are v and err.
func decodeArtifact(g *jen.Group, a *ir.Artifact, dst *jen.Statement, depth int) {
	switch a.Kind {
	case ir.ArtifactField:
		g.Add(dst.Clone()).Op("=").Add(readField(a.Field))
	case ir.ArtifactEvent:
		for _, fd := range a.Event.Fields {
			g.Add(dst.Clone()).Dot(GoName(fd.Name)).Op("=").Add(readValue(fieldValue(fd)))
		}
	case ir.ArtifactSlice:
		n, i := fmt.Sprintf("n%d", depth), fmt.Sprintf("i%d", depth)
		g.Id(n).Op(":=").Id("d").Dot("Uint").Call()
		// Every item takes at least one byte, but an event without fields:
		// a longer length is malformed, and must not size an allocation.
		limit := jen.Uint64().Parens(jen.Len(jen.Id("data")))
		if isEmptyEvent(a.Elem) {
			limit = jen.Qual("math", "MaxInt32")
		}
		g.If(jen.Id(n).Op(">").Add(limit)).Block(jen.Return(jen.Id("v"), jen.Qual("fmt", "Errorf").Call(
			jen.Lit("%w: slice length %d too large"), rt("ErrEncoding"), jen.Id(n))))
		g.If(jen.Id(n).Op(">").Lit(0)).BlockFunc(func(l *jen.Group) {
			l.Add(dst.Clone()).Op("=").Make(artifactType(a), jen.Int().Parens(jen.Id(n)))
			if !isEmptyEvent(a.Elem) {
				l.For(jen.Id(i).Op(":=").Range().Add(dst.Clone())).BlockFunc(func(body *jen.Group) {
					decodeArtifact(body, a.Elem, dst.Clone().Index(jen.Id(i)), depth+1)
				})
			}
		})
	case ir.ArtifactGroup:
		g.Add(dst.Clone()).Dot("Key").Op("=").Add(readField(a.Key))
		decodeArtifact(g, &ir.Artifact{Kind: ir.ArtifactSlice, Elem: a.Elem}, dst.Clone().Dot("Items"), depth)
	}
}

// isEmptyEvent reports whether a is an event type without fields, whose
// encoding is empty.
func isEmptyEvent(a *ir.Artifact) bool { return a.Kind == ir.ArtifactEvent && len(a.Event.Fields) == 0 }

// programSchema names the layout of the parts of ProgramFingerprint.
const programSchema = "fw/program/1"

// ProgramFingerprint returns the fingerprint of pkg's declarations, the
// Program.Fingerprint of its generated code: the events in kind order with
// their fields in order, the enums with their variants, the targets with
// their artifact types, and every processor's declaration (patterns, emits,
// lifecycle cases, builder clauses) in declaration order. A record of a run
// (fw.WithRecord) is checked against it when it is replayed.
func ProgramFingerprint(pkg *ir.Package) [32]byte {
	parts := []string{programSchema, "package " + pkg.Name}
	for _, ev := range pkg.Events {
		parts = append(parts, eventShape(ev))
	}
	for _, e := range pkg.Enums {
		parts = append(parts, "enum "+e.Name+" {"+strings.Join(e.Variants, ", ")+"}")
	}
	for _, r := range pkg.Records {
		parts = append(parts, recordShape(r))
	}
	for _, t := range pkg.Targets {
		parts = append(parts, "target "+t.Name+": "+t.Type.String())
	}
	for _, p := range pkg.Processors {
		parts = append(parts, declText(p))
		if p.Partition != nil {
			// Only when present: the fingerprints of programs without
			// partitions, and their records, stay valid. The cache
			// fingerprints (Fingerprint) leave it out: a call's emissions do
			// not depend on its key group.
			parts = append(parts, partitionText(p))
		}
	}
	return archive.Fingerprint(parts...)
}
