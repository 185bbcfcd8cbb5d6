package orders_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fwgo/fw/generated/orders"
	"github.com/fwgo/fw/runtime/fw"
)

// Events are values (docs/runtime.md): a handler must not change a slice,
// map or record it received. These tests break the rule on purpose.

// mutating is a Fulfil handler that changes what it received with change,
// then does fulfil's work.
type mutating struct {
	change func(cust orders.Customer, items []orders.Item, labels map[string]string, discount *int64)
}

func (m mutating) OnOrder(c orders.FulfilOrderContext, cust orders.Customer, items []orders.Item, labels map[string]string,
	discount *int64, placed time.Time, ttl time.Duration, id string) error {
	m.change(cust, items, labels, discount)
	return fulfil{}.OnOrder(c, cust, items, labels, discount, placed, ttl, id)
}

// byPriceDesc sorts a received list in place: the classic way to break the rule.
func byPriceDesc(_ orders.Customer, items []orders.Item, _ map[string]string, _ *int64) {
	slices.SortFunc(items, func(a, b orders.Item) int { return int(b.Price*100 - a.Price*100) })
}

// TestEventChecks: with fw.WithEventChecks, a handler that changes the list,
// map, optional value or nested record of the event it received fails the
// run with an error naming the processor, the case, the call's position and
// the field; with any number of workers.
func TestEventChecks(t *testing.T) {
	cases := []struct {
		name                 string
		change               func(orders.Customer, []orders.Item, map[string]string, *int64)
		field, before, after string
	}{
		{"sorted list", byPriceDesc, "items[0].sku", `"pen"`, `"ink"`},
		{"list element", func(_ orders.Customer, items []orders.Item, _ map[string]string, _ *int64) { items[1].Qty = 0 },
			"items[1].qty", "1", "0"},
		{"map entry deleted", func(_ orders.Customer, _ []orders.Item, labels map[string]string, _ *int64) {
			delete(labels, "campaign")
		},
			`labels["campaign"]`, "present", "absent"},
		{"map entry changed", func(_ orders.Customer, _ []orders.Item, labels map[string]string, _ *int64) {
			labels["channel"] = "post"
		},
			`labels["channel"]`, `"web"`, `"post"`},
		{"optional value", func(_ orders.Customer, _ []orders.Item, _ map[string]string, d *int64) { *d = 0 },
			"discount", "10", "0"},
		{"optional record in a record", func(c orders.Customer, _ []orders.Item, _ map[string]string, _ *int64) { c.Billing.City = "Oslo" },
			"customer.billing.city", `"Bergen"`, `"Oslo"`},
		{"optional field of a record", func(c orders.Customer, _ []orders.Item, _ map[string]string, _ *int64) { *c.Address.Zip = "0151" },
			"customer.address.zip", `"0150"`, `"0151"`},
	}
	for _, tc := range cases {
		for _, workers := range []int{1, 4} {
			t.Run(fmt.Sprintf("%s/workers=%d", tc.name, workers), func(t *testing.T) {
				l := &ledger{}
				p := must(orders.NewPipeline(orders.Handlers{Fulfil: mutating{tc.change}, Ledger: l, Report: &report{}, Depots: depots{}},
					fw.WithWorkers(workers), fw.WithEventChecks()))
				p.Submit(sample("a"))
				p.Submit(sample("b"))
				err := p.Run(context.Background())
				var he *fw.HandlerError
				var ce *fw.EventChangedError
				if !errors.As(err, &he) || !errors.As(err, &ce) {
					t.Fatalf("Run = %v, want a *fw.HandlerError wrapping a *fw.EventChangedError", err)
				}
				if he.Processor != "Fulfil" || he.Case != "Order" || he.Event != "Order" || he.Input != 0 || he.Phase != 0 || he.Step != 0 {
					t.Errorf("HandlerError = %+v, want processor Fulfil, case Order, event Order, input 0 of phase 0, step 0", he)
				}
				wantPos := fw.Position{Processor: "Fulfil", Case: "Order"}
				if ce.Position != wantPos || ce.Event != "Order" || ce.Field != tc.field || ce.Before != tc.before || ce.After != tc.after {
					t.Errorf("EventChangedError = %+v, want at %+v, field %s from %s to %s", ce, wantPos, tc.field, tc.before, tc.after)
				}
				msg := err.Error()
				for _, s := range []string{"processor Fulfil", "case Order", "call Fulfil/0/0/0", tc.field, "copy a slice, map or record before changing it"} {
					if !strings.Contains(msg, s) {
						t.Errorf("error %q does not say %q", msg, s)
					}
				}
				// The failed call's emissions were discarded, and no later call ran.
				if len(l.shipments) != 0 {
					t.Errorf("a Shipment was delivered: %+v", l.shipments)
				}
			})
		}
	}
}

