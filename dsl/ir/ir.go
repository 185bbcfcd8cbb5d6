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
	Name       string    // package clause, also the Go package name
	Files      []string  // source file names (base names), sorted
	Enums      []*Enum   // sorted by name
	Events     []*Event  // sorted by name; Events[i].Kind == i
	Records    []*Record // sorted by name
	Processors []*Processor
	// Processors are in declaration order: files sorted by name, then source order.
	// Builders are processors too (Processor.Builder is set), in the same order.
	// That order is semantic: it is the order of fan-out delivery, phase broadcast,
	// lifecycle calls and NewPipeline's parameters.
	Targets []*Target // sorted by name; Targets[i].Index == i
}

// Kinds: events have kinds 0..len(Events)-1; target i's `built` messages have
// kind len(Events)+i and its `resolve` requests len(Events)+len(Targets)+i.

// BuiltKind returns the kind of t's built messages.
func (p *Package) BuiltKind(t *Target) int { return len(p.Events) + t.Index }

// ResolveKind returns the kind of t's resolve requests.
func (p *Package) ResolveKind(t *Target) int { return len(p.Events) + len(p.Targets) + t.Index }

// Target is a named artifact stream provided by one builder.
type Target struct {
	Name      string // as declared (the persisted identity)
	Index     int    // position in Package.Targets
	Pos       ast.Pos
	Type      *Artifact
	Provider  *Processor   // the builder that provides it
	Consumers []*Processor // builders requiring it, in declaration order
}

// ArtifactKind is the shape of an artifact type.
type ArtifactKind int

const (
	ArtifactField ArtifactKind = iota // a field type: string, int, float, bool, bytes, an enum
	ArtifactEvent                     // a declared event type
	ArtifactSlice                     // []Elem (Collector, ReservoirSampler)
	ArtifactGroup                     // reactive.Group[Key, Elem] (Grouper, StreamGrouper)
)

// Artifact is the Go type of a target's artifacts.
type Artifact struct {
	Kind  ArtifactKind
	Field Type      // ArtifactField
	Event *Event    // ArtifactEvent
	Key   Type      // ArtifactGroup: the key type (never bytes)
	Elem  *Artifact // ArtifactSlice and ArtifactGroup
}

// Builder is what a builder declaration adds to its Processor.
type Builder struct {
	Provides *Target
	Requires []*Target // declaration order; the builder's Cases receive them, one case each
	Persist  bool
	Version  int     // `version N`; 0 when absent
	Helper   *Helper // nil for a user builder
}

// Source reports whether the builder is a source builder (it requires nothing).
func (b *Builder) Source() bool { return len(b.Requires) == 0 }

// HelperKind names a runtime helper.
type HelperKind int

const (
	Collector HelperKind = iota
	Grouper
	StreamGrouper
	StreamSampler
	ReservoirSampler
)

// Helper is a builder's `use` clause, checked.
type Helper struct {
	Kind HelperKind
	// Grouper and StreamGrouper: By is the key field (the input is an event),
	// or, when By is nil, Key is the result type of the key method that the
	// application supplies.
	By   *Field
	Key  Type
	P    float64 // StreamSampler: the probability of keeping an input
	K    int     // ReservoirSampler: the sample size
	Seed uint64  // StreamSampler, ReservoirSampler
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
	Time       // time.Time
	Duration   // time.Duration
	List       // []Elem
	Map        // map[Key]Elem
	RecordType // a declared record
)

// Type is a field type. Types compose: Elem and Key point to the types of a
// list's items, a map's values and its keys.
type Type struct {
	Kind   TypeKind
	Enum   *Enum   // EnumType only
	Record *Record // RecordType only
	Elem   *Type   // List and Map: the type of the items (values)
	Key    *Type   // Map: the type of the keys, String or Int
}

// Scalar reports whether t is one of the scalar types that patterns match
// (string, int, float, bool, bytes, an enum).
func (t Type) Scalar() bool { return t.Kind <= EnumType }

// Record is a declared record: a named structured value, the type of fields
// of events and of other records. It is not an event: it is never routed.
type Record struct {
	Name   string
	File   string // base name of the declaring file
	Pos    ast.Pos
	Fields []*Field // declaration order
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

// Field is a field of an event or of a record.
type Field struct {
	Name     string // as declared in .fw (also the JSON key)
	Index    int    // position in Event.Fields (Record.Fields)
	Type     Type
	Optional bool // declared `T?`: the value may be absent (a *T in Go)
	Pos      ast.Pos
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
	Builder     *Builder // non-nil for a builder
	// Retry is `retry N`: a failed call is attempted up to N more times (the
	// emissions of a failed attempt are discarded).
	Retry int
	// Failures is the event of `failures E`: a call that still fails becomes
	// an E emitted in place of its emissions, and the run goes on.
	Failures *Event
	// Cached is set by the option `cached`: the emissions of each event or
	// built call are recorded under a key of its input and replayed on a hit.
	// Builders are never cached (a builder persists: Builder.Persist).
	Cached  bool
	Version int // `version N` of a cached processor; 0 when absent
}

// Case is one `on` case of a processor.
type Case struct {
	Name  string       // `as` name, or the event name by default; "Init", "Phase", "Terminate" for lifecycle cases
	Index int          // among the processor's event and built cases; -1 for lifecycle cases
	Kind  ast.CaseKind // CaseBuilt for built cases
	Pos   ast.Pos
	Event *Event   // event cases only; nil for the catch-all case (CatchAll)
	Tests []Test   // field tests, in field order (event cases only); all must hold
	Binds []Bind   // bound values, in the order they appear in the pattern
	Emits []*Event // declared emits, sorted by event kind
	// Target is the target whose artifacts a built case receives (processors'
	// `on built t` cases and a builder's cases for its requirements).
	Target *Target
	// Resolves are the targets the case may resolve (`-> resolve t`), sorted by index.
	Resolves []*Target
	// Guard is the case's `if` expression, nil when absent: the case matches
	// when its tests hold and then its guard does.
	Guard *Guard
	// CatchAll marks the case `on _` (Event is nil): it receives every event
	// type of the package that the processor's earlier cases did not match.
	CatchAll bool
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

// String is the type as .fw spells it.
func (t Type) String() string {
	switch t.Kind {
	case Int:
		return "int"
	case Float:
		return "float"
	case Bool:
		return "bool"
	case Bytes:
		return "bytes"
	case EnumType:
		if t.Enum != nil {
			return t.Enum.Name
		}
	case Time:
		return "time"
	case Duration:
		return "duration"
	case List:
		if t.Elem != nil {
			return "[]" + t.Elem.String()
		}
	case Map:
		if t.Key != nil && t.Elem != nil {
			return "map[" + t.Key.String() + "]" + t.Elem.String()
		}
	case RecordType:
		if t.Record != nil {
			return t.Record.Name
		}
	}
	return "string"
}

// TypeString is the field's type as .fw spells it, with a trailing "?" when
// the field is optional.
func (f *Field) TypeString() string {
	if f.Optional {
		return f.Type.String() + "?"
	}
	return f.Type.String()
}

// String is the artifact type as .fw would spell it, with helpers' types
// written []T and Group[K, T].
func (a *Artifact) String() string {
	switch a.Kind {
	case ArtifactEvent:
		return a.Event.Name
	case ArtifactSlice:
		return "[]" + a.Elem.String()
	case ArtifactGroup:
		return "Group[" + a.Key.String() + ", " + a.Elem.String() + "]"
	}
	return a.Field.String()
}
