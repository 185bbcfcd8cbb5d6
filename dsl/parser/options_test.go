package parser

import (
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl/ast"
)

// TestParseDurationOptions: an option's value may be a duration (an int or
// float token with a unit), and a range `a..b`; the converter leaves
// durations to the checker.
func TestParseDurationOptions(t *testing.T) {
	src := "package p\ninput event A { n int }\nprocessor P {\n    retry 3 backoff 10ms..1.5s timeout 1m30s\n    on A\n}\n"
	f, diags := ParseFile("x.fw", []byte(src))
	if len(diags) > 0 {
		t.Fatal(diags.Text())
	}
	var got []string
	for _, o := range f.Decls[1].(*ast.ProcessorDecl).Options {
		s := o.Name.Name
		if o.Value != nil {
			s += " " + o.Value.Raw + "@" + o.Value.Pos.String()
		}
		if o.To != nil {
			s += " .. " + o.To.Raw + "@" + o.To.Pos.String()
		}
		got = append(got, s)
	}
	want := "retry 3@x.fw:4:11 | backoff 10ms@x.fw:4:21 .. 1.5s@x.fw:4:27 | timeout 1m30s@x.fw:4:40"
	if g := strings.Join(got, " | "); g != want {
		t.Errorf("options\n got  %s\n want %s", g, want)
	}
	for _, tc := range []struct{ src, want string }{
		{"retry 2 backoff 10ms..", `x.fw:5:5: error: unexpected keyword "on", expected a duration, as in backoff 10ms..1s [syntax]`},
		{"retry 2x", `x.fw:4:11: error: invalid digit 'x' in decimal literal [syntax]`},
	} {
		_, diags := ParseFile("x.fw", []byte("package p\ninput event A { n int }\nprocessor P {\n    "+tc.src+"\n    on A\n}\n"))
		if diags.Text() != tc.want+"\n" {
			t.Errorf("%s:\n got  %s want %s", tc.src, diags.Text(), tc.want)
		}
	}
}
