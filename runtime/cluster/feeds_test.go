package cluster_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/fwgo/fw/runtime/cluster"
	"github.com/fwgo/fw/runtime/cluster/memlog"
	"github.com/fwgo/fw/runtime/fw"
	fwrt "github.com/fwgo/fw/runtime/internal/engine"
	"github.com/fwgo/fw/runtime/internal/randprog"
)

// Feeds, streams and phase triggers in distributed runs (xfeed.go): the
// submitter pulls, every member applies the same decisions.

// broker is what survives a submitter's restart for a resumable feed: how
// many of its events were committed (acknowledged), and every event
// position the feed emitted, in any incarnation.
type broker struct {
	mu      sync.Mutex
	acked   int64
	commits []int64
	emitted []int // per position: how many times a pull emitted it
	// crashAt[i]: the feed's position at which the submitter's incarnation
	// i+1 crashes (-1: none); incs counts the incarnations
	crashAt []int
	incs    int
	resumed int // incarnations that resumed at a position > 0
}

// testFeed is a deterministic engine Feed over a slice of events: a pull
// yields min(max, chunk(pos)) events, chunk being a function of the position
// alone (so a restarted submitter's feed yields what the first one did), the
// last with done. As a stream its Ready is always ready; with gaps every
// third pull has nothing ready (a function of the pulls made: only for runs
// whose submitter never restarts). With ids each event is named "q<pos>".
// With a broker it resumes at the broker's acknowledged position.
type testFeed struct {
	evs   []randprog.Ev
	pos   int
	seed  uint64
	gaps  bool
	ids   bool
	pulls int
	point func() // the Sim may crash the member here
	br    *broker
	base  int64
	// crashAt: at a pull from this position on, crash is called (once)
	crashAt int
	crash   func()
	// endless: once its events are pulled it has nothing ready, for ever,
	// and the first Ready after that interrupts the process (SIGINT)
	endless bool
	sent    bool
	intrAt  int  // > 0: a pull from this position on interrupts the process (once)
	whole   bool // a pull yields max events (or what is left)
	failAt  int  // > 0: a pull from this position fails (one before it stops short of it)
}

func (f *testFeed) chunk() int { return 1 + int(randprog.Mix(f.seed, uint64(f.pos))%5) }

func (f *testFeed) Pull(c *fwrt.Call, max int) (bool, error) {
	f.pulls++
	if f.point != nil {
		f.point()
	}
	if f.intrAt > 0 && f.pos >= f.intrAt && !f.sent {
		f.sent = true
		if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
			panic(err)
		}
	}
	if f.crash != nil && f.crashAt >= 0 && f.pos >= f.crashAt {
		f.crashAt = -1
		f.crash()
	}
	if f.gaps && f.pulls%3 == 0 && f.pos < len(f.evs) {
		return false, nil
	}
	if f.failAt > 0 && f.pos >= f.failAt {
		return false, fmt.Errorf("no event %d", f.pos)
	}
	n := min(max, len(f.evs)-f.pos)
	if !f.whole {
		n = min(n, f.chunk())
	}
	if f.failAt > 0 {
		n = min(n, f.failAt-f.pos) // the failing position starts a pull, however the pulls fell
	}
	for range n {
		ev := &f.evs[f.pos]
		m := fwrt.Msg{Kind: fwrt.Kind(ev.K), Ev: ev}
		if f.ids {
			c.EmitID(m, "q"+strconv.Itoa(f.pos))
		} else {
			c.Emit(m)
		}
		if f.br != nil {
			f.br.mu.Lock()
			f.br.emitted[f.pos]++
			f.br.mu.Unlock()
		}
		f.pos++
	}
	return f.pos == len(f.evs) && !f.endless, nil
}

func (f *testFeed) Stop() {}

// Committed implements fw.Resumable.
func (f *testFeed) Committed() int64 { return f.base }

