package broadcast_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/fwgo/fw/generated/broadcast"
	"github.com/fwgo/fw/runtime/fw"
)

// sink is the handler of one S<i>: it sums what it receives. C is the
// processor's context type, so that sink[broadcast.S1EContext] is an S1Handler.
type sink[C any] struct{ sum int64 }

func (s *sink[C]) OnE(c C, n int64) error {
	s.sum += n
	return nil
}

// sinks holds the eight handlers of a run.
type sinks struct {
	s1 sink[broadcast.S1EContext]
	s2 sink[broadcast.S2EContext]
	s3 sink[broadcast.S3EContext]
	s4 sink[broadcast.S4EContext]
	s5 sink[broadcast.S5EContext]
	s6 sink[broadcast.S6EContext]
	s7 sink[broadcast.S7EContext]
	s8 sink[broadcast.S8EContext]
}

func (s *sinks) total() int64 {
	return s.s1.sum + s.s2.sum + s.s3.sum + s.s4.sum + s.s5.sum + s.s6.sum + s.s7.sum + s.s8.sum
}

// runFanout submits E{0} … E{n-1} and runs the pipeline; it returns the sum
// of what the eight processors received.
func runFanout(n int, opts ...fw.Option) (int64, error) {
	s := &sinks{}
	p := must(broadcast.NewPipeline(broadcast.Handlers{S1: &s.s1, S2: &s.s2, S3: &s.s3, S4: &s.s4, S5: &s.s5, S6: &s.s6, S7: &s.s7, S8: &s.s8}, opts...))
	for i := range n {
		p.Submit(broadcast.E{N: int64(i)})
	}
	err := p.Run(context.Background())
	return s.total(), err
}

// handler is the hand-written form of a processor: the same work, called
// through an interface as a hand-written fan-out would hold its receivers.
type handler interface{ handle(n int64) }

type adder struct{ sum int64 }

func (a *adder) handle(n int64) { a.sum += n }

// handFanout is the limit: each event handed to the eight receivers directly.
func handFanout(n int) int64 {
	hs := make([]handler, 8)
	as := make([]adder, 8)
	for i := range hs {
		hs[i] = &as[i]
	}
	for i := range n {
		for _, h := range hs {
			h.handle(int64(i))
		}
	}
	var sum int64
	for i := range as {
		sum += as[i].sum
	}
	return sum
}

func TestFanoutMatchesBaseline(t *testing.T) {
	for _, workers := range []int{1, 4} {
		for _, n := range []int{0, 1, 1000} {
			got, err := runFanout(n, fw.WithWorkers(workers))
			if err != nil {
				t.Fatal(err)
			}
			if want := handFanout(n); got != want {
				t.Fatalf("workers=%d n=%d: pipeline sum %d, hand-written %d", workers, n, got, want)
			}
		}
	}
}

// fanBatch is the number of events submitted per Run in BenchmarkFanout8.
const fanBatch = 1024

// BenchmarkFanout8 delivers every event to eight processors through Run,
// with 1 and 2 workers, in runs of fanBatch events, beside the hand-written
// loop; ns/op is per input event (eight handler calls). Compare the worker
// counts with `go test -bench 'Fanout8/fw/workers' ./generated/broadcast`.
func BenchmarkFanout8(b *testing.B) {
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprint("fw/workers=", workers), func(b *testing.B) {
			b.ReportAllocs()
			for done := 0; done < b.N; done += fanBatch {
				if _, err := runFanout(min(fanBatch, b.N-done), fw.WithWorkers(workers)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("handwritten", func(b *testing.B) {
		b.ReportAllocs()
		for done := 0; done < b.N; done += fanBatch {
			if handFanout(min(fanBatch, b.N-done)) < 0 {
				b.Fatal("impossible")
			}
		}
	})
}
