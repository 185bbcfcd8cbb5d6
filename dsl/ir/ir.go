// Package ir is the checked, resolved form of a .fw package: what the generator
// reads. Names are resolved to pointers, literals to typed values, and every list
// is in a fixed order so that generation is deterministic.
package ir

import (
	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/space"
)

// Package is a checked .fw package: all .fw files of one directory.
type Package struct {
	Name       string   // package clause, also the Go package name
	Files      []string // source file names (base names), sorted
	Enums      []*Enum  // sorted by name
	Events     []*Event // sorted by name; Events[i].Kind == i
	Processors []*Processor
	// Processors are in declaration order: files sorted by name, then source order.
	// That order is semantic: it is the order of fan-out delivery, phase broadcast,
	// lifecycle calls and NewPipeline's parameters.
}

// Enum is a declared enumeration; the first variant is the zero value.
type Enum struct {
	Name     string
	File     string // base name of the declaring file
	Pos      ast.Pos
	Variants []string // declaration order; variant i has value i
}

// TypeKind is the kind of a field type.
type TypeKind int

const (
	String TypeKind = iota
	Int             // int64
	Float           // float64
	Bool
	Bytes
	EnumType
)

// Type is a field type.
type Type struct {
	Kind TypeKind
	Enum *Enum // EnumType only
}

// Event is a declared event type.
type Event struct {
	Name   string // stable name: the persisted identity and the JSON "event" value
	Kind   int    // dense id, index in Package.Events
	Input  bool   // declared `input event`: submitted from outside
	File   string
	Pos    ast.Pos
	Fields []*Field // declaration order
}

// Field is a field of an event.
type Field struct {
	Name  string // as declared in .fw (also the JSON key)
	Index int    // position in Event.Fields
	Type  Type
	Pos   ast.Pos
}

// Processor is a declared processor.
type Processor struct {
	Name        string
	Index       int // position in Package.Processors
	File        string
	Pos         ast.Pos
	Concurrency int      // >= 1
	Exhaustive  []*Event // event types whose cases must cover every value (`exhaustive`), sorted by kind
	Cases       []*Case  // event cases, in source order; Cases[i].Index == i
	Init        *Case    // nil when absent
	Phase       *Case
	Terminate   *Case
}

// Case is one `on` case of a processor.
type Case struct {
	Name  string // `as` name, or the event name by default; "Init", "Phase", "Terminate" for lifecycle cases
	Index int    // among the processor's event cases; -1 for lifecycle cases
	Kind  ast.CaseKind
	Pos   ast.Pos
	Event *Event   // event cases only
	Tests []Test   // field tests, in field order (event cases only); all must hold
	Binds []Bind   // bound values, in the order they appear in the pattern
	Emits []*Event // declared emits, sorted by event kind
}

// Test requires a field's value to lie in Set. A field whose pattern accepts
// every value (a binding, `_`, or omitted) has no Test.
type Test struct {
	Field *Field
	Set   space.Set // never empty (an empty pattern is an error) and never the whole domain
	Pos   ast.Pos   // the field pattern
}

// Bind passes a field's value to the handler as a parameter named Name.
type Bind struct {
	Name  string
	Field *Field
	Pos   ast.Pos
}

// Domain returns the value domain of the field's type.
func (f *Field) Domain() space.Domain {
	switch f.Type.Kind {
	case Int:
		return space.IntDomain()
	case Float:
		return space.Domain{Kind: space.Float}
	case Bool:
		return space.Domain{Kind: space.Bool}
	case EnumType:
		return space.EnumDomain(f.Type.Enum.Variants)
	}
	return space.Domain{Kind: space.String} // string and bytes
}
