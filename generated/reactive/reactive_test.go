package reactive_test

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/fwgo/fw/generated/reactive"
	"github.com/fwgo/fw/runtime/fw"
	fwreactive "github.com/fwgo/fw/runtime/reactive"
)

// The handlers of testdata/examples/reactive/reactive.fw. Builders that may be
// called concurrently (Square has concurrency 3, and builders run in parallel
// with each other) count with atomics; everything a test compares goes
// through Log, which handles one call at a time.

type nums struct {
	n      int
	builds atomic.Int32
}

func (s *nums) Build(ctx context.Context, yield func(int64) bool) error {
	s.builds.Add(1)
	for i := 1; i <= s.n; i++ {
		if !yield(int64(i)) {
			return nil
		}
	}
	return nil
}

type double struct{ calls atomic.Int32 }

func (d *double) OnNums(c reactive.DoubleContext, v int64) error {
	d.calls.Add(1)
	c.Publish(2 * v)
	return nil
}

type square struct{ calls atomic.Int32 }

func (s *square) OnNums(c reactive.SquareContext, v int64) error {
	s.calls.Add(1)
	c.Publish(v * v)
	return nil
}

func parity(v int64) string {
	if v%2 == 0 {
		return "even"
	}
	return "odd"
}

type pairs struct{ doubles, squares []int64 }

func (p *pairs) OnDouble(c reactive.PairsContext, v int64) error {
	p.doubles = append(p.doubles, v)
	c.Publish(reactive.Pair{Key: "d" + parity(v/2), A: v})
	return nil
}

func (p *pairs) OnSquare(c reactive.PairsContext, v int64) error {
	p.squares = append(p.squares, v)
	c.Publish(reactive.Pair{Key: "s" + parity(v), B: v})
	return nil
}

type byParity struct{}

func (byParity) Key(v int64) int64 { return v % 2 }

type late struct{ got []int64 }

func (l *late) OnNums(c reactive.LateContext, v int64) error {
	l.got = append(l.got, v)
	c.Publish(1000 + v)
	return nil
}

// count publishes, at each phase broadcast, how many numbers it has seen, if
// that changed.
type count struct {
	n, published int64
	at           []fw.Position // the positions of its calls
}

func (k *count) OnNums(c reactive.CountContext, v int64) error {
	k.n++
	k.at = append(k.at, c.Position())
	return nil
}
func (k *count) Phase(c reactive.CountContext, phase int) error {
	k.at = append(k.at, c.Position())
	if k.n != k.published {
		k.published = k.n
		c.Publish(k.n)
	}
	return nil
}

// logger records every artifact it receives, with its phase.
type logger struct{ lines []string }

func (l *logger) add(c interface{ Phase() int }, format string, args ...any) {
	l.lines = append(l.lines, fmt.Sprintf("%d ", c.Phase())+fmt.Sprintf(format, args...))
}

func (l *logger) Init(c reactive.LogInitContext) error {
	c.ResolvePairs()
	c.ResolveAll()
	c.ResolveByKey()
	c.ResolveByParity()
	c.ResolveRuns()
	c.ResolveSome()
	c.ResolveSample()
	c.ResolveCount()
	c.ResolvePairs() // again: a target is built once however often it is resolved
	return nil
}
func (l *logger) Phase(c reactive.LogPhaseContext, phase int) error {
	c.ResolveLate()
	return nil
}
func (l *logger) OnNum(c reactive.LogNumContext, v int64) error { l.add(c, "num %d", v); return nil }
func (l *logger) OnPair(c reactive.LogPairContext, v reactive.Pair) error {
	l.add(c, "pair %s %d %d", v.Key, v.A, v.B)
	return nil
}
func (l *logger) OnAll(c reactive.LogAllContext, v []reactive.Pair) error {
	l.add(c, "all %d", len(v))
	return nil
}
func (l *logger) OnGroup(c reactive.LogGroupContext, v fwreactive.Group[string, reactive.Pair]) error {
	l.add(c, "group %s %d", v.Key, len(v.Items))
	return nil
}
func (l *logger) OnParity(c reactive.LogParityContext, v fwreactive.Group[int64, int64]) error {
	l.add(c, "parity %d %v", v.Key, v.Items)
	return nil
}
func (l *logger) OnRun(c reactive.LogRunContext, v fwreactive.Group[string, reactive.Pair]) error {
	l.add(c, "run %s %d", v.Key, len(v.Items))
	return nil
}
func (l *logger) OnSome(c reactive.LogSomeContext, v int64) error { l.add(c, "some %d", v); return nil }
func (l *logger) OnSample(c reactive.LogSampleContext, v []int64) error {
	l.add(c, "sample %v", v)
	return nil
}
func (l *logger) OnLate(c reactive.LogLateContext, v int64) error { l.add(c, "late %d", v); return nil }
func (l *logger) OnCount(c reactive.LogCountContext, v int64) error {
	l.add(c, "count %d", v)
	return nil
}

