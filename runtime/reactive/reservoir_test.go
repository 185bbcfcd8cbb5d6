package reactive

import (
	"math"
	"reflect"
	"slices"
	"testing"
)

// TestReservoirGolden pins samples for fixed seeds, so that any change of the
// algorithm, the seeding or the random stream is noticed.
func TestReservoirGolden(t *testing.T) {
	r := NewReservoirSampler[int](5, 7)
	for i := range 1000 {
		r.Add(i)
	}
	if got, want := r.Sample(), []int{836, 546, 578, 586, 48}; !reflect.DeepEqual(got, want) {
		t.Errorf("k=5 seed=7 N=1000: sample %#v, want %#v", got, want)
	}
	if r.Draws() != 74 || r.Seen() != 1000 {
		t.Errorf("draws = %d, seen = %d; want 74, 1000", r.Draws(), r.Seen())
	}

	// Slot order: a new input takes the slot of the one it evicts.
	r = NewReservoirSampler[int](3, 1)
	want := map[int][]int{
		2: {0, 1, 2}, 3: {0, 3, 2}, 4: {0, 4, 2}, 5: {5, 4, 2}, 6: {5, 6, 2},
		7: {7, 6, 2}, 8: {7, 8, 2}, 12: {7, 8, 2}, 13: {13, 8, 2}, 23: {13, 8, 2}, 24: {13, 24, 2},
	}
	for i := range 30 {
		r.Add(i)
		if w, ok := want[i]; ok && !reflect.DeepEqual(r.Sample(), w) {
			t.Errorf("k=3 seed=1 after input %d: sample %v, want %v", i, r.Sample(), w)
		}
	}
}

// TestReservoirPhases checks the emission sequence across phases: an emission
// exactly when the sample changed since the last one.
func TestReservoirPhases(t *testing.T) {
	r := NewReservoirSampler[int](3, 1)
	var rec recorder
	r.Phase(rec.slice) // empty phase
	rec.check(t)

	r.Add(0)
	r.Add(1)
	r.Phase(rec.slice) // not yet full: everything so far
	r.Phase(rec.slice) // no new data, no emission
	rec.check(t, "[0 1]")

	r.Add(2)
	r.Add(3)
	r.Add(4)
	r.Phase(rec.slice)
	rec.check(t, "[0 4 2]") // see TestReservoirGolden for the slot history

	// Inputs 9..12 are all skipped (golden history): no change, no emission.
	for i := 5; i < 9; i++ {
		r.Add(i)
	}
	r.Phase(rec.slice)
	rec.check(t, "[7 8 2]")
	for i := 9; i < 13; i++ {
		r.Add(i)
	}
	r.Phase(rec.slice)
	rec.check(t)
	r.Add(13)
	r.Phase(rec.slice)
	rec.check(t, "[13 8 2]")

	// Generally: with a Phase after every input, an emission happens exactly
	// when the input changed the sample, and it is the new sample.
	var emitted, silent int
	for i := 14; i < 2000; i++ {
		before := r.Sample()
		r.Add(i)
		var got []int
		r.Phase(func(s []int) { got = s })
		changed := !slices.Equal(before, r.Sample())
		switch {
		case changed && !slices.Equal(got, r.Sample()):
			t.Fatalf("after input %d: emitted %v, want %v", i, got, r.Sample())
		case !changed && got != nil:
			t.Fatalf("after input %d: unchanged sample emitted again: %v", i, got)
		case changed:
			emitted++
		default:
			silent++
		}
	}
	if emitted == 0 || silent == 0 {
		t.Errorf("emitted %d times, silent %d times; want both", emitted, silent)
	}
}

