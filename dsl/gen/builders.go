package gen

import (
	"slices"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/ir"
)

// This file emits what builders add: artifact types, target kinds, the builder
// interfaces and contexts, the helpers' state and calls, source pulls and the
// Pipeline's resolve methods.
//
// A builder is an ir.Processor with Builder set. A user builder is implemented
// by the application: a source builder (no requires) through
// Build(ctx, yield), a transform builder through one On<Target> method per
// requirement; both publish through one <B>Context. A helper is implemented
// here, on fwDispatcher, with the runtime/reactive type it names; only a
// Grouper or StreamGrouper keyed by a method takes an application value (its
// <B>Keyer).

const reactivePath = "github.com/fwgo/fw/runtime/reactive"

// artifactType is the Go type of an artifact.
func artifactType(a *ir.Artifact) *jen.Statement {
	switch a.Kind {
	case ir.ArtifactEvent:
		return jen.Id(a.Event.Name)
	case ir.ArtifactSlice:
		return jen.Index().Add(artifactType(a.Elem))
	case ir.ArtifactGroup:
		return jen.Qual(reactivePath, "Group").Types(goType(a.Key), artifactType(a.Elem))
	}
	return goType(a.Field)
}

// targetGoName is the exported Go name of a target (words → Words).
func targetGoName(t *ir.Target) string { return ir.TargetGoName(t.Name) }

func builtKindName(t *ir.Target) string   { return "fwBuilt" + targetGoName(t) }
func resolveKindName(t *ir.Target) string { return "fwResolve" + targetGoName(t) }

// builtMsg is the runtime message of the local artifact variable v of target t.
func builtMsg(t *ir.Target, v string) *jen.Statement {
	return rt("Msg").Values(jen.Id("Kind").Op(":").Id(builtKindName(t)), jen.Id("Ev").Op(":").Op("&").Id(v))
}

// builtArg reads the artifact of a built message m.
func builtArg(t *ir.Target) *jen.Statement {
	return jen.Op("*").Id("m").Dot("Ev").Assert(jen.Op("*").Add(artifactType(t.Type)))
}

// BuilderName is the interface a user builder implements.
func BuilderName(p *ir.Processor) string { return ir.BuilderName(p.Name) }

// BuilderContextName is the context of a user builder's calls.
func BuilderContextName(p *ir.Processor) string { return ir.BuilderContextName(p.Name) }

// KeyerName is the interface of a helper keyed by a method.
func KeyerName(p *ir.Processor) string { return ir.KeyerName(p.Name) }

// isHelper reports whether p is a builder implemented by a runtime helper.
func isHelper(p *ir.Processor) bool { return p.Builder != nil && p.Builder.Helper != nil }

// takesHandler reports whether NewPipeline takes an application value for p.
func takesHandler(p *ir.Processor) bool {
	if !isHelper(p) {
		return true
	}
	return p.Builder.Helper.KeyedByMethod() || p.Builder.Helper.Hooks()
}

// handlerType is the type of NewPipeline's parameter for p.
func handlerType(p *ir.Processor) string {
	switch {
	case isHelper(p) && !p.Builder.Helper.Hooks():
		return KeyerName(p)
	case p.Builder != nil:
		return BuilderName(p)
	}
	return HandlerName(p)
}

func (g *generator) targetKinds(f *jen.File) {
	pkg := g.pkg
	if len(pkg.Targets) == 0 {
		return
	}
	f.Comment("Kinds of the targets' built artifacts and resolve requests.")
	f.Const().DefsFunc(func(d *jen.Group) {
		for _, t := range pkg.Targets {
			d.Id(builtKindName(t)).Add(rt("Kind")).Op("=").Lit(pkg.BuiltKind(t))
		}
		for _, t := range pkg.Targets {
			d.Id(resolveKindName(t)).Add(rt("Kind")).Op("=").Lit(pkg.ResolveKind(t))
		}
	})
}

