package ir

import (
	"slices"

	"github.com/fwgo/fw/dsl/ast"
)

// This file is the one table of the Go names that the generator declares in a
// generated package: the exported package-level names and the exported methods
// of the exported types. The generator forms names with these functions; the
// checker claims the package-level ones (see check's name-collision rule), so
// that a .fw package whose generated code would declare one name twice is an
// error at its declaration rather than a compile error in generated code; and
// generated/names_test.go checks the table against every committed generated
// file. To add a name to the generated code, add it here first.

// NameKind is the kind of declaration a generated Go name has.
type NameKind int

const (
	GoType NameKind = iota
	GoFunc
	GoConst
	GoVar
	GoMethod // a method of Recv
)

// GoName is a Go name that the generator declares.
type GoName struct {
	Name string
	Kind NameKind
	Recv string // GoMethod: the receiver's type
	// Of is the declaration that generates the name, as diagnostics say it:
	// "variant NEW of enum Status", "the context of case Domestic of processor Billing".
	Of string
	// Part is the index, in the list the table was given, of the variant or
	// case that generates the name; -1 when the declaration itself does.
	Part int
}

// PackageLevel reports whether n is declared at package level (not a method).
func (n GoName) PackageLevel() bool { return n.Kind != GoMethod }

func typeName(name, of string, part int) GoName {
	return GoName{Name: name, Kind: GoType, Of: of, Part: part}
}

func methods(recv, of string, part int, names ...string) []GoName {
	out := make([]GoName, len(names))
	for i, m := range names {
		out[i] = GoName{Name: m, Kind: GoMethod, Recv: recv, Of: of, Part: part}
	}
	return out
}

// Formed names. The generator calls these where it declares or refers to the
// names, so that the table and the code cannot disagree.

// EnumValueName is the constant of an enum's variant.
func EnumValueName(enum, variant string) string { return enum + variant }

// HandlerName is the handler interface of a processor.
func HandlerName(proc string) string { return proc + "Handler" }

// CaseContextName is the context type of a processor's case (case is the case
// name, or Init, Phase or Terminate for a lifecycle case).
func CaseContextName(proc, caseName string) string { return proc + caseName + "Context" }

// FactoryName is the type of a partitioned processor's (or builder's) field
// of Handlers: a function from a key group to its handler.
func FactoryName(proc string) string { return proc + "Factory" }

// FactoryNames returns the names a partitioned processor or builder that
// takes a handler generates besides the others: its factory type.
func FactoryNames(proc string) []GoName {
	return []GoName{typeName(FactoryName(proc), "the handler factory of partitioned "+proc, -1)}
}

// BuilderName is the interface a user builder implements.
func BuilderName(builder string) string { return builder + "Builder" }

// BuilderContextName is the context of a user builder's calls.
func BuilderContextName(builder string) string { return builder + "Context" }

// KeyerName is the interface of a helper keyed by a method.
func KeyerName(builder string) string { return builder + "Keyer" }

// TargetGoName is the Go form of a target's name, in method names.
func TargetGoName(target string) string { return GoFieldName(target) }

// ResolveMethod is the method of Pipeline or of a context that resolves a target.
func ResolveMethod(target string) string { return "Resolve" + TargetGoName(target) }

// PublishMethod is the method of a case's context that publishes an artifact of a target.
func PublishMethod(target string) string { return "Publish" + TargetGoName(target) }

// HarnessFuncName is the function that calls one of a processor's cases alone,
// for tests (Call<Processor>: not Test<Processor>, which would collide with a
// user's test function of the same name).
func HarnessFuncName(proc string) string { return "Call" + proc }

// EmitMethod is the method of a case's context that emits an event.
func EmitMethod(event string) string { return "Emit" + event }

// Methods that every generated type of a kind has.
var (
	enumMethods           = []string{"String", "MarshalText", "UnmarshalText"}
	eventMethods          = []string{"EventName", "AppendBinary", "UnmarshalBinary"}
	builderContextMethods = []string{"Publish"}
)

