package fanout

import (
	"fmt"
	"testing"

	"github.com/fwgo/fw/runtime/fwimpl"
)

// hit is the handler of every processor (one instance per context type): it
// only counts calls, so the benchmarks measure matching and dispatch, not work.
type hit[C any] struct{ n *int }

func (h hit[C]) OnHit(C, int64) error { *h.n++; return nil }

// fanoutCase is a benchmark case: eight events, matched in turn.
type fanoutCase struct {
	name  string
	msgs  [8]fwimpl.Msg
	calls int // handler calls per event
}

// fanoutCases are the events of BenchmarkFanout: an Order that one of the 1,000
// processors matches (eight ids across the range), an Order that none matches
// (eight unlisted ids), a Hundred and a Ten that one of their 100 or 10
// processors matches, and a Single, whose one processor matches it.
func fanoutCases() []fanoutCase {
	var hit1000, miss1000, hit100, hit10, hit1 [8]fwimpl.Msg
	for i, id := range []int{3, 127, 250, 499, 500, 731, 998, 999} {
		hit1000[i] = Order{ID: fmt.Sprintf("p%04d", id), Amount: int64(i)}.fwMsg(nil)
		miss1000[i] = Order{ID: fmt.Sprintf("q%04d", id), Amount: int64(i)}.fwMsg(nil)
		hit100[i] = Hundred{ID: fmt.Sprintf("p%04d", id%100), Amount: int64(i)}.fwMsg(nil)
		hit10[i] = Ten{ID: fmt.Sprintf("p%04d", id%10), Amount: int64(i)}.fwMsg(nil)
		hit1[i] = Single{ID: "p0000", Amount: int64(i)}.fwMsg(nil)
	}
	return []fanoutCase{
		{"hit-of-1000", hit1000, 1}, {"miss-of-1000", miss1000, 0},
		{"hit-of-100", hit100, 1}, {"hit-of-10", hit10, 1}, {"hit-of-1", hit1, 1},
	}
}

// BenchmarkFanout measures the per-event cost of matching an event against
// 1,000, 100 and 10 processors with disjoint literal patterns (compiled tables) and
// against one (a direct switch), beside the switch a person would write.
func BenchmarkFanout(b *testing.B) {
	for _, fc := range fanoutCases() {
		b.Run(fc.name+"/generated-fused", func(b *testing.B) {
			var n int
			d := newDispatcher(&n)
			x := fwimpl.NewSerial(&fwProgram)
			batch := cycle(fc.msgs[:])
			b.ReportAllocs()
			b.ResetTimer()
			for n := b.N; n > 0; n -= len(batch) {
				d.DispatchAll(x, batch[:min(n, len(batch))])
			}
			if err := x.Err(); err != nil {
				b.Fatal(err)
			}
		})
		b.Run(fc.name+"/generated-route", func(b *testing.B) {
			var n int
			d := newDispatcher(&n)
			dst := make([]fwimpl.Delivery, 0, 8)
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				dst = d.Route(fc.msgs[i&7], dst[:0])
			}
		})
		b.Run(fc.name+"/handwritten", func(b *testing.B) {
			var n int
			d := newDispatcher(&n)
			c := &fwimpl.Call{}
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				if err := handDispatch(d, c, fc.msgs[i&7]); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestFanoutAgrees checks that the generated Dispatch, Route then Invoke, and
// the benchmark's hand-written switch make the same calls.
func TestFanoutAgrees(t *testing.T) {
	for _, fc := range fanoutCases() {
		var fused, routed, hand int
		fd, rd, hd := newDispatcher(&fused), newDispatcher(&routed), newDispatcher(&hand)
		x := fwimpl.NewSerial(&fwProgram)
		c := &fwimpl.Call{}
		for _, m := range fc.msgs {
			fd.DispatchAll(x, []fwimpl.Msg{m})
			for _, dl := range rd.Route(m, nil) {
				if err := rd.Invoke(c, dl, m); err != nil {
					t.Fatal(err)
				}
			}
			if err := handDispatch(hd, c, m); err != nil {
				t.Fatal(err)
			}
		}
		if want := fc.calls * len(fc.msgs); fused != want || routed != want || hand != want {
			t.Errorf("%s: fused %d calls, route+invoke %d, hand-written %d, want %d", fc.name, fused, routed, hand, want)
		}
	}
	// The Order of p0500 goes to P0500 alone (after One, T00 to T09 and H000
	// to H099).
	m := Order{ID: "p0500"}.fwMsg(nil)
	var n int
	if got := newDispatcher(&n).Route(m, nil); len(got) != 1 || got[0] != (fwimpl.Delivery{Proc: 611, Case: 0}) {
		t.Errorf("Route(p0500) = %v", got)
	}
}

// cycle returns a batch of 1,024 messages, ms repeated: a benchmark's
// DispatchAll, as the engine's, takes a step's events at once.
func cycle(ms []fwimpl.Msg) []fwimpl.Msg {
	batch := make([]fwimpl.Msg, 1024)
	for i := range batch {
		batch[i] = ms[i%len(ms)]
	}
	return batch
}