// builder emits the declarations of a builder: for a user builder its interface
// and context, for a helper keyed by a method its Keyer.
func (g *generator) builder(f *jen.File, p *ir.Processor) {
	b := p.Builder
	t := b.Provides
	where := pos(p.File, p.Pos.Line)
	if isHelper(p) && p.Builder.Helper.Hooks() {
		g.helperHooks(f, p)
		return
	}
	if isHelper(p) {
		if takesHandler(p) {
			in := p.Cases[0].InputType()
			f.Commentf("%s gives the key of each %s artifact that helper %s (%s) groups.", KeyerName(p), p.Cases[0].InputName(), p.Name, where)
			f.Type().Id(KeyerName(p)).Interface(
				jen.Id("Key").Params(jen.Id("v").Add(artifactType(in))).Add(goType(b.Helper.Key)),
			)
		}
		return
	}
	ctx := BuilderContextName(p)
	f.Commentf("%s implements builder %s (%s), which provides target %s.", BuilderName(p), p.Name, where, t.Name)
	f.Comment("A method's publications take effect only when it returns nil.")
	f.Type().Id(BuilderName(p)).InterfaceFunc(func(m *jen.Group) {
		if b.Source() {
			m.Commentf("Build yields the artifacts of %s, in order, until it returns or yield returns false.", t.Name)
			m.Comment("The runtime pulls them as it needs them; an error fails the run.")
			m.Id("Build").Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("yield").Func().Params(artifactType(t.Type)).Bool()).Error()
		}
		for _, c := range p.Cases {
			if c.Event != nil {
				m.Commentf("%s is called for each %s event (%s).", MethodName(c), c.Event.Name, pos(p.File, c.Pos.Line))
			} else {
				m.Commentf("%s is called for each artifact of %s (%s).", MethodName(c), c.Target.Name, pos(p.File, c.Pos.Line))
			}
			m.Id(MethodName(c)).Params(jen.Id("c").Id(ctx), jen.Id("v").Add(artifactType(c.InputType()))).Error()
		}
		lifecycleMethods(m, p, ctx, true)
	})

	if len(allCases(p)) == 0 {
		return // a source builder without lifecycle cases: Build needs no context
	}
	g.builderContext(f, p, "calls")
}

// helperHooks emits the interface of a helper with lifecycle hooks, which
// the application implements (with the Key method of a helper keyed by a
// method), and the context of the hooks.
func (g *generator) helperHooks(f *jen.File, p *ir.Processor) {
	b := p.Builder
	t := b.Provides
	ctx := BuilderContextName(p)
	f.Commentf("%s implements the hooks of helper %s (%s), which provides target %s:", BuilderName(p), p.Name, pos(p.File, p.Pos.Line), t.Name)
	f.Comment("the runtime implements the helper; its Phase is called after the helper's flush.")
	f.Type().Id(BuilderName(p)).InterfaceFunc(func(m *jen.Group) {
		if b.Helper.KeyedByMethod() {
			m.Commentf("Key gives the key of each %s artifact that the helper groups.", p.Cases[0].InputName())
			m.Id("Key").Params(jen.Id("v").Add(artifactType(p.Cases[0].InputType()))).Add(goType(b.Helper.Key))
		}
		lifecycleMethods(m, p, ctx, b.Helper.Phase)
	})
	g.builderContext(f, p, "hooks")
}

// lifecycleMethods adds to m the methods of builder p's lifecycle cases, on
// context ctx; `on phase` only if phase is set.
func lifecycleMethods(m *jen.Group, p *ir.Processor, ctx string, phase bool) {
	for _, c := range []*ir.Case{p.Init, p.Phase, p.Terminate} {
		if c == nil || c.Kind == ast.CasePhase && !phase {
			continue
		}
		m.Comment(caseDoc(p, c))
		m.Id(MethodName(c)).ParamsFunc(func(ps *jen.Group) {
			ps.Id("c").Id(BuilderContextName(p))
			if c.Kind == ast.CasePhase {
				ps.Id("phase").Int()
			}
		}).Error()
	}
}

// builderContext emits the context of builder p's calls or hooks (what):
// Publish for its target's artifacts and its resolve methods.
func (g *generator) builderContext(f *jen.File, p *ir.Processor, what string) {
	t := p.Builder.Provides
	ctx := BuilderContextName(p)
	recv := jen.Id("x").Id(ctx)
	f.Commentf("%s is the context of %s's %s: it publishes %s artifacts.", ctx, BuilderName(p), what, t.Name)
	f.Comment("It has Context, Phase and Position (of fwimpl.Ctx).")
	f.Type().Id(ctx).Struct(rt("Ctx"))
	f.Commentf("Publish publishes v as an artifact of %s; it takes effect when the method returns nil.", t.Name)
	f.Func().Params(recv.Clone()).Id("Publish").Params(jen.Id("v").Add(artifactType(t.Type))).Block(
		rt("Emit").Call(jen.Id("x").Dot("Ctx"), builtMsg(t, "v")))
	g.resolveMethods(f, ctx, procResolves(p))
}

// procResolves returns the targets that p's cases may resolve, sorted by index.
func procResolves(p *ir.Processor) []*ir.Target {
	var ts []*ir.Target
	for _, c := range allCases(p) {
		for _, t := range c.Resolves {
			if !slices.Contains(ts, t) {
				ts = append(ts, t)
			}
		}
	}
	slices.SortFunc(ts, func(a, b *ir.Target) int { return a.Index - b.Index })
	return ts
}

