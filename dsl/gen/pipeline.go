package gen

import (
	"go/token"
	"slices"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/ir"
)

// pipelineParts returns the parts of the package-wide code: the Event
// interface, kinds, the program description with its routing table, compiled
// routing and dispatch, Pipeline, and JSON by event name.
func (g *generator) pipelineParts() []part {
	return []part{
		{build: g.pipelineHead},
		{build: g.pipelineType},
		// Route, Invoke and the match tables, the largest parts of a large
		// package, start first: Route builds the matchers while Invoke,
		// which needs none, keeps the other CPU busy.
		{build: g.route, first: true},
		{build: func(f *jen.File) {
			g.dispatch(f)
			g.dispatchAll(f)
		}},
		{build: g.invoke, first: true},
		{build: g.contextTypes},
		{build: func(f *jen.File) {
			g.helperMethods(f)
			g.sources(f)
			g.failures(f)
			g.arenaCode(f)
			g.codec(f)
		}},
		{tables: g.matchCode, first: true},
		{build: g.jsonFuncs},
	}
}

func (g *generator) pipelineHead(f *jen.File) {
	pkg := g.pkg
	f.Comment("The generated code needs a runtime that supports it; a mismatch fails to compile here.")
	f.Const().Id("_").Op("=").Add(rt("SupportPackageIsVersion2"))

	f.Commentf("Event is implemented by every event type of package %s.", pkg.Name)
	f.Type().Id("Event").Interface(
		jen.Comment("EventName returns the event's stable name."),
		jen.Id("EventName").Params().String(),
		jen.Comment("AppendBinary appends the canonical binary encoding."),
		jen.Id("AppendBinary").Params(jen.Id("b").Index().Byte()).Params(jen.Index().Byte(), jen.Error()),
		jen.Id("fwMsg").Params(jen.Id("a").Op("*").Id("fwArena")).Add(rt("Msg")),
	)

	if len(pkg.Events) > 0 {
		f.Comment("Dense event kinds, for dispatch. Stable names, not kinds, are persisted.")
		f.Const().DefsFunc(func(d *jen.Group) {
			for _, ev := range pkg.Events {
				d.Id(kindName(ev)).Add(rt("Kind")).Op("=").Lit(ev.Kind)
			}
		})
	}

	g.targetKinds(f)
	g.program(f)
}