// TestWithoutEventChecks: without the debug mode the change is not caught,
// and the processor called next sees it: why the rule exists.
func TestWithoutEventChecks(t *testing.T) {
	rec := &recordingLedger{}
	p := must(orders.NewPipeline(orders.Handlers{Fulfil: mutating{byPriceDesc}, Ledger: rec, Report: &report{}, Depots: depots{}}, fw.WithWorkers(1)))
	p.Submit(sample("a"))
	if err := p.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	// Ledger's Book ran after Fulfil's OnOrder on the same value.
	if got := strings.Join(rec.skus, ","); got != "ink,pen" {
		t.Errorf("Ledger saw items %s, want them as Fulfil left them (ink,pen)", got)
	}
}

// recordingLedger records the SKUs of the items each Book call receives.
type recordingLedger struct {
	ledger
	skus []string
}

func (r *recordingLedger) OnBook(c orders.LedgerBookContext, customer orders.Customer, items []orders.Item, tags []string,
	byDay map[int64][]string, notes *[]orders.Note) error {
	for _, it := range items {
		r.skus = append(r.skus, it.Sku)
	}
	return nil
}

// TestEventChecksPass: handlers that keep the rule run with the checks on as
// without, with 1 and 4 workers (TestPipeline's handlers and expectations).
func TestEventChecksPass(t *testing.T) {
	for _, workers := range []int{1, 4} {
		l, r := &ledger{}, &report{}
		p := must(orders.NewPipeline(orders.Handlers{Fulfil: fulfil{}, Ledger: l, Report: r, Depots: depots{}},
			fw.WithWorkers(workers), fw.WithEventChecks()))
		for i := range 50 {
			p.Submit(sample(fmt.Sprint(i)))
		}
		if err := p.Run(context.Background()); err != nil {
			t.Fatalf("workers %d: %v", workers, err)
		}
		if len(l.shipments) != 50 || len(r.summaries) == 0 || r.summaries[len(r.summaries)-1].Orders != 50 {
			t.Errorf("workers %d: %d shipments, summaries %+v", workers, len(l.shipments), r.summaries)
		}
	}
}

// The race detector catches a handler that changes an event another
// processor reads at the same time: Fulfil sorts the items it received while
// Ledger's calls, on another worker, read them. TestRaceDetector runs
// TestRaceChild in a child process (the test binary itself, built with -race)
// and checks that it reports the data race, in those handlers.

const raceChildEnv = "FW_ORDERS_RACE_CHILD"

