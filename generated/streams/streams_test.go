package streams_test

import (
	"context"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/fwgo/fw/generated/streams"
	"github.com/fwgo/fw/runtime/archive"
	"github.com/fwgo/fw/runtime/archive/badgerarchive"
	"github.com/fwgo/fw/runtime/fw"
	fwreactive "github.com/fwgo/fw/runtime/reactive"
)

// The handlers of testdata/examples/streams/streams.fw: helpers applied to
// plain events. Nobody resolves anything: every builder is eager (fed by
// events or by a processor's publications), active from the start of the
// run.

// screen publishes every order and emits an Alert for the large ones.
type screen struct{ lines []string }

func (s *screen) OnLarge(c streams.ScreenLargeContext, id string, amount int64) error {
	s.lines = append(s.lines, fmt.Sprintf("%d large %s", c.Phase(), id))
	c.EmitAlert(streams.Alert{ID: id, Amount: amount})
	c.PublishOrders(c.Event())
	return nil
}

func (s *screen) OnSmall(c streams.ScreenSmallContext) error {
	s.lines = append(s.lines, fmt.Sprintf("%d small %s", c.Phase(), c.Event().ID))
	c.PublishOrders(c.Event())
	return nil
}

// totals publishes the sum of each group of orders.
type totals struct{}

func (totals) OnByRegion(c streams.TotalsContext, v fwreactive.Group[string, streams.Order]) error {
	var sum int64
	for _, o := range v.Items {
		sum += o.Amount
	}
	c.Publish(sum)
	return nil
}

// tally counts alerts and publishes the count at a phase broadcast when it
// changed.
type tally struct{ n, published int64 }

func (t *tally) OnAlert(c streams.TallyContext, v streams.Alert) error { t.n++; return nil }
func (t *tally) Phase(c streams.TallyContext, phase int) error {
	if t.n != t.published {
		t.published = t.n
		c.Publish(t.n)
	}
	return nil
}

// alerts implements the hooks of helper Alerts: each logs when it is
// called, in Report's log, after the helper's flush.
type alerts struct{ r *report }

func (a alerts) Phase(c streams.AlertsContext, phase int) error {
	a.r.add(c, "alerts hook phase %d", phase)
	return nil
}
func (a alerts) Terminate(c streams.AlertsContext) error {
	a.r.add(c, "alerts hook terminate")
	return nil
}

// report logs every artifact it receives, with its phase, and starts a
// second wave of orders at the first phase broadcast.
type report struct{ lines []string }

func (r *report) add(c interface{ Phase() int }, format string, args ...any) {
	r.lines = append(r.lines, fmt.Sprintf("%d ", c.Phase())+fmt.Sprintf(format, args...))
}

func ids(os []streams.Order) string {
	var s []string
	for _, o := range os {
		s = append(s, o.ID)
	}
	return strings.Join(s, ",")
}

func (r *report) OnGroup(c streams.ReportGroupContext, v fwreactive.Group[string, streams.Order]) error {
	r.add(c, "group %s [%s]", v.Key, ids(v.Items))
	return nil
}
func (r *report) OnAlerts(c streams.ReportAlertsContext, v []streams.Alert) error {
	var s []string
	for _, a := range v {
		s = append(s, a.ID)
	}
	r.add(c, "alerts [%s]", strings.Join(s, ","))
	return nil
}
func (r *report) OnSample(c streams.ReportSampleContext, v []streams.Order) error {
	r.add(c, "sample [%s]", ids(v))
	return nil
}
func (r *report) OnTotal(c streams.ReportTotalContext, v int64) error {
	r.add(c, "total %d", v)
	return nil
}
func (r *report) OnTally(c streams.ReportTallyContext, v int64) error {
	r.add(c, "tally %d", v)
	return nil
}
func (r *report) OnAgain(c streams.ReportAgainContext) error {
	r.add(c, "again %d", c.Event().Round)
	return nil
}
func (r *report) Phase(c streams.ReportPhaseContext, phase int) error {
	if phase == 0 {
		c.EmitOrder(streams.Order{ID: "o6", Region: "EU", Amount: 3000})
		c.EmitOrder(streams.Order{ID: "o7", Region: "AP", Amount: 5})
		c.EmitAgain(streams.Again{Round: 1})
	}
	return nil
}

var orders = []streams.Order{
	{ID: "o1", Region: "EU", Amount: 500},
	{ID: "o2", Region: "US", Amount: 1500},
	{ID: "o3", Region: "EU", Amount: 2000},
	{ID: "o4", Region: "AP", Amount: 10},
	{ID: "o5", Region: "US", Amount: 20},
}

type handlers struct {
	screen *screen
	tally  *tally
	report *report
}

