package fwnats

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/fwgo/fw/generated/billing"
	"github.com/fwgo/fw/runtime/fw"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

func orderJSON(i int) []byte {
	return fmt.Appendf(nil, `{"event":"Order","id":"o%d","customer":"c%d","amount":%d}`, i, i%7, 10+i)
}

// publishOrders publishes orders from..to-1 to subject, waiting for each ack.
func publishOrders(t tb, js jetstream.JetStream, subject string, from, to int) {
	t.Helper()
	ctx := context.Background()
	for i := from; i < to; i++ {
		if _, err := js.Publish(ctx, subject, orderJSON(i)); err != nil {
			t.Fatalf("publish: %v", err)
		}
	}
}

// pullAll pulls from s until it has n events or ends, waiting on Ready.
func pullAll[E any](t *testing.T, s *Source[E], n int) (ids []string, evs []E, done bool, err error) {
	t.Helper()
	timeout := time.After(30 * time.Second)
	for len(ids) < n {
		done, err = s.Pull(n-len(ids), func(id string, ev E) { ids = append(ids, id); evs = append(evs, ev) })
		if done || err != nil {
			return ids, evs, done, err
		}
		if len(ids) < n {
			select {
			case <-s.Ready():
			case <-timeout:
				t.Fatalf("no event after %d of %d", len(ids), n)
			}
		}
	}
	return ids, evs, false, nil
}

// waitFor waits (up to a minute) until cond holds.
func waitFor(t tb, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); !cond(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("waited a minute for %s", what)
		}
	}
}

