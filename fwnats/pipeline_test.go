package fwnats

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/fwgo/fw/generated/billing"
	"github.com/fwgo/fw/runtime/fw"
	"github.com/nats-io/nats.go/jetstream"
)

// The billing handlers: an invoice per order; the totals of each phase.
type bill struct{}

func (bill) OnOrder(c billing.BillOrderContext, id, customer string, amount int64) error {
	c.EmitInvoice(billing.Invoice{Order: id, Customer: customer, Amount: amount, Tax: amount * 20 / 100})
	return nil
}

type tally struct {
	first, last string
	orders, sum int64
}

func (t *tally) OnOrder(_ billing.TallyOrderContext, id string, amount int64) error {
	if t.orders == 0 {
		t.first = id
	}
	t.last = id
	t.orders++
	t.sum += amount
	return nil
}

func (t *tally) Phase(c billing.TallyPhaseContext, _ int) error {
	if t.orders > 0 {
		c.EmitTotals(billing.Totals{First: t.first, Last: t.last, Orders: t.orders, Amount: t.sum})
	}
	*t = tally{}
	return nil
}

func billingHandlers() billing.Handlers {
	return billing.Handlers{Bill: bill{}, Tally: &tally{}}
}

// sinkSubjects maps the billing outputs to subjects under prefix.
func sinkSubjects(prefix string) map[string]string {
	return map[string]string{"Invoice": prefix + ".invoices", "Totals": prefix + ".totals"}
}

// runBilling runs the billing pipeline from consumer cons to the subjects
// under prefix, with a phase every `every` orders, until the consumer is
// caught up.
func runBilling(ctx context.Context, js jetstream.JetStream, cons jetstream.Consumer, prefix string, every int, opts ...SourceOption) (SourceStats, SinkStats, error) {
	return runBillingUntil(ctx, js, cons, prefix, every, true, opts...)
}

// runBillingUntil is runBilling, ending when the consumer is caught up or,
// if not caughtUp, running until it is killed or ctx is cancelled.
func runBillingUntil(ctx context.Context, js jetstream.JetStream, cons jetstream.Consumer, prefix string, every int, caughtUp bool, opts ...SourceOption) (SourceStats, SinkStats, error) {
	if caughtUp {
		opts = append(opts, EndWhenCaughtUp())
	}
	src, err := NewSource(ctx, js, cons, billing.DecodeJSON, opts...)
	if err != nil {
		return SourceStats{}, SinkStats{}, err
	}
	sink := NewSink(js, sinkSubjects(prefix), billing.EncodeJSON)
	p, err := billing.NewPipeline(billingHandlers(), fw.WithPhaseEvery(every), sink.Option())
	if err != nil {
		return SourceStats{}, SinkStats{}, err
	}
	p.Stream(src)
	err = p.Run(ctx)
	return src.Stats(), sink.Stats(), err
}

// wantMsg is a message expected in a sink stream.
type wantMsg struct {
	subject, id string
	data        []byte
}

// expectedBilling computes what the billing pipeline publishes for the orders
// given (nil: malformed), the stream sequence of order i being i+1, with a
// phase every `every` orders.
func expectedBilling(t tb, orders []*billing.Order, every int, prefix string) []wantMsg {
	t.Helper()
	var out []wantMsg
	enc := func(ev billing.Event) []byte {
		b, err := billing.EncodeJSON(ev)
		if err != nil {
			t.Fatalf("encode: %v", err)
		}
		return b
	}
	var tl tally
	firstID := ""
	n := 0
	flush := func() {
		if tl.orders > 0 {
			out = append(out, wantMsg{prefix + ".totals", "phase@" + firstID + "/Tally.0",
				enc(billing.Totals{First: tl.first, Last: tl.last, Orders: tl.orders, Amount: tl.sum})})
		}
		tl, n = tally{}, 0
	}
	for i, o := range orders {
		if o == nil {
			continue
		}
		id := fmt.Sprintf("ORDERS:%d", i+1)
		if n == 0 {
			firstID = id
		}
		out = append(out, wantMsg{prefix + ".invoices", id + "/Bill.0",
			enc(billing.Invoice{Order: o.ID, Customer: o.Customer, Amount: o.Amount, Tax: o.Amount * 20 / 100})})
		_ = tl.OnOrder(billing.TallyOrderContext{}, o.ID, o.Amount)
		if n++; n == every {
			flush()
		}
	}
	flush()
	return out
}

