package partition_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/fwgo/fw/generated/partition"
	"github.com/fwgo/fw/runtime/archive"
	"github.com/fwgo/fw/runtime/fw"
	"github.com/fwgo/fw/runtime/fwimpl"
	"github.com/fwgo/fw/runtime/reactive"
)

// The key groups of partition.fw: K of each partitioned processor.
const (
	kBilling    = 4
	kMatch      = 8
	kTrail      = 2
	kByCustomer = 3
)

func kg(key string, k int) int { return int(fwimpl.KeyGroupString(key, uint32(k))) }

// input is the events of a run, in submission order: n orders, each third
// one refunded two orders later; every eleventh order has a negative amount,
// which Billing refuses (a Failed event).
func input(n int) []partition.Event {
	var evs []partition.Event
	for i := range n {
		amount := int64(10 * (i + 1))
		if i%11 == 5 {
			amount = -amount
		}
		evs = append(evs, partition.Order{ID: fmt.Sprintf("o%d", i), Customer: int64(i % 7), Amount: amount})
		if j := i - 2; j >= 0 && j%3 == 0 {
			evs = append(evs, partition.Refund{OrderID: fmt.Sprintf("o%d", j), Amount: int64(j)})
		}
	}
	return evs
}

// call is one handler call of an instance: where it was, and what it got.
type call struct {
	step, input int
	what        string
}

// world collects what the instances and Report saw.
type world struct {
	mu      sync.Mutex
	t       *testing.T
	calls   map[string][]call // "Proc[kg]" → its calls, in call order
	billing int               // Billing's calls
	report  []string
}

func (w *world) note(t fw.Position, proc string, kg, k int, what string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if t.KeyGroup != kg || t.KeyGroups != k || t.Processor != proc {
		w.t.Errorf("%s[%d] of %d called at %+v", proc, kg, k, t)
	}
	key := fmt.Sprintf("%s[%d]", proc, kg)
	w.calls[key] = append(w.calls[key], call{t.Step, t.Input, what})
}

type billing struct {
	w  *world
	kg int
}

func (b *billing) OnOrder(c partition.BillingOrderContext) error {
	o := c.Event()
	b.w.note(c.Position(), "Billing", b.kg, kBilling, o.ID)
	b.w.mu.Lock()
	b.w.billing++
	b.w.mu.Unlock()
	if o.Amount < 0 {
		return errors.New("negative amount")
	}
	c.EmitInvoice(partition.Invoice{ID: o.ID, Customer: o.Customer, Amount: o.Amount})
	return nil
}

// match is an instance of Match: the amounts of its key group's orders.
type match struct {
	w       *world
	kg      int
	amounts map[string]int64
}

func (m *match) OnOrder(c partition.MatchOrderContext) error {
	o := c.Event()
	m.w.note(c.Position(), "Match", m.kg, kMatch, "order "+o.ID)
	m.amounts[o.ID] = o.Amount
	return nil
}

func (m *match) OnRefund(c partition.MatchRefundContext) error {
	r := c.Event()
	m.w.note(c.Position(), "Match", m.kg, kMatch, "refund "+r.OrderID)
	amount, ok := m.amounts[r.OrderID]
	if !ok {
		return fmt.Errorf("refund of %s before its order, or in another key group", r.OrderID)
	}
	c.EmitCredit(partition.Credit{OrderID: r.OrderID, Net: amount - r.Amount})
	return nil
}

type trail struct {
	w  *world
	kg int
}

func (t *trail) OnAny(c partition.TrailAnyContext, ev partition.Event) error {
	t.w.note(c.Position(), "Trail", t.kg, kTrail, ev.EventName()+" "+trailKey(ev))
	return nil
}

// trailKey is Trail's key of ev (partition.fw).
func trailKey(ev partition.Event) string {
	switch ev := ev.(type) {
	case partition.Order:
		return ev.ID
	case partition.Refund:
		return ev.OrderID
	case partition.Invoice:
		return ev.ID
	case partition.Credit:
		return ev.OrderID
	case partition.Failed:
		return ev.Payload
	}
	panic(fmt.Sprintf("unexpected %T", ev))
}

type invoices struct{}

func (invoices) OnInvoice(c partition.InvoicesInvoiceContext) error {
	c.PublishInvoices(c.Event())
	return nil
}

type report struct{ w *world }