func (g *generator) program(f *jen.File) {
	pkg := g.pkg
	routes := make([][]int, len(pkg.Events))
	for _, p := range pkg.Processors {
		for _, ev := range pkg.Events {
			for _, c := range p.Cases {
				if c.Event == ev {
					routes[ev.Kind] = append(routes[ev.Kind], p.Index)
					break
				}
			}
		}
	}
	f.Comment("fwProgram describes the package to the runtime. Routes is the routing table:")
	f.Comment("for each event kind and built kind, the processors that have a case for it.")
	f.Comment("Fingerprint covers the package's declarations (types and processors, patterns")
	f.Comment("included): a record of a run (fw.WithRecord) is checked against it on replay.")
	if slices.ContainsFunc(pkg.Processors, needsFingerprint) {
		f.Comment("A Fingerprint, part of the cache keys of a cached processor or persistent builder,")
		f.Comment("is archive.Fingerprint of its declaration and of the shapes of the types it reads")
		f.Comment("and emits, computed by fwgen: it changes when they do.")
	}
	prog := jen.Dict{
		jen.Id("Package"): jen.Lit(pkg.Name),
		jen.Id("Events"): jen.Index().Add(rt("EventInfo")).ValuesFunc(func(vs *jen.Group) {
			for _, ev := range pkg.Events {
				vs.Values(jen.Dict{jen.Id("Name"): jen.Lit(ev.Name)})
			}
		}),
		jen.Id("Procs"): jen.Index().Add(rt("ProcInfo")).ValuesFunc(func(vs *jen.Group) {
			for _, p := range pkg.Processors {
				d := jen.Dict{
					jen.Id("Name"): jen.Lit(p.Name),
					jen.Id("Cases"): jen.Index().String().ValuesFunc(func(cs *jen.Group) {
						for _, c := range p.Cases {
							cs.Lit(c.Name)
						}
					}),
					jen.Id("Concurrency"): jen.Lit(p.Concurrency),
				}
				if p.Init != nil {
					d[jen.Id("Init")] = jen.True()
				}
				if phaseOf(p) != nil {
					d[jen.Id("Phase")] = jen.True()
				}
				if p.Terminate != nil {
					d[jen.Id("Terminate")] = jen.True()
				}
				if p.Retry > 0 {
					d[jen.Id("Retry")] = jen.Lit(p.Retry)
				}
				if p.Failures != nil {
					d[jen.Id("Failures")] = jen.True()
				}
				if rs := procResolves(p); len(rs) > 0 {
					d[jen.Id("Resolves")] = jen.Index().Int32().ValuesFunc(func(vs *jen.Group) {
						for _, t := range rs {
							vs.Lit(t.Index)
						}
					})
				}
				if p.Cached {
					d[jen.Id("Cached")] = jen.True()
					if p.Version != 0 {
						d[jen.Id("Version")] = jen.Lit(p.Version)
					}
				}
				if needsFingerprint(p) {
					d[jen.Id("Fingerprint")] = fingerprintLit(Fingerprint(pkg, p))
				}
				if b := p.Builder; b != nil {
					d[jen.Id("Builder")] = jen.True()
					if b.Source() && b.Helper == nil {
						d[jen.Id("Source")] = jen.True()
					}
					d[jen.Id("Provides")] = jen.Lit(b.Provides.Index)
					if len(b.Requires) > 0 {
						d[jen.Id("Requires")] = jen.Index().Int32().ValuesFunc(func(rs *jen.Group) {
							for _, r := range b.Requires {
								rs.Lit(r.Index)
							}
						})
					}
					if b.Persist {
						d[jen.Id("Persist")] = jen.True()
					}
					if b.Version != 0 {
						d[jen.Id("Version")] = jen.Lit(b.Version)
					}
				}
				vs.Values(d)
			}
		}),
		jen.Id("Routes"): jen.Index().Index().Int32().ValuesFunc(func(vs *jen.Group) {
			for _, ev := range pkg.Events {
				vs.Id(kindName(ev)).Op(":").ValuesFunc(func(ps *jen.Group) {
					for _, p := range routes[ev.Kind] {
						ps.Lit(p)
					}
				})
			}
			for _, t := range pkg.Targets {
				vs.Id(builtKindName(t)).Op(":").ValuesFunc(func(ps *jen.Group) {
					for _, r := range g.builtConsumers(t) {
						ps.Lit(r.p.Index)
					}
				})
			}
		}),
	}
	prog[jen.Id("Fingerprint")] = fingerprintLit(ProgramFingerprint(pkg))
	if len(pkg.Targets) > 0 {
		prog[jen.Id("Targets")] = jen.Index().Add(rt("TargetInfo")).ValuesFunc(func(vs *jen.Group) {
			for _, t := range pkg.Targets {
				vs.Values(jen.Dict{jen.Id("Name"): jen.Lit(t.Name), jen.Id("Provider"): jen.Lit(t.Provider.Index)})
			}
		})
	}
	f.Var().Id("fwProgram").Op("=").Add(rt("Program")).Values(prog)
}

// handlerParam is NewPipeline's parameter name for a processor's handler.
func handlerParam(p *ir.Processor) string {
	n := strings.ToLower(p.Name[:1]) + p.Name[1:]
	for token.IsKeyword(n) || n == "opts" || n == "fw" || n == "fwimpl" || n == "d" || slices.Contains(predeclared, n) {
		n += "_"
	}
	return n
}

func handlerField(p *ir.Processor) string { return "h" + p.Name }