// Commit implements fw.Committer.
func (f *testFeed) Commit(n int64) error {
	if f.br == nil {
		return nil
	}
	f.br.mu.Lock()
	defer f.br.mu.Unlock()
	if n <= f.br.acked && len(f.br.commits) > 0 {
		return fmt.Errorf("commit %d after %d", n, f.br.acked)
	}
	if n > int64(f.pos) {
		return fmt.Errorf("commit %d of a feed that emitted up to %d", n, f.pos)
	}
	f.br.acked = n
	f.br.commits = append(f.br.commits, n)
	return nil
}

type testStream struct{ *testFeed }

var always = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

func (s testStream) Ready() <-chan struct{} {
	if !s.endless || s.pos < len(s.evs) {
		return always
	}
	if !s.sent {
		s.sent = true
		if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
			panic(err)
		}
	}
	return nil // never ready
}

// feedDef is one feed of a case.
type feedDef struct {
	n                          int
	stream, gaps, ids, endless bool
	intrAt                     int
	whole                      bool
	failAt                     int
}

// feedSpec is the live side of a case: feeds and trigger.
type feedSpec struct {
	batch     int
	every     int
	interval  time.Duration
	spend     time.Duration // virtual time each handler call takes
	feeds     []feedDef
	resumable bool
	interrupt bool // the submitter runs WithInterrupts
}

func (s *feedSpec) String() string {
	return fmt.Sprintf("batch=%d every=%d interval=%v feeds=%+v", s.batch, s.every, s.interval, s.feeds)
}

// feedSpecOf is the spec of seed: a few feeds, one after the other, plain
// and streams, some with ids; a count trigger for two seeds in three.
func feedSpecOf(seed uint64, gaps bool) *feedSpec {
	s := &feedSpec{batch: 1 + int(randprog.Mix(seed, 1)%6)}
	if seed%3 != 0 {
		s.every = 2 + int(randprog.Mix(seed, 2)%9)
	}
	for i := range 1 + int(randprog.Mix(seed, 3)%3) {
		r := randprog.Mix(seed, uint64(10+i))
		s.feeds = append(s.feeds, feedDef{n: int(r % 30), stream: r%2 == 0, gaps: gaps && r%4 == 0, ids: r%3 == 0})
	}
	if seed%11 == 5 { // the last feed fails (the run fails alike everywhere)
		d := &s.feeds[len(s.feeds)-1]
		d.n = max(d.n, 3)
		d.failAt = 1 + int(randprog.Mix(seed, 4)%uint64(d.n-1))
	}
	return s
}

func (s *feedSpec) opts() []fw.Option {
	o := []fw.Option{fw.WithSourceBatch(s.batch)}
	if s.every > 0 {
		o = append(o, fw.WithPhaseEvery(s.every))
	}
	if s.interval > 0 {
		o = append(o, fw.WithPhaseInterval(s.interval))
	}
	return o
}

// events is feed i's events for program g.
func (s *feedSpec) events(g *randprog.Prog, seed uint64, i int) []randprog.Ev {
	evs := make([]randprog.Ev, s.feeds[i].n)
	for j := range evs {
		r := randprog.Mix(seed, uint64(1000*(i+1)+j))
		evs[j] = randprog.NewEv(int(r%uint64(g.Kinds)), 0, r>>8)
	}
	return evs
}

// attach gives e the spec's feeds (brs: their brokers, if resumable).
func (s *feedSpec) attach(e *fwrt.Engine, g *randprog.Prog, seed uint64, point, crash func(), brs []*broker) []*testFeed {
	var fs []*testFeed
	for i, d := range s.feeds {
		f := &testFeed{evs: s.events(g, seed, i), seed: seed + uint64(i), gaps: d.gaps, ids: d.ids, point: point, endless: d.endless, intrAt: d.intrAt, whole: d.whole, failAt: d.failAt}
		if brs != nil {
			f.br = brs[i]
			f.br.mu.Lock()
			f.base = f.br.acked
			f.crashAt, f.crash = -1, crash
			if inc := f.br.incs; inc < len(f.br.crashAt) {
				f.crashAt = f.br.crashAt[inc]
			}
			f.br.incs++
			if f.base > 0 {
				f.br.resumed++
			}
			f.br.mu.Unlock()
			f.pos = int(f.base)
		}
		fs = append(fs, f)
		if d.stream {
			e.Feed(testStream{f})
		} else {
			e.Feed(f)
		}
	}
	return fs
}

