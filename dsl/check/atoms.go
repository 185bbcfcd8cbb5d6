package check

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/fwgo/fw/dsl/space"
)

// partition is space.Partition without the string atoms that hold no value
// (when the literals and prefixes of the sets claim every string that an
// atom would hold), so that every atom the analysis picks has a witness.
func partition(d space.Domain, sets []space.Set) []space.Atom {
	atoms := space.Partition(d, sets)
	if d.Kind != space.String {
		return atoms
	}
	lits, prefixes := space.Lits(sets)
	return slices.DeleteFunc(atoms, func(a space.Atom) bool { return !a.Inhabited(lits, prefixes) })
}

// cover returns the atoms of a partition (made by space.Partition with s
// among its sets) that s contains, as a bitset over atom indexes. It finds
// them by binary search, in time proportional to their number rather than to
// the number of atoms: a column of a large processor has thousands of atoms.
func cover(d space.Domain, atoms []space.Atom, s space.Set) bitset {
	out := newBitset(len(atoms))
	if n := len(atoms); d.Optional && n > 0 && atoms[n-1].Kind == space.AtomNil {
		// nil is the last atom; the values' atoms come before it.
		if s.Nil {
			out.set(n - 1)
		}
		atoms = atoms[:n-1]
	}
	switch d.Kind {
	case space.Int:
		for _, r := range s.Ints {
			i, _ := slices.BinarySearchFunc(atoms, r.Lo, func(a space.Atom, lo int64) int { return cmp.Compare(a.Lo, lo) })
			for ; i < len(atoms) && atoms[i].Hi <= r.Hi; i++ {
				out.set(i)
			}
		}
		return out
	case space.Float:
		return coverFloats(atoms, s, out)
	case space.String:
		return coverStrings(atoms, s, out)
	}
	for i, a := range atoms {
		if s.ContainsAtom(a) {
			out.set(i)
		}
	}
	return out
}

// coverFloats: the atoms are Point(p0) Open(p0, p1) Point(p1) ... Point(+Inf)
// NaN, where the points are every end of every range (some Open atoms are
// missing where two points are adjacent floats).
func coverFloats(atoms []space.Atom, s space.Set, out bitset) bitset {
	n := len(atoms) - 1 // the last atom is NaN
	point := func(f float64) int {
		i, found := slices.BinarySearchFunc(atoms[:n], f, func(a space.Atom, f float64) int {
			if c := cmp.Compare(a.F, f); c != 0 {
				return c
			}
			if a.Kind == space.AtomOpen {
				return 1
			}
			return 0
		})
		if !found {
			return -1
		}
		return i
	}
	for _, r := range s.Floats {
		lo, hi := point(r.Lo), point(r.Hi)
		if lo < 0 || hi < 0 { // not a partition made with s: test every atom
			for i, a := range atoms {
				if s.ContainsAtom(a) {
					out.set(i)
				}
			}
			return out
		}
		if r.LoOpen {
			lo++
		}
		if r.HiOpen {
			hi--
		}
		out.setRange(lo, hi+1)
	}
	if s.NaN && n >= 0 && atoms[n].Kind == space.AtomNaN {
		out.set(n)
	}
	return out
}

// coverStrings: the atoms are the literals (sorted), then the prefixes
// (sorted), then, unless "" is a prefix, the other strings.
func coverStrings(atoms []space.Atom, s space.Set, out bitset) bitset {
	nlit := 0
	for nlit < len(atoms) && atoms[nlit].Kind == space.AtomLit {
		nlit++
	}
	lits := atoms[:nlit]
	nprefix := nlit
	for nprefix < len(atoms) && atoms[nprefix].Kind == space.AtomPrefix {
		nprefix++
	}
	prefixes := atoms[nlit:nprefix]
	find := func(as []space.Atom, str string) int {
		i, _ := slices.BinarySearchFunc(as, str, func(a space.Atom, s string) int { return strings.Compare(a.S, s) })
		return i
	}
	if s.Str.Neg {
		out.setRange(0, len(atoms))
		for _, l := range s.Str.Lits {
			if i := find(lits, l); i < nlit && lits[i].S == l {
				out[i/64] &^= 1 << (i % 64)
			}
		}
		return out
	}
	for _, l := range s.Str.Lits {
		if i := find(lits, l); i < nlit && lits[i].S == l {
			out.set(i)
		}
	}
	// The literals, and the prefix atoms, that start with p are contiguous.
	for _, p := range s.Str.Prefixes {
		for i := find(lits, p); i < nlit && strings.HasPrefix(lits[i].S, p); i++ {
			out.set(i)
		}
		for i := find(prefixes, p); i < len(prefixes) && strings.HasPrefix(prefixes[i].S, p); i++ {
			out.set(nlit + i)
		}
	}
	return out
}

// witness picks a value of the atoms in b to show in a message: for numbers
// the one nearest to zero (NaN last), otherwise the first.
func witness(c *column, b bitset) space.Value {
	best, bestAbs := space.Value{}, math.Inf(1)
	found := false
	for i := range b.all {
		v := c.atoms[i].Witness(c.lits, c.prefixes)
		abs := 0.0
		switch c.dom.Kind {
		case space.Int:
			abs = math.Abs(float64(v.Int))
		case space.Float:
			abs = math.Abs(v.Float)
			if math.IsNaN(v.Float) {
				abs = math.MaxFloat64
			}
		default:
			return v
		}
		if !found || abs < bestAbs {
			best, bestAbs, found = v, abs, true
		}
	}
	return best
}