func (g *generator) pipelineType(f *jen.File) {
	pkg := g.pkg
	f.Comment("fwDispatcher binds the application's handlers to the compiled routing.")
	f.Type().Id("fwDispatcher").StructFunc(func(s *jen.Group) {
		for _, p := range pkg.Processors {
			if takesHandler(p) {
				s.Id(handlerField(p)).Id(handlerType(p))
			}
		}
		g.dispatcherFields(s)
	})

	f.Commentf("Pipeline runs the processors of package %s. Create it with NewPipeline.", pkg.Name)
	f.Type().Id("Pipeline").Struct(jen.Id("engine").Op("*").Add(rt("Engine")))

	f.Comment("NewPipeline returns a pipeline with one handler per processor and user builder")
	f.Comment("(and one Keyer per helper keyed by a method), in declaration order; a nil")
	f.Comment("handler panics. Options are the runtime's (fw.WithWorkers, ...).")
	f.Func().Id("NewPipeline").ParamsFunc(func(ps *jen.Group) {
		for _, p := range pkg.Processors {
			if takesHandler(p) {
				ps.Id(handlerParam(p)).Id(handlerType(p))
			}
		}
		ps.Id("opts").Op("...").Add(rt("Option"))
	}).Op("*").Id("Pipeline").BlockFunc(func(b *jen.Group) {
		for _, p := range pkg.Processors {
			if takesHandler(p) {
				what := "processor"
				switch {
				case isHelper(p):
					what = "helper"
				case p.Builder != nil:
					what = "builder"
				}
				b.If(jen.Id(handlerParam(p)).Op("==").Nil()).Block(
					jen.Panic(jen.Lit(pkg.Name + ".NewPipeline: nil handler for " + what + " " + p.Name)),
				)
			}
		}
		b.Id("d").Op(":=").Op("&").Id("fwDispatcher").ValuesFunc(func(vs *jen.Group) {
			for _, p := range pkg.Processors {
				if takesHandler(p) && !isHelper(p) {
					vs.Id(handlerField(p)).Op(":").Id(handlerParam(p))
				}
			}
		})
		for _, p := range pkg.Processors {
			if isHelper(p) {
				if init := helperInit(p); init != nil {
					b.Add(init)
				}
			}
		}
		b.Return(jen.Op("&").Id("Pipeline").Values(jen.Dict{
			jen.Id("engine"): rt("New").Call(jen.Op("&").Id("fwProgram"), jen.Id("d"), jen.Id("opts").Op("...")),
		}))
	})

	f.Comment("Submit queues an event for phase 0, after the ones submitted before it. Call")
	f.Comment("it before Run, from one goroutine: it is not safe for concurrent use (the")
	f.Comment("submission order is part of the run's determinism).")
	f.Func().Params(jen.Id("p").Op("*").Id("Pipeline")).Id("Submit").Params(jen.Id("ev").Id("Event")).Block(
		jen.List(jen.Id("a"), jen.Id("_")).Op(":=").Id("p").Dot("engine").Dot("SubmitArena").Call().Assert(jen.Op("*").Id("fwArena")),
		jen.Id("p").Dot("engine").Dot("Submit").Call(jen.Id("fwEventMsg").Call(jen.Id("ev"), jen.Id("a"))),
	)
	f.Comment("SubmitSeq queues the events of seq for phase 0, after the submitted ones: they")
	f.Comment("are pulled lazily, in batches of fw.WithSourceBatch events (default 256), one")
	f.Comment("batch per step of phase 0, so a long or endless sequence runs in bounded memory")
	f.Comment("(see fwimpl.Engine.Feed for the order rule). Several calls feed their sequences")
	f.Comment("one after the other. Call it before Run; a fed run cannot be recorded.")
	f.Func().Params(jen.Id("p").Op("*").Id("Pipeline")).Id("SubmitSeq").Params(jen.Id("seq").Qual("iter", "Seq").Types(jen.Id("Event"))).Block(
		jen.Id("p").Dot("engine").Dot("Feed").Call(rt("SeqFeed").Call(jen.Id("seq"), jen.Func().Params(jen.Id("c").Op("*").Add(rt("Call")), jen.Id("ev").Id("Event")).Add(rt("Msg")).Block(
			jen.Return(jen.Id("fwEventMsg").Call(jen.Id("ev"), jen.Id("fwArenaOf").Call(jen.Id("c")))),
		))))
	f.Comment("SubmitSeqOf is p.SubmitSeq for a sequence of one event type E: its values are")
	f.Comment("not boxed into Event to be yielded, so feeding them allocates nothing.")
	f.Func().Id("SubmitSeqOf").Types(jen.Id("E").Id("Event")).Params(jen.Id("p").Op("*").Id("Pipeline"), jen.Id("seq").Qual("iter", "Seq").Types(jen.Id("E"))).Block(
		jen.Id("p").Dot("engine").Dot("Feed").Call(rt("SeqFeed").Call(jen.Id("seq"), jen.Func().Params(jen.Id("c").Op("*").Add(rt("Call")), jen.Id("ev").Id("E")).Add(rt("Msg")).Block(
			jen.Return(jen.Id("fwEventMsg").Call(jen.Id("ev"), jen.Id("fwArenaOf").Call(jen.Id("c")))),
		))))
	if len(pkg.Events) > 0 {
		f.Comment("SubmitJSONLines submits the events of r, one JSON object per line")
		f.Comment("({\"event\":\"Name\", ...fields}, as DecodeJSON reads them), in order, before Run.")
		f.Comment("A malformed line (not JSON, an unknown event, a missing, unknown or mistyped")
		f.Comment("field) does not stop the others: all of them are reported with their line")
		f.Comment("numbers in a *fw.InputError; with fw.StopOnBadLine() the first one stops it.")
		f.Func().Params(jen.Id("p").Op("*").Id("Pipeline")).Id("SubmitJSONLines").Params(
			jen.Id("r").Qual("io", "Reader"), jen.Id("opts").Op("...").Add(rt("LinesOption")),
		).Error().Block(
			jen.Return(rt("ReadLines").Call(jen.Id("r"), jen.Func().Params(jen.Id("line").Index().Byte()).Error().Block(
				jen.List(jen.Id("ev"), jen.Err()).Op(":=").Id("DecodeJSON").Call(jen.Id("line")),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
				jen.Id("p").Dot("Submit").Call(jen.Id("ev")),
				jen.Return(jen.Nil()),
			), jen.Id("opts").Op("..."))),
		)
	}
	f.Comment("Run runs the pipeline until no work is left, a handler fails, or ctx is done.")
	f.Func().Params(jen.Id("p").Op("*").Id("Pipeline")).Id("Run").Params(jen.Id("ctx").Qual("context", "Context")).Error().Block(
		jen.Return(jen.Id("p").Dot("engine").Dot("Run").Call(jen.Id("ctx"))))
	f.Comment("Replay runs the pipeline on the inputs recorded in r (by a run with")
	f.Comment("fw.WithRecord) and compares every call's emissions with the record as it")
	f.Comment("goes: the first difference stops it with a *fw.DivergenceError. Submit")
	f.Comment("nothing before it; call it instead of Run.")
	f.Func().Params(jen.Id("p").Op("*").Id("Pipeline")).Id("Replay").Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("r").Qual("io", "Reader")).Error().Block(
		jen.Return(jen.Id("p").Dot("engine").Dot("Replay").Call(jen.Id("ctx"), jen.Id("r"))))
	f.Comment("Stats returns the run's job accounting.")
	f.Func().Params(jen.Id("p").Op("*").Id("Pipeline")).Id("Stats").Params().Add(rt("Stats")).Block(
		jen.Return(jen.Id("p").Dot("engine").Dot("Stats").Call()))
	g.resolveFuncs(f)
}

