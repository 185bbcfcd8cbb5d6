package engine_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/fwgo/fw/runtime/fw"
	fwrt "github.com/fwgo/fw/runtime/internal/engine"
)

// runB runs a fresh dispatcher from mk with each worker count; every run must
// give want (per processor calls), the same stats, and the error check.
func runB(t *testing.T, mk func(tr *btrace) fwrt.Dispatcher, p *bprog, before func(e *fwrt.Engine), want map[string][]string, opts ...fw.Option) fw.Stats {
	t.Helper()
	var first fw.Stats
	for i, w := range bworkers {
		var tr btrace
		e := fwrt.New(p.prog, mk(&tr), append(slices.Clone(opts), fw.WithWorkers(w))...)
		if before != nil {
			before(e)
		}
		if err := e.Run(context.Background()); err != nil {
			t.Fatalf("workers=%d: %v", w, err)
		}
		t.Run(fmt.Sprint("workers=", w), func(t *testing.T) { equalTraces(t, tr.get(), want) })
		st := e.Stats()
		if i == 0 {
			first = st
		} else if fmt.Sprint(st) != fmt.Sprint(first) {
			t.Errorf("workers=%d: stats\n%+v\nworkers=%d:\n%+v", w, st, bworkers[0], first)
		}
	}
	return first
}

// A target is built once per run however often it is resolved: by the caller
// (by name and as a request), by `on init`, by event cases of several
// processors, by `on phase`, in several phases.
func TestResolveOnce(t *testing.T) {
	p := newBProg([]string{"Start"}, []string{"s", "t"},
		bproc{name: "S", provides: "s", init: true, term: true},
		bproc{name: "T", provides: "t", requires: []string{"s"}, init: true, phase: true, term: true},
		bproc{name: "P", on: []string{"Start", "built t"}, init: true, phase: true},
		bproc{name: "Q", on: []string{"Start"}},
	)
	mk := func(tr *btrace) fwrt.Dispatcher {
		return newSDisp(p, func(c *fwrt.Call, proc, cs string, m fwrt.Msg) error {
			tr.add(c, proc, cs, m)
			switch {
			case proc == "T" && cs == "s":
				c.Emit(p.art("t", "T("+label(m)+")"))
			case proc == "P" && cs == "init":
				c.Emit(p.resolve("t"))
			case proc == "P" && cs == "Start":
				c.Emit(p.resolve("t"))
				c.Emit(p.resolve("s"))
			case proc == "P" && cs == "phase":
				c.Emit(p.resolve("t"))
				if c.Phase() == 0 {
					c.Emit(ev(0, "again"))
				}
			case proc == "Q":
				c.Emit(p.resolve("t"))
			}
			return nil
		}, map[string]func(context.Context, func(string) bool) error{"S": items("s", 3)})
	}
	st := runB(t, mk, p, func(e *fwrt.Engine) {
		e.Resolve("t")
		e.Resolve("t")
		e.Submit(p.resolve("t"))
		e.Submit(ev(0, "go"))
	}, map[string][]string{
		"S": {"init @0.0", "terminate @1.1"},
		"T": {"init @0.0", "s s1 @0.0.0", "s s2 @0.0.1", "s s3 @0.0.2", "phase @0.2", "phase @1.1", "terminate @1.1"},
		"P": {"init @0.0", "Start go @0.0.0", "t T(s1) @0.1.0", "t T(s2) @0.1.1", "t T(s3) @0.1.2", "phase @0.2",
			"Start again @1.0.0", "phase @1.1"},
		"Q": {"Start go @0.0.0", "Start again @1.0.0"},
	})
	equalLines(t, "stats", procStats(st), []string{
		"S r0 h0 f0 e3 p1", "T r3 h3 f0 e3 p0", "P r5 h5 f0 e8 p0", "Q r2 h2 f0 e2 p0",
	})
	// Resolve requests are not events: phase 0 has Start go and 3 + 3 artifacts.
	want := []fw.PhaseStats{{Phase: 0, Steps: 2, Events: 7, Deliveries: 8}, {Phase: 1, Steps: 1, Events: 1, Deliveries: 2}}
	if fmt.Sprint(st.Phases) != fmt.Sprint(want) {
		t.Errorf("phases: got %+v, want %+v", st.Phases, want)
	}
}

