package parser

import (
	"bytes"
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
)

// Names of the token types; the grammar refers to them as @Ident, @Int, ...
const (
	tokComment = "Comment"
	tokArrow   = "Arrow"
	tokFloat   = "Float"
	tokInt     = "Int"
	tokString  = "String"
	tokKeyword = "Keyword"
	tokIdent   = "Ident"
	tokPunct   = "Punct"
)

// lexDef specifies the .fw lexer; scanDef (scan.go) implements it without
// regular expressions, and is what the parser uses. The rules are tried in
// order and the first match wins, so the order matters:
//   - "->" comes before the numbers, which may start with '-';
//   - floats come before ints, which would otherwise match their integer part;
//   - the reserved keywords come before identifiers; the trailing \b keeps
//     `onX` or `events` an identifier;
//   - among the punctuation, "..<" comes before ".." and ".." before "."
//     (which joins an event and a field in a partition key), "<=", ">=", "!="
//     before "<", ">" and "!", and "||" before "|" (the operators of a
//     guard: "==", "&&", "||", "!").
//
// Numbers are matched loosely and validated when converting, which gives a
// better message than a lexer or parser error in mid-token: a float is
// decimal digits, then a '.' followed by a digit, letter or '_', or an
// exponent marker, then any run of digits, letters and '_', of such '.'
// pairs, and of exponent markers with an optional sign; an int is a digit and
// any run of digits, letters and '_'. So `2.5e-3`, `0x1F` and the bad `1.5e`,
// `1.2.3` and `12abc` are each one token, while a '.' followed by another '.'
// ends a number: `1..5` is 1, "..", 5 and `1.5..2.5` is 1.5, "..", 2.5. (RE2
// has no lookahead, hence the pairs; the price is that `1.`, without a digit
// after the point, is not a float.) `-inf` is a float token; `inf` and `nan`
// are identifiers that the converter reads as floats in a pattern.
//
// The rule "whitespace" starts with a lower-case letter, which makes
// participle's lexer drop it. Comments are kept as tokens so that ParseFile
// can collect them; they are set aside before parsing (see parseLexer).
var lexDef = lexer.MustSimple([]lexer.SimpleRule{
	{Name: tokComment, Pattern: `//[^\n]*`},
	{Name: "whitespace", Pattern: `[ \t\r\n]+`},
	{Name: tokArrow, Pattern: `->`},
	{Name: tokFloat, Pattern: `-inf\b|-?[0-9][0-9_]*(?:\.[0-9A-Za-z_]|[eE][+-]?)(?:[0-9A-DF-Za-df-z_]|\.[0-9A-Za-z_]|[eE][+-]?)*`},
	{Name: tokInt, Pattern: `-?[0-9][0-9A-Za-z_]*`},
	{Name: tokString, Pattern: `"(?:[^"\\\n]|\\.)*"`},
	{Name: tokKeyword, Pattern: `(?:package|enum|event|processor|builder|on)\b`},
	{Name: tokIdent, Pattern: `[A-Za-z_][A-Za-z0-9_]*`},
	{Name: tokPunct, Pattern: `\.\.<|\.\.|\.|<=|>=|!=|==|&&|\|\||[{}:,;<>|()!\[\]?]`},
})

// Token types as numbered by lexDef.
var (
	typeComment = lexDef.Symbols()[tokComment]
	typeArrow   = lexDef.Symbols()[tokArrow]
	typeFloat   = lexDef.Symbols()[tokFloat]
	typeInt     = lexDef.Symbols()[tokInt]
	typeString  = lexDef.Symbols()[tokString]
	typeKeyword = lexDef.Symbols()[tokKeyword]
	typeIdent   = lexDef.Symbols()[tokIdent]
	typePunct   = lexDef.Symbols()[tokPunct]
)

