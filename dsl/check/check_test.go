package check

import (
	"fmt"
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/ir"
	"github.com/fwgo/fw/dsl/parser"
)

// src is one named source file.
type src struct{ name, text string }

// parse parses the sources, failing the test on a syntax error.
func parse(t *testing.T, srcs ...src) []*ast.File {
	t.Helper()
	var files []*ast.File
	for _, s := range srcs {
		f, diags := parser.ParseFile(s.name, []byte(s.text))
		if len(diags) > 0 {
			t.Fatalf("parse %s:\n%s", s.name, diags.Text())
		}
		files = append(files, f)
	}
	return files
}

// dump renders the IR compactly, one line per declaration, case, test and bind.
func dump(p *ir.Package) string {
	var b strings.Builder
	fmt.Fprintf(&b, "package %s %v\n", p.Name, p.Files)
	for _, e := range p.Enums {
		fmt.Fprintf(&b, "enum %s %s %s %v\n", e.Name, e.File, e.Pos, e.Variants)
	}
	for i, ev := range p.Events {
		fmt.Fprintf(&b, "event %s kind=%d %s %s", ev.Name, ev.Kind, ev.File, ev.Pos)
		if ev.Kind != i {
			fmt.Fprintf(&b, " BAD-KIND(index %d)", i)
		}
		b.WriteByte('\n')
		for j, f := range ev.Fields {
			fmt.Fprintf(&b, "\tfield %d %s %s %s\n", f.Index, f.Name, f.Type.String(), f.Pos)
			if f.Index != j {
				fmt.Fprintf(&b, "\tBAD-INDEX(%d)\n", j)
			}
			if f.Type.Kind == ir.EnumType && f.Type.Enum == nil {
				b.WriteString("\tNIL-ENUM\n")
			}
		}
	}
	for i, pr := range p.Processors {
		fmt.Fprintf(&b, "processor %s index=%d %s %s concurrency=%d\n", pr.Name, pr.Index, pr.File, pr.Pos, pr.Concurrency)
		if pr.Index != i {
			fmt.Fprintf(&b, "BAD-INDEX(%d)\n", i)
		}
		for j, c := range pr.Cases {
			dumpCase(&b, c)
			if c.Index != j {
				fmt.Fprintf(&b, "\tBAD-INDEX(%d)\n", j)
			}
		}
		for _, c := range []*ir.Case{pr.Init, pr.Phase, pr.Terminate} {
			if c != nil {
				dumpCase(&b, c)
			}
		}
	}
	return b.String()
}

func dumpCase(b *strings.Builder, c *ir.Case) {
	fmt.Fprintf(b, "\tcase %s index=%d %s %s", c.Name, c.Index, c.Kind, c.Pos)
	if c.Event != nil {
		fmt.Fprintf(b, " event=%s", c.Event.Name)
	}
	for _, e := range c.Emits {
		fmt.Fprintf(b, " ->%s", e.Name)
	}
	b.WriteByte('\n')
	for _, t := range c.Tests {
		v := t.Set.Format(t.Field.Domain())
		fmt.Fprintf(b, "\t\ttest %s in %v\n", t.Field.Name, v)
	}
	for _, bd := range c.Binds {
		fmt.Fprintf(b, "\t\tbind %s = %s %s\n", bd.Name, bd.Field.Name, bd.Pos)
	}
}

var irA = src{"dir/a.fw", `package shop

event Invoice { id string; total int }
event Audit {}
processor Logger {
    on Invoice{id: who, total}
}
`}

var irB = src{"dir/b.fw", `package shop

enum Status { NEW PAID CANCELLED }
enum Color { RED GREEN }

event Order {
    id     string
    region string
    amount int
    price  float
    paid   bool
    status Status
    blob   bytes
    color  Color
}
processor Billing {
    concurrency 4
    on Order{status: PAID, blob: "a\tb", price: 10, amount: 0x1F, region: r, id} as Domestic -> Invoice, Audit, Invoice
    on Order
    on Order{paid: true, price: -0.5, amount: -1_000, region: _, color: GREEN, status: s} as Other
    on terminate
    on init -> Order
    on phase
}
`}