// diamondProg: s <- a, s <- b, (a, b) <- d, and a processor on built d.
func diamondProg() *bprog {
	return newBProg([]string{"Go"}, []string{"a", "b", "d", "s"},
		bproc{name: "S", provides: "s"},
		bproc{name: "A", provides: "a", requires: []string{"s"}, conc: 3},
		bproc{name: "B", provides: "b", requires: []string{"s"}},
		bproc{name: "D", provides: "d", requires: []string{"a", "b"}},
		bproc{name: "Out", on: []string{"built d"}, init: true, phase: true},
	)
}

func diamondDisp(p *bprog, tr *btrace, n int, resolves map[string]string) fwrt.Dispatcher {
	return newSDisp(p, func(c *fwrt.Call, proc, cs string, m fwrt.Msg) error {
		tr.add(c, proc, cs, m)
		switch proc {
		case "A":
			c.Emit(p.art("a", "A"+label(m)))
		case "B":
			c.Emit(p.art("b", "B"+label(m)))
		case "D":
			c.Emit(p.art("d", "D"+label(m)))
		case "Out":
			if t, ok := resolves[fmt.Sprint(cs, c.Phase())]; ok {
				c.Emit(p.resolve(t))
			}
		}
		return nil
	}, map[string]func(context.Context, func(string) bool) error{"S": items("s", n)})
}

// Diamond: resolving d builds s once, and every artifact reaches each of its
// consumers once.
func TestDiamond(t *testing.T) {
	p := diamondProg()
	st := runB(t, func(tr *btrace) fwrt.Dispatcher { return diamondDisp(p, tr, 3, nil) }, p,
		func(e *fwrt.Engine) { e.Resolve("d") },
		map[string][]string{
			"A": {"s s1 @0.0.0", "s s2 @0.0.1", "s s3 @0.0.2"},
			"B": {"s s1 @0.0.0", "s s2 @0.0.1", "s s3 @0.0.2"},
			"D": {"a As1 @0.1.0", "a As2 @0.1.1", "a As3 @0.1.2", "b Bs1 @0.1.3", "b Bs2 @0.1.4", "b Bs3 @0.1.5"},
			"Out": {"init @0.0", "d DAs1 @0.2.0", "d DAs2 @0.2.1", "d DAs3 @0.2.2",
				"d DBs1 @0.2.3", "d DBs2 @0.2.4", "d DBs3 @0.2.5", "phase @0.3"},
		})
	equalLines(t, "stats", procStats(st), []string{
		"S r0 h0 f0 e3 p1", "A r3 h3 f0 e3 p0", "B r3 h3 f0 e3 p0", "D r6 h6 f0 e6 p0", "Out r6 h6 f0 e0 p0",
	})
}

// Late diamond: a is built in phase 0; d, resolved in phase 1, activates b,
// which first gets s's artifacts, and d first gets a's, from the logs.
func TestDiamondLate(t *testing.T) {
	p := diamondProg()
	st := runB(t, func(tr *btrace) fwrt.Dispatcher {
		return diamondDisp(p, tr, 2, map[string]string{"init0": "a", "phase0": "d"})
	}, p, nil, map[string][]string{
		"A": {"s s1 @0.0.0", "s s2 @0.0.1"},
		// Directed deliveries at the start of phase 1, step 0.
		"B":   {"s s1 @1.0.0", "s s2 @1.0.1"},
		"D":   {"a As1 @1.0.0", "a As2 @1.0.1", "b Bs1 @1.1.0", "b Bs2 @1.1.1"},
		"Out": {"init @0.0", "phase @0.2", "d DAs1 @1.1.0", "d DAs2 @1.1.1", "d DBs1 @1.2.0", "d DBs2 @1.2.1", "phase @1.3"},
	})
	equalLines(t, "stats", procStats(st), []string{
		"S r0 h0 f0 e2 p1", "A r2 h2 f0 e2 p0", "B r2 h2 f0 e2 p0", "D r4 h4 f0 e4 p0", "Out r4 h4 f0 e2 p0",
	})
	// Replayed artifacts are deliveries, not events of the phase.
	want := []fw.PhaseStats{
		{Phase: 0, Steps: 2, Events: 4, Deliveries: 2},
		{Phase: 1, Steps: 3, Events: 6, Deliveries: 4 + 4 + 2},
	}
	if fmt.Sprint(st.Phases) != fmt.Sprint(want) {
		t.Errorf("phases: got %+v, want %+v", st.Phases, want)
	}
}

