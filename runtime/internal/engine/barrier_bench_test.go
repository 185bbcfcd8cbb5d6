package engine_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/fwgo/fw/runtime/fw"
	fwrt "github.com/fwgo/fw/runtime/internal/engine"
)

// barrierProgram has n processors with `on phase`; processor 0 also has a case
// for X and emits one X at every phase broadcast but the last, so that each
// phase is one step of one event followed by a broadcast to all n.
func barrierProgram(n int) *fwrt.Program {
	p := &fwrt.Program{Package: "barrier", Events: []fwrt.EventInfo{{Name: "X"}}, Routes: [][]int32{{0}}}
	for i := range n {
		pi := fwrt.ProcInfo{Name: fmt.Sprint("P", i), Phase: true}
		if i == 0 {
			pi.Cases = []string{"X"}
		}
		p.Procs = append(p.Procs, pi)
	}
	return p
}

// BenchmarkPhaseBarrier: one op is one phase (its step and its broadcast to
// every processor), for 1 and 1,000 processors.
func BenchmarkPhaseBarrier(b *testing.B) {
	for _, n := range []int{1, 1000} {
		for _, workers := range []int{1, 2} {
			b.Run(fmt.Sprintf("procs=%d/workers=%d", n, workers), func(b *testing.B) {
				prog := barrierProgram(n)
				phases := b.N
				d := &disp{
					routes: [][]fwrt.Delivery{{{Proc: 0, Case: 0}}},
					invoke: func(c *fwrt.Call, dl fwrt.Delivery, m fwrt.Msg) error {
						if dl.Proc == 0 && dl.Case == fwrt.CasePhase && c.Phase() < phases-1 {
							c.Emit(ev(0, "x"))
						}
						return nil
					},
				}
				e := fwrt.New(prog, d, fw.WithWorkers(workers), fw.WithMaxPhases(phases+1))
				e.Submit(ev(0, "x"))
				b.ReportAllocs()
				b.ResetTimer()
				if err := e.Run(context.Background()); err != nil {
					b.Fatal(err)
				}
				if got := len(e.Stats().Phases); got != phases {
					b.Fatalf("%d phases, want %d", got, phases)
				}
			})
		}
	}
}