type handlers struct {
	nums   *nums
	double *double
	square *square
	pairs  *pairs
	late   *late
	count  *count
	log    *logger
}

func run(t *testing.T, n int, opts ...fw.Option) (*handlers, *reactive.Pipeline) {
	t.Helper()
	h := &handlers{&nums{n: n}, &double{}, &square{}, &pairs{}, &late{}, &count{}, &logger{}}
	p := must(reactive.NewPipeline(reactive.Handlers{Nums: h.nums, Double: h.double, Square: h.square, Pairs: h.pairs, ByParity: byParity{}, Late: h.late, Count: h.count, Log: h.log}, opts...))
	if err := p.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return h, p
}

// lines returns the log lines that start with phase and then prefix.
func lines(log []string, phase int, prefix string) []string {
	var out []string
	for _, l := range log {
		if strings.HasPrefix(l, fmt.Sprintf("%d %s ", phase, prefix)) {
			out = append(out, l)
		}
	}
	return out
}

func TestBuildersOnceAndDiamond(t *testing.T) {
	const n = 10
	h, _ := run(t, n)
	if got := h.nums.builds.Load(); got != 1 {
		t.Errorf("Nums built %d times, want once", got)
	}
	if d, s := h.double.calls.Load(), h.square.calls.Load(); d != n || s != n {
		t.Errorf("Double called %d times, Square %d, want %d each", d, s, n)
	}
	// Diamond: Pairs receives every double and every square exactly once.
	var wantD, wantS []int64
	for i := int64(1); i <= n; i++ {
		wantD = append(wantD, 2*i)
		wantS = append(wantS, i*i)
	}
	if !slices.Equal(h.pairs.doubles, wantD) || !slices.Equal(h.pairs.squares, wantS) {
		t.Errorf("Pairs got doubles %v and squares %v, want %v and %v", h.pairs.doubles, h.pairs.squares, wantD, wantS)
	}
	if got := lines(h.log.lines, 0, "num"); len(got) != n {
		t.Errorf("Log got %d nums, want %d: %v", len(got), n, got)
	}
	if got := lines(h.log.lines, 0, "pair"); len(got) != 2*n {
		t.Errorf("Log got %d pairs, want %d", len(got), 2*n)
	}
}

func TestLateConsumerGetsEarlierArtifactsInOrder(t *testing.T) {
	const n = 10
	h, _ := run(t, n)
	want := make([]int64, n)
	for i := range want {
		want[i] = int64(i + 1)
	}
	if !slices.Equal(h.late.got, want) {
		t.Fatalf("Late got %v, want %v", h.late.got, want)
	}
	// Late was resolved by Log's `on phase` after phase 0: its artifacts belong
	// to phase 1, and none to phase 0.
	if got := lines(h.log.lines, 0, "late"); len(got) != 0 {
		t.Errorf("late artifacts in phase 0: %v", got)
	}
	if got := lines(h.log.lines, 1, "late"); len(got) != n || got[0] != "1 late 1001" || got[n-1] != "1 late 1010" {
		t.Errorf("phase 1 late artifacts: %v", got)
	}
}

