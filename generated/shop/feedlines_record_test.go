package shop_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/fwgo/fw/generated/shop"
	"github.com/fwgo/fw/runtime/fw"
)

// A run fed JSON lines (FeedJSONLines) is recorded, and its replay, which
// reads no input, matches it.
func TestFeedJSONLinesRecorded(t *testing.T) {
	lines := strings.Repeat(`{"event":"Order","id":"a","region":"EU","amount":120,"price":1.5,"paid":true,"status":"NEW","note":""}`+"\n", 5)
	var rec bytes.Buffer
	tr := &tracer{calls: map[string][]string{}}
	h := shop.Handlers{Billing: billing{tr}, Audit: audit{tr}, Ledger: ledger{tr}}
	p, err := shop.NewPipeline(h, fw.WithRecord(&rec), fw.WithSourceBatch(2), fw.WithWorkers(1))
	if err != nil {
		t.Fatal(err)
	}
	p.FeedJSONLines(strings.NewReader(lines))
	if err := p.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprint(tr.calls)
	tr2 := &tracer{calls: map[string][]string{}}
	p, _ = shop.NewPipeline(shop.Handlers{Billing: billing{tr2}, Audit: audit{tr2}, Ledger: ledger{tr2}}, fw.WithWorkers(1)) // one worker: the tracer notes calls as they come
	if err := p.Replay(context.Background(), bytes.NewReader(rec.Bytes())); err != nil {
		t.Fatalf("replay: %v", err)
	}
	if got := fmt.Sprint(tr2.calls); got != want || !strings.Contains(want, "a") {
		t.Fatalf("replay's calls %s, the run's %s", got, want)
	}
}
