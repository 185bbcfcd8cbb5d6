package live_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/fwgo/fw/generated/live"
	"github.com/fwgo/fw/runtime/fw"
	"github.com/fwgo/fw/runtime/reactive"
)

type screen struct{}

func (screen) OnLarge(c live.ScreenLargeContext, id string, amount int64) error {
	c.EmitAlert(live.Alert{ID: id, Amount: amount})
	return nil
}
func (screen) OnSmall(c live.ScreenSmallContext) error { return nil }

// byRegion groups the phase's orders by region.
type byRegion struct {
	g *reactive.Grouper[string, live.Order]
}

func newByRegion() *byRegion {
	return &byRegion{g: reactive.NewGrouper(func(o live.Order) string { return o.Region })}
}

func (b *byRegion) OnOrder(c live.ByRegionOrderContext) error {
	b.g.Add(c.Event())
	return nil
}

func (b *byRegion) Phase(c live.ByRegionPhaseContext, phase int) error {
	b.g.Phase(func(region string, orders []live.Order) {
		var total int64
		for _, o := range orders {
			total += o.Amount
		}
		c.EmitRegionTotal(live.RegionTotal{Phase: int64(phase), Region: region, Orders: int64(len(orders)), Total: total})
	})
	return nil
}

// alerts collects every alert.
type alerts struct{ c reactive.Collector[string] }

func (a *alerts) OnAlert(c live.AlertsAlertContext, id string) error {
	a.c.Add(id)
	return nil
}

func (a *alerts) Phase(c live.AlertsPhaseContext, phase int) error {
	a.c.Phase(func(ids []string) {
		c.EmitAlertLog(live.AlertLog{Phase: int64(phase), Alerts: int64(len(ids)), Last: ids[len(ids)-1]})
	})
	return nil
}

// out keeps the reports as lines and passes each AlertLog's phase to logs.
type out struct {
	mu    sync.Mutex
	lines []string
	logs  chan int64
}

func (o *out) OnRegionTotal(c live.OutRegionTotalContext) error {
	r := c.Event()
	o.add(fmt.Sprintf("phase %d: %s %d orders, total %d", r.Phase, r.Region, r.Orders, r.Total))
	return nil
}

func (o *out) OnAlertLog(c live.OutAlertLogContext) error {
	a := c.Event()
	o.add(fmt.Sprintf("phase %d: %d alerts, last %s", a.Phase, a.Alerts, a.Last))
	if o.logs != nil {
		o.logs <- a.Phase
	}
	return nil
}

func (o *out) add(l string) {
	o.mu.Lock()
	o.lines = append(o.lines, l)
	o.mu.Unlock()
}

func (o *out) get() []string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return slices.Clone(o.lines)
}

func handlers(o *out) live.Handlers {
	return live.Handlers{Screen: screen{}, ByRegion: newByRegion(), Alerts: &alerts{}, Out: o}
}

// order i: regions EU, US, APAC in turn; every fourth order is large.
func order(i int) live.Order {
	amount := int64(10 + i)
	if i%4 == 3 {
		amount = 1000 + int64(i)
	}
	return live.Order{ID: fmt.Sprint("o", i), Region: []string{"EU", "US", "APAC"}[i%3], Amount: amount}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// within receives from ch, failing the test if nothing comes for a long
// while (a hang guard, not a timing assertion).
func within[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(30 * time.Second):
		t.Fatalf("no %s after 30 s", what)
		panic("unreachable")
	}
}

