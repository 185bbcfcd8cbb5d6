package check

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/ir"
	"github.com/fwgo/fw/dsl/space"
)

// TestPatternSets checks the value set of each pattern form, through the
// parser: the Set of the case's Test, "(no test)" when the pattern matches
// every value.
func TestPatternSets(t *testing.T) {
	tests := []struct{ field, pattern, want string }{
		{"n", "1 | 3 | 2", "1..3"},
		{"n", "1..5", "1..5"},
		{"n", "1..<5", "1..4"},
		{"n", "..5", "..5"},
		{"n", "..<5", "..4"},
		{"n", "5..", "5.."},
		{"n", "-9223372036854775808..", "(no test)"},
		{"n", "< 0", "..-1"},
		{"n", "<= 0", "..0"},
		{"n", "> 0", "1.."},
		{"n", ">= 0", "0.."},
		{"n", "!= 0", "..-1 | 1.."},
		{"n", "!= (0 | 2)", "..-1 | 1 | 3.."},
		{"n", "!= 0 | 0", "(no test)"},
		{"n", "0x10..0x1F | 0b11", "3 | 16..31"},
		{"n", "< 9223372036854775807", "..9223372036854775806"},
		{"f", "1.5", "1.5"},
		{"f", "-0.0", "0.0"},
		{"f", "0.0..<1.0", "0.0..<1.0"},
		{"f", "..1", "-inf..1.0"},
		{"f", "1..", "1.0..inf"},
		{"f", "..<1.0", "-inf..<1.0"},
		{"f", "< 1.0", "-inf..<1.0"},
		{"f", "> 1.0", "> 1.0 & <= inf"},
		{"f", "inf | -inf", "-inf | inf"},
		{"f", "!= 1.0", "-inf..<1.0 | > 1.0 & <= inf | nan"},
		{"f", "!= nan", "(no test)"},
		{"f", "-inf..inf", "-inf..inf"}, // NaN excluded: still a test
		{"s", "NEW..PAID", "NEW..PAID"},
		{"s", "PAID..", "PAID..CANCELLED"},
		{"s", "..<PAID", "NEW"},
		{"s", "> NEW", "PAID..CANCELLED"},
		{"s", "!= (NEW | CANCELLED)", "PAID"},
		{"s", "NEW | PAID | CANCELLED", "(no test)"},
		{"b", "true | false", "(no test)"},
		{"b", "!= true", "false"},
		{"r", `prefix "ab" | "abc" | "x"`, `"x" | prefix "ab"`},
		{"r", `!= ("a" | "b")`, `!= ("a" | "b")`},
		{"r", `!= "a" | "a"`, "(no test)"},
		{"r", `prefix ""`, "(no test)"},
		{"x", `prefix "\x00"`, `prefix "\x00"`},
	}
	for _, tt := range tests {
		text := fmt.Sprintf(`package p
enum Status { NEW PAID CANCELLED }
input event E { n int; f float; s Status; b bool; r string; x bytes }
processor P { on E{%s: %s} }
`, tt.field, tt.pattern)
		pkg, diags := Check(parse(t, src{"a.fw", text}))
		if diags.HasErrors() {
			t.Errorf("%s: %s:\n%s", tt.field, tt.pattern, diags.Text())
			continue
		}
		c := pkg.Processors[0].Cases[0]
		got := "(no test)"
		if len(c.Tests) == 1 {
			got = c.Tests[0].Set.Format(c.Tests[0].Field.Domain())
		}
		if got != tt.want {
			t.Errorf("%s: %s = %s, want %s", tt.field, tt.pattern, got, tt.want)
		}
	}
}

// TestSetsContain probes the sets of a few patterns with values, NaN and -0.0
// included.
func TestSetsContain(t *testing.T) {
	nan, negZero := math.NaN(), math.Copysign(0, -1)
	tests := []struct {
		pattern string
		in, out []float64
	}{
		{"0.0..<1.0", []float64{0, negZero, 0.5}, []float64{1, nan, -1}},
		{"!= 1.0", []float64{nan, 0, math.Inf(1)}, []float64{1}},
		{"!= (1.0 | 2.0)", []float64{nan, 1.5}, []float64{1, 2}},
		{"< inf", []float64{math.MaxFloat64, math.Inf(-1)}, []float64{math.Inf(1), nan}},
		{"-0.0", []float64{0, negZero}, []float64{nan}},
	}
	for _, tt := range tests {
		pkg, diags := Check(parse(t, src{"a.fw", "package p\ninput event E { f float }\nprocessor P { on E{f: " + tt.pattern + "} }\n"}))
		if diags.HasErrors() {
			t.Fatalf("%s:\n%s", tt.pattern, diags.Text())
		}
		s := pkg.Processors[0].Cases[0].Tests[0].Set
		for _, v := range tt.in {
			if !s.Contains(space.Value{Float: v}) {
				t.Errorf("%s does not contain %v", tt.pattern, v)
			}
		}
		for _, v := range tt.out {
			if s.Contains(space.Value{Float: v}) {
				t.Errorf("%s contains %v", tt.pattern, v)
			}
		}
	}
}