func (r report) OnByCustomer(c partition.ReportByCustomerContext, g reactive.Group[int64, partition.Invoice]) error {
	var ids []string
	for _, inv := range g.Items {
		ids = append(ids, inv.ID)
	}
	r.w.report = append(r.w.report, fmt.Sprintf("customer %d: %s", g.Key, strings.Join(ids, " ")))
	return nil
}

func (r report) OnCredit(c partition.ReportCreditContext) error {
	cr := c.Event()
	r.w.report = append(r.w.report, fmt.Sprintf("credit %s %d", cr.OrderID, cr.Net))
	return nil
}

func (r report) OnFailed(c partition.ReportFailedContext) error {
	f := c.Event()
	r.w.report = append(r.w.report, fmt.Sprintf("failed %s %s: %s %s", f.Proc, f.Event, f.Error, f.Payload))
	return nil
}

func handlers(w *world) partition.Handlers {
	return partition.Handlers{
		Billing:  func(kg int) partition.BillingHandler { return &billing{w: w, kg: kg} },
		Match:    func(kg int) partition.MatchHandler { return &match{w: w, kg: kg, amounts: map[string]int64{}} },
		Trail:    func(kg int) partition.TrailHandler { return &trail{w: w, kg: kg} },
		Invoices: invoices{},
		Report:   report{w},
	}
}

// outcome is what a run gave.
type outcome struct {
	w      *world
	record []byte
	stats  fw.Stats
}

func run(t *testing.T, evs []partition.Event, opts ...fw.Option) outcome {
	t.Helper()
	w := &world{t: t, calls: map[string][]call{}}
	var rec bytes.Buffer
	p, err := partition.NewPipeline(handlers(w), append(opts, fw.WithRecord(&rec))...)
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range evs {
		p.Submit(ev)
	}
	if err := p.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	st := p.Stats()
	for i := range st.Processors {
		st.Processors[i].HandlerTime = 0
	}
	return outcome{w, rec.Bytes(), st}
}

// sortedCalls returns the calls of an instance by position (an instance
// with concurrency > 1 makes them in any order).
func sortedCalls(cs []call) []call {
	cs = slices.Clone(cs)
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].step != cs[j].step {
			return cs[i].step < cs[j].step
		}
		return cs[i].input < cs[j].input
	})
	return cs
}

// TestInstancesGetTheirKeyGroups: each instance of a partitioned processor
// receives exactly the inputs whose key falls in its key group, in the
// order they were submitted, at consecutive positions of its own inbox; the
// emitted events reach the instance of their key too.
func TestInstancesGetTheirKeyGroups(t *testing.T) {
	evs := input(60)
	o := run(t, evs, fw.WithWorkers(2))
	// The submitted events, per instance, in order.
	want := map[string][]string{}
	for _, ev := range evs {
		switch ev := ev.(type) {
		case partition.Order:
			key := fmt.Sprintf("Billing[%d]", kg(ev.ID, kBilling))
			want[key] = append(want[key], ev.ID)
			key = fmt.Sprintf("Match[%d]", kg(ev.ID, kMatch))
			want[key] = append(want[key], "order "+ev.ID)
		case partition.Refund:
			key := fmt.Sprintf("Match[%d]", kg(ev.OrderID, kMatch))
			want[key] = append(want[key], "refund "+ev.OrderID)
		}
		key := fmt.Sprintf("Trail[%d]", kg(trailKey(ev), kTrail))
		want[key] = append(want[key], ev.EventName()+" "+trailKey(ev))
	}
	instances := 0
	for key, cs := range o.w.calls {
		if strings.HasPrefix(key, "Billing") {
			cs = sortedCalls(cs) // concurrency 3
		}
		var got []string
		for i, c := range cs {
			if c.step != 0 {
				continue // emitted events: checked below
			}
			if c.input != i {
				t.Errorf("%s: call %d at input %d", key, i, c.input)
			}
			got = append(got, c.what)
		}
		if !slices.Equal(got, want[key]) {
			t.Errorf("%s received\n %q\nwant\n %q", key, got, want[key])
		}
		instances++
	}
	if n := len(want); instances != n {
		t.Errorf("%d instances were called, want %d", instances, n)
	}
	// Trail's later steps: the invoices, failures and credits, each in the
	// instance of its key.
	for i := range kTrail {
		for _, c := range o.w.calls[fmt.Sprintf("Trail[%d]", i)] {
			if c.step == 0 {
				continue
			}
			_, key, _ := strings.Cut(c.what, " ")
			if kg(key, kTrail) != i {
				t.Errorf("Trail[%d] got %s (step %d), of key group %d", i, c.what, c.step, kg(key, kTrail))
			}
		}
	}
	for _, name := range []string{"Billing", "Match", "Trail"} {
		ps, _ := o.stats.Proc(name)
		n := 0
		for i := range kMatch {
			n += len(o.w.calls[fmt.Sprintf("%s[%d]", name, i)])
		}
		if ps.Received != uint64(n) {
			t.Errorf("%s: Stats.Received %d, %d calls", name, ps.Received, n)
		}
	}
}

