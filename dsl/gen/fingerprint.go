package gen

import (
	"encoding/hex"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/ir"
	"github.com/fwgo/fw/dsl/space"
	"github.com/fwgo/fw/runtime/archive"
)

// This file computes the fingerprint of a cached processor or a persistent
// builder: archive.Fingerprint of a canonical text of its declaration and of
// the shapes of the types it reads and emits. It is part of the cache key, so
// that a change to what a call receives or may emit invalidates the entries
// recorded before it. It is computed from the checked IR, not from the source:
// comments, layout, the order of a pattern's alternatives or another spelling
// of the same set of values do not change it, and only what the IR holds does.

// fingerprintSchema names the layout of the parts below; changing the layout
// must change it (which changes every fingerprint).
const fingerprintSchema = "fw/fingerprint/1"

// needsFingerprint reports whether p is a cached processor or a persistent builder.
func needsFingerprint(p *ir.Processor) bool {
	return p.Cached || p.Builder != nil && p.Builder.Persist
}

// FingerprintParts returns the parts hashed into p's fingerprint, in order:
// the schema, the package name, p's declaration, then one part per type it
// reads or emits (events by kind, then enums by name).
func FingerprintParts(pkg *ir.Package, p *ir.Processor) []string {
	parts := []string{fingerprintSchema, "package " + pkg.Name, declText(p)}
	var events []*ir.Event
	var enums []*ir.Enum
	var records []*ir.Record
	var addType func(t ir.Type)
	addType = func(t ir.Type) {
		switch {
		case t.Kind == ir.EnumType && !slices.Contains(enums, t.Enum):
			enums = append(enums, t.Enum)
		case t.Kind == ir.List:
			addType(*t.Elem)
		case t.Kind == ir.Map:
			addType(*t.Key)
			addType(*t.Elem)
		case t.Kind == ir.RecordType && !slices.Contains(records, t.Record):
			records = append(records, t.Record)
			for _, f := range t.Record.Fields {
				addType(f.Type)
			}
		}
	}
	addEvent := func(ev *ir.Event) {
		if ev == nil || slices.Contains(events, ev) {
			return
		}
		events = append(events, ev)
		for _, f := range ev.Fields {
			addType(f.Type)
		}
	}
	var addArtifact func(a *ir.Artifact)
	addArtifact = func(a *ir.Artifact) {
		switch a.Kind {
		case ir.ArtifactField:
			addType(a.Field)
		case ir.ArtifactEvent:
			addEvent(a.Event)
		case ir.ArtifactSlice:
			addArtifact(a.Elem)
		case ir.ArtifactGroup:
			addType(a.Key)
			addArtifact(a.Elem)
		}
	}
	for _, c := range allCases(p) {
		addEvent(c.Event)
		if c.CatchAll { // its handler receives events of every type
			for _, ev := range pkg.Events {
				addEvent(ev)
			}
		}
		if c.Target != nil {
			addArtifact(c.Target.Type)
		}
		for _, ev := range c.Emits {
			addEvent(ev)
		}
		for _, t := range c.Publishes {
			addArtifact(t.Type)
		}
	}
	if b := p.Builder; b != nil {
		addArtifact(b.Provides.Type)
	}
	slices.SortFunc(events, func(a, b *ir.Event) int { return a.Kind - b.Kind })
	slices.SortFunc(enums, func(a, b *ir.Enum) int { return strings.Compare(a.Name, b.Name) })
	for _, ev := range events {
		parts = append(parts, eventShape(ev))
	}
	for _, e := range enums {
		parts = append(parts, "enum "+e.Name+" {"+strings.Join(e.Variants, ", ")+"}")
	}
	slices.SortFunc(records, func(a, b *ir.Record) int { return strings.Compare(a.Name, b.Name) })
	for _, r := range records {
		parts = append(parts, recordShape(r))
	}
	return parts
}

// Fingerprint returns archive.Fingerprint of FingerprintParts(pkg, p).
func Fingerprint(pkg *ir.Package, p *ir.Processor) [32]byte {
	return archive.Fingerprint(FingerprintParts(pkg, p)...)
}

// eventShape is `event Name {field type; ...}`, fields in declaration order.
func eventShape(ev *ir.Event) string { return shape("event "+ev.Name, ev.Fields) }

// recordShape is `record Name {field type; ...}`, fields in declaration order.
func recordShape(r *ir.Record) string { return shape("record "+r.Name, r.Fields) }

func shape(head string, fields []*ir.Field) string {
	var b strings.Builder
	b.WriteString(head + " {")
	for i, f := range fields {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(f.Name + " " + f.TypeString())
	}
	b.WriteString("}")
	return b.String()
}

