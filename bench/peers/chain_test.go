// Package peers compares fw with general-purpose Go event libraries on the
// same work, in the same run. It is a module of its own, so that the fw module
// never depends on a peer.
package peers

import (
	"context"
	"encoding/binary"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/ThreeDotsLabs/watermill/pubsub/gochannel"

	"github.com/fwgo/fw/generated/chain"
	"github.com/fwgo/fw/runtime/fw"
)

// The chain: A → P1 → B → P2 → C → P3 → D → P4, each stage adding one; P4 sums.

type p1 struct{}
type p2 struct{}
type p3 struct{}
type p4 struct{ sum int64 }

func (p1) OnA(c chain.P1AContext, n int64) error { c.EmitB(chain.B{N: n + 1}); return nil }
func (p2) OnB(c chain.P2BContext, n int64) error { c.EmitC(chain.C{N: n + 1}); return nil }
func (p3) OnC(c chain.P3CContext, n int64) error { c.EmitD(chain.D{N: n + 1}); return nil }
func (p *p4) OnD(c chain.P4DContext, n int64) error {
	p.sum += n
	return nil
}

// runFW moves n events through the chain in one run with the given number of
// workers, fed lazily (SubmitSeq pulls them in batches), as the publisher
// feeds Watermill's pipeline one message after the other.
func runFW(n, workers int) int64 {
	return runFed(workers, func(p *chain.Pipeline) {
		p.SubmitSeq(func(yield func(chain.Event) bool) {
			for i := range n {
				if !yield(chain.A{N: int64(i)}) {
					return
				}
			}
		})
	})
}

// runFWTyped is runFW with a sequence of chain.A values (chain.SubmitSeqOf),
// so that no value is boxed into chain.Event to be yielded.
func runFWTyped(n int) int64 {
	return runFed(1, func(p *chain.Pipeline) {
		chain.SubmitSeqOf(p, func(yield func(chain.A) bool) {
			for i := range n {
				if !yield(chain.A{N: int64(i)}) {
					return
				}
			}
		})
	})
}

// runFed runs the chain once, with the given number of workers, over the
// events feed adds.
func runFed(workers int, feed func(p *chain.Pipeline)) int64 {
	sink := &p4{}
	p := must(chain.NewPipeline(chain.Handlers{P1: p1{}, P2: p2{}, P3: p3{}, P4: sink}, fw.WithWorkers(workers)))
	feed(p)
	if err := p.Run(context.Background()); err != nil {
		panic(err)
	}
	return sink.sum
}

// submitBatch is the number of events runFWSubmit submits per run.
const submitBatch = 1024

// runFWSubmit moves n events through the chain with Submit, in runs of
// submitBatch events (a new pipeline per run), as generated/chain's
// BenchmarkChain does.
func runFWSubmit(n int) int64 {
	var sum int64
	for done := 0; done < n; done += submitBatch {
		sink := &p4{}
		p := must(chain.NewPipeline(chain.Handlers{P1: p1{}, P2: p2{}, P3: p3{}, P4: sink}, fw.WithWorkers(1)))
		for i := done; i < min(done+submitBatch, n); i++ {
			p.Submit(chain.A{N: int64(i)})
		}
		if err := p.Run(context.Background()); err != nil {
			panic(err)
		}
		sum += sink.sum
	}
	return sum
}

// runWatermill moves n messages through the same four stages with Watermill's
// router over its in-process GoChannel pub/sub: three handlers that publish to
// the next topic and a consumer that sums. Message ids are watermill.NewUUID(),
// the id of Watermill's getting-started guide and examples (NewShortUUID, a
// base-57 encoding with math/big, took about a third of the benchmark's CPU).
func runWatermill(n int) int64 {
	logger := watermill.NopLogger{}
	pubSub := gochannel.NewGoChannel(gochannel.Config{OutputChannelBuffer: 1024}, logger)
	router, err := message.NewRouter(message.RouterConfig{}, logger)
	if err != nil {
		panic(err)
	}
	stage := func(msg *message.Message) ([]*message.Message, error) {
		v := binary.LittleEndian.Uint64(msg.Payload)
		out := binary.LittleEndian.AppendUint64(nil, v+1)
		return []*message.Message{message.NewMessage(watermill.NewUUID(), out)}, nil
	}
	router.AddHandler("p1", "a", pubSub, "b", pubSub, stage)
	router.AddHandler("p2", "b", pubSub, "c", pubSub, stage)
	router.AddHandler("p3", "c", pubSub, "d", pubSub, stage)
	var (
		mu   sync.Mutex
		sum  int64
		seen int
		done = make(chan struct{})
	)
	router.AddNoPublisherHandler("p4", "d", pubSub, func(msg *message.Message) error {
		mu.Lock()
		sum += int64(binary.LittleEndian.Uint64(msg.Payload))
		seen++
		if seen == n {
			close(done)
		}
		mu.Unlock()
		return nil
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		if err := router.Run(ctx); err != nil {
			panic(err)
		}
	}()
	<-router.Running()
	for i := range n {
		payload := binary.LittleEndian.AppendUint64(nil, uint64(i))
		if err := pubSub.Publish("a", message.NewMessage(watermill.NewUUID(), payload)); err != nil {
			panic(err)
		}
	}
	select {
	case <-done:
	case <-time.After(5 * time.Minute):
		panic("watermill chain did not finish")
	}
	if err := router.Close(); err != nil {
		panic(err)
	}
	return sum
}

func want(n int) int64 {
	var s int64
	for i := range n {
		s += int64(i) + 3
	}
	return s
}

func TestSameResult(t *testing.T) {
	const n = 2000
	for _, workers := range []int{1, 2} {
		if got := runFW(n, workers); got != want(n) {
			t.Errorf("fw, %d workers: %d, want %d", workers, got, want(n))
		}
	}
	if got := runFWTyped(n); got != want(n) {
		t.Errorf("fw, typed feed: %d, want %d", got, want(n))
	}
	if got := runFWSubmit(n); got != want(n) {
		t.Errorf("fw, submitted: %d, want %d", got, want(n))
	}
	if got := runWatermill(n); got != want(n) {
		t.Errorf("watermill: %d, want %d", got, want(n))
	}
}

// BenchmarkChain: one op is one event through the four stages. fw/workers=N
// is the lazily fed chain with N workers (one command compares them).
func BenchmarkChain(b *testing.B) {
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("fw/workers=%d", workers), func(b *testing.B) {
			b.ReportAllocs()
			runFW(b.N, workers)
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
	b.Run("fw-typed", func(b *testing.B) {
		b.ReportAllocs()
		runFWTyped(b.N)
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
	})
	b.Run("fw-submit", func(b *testing.B) {
		b.ReportAllocs()
		runFWSubmit(b.N)
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
	})
	b.Run("watermill-gochannel", func(b *testing.B) {
		b.ReportAllocs()
		runWatermill(b.N)
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
	})
}

// must returns the pipeline of a NewPipeline call whose handlers are all set.
func must[P any](p P, err error) P {
	if err != nil {
		panic(err)
	}
	return p
}
