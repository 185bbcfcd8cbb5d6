package gen

import (
	"slices"
	"strconv"
	"strings"
	"time"

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
		{build: g.dispatchAll},
		{build: g.invoke, first: true},
		{build: func(f *jen.File) {
			g.helperMethods(f)
			g.keyGroupFuncs(f)
			g.sources(f)
			g.failures(f)
			g.arenaCode(f)
			g.codec(f)
			g.valueCodecs(f)
		}},
		{tables: g.matchCode, first: true},
		{build: g.jsonFuncs},
		{build: g.testFuncs},
	}
}

func (g *generator) pipelineHead(f *jen.File) {
	pkg := g.pkg
	f.Comment("A generator and a runtime that do not match fail to compile here.")
	f.Const().Id("_").Op("=").Add(rt("SupportPackageIsVersion3"))

	f.Commentf("Event is implemented by every event type of package %s.", pkg.Name)
	f.Type().Id("Event").Interface(
		jen.Id("EventName").Params().String(),
		jen.Id("AppendBinary").Params(jen.Id("b").Index().Byte()).Params(jen.Index().Byte(), jen.Error()),
		jen.Id("fwMsg").Params(jen.Id("arena").Add(rt("Arena"))).Add(rt("Msg")),
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
			if len(p.CasesFor(ev)) > 0 {
				routes[ev.Kind] = append(routes[ev.Kind], p.Index)
			}
		}
	}
	f.Comment("fwProgram describes the package to the engine; Routes lists, by kind, the processors with a case for it.")
	if slices.ContainsFunc(pkg.Processors, needsFingerprint) {
		f.Comment("A Fingerprint, part of the cache keys of a cached processor or persistent builder,")
		f.Comment("is archive.Fingerprint of its declaration and of the shapes of the types it reads")
		f.Comment("and emits, computed by fwgen: it changes when they do.")
	}
	prog := jen.Dict{
		jen.Id("Package"): jen.Lit(pkg.Name),
		jen.Id("Events"): jen.Index().Add(rt("EventInfo")).ValuesFunc(func(vs *jen.Group) {
			for _, ev := range pkg.Events {
				d := jen.Dict{jen.Id("Name"): jen.Lit(ev.Name)}
				if fieldsShare(ev.Fields) {
					d[jen.Id("Shared")] = jen.True()
				}
				vs.Values(d)
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
				if p.BackoffMin > 0 {
					d[jen.Id("BackoffMin")] = durationCode(p.BackoffMin)
					d[jen.Id("BackoffMax")] = durationCode(p.BackoffMax)
				}
				if p.Timeout > 0 {
					d[jen.Id("Timeout")] = durationCode(p.Timeout)
				}
				if p.Failures != nil {
					d[jen.Id("Failures")] = jen.True()
				}
				if p.Partition != nil {
					d[jen.Id("KeyGroups")] = jen.Lit(p.Partition.K)
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
					if b.Eager {
						d[jen.Id("Eager")] = jen.True()
					}
					switch {
					case b.Persist && b.Helper != nil:
						d[jen.Id("PersistFlushes")] = jen.True()
					case b.Persist:
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
				d := jen.Dict{jen.Id("Name"): jen.Lit(t.Name), jen.Id("Provider"): jen.Lit(t.Provider.Index)}
				if artifactShares(t.Type) {
					d[jen.Id("Shared")] = jen.True()
				}
				vs.Values(d)
			}
		})
	}
	f.Var().Id("fwProgram").Op("=").Add(rt("Program")).Values(prog)
}

// directRoutes returns, by event kind, the (processor, case) deliveries of a
// package whose cases are all unconditional (no pattern tests, no built
// kinds), so that routing is a table (fwimpl.Routes); nil for any other.
func (g *generator) directRoutes() [][][2]int {
	if len(g.pkg.Targets) > 0 || g.partitioned() {
		return nil
	}
	routes := make([][][2]int, len(g.pkg.Events))
	for _, ev := range g.pkg.Events {
		if g.matchers()[ev.Kind] != nil {
			return nil
		}
		for _, p := range g.pkg.Processors {
			if cases := p.CasesFor(ev); len(cases) > 0 {
				if !cases[0].Unconditional() {
					return nil
				}
				routes[ev.Kind] = append(routes[ev.Kind], [2]int{p.Index, cases[0].Index})
			}
		}
	}
	return routes
}

// handlerRef is the handler of p in a method of fwDispatcher d.
// A partitioned processor's is its key group's, c.KeyGroup() of the
// *fwimpl.Call c in scope.
func handlerRef(p *ir.Processor) *jen.Statement {
	if p.Partition != nil {
		return jen.Id("d").Dot(instancesField(p)).Index(keyGroupOf())
	}
	return jen.Id("d").Dot("h").Dot(p.Name)
}

// handlerWhat says what p is, in the doc of its field of Handlers.
func handlerWhat(p *ir.Processor) string {
	switch {
	case isHelper(p):
		return "helper"
	case p.Builder != nil:
		return "builder"
	}
	return "processor"
}

func (g *generator) pipelineType(f *jen.File) {
	pkg := g.pkg
	var takers []*ir.Processor
	for _, p := range pkg.Processors {
		if takesHandler(p) {
			takers = append(takers, p)
		}
	}
	f.Comment("fwDispatcher binds the application's handlers to the compiled routing.")
	f.Type().Id("fwDispatcher").StructFunc(func(s *jen.Group) {
		s.Id("h").Id("Handlers")
		s.Op("*").Add(rt("ArenaPool")).Types(jen.Id("fwArena"), jen.Op("*").Id("fwArena"))
		if len(pkg.Targets) == 0 {
			s.Add(rt("Types")).Comment("the codec of events (fwimpl.Codec)")
		}
		if g.directRoutes() != nil {
			s.Add(rt("Routes")).Comment("Route")
		}
		g.dispatcherFields(s)
	})

	g.factoryTypes(f, takers)
	f.Comment("Handlers are the handlers NewPipeline needs, one per processor, user builder and keyed helper.")
	f.Type().Id("Handlers").StructFunc(func(s *jen.Group) {
		for _, p := range takers {
			typ := handlerType(p)
			if p.Partition != nil {
				typ = FactoryName(p) // a handler per key group
			}
			s.Id(p.Name).Id(typ).Comment(handlerWhat(p) + " " + p.Name + " (" + pos(p.File, p.Pos.Line) + ")")
		}
	})

	f.Commentf("Pipeline runs the processors of package %s: Submit (or SubmitSeq, SubmitJSONLines,", pkg.Name)
	f.Comment("FeedJSONLines, Stream, FeedChan), then Run or Replay, then Stats; all but Submit are methods of fwimpl.Runner.")
	f.Type().Id("Pipeline").Struct(rt("Runner").Types(jen.Id("Event")))

	f.Comment("NewPipeline returns a pipeline of the handlers h, or an error naming the nil ones.")
	f.Func().Id("NewPipeline").Params(jen.Id("h").Id("Handlers"), jen.Id("opts").Op("...").Add(rt("Option"))).
		Params(jen.Op("*").Id("Pipeline"), jen.Error()).BlockFunc(func(b *jen.Group) {
		if len(takers) > 0 {
			b.If(
				jen.Err().Op(":=").Add(rt("MissingHandlers")).Call(
					jen.Lit(pkg.Name),
					jen.Index().String().ValuesFunc(func(vs *jen.Group) {
						for _, p := range takers {
							vs.Lit(p.Name)
						}
					}),
					jen.Index().Bool().ValuesFunc(func(vs *jen.Group) {
						for _, p := range takers {
							vs.Id("h").Dot(p.Name).Op("==").Nil()
						}
					})),
				jen.Err().Op("!=").Nil(),
			).Block(jen.Return(jen.Nil(), jen.Err()))
		}
		b.Id("d").Op(":=").Op("&").Id("fwDispatcher").ValuesFunc(func(vs *jen.Group) {
			vs.Id("h").Op(":").Id("h")
			vs.Id("ArenaPool").Op(":").Op("&").Id("fwArenas")
			if len(pkg.Targets) == 0 {
				vs.Id("Types").Op(":").Id("fwTypes")
			}
			if g.directRoutes() != nil {
				vs.Id("Routes").Op(":").Id("fwRoutes")
			}
		})
		for _, p := range pkg.Processors {
			if isHelper(p) && p.Partition == nil {
				if init := helperInit(p); init != nil {
					b.Add(init)
				}
			}
		}
		g.instances(b)
		decode := jen.Id("DecodeJSON")
		b.Id("e").Op(":=").Add(rt("New")).Call(jen.Op("&").Id("fwProgram"), jen.Id("d"), jen.Id("opts").Op("..."))
		b.Return(jen.Op("&").Id("Pipeline").Values(rt("NewRunner").Call(jen.Id("e"), jen.Id("fwEventMsg"), decode)), jen.Nil())
	})

	f.Comment("Submit queues an event for phase 0, after the ones submitted before it, before Run.")
	f.Func().Params(jen.Id("p").Op("*").Id("Pipeline")).Id("Submit").Params(jen.Id("ev").Id("Event")).Block(
		rt("Submit").Call(jen.Op("&").Id("p").Dot("Runner"), jen.Id("fwEventMsg").Call(jen.Id("ev"), rt("EngineOf").Call(jen.Op("&").Id("p").Dot("Runner")).Dot("SubmitArena").Call())),
	)
	// SubmitSeqOf and StreamOf are one-liners, as gofmt keeps them:
	// generated/size_test.go bounds the lines every package repeats.
	line := jen.Options{Open: "{ ", Close: " }"}
	typed := jen.Types(jen.Id("E").Id("Event"))
	pp := jen.Id("p").Op("*").Id("Pipeline")
	f.Comment("SubmitSeqOf is p.SubmitSeq for one event type E, whose values it does not box.")
	f.Func().Id("SubmitSeqOf").Add(typed).Params(pp, jen.Id("seq").Qual("iter", "Seq").Types(jen.Id("E"))).Custom(line,
		rt("SeqOf").Call(jen.Op("&").Id("p").Dot("Runner"), jen.Id("seq"), jen.Id("fwMsgOf").Index(jen.Id("E"))),
	).Line().Func().Id("fwMsgOf").Add(typed).Params(jen.Id("ev").Id("E"), jen.Id("a").Add(rt("Arena"))).Add(rt("Msg")).Custom(line,
		jen.Return(jen.Id("ev").Dot("fwMsg").Call(jen.Id("a"))),
	)
	f.Comment("StreamOf is p.Stream for one event type E (a channel: StreamOf(p, fw.ChanStream(ch))), unboxed.")
	f.Func().Id("StreamOf").Add(typed).Params(pp, jen.Id("s").Qual(fwPath, "Stream").Types(jen.Id("E"))).Custom(line,
		rt("StreamOf").Call(jen.Op("&").Id("p").Dot("Runner"), jen.Id("s"), jen.Id("fwMsgOf").Index(jen.Id("E"))),
	)
	g.resolveFuncs(f)
}

// route compiles every processor's patterns into one function: a switch on the
// event kind, then, for an event type with few case rows, per processor a switch
// whose cases are the processor's cases in order, so the first match wins; for
// one with more, the compiled matcher of all its cases together (match.go,
// matchgen.go). Only fields that a pattern tests are read.
func (g *generator) route(f *jen.File) {
	if g.directRoutes() != nil {
		f.Comment("fwRoutes are the deliveries of each event kind: every case is unconditional.")
		f.Var().Id("fwRoutes").Op("=").Add(rt("Routes")).ValuesFunc(func(vs *jen.Group) {
			for i, dls := range g.directRoutes() {
				vs.Line().Id(kindName(g.pkg.Events[i])).Op(":").ValuesFunc(func(ds *jen.Group) {
					for _, dl := range dls {
						ds.Values(jen.Id("Proc").Op(":").Lit(dl[0]), jen.Id("Case").Op(":").Lit(dl[1]))
					}
				})
			}
			if len(g.pkg.Events) > 0 {
				vs.Line()
			}
		})
		return
	}
	f.Comment("Route appends the deliveries of m: per processor with a matching case, the first one.")
	f.Func().Params(jen.Id("d").Op("*").Id("fwDispatcher")).Id("Route").Params(
		jen.Id("m").Add(rt("Msg")), jen.Id("dst").Index().Add(rt("Delivery")),
	).Index().Add(rt("Delivery")).BlockFunc(func(b *jen.Group) {
		deliverKG := func(p *ir.Processor, c *ir.Case, kg jen.Code) jen.Code {
			fields := []jen.Code{jen.Id("Proc").Op(":").Lit(p.Index), jen.Id("Case").Op(":").Lit(c.Index)}
			if kg != nil {
				fields = append(fields, jen.Id("KG").Op(":").Add(kg))
			}
			return jen.Id("dst").Op("=").Append(jen.Id("dst"), rt("Delivery").Values(fields...))
		}
		deliver := func(p *ir.Processor, c *ir.Case, ev *ir.Event) jen.Code {
			return deliverKG(p, c, kgOf(p, ev.Name))
		}
		g.kindSwitch(b, false, deliver, nil, func(p *ir.Processor, c *ir.Case, _ jen.Code) jen.Code {
			return deliverKG(p, c, builtKG(p, c))
		})
		b.Return(jen.Id("dst"))
	})
}

// dispatchBody is the body of the dispatch of one message m: the switch on m's
// kind, calling the handler of each matching case at once.
func (g *generator) dispatchBody(b *jen.Group) {
	begin := func(p *ir.Processor, c *ir.Case, kg, call jen.Code) jen.Code {
		return jen.If(
			jen.Id("c").Op(":=").Add(g.beginCallKG(jen.Lit(p.Index), kg, jen.Lit(c.Index))),
			jen.Id("c").Op("!=").Nil(),
		).Block(jen.Id("x").Dot("End").Call(call))
	}
	g.kindSwitch(b, true, func(p *ir.Processor, c *ir.Case, ev *ir.Event) jen.Code {
		// The event is in ev: the key group reads it there.
		return begin(p, c, kgOfValue(p, ev.Name, jen.Id("ev")), handlerCall(p, c, jen.Id("ev")))
	}, func(p *ir.Processor, c *ir.Case, evx jen.Code, ev *ir.Event) jen.Code {
		return begin(p, c, kgOfValue(p, ev.Name, evx), handlerCall(p, c, evx))
	}, func(p *ir.Processor, c *ir.Case, arg jen.Code) jen.Code {
		return begin(p, c, builtKG(p, c), builtCall(p, c, arg))
	})
}

// builtKG is the key group of the artifact m of built case c of p, nil when
// p is not partitioned.
func builtKG(p *ir.Processor, c *ir.Case) jen.Code {
	if p.Partition == nil {
		return nil
	}
	return kgOf(p, keyTypeName(c.Target.Type))
}

// inlineDispatchCases is the number of cases up to which DispatchAll has the
// switch of dispatchBody in its loop rather than calling fwDispatch, which has
// it: the call's cost (arguments, saved registers) is a sizeable part of a
// small package's dispatch.
const inlineDispatchCases = 32

// dispatchAll emits DispatchAll (fwimpl.Dispatcher): the engine's loop over a
// step's events, routing each and calling its handlers in place, with the
// switch in the loop for a small package, or in fwDispatch, called per event.
func (g *generator) dispatchAll(f *jen.File) {
	cases := 0
	for _, p := range g.pkg.Processors {
		cases += len(p.Cases)
	}
	if cases > inlineDispatchCases {
		f.Comment("fwDispatch routes m and calls the handler of each matching case at once.")
		f.Func().Params(jen.Id("d").Op("*").Id("fwDispatcher")).Id("fwDispatch").Params(
			jen.Id("x").Op("*").Add(rt("Serial")), jen.Id("m").Add(rt("Msg")),
		).BlockFunc(g.dispatchBody)
	}
	f.Comment("DispatchAll routes ms in order, calling each matching case at once, until x stops.")
	f.Func().Params(jen.Id("d").Op("*").Id("fwDispatcher")).Id("DispatchAll").Params(
		jen.Id("x").Op("*").Add(rt("Serial")), jen.Id("ms").Index().Add(rt("Msg")),
	).Int().Block(
		jen.For(jen.Id("i").Op(":=").Range().Id("ms")).BlockFunc(func(b *jen.Group) {
			b.If(jen.Id("x").Dot("Stopped").Call()).Block(jen.Return(jen.Id("i")))
			if cases <= inlineDispatchCases {
				if len(g.pkg.Events) > 0 || len(g.pkg.Targets) > 0 { // else no switch reads m
					b.Id("m").Op(":=").Id("ms").Index(jen.Id("i"))
				}
				g.dispatchBody(b)
			} else {
				b.Id("d").Dot("fwDispatch").Call(jen.Id("x"), jen.Id("ms").Index(jen.Id("i")))
			}
		}),
		jen.Return(jen.Len(jen.Id("ms"))),
	)
}

// kindSwitch emits `switch m.Kind` with, per kind, each processor's cases in
// order, or the loop over the rows its compiled matcher gives; deliver gives the
// code run for the matching case, and bindsRead says whether it reads the bound
// fields of the event (as ev): DispatchAll's, as Route's does not.
// deliverEv, if not nil, is deliver with the event read from the expression ev.
// deliver and deliverEv get the event type of the kind, which a catch-all
// case does not name.
func (g *generator) kindSwitch(b *jen.Group, bindsRead bool, deliver func(*ir.Processor, *ir.Case, *ir.Event) jen.Code, deliverEv func(*ir.Processor, *ir.Case, jen.Code, *ir.Event) jen.Code, deliverBuilt func(*ir.Processor, *ir.Case, jen.Code) jen.Code) {
	if len(g.pkg.Events) == 0 && len(g.pkg.Targets) == 0 {
		return
	}
	b.Switch(jen.Id("m").Dot("Kind")).BlockFunc(func(sw *jen.Group) {
		for _, ev := range g.pkg.Events {
			dl := func(p *ir.Processor, c *ir.Case) jen.Code { return deliver(p, c, ev) }
			var dlEv func(*ir.Processor, *ir.Case, jen.Code) jen.Code
			if deliverEv != nil {
				dlEv = func(p *ir.Processor, c *ir.Case, x jen.Code) jen.Code { return deliverEv(p, c, x, ev) }
			}
			if body := g.kindBody(ev, bindsRead, dl, dlEv); len(body) > 0 {
				sw.Case(jen.Id(kindName(ev))).Block(body...)
			}
		}
		g.builtSwitchCases(sw, bindsRead, deliverBuilt)
	})
}

func (g *generator) kindBody(ev *ir.Event, bindsRead bool, deliver func(*ir.Processor, *ir.Case) jen.Code, deliverEv func(*ir.Processor, *ir.Case, jen.Code) jen.Code) []jen.Code {
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
		cases := p.CasesFor(ev)
		if len(cases) == 0 {
			continue
		}
		if cases[0].Unconditional() {
			if !bindsRead { // the handler call names the case in DispatchAll
				body = append(body, jen.Comment(p.Name+": "+cases[0].Name))
			}
			body = append(body, deliver(p, cases[0]))
			needEv = needEv || bindsRead && (len(cases[0].Binds) > 0 || cases[0].CatchAll || p.Builder != nil || p.Partition != nil)
			continue
		}
		needEv = true
		body = append(body, jen.Comment(p.Name))
		body = append(body, jen.Switch().BlockFunc(func(sw *jen.Group) {
			for _, c := range cases {
				if c.Unconditional() {
					// Unconditional: it catches everything the earlier cases left;
					// later cases can never match.
					sw.Default().Add(deliver(p, c))
					return
				}
				sw.Case(caseCond(c)).Add(deliver(p, c))
			}
		}))
	}
	if needEv {
		if p, c := g.soleCase(ev); deliverEv != nil && c != nil && c.Unconditional() && len(c.Binds)+btoi(c.CatchAll)+btoi(p.Builder != nil)+btoi(p.Partition != nil) == 1 {
			// One handler reads one field: no variable.
			return []jen.Code{deliverEv(p, c, jen.Id("m").Dot("Ev").Assert(jen.Op("*").Id(ev.Name)))}
		}
		body = append([]jen.Code{jen.Id("ev").Op(":=").Id("m").Dot("Ev").Assert(jen.Op("*").Id(ev.Name))}, body...)
	}
	return body
}

