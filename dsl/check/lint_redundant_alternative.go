package check

import (
	"strings"

	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/ir"
	"github.com/fwgo/fw/dsl/space"
)

// altGroup is the alternatives of one `|` with their values as atoms.
type altGroup struct {
	field *ir.Field
	dom   space.Domain
	alts  []piece
	atoms []space.Atom
	bits  []bitset // per alternative, the atoms it matches
}

func newAltGroup(f *ir.Field, alts []piece) *altGroup {
	g := &altGroup{field: f, dom: f.Domain(), alts: alts}
	sets := make([]space.Set, len(alts))
	for i, a := range alts {
		sets[i] = a.set
	}
	g.atoms = partition(g.dom, sets)
	for _, s := range sets {
		g.bits = append(g.bits, cover(g.dom, g.atoms, s))
	}
	return g
}

// alternatives runs the rules about the alternatives of each `|`.
func (l *linter) alternatives(pi *procInfo) {
	for _, ci := range pi.cases {
		for _, fi := range ci.fields {
			for _, alts := range fi.alts {
				g := newAltGroup(fi.field, alts)
				redundant := l.redundantAlternatives(ci, g)
				l.overlappingAlternatives(ci, g, redundant)
			}
		}
	}
}

// redundantAlternatives reports [redundant-alternative]: an alternative of a
// `|` whose values the other alternatives already match. Of alternatives that
// cover each other, the later one is reported. It returns the redundant ones.
func (l *linter) redundantAlternatives(ci *caseInfo, g *altGroup) []bool {
	redundant := make([]bool, len(g.alts))
	for k := len(g.alts) - 1; k >= 0; k-- {
		others := newBitset(len(g.atoms))
		for j := range g.alts {
			if j != k && !redundant[j] {
				others.orWith(g.bits[j])
			}
		}
		if !g.bits[k].subsetOf(others) {
			continue
		}
		redundant[k] = true
		var by []string
		var covering []int
		for j := range g.alts {
			if j != k && !redundant[j] && g.bits[j].intersects(g.bits[k]) {
				by = append(by, patString(g.alts[j].node))
				covering = append(covering, j)
			}
		}
		d := diag.Warningf(g.alts[k].node.PatPos(), ruleRedundantAlternative,
			"alternative %s is redundant: %s already %s every value it matches",
			patString(g.alts[k].node), strings.Join(by, " and "), plural(len(by), "matches", "match"))
		for _, j := range covering {
			d = d.With(g.alts[j].node.PatPos(), "alternative %s", patString(g.alts[j].node))
		}
		d = l.c.removeAltFix(l.c.patternRange(d, g.alts[k].node), g.alts, k)
		l.warn(ci.decl, d)
	}
	return redundant
}

// describe renders the values of the atoms in b, for messages: a set in
// pattern syntax, or for strings that no literal list can say, an example.
func (g *altGroup) describe(b bitset) string {
	s := space.Empty(g.dom.Kind)
	for i := range b.all {
		a := g.atoms[i]
		switch a.Kind {
		case space.AtomInts:
			s = space.Union(s, space.IntBetween(g.dom, a.Lo, a.Hi))
		case space.AtomPoint:
			s = space.Union(s, space.FloatValue(a.F))
		case space.AtomOpen:
			s = space.Union(s, space.FloatBetween(a.F, a.G, true, true))
		case space.AtomNaN:
			s.NaN = true
		case space.AtomLit:
			s = space.Union(s, space.StringValue(a.S))
		case space.AtomBool:
			s = space.Union(s, space.BoolValue(a.B))
		case space.AtomNil:
			s.Nil = true
		case space.AtomRecord:
			s.Rec = true
		default: // strings under a prefix, or outside every literal and prefix
			lits, prefixes := space.Lits(setsOf(g.alts))
			return "for example " + space.FormatValue(g.dom, a.Witness(lits, prefixes))
		}
	}
	return s.Format(g.dom)
}

func setsOf(ps []piece) []space.Set {
	out := make([]space.Set, len(ps))
	for i, p := range ps {
		out[i] = p.set
	}
	return out
}