// wantIR is the IR of irA and irB. Files are sorted, so Logger (a.fw) comes
// first; events and enums are sorted by name; tests follow field order and
// binds pattern order; emits are deduplicated and sorted by kind.
const wantIR = `package shop [a.fw b.fw]
enum Color b.fw dir/b.fw:4:1 [RED GREEN]
enum Status b.fw dir/b.fw:3:1 [NEW PAID CANCELLED]
event Audit kind=0 a.fw dir/a.fw:4:1
event Invoice kind=1 a.fw dir/a.fw:3:1
	field 0 id string dir/a.fw:3:17
	field 1 total int dir/a.fw:3:28
event Order kind=2 b.fw dir/b.fw:6:1
	field 0 id string dir/b.fw:7:5
	field 1 region string dir/b.fw:8:5
	field 2 amount int dir/b.fw:9:5
	field 3 price float dir/b.fw:10:5
	field 4 paid bool dir/b.fw:11:5
	field 5 status Status dir/b.fw:12:5
	field 6 blob bytes dir/b.fw:13:5
	field 7 color Color dir/b.fw:14:5
processor Logger index=0 a.fw dir/a.fw:5:1 concurrency=1
	case Invoice index=0 event dir/a.fw:6:5 event=Invoice
		bind who = id dir/a.fw:6:20
		bind total = total dir/a.fw:6:25
processor Billing index=1 b.fw dir/b.fw:16:1 concurrency=4
	case Domestic index=0 event dir/b.fw:18:5 event=Order ->Audit ->Invoice
		test amount in 31
		test price in 10.0
		test status in PAID
		test blob in "a\tb"
		bind r = region dir/b.fw:18:75
		bind id = id dir/b.fw:18:78
	case Order index=1 event dir/b.fw:19:5 event=Order
	case Other index=2 event dir/b.fw:20:5 event=Order
		test amount in -1000
		test price in -0.5
		test paid in true
		test color in GREEN
		bind s = status dir/b.fw:20:88
	case Init index=-1 init dir/b.fw:22:5 ->Order
	case Phase index=-1 phase dir/b.fw:23:5
	case Terminate index=-1 terminate dir/b.fw:21:5
`

func TestIR(t *testing.T) {
	// The input order of the files must not matter.
	for _, order := range [][]src{{irA, irB}, {irB, irA}} {
		pkg, diags := Check(parse(t, order...))
		if diags.HasErrors() { // the lint warnings do not matter here
			t.Fatalf("unexpected diagnostics:\n%s", diags.Text())
		}
		if got := dump(pkg); got != wantIR {
			t.Errorf("IR:\n%s\nwant:\n%s", got, wantIR)
		}
	}
}

func TestValues(t *testing.T) {
	pkg, diags := Check(parse(t, src{"v.fw", `package v
event E { f float; i int; s string; b bool; raw bytes }
processor P {
    on E{f: 100000000000000000000} as Big
    on E{f: -0.0, i: -9223372036854775808, s: "\u00e9\x41", b: false, raw: "\xff"} as Edge
}
`}))
	if diags.HasErrors() {
		t.Fatalf("unexpected diagnostics:\n%s", diags.Text())
	}
	big, edge := pkg.Processors[0].Cases[0], pkg.Processors[0].Cases[1]
	if got := big.Tests[0].Set.String(); got != "1e+20" {
		t.Errorf("Big: float = %s, want 1e+20", got)
	}
	want := []string{"0.0", "-9223372036854775808", `"éA"`, "false", `"\xff"`}
	if len(edge.Tests) != len(want) {
		t.Fatalf("Edge: %d tests, want %d", len(edge.Tests), len(want))
	}
	for i, w := range want {
		if got := edge.Tests[i].Set.String(); got != w {
			t.Errorf("Edge test %d (%s) = %s, want %s", i, edge.Tests[i].Field.Name, got, w)
		}
	}
}

