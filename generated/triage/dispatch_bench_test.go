package triage

import (
	"testing"
	"time"

	"github.com/fwgo/fw/runtime/fwimpl"
)

// nop implements every handler of the package and records which case it
// got, so the benchmarks measure routing and dispatch, not work.
type nop struct {
	calls int
	trace string // every case called, when tracing
}

func (h *nop) on(name string) error {
	h.calls++
	if h.trace != "" {
		h.trace += " " + name
	}
	return nil
}

func (h *nop) OnTest(RouteTestContext, string) error                   { return h.on("Test") }
func (h *nop) OnNorwayVip(RouteNorwayVipContext) error                 { return h.on("NorwayVip") }
func (h *nop) OnGoldFullPrice(RouteGoldFullPriceContext, string) error { return h.on("GoldFullPrice") }
func (h *nop) OnNoZip(RouteNoZipContext, string) error                 { return h.on("NoZip") }
func (h *nop) OnBigDiscount(RouteBigDiscountContext) error             { return h.on("BigDiscount") }
func (h *nop) OnBacklog(RouteBacklogContext) error                     { return h.on("Backlog") }
func (h *nop) OnUrgent(RouteUrgentContext) error                       { return h.on("Urgent") }
func (h *nop) OnNoted(RouteNotedContext, *string) error                { return h.on("Noted") }
func (h *nop) OnOther(RouteOtherContext, Customer, []string) error     { return h.on("Other") }
func (h *nop) OnSmallNoBilling(DeskSmallNoBillingContext, *int64) error {
	return h.on("SmallNoBilling")
}
func (h *nop) OnArctic(DeskArcticContext, string, string) error { return h.on("Arctic") }
func (h *nop) OnLate(DeskLateContext) error                     { return h.on("Late") }
func (h *nop) OnAbroad(DeskAbroadContext, *string) error        { return h.on("Abroad") }
func (h *nop) OnRest(DeskRestContext) error                     { return h.on("Rest") }

func ptr[T any](v T) *T { return &v }

// benchOrders have a nested record, an optional one and a list, and reach
// most of Route's cases and Desk's case on orders.
var benchOrders = func() []Order {
	oslo := Address{City: "Oslo", Country: "NO", Zip: ptr("0150")}
	base := Order{ID: "o", Customer: Customer{Name: "Ada", Tier: TierSILVER, Address: oslo},
		Discount: ptr(int64(5)), Placed: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), TTL: time.Hour, Tags: []string{"a", "b"}}
	var out []Order
	for i := range 8 {
		o := base
		c := o.Customer
		switch i {
		case 0:
			o.ID = "test-1"
		case 1:
			c.Vip = true
		case 2:
			c.Tier, o.Discount = TierGOLD, nil
		case 3:
			c.Billing = &Address{City: "Bergen", Country: "NO"}
		case 4:
			o.Discount = ptr(int64(60))
		case 5:
			o.TTL = time.Second
		case 6:
			o.Note = ptr("fragile")
		}
		o.Customer = c
		out = append(out, o)
	}
	return out
}()

