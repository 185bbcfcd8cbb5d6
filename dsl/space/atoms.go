package space

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// AtomKind tells the shapes of atoms apart.
type AtomKind uint8

const (
	AtomInts     AtomKind = iota // the ints Lo..Hi
	AtomPoint                    // the float F
	AtomOpen                     // the floats strictly between F and G
	AtomNaN                      // NaN
	AtomLit                      // the string S
	AtomPrefix                   // strings with prefix S that no longer listed prefix and no listed literal claims
	AtomOtherStr                 // strings that no listed literal or prefix claims
	AtomBool                     // the bool B
	AtomRecord                   // a present record
	AtomNil                      // nil: an absent optional field
)

// Atom is one cell of a partition: a non-empty set of values that every set
// the partition was made for either contains whole or not at all.
type Atom struct {
	Kind   AtomKind
	Lo, Hi int64   // AtomInts
	F, G   float64 // AtomPoint (F), AtomOpen (F, G)
	S      string  // AtomLit, AtomPrefix
	B      bool    // AtomBool
}

// Partition splits domain d into atoms such that each of sets is a union of
// atoms, as rustc's pattern analysis splits integer ranges. Atoms come in
// ascending value order (for strings: literals, then prefixes, then the rest,
// each sorted), and last, for an optional field's domain, nil. Only
// non-empty atoms are returned.
func Partition(d Domain, sets []Set) []Atom {
	atoms := partitionValues(d, sets)
	if d.Optional {
		atoms = append(atoms, Atom{Kind: AtomNil})
	}
	return atoms
}

func partitionValues(d Domain, sets []Set) []Atom {
	switch d.Kind {
	case Int:
		return intAtoms(d, sets)
	case Float:
		return floatAtoms(sets)
	case String:
		return stringAtoms(sets)
	case Record:
		return []Atom{{Kind: AtomRecord}}
	}
	return []Atom{{Kind: AtomBool, B: false}, {Kind: AtomBool, B: true}}
}

func intAtoms(d Domain, sets []Set) []Atom {
	if d.Min > d.Max {
		return nil
	}
	// Cut points: every range start, and every value after a range end.
	cuts := []int64{d.Min}
	for _, s := range sets {
		for _, r := range s.Ints {
			cuts = append(cuts, r.Lo)
			if r.Hi < d.Max {
				cuts = append(cuts, r.Hi+1)
			}
		}
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	atoms := make([]Atom, 0, len(cuts))
	for i, c := range cuts {
		if c < d.Min || c > d.Max {
			continue
		}
		hi := d.Max
		if i+1 < len(cuts) {
			hi = cuts[i+1] - 1
		}
		atoms = append(atoms, Atom{Kind: AtomInts, Lo: c, Hi: hi})
	}
	return atoms
}

func floatAtoms(sets []Set) []Atom {
	pts := []float64{math.Inf(-1), math.Inf(1)}
	for _, s := range sets {
		for _, r := range s.Floats {
			pts = append(pts, r.Lo, r.Hi)
		}
	}
	slices.Sort(pts)
	pts = slices.Compact(pts)
	var atoms []Atom
	for i, p := range pts {
		atoms = append(atoms, Atom{Kind: AtomPoint, F: p})
		if i+1 < len(pts) && math.Nextafter(p, math.Inf(1)) < pts[i+1] {
			atoms = append(atoms, Atom{Kind: AtomOpen, F: p, G: pts[i+1]})
		}
	}
	return append(atoms, Atom{Kind: AtomNaN})
}

func stringAtoms(sets []Set) []Atom {
	var lits, prefixes []string
	for _, s := range sets {
		lits = append(lits, s.Str.Lits...)
		prefixes = append(prefixes, s.Str.Prefixes...)
	}
	slices.Sort(lits)
	lits = slices.Compact(lits)
	slices.Sort(prefixes)
	prefixes = slices.Compact(prefixes)
	atoms := make([]Atom, 0, len(lits)+len(prefixes)+1)
	for _, l := range lits {
		atoms = append(atoms, Atom{Kind: AtomLit, S: l})
	}
	for _, p := range prefixes {
		atoms = append(atoms, Atom{Kind: AtomPrefix, S: p})
	}
	if !slices.Contains(prefixes, "") {
		atoms = append(atoms, Atom{Kind: AtomOtherStr})
	}
	return atoms
}

// LongestPrefix returns the longest of prefixes that s starts with, or false.
// It decides which AtomPrefix a string that is no listed literal belongs to.
func LongestPrefix(s string, prefixes []string) (string, bool) {
	best, ok := "", false
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) && (!ok || len(p) > len(best)) {
			best, ok = p, true
		}
	}
	return best, ok
}

// Contains reports whether set s contains atom a (wholly: atoms of a partition
// made with s are never split by it).
func (s Set) ContainsAtom(a Atom) bool {
	switch a.Kind {
	case AtomInts:
		return s.Contains(Value{Int: a.Lo})
	case AtomPoint:
		return s.Contains(Value{Float: a.F})
	case AtomOpen:
		return s.Contains(Value{Float: openWitness(a.F, a.G)})
	case AtomNaN:
		return s.NaN
	case AtomLit:
		return s.Str.contains(a.S)
	case AtomPrefix:
		if s.Str.Neg {
			return true // the atom holds no listed literal
		}
		for _, p := range s.Str.Prefixes {
			if strings.HasPrefix(a.S, p) {
				return true
			}
		}
		return false
	case AtomOtherStr:
		return s.Str.Neg
	case AtomRecord:
		return s.Rec
	case AtomNil:
		return s.Nil
	}
	return s.Contains(Value{Bool: a.B})
}

