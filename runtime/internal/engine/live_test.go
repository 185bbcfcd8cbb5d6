package engine_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fwgo/fw/runtime/fw"
	fwrt "github.com/fwgo/fw/runtime/internal/engine"
)

// The program of the live tests, as generated code would describe
//
//	event In { s string }; event Out { s string }; event Sum { s string }
//	processor Work concurrency C { on In -> Out, Out }   // two Outs per In
//	processor Count { on Out; on phase -> Sum }          // "p<phase>:<Outs>" when it saw any
//	processor Tail { on Sum }
//	processor Life { on init -> In }                     // one In, "init"
const (
	lIn fwrt.Kind = iota
	lOut
	lSum
)

func liveProgram(conc int) *fwrt.Program {
	return &fwrt.Program{
		Package: "livetest",
		Events:  []fwrt.EventInfo{{Name: "In"}, {Name: "Out"}, {Name: "Sum"}},
		Procs: []fwrt.ProcInfo{
			{Name: "Work", Cases: []string{"In"}, Concurrency: conc},
			{Name: "Count", Cases: []string{"Out"}, Phase: true},
			{Name: "Tail", Cases: []string{"Sum"}},
			{Name: "Life", Init: true},
		},
		Routes: [][]int32{{0}, {1}, {2}},
	}
}

// ldisp is the live tests' dispatcher. Count's state is only touched by its
// own calls (one at a time); Tail reports every Sum on sums, if set.
type ldisp struct {
	recCodec
	init   bool // Life emits "init"
	mu     sync.Mutex
	count  int      // Count: Outs of the phase
	tail   []string // Tail's inputs
	sums   chan string
	seen   chan string // Work's inputs, if set
	outLog []string    // Work's inputs with their position
}

func (d *ldisp) Route(m fwrt.Msg, dst []fwrt.Delivery) []fwrt.Delivery {
	return append(dst, fwrt.Delivery{Proc: int32(m.Kind), Case: 0})
}

func (d *ldisp) Invoke(c *fwrt.Call, dl fwrt.Delivery, m fwrt.Msg) error {
	switch {
	case dl.Proc == 0:
		s := label(m)
		c.Emit(ev(lOut, s+"!"))
		c.Emit(ev(lOut, s+"?"))
		if d.seen != nil {
			d.seen <- s
		}
	case dl.Proc == 1 && dl.Case == 0:
		d.count++
	case dl.Proc == 1 && dl.Case == fwrt.CasePhase:
		if d.count > 0 {
			c.Emit(ev(lSum, fmt.Sprintf("p%d:%d", c.Phase(), d.count)))
		}
		d.count = 0
	case dl.Proc == 2:
		d.mu.Lock()
		d.tail = append(d.tail, label(m))
		d.mu.Unlock()
		if d.sums != nil {
			d.sums <- label(m)
		}
	case dl.Proc == 3 && dl.Case == fwrt.CaseInit:
		if d.init {
			c.Emit(ev(lIn, "init"))
		}
	}
	return nil
}

func (d *ldisp) DispatchAll(x *fwrt.Serial, ms []fwrt.Msg) int { return dispatchAllVia(d, x, ms) }

func (d *ldisp) tailLines() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return slices.Clone(d.tail)
}

// stream is a test Stream: events pushed by the test, ended by close; it
// names its events "x:<label>" if named, and logs commits.
type stream struct {
	mu      sync.Mutex
	q       []string
	closed  bool
	ready   chan struct{}
	named   bool
	stopped bool
	log     *[]string // commits, appended with the sinks' publishes
	logMu   *sync.Mutex
	commits []int64
}

func newStream() *stream { return &stream{ready: make(chan struct{}, 1)} }

func (s *stream) push(labels ...string) {
	s.mu.Lock()
	s.q = append(s.q, labels...)
	s.mu.Unlock()
	s.signal()
}

func (s *stream) close() {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	s.signal()
}

func (s *stream) signal() {
	select {
	case s.ready <- struct{}{}:
	default:
	}
}

func (s *stream) Ready() <-chan struct{} { return s.ready }