// feedResult is what a member's run gave.
type feedResult struct {
	rec   []byte
	stats fw.Stats
	err   error
	sink  []string
}

// feedCase runs g with spec's feeds on members over a Sim of seed and faults,
// and returns every member's result (and the observer's, "obs"), and the Sim.
func feedCase(t *testing.T, g *randprog.Prog, members int, seed uint64, faults memlog.Faults, spec *feedSpec, failMod uint64, brs []*broker) (map[string]feedResult, *memlog.Sim) {
	t.Helper()
	sim := memlog.NewSim(seed, faults)
	names := []string{"obs"}
	for m := range members {
		names = append(names, "m"+strconv.Itoa(m))
	}
	var mu sync.Mutex
	got := map[string]feedResult{}
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
		d := &pointDisp{Disp: randprog.NewDisp(g), point: func(where string) {
			sim.Point(name, where)
			if spec.spend > 0 {
				sim.Spend(spec.spend)
			}
		}, fail: failMod, g: g}
		var sk sink
		o := append(spec.opts(), cluster.Join(l, name, opts...), fw.WithRecord(&rec), fw.WithSink(&sk))
		if spec.interrupt && name == "m0" {
			o = append(o, fw.WithInterrupts())
		}
		e := fwrt.New(g.Prog, d, o...)
		if name == "m0" {
			g.Submit(e)
			spec.attach(e, g, seed, func() { sim.Point(name, "pull") }, func() { sim.Crash(name, "at a feed's position") }, brs)
		}
		runErr := e.Run(ctx)
		if ctx.Err() != nil {
			return ctx.Err() // crashed: the Sim restarts it
		}
		var he *fwrt.HandlerError
		if runErr != nil && !errorsAs(runErr, &he) && !strings.HasPrefix(runErr.Error(), "fw: feed") && !errors.Is(runErr, fw.ErrInterrupted) {
			return runErr // a protocol error (ErrRejoin, divergence)
		}
		mu.Lock()
		got[name] = feedResult{rec.Bytes(), zeroTimes(e.Stats()), runErr, sk.got}
		mu.Unlock()
		return nil
	})
	if err != nil {
		t.Fatalf("%s: run: %v\nsim trace:\n%s", spec, err, strings.Join(lastLines(sim.Trace(), 300), "\n"))
	}
	for _, name := range names {
		if _, ok := got[name]; !ok {
			t.Fatalf("member %s has no result", name)
		}
	}
	return got, sim
}

func lastLines(tr []string, n int) []string {
	if len(tr) > n {
		return append([]string{fmt.Sprintf("… %d lines before", len(tr)-n)}, tr[len(tr)-n:]...)
	}
	return tr
}

// checkResults compares every member's result with want (the submitter's
// sink with wantSink, the others' with nothing).
func checkResults(t *testing.T, got map[string]feedResult, want feedResult, sim *memlog.Sim, what string) {
	t.Helper()
	fail := func(format string, args ...any) {
		t.Helper()
		t.Fatalf("%s: %s\nsim trace:\n%s", what, fmt.Sprintf(format, args...), strings.Join(lastLines(sim.Trace(), 400), "\n"))
	}
	for name, r := range got {
		if fmt.Sprint(r.err) != fmt.Sprint(want.err) {
			fail("member %s: run error %v, want %v", name, r.err, want.err)
		}
		if !bytes.Equal(r.rec, want.rec) {
			fail("member %s: record of %d bytes differs from the wanted one of %d", name, len(r.rec), len(want.rec))
		}
		wantSunk := want.sink
		if name != "m0" {
			wantSunk = nil
		}
		if !reflect.DeepEqual(r.sink, wantSunk) {
			fail("member %s: sink got %d messages\n%q\nwant %d\n%q", name, len(r.sink), r.sink, len(wantSunk), wantSunk)
		}
		if !reflect.DeepEqual(r.stats, want.stats) {
			fail("member %s: stats\n%+v\nwant\n%+v", name, r.stats, want.stats)
		}
	}
}

