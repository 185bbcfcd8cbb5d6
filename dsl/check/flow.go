package check

import (
	"fmt"
	"slices"
	"strings"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/ir"
)

// The data flow of a package, for the cycles that go through events and
// published targets (issue 15): its nodes are the event types (node i is
// Events[i]) and the targets (node len(Events)+t.Index); an edge a -> b says
// that b is made from a:
//
//   - builder B requires a (an event type or a target) and provides b;
//   - a case of a processor receives a (`on A{...}`, `on built a`; the
//     catch-all case receives every event type) and emits b or publishes b.
//
// Lifecycle cases have no input: they start no edge.
type flowEdge struct {
	to  int
	pos ast.Pos
	why string // "builder B requires a", "processor P, case C, emits b"
}

// flowGraph returns the edges of the package's data flow, by node.
func (c *checker) flowGraph() [][]flowEdge {
	nE := len(c.pkg.Events)
	node := func(t *ir.Target) int { return nE + t.Index }
	g := make([][]flowEdge, nE+len(c.pkg.Targets))
	for _, bi := range c.builders {
		t := bi.p.Builder.Provides
		if !bi.provides() {
			continue
		}
		for _, e := range bi.events {
			g[e.ev.Kind] = append(g[e.ev.Kind], flowEdge{node(t), e.id.Pos, fmt.Sprintf("builder %s requires %s", bi.p.Name, e.ev.Name)})
		}
		for _, e := range bi.edges {
			g[node(e.t)] = append(g[node(e.t)], flowEdge{node(t), e.id.Pos, fmt.Sprintf("builder %s requires %s", bi.p.Name, e.t.Name)})
		}
	}
	for _, p := range c.pkg.Processors {
		if p.Builder != nil {
			continue
		}
		for _, ic := range p.Cases {
			var from []int
			switch {
			case ic.CatchAll:
				for _, ev := range c.pkg.Events {
					from = append(from, ev.Kind)
				}
			case ic.Event != nil:
				from = []int{ic.Event.Kind}
			case ic.Target != nil:
				from = []int{node(ic.Target)}
			}
			for _, a := range from {
				for _, ev := range ic.Emits {
					g[a] = append(g[a], flowEdge{ev.Kind, ic.Pos, fmt.Sprintf("processor %s, case %s, emits %s", p.Name, ic.Name, ev.Name)})
				}
				for _, t := range ic.Publishes {
					g[a] = append(g[a], flowEdge{node(t), ic.Pos, fmt.Sprintf("processor %s, case %s, publishes %s", p.Name, ic.Name, t.Name)})
				}
			}
		}
	}
	return g
}

// flowCycles reports [dependency-cycle] for each strongly connected
// component of the data flow that holds a cycle through an event type or a
// published target and at least one target: a target whose artifacts are
// made, through events or publications, from its own artifacts. Cycles of
// builders' requirements alone are reported by cycles; cycles of events
// alone (a processor answering its own emissions) are allowed, as ever.
func (c *checker) flowCycles() {
	if len(c.pkg.Targets) == 0 {
		return
	}
	g := c.flowGraph()
	nE := len(c.pkg.Events)
	n := len(g)
	sccs := components(n, func(v int) []int {
		to := make([]int, len(g[v]))
		for i, e := range g[v] {
			to[i] = e.to
		}
		return to
	})
	name := func(v int) string {
		if v < nE {
			return c.pkg.Events[v].Name
		}
		return c.pkg.Targets[v-nE].Name
	}
	var found []diag.Diagnostic
	for _, scc := range sccs {
		slices.Sort(scc)
		self := len(scc) == 1 && slices.ContainsFunc(g[scc[0]], func(e flowEdge) bool { return e.to == scc[0] })
		if len(scc) == 1 && !self {
			continue
		}
		// Through an event or a published target, and through a target.
		start, flows := -1, false
		for _, v := range scc {
			if v >= nE && start < 0 {
				start = v
			}
			flows = flows || v < nE || c.pkg.Targets[v-nE].Published()
		}
		if start < 0 || !flows {
			continue
		}
		steps := shortestCycle(start, scc, func(v int) []flowEdge { return g[v] }, func(e flowEdge) int { return e.to })
		names := []string{name(start)}
		for _, s := range steps {
			names = append(names, name(s.e.to))
		}
		d := diag.Errorf(steps[0].e.pos, ruleDependencyCycle,
			"dependency cycle: %s: the artifacts of %s would be made from themselves", strings.Join(names, " -> "), name(start))
		for _, s := range steps {
			d = d.With(s.e.pos, "%s", s.e.why)
		}
		found = append(found, d)
	}
	for _, d := range found {
		c.report(d)
	}
}

// markEager sets Builder.Eager on the builders fed by events: those that
// require an event type, a target that a processor publishes, or the
// target of an eager builder.
func (c *checker) markEager() {
	for changed := true; changed; {
		changed = false
		for _, bi := range c.builders {
			b := bi.p.Builder
			if b.Eager {
				continue
			}
			eager := len(b.Events) > 0
			for _, t := range b.Requires {
				eager = eager || t.Published() || t.Provider != nil && t.Provider.Builder != nil && t.Provider.Builder.Eager
			}
			if eager {
				b.Eager, changed = true, true
			}
		}
	}
}
