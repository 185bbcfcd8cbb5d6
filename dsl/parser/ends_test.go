package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl/ast"
)

func TestTokenEnd(t *testing.T) {
	src := "package shop\nevent X { s string } // c\n\"Ünï\" \"open\n@"
	// at returns the position of the n-th occurrence of sub (0-based).
	at := func(sub string, n int) ast.Pos {
		off := -1
		for range n + 1 {
			off += 1 + strings.Index(src[off+1:], sub)
		}
		line := 1 + strings.Count(src[:off], "\n")
		col := 1 + len([]rune(src[strings.LastIndex(src[:off], "\n")+1:off]))
		return ast.Pos{File: "x.fw", Offset: off, Line: line, Col: col}
	}
	end := func(p ast.Pos, text string) ast.Pos {
		p.Offset += len(text)
		p.Col += len([]rune(text))
		return p
	}
	for _, tc := range []struct {
		pos, want ast.Pos
	}{
		{at("package", 0), end(at("package", 0), "package")},
		{at(`"Ünï"`, 0), end(at(`"Ünï"`, 0), `"Ünï"`)}, // 7 bytes, 5 runes
		{at("// c", 0), end(at("// c", 0), "// c")},    // a comment, to its line end
		{at("\n", 0), at("\n", 0)},                     // a line end: empty
		{at(" ", 0), end(at(" ", 0), " ")},             // white space: one rune
		{at(`"open`, 0), end(at(`"open`, 0), `"`)},     // an unterminated string: one rune
		{at("@", 0), end(at("@", 0), "@")},             // a byte no token starts with
		{end(at("@", 0), "@"), end(at("@", 0), "@")},   // the end of the file
	} {
		if got := TokenEnd([]byte(src), tc.pos); got != tc.want {
			t.Errorf("TokenEnd(%v) = %v (offset %d), want %v (offset %d)", tc.pos, got, got.Offset, tc.want, tc.want.Offset)
		}
	}
}

// TestSyntaxErrorEnds: a syntax error ends after the token it names.
func TestSyntaxErrorEnds(t *testing.T) {
	_, diags := ParseFile("x.fw", []byte("package shop\n\nevent Order { amount int\n\nprocessor Billing {}\n"))
	if len(diags) != 1 {
		t.Fatalf("want one diagnostic, got:\n%s", diags.Text())
	}
	d := diags[0]
	if d.Pos.Line != 5 || d.End.Offset-d.Pos.Offset != len("processor") || d.End.Line != 5 || d.End.Col != d.Pos.Col+len("processor") {
		t.Errorf("%s: end %v", d, d.End)
	}
}

// TestSpans: the spans of a source are its tokens.
func TestSpans(t *testing.T) {
	src := []byte("package shop // c\nevent X { s string? }\n")
	toks, diags := Tokens("x.fw", src)
	if len(diags) > 0 {
		t.Fatal(diags.Text())
	}
	spans := Spans(src)
	if len(spans) != len(toks) {
		t.Fatalf("%d spans, %d tokens", len(spans), len(toks))
	}
	for i, s := range spans {
		if s.Kind != toks[i].Kind || s.Start != toks[i].Pos.Offset || s.End != toks[i].End() {
			t.Errorf("span %d: %+v, token %+v", i, s, toks[i])
		}
	}
	if Spans([]byte("package @")) != nil {
		t.Error("spans of a source that does not lex")
	}
}

// TestTokenEndEverywhere calls TokenEnd at every offset of the parser's
// test files: it ends at or after its position, within the file and on its
// line.
func TestTokenEndEverywhere(t *testing.T) {
	paths, _ := filepath.Glob("testdata/*.fw")
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for off := range len(src) + 1 {
			pos := posAt(p, src, off)
			end := TokenEnd(src, pos)
			if end.Offset < off || end.Offset > len(src) || end.Line != pos.Line || end.Col-pos.Col > end.Offset-off {
				t.Fatalf("%s: TokenEnd(%v) = %v (offsets %d, %d)", p, pos, end, off, end.Offset)
			}
		}
	}
}