func (s *stream) Pull(c *fwrt.Call, max int) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := min(max, len(s.q))
	for _, l := range s.q[:n] {
		id := ""
		if s.named {
			id = "x:" + l
		}
		c.EmitID(ev(lIn, l), id)
	}
	s.q = s.q[n:]
	return s.closed && len(s.q) == 0, nil
}

func (s *stream) Stop() {
	s.mu.Lock()
	s.stopped = true
	s.mu.Unlock()
}

func (s *stream) Commit(n int64) error {
	s.mu.Lock()
	s.commits = append(s.commits, n)
	s.mu.Unlock()
	if s.log != nil {
		s.logMu.Lock()
		*s.log = append(*s.log, fmt.Sprintf("commit %d", n))
		s.logMu.Unlock()
	}
	return nil
}

// within receives from ch, failing the test if nothing comes for a long
// while (a hang guard, not a timing assertion).
func within[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(30 * time.Second):
		t.Fatalf("no %s after 30 s", what)
		panic("unreachable")
	}
}

// An event arriving on an open stream is handled while the stream stays
// open: the engine waits for the stream when it is idle, it does not wait
// for a batch to fill or the stream to end.
func TestStreamHandledPromptly(t *testing.T) {
	for _, w := range []int{1, 4} {
		t.Run(fmt.Sprint("workers=", w), func(t *testing.T) {
			d := &ldisp{seen: make(chan string, 1)}
			s := newStream()
			e := fwrt.New(liveProgram(2), d, fw.WithWorkers(w))
			e.Feed(s)
			done := make(chan error, 1)
			go func() { done <- e.Run(context.Background()) }()
			for i := range 5 {
				want := fmt.Sprint("e", i)
				s.push(want)
				if got := within(t, d.seen, "call of Work"); got != want {
					t.Fatalf("Work got %s, want %s", got, want)
				}
			}
			select {
			case err := <-done:
				t.Fatalf("Run returned with the stream open: %v", err)
			default:
			}
			s.close()
			if err := within(t, done, "end of Run"); err != nil {
				t.Fatal(err)
			}
			// Phase 0 had the 5 Ins and their 10 Outs, in at least 6 steps (an
			// In may be pulled into the step of the previous one's Outs, if it
			// is pushed before that step starts); phase 1 delivers the Sum of
			// Count's `on phase`.
			if st := e.Stats(); len(st.Phases) != 2 || st.Phases[0].Events != 15 || st.Phases[0].Steps < 6 {
				t.Fatalf("phases %+v: want phase 0 of 15 events in 6 steps or more, then the Sum's", st.Phases)
			}
		})
	}
}

// With WithPhaseEvery, a stream that never ends has its phases end every n
// fed events: Count's `on phase` runs at each, and the stream's events are
// committed after each phase. The phases do not depend on the worker count
// or the source batch.
func TestPhaseEveryEndlessStream(t *testing.T) {
	for _, w := range []int{1, 2, 8} {
		for _, batch := range []int{1, 2, 256} {
			t.Run(fmt.Sprintf("workers=%d,batch=%d", w, batch), func(t *testing.T) {
				d := &ldisp{sums: make(chan string, 16)}
				s := newStream()
				s.push(recInputs(10)...) // never closed: 3 phases of 3, one event left
				e := fwrt.New(liveProgram(3), d, fw.WithWorkers(w), fw.WithSourceBatch(batch), fw.WithPhaseEvery(3))
				e.Feed(s)
				ctx, cancel := context.WithCancel(context.Background())
				done := make(chan error, 1)
				go func() { done <- e.Run(ctx) }()
				var got []string
				for range 3 {
					got = append(got, within(t, d.sums, "Sum"))
				}
				cancel()
				if err := within(t, done, "end of Run"); !errors.Is(err, context.Canceled) {
					t.Fatalf("Run: %v, want context.Canceled", err)
				}
				equalLines(t, "Sums", got, []string{"p0:6", "p1:6", "p2:6"})
				if !slices.Equal(s.commits, []int64{3, 6, 9}) {
					t.Fatalf("commits %v, want [3 6 9]: the fourth phase is not complete", s.commits)
				}
				if !s.stopped {
					t.Fatal("the stream was not stopped")
				}
			})
		}
	}
}

