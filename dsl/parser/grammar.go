package parser

import (
	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// The grammar follows docs/language.md but is deliberately permissive where
// the checker gives better messages: option names and values, type names and
// the meaning of identifiers in patterns are not restricted here.

type fileG struct {
	Pos     lexer.Position
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

type eventPatG struct {
	Name   *identG      `@@`
	Braces bool         `( @"{"`
	Fields []*fieldPatG `( @@ ( "," @@ )* ","? )? "}" )?`
}

type fieldPatG struct {
	Pos     lexer.Position
	Field   *identG   `@@`
	Pattern *patternG `( ":" @@ )?`
}

type patternG struct {
	Pos    lexer.Position
	String string `  @String`
	Float  string `| @Float`
	Int    string `| @Int`
	Ident  string `| @Ident`
}

var parser = participle.MustBuild[fileG](
	participle.Lexer(lexDef),
	participle.Elide(tokComment),
)