// packageNames are the package-level names of every generated package (the
// pipeline file), whatever it declares.
var packageNames = []GoName{
	{Name: "Event", Kind: GoType},
	{Name: "Pipeline", Kind: GoType},
	{Name: "Handlers", Kind: GoType},
	{Name: "NewPipeline", Kind: GoFunc},
	{Name: "SubmitSeqOf", Kind: GoFunc},
	{Name: "StreamOf", Kind: GoFunc},
	{Name: "DecodeJSON", Kind: GoFunc},
	{Name: "EncodeJSON", Kind: GoFunc},
}

// pipelineMethods are the methods the generated code declares on Pipeline in
// every package; Run, Replay, Stats, SubmitSeq, SubmitJSONLines, Stream and
// FeedChan are promoted from the fwimpl.Runner it embeds.
var pipelineMethods = []string{"Submit"}

// PipelineNames returns the names of the pipeline file: packageNames, and
// the methods it declares on Pipeline (Resolve and one Resolve<Target> per
// target when it has targets).
func PipelineNames(targets []string) []GoName {
	var out []GoName
	for _, n := range packageNames {
		n.Of, n.Part = "the generated package-level "+n.Name, -1
		out = append(out, n)
	}
	const of = "the generated Pipeline"
	out = append(out, methods("Pipeline", of, -1, pipelineMethods...)...)
	if len(targets) > 0 {
		out = append(out, methods("Pipeline", of, -1, "Resolve")...)
	}
	for i, t := range targets {
		out = append(out, GoName{Name: ResolveMethod(t), Kind: GoMethod, Recv: "Pipeline", Of: "target " + t, Part: i})
	}
	return out
}

// EnumNames returns the names an enum generates: its type, one constant per
// variant (Part is the variant's index) and the type's methods.
func EnumNames(enum string, variants []string) []GoName {
	of := "enum " + enum
	out := []GoName{typeName(enum, of, -1)}
	for i, v := range variants {
		out = append(out, GoName{Name: EnumValueName(enum, v), Kind: GoConst, Of: "variant " + v + " of " + of, Part: i})
	}
	return append(out, methods(enum, of, -1, enumMethods...)...)
}

// EventNames returns the names an event generates: its struct and its methods.
func EventNames(event string) []GoName {
	of := "event " + event
	return append([]GoName{typeName(event, of, -1)}, methods(event, of, -1, eventMethods...)...)
}

// RecordNames returns the names a record generates: its struct (its
// encodings are unexported functions).
func RecordNames(record string) []GoName {
	return []GoName{typeName(record, "record "+record, -1)}
}

// CaseNames is what the table needs of a case.
type CaseNames struct {
	Kind     ast.CaseKind
	Name     string   // as Case.Name
	Emits    []string // the events it may emit
	Resolves []string // the targets it may resolve
	// Publishes are the targets it may publish (Publish<Target>).
	Publishes []string
}

// ProcessorNames returns the names an event processor generates: its handler
// interface, its test harness function when it has cases and, per case (Part
// is its index in cases), a context type with one Emit<Event> per emit and one
// Resolve<Target> per resolved target.
func ProcessorNames(proc string, cases []CaseNames) []GoName {
	out := []GoName{typeName(HandlerName(proc), "the handler interface of processor "+proc, -1)}
	if len(cases) > 0 {
		out = append(out, GoName{Name: HarnessFuncName(proc), Kind: GoFunc, Of: "the test harness of processor " + proc, Part: -1})
	}
	for i, c := range cases {
		what := "case " + c.Name
		if c.Kind != ast.CaseEvent && c.Kind != ast.CaseBuilt {
			what = "on " + c.Kind.String()
		}
		ctx := CaseContextName(proc, c.Name)
		of := "the context of " + what + " of processor " + proc
		out = append(out, typeName(ctx, of, i))
		for _, e := range c.Emits {
			out = append(out, GoName{Name: EmitMethod(e), Kind: GoMethod, Recv: ctx, Of: of, Part: i})
		}
		for _, t := range c.Resolves {
			out = append(out, GoName{Name: ResolveMethod(t), Kind: GoMethod, Recv: ctx, Of: of, Part: i})
		}
		for _, t := range c.Publishes {
			out = append(out, GoName{Name: PublishMethod(t), Kind: GoMethod, Recv: ctx, Of: of, Part: i})
		}
	}
	return out
}

