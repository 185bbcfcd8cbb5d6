package gen

import (
	"fmt"
	"go/token"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/ir"
)

// MethodName is the handler method of a case: On<Name> for event cases,
// Init, Phase or Terminate for lifecycle cases.
func MethodName(c *ir.Case) string {
	if c.Kind == ast.CaseEvent || c.Kind == ast.CaseBuilt {
		return "On" + c.Name
	}
	return c.Name
}

// ContextName is the context type of a case.
func ContextName(p *ir.Processor, c *ir.Case) string { return ir.CaseContextName(p.Name, c.Name) }

// HandlerName is the handler interface of a processor.
func HandlerName(p *ir.Processor) string { return ir.HandlerName(p.Name) }

func allCases(p *ir.Processor) []*ir.Case { return p.AllCases() }

// predeclared lists Go's predeclared identifiers: a parameter with such a name
// would shadow a type used later in the same signature.
var predeclared = strings.Fields(`any bool byte comparable complex64 complex128 error float32
	float64 int int8 int16 int32 int64 rune string uint uint8 uint16 uint32 uint64 uintptr
	true false iota nil append cap clear close complex copy delete imag len make max min
	new panic print println real recover`)

// paramNames returns the Go parameter names of a case's handler method: the
// context first, then one per binding, renamed where a name would not compile.
func (g *generator) paramNames(p *ir.Processor, c *ir.Case) (ctx string, binds []string) {
	taken := []string{ContextName(p, c)}
	safe := func(n string) string {
		for token.IsKeyword(n) || slices.Contains(predeclared, n) || slices.Contains(taken, n) || g.isEnum(n) {
			n += "_"
		}
		taken = append(taken, n)
		return n
	}
	for _, b := range c.Binds {
		binds = append(binds, safe(b.Name))
	}
	if c.CatchAll {
		binds = append(binds, safe("ev"))
	}
	ctx = safe("c")
	return ctx, binds
}

// isEnum reports whether the package declares an enum named n.
func (g *generator) isEnum(n string) bool {
	return slices.ContainsFunc(g.pkg.Enums, func(e *ir.Enum) bool { return e.Name == n })
}

// processor writes the handler interface and one context type per case of
// an event processor, already formatted: these declarations are most of the
// code of a large package, and writing them as text rather than building them
// with jen and formatting them is several times faster (TestPartsFormatLikeWholeFiles
// checks that go/format leaves them as they are).
func (g *generator) processor(w *textPart, p *ir.Processor) {
	w.decl()
	fmt.Fprintf(w, "// %s handles the cases of processor %s (%s); emissions take effect when a method returns nil.\n", HandlerName(p), p.Name, pos(p.File, p.Pos.Line))
	cases := allCases(p)
	if len(cases) == 0 {
		fmt.Fprintf(w, "type %s interface{}\n", HandlerName(p))
	} else {
		fmt.Fprintf(w, "type %s interface {\n", HandlerName(p))
		for _, c := range cases {
			fmt.Fprintf(w, "\t// %s\n\t", caseDoc(p, c))
			g.methodSignature(w, p, c)
			w.WriteString("\n")
		}
		w.WriteString("}\n")
	}
	for _, c := range cases {
		g.caseContext(w, p, c)
	}
}

// methodSignature writes the method of case c in p's handler interface:
// name, parameters and result.
func (g *generator) methodSignature(w *textPart, p *ir.Processor, c *ir.Case) {
	ctx, binds := g.paramNames(p, c)
	fmt.Fprintf(w, "%s(%s %s", MethodName(c), ctx, ContextName(p, c))
	for i, b := range c.Binds {
		fmt.Fprintf(w, ", %s %s", binds[i], fieldGoTypeText(b.Field, w.imports))
	}
	if c.Kind == ast.CaseBuilt {
		fmt.Fprintf(w, ", v %s", w.artifact(c.Target.Type))
	}
	if c.CatchAll {
		fmt.Fprintf(w, ", %s Event", binds[len(binds)-1])
	}
	if c.Kind == ast.CasePhase {
		w.WriteString(", phase int")
	}
	w.WriteString(") error")
}

// A CaseMethod is what the generated code declares for one case of a
// processor or builder: the interface the application implements, the
// method of the case in it and the context type the method receives.
type CaseMethod struct {
	Interface string // the handler (or builder) interface
	Signature string // the method as the interface declares it: Name(params) error
	Context   string // the context type of the method
}

// CaseMethodOf returns the generated method of case c of p in pkg, as the
// generated code spells it (so that editors show the names that
// `fwgen generate` writes); ok is false when the generated code has no method
// for c (the cases of a runtime helper without hooks).
func CaseMethodOf(pkg *ir.Package, p *ir.Processor, c *ir.Case) (m CaseMethod, ok bool) {
	g := &generator{pkg: pkg}
	w := &textPart{imports: map[string]string{}}
	if p.Builder == nil {
		g.methodSignature(w, p, c)
		return CaseMethod{Interface: HandlerName(p), Signature: w.String(), Context: ContextName(p, c)}, true
	}
	lifecycle := c.Kind == ast.CaseInit || c.Kind == ast.CasePhase || c.Kind == ast.CaseTerminate
	if isHelper(p) && (!p.Builder.Helper.Hooks() || !lifecycle) {
		return CaseMethod{}, false
	}
	ctx := BuilderContextName(p)
	fmt.Fprintf(w, "%s(c %s", MethodName(c), ctx)
	switch {
	case c.Kind == ast.CasePhase:
		w.WriteString(", phase int")
	case !lifecycle:
		fmt.Fprintf(w, ", v %s", w.artifact(c.InputType()))
	}
	w.WriteString(") error")
	return CaseMethod{Interface: BuilderName(p), Signature: w.String(), Context: ctx}, true
}