// TestSameOutputAnyWorkers: the output, the calls each instance saw and the
// record are the same, byte for byte, with 1, 2 and 8 workers.
func TestSameOutputAnyWorkers(t *testing.T) {
	evs := input(80)
	ref := run(t, evs, fw.WithWorkers(1))
	if len(ref.record) == 0 {
		t.Fatal("empty record")
	}
	for _, workers := range []int{2, 8} {
		o := run(t, evs, fw.WithWorkers(workers))
		if !slices.Equal(o.w.report, ref.w.report) {
			t.Errorf("%d workers: report\n%s\nwant\n%s", workers, strings.Join(o.w.report, "\n"), strings.Join(ref.w.report, "\n"))
		}
		for key, cs := range ref.w.calls {
			got, want := o.w.calls[key], cs
			if strings.HasPrefix(key, "Billing") {
				got, want = sortedCalls(got), sortedCalls(want)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%d workers: %s saw %v, want %v", workers, key, got, want)
			}
		}
		if !bytes.Equal(o.record, ref.record) {
			t.Errorf("%d workers: the record differs (%d bytes, want %d)", workers, len(o.record), len(ref.record))
		}
		if !reflect.DeepEqual(o.stats, ref.stats) {
			t.Errorf("%d workers: stats\n%v\nwant\n%v", workers, o.stats, ref.stats)
		}
	}
}

