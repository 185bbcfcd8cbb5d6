package engine_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fwgo/fw/runtime/fw"
	fwrt "github.com/fwgo/fw/runtime/internal/engine"
)

// The shop program, routed the way generated code would route
//
//	processor Billing { on Order{region: "EU"} as Domestic -> Invoice; on Order as Other -> Invoice }
//	processor Audit   { on Order; on Invoice -> Note }
//	processor Mailer  { on Invoice; on Note }
type Order struct {
	ID     string
	Region string
	Amount int64
}
type Invoice struct {
	ID    string
	Total int64
}
type Note struct{ Text string }

const (
	kOrder fwrt.Kind = iota
	kInvoice
	kNote
)

var shopProgram = &fwrt.Program{
	Package: "shop",
	Events:  []fwrt.EventInfo{{Name: "Order"}, {Name: "Invoice"}, {Name: "Note"}},
	Procs: []fwrt.ProcInfo{
		{Name: "Billing", Cases: []string{"Domestic", "Other"}},
		{Name: "Audit", Cases: []string{"Order", "Invoice"}},
		{Name: "Mailer", Cases: []string{"Invoice", "Note"}},
	},
}

type shop struct{ tr trace }

func (s *shop) Route(m fwrt.Msg, dst []fwrt.Delivery) []fwrt.Delivery {
	switch m.Kind {
	case kOrder:
		if m.Ev.(*Order).Region == "EU" {
			dst = append(dst, fwrt.Delivery{Proc: 0, Case: 0})
		} else {
			dst = append(dst, fwrt.Delivery{Proc: 0, Case: 1})
		}
		dst = append(dst, fwrt.Delivery{Proc: 1, Case: 0})
	case kInvoice:
		dst = append(dst, fwrt.Delivery{Proc: 1, Case: 1}, fwrt.Delivery{Proc: 2, Case: 0})
	case kNote:
		dst = append(dst, fwrt.Delivery{Proc: 2, Case: 1})
	}
	return dst
}

func (s *shop) Invoke(c *fwrt.Call, d fwrt.Delivery, m fwrt.Msg) error {
	name := shopProgram.Procs[d.Proc].Name + "." + caseName(shopProgram, d)
	switch {
	case d.Proc == 0: // Billing: both cases invoice the order
		o := m.Ev.(*Order)
		s.tr.add("%s %s", name, o.ID)
		c.Emit(fwrt.Msg{Kind: kInvoice, Ev: &Invoice{ID: "i" + o.ID, Total: o.Amount}})
	case d.Proc == 1 && d.Case == 0:
		s.tr.add("%s %s", name, m.Ev.(*Order).ID)
	case d.Proc == 1 && d.Case == 1:
		inv := m.Ev.(*Invoice)
		s.tr.add("%s %s", name, inv.ID)
		if inv.Total > 100 {
			c.Emit(fwrt.Msg{Kind: kNote, Ev: &Note{Text: "big " + inv.ID}})
		}
	case d.Proc == 2 && d.Case == 0:
		s.tr.add("%s %s", name, m.Ev.(*Invoice).ID)
	case d.Proc == 2 && d.Case == 1:
		s.tr.add("%s %s", name, m.Ev.(*Note).Text)
	}
	return nil
}

