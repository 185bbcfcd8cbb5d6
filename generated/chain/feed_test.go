package chain_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"iter"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"testing"

	"github.com/fwgo/fw/generated/chain"
	"github.com/fwgo/fw/runtime/fw"
)

// events yields A{0} … A{n-1} lazily.
func events(n int) iter.Seq[chain.Event] {
	return func(yield func(chain.Event) bool) {
		for i := range n {
			if !yield(chain.A{N: int64(i)}) {
				return
			}
		}
	}
}

// feedChain runs the chain over submitted events 0..sub-1 and then the fed
// events sub..sub+n-1.
func feedChain(sub, n int, opts ...fw.Option) (int64, fw.Stats, error) {
	sink := &p4{}
	p := must(chain.NewPipeline(chain.Handlers{P1: p1{}, P2: p2{}, P3: p3{}, P4: sink}, opts...))
	for i := range sub {
		p.Submit(chain.A{N: int64(i)})
	}
	p.SubmitSeq(func(yield func(chain.Event) bool) {
		for i := range n {
			if !yield(chain.A{N: int64(sub + i)}) {
				return
			}
		}
	})
	err := p.Run(context.Background())
	return sink.sum, p.Stats(), err
}

func TestFeedMatchesBaseline(t *testing.T) {
	for _, workers := range []int{1, 3} {
		for _, c := range []struct{ sub, n, batch int }{{0, 0, 256}, {0, 1, 256}, {5, 1000, 256}, {1000, 4097, 7}, {3, 10, 1}} {
			got, st, err := feedChain(c.sub, c.n, fw.WithWorkers(workers), fw.WithSourceBatch(c.batch))
			if err != nil {
				t.Fatal(err)
			}
			if want := handChain(c.sub + c.n); got != want {
				t.Fatalf("%+v workers=%d: sum %d, hand-written %d", c, workers, got, want)
			}
			if h := st.Processors[3].Handled; h != uint64(c.sub+c.n) {
				t.Fatalf("%+v: P4 handled %d", c, h)
			}
			// Phase 0 has one step per batch of fed events (the first one
			// with the submissions), plus the three that drain the chain.
			if c.n > 0 {
				batches := (c.n + c.batch - 1) / c.batch
				if steps := st.Phases[0].Steps; steps != batches+3 {
					t.Fatalf("%+v: %d steps, want %d", c, steps, batches+3)
				}
			}
		}
	}
}

// order records the A values P1 receives.
type order struct {
	p1
	got []int64
}

func (o *order) OnA(c chain.P1AContext, n int64) error {
	o.got = append(o.got, n)
	return o.p1.OnA(c, n)
}

func TestFeedOrder(t *testing.T) {
	o := &order{}
	p := must(chain.NewPipeline(chain.Handlers{P1: o, P2: p2{}, P3: p3{}, P4: &p4{}}, fw.WithSourceBatch(2)))
	p.Submit(chain.A{N: 100})
	p.SubmitSeq(events(3))
	p.SubmitSeq(func(yield func(chain.Event) bool) { yield(chain.A{N: 50}); yield(&chain.A{N: 51}) })
	p.Submit(chain.A{N: 101})
	if err := p.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	want := []int64{100, 101, 0, 1, 2, 50, 51}
	if len(o.got) != len(want) {
		t.Fatalf("got %v, want %v", o.got, want)
	}
	for i := range want {
		if o.got[i] != want[i] {
			t.Fatalf("got %v, want %v", o.got, want)
		}
	}
}

// failing fails on A{n: at}.
type failing struct {
	p1
	at int64
}

func (f failing) OnA(c chain.P1AContext, n int64) error {
	if n == f.at {
		return errors.New("boom")
	}
	return f.p1.OnA(c, n)
}

func TestFeedStopsOnFailure(t *testing.T) {
	stopped := false
	p := must(chain.NewPipeline(chain.Handlers{P1: failing{at: 300}, P2: p2{}, P3: p3{}, P4: &p4{}}))
	p.SubmitSeq(func(yield func(chain.Event) bool) {
		defer func() { stopped = true }()
		for i := range 1 << 30 {
			if !yield(chain.A{N: int64(i)}) {
				return
			}
		}
	})
	var he *fw.HandlerError
	if err := p.Run(context.Background()); !errors.As(err, &he) {
		t.Fatalf("Run: %v", err)
	}
	if !stopped {
		t.Fatal("the feed was not stopped")
	}
}