// tokenize lexes src into tokens, comments included, ending with an EOF
// token. It reports the first lexical error, if any.
func tokenize(filename string, src []byte) ([]lexer.Token, diag.List) {
	// participle's lexer would accept invalid UTF-8 and NUL bytes inside
	// strings and comments; like Go, .fw rejects them anywhere.
	if off, msg := checkEncoding(src); msg != "" {
		return nil, diag.List{syntaxError(posAt(filename, src, off), "%s", msg)}
	}
	s := newScanner(filename, string(src))
	// About one token for every three to six bytes in practice.
	toks := make([]lexer.Token, 0, len(src)/3+16)
	for {
		tok, err := s.Next()
		if err != nil {
			return nil, diag.List{lexError(filename, src, err)}
		}
		toks = append(toks, tok)
		if tok.EOF() {
			return toks, nil
		}
	}
}

// checkEncoding returns the offset of the first invalid UTF-8 sequence or
// NUL byte in src, with a message; the message is empty if there is none.
func checkEncoding(src []byte) (int, string) {
	if utf8.Valid(src) && bytes.IndexByte(src, 0) < 0 {
		return 0, "" // the common case, on a fast path
	}
	for off := 0; off < len(src); {
		r, size := utf8.DecodeRune(src[off:])
		switch {
		case r == utf8.RuneError && size == 1:
			return off, "invalid UTF-8 encoding"
		case r == 0:
			return off, "invalid NUL character"
		}
		off += size
	}
	return 0, ""
}

// lexError turns the lexer's error into a diagnostic. The lexer only fails
// where no rule matches; its message quotes the next 16 runes, so we look at
// the offending character ourselves to say what is wrong.
func lexError(filename string, src []byte, err error) diag.Diagnostic {
	lerr, ok := err.(*lexer.Error)
	if !ok || lerr.Pos.Offset < 0 || lerr.Pos.Offset >= len(src) {
		return syntaxError(ast.Pos{File: filename, Line: 1, Col: 1}, "%v", err)
	}
	pos := toPos(filename, lerr.Pos)
	r, _ := utf8.DecodeRune(src[lerr.Pos.Offset:])
	switch r {
	case '"':
		// A quote that the string rule did not match: the line ends first.
		return syntaxError(pos, "string literal not terminated")
	case '-':
		return syntaxError(pos, `invalid character '-' (expected "->" or a number)`)
	case '/':
		return syntaxError(pos, `invalid character '/' (comments start with "//")`)
	case '&':
		return syntaxError(pos, `invalid character '&' (expected "&&")`)
	case '.':
		// After a number, as in `1.`, the '.' was meant as a decimal point.
		start := lerr.Pos.Offset
		for start > 0 && isWordByte(src[start-1]) {
			start--
		}
		if start < lerr.Pos.Offset && '0' <= src[start] && src[start] <= '9' {
			return syntaxError(pos, "invalid character '.' (a decimal point must be followed by a digit)")
		}
		return syntaxError(pos, `invalid character '.' (expected ".." or "..<")`)
	}
	return syntaxError(pos, "invalid character %s", quoteRune(r))
}

// isWordByte reports whether b may be part of an identifier or a number.
func isWordByte(b byte) bool {
	return b == '_' || '0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'
}

// quoteRune formats r for a message: 'x', or U+00A0 for invisible runes.
func quoteRune(r rune) string {
	if unicode.IsPrint(r) {
		return fmt.Sprintf("'%c'", r)
	}
	return fmt.Sprintf("U+%04X", r)
}

// toPos converts a participle position. participle counts columns in runes,
// as ast.Pos wants, and tokenize has rejected invalid UTF-8, so Column needs
// no fixing up.
func toPos(filename string, p lexer.Position) ast.Pos {
	return ast.Pos{File: filename, Offset: p.Offset, Line: p.Line, Col: p.Column}
}

// posAt computes the position of byte offset off in src, counting columns in
// runes (an invalid byte counts as one).
func posAt(filename string, src []byte, off int) ast.Pos {
	off = min(max(off, 0), len(src))
	pos := ast.Pos{File: filename, Offset: off, Line: 1, Col: 1}
	for i := 0; i < off; {
		r, size := utf8.DecodeRune(src[i:])
		if r == '\n' {
			pos.Line++
			pos.Col = 1
		} else {
			pos.Col++
		}
		i += size
	}
	return pos
}

// syntaxError builds a diagnostic of rule "syntax".
func syntaxError(pos ast.Pos, format string, args ...any) diag.Diagnostic {
	return diag.Errorf(pos, "syntax", format, args...)
}