// TestOutputIsTheProgramsOutput: what Report gets is what the program means,
// whatever the key groups: a group per customer with its invoices, a credit
// per refund, a failure per negative order. Key groups change only the
// order (key-group-major), so it is compared sorted; the generated code of
// `into 1` is the program without partitions (dsl/gen TestPartitionIntoOne).
func TestOutputIsTheProgramsOutput(t *testing.T) {
	evs := input(50)
	o := run(t, evs)
	groups := map[int64][]string{}
	amounts := map[string]int64{}
	var want []string
	for _, ev := range evs {
		switch ev := ev.(type) {
		case partition.Order:
			amounts[ev.ID] = ev.Amount
			if ev.Amount < 0 {
				payload, err := partition.EncodeJSON(ev)
				if err != nil {
					t.Fatal(err)
				}
				want = append(want, fmt.Sprintf("failed Billing Order: negative amount %s", payload))
				continue
			}
			groups[ev.Customer] = append(groups[ev.Customer], ev.ID)
		case partition.Refund:
			want = append(want, fmt.Sprintf("credit %s %d", ev.OrderID, amounts[ev.OrderID]-ev.Amount))
		}
	}
	for c, ids := range groups {
		slices.Sort(ids)
		want = append(want, fmt.Sprintf("customer %d: %s", c, strings.Join(ids, " ")))
	}
	var got []string
	for _, line := range o.w.report {
		if rest, ok := strings.CutPrefix(line, "customer "); ok {
			c, ids, _ := strings.Cut(rest, ": ")
			f := strings.Fields(ids)
			slices.Sort(f)
			line = "customer " + c + ": " + strings.Join(f, " ")
		}
		got = append(got, line)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("report\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A customer's group is whole: its instance of ByCustomer got all its
	// invoices.
	if n := strings.Count(strings.Join(o.w.report, "\n"), "customer "); n != len(groups) {
		t.Errorf("%d groups, want %d", n, len(groups))
	}
}

// TestCachedAcrossRuns: Billing is cached; a second run over the same
// archive replays its successful calls (each instance's cache keys are the
// unpartitioned ones) and gives the same output.
func TestCachedAcrossRuns(t *testing.T) {
	evs := input(40)
	a := archive.NewMemory()
	first := run(t, evs, fw.WithArchive(a), fw.WithWorkers(2))
	second := run(t, evs, fw.WithArchive(a), fw.WithWorkers(2))
	if !slices.Equal(second.w.report, first.w.report) {
		t.Errorf("report\n%s\nwant\n%s", strings.Join(second.w.report, "\n"), strings.Join(first.w.report, "\n"))
	}
	ps1, _ := first.stats.Proc("Billing")
	ps2, _ := second.stats.Proc("Billing")
	if ps1.CacheHits != 0 || ps2.CacheHits == 0 || ps2.CacheHits+ps2.CacheMisses != ps1.CacheMisses {
		t.Errorf("cache hits %d then %d, misses %d then %d", ps1.CacheHits, ps2.CacheHits, ps1.CacheMisses, ps2.CacheMisses)
	}
	if second.w.billing >= first.w.billing {
		t.Errorf("Billing called %d times, then %d", first.w.billing, second.w.billing)
	}
}

// TestHarness: the test harness calls a partitioned processor's handler as
// key group 0's.
func TestHarness(t *testing.T) {
	w := &world{t: t, calls: map[string][]call{}}
	res := partition.CallMatch(&match{w: w, amounts: map[string]int64{"o1": 30}}, partition.Refund{OrderID: "o1", Amount: 5})
	if res.Err != nil || len(res.Emitted) != 1 || res.Emitted[0] != (partition.Credit{OrderID: "o1", Net: 25}) {
		t.Errorf("CallMatch: %+v", res)
	}
}

// TestNilInstance: a factory that returns nil is an error of NewPipeline.
func TestNilInstance(t *testing.T) {
	w := &world{t: t, calls: map[string][]call{}}
	h := handlers(w)
	h.Match = func(kg int) partition.MatchHandler {
		if kg == 5 {
			return nil
		}
		return &match{w: w, kg: kg, amounts: map[string]int64{}}
	}
	if _, err := partition.NewPipeline(h); err == nil || !strings.Contains(err.Error(), "Handlers.Match returned nil for key group 5") {
		t.Errorf("NewPipeline: %v", err)
	}
	h = handlers(w)
	h.Trail = nil
	if _, err := partition.NewPipeline(h); err == nil || !strings.Contains(err.Error(), "no handler for Trail") {
		t.Errorf("NewPipeline: %v", err)
	}
}

// TestReplayRecord: a record of the partitioned program replays: the
// instances get the same calls and Report the same output; a handler that
// emits something else is caught.
func TestReplayRecord(t *testing.T) {
	evs := input(40)
	ref := run(t, evs, fw.WithWorkers(2))
	for _, workers := range []int{1, 8} {
		w := &world{t: t, calls: map[string][]call{}}
		p, err := partition.NewPipeline(handlers(w), fw.WithWorkers(workers))
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Replay(context.Background(), bytes.NewReader(ref.record)); err != nil {
			t.Fatalf("replay with %d workers: %v", workers, err)
		}
		if !slices.Equal(w.report, ref.w.report) {
			t.Errorf("replay with %d workers: report\n%s\nwant\n%s", workers, strings.Join(w.report, "\n"), strings.Join(ref.w.report, "\n"))
		}
		for key, cs := range ref.w.calls {
			if got := w.calls[key]; !slices.Equal(sortedCalls(got), sortedCalls(cs)) {
				t.Errorf("replay with %d workers: %s saw %v, want %v", workers, key, got, cs)
			}
		}
	}
	// Match's instance of o3 nets refunds one less: the replay diverges.
	w := &world{t: t, calls: map[string][]call{}}
	h := handlers(w)
	h.Match = func(kg int) partition.MatchHandler {
		return &matchChanged{match{w: w, kg: kg, amounts: map[string]int64{}}}
	}
	p, err := partition.NewPipeline(h)
	if err != nil {
		t.Fatal(err)
	}
	var div *fw.DivergenceError
	if err := p.Replay(context.Background(), bytes.NewReader(ref.record)); !errors.As(err, &div) {
		t.Fatalf("replay with a changed Match: %v, want a *fw.DivergenceError", err)
	}
}

type matchChanged struct{ match }

func (m *matchChanged) OnRefund(c partition.MatchRefundContext) error {
	r := c.Event()
	if r.OrderID != "o3" {
		return m.match.OnRefund(c)
	}
	c.EmitCredit(partition.Credit{OrderID: r.OrderID, Net: m.amounts[r.OrderID] - r.Amount - 1})
	return nil
}