func TestSourceReadsCommitsAndResumes(t *testing.T) {
	srv := startServer(t)
	_, js := connect(t, srv.ClientURL())
	st := mkStream(t, js, "ORDERS", "orders.>")
	publishOrders(t, js, "orders.new", 0, 10)
	ctx := context.Background()

	for _, ack := range []jetstream.AckPolicy{jetstream.AckAllPolicy, jetstream.AckExplicitPolicy} {
		name := "c" + ack.String()
		cons := mkConsumer(t, st, name, ack)
		s, err := NewSource(ctx, js, cons, billing.DecodeJSON)
		if err != nil {
			t.Fatal(err)
		}
		ids, evs, done, err := pullAll(t, s, 6)
		if err != nil || done {
			t.Fatalf("%s: pull: done %v, %v", name, done, err)
		}
		if ids[0] != "ORDERS:1" || ids[5] != "ORDERS:6" {
			t.Errorf("%s: ids %v", name, ids)
		}
		if o := evs[3].(billing.Order); o.ID != "o3" {
			t.Errorf("%s: event 3 = %+v", name, o)
		}
		// Commit 4 of the 6 pulled, then stop: a new source resumes after them.
		if err := s.Commit(4); err != nil {
			t.Fatal(err)
		}
		s.Stop()
		info, err := cons.Info(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if info.AckFloor.Stream != 4 {
			t.Errorf("%s: ack floor %d, want 4", name, info.AckFloor.Stream)
		}
		s2, err := NewSource(ctx, js, cons, billing.DecodeJSON, EndWhenCaughtUp())
		if err != nil {
			t.Fatal(err)
		}
		ids, _, _, err = pullAll(t, s2, 100)
		if err != nil {
			t.Fatal(err)
		}
		if len(ids) != 6 || ids[0] != "ORDERS:5" || ids[5] != "ORDERS:10" {
			t.Errorf("%s: after restart: %v", name, ids)
		}
		if err := s2.Commit(6); err != nil {
			t.Fatal(err)
		}
		s2.Stop()
		if info, _ := cons.Info(ctx); info.AckFloor.Stream != 10 || info.NumAckPending != 0 {
			t.Errorf("%s: ack floor %d, pending %d", name, info.AckFloor.Stream, info.NumAckPending)
		}
		// Everything committed: a source that ends when caught up ends at once.
		s3, err := NewSource(ctx, js, cons, billing.DecodeJSON, EndWhenCaughtUp())
		if err != nil {
			t.Fatal(err)
		}
		if ids, _, done, err := pullAll(t, s3, 1); len(ids) != 0 || !done || err != nil {
			t.Errorf("%s: caught up: %v %v %v", name, ids, done, err)
		}
		s3.Stop()
	}
}

func TestSourceMalformedMessages(t *testing.T) {
	srv := startServer(t)
	_, js := connect(t, srv.ClientURL())
	st := mkStream(t, js, "ORDERS", "orders.>")
	ctx := context.Background()
	publishOrders(t, js, "orders.new", 0, 2)
	if _, err := js.Publish(ctx, "orders.new", []byte(`{"event":"Order","id":"x","amount":"secret-token"}`)); err != nil {
		t.Fatal(err)
	}
	publishOrders(t, js, "orders.new", 3, 5)

	t.Run("terminated", func(t *testing.T) {
		cons := mkConsumer(t, st, "term", jetstream.AckAllPolicy)
		var bad []*BadMessage
		s, err := NewSource(ctx, js, cons, billing.DecodeJSON, EndWhenCaughtUp(), OnBadMessage(func(b *BadMessage) { bad = append(bad, b) }))
		if err != nil {
			t.Fatal(err)
		}
		ids, _, done, err := pullAll(t, s, 100)
		if err != nil || !done {
			t.Fatalf("done %v, %v", done, err)
		}
		if fmt.Sprint(ids) != "[ORDERS:1 ORDERS:2 ORDERS:4 ORDERS:5]" {
			t.Errorf("ids %v", ids)
		}
		if len(bad) != 1 || bad[0].Seq != 3 || bad[0].Stream != "ORDERS" || bad[0].Subject != "orders.new" {
			t.Fatalf("bad messages: %v", bad)
		}
		if st := s.Stats(); st.Malformed != 1 || st.Pulled != 4 {
			t.Errorf("stats %+v", st)
		}
		// Committing the 2 events before it settles it too (it was pulled
		// with them): terminated, it counts in the ack floor.
		if err := s.Commit(2); err != nil {
			t.Fatal(err)
		}
		// (A termination is not confirmed: the server applies it soon.)
		waitFor(t, "ack floor 3", func() bool {
			info, _ := cons.Info(ctx)
			return info != nil && info.AckFloor.Stream == 3
		})
		if err := s.Commit(4); err != nil {
			t.Fatal(err)
		}
		s.Stop()
		if info, _ := cons.Info(ctx); info.AckFloor.Stream != 5 || info.NumAckPending != 0 || info.NumRedelivered != 0 {
			t.Errorf("ack floor %d, pending %d", info.AckFloor.Stream, info.NumAckPending)
		}
	})

	t.Run("stop", func(t *testing.T) {
		cons := mkConsumer(t, st, "stop", jetstream.AckAllPolicy)
		for round := range 2 {
			s, err := NewSource(ctx, js, cons, billing.DecodeJSON, EndWhenCaughtUp(), StopOnBadMessage())
			if err != nil {
				t.Fatal(err)
			}
			ids, _, done, err := pullAll(t, s, 100)
			var bm *BadMessage
			if !errors.As(err, &bm) || !done || bm.Seq != 3 {
				t.Fatalf("round %d: done %v, err %v", round, done, err)
			}
			if round == 0 && len(ids) != 2 || round == 1 && len(ids) != 0 {
				t.Errorf("round %d: ids %v", round, ids)
			}
			if round == 0 {
				if err := s.Commit(2); err != nil {
					t.Fatal(err)
				}
			}
			s.Stop()
			// The bad message is not acknowledged: the next run meets it again.
			if info, _ := cons.Info(ctx); info.AckFloor.Stream != 2 {
				t.Errorf("round %d: ack floor %d, want 2", round, info.AckFloor.Stream)
			}
		}
	})
}

func TestSourceRejectsAckNone(t *testing.T) {
	srv := startServer(t)
	_, js := connect(t, srv.ClientURL())
	st := mkStream(t, js, "ORDERS", "orders.>")
	cons := mkConsumer(t, st, "none", jetstream.AckNonePolicy)
	if _, err := NewSource(context.Background(), js, cons, billing.DecodeJSON); err == nil {
		t.Fatal("a consumer without acks accepted")
	}
}

// Two sources on one consumer without the reset: the second meets the
// first's unacknowledged messages after later ones, and stops.
func TestSourceOutOfOrder(t *testing.T) {
	srv := startServer(t)
	_, js := connect(t, srv.ClientURL())
	st := mkStream(t, js, "ORDERS", "orders.>")
	ctx := context.Background()
	publishOrders(t, js, "orders.new", 0, 20)
	cons, err := st.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{Durable: "shared", AckPolicy: jetstream.AckExplicitPolicy, AckWait: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	a, err := NewSource(ctx, js, cons, billing.DecodeJSON, PullOptions(jetstream.PullMaxMessages(5)), Buffer(5))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, err := pullAll(t, a, 3); err != nil {
		t.Fatal(err)
	}
	a.Stop()
	b, err := NewSource(ctx, js, cons, billing.DecodeJSON, NoReset())
	if err != nil {
		t.Fatal(err)
	}
	defer b.Stop()
	ids, _, done, err := pullAll(t, b, 1000)
	if !errors.Is(err, ErrOutOfOrder) || !done {
		t.Fatalf("ids %v, done %v, err %v", ids, done, err)
	}
}

func TestSinkPublishesWithIDs(t *testing.T) {
	srv := startServer(t)
	_, js := connect(t, srv.ClientURL())
	mkStream(t, js, "BILLING", "billing.>")
	ctx := context.Background()
	sink := NewSink(js, map[string]string{"Invoice": "billing.invoices", "Totals": "billing.totals"}, billing.EncodeJSON, Window(3))
	var outs []fw.SinkMsg
	for i := range 10 {
		outs = append(outs, fw.SinkMsg{ID: fmt.Sprintf("ORDERS:%d/Bill.0", i+1), Event: "Invoice", Value: &billing.Invoice{Order: fmt.Sprint("o", i), Amount: int64(i)}})
		outs = append(outs, fw.SinkMsg{ID: fmt.Sprintf("ORDERS:%d/X.0", i+1), Event: "Order", Value: &billing.Order{ID: "not published"}})
	}
	outs = append(outs, fw.SinkMsg{ID: "phase@ORDERS:1/Tally.0", Event: "Totals", Value: &billing.Totals{Orders: 10}})
	if err := sink.Publish(ctx, outs); err != nil {
		t.Fatal(err)
	}
	// Published again (a restarted run): every one is dropped as a duplicate.
	if err := sink.Publish(ctx, outs); err != nil {
		t.Fatal(err)
	}
	if st := sink.Stats(); st.Published != 22 || st.Duplicates != 11 {
		t.Errorf("stats %+v", st)
	}
	msgs := streamMsgs(t, js, "BILLING")
	if len(msgs) != 11 {
		t.Fatalf("%d messages, want 11", len(msgs))
	}
	for i, m := range msgs[:10] {
		if got, want := m.Header.Get(jetstream.MsgIDHeader), fmt.Sprintf("ORDERS:%d/Bill.0", i+1); got != want {
			t.Errorf("message %d: id %q, want %q", i, got, want)
		}
		if m.Subject != "billing.invoices" || m.Header.Get("Fw-Event") != "Invoice" {
			t.Errorf("message %d: %s %v", i, m.Subject, m.Header)
		}
		ev, err := billing.DecodeJSON(m.Data)
		if inv, ok := ev.(billing.Invoice); err != nil || !ok || inv.Amount != int64(i) {
			t.Errorf("message %d: %v %v", i, ev, err)
		}
	}
	if m := msgs[10]; m.Subject != "billing.totals" || m.Header.Get(jetstream.MsgIDHeader) != "phase@ORDERS:1/Tally.0" {
		t.Errorf("last message: %s %v", m.Subject, m.Header)
	}
}

// The connection's credentials and the payloads of malformed messages never
// reach the log.
func TestNothingLoggedIsSecret(t *testing.T) {
	srv := startServer(t, func(o *server.Options) { o.Username, o.Password = "app", "s3cr3t-pw" })
	url := fmt.Sprintf("nats://app:s3cr3t-pw@%s", srv.Addr())
	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	st := mkStream(t, js, "ORDERS", "orders.>")
	ctx := context.Background()
	publishOrders(t, js, "orders.new", 0, 1)
	for _, bad := range []string{
		`{"event":"Order","id":"x","customer":"tok-hunter2","amount":"tok-hunter2"}`,
		`{"event":"Order","id":"x","customer":"c","amount":1,"tok-hunter2":"tok-hunter2"}`,
		`tok-hunter2`,
	} {
		if _, err := js.Publish(ctx, "orders.new", []byte(bad)); err != nil {
			t.Fatal(err)
		}
	}
	var log bytes.Buffer
	cons := mkConsumer(t, st, "c", jetstream.AckAllPolicy)
	s, err := NewSource(ctx, js, cons, billing.DecodeJSON, EndWhenCaughtUp(), Logger(slog.New(slog.NewTextHandler(&log, nil))))
	if err != nil {
		t.Fatal(err)
	}
	ids, _, done, err := pullAll(t, s, 10)
	if err != nil || !done || len(ids) != 1 {
		t.Fatalf("ids %v, done %v, err %v", ids, done, err)
	}
	s.Stop()
	got := log.String()
	if strings.Count(got, "malformed message") != 3 || !strings.Contains(got, "seq=4") || !strings.Contains(got, "subject=orders.new") {
		t.Errorf("log:\n%s", got)
	}
	for _, secret := range []string{"hunter2", "s3cr3t", "app:"} {
		if strings.Contains(got, secret) {
			t.Errorf("the log holds %q:\n%s", secret, got)
		}
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		`fw: event Order: field "amount" at column 61: want an int, got a string`: `fw: event Order: field "…" at column 61: want an int, got a string`,
		`fw: event Order: field "amount" at column 51: want an int, got 1.5e99`:   `fw: event Order: field "…" at column 51: want an int, got …`,
		`fw: unknown event "Or\"dr" (did you mean "Order"?)`:                      `fw: unknown event "…" (did you mean "…"?)`,
		`fw: event Order: field "card" at column 9: want a string, got -4111e3`:   `fw: event Order: field "…" at column 9: want a string, got …`,
		`4111 at items[12]: invalid UTF-8 in utf8 text`:                           `… at items[…]: invalid UTF-8 in utf8 text`,
	} {
		if got := redact(in); got != want {
			t.Errorf("redact(%s) = %s, want %s", in, got, want)
		}
	}
}

// A phase that outlasts the consumer's AckWait: the server redelivers the
// messages the source holds; the source drops the copies, and the commit
// acknowledges the originals.
func TestSourceRedeliveryDropped(t *testing.T) {
	srv := startServer(t)
	_, js := connect(t, srv.ClientURL())
	st := mkStream(t, js, "ORDERS", "orders.>")
	ctx := context.Background()
	publishOrders(t, js, "orders.new", 0, 5)
	cons, err := st.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{Durable: "slow", AckPolicy: jetstream.AckAllPolicy, AckWait: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	s, err := NewSource(ctx, js, cons, billing.DecodeJSON)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Stop()
	ids, _, _, err := pullAll(t, s, 5)
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "a redelivery", func() bool {
		info, err := cons.Info(ctx)
		return err == nil && info.NumRedelivered > 0
	})
	publishOrders(t, js, "orders.new", 5, 10)
	more, _, _, err := pullAll(t, s, 5)
	if err != nil {
		t.Fatal(err)
	}
	ids = append(ids, more...)
	if fmt.Sprint(ids) != "[ORDERS:1 ORDERS:2 ORDERS:3 ORDERS:4 ORDERS:5 ORDERS:6 ORDERS:7 ORDERS:8 ORDERS:9 ORDERS:10]" {
		t.Fatalf("ids %v", ids)
	}
	if err := s.Commit(10); err != nil {
		t.Fatal(err)
	}
	if info, _ := cons.Info(ctx); info.AckFloor.Stream != 10 {
		t.Errorf("ack floor %d", info.AckFloor.Stream)
	}
}

// A publish the server does not acknowledge (no stream takes its subject)
// fails Publish, which stops the run; nothing is acknowledged.
func TestSinkFailureStopsTheRun(t *testing.T) {
	srv := startServer(t)
	_, js := connect(t, srv.ClientURL())
	st := mkStream(t, js, "ORDERS", "orders.>")
	publishOrders(t, js, "orders.new", 0, 3)
	ctx := context.Background()
	cons := mkConsumer(t, st, "c", jetstream.AckAllPolicy)
	src, err := NewSource(ctx, js, cons, billing.DecodeJSON, EndWhenCaughtUp())
	if err != nil {
		t.Fatal(err)
	}
	sink := NewSink(js, map[string]string{"Invoice": "nowhere.invoices"}, billing.EncodeJSON)
	p, err := billing.NewPipeline(billingHandlers(), fw.WithPhaseEvery(10), sink.Option())
	if err != nil {
		t.Fatal(err)
	}
	p.Stream(src)
	err = p.Run(ctx)
	if err == nil || !strings.Contains(err.Error(), "ORDERS:1/Bill.0") || !strings.Contains(err.Error(), "nowhere.invoices") {
		t.Fatalf("Run: %v", err)
	}
	if info, _ := cons.Info(ctx); info.AckFloor.Stream != 0 {
		t.Errorf("ack floor %d", info.AckFloor.Stream)
	}
}