func TestFanOutAndCases(t *testing.T) {
	for _, w := range workerCounts {
		t.Run(fmt.Sprint("workers=", w), func(t *testing.T) {
			s := &shop{}
			e := fwrt.New(shopProgram, s, fw.WithWorkers(w))
			for _, o := range []*Order{{"o1", "EU", 50}, {"o2", "US", 150}, {"o3", "EU", 200}} {
				e.Submit(fwrt.Msg{Kind: kOrder, Ev: o})
			}
			if err := e.Run(context.Background()); err != nil {
				t.Fatal(err)
			}
			byProc := map[string][]string{}
			for _, l := range s.tr.get() {
				p, _, _ := strings.Cut(l, ".")
				byProc[p] = append(byProc[p], l)
			}
			equalLines(t, "Billing", byProc["Billing"], []string{"Billing.Domestic o1", "Billing.Other o2", "Billing.Domestic o3"})
			equalLines(t, "Audit", byProc["Audit"], []string{
				"Audit.Order o1", "Audit.Order o2", "Audit.Order o3",
				"Audit.Invoice io1", "Audit.Invoice io2", "Audit.Invoice io3",
			})
			equalLines(t, "Mailer", byProc["Mailer"], []string{
				"Mailer.Invoice io1", "Mailer.Invoice io2", "Mailer.Invoice io3",
				"Mailer.Note big io2", "Mailer.Note big io3",
			})

			st := e.Stats()
			want := []fw.ProcStats{
				{Name: "Billing", Received: 3, Handled: 3, Emitted: 3},
				{Name: "Audit", Received: 6, Handled: 6, Emitted: 2},
				{Name: "Mailer", Received: 5, Handled: 5},
			}
			if fmt.Sprint(st.Processors) != fmt.Sprint(want) {
				t.Errorf("processor stats:\n got  %+v\n want %+v", st.Processors, want)
			}
			wantPh := []fw.PhaseStats{{Phase: 0, Steps: 3, Events: 3 + 3 + 2, Deliveries: 6 + 6 + 2}}
			if fmt.Sprint(st.Phases) != fmt.Sprint(wantPh) {
				t.Errorf("phase stats: got %+v, want %+v", st.Phases, wantPh)
			}
		})
	}
}

// Emissions of a step form the next step in delivery order: by source (processor
// order), then input position, then emission index; never by completion time.
func TestStepOrder(t *testing.T) {
	const (
		kX fwrt.Kind = iota
		kZ
	)
	prog := &fwrt.Program{
		Events: []fwrt.EventInfo{{Name: "X"}, {Name: "Z"}},
		Procs: []fwrt.ProcInfo{
			{Name: "A", Cases: []string{"X"}},
			{Name: "B", Cases: []string{"X"}, Init: true},
			{Name: "C", Cases: []string{"Z"}},
		},
	}
	for _, w := range workerCounts {
		t.Run(fmt.Sprint("workers=", w), func(t *testing.T) {
			var tr trace
			d := &disp{
				routes: [][]fwrt.Delivery{kX: {{Proc: 0}, {Proc: 1}}, kZ: {{Proc: 2}}},
				invoke: func(c *fwrt.Call, d fwrt.Delivery, m fwrt.Msg) error {
					switch {
					case d.Case == fwrt.CaseInit:
						c.Emit(ev(kZ, "binit"))
					case d.Proc == 0:
						// A is slow on early inputs so that B, and A's later
						// calls, finish first when workers overlap.
						time.Sleep(time.Duration(3-c.Input()) * time.Millisecond)
						c.Emit(ev(kZ, label(m)+"a1"))
						c.Emit(ev(kZ, label(m)+"a2"))
					case d.Proc == 1:
						c.Emit(ev(kZ, label(m)+"b"))
					case d.Proc == 2:
						tr.add("%d.%d.%d %s", c.Phase(), c.Step(), c.Input(), label(m))
					}
					return nil
				},
			}
			e := fwrt.New(prog, d, fw.WithWorkers(w))
			for _, s := range []string{"x0", "x1", "x2"} {
				e.Submit(ev(kX, s))
			}
			if err := e.Run(context.Background()); err != nil {
				t.Fatal(err)
			}
			equalLines(t, "C received", tr.get(), []string{
				"0.0.0 binit",
				"0.1.0 x0a1", "0.1.1 x0a2", "0.1.2 x1a1", "0.1.3 x1a2", "0.1.4 x2a1", "0.1.5 x2a2",
				"0.1.6 x0b", "0.1.7 x1b", "0.1.8 x2b",
			})
			ph := e.Stats().Phases
			if want := []fw.PhaseStats{{Phase: 0, Steps: 2, Events: 4 + 9, Deliveries: 7 + 9}}; fmt.Sprint(ph) != fmt.Sprint(want) {
				t.Errorf("phases: got %+v, want %+v", ph, want)
			}
		})
	}
}

// lifecycleProgram: Src has init, phase and terminate and turns X into Y; Sink
// takes Y and Tick. Src's phase handler emits one Tick per phase below ticks.
const (
	kX fwrt.Kind = iota
	kY
	kTick
)

