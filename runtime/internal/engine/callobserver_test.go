package engine_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/fwgo/fw/runtime/fw"
	fwrt "github.com/fwgo/fw/runtime/internal/engine"
)

type obsKey struct{}

// recObserver records what a CallObserver and RunObserver is told.
type recObserver struct {
	mu     sync.Mutex
	begun  int
	ends   []string
	runs   []string
	during fw.Stats // stats read through RunBegin's function at the end
}

func (o *recObserver) CallBegin(ctx context.Context, c fw.CallInfo) context.Context {
	o.mu.Lock()
	o.begun++
	o.mu.Unlock()
	return context.WithValue(ctx, obsKey{}, c.Position.Key())
}

func (o *recObserver) CallEnd(ctx context.Context, c fw.CallInfo, r fw.CallResult) {
	if ctx.Value(obsKey{}) != c.Position.Key() {
		panic("CallEnd without CallBegin's context")
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	o.ends = append(o.ends, fmt.Sprintf("%s %s %s event=%q lifecycle=%v err=%v routed=%v attempts=%d emitted=%d",
		c.Package, c.Position.Key(), c.Position.Case, c.Event, c.Lifecycle(), r.Err, r.Routed, r.Attempts, r.Emitted))
}

func (o *recObserver) RunBegin(ctx context.Context, pkg string, stats func() fw.Stats) func(fw.Stats, error) {
	o.runs = append(o.runs, "begin "+pkg)
	return func(st fw.Stats, err error) {
		o.runs = append(o.runs, fmt.Sprintf("end %s err=%v", pkg, err))
		o.during = stats()
	}
}

// TestCallObserver: every call, lifecycle calls included, is told to the
// observer once, with its position, attempts and outcome, the same for any
// worker count; the handler sees the context CallBegin returned; the run's
// beginning and end are told too, with its stats.
func TestCallObserver(t *testing.T) {
	fail := func(l string, attempt int) error {
		switch {
		case l == "flaky" && attempt < 2:
			return errors.New("busy")
		case l == "bad":
			return errors.New("bad input")
		}
		return nil
	}
	want := []string{
		`f Dead/0/1/0 D event="D" lifecycle=false err=<nil> routed=false attempts=1 emitted=0`,
		`f Down/0/1/0 Y event="Y" lifecycle=false err=<nil> routed=false attempts=1 emitted=0`,
		`f Down/0/1/1 Y event="Y" lifecycle=false err=<nil> routed=false attempts=1 emitted=0`,
		`f Work/0/0/0 Job event="X" lifecycle=false err=<nil> routed=false attempts=1 emitted=1`,
		`f Work/0/0/1 Job event="X" lifecycle=false err=<nil> routed=false attempts=2 emitted=1`,
		`f Work/0/0/2 Job event="X" lifecycle=false err=bad input routed=true attempts=3 emitted=1`,
		`f Work/0/2/phase phase event="" lifecycle=true err=<nil> routed=false attempts=1 emitted=0`,
	}
	for _, workers := range []int{1, 8} {
		o := &recObserver{}
		var mu sync.Mutex
		attempts := map[string]int{}
		var seen []string
		d := &disp{
			routes: [][]fwrt.Delivery{fkX: {{Proc: 0, Case: 0}}, fkY: {{Proc: 1, Case: 0}}, fkD: {{Proc: 2, Case: 0}}},
			invoke: func(c *fwrt.Call, dl fwrt.Delivery, m fwrt.Msg) error {
				mu.Lock()
				defer mu.Unlock()
				seen = append(seen, fmt.Sprint(c.Context().Value(obsKey{})))
				if dl.Proc == 0 && dl.Case >= 0 {
					attempts[label(m)]++
					c.Emit(ev(fkY, "y-"+label(m)))
					return fail(label(m), attempts[label(m)])
				}
				return nil
			},
		}
		e := fwrt.New(failuresProgram(2), routerDisp{d}, fw.WithWorkers(workers), fw.WithCallObserver(o))
		for _, in := range []string{"ok", "flaky", "bad"} {
			e.Submit(ev(fkX, in))
		}
		if err := e.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		slices.Sort(o.ends)
		equalLines(t, fmt.Sprintf("workers %d", workers), o.ends, want)
		if o.begun != len(want) {
			t.Errorf("workers %d: %d CallBegin for %d CallEnd", workers, o.begun, len(o.ends))
		}
		for _, s := range seen {
			if s == "<nil>" {
				t.Errorf("workers %d: a handler did not get CallBegin's context", workers)
			}
		}
		equalLines(t, "runs", o.runs, []string{"begin f", "end f err=<nil>"})
		if w, _ := o.during.Proc("Work"); w.Handled != 2 || w.Failed != 1 {
			t.Errorf("workers %d: stats at RunEnd %+v", workers, w)
		}
	}
}

// TestCallObserverPanic: a handler's panic that stops the run ends the
// call for the observer too, with the *PanicError, whatever the path.
func TestCallObserverPanic(t *testing.T) {
	for _, sched := range []int{fwrt.ScheduleInline, fwrt.SchedulePool} {
		for _, workers := range []int{1, 2} {
			restore := fwrt.SetSchedule(sched, 0)
			o := &recObserver{}
			prog := failuresProgram(1)
			prog.Procs[0].Retry, prog.Procs[0].Failures = 0, false
			d := &disp{
				routes: [][]fwrt.Delivery{fkX: {{Proc: 0, Case: 0}}},
				invoke: func(c *fwrt.Call, dl fwrt.Delivery, m fwrt.Msg) error {
					if label(m) == "boom" {
						c.Emit(ev(fkY, "discarded"))
						panic("kaboom")
					}
					return nil
				},
			}
			e := fwrt.New(prog, d, fw.WithWorkers(workers), fw.WithCallObserver(o))
			e.Submit(ev(fkX, "ok"))
			e.Submit(ev(fkX, "boom"))
			err := e.Run(context.Background())
			restore()
			var pe *fw.PanicError
			if !errors.As(err, &pe) {
				t.Fatalf("Run = %v, want the panic", err)
			}
			want := []string{
				`f Work/0/0/0 Job event="X" lifecycle=false err=<nil> routed=false attempts=1 emitted=0`,
				`f Work/0/0/1 Job event="X" lifecycle=false err=panic: kaboom routed=false attempts=1 emitted=0`,
			}
			slices.Sort(o.ends)
			equalLines(t, fmt.Sprintf("schedule %d, workers %d", sched, workers), o.ends, want)
			if o.begun != len(o.ends) {
				t.Errorf("%d CallBegin, %d CallEnd", o.begun, len(o.ends))
			}
		}
	}
}
