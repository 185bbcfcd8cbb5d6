package gen

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl/ir"
	"github.com/fwgo/fw/dsl/space"
	"github.com/fwgo/fw/internal/testenv"
	"github.com/fwgo/fw/runtime/fwimpl"
)

// optionVariants reach every lookup form and grouping: chains, direct tables
// and binary searches (unrolled or in a table), indexed string literals (from 2 or 3 of one length),
// one table per event type and many small ones with case switches for
// processors whose table would exceed the cap.
var optionVariants = []options{
	{strategy: compiled, maxLeaves: 1 << 16, maxDAG: 1 << 17, linearMax: 4, denseMax: 256, callRows: 16, litIndexMin: 16, intTreeMax: 4096},
	{strategy: compiled, maxLeaves: 0, maxDAG: 1 << 17, linearMax: 0, denseMax: 0, callRows: 0, litIndexMin: 2},
	{strategy: compiled, maxLeaves: 4, maxDAG: 24, linearMax: 1000, denseMax: 0, callRows: 1000},
	{strategy: compiled, maxLeaves: 16, maxDAG: 0, linearMax: 0, denseMax: 1 << 12, callRows: 4, litIndexMin: 3, intTreeMax: 1 << 12},
	{strategy: compiled, maxLeaves: 0, maxDAG: 0, linearMax: 2, denseMax: 16, callRows: 0, litIndexMin: 2, intTreeMax: 6},
}

// inAtom reports whether v lies in atom a of fd, independently of the lookup.
func inAtom(fd *matchField, a int, v space.Value) bool {
	if a == len(fd.atoms) { // outside
		return v.Int < 0 || v.Int >= int64(len(fd.field.Type.Enum.Variants))
	}
	at := fd.atoms[a]
	switch at.Kind {
	case space.AtomInts:
		return at.Lo <= v.Int && v.Int <= at.Hi
	case space.AtomPoint:
		return v.Float == at.F
	case space.AtomOpen:
		return at.F < v.Float && v.Float < at.G
	case space.AtomNaN:
		return math.IsNaN(v.Float)
	case space.AtomLit:
		return v.Str == at.S
	case space.AtomPrefix, space.AtomOtherStr:
		if slices.Contains(fd.lits, v.Str) {
			return false
		}
		p, ok := space.LongestPrefix(v.Str, fd.prefs)
		if at.Kind == space.AtomPrefix {
			return ok && p == at.S
		}
		return !ok
	}
	return v.Bool == at.B
}

// lookupCase is a field and the sets that split it.
type lookupCase struct {
	name  string
	typ   ir.Type
	sets  []space.Set
	extra []space.Value // values to look up besides the boundaries
}

