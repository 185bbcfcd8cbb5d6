package reactive

import "testing"

type benchEv struct {
	Key string
	N   int
}

var benchKeys = [...]string{"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel",
	"india", "juliet", "kilo", "lima", "mike", "november", "oscar", "papa"}

var sinkInt int

func BenchmarkCollectorAdd(b *testing.B) {
	b.ReportAllocs()
	var c Collector[*benchEv]
	ev := &benchEv{}
	for b.Loop() {
		c.Add(ev)
	}
	sinkInt = c.Len()
}

// BenchmarkGrouperAdd: 16 string keys, one Phase per 1024 Adds (amortized).
func BenchmarkGrouperAdd(b *testing.B) {
	b.ReportAllocs()
	g := NewGrouper(func(e *benchEv) string { return e.Key })
	evs := make([]*benchEv, len(benchKeys))
	for i, k := range benchKeys {
		evs[i] = &benchEv{Key: k}
	}
	emit := func(_ string, xs []*benchEv) { sinkInt += len(xs) }
	i := 0
	for b.Loop() {
		g.Add(evs[i%len(evs)])
		i++
		if i%1024 == 0 {
			g.Phase(emit)
		}
	}
}

// BenchmarkStreamGrouperAdd: runs of 8 inputs per key.
func BenchmarkStreamGrouperAdd(b *testing.B) {
	b.ReportAllocs()
	g := NewStreamGrouper(func(e *benchEv) int { return e.N })
	evs := make([]*benchEv, 64)
	for i := range evs {
		evs[i] = &benchEv{N: i / 8}
	}
	emit := func(_ int, xs []*benchEv) { sinkInt += len(xs) }
	i := 0
	for b.Loop() {
		g.Add(evs[i%len(evs)], emit)
		i++
	}
}

func benchmarkStreamSampler(b *testing.B, p float64) {
	b.ReportAllocs()
	s := NewStreamSampler[*benchEv](p, 1)
	ev := &benchEv{}
	emit := func(*benchEv) { sinkInt++ }
	for b.Loop() {
		s.Add(ev, emit)
	}
}

func BenchmarkStreamSamplerAdd_p001(b *testing.B) { benchmarkStreamSampler(b, 0.01) }
func BenchmarkStreamSamplerAdd_p05(b *testing.B)  { benchmarkStreamSampler(b, 0.5) }
func BenchmarkStreamSamplerAdd_p099(b *testing.B) { benchmarkStreamSampler(b, 0.99) }

// BenchmarkReservoirSamplerAdd: k = 100 over a stream of b.N inputs.
func BenchmarkReservoirSamplerAdd(b *testing.B) {
	b.ReportAllocs()
	s := NewReservoirSampler[*benchEv](100, 1)
	ev := &benchEv{}
	for b.Loop() {
		s.Add(ev)
	}
	b.ReportMetric(float64(s.Draws()), "draws")
}
