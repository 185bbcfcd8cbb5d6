package check

import (
	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/space"
)

// nonExhaustive reports [non-exhaustive]: the processor was asked to be
// exhaustive for the event type of m (by the option at pos), but some value
// of the type matches none of its cases. The message shows such a value,
// which is first checked against every case by evaluating their patterns:
// no witness, no warning.
func (l *linter) nonExhaustive(pi *procInfo, m *matrix, pos ast.Pos) {
	q := make([]bitset, len(m.cols))
	for c, col := range m.cols {
		q[c] = col.all
	}
	rows := fullBitset(len(m.rows))
	for i := range m.guarded.all {
		rows[i/64] &^= 1 << (i % 64) // a guarded case covers nothing
	}
	s := m.useful(q, rows)
	if !s.isUseful() || s.aborted {
		return
	}
	vals := m.witnessValues(s.wit)
	if witnessHook != nil {
		witnessHook(m, vals)
	}
	if m.matchedBy(vals) >= 0 {
		return // cannot happen with exact atoms; never print a wrong witness
	}
	l.warn(nil, diag.Warningf(pos, ruleNonExhaustive,
		"processor %s is not exhaustive for %s: no case matches %s",
		pi.p.Name, m.ev.Name, m.formatWitness(s.wit)))
}

// witnessHook, when set (by tests), sees every witness before it is checked.
var witnessHook func(m *matrix, vals []space.Value)

// witnessValues returns a value per column of the atoms of wit.
func (m *matrix) witnessValues(wit []bitset) []space.Value {
	vals := make([]space.Value, len(m.cols))
	for c, col := range m.cols {
		vals[c] = witness(col, wit[c])
	}
	return vals
}

// matchedBy returns the first row whose patterns match the values (one per
// column; the other fields are tested by no row), or -1.
func (m *matrix) matchedBy(vals []space.Value) int {
	for i, r := range m.rows {
		if r.guarded {
			continue
		}
		all := true
		for c, col := range m.cols {
			if fi := r.field(col.field); fi != nil && !fi.set.Contains(vals[c]) {
				all = false
				break
			}
		}
		if all {
			return i
		}
	}
	return -1
}
