package chain_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/fwgo/fw/generated/chain"
	"github.com/fwgo/fw/runtime/fw"
)

// stage handlers: each adds one and passes the value on; P4 sums.
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

func runChain(n int, opts ...fw.Option) (int64, error) {
	sink := &p4{}
	p := must(chain.NewPipeline(chain.Handlers{P1: p1{}, P2: p2{}, P3: p3{}, P4: sink}, opts...))
	for i := range n {
		p.Submit(chain.A{N: int64(i)})
	}
	err := p.Run(context.Background())
	return sink.sum, err
}

// stage is the hand-written form of a chain step: the same work as a handler,
// called through an interface as a hand-written pipeline would hold its steps.
type stage interface{ handle(n int64) int64 }

type addOne struct{}

func (addOne) handle(n int64) int64 { return n + 1 }

var stages = []stage{addOne{}, addOne{}, addOne{}}

// handChain is the limit: the same four steps as direct calls, no queues.
func handChain(n int) int64 {
	var sum int64
	for i := range n {
		v := int64(i)
		for _, s := range stages {
			v = s.handle(v)
		}
		sum += v
	}
	return sum
}

func TestChainMatchesBaseline(t *testing.T) {
	for _, n := range []int{0, 1, 1000} {
		got, err := runChain(n)
		if err != nil {
			t.Fatal(err)
		}
		if want := handChain(n); got != want {
			t.Fatalf("n=%d: pipeline sum %d, hand-written %d", n, got, want)
		}
	}
}

// chainBatch is the number of events submitted per Run in BenchmarkChain.
const chainBatch = 1024

// BenchmarkChain pushes events through a 4-processor chain with Run, with 1
// and 2 workers, in runs of chainBatch events, beside the hand-written loop;
// ns/op is per input event (four handler calls). Compare the worker counts
// with `go test -bench 'Chain/fw/workers' ./generated/chain`.
func BenchmarkChain(b *testing.B) {
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprint("fw/workers=", workers), func(b *testing.B) {
			b.ReportAllocs()
			for done := 0; done < b.N; done += chainBatch {
				if _, err := runChain(min(chainBatch, b.N-done), fw.WithWorkers(workers)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("handwritten", func(b *testing.B) {
		b.ReportAllocs()
		for done := 0; done < b.N; done += chainBatch {
			if handChain(min(chainBatch, b.N-done)) < 0 {
				b.Fatal("impossible")
			}
		}
	})
}
