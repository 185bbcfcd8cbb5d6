package engine_test

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"testing"

	"github.com/fwgo/fw/runtime/fw"
	fwrt "github.com/fwgo/fw/runtime/internal/engine"
	"github.com/fwgo/fw/runtime/internal/randprog"
)

// Randomized pipelines (package randprog): every instance's received
// sequence and emissions must be the same for any worker count and
// GOMAXPROCS, and equal to what a direct model of the delivery order rule
// predicts. The partitioned variants have processors of K in {3, 8}
// instances, `retry` with failing first attempts, `failures E` with calls
// that fail every attempt, and `cached` processors.

// randOptions are the generator's variants: the base programs, and
// partitioned ones with retries.
var randOptions = []struct {
	name string
	o    randprog.Options
}{
	{"base", randprog.Options{}},
	{"partitioned", randprog.Options{Partition: true, Retry: true, Failures: true, Cached: true}},
}

func genProg(seed uint64) *randprog.Prog { return randprog.Gen(seed, randprog.Options{}) }

func runRandom(t *testing.T, g *randprog.Prog, workers, procs int, opts ...fw.Option) ([][]randprog.Rec, fw.Stats) {
	t.Helper()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	d := randprog.NewDisp(g)
	d.Pause = true
	e := fwrt.New(g.Prog, d, append([]fw.Option{fw.WithWorkers(workers)}, opts...)...)
	g.Submit(e)
	if err := e.Run(context.Background()); err != nil {
		t.Fatalf("workers=%d GOMAXPROCS=%d: %v", workers, procs, err)
	}
	for s := range g.Slots() {
		if p := g.Slot(0, 0); p >= 0 && !d.Serial(s) && workers == 1 {
			t.Errorf("workers=%d: %s received out of order", workers, g.SlotName(s))
		}
	}
	recs, err := d.Recs()
	if err != nil {
		t.Fatalf("workers=%d GOMAXPROCS=%d: %v", workers, procs, err)
	}
	return recs, e.Stats()
}

func TestDeterminism(t *testing.T) {
	configs := []struct{ workers, procs int }{{1, 1}, {8, runtime.NumCPU()}, {8, 1}, {3, 4}, {8, 8}, {2, 2}}
	for _, v := range randOptions {
		for seed := range uint64(12) {
			t.Run(fmt.Sprint(v.name, "/seed=", seed), func(t *testing.T) {
				g := randprog.Gen(seed, v.o)
				want := g.Model()
				calls := 0
				for _, r := range want {
					calls += len(r)
				}
				t.Logf("%d calls, %d instances", calls, g.Slots())
				var wantStats fw.Stats
				for i, cfg := range configs {
					got, st := runRandom(t, g, cfg.workers, cfg.procs)
					for s := range want {
						if !slices.Equal(got[s], want[s]) {
							t.Fatalf("workers=%d GOMAXPROCS=%d: %s received\n%v\nmodel says\n%v", cfg.workers, cfg.procs, g.SlotName(s), got[s], want[s])
						}
					}
					if i == 0 {
						wantStats = st
					} else if fmt.Sprint(st) != fmt.Sprint(wantStats) {
						t.Fatalf("workers=%d GOMAXPROCS=%d: stats\n%+v\nwant\n%+v", cfg.workers, cfg.procs, st, wantStats)
					}
				}
			})
		}
	}
}

// TestDeterminismPartitionedModel checks that partitioning changes what
// the model predicts (the instances split the keys and the next steps are
// key-group-major), so that the comparison above means something.
func TestDeterminismPartitionedModel(t *testing.T) {
	differ := 0
	for seed := range uint64(12) {
		base := randprog.Gen(seed, randprog.Options{})
		part := randprog.Gen(seed, randprog.Options{Partition: true})
		if part.Slots() > base.Slots() {
			differ++
		}
	}
	if differ < 6 {
		t.Fatalf("only %d of 12 seeds have a partitioned processor", differ)
	}
}