func TestDiagnostics(t *testing.T) {
	tests := []struct {
		name string
		srcs []src
		want string // diag.List.Text()
	}{
		{
			name: "package-mismatch",
			srcs: []src{
				{"b.fw", "package billing\n"},
				{"a.fw", "package shop\nevent E {}\n"},
			},
			// A tie: the first file (by name) wins.
			want: "b.fw:1:9: error: package billing does not match package shop of the other files [package-mismatch]\n" +
				"\ta.fw:1:9: package shop declared here\n",
		},
		{
			name: "bad package name",
			srcs: []src{{"a.fw", "package type\n"}},
			want: "a.fw:1:9: error: package name type is a Go keyword [bad-name]\n",
		},
		{
			name: "bad-name",
			srcs: []src{{"a.fw", `package p
event e { _x int }
processor P { on e{_x: range} }
`}},
			want: "a.fw:2:7: error: event name e must start with an upper-case letter: it becomes an exported Go name [bad-name]\n" +
				"a.fw:2:11: error: field name _x must start with a letter [bad-name]\n" +
				"a.fw:3:24: error: cannot bind to range: it is a Go keyword [bad-name]\n",
		},
		{
			name: "duplicate-declaration across files",
			srcs: []src{
				{"b.fw", "package p\nprocessor X {}\n"},
				{"a.fw", "package p\nenum X { A }\n"},
			},
			want: "b.fw:2:11: error: X redeclared in this package [duplicate-declaration]\n" +
				"\ta.fw:2:6: first declared here\n",
		},
		{
			name: "duplicate-variant",
			srcs: []src{{"a.fw", "package p\nenum S { A, B; A }\n"}},
			want: "a.fw:2:16: error: duplicate variant A in enum S [duplicate-variant]\n" +
				"\ta.fw:2:10: first declared here\n",
		},
		{
			name: "duplicate-field by Go name",
			srcs: []src{{"a.fw", "package p\nevent E { id string; Id int }\n"}},
			want: "a.fw:2:22: error: field Id collides with field id: both become the Go field ID [duplicate-field]\n" +
				"\ta.fw:2:11: field id declared here\n",
		},
		{
			name: "name-collision with a method",
			srcs: []src{{"a.fw", "package p\nevent E { appendBinary bytes }\n"}},
			want: "a.fw:2:11: error: field appendBinary (Go field AppendBinary) collides with the generated method E.AppendBinary [name-collision]\n",
		},
		{
			name: "name-collision of a variant with a later enum",
			srcs: []src{{"a.fw", "package p\nenum AB { C }\nenum A { BC }\n"}},
			want: "a.fw:3:10: error: variant BC of enum A generates the Go name ABC, already used by variant C of enum AB [name-collision]\n" +
				"\ta.fw:2:11: variant C of enum AB declared here\n",
		},
		{
			name: "name-collision with a package-level name",
			srcs: []src{{"a.fw", "package p\nenum New { Pipeline }\n"}},
			want: "a.fw:2:12: error: variant Pipeline of enum New generates the Go name NewPipeline, already used by the generated package-level NewPipeline [name-collision]\n",
		},
		{
			name: "reserved case name",
			srcs: []src{{"a.fw", "package p\nevent E {}\nprocessor P {\n on E as Phase\n on phase\n}\n"}},
			want: "a.fw:4:10: error: case name Phase is reserved for on phase: choose another name [name-collision]\n" +
				"\ta.fw:5:2: on phase declared here\n",
		},
		{
			name: "unknown-type",
			srcs: []src{{"a.fw", "package p\nenum Color { RED }\nevent E { c colour; n Int; p P }\nprocessor P {}\n"}},
			want: "a.fw:3:13: error: unknown type colour; did you mean Color? [unknown-type]\n" +
				"a.fw:3:23: error: unknown type Int; did you mean int? [unknown-type]\n" +
				"a.fw:3:30: error: P is a processor, not a type: a field type is string, int, float, bool, bytes, time, duration, an enum, a record, []T or map[K]T [unknown-type]\n" +
				"\ta.fw:4:11: P declared here\n",
		},
		{
			name: "unknown-event",
			srcs: []src{{"a.fw", "package p\nevent Order {}\nprocessor P {\n on Ordre -> Oder, Order\n on phase -> Xyz\n}\n"}},
			// A transposition is two edits: too many for a five-letter name.
			want: "a.fw:4:5: error: unknown event Ordre; did you mean Order? [unknown-event]\n" +
				"a.fw:4:14: error: unknown event Oder; did you mean Order? [unknown-event]\n" +
				"a.fw:5:14: error: unknown event Xyz [unknown-event]\n",
		},
		{
			name: "unknown-field",
			srcs: []src{{"a.fw", "package p\nevent E { region string }\nprocessor P { on E{regoin: \"EU\"} }\n"}},
			want: "a.fw:3:20: error: event E has no field regoin; did you mean region? [unknown-field]\n",
		},
		{
			name: "duplicate-field-pattern",
			srcs: []src{{"a.fw", "package p\nevent E { n int }\nprocessor P { on E{n: 1, n: 2} }\n"}},
			want: "a.fw:3:26: error: field n appears twice in the pattern [duplicate-field-pattern]\n" +
				"\ta.fw:3:20: first pattern for n here\n",
		},
		{
			name: "duplicate-binding",
			srcs: []src{{"a.fw", "package p\nevent E { a int; b int }\nprocessor P { on E{a, b: a} }\n"}},
			want: "a.fw:3:26: error: a bound twice in case E [duplicate-binding]\n" +
				"\ta.fw:3:20: first bound here\n",
		},
		{
			name: "bad-literal",
			srcs: []src{{"a.fw", `package p
enum S { ON OFF }
event E { n int; f float; b bool; s S; x bytes; t string }
processor P {
    on E{n: 1.0, f: 2, b: 0, s: "on", x: "ok", t: 0x10} as A
    on E{n: -9223372036854775809, f: -1e999, b: true, s: OFF} as B
}
`}},
			want: "a.fw:5:13: error: cannot use float literal 1.0 for int field n [bad-literal]\n" +
				"a.fw:5:27: error: cannot use int literal 0 for bool field b [bad-literal]\n" +
				"a.fw:5:33: error: cannot use string literal \"on\" for S field s; did you mean ON? [bad-literal]\n" +
				"a.fw:5:51: error: cannot use int literal 0x10 for string field t [bad-literal]\n" +
				"a.fw:6:13: error: int literal -9223372036854775809 overflows int64 [bad-literal]\n" +
				"a.fw:6:38: error: float literal -1e999 overflows float64 [bad-literal]\n",
		},
		{
			name: "duplicate-case",
			srcs: []src{{"a.fw", "package p\nevent E {}\nprocessor P {\n on E\n on phase\n on E{}\n on phase\n}\n"}},
			// The second case E is also unreachable: the pattern lint
			// still runs on cases whose patterns are fine.
			want: "a.fw:6:2: warning: case E is unreachable: every E it matches is matched by earlier case E [unreachable-case]\n" +
				"\ta.fw:4:2: case E\n" +
				"a.fw:6:5: error: duplicate case E in processor P: rename this one with \"as Name\" [duplicate-case]\n" +
				"\ta.fw:4:5: first case E here\n" +
				"a.fw:7:2: error: duplicate on phase in processor P [duplicate-case]\n" +
				"\ta.fw:5:2: first on phase here\n",
		},
		{
			name: "unknown-option",
			srcs: []src{{"a.fw", "package p\nprocessor P { concurency 2 }\n"}},
			want: "a.fw:2:15: error: unknown option concurency; did you mean concurrency? [unknown-option]\n",
		},
		{
			name: "bad-option",
			srcs: []src{{"a.fw", "package p\nprocessor P { concurrency -1 }\n"}},
			want: "a.fw:2:27: error: concurrency must be an integer from 1 to 65536, not -1 [bad-option]\n",
		},
		{
			name: "terminate-emits",
			srcs: []src{{"a.fw", "package p\nevent E {}\nprocessor P { on terminate -> E, E }\n"}},
			want: "a.fw:3:31: error: on terminate may not emit: the run is over when it is called [terminate-emits]\n",
		},
		{
			name: "all errors are collected, sorted across files",
			srcs: []src{
				{"b.fw", "package p\nevent B { x nope }\n"},
				{"a.fw", "package p\nevent A { y nada }\nprocessor P { on Q }\n"},
			},
			want: "a.fw:2:13: error: unknown type nada: a field type is string, int, float, bool, bytes, time, duration, an enum, a record, []T or map[K]T [unknown-type]\n" +
				"a.fw:3:18: error: unknown event Q [unknown-event]\n" +
				"b.fw:2:13: error: unknown type nope: a field type is string, int, float, bool, bytes, time, duration, an enum, a record, []T or map[K]T [unknown-type]\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pkg, diags := Check(parse(t, tt.srcs...))
			if got := diags.Text(); got != tt.want {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", got, tt.want)
			}
			if pkg != nil {
				t.Errorf("package is not nil despite errors")
			}
		})
	}
}

