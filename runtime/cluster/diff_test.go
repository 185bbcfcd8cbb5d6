package cluster_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fwgo/fw/runtime/archive"
	"github.com/fwgo/fw/runtime/cluster"
	"github.com/fwgo/fw/runtime/cluster/memlog"
	"github.com/fwgo/fw/runtime/fw"
	fwrt "github.com/fwgo/fw/runtime/internal/engine"
	"github.com/fwgo/fw/runtime/internal/randprog"
)

// The differential test of the engine: random programs (fan-out, chains,
// concurrency, phases, retries, routed failures (`failures E`), partitioned processors) run in one process, then on
// members over the Sim under a seeded fault schedule. Every member's record, and an
// observer's, must equal the single-process record byte for byte, and its Stats the
// single-process Stats.

// pointDisp is a random program's Dispatcher whose handlers may crash their member.
type pointDisp struct {
	*randprog.Disp
	point func(where string)
	fail  uint64 // with fail > 0, a call whose event's value is 0 mod fail fails (every attempt; half of them panic)
	// cached, if set, counts the handler calls (attempts) of cached processors.
	cached *atomic.Int64
	g      *randprog.Prog
}

func (d *pointDisp) Invoke(c *fwrt.Call, dl fwrt.Delivery, m fwrt.Msg) error {
	if d.cached != nil && d.g.Procs[dl.Proc].Cached {
		d.cached.Add(1)
	}
	if d.point != nil {
		d.point(fmt.Sprintf("P%d[%d] %d/%d/%d", dl.Proc, c.KeyGroup(), c.Phase(), c.Step(), c.Input()))
	}
	// (Not a processor that times out: its calls return only after their
	// deadline, so that they time out whatever the scheduling.)
	if ev, ok := m.Ev.(*randprog.Ev); ok && d.fail > 0 && randprog.Mix(ev.V, uint64(dl.Proc))%d.fail == 0 && !d.g.Procs[dl.Proc].Timeout {
		if ev.V%2 == 0 {
			panic(fmt.Sprintf("P%d panics on %d", dl.Proc, ev.V))
		}
		return fmt.Errorf("P%d fails on %d", dl.Proc, ev.V)
	}
	return d.Disp.Invoke(c, dl, m)
}

