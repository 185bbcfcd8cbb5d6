package shop_test

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/fwgo/fw/generated/shop"
	"github.com/fwgo/fw/runtime/fw"
	"github.com/fwgo/fw/runtime/fwimpl"
)

// tracer records, per processor, every call it receives.
type tracer struct {
	mu     sync.Mutex // Audit has concurrency 4
	calls  map[string][]string
	failOn string // Billing fails on the order with this id
	seen   int    // Audit: orders seen in the current phase
}

func (t *tracer) rec(proc, format string, args ...any) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.calls[proc] = append(t.calls[proc], fmt.Sprintf(format, args...))
}

type billing struct{ *tracer }
type audit struct{ *tracer }
type ledger struct{ *tracer }

func (b billing) OnCancelled(c shop.BillingCancelledContext, id string) error {
	b.rec("Billing", "Cancelled(%s)", id)
	c.EmitRefund(shop.Refund{ID: id})
	return nil
}
func (b billing) OnDomestic(c shop.BillingDomesticContext, a int64, id string) error {
	b.rec("Billing", "Domestic(%d,%s)", a, id)
	c.EmitInvoice(shop.Invoice{ID: id, Total: a, Domestic: true})
	return nil
}
func (b billing) OnUnpaid(c shop.BillingUnpaidContext) error {
	b.rec("Billing", "Unpaid(%s)", c.Event().ID)
	return nil
}
func (b billing) OnOther(c shop.BillingOtherContext, id string, amount int64) error {
	c.EmitInvoice(shop.Invoice{ID: id, Total: amount})
	if id == b.failOn {
		return errors.New("card declined")
	}
	b.rec("Billing", "Other(%s,%d)", id, amount)
	return nil
}

func (a audit) Init(c shop.AuditInitContext) error { a.rec("Audit", "Init"); return nil }
func (a audit) OnSeen(c shop.AuditSeenContext, price float64) error {
	a.rec("Audit", "Seen(%s,%g)", c.Event().ID, price)
	a.mu.Lock()
	a.seen++
	a.mu.Unlock()
	return nil
}
func (a audit) OnInvoice(c shop.AuditInvoiceContext, id string, total int64) error {
	a.rec("Audit", "Invoice(%s,%d)", id, total)
	return nil
}
func (a audit) OnRefund(c shop.AuditRefundContext, id string) error {
	a.rec("Audit", "Refund(%s)", id)
	return nil
}
func (a audit) Phase(c shop.AuditPhaseContext, phase int) error {
	a.rec("Audit", "Phase(%d)", phase)
	if a.seen > 0 {
		c.EmitReport(shop.Report{Phase: int64(phase), Orders: int64(a.seen)})
		a.seen = 0
	}
	return nil
}
func (a audit) Terminate(c shop.AuditTerminateContext) error { a.rec("Audit", "Terminate"); return nil }

func (l ledger) OnFirst(c shop.LedgerFirstContext, n int64) error {
	l.rec("Ledger", "First(%d) phase %d", n, c.Phase())
	return nil
}
func (l ledger) OnReport(c shop.LedgerReportContext, phase, orders int64) error {
	l.rec("Ledger", "Report(%d,%d)", phase, orders)
	return nil
}
func (l ledger) OnDomesticTotal(c shop.LedgerDomesticTotalContext, total int64) error {
	l.rec("Ledger", "DomesticTotal(%d)", total)
	return nil
}

var orders = []shop.Order{
	{ID: "a", Region: "EU", Amount: 120, Price: 1.5, Paid: true},
	{ID: "b", Region: "US", Amount: 80, Paid: false},
	{ID: "c", Region: "US", Amount: 50, Paid: true},
	{ID: "d", Region: "EU", Status: shop.StatusCANCELLED, Paid: true},
}

