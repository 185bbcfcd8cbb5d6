package check

import "github.com/fwgo/fw/dsl/diag"

// overlappingAlternatives reports [overlapping-alternatives]: two
// alternatives of one `|` that share values while neither covers the other
// (which would make one redundant). Two int or enum ranges that share only an
// endpoint get [range-endpoint-overlap] instead.
func (l *linter) overlappingAlternatives(ci *caseInfo, g *altGroup, redundant []bool) {
	for k := range g.alts {
		for j := range k {
			if redundant[j] || redundant[k] {
				continue
			}
			both := g.bits[j].and(g.bits[k])
			if !both.any() || both.equal(g.bits[j]) || both.equal(g.bits[k]) {
				continue
			}
			a, b := g.alts[j], g.alts[k]
			if v, ok := endpointOverlap(g.field, a, b); ok {
				d := diag.Warningf(b.node.PatPos(), ruleRangeEndpointOverlap,
					"ranges %s and %s share only their endpoint %s", patString(a.node), patString(b.node), v).
					With(a.node.PatPos(), "range %s", patString(a.node))
				l.warn(ci.decl, l.c.endpointFix(l.c.patternRange(d, b.node), g.field, a, b))
				continue
			}
			d := diag.Warningf(b.node.PatPos(), ruleOverlappingAlternatives,
				"alternatives %s and %s overlap: both match %s", patString(a.node), patString(b.node), g.describe(both)).
				With(a.node.PatPos(), "alternative %s", patString(a.node))
			l.warn(ci.decl, l.c.patternRange(d, b.node))
		}
	}
}