// single runs g with spec's feeds in one process.
func single(t *testing.T, g *randprog.Prog, seed uint64, spec *feedSpec, failMod uint64) feedResult {
	t.Helper()
	var rec bytes.Buffer
	var sk sink
	o := append(spec.opts(), fw.WithWorkers(1), fw.WithRecord(&rec), fw.WithSink(&sk))
	if spec.interrupt {
		o = append(o, fw.WithInterrupts())
	}
	e := fwrt.New(g.Prog, &pointDisp{Disp: randprog.NewDisp(g), fail: failMod, g: g}, o...)
	g.Submit(e)
	spec.attach(e, g, seed, nil, nil, nil)
	err := e.Run(context.Background())
	if rec.Len() == 0 {
		t.Fatal("the single-process run recorded nothing")
	}
	return feedResult{rec.Bytes(), zeroTimes(e.Stats()), err, sk.got}
}

// TestDiffFeeds is the differential test of fed runs: random programs fed by
// one to three feeds (plain and streams, some naming their events, some with
// pulls that have nothing ready), with or without WithPhaseEvery, on 1, 2
// and 4 members and an observer over seeded fault schedules (submitter
// crashes and restarts included): every member's record, Stats and sink
// output equal the single-process run's.
func TestDiffFeeds(t *testing.T) {
	schedules := memlog.Schedules(8, 200)
	check := countFaults(t, 6*schedules)
	defer check()
	var fed, phases, restarts, feedFailed int
	for _, k := range []int{1, 3} {
		t.Run(fmt.Sprintf("K%d", k), func(t *testing.T) {
			for _, members := range []int{1, 2, 4} {
				t.Run(fmt.Sprintf("M%d", members), func(t *testing.T) {
					for s := range schedules {
						seed := uint64(k*1000000 + members*10000 + s)
						t.Run(fmt.Sprintf("s%d", seed), func(t *testing.T) {
							faults := faultProfiles[s%len(faultProfiles)]
							// Pulls with nothing ready depend on how many pulls were
							// made: only where the submitter never restarts.
							spec := feedSpecOf(seed, faults == faultProfiles[1])
							var failMod uint64
							if seed%7 == 6 {
								failMod = 60
							}
							g := diffProg(seed, k)
							want := single(t, g, seed, spec, failMod)
							got, sim := feedCase(t, g, members, seed, faults, spec, failMod, nil)
							if simCaseTrace != nil {
								simCaseTrace(sim.Trace())
							}
							checkResults(t, got, want, sim, fmt.Sprintf("%s\nrerun: go test ./runtime/cluster -run 'TestDiffFeeds/K%d/M%d/s%d'", spec, k, members, seed))
							for _, p := range want.stats.Phases {
								fed += int(p.Events)
							}
							phases += len(want.stats.Phases)
							if want.err != nil && strings.HasPrefix(want.err.Error(), "fw: feed") {
								feedFailed++
							}
							for _, l := range sim.Trace() {
								if strings.Contains(l, "m0#2 starts") {
									restarts++
								}
							}
						})
					}
				})
			}
		})
	}
	if !t.Failed() && !strings.Contains(flagRun(), "/") {
		t.Logf("%d events in %d phases; %d submitter restarts; %d runs failed by a feed", fed, phases, restarts, feedFailed)
		if restarts == 0 || feedFailed == 0 {
			t.Error("no schedule restarted the submitter, or no feed failed")
		}
	}
}