func run(t *testing.T, workers int, failOn string) (*tracer, fw.Stats, error) {
	t.Helper()
	tr := &tracer{calls: map[string][]string{}, failOn: failOn}
	p := must(shop.NewPipeline(shop.Handlers{Billing: billing{tr}, Audit: audit{tr}, Ledger: ledger{tr}}, fw.WithWorkers(workers)))
	for _, o := range orders {
		p.Submit(o)
	}
	err := p.Run(context.Background())
	return tr, p.Stats(), err
}

func TestPipeline(t *testing.T) {
	tr, st, err := run(t, 1, "")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		// First match wins: d is cancelled (case 1) though it is also EU (case 2).
		"Billing": {"Domestic(120,a)", "Unpaid(b)", "Other(c,50)", "Cancelled(d)"},
		// Fan-out: Audit sees every order too; then, in step 1, Billing's emissions
		// in Billing's input order; then the phase broadcasts and terminate.
		"Audit": {"Init", "Seen(a,1.5)", "Seen(b,0)", "Seen(c,0)", "Seen(d,0)",
			"Invoice(a,120)", "Invoice(c,50)", "Refund(d)", "Phase(0)", "Phase(1)", "Terminate"},
		// Only the domestic invoice matches Ledger; the report of phase 0 arrives in phase 1.
		"Ledger": {"DomesticTotal(120)", "First(4) phase 1"},
	}
	if !reflect.DeepEqual(tr.calls, want) {
		t.Errorf("calls:\n got %q\nwant %q", tr.calls, want)
	}
	wantStats := fw.Stats{
		Processors: []fw.ProcStats{
			{Name: "Billing", Received: 4, Handled: 4, Emitted: 3},
			{Name: "Audit", Received: 7, Handled: 7, Emitted: 1},
			{Name: "Ledger", Received: 2, Handled: 2},
		},
		Phases: []fw.PhaseStats{
			{Phase: 0, Steps: 2, Events: 7, Deliveries: 8 + 4},
			{Phase: 1, Steps: 1, Events: 1, Deliveries: 1},
		},
	}
	if !reflect.DeepEqual(st, wantStats) {
		t.Errorf("stats:\n got %+v\nwant %+v", st, wantStats)
	}
}

// TestPipelineWorkers: every processor receives the same sequence, and the stats
// are the same, with 8 workers as with 1 (Audit has concurrency 4).
func TestPipelineWorkers(t *testing.T) {
	one, st1, err := run(t, 1, "")
	if err != nil {
		t.Fatal(err)
	}
	for range 20 {
		eight, st8, err := run(t, 8, "")
		if err != nil {
			t.Fatal(err)
		}
		// Audit handles concurrently: its record order may differ, its set may not;
		// Billing and Ledger handle one event at a time and must match exactly.
		for _, proc := range []string{"Billing", "Ledger"} {
			if !reflect.DeepEqual(one.calls[proc], eight.calls[proc]) {
				t.Fatalf("%s: 1 worker %q, 8 workers %q", proc, one.calls[proc], eight.calls[proc])
			}
		}
		if len(one.calls["Audit"]) != len(eight.calls["Audit"]) {
			t.Fatalf("Audit: 1 worker %q, 8 workers %q", one.calls["Audit"], eight.calls["Audit"])
		}
		if !reflect.DeepEqual(st1, st8) {
			t.Fatalf("stats differ: %+v vs %+v", st1, st8)
		}
	}
}

func TestHandlerErrorNamesTheCall(t *testing.T) {
	tr, st, err := run(t, 1, "c")
	var herr *fw.HandlerError
	if !errors.As(err, &herr) {
		t.Fatalf("err = %v, want a *HandlerError", err)
	}
	if herr.Processor != "Billing" || herr.Case != "Other" || herr.Event != "Order" || herr.Phase != 0 || herr.Input != 2 {
		t.Errorf("error fields: %+v", herr)
	}
	want := "fw: processor Billing, case Other, event Order (input 2), phase 0, step 0: card declined"
	if err.Error() != want {
		t.Errorf("message %q\n     want %q", err.Error(), want)
	}
	// The failed call's invoice was never delivered, and nothing ran after it.
	for _, call := range tr.calls["Audit"] {
		if strings.HasPrefix(call, "Invoice(c") {
			t.Errorf("Audit received the failed call's emission: %q", tr.calls["Audit"])
		}
	}
	if b := st.Processors[0]; b.Failed != 1 || b.Handled != 2 {
		t.Errorf("Billing stats %+v, want 2 handled and 1 failed", b)
	}
}

