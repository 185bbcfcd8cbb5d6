package check

import "github.com/fwgo/fw/dsl/diag"

// unreachableCases reports [unreachable-case]: a case that no value reaches,
// because the earlier cases of the processor for the same event type match
// everything it matches. The message names the earlier case that matches
// everything it matches, or if no single case does, the earlier cases whose
// patterns share values with it. It returns the unreachable rows, which the other
// rules leave alone.
func (l *linter) unreachableCases(m *matrix) bitset {
	dead := newBitset(len(m.rows))
	for i, ci := range m.rows {
		earlier := newBitset(len(m.rows))
		earlier.setRange(0, i)
		for j := range dead.all {
			earlier[j/64] &^= 1 << (j % 64) // covered by the others: naming it would not help
		}
		q := m.rowCells(i)
		cands := m.overlapping(q, earlier, -1)
		if !cands.any() || m.useful(q, cands).isUseful() {
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
			d = d.With(m.rows[j].decl.Pos, "case %s", m.rows[j].ic.Name)
		}
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
