package parser

import "github.com/alecthomas/participle/v2/lexer"

// Token type names of the lexer; the grammar refers to them as @Ident, @Int, ...
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

// lexDef is the .fw lexer. The rules are tried in order and the first match
// wins, so the order matters:
//   - "->" comes before the numbers, which may start with '-';
//   - floats come before ints, which would otherwise match their integer part;
//   - the reserved keywords come before identifiers; the trailing \b keeps
//     `onX` or `events` an identifier.
//
// Numbers are matched loosely (an int runs over any letters and digits, so
// `0x1F`, `1_000` and the bad `12abc` are each one token) and validated when
// converting, which gives a better message than a lexer error in mid-token.
// The rule "whitespace" starts with a lower-case letter, which makes
// participle's lexer drop it; comments are kept as tokens so that ParseFile
// can collect them, and are elided before parsing.
var lexDef = lexer.MustSimple([]lexer.SimpleRule{
	{Name: tokComment, Pattern: `//[^\n]*`},
	{Name: "whitespace", Pattern: `[ \t\r\n]+`},
	{Name: tokArrow, Pattern: `->`},
	{Name: tokFloat, Pattern: `-?[0-9][0-9_]*(?:\.[0-9_]*(?:[eE][+-]?[0-9_]+)?|[eE][+-]?[0-9_]+)`},
	{Name: tokInt, Pattern: `-?[0-9][0-9A-Za-z_]*`},
	{Name: tokString, Pattern: `"(?:[^"\\\n]|\\.)*"`},
	{Name: tokKeyword, Pattern: `(?:package|enum|event|processor|on)\b`},
	{Name: tokIdent, Pattern: `[A-Za-z_][A-Za-z0-9_]*`},
	{Name: tokPunct, Pattern: `[{}:,;]`},
})
