package live_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/fwgo/fw/generated/live"
	"github.com/fwgo/fw/runtime/fw"
)

// stamped is a Screen that measures, for each order, the time from its
// arrival (the producer's clock reading just before it sent the order,
// carried in Amount as nanoseconds since base) to the handler call.
type stamped struct {
	base time.Time
	lat  []time.Duration
}

func (s *stamped) OnLarge(c live.ScreenLargeContext, id string, amount int64) error {
	s.note(amount)
	return nil
}

func (s *stamped) OnSmall(c live.ScreenSmallContext) error {
	s.note(c.Event().Amount)
	return nil
}

// note records a latency: the benchmark's measure, not what the handler emits.
//
//fw:nondeterministic-ok measures the latency, which nothing emits
func (s *stamped) note(at int64) { s.lat = append(s.lat, time.Since(s.base)-time.Duration(at)) }

// BenchmarkLatency feeds b.N orders through a channel (p.FeedChan), one at a
// time at 1,000 per second, to a pipeline with cheap handlers and a phase
// every 100 orders, and reports the time from an order's arrival to its
// handler call: p50 and p99 (and the worst) in microseconds. The figure that
// counts is the percentiles, not ns/op (which is the producer's pace). Run
// it with a fixed count: go test -run '^$' -bench Latency -benchtime 5000x.
func BenchmarkLatency(b *testing.B) {
	for _, w := range []int{1, 2} {
		b.Run(fmt.Sprint("workers=", w), func(b *testing.B) {
			s := &stamped{base: time.Now(), lat: make([]time.Duration, 0, b.N)}
			p := must(live.NewPipeline(live.Handlers{Screen: s, ByRegion: newByRegion(), Alerts: &alerts{}, Out: &out{}},
				fw.WithWorkers(w), fw.WithPhaseEvery(100)))
			ch := make(chan live.Event)
			p.FeedChan(ch)
			done := make(chan error, 1)
			go func() { done <- p.Run(context.Background()) }()
			b.ResetTimer()
			start := time.Now()
			for i := range b.N {
				// Order i is due at start + i ms (a late one goes at once,
				// so that the rate averages 1,000 per second).
				if d := time.Until(start.Add(time.Duration(i) * time.Millisecond)); d > 0 {
					time.Sleep(d)
				}
				ch <- live.Order{ID: "o", Region: []string{"EU", "US"}[i%2], Amount: int64(time.Since(s.base))}
			}
			close(ch)
			if err := <-done; err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			if len(s.lat) != b.N {
				b.Fatalf("%d calls for %d orders", len(s.lat), b.N)
			}
			report(b, s.lat)
		})
	}
}

// BenchmarkLatencyRaw is the floor of BenchmarkLatency: the same producer
// and the same handler called by a goroutine that receives from the channel
// itself, no pipeline.
func BenchmarkLatencyRaw(b *testing.B) {
	s := &stamped{base: time.Now(), lat: make([]time.Duration, 0, b.N)}
	ch := make(chan live.Order)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for o := range ch {
			s.note(o.Amount)
		}
	}()
	b.ResetTimer()
	start := time.Now()
	for i := range b.N {
		if d := time.Until(start.Add(time.Duration(i) * time.Millisecond)); d > 0 {
			time.Sleep(d)
		}
		ch <- live.Order{ID: "o", Region: []string{"EU", "US"}[i%2], Amount: int64(time.Since(s.base))}
	}
	close(ch)
	<-done
	b.StopTimer()
	report(b, s.lat)
}

// report sorts lat and reports its p50, p99 and maximum in microseconds.
func report(b *testing.B, lat []time.Duration) {
	slices.Sort(lat)
	at := func(q float64) float64 { return float64(lat[int(q*float64(len(lat)-1))].Nanoseconds()) / 1e3 }
	b.ReportMetric(at(0.50), "p50-µs")
	b.ReportMetric(at(0.99), "p99-µs")
	b.ReportMetric(at(1), "max-µs")
}
