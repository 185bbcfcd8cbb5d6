package parser

import (
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl/ast"
)

// onGuard is a package with one case whose guard is g.
func onGuard(g string) string { return "package p\nprocessor P { on A{a, b} if " + g + " as G }" }

// tree prints a guard with every node in brackets, to show how it parsed.
func tree(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Binary:
		return "[" + tree(e.X) + " " + e.Op + " " + tree(e.Y) + "]"
	case *ast.Unary:
		return "[" + e.Op + tree(e.X) + "]"
	case *ast.Paren:
		return "(" + tree(e.X) + ")"
	case *ast.Len:
		return "len:" + e.Arg.Name
	case *ast.Name:
		return e.Name
	case *ast.Literal:
		return e.Kind.String() + ":" + e.Raw
	}
	return "?"
}

func TestParseGuards(t *testing.T) {
	tests := []struct{ guard, want string }{
		{"a > 1", "[a > int:1]"},
		{"a", "a"},
		{"!a", "[!a]"},
		{"!!a", "[![!a]]"},
		{`a == "x" && b != 2.5`, `[[a == string:"x"] && [b != float:2.5]]`},
		// && binds tighter than ||; both are left-associative.
		{"a || b && c || d", "[[a || [b && c]] || d]"},
		{"a && b && c", "[[a && b] && c]"},
		// ! applies to one operand, as in Go.
		{"!a == b", "[[!a] == b]"},
		{"!(a < 1) || len(b) >= 3", "[[!([a < int:1])] || [len:b >= int:3]]"},
		{"(a)", "(a)"},
		{"a <= -1 && b > inf", "[[a <= int:-1] && [b > float:inf]]"},
		{"1 < a", "[int:1 < a]"},
		{"true != a", "[bool:true != a]"},
		{"len < 3", "[len < int:3]"}, // len is a name unless "(" follows
		{"a == NEW", "[a == NEW]"},
	}
	for _, tt := range tests {
		f, diags := ParseFile("x.fw", []byte(onGuard(tt.guard)))
		if len(diags) > 0 {
			t.Errorf("%s: %s", tt.guard, diags.Text())
			continue
		}
		cs := f.Decls[0].(*ast.ProcessorDecl).Cases[0]
		if got := tree(cs.Guard); got != tt.want {
			t.Errorf("%s: parsed as %s, want %s", tt.guard, got, tt.want)
		}
		if cs.Name == nil || cs.Name.Name != "G" {
			t.Errorf("%s: case name %v, want G", tt.guard, cs.Name)
		}
	}
}

func TestParseGuardPositions(t *testing.T) {
	src := "package p\nprocessor P { on A{a} if !(a >  1) as G }"
	f, diags := ParseFile("x.fw", []byte(src))
	if len(diags) > 0 {
		t.Fatal(diags.Text())
	}
	g := f.Decls[0].(*ast.ProcessorDecl).Cases[0].Guard
	not := g.(*ast.Unary)
	paren := not.X.(*ast.Paren)
	cmp := paren.X.(*ast.Binary)
	for _, p := range []struct {
		what string
		pos  ast.Pos
		col  int
	}{{"!", not.Pos, 26}, {"(", paren.Pos, 27}, {"a", cmp.Pos, 28}, {">", cmp.OpPos, 30}, {"1", cmp.Y.ExprPos(), 33}} {
		if p.pos.Line != 2 || p.pos.Col != p.col {
			t.Errorf("%s at %s, want 2:%d", p.what, p.pos, p.col)
		}
	}
}

func TestParseCatchAll(t *testing.T) {
	f, diags := ParseFile("x.fw", []byte("package p\nprocessor P { on A{a} if a as X\n on _ as All -> B }"))
	if len(diags) > 0 {
		t.Fatal(diags.Text())
	}
	cs := f.Decls[0].(*ast.ProcessorDecl).Cases
	if cs[0].IsCatchAll() || !cs[1].IsCatchAll() || cs[1].Fields != nil || cs[1].Guard != nil || len(cs[1].Emits) != 1 {
		t.Errorf("cases %+v %+v", cs[0], cs[1])
	}
}

func TestParseInvalidGuards(t *testing.T) {
	tests := []struct{ name, guard, want string }{
		{"chained comparison", "a < b < 1", `unexpected "<"`},
		{"missing operand", "a >", `x.fw:2:33: error: unexpected name "as", expected a guard operand (a bound name, len(name) or a literal)`},
		{"empty", "", `x.fw:2:30: error: unexpected name "as", expected a guard operand`},
		{"len of a literal", "len(1) > 0", "len takes the name of a bound field"},
		{"len of two", "len(a b) > 0", `expected ")" after len's argument`},
		{"wildcard", "_ == a", `wildcard "_" cannot be used in a guard`},
		{"single ampersand", "a & b", `invalid character '&' (expected "&&")`},
		{"unclosed parenthesis", "(a > 1", `x.fw:2:36: error: unexpected name "as", expected an operator or ")"`},
	}
	for _, tt := range tests {
		_, diags := ParseFile("x.fw", []byte(onGuard(tt.guard)))
		if !strings.Contains(diags.Text(), tt.want) {
			t.Errorf("%s: %q gives %q, want %q", tt.name, tt.guard, diags.Text(), tt.want)
		}
	}
}