// A run with a feed is recorded (the fed events and where each pull
// ended): its replay, which needs no feed, matches it call by call, and a
// replay with a changed handler is found out.
func TestFeedRecorded(t *testing.T) {
	var rec bytes.Buffer
	sink := &p4{}
	p := must(chain.NewPipeline(chain.Handlers{P1: p1{}, P2: p2{}, P3: p3{}, P4: sink}, fw.WithRecord(&rec), fw.WithSourceBatch(7)))
	p.Submit(chain.A{N: 1000})
	p.SubmitSeq(events(50))
	if err := p.Run(context.Background()); err != nil {
		t.Fatalf("Run: %v", err)
	}
	for _, w := range []int{1, 2, 8} {
		again := &p4{}
		p := must(chain.NewPipeline(chain.Handlers{P1: p1{}, P2: p2{}, P3: p3{}, P4: again}, fw.WithWorkers(w)))
		if err := p.Replay(context.Background(), bytes.NewReader(rec.Bytes())); err != nil {
			t.Fatalf("replay, %d workers: %v", w, err)
		}
		if again.sum != sink.sum || again.sum != handChain(50)+1003 {
			t.Fatalf("replay, %d workers: sum %d, the run's %d", w, again.sum, sink.sum)
		}
	}
	p = must(chain.NewPipeline(chain.Handlers{P1: p1{}, P2: p2off{}, P3: p3{}, P4: &p4{}}))
	// (p2off adds two)
	var de *fw.DivergenceError
	if err := p.Replay(context.Background(), bytes.NewReader(rec.Bytes())); !errors.As(err, &de) {
		t.Fatalf("replay with another P2: %v", err)
	}
}

// TestPeakMemory feeds FW_PEAK_N events (e.g. 10000000) lazily through the
// chain with one worker and reports the peak heap; measure peak RSS with
// /usr/bin/time -v on the test binary (docs/BENCHMARKS.md).
func TestPeakMemory(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("FW_PEAK_N"))
	if n == 0 {
		t.Skip("set FW_PEAK_N to run")
	}
	got, st, err := feedChain(0, n)
	if err != nil {
		t.Fatal(err)
	}
	if want := handChain(n); got != want {
		t.Fatalf("sum %d, hand-written %d", got, want)
	}
	runtime.GC()
	sample := []metrics.Sample{{Name: "/gc/heap/goal:bytes"}, {Name: "/memory/classes/total:bytes"}}
	metrics.Read(sample)
	t.Logf("n=%d steps=%d heap goal %d MB, memory mapped %d MB", n, st.Phases[0].Steps,
		sample[0].Value.Uint64()>>20, sample[1].Value.Uint64()>>20)
}

// BenchmarkFeed feeds b.N events lazily (SubmitSeq) through the chain in one
// run, with 1 and 2 workers; ns/op is per event.
func BenchmarkFeed(b *testing.B) {
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprint("workers=", workers), func(b *testing.B) {
			b.ReportAllocs()
			if _, _, err := feedChain(0, b.N, fw.WithWorkers(workers)); err != nil {
				b.Fatal(err)
			}
		})
	}
}

// ahead checks, at every A, that the feed has produced at most one batch more
// than P1 has received.
type ahead struct {
	p1
	produced *int
	received int
	batch    int
	worst    int
}

func (a *ahead) OnA(c chain.P1AContext, n int64) error {
	a.received++
	a.worst = max(a.worst, *a.produced-a.received)
	return a.p1.OnA(c, n)
}

func TestFeedIsLazy(t *testing.T) {
	for _, batch := range []int{1, 7, 256} {
		produced := 0
		a := &ahead{produced: &produced, batch: batch}
		p := must(chain.NewPipeline(chain.Handlers{P1: a, P2: p2{}, P3: p3{}, P4: &p4{}}, fw.WithSourceBatch(batch)))
		p.SubmitSeq(func(yield func(chain.Event) bool) {
			for i := range 5000 {
				produced++
				if !yield(chain.A{N: int64(i)}) {
					return
				}
			}
		})
		if err := p.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		if a.received != 5000 {
			t.Fatalf("batch %d: P1 received %d", batch, a.received)
		}
		if a.worst >= batch {
			t.Fatalf("batch %d: the feed ran %d values ahead of P1", batch, a.worst)
		}
	}
}

