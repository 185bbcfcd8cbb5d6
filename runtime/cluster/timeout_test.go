package cluster_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
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

// diffProgTimeouts is diffProg's program with timeouts and backoffs
// (randprog.Options.Timeouts): a processor with `failures` whose event calls
// time out, every attempt (their handlers block on their context, so whatever
// the scheduling), and a processor with `retry 2 backoff`. In every fifth
// schedule (seed%5 == 3) a processor without `failures` times out too, so
// that the run fails with a *TimeoutError at its first call.
func diffProgTimeouts(seed uint64, k int) *randprog.Prog {
	g := randprog.Gen(seed, randprog.Options{Retry: true, Failures: true, Timeouts: true})
	if seed%5 == 3 {
		for i := range g.Procs {
			if !g.Procs[i].Failures && !g.Procs[i].Backoff {
				g.Timed(i)
				break
			}
		}
	}
	if k > 1 {
		for i := range g.Procs {
			if (i+int(seed))%2 == 0 {
				g.Partitioned(i, k)
			}
		}
	}
	return g
}

// TestDiffTimeouts is TestDiff for programs with `timeout` and `backoff`:
// each call's owner makes its attempts, under their deadlines and after
// their waits, and every member replays them at once, with their errors:
// every member's and the observer's record, Stats, sink output and run
// error (its *TimeoutError or *PanicError included: errShape) are the
// single-process run's.
func TestDiffTimeouts(t *testing.T) {
	schedules := memlog.Schedules(3, 50)
	var timedOut, backedOff, failedByTimeout int
	defer func() {
		if !t.Failed() && !strings.Contains(flagRun(), "/") && (timedOut == 0 || backedOff == 0 || failedByTimeout == 0) {
			t.Errorf("%d calls routed after timeouts, %d calls of processors with backoff, %d runs failed by a timeout: each must happen", timedOut, backedOff, failedByTimeout)
		}
	}()
	for _, k := range []int{1, 3, 8} {
		t.Run(fmt.Sprintf("K%d", k), func(t *testing.T) {
			for _, members := range []int{1, 2, 4} {
				t.Run(fmt.Sprintf("M%d", members), func(t *testing.T) {
					for s := range schedules {
						// Schedules 0, 1 and 2 of every combination run a
						// program that completes, one that fails by a timeout
						// and one whose handlers fail (seed%5 = 0, 3, 4).
						seed := uint64(k*1000000 + members*10000 + s/5*5 + []int{0, 3, 4, 1, 2}[s%5])
						t.Run(fmt.Sprintf("s%d", seed), func(t *testing.T) {
							g := diffProgTimeouts(seed, k)
							diffCaseOf(t, "TestDiffTimeouts", g, k, members, seed, faultProfiles[(s+k+members)%len(faultProfiles)])
							// What the single-process run did (diffCaseOf compared the members with it);
							// with 4 workers (`concurrency 3` processors' calls overlapping, timing out
							// together), a run that completes records the same.
							var rec1, rec4 bytes.Buffer
							ref := fwrt.New(g.Prog, randprog.NewDisp(g), fw.WithWorkers(1), fw.WithRecord(&rec1))
							g.Submit(ref)
							err := ref.Run(context.Background())
							ref4 := fwrt.New(g.Prog, randprog.NewDisp(g), fw.WithWorkers(4), fw.WithRecord(&rec4))
							g.Submit(ref4)
							if err4 := ref4.Run(context.Background()); err == nil && (err4 != nil || !bytes.Equal(rec1.Bytes(), rec4.Bytes())) {
								t.Fatalf("with 4 workers: %v, or another record", err4)
							}
							var te *fw.TimeoutError
							if errors.As(err, &te) {
								failedByTimeout++
							}
							var to, bo int
							for i, p := range ref.Stats().Processors {
								if g.Procs[i].Timeout {
									to += int(p.Failed)
								}
								if g.Procs[i].Backoff {
									bo += int(p.Handled + p.Failed)
								}
							}
							timedOut, backedOff = timedOut+to, backedOff+bo
							t.Logf("%d calls timed out, %d calls of a processor with backoff; the run's error: %v", to, bo, err)
						})
					}
				})
			}
		})
	}
}

// stopDisp is a random program's Dispatcher whose first call of processor
// proc (on any member) fails its first attempt and stops the run of its
// member (cancels its context) during the backoff wait that follows.
type stopDisp struct {
	*randprog.Disp
	proc  int32
	armed *atomic.Bool
	stop  func()
	name  string
	// stopped is set to the member's name when the call stopped its run.
	stopped *atomic.Value
}

func (d *stopDisp) Invoke(c *fwrt.Call, dl fwrt.Delivery, m fwrt.Msg) error {
	if dl.Proc == d.proc && dl.Case >= 0 && d.stop != nil && d.armed.CompareAndSwap(true, false) {
		d.stopped.Store(d.name)
		// The wait is an hour: the run stops during it, whenever this
		// fires (or, on a machine so loaded that it fires before the wait
		// begins, before it: then the wait does not begin).
		time.AfterFunc(time.Millisecond, d.stop)
		c.Emit(m) // discarded with the attempt
		return errors.New("first attempt fails")
	}
	return d.Disp.Invoke(c, dl, m)
}