// soleCase returns the first case on ev of the only processor with cases on
// ev, or nil if several have.
func (g *generator) soleCase(ev *ir.Event) (*ir.Processor, *ir.Case) {
	var sole *ir.Processor
	var first *ir.Case
	for _, p := range g.pkg.Processors {
		for _, c := range p.CasesFor(ev) {
			if sole != nil && sole != p {
				return nil, nil
			}
			if sole == nil {
				sole, first = p, c
			}
		}
	}
	return sole, first
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// routedBody is DispatchAll's case for an event type matched by direct switches
// that has more than options.callRows case rows: Route's case (the same
// switches) into a buffer on the stack that holds a delivery per processor,
// then Invoke for each delivery. As with compiled matchers (fwCall<Event>),
// DispatchAll does not repeat the handler calls of such event types, which keeps
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
				jen.Id("c").Op(":=").Add(g.beginCallKG(jen.Id("dl").Dot("Proc"), jen.Id("dl").Dot("KG"), jen.Id("dl").Dot("Case"))),
				jen.Id("c").Op("!=").Nil(),
			).Block(jen.Id("x").Dot("End").Call(jen.Id("d").Dot("Invoke").Call(jen.Id("c"), jen.Id("dl"), jen.Id("m")))),
		),
	}
}

// handlerCall is the call of a case's handler method with its context (wrapping
// the *fwimpl.Call c) and its bound values read from the event ev.
func handlerCall(p *ir.Processor, c *ir.Case, ev jen.Code) *jen.Statement {
	if p.Builder != nil {
		// A builder's requirement on an event type: it receives the event's value.
		return builtCall(p, c, jen.Op("*").Add(ev))
	}
	args := []jen.Code{contextLit(ContextName(p, c), c)}
	for _, bd := range c.Binds {
		args = append(args, fieldExpr(jen.Add(ev), bd.At()))
	}
	if c.CatchAll {
		args = append(args, jen.Op("*").Add(ev)) // the event's value, as an Event
	}
	return handlerRef(p).Dot(MethodName(c)).Call(args...)
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
	if c.CatchAll {
		// The case receives every event type: the value's type is known at run time.
		ctx := contextLit(ContextName(p, c), c)
		ev := jen.Id("fwEventValue").Call(jen.Id("m").Dot("Ev"))
		if len(g.pkg.Events) == 0 {
			ev = jen.Nil() // no event: never called
		}
		cs.Case(jen.Lit(c.Index)).Block(jen.Return(handlerRef(p).Dot(MethodName(c)).Call(ctx, ev)))
		return
	}
	if p.Builder != nil {
		cs.Case(jen.Lit(c.Index)).Block(jen.Return(builtCall(p, c, jen.Op("*").Id("m").Dot("Ev").Assert(jen.Op("*").Id(c.Event.Name)))))
		return
	}
	var body []jen.Code
	ev := jen.Id("ev")
	switch len(c.Binds) {
	case 0:
	case 1:
		ev = jen.Id("m").Dot("Ev").Assert(jen.Op("*").Id(c.Event.Name))
	default:
		body = append(body, jen.Id("ev").Op(":=").Id("m").Dot("Ev").Assert(jen.Op("*").Id(c.Event.Name)))
	}
	body = append(body, jen.Return(handlerCall(p, c, ev)))
	cs.Case(jen.Lit(c.Index)).Block(body...)
}