func TestReservoirSmallStreams(t *testing.T) {
	// k >= N: the sample is the whole input, in arrival order, without draws
	// beyond the one that starts Algorithm L once the reservoir fills.
	r := NewReservoirSampler[string](5, 3)
	for _, s := range []string{"a", "b", "c"} {
		r.Add(s)
	}
	var got []string
	r.Phase(func(s []string) { got = s })
	if !reflect.DeepEqual(got, []string{"a", "b", "c"}) || r.Draws() != 0 {
		t.Errorf("k=5, 3 inputs: emitted %v after %d draws", got, r.Draws())
	}

	// k = 0 and the zero value never sample and never emit.
	for _, z := range []*ReservoirSampler[int]{NewReservoirSampler[int](0, 1), {}} {
		for i := range 100 {
			z.Add(i)
		}
		z.Phase(func([]int) { t.Error("k=0 sampler emitted") })
		if len(z.Sample()) != 0 || z.Draws() != 0 {
			t.Errorf("k=0 sampler: sample %v, %d draws", z.Sample(), z.Draws())
		}
	}

	defer func() {
		if recover() == nil {
			t.Error("NewReservoirSampler(-1) did not panic")
		}
	}()
	NewReservoirSampler[int](-1, 0)
}

func TestReservoirEmitsCopy(t *testing.T) {
	r := NewReservoirSampler[int](2, 1)
	r.Add(1)
	r.Add(2)
	var a []int
	r.Phase(func(s []int) { a = s })
	a[0] = 99
	if s := r.Sample(); s[0] != 1 {
		t.Errorf("emitted slice aliases the reservoir: %v", s)
	}
}

func TestReservoirDeterminism(t *testing.T) {
	run := func(seed uint64) []int {
		r := NewReservoirSampler[int](10, seed)
		for i := range 100000 {
			r.Add(i)
		}
		return r.Sample()
	}
	if !reflect.DeepEqual(run(5), run(5)) {
		t.Fatal("same seed, different samples")
	}
	if reflect.DeepEqual(run(5), run(6)) {
		t.Fatal("seeds 5 and 6 gave the same sample")
	}
}

// TestReservoirInclusionUniform: over many seeds, every input of a stream of 50
// is in the final sample of 5 with probability 1/10. Per trial the inclusion
// indicators have variance q(1-q) and covariance -q(1-q)/(N-1) (exactly k are
// included), so sum((o-e)^2) * (N-1) / (N T q(1-q)) is asymptotically
// chi-square with N-1 df.
func TestReservoirInclusionUniform(t *testing.T) {
	stat := inclusionChiSquare(50, 5, 20000)
	checkChiSquare(t, "reservoir per-item inclusion (N=50, k=5, 20000 seeds)", 49, stat)

	stat = inclusionChiSquare(20, 1, 20000) // k = 1: W is a single uniform
	checkChiSquare(t, "reservoir per-item inclusion (N=20, k=1, 20000 seeds)", 19, stat)
}

func inclusionChiSquare(n, k, trials int) float64 {
	counts := make([]float64, n)
	for seed := range uint64(trials) {
		r := NewReservoirSampler[int](k, seed)
		for i := range n {
			r.Add(i)
		}
		for _, x := range r.Sample() {
			counts[x]++
		}
	}
	q := float64(k) / float64(n)
	e := float64(trials) * q
	var ss float64
	for _, o := range counts {
		ss += (o - e) * (o - e)
	}
	return ss * float64(n-1) / (float64(n) * float64(trials) * q * (1 - q))
}

// TestReservoirLongStreamUniform checks uniformity deep into a stream, where
// Algorithm L skips most inputs: N = 10000, k = 10, inclusion counts over 20
// buckets of 500 consecutive positions. Per trial the bucket counts are
// multivariate hypergeometric, i.e. multinomial with variances scaled by
// (N-k)/(N-1), so sum((o-e)^2/e) / ((N-k)/(N-1)) is chi-square with 19 df.
func TestReservoirLongStreamUniform(t *testing.T) {
	const n, k, buckets, trials = 10000, 10, 20, 4000
	var counts [buckets]float64
	for seed := range uint64(trials) {
		r := NewReservoirSampler[int](k, seed)
		for i := range n {
			r.Add(i)
		}
		for _, x := range r.Sample() {
			counts[x*buckets/n]++
		}
	}
	e := float64(trials*k) / buckets
	var stat float64
	for _, o := range counts {
		stat += (o - e) * (o - e) / e
	}
	stat /= float64(n-k) / float64(n-1)
	checkChiSquare(t, "reservoir position buckets (N=10000, k=10, 20 buckets, 4000 seeds)", buckets-1, stat)
}