// resolveMethods emits a Resolve<Target> method per target on a context type.
func (g *generator) resolveMethods(f *jen.File, ctx string, targets []*ir.Target) {
	for _, t := range targets {
		f.Commentf("%s asks for target %s (its builder runs once per run); it takes effect", ir.ResolveMethod(t.Name), t.Name)
		f.Comment("when the handler returns nil.")
		f.Func().Params(jen.Id("x").Id(ctx)).Id(ir.ResolveMethod(t.Name)).Params().Block(
			rt("Emit").Call(jen.Id("x").Dot("Ctx"), rt("Msg").Values(jen.Id("Kind").Op(":").Id(resolveKindName(t)))))
	}
}

// helperField is the fwDispatcher field holding a helper's state.
func helperField(p *ir.Processor) string { return "s" + p.Name }

// sourceField is the fwDispatcher field adapting a source builder to pulls.
func sourceField(p *ir.Processor) string { return "src" + p.Name }

// dispatcherFields adds the builders' state to fwDispatcher.
func (g *generator) dispatcherFields(s *jen.Group) {
	for _, p := range g.pkg.Processors {
		b := p.Builder
		switch {
		case b == nil:
		case isHelper(p) && p.Partition != nil:
			s.Id(helperField(p)).Index().Add(helperType(p)).Comment("by key group")
		case isHelper(p):
			s.Id(helperField(p)).Add(helperType(p))
		case b.Source():
			s.Id(sourceField(p)).Add(rt("Source")).Types(artifactType(b.Provides.Type))
		}
		if p.Partition != nil && takesHandler(p) {
			s.Id(instancesField(p)).Index().Id(handlerType(p)).Comment(handlerWhat(p) + " " + p.Name + ", by key group")
		}
	}
}

// helperType is the reactive type of a helper's state.
func helperType(p *ir.Processor) *jen.Statement {
	h := p.Builder.Helper
	in := artifactType(p.Cases[0].InputType())
	switch h.Kind {
	case ir.Collector:
		return jen.Qual(reactivePath, "Collector").Types(in)
	case ir.Grouper:
		return jen.Op("*").Qual(reactivePath, "Grouper").Types(goType(h.Key), in)
	case ir.StreamGrouper:
		return jen.Op("*").Qual(reactivePath, "StreamGrouper").Types(goType(h.Key), in)
	case ir.StreamSampler:
		return jen.Op("*").Qual(reactivePath, "StreamSampler").Types(in)
	}
	return jen.Op("*").Qual(reactivePath, "ReservoirSampler").Types(in)
}

// helperInit is the statement of NewPipeline that creates a helper's state.
func helperInit(p *ir.Processor) jen.Code { return helperInitTo(p, jen.Id("d").Dot(helperField(p))) }

// helperInitTo is the statement that creates a helper's state in field, or
// nil when its zero value is ready.
func helperInitTo(p *ir.Processor, field *jen.Statement) jen.Code {
	h := p.Builder.Helper
	in := artifactType(p.Cases[0].InputType())
	keyFunc := func() jen.Code {
		if h.By != nil {
			return jen.Func().Params(jen.Id("v").Add(in.Clone())).Add(goType(h.Key)).Block(
				jen.Return(jen.Id("v").Dot(GoName(h.By.Name))))
		}
		return jen.Id("h").Dot(p.Name).Dot("Key")
	}
	switch h.Kind {
	case ir.Grouper:
		return field.Op("=").Qual(reactivePath, "NewGrouper").Call(keyFunc())
	case ir.StreamGrouper:
		return field.Op("=").Qual(reactivePath, "NewStreamGrouper").Call(keyFunc())
	case ir.StreamSampler:
		return field.Op("=").Qual(reactivePath, "NewStreamSampler").Types(in).Call(jen.Lit(h.P), jen.Id(strconv.FormatUint(h.Seed, 10)))
	case ir.ReservoirSampler:
		return field.Op("=").Qual(reactivePath, "NewReservoirSampler").Types(in).Call(jen.Lit(h.K), jen.Id(strconv.FormatUint(h.Seed, 10)))
	}
	return nil // a Collector's zero value is ready
}