// A builder resolved in a later phase, after its requirement was fully built,
// first gets the earlier artifacts in order, then the new ones (here one that
// its requirement's `on phase` emits).
func TestLateConsumerNextPhase(t *testing.T) {
	p := newBProg(nil, []string{"l", "s"},
		bproc{name: "S", provides: "s", phase: true},
		bproc{name: "L", provides: "l", requires: []string{"s"}},
		bproc{name: "R", on: []string{"built s"}, init: true},
		bproc{name: "P", phase: true},
	)
	runB(t, func(tr *btrace) fwrt.Dispatcher {
		return newSDisp(p, func(c *fwrt.Call, proc, cs string, m fwrt.Msg) error {
			tr.add(c, proc, cs, m)
			switch {
			case proc == "R" && cs == "init":
				c.Emit(p.resolve("s"))
			case proc == "S" && c.Phase() == 0:
				c.Emit(p.art("s", "sp0"))
			case proc == "P" && c.Phase() == 0:
				c.Emit(p.resolve("l"))
			}
			return nil
		}, map[string]func(context.Context, func(string) bool) error{"S": items("s", 3)})
	}, p, nil, map[string][]string{
		"S": {"phase @0.1", "phase @1.1"},
		"L": {"s s1 @1.0.0", "s s2 @1.0.1", "s s3 @1.0.2", "s sp0 @1.0.3"},
		"R": {"init @0.0", "s s1 @0.0.0", "s s2 @0.0.1", "s s3 @0.0.2", "s sp0 @1.0.0"},
		"P": {"phase @0.1", "phase @1.1"},
	})
}

// A builder resolved while its requirement is still being pulled gets the
// artifacts published so far, then the later ones, each once.
func TestLateConsumerMidStream(t *testing.T) {
	p := newBProg(nil, []string{"l", "s"},
		bproc{name: "S", provides: "s"},
		bproc{name: "L", provides: "l", requires: []string{"s"}, conc: 2},
		bproc{name: "R", on: []string{"built s"}, init: true},
	)
	st := runB(t, func(tr *btrace) fwrt.Dispatcher {
		return newSDisp(p, func(c *fwrt.Call, proc, cs string, m fwrt.Msg) error {
			tr.add(c, proc, cs, m)
			switch {
			case proc == "R" && cs == "init":
				c.Emit(p.resolve("s"))
			case proc == "R" && label(m) == "s2":
				c.Emit(p.resolve("l"))
			}
			return nil
		}, map[string]func(context.Context, func(string) bool) error{"S": items("s", 5)})
	}, p, nil, map[string][]string{
		"L": {"s s1 @0.1.0", "s s2 @0.1.1", "s s3 @0.1.2", "s s4 @0.1.3", "s s5 @0.2.0"},
		"R": {"init @0.0", "s s1 @0.0.0", "s s2 @0.0.1", "s s3 @0.1.0", "s s4 @0.1.1", "s s5 @0.2.0"},
	}, fw.WithSourceBatch(2))
	equalLines(t, "stats", procStats(st), []string{"S r0 h0 f0 e5 p3", "L r5 h5 f0 e0 p0", "R r5 h5 f0 e2 p0"})
}

