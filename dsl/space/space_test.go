package space

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestIntSets(t *testing.T) {
	d := IntDomain()
	s := Union(IntBetween(d, 1, 5), Union(IntValue(d, 7), IntBetween(d, 6, 6)))
	if got := s.String(); got != "1..7" {
		t.Errorf("union = %s, want 1..7", got)
	}
	c := Complement(d, s)
	if got := c.String(); got != "..0 | 8.." {
		t.Errorf("complement = %s", got)
	}
	if !Complement(d, Full(d)).IsEmpty() || !Complement(d, Empty(Int)).Contains(Value{Int: math.MinInt64}) {
		t.Error("complement of full/empty")
	}
	e := EnumDomain([]string{"NEW", "PAID", "CANCELLED"})
	if got := Complement(e, IntValue(e, 1)).Format(e); got != "NEW | CANCELLED" {
		t.Errorf("enum complement = %s", got)
	}
	if !IntBetween(d, 5, 1).IsEmpty() {
		t.Error("5..1 not empty")
	}
}

func TestFloatSets(t *testing.T) {
	s := FloatBetween(0, 1, false, true) // 0..<1
	for v, want := range map[float64]bool{0: true, math.Copysign(0, -1): true, 0.5: true, 1: false, math.NaN(): false} {
		if s.Contains(Value{Float: v}) != want {
			t.Errorf("0..<1 contains %v: %v", v, !want)
		}
	}
	c := Complement(Domain{Kind: Float}, s)
	for v, want := range map[float64]bool{-1: true, 0: false, 1: true, math.Inf(1): true, math.NaN(): true} {
		if c.Contains(Value{Float: v}) != want {
			t.Errorf("complement contains %v: %v, want %v (%s)", v, !want, want, c)
		}
	}
	if !FloatValue(math.NaN()).IsEmpty() {
		t.Error("{NaN} must be empty: NaN equals nothing")
	}
	if !Union(FloatBetween(0, 1, false, true), FloatBetween(1, 2, false, false)).Contains(Value{Float: 1}) {
		t.Error("0..<1 | 1..2 misses 1")
	}
}

func TestStringSets(t *testing.T) {
	s := Union(StringPrefix("ab"), Union(StringValue("abc"), StringValue("x")))
	if got := s.String(); got != `"x" | prefix "ab"` {
		t.Errorf("got %s", got)
	}
	not := Complement(Domain{Kind: String}, Union(StringValue("a"), StringValue("b")))
	u := Union(not, StringValue("a"))
	if !u.Contains(Value{Str: "a"}) || u.Contains(Value{Str: "b"}) || !u.Contains(Value{Str: "z"}) {
		t.Errorf("¬{a,b} ∪ {a} = %s", u)
	}
}

// randomSet builds a set of kind k from a few random pieces.
func randomSet(r *rand.Rand, d Domain) Set {
	s := Empty(d.Kind)
	for range 1 + r.IntN(3) {
		var p Set
		switch d.Kind {
		case Int:
			lo := int64(r.IntN(21) - 10)
			p = IntBetween(d, lo, lo+int64(r.IntN(6)))
			if r.IntN(8) == 0 {
				p = IntBetween(d, math.MinInt64, lo)
			}
		case Float:
			lo := float64(r.IntN(9)-4) / 2
			p = FloatBetween(lo, lo+float64(r.IntN(4))/2, r.IntN(2) == 0, r.IntN(2) == 0)
			if r.IntN(8) == 0 {
				p = FloatBetween(math.Inf(-1), lo, false, true)
			}
		case String:
			words := []string{"", "a", "ab", "abc", "b", "ba"}
			w := words[r.IntN(len(words))]
			if r.IntN(2) == 0 {
				p = StringPrefix(w)
			} else {
				p = StringValue(w)
			}
		default:
			p = BoolValue(r.IntN(2) == 0)
		}
		s = Union(s, p)
	}
	if r.IntN(4) == 0 && (d.Kind != String || len(s.Str.Prefixes) == 0) {
		s = Complement(d, s)
	}
	return s
}

