package shop_test

// The Go code of docs/runtime.md, verbatim (dsl/docs_test.go checks that each
// ```go file=... block of the docs is in its file).

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fwgo/fw/generated/shop"
	"github.com/fwgo/fw/runtime/archive/badgerarchive"
	"github.com/fwgo/fw/runtime/fw"
)

func docRun(ctx context.Context, billing shop.BillingHandler, audit shop.AuditHandler, ledger shop.LedgerHandler, out *fw.Stats) error {
	h := shop.Handlers{Billing: billing, Audit: audit, Ledger: ledger}
	p, err := shop.NewPipeline(h, fw.WithWorkers(8))
	if err != nil {
		return err // names every handler left nil
	}
	p.Submit(shop.Order{ID: "a", Region: "EU", Amount: 120, Paid: true})
	err = p.Run(ctx)
	stats := p.Stats()
	*out = stats
	return err
}

func docWorkspace(ctx context.Context, h shop.Handlers) error {
	a, err := badgerarchive.Open(".fw-workspace") // fails at once if another process holds it
	if err != nil {
		return err
	}
	defer a.Close()
	p, err := shop.NewPipeline(h, fw.WithArchive(a))
	if err != nil {
		return err
	}
	err = p.Run(ctx)
	return err
}

func docRecord(ctx context.Context, h shop.Handlers, orders []shop.Order) error {
	f, _ := os.Create("orders.fwrec")
	p, _ := shop.NewPipeline(h, fw.WithRecord(f), fw.WithWorkers(8))
	for _, o := range orders {
		p.Submit(o)
	}
	err := p.Run(ctx)
	f.Close()

	// Later, with the current handlers (and any worker count):
	f, _ = os.Open("orders.fwrec")
	p, _ = shop.NewPipeline(h)
	err = p.Replay(ctx, f) // nil, or a *fw.DivergenceError
	return err
}

// docCommand is the run of a command: a workspace, and a run that Ctrl-C
// stops gracefully.
func docCommand(ctx context.Context, h shop.Handlers) error {
	ws, opts, err := badgerarchive.OpenWorkspace(".fw-workspace") // fails at once if another process holds it
	if err != nil {
		return err
	}
	defer ws.Close()
	p, err := shop.NewPipeline(h, append(opts, fw.WithWorkers(4))...)
	if err != nil {
		return err
	}
	return p.Run(ctx)
}

// docCommandMain is compiled, not run: it exits the process.
func docCommandMain(run func(context.Context) error) {
	ctx, _ := fw.NotifyInterrupts(context.Background()) // first thing, for the whole process
	err := run(ctx)
	if err == nil {
		err = context.Cause(ctx) // a signal after the run: fw.ErrInterrupted
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "shop:", err)
	}
	os.Exit(fw.ExitCode(err)) // 0; 130 when interrupted; 1 for another error
}

var _ = docCommandMain

func TestRuntimeDocExamples(t *testing.T) {
	t.Chdir(t.TempDir())
	ctx := context.Background()
	h := func() (billing, audit, ledger) {
		tr := &tracer{calls: map[string][]string{}}
		return billing{tr}, audit{tr}, ledger{tr}
	}
	b, a, l := h()
	var st fw.Stats
	err := docRun(ctx, b, a, l, &st)
	if err != nil || st.Processors[0].Handled != 1 {
		t.Errorf("run: %v, %+v", err, st.Processors)
	}
	b, a, l = h()
	if err := docWorkspace(ctx, shop.Handlers{Billing: b, Audit: a, Ledger: l}); err != nil {
		t.Errorf("workspace: %v", err)
	}
	if _, err := os.Stat(".fw-workspace"); err != nil {
		t.Errorf("no workspace: %v", err)
	}
	b, a, l = h()
	if err := docCommand(ctx, shop.Handlers{Billing: b, Audit: a, Ledger: l}); err != nil {
		t.Errorf("command: %v", err)
	}
	b, a, l = h()
	if err := docRecord(ctx, shop.Handlers{Billing: b, Audit: a, Ledger: l}, orders); err != nil {
		t.Errorf("record and replay: %v", err)
	}
}

// docFeedJSONLines streams standard input (docs/runtime.md, JSON lines).
func docFeedJSONLines(ctx context.Context, h shop.Handlers) error {
	p, err := shop.NewPipeline(h)
	if err != nil {
		return err
	}
	p.FeedJSONLines(os.Stdin, fw.LinesName("stdin"), fw.OnBadLine(func(le *fw.LineError) {
		fmt.Fprintln(os.Stderr, le) // stdin:2: fw: unknown event "Ordr"; did you mean "Order"?
	}))
	err = p.Run(ctx) // a *fw.InputError counting the malformed lines, if any
	return err
}

// TestRuntimeDocFeedJSONLines runs docFeedJSONLines with standard input and
// error on files: the malformed lines are printed as they are read, Run
// counts them, the good ones are handled.
func TestRuntimeDocFeedJSONLines(t *testing.T) {
	dir := t.TempDir()
	in, errf := filepath.Join(dir, "in"), filepath.Join(dir, "err")
	if err := os.WriteFile(in, []byte(ordersJSONL), 0o644); err != nil {
		t.Fatal(err)
	}
	stdin, stderr := os.Stdin, os.Stderr
	defer func() { os.Stdin, os.Stderr = stdin, stderr }()
	var err error
	if os.Stdin, err = os.Open(in); err != nil {
		t.Fatal(err)
	}
	defer os.Stdin.Close()
	if os.Stderr, err = os.Create(errf); err != nil {
		t.Fatal(err)
	}
	defer os.Stderr.Close()
	tr := &tracer{calls: map[string][]string{}}
	err = docFeedJSONLines(context.Background(), shop.Handlers{Billing: billing{tr}, Audit: audit{tr}, Ledger: ledger{tr}})
	var ie *fw.InputError
	if !errors.As(err, &ie) || ie.Bad != 7 || len(ie.Lines) != 0 {
		t.Errorf("Run = %v, want an *fw.InputError counting 7 lines", err)
	}
	printed, _ := os.ReadFile(errf)
	if n := strings.Count(string(printed), "\n"); n != 7 || !strings.Contains(string(printed), `stdin:3: fw: unknown event "Ordr"; did you mean "Order"?`) {
		t.Errorf("stderr (%d lines):\n%s", n, printed)
	}
	if got := tr.calls["Billing"]; len(got) != 4 {
		t.Errorf("Billing got %v, want the 4 good orders", got)
	}
}
