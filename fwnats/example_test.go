package fwnats_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/fwgo/fw/fwnats"
	"github.com/fwgo/fw/generated/billing"
	"github.com/fwgo/fw/runtime/fw"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

type bill struct{}

func (bill) OnOrder(c billing.BillOrderContext, id, customer string, amount int64) error {
	c.EmitInvoice(billing.Invoice{Order: id, Customer: customer, Amount: amount, Tax: amount / 5})
	return nil
}

type tally struct{ orders, amount int64 }

func (t *tally) OnOrder(_ billing.TallyOrderContext, _ string, amount int64) error {
	t.orders++
	t.amount += amount
	return nil
}

func (t *tally) Phase(c billing.TallyPhaseContext, _ int) error {
	if t.orders > 0 {
		c.EmitTotals(billing.Totals{Orders: t.orders, Amount: t.amount})
	}
	*t = tally{}
	return nil
}

// The billing pipeline between two JetStream streams: orders in, an invoice
// per order and the totals of every 2 orders out. (The server is embedded
// here; an application connects to its own with nats.Connect and the options
// it needs: TLS, credentials, an account.)
func Example() {
	url, stop := exampleServer()
	defer stop()

	nc, err := nats.Connect(url)
	if err != nil {
		log.Fatal(err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	// The input stream and its durable pull consumer (AckAll: each phase is
	// acknowledged at once), and the output stream, whose duplicate window
	// drops what a restarted run publishes again.
	orders, err := js.CreateStream(ctx, jetstream.StreamConfig{Name: "ORDERS", Subjects: []string{"orders.>"}})
	if err != nil {
		log.Fatal(err)
	}
	cons, err := orders.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{Durable: "billing", AckPolicy: jetstream.AckAllPolicy})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := js.CreateStream(ctx, jetstream.StreamConfig{Name: "BILLING", Subjects: []string{"billing.>"}, Duplicates: 10 * time.Minute}); err != nil {
		log.Fatal(err)
	}
	for i, line := range []string{
		`{"event":"Order","id":"o1","customer":"ada","amount":100}`,
		`{"event":"Order","id":"o2","customer":"bob","amount":250}`,
		`{"event":"Order","id":"o3","amount":"oops"}`,
		`{"event":"Order","id":"o4","customer":"ada","amount":50}`,
	} {
		if _, err := js.Publish(ctx, "orders.new", []byte(line)); err != nil {
			log.Fatal(i, err)
		}
	}

	// The source reads the consumer (ending here once it is caught up; a
	// service leaves that out and runs until its context is cancelled); the
	// sink publishes invoices and totals.
	src, err := fwnats.NewSource(ctx, js, cons, billing.DecodeJSON,
		fwnats.EndWhenCaughtUp(),
		fwnats.OnBadMessage(func(b *fwnats.BadMessage) { fmt.Println("malformed:", b.Stream, b.Seq) }))
	if err != nil {
		log.Fatal(err)
	}
	sink := fwnats.NewSink(js, map[string]string{"Invoice": "billing.invoices", "Totals": "billing.totals"}, billing.EncodeJSON)
	p, err := billing.NewPipeline(billing.Handlers{Bill: bill{}, Tally: &tally{}},
		fw.WithPhaseEvery(2), // commit (acknowledge) every 2 orders
		sink.Option())
	if err != nil {
		log.Fatal(err)
	}
	p.Stream(src)
	if err := p.Run(ctx); err != nil {
		log.Fatal(err)
	}

	out, err := js.Stream(ctx, "BILLING")
	if err != nil {
		log.Fatal(err)
	}
	for seq := uint64(1); seq <= out.CachedInfo().State.LastSeq; seq++ {
		m, err := out.GetMsg(ctx, seq)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s %s %s\n", m.Subject, m.Header.Get("Nats-Msg-Id"), m.Data)
	}
	// Output:
	// malformed: ORDERS 3
	// billing.invoices ORDERS:1/Bill.0 {"event":"Invoice","order":"o1","customer":"ada","amount":100,"tax":20}
	// billing.invoices ORDERS:2/Bill.0 {"event":"Invoice","order":"o2","customer":"bob","amount":250,"tax":50}
	// billing.totals phase@ORDERS:1/Tally.0 {"event":"Totals","first":"","last":"","orders":2,"amount":350}
	// billing.invoices ORDERS:4/Bill.0 {"event":"Invoice","order":"o4","customer":"ada","amount":50,"tax":10}
	// billing.totals phase@ORDERS:4/Tally.0 {"event":"Totals","first":"","last":"","orders":1,"amount":50}
}

// exampleServer starts a NATS server with JetStream in this process, its
// store in a temporary directory; stop shuts it down and removes the store.
func exampleServer() (url string, stop func()) {
	dir, err := os.MkdirTemp("", "fwnats-example")
	if err != nil {
		log.Fatal(err)
	}
	srv, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: dir, NoLog: true, NoSigs: true})
	if err != nil {
		log.Fatal(err)
	}
	go srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		log.Fatal("nats server not ready")
	}
	return srv.ClientURL(), func() {
		srv.Shutdown()
		srv.WaitForShutdown()
		os.RemoveAll(dir)
	}
}
