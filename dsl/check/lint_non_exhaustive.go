package check

import (
	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
)

// nonExhaustive reports [non-exhaustive]: the processor was asked to be
// exhaustive for the event type of m (by the option at pos), but some value
// of the type matches none of its cases. The message shows such a value.
func (l *linter) nonExhaustive(pi *procInfo, m *matrix, pos ast.Pos) {
	q := make([]bitset, len(m.cols))
	for c, col := range m.cols {
		q[c] = col.all
	}
	s := m.useful(q, fullBitset(len(m.rows)))
	if !s.isUseful() || s.aborted {
		return
	}
	l.warn(nil, diag.Warningf(pos, ruleNonExhaustive,
		"processor %s is not exhaustive for %s: no case matches %s",
		pi.p.Name, m.ev.Name, m.formatWitness(s.wit)))
}
