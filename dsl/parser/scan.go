package parser

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"
)

// scanDef is the lexer that the parser uses: lexDef's rules, hand-written.
// participle's lexer tries lexDef's regular expressions one after the other
// at each token, which made lexing about half of the time of a parse; the
// scanner dispatches on the first byte instead. It produces the same tokens,
// positions and errors as lexDef (TestScannerAgreesWithLexDef checks this on
// every .fw file of the repository and the fuzz seeds, and FuzzScanner on
// anything), and shares its token types.
var scanDef lexer.Definition = scanDefinition{}

type scanDefinition struct{}

var (
	_ lexer.StringDefinition = scanDefinition{}
	_ lexer.BytesDefinition  = scanDefinition{}
)

func (scanDefinition) Symbols() map[string]lexer.TokenType { return lexDef.Symbols() }

func (d scanDefinition) Lex(filename string, r io.Reader) (lexer.Lexer, error) {
	var b strings.Builder
	if _, err := io.Copy(&b, r); err != nil {
		return nil, err
	}
	return d.LexString(filename, b.String())
}

func (scanDefinition) LexString(filename, s string) (lexer.Lexer, error) {
	return newScanner(filename, s), nil
}

func (d scanDefinition) LexBytes(filename string, b []byte) (lexer.Lexer, error) {
	return d.LexString(filename, string(b))
}

// scanner lexes one source. It implements lexer.Lexer.
type scanner struct {
	src      string
	filename string
	off      int // offset of the next byte
	line     int
	col      int // column of the next byte, in runes
}

func newScanner(filename, src string) *scanner {
	return &scanner{src: src, filename: filename, line: 1, col: 1}
}

// scanState is where a scanner is, enough for another to start there.
type scanState struct{ off, line, col int }

func (s *scanner) state() scanState { return scanState{s.off, s.line, s.col} }

func (s *scanner) setState(st scanState) { s.off, s.line, s.col = st.off, st.line, st.col }

func (s *scanner) pos() lexer.Position {
	return lexer.Position{Filename: s.filename, Offset: s.off, Line: s.line, Column: s.col}
}

// Next returns the next token, comments included; after the last one it
// returns EOF tokens. Where no rule of lexDef matches, it returns a
// *lexer.Error with lexDef's message.
func (s *scanner) Next() (lexer.Token, error) {
	src := s.src
	// The "whitespace" rule, which is dropped.
	for s.off < len(src) {
		switch src[s.off] {
		case ' ', '\t', '\r':
			s.col++
		case '\n':
			s.line++
			s.col = 1
		default:
			return s.token()
		}
		s.off++
	}
	return lexer.EOFToken(s.pos()), nil
}

// token lexes the token at s.off, which is not white space. The first byte
// tells which rules may match; they are tried in lexDef's order.
func (s *scanner) token() (lexer.Token, error) {
	src, start := s.src, s.off
	var (
		typ   lexer.TokenType
		end   int
		ascii = true // the token is ASCII: its length is its width in runes
	)
	switch c := src[start]; {
	case c == '/':
		if !strings.HasPrefix(src[start:], "//") {
			return s.fail()
		}
		typ, end, ascii = typeComment, len(src), false
		if i := strings.IndexByte(src[start:], '\n'); i >= 0 {
			end = start + i
		}
	case c == '-':
		switch {
		case strings.HasPrefix(src[start:], "->"):
			typ, end = typeArrow, start+2
		case strings.HasPrefix(src[start:], "-inf") && (start+4 == len(src) || !isWordByte(src[start+4])):
			typ, end = typeFloat, start+4
		case start+1 < len(src) && isDigit(src[start+1]):
			typ, end = scanNumber(src, start+1)
		default:
			return s.fail()
		}
	case isDigit(c):
		typ, end = scanNumber(src, start)
	case c == '"':
		if end = scanString(src, start); end < 0 {
			return s.fail()
		}
		typ, ascii = typeString, false
	case isWordByte(c):
		end = start + 1
		for end < len(src) && isWordByte(src[end]) {
			end++
		}
		typ = typeIdent
		if isKeyword(src[start:end]) {
			typ = typeKeyword
		}
	default:
		if end = scanPunct(src, start); end < 0 {
			return s.fail()
		}
		typ = typePunct
	}
	tok := lexer.Token{Type: typ, Value: src[start:end], Pos: s.pos()}
	s.off = end
	if ascii {
		s.col += end - start
	} else {
		s.col += utf8.RuneCountInString(tok.Value)
	}
	return tok, nil
}

// fail reports that no rule matches at s.off, as lexDef does.
func (s *scanner) fail() (lexer.Token, error) {
	sample := []rune(s.src[s.off:])
	if len(sample) > 16 {
		sample = append(sample[:16], []rune("...")...)
	}
	return lexer.Token{}, &lexer.Error{Msg: fmt.Sprintf("lexer: invalid input text %q", string(sample)), Pos: s.pos()}
}

// scanNumber returns the type and end of the number whose first digit is at
// i (after the sign, if any). It is a float if the digits and '_' that start
// it are followed by a '.' and a word byte, or by an exponent marker; it then
// goes on with word bytes, such '.' pairs, and exponent markers each with an
// optional sign. Otherwise it is an int: a run of word bytes.
func scanNumber(src string, i int) (lexer.TokenType, int) {
	j := i + 1
	for j < len(src) && (isDigit(src[j]) || src[j] == '_') {
		j++
	}
	float := false
	for j < len(src) {
		c := src[j]
		switch {
		case c == 'e' || c == 'E':
			j++
			if j < len(src) && (src[j] == '+' || src[j] == '-') {
				j++
			}
		case c == '.' && j+1 < len(src) && isWordByte(src[j+1]):
			j += 2
		case float && isWordByte(c):
			j++
		default:
			if float {
				return typeFloat, j
			}
			// An int: the word bytes from i.
			for j = i + 1; j < len(src) && isWordByte(src[j]); j++ {
			}
			return typeInt, j
		}
		float = true
	}
	if float {
		return typeFloat, j
	}
	return typeInt, j
}

// scanString returns the end of the string literal that starts at i, or -1
// if the line or the source ends first. A backslash escapes any character
// but a newline.
func scanString(src string, i int) int {
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '"':
			return j + 1
		case '\n':
			return -1
		case '\\':
			if j+1 == len(src) || src[j+1] == '\n' {
				return -1
			}
			j++
		}
	}
	return -1
}

// scanPunct returns the end of the punctuation at i, or -1 if there is none.
func scanPunct(src string, i int) int {
	next := byte(0)
	if i+1 < len(src) {
		next = src[i+1]
	}
	switch src[i] {
	case '{', '}', ':', ',', ';', '(', ')', '[', ']', '?':
		return i + 1
	case '|':
		if next == '|' {
			return i + 2
		}
		return i + 1
	case '&', '=':
		if next == src[i] {
			return i + 2
		}
	case '<', '>':
		if next == '=' {
			return i + 2
		}
		return i + 1
	case '!':
		if next == '=' {
			return i + 2
		}
		return i + 1
	case '.':
		if next == '.' {
			if i+2 < len(src) && src[i+2] == '<' {
				return i + 3
			}
			return i + 2
		}
		return i + 1
	}
	return -1
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// isKeyword reports whether word is reserved.
func isKeyword(word string) bool {
	switch word {
	case "package", "enum", "event", "processor", "builder", "on":
		return true
	}
	return false
}