var lifecycleProgram = &fwrt.Program{
	Events: []fwrt.EventInfo{{Name: "X"}, {Name: "Y"}, {Name: "Tick"}},
	Procs: []fwrt.ProcInfo{
		{Name: "Src", Cases: []string{"X"}, Init: true, Phase: true, Terminate: true},
		{Name: "Sink", Cases: []string{"Y", "Tick"}, Phase: true, Terminate: true},
	},
}

func lifecycleDisp(tr *trace, ticks int) *disp {
	return &disp{
		routes: [][]fwrt.Delivery{kX: {{Proc: 0, Case: 0}}, kY: {{Proc: 1, Case: 0}}, kTick: {{Proc: 1, Case: 1}}},
		invoke: func(c *fwrt.Call, d fwrt.Delivery, m fwrt.Msg) error {
			name := lifecycleProgram.Procs[d.Proc].Name + "." + caseName(lifecycleProgram, d)
			tr.add("%s %s @%d.%d.%d", name, label(m), c.Phase(), c.Step(), c.Input())
			switch {
			case d.Case == fwrt.CaseInit:
				c.Emit(ev(kX, "init"))
			case d.Case == fwrt.CasePhase && d.Proc == 0 && c.Phase() < ticks:
				c.Emit(ev(kTick, fmt.Sprint("t", c.Phase())))
			case d.Case == fwrt.CaseTerminate:
				c.Emit(ev(kX, "ignored")) // terminate emissions are discarded
			case d.Case >= 0 && d.Proc == 0:
				c.Emit(ev(kY, label(m)+"'"))
			}
			return nil
		},
	}
}

func TestLifecycleOrder(t *testing.T) {
	for _, w := range workerCounts {
		t.Run(fmt.Sprint("workers=", w), func(t *testing.T) {
			var tr trace
			e := fwrt.New(lifecycleProgram, lifecycleDisp(&tr, 1), fw.WithWorkers(w))
			e.Submit(ev(kX, "x1"))
			if err := e.Run(context.Background()); err != nil {
				t.Fatal(err)
			}
			equalLines(t, "trace", tr.get(), []string{
				"Src.init  @0.0.0",
				"Src.X x1 @0.0.0", "Src.X init @0.0.1", // submissions first, then init emissions
				"Sink.Y x1' @0.1.0", "Sink.Y init' @0.1.1",
				"Src.phase  @0.2.0", "Sink.phase  @0.2.0",
				"Sink.Tick t0 @1.0.0",
				"Src.phase  @1.1.0", "Sink.phase  @1.1.0",
				"Src.terminate  @1.1.0", "Sink.terminate  @1.1.0",
			})
			st := e.Stats()
			if got := st.Processors[0]; got.Received != 2 || got.Handled != 2 || got.Emitted != 4 {
				t.Errorf("Src stats %+v, want received 2, handled 2, emitted 4 (init, 2 Y, tick)", got)
			}
			want := []fw.PhaseStats{{Phase: 0, Steps: 2, Events: 4, Deliveries: 4}, {Phase: 1, Steps: 1, Events: 1, Deliveries: 1}}
			if fmt.Sprint(st.Phases) != fmt.Sprint(want) {
				t.Errorf("phases: got %+v, want %+v", st.Phases, want)
			}
		})
	}
}

func TestPhases(t *testing.T) {
	var tr trace
	e := fwrt.New(lifecycleProgram, lifecycleDisp(&tr, 3))
	if err := e.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	var phases []string
	for _, l := range tr.get() {
		if strings.HasPrefix(l, "Src.phase") {
			phases = append(phases, l)
		}
	}
	// A phase handler that emits starts a new phase; phases are numbered from 0.
	equalLines(t, "Src phase calls", phases, []string{
		"Src.phase  @0.2.0", "Src.phase  @1.1.0", "Src.phase  @2.1.0", "Src.phase  @3.1.0",
	})
	want := []fw.PhaseStats{
		{Phase: 0, Steps: 2, Events: 2, Deliveries: 2}, // the init X, then its Y
		{Phase: 1, Steps: 1, Events: 1, Deliveries: 1},
		{Phase: 2, Steps: 1, Events: 1, Deliveries: 1},
		{Phase: 3, Steps: 1, Events: 1, Deliveries: 1},
	}
	if got := e.Stats().Phases; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("phases:\n got  %+v\n want %+v", got, want)
	}
}