// Builders take part in phases: a collector emits at the phase broadcast. An
// inactive builder gets no lifecycle call.
func TestBuilderPhases(t *testing.T) {
	p := newBProg(nil, []string{"all", "s", "x"},
		bproc{name: "S", provides: "s"},
		bproc{name: "C", provides: "all", requires: []string{"s"}, phase: true, term: true},
		bproc{name: "X", provides: "x", requires: []string{"s"}, init: true, phase: true, term: true},
		bproc{name: "Out", on: []string{"built all"}, init: true},
	)
	runB(t, func(tr *btrace) fwrt.Dispatcher {
		var got []string
		sent := 0
		return newSDisp(p, func(c *fwrt.Call, proc, cs string, m fwrt.Msg) error {
			tr.add(c, proc, cs, m)
			switch {
			case proc == "Out" && cs == "init":
				c.Emit(p.resolve("all"))
			case proc == "C" && cs == "s":
				got = append(got, label(m))
			case proc == "C" && cs == "phase" && len(got) > sent:
				sent = len(got)
				c.Emit(p.art("all", strings.Join(got, "+")))
			}
			return nil
		}, map[string]func(context.Context, func(string) bool) error{"S": items("s", 3)})
	}, p, nil, map[string][]string{
		"C":   {"s s1 @0.0.0", "s s2 @0.0.1", "s s3 @0.1.0", "phase @0.2", "phase @1.1", "terminate @1.1"},
		"Out": {"init @0.0", "all s1+s2+s3 @1.0.0"},
	}, fw.WithSourceBatch(2))
}

// A builder's `on init` runs when it is activated and may resolve more.
func TestBuilderInitResolves(t *testing.T) {
	p := newBProg(nil, []string{"s", "t", "u"},
		bproc{name: "S", provides: "s"},
		bproc{name: "T", provides: "t", requires: []string{"s"}, init: true},
		bproc{name: "U", provides: "u", init: true},
		bproc{name: "Out", on: []string{"built s", "built u"}},
	)
	runB(t, func(tr *btrace) fwrt.Dispatcher {
		return newSDisp(p, func(c *fwrt.Call, proc, cs string, m fwrt.Msg) error {
			tr.add(c, proc, cs, m)
			if proc == "T" && cs == "init" {
				c.Emit(p.resolve("u"))
			}
			return nil
		}, map[string]func(context.Context, func(string) bool) error{"S": items("s", 2), "U": items("u", 2)})
	}, p, func(e *fwrt.Engine) { e.Resolve("t") }, map[string][]string{
		"T":   {"init @0.0", "s s1 @0.0.0", "s s2 @0.0.1"},
		"U":   {"init @0.0"},
		"Out": {"s s1 @0.0.0", "s s2 @0.0.1", "u u1 @0.0.2", "u u2 @0.0.3"},
	})
}

func TestResolveUnknownTarget(t *testing.T) {
	p := diamondProg()
	for _, c := range []struct{ name, want string }{
		{"dd", "fw: no provider for target dd; did you mean d?"},
		{"S", "fw: no provider for target S; did you mean s?"},
		{"words", "fw: no provider for target words"},
	} {
		var tr btrace
		e := fwrt.New(p.prog, diamondDisp(p, &tr, 3, nil))
		e.Resolve("d")
		e.Resolve(c.name)
		err := e.Run(context.Background())
		if !errors.Is(err, fw.ErrNoProvider) || err.Error() != c.want {
			t.Errorf("Resolve(%q): Run = %v, want %q wrapping ErrNoProvider", c.name, err, c.want)
		}
		if calls := tr.get(); len(calls) > 0 {
			t.Errorf("Resolve(%q): calls made: %v", c.name, calls)
		}
		if err := e.Run(context.Background()); !errors.Is(err, fw.ErrAlreadyRun) {
			t.Errorf("second Run = %v", err)
		}
	}

	// A resolve request for a target without a builder (a program out of step
	// with its Dispatcher) is the same error.
	q := newBProg(nil, []string{"orphan"}, bproc{name: "P", init: true})
	e := fwrt.New(q.prog, &bdisp{b: q, invoke: func(c *fwrt.Call, proc, cs string, m fwrt.Msg) error {
		c.Emit(q.resolve("orphan"))
		return nil
	}})
	if err := e.Run(context.Background()); !errors.Is(err, fw.ErrNoProvider) || err.Error() != "fw: no provider for target orphan" {
		t.Errorf("Run = %v", err)
	}
}

