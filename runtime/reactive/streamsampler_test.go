package reactive

import (
	"math"
	"reflect"
	"testing"
)

func keptIndices(p float64, seed uint64, n int) (kept []int, draws uint64) {
	s := NewStreamSampler[int](p, seed)
	for i := range n {
		s.Add(i, func(x int) { kept = append(kept, x) })
	}
	return kept, s.Draws()
}

// TestStreamSamplerGolden pins the kept positions for fixed seeds, so that any
// change of the algorithm, the seeding or the random stream is noticed.
func TestStreamSamplerGolden(t *testing.T) {
	for _, tc := range []struct {
		p     float64
		seed  uint64
		n     int
		want  []int
		draws uint64
	}{
		{0.1, 1, 200, []int{60, 61, 63, 64, 71, 96, 101, 113, 126, 133, 149, 151, 166, 179, 188, 193}, 17},
		{0.5, 42, 40, []int{0, 3, 5, 7, 8, 10, 11, 12, 18, 23, 24, 25, 26, 27, 30, 33, 38, 39}, 19},
	} {
		kept, draws := keptIndices(tc.p, tc.seed, tc.n)
		if !reflect.DeepEqual(kept, tc.want) {
			t.Errorf("p=%v seed=%d: kept %#v, want %#v", tc.p, tc.seed, kept, tc.want)
		}
		if draws != tc.draws {
			t.Errorf("p=%v seed=%d: %d draws, want %d", tc.p, tc.seed, draws, tc.draws)
		}
	}
}

func TestStreamSamplerDeterminism(t *testing.T) {
	a, _ := keptIndices(0.3, 99, 10000)
	b, _ := keptIndices(0.3, 99, 10000)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same seed, different samples")
	}
	c, _ := keptIndices(0.3, 100, 10000)
	if reflect.DeepEqual(a, c) {
		t.Fatal("seeds 99 and 100 gave the same sample")
	}
	// Kept positions do not depend on the values.
	s := NewStreamSampler[string](0.3, 99)
	var d []int
	for i := range 10000 {
		s.Add("x", func(string) { d = append(d, i) })
	}
	if !reflect.DeepEqual(a, d) {
		t.Fatal("kept positions depend on the element type or values")
	}
}

// TestStreamSamplerFraction checks the kept fraction and the O(kept) draw count.
func TestStreamSamplerFraction(t *testing.T) {
	const n = 1_000_000
	for _, p := range []float64{0.01, 0.5, 0.99} {
		kept, draws := keptIndices(p, 2024, n)
		k := float64(len(kept))
		sd := math.Sqrt(n * p * (1 - p))
		z := (k - n*p) / sd
		t.Logf("p=%v: kept %d of %d (expected %.0f, z = %+.2f), %d draws", p, len(kept), n, n*p, z, draws)
		if math.Abs(z) > 5 {
			t.Errorf("p=%v: kept %d, expected %.0f ± %.0f", p, len(kept), n*p, 5*sd)
		}
		if draws != uint64(len(kept))+1 {
			t.Errorf("p=%v: %d draws for %d kept, want kept+1", p, draws, len(kept))
		}
	}
}

// TestStreamSamplerPositions checks, over many seeds, that every position of a
// short stream is kept with probability p (the first gap included): the sum of
// squared z-scores of 20 independent binomial counts is chi-square with 20 df.
func TestStreamSamplerPositions(t *testing.T) {
	const (
		n      = 20
		p      = 0.3
		trials = 20000
	)
	var counts [n]int
	for seed := range uint64(trials) {
		s := NewStreamSampler[int](p, seed)
		for i := range n {
			s.Add(i, func(i int) { counts[i]++ })
		}
	}
	e, v := trials*p, trials*p*(1-p)
	var stat float64
	for _, o := range counts {
		stat += (float64(o) - e) * (float64(o) - e) / v
	}
	checkChiSquare(t, "StreamSampler per-position inclusion (n=20, p=0.3, 20000 seeds)", n, stat)
}

// TestStreamSamplerGaps checks the gaps between kept positions of one long
// stream against the geometric distribution: gaps 0..18 and >= 19, 20 cells.
func TestStreamSamplerGaps(t *testing.T) {
	const p = 0.2
	const cells = 20
	kept, _ := keptIndices(p, 5, 1_000_000)
	var counts [cells]float64
	prev := -1
	for _, i := range kept {
		g := min(i-prev-1, cells-1)
		counts[g]++
		prev = i
	}
	total := float64(len(kept))
	var stat float64
	for g := range cells {
		pr := math.Pow(1-p, float64(g)) * p
		if g == cells-1 {
			pr = math.Pow(1-p, float64(g))
		}
		e := total * pr
		stat += (counts[g] - e) * (counts[g] - e) / e
	}
	checkChiSquare(t, "StreamSampler gap lengths (p=0.2, 1e6 inputs)", cells-1, stat)
}

func TestStreamSamplerEdges(t *testing.T) {
	all, d1 := keptIndices(1, 3, 100)
	none, d0 := keptIndices(0, 3, 100)
	if len(all) != 100 || len(none) != 0 || d1 != 0 || d0 != 0 {
		t.Errorf("p=1 kept %d (%d draws), p=0 kept %d (%d draws)", len(all), d1, len(none), d0)
	}
	var zero StreamSampler[int] // zero value keeps nothing
	zero.Add(1, func(int) { t.Error("zero StreamSampler kept an input") })

	tiny, _ := keptIndices(math.SmallestNonzeroFloat64, 3, 100000) // gap saturates
	huge, _ := keptIndices(math.Nextafter(1, 0), 3, 100000)
	if len(tiny) != 0 || len(huge) != 100000 {
		t.Errorf("p=5e-324 kept %d, p=1-2^-53 kept %d of 100000", len(tiny), len(huge))
	}

	for _, p := range []float64{-0.1, 1.1, math.NaN(), math.Inf(1)} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("NewStreamSampler(%v) did not panic", p)
				}
			}()
			NewStreamSampler[int](p, 0)
		}()
	}
}
