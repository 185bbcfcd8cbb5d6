package audit_test

import (
	"context"
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/fwgo/fw/generated/audit"
	"github.com/fwgo/fw/runtime/archive"
	"github.com/fwgo/fw/runtime/fw"
)

// log records the calls of both processors, in the order each receives them.
type log struct {
	mu    sync.Mutex
	calls map[string][]string
}

func (l *log) rec(proc, format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.calls[proc] = append(l.calls[proc], fmt.Sprintf(format, args...))
}

type review struct{ *log }
type trail struct{ *log }
type digest struct{ *log }

func (d digest) OnBig(c audit.DigestBigContext, amount int64) error {
	d.rec("Digest", "Big(%d)", amount)
	return nil
}
func (d digest) OnOther(c audit.DigestOtherContext, ev audit.Event) error {
	d.rec("Digest", "Other(%s)", ev.EventName())
	return nil
}

func (r review) OnLarge(c audit.ReviewLargeContext, id string, amount int64, region string) error {
	r.rec("Review", "Large(%s,%d,%s)", id, amount, region)
	c.EmitAlert(audit.Alert{ID: id, Reason: "large"})
	return nil
}
func (r review) OnPriority(c audit.ReviewPriorityContext, id string, amount int64, tier audit.Tier) error {
	r.rec("Review", "Priority(%s,%d,%d)", id, amount, tier)
	return nil
}
func (r review) OnAnnotated(c audit.ReviewAnnotatedContext, id string, note []byte) error {
	r.rec("Review", "Annotated(%s,%s)", id, note)
	return nil
}
func (r review) OnRoutine(c audit.ReviewRoutineContext, id string) error {
	r.rec("Review", "Routine(%s)", id)
	return nil
}
func (r review) OnLocked(c audit.ReviewLockedContext, user string, ok bool, attempts int64) error {
	r.rec("Review", "Locked(%s,%d)", user, attempts)
	c.EmitAlert(audit.Alert{ID: user, Reason: "locked"})
	return nil
}

func (r review) OnStale(c audit.ReviewStaleContext, user string, started time.Time, idle time.Duration) error {
	r.rec("Review", "Stale(%s,%s,%s)", user, started.Format(time.DateOnly), idle)
	return nil
}

func (t trail) OnAlert(c audit.TrailAlertContext, id, reason string) error {
	t.rec("Trail", "Alert(%s,%s)", id, reason)
	return nil
}

// OnRecord receives every other event, by value, as an audit.Event.
func (t trail) OnRecord(c audit.TrailRecordContext, ev audit.Event) error {
	switch ev := ev.(type) {
	case audit.Order:
		t.rec("Trail", "Order(%s)", ev.ID)
	case audit.Login:
		t.rec("Trail", "Login(%s,%t)", ev.User, ev.Ok)
	default:
		t.rec("Trail", "%s", ev.EventName())
	}
	return nil
}

var inputs = []audit.Event{
	audit.Order{ID: "big", Amount: 5000, Region: "us"},                            // Large
	audit.Order{ID: "big-eu", Amount: 5000, Region: "eu"},                         // not Large (eu): Priority (amount >= 500)
	audit.Order{ID: "gold", Amount: 10, Tier: audit.TierGOLD},                     // Priority (tier)
	audit.Order{ID: "noted", Amount: 10, Note: []byte("gift")},                    // Annotated
	audit.Order{ID: "plain", Amount: 10},                                          // Routine
	audit.Order{ID: "edge", Amount: 1000, Region: "us"},                           // not Large (1000 is not > 1000): Priority
	audit.Login{User: "ann", Ok: false, Attempts: 3},                              // Locked
	audit.Login{User: "bob", Ok: true, Attempts: 5},                               // ok: no Review case matches
	audit.Login{User: "cy", Ok: false, Attempts: 2},                               // too few attempts: no case
	audit.Logout{User: "ann"},                                                     // Review has no case
	audit.Order{ID: "gold-big", Amount: 2000, Region: "fr", Tier: audit.TierGOLD}, // Large: first match wins
	audit.Session{User: "idle", Started: day(2026, 3), Idle: 31 * time.Minute},    // Stale: idle over 30m
	audit.Session{User: "old", Started: day(2025, 12), Idle: time.Minute},         // Stale: started before 2026
	audit.Session{User: "edge", Started: day(2026, 1), Idle: 30 * time.Minute},    // neither: 30m is not > 30m
}