// route compiles every processor's patterns into one function: a switch on the
// event kind, then, for an event type with few case rows, per processor a switch
// whose cases are the processor's cases in order, so the first match wins; for
// one with more, the compiled matcher of all its cases together (match.go,
// matchgen.go). Only fields that a pattern tests are read.
func (g *generator) route(f *jen.File) {
	f.Comment("Route appends the deliveries of m: per processor with a matching case, the first one.")
	f.Func().Params(jen.Id("d").Op("*").Id("fwDispatcher")).Id("Route").Params(
		jen.Id("m").Add(rt("Msg")), jen.Id("dst").Index().Add(rt("Delivery")),
	).Index().Add(rt("Delivery")).BlockFunc(func(b *jen.Group) {
		deliver := func(p *ir.Processor, c *ir.Case) jen.Code {
			return jen.Id("dst").Op("=").Append(jen.Id("dst"), rt("Delivery").Values(
				jen.Id("Proc").Op(":").Lit(p.Index), jen.Id("Case").Op(":").Lit(c.Index)))
		}
		g.kindSwitch(b, false, deliver, func(p *ir.Processor, c *ir.Case, _ jen.Code) jen.Code { return deliver(p, c) })
		b.Return(jen.Id("dst"))
	})
}

// dispatch compiles the same switch as route, but calls each matching case's
// handler in place: the engine's path when handler calls cannot overlap.
func (g *generator) dispatch(f *jen.File) {
	f.Comment("Dispatch routes m and calls the handler of each matching case at once.")
	f.Func().Params(jen.Id("d").Op("*").Id("fwDispatcher")).Id("Dispatch").Params(
		jen.Id("x").Op("*").Add(rt("Serial")), jen.Id("m").Add(rt("Msg")),
	).BlockFunc(g.dispatchBody)
}