// BenchmarkDispatch compares one order's routing and dispatch through the
// generated code (Order's cases are matched by compiled tables) with a
// hand-written switch that tests the same fields of the same Go struct and
// calls the same handlers.
func BenchmarkDispatch(b *testing.B) {
	msgs := make([]fwimpl.Msg, len(benchOrders))
	for i, o := range benchOrders {
		msgs[i] = o.fwMsg(nil)
	}
	b.Run("generated-fused", func(b *testing.B) {
		h := &nop{}
		d := &fwDispatcher{h: Handlers{Route: h, Desk: h}}
		x := fwimpl.NewSerial(&fwProgram)
		batch := make([]fwimpl.Msg, 1024)
		for i := range batch {
			batch[i] = msgs[i&7]
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
		d := &fwDispatcher{h: Handlers{Route: h, Desk: h}}
		c := &fwimpl.Call{}
		dst := make([]fwimpl.Delivery, 0, 8)
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			m := msgs[i&7]
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
			if err := handDispatch(h, h, c, msgs[i&7]); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// handDispatch is what a person would write for the same patterns.
func handDispatch(route RouteHandler, desk DeskHandler, c *fwimpl.Call, m fwimpl.Msg) error {
	if m.Kind != fwKindOrder {
		return nil
	}
	o := m.Ev.(*Order)
	backlog := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var err error
	cu := &o.Customer
	switch {
	case len(o.ID) >= 5 && o.ID[:5] == "test-":
		err = route.OnTest(RouteTestContext{fwimpl.NewOn[Order](c)}, o.ID)
	case cu.Vip && cu.Address.Country == "NO" && (cu.Address.City == "Oslo" || cu.Address.City == "Bergen"):
		err = route.OnNorwayVip(RouteNorwayVipContext{fwimpl.NewOn[Order](c)})
	case cu.Tier == TierGOLD && o.Discount == nil:
		err = route.OnGoldFullPrice(RouteGoldFullPriceContext{fwimpl.NewOn[Order](c)}, cu.Name)
	case cu.Billing != nil && cu.Billing.Zip == nil:
		err = route.OnNoZip(RouteNoZipContext{fwimpl.NewOn[Order](c)}, cu.Billing.City)
	case o.Discount != nil && *o.Discount >= 50:
		err = route.OnBigDiscount(RouteBigDiscountContext{fwimpl.NewOn[Order](c)})
	case o.Placed.Before(backlog):
		err = route.OnBacklog(RouteBacklogContext{fwimpl.NewOn[Order](c)})
	case o.TTL < time.Minute:
		err = route.OnUrgent(RouteUrgentContext{fwimpl.NewOn[Order](c)})
	case o.Note != nil:
		err = route.OnNoted(RouteNotedContext{fwimpl.NewOn[Order](c)}, o.Note)
	default:
		err = route.OnOther(RouteOtherContext{fwimpl.NewOn[Order](c)}, o.Customer, o.Tags)
	}
	if err != nil {
		return err
	}
	if cu.Billing == nil && o.Discount != nil && *o.Discount >= 1 && *o.Discount <= 9 {
		return desk.OnSmallNoBilling(DeskSmallNoBillingContext{fwimpl.NewOn[Order](c)}, o.Discount)
	}
	return nil
}

// TestDispatchAgrees checks that the benchmark's baseline does what the
// generated code does, so the comparison is fair, and that neither the
// fused dispatch nor Route and Invoke allocate.
func TestDispatchAgrees(t *testing.T) {
	gen, fused, hand := &nop{trace: ":"}, &nop{trace: ":"}, &nop{trace: ":"}
	d := &fwDispatcher{h: Handlers{Route: gen, Desk: gen}}
	fd := &fwDispatcher{h: Handlers{Route: fused, Desk: fused}}
	x := fwimpl.NewSerial(&fwProgram)
	c := &fwimpl.Call{}
	msgs := make([]fwimpl.Msg, len(benchOrders))
	for i, o := range benchOrders {
		m := o.fwMsg(nil)
		msgs[i] = m
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
	const want = ": Test SmallNoBilling NorwayVip SmallNoBilling GoldFullPrice NoZip BigDiscount" +
		" Urgent SmallNoBilling Noted SmallNoBilling Other SmallNoBilling"
	if gen.trace != want || fused.trace != want || hand.trace != want {
		t.Fatalf("cases called:\ngenerated   %s\nfused       %s\nhand-written %s\nwant        %s", gen.trace, fused.trace, hand.trace, want)
	}
	gen.trace, fused.trace = "", ""
	dst := make([]fwimpl.Delivery, 0, 8)
	allocs := testing.AllocsPerRun(100, func() {
		fd.DispatchAll(x, msgs)
		for _, m := range msgs {
			dst = d.Route(m, dst[:0])
			for _, dl := range dst {
				_ = d.Invoke(c, dl, m)
			}
		}
	})
	if allocs != 0 {
		t.Errorf("%v allocations per pass", allocs)
	}
}
