package check

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/ir"
	"github.com/fwgo/fw/dsl/space"
)

// singleValueGaps reports [single-value-gap]: two int ranges, adjacent
// alternatives of one `|` or in consecutive cases of m, that leave out
// exactly one value between them, which no pattern on the field matches:
// `0..<5` then `6..10` misses 5 (rustc's non_contiguous_range_endpoints).
// The lower one must be a range; the upper one may be a single value.
func (l *linter) singleValueGaps(m *matrix, dead bitset) {
	for c, col := range m.cols {
		if col.field.Type.Kind != ir.Int {
			continue
		}
		// uncovered reports whether no row's pattern on the field matches v.
		atoms := col.atoms
		if col.optional {
			atoms = atoms[:len(atoms)-1] // without nil
		}
		uncovered := func(v int64) bool {
			a, _ := slices.BinarySearchFunc(atoms, v, func(a space.Atom, v int64) int {
				if a.Hi < v {
					return -1
				}
				return cmp.Compare(a.Lo, v)
			})
			if a >= len(atoms) || atoms[a].Lo > v {
				a-- // v lies inside the atom before
			}
			for r := range col.rowsOf[a].all {
				if !col.wild.has(r) {
					return false
				}
			}
			return true
		}
		reported := map[ast.Pattern]bool{} // lower ranges already reported: one gap each
		prev := -1                         // the previous live row
		for i, ci := range m.rows {
			if dead.has(i) {
				continue
			}
			fi := ci.field(col.key)
			if fi == nil {
				prev = -1
				continue
			}
			for j := 0; j+1 < len(fi.top); j++ {
				l.gap(col.field, col.key, fi.top[j], fi.top[j+1], ci, ci, uncovered, reported)
			}
			if prev >= 0 && m.compatible(prev, i, c) {
				for _, a := range m.rows[prev].field(col.key).top {
					for _, b := range fi.top {
						l.gap(col.field, col.key, a, b, m.rows[prev], ci, uncovered, reported)
					}
				}
			}
			prev = i
		}
	}
}

// gap reports the value between a (of case ca) and b (of case cb) if there
// is exactly one, whichever of the two is the lower, unless the lower one is
// in reported.
func (l *linter) gap(f *ir.Field, name string, a, b piece, ca, cb *caseInfo, uncovered func(int64) bool, reported map[ast.Pattern]bool) {
	for range 2 {
		lo, hi, ok := intRange(f, a)
		if ok && len(b.set.Ints) == 1 && hi < math.MaxInt64-1 && b.set.Ints[0].Lo == hi+2 && lo < hi &&
			!reported[a.node] && uncovered(hi+1) {
			reported[a.node] = true
			v := hi + 1
			where := ""
			if ca != cb {
				where = fmt.Sprintf(" of cases %s and %s", ca.ic.Name, cb.ic.Name)
			}
			hint := ""
			if r, ok := a.node.(*ast.Range); ok && r.Exclusive {
				incl := *r
				incl.Exclusive = false
				hint = fmt.Sprintf(" (..< leaves out its bound: did you mean %s?)", patString(&incl))
			}
			d := diag.Warningf(a.node.PatPos(), ruleSingleValueGap,
				"%d falls between %s and %s%s: no pattern on %s matches it%s",
				v, patString(a.node), patString(b.node), where, name, hint).
				With(b.node.PatPos(), "%s", patString(b.node))
			d = l.c.patternRange(d, a.node)
			if r, ok := a.node.(*ast.Range); ok && r.Exclusive {
				d = l.c.rangeOpFix(d, r, "..")
			}
			l.warn(ca.decl, d)
			return
		}
		a, b, ca, cb = b, a, cb, ca
	}
}
