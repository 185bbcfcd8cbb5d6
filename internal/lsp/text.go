package lsp

import (
	"unicode/utf16"
	"unicode/utf8"
)

// A text is the content of a document with the offsets at which its lines
// start, to convert between the positions of the three worlds: the byte
// offsets of Go strings, the 1-based line and rune column of the parser
// (ast.Pos), and the 0-based line and UTF-16 character of LSP.
type text struct {
	src    []byte
	starts []int // byte offset of each line's first byte
}

func newText(src []byte) *text {
	t := &text{src: src, starts: []int{0}}
	for i, b := range src {
		if b == '\n' {
			t.starts = append(t.starts, i+1)
		}
	}
	return t
}

// lineEnd returns the byte offset of the end of line i (0-based), before its
// newline (and a carriage return before it).
func (t *text) lineEnd(i int) int {
	end := len(t.src)
	if i+1 < len(t.starts) {
		end = t.starts[i+1] - 1
	}
	if end > t.starts[i] && t.src[end-1] == '\r' {
		end--
	}
	return end
}

// offsetOfCol returns the byte offset of the 1-based line and rune column of
// the parser, clamped to the line.
func (t *text) offsetOfCol(line, col int) int {
	if line < 1 {
		return 0
	}
	if line > len(t.starts) {
		return len(t.src)
	}
	off, end := t.starts[line-1], t.lineEnd(line-1)
	for c := 1; c < col && off < end; c++ {
		_, n := utf8.DecodeRune(t.src[off:end])
		off += n
	}
	return off
}

// position returns the LSP position of a byte offset.
func (t *text) position(off int) Position {
	off = max(0, min(off, len(t.src)))
	// The line is the last whose start is at or before off.
	lo, hi := 0, len(t.starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if t.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	ch := 0
	for i := t.starts[lo]; i < off; {
		r, n := utf8.DecodeRune(t.src[i:])
		i += n
		ch += utf16.RuneLen(r) // 1 for an invalid byte (utf8.RuneError)
	}
	return Position{Line: lo, Character: ch}
}

// offset returns the byte offset of an LSP position, clamped to its line (a
// character past the end of the line is its end, as LSP asks).
func (t *text) offset(p Position) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(t.starts) {
		return len(t.src)
	}
	off, end := t.starts[p.Line], t.lineEnd(p.Line)
	for ch := 0; ch < p.Character && off < end; {
		r, n := utf8.DecodeRune(t.src[off:end])
		off += n
		ch += utf16.RuneLen(r)
	}
	return off
}

// posOf returns the LSP position of the parser's line and column.
func (t *text) posOf(line, col int) Position { return t.position(t.offsetOfCol(line, col)) }

// tokenEnd returns the byte offset of the end of the token that starts at
// off: an identifier or number, a string literal, or else one character. It
// gives a diagnostic that has only a start an end, the extent of what it
// points at.
func (t *text) tokenEnd(off int) int {
	src := t.src
	if off >= len(src) {
		return len(src)
	}
	switch c := src[off]; {
	case isWordByte(c) || c == '-' && off+1 < len(src) && isDigit(src[off+1]):
		i := off + 1
		for i < len(src) && (isWordByte(src[i]) || src[i] == '.' && i+1 < len(src) && isDigit(src[i+1])) {
			i++
		}
		return i
	case c == '"' || c == '`':
		for i := off + 1; i < len(src) && src[i] != '\n'; i++ {
			if src[i] == '\\' && c == '"' {
				i++
				continue
			}
			if src[i] == c {
				return i + 1
			}
		}
		return t.lineEnd(t.position(off).Line)
	case c == '\n' || c == '\r':
		return off
	}
	_, n := utf8.DecodeRune(src[off:])
	return off + n
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isWordByte(c byte) bool {
	return c == '_' || isDigit(c) || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf
}

// applyChange returns src with the LSP change applied: a whole new text
// when it has no range.
func applyChange(src []byte, ch contentChange) []byte {
	if ch.Range == nil {
		return []byte(ch.Text)
	}
	t := newText(src)
	start, end := t.offset(ch.Range.Start), t.offset(ch.Range.End)
	if end < start {
		start, end = end, start
	}
	out := make([]byte, 0, len(src)-(end-start)+len(ch.Text))
	out = append(out, src[:start]...)
	out = append(out, ch.Text...)
	return append(out, src[end:]...)
}