func TestMaxPhases(t *testing.T) {
	var tr trace
	e := fwrt.New(lifecycleProgram, lifecycleDisp(&tr, 1000), fw.WithMaxPhases(3))
	err := e.Run(context.Background())
	if !errors.Is(err, fw.ErrMaxPhases) {
		t.Fatalf("Run = %v, want ErrMaxPhases", err)
	}
	if n := len(e.Stats().Phases); n != 3 {
		t.Errorf("%d phases ran, want 3", n)
	}
	for _, l := range tr.get() {
		if strings.Contains(l, "terminate") || strings.Contains(l, "@3.") {
			t.Errorf("unexpected call after the limit: %s", l)
		}
	}
}

func TestSubmitAfterRunPanics(t *testing.T) {
	e := fwrt.New(lifecycleProgram, lifecycleDisp(&trace{}, 0))
	if err := e.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer func() {
		r := recover()
		if r == nil || !strings.Contains(fmt.Sprint(r), "after Run") {
			t.Errorf("Submit after Run: recovered %v, want a panic about Run", r)
		}
	}()
	e.Submit(ev(kX, "late"))
}

func TestRunTwice(t *testing.T) {
	e := fwrt.New(lifecycleProgram, lifecycleDisp(&trace{}, 0))
	if err := e.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := e.Run(context.Background()); !errors.Is(err, fw.ErrAlreadyRun) {
		t.Fatalf("second Run = %v, want ErrAlreadyRun", err)
	}
}

var errBad = errors.New("bad input")

// failProgram: Work turns X into Y and fails on "bad" (after emitting); Down takes Y.
var failProgram = &fwrt.Program{
	Events: []fwrt.EventInfo{{Name: "X"}, {Name: "Y"}},
	Procs: []fwrt.ProcInfo{
		{Name: "Work", Cases: []string{"Job"}},
		{Name: "Down", Cases: []string{"Y"}},
	},
}

func failDisp(tr *trace, fail func(m fwrt.Msg) error) *disp {
	return &disp{
		routes: [][]fwrt.Delivery{kX: {{Proc: 0}}, kY: {{Proc: 1}}},
		invoke: func(c *fwrt.Call, d fwrt.Delivery, m fwrt.Msg) error {
			tr.add("%s %s", failProgram.Procs[d.Proc].Name, label(m))
			if d.Proc == 0 {
				c.Emit(ev(kY, label(m)+"'"))
			}
			return fail(m)
		},
	}
}

func TestHandlerError(t *testing.T) {
	for _, w := range workerCounts {
		t.Run(fmt.Sprint("workers=", w), func(t *testing.T) {
			base := runtime.NumGoroutine()
			var tr trace
			e := fwrt.New(failProgram, failDisp(&tr, func(m fwrt.Msg) error {
				if label(m) == "bad" {
					return errBad
				}
				return nil
			}), fw.WithWorkers(w))
			for _, s := range []string{"x0", "bad", "x2"} {
				e.Submit(ev(kX, s))
			}
			err := e.Run(context.Background())
			var he *fw.HandlerError
			if !errors.As(err, &he) {
				t.Fatalf("Run = %v, want a *HandlerError", err)
			}
			want := fw.HandlerError{Processor: "Work", Case: "Job", Event: "X", Input: 1, Phase: 0, Step: 0, Err: errBad}
			if *he != want {
				t.Errorf("HandlerError = %+v, want %+v", *he, want)
			}
			if !errors.Is(err, errBad) || errors.Unwrap(err) != errBad {
				t.Errorf("errors.Is/Unwrap do not reach the handler's error")
			}
			if msg := err.Error(); !strings.Contains(msg, "processor Work") || !strings.Contains(msg, "event X (input 1)") {
				t.Errorf("message %q", msg)
			}
			// The run stopped at the failure: x2 was not handled, and nothing
			// emitted reached Down, least of all the failed call's emission.
			// The step runs inline whatever the workers (none of its calls
			// could overlap): events are dispatched one by one, so x2 was not
			// even delivered.
			equalLines(t, "calls", tr.get(), []string{"Work x0", "Work bad"})
			st := e.Stats().Processors
			received := uint64(2)
			if st[0].Received != received || st[0].Handled != 1 || st[0].Failed != 1 || st[0].Emitted != 1 || st[1].Received != 0 {
				t.Errorf("stats %+v", st)
			}
			checkNoLeak(t, base)
		})
	}
}