func TestMultiFile(t *testing.T) {
	// Declarations of one file are visible in the other, whatever the order.
	pkg, diags := Check(parse(t,
		src{"pkg/z.fw", "package shop\nprocessor Z { on Order -> Invoice }\n"},
		src{"pkg/y.fw", "package shop\nevent Order { status Status }\nevent Invoice {}\n"},
		src{"pkg/x.fw", "package shop\nenum Status { A B }\nprocessor X { on Order{status: B} }\n"},
	))
	if diags.HasErrors() {
		t.Fatalf("unexpected diagnostics:\n%s", diags.Text())
	}
	if got, want := fmt.Sprint(pkg.Files), "[x.fw y.fw z.fw]"; got != want {
		t.Errorf("Files = %s, want %s", got, want)
	}
	var procs []string
	for _, p := range pkg.Processors {
		procs = append(procs, fmt.Sprintf("%s/%d/%s", p.Name, p.Index, p.File))
	}
	if got, want := strings.Join(procs, " "), "X/0/x.fw Z/1/z.fw"; got != want {
		t.Errorf("processors = %s, want %s", got, want)
	}
	if ev := pkg.Events[1]; ev.Name != "Order" || ev.File != "y.fw" || ev.Fields[0].Type.Enum != pkg.Enums[0] {
		t.Errorf("Order = %+v, want in y.fw with the type Status", ev)
	}
}

