package engine_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/fwgo/fw/runtime/fw"
	fwrt "github.com/fwgo/fw/runtime/internal/engine"
)

// The retry/poison program: Work (retry 2, failures → Dead) handles X and
// emits Y; Down handles Y; Dead handles the failure events (kind D).
const (
	fkX fwrt.Kind = iota
	fkY
	fkD
)

func failuresProgram(conc int) *fwrt.Program {
	return &fwrt.Program{
		Package: "f",
		Events:  []fwrt.EventInfo{{Name: "X"}, {Name: "Y"}, {Name: "D"}},
		Procs: []fwrt.ProcInfo{
			{Name: "Work", Cases: []string{"Job"}, Concurrency: conc, Retry: 2, Failures: true, Phase: true},
			{Name: "Down", Cases: []string{"Y"}},
			{Name: "Dead", Cases: []string{"D"}},
		},
		Routes: [][]int32{fkX: {0}, fkY: {1}, fkD: {2}},
	}
}

// routerDisp is disp plus FailureRouter: a failure becomes a D whose label
// names the call.
type routerDisp struct{ *disp }

func (d routerDisp) FailureMsg(proc int32, f *fwrt.Failure) fwrt.Msg {
	return ev(fkD, fmt.Sprintf("%s/%s/%s %s in=%d: %v", f.Processor, f.Case, f.Event, label(f.Msg), f.Input, f.Err))
}

// runFailures runs inputs through Work, whose handler fails as fail says
// (by label and attempt), and returns the trace of Down and Dead, and Work's
// attempts per label.
func runFailures(t *testing.T, workers, conc int, inputs []string, fail func(label string, attempt int) error) ([]string, map[string]int, fw.Stats) {
	t.Helper()
	var mu sync.Mutex
	attempts := map[string]int{}
	var tr trace
	d := &disp{
		routes: [][]fwrt.Delivery{fkX: {{Proc: 0, Case: 0}}, fkY: {{Proc: 1, Case: 0}}, fkD: {{Proc: 2, Case: 0}}},
		invoke: func(c *fwrt.Call, dl fwrt.Delivery, m fwrt.Msg) error {
			switch {
			case dl.Proc == 0 && dl.Case == fwrt.CasePhase:
				if c.Phase() == 0 {
					return fail("phase", 0)
				}
				return nil
			case dl.Proc == 0:
				mu.Lock()
				attempts[label(m)]++
				n := attempts[label(m)]
				mu.Unlock()
				c.Emit(ev(fkY, "y-"+label(m))) // discarded when the attempt fails
				return fail(label(m), n)
			case dl.Proc == 1:
				tr.add("Down %s", label(m))
			case dl.Proc == 2:
				tr.add("Dead %s", label(m))
			}
			return nil
		},
	}
	e := fwrt.New(failuresProgram(conc), routerDisp{d}, fw.WithWorkers(workers))
	for _, in := range inputs {
		e.Submit(ev(fkX, in))
	}
	if err := e.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	lines := tr.get()
	slices.Sort(lines) // Down and Dead run concurrently with several workers
	return lines, attempts, e.Stats()
}

func TestRetryAndFailureRouting(t *testing.T) {
	fail := func(l string, attempt int) error {
		switch {
		case l == "flaky" && attempt < 3: // succeeds at the last retry
			return errors.New("busy")
		case l == "bad":
			return fmt.Errorf("bad input (attempt %d)", attempt)
		case l == "boom":
			panic("kaboom")
		case l == "phase":
			return errors.New("phase failed")
		}
		return nil
	}
	want := []string{
		"Dead Work/Job/X bad in=2: bad input (attempt 3)",
		"Dead Work/Job/X boom in=3: panic: kaboom",
		"Dead Work/phase/  in=0: phase failed",
		"Down y-flaky", "Down y-ok",
	}
	for _, workers := range []int{1, 8} {
		for _, conc := range []int{1, 3} {
			lines, attempts, st := runFailures(t, workers, conc, []string{"ok", "flaky", "bad", "boom"}, fail)
			equalLines(t, fmt.Sprintf("workers %d, concurrency %d", workers, conc), lines, want)
			if attempts["ok"] != 1 || attempts["flaky"] != 3 || attempts["bad"] != 3 || attempts["boom"] != 3 {
				t.Errorf("attempts %v: want ok 1, and 3 (1 + retry 2) for the others", attempts)
			}
			w := st.Processors[0]
			// 4 event calls: 2 handled, 2 failed and routed; the phase call failed and was routed.
			if w.Received != 4 || w.Handled != 2 || w.Failed != 3 || w.Emitted != 5 {
				t.Errorf("workers %d, concurrency %d: Work stats %+v", workers, conc, w)
			}
		}
	}
}

func TestFailureWithoutRoutingStopsRun(t *testing.T) {
	// Retry alone: the last attempt's error stops the run, naming the call.
	prog := failuresProgram(1)
	prog.Procs[0].Failures = false
	for _, workers := range []int{1, 8} {
		attempts := 0
		d := &disp{
			routes: [][]fwrt.Delivery{fkX: {{Proc: 0, Case: 0}}},
			invoke: func(c *fwrt.Call, dl fwrt.Delivery, m fwrt.Msg) error {
				if dl.Case == fwrt.CasePhase {
					return nil
				}
				attempts++
				return fmt.Errorf("attempt %d", attempts)
			},
		}
		e := fwrt.New(prog, d, fw.WithWorkers(workers))
		e.Submit(ev(fkX, "a"))
		err := e.Run(context.Background())
		var he *fw.HandlerError
		if !errors.As(err, &he) || he.Processor != "Work" || !strings.Contains(err.Error(), "attempt 3") || attempts != 3 {
			t.Errorf("workers %d: Run = %v after %d attempts; want the third attempt's error", workers, err, attempts)
		}
	}
}