func TestResolveAfterRunPanics(t *testing.T) {
	p := diamondProg()
	e := fwrt.New(p.prog, diamondDisp(p, &btrace{}, 1, nil))
	if err := e.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "after Run") {
			t.Errorf("Resolve after Run: recovered %v", r)
		}
	}()
	e.Resolve("d")
}

// A failing handler of a built case names the artifact's target.
func TestBuiltHandlerError(t *testing.T) {
	p := diamondProg()
	for _, w := range bworkers {
		e := fwrt.New(p.prog, newSDisp(p, func(c *fwrt.Call, proc, cs string, m fwrt.Msg) error {
			if proc == "B" && label(m) == "s2" {
				return errBad
			}
			return nil
		}, map[string]func(context.Context, func(string) bool) error{"S": items("s", 3)}), fw.WithWorkers(w))
		e.Resolve("d")
		err := e.Run(context.Background())
		var he *fw.HandlerError
		if !errors.As(err, &he) || !errors.Is(err, errBad) {
			t.Fatalf("workers=%d: Run = %v", w, err)
		}
		if want := "fw: processor B, case s, event built s (input 1), phase 0, step 0: bad input"; he.Error() != want {
			t.Errorf("workers=%d: %q, want %q", w, he.Error(), want)
		}
	}
}

// The source is pulled lazily, a batch at a time: it is never more than one
// batch ahead of its consumer, however long it is.
func TestSourceBatches(t *testing.T) {
	n := 1_000_000
	if raceEnabled || testing.Short() {
		n = 50_000
	}
	const batch = 256
	p := newBProg(nil, []string{"s", "t"},
		bproc{name: "S", provides: "s"},
		bproc{name: "T", provides: "t", requires: []string{"s"}, conc: 4},
		bproc{name: "Sink", on: []string{"built t"}},
	)
	var first []string
	for _, w := range bworkers {
		var produced, consumed, ahead, sum atomic.Int64
		d := newSDisp(p, func(c *fwrt.Call, proc, cs string, m fwrt.Msg) error {
			switch proc {
			case "T":
				consumed.Add(1)
				c.Emit(fwrt.Msg{Kind: p.built("t"), Ev: m.Ev})
			case "Sink":
				sum.Add(int64(len(label(m))))
			}
			return nil
		}, map[string]func(context.Context, func(string) bool) error{"S": func(ctx context.Context, yield func(string) bool) error {
			for range n {
				if a := produced.Add(1) - consumed.Load(); a > ahead.Load() {
					ahead.Store(a)
				}
				if !yield("x") {
					return nil
				}
			}
			return nil
		}})
		e := fwrt.New(p.prog, d, fw.WithWorkers(w))
		e.Resolve("t")
		if err := e.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		if sum.Load() != int64(n) || consumed.Load() != int64(n) {
			t.Errorf("workers=%d: consumed %d, sink got %d, want %d", w, consumed.Load(), sum.Load(), n)
		}
		if a := ahead.Load(); a != batch {
			t.Errorf("workers=%d: the source ran up to %d artifacts ahead of its consumer, want one batch (%d)", w, a, batch)
		}
		st := e.Stats()
		lines := procStats(st)
		if i := len(st.Phases); i != 1 || st.Phases[0].Steps != n/batch+2 {
			t.Errorf("workers=%d: phases %+v", w, st.Phases)
		}
		if first == nil {
			first = lines
			equalLines(t, "stats", lines, []string{
				fmt.Sprintf("S r0 h0 f0 e%d p%d", n, n/batch+1),
				fmt.Sprintf("T r%d h%d f0 e%d p0", n, n, n),
				fmt.Sprintf("Sink r%d h%d f0 e0 p0", n, n),
			})
		} else {
			equalLines(t, "stats", lines, first)
		}
		if len(d.stops) != 0 {
			t.Errorf("an exhausted source was stopped: %v", d.stops)
		}
	}
}