// declText is the canonical text of p's declaration: its header (cached,
// version; provides, requires, persist, helper) and one line per case, event
// and built cases in order, then the lifecycle cases. Concurrency and
// exhaustive are left out: they change neither what a call receives nor what
// it may emit.
func declText(p *ir.Processor) string {
	var b strings.Builder
	if bd := p.Builder; bd != nil {
		fmt.Fprintf(&b, "builder %s provides %s: %s", p.Name, bd.Provides.Name, bd.Provides.Type.String())
		for i, t := range bd.Requires {
			sep := ", "
			if i == 0 {
				sep = " requires "
			}
			fmt.Fprintf(&b, "%s%s: %s", sep, t.Name, t.Type.String())
		}
		if bd.Persist {
			b.WriteString(" persist")
		}
		if bd.Version != 0 {
			fmt.Fprintf(&b, " version %d", bd.Version)
		}
		if h := bd.Helper; h != nil {
			fmt.Fprintf(&b, " use %d", h.Kind)
			if h.By != nil {
				fmt.Fprintf(&b, " by %s", h.By.Name)
			}
			fmt.Fprintf(&b, " key %s p %s k %d seed %d", h.Key.String(), strconv.FormatFloat(h.P, 'x', -1, 64), h.K, h.Seed)
		}
	} else {
		fmt.Fprintf(&b, "processor %s", p.Name)
		if p.Cached {
			b.WriteString(" cached")
		}
		if p.Version != 0 {
			fmt.Fprintf(&b, " version %d", p.Version)
		}
	}
	b.WriteString("\n")
	for _, c := range allCases(p) {
		caseText(&b, c)
	}
	return b.String()
}

// caseText writes one line: `on <kind> <event or target> as <name>`, the
// field tests as canonical sets, the bindings, the emits and the resolves.
func caseText(b *strings.Builder, c *ir.Case) {
	fmt.Fprintf(b, "on %s", caseKindText[c.Kind])
	switch {
	case c.Event != nil:
		fmt.Fprintf(b, " %s", c.Event.Name)
	case c.Target != nil:
		fmt.Fprintf(b, " %s: %s", c.Target.Name, c.Target.Type.String())
	case c.CatchAll:
		b.WriteString(" _")
	}
	fmt.Fprintf(b, " as %s", c.Name)
	for _, t := range c.Tests {
		fmt.Fprintf(b, " test %s %s", ir.PathName(t.At()), setText(t.Set))
	}
	for _, bd := range c.Binds {
		fmt.Fprintf(b, " bind %s=%s", bd.Name, ir.PathName(bd.At()))
	}
	if c.Guard != nil {
		fmt.Fprintf(b, " guard %s", c.Guard.String())
	}
	for _, ev := range c.Emits {
		fmt.Fprintf(b, " emit %s", ev.Name)
	}
	for _, t := range c.Resolves {
		fmt.Fprintf(b, " resolve %s", t.Name)
	}
	for _, t := range c.Publishes {
		fmt.Fprintf(b, " publish %s: %s", t.Name, t.Type.String())
	}
	b.WriteString("\n")
}

// setText renders a canonical set exactly: integers in decimal (enum variants
// by index), floats as hexadecimal, strings quoted.
func setText(s space.Set) string {
	var b strings.Builder
	switch s.Kind {
	case space.Int:
		b.WriteString("int")
		for _, r := range s.Ints {
			fmt.Fprintf(&b, " [%d,%d]", r.Lo, r.Hi)
		}
	case space.Float:
		b.WriteString("float")
		for _, r := range s.Floats {
			lo, hi := "[", "]"
			if r.LoOpen {
				lo = "("
			}
			if r.HiOpen {
				hi = ")"
			}
			fmt.Fprintf(&b, " %s%s,%s%s", lo, hexFloat(r.Lo), hexFloat(r.Hi), hi)
		}
		if s.NaN {
			b.WriteString(" nan")
		}
	case space.String:
		b.WriteString("string")
		if s.Str.Neg {
			b.WriteString(" not")
		}
		for _, l := range s.Str.Lits {
			b.WriteString(" " + strconv.Quote(l))
		}
		for _, p := range s.Str.Prefixes {
			b.WriteString(" prefix " + strconv.Quote(p))
		}
	case space.Bool:
		fmt.Fprintf(&b, "bool %d", s.Bools)
	case space.Record:
		fmt.Fprintf(&b, "record %t", s.Rec)
	default:
		fmt.Fprintf(&b, "kind %d", s.Kind)
	}
	if s.Nil {
		b.WriteString(" nil")
	}
	return b.String()
}

func hexFloat(v float64) string {
	if math.Signbit(v) && v == 0 {
		return "-0"
	}
	return strconv.FormatFloat(v, 'x', -1, 64)
}

// fingerprintLit is the [32]byte literal of a fingerprint, two lines of 16 bytes.
func fingerprintLit(fp [32]byte) *jen.Statement {
	return rt("Fingerprint").Call(jen.Lit(hex.EncodeToString(fp[:])))
}

// caseKindText names the kinds of cases, independently of ast.CaseKind's String.
var caseKindText = map[ast.CaseKind]string{
	ast.CaseEvent: "event", ast.CaseBuilt: "built", ast.CaseInit: "init", ast.CasePhase: "phase", ast.CaseTerminate: "terminate",
}