// day is the first day of a month, in a zone east of UTC: guards compare
// instants, whatever their location.
func day(year int, month time.Month) time.Time {
	return time.Date(year, month, 1, 1, 0, 0, 0, time.FixedZone("CET", 3600))
}

func run(t *testing.T, workers int, opts ...fw.Option) (*log, fw.Stats) {
	t.Helper()
	l := &log{calls: map[string][]string{}}
	p, err := audit.NewPipeline(audit.Handlers{Review: review{l}, Trail: trail{l}, Digest: digest{l}}, append(opts, fw.WithWorkers(workers))...)
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range inputs {
		p.Submit(ev)
	}
	if err := p.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return l, p.Stats()
}

func TestGuardsAndCatchAll(t *testing.T) {
	l, st := run(t, 1)
	want := map[string][]string{
		"Review": {"Large(big,5000,us)", "Priority(big-eu,5000,0)", "Priority(gold,10,1)", "Annotated(noted,gift)",
			"Routine(plain)", "Priority(edge,1000,0)", "Locked(ann,3)", "Large(gold-big,2000,fr)",
			"Stale(idle,2026-03-01,31m0s)", "Stale(old,2025-12-01,1m0s)"},
		// Trail records every input (Order, Login, Logout) through the
		// catch-all, in input order; then, in step 1, the alerts by their own case.
		"Trail": {"Order(big)", "Order(big-eu)", "Order(gold)", "Order(noted)", "Order(plain)", "Order(edge)",
			"Login(ann,false)", "Login(bob,true)", "Login(cy,false)", "Logout", "Order(gold-big)",
			"Session", "Session", "Session",
			"Alert(big,large)", "Alert(ann,locked)", "Alert(gold-big,large)"},
		// Digest: the orders of 500 or more by Big, every other event by Other.
		"Digest": {"Big(5000)", "Big(5000)", "Other(Order)", "Other(Order)", "Other(Order)", "Big(1000)",
			"Other(Login)", "Other(Login)", "Other(Login)", "Other(Logout)", "Big(2000)",
			"Other(Session)", "Other(Session)", "Other(Session)",
			"Other(Alert)", "Other(Alert)", "Other(Alert)"},
	}
	if !reflect.DeepEqual(l.calls, want) {
		t.Errorf("calls:\n got %q\nwant %q", l.calls, want)
	}
	if got := st.Processors[1]; got.Received != 17 || got.Handled != 17 {
		t.Errorf("Trail stats %+v, want 17 received and handled", got)
	}
	// Review receives the events its cases match: not the ok login, the
	// login with two attempts, the logout, nor the session at the edge.
	if got := st.Processors[0]; got.Received != 10 || got.Emitted != 3 {
		t.Errorf("Review stats %+v, want 10 received, 3 emitted", got)
	}
}

// TestCachedCatchAll: a second run over the archive of a first one on the
// same inputs replays every call of the cached Digest, its catch-all case's
// (on events of four types) as its guarded case's, and calls it no more.
func TestCachedCatchAll(t *testing.T) {
	a := archive.NewMemory()
	first, st1 := run(t, 1, fw.WithArchive(a))
	if n := len(first.calls["Digest"]); n != 17 || st1.Processors[2].CacheMisses != 17 {
		t.Fatalf("first run: %d calls of Digest, stats %+v", n, st1.Processors[2])
	}
	for _, workers := range []int{1, 4} {
		again, st := run(t, workers, fw.WithArchive(a))
		if n := len(again.calls["Digest"]); n != 0 || st.Processors[2].CacheHits != 17 {
			t.Errorf("%d workers: %d calls of Digest (%q), stats %+v", workers, n, again.calls["Digest"], st.Processors[2])
		}
		if !reflect.DeepEqual(again.calls["Trail"], first.calls["Trail"]) {
			t.Errorf("%d workers: Trail %q, first run %q", workers, again.calls["Trail"], first.calls["Trail"])
		}
	}
}

// TestWorkers: the same calls, in the same order, and the same stats, with
// any number of workers.
func TestWorkers(t *testing.T) {
	one, st1 := run(t, 1)
	for _, workers := range []int{2, 4, 8} {
		for range 10 {
			many, st := run(t, workers)
			if !reflect.DeepEqual(one.calls, many.calls) {
				t.Fatalf("%d workers: %q, 1 worker: %q", workers, many.calls, one.calls)
			}
			if !reflect.DeepEqual(st1, st) {
				t.Fatalf("%d workers: stats %+v, 1 worker %+v", workers, st, st1)
			}
		}
	}
}