func TestHandlerErrorLaterStep(t *testing.T) {
	e := fwrt.New(failProgram, failDisp(&trace{}, func(m fwrt.Msg) error {
		if label(m) == "b'" {
			return errBad
		}
		return nil
	}))
	for _, s := range []string{"a", "b"} {
		e.Submit(ev(kX, s))
	}
	var he *fw.HandlerError
	if err := e.Run(context.Background()); !errors.As(err, &he) {
		t.Fatalf("Run = %v", err)
	}
	if he.Processor != "Down" || he.Case != "Y" || he.Event != "Y" || he.Input != 1 || he.Step != 1 {
		t.Errorf("HandlerError = %+v", he)
	}
}

func TestPanic(t *testing.T) {
	for _, w := range workerCounts {
		t.Run(fmt.Sprint("workers=", w), func(t *testing.T) {
			var tr trace
			e := fwrt.New(failProgram, failDisp(&tr, func(m fwrt.Msg) error {
				if label(m) == "bad" {
					panic("boom")
				}
				return nil
			}), fw.WithWorkers(w))
			for _, s := range []string{"x0", "bad", "x2"} {
				e.Submit(ev(kX, s))
			}
			err := e.Run(context.Background())
			var he *fw.HandlerError
			var pe *fw.PanicError
			if !errors.As(err, &he) || !errors.As(err, &pe) {
				t.Fatalf("Run = %v, want a HandlerError wrapping a PanicError", err)
			}
			if he.Processor != "Work" || he.Input != 1 || pe.Value != "boom" || !strings.Contains(string(pe.Stack), "engine_test.go") {
				t.Errorf("HandlerError %+v, PanicError %v, stack:\n%s", he, pe, pe.Stack)
			}
			equalLines(t, "calls", tr.get(), []string{"Work x0", "Work bad"})
		})
	}
}

func TestLifecycleError(t *testing.T) {
	prog := &fwrt.Program{
		Events: []fwrt.EventInfo{{Name: "X"}},
		Procs: []fwrt.ProcInfo{
			{Name: "Ok", Init: true, Terminate: true},
			{Name: "Fails", Init: true},
			{Name: "Never", Init: true},
		},
	}
	var tr trace
	e := fwrt.New(prog, &disp{invoke: func(c *fwrt.Call, d fwrt.Delivery, m fwrt.Msg) error {
		tr.add("%s.%s", prog.Procs[d.Proc].Name, caseName(prog, d))
		c.Emit(ev(kX, "x"))
		if d.Proc == 1 {
			return errBad
		}
		return nil
	}})
	err := e.Run(context.Background())
	want := &fw.HandlerError{Processor: "Fails", Case: "init", Err: errBad}
	if he, ok := err.(*fw.HandlerError); !ok || *he != *want {
		t.Fatalf("Run = %#v, want %#v", err, want)
	}
	equalLines(t, "calls", tr.get(), []string{"Ok.init", "Fails.init"})
	if st := e.Stats().Processors; st[0].Emitted != 1 || st[1].Failed != 1 || st[1].Emitted != 0 {
		t.Errorf("stats %+v", st)
	}
}

// With several workers, concurrent failures in one step report the smallest
// (processor, input position).
func TestConcurrentFailuresReportSmallest(t *testing.T) {
	defer fwrt.SetSchedule(fwrt.SchedulePool, 0)() // the calls must overlap: no step inline
	prog := &fwrt.Program{
		Events: []fwrt.EventInfo{{Name: "X"}},
		Procs: []fwrt.ProcInfo{
			{Name: "P0", Cases: []string{"X"}, Concurrency: 3},
			{Name: "P1", Cases: []string{"X"}},
		},
	}
	var started sync.WaitGroup
	started.Add(4) // P0's three calls and P1's first
	all := make(chan struct{})
	go func() { started.Wait(); close(all) }()
	e := fwrt.New(prog, &disp{
		routes: [][]fwrt.Delivery{{{Proc: 0}, {Proc: 1}}},
		invoke: func(c *fwrt.Call, d fwrt.Delivery, m fwrt.Msg) error {
			started.Done()
			select {
			case <-all:
			case <-time.After(5 * time.Second):
				return errors.New("calls did not overlap")
			}
			// Later inputs fail first.
			time.Sleep(time.Duration(3-c.Input()) * time.Millisecond)
			return fmt.Errorf("fail %s %d", prog.Procs[d.Proc].Name, c.Input())
		},
	}, fw.WithWorkers(4))
	for i := range 3 {
		e.Submit(ev(0, fmt.Sprint(i)))
	}
	var he *fw.HandlerError
	if err := e.Run(context.Background()); !errors.As(err, &he) {
		t.Fatalf("Run = %v", err)
	}
	if he.Processor != "P0" || he.Input != 0 || he.Err.Error() != "fail P0 0" {
		t.Errorf("reported %v, want P0's input 0", he)
	}
	if st := e.Stats().Processors; st[0].Failed != 3 || st[1].Failed != 1 || st[1].Handled != 0 {
		t.Errorf("stats %+v: P1 must not start a call after the failures", st)
	}
}