// BuilderNames returns the names a user builder generates: its interface and,
// when it has calls other than Build (withContext: it requires a target or has
// a lifecycle case), their context with Publish and one Resolve<Target> per
// target its cases may resolve.
func BuilderNames(builder string, withContext bool, resolves []string) []GoName {
	out := []GoName{typeName(BuilderName(builder), "the interface of builder "+builder, -1)}
	if !withContext {
		return out
	}
	ctx := BuilderContextName(builder)
	of := "the context of builder " + builder
	out = append(out, typeName(ctx, of, -1))
	out = append(out, methods(ctx, of, -1, builderContextMethods...)...)
	for _, t := range resolves {
		out = append(out, GoName{Name: ResolveMethod(t), Kind: GoMethod, Recv: ctx, Of: of, Part: -1})
	}
	return out
}

// KeyerNames returns the names of a Grouper or StreamGrouper whose key the
// application supplies (`key: type`): its Keyer interface. Other helpers
// generate no exported name.
func KeyerNames(builder string) []GoName {
	return []GoName{typeName(KeyerName(builder), "the key interface of builder "+builder, -1)}
}

// Names returns every name that the generator declares for pkg: the table
// above applied to its declarations, in a fixed order.
func Names(pkg *Package) []GoName {
	var targets []string
	for _, t := range pkg.Targets {
		targets = append(targets, t.Name)
	}
	out := PipelineNames(targets)
	for _, e := range pkg.Enums {
		out = append(out, EnumNames(e.Name, e.Variants)...)
	}
	for _, ev := range pkg.Events {
		out = append(out, EventNames(ev.Name)...)
	}
	for _, r := range pkg.Records {
		out = append(out, RecordNames(r.Name)...)
	}
	for _, p := range pkg.Processors {
		if p.Partition != nil && (p.Builder == nil || p.Builder.Helper == nil || p.Builder.Helper.Hooks()) {
			out = append(out, FactoryNames(p.Name)...)
		}
		cases := p.AllCases()
		switch {
		case p.Builder == nil:
			var cn []CaseNames
			for _, c := range cases {
				cn = append(cn, CaseNames{Kind: c.Kind, Name: c.Name, Emits: eventNames(c.Emits), Resolves: targetNames(c.Resolves), Publishes: targetNames(c.Publishes)})
			}
			out = append(out, ProcessorNames(p.Name, cn)...)
		case p.Builder.Helper == nil || p.Builder.Helper.Hooks():
			var resolves []*Target
			for _, c := range cases {
				for _, t := range c.Resolves {
					if !slices.Contains(resolves, t) {
						resolves = append(resolves, t)
					}
				}
			}
			slices.SortFunc(resolves, func(a, b *Target) int { return a.Index - b.Index })
			out = append(out, BuilderNames(p.Name, len(cases) > 0, targetNames(resolves))...)
			if p.Builder.Helper != nil {
				continue // its hooks' interface holds its Key method too
			}
		case p.Builder.Helper.KeyedByMethod():
			out = append(out, KeyerNames(p.Name)...)
		}
	}
	return out
}

// AllCases returns p's event and built cases, then its lifecycle cases (init,
// phase, terminate), the order of the handler's methods.
func (p *Processor) AllCases() []*Case {
	cs := append([]*Case(nil), p.Cases...)
	for _, c := range []*Case{p.Init, p.Phase, p.Terminate} {
		if c != nil {
			cs = append(cs, c)
		}
	}
	return cs
}

// Hooks reports whether the helper has lifecycle hooks that the application
// implements: `on init`, `on phase` or `on terminate` in its body.
func (h *Helper) Hooks() bool { return h.Init || h.Phase || h.Terminate }

// KeyedByMethod reports whether h is a Grouper or StreamGrouper whose key the
// application supplies by a method (`key: type`) rather than a field (`by:`).
func (h *Helper) KeyedByMethod() bool {
	return (h.Kind == Grouper || h.Kind == StreamGrouper) && h.By == nil
}

func eventNames(evs []*Event) []string {
	var out []string
	for _, e := range evs {
		out = append(out, e.Name)
	}
	return out
}

func targetNames(ts []*Target) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Name)
	}
	return out
}
