package check

import (
	"math"
	"slices"
	"strings"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/ir"
)

// builderInfo is what the checker keeps of a builder between its stages.
type builderInfo struct {
	p      *ir.Processor // Builder set
	decl   *ast.BuilderDecl
	edges  []edge   // its resolved target requirements, in declaration order (Builder.Requires with positions)
	events []evEdge // its event requirements, in declaration order (Builder.Events with positions)

	helper bool         // `use` names a known helper: Builder.Helper is set
	typ    *ir.Artifact // the type of its artifacts; nil when unknown (an error was reported)
	state  inferState   // whether typ is known yet
	index  int          // position in checker.builders
}

// edge is one `requires` entry that names a target.
type edge struct {
	id ast.Ident
	t  *ir.Target
}

// evEdge is one `requires` entry that names an event type.
type evEdge struct {
	id ast.Ident
	ev *ir.Event
}

type inferState int

const (
	inferTodo inferState = iota
	inferBusy            // on the stack: a requirement cycle, reported by builderGraph
	inferDone
)

// maxVersion bounds `version N`.
const maxVersion = math.MaxInt32

// declareTargets creates the builders' processors and their targets (sorted
// by name and numbered), reporting targets provided twice, and resolves the
// artifact types written in the declarations.
func (c *checker) declareTargets() {
	for i, pd := range c.prDecls {
		d := pd.builder
		if d == nil {
			c.declarePublished(i)
			continue
		}
		p := &ir.Processor{Name: d.Name.Name, File: pd.file, Pos: d.Pos, Concurrency: 1, Builder: &ir.Builder{}}
		bi := &builderInfo{p: p, decl: d, index: len(c.builders)}
		c.builders = append(c.builders, bi)
		c.prDecls[i].info = bi
		c.bInfo[p] = bi
		if d.Target.Name == "" {
			continue // a syntax error, reported by the parser
		}
		p.Builder.Provides = c.declareTarget(p, "builder", d.Target)
	}
	slices.SortFunc(c.pkg.Targets, func(a, b *ir.Target) int { return strings.Compare(a.Name, b.Name) })
	for i, t := range c.pkg.Targets {
		t.Index = i
	}
	for _, bi := range c.builders {
		c.declaredType(bi)
	}
	for _, pd := range c.prDecls {
		if pd.decl == nil {
			continue
		}
		for i, pr := range pd.decl.Provides {
			if t := pd.proc.Provides[i]; t != nil && t.Provider == pd.proc && pr.Type != nil {
				t.Type = c.artifactType(*pr.Type)
			}
		}
	}
}

// declareTarget declares the target name provided by p (a builder or a
// processor: kind) and returns it; a target already provided is reported
// and returned as it is.
func (c *checker) declareTarget(p *ir.Processor, kind string, name ast.Ident) *ir.Target {
	if !startsLetter(name.Name) {
		c.errorf(name.Pos, ruleBadName, "target name %s must start with a letter", name.Name)
	}
	if t, ok := c.targets[name.Name]; ok {
		c.report(diag.Errorf(name.Pos, ruleDuplicateProvider,
			"%s %s provides %s, already provided by %s: a target has one provider", kind, p.Name, name.Name, owner(t.Provider)).
			With(t.Pos, "first provided here"))
		return t
	}
	t := &ir.Target{Name: name.Name, Pos: name.Pos, Provider: p}
	c.targets[t.Name] = t
	c.pkg.Targets = append(c.pkg.Targets, t)
	return t
}

// declarePublished creates the processor of prDecls[i] and the targets its
// provides clause declares: targets that its cases publish. Provides holds
// one entry per clause entry (nil for a target already provided).
func (c *checker) declarePublished(i int) {
	pd := &c.prDecls[i]
	d := pd.decl
	p := &ir.Processor{Name: d.Name.Name, Index: i, File: pd.file, Pos: d.Pos, Concurrency: 1}
	pd.proc = p
	for _, pr := range d.Provides {
		var t *ir.Target
		if pr.Target.Name != "" {
			t = c.declareTarget(p, "processor", pr.Target)
		}
		p.Provides = append(p.Provides, t)
	}
}

