package parser

import (
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
	if off < 0 || off >= len(src) || !pos.IsValid() {
		return pos
	}
	s := &scanner{src: string(src[off:]), filename: pos.File, line: pos.Line, col: pos.Col}
	if tok, err := s.token(); err == nil && tok.Value != "" {
		return ast.Pos{File: pos.File, Offset: off + s.off, Line: s.line, Col: s.col}
	}
	if c := src[off]; c == '\n' || c == '\r' {
		return pos
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
