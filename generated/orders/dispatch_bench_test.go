package orders

import (
	"context"
	"testing"
	"time"

	"github.com/fwgo/fw/runtime/fw"
	"github.com/fwgo/fw/runtime/fwimpl"
)

// nop implements every handler of the package and only counts calls, so the
// benchmarks measure routing and dispatch, not work.
type nop struct{ calls int }

func (h *nop) OnOrder(FulfilOrderContext, Customer, []Item, map[string]string, *int64, time.Time, time.Duration, string) error {
	h.calls++
	return nil
}
func (h *nop) OnBook(LedgerBookContext, Customer, []Item, []string, map[int64][]string, *[]Note) error {
	h.calls++
	return nil
}
func (h *nop) OnShipment(LedgerShipmentContext, Address, map[string]int64, time.Time, *time.Duration) error {
	h.calls++
	return nil
}
func (h *nop) Phase(LedgerPhaseContext, int) error                 { return nil }
func (h *nop) OnAllDepots(ReportAllDepotsContext, []Address) error { return nil }
func (h *nop) OnSummary(ReportSummaryContext, int64, map[string]float64, *time.Time) error {
	return nil
}
func (h *nop) Init(ReportInitContext) error                    { return nil }
func (h *nop) Build(context.Context, func(Address) bool) error { return nil }

// benchOrders are Orders with a nested record (Customer, with an Address and
// an optional one) and lists (Items, Tags), among the rest.
func benchOrders() []Order {
	zip := "0150"
	disc := int64(5)
	placed := time.Date(2026, 12, 7, 6, 0, 0, 0, time.UTC)
	os := make([]Order, 4)
	for i := range os {
		os[i] = Order{
			ID: string(rune('a' + i)),
			Customer: Customer{Name: "Ada", Tier: Tier(i & 1), Address: Address{Street: "1 Main St", City: "Oslo", Zip: &zip},
				Billing: &Address{Street: "PO Box 7", City: "Bergen"}},
			Items:    []Item{{Sku: "pen", Qty: 3, Price: 1.5}, {Sku: "ink", Qty: int64(i), Price: 7.25}},
			Tags:     []string{"gift"},
			Labels:   map[string]string{"channel": "web"},
			Discount: &disc,
			Placed:   placed,
			TTL:      time.Hour,
		}
	}
	return os
}

// BenchmarkDispatchStructured compares the dispatch of an Order, an event
// with a nested record and lists, to its two processors (Fulfil and
// Ledger, each binding records, lists, maps and optional fields) through the
// generated code with a hand-written switch on the same Go struct that calls
// the same handlers: generated/shop's BenchmarkDispatch for structured
// events. The engine dispatches a step with DispatchAll (here batches of
// 1,024 events) when it runs inline.
func BenchmarkDispatchStructured(b *testing.B) {
	var msgs []fwimpl.Msg
	for _, o := range benchOrders() {
		msgs = append(msgs, o.fwMsg(nil))
	}
	b.Run("generated-fused", func(b *testing.B) {
		h := &nop{}
		d := &fwDispatcher{h: Handlers{Fulfil: h, Ledger: h, Report: h, Depots: h}}
		x := fwimpl.NewSerial(&fwProgram)
		batch := make([]fwimpl.Msg, 1024)
		for i := range batch {
			batch[i] = msgs[i&3]
		}
		b.ReportAllocs()
		b.ResetTimer()
		for n := b.N; n > 0; n -= len(batch) {
			d.DispatchAll(x, batch[:min(n, len(batch))])
		}
		if err := x.Err(); err != nil {
			b.Fatal(err)
		}
	})
	b.Run("handwritten", func(b *testing.B) {
		h := &nop{}
		c := &fwimpl.Call{}
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			if err := handDispatch(h, h, c, msgs[i&3]); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// handDispatch is what a person would write: a switch on the kind, the
// struct's fields passed to the handlers, held as interfaces as the
// generated dispatcher holds them.
func handDispatch(fulfil FulfilHandler, ledger LedgerHandler, c *fwimpl.Call, m fwimpl.Msg) error {
	switch m.Kind {
	case fwKindOrder:
		o := m.Ev.(*Order)
		if err := fulfil.OnOrder(FulfilOrderContext{fwimpl.NewOn[Order](c)}, o.Customer, o.Items, o.Labels, o.Discount, o.Placed, o.TTL, o.ID); err != nil {
			return err
		}
		return ledger.OnBook(LedgerBookContext{fwimpl.NewOn[Order](c)}, o.Customer, o.Items, o.Tags, o.ByDay, o.Notes)
	}
	return nil
}

// TestDispatchStructuredAgrees checks that the benchmark's baseline makes the
// calls the generated dispatch makes, and that neither allocates.
func TestDispatchStructuredAgrees(t *testing.T) {
	gen, hand := &nop{}, &nop{}
	d := &fwDispatcher{h: Handlers{Fulfil: gen, Ledger: gen, Report: gen, Depots: gen}}
	x := fwimpl.NewSerial(&fwProgram)
	c := &fwimpl.Call{}
	var msgs []fwimpl.Msg
	for _, o := range benchOrders() {
		msgs = append(msgs, o.fwMsg(nil))
	}
	d.DispatchAll(x, msgs)
	for _, m := range msgs {
		if err := handDispatch(hand, hand, c, m); err != nil {
			t.Fatal(err)
		}
	}
	if gen.calls != hand.calls || gen.calls != 2*len(msgs) {
		t.Fatalf("generated made %d calls, hand-written %d, want %d", gen.calls, hand.calls, 2*len(msgs))
	}
	if raceEnabled {
		return // the race detector allocates
	}
	if n := testing.AllocsPerRun(100, func() { d.DispatchAll(x, msgs) }); n != 0 {
		t.Errorf("DispatchAll of %d Orders: %v allocations, want 0", len(msgs), n)
	}
}

// BenchmarkEventChecks measures what the debug mode costs a run of Orders
// (per event, each delivered to 2 processors whose handlers do nothing):
// two canonical encodings per call and the slow call path.
func BenchmarkEventChecks(b *testing.B) {
	orders := benchOrders()
	for _, on := range []bool{false, true} {
		name := "off"
		if on {
			name = "on"
		}
		b.Run(name, func(b *testing.B) {
			h := &nop{}
			b.ReportAllocs()
			for n := b.N; n > 0; n -= 1024 {
				var opts []fw.Option
				if on {
					opts = append(opts, fw.WithEventChecks())
				}
				p, err := NewPipeline(Handlers{Fulfil: h, Ledger: h, Report: h, Depots: h}, append(opts, fw.WithWorkers(1))...)
				if err != nil {
					b.Fatal(err)
				}
				for i := range min(n, 1024) {
					p.Submit(orders[i&3])
				}
				if err := p.Run(context.Background()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
