// Package ir is the checked, resolved form of a .fw package: what the generator
// reads. Names are resolved to pointers, literals to typed values, and every list
// is in a fixed order so that generation is deterministic.
package ir

import (
	"time"

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

// Target is a named artifact stream provided by one builder, or by one
// processor whose cases publish it (`processor P provides t: T`, `-> publish t`).
type Target struct {
	Name      string // as declared (the persisted identity)
	Index     int    // position in Package.Targets
	Pos       ast.Pos
	Type      *Artifact
	Provider  *Processor   // the builder that provides it, or the processor that publishes it
	Consumers []*Processor // builders requiring it, in declaration order
}

// Published reports whether t is provided by a processor (its cases publish
// it) rather than built by a builder.
func (t *Target) Published() bool { return t.Provider != nil && t.Provider.Builder == nil }

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
	Requires []*Target // the targets it requires, declaration order
	// Events are the event types it requires (`requires Order`), declaration
	// order: it receives every event of each type. The builder's Cases
	// receive its requirements, targets and events, one case each, in the
	// order of its requires clause (a case for an event has Kind CaseEvent,
	// Event set and no test).
	Events  []*Event
	Persist bool
	Version int     // `version N`; 0 when absent
	Helper  *Helper // nil for a user builder
	// Eager is set for a builder fed by events: it requires an event type, a
	// target that a processor publishes, or the target of an eager builder.
	// Such a builder is active from the start of the run (its input is
	// pushed to it, not pulled), as if its target had been resolved first.
	Eager bool
}

// Source reports whether the builder is a source builder (it requires nothing).
func (b *Builder) Source() bool { return len(b.Requires) == 0 && len(b.Events) == 0 }

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
	// Init, Phase and Terminate are set when the helper's body has that
	// lifecycle case: a hook that the application implements (the
	// Processor's Init, Phase, Terminate cases). Phase's hook is called
	// after the helper's own flush, in the same call.
	Init, Phase, Terminate bool
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
	// Backoff is `backoff D` or `backoff Min..Max` (with retry only): the wait
	// before the first retry is BackoffMin, doubled before each later one, at
	// most BackoffMax (equal for `backoff D`: a constant wait). Zero without
	// backoff: a failed attempt is retried at once.
	BackoffMin, BackoffMax time.Duration
	// Timeout is `timeout D`: each attempt of a call gets a context with a
	// deadline D after the attempt begins; an attempt that returns after it
	// failed (fw.TimeoutError). Zero without timeout.
	Timeout time.Duration
	// Failures is the event of `failures E`: a call that still fails becomes
	// an E emitted in place of its emissions, and the run goes on.
	Failures *Event
	// Cached is set by the option `cached`: the emissions of each event or
	// built call are recorded under a key of its input and replayed on a hit.
	// Builders are never cached (a builder persists: Builder.Persist).
	Cached  bool
	Version int // `version N` of a cached processor; 0 when absent
	// Provides are the targets the processor publishes (`provides t: T`),
	// in source order; nil for a builder (Builder.Provides).
	Provides []*Target
	// Partition is `partition by f into K` with K > 1: the processor is K
	// instances (key groups), each receiving the inputs whose key hashes to
	// it. Nil without the clause, and for `into 1` (today's program).
	Partition *Partition
}

// Partition is the checked partition clause of a processor or builder.
type Partition struct {
	K int // 2..4096
	// Keys are the key fields of the event types that the cases receive:
	// of event cases (every event type for a catch-all case) and of built
	// cases whose artifacts are events, under their artifact's event.
	Keys map[*Event]*Field
	// RecordKeys are the key fields of built cases whose artifacts are
	// records.
	RecordKeys map[*Record]*Field
	Type       Type // the keys' common type: string, int, bool, bytes, an enum, time or duration
	Pos        ast.Pos
}

// KeyGroups is the number of instances of p: its K, or 1.
func (p *Processor) KeyGroups() int {
	if p.Partition == nil {
		return 1
	}
	return p.Partition.K
}

// KeyOf returns the key field of the values of artifact type a (an event or
// a record), nil when the partition has none for it.
func (pt *Partition) KeyOf(a *Artifact) *Field {
	switch {
	case a == nil:
	case a.Kind == ArtifactEvent:
		return pt.Keys[a.Event]
	case a.Kind == ArtifactField && a.Field.Kind == RecordType:
		return pt.RecordKeys[a.Field.Record]
	}
	return nil
}