func TestExhaustiveAndInput(t *testing.T) {
	pkg, diags := Check(parse(t, src{"a.fw", `package p
input event B { n int }
event A { n int }
event C {}
processor P {
    exhaustive B
    exhaustive A, B
    on init -> A, C
    on B{n: _} -> C
    on A
}
processor Q {
    exhaustive
    on C
    on B
}
processor R {
    on C
}
`}))
	if diags.HasErrors() {
		t.Fatal(diags.Text())
	}
	names := func(evs []*ir.Event) string {
		var s []string
		for _, ev := range evs {
			s = append(s, ev.Name)
		}
		return strings.Join(s, " ")
	}
	for i, want := range []string{"A B", "B C", ""} {
		if got := names(pkg.Processors[i].Exhaustive); got != want {
			t.Errorf("processor %s: Exhaustive = %q, want %q", pkg.Processors[i].Name, got, want)
		}
	}
	for _, ev := range pkg.Events {
		if ev.Input != (ev.Name == "B") {
			t.Errorf("event %s: Input = %v", ev.Name, ev.Input)
		}
	}
}

// TestUnreachableMessage checks a whole warning, related positions included.
func TestUnreachableMessage(t *testing.T) {
	_, diags := Check(parse(t, src{"a.fw", `package p
input event E { n int; b bool }
processor P {
    on E{n: 0..10, b: true} as A
    on E{n: 5..20, b: false} as B
    on E{n: 100} as C
    on E{n: 5..10} as D
}
`}))
	want := "a.fw:7:5: warning: case D is unreachable: every E it matches is matched by earlier cases A and B [unreachable-case]\n" +
		"\ta.fw:4:5: case A\n" +
		"\ta.fw:5:5: case B\n"
	if got := diags.Text(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestHandBuiltAST feeds pattern nodes that the parser does not produce (a
// nested !=, a range inside !=, a prefix inside !=, open ..<, nil bounds):
// Check must report them, not panic.
func TestHandBuiltAST(t *testing.T) {
	pos := func(col int) ast.Pos { return ast.Pos{File: "h.fw", Line: 3, Col: col} }
	lit := func(col int, kind ast.LitKind, raw string) *ast.Literal {
		return &ast.Literal{Pos: pos(col), Kind: kind, Raw: raw}
	}
	field := func(name string, p ast.Pattern) *ast.FieldPattern {
		return &ast.FieldPattern{Field: ast.Ident{Pos: pos(1), Name: name}, Pattern: p}
	}
	cases := []*ast.FieldPattern{
		field("n", &ast.Not{Pos: pos(10), Pattern: &ast.Not{Pos: pos(13), Pattern: lit(16, ast.LitInt, "1")}}),
		field("m", &ast.Not{Pos: pos(20), Pattern: &ast.Range{Pos: pos(23), Lo: lit(23, ast.LitInt, "1"), Hi: lit(26, ast.LitInt, "2")}}),
		field("s", &ast.Not{Pos: pos(30), Pattern: &ast.Prefix{Pos: pos(33), Value: lit(40, ast.LitString, `"a"`)}}),
		field("k", &ast.Range{Pos: pos(50), Lo: lit(50, ast.LitInt, "1"), Exclusive: true}),
		field("j", &ast.Range{Pos: pos(60)}),
		field("i", &ast.Alt{Pos: pos(70), Alts: []ast.Pattern{lit(70, ast.LitInt, "1"), &ast.Alt{Pos: pos(74), Alts: []ast.Pattern{lit(74, ast.LitInt, "2"), lit(78, ast.LitInt, "2")}}}}),
		field("h", &ast.Compare{Pos: pos(80), Op: "<", Value: &ast.Range{Pos: pos(82)}}),
	}
	files := parse(t, src{"h.fw", "package p\ninput event E { n int; m int; s string; k int; j int; i int; h int }\n"})
	files[0].Decls = append(files[0].Decls, &ast.ProcessorDecl{Name: ast.Ident{Pos: pos(1), Name: "P"},
		Cases: []*ast.Case{{Pos: pos(1), Kind: ast.CaseEvent, Event: ast.Ident{Pos: pos(4), Name: "E"}, Fields: cases}}})
	_, diags := Check(files)
	want := []string{
		"h.fw:3:13: error: != cannot be nested: write != (a | b) [bad-pattern]",
		"h.fw:3:23: error: a range is not allowed inside !=: != takes literals (write the complement as a range) [bad-pattern]",
		"h.fw:3:33: error: prefix is not allowed inside !=: != takes literals [bad-pattern]",
		"h.fw:3:50: error: ..< needs an upper bound [bad-pattern]",
		"h.fw:3:78: warning: alternative 2 is redundant: 2 already matches every value it matches [redundant-alternative]",
		"h.fw:3:82: error: a bound must be a literal or a variant, not .. [bad-pattern]",
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