// A finite stream with a count trigger: the phases after the stream ends
// complete at quiescence as without a trigger, the last one with fewer
// events, and everything is committed before Run returns.
func TestPhaseEveryFiniteStream(t *testing.T) {
	d := &ldisp{}
	s := newStream()
	s.push(recInputs(7)...)
	s.close()
	e := fwrt.New(liveProgram(1), d, fw.WithPhaseEvery(3))
	e.Feed(s)
	if err := e.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	equalLines(t, "Tail", d.tailLines(), []string{"p0:6", "p1:6", "p2:2"})
	if !slices.Equal(s.commits, []int64{3, 6, 7}) {
		t.Fatalf("commits %v", s.commits)
	}
}

// WithPhaseInterval ends phases on wall time, also while the stream is idle:
// each batch of events pushed after a phase ended lands in a phase of its own.
// The run is recorded; its replay, with any worker count, makes the same
// phases and the same output, and needs no stream.
func TestPhaseIntervalRecordReplay(t *testing.T) {
	for _, named := range []bool{false, true} {
		t.Run(fmt.Sprint("named=", named), func(t *testing.T) {
			d := &ldisp{sums: make(chan string, 16), init: true}
			s := newStream()
			s.named = named
			var rec bytes.Buffer
			var pubs pubLog
			e := fwrt.New(liveProgram(2), d, fw.WithPhaseInterval(5*time.Millisecond), fw.WithRecord(&rec), fw.WithSink(&pubs))
			e.Feed(s)
			done := make(chan error, 1)
			go func() { done <- e.Run(context.Background()) }()
			var sums []string
			for i := range 4 {
				s.push(fmt.Sprintf("a%d", i), fmt.Sprintf("b%d", i))
				// A Sum says a phase with events ended; the next push is in a later phase.
				sums = append(sums, within(t, d.sums, "Sum"))
			}
			s.close()
			if err := within(t, done, "end of Run"); err != nil {
				t.Fatal(err)
			}
			if len(sums) != 4 || d.tail[len(d.tail)-1] == "" {
				t.Fatalf("sums %v", sums)
			}
			want, wantPubs := d.tailLines(), pubs.get()
			for _, w := range []int{1, 2, 8} {
				r := &ldisp{init: true}
				var rp pubLog
				e := fwrt.New(liveProgram(2), r, fw.WithWorkers(w), fw.WithSink(&rp))
				if err := e.Replay(context.Background(), bytes.NewReader(rec.Bytes())); err != nil {
					t.Fatalf("replay, %d workers: %v", w, err)
				}
				equalLines(t, fmt.Sprintf("Tail in the replay with %d workers", w), r.tailLines(), want)
				equalLines(t, fmt.Sprintf("sink in the replay with %d workers", w), rp.get(), wantPubs)
			}
			// A handler that changed is found.
			e = fwrt.New(liveProgram(2), &countOff{ldisp{init: true}}, fw.WithWorkers(2))
			var de *fw.DivergenceError
			if err := e.Replay(context.Background(), bytes.NewReader(rec.Bytes())); !errors.As(err, &de) {
				t.Fatalf("replay with another Count: %v, want a *DivergenceError", err)
			}
			// A replay cannot be given a stream: the record has the events.
			e = fwrt.New(liveProgram(2), &ldisp{})
			e.Feed(newStream())
			if err := e.Replay(context.Background(), bytes.NewReader(rec.Bytes())); err == nil || !strings.Contains(err.Error(), "feeds the recorded events itself") {
				t.Fatalf("replay with a stream: %v", err)
			}
		})
	}
}

// countOff is ldisp with Count counting one Out too many.
type countOff struct{ ldisp }

func (d *countOff) Invoke(c *fwrt.Call, dl fwrt.Delivery, m fwrt.Msg) error {
	if dl.Proc == 1 && dl.Case == fwrt.CasePhase {
		d.count++
	}
	return d.ldisp.Invoke(c, dl, m)
}

func (d *countOff) DispatchAll(x *fwrt.Serial, ms []fwrt.Msg) int { return dispatchAllVia(d, x, ms) }

