package gen

import (
	"go/token"
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
func ContextName(p *ir.Processor, c *ir.Case) string { return p.Name + c.Name + "Context" }

// HandlerName is the handler interface of a processor.
func HandlerName(p *ir.Processor) string { return p.Name + "Handler" }

func allCases(p *ir.Processor) []*ir.Case {
	cs := append([]*ir.Case(nil), p.Cases...)
	for _, c := range []*ir.Case{p.Init, p.Phase, p.Terminate} {
		if c != nil {
			cs = append(cs, c)
		}
	}
	return cs
}

// predeclared lists Go's predeclared identifiers: a parameter with such a name
// would shadow a type used later in the same signature.
var predeclared = strings.Fields(`any bool byte comparable complex64 complex128 error float32
	float64 int int8 int16 int32 int64 rune string uint uint8 uint16 uint32 uint64 uintptr
	true false iota nil append cap clear close complex copy delete imag len make max min
	new panic print println real recover`)

// paramNames returns the Go parameter names of a case's handler method: the
// context first, then one per binding, renamed where a name would not compile.
func (g *generator) paramNames(p *ir.Processor, c *ir.Case) (ctx string, binds []string) {
	taken := map[string]bool{ContextName(p, c): true}
	for _, n := range predeclared {
		taken[n] = true
	}
	for _, e := range g.pkg.Enums {
		taken[e.Name] = true
	}
	safe := func(n string) string {
		for token.IsKeyword(n) || taken[n] {
			n += "_"
		}
		taken[n] = true
		return n
	}
	for _, b := range c.Binds {
		binds = append(binds, safe(b.Name))
	}
	ctx = safe("c")
	return ctx, binds
}

// processor emits the handler interface and one context type per case.
func (g *generator) processor(f *jen.File, p *ir.Processor) {
	f.Commentf("%s handles the cases of processor %s (%s), one method per case.", HandlerName(p), p.Name, pos(p.File, p.Pos.Line))
	f.Comment("A method's emissions take effect only when it returns nil.")
	f.Type().Id(HandlerName(p)).InterfaceFunc(func(m *jen.Group) {
		for _, c := range allCases(p) {
			ctx, binds := g.paramNames(p, c)
			m.Comment(caseDoc(p, c))
			m.Id(MethodName(c)).ParamsFunc(func(ps *jen.Group) {
				ps.Id(ctx).Id(ContextName(p, c))
				for i, b := range c.Binds {
					ps.Id(binds[i]).Add(goType(b.Field.Type))
				}
				if c.Kind == ast.CaseBuilt {
					ps.Id("v").Add(artifactType(c.Target.Type))
				}
				if c.Kind == ast.CasePhase {
					ps.Id("phase").Int()
				}
			}).Error()
		}
	})
	for _, c := range allCases(p) {
		g.caseContext(f, p, c)
	}
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
	default:
		what = "handles " + c.Event.Name + " events that case " + c.Name + " matches"
	}
	return MethodName(c) + " " + what + " (" + pos(p.File, c.Pos.Line) + ")."
}

// caseContext emits the typed context of one case: the run's context and phase,
// the event being handled (methods of the type it embeds, see contextTypes),
// and one Emit method per declared emit.
func (g *generator) caseContext(f *jen.File, p *ir.Processor, c *ir.Case) {
	name := ContextName(p, c)
	recv := jen.Id("x").Id(name)
	f.Commentf("%s is the context of %s.%s: it can emit only what the case declares.", name, HandlerName(p), MethodName(c))
	f.Type().Id(name).Struct(jen.Id(contextBase(c)))
	for _, e := range c.Emits {
		f.Commentf("Emit%s emits a %s; it takes effect when the handler returns nil.", e.Name, e.Name)
		f.Func().Params(recv.Clone()).Id("Emit" + e.Name).Params(jen.Id("e").Id(e.Name)).Block(
			jen.Id("x").Dot("c").Dot("Emit").Call(arenaMsgLit(e, jen.Id("fwArenaOf").Call(jen.Id("x").Dot("c")))))
	}
	g.resolveMethods(f, name, c.Resolves)
}

// contextBase is the type that the context of case c embeds (c is nil for a
// builder's context): fwOn<Event> for a case on events, else fwContext.
func contextBase(c *ir.Case) string {
	if c != nil && c.Kind == ast.CaseEvent {
		return "fwOn" + c.Event.Name
	}
	return "fwContext"
}

// contextLit is the value of the context type name, which embeds base, of the
// *fwrt.Call c.
func contextLit(name, base string) *jen.Statement {
	return jen.Id(name).Values(jen.Id(base).Values(jen.Id("c")))
}

// contextTypes emits the types that the contexts embed, once per package
// rather than once per context: fwContext, with the Context and Phase methods
// of a call, and per event type that some case handles, fwOn<Event>, with
// these and Event.
func (g *generator) contextTypes(f *jen.File) {
	base := false
	on := make([]bool, len(g.pkg.Events))
	for _, p := range g.pkg.Processors {
		if isHelper(p) {
			continue
		}
		if p.Builder != nil && len(allCases(p)) > 0 {
			base = true
		}
		for _, c := range allCases(p) {
			if c.Kind == ast.CaseEvent && p.Builder == nil {
				on[c.Event.Kind] = true
			} else {
				base = true
			}
		}
	}
	common := func(name string) {
		recv := jen.Id("x").Id(name)
		f.Comment("Context returns the run's context.")
		f.Func().Params(recv.Clone()).Id("Context").Params().Qual("context", "Context").Block(
			jen.Return(jen.Id("x").Dot("c").Dot("Context").Call()))
		f.Comment("Phase returns the current phase number.")
		f.Func().Params(recv.Clone()).Id("Phase").Params().Int().Block(
			jen.Return(jen.Id("x").Dot("c").Dot("Phase").Call()))
	}
	if base {
		f.Comment("fwContext is embedded in the contexts of the cases on no event and of the builders.")
		f.Type().Id("fwContext").Struct(jen.Id("c").Op("*").Add(rt("Call")))
		common("fwContext")
	}
	for _, ev := range g.pkg.Events {
		if !on[ev.Kind] {
			continue
		}
		name := contextBase(&ir.Case{Kind: ast.CaseEvent, Event: ev})
		f.Commentf("%s is embedded in the contexts of the cases on %s events.", name, ev.Name)
		f.Type().Id(name).Struct(jen.Id("c").Op("*").Add(rt("Call")))
		common(name)
		f.Commentf("Event returns the %s being handled.", ev.Name)
		f.Func().Params(jen.Id("x").Id(name)).Id("Event").Params().Id(ev.Name).Block(
			jen.Return(jen.Op("*").Id("x").Dot("c").Dot("Msg").Call().Dot("Ev").Assert(jen.Op("*").Id(ev.Name))))
	}
}
