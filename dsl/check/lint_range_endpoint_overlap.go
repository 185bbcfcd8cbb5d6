package check

import (
	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/ir"
	"github.com/fwgo/fw/dsl/space"
)

// intRange returns the interval of p when p is a range or a comparison on an
// int, enum, time or duration field that spans two values or more.
func intRange(f *ir.Field, p piece) (lo, hi int64, ok bool) {
	switch p.node.(type) {
	case *ast.Range, *ast.Compare:
	default:
		return 0, 0, false
	}
	switch f.Type.Kind {
	case ir.Int, ir.EnumType, ir.Time, ir.Duration:
	default:
		return 0, 0, false
	}
	if len(p.set.Ints) != 1 {
		return 0, 0, false
	}
	r := p.set.Ints[0]
	return r.Lo, r.Hi, r.Lo < r.Hi
}

// endpointOverlap reports whether a and b are ranges that share exactly one
// value, an end of both (as 0..10 and 10..20 do), and returns it formatted.
func endpointOverlap(f *ir.Field, a, b piece) (string, bool) {
	alo, ahi, aok := intRange(f, a)
	blo, bhi, bok := intRange(f, b)
	if !aok || !bok {
		return "", false
	}
	var v int64
	switch {
	case ahi == blo:
		v = ahi
	case bhi == alo:
		v = bhi
	default:
		return "", false
	}
	return space.FormatValue(f.Domain(), space.Value{Int: v}), true
}

// rangeEndpointOverlaps reports [range-endpoint-overlap] between the cases
// of m: an int or enum range of one case that shares only an endpoint with a
// range of another case whose other fields can match the same event (as
// rustc's overlapping_range_endpoints lint does). The value goes to the
// earlier case, which is seldom what `..` meant. Ranges of one `|` are
// checked by overlappingAlternatives.
func (l *linter) rangeEndpointOverlaps(m *matrix, dead bitset) {
	type end struct {
		row    int
		p      piece
		lo, hi int64
	}
	for c, col := range m.cols {
		var ranges []end
		byLo := map[int64][]int{}
		for i, ci := range m.rows {
			fi := ci.field(col.key)
			if dead.has(i) || fi == nil {
				continue
			}
			for _, p := range fi.top {
				if lo, hi, ok := intRange(col.field, p); ok {
					byLo[lo] = append(byLo[lo], len(ranges))
					ranges = append(ranges, end{i, p, lo, hi})
				}
			}
		}
		for _, x := range ranges {
			for _, yi := range byLo[x.hi] {
				early, late := x, ranges[yi]
				if early.row == late.row || !m.compatible(early.row, late.row, c) {
					continue
				}
				if late.row < early.row {
					early, late = late, early
				}
				v := space.FormatValue(col.dom, space.Value{Int: x.hi})
				ec, lc := m.rows[early.row], m.rows[late.row]
				d := diag.Warningf(late.p.node.PatPos(), ruleRangeEndpointOverlap,
					"range %s and range %s of case %s share only their endpoint %s, which goes to case %s",
					patString(late.p.node), patString(early.p.node), ec.ic.Name, v, ec.ic.Name).
					With(early.p.node.PatPos(), "range %s of case %s", patString(early.p.node), ec.ic.Name)
				l.warn(lc.decl, l.c.endpointFix(l.c.patternRange(d, late.p.node), col.field, x.p, ranges[yi].p))
			}
		}
	}
}

// compatible reports whether rows i and j of m have a value in common in
// every column but skip: an event may then match both.
func (m *matrix) compatible(i, j, skip int) bool {
	for c := range m.cols {
		if c != skip && !m.cell(i, c).intersects(m.cell(j, c)) {
			return false
		}
	}
	return true
}

// endpointFix returns d with the fix for two ranges a and b that share only
// an endpoint: the lower one, when written lo..hi, becomes lo..<hi.
func (c *checker) endpointFix(d diag.Diagnostic, f *ir.Field, a, b piece) diag.Diagnostic {
	_, ahi, aok := intRange(f, a)
	blo, _, bok := intRange(f, b)
	if !aok || !bok || ahi != blo {
		a, b = b, a
		_, ahi, aok = intRange(f, a)
		blo, _, bok = intRange(f, b)
		if !aok || !bok || ahi != blo {
			return d
		}
	}
	r, ok := a.node.(*ast.Range)
	if !ok || r.Exclusive {
		return d
	}
	return c.rangeOpFix(d, r, "..<")
}