var errSource = errors.New("source broke")

// A source's error or panic fails the run like a handler's: the failed pull's
// artifacts are discarded, and the source is stopped.
func TestSourceFailure(t *testing.T) {
	p := newBProg(nil, []string{"s", "t"},
		bproc{name: "S", provides: "s"},
		bproc{name: "T", provides: "t", requires: []string{"s"}},
	)
	for _, c := range []struct {
		name  string
		build func(ctx context.Context, yield func(string) bool) error
		check func(err error) bool
		want  []string
		stats string
	}{
		{
			name: "error",
			build: func(ctx context.Context, yield func(string) bool) error {
				_ = items("s", 5)(ctx, yield)
				return errSource
			},
			check: func(err error) bool { return errors.Is(err, errSource) },
			want:  []string{"s s1 @0.0.0", "s s2 @0.0.1", "s s3 @0.1.0", "s s4 @0.1.1"},
			stats: "S r0 h0 f1 e4 p2",
		},
		{
			name: "panic",
			build: func(ctx context.Context, yield func(string) bool) error {
				_ = items("s", 3)(ctx, yield)
				panic("boom")
			},
			check: func(err error) bool {
				var pe *fw.PanicError
				return errors.As(err, &pe) && pe.Value == "boom"
			},
			want:  []string{"s s1 @0.0.0", "s s2 @0.0.1"},
			stats: "S r0 h0 f1 e2 p1",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, w := range bworkers {
				base := runtime.NumGoroutine()
				var tr btrace
				d := newSDisp(p, func(c *fwrt.Call, proc, cs string, m fwrt.Msg) error {
					tr.add(c, proc, cs, m)
					return nil
				}, map[string]func(context.Context, func(string) bool) error{"S": c.build})
				e := fwrt.New(p.prog, d, fw.WithWorkers(w), fw.WithSourceBatch(2))
				e.Resolve("t")
				err := e.Run(context.Background())
				var he *fw.HandlerError
				if !errors.As(err, &he) || !c.check(err) || he.Processor != "S" || he.Case != "build" || he.Event != "" {
					t.Fatalf("workers=%d: Run = %v", w, err)
				}
				wantStep := len(c.want) / 2
				if msg := fmt.Sprintf("fw: processor S, case build, phase 0, step %d: ", wantStep); !strings.HasPrefix(err.Error(), msg) {
					t.Errorf("workers=%d: %q, want prefix %q", w, err, msg)
				}
				equalLines(t, "T", tr.get()["T"], c.want)
				if got := statsLine(e.Stats().Processors[0]); got != c.stats {
					t.Errorf("workers=%d: stats %s, want %s", w, got, c.stats)
				}
				if !slices.Equal(d.stops, []string{"S"}) {
					t.Errorf("workers=%d: stopped %v", w, d.stops)
				}
				checkNoLeak(t, base)
			}
		})
	}
}

