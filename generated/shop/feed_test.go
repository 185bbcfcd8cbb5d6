package shop_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"testing/iotest"
	"time"

	"github.com/fwgo/fw/generated/shop"
	"github.com/fwgo/fw/runtime/fw"
)

// FeedJSONLines (issue 15): the lines are read lazily while Run runs, the
// malformed ones reported by Run with their numbers, the good ones handled as
// if submitted.

func TestFeedJSONLines(t *testing.T) {
	want, _, err := run(t, 1, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{1, 2} {
		tr := &tracer{calls: map[string][]string{}}
		p := must(shop.NewPipeline(shop.Handlers{Billing: billing{tr}, Audit: audit{tr}, Ledger: ledger{tr}}, fw.WithWorkers(workers)))
		p.FeedJSONLines(strings.NewReader(ordersJSONL), fw.LinesName("orders.jsonl"))
		err = p.Run(context.Background())
		var ie *fw.InputError
		if !errors.As(err, &ie) {
			t.Fatalf("Run = %v, want an *fw.InputError", err)
		}
		var bad []int
		for _, l := range ie.Lines {
			bad = append(bad, l.Line)
		}
		if !slices.Equal(bad, []int{2, 3, 5, 6, 9, 10, 12}) || ie.Bad != 7 || ie.Total != 12 {
			t.Errorf("malformed lines %v (%d of %d), want [2 3 5 6 9 10 12] (7 of 12)\n%v", bad, ie.Bad, ie.Total, err)
		}
		for _, frag := range []string{"orders.jsonl:2:", `orders.jsonl:3: fw: unknown event "Ordr"; did you mean "Order"?`,
			"orders.jsonl:5:", "orders.jsonl:6:", `orders.jsonl:10: fw: event Order: unknown field "extra" at column 105`, "orders.jsonl:12:"} {
			if !strings.Contains(err.Error(), frag) {
				t.Errorf("error lacks %q:\n%v", frag, err)
			}
		}
		for proc, calls := range want.calls {
			if !slices.Equal(tr.calls[proc], calls) {
				t.Errorf("workers=%d, %s: got %v, want %v", workers, proc, tr.calls[proc], calls)
			}
		}
	}
}

// TestFeedJSONLinesStop: with StopOnBadLine the input ends at its first
// malformed line; the lines before it are handled, and Run returns its error.
func TestFeedJSONLinesStop(t *testing.T) {
	tr := &tracer{calls: map[string][]string{}}
	p := must(shop.NewPipeline(shop.Handlers{Billing: billing{tr}, Audit: audit{tr}, Ledger: ledger{tr}}))
	p.FeedJSONLines(strings.NewReader(ordersJSONL), fw.StopOnBadLine())
	err := p.Run(context.Background())
	var le *fw.LineError
	if !errors.As(err, &le) || le.Line != 2 {
		t.Fatalf("Run = %v, want line 2's error", err)
	}
	if got := tr.calls["Billing"]; !slices.Equal(got, []string{"Domestic(120,a)"}) {
		t.Errorf("Billing got %v: only the line before the bad one is handled", got)
	}
}

// TestFeedJSONLinesOnBadLine: OnBadLine has every malformed line as it is
// read, in order; Run's *fw.InputError counts them and lists none. Several
// inputs are read one after the other, each with its own line numbers, and
// Run reports both.
func TestFeedJSONLinesOnBadLine(t *testing.T) {
	tr := &tracer{calls: map[string][]string{}}
	p := must(shop.NewPipeline(shop.Handlers{Billing: billing{tr}, Audit: audit{tr}, Ledger: ledger{tr}}))
	var got []string
	onBad := fw.OnBadLine(func(le *fw.LineError) { got = append(got, fmt.Sprintf("%s:%d", le.Name, le.Line)) })
	p.FeedJSONLines(strings.NewReader(ordersJSONL), fw.LinesName("a"), onBad)
	p.FeedJSONLines(strings.NewReader(ordersJSONL), fw.LinesName("b"))
	err := p.Run(context.Background())
	if want := []string{"a:2", "a:3", "a:5", "a:6", "a:9", "a:10", "a:12"}; !slices.Equal(got, want) {
		t.Errorf("OnBadLine had %v, want %v", got, want)
	}
	var ies []*fw.InputError
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		if ie, ok := e.(*fw.InputError); ok {
			ies = append(ies, ie)
		}
	}
	if len(ies) != 2 || ies[0].Bad != 7 || len(ies[0].Lines) != 0 || ies[1].Bad != 7 || len(ies[1].Lines) != 7 || ies[1].Lines[0].Name != "b" {
		t.Fatalf("Run = %v, want the InputErrors of a (7, none listed) and b (7 listed)", err)
	}
	if got := tr.calls["Billing"]; len(got) != 2*4 || !slices.Equal(got[:4], got[4:]) {
		t.Errorf("Billing got %v, want the 4 good orders twice", got)
	}
}

