package engine_test

import (
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

// backoffRun is the outcome of a run of the failures program with backoff:
// what Down and Dead received, in order (each runs one call at a time), the
// attempts each label's call saw (Call.Attempt), and the stats.
type backoffRun struct {
	down, dead []string
	attempts   map[string][]int
	stats      fw.Stats
	err        error
}

// runBackoff runs inputs through Work (failuresProgram with prog's changes),
// whose handler fails as fail says (by label and attempt); ctx and opts are
// the run's.
func runBackoff(ctx context.Context, prog *fwrt.Program, inputs []string, fail func(c *fwrt.Call, label string) error, opts ...fw.Option) backoffRun {
	var mu sync.Mutex
	r := backoffRun{attempts: map[string][]int{}}
	d := &disp{
		routes: [][]fwrt.Delivery{fkX: {{Proc: 0, Case: 0}}, fkY: {{Proc: 1, Case: 0}}, fkD: {{Proc: 2, Case: 0}}},
		invoke: func(c *fwrt.Call, dl fwrt.Delivery, m fwrt.Msg) error {
			switch {
			case dl.Proc == 0 && dl.Case == fwrt.CasePhase:
				return nil
			case dl.Proc == 0:
				mu.Lock()
				r.attempts[label(m)] = append(r.attempts[label(m)], c.Attempt())
				mu.Unlock()
				c.Emit(ev(fkY, fmt.Sprintf("y-%s@%d", label(m), c.Attempt()))) // discarded when the attempt fails
				return fail(c, label(m))
			case dl.Proc == 1:
				r.down = append(r.down, label(m))
			case dl.Proc == 2:
				r.dead = append(r.dead, label(m))
			}
			return nil
		},
	}
	e := fwrt.New(prog, routerDisp{d}, opts...)
	for _, in := range inputs {
		e.Submit(ev(fkX, in))
	}
	r.err = e.Run(ctx)
	r.stats = e.Stats()
	return r
}

func backoffProgram(conc, retry int, lo, hi time.Duration) *fwrt.Program {
	p := failuresProgram(conc)
	p.Procs[0].Retry, p.Procs[0].BackoffMin, p.Procs[0].BackoffMax = retry, lo, hi
	return p
}

// TestBackoffKeepsOrder: with backoff, whatever the worker count, the
// concurrency and the schedule, each retried call's emissions keep its
// place: Down and Dead receive the same sequences, and each call's attempts
// are 0, 1, ... up to its success or its last retry.
func TestBackoffKeepsOrder(t *testing.T) {
	var inputs []string
	for i := range 30 {
		inputs = append(inputs, fmt.Sprintf("e%02d", i))
	}
	// e<i> fails its first i%3 attempts; every seventh fails for good.
	fail := func(c *fwrt.Call, l string) error {
		var i int
		fmt.Sscanf(l, "e%d", &i)
		if i%7 == 0 || c.Attempt() < i%3 {
			return fmt.Errorf("busy (attempt %d)", c.Attempt())
		}
		return nil
	}
	var want *backoffRun
	for _, sched := range []int{fwrt.ScheduleAuto, fwrt.SchedulePool, fwrt.ScheduleRandom} {
		restore := fwrt.SetSchedule(sched, 7)
		for _, workers := range []int{1, 2, 8} {
			for _, conc := range []int{1, 4} {
				r := runBackoff(context.Background(), backoffProgram(conc, 2, time.Millisecond, 4*time.Millisecond), inputs, fail, fw.WithWorkers(workers))
				if r.err != nil {
					t.Fatal(r.err)
				}
				if want == nil {
					want = &r
					continue
				}
				name := fmt.Sprintf("schedule %d, workers %d, concurrency %d", sched, workers, conc)
				equalLines(t, name+": Down", r.down, want.down)
				equalLines(t, name+": Dead", r.dead, want.dead)
			}
		}
		restore()
	}
	// The known outcome: a y of the successful attempt per call, in input
	// order; the calls of every seventh input routed after 3 attempts.
	var down, dead []string
	for i, in := range inputs {
		if i%7 == 0 {
			dead = append(dead, fmt.Sprintf("Work/Job/X %s in=%d: busy (attempt 2)", in, i))
			continue
		}
		down = append(down, fmt.Sprintf("y-%s@%d", in, i%3))
	}
	equalLines(t, "Down", want.down, down)
	equalLines(t, "Dead", want.dead, dead)
	for i, in := range inputs {
		n := i%3 + 1
		if i%7 == 0 {
			n = 3
		}
		if got := want.attempts[in]; !slices.Equal(got, []int{0, 1, 2}[:n]) {
			t.Errorf("%s: attempts %v, want %d of them from 0", in, got, n)
		}
	}
	if w := want.stats.Processors[0]; w.Received != 30 || w.Handled != 25 || w.Failed != 5 {
		t.Errorf("Work stats %+v: want 30 received, 25 handled, 5 failed", w)
	}
}

// TestBackoffWaits: the wait before the first retry is BackoffMin, doubled
// before each later one up to BackoffMax; without backoff there is no wait.
func TestBackoffWaits(t *testing.T) {
	var mu sync.Mutex
	var waits []time.Duration
	defer fwrt.SetWaitHook(func(d time.Duration) {
		mu.Lock()
		waits = append(waits, d)
		mu.Unlock()
	})()
	always := func(c *fwrt.Call, l string) error { return errors.New("down") }
	for _, tc := range []struct {
		retry  int
		lo, hi time.Duration
		want   []time.Duration
	}{
		{4, time.Millisecond, 3 * time.Millisecond, []time.Duration{time.Millisecond, 2 * time.Millisecond, 3 * time.Millisecond, 3 * time.Millisecond}},
		{3, 2 * time.Millisecond, 2 * time.Millisecond, []time.Duration{2 * time.Millisecond, 2 * time.Millisecond, 2 * time.Millisecond}},
		{3, 0, 0, nil},
	} {
		waits = nil
		r := runBackoff(context.Background(), backoffProgram(1, tc.retry, tc.lo, tc.hi), []string{"a"}, always, fw.WithWorkers(1))
		if r.err != nil || len(r.dead) != 1 {
			t.Fatalf("Run = %v, Dead %v", r.err, r.dead)
		}
		if !slices.Equal(waits, tc.want) {
			t.Errorf("retry %d backoff %v..%v: waits %v, want %v", tc.retry, tc.lo, tc.hi, waits, tc.want)
		}
	}
}

// waitRun runs one failing input through Work with a backoff of an hour and
// calls stop once Work is waiting before its first retry; it returns Run's
// result and the run's stats, and fails the test if Run does not return
// within a minute (it would otherwise wait for the hour).
func waitRun(t *testing.T, ctx context.Context, workers int, stop func(), opts ...fw.Option) backoffRun {
	t.Helper()
	waiting := make(chan struct{}, 1)
	defer fwrt.SetWaitHook(func(time.Duration) { waiting <- struct{}{} })()
	go func() {
		<-waiting
		stop()
	}()
	done := make(chan backoffRun, 1)
	go func() {
		always := func(c *fwrt.Call, l string) error { return errors.New("down") }
		done <- runBackoff(ctx, backoffProgram(1, 3, time.Hour, time.Hour), []string{"a", "b"}, always, append(opts, fw.WithWorkers(workers))...)
	}()
	select {
	case r := <-done:
		return r
	case <-time.After(time.Minute):
		t.Fatal("Run did not return within a minute of being stopped during a backoff wait of an hour")
	}
	return backoffRun{}
}

// TestBackoffCancel: cancelling the run's context during a backoff wait ends
// the wait at once; Run returns the context's error, and the abandoned call
// counts as neither handled nor failed (it stays queued).
func TestBackoffCancel(t *testing.T) {
	for _, workers := range []int{1, 8} {
		ctx, cancel := context.WithCancel(context.Background())
		r := waitRun(t, ctx, workers, cancel)
		cancel()
		if r.err != context.Canceled {
			t.Errorf("workers %d: Run = %v, want context.Canceled", workers, r.err)
		}
		if len(r.dead) != 0 || len(r.down) != 0 {
			t.Errorf("workers %d: Dead %v, Down %v: the abandoned call emitted", workers, r.dead, r.down)
		}
		if w := r.stats.Processors[0]; w.Handled != 0 || w.Failed != 0 {
			t.Errorf("workers %d: Work stats %+v: the abandoned call counted as handled or failed", workers, w)
		}
	}
}

// TestBackoffInterrupt: an interrupt (the first SIGINT) during a backoff wait
// ends it at once and Run returns ErrInterrupted.
func TestBackoffInterrupt(t *testing.T) {
	for _, workers := range []int{1, 8} {
		ctx, stop := fw.NotifyInterrupts(context.Background())
		r := waitRun(t, ctx, workers, func() { signalSelf(t) }, fw.WithInterrupts())
		stop()
		if r.err != fw.ErrInterrupted {
			t.Errorf("workers %d: Run = %v, want fw.ErrInterrupted", workers, r.err)
		}
	}
}

// TestBackoffEndsOnFailureElsewhere: on the pool, a call of another
// processor failing for good ends a backoff wait at once, and Run reports
// that failure, not the abandoned call.
func TestBackoffEndsOnFailureElsewhere(t *testing.T) {
	prog := backoffProgram(1, 3, time.Hour, time.Hour)
	prog.Procs[0].Failures = false
	prog.Procs = append(prog.Procs, fwrt.ProcInfo{Name: "Fragile", Cases: []string{"X"}})
	restore := fwrt.SetSchedule(fwrt.SchedulePool, 0)
	defer restore()
	waiting := make(chan struct{})
	defer fwrt.SetWaitHook(func(time.Duration) { close(waiting) })()
	d := &disp{
		routes: [][]fwrt.Delivery{fkX: {{Proc: 0, Case: 0}, {Proc: 3, Case: 0}}},
		invoke: func(c *fwrt.Call, dl fwrt.Delivery, m fwrt.Msg) error {
			switch {
			case dl.Case == fwrt.CasePhase:
				return nil
			case dl.Proc == 0:
				return errors.New("down")
			}
			<-waiting // Fragile fails once Work waits
			return errors.New("fragile")
		},
	}
	e := fwrt.New(prog, routerDisp{d}, fw.WithWorkers(2))
	e.Submit(ev(fkX, "a"))
	done := make(chan error, 1)
	go func() { done <- e.Run(context.Background()) }()
	select {
	case err := <-done:
		var he *fw.HandlerError
		if !errors.As(err, &he) || he.Processor != "Fragile" {
			t.Errorf("Run = %v, want Fragile's failure", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("Run did not return within a minute of a failure during a backoff wait of an hour")
	}
}

// timeoutProgram is the failures program with Work declared `timeout d`
// and `retry retry`.
func timeoutProgram(retry int, d time.Duration, failures bool) *fwrt.Program {
	p := failuresProgram(1)
	p.Procs[0].Retry, p.Procs[0].Timeout, p.Procs[0].Failures = retry, d, failures
	return p
}

// TestTimeout: an attempt that returns after its deadline fails with a
// *TimeoutError, whatever it returned, and its emissions are discarded; the
// retry that follows has a deadline of its own. The handlers here that time
// out wait for their context to be done, so that they are late whatever the
// machine's load; the others return at once, far within the timeout.
func TestTimeout(t *testing.T) {
	const timeout = 300 * time.Millisecond
	late := func(ret func(ctx context.Context) error) func(c *fwrt.Call, l string) error {
		return func(c *fwrt.Call, l string) error {
			if _, ok := c.Context().Deadline(); !ok {
				return errors.New("no deadline")
			}
			if l == "slow" && c.Attempt() == 0 || l == "stuck" {
				<-c.Context().Done()
				return ret(c.Context())
			}
			return nil
		}
	}
	ignores := late(func(context.Context) error { return nil })         // returns nil, late
	heeds := late(func(ctx context.Context) error { return ctx.Err() }) // returns the context's error
	for _, workers := range []int{1, 8} {
		// Retried: the slow call succeeds at its second attempt, in its place.
		for _, h := range []func(c *fwrt.Call, l string) error{ignores, heeds} {
			r := runBackoff(context.Background(), timeoutProgram(1, timeout, true), []string{"a", "slow", "b"}, h, fw.WithWorkers(workers))
			if r.err != nil {
				t.Fatal(r.err)
			}
			equalLines(t, "Down", r.down, []string{"y-a@0", "y-slow@1", "y-b@0"})
		}
		// Routed: the failure event's error is the TimeoutError's message.
		r := runBackoff(context.Background(), timeoutProgram(1, timeout, true), []string{"stuck"}, ignores, fw.WithWorkers(workers))
		if r.err != nil {
			t.Fatal(r.err)
		}
		equalLines(t, "Dead", r.dead, []string{"Work/Job/X stuck in=0: fw: call timed out (timeout 300ms)"})
		// Not routed: Run fails with a HandlerError wrapping the TimeoutError.
		for _, h := range []func(c *fwrt.Call, l string) error{ignores, heeds} {
			r = runBackoff(context.Background(), timeoutProgram(0, timeout, false), []string{"stuck"}, h, fw.WithWorkers(workers))
			var te *fw.TimeoutError
			if !errors.As(r.err, &te) || te.Timeout != timeout || !errors.Is(r.err, context.DeadlineExceeded) {
				t.Fatalf("Run = %v, want a TimeoutError of %v", r.err, timeout)
			}
			if wantRes := errors.Is(te.Result, context.DeadlineExceeded); wantRes != (te.Result != nil) {
				t.Errorf("TimeoutError.Result = %v", te.Result)
			}
			if !strings.Contains(r.err.Error(), "Work") {
				t.Errorf("Run = %v: the error does not name the processor", r.err)
			}
		}
	}
}

// TestTimeoutRunCancelled: when the run's own context is cancelled, an
// attempt that returns late reports the cancellation, not a timeout.
func TestTimeoutRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	h := func(c *fwrt.Call, l string) error {
		cancel()
		<-c.Context().Done()
		return c.Context().Err()
	}
	r := runBackoff(ctx, timeoutProgram(0, time.Hour, false), []string{"a"}, h, fw.WithWorkers(1))
	var te *fw.TimeoutError
	if errors.As(r.err, &te) || !errors.Is(r.err, context.Canceled) {
		t.Errorf("Run = %v, want the cancellation", r.err)
	}
}

// TestBackoffCountsInCost: with two workers, a backoff wait made inline
// (on the goroutine running Run) is counted in the scheduler's estimate of
// the cost of the processor's calls, so that its steps with work that can
// overlap go to the pool, where the processor's other calls go on during a
// wait; the output does not change.
func TestBackoffCountsInCost(t *testing.T) {
	const wait = 2 * time.Millisecond
	var want []string
	for _, workers := range []int{1, 2} {
		prog := backoffProgram(4, 1, wait, wait)
		restore := fwrt.SetSchedule(fwrt.ScheduleInline, 0)
		r := runBackoff(context.Background(), prog, []string{"a", "b", "c"}, func(c *fwrt.Call, l string) error {
			if l == "b" && c.Attempt() == 0 {
				return errors.New("busy")
			}
			return nil
		}, fw.WithWorkers(workers))
		restore()
		if r.err != nil {
			t.Fatal(r.err)
		}
		if workers == 1 {
			want = r.down
			continue
		}
		equalLines(t, "Down", r.down, want)
		if got := fwrt.CallCost(prog, 0); got < wait/2 {
			t.Errorf("the scheduler's cost of Work's calls is %v after an inline wait of %v", got, wait)
		}
	}
}