// However a run ends, no source coroutine outlives it: the sources that were
// started and are not exhausted are stopped (and only those).
func TestSourcesStopped(t *testing.T) {
	p := newBProg(nil, []string{"done", "idle", "live", "t"},
		bproc{name: "Done", provides: "done"},
		bproc{name: "Idle", provides: "idle"},
		bproc{name: "Live", provides: "live"},
		bproc{name: "T", provides: "t", requires: []string{"live", "done"}},
	)
	for _, how := range []string{"fail", "cancel", "panic"} {
		for _, w := range bworkers {
			t.Run(fmt.Sprint(how, "/workers=", w), func(t *testing.T) {
				base := runtime.NumGoroutine()
				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()
				var returned atomic.Bool
				d := newSDisp(p, func(c *fwrt.Call, proc, cs string, m fwrt.Msg) error {
					if label(m) == "l6" {
						switch how {
						case "fail":
							return errBad
						case "cancel":
							cancel()
						case "panic":
							panic("handler")
						}
					}
					return nil
				}, map[string]func(context.Context, func(string) bool) error{
					"Done": items("d", 1),
					"Idle": items("i", 1),
					"Live": func(ctx context.Context, yield func(string) bool) error {
						defer returned.Store(true)
						for i := 1; ; i++ {
							if !yield(fmt.Sprint("l", i)) {
								return nil
							}
						}
					},
				})
				e := fwrt.New(p.prog, d, fw.WithWorkers(w), fw.WithSourceBatch(4))
				e.Resolve("t")
				err := e.Run(ctx)
				switch how {
				case "fail":
					if !errors.Is(err, errBad) {
						t.Fatalf("Run = %v", err)
					}
				case "cancel":
					if !errors.Is(err, context.Canceled) {
						t.Fatalf("Run = %v", err)
					}
				case "panic":
					var pe *fw.PanicError
					if !errors.As(err, &pe) {
						t.Fatalf("Run = %v", err)
					}
				}
				if !slices.Equal(d.stops, []string{"Live"}) {
					t.Errorf("stopped %v, want [Live]", d.stops)
				}
				if !returned.Load() {
					t.Errorf("Live's build did not return")
				}
				checkNoLeak(t, base)
			})
		}
	}
}

// A source that yields nothing but is not exhausted keeps the phase open and
// is pulled again; a Dispatcher without Sources has exhausted sources.
func TestSourceEmptyPulls(t *testing.T) {
	p := newBProg(nil, []string{"s"},
		bproc{name: "S", provides: "s"},
		bproc{name: "Out", on: []string{"built s"}, phase: true},
	)
	for _, w := range bworkers {
		var tr btrace
		d := &slowSource{bdisp: bdisp{b: p, invoke: func(c *fwrt.Call, proc, cs string, m fwrt.Msg) error {
			tr.add(c, proc, cs, m)
			return nil
		}}}
		e := fwrt.New(p.prog, d, fw.WithWorkers(w))
		e.Resolve("s")
		if err := e.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		equalLines(t, "Out", tr.get()["Out"], []string{"s a @0.0.0", "s b @0.1.0", "phase @0.2"})
		if got := statsLine(e.Stats().Processors[0]); got != "S r0 h0 f0 e2 p6" {
			t.Errorf("stats %s", got)
		}

		tr = btrace{}
		e = fwrt.New(p.prog, &d.bdisp, fw.WithWorkers(w))
		e.Resolve("s")
		if err := e.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		equalLines(t, "Out without Sources", tr.get()["Out"], []string{"phase @0.0"})
	}
}

// slowSource yields a, then nothing twice, then b, then nothing, then done.
type slowSource struct {
	bdisp
	pulls int
}

func (s *slowSource) Pull(c *fwrt.Call, proc int32, max int) (bool, error) {
	s.pulls++
	switch s.pulls {
	case 1:
		c.Emit(s.b.art("s", "a"))
	case 4:
		c.Emit(s.b.art("s", "b"))
	case 6:
		return true, nil
	}
	return false, nil
}

func (s *slowSource) Stop(proc int32) { panic("stopped an exhausted source") }

// TestLogOnlyForLateBuilders: a consumer builder that no case may resolve
// (ProcInfo.Resolves) is activated before the first step or never, so the
// engine keeps no log of what it would consume, however long the source; one
// that a case may resolve has everything logged until it is activated.
func TestLogOnlyForLateBuilders(t *testing.T) {
	const n = 5000
	for _, mayResolve := range []bool{false, true} {
		resolves := []string{}
		if mayResolve {
			resolves = []string{"c"}
		}
		p := newBProg(nil, []string{"c", "s"},
			bproc{name: "S", provides: "s", resolves: []string{}},
			bproc{name: "C", provides: "c", requires: []string{"s"}, resolves: []string{}},
			bproc{name: "R", on: []string{"built s"}, resolves: resolves},
		)
		var e *fwrt.Engine
		seen, logged := 0, 0
		d := newSDisp(p, func(c *fwrt.Call, proc, cs string, m fwrt.Msg) error {
			if proc == "R" {
				if seen++; seen == n {
					logged = fwrt.LoggedArtifacts(e)
				}
			}
			return nil
		}, map[string]func(ctx context.Context, yield func(string) bool) error{"S": items("s", n)})
		e = fwrt.New(p.prog, d)
		e.Resolve("s")
		if err := e.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		if want := map[bool]int{false: 0, true: n}[mayResolve]; seen != n || logged != want {
			t.Errorf("mayResolve=%v: R saw %d artifacts, %d logged at the last one; want %d and %d", mayResolve, seen, logged, n, want)
		}
	}
}