// TestFeedJSONLinesReadError: an error reading the input stops the run.
func TestFeedJSONLinesReadError(t *testing.T) {
	tr := &tracer{calls: map[string][]string{}}
	p := must(shop.NewPipeline(shop.Handlers{Billing: billing{tr}, Audit: audit{tr}, Ledger: ledger{tr}}))
	boom := errors.New("disk on fire")
	p.FeedJSONLines(io.MultiReader(strings.NewReader(orderLine("a")+"\n"), iotest.ErrReader(boom)))
	if err := p.Run(context.Background()); !errors.Is(err, boom) {
		t.Fatalf("Run = %v, want the read error", err)
	}
}

// orderStream is an input of n Order lines made as they are read (n < 0:
// endless), counting the bytes read.
type orderStream struct {
	n, i int
	buf  []byte
	read atomic.Int64
}

func (s *orderStream) Read(p []byte) (int, error) {
	for len(s.buf) < len(p) && (s.n < 0 || s.i < s.n) {
		s.buf = fmt.Appendf(s.buf, `{"event":"Order","id":"o%d","region":"EU","amount":%d,"price":1.5,"paid":true,"status":"NEW","note":""}`+"\n", s.i, s.i)
		s.i++
	}
	if len(s.buf) == 0 {
		return 0, io.EOF
	}
	n := copy(p, s.buf)
	s.buf = s.buf[:copy(s.buf, s.buf[n:])]
	s.read.Add(int64(n))
	return n, nil
}

// lazyBilling notes how much of the input was read when the first order was
// billed, and cancels the run after stop orders.
type lazyBilling struct {
	billing
	in         *orderStream
	first      int64
	seen, stop int
	cancel     func()
	outOfOrder bool
}

func (b *lazyBilling) OnDomestic(c shop.BillingDomesticContext, a int64, id string) error {
	if b.seen == 0 {
		b.first = b.in.read.Load()
	}
	if id != fmt.Sprintf("o%d", b.seen) {
		b.outOfOrder = true
	}
	if b.seen++; b.seen == b.stop {
		b.cancel()
	}
	return nil
}