// checkStream checks that the stream holds exactly want, in order.
func checkStream(t tb, js jetstream.JetStream, stream string, want []wantMsg) {
	t.Helper()
	got := streamMsgs(t, js, stream)
	seen := map[string]bool{}
	for i := 0; i < len(got) || i < len(want); i++ {
		if i >= len(got) {
			t.Fatalf("%s: %d messages, want %d: the first missing is %s", stream, len(got), len(want), want[i].id)
		}
		id := got[i].Header.Get(jetstream.MsgIDHeader)
		if seen[id] {
			t.Fatalf("%s: message %d: duplicate id %s", stream, i, id)
		}
		seen[id] = true
		if i >= len(want) {
			t.Fatalf("%s: %d messages, want %d: the first extra is %s", stream, len(got), len(want), id)
		}
		if w := want[i]; got[i].Subject != w.subject || id != w.id || !bytes.Equal(got[i].Data, w.data) {
			t.Fatalf("%s: message %d is %s %s %s, want %s %s %s", stream, i, got[i].Subject, id, got[i].Data, w.subject, w.id, w.data)
		}
	}
}

// mkOrders publishes n orders (order i at stream sequence i+1), every
// bad-th of them malformed (0: none), and returns them (nil: malformed).
func mkOrders(t tb, js jetstream.JetStream, n, bad int) []*billing.Order {
	return addOrders(t, js, 0, n, bad)
}

// addOrders publishes orders from..to-1 as mkOrders does.
func addOrders(t tb, js jetstream.JetStream, from, to, bad int) []*billing.Order {
	t.Helper()
	orders := make([]*billing.Order, 0, to-from)
	for i := from; i < to; i++ {
		data := orderJSON(i)
		if bad > 0 && i%bad == bad-1 {
			data = []byte(`{"event":"Order","id":"broken"`)
			orders = append(orders, nil)
		} else {
			orders = append(orders, &billing.Order{ID: fmt.Sprint("o", i), Customer: fmt.Sprint("c", i%7), Amount: int64(10 + i)})
		}
		if _, err := js.PublishAsync("orders.new", data); err != nil {
			t.Fatalf("publish: %v", err)
		}
		if i%1000 == 999 || i == to-1 {
			<-js.PublishAsyncComplete()
		}
	}
	return orders
}

func TestPipelineStreamToStream(t *testing.T) {
	srv := startServer(t)
	_, js := connect(t, srv.ClientURL())
	st := mkStream(t, js, "ORDERS", "orders.>")
	mkStream(t, js, "BILLING", "billing.>")
	orders := mkOrders(t, js, 1000, 97)
	ctx := context.Background()

	cons := mkConsumer(t, st, "billing", jetstream.AckAllPolicy)
	var bad []uint64
	srcStats, sinkStats, err := runBilling(ctx, js, cons, "billing", 100, OnBadMessage(func(b *BadMessage) { bad = append(bad, b.Seq) }))
	if err != nil {
		t.Fatal(err)
	}
	want := expectedBilling(t, orders, 100, "billing")
	checkStream(t, js, "BILLING", want)
	if fmt.Sprint(bad) != fmt.Sprint([]uint64{97, 194, 291, 388, 485, 582, 679, 776, 873, 970}) {
		t.Errorf("malformed messages reported: %v", bad)
	}
	if srcStats.Pulled != 990 || srcStats.Committed != 990 || srcStats.Malformed != 10 {
		t.Errorf("source stats %+v", srcStats)
	}
	if sinkStats.Published != int64(len(want)) || sinkStats.Duplicates != 0 {
		t.Errorf("sink stats %+v, %d messages", sinkStats, len(want))
	}
	// Every input is acknowledged (the malformed ones terminated).
	waitFor(t, "every order acknowledged", func() bool {
		info, err := cons.Info(ctx)
		return err == nil && info.AckFloor.Stream == 1000 && info.NumAckPending == 0
	})

	// The same input again, through a second consumer, to the same subjects:
	// the same ids, so the stream drops every message as a duplicate.
	cons2 := mkConsumer(t, st, "again", jetstream.AckExplicitPolicy)
	_, sinkStats, err = runBilling(ctx, js, cons2, "billing", 100, OnBadMessage(func(*BadMessage) {}))
	if err != nil {
		t.Fatal(err)
	}
	if sinkStats.Duplicates != int64(len(want)) {
		t.Errorf("second run: %+v, want %d duplicates", sinkStats, len(want))
	}
	checkStream(t, js, "BILLING", want)
}