func lookupCases() []lookupCase {
	d := space.IntDomain()
	enum := &ir.Enum{Name: "E", Variants: []string{"A", "B", "C", "D", "E", "F"}}
	ed := space.EnumDomain(enum.Variants)
	inf := math.Inf(1)
	return []lookupCase{
		{"int extremes", ir.Type{Kind: ir.Int}, []space.Set{
			space.IntValue(d, math.MinInt64), space.IntValue(d, math.MaxInt64), space.IntBetween(d, -1, 1),
			space.IntBetween(d, math.MinInt64+1, -5), space.IntBetween(d, 5, math.MaxInt64-1),
		}, nil},
		{"int adjacent", ir.Type{Kind: ir.Int}, []space.Set{
			space.IntValue(d, 0), space.IntValue(d, 1), space.IntValue(d, 2), space.IntBetween(d, 3, 4), space.IntValue(d, 6),
			space.IntValue(d, 8),
		}, nil},
		{"int wide", ir.Type{Kind: ir.Int}, []space.Set{
			space.IntValue(d, -1000000), space.IntValue(d, 1000000), space.IntBetween(d, -3, 3), space.IntValue(d, 100), space.IntValue(d, 101),
		}, nil},
		{"enum", ir.Type{Kind: ir.EnumType, Enum: enum}, []space.Set{
			space.IntValue(ed, 1), space.IntBetween(ed, 3, 5), space.Complement(ed, space.IntValue(ed, 4)), space.IntValue(ed, 2), space.IntValue(ed, 0),
		}, []space.Value{{Int: 6}, {Int: math.MaxUint32}}},
		{"float", ir.Type{Kind: ir.Float}, []space.Set{
			space.FloatBetween(0, 1, true, false), space.FloatValue(-1), space.FloatBetween(math.Inf(-1), -2, false, true),
			space.Complement(space.Domain{Kind: space.Float}, space.FloatBetween(-inf, inf, false, false)), // NaN
			space.FloatBetween(1e300, inf, false, true), space.FloatValue(5e-324), space.FloatValue(math.Nextafter(1, 2)),
		}, nil},
		{"float infinities", ir.Type{Kind: ir.Float}, []space.Set{
			space.FloatValue(-inf), space.FloatValue(inf), space.FloatValue(math.MaxFloat64), space.FloatValue(-math.MaxFloat64),
			space.FloatBetween(-1, 1, true, true),
		}, nil},
		{"strings", ir.Type{Kind: ir.String}, []space.Set{
			space.StringValue(""), space.StringValue("ab"), space.StringPrefix("a"), space.StringPrefix("ab"), space.StringPrefix("abc"),
			space.StringPrefix("b"), space.StringValue("abcd"), space.Complement(space.Domain{Kind: space.String}, space.StringValue("x")),
		}, []space.Value{{Str: "abcde"}, {Str: "abx"}, {Str: "bb"}, {Str: "c"}, {Str: "a"}, {Str: "\xff"}}},
		{"empty prefix", ir.Type{Kind: ir.String}, []space.Set{
			space.StringPrefix(""), space.StringPrefix("q"), space.StringValue("qq"), space.StringValue("z"),
		}, []space.Value{{Str: "q"}, {Str: "qqq"}, {Str: "r"}, {Str: ""}}},
		{"bytes", ir.Type{Kind: ir.Bytes}, []space.Set{space.StringPrefix("\x00"), space.StringValue("\x00\x01")}, nil},
		{"bool", ir.Type{Kind: ir.Bool}, []space.Set{space.BoolValue(true)}, nil},
	}
}

// TestAtomLookup checks the plan of each lookup form on edge cases: every
// boundary value maps to the atom that holds it, and every set holds the value
// exactly when it holds the atom.
func TestAtomLookup(t *testing.T) {
	kinds := map[lookupKind]bool{}
	for _, lc := range lookupCases() {
		fd := &matchField{field: &ir.Field{Name: "f", Type: lc.typ}, outside: lc.typ.Kind == ir.EnumType}
		fd.atoms = space.Partition(fd.field.Domain(), lc.sets)
		fd.lits, fd.prefs = space.Lits(lc.sets)
		pkg := &ir.Package{Processors: []*ir.Processor{{Cases: []*ir.Case{{}}}}}
		for _, s := range lc.sets {
			pkg.Processors[0].Cases[0].Tests = append(pkg.Processors[0].Cases[0].Tests, ir.Test{Field: fd.field, Set: s})
		}
		vals := append(boundaries(pkg, fd.field), lc.extra...)
		for _, a := range fd.atoms {
			vals = append(vals, a.Witness(fd.lits, fd.prefs))
		}
		for _, o := range optionVariants {
			p := fd.plan(o)
			kinds[p.kind] = true
			for _, v := range vals {
				a := p.atomOf(v)
				if a < 0 || a >= fd.natoms() || !inAtom(fd, a, v) {
					t.Errorf("%s (%d): %v maps to atom %d", lc.name, p.kind, v, a)
					continue
				}
				for _, s := range lc.sets {
					if a < len(fd.atoms) && s.Contains(v) != s.ContainsAtom(fd.atoms[a]) {
						t.Errorf("%s: %s holds %v but not its atom %d, or the reverse", lc.name, s, v, a)
					}
				}
			}
		}
	}
	if len(kinds) != int(boolLookup)+1 {
		t.Errorf("lookup forms %v: some are not tested", kinds)
	}
}