func caseDoc(p *ir.Processor, c *ir.Case) string {
	var what string
	switch c.Kind {
	case ast.CaseInit:
		what = "is called once when the run starts"
	case ast.CasePhase:
		what = "is called when a phase completes, with its number"
	case ast.CaseTerminate:
		what = "is called once when the run ends"
	case ast.CaseBuilt:
		what = "is called for each artifact of target " + c.Target.Name
	case ast.CaseEvent:
		if c.CatchAll {
			what = "handles the events of every type that no earlier case matches (catch-all case " + c.Name + ")"
		} else {
			what = "handles " + c.Event.Name + " events that case " + c.Name + " matches"
		}
		if c.Guard != nil {
			what += " and whose guard holds"
		}
	}
	return MethodName(c) + " " + what + " (" + pos(p.File, c.Pos.Line) + ")."
}

// caseContext writes the typed context of one case: the run's context, phase
// and causal position, and the event being handled, from the fwimpl base it
// embeds (contextBase), and one Emit method per declared emit.
func (g *generator) caseContext(w *textPart, p *ir.Processor, c *ir.Case) {
	name := ContextName(p, c)
	base := contextBase(c)
	w.decl()
	has := "Context, Phase, Position"
	if c.Kind == ast.CaseEvent && !c.CatchAll {
		has += ", Event"
	}
	emits := ""
	if len(c.Emits)+len(c.Resolves)+len(c.Publishes) > 0 {
		emits = ", and the case's emits"
	}
	fmt.Fprintf(w, "// %s is the context of %s.%s: %s (of %s.%s)%s.\n", name, HandlerName(p), MethodName(c), has, w.rt(), strings.SplitN(base, "[", 2)[0], emits)
	fmt.Fprintf(w, "type %s struct {\n\t%s.%s\n}\n", name, w.rt(), base)
	for _, e := range c.Emits {
		w.decl()
		fmt.Fprintf(w, "// %s emits a %s; it takes effect when the handler returns nil.\n", ir.EmitMethod(e.Name), e.Name)
		fmt.Fprintf(w, "func (x %s) %s(e %s) {\n", name, ir.EmitMethod(e.Name), e.Name)
		fmt.Fprintf(w, "\t%s.Emit(x.Ctx, e.fwMsg(%s.ArenaOf(x.Ctx)))\n}\n", w.rt(), w.rt())
	}
	for _, t := range c.Resolves {
		w.decl()
		fmt.Fprintf(w, "// %s asks for target %s (its builder runs once per run); it takes effect\n", ir.ResolveMethod(t.Name), t.Name)
		w.WriteString("// when the handler returns nil.\n")
		fmt.Fprintf(w, "func (x %s) %s() {\n", name, ir.ResolveMethod(t.Name))
		fmt.Fprintf(w, "\t%s.Emit(x.Ctx, %s.Msg{Kind: %s})\n}\n", w.rt(), w.rt(), resolveKindName(t))
	}
	for _, t := range c.Publishes {
		w.decl()
		fmt.Fprintf(w, "// %s publishes v as an artifact of target %s, to every builder that requires it\n", ir.PublishMethod(t.Name), t.Name)
		w.WriteString("// and every case on it; it takes effect when the handler returns nil.\n")
		fmt.Fprintf(w, "func (x %s) %s(v %s) {\n", name, ir.PublishMethod(t.Name), w.artifact(t.Type))
		fmt.Fprintf(w, "\t%s.Emit(x.Ctx, %s.Msg{Kind: %s, Ev: &v})\n}\n", w.rt(), w.rt(), builtKindName(t))
	}
}

// contextBase is the fwimpl type that the context of case c embeds (c is nil
// for a builder's context): On[Event] for a case on events, else Ctx.
func contextBase(c *ir.Case) string {
	if c != nil && c.Kind == ast.CaseEvent && !c.CatchAll {
		return "On[" + c.Event.Name + "]"
	}
	return "Ctx"
}

// contextLit is the value of the context type name, which embeds the fwimpl
// base of case c (nil for a builder), of the *fwimpl.Call c.
func contextLit(name string, c *ir.Case) *jen.Statement {
	if c != nil && c.Kind == ast.CaseEvent && !c.CatchAll {
		return jen.Id(name).Values(rt("NewOn").Types(jen.Id(c.Event.Name)).Call(jen.Id("c")))
	}
	return jen.Id(name).Values(rt("NewCtx").Call(jen.Id("c")))
}
