package live_test

// The Go code of docs/runtime.md, verbatim (dsl/docs_test.go checks that each
// ```go file=... block of the docs is in its file).

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/fwgo/fw/generated/live"
	"github.com/fwgo/fw/runtime/fw"
)

func docLive(ctx context.Context, h live.Handlers, alerts fw.Sink, produce func(chan<- live.Order)) error {
	ch := make(chan live.Order) // the application sends orders; closing ch ends the run
	p, _ := live.NewPipeline(h, fw.WithPhaseInterval(time.Second), fw.WithSink(alerts, "AlertLog"))
	live.StreamOf(p, fw.ChanStream(ch)) // or p.FeedChan for a chan live.Event
	go produce(ch)
	err := p.Run(ctx) // returns when ch is closed, ctx is done, or a handler fails
	return err
}

// The example runs: the orders sent before the channel is closed are
// handled, and the alerts' log reaches the sink (at the last phase's end).
func TestDocLive(t *testing.T) {
	s := &sink{}
	produce := func(ch chan<- live.Order) {
		for i := range 8 {
			ch <- order(i)
		}
		close(ch)
	}
	if err := docLive(context.Background(), handlers(&out{}), s, produce); err != nil {
		t.Fatal(err)
	}
	got := s.get()
	if len(got) == 0 || !strings.Contains(got[len(got)-1], `"alerts":2`) {
		t.Fatalf("sink: %q", got)
	}
}
