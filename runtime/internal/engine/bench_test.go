package engine_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/fwgo/fw/runtime/fw"
	fwrt "github.com/fwgo/fw/runtime/internal/engine"
)

// chain is a 4-processor chain, P0: E0 -> E1, P1: E1 -> E2, P2: E2 -> E3, P3: E3.
// Handlers re-emit the event struct they got (messages are immutable) so that the
// allocations measured are the engine's.
var chainProgram = &fwrt.Program{
	Package: "chain",
	Events:  []fwrt.EventInfo{{Name: "E0"}, {Name: "E1"}, {Name: "E2"}, {Name: "E3"}},
	Procs: []fwrt.ProcInfo{
		{Name: "P0", Cases: []string{"E0"}},
		{Name: "P1", Cases: []string{"E1"}},
		{Name: "P2", Cases: []string{"E2"}},
		{Name: "P3", Cases: []string{"E3"}},
	},
}

type chain struct{ sum int64 }

func (*chain) Route(m fwrt.Msg, dst []fwrt.Delivery) []fwrt.Delivery {
	if m.Kind <= 3 {
		dst = append(dst, fwrt.Delivery{Proc: int32(m.Kind), Case: 0})
	}
	return dst
}

func (ch *chain) Invoke(c *fwrt.Call, d fwrt.Delivery, m fwrt.Msg) error {
	ch.sum += m.Ev.(*Order).Amount
	if d.Proc < 3 {
		c.Emit(fwrt.Msg{Kind: m.Kind + 1, Ev: m.Ev})
	}
	return nil
}

// dispatch is what generated code compiles for this routing: match and call in place.
func (ch *chain) DispatchAll(x *fwrt.Serial, ms []fwrt.Msg) int {
	for i, m := range ms {
		if x.Stopped() {
			return i
		}
		ch.dispatch(x, m)
	}
	return len(ms)
}

func (ch *chain) dispatch(x *fwrt.Serial, m fwrt.Msg) {
	if m.Kind <= 3 {
		if c := x.Begin(x.Note(int32(m.Kind), 0, m)); c != nil {
			x.End(ch.Invoke(c, fwrt.Delivery{Proc: int32(m.Kind)}, m))
		}
	}
}

const chainEvents = 1000

func benchChain(b *testing.B, workers int) {
	evs := make([]Order, chainEvents)
	for i := range evs {
		evs[i].Amount = int64(i)
	}
	b.ReportAllocs()
	for b.Loop() {
		e := fwrt.New(chainProgram, &chain{}, fw.WithWorkers(workers))
		for i := range evs {
			e.Submit(fwrt.Msg{Kind: 0, Ev: &evs[i]})
		}
		if err := e.Run(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*chainEvents*4), "ns/call")
}

// BenchmarkEngineChain runs 1000 events through the chain (4000 handler calls) per
// op on one worker.
func BenchmarkEngineChain(b *testing.B) { benchChain(b, 1) }

func BenchmarkEngineChainWorkers(b *testing.B) {
	for _, w := range []int{2, 4} {
		b.Run(fmt.Sprint("workers=", w), func(b *testing.B) { benchChain(b, w) })
	}
}

// sourceChain is source builder S (artifacts pulled through a fwrt.Source) ->
// transform builder T -> processor Sink, the shape of a builder pipeline.
var sourceChainProgram = &fwrt.Program{
	Package: "sourcechain",
	Targets: []fwrt.TargetInfo{{Name: "s", Provider: 0}, {Name: "t", Provider: 1}},
	Procs: []fwrt.ProcInfo{
		{Name: "S", Builder: true, Source: true, Provides: 0},
		{Name: "T", Builder: true, Provides: 1, Requires: []int32{0}, Cases: []string{"s"}},
		{Name: "Sink", Cases: []string{"t"}},
	},
}

type sourceChain struct {
	n   int
	src fwrt.Source[*Order]
	evs []Order
	sum int64
}

func (*sourceChain) Route(m fwrt.Msg, dst []fwrt.Delivery) []fwrt.Delivery {
	if m.Kind <= 1 {
		dst = append(dst, fwrt.Delivery{Proc: int32(m.Kind) + 1})
	}
	return dst
}