// TestDiffFeedsInterval: WithPhaseInterval on the submitter's clock, the
// Log's (virtual: the handlers spend virtual time). The phases end where the
// submitter's clock says, so there is no single-process run to compare
// with: every member's record, Stats and sink output are the submitter's,
// and the one-process replay of that record makes the same calls (it fails
// on the first difference) with the same Stats and sink output.
func TestDiffFeedsInterval(t *testing.T) {
	schedules := memlog.Schedules(6, 100)
	var pulledPhases int
	for _, members := range []int{1, 2, 4} {
		t.Run(fmt.Sprintf("M%d", members), func(t *testing.T) {
			for s := range schedules {
				seed := uint64(members*10000 + s)
				t.Run(fmt.Sprintf("s%d", seed), func(t *testing.T) {
					spec := feedSpecOf(seed, false)
					spec.every = 0
					spec.interval = 30 * time.Millisecond
					spec.spend = 2 * time.Millisecond
					spec.feeds = append(spec.feeds, feedDef{n: 40, stream: true})
					for i := range spec.feeds {
						spec.feeds[i].failAt = 0
					}
					g := diffProg(seed, 3)
					// Not the profile of heavy zombies (3): with handlers that
					// spend time, its members rejoin hundreds of times (each a
					// replay of the run so far), which only slows the test.
					got, sim := feedCase(t, g, members, seed, faultProfiles[s%3], spec, 0, nil)
					want := got["m0"]
					what := fmt.Sprintf("%s\nrerun: go test ./runtime/cluster -run 'TestDiffFeedsInterval/M%d/s%d'", spec, members, seed)
					checkResults(t, got, want, sim, what)
					if want.err != nil {
						t.Fatalf("%s: %v", what, want.err)
					}
					// The replay of the record in one process.
					var sk sink
					e := fwrt.New(g.Prog, randprog.NewDisp(g), fw.WithWorkers(1), fw.WithReplay(bytes.NewReader(want.rec)), fw.WithSink(&sk))
					if err := e.Run(context.Background()); err != nil {
						t.Fatalf("%s: the replay: %v", what, err)
					}
					if st := zeroTimes(e.Stats()); !reflect.DeepEqual(st, want.stats) {
						t.Fatalf("%s: the replay's stats\n%+v\nthe members'\n%+v", what, st, want.stats)
					}
					if !reflect.DeepEqual(sk.got, want.sink) {
						t.Fatalf("%s: the replay's sink got\n%q\nthe submitter's\n%q", what, sk.got, want.sink)
					}
					if n := len(want.stats.Phases); n > 2 {
						pulledPhases++
					}
					if os.Getenv("FW_FEEDS_TRACE") != "" {
						tr := sim.Trace()
						t.Logf("%d phases, %d trace lines, last: %s", len(want.stats.Phases), len(tr), tr[len(tr)-1])
					}
				})
			}
		})
	}
	if !t.Failed() && !strings.Contains(flagRun(), "/") {
		t.Logf("%d of %d runs had more than 2 phases", pulledPhases, 3*schedules)
		if pulledPhases == 0 {
			t.Error("the time trigger never ended a phase")
		}
	}
}