func TestCancel(t *testing.T) {
	for _, w := range []int{1, 4} {
		t.Run(fmt.Sprint("workers=", w), func(t *testing.T) {
			base := runtime.NumGoroutine()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			prog := &fwrt.Program{
				Events: []fwrt.EventInfo{{Name: "X"}},
				Procs: []fwrt.ProcInfo{
					{Name: "P", Cases: []string{"X"}, Phase: true, Terminate: true},
					{Name: "Q", Cases: []string{"X"}, Concurrency: 2},
				},
			}
			var calls atomic.Int32
			e := fwrt.New(prog, &disp{
				routes: [][]fwrt.Delivery{{{Proc: 0}, {Proc: 1}}},
				invoke: func(c *fwrt.Call, d fwrt.Delivery, m fwrt.Msg) error {
					if d.Case < 0 {
						t.Errorf("lifecycle call %d after cancellation", d.Case)
					}
					if d.Proc == 0 && c.Input() == 3 {
						cancel()
						return nil
					}
					if d.Proc == 1 {
						// Q's calls end when cancelled, as well-behaved handlers do.
						select {
						case <-c.Context().Done():
						case <-time.After(time.Millisecond):
						}
					}
					calls.Add(1)
					return nil
				},
			}, fw.WithWorkers(w))
			for i := range 100 {
				e.Submit(ev(0, fmt.Sprint(i)))
			}
			err := e.Run(ctx)
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("Run = %v, want context.Canceled", err)
			}
			st := e.Stats().Processors
			if st[0].Handled != 4 {
				t.Errorf("P handled %d, want 4: calls must stop right after the cancelling one", st[0].Handled)
			}
			// With one worker, events are dispatched one by one to P then Q, and
			// cancellation is checked before each event: Q gets events 0 to 3.
			if w == 1 && st[1].Handled != 4 {
				t.Errorf("Q handled %d with one worker, want 4", st[1].Handled)
			}
			if st[1].Handled > 100-1 {
				t.Errorf("Q handled its whole inbox")
			}
			checkNoLeak(t, base)
		})
	}
}

func TestCancelledBeforeRun(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var tr trace
	e := fwrt.New(lifecycleProgram, lifecycleDisp(&tr, 1), fw.WithWorkers(2))
	e.Submit(ev(kX, "x"))
	if err := e.Run(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Run = %v", err)
	}
	if l := tr.get(); len(l) != 0 {
		t.Errorf("calls made: %q", l)
	}
}

