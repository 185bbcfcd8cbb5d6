package parser

import (
	"github.com/alecthomas/participle/v2/lexer"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
)

// TokenKind is the lexical class of a Token.
type TokenKind int

const (
	TokenComment TokenKind = iota // a line comment, "//" included
	TokenKeyword                  // package, enum, event, processor, builder, on
	TokenIdent                    // an identifier, unreserved words included
	TokenInt
	TokenFloat // a float literal, -inf included (inf and nan are identifiers)
	TokenString
	TokenPunct // punctuation and operators, "->" included
)

// Token is one token of a .fw file. Tools that need the layout of the source
// beyond the positions of the AST (the formatter) read it alongside.
type Token struct {
	Kind TokenKind
	Text string // as in the source; a comment may end in '\r' (a CRLF line ending)
	Pos  ast.Pos
}

// End is the byte offset just after the token.
func (t Token) End() int { return t.Pos.Offset + len(t.Text) }

var tokenKinds = map[lexer.TokenType]TokenKind{
	typeComment: TokenComment,
	typeKeyword: TokenKeyword,
	typeIdent:   TokenIdent,
	typeInt:     TokenInt,
	typeFloat:   TokenFloat,
	typeString:  TokenString,
	typeArrow:   TokenPunct,
	typePunct:   TokenPunct,
}

// Tokens lexes src into its tokens, comments included, in source order. On
// a lexical error it returns the diagnostic that ParseFile would return
// first. A source that lexes may still not parse.
func Tokens(filename string, src []byte) ([]Token, diag.List) {
	toks, diags := tokenize(filename, src)
	if len(diags) > 0 {
		return nil, diags
	}
	out := make([]Token, 0, len(toks)-1)
	for _, t := range toks {
		if !t.EOF() {
			out = append(out, Token{Kind: tokenKinds[t.Type], Text: t.Value, Pos: toPos(filename, t.Pos)})
		}
	}
	return out, nil
}
