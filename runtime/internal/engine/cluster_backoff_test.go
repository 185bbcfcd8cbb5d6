package engine_test

import (
	"bytes"
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fwgo/fw/runtime/cluster"
	"github.com/fwgo/fw/runtime/cluster/memlog"
	"github.com/fwgo/fw/runtime/fw"
	fwrt "github.com/fwgo/fw/runtime/internal/engine"
	"github.com/fwgo/fw/runtime/internal/randprog"
)

// TestClusterBackoffOnOwner: in a distributed run, a call's backoff waits
// happen on its owner alone: the members and an observer replay its
// attempts at once. Over the run, the members wait as often as the single
// process (and not once more per member), and each record is the single
// process's.
func TestClusterBackoffOnOwner(t *testing.T) {
	var waits atomic.Int64
	defer fwrt.SetWaitHook(func(time.Duration) { waits.Add(1) })()
	checked := 0
	for seed := uint64(0); checked < 3; seed++ {
		if seed == 100 {
			t.Fatal("fewer than 3 of 100 programs waited")
		}
		g := randprog.Gen(seed, randprog.Options{Retry: true, Timeouts: true})
		var want bytes.Buffer
		ref := fwrt.New(g.Prog, randprog.NewDisp(g), fw.WithWorkers(1), fw.WithRecord(&want))
		g.Submit(ref)
		waits.Store(0)
		if err := ref.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		wantWaits := waits.Load()
		if wantWaits == 0 {
			continue
		}
		checked++

		waits.Store(0)
		l := memlog.New(0)
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		names := []string{"m0", "m1", "m2", "obs"}
		recs := make([]bytes.Buffer, len(names))
		errs := make([]error, len(names))
		var wg sync.WaitGroup
		for i, name := range names {
			var opts []cluster.JoinOption
			switch name {
			case "m0":
				opts = append(opts, cluster.Submitter(), cluster.Members(3))
			case "obs":
				opts = append(opts, cluster.Observer())
			}
			e := fwrt.New(g.Prog, randprog.NewDisp(g), cluster.Join(l, name, opts...), fw.WithRecord(&recs[i]))
			if name == "m0" {
				g.Submit(e)
			}
			wg.Go(func() { errs[i] = e.Run(ctx) })
		}
		wg.Wait()
		cancel()
		for i, name := range names {
			if errs[i] != nil {
				t.Fatalf("seed %d: %s: %v", seed, name, errs[i])
			}
			if !bytes.Equal(recs[i].Bytes(), want.Bytes()) {
				t.Fatalf("seed %d: %s's record differs from the single-process one", seed, name)
			}
		}
		if got := waits.Load(); got != wantWaits {
			t.Fatalf("seed %d: the members waited %d times before retries, the single process %d", seed, got, wantWaits)
		}
	}
}
