package chain_test

import (
	"context"
	"testing"

	"github.com/fwgo/fw/generated/chain"
	"github.com/fwgo/fw/runtime/fw"
)

// TestEventChecksScalar: the events of package chain have scalar fields
// only, so fw.WithEventChecks checks nothing and costs nothing: a run
// allocates what it does without the option, whatever its number of events
// (an encoding per call would be an allocation or more per event).
func TestEventChecksScalar(t *testing.T) {
	run := func(n int, opts ...fw.Option) int64 {
		p4 := &p4{}
		p := must(chain.NewPipeline(chain.Handlers{P1: p1{}, P2: p2{}, P3: p3{}, P4: p4}, append(opts, fw.WithWorkers(1))...))
		for i := range n {
			p.Submit(chain.A{N: int64(i)})
		}
		if err := p.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		return p4.sum
	}
	if a, b := run(100), run(100, fw.WithEventChecks()); a != b {
		t.Fatalf("sum %d with the checks, %d without", b, a)
	}
	if raceEnabled {
		return // the race detector allocates
	}
	allocs := func(opts ...fw.Option) float64 {
		return testing.AllocsPerRun(5, func() { run(20000, opts...) })
	}
	base, checked := allocs(), allocs(fw.WithEventChecks())
	if checked > base+20 {
		t.Fatalf("allocations per run of 20,000 events: %v with the checks, %v without", checked, base)
	}
	t.Logf("allocations per run of 20,000 events: %v with the checks, %v without", checked, base)
}