// provides reports whether bi's builder is the provider of its target (and
// not a second provider, reported as such).
func (bi *builderInfo) provides() bool {
	t := bi.p.Builder.Provides
	return t != nil && t.Provider == bi.p
}

// declaredType resolves the artifact type written in a builder's declaration:
// required for a user builder, forbidden for a helper, whose type is inferred.
func (c *checker) declaredType(bi *builderInfo) {
	d := bi.decl
	if d.Use != nil {
		if d.Type != nil {
			c.errorf(d.Type.Pos, ruleBadBuilder, "the type of %s is inferred from %s: remove \": %s\"",
				d.Target.Name, d.Use.Helper.Name, d.Type.Name)
		}
		return
	}
	bi.state = inferDone
	if d.Type == nil {
		if d.Target.Name != "" {
			c.errorf(d.Target.Pos, ruleBadBuilder, "builder %s must give the type of its artifacts: provides %s: Type",
				bi.p.Name, d.Target.Name)
		}
		return
	}
	bi.typ = c.artifactType(*d.Type)
	if bi.provides() {
		bi.p.Builder.Provides.Type = bi.typ
	}
}

// artifactType resolves the artifact type of a user builder: a field type or
// an event. It returns nil for an unknown type, reported.
func (c *checker) artifactType(id ast.Ident) *ir.Artifact {
	if k, ok := builtinTypes[id.Name]; ok {
		return &ir.Artifact{Kind: ir.ArtifactField, Field: ir.Type{Kind: k}}
	}
	if e, ok := c.enums[id.Name]; ok {
		return &ir.Artifact{Kind: ir.ArtifactField, Field: ir.Type{Kind: ir.EnumType, Enum: e}}
	}
	if r, ok := c.records[id.Name]; ok {
		return &ir.Artifact{Kind: ir.ArtifactField, Field: ir.Type{Kind: ir.RecordType, Record: r}}
	}
	if ev, ok := c.events[id.Name]; ok {
		return &ir.Artifact{Kind: ir.ArtifactEvent, Event: ev}
	}
	if id.Name == "" {
		return nil
	}
	const want = "an artifact type is string, int, float, bool, bytes, time, duration, an enum, a record or an event"
	if d, ok := c.decls[id.Name]; ok {
		c.report(diag.Errorf(id.Pos, ruleUnknownType, "%s is %s, not a type: %s", id.Name, declKind(d), want).
			With(d.DeclName().Pos, "%s declared here", id.Name))
		return nil
	}
	candidates := append(sortedKeys(c.enums), sortedKeys(c.events)...)
	candidates = append(candidates, sortedKeys(c.records)...)
	for name := range builtinTypes {
		candidates = append(candidates, name)
	}
	if hint := didYouMean(id.Name, candidates); hint != "" {
		c.report(withRename(diag.Errorf(id.Pos, ruleUnknownType, "unknown type %s%s", id.Name, hint), id.Pos, id.Name, candidates))
	} else {
		c.errorf(id.Pos, ruleUnknownType, "unknown type %s: %s", id.Name, want)
	}
	return nil
}

// lookupTarget resolves a target name, reporting one that no builder provides.
// It returns nil for an empty name: the parser has reported it.
func (c *checker) lookupTarget(id ast.Ident) *ir.Target {
	if id.Name == "" {
		return nil
	}
	if t, ok := c.targets[id.Name]; ok {
		return t
	}
	cands := sortedKeys(c.targets)
	c.report(withRename(diag.Errorf(id.Pos, ruleMissingProvider, "no builder provides target %s%s", id.Name, didYouMean(id.Name, cands)), id.Pos, id.Name, cands))
	return nil
}