// TestFeedJSONLinesLazy: the input is read as the run needs it: the first
// order is handled when a batch and the reader's buffer have been read, not
// the whole input; an endless input runs until the context is cancelled.
func TestFeedJSONLinesLazy(t *testing.T) {
	tr := &tracer{calls: map[string][]string{}}
	in := &orderStream{n: 200_000}
	b := &lazyBilling{billing: billing{tr}, in: in, cancel: func() {}}
	p := must(shop.NewPipeline(shop.Handlers{Billing: b, Audit: audit{tr}, Ledger: ledger{tr}}, fw.WithSourceBatch(64)))
	p.FeedJSONLines(in)
	if err := p.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if b.seen != in.n || b.outOfOrder {
		t.Fatalf("billed %d orders (out of order: %v), want %d in order", b.seen, b.outOfOrder, in.n)
	}
	if total := in.read.Load(); b.first > 128<<10 || b.first >= total/100 {
		t.Errorf("the first order was billed after reading %d of %d bytes: want at most the reader's buffer", b.first, total)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in = &orderStream{n: -1}
	b = &lazyBilling{billing: billing{tr}, in: in, stop: 50_000, cancel: cancel}
	p = must(shop.NewPipeline(shop.Handlers{Billing: b, Audit: audit{tr}, Ledger: ledger{tr}}))
	p.FeedJSONLines(in)
	if err := p.Run(ctx); !errors.Is(err, context.Canceled) || b.seen < b.stop || b.outOfOrder {
		t.Errorf("endless input: Run = %v after %d orders (out of order: %v), want context.Canceled after %d", err, b.seen, b.outOfOrder, b.stop)
	}
}

// promptBilling hands each billed order's id to seen.
type promptBilling struct {
	billing
	seen chan string
}

func (b promptBilling) OnDomestic(c shop.BillingDomesticContext, a int64, id string) error {
	b.seen <- id
	return nil
}

// TestFeedJSONLinesPrompt: with fw.WithSourceBatch(1) the handlers of each
// line of an interactive input (a pipe written a line at a time) run as soon
// as it is read, before the next one is written: the writer waits for each
// order to be billed before it writes the next (with larger batches this
// would wait forever). (What they emit is handled in the next step, whose
// pull waits for the next line: docs/runtime.md, JSON lines.)
func TestFeedJSONLinesPrompt(t *testing.T) {
	tr := &tracer{calls: map[string][]string{}}
	seen := make(chan string)
	p := must(shop.NewPipeline(shop.Handlers{Billing: promptBilling{billing{tr}, seen}, Audit: audit{tr}, Ledger: ledger{tr}}, fw.WithSourceBatch(1)))
	pr, pw := io.Pipe()
	p.FeedJSONLines(pr)
	done := make(chan error, 1)
	go func() { done <- p.Run(context.Background()) }()
	for i := range 20 {
		id := fmt.Sprintf("o%d", i)
		if _, err := io.WriteString(pw, orderLine(id)+"\n"); err != nil {
			t.Fatal(err)
		}
		select {
		case got := <-seen:
			if got != id {
				t.Fatalf("billed %s, want %s", got, id)
			}
		case err := <-done:
			t.Fatalf("Run returned %v before the input ended", err)
		case <-time.After(time.Minute): // a guard against a hang, not a timing assertion
			t.Fatalf("order %s was not handled before the next line was written", id)
		}
	}
	pw.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// TestStreamJSONLines: a stream of JSON lines reports the malformed lines as
// FeedJSONLines does and hands the others to the same handlers, in order.
func TestStreamJSONLines(t *testing.T) {
	tr := &tracer{calls: map[string][]string{}}
	p := must(shop.NewPipeline(shop.Handlers{Billing: billing{tr}, Audit: audit{tr}, Ledger: ledger{tr}}))
	p.StreamJSONLines(strings.NewReader(ordersJSONL), fw.LinesName("orders.jsonl"))
	err := p.Run(context.Background())
	var ie *fw.InputError
	if !errors.As(err, &ie) || ie.Bad != 7 || ie.Total != 12 || ie.Lines[1].Line != 3 ||
		!strings.Contains(err.Error(), `orders.jsonl:3: fw: unknown event "Ordr"; did you mean "Order"?`) {
		t.Fatalf("Run = %v, want the 7 malformed lines", err)
	}
	want := &tracer{calls: map[string][]string{}}
	q := must(shop.NewPipeline(shop.Handlers{Billing: billing{want}, Audit: audit{want}, Ledger: ledger{want}}))
	q.FeedJSONLines(strings.NewReader(ordersJSONL))
	q.Run(context.Background())
	if !slices.Equal(tr.calls["Billing"], want.calls["Billing"]) {
		t.Errorf("Billing got %v, want %v", tr.calls["Billing"], want.calls["Billing"])
	}

	// StopOnBadLine ends the stream at the first malformed line.
	tr = &tracer{calls: map[string][]string{}}
	p = must(shop.NewPipeline(shop.Handlers{Billing: billing{tr}, Audit: audit{tr}, Ledger: ledger{tr}}))
	p.StreamJSONLines(strings.NewReader(ordersJSONL), fw.StopOnBadLine())
	var le *fw.LineError
	if err := p.Run(context.Background()); !errors.As(err, &le) || le.Line != 2 || !slices.Equal(tr.calls["Billing"], []string{"Domestic(120,a)"}) {
		t.Errorf("Run = %v, Billing %v; want line 2's error after order a", err, tr.calls["Billing"])
	}

	// An endless input: Run returns on cancellation, and the reading
	// goroutine stops.
	ctx, cancel := context.WithCancel(context.Background())
	in := &orderStream{n: -1}
	b := &lazyBilling{billing: billing{tr}, in: in, stop: 5_000, cancel: cancel}
	p = must(shop.NewPipeline(shop.Handlers{Billing: b, Audit: audit{tr}, Ledger: ledger{tr}}))
	p.StreamJSONLines(in)
	if err := p.Run(ctx); !errors.Is(err, context.Canceled) || b.seen < b.stop || b.outOfOrder {
		t.Errorf("endless input: Run = %v after %d orders (out of order: %v)", err, b.seen, b.outOfOrder)
	}
	read := in.read.Load()
	for range 100 { // the goroutine stops at its next line: it reads no more than a buffer after
		time.Sleep(10 * time.Millisecond)
	}
	if after := in.read.Load(); after > read+64<<10 {
		t.Errorf("the input was read on after the run: %d bytes, then %d", read, after)
	}
}
