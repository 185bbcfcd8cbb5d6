package check

import (
	"github.com/fwgo/fw/dsl/diag"
)

// coveredAlternatives reports [redundant-alternative] for an alternative of
// a top-level `|` of a reachable case whose every event (with the case's
// other field patterns) is matched by earlier cases: after `on Order{amount:
// >= 100}`, the 150 of `on Order{amount: 0 | 150}` never reaches its case.
// The message names the earlier cases, as unreachable-case does. Alternatives
// that the others of their own `|` cover are redundantAlternatives' concern.
func (l *linter) coveredAlternatives(m *matrix, dead bitset) {
	live := newBitset(len(m.rows))
	for i, ci := range m.rows {
		if dead.has(i) {
			continue
		}
		if i > 0 && live.any() {
			l.coveredAlternativesOf(m, i, ci, live)
		}
		live.set(i)
	}
}

func (l *linter) coveredAlternativesOf(m *matrix, i int, ci *caseInfo, live bitset) {
	for _, fi := range ci.fields {
		if len(fi.top) < 2 {
			continue
		}
		c := m.colOf(fi)
		if c < 0 {
			continue
		}
		col := m.cols[c]
		bits := make([]bitset, len(fi.top))
		for k, p := range fi.top {
			bits[k] = cover(col.dom, col.atoms, p.set)
		}
		for k, p := range fi.top {
			others := newBitset(len(col.atoms))
			for j := range fi.top {
				if j != k {
					others.orWith(bits[j])
				}
			}
			if bits[k].subsetOf(others) {
				continue // redundant within its `|`
			}
			q := m.rowCells(i)
			q[c] = bits[k]
			cands := m.overlapping(q, live)
			if !cands.any() || m.useful(q, cands).isUseful() {
				continue
			}
			if j := m.subsumer(q, cands); j >= 0 {
				cands = newBitset(len(m.rows))
				cands.set(j)
			}
			var names []string
			for j := range cands.all {
				names = append(names, m.rows[j].ic.Name)
			}
			d := diag.Warningf(p.node.PatPos(), ruleRedundantAlternative,
				"alternative %s of case %s is redundant: earlier %s %s already %s every %s it matches",
				patString(p.node), ci.ic.Name, plural(len(names), "case", "cases"), caseList(names),
				plural(len(names), "matches", "match"), m.ev.Name)
			for j := range cands.all {
				if len(d.Related) == maxRelated {
					break
				}
				d = d.With(m.rows[j].decl.Pos, "case %s", m.rows[j].ic.Name)
			}
			d = l.c.removeAltFix(l.c.patternRange(d, p.node), fi.top, k)
			l.warn(ci.decl, d)
		}
	}
}

// colOf returns the column of the field pattern fi, or -1.
func (m *matrix) colOf(fi *fieldInfo) int {
	for c, col := range m.cols {
		if col.key == fi.key {
			return c
		}
	}
	return -1
}
