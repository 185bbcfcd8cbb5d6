package streams_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/fwgo/fw/generated/streams"
	"github.com/fwgo/fw/runtime/fw"
)

// signalAlerts is the alerts hooks, which also say on phases when a phase's
// broadcast (and the helpers' flush before it) is done.
type signalAlerts struct {
	alerts
	phases chan int
}

func (a signalAlerts) Phase(c streams.AlertsContext, phase int) error {
	err := a.alerts.Phase(c, phase)
	a.phases <- phase
	return err
}

// An open source that never closes (a channel nobody closes) with a phase
// every 3 orders: the helper builders fed by events, ByRegion's Grouper
// and Alerts' Collector, emit at every phase (their flush reaches Report in
// the next phase), and the output is the same for 1, 2 and 8 workers. Run
// returns when its context is cancelled.
func TestEndlessStreamHelpersEveryPhase(t *testing.T) {
	var ref []string
	for _, w := range []int{1, 2, 8} {
		t.Run(fmt.Sprint("workers=", w), func(t *testing.T) {
			h := &handlers{&screen{}, &tally{}, &report{}}
			phases := make(chan int, 16)
			p, err := streams.NewPipeline(streams.Handlers{Screen: h.screen, Alerts: signalAlerts{alerts{h.report}, phases},
				Totals: totals{}, Tally: h.tally, Report: h.report}, fw.WithWorkers(w), fw.WithPhaseEvery(3))
			if err != nil {
				t.Fatal(err)
			}
			ch := make(chan streams.Order) // never closed
			streams.StreamOf(p, fw.ChanStream(ch))
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- p.Run(ctx) }()
			go func() {
				for i := range 14 { // four phases of 3, and two orders of a fifth
					o := streams.Order{ID: fmt.Sprint("s", i), Region: []string{"EU", "US", "AP"}[i%3], Amount: int64(100 + i)}
					if i%3 == 1 {
						o.Amount = 1000 + int64(i) // a large one per phase: an Alert
					}
					select {
					case ch <- o:
					case <-ctx.Done():
						return
					}
				}
			}()
			for want := range 4 {
				select {
				case got := <-phases:
					if got != want {
						t.Fatalf("phase %d ended, want %d", got, want)
					}
				case <-time.After(30 * time.Second):
					t.Fatalf("phase %d did not end", want)
				}
			}
			cancel()
			if err := <-done; !errors.Is(err, context.Canceled) {
				t.Fatalf("Run: %v, want context.Canceled", err)
			}
			// The lines of phases 0 to 3 (phase 4 was cut short).
			var got []string
			for _, l := range h.report.lines {
				if ph, _ := strconv.Atoi(strings.Fields(l)[0]); ph <= 3 {
					got = append(got, l)
				}
			}
			for k := 1; k <= 3; k++ { // each flush reaches Report in the next phase
				for _, what := range []string{" group EU ", " group US ", " group AP ", " alerts ["} {
					if !slices.ContainsFunc(got, func(l string) bool { return strings.HasPrefix(l, fmt.Sprint(k)+what) }) {
						t.Errorf("no %q in phase %d: %q", what, k, got)
					}
				}
			}
			if ref == nil {
				ref = got
			} else if !slices.Equal(got, ref) {
				t.Fatalf("workers=%d:\n got  %q\n want %q", w, got, ref)
			}
		})
	}
}