func TestJSON(t *testing.T) {
	o := shop.Order{ID: "o-1", Region: "EU", Amount: -7, Price: 2.5, Paid: true, Status: shop.StatusPAID, Note: []byte("hi")}
	data, err := shop.EncodeJSON(o)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"event":"Order","id":"o-1","region":"EU","amount":-7,"price":2.5,"paid":true,"status":"PAID","note":"aGk="}`
	if string(data) != want {
		t.Fatalf("EncodeJSON = %s\n         want %s", data, want)
	}
	ev, err := shop.DecodeJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ev, o) {
		t.Fatalf("round trip: %+v, want %+v", ev, o)
	}
	for _, tc := range []struct{ in, err string }{
		{`{"event":"Refund"}`, `fw: event Refund: missing field "id"`},
		{`{"event":"Refund","id":"x","extra":1}`, `fw: event Refund: unknown field "extra" at column 28`},
		{`{"event":"Refund","id":7}`, `fw: event Refund: field "id" at column 24: want a string, got a number`},
		{`{"event":"Nope","id":"x"}`, `fw: unknown event "Nope"`},
		{`{"id":"x"}`, `fw: bad JSON event: no "event" member`},
		{`{"event":"Order","status":"LOST"`, `fw: bad JSON event: unexpected end of JSON input at column 33`},
		{`{"event":"Refund","id":"x"} {}`, `fw: bad JSON event: invalid character '{' after top-level value at column 29`},
	} {
		_, err := shop.DecodeJSON([]byte(tc.in))
		if err == nil || err.Error() != tc.err {
			t.Errorf("DecodeJSON(%s): error %v, want %s", tc.in, err, tc.err)
		}
	}
}

// TestBinaryGolden pins the canonical encoding: cache keys and archives depend on it.
func TestBinaryGolden(t *testing.T) {
	o := shop.Order{ID: "o-1", Region: "EU", Amount: -7, Price: 2.5, Paid: true, Status: shop.StatusPAID, Note: []byte("hi")}
	data, err := o.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	// id "o-1", region "EU", amount -7 (zigzag 13), price 2.5, paid, status PAID (1), note "hi".
	const want = "036f2d31" + "024555" + "0d" + "4004000000000000" + "01" + "01" + "026869"
	if got := hex.EncodeToString(data); got != want {
		t.Fatalf("encoding %s\n    want %s", got, want)
	}
	var back shop.Order
	if err := back.UnmarshalBinary(data); err != nil || !reflect.DeepEqual(back, o) {
		t.Fatalf("round trip: %+v, %v", back, err)
	}
	for n := range len(data) {
		if err := back.UnmarshalBinary(data[:n]); !errors.Is(err, fwimpl.ErrEncoding) {
			t.Errorf("truncated to %d bytes: err %v, want ErrEncoding", n, err)
		}
	}
	if err := back.UnmarshalBinary(append(data, 0)); !errors.Is(err, fwimpl.ErrEncoding) {
		t.Errorf("trailing byte: err %v, want ErrEncoding", err)
	}
	// -0.0 and 0.0 match the same patterns but are different values: both kept.
	neg, _ := shop.Order{Price: math.Copysign(0, -1)}.AppendBinary(nil)
	pos, _ := shop.Order{}.AppendBinary(nil)
	if string(neg) == string(pos) {
		t.Error("-0.0 and 0.0 encode the same")
	}
}