// An open source that never closes (a channel nobody closes), with a phase
// every 4 orders: the Grouper and the Collector emit at every phase, the
// output is the same for 1, 2 and 8 workers, and Run returns only when its
// context is cancelled.
func TestEndlessStreamCountPhases(t *testing.T) {
	want := []string{
		"phase 0: APAC 1 orders, total 12", "phase 0: EU 2 orders, total 1013", "phase 0: US 1 orders, total 11",
		"phase 0: 1 alerts, last o3",
		"phase 1: APAC 1 orders, total 15", "phase 1: EU 1 orders, total 16", "phase 1: US 2 orders, total 1021",
		"phase 1: 2 alerts, last o7",
		"phase 2: APAC 2 orders, total 1029", "phase 2: EU 1 orders, total 19", "phase 2: US 1 orders, total 20",
		"phase 2: 3 alerts, last o11",
	}
	for _, w := range []int{1, 2, 8} {
		t.Run(fmt.Sprint("workers=", w), func(t *testing.T) {
			o := &out{logs: make(chan int64, 8)}
			p := must(live.NewPipeline(handlers(o), fw.WithWorkers(w), fw.WithPhaseEvery(4)))
			ch := make(chan live.Order) // unbuffered, never closed
			live.StreamOf(p, fw.ChanStream(ch))
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- p.Run(ctx) }()
			go func() {
				for i := range 14 { // 3 phases and two orders of a fourth
					select {
					case ch <- order(i):
					case <-ctx.Done():
						return
					}
				}
			}()
			for phase := range int64(3) {
				if got := within(t, o.logs, "AlertLog"); got != phase {
					t.Fatalf("AlertLog of phase %d, want %d", got, phase)
				}
			}
			cancel()
			if err := within(t, done, "end of Run"); !errors.Is(err, context.Canceled) {
				t.Fatalf("Run: %v, want context.Canceled", err)
			}
			if got := o.get(); !slices.Equal(got, want) {
				t.Fatalf("workers=%d:\n got  %q\n want %q", w, got, want)
			}
		})
	}
}

// A run with time-triggered phases (the orders come in waves, each after the
// previous phase ended) is recorded; replaying the record reproduces the
// phases and the output, with any worker count, without the channel; a
// sink's messages and their ids are the same in the replay.
func TestTimePhasesRecordReplay(t *testing.T) {
	o := &out{logs: make(chan int64, 8)}
	var rec bytes.Buffer
	s := &sink{}
	p := must(live.NewPipeline(handlers(o), fw.WithPhaseInterval(2*time.Millisecond), fw.WithRecord(&rec), fw.WithSink(s, "RegionTotal", "AlertLog")))
	ch := make(chan live.Event)
	p.FeedChan(ch)
	done := make(chan error, 1)
	go func() { done <- p.Run(context.Background()) }()
	for wave := range 3 {
		for i := range 4 {
			ch <- order(wave*4 + i)
		}
		within(t, o.logs, "AlertLog") // the wave's phase ended
	}
	close(ch)
	if err := within(t, done, "end of Run"); err != nil {
		t.Fatal(err)
	}
	want, wantSink := o.get(), s.get()
	if len(want) < 6 || len(wantSink) != len(want) {
		t.Fatalf("output %q, sink %q", want, wantSink)
	}
	for _, w := range []int{1, 2, 8} {
		r := &out{}
		rs := &sink{}
		p := must(live.NewPipeline(handlers(r), fw.WithWorkers(w), fw.WithSink(rs, "RegionTotal", "AlertLog")))
		if err := p.Replay(context.Background(), bytes.NewReader(rec.Bytes())); err != nil {
			t.Fatalf("replay, %d workers: %v", w, err)
		}
		if got := r.get(); !slices.Equal(got, want) {
			t.Fatalf("replay, %d workers:\n got  %q\n want %q", w, got, want)
		}
		if got := rs.get(); !slices.Equal(got, wantSink) {
			t.Fatalf("sink in the replay, %d workers:\n got  %q\n want %q", w, got, wantSink)
		}
	}
}

// sink keeps what it is given, with the ids.
type sink struct {
	mu    sync.Mutex
	lines []string
}

func (s *sink) Publish(ctx context.Context, msgs []fw.SinkMsg) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, m := range msgs {
		data, err := live.EncodeJSON(m.Value.(live.Event))
		if err != nil {
			return err
		}
		s.lines = append(s.lines, m.ID+" "+string(data))
	}
	return nil
}

func (s *sink) get() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.lines)
}