// DispatchAll is randprog's, calling stopDisp's Invoke.
func (d *stopDisp) DispatchAll(x *fwrt.Serial, ms []fwrt.Msg) int {
	var dst [8]fwrt.Delivery
	for i, m := range ms {
		if x.Stopped() {
			return i
		}
		for _, dl := range d.Route(m, dst[:0]) {
			if c := x.Begin(x.NoteKG(dl.Proc, dl.KG, dl.Case, m)); c != nil {
				x.End(d.Invoke(c, dl, m))
			}
		}
	}
	return len(ms)
}

// TestStopInBackoff: every processor has `retry 2 backoff 1h`; the member
// that owns an instance of one of them is stopped (its context cancelled) during the wait
// after a call's failed first attempt. Its Run returns at once with the
// context's error, and publishes nothing of that round: no member ever sees
// the call with one attempt of three. It then runs again (a fresh
// incarnation, whose handlers succeed at once), and the run completes: every
// member's record is the single-process one (where no call fails), which it
// could not be had the half call been accepted (the other members would
// replay it, and the new incarnation's output differ from it).
func TestStopInBackoff(t *testing.T) {
	stoppedMembers := map[string]bool{}
	for _, seed := range []uint64{1, 2, 3, 4} {
		g := randprog.Gen(seed, randprog.Options{})
		// The stopped processor: the first that receives events, at an even
		// slot for an even seed (the genesis deals slots to m0, m1 in turn),
		// so that the submitter and another member are each stopped.
		for i := range g.Prog.Procs {
			g.Prog.Procs[i].Retry, g.Prog.Procs[i].BackoffMin, g.Prog.Procs[i].BackoffMax = 2, time.Hour, time.Hour
		}
		var want bytes.Buffer
		ref := fwrt.New(g.Prog, randprog.NewDisp(g), fw.WithWorkers(1), fw.WithRecord(&want))
		g.Submit(ref)
		if err := ref.Run(context.Background()); err != nil { // no call fails: no wait
			t.Fatal(err)
		}
		proc := -1
		for i, p := range ref.Stats().Processors {
			if p.Handled > 0 && proc < 0 && uint64(i)%2 == seed%2 {
				proc = i
			}
		}
		if proc < 0 {
			t.Fatalf("seed %d: no processor to stop", seed)
		}

		sim := memlog.NewSim(seed, memlog.Faults{})
		var armed atomic.Bool
		var stopped atomic.Value
		armed.Store(true)
		var mu sync.Mutex
		got := map[string][]byte{}
		var stoppedErr error
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		err := sim.Run(ctx, []string{"m0", "m1", "obs"}, func(ctx context.Context, name string, l cluster.Log) error {
			var opts []cluster.JoinOption
			switch name {
			case "m0":
				opts = append(opts, cluster.Submitter(), cluster.Members(2))
			case "obs":
				opts = append(opts, cluster.Observer())
			}
			for inc := uint64(1); ; inc++ {
				rctx, stop := context.WithCancel(ctx)
				d := &stopDisp{Disp: randprog.NewDisp(g), proc: int32(proc), armed: &armed, stop: stop, name: name, stopped: &stopped}
				var rec bytes.Buffer
				e := fwrt.New(g.Prog, d, cluster.Join(l, name, append(opts, cluster.Incarnation(inc))...), fw.WithRecord(&rec))
				if name == "m0" {
					g.Submit(e)
				}
				runErr := e.Run(rctx)
				wasStopped := rctx.Err() != nil
				stop()
				if ctx.Err() != nil {
					return ctx.Err()
				}
				if wasStopped {
					mu.Lock()
					stoppedErr = runErr
					mu.Unlock()
					continue // the member runs again
				}
				if runErr != nil {
					return runErr
				}
				mu.Lock()
				got[name] = rec.Bytes()
				mu.Unlock()
				return nil
			}
		})
		cancel()
		if err != nil {
			t.Fatalf("seed %d: %v\n%s", seed, err, strings.Join(sim.Trace(), "\n"))
		}
		who, _ := stopped.Load().(string)
		if who == "" {
			t.Fatalf("seed %d: no call of P%d stopped its member", seed, proc)
		}
		stoppedMembers[who] = true
		if testing.Verbose() {
			t.Logf("seed %d, P%d on %s:\n%s", seed, proc, who, strings.Join(sim.Trace(), "\n"))
		}
		if !errors.Is(stoppedErr, context.Canceled) {
			t.Fatalf("seed %d: the stopped member's Run returned %v, want the context's error", seed, stoppedErr)
		}
		for _, name := range []string{"m0", "m1", "obs"} {
			if !bytes.Equal(got[name], want.Bytes()) {
				t.Fatalf("seed %d: %s's record (%d bytes) differs from the single-process one (%d bytes)\n%s", seed, name, len(got[name]), want.Len(), strings.Join(sim.Trace(), "\n"))
			}
		}
	}
	if !stoppedMembers["m0"] || !stoppedMembers["m1"] {
		t.Fatalf("stopped members %v: want the submitter m0 and m1", stoppedMembers)
	}
}