// A live run stopped while it waits for its stream (cancelled) replays up
// to where it stopped.
func TestReplayStoppedLiveRun(t *testing.T) {
	d := &ldisp{sums: make(chan string, 16)}
	s := newStream()
	s.push(recInputs(5)...)
	var rec bytes.Buffer
	e := fwrt.New(liveProgram(1), d, fw.WithPhaseEvery(2), fw.WithRecord(&rec))
	e.Feed(s)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- e.Run(ctx) }()
	within(t, d.sums, "Sum")
	within(t, d.sums, "Sum")
	cancel()
	if err := within(t, done, "end of Run"); !errors.Is(err, context.Canceled) {
		t.Fatal(err)
	}
	// The replay runs the steps the record holds: a step that the
	// cancellation cut short is not recorded, so the replay's Tail is the
	// run's, or the run's but for the Sum of that step.
	r := &ldisp{}
	if err := fwrt.New(liveProgram(1), r).Replay(context.Background(), bytes.NewReader(rec.Bytes())); err != nil {
		t.Fatal(err)
	}
	got, want := r.tailLines(), d.tailLines()
	if len(got) == 0 || len(got) > len(want) || !slices.Equal(got, want[:len(got)]) {
		t.Fatalf("Tail in the replay %q, in the run %q", got, want)
	}
}

// pubLog is a test Sink: it logs every message with its id.
type pubLog struct {
	mu    sync.Mutex
	lines []string
	log   *[]string // shared with a stream's commits, if set
	err   error
}

func (p *pubLog) Publish(ctx context.Context, msgs []fw.SinkMsg) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, m := range msgs {
		line := m.ID + " " + m.Event + " " + m.Value.(*Ev).S
		p.lines = append(p.lines, line)
		if p.log != nil {
			*p.log = append(*p.log, "pub "+line)
		}
	}
	return p.err
}

func (p *pubLog) get() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.lines)
}

// The causal ids of a sink's messages do not depend on the worker count,
// the schedule (inline, pool, handed over mid-step), or the step boundaries
// (the source batch); they are unique, and named as documented.
func TestSinkCausalIDs(t *testing.T) {
	run := func(w, batch int, named bool, every int) ([]string, []string) {
		d := &ldisp{init: true}
		var sums, all pubLog
		opts := []fw.Option{fw.WithWorkers(w), fw.WithSourceBatch(batch), fw.WithSink(&sums, "Sum"), fw.WithSink(&all)}
		if every > 0 {
			opts = append(opts, fw.WithPhaseEvery(every))
		}
		e := fwrt.New(liveProgram(3), d, opts...)
		e.Submit(ev(lIn, "sub0"))
		e.Submit(ev(lIn, "sub1"))
		s := newStream()
		s.named = named
		s.push(recInputs(9)...)
		s.close()
		e.Feed(s)
		if err := e.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		return sums.get(), all.get()
	}
	for _, named := range []bool{false, true} {
		for _, every := range []int{0, 4} {
			refSums, ref := run(1, 256, named, every)
			seen := map[string]bool{}
			for _, l := range ref {
				id := strings.Fields(l)[0]
				if seen[id] {
					t.Fatalf("id %s twice", id)
				}
				seen[id] = true
			}
			for _, l := range refSums {
				if !slices.Contains(ref, l) {
					t.Fatalf("the Sum sink has %q, the sink of all events not", l)
				}
			}
			for _, w := range []int{1, 2, 8} {
				for _, batch := range []int{1, 3, 256} {
					for _, mode := range []int{fwrt.ScheduleAuto, fwrt.SchedulePool, fwrt.ScheduleRandom} {
						restore := fwrt.SetSchedule(mode, uint64(w*batch))
						sums, all := run(w, batch, named, every)
						restore()
						what := fmt.Sprintf("named=%v every=%d workers=%d batch=%d schedule=%d", named, every, w, batch, mode)
						equalLines(t, what+": all", all, ref)
						equalLines(t, what+": sums", sums, refSums)
					}
				}
			}
			f0 := "f0:0"
			if named {
				f0 = "x:in000"
			}
			want := []string{
				"init/Life.0 In init",          // on init, published after the broadcast
				"s0/Work.0 Out sub0!",          // a submitted event's emissions
				"init/Life.0/Work.1 Out init?", // an emission of an emission
				f0 + "/Work.0 Out in000!",      // a fed event's
			}
			for _, w := range want {
				if !slices.Contains(ref, w) {
					t.Errorf("named=%v every=%d: no %q in %q", named, every, w, ref)
				}
			}
			phase0 := "phase@s0/Count.0 Sum p0:"
			if !slices.ContainsFunc(refSums, func(l string) bool { return strings.HasPrefix(l, phase0) }) {
				t.Errorf("named=%v every=%d: no %q... in %q", named, every, phase0, refSums)
			}
		}
	}
}