// TestFeedSubmitterRestart: the submitter crashes while it pulls a resumable
// feed (a broker that redelivers the events not acknowledged), and restarts
// with a feed that resumes at the acknowledged position: it takes the rounds
// the log decided from the log, drops the redelivered events the log holds
// (by count), and feeds on. The records, Stats and sink output equal the
// single-process run's, every event is in the record once, the commits grow
// and end at the feed's length, and in some schedules events were
// redelivered and dropped.
func TestFeedSubmitterRestart(t *testing.T) {
	faults := memlog.Faults{Drop: 0.05, Dup: 0.05, Delay: 0.1, CrashInHandler: 0.01, CrashInPublish: 0.05, CrashCoordinator: 0.05, MaxCrashes: 2}
	schedules := memlog.Schedules(24, 400)
	var restarts, redelivered, resumed int
	for s := range schedules {
		seed := uint64(500000 + s)
		members := 1 + s%3
		spec := &feedSpec{batch: 3, every: 5, feeds: []feedDef{{n: 40, stream: true, ids: s%2 == 0}, {n: 25}}, resumable: true}
		if s%4 == 3 {
			spec.every = 0 // one commit, at the end: a restart resumes at 0
		}
		g := diffProg(seed, 3)
		want := single(t, g, seed, spec, 0)
		// The first incarnation crashes in feed 0, the second in feed 1.
		brs := []*broker{{emitted: make([]int, 40), crashAt: []int{7 + s%25}}, {emitted: make([]int, 25), crashAt: []int{-1, 3 + s%20}}}
		got, sim := feedCase(t, g, members, seed, faults, spec, 0, brs)
		what := fmt.Sprintf("seed %d, %d members, %s", seed, members, spec)
		checkResults(t, got, want, sim, what)
		started := 0
		for _, l := range sim.Trace() {
			if strings.Contains(l, "m0#") && strings.Contains(l, " starts") {
				started++
			}
		}
		if started > 1 {
			restarts++
		}
		for i, br := range brs {
			if br.resumed > 0 {
				resumed++
			}
			if br.acked != int64(spec.feeds[i].n) {
				t.Fatalf("%s: feed %d: acknowledged %d of %d events (commits %v)", what, i, br.acked, spec.feeds[i].n, br.commits)
			}
			for p, n := range br.emitted {
				if n == 0 {
					t.Fatalf("%s: feed %d: event %d never emitted", what, i, p)
				}
				if n > 1 {
					redelivered++
				}
			}
		}
	}
	t.Logf("%d of %d schedules restarted the submitter; %d events redelivered and dropped; %d feeds resumed past their start", restarts, schedules, redelivered, resumed)
	if restarts == 0 || redelivered == 0 || resumed == 0 {
		t.Error("no schedule restarted the submitter with events to redeliver, or resumed a feed")
	}
}

// TestFeedOnMember: a feed attached to a member that is not the submitter is
// refused.
func TestFeedOnMember(t *testing.T) {
	g := diffProg(1, 1)
	sim := memlog.NewSim(1, memlog.Faults{})
	var errs sync.Map
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	spec := &feedSpec{batch: 4, feeds: []feedDef{{n: 3}}}
	_ = sim.Run(ctx, []string{"m0", "m1"}, func(ctx context.Context, name string, l cluster.Log) error {
		var opts []cluster.JoinOption
		if name == "m0" {
			opts = append(opts, cluster.Submitter(), cluster.Members(2))
		}
		e := fwrt.New(g.Prog, randprog.NewDisp(g), append(spec.opts(), cluster.Join(l, name, opts...))...)
		if name == "m0" {
			g.Submit(e)
		} else {
			spec.attach(e, g, 1, nil, nil, nil)
		}
		err := e.Run(ctx)
		errs.Store(name, err)
		return err
	})
	v, _ := errs.Load("m1")
	if err, _ := v.(error); err == nil || !strings.Contains(err.Error(), "not the submitter") {
		t.Fatalf("m1: %v, want a refusal", v)
	}
}

// TestFeedInterrupt: the submitter feeds an endless stream (it never ends;
// once its events are pulled it has nothing ready) and is interrupted
// (SIGINT, WithInterrupts) while it waits for more: its pull round stops the
// run there for every member, which returns fw.ErrInterrupted with the
// record, Stats and sink output of the single-process run interrupted at the
// same point; the record's replay in one process ends there (nil).
func TestFeedInterrupt(t *testing.T) {
	schedules := memlog.Schedules(4, 100)
	for _, members := range []int{1, 2, 4} {
		for s := range schedules {
			seed := uint64(700000 + members*100 + s)
			spec := &feedSpec{batch: 1 + s%4, feeds: []feedDef{{n: 7}, {n: 15 + s%10, stream: true, ids: s%2 == 1, endless: true}}, interrupt: true}
			if s%2 == 0 {
				spec.every = 3 + s%5
			}
			g := diffProg(seed, 3)
			want := single(t, g, seed, spec, 0)
			what := fmt.Sprintf("seed %d, %d members, %s", seed, members, spec)
			if !errors.Is(want.err, fw.ErrInterrupted) {
				t.Fatalf("%s: the single-process run: %v, want fw.ErrInterrupted", what, want.err)
			}
			got, sim := feedCase(t, g, members, seed, faultProfiles[1], spec, 0, nil)
			checkResults(t, got, want, sim, what)
			var sk sink
			e := fwrt.New(g.Prog, randprog.NewDisp(g), fw.WithWorkers(1), fw.WithReplay(bytes.NewReader(want.rec)), fw.WithSink(&sk))
			if err := e.Run(context.Background()); err != nil {
				t.Fatalf("%s: the replay: %v", what, err)
			}
			if !reflect.DeepEqual(sk.got, want.sink) {
				t.Fatalf("%s: the replay's sink got\n%q\nthe run's\n%q", what, sk.got, want.sink)
			}
		}
	}
}