// TestHarness calls single cases: the harness routes through the guards and
// the catch-all.
func TestHarness(t *testing.T) {
	l := &log{calls: map[string][]string{}}
	cases := []struct {
		ev   audit.Event
		want string
	}{
		{audit.Order{ID: "x", Amount: 1001, Region: "us"}, "Large"},
		{audit.Order{ID: "x", Amount: 1001, Region: "eu"}, "Priority"},
		{audit.Order{ID: "x", Amount: 499}, "Routine"},
		{audit.Login{User: "u", Attempts: 9}, "Locked"},
		{audit.Login{User: "u", Ok: true, Attempts: 9}, ""},
	}
	for _, c := range cases {
		if got := audit.CallReview(review{l}, c.ev).Case; got != c.want {
			t.Errorf("CallReview(%+v) matched %q, want %q", c.ev, got, c.want)
		}
	}
	for _, c := range []struct {
		ev   audit.Event
		want string
	}{
		{audit.Alert{ID: "a"}, "Alert"},
		{audit.Order{ID: "o"}, "Record"},
		{audit.Logout{User: "u"}, "Record"},
	} {
		if got := audit.CallTrail(trail{l}, c.ev).Case; got != c.want {
			t.Errorf("CallTrail(%+v) matched %q, want %q", c.ev, got, c.want)
		}
	}
	if got, want := l.calls["Trail"], []string{"Alert(a,)", "Order(o)", "Logout"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Trail calls %q, want %q", got, want)
	}
}

// TestGuardsDoNotAllocate: a run of n orders, each routed through Review's
// guards (comparisons of ints, of a string and of an enum, a len of bytes),
// allocates no more per order than the two catch-all calls it makes
// (Trail's and Digest's Other, each boxing the order into an audit.Event):
// guards read the event's fields and allocate nothing. (The generated
// matchers' differential test checks 0 allocations exactly, with random
// guards and no catch-all case.)
func TestGuardsDoNotAllocate(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	note := []byte("n")
	allocs := func(n int) float64 {
		return testing.AllocsPerRun(5, func() {
			p, err := audit.NewPipeline(audit.Handlers{Review: nopReview{}, Trail: nopTrail{}, Digest: nopDigest{}}, fw.WithWorkers(1))
			if err != nil {
				t.Fatal(err)
			}
			audit.SubmitSeqOf(p, func(yield func(audit.Order) bool) {
				for i := range n {
					// Under 500: every guard of Review is evaluated, and
					// Digest's Big does not match.
					if !yield(audit.Order{ID: "x", Amount: int64(i % 500), Region: "us", Note: note[:i%2]}) {
						return
					}
				}
			})
			if err := p.Run(context.Background()); err != nil {
				t.Fatal(err)
			}
		})
	}
	const n = 5000
	base, run := allocs(0), allocs(n)
	if run-base > 2*n+n/100 {
		t.Errorf("a run of %d orders allocates %v times more than an empty one, want at most %d (the catch-all calls)", n, run-base, 2*n)
	}
}

type nopDigest struct{}

func (nopDigest) OnBig(audit.DigestBigContext, int64) error           { return nil }
func (nopDigest) OnOther(audit.DigestOtherContext, audit.Event) error { return nil }

type nopTrail struct{}

func (nopTrail) OnAlert(audit.TrailAlertContext, string, string) error { return nil }
func (nopTrail) OnRecord(audit.TrailRecordContext, audit.Event) error  { return nil }

type nopReview struct{}

func (nopReview) OnLarge(audit.ReviewLargeContext, string, int64, string) error           { return nil }
func (nopReview) OnPriority(audit.ReviewPriorityContext, string, int64, audit.Tier) error { return nil }
func (nopReview) OnAnnotated(audit.ReviewAnnotatedContext, string, []byte) error          { return nil }
func (nopReview) OnRoutine(audit.ReviewRoutineContext, string) error                      { return nil }
func (nopReview) OnStale(audit.ReviewStaleContext, string, time.Time, time.Duration) error {
	return nil
}
func (nopReview) OnLocked(audit.ReviewLockedContext, string, bool, int64) error { return nil }