func TestHelpersFlushAtPhases(t *testing.T) {
	const n = 10
	h, _ := run(t, n)
	log := h.log.lines

	// Collector: everything at the end of phase 0, and nothing at the end of
	// phase 1, which brought no new pairs.
	if got := append(lines(log, 1, "all"), lines(log, 2, "all")...); !slices.Equal(got, []string{"1 all 20"}) {
		t.Errorf("Collector emissions: %v", got)
	}
	// Grouper by key: groups in ascending key order, once, at the phase 0 broadcast.
	if got := lines(log, 1, "group"); !slices.Equal(got, []string{"1 group deven 5", "1 group dodd 5", "1 group seven 5", "1 group sodd 5"}) {
		t.Errorf("Grouper emissions: %v", got)
	}
	if got := lines(log, 1, "parity"); !slices.Equal(got, []string{"1 parity 0 [2 4 6 8 10]", "1 parity 1 [1 3 5 7 9]"}) {
		t.Errorf("Grouper by key method: %v", got)
	}
	// StreamGrouper: a group whenever the key changes, the open one at the broadcast.
	var pairs []reactive.Pair
	for _, l := range lines(log, 0, "pair") {
		var p reactive.Pair
		fmt.Sscanf(l, "0 pair %s %d %d", &p.Key, &p.A, &p.B)
		pairs = append(pairs, p)
	}
	sg := fwreactive.NewStreamGrouper(func(p reactive.Pair) string { return p.Key })
	var wantRuns []string
	emit := func(phase int) func(string, []reactive.Pair) {
		return func(k string, items []reactive.Pair) {
			wantRuns = append(wantRuns, fmt.Sprintf("%d run %s %d", phase, k, len(items)))
		}
	}
	for _, p := range pairs {
		sg.Add(p, emit(0))
	}
	sg.Phase(emit(1))
	if got := append(lines(log, 0, "run"), lines(log, 1, "run")...); !slices.Equal(got, wantRuns) {
		t.Errorf("StreamGrouper emissions:\n got %v\nwant %v", got, wantRuns)
	}
	// The samplers: what the runtime helpers give for the same input and seed.
	ss := fwreactive.NewStreamSampler[int64](0.5, 7)
	rs := fwreactive.NewReservoirSampler[int64](3, 42)
	var wantSome, wantSample []string
	for i := int64(1); i <= n; i++ {
		ss.Add(i, func(v int64) { wantSome = append(wantSome, fmt.Sprintf("0 some %d", v)) })
		rs.Add(i)
	}
	rs.Phase(func(v []int64) { wantSample = append(wantSample, fmt.Sprintf("1 sample %v", v)) })
	if got := lines(log, 0, "some"); !slices.Equal(got, wantSome) || len(got) == 0 || len(got) == n {
		t.Errorf("StreamSampler emissions: %v, want %v (some, not all)", got, wantSome)
	}
	if got := append(lines(log, 1, "sample"), lines(log, 2, "sample")...); !slices.Equal(got, wantSample) {
		t.Errorf("ReservoirSampler emissions: %v, want %v", got, wantSample)
	}
	// A user builder's `on phase`: Count publishes at the broadcast of phase 0
	// (10 numbers), and not after phase 1, when it saw nothing new.
	if got := append(lines(log, 1, "count"), lines(log, 2, "count")...); !slices.Equal(got, []string{"1 count 10"}) {
		t.Errorf("Count emissions: %v", got)
	}
}

// TestBuildersDeterministic compares the whole log across worker counts and
// GOMAXPROCS, with enough numbers for several source batches.
func TestBuildersDeterministic(t *testing.T) {
	const n = 2000
	for _, batch := range []int{256, 7} {
		ref, _ := run(t, n, fw.WithWorkers(1), fw.WithSourceBatch(batch))
		for _, workers := range []int{1, 2, 8} {
			for _, procs := range []int{1, 4} {
				old := runtime.GOMAXPROCS(procs)
				h, _ := run(t, n, fw.WithWorkers(workers), fw.WithSourceBatch(batch))
				runtime.GOMAXPROCS(old)
				if !slices.Equal(h.log.lines, ref.log.lines) {
					t.Fatalf("batch %d, workers %d, GOMAXPROCS %d: log differs from 1 worker (%d vs %d lines)", batch, workers, procs, len(h.log.lines), len(ref.log.lines))
				}
				if !slices.Equal(h.late.got, ref.late.got) || !slices.Equal(h.pairs.doubles, ref.pairs.doubles) || !slices.Equal(h.pairs.squares, ref.pairs.squares) {
					t.Fatalf("batch %d, workers %d: builder inputs differ", batch, workers)
				}
			}
		}
	}
}

func TestBuildersStats(t *testing.T) {
	const n = 10
	_, p := run(t, n)
	st := p.Stats()
	byName := map[string]fw.ProcStats{}
	for _, s := range st.Processors {
		byName[s.Name] = s
	}
	if s := byName["Double"]; s.Received != n || s.Handled != n || s.Emitted != n {
		t.Errorf("Double stats: %+v", s)
	}
	if s := byName["Pairs"]; s.Received != 2*n || s.Emitted != 2*n {
		t.Errorf("Pairs stats: %+v", s)
	}
	if s := byName["Nums"]; s.Emitted != n {
		t.Errorf("Nums stats: %+v", s)
	}
}
