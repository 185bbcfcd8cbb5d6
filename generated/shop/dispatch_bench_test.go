package shop

import (
	"testing"

	"github.com/fwgo/fw/runtime/fwimpl"
)

// nop implements every handler of the package and only counts calls, so the
// benchmarks measure routing and dispatch, not work.
type nop struct{ calls int }

func (h *nop) OnCancelled(BillingCancelledContext, string) error       { h.calls++; return nil }
func (h *nop) OnDomestic(BillingDomesticContext, int64, string) error  { h.calls++; return nil }
func (h *nop) OnUnpaid(BillingUnpaidContext) error                     { h.calls++; return nil }
func (h *nop) OnOther(BillingOtherContext, string, int64) error        { h.calls++; return nil }
func (h *nop) OnSeen(AuditSeenContext, float64) error                  { h.calls++; return nil }
func (h *nop) OnInvoice(AuditInvoiceContext, string, int64) error      { h.calls++; return nil }
func (h *nop) OnRefund(AuditRefundContext, string) error               { h.calls++; return nil }
func (h *nop) Init(AuditInitContext) error                             { return nil }
func (h *nop) Phase(AuditPhaseContext, int) error                      { return nil }
func (h *nop) Terminate(AuditTerminateContext) error                   { return nil }
func (h *nop) OnFirst(LedgerFirstContext, int64) error                 { h.calls++; return nil }
func (h *nop) OnReport(LedgerReportContext, int64, int64) error        { h.calls++; return nil }
func (h *nop) OnDomesticTotal(LedgerDomesticTotalContext, int64) error { h.calls++; return nil }

// benchOrders exercise every Billing case and the Audit fan-out.
var benchOrders = []Order{
	{ID: "a", Region: "EU", Amount: 120, Paid: true},
	{ID: "b", Region: "US", Amount: 80, Paid: false},
	{ID: "c", Region: "US", Amount: 50, Paid: true},
	{ID: "d", Region: "EU", Status: StatusCANCELLED},
}

// BenchmarkDispatch compares one event's routing and dispatch through the
// generated code with a hand-written switch that calls the same handlers. The
// engine uses the fused DispatchAll (per step, here per 1,024 events) with one worker, and Route then Invoke (via
// inboxes) with several.
func BenchmarkDispatch(b *testing.B) {
	msgs := make([]fwimpl.Msg, len(benchOrders))
	for i, o := range benchOrders {
		msgs[i] = o.fwMsg(nil)
	}
	b.Run("generated-fused", func(b *testing.B) {
		h := &nop{}
		d := &fwDispatcher{h: Handlers{Billing: h, Audit: h, Ledger: h}}
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
	b.Run("generated-route-invoke", func(b *testing.B) {
		h := &nop{}
		d := &fwDispatcher{h: Handlers{Billing: h, Audit: h, Ledger: h}}
		c := &fwimpl.Call{}
		dst := make([]fwimpl.Delivery, 0, 8)
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			m := msgs[i&3]
			dst = d.Route(m, dst[:0])
			for _, dl := range dst {
				if err := d.Invoke(c, dl, m); err != nil {
					b.Fatal(err)
				}
			}
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

// handDispatch is what a person would write for the same patterns, holding the
// handlers as interfaces as any dispatcher that is not compiled with its
// handlers must (the generated one does too).
func handDispatch(billing BillingHandler, audit AuditHandler, c *fwimpl.Call, m fwimpl.Msg) error {
	switch m.Kind {
	case fwKindOrder:
		o := m.Ev.(*Order)
		var err error
		switch {
		case o.Status == StatusCANCELLED:
			err = billing.OnCancelled(BillingCancelledContext{fwimpl.NewOn[Order](c)}, o.ID)
		case o.Region == "EU":
			err = billing.OnDomestic(BillingDomesticContext{fwimpl.NewOn[Order](c)}, o.Amount, o.ID)
		case !o.Paid:
			err = billing.OnUnpaid(BillingUnpaidContext{fwimpl.NewOn[Order](c)})
		default:
			err = billing.OnOther(BillingOtherContext{fwimpl.NewOn[Order](c)}, o.ID, o.Amount)
		}
		if err != nil {
			return err
		}
		return audit.OnSeen(AuditSeenContext{fwimpl.NewOn[Order](c)}, o.Price)
	}
	return nil
}

// TestDispatchAgrees checks that the benchmark's baseline does what the generated
// code does, so the comparison is fair.
func TestDispatchAgrees(t *testing.T) {
	gen, fused, hand := &nop{}, &nop{}, &nop{}
	d := &fwDispatcher{h: Handlers{Billing: gen, Audit: gen, Ledger: gen}}
	fd := &fwDispatcher{h: Handlers{Billing: fused, Audit: fused, Ledger: fused}}
	x := fwimpl.NewSerial(&fwProgram)
	c := &fwimpl.Call{}
	for _, o := range benchOrders {
		m := o.fwMsg(nil)
		fd.DispatchAll(x, []fwimpl.Msg{m})
		for _, dl := range d.Route(m, nil) {
			if err := d.Invoke(c, dl, m); err != nil {
				t.Fatal(err)
			}
		}
		if err := handDispatch(hand, hand, c, m); err != nil {
			t.Fatal(err)
		}
	}
	if gen.calls != hand.calls || fused.calls != hand.calls || gen.calls != 2*len(benchOrders) {
		t.Fatalf("generated made %d calls, fused %d, hand-written %d, want %d", gen.calls, fused.calls, hand.calls, 2*len(benchOrders))
	}
}
