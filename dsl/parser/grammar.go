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
	Package *identG  `"package" @@`
	Decls   []*declG `@@*`
}

type identG struct {
	Pos  lexer.Position
	Name string `@Ident`
}

type declG struct {
	Enum      *enumG      `  @@`
	Event     *eventG     `| @@`
	Processor *processorG `| @@`
}

type enumG struct {
	Pos      lexer.Position
	Name     *identG   `"enum" @@ "{"`
	Variants []*identG `( @@ ( "," | ";" )? )* "}"`
}

type eventG struct {
	Pos    lexer.Position
	Name   *identG       `"event" @@ "{"`
	Fields []*fieldDeclG `( @@ ( "," | ";" )? )* "}"`
}

type fieldDeclG struct {
	Pos  lexer.Position
	Name *identG `@@`
	Type *identG `@@`
}

type processorG struct {
	Pos   lexer.Position
	Name  *identG  `"processor" @@ "{"`
	Items []*itemG `( @@ ";"? )* "}"`
}

// itemG is one entry of a processor body; options and cases may be mixed.
// `on` is reserved, so the first token tells them apart.
type itemG struct {
	Case   *caseG   `  @@`
	Option *optionG `| @@`
}

type optionG struct {
	Pos   lexer.Position
	Name  *identG `@@`
	Value *intG   `@@?`
}

type intG struct {
	Pos lexer.Position
	Raw string `@Int`
}

// caseG is an `on` line. The lifecycle words are not reserved, so they are
// tried before an event pattern: `on init` is the lifecycle case.
type caseG struct {
	Pos       lexer.Position
	Lifecycle *lifecycleG `"on" ( @@`
	Event     *eventPatG  `     | @@ )`
	Name      *identG     `( "as" @@ )?`
	Emits     []*identG   `( "->" @@ ( "," @@ )* )?`
}

type lifecycleG struct {
	Pos  lexer.Position
	Kind string `@( "init" | "phase" | "terminate" )`
}

// eventPatG is `Event` or `Event{...}`; Braces tells the two apart when the
// braces are empty. The negative lookahead (?! "," "}") stops the repetition
// before a trailing comma without needing parser lookahead (see newParser).
type eventPatG struct {
	Name   *identG      `@@`
	Braces bool         `( @"{"`
	Fields []*fieldPatG `  ( @@ ( (?! "," "}") "," @@ )* ","? )? "}" )?`
}

type fieldPatG struct {
	Pos     lexer.Position
	Field   *identG   `@@`
	Pattern *patternG `( ":" @@ )?`
}

// patternG captures the token of a pattern into the field of its type; the
// converter tells `_`, `true` and `false` from other identifiers.
type patternG struct {
	Pos    lexer.Position
	String string `  @String`
	Float  string `| @Float`
	Int    string `| @Int`
	Ident  string `| @Ident`
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