// jsonFuncs emits the package's table of event types (fwTypes), for the
// table-driven codecs of fwimpl, and DecodeJSON and EncodeJSON on it.
func (g *generator) jsonFuncs(f *jen.File) {
	pkg := g.pkg
	f.Comment("fwTypes describes the event types, by kind, to the table-driven codecs of fwimpl.")
	f.Var().Id("fwTypes").Op("=").Add(rt("Types")).ValuesFunc(func(vs *jen.Group) {
		for _, ev := range pkg.Events {
			vs.Line().Id(kindName(ev)).Op(":").Add(rt("TypeOf")).Types(jen.Id(ev.Name)).Call(jen.Lit(ev.Name))
		}
		if len(pkg.Events) > 0 {
			vs.Line()
		}
	})
	f.Comment("DecodeJSON decodes an event from a JSON object {\"event\":\"Name\", ...} with all its fields.")
	f.Func().Id("DecodeJSON").Params(jen.Id("data").Index().Byte()).Params(jen.Id("Event"), jen.Error()).Block(
		jen.Return(rt("DecodeJSON").Types(jen.Id("Event")).Call(jen.Id("fwTypes"), jen.Id("data"))),
	)
	f.Comment("EncodeJSON encodes an event as a JSON object with its name in the \"event\" member.")
	f.Func().Id("EncodeJSON").Params(jen.Id("ev").Id("Event")).Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Id("fwTypes").Dot("EncodeJSON").Call(jen.Id("ev").Dot("fwMsg").Call(jen.Nil()))),
	)
}