func newPipeline(t testing.TB, opts ...fw.Option) (*handlers, *streams.Pipeline) {
	t.Helper()
	h := &handlers{&screen{}, &tally{}, &report{}}
	p, err := streams.NewPipeline(streams.Handlers{Screen: h.screen, Alerts: alerts{h.report}, Totals: totals{}, Tally: h.tally, Report: h.report}, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return h, p
}

// run submits the orders (or feeds them, with fed) and runs the pipeline.
func run(t testing.TB, fed bool, opts ...fw.Option) (*handlers, fw.Stats) {
	t.Helper()
	h, p := newPipeline(t, opts...)
	if fed {
		streams.SubmitSeqOf(p, slices.Values(orders))
	} else {
		for _, o := range orders {
			p.Submit(o)
		}
	}
	if err := p.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return h, p.Stats()
}

// want is what Report receives (and the hooks of Alerts, called after its
// flush, log). Phase 0 handles the submitted orders; its
// broadcast flushes the helpers (ByRegion's groups in ascending key order,
// everything Alerts collected, Sample's reservoir, Tally's count) and Report
// starts a second wave (o6, o7), so phase 1 receives the flushed artifacts
// (and Totals' sums of the groups, one step later) with the new orders.
var want = []string{
	"0 alerts hook phase 0",
	"1 group AP [o4]",
	"1 group EU [o1,o3]",
	"1 group US [o2,o5]",
	"1 alerts [o2,o3]",
	"1 sample [o5,o2,o3]", // seeded (seed 7): the same in every run
	"1 tally 2",
	"1 again 1",
	"1 total 10",
	"1 total 2500",
	"1 total 1520",
	"1 alerts hook phase 1",
	"2 group AP [o7]",
	"2 group EU [o6]",
	"2 alerts [o2,o3,o6]",
	"2 sample [o7,o2,o3]",
	"2 tally 3",
	"2 total 5",
	"2 total 3000",
	"2 alerts hook phase 2",
	"2 alerts hook terminate",
}

// TestHelpersOnEvents checks a Grouper on submitted (and emitted) events, a
// Collector and a user builder on emitted events, a ReservoirSampler on a
// target that a case publishes, and a user builder fed by a helper: what
// they publish, and when.
func TestHelpersOnEvents(t *testing.T) {
	h, st := run(t, false, fw.WithWorkers(1))
	if !slices.Equal(h.report.lines, want) {
		t.Errorf("Report got:\n%s\nwant:\n%s", strings.Join(h.report.lines, "\n"), strings.Join(want, "\n"))
	}
	wantScreen := []string{"0 small o1", "0 large o2", "0 large o3", "0 small o4", "0 small o5", "1 large o6", "1 small o7"}
	if !slices.Equal(h.screen.lines, wantScreen) {
		t.Errorf("Screen got %q, want %q", h.screen.lines, wantScreen)
	}
	// ByRegion received every order, submitted or emitted; Sample every
	// published one; Tally every alert.
	for name, n := range map[string]uint64{"ByRegion": 7, "Sample": 7, "Alerts": 3, "Tally": 3, "Totals": 5} {
		if ps, ok := st.Proc(name); !ok || ps.Received != n {
			t.Errorf("%s received %d, want %d", name, ps.Received, n)
		}
	}
}

// TestFedEventsReachBuilders feeds the orders lazily (SubmitSeqOf) instead
// of submitting them: builders receive fed events like submitted ones.
func TestFedEventsReachBuilders(t *testing.T) {
	h, _ := run(t, true, fw.WithWorkers(1))
	if !slices.Equal(h.report.lines, want) {
		t.Errorf("Report got:\n%s\nwant:\n%s", strings.Join(h.report.lines, "\n"), strings.Join(want, "\n"))
	}
}

// trace runs the pipeline on many orders and returns everything the
// processors received, in order, with the stats' table.
func trace(t testing.TB, n int, fed bool, opts ...fw.Option) string {
	t.Helper()
	regions := []string{"EU", "US", "AP", "SA"}
	h, p := newPipeline(t, opts...)
	seq := func(yield func(streams.Order) bool) {
		for i := range n {
			if !yield(streams.Order{ID: fmt.Sprintf("n%04d", i), Region: regions[i*7%len(regions)], Amount: int64(i * 37 % 2500)}) {
				return
			}
		}
	}
	if fed {
		streams.SubmitSeqOf(p, iter.Seq[streams.Order](seq))
	} else {
		for o := range seq {
			p.Submit(o)
		}
	}
	if err := p.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString(strings.Join(h.screen.lines, "\n") + "\n" + strings.Join(h.report.lines, "\n") + "\n")
	p.Stats().WriteTable(&b)
	return b.String()
}

// TestWorkersDeterministic compares the traces of runs with 1, 2 and 8
// workers (and fed runs with small source batches, whose steps differ from
// a submitted run's but not from each other's).
func TestWorkersDeterministic(t *testing.T) {
	const n = 2000
	for _, fed := range []bool{false, true} {
		ref := trace(t, n, fed, fw.WithWorkers(1), fw.WithSourceBatch(64))
		if !strings.Contains(ref, "group SA") || !strings.Contains(ref, "sample [") {
			t.Fatalf("trace is missing artifacts:\n%s", ref)
		}
		for _, workers := range []int{2, 8} {
			if got := trace(t, n, fed, fw.WithWorkers(workers), fw.WithSourceBatch(64)); got != ref {
				t.Errorf("fed %t, %d workers: the trace differs from 1 worker's", fed, workers)
			}
		}
	}
}

// TestRecordedReplay records a run with eager builders and publications and
// replays it with another worker count: the same calls, the same emissions.
func TestRecordedReplay(t *testing.T) {
	path := filepath.Join(t.TempDir(), "streams.fwrec")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	run(t, false, fw.WithWorkers(8), fw.WithRecord(f))
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	f, err = os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	h, p := newPipeline(t, fw.WithWorkers(1))
	if err := p.Replay(context.Background(), f); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(h.report.lines, want) {
		t.Errorf("replayed Report got:\n%s", strings.Join(h.report.lines, "\n"))
	}
}

// TestPersistentSampler runs the pipeline twice on one archive, in memory and
// in a Badger workspace (closed and reopened between the runs): the first
// run records each of Sample's phase flushes (3 phases, 3 misses), the
// second publishes the recorded samples (3 hits) and Report sees the same;
// with WithVerify the helper's flushes are compared with the records.
func TestPersistentSampler(t *testing.T) {
	check := func(t *testing.T, st fw.Stats, hits, misses uint64) {
		t.Helper()
		ps, _ := st.Proc("Sample")
		if ps.CacheHits != hits || ps.CacheMisses != misses {
			t.Errorf("Sample: %d hits and %d misses, want %d and %d", ps.CacheHits, ps.CacheMisses, hits, misses)
		}
	}
	t.Run("memory", func(t *testing.T) {
		a := archive.NewMemory()
		h, st := run(t, false, fw.WithArchive(a))
		check(t, st, 0, 3)
		for _, opts := range [][]fw.Option{{fw.WithArchive(a), fw.WithWorkers(8)}, {fw.WithArchive(a), fw.WithVerify()}} {
			h2, st := run(t, false, opts...)
			check(t, st, 3, 0)
			// Screen is cached: its publications are replayed too.
			if ps, _ := st.Proc("Screen"); ps.CacheHits != 7 || ps.CacheMisses != 0 {
				t.Errorf("Screen: %d hits and %d misses, want 7 and 0", ps.CacheHits, ps.CacheMisses)
			}
			if !slices.Equal(h2.report.lines, h.report.lines) {
				t.Errorf("a warm run got:\n%s", strings.Join(h2.report.lines, "\n"))
			}
		}
		// Other inputs: other keys.
		_, p := newPipeline(t, fw.WithArchive(a))
		p.Submit(streams.Order{ID: "x", Region: "EU", Amount: 1})
		if err := p.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		check(t, p.Stats(), 0, 3) // a new key at each of its 3 phases
	})
	t.Run("badger", func(t *testing.T) {
		dir := t.TempDir()
		var first []string
		for i, want := range [][2]uint64{{0, 3}, {3, 0}} {
			a, err := badgerarchive.Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			h, st := run(t, false, fw.WithArchive(a))
			if err := a.Close(); err != nil {
				t.Fatal(err)
			}
			check(t, st, want[0], want[1])
			if i == 0 {
				first = h.report.lines
			} else if !slices.Equal(h.report.lines, first) {
				t.Errorf("the warm run got:\n%s", strings.Join(h.report.lines, "\n"))
			}
		}
	})
}

// TestResolveFedTargets resolves a fed builder's target and a target that a
// processor publishes: both are allowed and change nothing (the builder is
// active from the start, the processor always).
func TestResolveFedTargets(t *testing.T) {
	h, p := newPipeline(t, fw.WithWorkers(2))
	p.ResolveByRegion()
	p.ResolveOrders()
	p.Resolve("sample")
	for _, o := range orders {
		p.Submit(o)
	}
	if err := p.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(h.report.lines, want) {
		t.Errorf("Report got:\n%s", strings.Join(h.report.lines, "\n"))
	}
}

// TestCallScreen tests Screen's handler alone (CallScreen): what it emits and
// what it publishes.
func TestCallScreen(t *testing.T) {
	o := streams.Order{ID: "b", Region: "EU", Amount: 5000}
	res := streams.CallScreen(&screen{}, o)
	if res.Err != nil || res.Case != "Large" {
		t.Fatalf("case %q, err %v", res.Case, res.Err)
	}
	if len(res.Emitted) != 1 || res.Emitted[0] != (streams.Alert{ID: "b", Amount: 5000}) {
		t.Errorf("emitted %v", res.Emitted)
	}
	want := []fw.TestArtifact{{Target: "orders", Value: o}}
	if fmt.Sprint(res.Published) != fmt.Sprint(want) {
		t.Errorf("published %v, want %v", res.Published, want)
	}
}
