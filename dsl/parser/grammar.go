package parser

import (
	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// The grammar structs follow docs/language.md. They are deliberately
// permissive where the checker gives better messages: option names and
// values, type names and the meaning of identifiers in patterns are not
// restricted here. Every struct that becomes an AST node records the position
// of its first token in Pos.

type fileG struct {
	Package *identG  `parser:"'package' @@"`
	Decls   []*declG `parser:"@@*"`
}

type identG struct {
	Pos  lexer.Position
	Name string `parser:"@Ident"`
}

type declG struct {
	Enum      *enumG      `parser:"@@"`
	Event     *eventG     `parser:"| @@"`
	Processor *processorG `parser:"| @@"`
}

type enumG struct {
	Pos      lexer.Position
	Name     *identG   `parser:"'enum' @@ '{'"`
	Variants []*identG `parser:"( @@ ( ',' | ';' )? )* '}'"`
}

// eventG is `[input] event Name {...}`. `input` is not reserved: it is
// matched by value, and only here.
type eventG struct {
	Pos    lexer.Position
	Input  bool          `parser:"@'input'?"`
	Name   *identG       `parser:"'event' @@ '{'"`
	Fields []*fieldDeclG `parser:"( @@ ( ',' | ';' )? )* '}'"`
}

type fieldDeclG struct {
	Pos  lexer.Position
	Name *identG `parser:"@@"`
	Type *identG `parser:"@@"`
}

type processorG struct {
	Pos   lexer.Position
	Name  *identG  `parser:"'processor' @@ '{'"`
	Items []*itemG `parser:"( @@ ';'? )* '}'"`
}

// itemG is one entry of a processor body; options and cases may be mixed.
// `on` is reserved, so the first token tells them apart.
type itemG struct {
	Case   *caseG   `parser:"@@"`
	Option *optionG `parser:"| @@"`
}

// optionG is `name [int] [Event {, Event}]`. Newlines are white space, so
// an option followed by another would read as an option with an event list
// if names of both kinds could be alike: an option's name starts with a
// lower-case letter (or '_'), and its event list with an upper-case one, as
// event names do.
type optionG struct {
	Pos    lexer.Position
	Name   *lowerIdentG `parser:"@@"`
	Value  *intG        `parser:"@@?"`
	Events *optEventsG  `parser:"@@?"`
}

type optEventsG struct {
	First *upperIdentG `parser:"@@"`
	Rest  []*identG    `parser:"( ',' @@ )*"`
}

// upperIdentG is an identifier that starts with an upper-case letter,
// lowerIdentG one that does not. participle cannot test a token's spelling,
// so they parse themselves.
type (
	upperIdentG struct {
		Pos  lexer.Position
		Name string
	}
	lowerIdentG struct {
		Pos  lexer.Position
		Name string
	}
)

// Parse implements participle.Parseable: it takes the next token if it is
// an identifier that starts with an upper-case letter, and otherwise
// matches nothing.
func (u *upperIdentG) Parse(lex *lexer.PeekingLexer) error {
	var ok bool
	u.Pos, u.Name, ok = identStarting(lex, true)
	if !ok {
		return participle.NextMatch
	}
	return nil
}

// Parse implements participle.Parseable: it takes the next token if it is
// an identifier that does not start with an upper-case letter, and
// otherwise matches nothing.
func (l *lowerIdentG) Parse(lex *lexer.PeekingLexer) error {
	var ok bool
	l.Pos, l.Name, ok = identStarting(lex, false)
	if !ok {
		return participle.NextMatch
	}
	return nil
}

// identStarting takes the next token if it is an identifier whose first
// letter is upper-case or not, as upper says.
func identStarting(lex *lexer.PeekingLexer, upper bool) (lexer.Position, string, bool) {
	t := lex.Peek()
	if t.Type != typeIdent || isUpper(t.Value) != upper {
		return lexer.Position{}, "", false
	}
	lex.Next()
	return t.Pos, t.Value, true
}

func isUpper(name string) bool { return name != "" && 'A' <= name[0] && name[0] <= 'Z' }

type intG struct {
	Pos lexer.Position
	Raw string `parser:"@Int"`
}

// caseG is an `on` line. The lifecycle words are not reserved, so they are
// tried before an event pattern: `on init` is the lifecycle case.
type caseG struct {
	Pos       lexer.Position
	Lifecycle *lifecycleG `parser:"'on' ( @@"`
	Event     *eventPatG  `parser:"| @@ )"`
	Name      *identG     `parser:"( 'as' @@ )?"`
	Emits     []*identG   `parser:"( '->' @@ ( ',' @@ )* )?"`
}

type lifecycleG struct {
	Pos  lexer.Position
	Kind string `parser:"@( 'init' | 'phase' | 'terminate' )"`
}

// eventPatG is `Event` or `Event{...}`; Braces tells the two apart when the
// braces are empty. The negative lookahead (?! "," "}") stops the repetition
// before a trailing comma without needing parser lookahead (see newParser).
type eventPatG struct {
	Name   *identG      `parser:"@@"`
	Braces bool         `parser:"( @'{'"`
	Fields []*fieldPatG `parser:"( @@ ( (?! ',' '}') ',' @@ )* ','? )? '}' )?"`
}

type fieldPatG struct {
	Pos     lexer.Position
	Field   *identG   `parser:"@@"`
	Pattern *patternG `parser:"( ':' @@ )?"`
}

// patternG is `p | q | ...`, or one pattern; "|" binds loosest.
type patternG struct {
	Pos  lexer.Position
	Alts []*unaryG `parser:"@@ ( '|' @@ )*"`
}

// unaryG is one alternative. Each operator applies to one value, so the
// first token decides: "!=", a comparison, `prefix`, a range without a low
// bound, "(", or a value, possibly the low bound of a range. `prefix` is
// matched by value, so it cannot be a binding name; `prefix` followed by
// anything but a string is an error.
type unaryG struct {
	Pos     lexer.Position
	Not     *notG     `parser:"  '!=' @@"`
	CmpOp   string    `parser:"| ( @( '<=' | '>=' | '<' | '>' )"`
	Cmp     *valueG   `parser:"    @@ )"`
	Prefix  *stringG  `parser:"| 'prefix' @@"`
	RangeTo *rangeToG `parser:"| @@"`
	Group   *patternG `parser:"| '(' @@ ')'"`
	Atom    *atomG    `parser:"| @@"`
}

// notG is the operand of "!=": a value, or values in parentheses separated
// by "|".
type notG struct {
	Pos   lexer.Position
	Value *valueG   `parser:"  @@"`
	Alts  []*valueG `parser:"| '(' @@ ( '|' @@ )* ')'"`
}

// rangeToG is `..hi` or `..<hi`.
type rangeToG struct {
	Op string  `parser:"@( '..<' | '..' )"`
	Hi *valueG `parser:"@@"`
}

// atomG is a value, or a range from it: `lo..<hi`, `lo..hi` or `lo..`.
type atomG struct {
	Value  *valueG `parser:"@@"`
	Excl   *valueG `parser:"(   '..<' @@"`
	Incl   bool    `parser:"  | @'..'"`
	InclHi *valueG `parser:"    @@? )?"`
}

// valueG captures the token of a value into the field of its type; the
// converter tells `_`, `true`, `false`, `inf` and `nan` from other
// identifiers.
type valueG struct {
	Pos    lexer.Position
	String string `parser:"  @String"`
	Float  string `parser:"| @Float"`
	Int    string `parser:"| @Int"`
	Ident  string `parser:"| @Ident"`
}

type stringG struct {
	Pos lexer.Position
	Raw string `parser:"@String"`
}

// parser is built once; participle parsers are safe for concurrent use.
var parser = newParser()

// newParser builds the parser with lookahead 0: a branch that has consumed a
// token and then fails is an error at the failing token, instead of being
// backtracked and reported, less precisely, at an earlier token. The grammar
// is LL(1), so no backtracking is ever needed.
func newParser() *participle.Parser[fileG] {
	return participle.MustBuild[fileG](
		participle.Lexer(lexDef),
		participle.Elide(tokComment),
		participle.UseLookahead(0),
	)
}