// dispatchBody is the body of Dispatch: the switch on m's kind, calling the
// handler of each matching case at once.
func (g *generator) dispatchBody(b *jen.Group) {
	begin := func(p *ir.Processor, c *ir.Case, call jen.Code) jen.Code {
		return jen.If(
			jen.Id("c").Op(":=").Add(beginCall(jen.Lit(p.Index), jen.Lit(c.Index))),
			jen.Id("c").Op("!=").Nil(),
		).Block(jen.Id("x").Dot("End").Call(call))
	}
	g.kindSwitch(b, true, func(p *ir.Processor, c *ir.Case) jen.Code {
		return begin(p, c, handlerCall(p, c, jen.Id("ev")))
	}, func(p *ir.Processor, c *ir.Case, arg jen.Code) jen.Code {
		return begin(p, c, builtCall(p, c, arg))
	})
}

// inlineDispatchCases is the number of cases up to which DispatchAll repeats
// Dispatch's switch in its loop rather than calling Dispatch: the call's cost
// (arguments, saved registers) is a sizeable part of a small package's
// dispatch, and a small switch costs little to repeat.
const inlineDispatchCases = 32

// dispatchAll emits DispatchAll (fwimpl.StepDispatcher): the engine's loop over
// a step's events, with Dispatch's switch in the loop for a small package, or
// a direct call of Dispatch per event.
func (g *generator) dispatchAll(f *jen.File) {
	cases := 0
	for _, p := range g.pkg.Processors {
		cases += len(p.Cases)
	}
	f.Comment("DispatchAll dispatches the events of ms in order, as Dispatch does each, until")
	f.Comment("x stops, and returns how many it dispatched (fwimpl.StepDispatcher).")
	f.Func().Params(jen.Id("d").Op("*").Id("fwDispatcher")).Id("DispatchAll").Params(
		jen.Id("x").Op("*").Add(rt("Serial")), jen.Id("ms").Index().Add(rt("Msg")),
	).Int().Block(
		jen.For(jen.Id("i").Op(":=").Range().Id("ms")).BlockFunc(func(b *jen.Group) {
			b.If(jen.Id("x").Dot("Stopped").Call()).Block(jen.Return(jen.Id("i")))
			if cases <= inlineDispatchCases {
				b.Id("m").Op(":=").Id("ms").Index(jen.Id("i"))
				g.dispatchBody(b)
			} else {
				b.Id("d").Dot("Dispatch").Call(jen.Id("x"), jen.Id("ms").Index(jen.Id("i")))
			}
		}),
		jen.Return(jen.Len(jen.Id("ms"))),
	)
}

// kindSwitch emits `switch m.Kind` with, per kind, each processor's cases in
// order, or the loop over the rows its compiled matcher gives; deliver gives the
// code run for the matching case, and bindsRead says whether it reads the bound
// fields of the event (as ev): Dispatch's, as Route's does not.
func (g *generator) kindSwitch(b *jen.Group, bindsRead bool, deliver func(*ir.Processor, *ir.Case) jen.Code, deliverBuilt func(*ir.Processor, *ir.Case, jen.Code) jen.Code) {
	if len(g.pkg.Events) == 0 && len(g.pkg.Targets) == 0 {
		return
	}
	b.Switch(jen.Id("m").Dot("Kind")).BlockFunc(func(sw *jen.Group) {
		for _, ev := range g.pkg.Events {
			if body := g.kindBody(ev, bindsRead, deliver); len(body) > 0 {
				sw.Case(jen.Id(kindName(ev))).Block(body...)
			}
		}
		g.builtSwitchCases(sw, bindsRead, deliverBuilt)
	})
}