// Commit comes after the publishes of the phase's emissions, the `on
// phase` broadcast's included.
func TestCommitAfterPublish(t *testing.T) {
	var log []string
	var mu sync.Mutex
	s := newStream()
	s.log, s.logMu = &log, &mu
	pubs := &pubLog{log: &log}
	// pubLog and the stream share log: pubLog holds its own lock, and the
	// engine calls Publish and Commit from one goroutine.
	d := &ldisp{}
	e := fwrt.New(liveProgram(1), d, fw.WithPhaseEvery(2), fw.WithSink(pubs, "Sum"))
	s.push("a", "b", "c")
	s.close()
	e.Feed(s)
	if err := e.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	equalLines(t, "log", log, []string{"pub phase@f0:0/Count.0 Sum p0:4", "commit 2", "pub phase@f0:2/Count.0 Sum p1:2", "commit 3"})
}

// A sink's error stops the run, and the phase is not committed.
func TestSinkErrorStopsRun(t *testing.T) {
	s := newStream()
	s.push("a", "b")
	s.close()
	pubs := &pubLog{err: errors.New("broker down")}
	e := fwrt.New(liveProgram(1), &ldisp{}, fw.WithPhaseEvery(2), fw.WithSink(pubs))
	e.Feed(s)
	if err := e.Run(context.Background()); err == nil || !strings.Contains(err.Error(), "broker down") {
		t.Fatalf("Run: %v", err)
	}
	if len(s.commits) != 0 {
		t.Fatalf("commits %v after a failed publish", s.commits)
	}
	e = fwrt.New(liveProgram(1), &ldisp{}, fw.WithSink(pubs, "Nope"))
	if err := e.Run(context.Background()); err == nil || !strings.Contains(err.Error(), "no event type Nope") {
		t.Fatalf("Run with a sink of an unknown event: %v", err)
	}
}

// A plain feed (not a stream) with a trigger is pulled in every phase too,
// and recorded: its replay matches.
func TestSeqFeedPhasesRecorded(t *testing.T) {
	seq := func(yield func(string) bool) {
		for _, s := range recInputs(8) {
			if !yield(s) {
				return
			}
		}
	}
	d := &ldisp{}
	var rec bytes.Buffer
	e := fwrt.New(liveProgram(2), d, fw.WithPhaseEvery(3), fw.WithRecord(&rec), fw.WithWorkers(2))
	e.Feed(fwrt.SeqFeed(seq, func(c *fwrt.Call, s string) fwrt.Msg { return ev(lIn, s) }))
	if err := e.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	equalLines(t, "Tail", d.tailLines(), []string{"p0:6", "p1:6", "p2:4"})
	r := &ldisp{}
	if err := fwrt.New(liveProgram(2), r).Replay(context.Background(), bytes.NewReader(rec.Bytes())); err != nil {
		t.Fatal(err)
	}
	equalLines(t, "Tail in the replay", r.tailLines(), d.tailLines())
}

// An interrupt stops a run that waits for its stream (Ready, or a Waiter's
// Wait): Run returns ErrInterrupted, and the phase in progress is not
// committed.
func TestInterruptWhileWaiting(t *testing.T) {
	for _, waiting := range []bool{false, true} {
		t.Run(fmt.Sprint("waiter=", waiting), func(t *testing.T) {
			ctx, stop := fw.NotifyInterrupts(context.Background())
			defer stop()
			d := &ldisp{seen: make(chan string, 4)}
			s := newStream()
			s.push("a")
			e := fwrt.New(liveProgram(1), d, fw.WithPhaseEvery(10))
			if waiting {
				e.Feed(&waitStream{s})
			} else {
				e.Feed(s)
			}
			done := make(chan error, 1)
			go func() { done <- e.Run(ctx) }()
			within(t, d.seen, "call of Work")
			signalSelf(t)
			if err := within(t, done, "end of Run"); !errors.Is(err, fw.ErrInterrupted) {
				t.Fatalf("Run: %v, want ErrInterrupted", err)
			}
			if len(s.commits) != 0 {
				t.Fatalf("commits %v", s.commits)
			}
		})
	}
}