// publishes resolves the targets of `-> publish t` in a case of processor p:
// each must be one that p provides. Deduplicated and sorted by index.
func (c *checker) publishes(p *ir.Processor, ids []ast.Ident) []*ir.Target {
	var out []*ir.Target
	for _, id := range ids {
		if id.Name == "" {
			continue
		}
		t, ok := c.targets[id.Name]
		if !ok {
			if cands := targetNamesOf(p.Provides); didYouMean(id.Name, cands) != "" {
				c.report(withRename(diag.Errorf(id.Pos, ruleMissingProvider, "no processor provides target %s%s", id.Name, didYouMean(id.Name, cands)), id.Pos, id.Name, cands))
			} else {
				c.errorf(id.Pos, ruleMissingProvider, "no processor provides target %s: declare it in the processor's header, processor %s provides %s: Type",
					id.Name, p.Name, id.Name)
			}
			continue
		}
		if t.Provider != p {
			d := diag.Errorf(id.Pos, ruleBadPublish, "processor %s cannot publish target %s: %s provides it, and a target has one provider", p.Name, t.Name, owner(t.Provider))
			if t.Provider != nil && t.Provider.Builder == nil {
				d = diag.Errorf(id.Pos, ruleBadPublish, "processor %s cannot publish target %s: processor %s provides it, and only its cases publish it; emit an event for it instead", p.Name, t.Name, t.Provider.Name)
			}
			c.report(d.With(t.Pos, "%s provided here", t.Name))
			continue
		}
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	slices.SortFunc(out, func(a, b *ir.Target) int { return a.Index - b.Index })
	return out
}

// targetNamesOf returns the names of the non-nil targets of ts.
func targetNamesOf(ts []*ir.Target) []string {
	var out []string
	for _, t := range ts {
		if t != nil {
			out = append(out, t.Name)
		}
	}
	return out
}

// resolves resolves the targets of `-> resolve t`: deduplicated and sorted by index.
func (c *checker) resolves(ids []ast.Ident) []*ir.Target {
	var out []*ir.Target
	for _, id := range ids {
		if t := c.lookupTarget(id); t != nil && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	slices.SortFunc(out, func(a, b *ir.Target) int { return a.Index - b.Index })
	return out
}

// builder checks a builder's declaration but its types and helper arguments
// (inferTypes does those, once every requirement is known): persist, version,
// requirements (one case each), the helper's name and the body.
func (c *checker) builder(pd procDecl, index int) *ir.Processor {
	d, bi := pd.builder, pd.info
	p, b := bi.p, bi.p.Builder
	p.Index = index

	if d.Persist != nil {
		switch {
		case d.Use == nil, d.Use.Helper.Name == "ReservoirSampler":
			// A ReservoirSampler's samples are archived per phase, under a
			// key of everything it received (see docs/language.md).
			b.Persist = true
		case d.Use.Helper.Name == "StreamSampler":
			c.errorf(d.Persist.Pos, ruleBadBuilder, "builder %s cannot persist: helper StreamSampler publishes as its inputs arrive, each choice a function of the seed and the input's position; persist the builders that make its inputs",
				p.Name)
		case helperKnown(d.Use.Helper.Name):
			c.errorf(d.Persist.Pos, ruleBadBuilder, "builder %s cannot persist: helper %s publishes its inputs regrouped, which a later run over the same inputs regroups the same way; persist the builders that make its inputs",
				p.Name, d.Use.Helper.Name)
		}
	}
	if v := d.Version; v != nil {
		n, msg := parseInt(v.Raw)
		if msg != "" || n < 1 || n > maxVersion {
			c.errorf(v.Pos, ruleBadBuilder, "version must be an integer from 1 to %d, not %s", maxVersion, v.Raw)
		} else {
			b.Version = int(n)
		}
	}

	seen := map[string]ast.Pos{}
	for _, id := range d.Requires {
		if id.Name == "" {
			continue
		}
		if first, ok := seen[id.Name]; ok {
			c.report(diag.Errorf(id.Pos, ruleBadBuilder, "builder %s requires %s twice", p.Name, id.Name).
				With(first, "first required here"))
			continue
		}
		seen[id.Name] = id.Pos
		if ev, ok := c.events[id.Name]; ok {
			// An event type: the builder receives every event of that type.
			if t, ok := c.targets[id.Name]; ok {
				c.report(diag.Errorf(id.Pos, ruleBadBuilder, "builder %s requires %s, which names both an event and a target: rename the target", p.Name, id.Name).
					With(t.Pos, "target %s provided here", t.Name))
				continue
			}
			if !c.requireCaseName(bi, id, ev.Name) {
				continue
			}
			p.Cases = append(p.Cases, &ir.Case{Name: ev.Name, Index: len(p.Cases), Kind: ast.CaseEvent, Pos: id.Pos, Event: ev})
			b.Events = append(b.Events, ev)
			bi.events = append(bi.events, evEdge{id, ev})
			continue
		}
		if d, ok := c.decls[id.Name]; ok && (declKind(d) == "a record" || declKind(d) == "an enum") {
			c.report(diag.Errorf(id.Pos, ruleMissingProvider, "builder %s requires %s, which is %s: a builder requires targets and event types", p.Name, id.Name, declKind(d)).
				With(d.DeclName().Pos, "%s declared here", id.Name))
			continue
		}
		t, ok := c.targets[id.Name]
		if !ok {
			// Neither an event nor a target: suggest either.
			cands := append(sortedKeys(c.targets), sortedKeys(c.events)...)
			c.report(withRename(diag.Errorf(id.Pos, ruleMissingProvider, "no builder provides target %s%s", id.Name, didYouMean(id.Name, cands)), id.Pos, id.Name, cands))
			continue
		}
		if !c.requireCaseName(bi, id, ir.GoFieldName(t.Name)) {
			continue
		}
		// One case per requirement, named after the target: case i receives Requires[i].
		p.Cases = append(p.Cases, &ir.Case{Name: ir.GoFieldName(t.Name), Index: len(p.Cases), Kind: ast.CaseBuilt, Pos: id.Pos, Target: t})
		b.Requires = append(b.Requires, t)
		bi.edges = append(bi.edges, edge{id, t})
	}

	if d.Use == nil {
		c.builderBody(bi)
		return p
	}
	u := d.Use
	if kind, ok := helperKinds[u.Helper.Name]; ok {
		b.Helper = &ir.Helper{Kind: kind}
		bi.helper = true
	} else if u.Helper.Name != "" {
		if hint := didYouMean(u.Helper.Name, helperNames); hint != "" {
			c.report(withRename(diag.Errorf(u.Helper.Pos, ruleUnknownHelper, "unknown helper %s%s", u.Helper.Name, hint), u.Helper.Pos, u.Helper.Name, helperNames))
		} else {
			c.errorf(u.Helper.Pos, ruleUnknownHelper, "unknown helper %s: the helpers are %s and %s",
				u.Helper.Name, strings.Join(helperNames[:len(helperNames)-1], ", "), helperNames[len(helperNames)-1])
		}
	}
	switch n := len(d.Requires); {
	case u.Helper.Name == "":
		// a syntax error, reported by the parser
	case n == 0:
		c.errorf(u.Pos, ruleBadBuilder, "builder %s uses %s, which needs one requirement: requires target", p.Name, u.Helper.Name)
	case n > 1:
		c.errorf(d.Requires[1].Pos, ruleBadBuilder, "builder %s uses %s, which takes one requirement, not %d", p.Name, u.Helper.Name, n)
	}
	if u.Helper.Name != "" {
		c.helperBody(bi)
	}
	// A helper flushes at phase broadcasts: the generated handler has `on
	// phase` (the application's hook, if any, is called after the flush).
	if p.Phase == nil {
		p.Phase = &ir.Case{Name: lifecycleNames[ast.CasePhase], Index: -1, Kind: ast.CasePhase, Pos: u.Pos}
	}
	return p
}

// helperBody checks the body of a helper: lifecycle cases only, the hooks
// that the application implements (the runtime implements the rest).
func (c *checker) helperBody(bi *builderInfo) {
	p, d := bi.p, bi.decl
	for _, o := range d.Options {
		if o != nil {
			c.errorf(o.Pos, ruleBadBuilder, "builder %s uses %s and takes no options: the runtime implements it, one call at a time", p.Name, d.Use.Helper.Name)
		}
	}
	first := map[ast.CaseKind]*ast.Case{}
	for _, cs := range d.Cases {
		switch kindOf(cs) {
		case ast.CaseInit, ast.CasePhase, ast.CaseTerminate:
			if first[cs.Kind] == nil {
				first[cs.Kind] = cs
			}
			c.lifecycleCase(p, cs, first[cs.Kind])
		case ast.CaseEvent, ast.CaseBuilt:
			c.errorf(cs.Pos, ruleBadBuilder,
				"a helper's body holds only its hooks, on init, on phase and on terminate: builder %s receives the artifacts of its requirement from the runtime", p.Name)
		}
	}
	if h := p.Builder.Helper; h != nil {
		h.Init, h.Phase, h.Terminate = p.Init != nil, p.Phase != nil, p.Terminate != nil
	}
}

// requireCaseName reports whether the case of requirement id, named name,
// has a name that no earlier case of bi's builder has (an event Words and a
// target words both name a method OnWords), reporting it otherwise.
func (c *checker) requireCaseName(bi *builderInfo, id ast.Ident, name string) bool {
	for _, ic := range bi.p.Cases {
		if ic.Name == name {
			c.report(diag.Errorf(id.Pos, ruleNameCollision, "builder %s requires %s and %s, whose handler methods are both On%s: rename the target",
				bi.p.Name, ic.InputName(), id.Name, name).With(ic.Pos, "%s required here", ic.InputName()))
			return false
		}
	}
	return true
}

// helperKnown reports whether name is a helper (an unknown one is reported
// as such).
func helperKnown(name string) bool {
	_, ok := helperKinds[name]
	return ok
}

// builderBody checks the body of a user builder: options and lifecycle cases.
func (c *checker) builderBody(bi *builderInfo) {
	p, d := bi.p, bi.decl
	c.options(p, d.Options)
	first := map[ast.CaseKind]*ast.Case{}
	for _, cs := range d.Cases {
		switch kindOf(cs) {
		case ast.CaseInit, ast.CasePhase, ast.CaseTerminate:
			if first[cs.Kind] == nil {
				first[cs.Kind] = cs
			}
			c.lifecycleCase(p, cs, first[cs.Kind])
		case ast.CaseEvent, ast.CaseBuilt:
			c.errorf(cs.Pos, ruleBadBuilder,
				"a builder's body holds only on init, on phase and on terminate: builder %s receives the artifacts of its requirements, one method each",
				p.Name)
		}
	}
}

// builderGraph fills the targets' consumers and reports requirement cycles.
func (c *checker) builderGraph() {
	for _, bi := range c.builders {
		for _, e := range bi.edges {
			e.t.Consumers = append(e.t.Consumers, bi.p)
		}
	}
	c.cycles()
	c.flowCycles()
	c.markEager()
}

// cycles reports [dependency-cycle] once per strongly connected component of
// the requirement graph that holds a cycle (Tarjan's algorithm over the
// builders in declaration order). The reported path is a shortest cycle
// through the component's first builder, starting with its first requirement
// on that cycle.
func (c *checker) cycles() {
	n := len(c.builders)
	next := func(v int) []int { // v's requirements' providers, in requires order
		var out []int
		for _, e := range c.builders[v].edges {
			if pb := c.bInfo[e.t.Provider]; pb != nil {
				out = append(out, pb.index)
			}
		}
		return out
	}
	sccs := components(n, next)
	for _, scc := range sccs {
		start := slices.Min(scc)
		if len(scc) == 1 && !slices.Contains(next(start), start) {
			continue
		}
		c.reportCycle(start, scc)
	}
}

// reportCycle reports the shortest cycle from start through the builders of
// its component (a breadth-first search, edges in requires order).
func (c *checker) reportCycle(start int, scc []int) {
	steps := shortestCycle(start, scc, func(v int) []edge { return c.builders[v].edges }, func(e edge) int {
		if pb := c.bInfo[e.t.Provider]; pb != nil {
			return pb.index
		}
		return -1 // published by a processor: not a requirement cycle
	})
	names := []string{c.builders[start].p.Builder.Provides.Name}
	for _, s := range steps {
		names = append(names, s.e.t.Name)
	}
	d := diag.Errorf(steps[0].e.id.Pos, ruleDependencyCycle, "dependency cycle: %s", strings.Join(names, " -> "))
	for _, s := range steps[1:] {
		d = d.With(s.e.id.Pos, "builder %s requires %s", c.builders[s.from].p.Name, s.e.t.Name)
	}
	c.report(d)
}

// inferTypes infers the artifact types of the helpers and checks their
// arguments, each helper after the providers of its requirement.
func (c *checker) inferTypes() {
	for _, bi := range c.builders {
		c.infer(bi)
	}
}

// infer returns the artifact type of bi's builder, inferring it for a helper.
func (c *checker) infer(bi *builderInfo) *ir.Artifact {
	if bi.state != inferTodo {
		return bi.typ // done, or busy: a cycle, which leaves the type unknown
	}
	bi.state = inferBusy
	var in *ir.Artifact
	var from *ir.Target
	switch {
	case len(bi.edges) == 1 && len(bi.decl.Requires) == 1:
		from = bi.edges[0].t
		if pb := c.bInfo[from.Provider]; pb != nil {
			in = c.infer(pb)
		} else {
			in = from.Type // published by a processor: its declared type
		}
	case len(bi.events) == 1 && len(bi.decl.Requires) == 1:
		in = &ir.Artifact{Kind: ir.ArtifactEvent, Event: bi.events[0].ev}
	}
	if bi.helper {
		bi.typ = c.helperArgs(bi, from, in)
	}
	if bi.provides() {
		bi.p.Builder.Provides.Type = bi.typ
	}
	bi.state = inferDone
	return bi.typ
}

// components returns the strongly connected components of the graph of n
// vertices whose edges from v are next(v) (Tarjan's algorithm), each in the
// order its vertices left the stack, in the order the components were
// completed.
func components(n int, next func(v int) []int) [][]int {
	index := make([]int, n) // 1 + visit order; 0 unvisited
	low := make([]int, n)
	onStack := make([]bool, n)
	var stack []int
	counter := 0
	var sccs [][]int
	var visit func(v int)
	visit = func(v int) {
		counter++
		index[v], low[v] = counter, counter
		stack = append(stack, v)
		onStack[v] = true
		for _, w := range next(v) {
			if index[w] == 0 {
				visit(w)
				low[v] = min(low[v], low[w])
			} else if onStack[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] == index[v] {
			var scc []int
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w] = false
				scc = append(scc, w)
				if w == v {
					break
				}
			}
			sccs = append(sccs, scc)
		}
	}
	for v := range n {
		if index[v] == 0 {
			visit(v)
		}
	}
	return sccs
}

// cycleStep is an edge of a cycle: the vertex it leaves, and the edge.
type cycleStep[E any] struct {
	from int
	e    E
}

// shortestCycle returns a shortest cycle from start through the vertices
// of scc, a strongly connected component holding one (breadth first, each
// vertex's edges in order): its edges in order, the first leaving start.
// to is an edge's head, or -1 for an edge the search does not take.
func shortestCycle[E any](start int, scc []int, edges func(v int) []E, to func(E) int) []cycleStep[E] {
	prev := map[int]cycleStep[E]{} // how the search reached each vertex
	queue := []int{start}
	var closing *cycleStep[E]
	for len(queue) > 0 && closing == nil {
		v := queue[0]
		queue = queue[1:]
		for _, e := range edges(v) {
			w := to(e)
			if w < 0 {
				continue
			}
			if w == start {
				closing = &cycleStep[E]{v, e}
				break
			}
			if _, seen := prev[w]; seen || !slices.Contains(scc, w) {
				continue
			}
			prev[w] = cycleStep[E]{v, e}
			queue = append(queue, w)
		}
	}
	// Walk back from the closing edge to start.
	steps := []cycleStep[E]{*closing}
	for v := closing.from; v != start; v = prev[v].from {
		steps = append(steps, prev[v])
	}
	slices.Reverse(steps)
	return steps
}