func (g *generator) kindBody(ev *ir.Event, bindsRead bool, deliver func(*ir.Processor, *ir.Case) jen.Code) []jen.Code {
	if m := g.matchers()[ev.Kind]; m != nil {
		return g.compiledBody(m, !bindsRead, deliver)
	}
	if bindsRead {
		if rows := eventRows(g.pkg, ev); len(rows) > g.opt.callRows {
			return g.routedBody(rows)
		}
	}
	var body []jen.Code
	needEv := false
	for _, p := range g.pkg.Processors {
		var cases []*ir.Case
		for _, c := range p.Cases {
			if c.Event == ev {
				cases = append(cases, c)
			}
		}
		if len(cases) == 0 {
			continue
		}
		if len(cases[0].Tests) == 0 {
			body = append(body, jen.Comment(p.Name+": "+cases[0].Name), deliver(p, cases[0]))
			needEv = needEv || bindsRead && len(cases[0].Binds) > 0
			continue
		}
		needEv = true
		body = append(body, jen.Comment(p.Name))
		body = append(body, jen.Switch().BlockFunc(func(sw *jen.Group) {
			for _, c := range cases {
				if len(c.Tests) == 0 {
					// Unconditional: it catches everything the earlier cases left;
					// later cases can never match.
					sw.Default().Add(deliver(p, c))
					return
				}
				sw.Case(condition(c)).Add(deliver(p, c))
			}
		}))
	}
	if needEv {
		body = append([]jen.Code{jen.Id("ev").Op(":=").Id("m").Dot("Ev").Assert(jen.Op("*").Id(ev.Name))}, body...)
	}
	return body
}

// routedBody is Dispatch's case for an event type matched by direct switches
// that has more than options.callRows case rows: Route's case (the same
// switches) into a buffer on the stack that holds a delivery per processor,
// then Invoke for each delivery. As with compiled matchers (fwCall<Event>),
// Dispatch does not repeat the handler calls of such event types, which keeps
// it small enough for the compiler to inline Begin and End, and the generated
// code half as large.
func (g *generator) routedBody(rows []row) []jen.Code {
	procs := 0
	for i, r := range rows {
		if i == 0 || rows[i-1].proc != r.proc {
			procs++
		}
	}
	return []jen.Code{
		jen.Comment(plural(len(rows), "case") + " of " + plural(procs, "processor") + ": routed, then invoked."),
		jen.Var().Id("dls").Index(jen.Lit(procs)).Add(rt("Delivery")),
		jen.For(jen.List(jen.Id("_"), jen.Id("dl")).Op(":=").Range().Id("d").Dot("Route").Call(jen.Id("m"), jen.Id("dls").Index(jen.Op(":").Lit(0)))).Block(
			jen.If(
				jen.Id("c").Op(":=").Add(beginCall(jen.Id("dl").Dot("Proc"), jen.Id("dl").Dot("Case"))),
				jen.Id("c").Op("!=").Nil(),
			).Block(jen.Id("x").Dot("End").Call(jen.Id("d").Dot("Invoke").Call(jen.Id("c"), jen.Id("dl"), jen.Id("m")))),
		),
	}
}

// handlerCall is the call of a case's handler method with its context (wrapping
// the *fwimpl.Call c) and its bound values read from the event ev.
func handlerCall(p *ir.Processor, c *ir.Case, ev jen.Code) *jen.Statement {
	args := []jen.Code{contextLit(ContextName(p, c), contextBase(c))}
	for _, bd := range c.Binds {
		args = append(args, jen.Add(ev).Dot(GoName(bd.Field.Name)))
	}
	return jen.Id("d").Dot(handlerField(p)).Dot(MethodName(c)).Call(args...)
}

// formatFloat renders a float constant; Go's == gives the pattern semantics
// (-0.0 equals 0.0, NaN equals nothing).
func formatFloat(v float64) string {
	s := strconv.FormatFloat(v, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eEn") {
		s += ".0"
	}
	return s
}

// invoke compiles the dispatch of a delivery to the typed handler method.
func (g *generator) invoke(f *jen.File) {
	pkg := g.pkg
	f.Comment("Invoke calls the handler method of a delivery with the values its case binds.")
	f.Func().Params(jen.Id("d").Op("*").Id("fwDispatcher")).Id("Invoke").Params(
		jen.Id("c").Op("*").Add(rt("Call")), jen.Id("dl").Add(rt("Delivery")), jen.Id("m").Add(rt("Msg")),
	).Error().BlockFunc(func(b *jen.Group) {
		if len(pkg.Processors) > 0 {
			b.Switch(jen.Id("dl").Dot("Proc")).BlockFunc(func(sw *jen.Group) {
				for _, p := range pkg.Processors {
					if len(allCases(p)) == 0 || phaseOf(p) == nil && len(p.Cases) == 0 && p.Init == nil && p.Terminate == nil {
						continue
					}
					sw.Case(jen.Lit(p.Index)).Block(jen.Switch(jen.Id("dl").Dot("Case")).BlockFunc(func(cs *jen.Group) {
						for _, c := range allCases(p) {
							g.invokeCase(cs, p, c)
						}
					}))
				}
			})
		}
		b.Return(rt("UnknownDelivery").Call(jen.Id("dl")))
	})
}