func (s *sourceChain) Invoke(c *fwrt.Call, d fwrt.Delivery, m fwrt.Msg) error {
	s.sum += m.Ev.(*Order).Amount
	if d.Proc == 1 {
		c.Emit(fwrt.Msg{Kind: 1, Ev: m.Ev})
	}
	return nil
}

func (s *sourceChain) DispatchAll(x *fwrt.Serial, ms []fwrt.Msg) int {
	for i, m := range ms {
		if x.Stopped() {
			return i
		}
		s.dispatch(x, m)
	}
	return len(ms)
}

func (s *sourceChain) dispatch(x *fwrt.Serial, m fwrt.Msg) {
	if m.Kind <= 1 {
		if c := x.Begin(x.Note(int32(m.Kind)+1, 0, m)); c != nil {
			x.End(s.Invoke(c, fwrt.Delivery{Proc: int32(m.Kind) + 1}, m))
		}
	}
}

func (s *sourceChain) Pull(c *fwrt.Call, proc int32, max int) (bool, error) {
	return s.src.Pull(c, max, func(ctx context.Context, yield func(*Order) bool) error {
		for i := range s.n {
			if !yield(&s.evs[i%len(s.evs)]) {
				break
			}
		}
		return nil
	}, func(o *Order) fwrt.Msg { return fwrt.Msg{Kind: 0, Ev: o} })
}

func (s *sourceChain) Stop(proc int32) { s.src.Stop() }

// BenchmarkEngineSource pulls 100,000 artifacts from a source through a
// transform builder to a processor per op; ns/artifact is per source artifact
// (two handler calls and one coroutine switch).
func BenchmarkEngineSource(b *testing.B) {
	const n = 100_000
	evs := make([]Order, 1024)
	for i := range evs {
		evs[i].Amount = int64(i)
	}
	for _, w := range []int{1, 2} {
		b.Run(fmt.Sprint("workers=", w), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				e := fwrt.New(sourceChainProgram, &sourceChain{n: n, evs: evs}, fw.WithWorkers(w))
				e.Resolve("t")
				if err := e.Run(context.Background()); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/artifact")
		})
	}
}

// chainK8 is chain with P1 and P2 partitioned into 8 instances by the
// event's amount (its key group amount % 8, as a hand-written Route would
// give): the cost of key groups on the fused path (NoteKG) and the pool's.
var chainK8Program = func() *fwrt.Program {
	p := *chainProgram
	p.Package = "chaink8"
	p.Procs = append([]fwrt.ProcInfo(nil), chainProgram.Procs...)
	p.Procs[1].KeyGroups, p.Procs[2].KeyGroups = 8, 8
	return &p
}()

type chainK8 struct{ chain }

func kg8(m fwrt.Msg) int32 {
	if m.Kind == 1 || m.Kind == 2 {
		return int32(m.Ev.(*Order).Amount & 7)
	}
	return 0
}

func (*chainK8) Route(m fwrt.Msg, dst []fwrt.Delivery) []fwrt.Delivery {
	if m.Kind <= 3 {
		dst = append(dst, fwrt.Delivery{Proc: int32(m.Kind), Case: 0, KG: kg8(m)})
	}
	return dst
}

func (ch *chainK8) DispatchAll(x *fwrt.Serial, ms []fwrt.Msg) int {
	for i, m := range ms {
		if x.Stopped() {
			return i
		}
		if m.Kind <= 3 {
			if c := x.Begin(x.NoteKG(int32(m.Kind), kg8(m), 0, m)); c != nil {
				x.End(ch.Invoke(c, fwrt.Delivery{Proc: int32(m.Kind), KG: kg8(m)}, m))
			}
		}
	}
	return len(ms)
}

// BenchmarkEngineChainPartitioned is BenchmarkEngineChain with two of the
// four processors partitioned into 8 key groups.
func BenchmarkEngineChainPartitioned(b *testing.B) {
	for _, w := range []int{1, 2} {
		b.Run(fmt.Sprint("workers=", w), func(b *testing.B) {
			evs := make([]Order, chainEvents)
			for i := range evs {
				evs[i].Amount = int64(i)
			}
			b.ReportAllocs()
			for b.Loop() {
				e := fwrt.New(chainK8Program, &chainK8{}, fw.WithWorkers(w))
				for i := range evs {
					e.Submit(fwrt.Msg{Kind: 0, Ev: &evs[i]})
				}
				if err := e.Run(context.Background()); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*chainEvents*4), "ns/call")
		})
	}
}