// TestMatcherEval checks the compiled matcher's tables (through eval, which
// reads them as the generated code does) against the naive interpreter, for
// many random packages and every option variant.
func TestMatcherEval(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 300
	if testing.Short() {
		n = 40
	} else if !testenv.Thorough() {
		n = 100
	}
	seen := map[string]bool{}
	for i := range n {
		pkg := randPackage(r, "p", 30)
		vs := vectors(r, pkg, 30)
		for _, o := range optionVariants {
			ms := map[*ir.Event]*matcher{}
			for _, ev := range pkg.Events {
				if rows := eventRows(pkg, ev); o.useCompiled(rows) {
					ms[ev] = newMatcher(ev, rows, o)
					ms[ev].forms(o, seen)
				}
			}
			for _, v := range vs {
				m := ms[v.ev]
				if m == nil {
					continue
				}
				var got []fwimpl.Delivery
				for _, row := range m.eval(o, v.value) {
					got = append(got, fwimpl.Delivery{Proc: int32(m.rows[row].proc.Index), Case: int32(m.rows[row].cas.Index)})
				}
				if want := interpret(pkg, v); !slices.Equal(got, want) {
					t.Fatalf("package %d, %+v, %s: got %v, want %v", i, o, goEvent(v), got, want)
				}
			}
		}
	}
	checkForms(t, seen)
}

// allForms are the shapes of compiled matchers that the tests must reach.
var allForms = []string{"table", "table of several fields", "graph", "dense class map", "sparse class map",
	"case switch", "several groups", "int chain", "int dense", "int search", "int tree", "float chain", "float search",
	"strings", "indexed strings", "bools", "enum", "guards", "guards in a graph", "catch-all"}

// forms records the shapes that m has.
func (m *matcher) forms(o options, seen map[string]bool) {
	for _, g := range m.groups {
		switch g.kind {
		case tableGroup:
			seen["table"] = true
			seen["table of several fields"] = seen["table of several fields"] || len(g.fields) > 1
		case dagGroup:
			seen["graph"] = true
			for _, nd := range g.dag.nodes {
				seen["dense class map"] = seen["dense class map"] || nd.dense
				seen["sparse class map"] = seen["sparse class map"] || !nd.dense
			}
		case switchGroup:
			seen["case switch"] = true
		}
	}
	seen["several groups"] = seen["several groups"] || len(m.groups) > 1
	for _, r := range m.rows {
		seen["guards"] = seen["guards"] || r.cas.Guard != nil
		seen["catch-all"] = seen["catch-all"] || r.cas.CatchAll
	}
	for _, g := range m.groups {
		if g.kind == dagGroup && slices.ContainsFunc(g.rows, func(r int) bool { return m.rows[r].cas.Guard != nil }) {
			seen["guards in a graph"] = true
		}
	}
	for i, f := range m.fields {
		if !m.used(i) {
			continue
		}
		seen["enum"] = seen["enum"] || f.outside
		seen["indexed strings"] = seen["indexed strings"] || len(f.plan(o).litIdx) > 0
		seen[[...]string{"int chain", "int dense", "int search", "int tree", "float chain", "float search", "strings", "bools"}[f.plan(o).kind]] = true
	}
}

func checkForms(t *testing.T, seen map[string]bool) {
	t.Helper()
	for _, f := range allForms {
		if !seen[f] {
			t.Errorf("no random package made a compiled matcher with a %s", f)
		}
	}
}

// TestGroups: disjoint literals on one field make one table however many
// processors there are; when every other processor tests a second field too,
// one decision graph; with small caps, several groups that respect them.
func TestGroups(t *testing.T) {
	ev := &ir.Event{Name: "Order", Fields: []*ir.Field{{Name: "id", Type: ir.Type{Kind: ir.String}}, {Name: "n", Index: 1, Type: ir.Type{Kind: ir.Int}}}}
	pkg := &ir.Package{Name: "p", Events: []*ir.Event{ev}}
	for i := range 1000 {
		c := &ir.Case{Name: "Hit", Event: ev, Tests: []ir.Test{{Field: ev.Fields[0], Set: space.StringValue(fmt.Sprintf("p%04d", i))}}}
		pkg.Processors = append(pkg.Processors, &ir.Processor{Name: fmt.Sprintf("P%04d", i), Index: i, Cases: []*ir.Case{c}})
	}
	m := newMatcher(ev, eventRows(pkg, ev), defaultOptions)
	if len(m.groups) != 1 || m.groups[0].kind != tableGroup || len(m.groups[0].leaves) != 1001 {
		t.Fatalf("one field: %d groups", len(m.groups))
	}
	for i, p := range pkg.Processors {
		if i%2 == 1 {
			p.Cases[0].Tests = append(p.Cases[0].Tests, ir.Test{Field: ev.Fields[1], Set: space.IntValue(space.IntDomain(), int64(i))})
		}
	}
	m = newMatcher(ev, eventRows(pkg, ev), defaultOptions)
	if len(m.groups) != 1 || m.groups[0].kind != dagGroup {
		t.Fatalf("two fields: %d groups, the first of kind %d", len(m.groups), m.groups[0].kind)
	}
	if d := m.groups[0].dag; d.size > 5000 {
		t.Errorf("two fields: a graph of %d entries", d.size)
	}
	o := defaultOptions
	o.maxLeaves, o.maxDAG = 1000, 1000
	m = newMatcher(ev, eventRows(pkg, ev), o)
	for _, g := range m.groups {
		if g.kind == tableGroup && len(g.leaves) > o.maxLeaves || g.kind == dagGroup && g.dag.size > o.maxDAG {
			t.Errorf("a group over the cap")
		}
	}
	if len(m.groups) < 2 {
		t.Errorf("%d groups with caps of %d", len(m.groups), o.maxLeaves)
	}
}

