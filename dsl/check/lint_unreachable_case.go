package check

import (
	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/ir"
)

// unreachableCases reports [unreachable-case]: a case that no value reaches,
// because the earlier cases of the processor for the same event type match
// everything it matches. The message names the earlier case that matches
// everything it matches, or if no single case does, the earlier cases whose
// patterns share values with it. It returns the unreachable rows, which the other
// rules leave alone.
func (l *linter) unreachableCases(m *matrix) bitset {
	dead := newBitset(len(m.rows))
	live := newBitset(len(m.rows)) // the reachable rows before row i: the unreachable ones add nothing, and naming them would not help
	for i, ci := range m.rows {
		q := m.rowCells(i)
		cands := m.overlapping(q, live)
		if !cands.any() || m.useful(q, cands).isUseful() {
			if !ci.guarded { // a guarded case covers nothing
				live.set(i)
			}
			continue
		}
		dead.set(i)
		if j := m.subsumer(q, cands); j >= 0 {
			// One case covers it alone: naming the others would only distract.
			cands = newBitset(len(m.rows))
			cands.set(j)
		}
		var names []string
		for j := range cands.all {
			names = append(names, m.rows[j].ic.Name)
		}
		d := diag.Warningf(ci.decl.Pos, ruleUnreachableCase,
			"case %s is unreachable: every %s it matches is matched by earlier %s %s",
			ci.ic.Name, m.ev.Name, plural(len(names), "case", "cases"), caseList(names))
		for j := range cands.all {
			if len(d.Related) == maxRelated {
				break
			}
			d = d.With(m.rows[j].decl.Pos, "case %s", m.rows[j].ic.Name)
		}
		d = l.c.removeCaseFix(l.c.caseRange(d, ci.decl), ci.decl, ci.ic.Name)
		l.warn(ci.decl, d)
	}
	return dead
}

// subsumer returns the first of rows whose cells contain q in every column,
// or -1.
func (m *matrix) subsumer(q []bitset, rows bitset) int {
	for j := range rows.all {
		all := true
		for c := range m.cols {
			if !q[c].subsetOf(m.cell(j, c)) {
				all = false
				break
			}
		}
		if all {
			return j
		}
	}
	return -1
}

// unreachableBuilt reports [unreachable-case] for a built case of a processor
// after an earlier built case of the same target: a built case matches every
// artifact of its target, so the first one takes them all.
func (l *linter) unreachableBuilt(pi *procInfo) {
	first := map[*ir.Target]*caseInfo{}
	for _, ci := range pi.built {
		t := ci.ic.Target
		prev, ok := first[t]
		if !ok {
			first[t] = ci
			continue
		}
		d := diag.Warningf(ci.decl.Pos, ruleUnreachableCase,
			"case %s is unreachable: every artifact of %s is received by earlier case %s", ci.ic.Name, t.Name, prev.ic.Name).
			With(prev.decl.Pos, "case %s", prev.ic.Name)
		l.warn(ci.decl, l.c.removeCaseFix(l.c.caseRange(d, ci.decl), ci.decl, ci.ic.Name))
	}
}

// unreachableAfterCatchAll reports [unreachable-case] for the cases of a
// processor after its catch-all case `on _`, which receives every event that
// the cases before it did not match.
func (l *linter) unreachableAfterCatchAll(pi *procInfo) {
	all := pi.catchAll
	if all == nil {
		return
	}
	for _, cs := range pi.decl.Cases {
		if kindOf(cs) != ast.CaseEvent || cs == all.decl || cs.Pos.Line < all.decl.Pos.Line ||
			cs.Pos.Line == all.decl.Pos.Line && cs.Pos.Col < all.decl.Pos.Col {
			continue
		}
		name, _ := caseName(cs)
		d := diag.Warningf(cs.Pos, ruleUnreachableCase,
			"case %s is unreachable: the catch-all case %s before it receives every event", name, all.ic.Name).
			With(all.decl.Pos, "case %s", all.ic.Name)
		l.warn(cs, l.c.removeCaseFix(l.c.caseRange(d, cs), cs, name))
	}
}