// helperMethods emits, for each helper, the fwDispatcher methods that its
// cases call: fwAdd<B> for an input, fwPhase<B> at a phase broadcast.
func (g *generator) helperMethods(f *jen.File) {
	for _, p := range g.pkg.Processors {
		if !isHelper(p) {
			continue
		}
		b := p.Builder
		h := b.Helper
		in := artifactType(p.Cases[0].InputType())
		out := b.Provides
		state := jen.Id("d").Dot(helperField(p))
		if p.Partition != nil {
			state = state.Index(keyGroupOf())
		}
		emitOne := jen.Func().Params(jen.Id("v").Add(artifactType(out.Type))).Block(
			jen.Id("c").Dot("Emit").Call(builtMsg(out, "v")))
		emitGroup := jen.Func().Params(jen.Id("k").Add(goType(h.Key)), jen.Id("items").Index().Add(in.Clone())).Block(
			jen.Id("v").Op(":=").Add(artifactType(out.Type)).Values(jen.Id("Key").Op(":").Id("k"), jen.Id("Items").Op(":").Id("items")),
			jen.Id("c").Dot("Emit").Call(builtMsg(out, "v")))

		var add, phase jen.Code
		switch h.Kind {
		case ir.Collector, ir.ReservoirSampler:
			add = state.Clone().Dot("Add").Call(jen.Id("v"))
			phase = state.Clone().Dot("Phase").Call(emitOne)
		case ir.Grouper:
			add = state.Clone().Dot("Add").Call(jen.Id("v"))
			phase = state.Clone().Dot("Phase").Call(emitGroup)
		case ir.StreamGrouper:
			add = state.Clone().Dot("Add").Call(jen.Id("v"), emitGroup)
			phase = state.Clone().Dot("Phase").Call(emitGroup)
		case ir.StreamSampler:
			add = state.Clone().Dot("Add").Call(jen.Id("v"), emitOne)
		}
		f.Commentf("fwAdd%s gives an artifact of %s to helper %s.", p.Name, p.Cases[0].InputName(), p.Name)
		f.Func().Params(jen.Id("d").Op("*").Id("fwDispatcher")).Id("fwAdd"+p.Name).Params(
			jen.Id("c").Op("*").Add(rt("Call")), jen.Id("v").Add(in),
		).Error().Block(add, jen.Return(jen.Nil()))
		if phase != nil || h.Phase {
			body := []jen.Code{jen.Return(jen.Nil())}
			if h.Phase {
				// The application's hook, after the flush.
				body = []jen.Code{jen.Return(handlerRef(p).Dot(MethodName(p.Phase)).Call(callContext(p, p.Phase), jen.Id("c").Dot("Phase").Call()))}
			}
			if phase != nil {
				body = append([]jen.Code{phase}, body...)
			}
			f.Commentf("fwPhase%s flushes helper %s at a phase broadcast.", p.Name, p.Name)
			f.Func().Params(jen.Id("d").Op("*").Id("fwDispatcher")).Id("fwPhase" + p.Name).Params(
				jen.Id("c").Op("*").Add(rt("Call")),
			).Error().Block(body...)
		}
	}
}

// builtCall is the call that delivers the artifact arg (of a built case c of
// processor or builder p) to its handler, with the *fwimpl.Call c in scope.
func builtCall(p *ir.Processor, c *ir.Case, arg jen.Code) *jen.Statement {
	switch {
	case isHelper(p):
		return jen.Id("d").Dot("fwAdd"+p.Name).Call(jen.Id("c"), arg)
	}
	return handlerRef(p).Dot(MethodName(c)).Call(callContext(p, c), arg)
}

// callContext is the context value a handler method of p gets for case c, of
// the *fwimpl.Call c: the builder's context for a builder, else the case's.
func callContext(p *ir.Processor, c *ir.Case) *jen.Statement {
	if p.Builder != nil {
		return contextLit(BuilderContextName(p), nil)
	}
	return contextLit(ContextName(p, c), c)
}

// lifecycleCall is the call of a lifecycle case of p, with the *fwimpl.Call c in scope.
func lifecycleCall(p *ir.Processor, c *ir.Case) *jen.Statement {
	if isHelper(p) && c.Kind == ast.CasePhase {
		return jen.Id("d").Dot("fwPhase" + p.Name).Call(jen.Id("c"))
	}
	args := []jen.Code{callContext(p, c)}
	if c.Kind == ast.CasePhase {
		args = append(args, jen.Id("c").Dot("Phase").Call())
	}
	return handlerRef(p).Dot(MethodName(c)).Call(args...)
}

// builtConsumers returns, per processor in order, its first case receiving t
// (later ones can never be reached: built cases test nothing).
func (g *generator) builtConsumers(t *ir.Target) []caseRef {
	var refs []caseRef
	for _, p := range g.pkg.Processors {
		for _, c := range p.Cases {
			if c.Kind == ast.CaseBuilt && c.Target == t {
				refs = append(refs, caseRef{p, c})
				break
			}
		}
	}
	return refs
}