// TestUnconstrainedFieldsUnread: Route, Dispatch and the compiled matcher read
// only the fields that a pattern tests (Dispatch also those a case binds).
func TestUnconstrainedFieldsUnread(t *testing.T) {
	ev := &ir.Event{Name: "Ev", Fields: []*ir.Field{
		{Name: "tested", Type: ir.Type{Kind: ir.Int}}, {Name: "bound", Index: 1, Type: ir.Type{Kind: ir.String}},
		{Name: "unused", Index: 2, Type: ir.Type{Kind: ir.String}},
	}}
	pkg := &ir.Package{Name: "p", Files: []string{"a.fw"}, Events: []*ir.Event{ev}}
	for i := range 12 {
		c := &ir.Case{Name: "C", Event: ev, Tests: []ir.Test{{Field: ev.Fields[0], Set: space.IntValue(space.IntDomain(), int64(i))}},
			Binds: []ir.Bind{{Name: "b", Field: ev.Fields[1]}}}
		pkg.Processors = append(pkg.Processors, &ir.Processor{Name: fmt.Sprintf("P%d", i), Index: i, File: "a.fw", Cases: []*ir.Case{c}})
	}
	for _, s := range []strategy{direct, compiled} {
		o := defaultOptions
		o.strategy = s
		files, err := generate(pkg, o)
		if err != nil {
			t.Fatal(err)
		}
		src := files[len(files)-1].Data
		f, err := parser.ParseFile(token.NewFileSet(), PipelineFile, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || !(fn.Name.Name == "Route" || fn.Name.Name == "Dispatch" || strings.HasPrefix(fn.Name.Name, "fw")) {
				continue
			}
			ast.Inspect(fn, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok {
					switch sel.Sel.Name {
					case "Unused":
						t.Errorf("%v: %s reads Unused", s, fn.Name.Name)
					case "Bound":
						if fn.Name.Name != "Dispatch" {
							t.Errorf("%v: %s reads Bound", s, fn.Name.Name)
						}
					}
				}
				return true
			})
		}
		if s == compiled && !strings.Contains(string(src), "fwTableEv") {
			t.Error("no compiled table")
		}
	}
}

// TestMatcherWorkBudget: a matcher whose tables and graphs would take more
// work than options.dagWork is given up (over), and the generator leaves its
// event type to direct switches, as for the table budget; within the budget
// the same package is compiled.
func TestMatcherWorkBudget(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	pkg := randPackage(r, "p", 40)
	o := defaultOptions
	o.strategy = compiled
	compiledSome := false
	for _, ev := range pkg.Events {
		rows := eventRows(pkg, ev)
		if len(rows) == 0 {
			continue
		}
		if m := newMatcher(ev, rows, o); m.over {
			t.Fatalf("%s: over the default budget", ev.Name)
		}
		tiny := o
		tiny.dagWork = 1
		if m := newMatcher(ev, rows, tiny); !m.over && len(m.groups) > 0 && m.work > 1 {
			t.Fatalf("%s: work %d past a budget of 1, not given up", ev.Name, m.work)
		}
		compiledSome = true
	}
	if !compiledSome {
		t.Fatal("no event type with rows")
	}
	o.dagWork = 1
	g := &generator{pkg: pkg, opt: o}
	for kind, m := range g.matchers() {
		if m != nil && m.work > 1 {
			t.Errorf("event kind %d compiled with work %d past a budget of 1", kind, m.work)
		}
	}
}
