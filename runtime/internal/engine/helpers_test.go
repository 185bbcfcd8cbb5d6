package engine_test

import (
	"fmt"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	fwrt "github.com/fwgo/fw/runtime/internal/engine"
)

// Ev is the event struct of the small hand-written programs: a label is enough to
// follow an event through a run.
type Ev struct{ S string }

func ev(k fwrt.Kind, s string) fwrt.Msg { return fwrt.Msg{Kind: k, Ev: &Ev{S: s}} }

func label(m fwrt.Msg) string {
	if m.Ev == nil {
		return ""
	}
	return m.Ev.(*Ev).S
}

// disp is a hand-written Dispatcher. Routing by kind alone is what generated code
// does for cases that match on the event type only: a fixed, ordered delivery list
// per kind.
type disp struct {
	routes [][]fwrt.Delivery // by kind
	invoke func(c *fwrt.Call, d fwrt.Delivery, m fwrt.Msg) error
}

func (d *disp) Route(m fwrt.Msg, dst []fwrt.Delivery) []fwrt.Delivery {
	if int(m.Kind) < len(d.routes) {
		dst = append(dst, d.routes[m.Kind]...)
	}
	return dst
}

func (d *disp) Invoke(c *fwrt.Call, dl fwrt.Delivery, m fwrt.Msg) error { return d.invoke(c, dl, m) }
func (d *disp) DispatchAll(x *fwrt.Serial, ms []fwrt.Msg) int           { return dispatchAllVia(d, x, ms) }

// dispatchAllVia is DispatchAll done with Route and Invoke, which is what
// generated code compiles into one switch.
func dispatchAllVia(d fwrt.Dispatcher, x *fwrt.Serial, ms []fwrt.Msg) int {
	for i, m := range ms {
		if x.Stopped() {
			return i
		}
		for _, dl := range d.Route(m, nil) {
			if c := x.Begin(x.NoteKG(dl.Proc, dl.KG, dl.Case, m)); c != nil {
				x.End(d.Invoke(c, dl, m))
			}
		}
	}
	return len(ms)
}

// trace records lines from handlers that may run concurrently.
type trace struct {
	mu    sync.Mutex
	lines []string
}

func (t *trace) add(format string, args ...any) {
	t.mu.Lock()
	t.lines = append(t.lines, fmt.Sprintf(format, args...))
	t.mu.Unlock()
}

func (t *trace) get() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return slices.Clone(t.lines)
}

// caseName names a delivery the way HandlerError does.
func caseName(p *fwrt.Program, d fwrt.Delivery) string {
	switch d.Case {
	case fwrt.CaseInit:
		return "init"
	case fwrt.CasePhase:
		return "phase"
	case fwrt.CaseTerminate:
		return "terminate"
	}
	return p.Procs[d.Proc].Cases[d.Case]
}

func equalLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got  %q\n want %q", what, got, want)
	}
}

// checkNoLeak waits briefly for the goroutine count to come back to base.
func checkNoLeak(t *testing.T, base int) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > base {
		if time.Now().After(deadline) {
			t.Fatalf("goroutines: %d after Run, %d before", runtime.NumGoroutine(), base)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

var workerCounts = []int{1, 4}