// Events into builders: eager builders (requiring an event type, a target
// that a processor publishes, or an eager builder's target) are active from
// the start, activated in declaration order before the caller's resolve
// requests, their `on init` emissions after step 0's other events; an eager
// builder activates the builders it requires (here the source S); resolving
// an eager builder's target or a published one activates nothing.
func TestEagerBuilders(t *testing.T) {
	p := newBProg([]string{"Go", "X"}, []string{"e", "f", "g", "h", "s"},
		bproc{name: "P", on: []string{"Go"}, init: true, publishes: []string{"f"}},
		bproc{name: "E", provides: "e", reqEvents: []string{"X"}, eager: true, init: true, phase: true},
		bproc{name: "G", provides: "g", requires: []string{"f"}, eager: true},
		bproc{name: "S", provides: "s"},
		bproc{name: "H", provides: "h", reqEvents: []string{"X"}, requires: []string{"s"}, eager: true, init: true},
		bproc{name: "Out", on: []string{"built e", "built g", "built h"}},
	)
	mk := func(tr *btrace) fwrt.Dispatcher {
		return newSDisp(p, func(c *fwrt.Call, proc, cs string, m fwrt.Msg) error {
			tr.add(c, proc, cs, m)
			switch {
			case proc == "P" && cs == "init":
				c.Emit(ev(1, "xi"))
			case proc == "P" && cs == "Go":
				c.Emit(ev(1, "x"+label(m)))
				c.Emit(p.art("f", "f"+label(m)))
			case proc == "E" && cs == "init":
				c.Emit(ev(1, "xe"))
			case proc == "E" && cs == "X":
				c.Emit(p.art("e", "E"+label(m)))
			case proc == "G":
				c.Emit(p.art("g", "G"+label(m)))
			case proc == "H":
				c.Emit(p.art("h", "H"+label(m)))
			}
			return nil
		}, map[string]func(context.Context, func(string) bool) error{"S": items("s", 2)})
	}
	runB(t, mk, p, func(e *fwrt.Engine) {
		e.Resolve("e")
		e.Resolve("f")
		e.Submit(ev(1, "x0"))
		e.Submit(ev(0, "go"))
	}, map[string][]string{
		"P": {"init @0.0", "Go go @0.0.0"},
		// Step 0: x0, go, xi (P's init), xe (E's init); then s1, s2 pulled.
		"E": {"init @0.0", "X x0 @0.0.0", "X xi @0.0.1", "X xe @0.0.2", "X xgo @0.1.0", "phase @0.3"},
		"G": {"f fgo @0.1.0"},
		"H": {"init @0.0", "X x0 @0.0.0", "X xi @0.0.1", "X xe @0.0.2", "s s1 @0.0.3", "s s2 @0.0.4", "X xgo @0.1.0"},
		// H's init publishes "H" in step 0.
		"Out": {"h H @0.0.0", "e Ex0 @0.1.0", "e Exi @0.1.1", "e Exe @0.1.2", "h Hx0 @0.1.3", "h Hxi @0.1.4", "h Hxe @0.1.5", "h Hs1 @0.1.6", "h Hs2 @0.1.7",
			"e Exgo @0.2.0", "g Gfgo @0.2.1", "h Hxgo @0.2.2"},
	})
}