// A run stopped in the middle of a phase acknowledges only the phases it
// completed; the next run redoes the rest and publishes nothing twice.
func TestPipelineResumesAfterFailure(t *testing.T) {
	srv := startServer(t)
	_, js := connect(t, srv.ClientURL())
	st := mkStream(t, js, "ORDERS", "orders.>")
	mkStream(t, js, "BILLING", "billing.>")
	orders := mkOrders(t, js, 500, 0)
	ctx := context.Background()
	cons := mkConsumer(t, st, "billing", jetstream.AckAllPolicy)

	// A handler fails on order o250, in the third phase of 100.
	src, err := NewSource(ctx, js, cons, billing.DecodeJSON, EndWhenCaughtUp())
	if err != nil {
		t.Fatal(err)
	}
	sink := NewSink(js, sinkSubjects("billing"), billing.EncodeJSON)
	h := billingHandlers()
	h.Bill = failOn{"o250"}
	p, err := billing.NewPipeline(h, fw.WithPhaseEvery(100), sink.Option())
	if err != nil {
		t.Fatal(err)
	}
	p.Stream(src)
	if err := p.Run(ctx); err == nil {
		t.Fatal("the run did not fail")
	}
	if st := src.Stats(); st.Committed != 200 {
		t.Errorf("committed %d, want 200", st.Committed)
	}
	if info, _ := cons.Info(ctx); info.AckFloor.Stream != 200 {
		t.Errorf("ack floor %d, want 200", info.AckFloor.Stream)
	}
	published := sink.Stats().Published
	if published < 202 { // and the invoices of the steps of the third phase before o250's
		t.Errorf("published %d, want the 2 phases' 202 messages at least", published)
	}

	_, sinkStats, err := runBilling(ctx, js, cons, "billing", 100)
	if err != nil {
		t.Fatal(err)
	}
	if sinkStats.Duplicates != published-202 {
		t.Errorf("second run: %+v, want %d duplicates", sinkStats, published-202)
	}
	checkStream(t, js, "BILLING", expectedBilling(t, orders, 100, "billing"))
}

type failOn struct{ id string }

func (f failOn) OnOrder(c billing.BillOrderContext, id, customer string, amount int64) error {
	if id == f.id {
		return fmt.Errorf("failing on %s", id)
	}
	return bill{}.OnOrder(c, id, customer, amount)
}

// A service: the source never ends, phases end every 20ms of wall time, and
// orders arrive while it runs; each is invoiced and acknowledged as its
// phase passes, until the run is cancelled.
func TestPipelineEndless(t *testing.T) {
	srv := startServer(t)
	_, js := connect(t, srv.ClientURL())
	st := mkStream(t, js, "ORDERS", "orders.>")
	mkStream(t, js, "BILLING", "billing.>")
	cons := mkConsumer(t, st, "billing", jetstream.AckAllPolicy)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	src, err := NewSource(ctx, js, cons, billing.DecodeJSON)
	if err != nil {
		t.Fatal(err)
	}
	sink := NewSink(js, map[string]string{"Invoice": "billing.invoices"}, billing.EncodeJSON)
	p, err := billing.NewPipeline(billingHandlers(), fw.WithPhaseInterval(20*time.Millisecond), sink.Option())
	if err != nil {
		t.Fatal(err)
	}
	p.Stream(src)
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx) }()

	for batch := range 5 {
		publishOrders(t, js, "orders.new", batch*10, batch*10+10)
		n := uint64(batch*10 + 10)
		waitFor(t, fmt.Sprintf("%d orders invoiced and acknowledged", n), func() bool {
			out, err := js.Stream(ctx, "BILLING")
			if err != nil {
				return false
			}
			info, err := cons.Info(ctx)
			return err == nil && out.CachedInfo().State.Msgs == n && info.AckFloor.Stream == n && info.NumAckPending == 0
		})
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("Run: %v", err)
	}
	msgs := streamMsgs(t, js, "BILLING")
	for i, m := range msgs {
		if id := m.Header.Get(jetstream.MsgIDHeader); id != fmt.Sprintf("ORDERS:%d/Bill.0", i+1) {
			t.Fatalf("message %d: id %s", i, id)
		}
	}
}