// DispatchAll is randprog's, calling pointDisp's Invoke.
func (d *pointDisp) DispatchAll(x *fwrt.Serial, ms []fwrt.Msg) int {
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

// diffProg is the program of seed with every other processor partitioned into k.
func diffProg(seed uint64, k int) *randprog.Prog {
	g := randprog.Gen(seed, randprog.Options{Retry: true, Failures: true})
	if k > 1 {
		for i := range g.Procs {
			if (i+int(seed))%2 == 0 {
				g.Partitioned(i, k)
			}
		}
	}
	return g
}

// sink keeps what a run's sink was given.
type sink struct{ got []string }

func (s *sink) Publish(_ context.Context, ms []fw.SinkMsg) error {
	for _, m := range ms {
		s.got = append(s.got, fmt.Sprintf("%s %s %v", m.ID, m.Event, *m.Value.(*randprog.Ev)))
	}
	return nil
}

func zeroTimes(s fw.Stats) fw.Stats {
	for i := range s.Processors {
		s.Processors[i].HandlerTime = 0
	}
	return s
}

func diffCase(t *testing.T, k, members int, seed uint64, faults memlog.Faults) {
	diffCaseOf(t, "TestDiff", diffProg(seed, k), k, members, seed, faults)
}

// diffCaseOf is diffCase for program g, a case of test name.
func diffCaseOf(t *testing.T, name string, g *randprog.Prog, k, members int, seed uint64, faults memlog.Faults) {
	diffRun(t, name, g, k, members, seed, faults, false)
}

// diffRun is diffCaseOf; with warm, the single-process run and every member
// (each its own) have an archive that a single-process run of the program filled.
func diffRun(t *testing.T, name string, g *randprog.Prog, k, members int, seed uint64, faults memlog.Faults, warm bool) {
	var failMod uint64 // every 5th schedule, some calls fail for good: the run fails, alike
	if seed%5 == 4 {
		failMod = 60
	}
	archives := map[string]fw.Option{}
	archiveOf := func(name string) fw.Option {
		if o, ok := archives[name]; ok {
			return o // the member's workspace outlives its crashes
		}
		if !warm {
			archives[name] = fw.WithArchive(nil) // the default: a fresh in-memory one
			return archives[name]
		}
		a := archive.NewMemory()
		var n atomic.Int64
		fill := fwrt.New(g.Prog, &pointDisp{Disp: randprog.NewDisp(g), fail: failMod, cached: &n, g: g}, fw.WithWorkers(1), fw.WithArchive(a))
		g.Submit(fill)
		_ = fill.Run(context.Background()) // a failing program fills it up to its failure
		archives[name] = fw.WithArchive(a)
		return archives[name]
	}
	var want bytes.Buffer
	var wantSink sink
	var refCalls, calls atomic.Int64 // handler calls of cached processors
	ref := fwrt.New(g.Prog, &pointDisp{Disp: randprog.NewDisp(g), fail: failMod, cached: &refCalls, g: g}, fw.WithWorkers(1), fw.WithRecord(&want), fw.WithSink(&wantSink), archiveOf("ref"))
	g.Submit(ref)
	refErr := ref.Run(context.Background())
	wantStats := zeroTimes(ref.Stats())

	sim := memlog.NewSim(seed, faults)
	names := []string{"obs"}
	for m := range members {
		names = append(names, "m"+strconv.Itoa(m))
	}
	type result struct {
		rec   []byte
		stats fw.Stats
		err   error
		sink  []string
	}
	var mu sync.Mutex
	got := map[string]result{}
	for _, name := range names {
		archiveOf(name)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	err := sim.Run(ctx, names, func(ctx context.Context, name string, l cluster.Log) error {
		var opts []cluster.JoinOption
		switch name {
		case "obs":
			opts = append(opts, cluster.Observer())
		case "m0":
			opts = append(opts, cluster.Submitter(), cluster.Members(members))
		}
		var rec bytes.Buffer
		d := &pointDisp{Disp: randprog.NewDisp(g), point: func(where string) { sim.Point(name, where) }, fail: failMod, cached: &calls, g: g}
		var sk sink // every member has one; only the submitter's publishes
		e := fwrt.New(g.Prog, d, cluster.Join(l, name, opts...), fw.WithRecord(&rec), fw.WithSink(&sk), archives[name])
		if name == "m0" {
			g.Submit(e)
		}
		runErr := e.Run(ctx)
		if ctx.Err() != nil {
			return ctx.Err() // crashed: the Sim restarts it
		}
		var he *fwrt.HandlerError
		if runErr != nil && !errorsAs(runErr, &he) {
			return runErr // a protocol error (ErrRejoin, divergence)
		}
		mu.Lock()
		got[name] = result{rec.Bytes(), zeroTimes(e.Stats()), runErr, sk.got}
		mu.Unlock()
		return nil
	})
	fail := func(format string, args ...any) {
		t.Helper()
		tr := sim.Trace()
		if len(tr) > 3000 {
			tr = append([]string{fmt.Sprintf("… %d lines before", len(tr)-3000)}, tr[len(tr)-3000:]...)
		}
		t.Fatalf("%s\nrerun: go test ./runtime/cluster -run '%s/K%d/M%d/s%d'\nsim trace:\n%s",
			fmt.Sprintf(format, args...), name, k, members, seed, strings.Join(tr, "\n"))
	}
	if simCaseTrace != nil {
		simCaseTrace(sim.Trace())
	}
	if err != nil {
		fail("run: %v", err)
	}
	if want.Len() == 0 {
		t.Fatal("the single-process run recorded nothing")
	}
	if refErr == nil && faults.MaxCrashes == 0 && faults.Zombie == 0 && calls.Load() != refCalls.Load() {
		// Without re-executions, every call is made once: by its owner, and
		// not if it hits. (A run that fails stops at its first failure in one
		// process; the members made all the calls of that round.)
		fail("the members made %d calls of cached processors, the single process %d", calls.Load(), refCalls.Load())
	}
	for _, p := range wantStats.Processors {
		diffHits += int(p.CacheHits)
		diffMisses += int(p.CacheMisses)
	}
	if refErr != nil {
		diffFailed++
	} else {
		for _, p := range wantStats.Processors {
			diffRouted += int(p.Failed) // failures routed as events
		}
	}
	for _, name := range names {
		r, ok := got[name]
		if !ok {
			fail("member %s has no result", name)
		}
		if fmt.Sprint(r.err) != fmt.Sprint(refErr) {
			fail("member %s: run error %v, single process %v", name, r.err, refErr)
		}
		if got, want := errShape(r.err), errShape(refErr); got != want {
			fail("member %s: run error %s, single process %s", name, got, want)
		}
		if !bytes.Equal(r.rec, want.Bytes()) {
			fail("member %s: record of %d bytes differs from the single-process one of %d", name, len(r.rec), want.Len())
		}
		wantSunk := wantSink.got
		if name != "m0" {
			wantSunk = nil
		}
		if !reflect.DeepEqual(r.sink, wantSunk) {
			fail("member %s: sink got %d messages\n%q\nwant %d\n%q", name, len(r.sink), r.sink, len(wantSunk), wantSunk)
		}
		if !reflect.DeepEqual(r.stats, wantStats) {
			fail("member %s: stats\n%+v\nsingle process\n%+v", name, r.stats, wantStats)
		}
	}
}

// errShape describes what a program may ask of a run's error beyond its
// text: whether it is (or wraps) a *PanicError or a *TimeoutError, with what,
// and the context's errors it wraps.
func errShape(err error) string {
	var s []string
	var pe *fw.PanicError
	if errors.As(err, &pe) {
		s = append(s, fmt.Sprintf("panic(%q)", fmt.Sprint(pe.Value)))
	}
	var te *fw.TimeoutError
	if errors.As(err, &te) {
		s = append(s, fmt.Sprintf("timeout(%v, result %v, deadline %t)", te.Timeout, te.Result, errors.Is(te.Result, context.DeadlineExceeded)))
	}
	s = append(s, fmt.Sprintf("deadline %t, canceled %t", errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled)))
	return strings.Join(s, ", ")
}

func errorsAs(err error, he **fwrt.HandlerError) bool {
	for err != nil {
		if h, ok := err.(*fwrt.HandlerError); ok {
			*he = h
			return true
		}
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		err = u.Unwrap()
	}
	return false
}

// diffFailed counts the schedules whose single-process run failed, diffRouted the
// failures routed as events in those that did not.
var diffFailed, diffRouted int

// diffHits and diffMisses count the single-process runs' cache hits and misses.
var diffHits, diffMisses int

// diffProgCached is diffProg's program with some processors `cached` (no
// archive: a fresh in-memory one per run, on every member).
func diffProgCached(seed uint64, k int) *randprog.Prog {
	g := randprog.Gen(seed, randprog.Options{Retry: true, Failures: true, Cached: true})
	if k > 1 {
		for i := range g.Procs {
			if (i+int(seed))%2 == 0 {
				g.Partitioned(i, k)
			}
		}
	}
	return g
}

// TestDiffCached is TestDiff for programs with cached processors and no
// archive: each member's second pass makes every call, so its in-memory
// archive is the single-process run's, and the records and Stats (cache hits
// and misses with them) are equal; the owners do not call the handlers of
// calls that hit.
func TestDiffCached(t *testing.T) {
	schedules := memlog.Schedules(4, 200)
	diffHits, diffMisses = 0, 0
	defer func() {
		if !t.Failed() && !strings.Contains(flagRun(), "/") && (diffHits == 0 || diffMisses == 0) {
			t.Errorf("%d cache hits and %d misses: both must happen", diffHits, diffMisses)
		}
	}()
	for _, k := range []int{1, 3, 8} {
		t.Run(fmt.Sprintf("K%d", k), func(t *testing.T) {
			for _, members := range []int{1, 2, 4} {
				t.Run(fmt.Sprintf("M%d", members), func(t *testing.T) {
					for s := range schedules {
						seed := uint64(k*1000000 + members*10000 + s)
						t.Run(fmt.Sprintf("s%d", seed), func(t *testing.T) {
							// odd schedules: every member has an archive, filled as the reference's
							diffRun(t, "TestDiffCached", diffProgCached(seed, k), k, members, seed, faultProfiles[s%len(faultProfiles)], s%2 == 1)
						})
					}
				})
			}
		})
	}
}

func TestDiff(t *testing.T) {
	schedules := memlog.Schedules(6, 1000)
	check := countFaults(t, 9*schedules)
	defer check()
	diffFailed, diffRouted = 0, 0
	defer func() {
		if !t.Failed() && !strings.Contains(flagRun(), "/") && (diffFailed == 0 || diffRouted == 0) {
			t.Errorf("%d schedules' runs failed and %d failures were routed: both must happen", diffFailed, diffRouted)
		}
	}()
	for _, k := range []int{1, 3, 8} {
		t.Run(fmt.Sprintf("K%d", k), func(t *testing.T) {
			for _, members := range []int{1, 2, 4} {
				t.Run(fmt.Sprintf("M%d", members), func(t *testing.T) {
					for s := range schedules {
						seed := uint64(k*1000000 + members*10000 + s)
						t.Run(fmt.Sprintf("s%d", seed), func(t *testing.T) {
							diffCase(t, k, members, seed, faultProfiles[s%len(faultProfiles)])
						})
					}
				})
			}
		})
	}
}

// TestDiffDivergence: handlers that behave differently after their member restarts
// (a non-deterministic program). A restarted member's catch-up finds its outputs
// differ from the accepted ones: it fails with a *DivergenceError and its End commit
// ends the run for every other member (a *EndError), instead of leaving them waiting
// (or, where the misbehaving outputs were accepted live, the run fails alike).
func TestDiffDivergence(t *testing.T) {
	diverged := 0
	for seed := range uint64(60) {
		g := diffProg(seed, 3)
		sim := memlog.NewSim(seed, faultProfiles[2])
		incs := map[string]int{}
		var mu sync.Mutex
		errs := map[string]error{}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		err := sim.Run(ctx, []string{"m0", "m1", "m2"}, func(ctx context.Context, name string, l cluster.Log) error {
			mu.Lock() // members run concurrently until their first Log call
			incs[name]++
			inc := incs[name]
			mu.Unlock()
			var opts []cluster.JoinOption
			if name == "m0" {
				opts = append(opts, cluster.Submitter(), cluster.Members(3))
			}
			d := &pointDisp{Disp: randprog.NewDisp(g), point: func(where string) { sim.Point(name, where) }}
			if inc > 1 {
				d.fail = 3 // a restarted member's handlers fail where they did not
			}
			e := fwrt.New(g.Prog, d, cluster.Join(l, name, opts...))
			if name == "m0" {
				g.Submit(e)
			}
			runErr := e.Run(ctx)
			if ctx.Err() != nil || errors.Is(runErr, cluster.ErrRejoin) {
				return runErr
			}
			mu.Lock()
			errs[name] = runErr
			mu.Unlock()
			return nil
		})
		cancel()
		if err != nil {
			t.Fatalf("seed %d: %v\n%s", seed, err, strings.Join(sim.Trace(), "\n"))
		}
		var de *cluster.DivergenceError
		var n int
		for _, e := range errs {
			if errors.As(e, &de) {
				n++
			}
		}
		if n == 0 {
			continue
		}
		diverged++
		for name, e := range errs {
			var ee *cluster.EndError
			var he *fwrt.HandlerError // the accepted outputs of the misbehaving member may fail the run first
			if !errors.As(e, &de) && !errors.As(e, &ee) && !errors.As(e, &he) {
				t.Fatalf("seed %d: %s ended with %v, want a divergence, the run's end or a handler's failure\n%s", seed, name, e, strings.Join(sim.Trace(), "\n"))
			}
		}
	}
	if diverged == 0 {
		t.Fatal("no schedule diverged")
	}
	t.Logf("%d of 60 schedules diverged", diverged)
}

// TestDiffSlowHandlers: handlers that take 400 ms of virtual time each, so that a
// round takes longer than DeadAfter. The members beat between calls, so none looks
// dead: no instance moves, and the records are the single-process one.
func TestDiffSlowHandlers(t *testing.T) {
	for seed := range uint64(5) {
		g := diffProg(seed, 3)
		var want bytes.Buffer
		ref := fwrt.New(g.Prog, randprog.NewDisp(g), fw.WithWorkers(1), fw.WithRecord(&want))
		g.Submit(ref)
		if err := ref.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		sim := memlog.NewSim(seed, memlog.Faults{})
		got := map[string][]byte{}
		var long bool
		var mu sync.Mutex
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		err := sim.Run(ctx, []string{"m0", "m1"}, func(ctx context.Context, name string, l cluster.Log) error {
			var opts []cluster.JoinOption
			if name == "m0" {
				opts = append(opts, cluster.Submitter(), cluster.Members(2))
			}
			calls := 0
			d := &pointDisp{Disp: randprog.NewDisp(g), point: func(string) {
				calls++
				sim.Spend(400 * time.Millisecond)
			}}
			var rec bytes.Buffer
			e := fwrt.New(g.Prog, d, cluster.Join(l, name, opts...), fw.WithRecord(&rec))
			if name == "m0" {
				g.Submit(e)
			}
			if err := e.Run(ctx); err != nil {
				return err
			}
			mu.Lock()
			got[name] = rec.Bytes()
			long = long || calls*400 > 3000*2
			mu.Unlock()
			return nil
		})
		cancel()
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		for _, name := range []string{"m0", "m1"} {
			if !bytes.Equal(got[name], want.Bytes()) {
				t.Fatalf("seed %d: %s's record differs", seed, name)
			}
		}
		for _, e := range sim.Entries() {
			if e.Commit != nil && e.Commit.Kind == cluster.CommitReassign {
				t.Fatalf("seed %d: instances moved off slow but live members:\n%s", seed, strings.Join(sim.Trace(), "\n"))
			}
		}
		if !long {
			t.Fatalf("seed %d: the handlers took no longer than DeadAfter", seed)
		}
	}
}

// TestSimDeterministic: a seed is one schedule: the same run twice gives the same
// trace, faults and all.
func TestSimDeterministic(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3, 4} {
		var traces [2][]string
		for i := range traces {
			simCaseTrace = func(tr []string) { traces[i] = tr }
			diffCase(t, 3, 4, seed, faultProfiles[2])
		}
		simCaseTrace = nil
		if len(traces[0]) < 50 {
			t.Fatalf("seed %d: a trace of %d lines", seed, len(traces[0]))
		}
		if !reflect.DeepEqual(traces[0], traces[1]) {
			for j := range min(len(traces[0]), len(traces[1])) {
				if traces[0][j] != traces[1][j] {
					t.Fatalf("seed %d: the traces part at line %d:\n%s\n%s", seed, j, traces[0][j], traces[1][j])
				}
			}
			t.Fatalf("seed %d: traces of %d and %d lines", seed, len(traces[0]), len(traces[1]))
		}
	}
}
