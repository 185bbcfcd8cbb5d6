package randprog_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/fwgo/fw/runtime/fw"
	fwrt "github.com/fwgo/fw/runtime/internal/engine"
	"github.com/fwgo/fw/runtime/internal/randprog"
)

// The generator's variants do what they say: over a few seeds, the engine
// (one worker, and four) makes the calls Model predicts, and the runs have
// partitioned processors, retried calls (some after backoff waits), routed
// failures (some by timeout) and cache hits.
// The engine's own tests (determinism_test.go) run the full matrix.
func TestVariants(t *testing.T) {
	all := randprog.Options{Partition: true, Retry: true, Failures: true, Cached: true, Timeouts: true}
	var slots, hits, failed, extra, timedOut, backoffs int
	for seed := range uint64(12) {
		g := randprog.Gen(seed, all)
		want := g.Model()
		for _, w := range []int{1, 4} {
			d := randprog.NewDisp(g)
			var rec bytes.Buffer
			e := fwrt.New(g.Prog, d, fw.WithWorkers(w), fw.WithRecord(&rec))
			g.Submit(e)
			if err := e.Run(context.Background()); err != nil {
				t.Fatalf("seed %d: %v", seed, err)
			}
			got, err := d.Recs()
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("seed %d, workers=%d: the calls differ from the model's", seed, w)
			}
			if w == 1 {
				for i, p := range e.Stats().Processors {
					hits += int(p.CacheHits)
					failed += int(p.Failed)
					if g.Procs[i].Timeout {
						timedOut += int(p.Failed)
					}
					if g.Procs[i].Backoff {
						backoffs++
					}
				}
				slots += g.Slots() - len(g.Procs)
			}
			// The record replays.
			if err := fwrt.New(g.Prog, randprog.NewDisp(g)).Replay(context.Background(), &rec); err != nil {
				t.Fatalf("seed %d, workers=%d: replay: %v", seed, w, err)
			}
		}
		// Without options, the base program: the same processors and seeds.
		b := randprog.Gen(seed, randprog.Options{})
		if len(b.Procs) != len(g.Procs) || fmt.Sprint(b.Seeds) != fmt.Sprint(g.Seeds) {
			t.Fatalf("seed %d: the options changed the base program", seed)
		}
		extra += len(g.Prog.Events) - len(b.Prog.Events)
	}
	if slots == 0 || hits == 0 || failed == 0 || timedOut == 0 || backoffs == 0 || extra != 12 {
		t.Fatalf("12 seeds: %d extra instances, %d cache hits, %d failures (routed), %d of them by timeout, %d processors with backoff, %d Fail event types; want some of each, and 12",
			slots, hits, failed, timedOut, backoffs, extra)
	}
}