// TestFeedInterruptBusy: the submitter is interrupted while it pulls an
// endless stream that has events ready (the engine is busy): the steps in
// progress go on, and its next pull round stops the run for every member
// (fw.ErrInterrupted, no End commit). Where the signal lands is up to the
// scheduler, so the members are compared with the submitter, and the
// record with its replay in one process.
func TestFeedInterruptBusy(t *testing.T) {
	schedules := memlog.Schedules(4, 100)
	for _, members := range []int{1, 2, 4} {
		for s := range schedules {
			seed := uint64(800000 + members*100 + s)
			spec := &feedSpec{batch: 1 + s%4, feeds: []feedDef{{n: 5}, {n: 60, stream: true, endless: true, intrAt: 10 + s%20}}, interrupt: true}
			if s%2 == 0 {
				spec.every = 3 + s%5
			}
			g := diffProg(seed, 3)
			what := fmt.Sprintf("seed %d, %d members, %s", seed, members, spec)
			got, sim := feedCase(t, g, members, seed, faultProfiles[1], spec, 0, nil)
			want := got["m0"]
			if !errors.Is(want.err, fw.ErrInterrupted) {
				t.Fatalf("%s: the submitter: %v, want fw.ErrInterrupted", what, want.err)
			}
			checkResults(t, got, want, sim, what)
			var sk sink
			e := fwrt.New(g.Prog, randprog.NewDisp(g), fw.WithWorkers(1), fw.WithReplay(bytes.NewReader(want.rec)), fw.WithSink(&sk))
			if err := e.Run(context.Background()); err != nil {
				t.Fatalf("%s: the replay: %v", what, err)
			}
			if !reflect.DeepEqual(sk.got, want.sink) {
				t.Fatalf("%s: the replay's sink got\n%q\nthe run's\n%q", what, sk.got, want.sink)
			}
		}
	}
}

// TestFeedRounds: a pull is one round, whatever its number of events: a run
// fed 2,000 events (a feed, then a stream) in batches of 256 makes about
// 2,000/256 feed rounds (plus one per phase at most), not one per event.
func TestFeedRounds(t *testing.T) {
	g := diffProg(3, 3)
	spec := &feedSpec{batch: 256, feeds: []feedDef{{n: 1200, whole: true}, {n: 800, whole: true, stream: true}}}
	want := single(t, g, 3, spec, 0)
	got, sim := feedCase(t, g, 2, 3, memlog.Faults{}, spec, 0, nil)
	checkResults(t, got, want, sim, spec.String())
	rounds, feedRounds := 0, 0
	for _, e := range sim.Entries() {
		if c := e.Commit; c != nil && c.Kind == cluster.CommitRound {
			rounds++
			if c.Round.Kind == cluster.RoundFeed {
				feedRounds++
			}
		}
	}
	steps := 0
	for _, p := range want.stats.Phases {
		steps += int(p.Steps)
	}
	t.Logf("2000 fed events: %d feed rounds of %d rounds; %d steps in %d phases", feedRounds, rounds, steps, len(want.stats.Phases))
	if feedRounds > (2000+255)/256+len(want.stats.Phases) || feedRounds < 2000/256 {
		t.Fatalf("%d feed rounds for %d steps in %d phases", feedRounds, steps, len(want.stats.Phases))
	}
}