// Case is one `on` case of a processor.
type Case struct {
	Name  string       // `as` name, or the event name by default; "Init", "Phase", "Terminate" for lifecycle cases
	Index int          // among the processor's event and built cases; -1 for lifecycle cases
	Kind  ast.CaseKind // CaseBuilt for built cases
	Pos   ast.Pos
	Event *Event   // event cases only; nil for the catch-all case (CatchAll)
	Tests []Test   // field tests, in path order (event cases only); all must hold
	Binds []Bind   // bound values, in the order they appear in the pattern
	Emits []*Event // declared emits, sorted by event kind
	// Target is the target whose artifacts a built case receives (processors'
	// `on built t` cases and a builder's cases for its requirements).
	Target *Target
	// Resolves are the targets the case may resolve (`-> resolve t`), sorted by index.
	Resolves []*Target
	// Publishes are the targets the case may publish artifacts of
	// (`-> publish t`), sorted by index; each is provided by the case's processor.
	Publishes []*Target
	// Guard is the case's `if` expression, nil when absent: the case matches
	// when its tests hold and then its guard does.
	Guard *Guard
	// CatchAll marks the case `on _` (Event is nil): it receives every event
	// type of the package that the processor's earlier cases did not match.
	CatchAll bool
}

// Test requires the value at a field path to lie in Set (which may hold nil,
// the absence of an optional field). A field whose pattern accepts every
// value (a binding, `_`, or omitted) has no Test.
//
// A path reaches into records: Path[0] is a field of the event, and each
// next field is a field of the record that the one before holds. A pattern
// on a nested field implies that the optional records on its way are
// present: each of them has a Test of its own in the case (with Nil unset),
// before the tests of the fields inside it. Tests are sorted by path (fields
// in declaration order, a record before the fields inside it), the order in
// which the generated code compares.
type Test struct {
	// Path is the path of the tested field; nil means the event's field
	// Field itself (see At).
	Path  []*Field
	Field *Field // the tested field: the last of Path
	// Set holds the values of Field that match, of Field.Domain(): nil
	// among them (Set.Nil) when Field is optional and its absence matches.
	// A record field is tested only for its presence (a set of kind
	// space.Record). Set is never empty (an empty pattern is an error) and
	// never the whole domain (such a pattern is no test).
	Set space.Set
	Pos ast.Pos // the field pattern
}

// At returns the path of the tested field: Path, or Field alone.
func (t Test) At() []*Field {
	if len(t.Path) == 0 {
		return []*Field{t.Field}
	}
	return t.Path
}

// Bind passes the value at a field path to the handler as a parameter named
// Name: the field's Go value (a pointer for an optional field, nil when it is
// absent). The case's tests make sure that the optional records on the way
// are present.
type Bind struct {
	Name  string
	Path  []*Field // nil means the event's field Field itself (see At)
	Field *Field   // the bound field: the last of Path
	Pos   ast.Pos
}

// At returns the path of the bound field: Path, or Field alone.
func (b Bind) At() []*Field {
	if len(b.Path) == 0 {
		return []*Field{b.Field}
	}
	return b.Path
}

// PathName is a field path as patterns and messages spell it:
// customer.address.city.
func PathName(path []*Field) string {
	if len(path) == 1 {
		return path[0].Name
	}
	n := 0
	for _, f := range path {
		n += len(f.Name) + 1
	}
	b := make([]byte, 0, n)
	for i, f := range path {
		if i > 0 {
			b = append(b, '.')
		}
		b = append(b, f.Name...)
	}
	return string(b)
}

// Domain returns the domain of the field's values: of its type, with nil
// when the field is optional. Times are Unix nanoseconds and durations
// nanoseconds (Int domains); a record's domain is its presence (its fields
// have domains of their own). Lists and maps have no domain that patterns
// match: Domain returns a Record domain, their presence.
func (f *Field) Domain() space.Domain {
	d := f.Type.domain()
	d.Optional = f.Optional
	return d
}

func (t Type) domain() space.Domain {
	switch t.Kind {
	case Int:
		return space.IntDomain()
	case Float:
		return space.Domain{Kind: space.Float}
	case Bool:
		return space.Domain{Kind: space.Bool}
	case EnumType:
		return space.EnumDomain(t.Enum.Variants)
	case Time:
		d := space.IntDomain()
		d.Unit = space.Time
		return d
	case Duration:
		d := space.IntDomain()
		d.Unit = space.Duration
		return d
	case RecordType, List, Map:
		return space.Domain{Kind: space.Record}
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

// InputType is the type of what an event or built case receives: the event
// type of an event case, the artifact type of a built case's target (nil
// when it is unknown).
func (c *Case) InputType() *Artifact {
	if c.Event != nil {
		return &Artifact{Kind: ArtifactEvent, Event: c.Event}
	}
	if c.Target != nil {
		return c.Target.Type
	}
	return nil
}

// InputName names what an event or built case receives: the event's name,
// or the target's.
func (c *Case) InputName() string {
	if c.Event != nil {
		return c.Event.Name
	}
	if c.Target != nil {
		return c.Target.Name
	}
	return ""
}
