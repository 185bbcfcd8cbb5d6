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

type eventG struct {
	Pos    lexer.Position
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

type optionG struct {
	Pos   lexer.Position
	Name  *identG `parser:"@@"`
	Value *intG   `parser:"@@?"`
}

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

// patternG captures the token of a pattern into the field of its type; the
// converter tells `_`, `true` and `false` from other identifiers.
type patternG struct {
	Pos    lexer.Position
	String string `parser:"@String"`
	Float  string `parser:"| @Float"`
	Int    string `parser:"| @Int"`
	Ident  string `parser:"| @Ident"`
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