// testFuncs emits Call<Processor> for each processor with event cases: the
// handler test harness (fwimpl.TestCase) bound to the compiled match.
func (g *generator) testFuncs(f *jen.File) {
	for _, p := range g.pkg.Processors {
		if p.Builder != nil || len(allCases(p)) == 0 {
			continue
		}
		name := ir.HarnessFuncName(p.Name)
		f.Commentf("%s calls h's case that ev matches alone, for tests: see fw.TestResult.", name)
		f.Func().Id(name).Params(jen.Id("h").Id(HandlerName(p)), jen.Id("ev").Id("Event"), jen.Id("opts").Op("...").Qual(fwPath, "TestOption")).
			Qual(fwPath, "TestResult").Types(jen.Id("Event")).Block(
			jen.Return(rt("TestCase").Types(jen.Id("Event")).Call(jen.Op("&").Id("fwProgram"), jen.Lit(p.Index), jen.Op("&").Id("fwDispatcher").ValuesFunc(func(vs *jen.Group) {
				if p.Partition != nil {
					// The harness calls key group 0's handler: h.
					vs.Id(instancesField(p)).Op(":").Index().Id(HandlerName(p)).Values(jen.Id("h"))
				} else {
					vs.Id("h").Op(":").Id("Handlers").Values(jen.Id(p.Name).Op(":").Id("h"))
				}
				if g.directRoutes() != nil {
					vs.Id("Routes").Op(":").Id("fwRoutes")
				}
			}), jen.Id("fwTypes"), jen.Id("ev"), jen.Id("opts"))),
		)
	}
}

// beginCall is the start of a call in DispatchAll: x.Begin(x.Note(proc, cs, m)),
// two calls the compiler inlines (see fwimpl.Serial.Note).
func beginCall(proc, cs jen.Code) jen.Code {
	return jen.Id("x").Dot("Begin").Call(jen.Id("x").Dot("Note").Call(proc, cs, jen.Id("m")))
}

// durationCode is d as Go code: a count of the largest unit that divides it
// (2 * time.Second, 1500 * time.Millisecond), or nanoseconds.
func durationCode(d time.Duration) jen.Code {
	for _, u := range []struct {
		d    time.Duration
		name string
	}{{time.Hour, "Hour"}, {time.Minute, "Minute"}, {time.Second, "Second"}, {time.Millisecond, "Millisecond"}, {time.Microsecond, "Microsecond"}} {
		if d%u.d == 0 {
			return jen.Lit(int(d/u.d)).Op("*").Qual("time", u.name)
		}
	}
	return jen.Lit(int(d))
}
