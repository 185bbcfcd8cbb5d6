package parser

import (
	"bytes"
	"unicode/utf8"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
)

// TokenEnd returns the position just past the token that starts at pos in
// src (pos.Offset, pos.Line and pos.Col must agree): the end of a
// diagnostic about that token. Where no token starts at pos (a byte that no
// token begins with, white space), it is one rune past pos; at a line end
// or the end of src, pos itself.
func TokenEnd(src []byte, pos ast.Pos) ast.Pos {
	off := pos.Offset
	if off < 0 || off >= len(src) || !pos.IsValid() || src[off] == '\n' || src[off] == '\r' {
		return pos
	}
	// No token goes past the end of its line: lex that line alone.
	line := src[off:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	s := &scanner{src: string(line), filename: pos.File, line: pos.Line, col: pos.Col}
	if tok, err := s.token(); err == nil && tok.Value != "" {
		return ast.Pos{File: pos.File, Offset: off + s.off, Line: s.line, Col: s.col}
	}
	_, size := utf8.DecodeRune(src[off:])
	return ast.Pos{File: pos.File, Offset: off + size, Line: pos.Line, Col: pos.Col + 1}
}

// withEnds gives each diagnostic of src without an end the end of the token
// at its position.
func withEnds(src []byte, diags diag.List) diag.List {
	for i, d := range diags {
		if !d.End.IsValid() && d.Pos.IsValid() {
			diags[i].End = TokenEnd(src, d.Pos)
		}
	}
	return diags
}

// Span is where a token is in its source: the bytes [Start, End).
type Span struct {
	Kind       TokenKind
	Start, End int
}

// Spans lexes src into the spans of its tokens, comments included, in
// source order: Tokens without their text and positions, which the checker
// reads to find the ends of nodes. It returns nil on a lexical error.
func Spans(src []byte) []Span {
	s := newScanner("", string(src))
	out := make([]Span, 0, len(src)/4)
	for {
		t, err := s.Next()
		if err != nil {
			return nil
		}
		if t.EOF() {
			return out
		}
		out = append(out, Span{Kind: tokenKinds[t.Type], Start: t.Pos.Offset, End: t.Pos.Offset + len(t.Value)})
	}
}
