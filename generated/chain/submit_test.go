package chain_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/fwgo/fw/generated/chain"
	"github.com/fwgo/fw/runtime/fw"
)

// lateSubmitter submits to its own pipeline from a handler, which is not allowed.
type lateSubmitter struct{ p *chain.Pipeline }

func (s *lateSubmitter) OnA(c chain.P1AContext, n int64) error {
	s.p.Submit(chain.A{N: n})
	return nil
}

func TestSubmitDuringRunFails(t *testing.T) {
	s := &lateSubmitter{}
	s.p = must(chain.NewPipeline(chain.Handlers{P1: s, P2: p2{}, P3: p3{}, P4: &p4{}}))
	s.p.Submit(chain.A{N: 1})
	err := s.p.Run(context.Background())
	var pe *fw.PanicError
	if !errors.As(err, &pe) || !strings.Contains(fmt.Sprint(pe.Value), "after Run started") {
		t.Fatalf("Run = %v, want a handler panic about Submit after Run started", err)
	}
}

func TestSubmitAfterRunPanics(t *testing.T) {
	p := must(chain.NewPipeline(chain.Handlers{P1: p1{}, P2: p2{}, P3: p3{}, P4: &p4{}}))
	p.Submit(chain.A{N: 1})
	if err := p.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "after Run started") {
			t.Fatalf("Submit after Run: recovered %v, want a panic about Run", r)
		}
	}()
	p.Submit(chain.A{N: 2})
}

// Submission keeps its order over many events (the submission buffer grows).
func TestSubmitKeepsOrder(t *testing.T) {
	var got []int64
	p := must(chain.NewPipeline(chain.Handlers{P1: p1{}, P2: p2{}, P3: p3{}, P4: sinkFunc(func(n int64) { got = append(got, n) })}))
	const n = 100_000
	for i := range n {
		p.Submit(chain.A{N: int64(i)})
	}
	if err := p.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(got) != n {
		t.Fatalf("%d events reached P4, want %d", len(got), n)
	}
	for i, v := range got {
		if v != int64(i)+3 {
			t.Fatalf("event %d: got %d, want %d", i, v, i+3)
		}
	}
}

type sinkFunc func(n int64)

func (f sinkFunc) OnD(c chain.P4DContext, n int64) error { f(n); return nil }