// TestPartitionProperty: every probe value lies in exactly one atom, and a set
// contains the value exactly when it contains the value's atom; witnesses lie
// in their atoms.
func TestPartitionProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	domains := []Domain{IntDomain(), EnumDomain([]string{"A", "B", "C", "D"}), {Kind: Float}, {Kind: String}, {Kind: Bool}}
	probes := map[Kind][]Value{}
	for i := -14; i <= 14; i++ {
		probes[Int] = append(probes[Int], Value{Int: int64(i)})
		probes[Float] = append(probes[Float], Value{Float: float64(i) / 4})
	}
	probes[Int] = append(probes[Int], Value{Int: math.MinInt64}, Value{Int: math.MaxInt64})
	probes[Float] = append(probes[Float], Value{Float: math.Inf(1)}, Value{Float: math.Inf(-1)}, Value{Float: math.NaN()}, Value{Float: math.Copysign(0, -1)})
	for _, w := range []string{"", "a", "ab", "abc", "abd", "b", "ba", "bb", "c", "zzz"} {
		probes[String] = append(probes[String], Value{Str: w})
	}
	probes[Bool] = []Value{{Bool: false}, {Bool: true}}
	for _, d := range domains {
		for range 300 {
			sets := make([]Set, 1+r.IntN(4))
			for i := range sets {
				sets[i] = randomSet(r, d)
			}
			atoms := Partition(d, sets)
			lits, prefixes := Lits(sets)
			for _, a := range atoms {
				w := a.Witness(lits, prefixes)
				if got := atomOf(d, atoms, w, prefixes); got < 0 || atoms[got] != a {
					t.Fatalf("witness %v of atom %+v lies in atom %d", w, a, got)
				}
			}
			for _, v := range probes[d.Kind] {
				if d.Kind == Int && (v.Int < d.Min || v.Int > d.Max) {
					continue
				}
				i := atomOf(d, atoms, v, prefixes)
				if i < 0 {
					t.Fatalf("%v lies in no atom of %+v", v, atoms)
				}
				for _, s := range sets {
					if s.Contains(v) != s.ContainsAtom(atoms[i]) {
						t.Fatalf("set %s: contains(%v)=%v but atom %+v says %v", s, v, s.Contains(v), atoms[i], !s.Contains(v))
					}
				}
			}
		}
	}
}

// atomOf finds the single atom holding v by brute force; -1 if none or several.
func atomOf(d Domain, atoms []Atom, v Value, prefixes []string) int {
	found := -1
	for i, a := range atoms {
		var in bool
		switch a.Kind {
		case AtomInts:
			in = a.Lo <= v.Int && v.Int <= a.Hi
		case AtomPoint:
			in = !math.IsNaN(v.Float) && zero(v.Float) == a.F
		case AtomOpen:
			in = a.F < v.Float && v.Float < a.G
		case AtomNaN:
			in = math.IsNaN(v.Float)
		case AtomLit:
			in = v.Str == a.S
		case AtomPrefix, AtomOtherStr:
			isLit := slices.ContainsFunc(atoms, func(b Atom) bool { return b.Kind == AtomLit && b.S == v.Str })
			p, ok := LongestPrefix(v.Str, prefixes)
			in = !isLit && (a.Kind == AtomPrefix && ok && p == a.S || a.Kind == AtomOtherStr && !ok)
		case AtomBool:
			in = a.B == v.Bool
		}
		if in {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

// TestStringAtomsExact: a string atom is inhabited exactly when a string of
// it exists, and its witness is then in it: no listed literal, and its
// longest listed prefix is the atom's (none for the other strings).
func TestStringAtomsExact(t *testing.T) {
	all := func(p string) []string {
		var out []string
		for b := range 256 {
			out = append(out, p+string([]byte{byte(b)}))
		}
		return out
	}
	for _, tc := range []struct {
		name            string
		lits, prefixes  []string
		emptyPrefix     []string // prefix atoms with no string
		otherStrInhabit bool
	}{
		{"plain", []string{"a", "b"}, []string{"a", "ab"}, nil, true},
		{"empty prefix", []string{"x"}, []string{""}, nil, false},
		{"every first byte", []string{""}, all(""), nil, false},
		{"every first byte but the empty string", nil, all(""), nil, true},
		{"under a prefix", []string{"a"}, append(all("a"), "a"), []string{"a"}, true},
		{"under a prefix, one byte short", []string{"a"}, append(all("a")[1:], "a"), nil, true},
		{"two levels", []string{"a", "a\x00"}, append(append(all("a")[1:], all("a\x00")...), "a"), []string{"a"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var sets []Set
			for _, l := range tc.lits {
				sets = append(sets, StringValue(l))
			}
			for _, p := range tc.prefixes {
				sets = append(sets, StringPrefix(p))
			}
			lits, prefixes := Lits(sets)
			for _, a := range Partition(Domain{Kind: String}, sets) {
				want := true
				switch a.Kind {
				case AtomOtherStr:
					want = tc.otherStrInhabit
				case AtomPrefix:
					want = !slices.Contains(tc.emptyPrefix, a.S)
				}
				if got := a.Inhabited(lits, prefixes); got != want {
					t.Errorf("atom %v %q: inhabited %v, want %v", a.Kind, a.S, got, want)
				}
				if !want {
					continue
				}
				w := a.Witness(lits, prefixes).Str
				if a.Kind == AtomLit {
					if w != a.S {
						t.Errorf("literal atom %q: witness %q", a.S, w)
					}
					continue
				}
				if _, lit := slices.BinarySearch(lits, w); lit {
					t.Errorf("atom %v %q: witness %q is a literal", a.Kind, a.S, w)
				}
				p, ok := LongestPrefix(w, prefixes)
				if a.Kind == AtomPrefix && (!ok || p != a.S) || a.Kind == AtomOtherStr && ok {
					t.Errorf("atom %v %q: witness %q has longest prefix %q (%v)", a.Kind, a.S, w, p, ok)
				}
			}
		})
	}
}