// TestReservoirSubsetUniform: over many seeds, each of the 15 2-subsets of 6
// inputs is the final sample equally often (multinomial, chi-square 14 df).
func TestReservoirSubsetUniform(t *testing.T) {
	const n, k, trials = 6, 2, 30000
	counts := map[[2]int]float64{}
	for seed := range uint64(trials) {
		r := NewReservoirSampler[int](k, seed)
		for i := range n {
			r.Add(i)
		}
		s := r.Sample()
		slices.Sort(s)
		counts[[2]int{s[0], s[1]}]++
	}
	if len(counts) != 15 {
		t.Fatalf("%d distinct subsets, want 15", len(counts))
	}
	e := float64(trials) / 15
	var stat float64
	for _, o := range counts {
		stat += (o - e) * (o - e) / e
	}
	checkChiSquare(t, "reservoir 2-subsets of 6 (30000 seeds)", 14, stat)
}

// TestReservoirDraws checks that Algorithm L skips: for N = 1e6 and k = 100 it
// draws about 3k(H(N) - H(k)) + 2 ≈ 2765 random words, far below N.
func TestReservoirDraws(t *testing.T) {
	const k = 100
	harmonic := func(n int) float64 { return math.Log(float64(n)) + 0.5772156649 + 1/(2*float64(n)) }
	for _, n := range []int{1_000, 100_000, 1_000_000} {
		const seeds = 10
		var total uint64
		for seed := range uint64(seeds) {
			r := NewReservoirSampler[int](k, seed)
			for i := range n {
				r.Add(i)
			}
			d := r.Draws()
			total += d
			bound := 20 * k * (1 + math.Log(float64(n)/k))
			if float64(d) >= bound {
				t.Errorf("N=%d k=%d seed=%d: %d draws, want < %.0f", n, k, seed, d, bound)
			}
		}
		mean := float64(total) / seeds
		expect := 3*k*(harmonic(n)-harmonic(k)) + 2
		t.Logf("N=%d k=%d: mean draws %.0f over %d seeds, expected %.0f, k(1+ln(N/k)) = %.0f",
			n, k, mean, seeds, expect, k*(1+math.Log(float64(n)/k)))
		if math.Abs(mean-expect) > 0.1*expect {
			t.Errorf("N=%d: mean draws %.0f, expected %.0f ± 10%%", n, mean, expect)
		}
	}
}

func TestLog1mexpAndGeometric(t *testing.T) {
	for _, x := range []float64{-1e-300, -1e-10, -0.5, -math.Ln2, -1, -40, -800} {
		want := math.Log(1 - math.Exp(x))
		switch {
		case x > -1e-5:
			want = math.Log(-x) // 1 - e^x ≈ -x
		case x < -30:
			want = -math.Exp(x) // ln(1 - y) ≈ -y
		}
		if got := log1mexp(x); math.Abs(got-want) > 1e-9*math.Abs(want)+1e-300 {
			t.Errorf("log1mexp(%v) = %v, want %v", x, got, want)
		}
	}
	if !math.IsInf(log1mexp(0), -1) {
		t.Errorf("log1mexp(0) = %v, want -Inf", log1mexp(0))
	}
	r := newRNG(1, 2)
	if g := r.geometric(math.Inf(-1)); g != 0 {
		t.Errorf("geometric(q=0) = %d, want 0", g)
	}
	if g := r.geometric(-1e-300); g != math.MaxUint64 {
		t.Errorf("geometric(q≈1) = %d, want saturation", g)
	}
	if addSat(math.MaxUint64-1, 5) != math.MaxUint64 || addSat(2, 3) != 5 {
		t.Error("addSat")
	}
}