func TestRaceDetector(t *testing.T) {
	if !orders.RaceEnabled {
		t.Skip("needs the race detector: go test -race")
	}
	if testing.Short() {
		t.Skip("runs child processes")
	}
	// Whether the step's calls run on two goroutines at once is the
	// scheduler's choice, from the costs it measures on the step's first
	// calls: on a loaded machine one sleep may take 3 times the other, and
	// with Fulfil's calls measured that much dearer than Ledger's the pool
	// would save too little, so the step runs inline (on one goroutine: no
	// race), in that process's later runs too. So up to 8 child processes.
	var out []byte
	for range 8 {
		cmd := exec.Command(os.Args[0], "-test.run", "^TestRaceChild$", "-test.count", "1", "-test.v")
		cmd.Env = append(os.Environ(), raceChildEnv+"=1", "GORACE=halt_on_error=1")
		var err error
		out, err = cmd.CombinedOutput()
		if !strings.Contains(string(out), "=== RUN   TestRaceChild") {
			t.Fatalf("the child did not run TestRaceChild (%v):\n%s", err, out)
		}
		if err != nil {
			break
		}
	}
	s := string(out)
	if !strings.Contains(s, "WARNING: DATA RACE") {
		t.Fatalf("no child reported a data race; the last one's output:\n%s", s)
	}
	// Both sides of the race are handlers: the write in Fulfil's sort, the
	// read in Ledger's Book.
	for _, fn := range []string{"byPriceDesc", "readingLedger).OnBook"} {
		if !strings.Contains(s, fn) {
			t.Errorf("the race report does not name %s:\n%s", fn, s)
		}
	}
}

// readingLedger reads every item of each order it books, then works a while.
type readingLedger struct {
	ledger
	total float64
}

func (r *readingLedger) OnBook(c orders.LedgerBookContext, customer orders.Customer, items []orders.Item, tags []string,
	byDay map[int64][]string, notes *[]orders.Note) error {
	for _, it := range items {
		r.total += it.Price * float64(it.Qty)
	}
	time.Sleep(200 * time.Microsecond) //fw:nondeterministic-ok a slow call, to overlap with the mutating one; it emits nothing
	return nil
}

// slowMutating is mutating after some work: its calls, on the goroutine
// running Run, change each order after Ledger's, on a worker, read it (the
// pool's hand-offs would order a change before a later read).
type slowMutating struct{ mutating }

func (m slowMutating) OnOrder(c orders.FulfilOrderContext, cust orders.Customer, items []orders.Item, labels map[string]string,
	discount *int64, placed time.Time, ttl time.Duration, id string) error {
	time.Sleep(300 * time.Microsecond) //fw:nondeterministic-ok a slow call; what it emits does not depend on it
	return m.mutating.OnOrder(c, cust, items, labels, discount, placed, ttl, id)
}

// TestRaceChild is TestRaceDetector's child: two processors receive the same
// Order events, with 4 workers, and one sorts the items the other reads.
// A process whose scheduler hands the step to the pool races in its first
// run; the race detector stops it there (GORACE=halt_on_error=1).
func TestRaceChild(t *testing.T) {
	if os.Getenv(raceChildEnv) == "" {
		t.Skip("run by TestRaceDetector")
	}
	for range 2 {
		p := must(orders.NewPipeline(orders.Handlers{Fulfil: slowMutating{mutating{byPriceDesc}}, Ledger: &readingLedger{}, Report: &report{}, Depots: depots{}},
			fw.WithWorkers(4)))
		for i := range 200 {
			p.Submit(sample(fmt.Sprint(i)))
		}
		if err := p.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
}

// mutatingReport changes the collected depots it receives.
type mutatingReport struct{ report }

func (r *mutatingReport) OnAllDepots(c orders.ReportAllDepotsContext, v []orders.Address) error {
	v[1].Zip = ptr("5003")
	return r.report.OnAllDepots(c, v)
}

// TestEventChecksArtifact: built artifacts are values too.
func TestEventChecksArtifact(t *testing.T) {
	p := must(orders.NewPipeline(orders.Handlers{Fulfil: fulfil{}, Ledger: &ledger{}, Report: &mutatingReport{}, Depots: depots{}}, fw.WithEventChecks()))
	p.Submit(sample("a"))
	err := p.Run(context.Background())
	var ce *fw.EventChangedError
	if !errors.As(err, &ce) {
		t.Fatalf("Run = %v, want a *fw.EventChangedError", err)
	}
	if ce.Position.Processor != "Report" || ce.Position.Case != "AllDepots" || ce.Event != "built allDepots" ||
		ce.Field != "[1].zip" || ce.Before != "absent" || ce.After != "present" {
		t.Errorf("EventChangedError = %+v", ce)
	}
	t.Log(err)
}
