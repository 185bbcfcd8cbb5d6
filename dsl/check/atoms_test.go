package check

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/fwgo/fw/dsl/space"
)

// TestCover checks the binary-search cover against space.Set.ContainsAtom on
// random sets of every kind.
func TestCover(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	domains := []space.Domain{space.IntDomain(), space.EnumDomain([]string{"A", "B", "C", "D"}),
		{Kind: space.Float}, {Kind: space.String}, {Kind: space.Bool}}
	for _, d := range domains {
		for range 500 {
			sets := make([]space.Set, 1+r.IntN(5))
			for i := range sets {
				sets[i] = randomSet(r, d)
			}
			atoms := space.Partition(d, sets)
			for _, s := range sets {
				got := cover(d, atoms, s)
				for i, a := range atoms {
					if got.has(i) != s.ContainsAtom(a) {
						t.Fatalf("set %s, atom %+v: cover says %v", s, a, got.has(i))
					}
				}
			}
		}
	}
}

func randomSet(r *rand.Rand, d space.Domain) space.Set {
	s := space.Empty(d.Kind)
	for range 1 + r.IntN(3) {
		var p space.Set
		switch d.Kind {
		case space.Int:
			lo := int64(r.IntN(21) - 10)
			p = space.IntBetween(d, lo, lo+int64(r.IntN(6)))
			if r.IntN(6) == 0 {
				p = space.IntBetween(d, math.MinInt64, lo)
			}
		case space.Float:
			lo := float64(r.IntN(9)-4) / 2
			p = space.FloatBetween(lo, lo+float64(r.IntN(4))/2, r.IntN(2) == 0, r.IntN(2) == 0)
			switch r.IntN(8) {
			case 0:
				p = space.FloatBetween(math.Inf(-1), lo, false, true)
			case 1:
				p = space.FloatValue(math.Inf(1))
			}
		case space.String:
			words := []string{"", "a", "ab", "abc", "b", "ba"}
			w := words[r.IntN(len(words))]
			if r.IntN(2) == 0 {
				p = space.StringPrefix(w)
			} else {
				p = space.StringValue(w)
			}
		default:
			p = space.BoolValue(r.IntN(2) == 0)
		}
		s = space.Union(s, p)
	}
	if r.IntN(4) == 0 && (d.Kind != space.String || len(s.Str.Prefixes) == 0) {
		s = space.Complement(d, s)
	}
	return s
}
