package fwnats

import (
	"context"
	"fmt"
	"testing"

	"github.com/fwgo/fw/generated/billing"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// BenchmarkRelay measures the billing pipeline between two streams of one
// embedded server, per input message, two ways, alternated by -count:
//
//   - raw: a hand-written JetStream loop: consume, decode (DecodeJSON), make
//     the invoice, encode (EncodeJSON), publish asynchronously with a
//     Nats-Msg-Id, and every 256 messages (or when caught up) wait for the
//     publishes' acknowledgements, then acknowledge the input (AckAll);
//     totals every 1000 orders, as the pipeline's phases.
//   - bare: the floor, a loop that decodes nothing: each message's payload
//     is published as it is (with a Nats-Msg-Id), acknowledgements as raw.
//   - connector: the same as raw through fwnats: Source -> billing pipeline (a phase
//     every 1000 orders) -> Sink.
//
// Each iteration's input is published before the timer starts; both read it
// through a fresh AckAll consumer and publish to a fresh stream.
//
//	make bench-nats
func BenchmarkRelay(b *testing.B) {
	srv := startServer(b)
	_, js := connect(b, srv.ClientURL())
	ctx := context.Background()
	round := 0
	setup := func(b *testing.B) (jetstream.Consumer, string) {
		round++
		in, out := fmt.Sprint("IN", round), fmt.Sprint("OUT", round)
		st := mkStream(b, js, in, in+".>")
		mkStream(b, js, out, out+".>")
		for i := range b.N {
			if _, err := js.PublishAsync(in+".new", orderJSON(i)); err != nil {
				b.Fatal(err)
			}
			if i%1000 == 999 {
				<-js.PublishAsyncComplete()
			}
		}
		<-js.PublishAsyncComplete()
		cons := mkConsumer(b, st, "relay", jetstream.AckAllPolicy)
		b.Cleanup(func() {
			_ = js.DeleteStream(ctx, in)
			_ = js.DeleteStream(ctx, out)
		})
		return cons, out
	}
	check := func(b *testing.B, out string, n int) {
		st, err := js.Stream(ctx, out)
		if err != nil {
			b.Fatal(err)
		}
		if got, want := st.CachedInfo().State.Msgs, uint64(n+(n+999)/1000); got != want {
			b.Fatalf("%s: %d messages, want %d", out, got, want)
		}
	}
	b.Run("raw", func(b *testing.B) {
		cons, out := setup(b)
		b.ResetTimer()
		if err := rawRelay(ctx, js, cons, out, b.N); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		check(b, out, b.N)
	})
	b.Run("bare", func(b *testing.B) {
		cons, out := setup(b)
		b.ResetTimer()
		if err := bareRelay(ctx, js, cons, out, b.N); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		st, err := js.Stream(ctx, out)
		if err != nil {
			b.Fatal(err)
		}
		if got := st.CachedInfo().State.Msgs; got != uint64(b.N) {
			b.Fatalf("%s: %d messages, want %d", out, got, b.N)
		}
	})
	b.Run("connector", func(b *testing.B) {
		cons, out := setup(b)
		b.ResetTimer()
		if _, _, err := runBilling(ctx, js, cons, out, 1000); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		check(b, out, b.N)
	})
}

// rawRelay is the hand-written loop of BenchmarkRelay: n messages from cons
// to the subjects under prefix.
func rawRelay(ctx context.Context, js jetstream.JetStream, cons jetstream.Consumer, prefix string, n int) error {
	it, err := cons.Messages()
	if err != nil {
		return err
	}
	defer it.Stop()
	var (
		futs  []jetstream.PubAckFuture
		tl    tally
		first string // the id of the phase's first order
		last  jetstream.Msg
		k     int // orders in the current "phase"
	)
	publish := func(subject, id string, ev billing.Event) error {
		data, err := billing.EncodeJSON(ev)
		if err != nil {
			return err
		}
		m := &nats.Msg{Subject: subject, Data: data, Header: nats.Header{"Fw-Event": []string{ev.EventName()}}}
		f, err := js.PublishMsgAsync(m, jetstream.WithMsgID(id))
		futs = append(futs, f)
		return err
	}
	commit := func() error {
		for _, f := range futs {
			select {
			case <-f.Ok():
			case err := <-f.Err():
				return err
			}
		}
		futs = futs[:0]
		return last.DoubleAck(ctx)
	}
	for i := range n {
		msg, err := it.Next()
		if err != nil {
			return err
		}
		meta, err := msg.Metadata()
		if err != nil {
			return err
		}
		ev, err := billing.DecodeJSON(msg.Data())
		if err != nil {
			return err
		}
		o := ev.(billing.Order)
		id := meta.Stream + ":" + fmt.Sprint(meta.Sequence.Stream)
		if err := publish(prefix+".invoices", id+"/Bill.0", billing.Invoice{Order: o.ID, Customer: o.Customer, Amount: o.Amount, Tax: o.Amount * 20 / 100}); err != nil {
			return err
		}
		if k == 0 {
			first, tl.first = id, o.ID
		}
		tl.last, tl.orders, tl.sum = o.ID, tl.orders+1, tl.sum+o.Amount
		last = msg
		k++
		if k == 1000 || i == n-1 {
			if err := publish(prefix+".totals", "phase@"+first+"/Tally.0", billing.Totals{First: tl.first, Last: tl.last, Orders: tl.orders, Amount: tl.sum}); err != nil {
				return err
			}
			tl, k = tally{}, 0
		}
		if len(futs) >= 256 || meta.NumPending == 0 || k == 0 {
			if err := commit(); err != nil {
				return err
			}
		}
	}
	return nil
}

// bareRelay is BenchmarkRelay's floor: n payloads republished as they are.
func bareRelay(ctx context.Context, js jetstream.JetStream, cons jetstream.Consumer, prefix string, n int) error {
	it, err := cons.Messages()
	if err != nil {
		return err
	}
	defer it.Stop()
	var futs []jetstream.PubAckFuture
	for i := range n {
		msg, err := it.Next()
		if err != nil {
			return err
		}
		meta, err := msg.Metadata()
		if err != nil {
			return err
		}
		f, err := js.PublishMsgAsync(&nats.Msg{Subject: prefix + ".orders", Data: msg.Data()}, jetstream.WithMsgID(fmt.Sprint(meta.Stream, ":", meta.Sequence.Stream)))
		if err != nil {
			return err
		}
		futs = append(futs, f)
		if len(futs) >= 256 || meta.NumPending == 0 || i == n-1 {
			for _, f := range futs {
				select {
				case <-f.Ok():
				case err := <-f.Err():
					return err
				}
			}
			futs = futs[:0]
			if err := msg.DoubleAck(ctx); err != nil {
				return err
			}
		}
	}
	return nil
}