type caseRef struct {
	p *ir.Processor
	c *ir.Case
}

// builtSwitchCases adds to a kind switch one case per target with consumers.
func (g *generator) builtSwitchCases(sw *jen.Group, readArg bool, deliver func(*ir.Processor, *ir.Case, jen.Code) jen.Code) {
	for _, t := range g.pkg.Targets {
		refs := g.builtConsumers(t)
		if len(refs) == 0 {
			continue
		}
		var body []jen.Code
		arg := jen.Id("v")
		if readArg {
			body = append(body, jen.Id("v").Op(":=").Add(builtArg(t)))
		}
		for _, r := range refs {
			body = append(body, jen.Comment(r.p.Name+": "+r.c.Name), deliver(r.p, r.c, arg))
		}
		sw.Case(jen.Id(builtKindName(t))).Block(body...)
	}
}

// sources emits Pull and Stop (fwimpl.Sources) when the package has source builders.
func (g *generator) sources(f *jen.File) {
	var srcs []*ir.Processor
	for _, p := range g.pkg.Processors {
		if p.Builder != nil && !isHelper(p) && p.Builder.Source() {
			srcs = append(srcs, p)
		}
	}
	if len(srcs) == 0 {
		return
	}
	f.Comment("Pull pulls up to max artifacts from a source builder (fwimpl.Sources).")
	f.Func().Params(jen.Id("d").Op("*").Id("fwDispatcher")).Id("Pull").Params(
		jen.Id("c").Op("*").Add(rt("Call")), jen.Id("proc").Int32(), jen.Id("max").Int(),
	).Params(jen.Bool(), jen.Error()).BlockFunc(func(b *jen.Group) {
		b.Switch(jen.Id("proc")).BlockFunc(func(sw *jen.Group) {
			for _, p := range srcs {
				t := p.Builder.Provides
				sw.Case(jen.Lit(p.Index)).Block(jen.Return(jen.Id("d").Dot(sourceField(p)).Dot("Pull").Call(
					jen.Id("c"), jen.Id("max"), handlerRef(p).Dot("Build"),
					jen.Func().Params(jen.Id("v").Add(artifactType(t.Type))).Add(rt("Msg")).Block(jen.Return(builtMsg(t, "v"))),
				)))
			}
		})
		b.Return(jen.True(), rt("UnknownDelivery").Call(rt("Delivery").Values(jen.Id("Proc").Op(":").Id("proc"))))
	})
	f.Comment("Stop stops a source builder's Build early (fwimpl.Sources).")
	f.Func().Params(jen.Id("d").Op("*").Id("fwDispatcher")).Id("Stop").Params(jen.Id("proc").Int32()).Block(
		jen.Switch(jen.Id("proc")).BlockFunc(func(sw *jen.Group) {
			for _, p := range srcs {
				sw.Case(jen.Lit(p.Index)).Block(jen.Id("d").Dot(sourceField(p)).Dot("Stop").Call())
			}
		}))
}

// resolveFuncs emits the Pipeline's resolve methods.
func (g *generator) resolveFuncs(f *jen.File) {
	recv := jen.Id("p").Op("*").Id("Pipeline")
	for _, t := range g.pkg.Targets {
		f.Commentf("%s asks for target %s before Run: its builder, and the builders it", ir.ResolveMethod(t.Name), t.Name)
		f.Comment("requires, run once, and each artifact reaches every consumer.")
		f.Func().Params(recv.Clone()).Id(ir.ResolveMethod(t.Name)).Params().Block(
			rt("Submit").Call(jen.Op("&").Id("p").Dot("Runner"), rt("Msg").Values(jen.Id("Kind").Op(":").Id(resolveKindName(t)))))
	}
	if len(g.pkg.Targets) > 0 {
		f.Comment("Resolve asks for a target by name before Run; Run fails with fw.ErrNoProvider")
		f.Comment("if no builder provides it.")
		f.Func().Params(recv.Clone()).Id("Resolve").Params(jen.Id("target").String()).Block(
			rt("EngineOf").Call(jen.Op("&").Id("p").Dot("Runner")).Dot("Resolve").Call(jen.Id("target")))
	}
}

// phaseOf is p's phase case, nil for a StreamSampler: it keeps nothing to
// flush, so it takes no part in phase broadcasts.
func phaseOf(p *ir.Processor) *ir.Case {
	if isHelper(p) && p.Builder.Helper.Kind == ir.StreamSampler && !p.Builder.Helper.Phase {
		return nil
	}
	return p.Phase
}
