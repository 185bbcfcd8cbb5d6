package shop_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/fwgo/fw/generated/greeter"
	"github.com/fwgo/fw/generated/shop"
	"github.com/fwgo/fw/runtime/fw"
)

// Recorded replay of the shop example: record a run to a file, replay it
// against the same handlers (passes, with any worker count) and against
// changed ones (a precise divergence).

// moreOrders adds orders that reach every case of Billing, several times.
func moreOrders() []shop.Order {
	all := append([]shop.Order(nil), orders...)
	for i, r := range []string{"EU", "US", "UK", "EU", "CA"} {
		all = append(all, shop.Order{ID: "m" + r, Region: r, Amount: int64(10 * (i + 1)), Price: float64(i) / 2, Paid: i%2 == 0, Note: []byte{byte(i)}})
	}
	return all
}

// recordShop records a run of the shop with workers workers into a file and
// returns its path, its bytes and the calls the handlers saw.
func recordShop(t *testing.T, workers int) (string, []byte, map[string][]string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "shop.fwrec")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	tr := &tracer{calls: map[string][]string{}}
	p := must(shop.NewPipeline(shop.Handlers{Billing: billing{tr}, Audit: audit{tr}, Ledger: ledger{tr}}, fw.WithWorkers(workers), fw.WithRecord(f)))
	for _, o := range moreOrders() {
		p.Submit(o)
	}
	if err := p.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, data, tr.calls
}

// replayShop replays the record at path with the given Billing handler and
// Audit handler (nil: the usual ones).
func replayShop(t *testing.T, path string, workers int, b shop.BillingHandler, a shop.AuditHandler) (map[string][]string, error) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tr := &tracer{calls: map[string][]string{}}
	if b == nil {
		b = billing{tr}
	}
	if a == nil {
		a = audit{tr}
	}
	p := must(shop.NewPipeline(shop.Handlers{Billing: b, Audit: a, Ledger: ledger{tr}}, fw.WithWorkers(workers)))
	return tr.calls, p.Replay(context.Background(), f)
}

func TestRecordedReplay(t *testing.T) {
	path1, rec1, calls := recordShop(t, 1)
	path8, rec8, _ := recordShop(t, 8)
	if !bytes.Equal(rec1, rec8) {
		t.Fatalf("the record of 8 workers differs from the one of 1 (%d vs %d bytes)", len(rec8), len(rec1))
	}
	for _, path := range []string{path1, path8} {
		for _, w := range []int{1, 8} {
			got, err := replayShop(t, path, w, nil, nil)
			if err != nil {
				t.Fatalf("replay with %d workers: %v", w, err)
			}
			// Billing and Ledger handle one call at a time: the same calls in
			// the same order; Audit (concurrency 4) the same number.
			for _, proc := range []string{"Billing", "Ledger"} {
				if !reflect.DeepEqual(got[proc], calls[proc]) {
					t.Errorf("%s: replay %q, recorded run %q", proc, got[proc], calls[proc])
				}
			}
			if len(got["Audit"]) != len(calls["Audit"]) {
				t.Errorf("Audit: replay %q, recorded run %q", got["Audit"], calls["Audit"])
			}
		}
	}
}

// billingChanged invoices order a one more than it should.
type billingChanged struct{ billing }

func (b billingChanged) OnDomestic(c shop.BillingDomesticContext, a int64, id string) error {
	if id == "a" {
		a++
	}
	c.EmitInvoice(shop.Invoice{ID: id, Total: a, Domestic: true})
	return nil
}

// auditChanged reports one order too many at the end of phase 0.
type auditChanged struct{ audit }

func (a auditChanged) Phase(c shop.AuditPhaseContext, phase int) error {
	if a.seen > 0 {
		c.EmitReport(shop.Report{Phase: int64(phase), Orders: int64(a.seen) + 1})
		a.seen = 0
	}
	return nil
}

func TestRecordedReplayDivergence(t *testing.T) {
	path, _, _ := recordShop(t, 8)
	for _, w := range []int{1, 8} {
		tr := &tracer{calls: map[string][]string{}}
		_, err := replayShop(t, path, w, billingChanged{billing{tr}}, nil)
		var d *fw.DivergenceError
		if !errors.As(err, &d) {
			t.Fatalf("workers=%d: %v; want a *DivergenceError", w, err)
		}
		// Audit's init is call 0, Billing's first order call 1.
		if !d.Replay || d.Processor != "Billing" || d.Case != "Domestic" || d.Event != "Order" ||
			d.Phase != 0 || d.Step != 0 || d.Input != 0 || d.Index != 0 || d.Call != 1 {
			t.Fatalf("workers=%d: divergence %+v", w, d)
		}
		if !strings.HasPrefix(d.Expected, "Invoice {ID:a Total:120 Domestic:true} [") ||
			!strings.HasPrefix(d.Got, "Invoice {ID:a Total:121 Domestic:true} [") {
			t.Fatalf("workers=%d: expected %q, got %q", w, d.Expected, d.Got)
		}
		msg := err.Error()
		want := "fw: replay: processor Billing, case Domestic, event Order (input 0), phase 0, step 0 (call 1): emission 0 differs from the record:\n" +
			"\texpected Invoice {ID:a Total:120 Domestic:true} [5 bytes: 0161f00101]\n" +
			"\tgot      Invoice {ID:a Total:121 Domestic:true} [5 bytes: 0161f20101]"
		if msg != want {
			t.Errorf("workers=%d: message\n%s\nwant\n%s", w, msg, want)
		}
	}

	// A lifecycle call's emissions are compared too.
	for _, w := range []int{1, 8} {
		tr := &tracer{calls: map[string][]string{}}
		_, err := replayShop(t, path, w, nil, auditChanged{audit{tr}})
		var d *fw.DivergenceError
		if !errors.As(err, &d) || d.Processor != "Audit" || d.Case != "phase" || d.Event != "" || d.Phase != 0 || d.Index != 0 ||
			!strings.HasPrefix(d.Expected, "Report {Phase:0 Orders:9}") || !strings.HasPrefix(d.Got, "Report {Phase:0 Orders:10}") {
			t.Fatalf("workers=%d: %v (%+v)", w, err, d)
		}
	}
}

func TestRecordedReplayDamaged(t *testing.T) {
	path, data, _ := recordShop(t, 1)
	write := func(b []byte) string {
		p := filepath.Join(t.TempDir(), "damaged.fwrec")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	_, err := replayShop(t, write(data[:len(data)-10]), 1, nil, nil)
	if !errors.Is(err, fw.ErrRecordTruncated) || !strings.Contains(err.Error(), "truncated record") {
		t.Errorf("truncated: %v", err)
	}
	b := bytes.Clone(data)
	b[len(b)/2] ^= 0xff
	_, err = replayShop(t, write(b), 1, nil, nil)
	if !errors.Is(err, fw.ErrRecordCorrupt) || !strings.Contains(err.Error(), "fails its CRC-32C checksum") {
		t.Errorf("corrupt: %v", err)
	}

	// A record of another program: refused before any call.
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	err = must(greeter.NewPipeline(greeter.Handlers{Greeter: greeterNop{}})).Replay(context.Background(), f)
	if !errors.Is(err, fw.ErrProgramChanged) || !strings.Contains(err.Error(), "it is of package shop, not greeter") {
		t.Errorf("another program: %v", err)
	}
}

type greeterNop struct{}

func (greeterNop) OnStart(c greeter.GreeterStartContext, who string) error { return nil }
func (greeterNop) OnGreet(c greeter.GreeterGreetContext, who string) error { return nil }