// A processor with concurrency N overlaps up to N calls and commits their
// emissions in input order, even when later inputs finish first.
func TestConcurrencyCommitsInInputOrder(t *testing.T) {
	defer fwrt.SetSchedule(fwrt.SchedulePool, 0)() // the calls must overlap: no step inline
	const n = 3
	prog := &fwrt.Program{
		Events: []fwrt.EventInfo{{Name: "X"}, {Name: "Y"}},
		Procs: []fwrt.ProcInfo{
			{Name: "Par", Cases: []string{"X"}, Concurrency: n},
			{Name: "Sink", Cases: []string{"Y"}},
		},
	}
	for _, w := range []int{n, 8} {
		t.Run(fmt.Sprint("workers=", w), func(t *testing.T) {
			var finished, received trace
			var done [n]chan struct{}
			for i := range done {
				done[i] = make(chan struct{})
			}
			e := fwrt.New(prog, &disp{
				routes: [][]fwrt.Delivery{{{Proc: 0}}, {{Proc: 1}}},
				invoke: func(c *fwrt.Call, d fwrt.Delivery, m fwrt.Msg) error {
					if d.Proc == 1 {
						received.add("%s", label(m))
						return nil
					}
					i := c.Input()
					c.Emit(ev(1, label(m)+".1"))
					if i+1 < n { // wait for the next input's call to finish
						select {
						case <-done[i+1]:
						case <-time.After(5 * time.Second):
							return errors.New("calls did not overlap")
						}
					}
					c.Emit(ev(1, label(m)+".2"))
					finished.add("%d", i)
					close(done[i])
					return nil
				},
			}, fw.WithWorkers(w))
			for i := range n {
				e.Submit(ev(0, fmt.Sprint("x", i)))
			}
			if err := e.Run(context.Background()); err != nil {
				t.Fatal(err)
			}
			equalLines(t, "completion order", finished.get(), []string{"2", "1", "0"})
			equalLines(t, "Sink received", received.get(), []string{"x0.1", "x0.2", "x1.1", "x1.2", "x2.1", "x2.2"})
		})
	}
}

// Limits: a serial processor never overlaps calls, a concurrent one never exceeds
// its concurrency, and no more than the worker count run at once in total.
func TestConcurrencyLimits(t *testing.T) {
	defer fwrt.SetSchedule(fwrt.SchedulePool, 0)() // the calls must overlap: no step inline
	prog := &fwrt.Program{
		Events: []fwrt.EventInfo{{Name: "X"}},
		Procs: []fwrt.ProcInfo{
			{Name: "Serial", Cases: []string{"X"}},
			{Name: "Two", Cases: []string{"X"}, Concurrency: 2},
			{Name: "Four", Cases: []string{"X"}, Concurrency: 4},
			{Name: "Eight", Cases: []string{"X"}, Concurrency: 8},
		},
	}
	const workers = 5
	var total atomic.Int32
	var per [4]atomic.Int32
	var peak [5]atomic.Int32 // per processor, then total
	raise := func(p *atomic.Int32, v int32) {
		for {
			old := p.Load()
			if v <= old || p.CompareAndSwap(old, v) {
				return
			}
		}
	}
	e := fwrt.New(prog, &disp{
		routes: [][]fwrt.Delivery{{{Proc: 0}, {Proc: 1}, {Proc: 2}, {Proc: 3}}},
		invoke: func(c *fwrt.Call, d fwrt.Delivery, m fwrt.Msg) error {
			raise(&peak[d.Proc], per[d.Proc].Add(1))
			raise(&peak[4], total.Add(1))
			time.Sleep(200 * time.Microsecond)
			per[d.Proc].Add(-1)
			total.Add(-1)
			return nil
		},
	}, fw.WithWorkers(workers))
	for i := range 40 {
		e.Submit(ev(0, fmt.Sprint(i)))
	}
	if err := e.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	limits := []int32{1, 2, 4, 8, workers}
	for i, l := range limits {
		if got := peak[i].Load(); got > l {
			t.Errorf("peak %d: %d overlapping calls, limit %d", i, got, l)
		}
	}
	if peak[4].Load() < 2 {
		t.Errorf("no calls overlapped with %d workers", workers)
	}
}

// Stats may be read while Run is running (the race detector checks the access).
func TestStatsDuringRun(t *testing.T) {
	stop := make(chan struct{})
	var wg sync.WaitGroup
	s := &shop{}
	e := fwrt.New(shopProgram, s, fw.WithWorkers(3))
	for i := range 200 {
		e.Submit(fwrt.Msg{Kind: kOrder, Ev: &Order{ID: fmt.Sprint(i), Region: "EU", Amount: int64(i)}})
	}
	wg.Go(func() {
		for {
			select {
			case <-stop:
				return
			default:
				e.Stats()
			}
		}
	})
	err := e.Run(context.Background())
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if st := e.Stats(); st.Processors[0].Handled != 200 || st.Processors[2].Received != 200+99 {
		t.Errorf("stats %+v", st)
	}
}

func (s *shop) DispatchAll(x *fwrt.Serial, ms []fwrt.Msg) int { return dispatchAllVia(s, x, ms) }
