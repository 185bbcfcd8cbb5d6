package parser

import (
	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// The grammar structs follow docs/language.md. They are deliberately
// permissive where the checker gives better messages: option names and
// values, type names and the meaning of identifiers in patterns are not
// restricted here. Every struct that becomes an AST node records the position
// of its first token in Pos, or is where its first field is.

type fileG struct {
	Package identG   `parser:"'package' @@"`
	Decls   []*declG `parser:"@@*"`
}

type declG struct {
	Enum      *enumG      `parser:"@@"`
	Event     *eventG     `parser:"| @@"`
	Record    *recordG    `parser:"| @@"`
	Processor *processorG `parser:"| @@"`
	Builder   *builderG   `parser:"| @@"`
}

type enumG struct {
	Pos      lexer.Position
	Name     identG   `parser:"'enum' @@ '{'"`
	Variants []identG `parser:"( @@ ( ',' | ';' )? )* '}'"`
}

// eventG is `[input] event Name {...}`. `input` is not reserved: it is
// matched by value, and only here.
type eventG struct {
	Pos    lexer.Position
	Input  bool         `parser:"@'input'?"`
	Name   identG       `parser:"'event' @@ '{'"`
	Fields []fieldDeclG `parser:"( @@ ( ',' | ';' )? )* '}'"`
}

// recordG is `record Name {...}`, with the fields of an event. `record` is
// not reserved: it is matched by value, and only where a declaration starts.
type recordG struct {
	Pos    lexer.Position
	Name   identG       `parser:"'record' @@ '{'"`
	Fields []fieldDeclG `parser:"( @@ ( ',' | ';' )? )* '}'"`
}

// fieldDeclG is `name type` or `name type?`. A field name may be the keyword
// event (a failure event's field, see fieldNameG). The `?` applies to the
// whole type: `[]int?` is an optional list of ints.
type fieldDeclG struct {
	Name     fieldNameG `parser:"@@"`
	Type     typeG      `parser:"@@"`
	Optional bool       `parser:"@'?'?"`
}

// typeG is a field type: `[]T`, `map[K]T` or a name. `map` is not
// reserved: it is matched by value, and only where a type starts.
type typeG struct {
	Pos  lexer.Position
	List *typeG  `parser:"(  '[' ']' @@"`
	Map  *mapG   `parser:" | 'map' @@"`
	Name *identG `parser:" | @@ )"`
}

// mapG is `[K]T` after `map`. A `?` after the key is taken here to be
// reported by the converter: a key cannot be optional.
type mapG struct {
	Key    typeG     `parser:"'[' @@"`
	KeyOpt *optMarkG `parser:"@@? ']'"`
	Elem   typeG     `parser:"@@"`
}

// optMarkG is a `?` where none may be.
type optMarkG struct {
	Pos  lexer.Position
	Mark bool `parser:"@'?'"`
}

type processorG struct {
	Pos      lexer.Position
	Name     identG     `parser:"'processor' @@"`
	Provides []provideG `parser:"( 'provides' @@ ( ',' @@ )* )? '{'"`
	Items    []*itemG   `parser:"( @@ ';'? )* '}'"`
}

// provideG is one `target: Type` entry of a processor's provides clause:
// the targets whose artifacts its cases publish (`-> publish target`).
type provideG struct {
	Target targetG   `parser:"@@ ':'"`
	Type   typeNameG `parser:"@@"`
}

// itemG is one entry of a processor body; options and cases may be mixed.
// `on` is reserved, so the first token tells them apart.
type itemG struct {
	Partition *partitionG `parser:"@@"`
	Case      *caseG      `parser:"| @@"`
	Option    *optionG    `parser:"| @@"`
}

// partitionG is `partition by key, ... into K`. `partition`, `by` and
// `into` are matched by value, and only here: the parser does not
// backtrack (see newParser), so an option named partition is an error,
// while options named by or into still parse. A key is `field` or
// `Event.field`.
type partitionG struct {
	Pos lexer.Position
	By  []keyRefG `parser:"'partition' 'by' @@ ( ',' @@ )*"`
	K   countG    `parser:"'into' @@"`
}

// keyRefG is one key of a partition clause: `field` or `Event.field`.
type keyRefG struct {
	Event *upperIdentG `parser:"( @@ '.' )?"`
	Field keyFieldG    `parser:"@@"`
}

// optionG is `name [value ['..' value]] [Event {, Event}]`, a value being an
// int or float token: a count (`retry 2`) or a duration (`timeout 1.5s`,
// `backoff 10ms..1s`), which the lexer reads as an int or float token with
// a unit; the converter checks ints and the checker durations. Newlines are white space, so
// an option followed by another would read as an option with an event list
// if names of both kinds could be alike: an option's name starts with a
// lower-case letter (or '_'), and its event list with an upper-case one, as
// event names do.
type optionG struct {
	Pos    lexer.Position
	Name   lowerIdentG `parser:"@@"`
	Value  *numG       `parser:"( @@"`
	To     *numG       `parser:"  ( '..' @@ )? )?"`
	Events *optEventsG `parser:"@@?"`
}

type optEventsG struct {
	First upperIdentG `parser:"@@"`
	Rest  []identG    `parser:"( ',' @@ )*"`
}

// caseG is an `on` line. The lifecycle words and `built` are not
// reserved, but an event pattern does not start with one: `on init` is the
// lifecycle case, `on built t` the case for the artifacts of target t. An
// event pattern may be followed by a guard, `if expr`; `if` is matched by
// value, and no option or case starts with it. `on _` is the catch-all case
// (an event pattern named "_", which the converter tells apart).
type caseG struct {
	Pos       lexer.Position
	Event     *eventPatG  `parser:"'on' ( @@"`
	Lifecycle *lifecycleG `parser:"| @@"`
	Built     *targetG    `parser:"| 'built' @@ )"`
	Guard     *guardG     `parser:"( 'if' @@ )?"`
	Name      *identG     `parser:"( 'as' @@ )?"`
	Emits     []emitG     `parser:"( '->' @@ ( ',' @@ )* )?"`
}

// guardG is a guard expression: `a || b || ...`, each an `&&` chain. As in
// Go, "||" binds loosest, then "&&", then the comparisons (one per operand
// pair: `a < b < c` is an error), and "!" applies to one operand.
type guardG struct {
	Pos  lexer.Position
	And  andG   `parser:"@@"`
	Rest []andG `parser:"( '||' @@ )*"`
}

// andG is `c && c && ...`.
type andG struct {
	Pos  lexer.Position
	Cmp  cmpG   `parser:"@@"`
	Rest []cmpG `parser:"( '&&' @@ )*"`
}

// cmpG is an operand, or two compared: `x op y`.
type cmpG struct {
	Pos lexer.Position
	X   unaryExprG  `parser:"@@"`
	Op  *cmpOpG     `parser:"( @@"`
	Y   *unaryExprG `parser:"  @@ )?"`
}

// cmpOpG is the operator of a comparison.
type cmpOpG struct {
	Pos lexer.Position
	Op  string `parser:"@( '==' | '!=' | '<=' | '>=' | '<' | '>' )"`
}

// unaryExprG is an operand with any number of "!" before it.
type unaryExprG struct {
	Pos     lexer.Position
	Not     []bangG      `parser:"@@*"`
	Len     *lenCallG    `parser:"(   @@"`
	Paren   *parenG      `parser:"  | @@"`
	Operand *guardValueG `parser:"  | @@ )"`
}

// bangG is one "!" of a unary expression.
type bangG struct {
	Pos  lexer.Position
	Bang string `parser:"@'!'"`
}

// parenG is `(expr)` in a guard.
type parenG struct {
	Pos lexer.Position
	X   guardG `parser:"'(' @@ ')'"`
}

// emitG is one entry of a case's emit list: an event, `resolve t`, a
// request to resolve target t, or `publish t`, an artifact of target t.
// `resolve` and `publish` are matched by value, and always start their
// entries: an event named resolve or publish cannot be emitted.
type emitG struct {
	Resolve *targetG `parser:"  'resolve' @@"`
	Publish *targetG `parser:"| 'publish' @@"`
	Event   *identG  `parser:"| @@"`
}

// builderG is `builder Name provides target [: Type] [requires a, b]
// [persist] [version N] [use Helper(arg: value, ...)] [{ body }]`, its
// clauses in that order. The clause words are not reserved: they are
// matched by value where a clause may start, and none of them names a
// target or a type (see targetG), so that a missing name is reported at the
// word that follows. Without a body, the declaration ends at the first
// token that continues none of its clauses.
type builderG struct {
	Pos      lexer.Position
	Name     identG          `parser:"'builder' @@"`
	Target   targetG         `parser:"'provides' @@"`
	Type     *typeNameG      `parser:"( ':' @@ )?"`
	Requires []targetG       `parser:"( 'requires' @@ ( ',' @@ )* )?"`
	Persist  *persistG       `parser:"@@?"`
	Version  *intG           `parser:"( 'version' @@ )?"`
	Use      *useG           `parser:"@@?"`
	Body     bool            `parser:"( @'{'"`
	Items    []*builderItemG `parser:"  ( @@ ';'? )* '}' )?"`
}

// useG is `use Helper` or `use Helper(name: value, ...)`.
type useG struct {
	Pos    lexer.Position
	Helper helperNameG `parser:"'use' @@"`
	Parens bool        `parser:"( @'('"`
	Args   []argG      `parser:"  ( @@ ( ',' @@ )* )? ')' )?"`
}

// argG is `name: value`; it is where its name is.
type argG struct {
	Name  identG `parser:"@@ ':'"`
	Value valueG `parser:"@@"`
}

// builderItemG is one entry of a builder's body: a partition clause, an
// option, or a lifecycle case (a builder's other cases are its requirements).
type builderItemG struct {
	Partition *partitionG `parser:"@@"`
	Case      *hookG      `parser:"| @@"`
	Option    *optionG    `parser:"| @@"`
}

// hookG is a lifecycle case of a builder: caseG without the other kinds.
type hookG struct {
	Pos       lexer.Position
	Lifecycle lifecycleG `parser:"'on' @@"`
	Name      *identG    `parser:"( 'as' @@ )?"`
	Emits     []emitG    `parser:"( '->' @@ ( ',' @@ )* )?"`
}

// eventPatG is `Event` or `Event{...}`; Braces tells the two apart when the
// braces are empty. The negative lookahead (?! "," "}") stops the repetition
// before a trailing comma without needing parser lookahead (see newParser).
type eventPatG struct {
	Name   eventNameG  `parser:"@@"`
	Braces bool        `parser:"( @'{'"`
	Fields []fieldPatG `parser:"( @@ ( (?! ',' '}') ',' @@ )* ','? )? '}' )?"`
}

// fieldPatG is `field` or `field: pattern`; it is where its field name is.
// The pattern is a patternG, inlined.
type fieldPatG struct {
	Field fieldNameG `parser:"@@"`
	Alts  []unaryG   `parser:"( ':' @@ ( '|' @@ )* )?"`
}

// patternG is `p | q | ...`, or one pattern; "|" binds loosest. It is where
// its first alternative is.
type patternG struct {
	Alts []unaryG `parser:"@@ ( '|' @@ )*"`
}

// unaryG is one alternative. Each operator applies to one value, so the
// first token decides: a value (possibly the low bound of a range: `lo..<hi`,
// `lo..hi` or `lo..`), `prefix`, "!=", a comparison, a range without a low
// bound, "(", a record pattern "{", or `!nil`. A value, the most common, is tried first. `prefix` is
// matched by value, so it cannot be a binding name (it is not a value here,
// see operandG); `prefix` followed by anything but a string is an error.
type unaryG struct {
	Pos     lexer.Position
	Value   *operandG   `parser:"  @@"`
	Excl    *valueG     `parser:"  (   '..<' @@"`
	Incl    bool        `parser:"    | @'..'"`
	InclHi  *valueG     `parser:"      @@? )?"`
	Prefix  *stringG    `parser:"| 'prefix' @@"`
	Not     *notG       `parser:"| '!=' @@"`
	CmpOp   string      `parser:"| ( @( '<=' | '>=' | '<' | '>' )"`
	Cmp     *valueG     `parser:"    @@ )"`
	RangeTo *rangeToG   `parser:"| @@"`
	Group   *patternG   `parser:"| '(' @@ ')'"`
	Record  *recordPatG `parser:"| @@"`
	NotNil  *valueG     `parser:"| '!' @@"`
}

// recordPatG is `{field: pattern, ...}`, the pattern of a record field: its
// entries are those of an event pattern. `!` is followed by a value, for a
// better message than a syntax error when it is not nil.
type recordPatG struct {
	Pos    lexer.Position
	Open   bool        `parser:"@'{'"`
	Fields []fieldPatG `parser:"( @@ ( (?! ',' '}') ',' @@ )* ','? )? '}'"`
}

// notG is the operand of "!=": a value, or values in parentheses separated
// by "|".
type notG struct {
	Value *valueG  `parser:"  @@"`
	Alts  []valueG `parser:"| '(' @@ ( '|' @@ )* ')'"`
}

// rangeToG is `..hi` or `..<hi`.
type rangeToG struct {
	Op string `parser:"@( '..<' | '..' )"`
	Hi valueG `parser:"@@"`
}

// The terminals of the grammar parse themselves (they implement
// participle.Parseable): each takes the next token if it is of its kind,
// and otherwise matches nothing. participle would match a token by
// building a node for its struct, capturing the token's text into a field
// and recording its position, and a choice of token types by trying a
// branch for each; for tokens, which are most of what a parser reads, that
// was most of the time of a parse. In an error message, participle names a
// terminal by its Go type name (identG), and a production by its name
// capitalized (PatternG).
type (
	// identG is an identifier.
	identG struct {
		Pos  lexer.Position
		Name string
	}
	// upperIdentG is an identifier that starts with an upper-case letter,
	// lowerIdentG one that does not.
	upperIdentG identG
	lowerIdentG identG
	// fieldNameG is the name of a field: an identifier, or the keyword
	// event, which is reserved everywhere else. Where a field name is
	// expected (in an event's braces, in a pattern's braces) the keyword
	// cannot start anything else, so a failure event can declare and match
	// its documented field event.
	fieldNameG identG
	// keyFieldG is the field of a partition key: a field name but
	// `into`, which ends the keys.
	keyFieldG identG
	// lifecycleG is `init`, `phase` or `terminate`, which are identifiers,
	// and eventNameG any other identifier but `built`.
	lifecycleG identG
	eventNameG identG
	// targetG is the name of a target: an identifier but the words of a
	// builder's clauses (provides, requires, persist, version, use, built,
	// resolve), and but `input` before the keyword `event`, which starts
	// the next declaration. typeNameG is an artifact type, and helperNameG
	// the helper after `use`, with the same exceptions. They make a
	// missing name an error at the word that follows it, as elsewhere,
	// instead of taking the word for the name.
	targetG     identG
	typeNameG   identG
	helperNameG identG
	// persistG is the word persist.
	persistG identG
	// valueG is the token of a value: a string, a number or an identifier;
	// the converter tells `_`, `true`, `false`, `inf` and `nan` from other
	// identifiers.
	valueG struct {
		Pos  lexer.Position
		Type lexer.TokenType
		Raw  string
	}
	// operandG is a value but `prefix`, which starts a prefix pattern.
	operandG valueG
	// guardValueG is a value but `as`, which ends a guard: `if a > as G`
	// is missing an operand, not comparing a with a binding named as.
	guardValueG valueG
	// stringG is a string literal, quotes included.
	stringG struct {
		Pos lexer.Position
		Raw string
	}
	// intG is an int literal.
	intG struct {
		Pos lexer.Position
		Raw string
	}
	// numG is an int or float literal: an option's value.
	numG struct {
		Pos lexer.Position
		Raw string
	}
	// countG is an int or float literal, the count of a partition
	// clause: the converter refuses a float.
	countG struct {
		Pos   lexer.Position
		Raw   string
		Float bool
	}
	// lenCallG is `len(name)` in a guard. `len` is not reserved: it starts
	// a call only when "(" follows, so a binding may be named len.
	lenCallG struct {
		Pos lexer.Position
		Arg identG
	}
)

func (g *identG) Parse(lex *lexer.PeekingLexer) error {
	return takeIdent(lex, (*identG)(g), nil)
}

func (g *upperIdentG) Parse(lex *lexer.PeekingLexer) error {
	return takeIdent(lex, (*identG)(g), func(name string) bool { return isUpper(name) })
}

func (g *lowerIdentG) Parse(lex *lexer.PeekingLexer) error {
	return takeIdent(lex, (*identG)(g), func(name string) bool { return !isUpper(name) })
}

func (g *fieldNameG) Parse(lex *lexer.PeekingLexer) error {
	if t := lex.Peek(); t.Type == typeKeyword && t.Value == "event" {
		lex.Next()
		g.Pos, g.Name = t.Pos, t.Value
		return nil
	}
	return takeIdent(lex, (*identG)(g), nil)
}

func (g *keyFieldG) Parse(lex *lexer.PeekingLexer) error {
	if t := lex.Peek(); t.Type == typeIdent && t.Value == "into" {
		return participle.NextMatch
	}
	return (*fieldNameG)(g).Parse(lex)
}

func (g *lifecycleG) Parse(lex *lexer.PeekingLexer) error {
	return takeIdent(lex, (*identG)(g), isLifecycle)
}

func (g *eventNameG) Parse(lex *lexer.PeekingLexer) error {
	return takeIdent(lex, (*identG)(g), func(name string) bool { return !isLifecycle(name) && name != "built" })
}

func (g *targetG) Parse(lex *lexer.PeekingLexer) error { return takeBuilderName(lex, (*identG)(g)) }

func (g *typeNameG) Parse(lex *lexer.PeekingLexer) error { return takeBuilderName(lex, (*identG)(g)) }

func (g *helperNameG) Parse(lex *lexer.PeekingLexer) error { return takeBuilderName(lex, (*identG)(g)) }

func (g *persistG) Parse(lex *lexer.PeekingLexer) error {
	return takeIdent(lex, (*identG)(g), func(name string) bool { return name == "persist" })
}

// takeBuilderName takes the next token into g if it is an identifier that
// may name a target, a type or a helper in a builder declaration.
func takeBuilderName(lex *lexer.PeekingLexer, g *identG) error {
	t := lex.Peek()
	if t.Type != typeIdent || isBuilderWord(t.Value) {
		return participle.NextMatch
	}
	if t.Value == "input" {
		// `input event` starts a declaration.
		cp := lex.MakeCheckpoint()
		lex.Next()
		next := lex.Peek()
		lex.LoadCheckpoint(cp)
		if next.Type == typeKeyword && next.Value == "event" {
			return participle.NextMatch
		}
	}
	lex.Next()
	g.Pos, g.Name = t.Pos, t.Value
	return nil
}

func (g *valueG) Parse(lex *lexer.PeekingLexer) error {
	t := lex.Peek()
	switch t.Type {
	case typeString, typeFloat, typeInt, typeIdent:
		lex.Next()
		g.Pos, g.Type, g.Raw = t.Pos, t.Type, t.Value
		return nil
	}
	return participle.NextMatch
}

func (g *operandG) Parse(lex *lexer.PeekingLexer) error {
	if t := lex.Peek(); t.Type == typeIdent && t.Value == "prefix" {
		return participle.NextMatch
	}
	return (*valueG)(g).Parse(lex)
}

func (g *lenCallG) Parse(lex *lexer.PeekingLexer) error {
	t := lex.Peek()
	if t.Type != typeIdent || t.Value != "len" {
		return participle.NextMatch
	}
	cp := lex.MakeCheckpoint()
	lex.Next()
	if p := lex.Peek(); p.Type != typePunct || p.Value != "(" {
		lex.LoadCheckpoint(cp)
		return participle.NextMatch
	}
	lex.Next()
	g.Pos = t.Pos
	arg := lex.Peek()
	if arg.Type != typeIdent {
		return participle.Errorf(arg.Pos, "len takes the name of a bound field, e.g. len(tags)")
	}
	lex.Next()
	g.Arg = identG{Pos: arg.Pos, Name: arg.Value}
	if p := lex.Peek(); p.Type != typePunct || p.Value != ")" {
		return participle.Errorf(p.Pos, "expected \")\" after len's argument (len takes one name)")
	}
	lex.Next()
	return nil
}

func (g *guardValueG) Parse(lex *lexer.PeekingLexer) error {
	if t := lex.Peek(); t.Type == typeIdent && t.Value == "as" {
		return participle.NextMatch
	}
	return (*valueG)(g).Parse(lex)
}

func (g *stringG) Parse(lex *lexer.PeekingLexer) error {
	return takeToken(lex, typeString, &g.Pos, &g.Raw)
}

func (g *intG) Parse(lex *lexer.PeekingLexer) error {
	return takeToken(lex, typeInt, &g.Pos, &g.Raw)
}

func (g *numG) Parse(lex *lexer.PeekingLexer) error {
	if lex.Peek().Type == typeFloat {
		return takeToken(lex, typeFloat, &g.Pos, &g.Raw)
	}
	return takeToken(lex, typeInt, &g.Pos, &g.Raw)
}

func (g *countG) Parse(lex *lexer.PeekingLexer) error {
	if lex.Peek().Type == typeFloat {
		g.Float = true
		return takeToken(lex, typeFloat, &g.Pos, &g.Raw)
	}
	return takeToken(lex, typeInt, &g.Pos, &g.Raw)
}

// takeIdent takes the next token into g if it is an identifier whose name
// is accepted by ok (any name if ok is nil).
func takeIdent(lex *lexer.PeekingLexer, g *identG, ok func(string) bool) error {
	t := lex.Peek()
	if t.Type != typeIdent || ok != nil && !ok(t.Value) {
		return participle.NextMatch
	}
	lex.Next()
	g.Pos, g.Name = t.Pos, t.Value
	return nil
}

// takeToken takes the next token into pos and raw if it is of type typ.
func takeToken(lex *lexer.PeekingLexer, typ lexer.TokenType, pos *lexer.Position, raw *string) error {
	t := lex.Peek()
	if t.Type != typ {
		return participle.NextMatch
	}
	lex.Next()
	*pos, *raw = t.Pos, t.Value
	return nil
}

func isUpper(name string) bool { return name != "" && 'A' <= name[0] && name[0] <= 'Z' }

func isLifecycle(name string) bool { return name == "init" || name == "phase" || name == "terminate" }

// isBuilderWord reports whether name is one of the words of a builder's
// clauses, which name no target, type or helper.
func isBuilderWord(name string) bool {
	switch name {
	case "provides", "requires", "persist", "version", "use", "built", "resolve", "publish":
		return true
	}
	return false
}

// parser is built once; participle parsers are safe for concurrent use.
var parser = newParser()

// newParser builds the parser with lookahead 0: a branch that has consumed a
// token and then fails is an error at the failing token, instead of being
// backtracked and reported, less precisely, at an earlier token. The grammar
// is LL(1), so no backtracking is ever needed. The parser reads tokens
// without comments (see parseLexer), so it has nothing to elide.
func newParser() *participle.Parser[fileG] {
	return participle.MustBuild[fileG](participle.Lexer(scanDef), participle.UseLookahead(0))
}