// waitStream is a stream with a Wait of its own.
type waitStream struct{ *stream }

func (w *waitStream) Wait(stop <-chan struct{}, timer <-chan time.Time) {
	select {
	case <-w.ready:
	case <-stop:
	case <-timer:
	}
}

// Causal ids in a program with builders: a source's artifacts, a late
// builder that gets logged artifacts as directed deliveries (a logged
// artifact keeps the id it was published with), and processors emitting
// events from them: the sink's messages are the same whatever the source
// batch (which moves the late builder's activation relative to the pulls)
// and the worker count.
func TestSinkIDsWithBuilders(t *testing.T) {
	p := newBProg([]string{"Note"}, []string{"l", "s"},
		bproc{name: "S", provides: "s"},
		bproc{name: "L", provides: "l", requires: []string{"s"}, conc: 2},
		bproc{name: "R", on: []string{"built s", "built l"}, init: true},
	)
	run := func(w, batch int) []string {
		var pubs pubLog
		d := newSDisp(p, func(c *fwrt.Call, proc, cs string, m fwrt.Msg) error {
			switch {
			case proc == "R" && cs == "init":
				c.Emit(p.resolve("s"))
				c.Emit(ev(0, "hello"))
			case proc == "R" && cs == "s":
				c.Emit(ev(0, "R saw "+label(m)))
				if label(m) == "s3" {
					c.Emit(p.resolve("l"))
				}
			case proc == "R" && cs == "l":
				c.Emit(ev(0, "R got "+label(m)))
			case proc == "L":
				c.Emit(p.art("l", "L"+label(m)))
				c.Emit(ev(0, "L saw "+label(m)))
			}
			return nil
		}, map[string]func(context.Context, func(string) bool) error{"S": items("s", 7)})
		e := fwrt.New(p.prog, d, fw.WithWorkers(w), fw.WithSourceBatch(batch), fw.WithSink(&pubs))
		if err := e.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		// The order of the messages follows the steps; their ids and
		// contents do not.
		got := pubs.get()
		slices.Sort(got)
		return got
	}
	want := run(1, 256)
	for _, w := range bworkers {
		for _, batch := range []int{1, 2, 3, 256} {
			equalLines(t, fmt.Sprintf("workers=%d batch=%d", w, batch), run(w, batch), want)
		}
	}
	for _, l := range []string{"init/R.1 Note hello", "src:S:0/R.0 Note R saw s1", "src:S:0/L.1 Note L saw s1", "src:S:6/L.0/R.0 Note R got Ls7"} {
		if !slices.Contains(want, l) {
			t.Errorf("no %q in %q", l, want)
		}
	}
}

// Several feeds are fed one after the other, and a count phase runs across
// them: a sequence of 5, then a stream of 4, by 3.
func TestPhaseEveryAcrossFeeds(t *testing.T) {
	seq := func(yield func(string) bool) {
		for _, s := range recInputs(5) {
			if !yield(s) {
				return
			}
		}
	}
	d := &ldisp{}
	s := newStream()
	s.push("x0", "x1", "x2", "x3")
	s.close()
	var rec bytes.Buffer
	e := fwrt.New(liveProgram(1), d, fw.WithPhaseEvery(3), fw.WithRecord(&rec))
	e.Feed(fwrt.SeqFeed(seq, func(c *fwrt.Call, s string) fwrt.Msg { return ev(lIn, s) }))
	e.Feed(s)
	if err := e.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	equalLines(t, "Tail", d.tailLines(), []string{"p0:6", "p1:6", "p2:6"})
	if !slices.Equal(s.commits, []int64{1, 4}) {
		t.Fatalf("the stream's commits %v, want [1 4]", s.commits)
	}
	r := &ldisp{}
	if err := fwrt.New(liveProgram(1), r, fw.WithWorkers(4)).Replay(context.Background(), bytes.NewReader(rec.Bytes())); err != nil {
		t.Fatal(err)
	}
	equalLines(t, "Tail in the replay", r.tailLines(), d.tailLines())
}