func TestFeedPanicStopsRun(t *testing.T) {
	sink := &p4{}
	p := must(chain.NewPipeline(chain.Handlers{P1: p1{}, P2: p2{}, P3: p3{}, P4: sink}, fw.WithSourceBatch(4)))
	p.SubmitSeq(func(yield func(chain.Event) bool) {
		for i := range 10 {
			if !yield(chain.A{N: int64(i)}) {
				return
			}
		}
		panic("feed broke")
	})
	err := p.Run(context.Background())
	var pe *fw.PanicError
	if !errors.As(err, &pe) || pe.Value != "feed broke" {
		t.Fatalf("Run = %v, want the feed's panic", err)
	}
}

// A sequence may reuse the value it yields once yield returns.
func TestFeedReusedValue(t *testing.T) {
	o := &order{}
	p := must(chain.NewPipeline(chain.Handlers{P1: o, P2: p2{}, P3: p3{}, P4: &p4{}}, fw.WithSourceBatch(16)))
	p.SubmitSeq(func(yield func(chain.Event) bool) {
		var a chain.A
		for i := range 100 {
			a.N = int64(i)
			if !yield(&a) {
				return
			}
		}
	})
	if err := p.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	for i, n := range o.got {
		if n != int64(i) {
			t.Fatalf("P1's event %d is A{%d}, want A{%d}", i, n, i)
		}
	}
	if len(o.got) != 100 {
		t.Fatalf("P1 got %d events, want 100", len(o.got))
	}
}

// SubmitSeqOf feeds a sequence of one event type, in order, without an
// allocation per value.
func TestSubmitSeqOf(t *testing.T) {
	run := func(n int) (*order, *chain.Pipeline) {
		o := &order{}
		p := must(chain.NewPipeline(chain.Handlers{P1: o, P2: p2{}, P3: p3{}, P4: &p4{}}, fw.WithSourceBatch(64)))
		chain.SubmitSeqOf(p, func(yield func(chain.A) bool) {
			for i := range n {
				if !yield(chain.A{N: int64(1000 + i)}) {
					return
				}
			}
		})
		return o, p
	}
	o, p := run(500)
	if err := p.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(o.got) != 500 {
		t.Fatalf("P1 got %d events, want 500", len(o.got))
	}
	for i, n := range o.got {
		if n != int64(1000+i) {
			t.Fatalf("P1's event %d is A{%d}, want A{%d}", i, n, 1000+i)
		}
	}
	if raceEnabled {
		return // the race detector allocates
	}
	// Allocations of a whole run (pipeline, engine, buffers, some of them
	// again when the collector empties the pools) do not grow with the number
	// of fed values: boxing would cost one per value.
	allocs := func(n int) float64 {
		return testing.AllocsPerRun(5, func() {
			_, p := run(n)
			if err := p.Run(context.Background()); err != nil {
				t.Fatal(err)
			}
		})
	}
	small, large := allocs(1000), allocs(20000)
	if large > small+200 {
		t.Fatalf("allocations per run: %v for 1,000 values, %v for 20,000", small, large)
	}
}

// p2off is a P2 that changed: it adds two.
type p2off struct{}

func (p2off) OnB(c chain.P2BContext, n int64) error { c.EmitC(chain.C{N: n + 2}); return nil }

// BenchmarkStream feeds b.N events through a channel (StreamOf with
// fw.ChanStream) from a producer goroutine, through the chain in one run,
// beside the same events fed lazily by SubmitSeqOf (the in-process
// baseline); ns/op is per event.
func BenchmarkStream(b *testing.B) {
	for _, src := range []string{"seq", "chan"} {
		b.Run(src, func(b *testing.B) {
			b.ReportAllocs()
			sink := &p4{}
			p := must(chain.NewPipeline(chain.Handlers{P1: p1{}, P2: p2{}, P3: p3{}, P4: sink}, fw.WithWorkers(1)))
			if src == "seq" {
				chain.SubmitSeqOf(p, func(yield func(chain.A) bool) {
					for i := range b.N {
						if !yield(chain.A{N: int64(i)}) {
							return
						}
					}
				})
			} else {
				ch := make(chan chain.A, 1024)
				chain.StreamOf(p, fw.ChanStream(ch))
				go func() {
					for i := range b.N {
						ch <- chain.A{N: int64(i)}
					}
					close(ch)
				}()
			}
			if err := p.Run(context.Background()); err != nil {
				b.Fatal(err)
			}
			if want := handChain(b.N); sink.sum != want {
				b.Fatalf("sum %d, want %d", sink.sum, want)
			}
		})
	}
}