// openWitness returns a float strictly between f and g (f < g, not adjacent).
func openWitness(f, g float64) float64 {
	switch {
	case math.IsInf(f, -1):
		if g <= -math.MaxFloat64 {
			return math.Nextafter(g, math.Inf(-1))
		}
		if g > 0 {
			return math.Min(0, g/2)
		}
		return math.Nextafter(g, math.Inf(-1)) - math.Abs(g)/2
	case math.IsInf(g, 1):
		if f < 0 {
			return math.Max(0, f/2)
		}
		return math.Nextafter(f, math.Inf(1)) + math.Abs(f)/2
	}
	m := f/2 + g/2
	if m <= f || m >= g {
		m = math.Nextafter(f, g)
	}
	return m
}

// Witness returns a value in the atom, given every literal and prefix of the
// partition (to find a string that none of the others claims).
func (a Atom) Witness(allLits, allPrefixes []string) Value {
	switch a.Kind {
	case AtomInts:
		// Prefer a small value: 0 if inside, else the end closest to it.
		switch {
		case a.Lo <= 0 && 0 <= a.Hi:
			return Value{Int: 0}
		case a.Lo > 0:
			return Value{Int: a.Lo}
		}
		return Value{Int: a.Hi}
	case AtomPoint:
		return Value{Float: a.F}
	case AtomOpen:
		return Value{Float: openWitness(a.F, a.G)}
	case AtomNaN:
		return Value{Float: math.NaN()}
	case AtomLit:
		return Value{Str: a.S}
	case AtomPrefix, AtomOtherStr:
		if w, ok := strWitness(a, allLits, allPrefixes); ok {
			return Value{Str: w}
		}
		return Value{Str: a.S} // an empty atom: Inhabited is false
	case AtomRecord:
		return Value{}
	case AtomNil:
		return Value{Nil: true}
	}
	return Value{Bool: a.B}
}

// Lits and Prefixes return every literal and prefix the sets mention, sorted,
// for Witness.
func Lits(sets []Set) (lits, prefixes []string) {
	for _, s := range sets {
		lits = append(lits, s.Str.Lits...)
		prefixes = append(prefixes, s.Str.Prefixes...)
	}
	slices.Sort(lits)
	slices.Sort(prefixes)
	return slices.Compact(lits), slices.Compact(prefixes)
}

// FormatValue renders a value of domain d in pattern syntax.
func FormatValue(d Domain, v Value) string {
	if v.Nil {
		return "nil"
	}
	switch d.Kind {
	case Int:
		if d.Variants != nil && v.Int >= 0 && v.Int < int64(len(d.Variants)) {
			return d.Variants[v.Int]
		}
		switch d.Unit {
		case Time:
			return strconv.Quote(time.Unix(0, v.Int).UTC().Format(time.RFC3339Nano))
		case Duration:
			return strconv.Quote(time.Duration(v.Int).String())
		}
		return strconv.FormatInt(v.Int, 10)
	case Float:
		return FormatFloat(v.Float)
	case String:
		return strconv.Quote(v.Str)
	case Record:
		return "!nil"
	}
	return strconv.FormatBool(v.Bool)
}

// Inhabited reports whether atom a holds a value, given every literal and
// prefix of its partition (sorted, as Lits returns them). Only string atoms
// can be empty: the strings under a prefix, or outside every prefix, are all
// claimed when the literals and the longer prefixes cover every way to go on
// (prefix "a" with the literal "a" and prefixes "a\x00" to "a\xff"; or,
// for the other strings, a prefix "" or prefixes of every first byte).
func (a Atom) Inhabited(allLits, allPrefixes []string) bool {
	if a.Kind != AtomPrefix && a.Kind != AtomOtherStr {
		return true
	}
	_, ok := strWitness(a, allLits, allPrefixes)
	return ok
}

// witnessBytes is the order in which strWitness tries the next byte: digits
// and letters first, for readable witnesses, then every other byte.
var witnessBytes = func() []byte {
	var out []byte
	seen := [256]bool{}
	for _, r := range "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ" {
		out = append(out, byte(r))
		seen[r] = true
	}
	for b := range 256 {
		if !seen[b] {
			out = append(out, byte(b))
		}
	}
	return out
}()

// strWitness returns a string of the string atom a (a string, of bytes, that
// is no listed literal and whose longest listed prefix is a.S, or that has
// no listed prefix for AtomOtherStr), or false when there is none. It walks
// the tree of the listed strings below a.S: a node s is the witness unless
// it is a literal; a literal node is left for a child s+b that is not a
// listed prefix itself (which would claim it) and has a witness below.
func strWitness(a Atom, lits, prefixes []string) (string, bool) {
	root := a.S
	if a.Kind == AtomOtherStr {
		root = ""
		if slices.Contains(prefixes, "") {
			return "", false
		}
	}
	isLit := func(s string) bool { _, ok := slices.BinarySearch(lits, s); return ok }
	isPrefix := func(s string) bool { _, ok := slices.BinarySearch(prefixes, s); return ok }
	// listed reports whether some literal or prefix starts with s (only
	// then can s+... be claimed).
	listed := func(s string) bool {
		for _, l := range [][]string{lits, prefixes} {
			i, _ := slices.BinarySearch(l, s)
			if i < len(l) && strings.HasPrefix(l[i], s) {
				return true
			}
		}
		return false
	}
	var walk func(s string) (string, bool)
	walk = func(s string) (string, bool) {
		if !isLit(s) {
			return s, true
		}
		for _, b := range witnessBytes {
			t := s + string([]byte{b})
			if !listed(t) {
				return t, true
			}
			if isPrefix(t) {
				continue
			}
			if w, ok := walk(t); ok {
				return w, true
			}
		}
		return "", false
	}
	return walk(root)
}