func TestNoFiles(t *testing.T) {
	pkg, diags := Check(nil)
	if pkg == nil || len(diags) != 0 {
		t.Errorf("Check(nil) = %v, %v; want an empty package", pkg, diags)
	}
}

// TestOddAST feeds ASTs that the parser does not produce today but could after
// a recovery (empty names, nil nodes, typed nils, odd kinds): Check must
// neither panic nor report the empty names.
func TestOddAST(t *testing.T) {
	pos := func(line, col int) ast.Pos { return ast.Pos{File: "odd.fw", Line: line, Col: col} }
	id := func(name string, line, col int) ast.Ident { return ast.Ident{Pos: pos(line, col), Name: name} }
	files := []*ast.File{
		nil,
		{Name: "odd.fw", Package: id("odd", 1, 9), Decls: []ast.Decl{
			nil,
			(*ast.EventDecl)(nil),
			(*ast.EnumDecl)(nil),
			(*ast.ProcessorDecl)(nil),
			&ast.EnumDecl{Name: id("", 2, 1), Variants: []ast.Ident{{}}},
			&ast.EnumDecl{Name: id("S", 3, 1), Variants: []ast.Ident{{}, id("A", 3, 10)}},
			&ast.EventDecl{Name: id("E", 4, 1), Fields: []*ast.FieldDecl{
				nil,
				{Name: id("", 4, 5)},
				{Name: id("s", 4, 10), Type: &ast.TypeExpr{Name: id("", 4, 12)}},
				{Name: id("t", 4, 15), Type: &ast.TypeExpr{Name: id("string", 4, 17)}},
				{Name: id("b", 4, 25), Type: &ast.TypeExpr{Name: id("bool", 4, 27)}},
			}},
			&ast.ProcessorDecl{Name: id("P", 5, 1),
				Options: []*ast.Option{nil, {Name: id("", 5, 3)}},
				Cases: []*ast.Case{
					nil,
					{Kind: 99, Pos: pos(6, 1)},
					{Kind: ast.CaseEvent, Pos: pos(7, 1)}, // no event name
					{Kind: ast.CaseEvent, Pos: pos(8, 1), Name: &ast.Ident{}, Event: id("E", 8, 4),
						Emits: []ast.Ident{{}},
						Fields: []*ast.FieldPattern{
							nil,
							{Field: id("", 8, 6)},
							{Field: id("s", 8, 8), Pattern: (*ast.Name)(nil)},
							{Field: id("t", 8, 12), Pattern: (*ast.Literal)(nil)},
							{Field: id("b", 8, 16), Pattern: &ast.Name{Pos: pos(8, 18), Name: "true"}},
						}},
					{Kind: ast.CaseEvent, Pos: pos(9, 1), Event: id("E", 9, 4), Name: &ast.Ident{Pos: pos(9, 20), Name: "X"},
						Fields: []*ast.FieldPattern{
							{Field: id("t", 9, 6), Pattern: &ast.Literal{Pos: pos(9, 8), Kind: ast.LitString, Raw: `"a\qb"`}},
							{Field: id("b", 9, 14), Pattern: &ast.Name{Pos: pos(9, 16), Name: "_"}},
						}},
				}},
		}},
	}
	pkg, diags := Check(files)
	want := "odd.fw:9:8: error: bad string literal \"a\\qb\": invalid escape or character \\q [bad-literal]\n"
	if got := diags.Text(); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	if pkg != nil {
		t.Errorf("package is not nil despite errors")
	}
}

// TestSortedOutput checks that Check returns its diagnostics sorted even when
// found in another order (fields are checked before processors).
func TestSortedOutput(t *testing.T) {
	_, diags := Check(parse(t, src{"a.fw", "package p\nprocessor P { on X }\nevent E { a nope }\n"}))
	sorted := append(diag.List(nil), diags...).Sort()
	if diags.Text() != sorted.Text() || len(diags) != 2 {
		t.Errorf("diagnostics not sorted:\n%s", diags.Text())
	}
}
