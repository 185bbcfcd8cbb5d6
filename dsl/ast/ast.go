// Package ast is the syntax tree of .fw files: what the parser produces and the
// checker reads. Every node carries the position of its first token.
package ast

import (
	"fmt"
	"strings"
)

// Pos is a position in a source file. Line and Col are 1-based; Col counts runes.
type Pos struct {
	File   string
	Offset int // byte offset, 0-based
	Line   int
	Col    int
}

// IsValid reports whether the position points into a file.
func (p Pos) IsValid() bool { return p.Line > 0 }

// String formats the position as file:line:col.
func (p Pos) String() string {
	if !p.IsValid() {
		if p.File == "" {
			return "-"
		}
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Before orders positions by file, then offset (line and column as a fallback).
func (p Pos) Before(q Pos) bool {
	if p.File != q.File {
		return p.File < q.File
	}
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Col < q.Col
}

// Ident is a name with its position.
type Ident struct {
	Pos  Pos
	Name string
}

// File is one parsed .fw file.
type File struct {
	Name     string // path as given to the parser
	Package  Ident
	Decls    []Decl
	Comments []*Comment // every comment, in source order (for fmt)
	// Src is the source text the file was parsed from (nil when unknown):
	// the checker reads the ends of what its diagnostics are about, and
	// the text its suggested fixes edit, from it.
	Src []byte
}

// Comment is a line comment, text without the leading "//".
type Comment struct {
	Pos  Pos
	Text string
}

// Decl is a top-level declaration: *EnumDecl, *EventDecl, *RecordDecl,
// *ProcessorDecl or *BuilderDecl.
type Decl interface {
	DeclName() Ident
	decl()
}

// EnumDecl is `enum Name { A B C }`.
type EnumDecl struct {
	Pos      Pos
	Name     Ident
	Variants []Ident
}

// EventDecl is `[input] event Name { field type ... }`.
type EventDecl struct {
	Pos    Pos
	Input  bool // marked `input`: submitted from outside, not only emitted
	Name   Ident
	Fields []*FieldDecl
}

// RecordDecl is `record Name { field type ... }`: a named structured value,
// a field type, which is not an event and is never routed.
type RecordDecl struct {
	Pos    Pos
	Name   Ident
	Fields []*FieldDecl
}

// FieldDecl is one `name type` (or `name type?`) line of an event or a record.
type FieldDecl struct {
	Pos      Pos
	Name     Ident
	Type     *TypeExpr
	Optional bool // written with a trailing `?`: the field may be absent
}

// TypeExprKind tells the forms of a type expression apart.
type TypeExprKind int

const (
	TypeName TypeExprKind = iota // a name: string, int, ..., time, duration, an enum or a record
	TypeList                     // []Elem
	TypeMap                      // map[Key]Elem
)

// TypeExpr is a field type as written: a name, `[]T` or `map[K]T`.
type TypeExpr struct {
	Pos  Pos
	Kind TypeExprKind
	Name Ident     // TypeName
	Key  *TypeExpr // TypeMap
	Elem *TypeExpr // TypeList and TypeMap
}

// String is the type as written in canonical form.
func (t *TypeExpr) String() string {
	if t == nil {
		return ""
	}
	switch t.Kind {
	case TypeList:
		return "[]" + t.Elem.String()
	case TypeMap:
		return "map[" + t.Key.String() + "]" + t.Elem.String()
	}
	return t.Name.Name
}

// ProcessorDecl is `processor Name [provides t: Type, ...] { options... cases... }`.
type ProcessorDecl struct {
	Pos  Pos
	Name Ident
	// Provides are the targets the processor publishes (`-> publish t` in its
	// cases), in source order; nil when it provides none.
	Provides []*Provide
	// Partition is the `partition by f into K` clause, nil when absent.
	Partition *Partition
	Options   []*Option
	Cases     []*Case
}

// Provide is one `target: Type` entry of a processor's provides clause.
type Provide struct {
	Target Ident
	Type   *Ident // nil when the type is missing (an error)
}

// BuilderDecl is
//
//	builder Name provides target[: Type] [requires a, b] [persist] [version N] [use Helper(arg: v, ...)] [{ options... cases... }]
//
// A builder without requires is a source builder; with requires, a transform
// builder; with `use`, one of the runtime's helpers (Collector, Grouper, ...),
// whose target type is inferred. The optional body holds options (such as
// `concurrency 2`) and lifecycle cases (`on phase`, `on terminate`).
type BuilderDecl struct {
	Pos      Pos
	Name     Ident
	Target   Ident  // the provided target
	Type     *Ident // the artifact type after ':', nil when omitted
	Requires []Ident
	Persist  *Ident  // the `persist` keyword, nil when absent
	Version  *IntLit // `version N`, nil when absent
	Use      *Use    // `use Helper(...)`, nil for a user builder
	// Partition is the `partition by f into K` clause of its body, nil when absent.
	Partition *Partition
	Options   []*Option
	Cases     []*Case
	Body      bool // written with braces (possibly empty)
}

// Use is `use Helper` or `use Helper(name: value, ...)`.
type Use struct {
	Pos    Pos
	Helper Ident
	Args   []*Arg
	Parens bool // written with parentheses (possibly empty)
}

// Arg is one `name: value` argument of a helper; Value is a *Literal or a
// *Name (a field name, a type name or an identifier).
type Arg struct {
	Pos   Pos
	Name  Ident
	Value Pattern
}

// Partition is `partition by f into K`, or `partition by T.f, U.g into K`
// with a field name per event type: the declaration becomes K instances
// (key groups), each receiving the inputs whose key field hashes to it.
type Partition struct {
	Pos  Pos
	Keys []KeyRef
	K    *IntLit
}

// KeyRef is one key of a partition clause: `f`, or `T.f` for the inputs of
// type T only.
type KeyRef struct {
	Event *Ident // nil for `f`
	Field Ident
}

// Pos is where the key is written: at its type, or at its field.
func (k KeyRef) Pos() Pos {
	if k.Event != nil {
		return k.Event.Pos
	}
	return k.Field.Pos
}

// String is the key as written.
func (k KeyRef) String() string {
	if k.Event != nil {
		return k.Event.Name + "." + k.Field.Name
	}
	return k.Field.Name
}

// Option is a processor option line such as `concurrency 4`, `exhaustive`,
// `exhaustive Order, Refund`, `timeout 2s` or `backoff 10ms..1s`.
type Option struct {
	Pos   Pos
	Name  Ident
	Value *IntLit // nil when the option takes no value; a duration for backoff and timeout
	// To is the value after "..", for a range (`backoff 10ms..1s`); nil when none.
	To     *IntLit
	Events []Ident // names after the option (e.g. `exhaustive Order`), nil when none
}

// IntLit is an integer literal as written (or, as the value of a
// backoff or timeout option, a duration literal such as 10ms or 1.5s).
type IntLit struct {
	Pos Pos
	Raw string
}

// CaseKind tells event cases from lifecycle cases.
type CaseKind int

const (
	CaseEvent     CaseKind = iota // on Event{...}
	CaseInit                      // on init
	CasePhase                     // on phase
	CaseTerminate                 // on terminate
	CaseBuilt                     // on built target
)

func (k CaseKind) String() string {
	switch k {
	case CaseInit:
		return "init"
	case CasePhase:
		return "phase"
	case CaseTerminate:
		return "terminate"
	case CaseBuilt:
		return "built"
	}
	return "event"
}

// Case is one `on` line of a processor.
type Case struct {
	Pos    Pos
	Kind   CaseKind
	Event  Ident           // CaseEvent only
	Fields []*FieldPattern // CaseEvent only; nil for `on Event` without braces
	Target Ident           // CaseBuilt only: `on built target`
	// Guard is the expression after `if` (CaseEvent only), nil when absent:
	// the case matches when its pattern matches and the guard holds.
	Guard Expr
	Name  *Ident // `as Name`, nil when absent
	// Emits are the events after `->`, Resolves the targets after `->` that
	// follow the word resolve: `-> Invoice, resolve words, resolve files`,
	// Publishes those that follow the word publish: `-> publish orders`.
	Emits     []Ident
	Resolves  []Ident
	Publishes []Ident
}

// CatchAllName is the event name of the catch-all case `on _`, which
// receives every event type that the processor's earlier cases did not match.
const CatchAllName = "_"

// IsCatchAll reports whether c is the catch-all case `on _`.
func (c *Case) IsCatchAll() bool { return c.Kind == CaseEvent && c.Event.Name == CatchAllName }

// FieldPattern is one `field` or `field: pattern` entry of an event pattern.
type FieldPattern struct {
	Pos     Pos
	Field   Ident
	Pattern Pattern // nil for the shorthand `field`, which binds the value to `field`
}

// Pattern is the pattern of one field: *Wildcard, *Name, *Literal, *Alt, *Range,
// *Compare, *Not, *Prefix, *RecordPattern, *Nil or *NotNil.
type Pattern interface {
	PatPos() Pos
	pattern()
}

// Wildcard is `_`.
type Wildcard struct{ Pos Pos }

// Name is an identifier in a pattern: a binding, or an enum variant (the checker decides).
type Name struct {
	Pos  Pos
	Name string
}

// Alt is `p | q | ...` (two or more alternatives). A parenthesised pattern
// `(p)` is p itself; the parser keeps no node for parentheses.
type Alt struct {
	Pos  Pos
	Alts []Pattern
}

// Range is `lo..hi` (inclusive), `lo..<hi` (half-open), `..hi`, `..<hi` or `lo..`.
// Lo and Hi are *Literal or *Name (an enum variant); nil when open.
type Range struct {
	Pos       Pos
	Lo, Hi    Pattern
	Exclusive bool // `..<`: hi is excluded
}

// Compare is `< v`, `<= v`, `> v` or `>= v`; Value is *Literal or *Name.
type Compare struct {
	Pos   Pos
	Op    string // "<", "<=", ">", ">="
	Value Pattern
}

// Not is `!= p`: p is a *Literal, a *Name (variant), or an *Alt of those
// written in parentheses, `!= (a | b)`.
type Not struct {
	Pos     Pos
	Pattern Pattern
}

// Prefix is `prefix "p"`: strings (or bytes) that start with p.
type Prefix struct {
	Pos   Pos
	Value *Literal
}

// RecordPattern is `{field: pattern, field, ...}`, the pattern of a record
// field: the patterns of the record's fields, each entry as in an event
// pattern (nested at any depth). It matches a present record whose fields
// match; `{}` matches any present record.
type RecordPattern struct {
	Pos    Pos
	Fields []*FieldPattern
}

// Nil is `nil`: an optional field that is absent.
type Nil struct{ Pos Pos }

// NotNil is `!nil`: an optional field that is present, whatever its value.
type NotNil struct{ Pos Pos }

// LitKind is the lexical kind of a literal.
type LitKind int

const (
	LitString LitKind = iota
	LitInt
	LitFloat
	LitBool
)

func (k LitKind) String() string {
	switch k {
	case LitInt:
		return "int"
	case LitFloat:
		return "float"
	case LitBool:
		return "bool"
	}
	return "string"
}

// Literal is a literal value as written: Raw holds the source text, including
// quotes for strings and a leading '-' for negative numbers. Floats include the
// words inf, -inf and nan.
type Literal struct {
	Pos  Pos
	Kind LitKind
	Raw  string
}

// Expr is a guard expression: *Binary, *Unary, *Paren, *Len, or an operand,
// *Name (a bound name or an enum variant) or *Literal.
type Expr interface {
	ExprPos() Pos
	expr()
}

// Binary is `x op y`: a comparison (==, !=, <, <=, >, >=) or a logical
// operator (&&, ||). Pos is where x is; OpPos is where a comparison's
// operator is (for && and ||, where x is).
type Binary struct {
	Pos   Pos
	Op    string
	OpPos Pos
	X, Y  Expr
}

// Unary is `!x`.
type Unary struct {
	Pos Pos
	Op  string // "!"
	X   Expr
}

// Paren is `(x)`; it is kept so that the formatter prints what was written.
type Paren struct {
	Pos Pos
	X   Expr
}

// Len is `len(name)`: the length of a bound string, bytes, list or map.
type Len struct {
	Pos Pos
	Arg Ident
}

func (e *Binary) ExprPos() Pos  { return e.Pos }
func (e *Unary) ExprPos() Pos   { return e.Pos }
func (e *Paren) ExprPos() Pos   { return e.Pos }
func (e *Len) ExprPos() Pos     { return e.Pos }
func (p *Name) ExprPos() Pos    { return p.Pos }
func (p *Literal) ExprPos() Pos { return p.Pos }
func (*Binary) expr()           {}
func (*Unary) expr()            {}
func (*Paren) expr()            {}
func (*Len) expr()              {}
func (*Name) expr()             {}
func (*Literal) expr()          {}

func (d *EnumDecl) DeclName() Ident      { return d.Name }
func (d *EventDecl) DeclName() Ident     { return d.Name }
func (d *RecordDecl) DeclName() Ident    { return d.Name }
func (d *ProcessorDecl) DeclName() Ident { return d.Name }
func (d *BuilderDecl) DeclName() Ident   { return d.Name }
func (*BuilderDecl) decl()               {}
func (*EnumDecl) decl()                  {}
func (*EventDecl) decl()                 {}
func (*RecordDecl) decl()                {}
func (*ProcessorDecl) decl()             {}

func (p *Wildcard) PatPos() Pos      { return p.Pos }
func (p *Name) PatPos() Pos          { return p.Pos }
func (p *Literal) PatPos() Pos       { return p.Pos }
func (p *Alt) PatPos() Pos           { return p.Pos }
func (p *Range) PatPos() Pos         { return p.Pos }
func (p *Compare) PatPos() Pos       { return p.Pos }
func (p *Not) PatPos() Pos           { return p.Pos }
func (p *Prefix) PatPos() Pos        { return p.Pos }
func (p *RecordPattern) PatPos() Pos { return p.Pos }
func (p *Nil) PatPos() Pos           { return p.Pos }
func (p *NotNil) PatPos() Pos        { return p.Pos }
func (*RecordPattern) pattern()      {}
func (*Nil) pattern()                {}
func (*NotNil) pattern()             {}
func (*Wildcard) pattern()           {}
func (*Name) pattern()               {}
func (*Literal) pattern()            {}
func (*Alt) pattern()                {}
func (*Range) pattern()              {}
func (*Compare) pattern()            {}
func (*Not) pattern()                {}
func (*Prefix) pattern()             {}

// ExprString prints a guard expression canonically: one space around binary
// operators, none after "!" or inside parentheses; the parentheses written
// are kept.
func ExprString(e Expr) string {
	var b strings.Builder
	writeExpr(&b, e)
	return b.String()
}

func writeExpr(b *strings.Builder, e Expr) {
	switch e := e.(type) {
	case *Binary:
		writeExpr(b, e.X)
		b.WriteString(" " + e.Op + " ")
		writeExpr(b, e.Y)
	case *Unary:
		b.WriteString(e.Op)
		writeExpr(b, e.X)
	case *Paren:
		b.WriteByte('(')
		writeExpr(b, e.X)
		b.WriteByte(')')
	case *Len:
		b.WriteString("len(" + e.Arg.Name + ")")
	case *Name:
		b.WriteString(e.Name)
	case *Literal:
		b.WriteString(e.Raw)
	}
}