var lifecycleCase = map[ast.CaseKind]string{
	ast.CaseInit: "CaseInit", ast.CasePhase: "CasePhase", ast.CaseTerminate: "CaseTerminate",
}

func (g *generator) invokeCase(cs *jen.Group, p *ir.Processor, c *ir.Case) {
	if label, ok := lifecycleCase[c.Kind]; ok {
		if c.Kind == ast.CasePhase && phaseOf(p) == nil {
			return
		}
		cs.Case(rt(label)).Block(jen.Return(lifecycleCall(p, c)))
		return
	}
	if c.Kind == ast.CaseBuilt {
		cs.Case(jen.Lit(c.Index)).Block(jen.Return(builtCall(p, c, builtArg(c.Target))))
		return
	}
	var body []jen.Code
	if len(c.Binds) > 0 {
		body = append(body, jen.Id("ev").Op(":=").Id("m").Dot("Ev").Assert(jen.Op("*").Id(c.Event.Name)))
	}
	body = append(body, jen.Return(handlerCall(p, c, jen.Id("ev"))))
	cs.Case(jen.Lit(c.Index)).Block(body...)
}

func (g *generator) jsonFuncs(f *jen.File) {
	pkg := g.pkg
	f.Comment("DecodeJSON decodes one event from a JSON object whose \"event\" member names its")
	f.Comment("type, e.g. {\"event\":\"Name\",\"field\":1}. Every field must be present, and unknown")
	f.Comment("members are errors.")
	f.Func().Id("DecodeJSON").Params(jen.Id("data").Index().Byte()).Params(jen.Id("Event"), jen.Error()).BlockFunc(func(b *jen.Group) {
		b.List(jen.Id("name"), jen.Err()).Op(":=").Add(rt("JSONEventName")).Call(jen.Id("data"))
		b.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err()))
		if len(pkg.Events) > 0 {
			b.Switch(jen.Id("name")).BlockFunc(func(sw *jen.Group) {
				for _, ev := range pkg.Events {
					sw.Case(jen.Lit(ev.Name)).Block(decodeJSONCase(ev)...)
				}
			})
		}
		b.Return(jen.Nil(), jen.Op("&").Add(rt("UnknownEventError")).Values(jen.Dict{jen.Id("Name"): jen.Id("name")}))
	})

	f.Comment("EncodeJSON encodes an event as a JSON object with its name in the \"event\" member.")
	f.Func().Id("EncodeJSON").Params(jen.Id("ev").Id("Event")).Params(jen.Index().Byte(), jen.Error()).BlockFunc(func(b *jen.Group) {
		if len(pkg.Events) > 0 {
			b.Id("m").Op(":=").Id("ev").Dot("fwMsg").Call(jen.Nil())
			b.Switch(jen.Id("m").Dot("Kind")).BlockFunc(func(sw *jen.Group) {
				for _, ev := range pkg.Events {
					sw.Case(jen.Id(kindName(ev))).Block(jen.Return(jen.Qual("encoding/json", "Marshal").Call(
						jen.Struct(
							jen.Id("Event").String().Tag(map[string]string{"json": "event"}),
							jen.Op("*").Id(ev.Name),
						).Values(jen.Lit(ev.Name), jen.Id("m").Dot("Ev").Assert(jen.Op("*").Id(ev.Name))),
					)))
				}
			})
		}
		b.Return(jen.Nil(), jen.Qual("fmt", "Errorf").Call(jen.Lit("fw: EncodeJSON: unknown event %T"), jen.Id("ev")))
	})
}

// beginCall is the start of a call in Dispatch: x.Begin(x.Note(proc, cs, m)),
// two calls the compiler inlines (see fwimpl.Serial.Note).
func beginCall(proc, cs jen.Code) jen.Code {
	return jen.Id("x").Dot("Begin").Call(jen.Id("x").Dot("Note").Call(proc, cs, jen.Id("m")))
}
