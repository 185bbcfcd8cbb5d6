package cache_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/fwgo/fw/generated/cache"
	"github.com/fwgo/fw/runtime/archive"
	"github.com/fwgo/fw/runtime/archive/badgerarchive"
	"github.com/fwgo/fw/runtime/fw"
)

// The cache benchmarks run the generated pipeline: Classify (cached) gets one
// Reading per call and emits to Sink. One op is one Classify call (one input);
// inputs go through Run in batches of benchBatch. The baseline, in the same
// run, is the same pipeline with Classify not cached.

const benchBatch = 1000

func twoEmissions(int) int { return 2 }

// longReadings returns inputs ids [from, from+n). The benchmarks build their
// inputs before timing a run: formatting them (fmt.Sprintf) is not the
// pipeline's work, and would add the same cost to a cold and a warm run.
func longReadings(from, n int) []cache.Reading {
	in := make([]cache.Reading, n)
	for i := range in {
		in[i] = longReading(from + i)
	}
	return in
}

// benchRun runs the pipeline over the inputs once.
func benchRun(b *testing.B, h *longClassify, a archive.Archive, uncached bool, in []cache.Reading) {
	s := &evSink{}
	opts := []fw.Option{fw.WithWorkers(1)} // the figures in docs/BENCHMARKS.md are of one worker
	if a != nil {
		opts = append(opts, fw.WithArchive(a))
	}
	var p *cache.Pipeline
	if uncached {
		p = cache.NewUncachedPipeline(cache.Handlers{Classify: h, Readings: idle{}, Scaled: idle{}, Raw: rawB{}, Levels: levelsB{}, Flags: flagsB{}, Ticks: ticksB{}, ByLevel: idle{}, Summary: summaryB{}, Sink: s}, opts...)
	} else {
		p = longPipeline(h, s, opts...)
	}
	for _, r := range in {
		p.Submit(r)
	}
	if err := p.Run(context.Background()); err != nil {
		b.Fatal(err)
	}
	h.ids = h.ids[:0]
}

// runCalls runs b.N calls in batches: batch i gets the inputs from(i), built
// with the timer stopped.
func runCalls(b *testing.B, h *longClassify, a archive.Archive, uncached bool, from func(batch int) int) {
	b.ReportAllocs()
	b.ResetTimer()
	for i, done := 0, 0; done < b.N; i++ {
		n := min(benchBatch, b.N-done)
		b.StopTimer()
		in := longReadings(from(i), n)
		b.StartTimer()
		benchRun(b, h, a, uncached, in)
		done += n
	}
}

func openBench(b *testing.B, dir string) *badgerarchive.Archive {
	a, err := badgerarchive.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	return a
}

// BenchmarkCachedCall: the cost of one call of a cached processor that emits
// two events, on a hit and on a miss, with the in-memory and the Badger
// archive, beside the same call uncached. A miss records a new input; a hit
// replays one of 1,000 recorded inputs (for Badger, recorded and flushed,
// then the workspace reopened, so hits are read from Badger's tables).
func BenchmarkCachedCall(b *testing.B) {
	fresh := func(i int) int { return (i + 1) * 10_000_000 } // never seen before
	same := func(int) int { return 0 }
	b.Run("uncached", func(b *testing.B) {
		runCalls(b, &longClassify{count: twoEmissions}, nil, true, fresh)
	})
	b.Run("memory/miss", func(b *testing.B) {
		a := archive.NewMemory()
		defer a.Close()
		runCalls(b, &longClassify{count: twoEmissions}, a, false, fresh)
	})
	b.Run("memory/hit", func(b *testing.B) {
		a := archive.NewMemory()
		defer a.Close()
		h := &longClassify{count: twoEmissions}
		benchRun(b, h, a, false, longReadings(0, benchBatch))
		runCalls(b, h, a, false, same)
		if h.calls.Load() != benchBatch {
			b.Fatalf("%d calls", h.calls.Load())
		}
	})
	b.Run("badger/miss", func(b *testing.B) {
		a := openBench(b, b.TempDir())
		defer a.Close()
		runCalls(b, &longClassify{count: twoEmissions}, a, false, fresh)
	})
	b.Run("badger/hit", func(b *testing.B) {
		dir := b.TempDir()
		a := openBench(b, dir)
		h := &longClassify{count: twoEmissions}
		benchRun(b, h, a, false, longReadings(0, benchBatch))
		if err := a.Close(); err != nil {
			b.Fatal(err)
		}
		a = openBench(b, dir)
		defer a.Close()
		runCalls(b, h, a, false, same)
		if h.calls.Load() != benchBatch {
			b.Fatalf("%d calls", h.calls.Load())
		}
	})
}

// spin10us is a handler's work: 10 µs of busy waiting.
func spin10us() {
	for t := time.Now(); time.Since(t) < 10*time.Microsecond; {
	}
}

// BenchmarkSpin10us: a cached processor whose handler takes 10 µs (busy
// wait, then two emissions that depend on the input only), run cold and then
// warm over the same 1,000 inputs, on a new in-memory archive, and on a new
// Badger workspace closed and reopened between the runs as a second process
// would. Reported per call: cold-ns, warm-ns and their ratio (speedup). The
// inputs are built before, and the heap collected before, each timed run. The
// baseline is the uncached pipeline over the same inputs.
func BenchmarkSpin10us(b *testing.B) {
	b.Run("uncached", func(b *testing.B) {
		h := &longClassify{count: twoEmissions, spin: spin10us}
		in := longReadings(0, benchBatch)
		var run time.Duration
		b.ReportAllocs()
		for b.Loop() {
			runtime.GC() // as for the cached runs below
			t0 := time.Now()
			benchRun(b, h, nil, true, in)
			run += time.Since(t0)
		}
		b.ReportMetric(float64(run.Nanoseconds())/float64(b.N*benchBatch), "ns/call")
	})
	for _, kind := range []string{"memory", "badger"} {
		b.Run(kind+"/cold-then-warm", func(b *testing.B) {
			var cold, warm time.Duration
			b.ReportAllocs()
			for b.Loop() {
				dir := b.TempDir()
				var a archive.Archive = archive.NewMemory()
				reopen := func() {
					if kind == "badger" {
						if err := a.Close(); err != nil {
							b.Fatal(err)
						}
						a = openBench(b, dir)
					}
				}
				if kind == "badger" {
					a = openBench(b, dir)
				}
				h := &longClassify{count: twoEmissions, spin: spin10us}
				in := longReadings(0, benchBatch)
				// Each timed run starts on a collected heap, as in a new
				// process: otherwise the warm run pays for collecting the
				// cold run's garbage (about half its time).
				runtime.GC()
				t0 := time.Now()
				benchRun(b, h, a, false, in)
				cold += time.Since(t0)
				reopen()
				runtime.GC()
				t0 = time.Now()
				benchRun(b, h, a, false, in)
				warm += time.Since(t0)
				if err := a.Close(); err != nil {
					b.Fatal(err)
				}
				if h.calls.Load() != benchBatch {
					b.Fatalf("%d handler calls, want %d (the cold run's only)", h.calls.Load(), benchBatch)
				}
			}
			calls := float64(b.N * benchBatch)
			b.ReportMetric(float64(cold.Nanoseconds())/calls, "cold-ns/call")
			b.ReportMetric(float64(warm.Nanoseconds())/calls, "warm-ns/call")
			b.ReportMetric(float64(cold)/float64(warm), "speedup")
		})
	}
}

// peakMem samples, every 5 ms while it runs, the live heap (as of the last
// GC: /gc/heap/live:bytes) and all the memory the Go runtime has mapped
// (/memory/classes/total:bytes), and reads the peak RSS of the process
// (VmHWM, reset at the start through /proc/self/clear_refs on Linux).
type peakMem struct {
	stop            chan struct{}
	done            sync.WaitGroup
	livePeak, total uint64
}

func startPeakMem() *peakMem {
	runtime.GC()
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) // reset VmHWM (Linux)
	m := &peakMem{stop: make(chan struct{})}
	m.done.Add(1)
	go func() {
		defer m.done.Done()
		samples := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/total:bytes"}}
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(samples)
			m.livePeak = max(m.livePeak, samples[0].Value.Uint64())
			m.total = max(m.total, samples[1].Value.Uint64())
			select {
			case <-m.stop:
				return
			case <-tick.C:
			}
		}
	}()
	return m
}

// end returns the peak live heap, the peak of the Go runtime's mapped memory
// and the peak RSS (0 if unknown), in bytes.
func (m *peakMem) end() (live, total, rss uint64) {
	close(m.stop)
	m.done.Wait()
	b, err := os.ReadFile("/proc/self/status")
	if err == nil {
		for line := range bytes.Lines(b) {
			if v, ok := bytes.CutPrefix(line, []byte("VmHWM:")); ok {
				kb, _ := strconv.ParseUint(string(bytes.TrimSuffix(bytes.TrimSpace(v), []byte(" kB"))), 10, 64)
				rss = kb << 10
			}
		}
	}
	return m.livePeak, m.total, rss
}

func dirSize(dir string) int64 {
	var n int64
	_ = filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			n += info.Size()
		}
		return nil
	})
	return n
}

// BenchmarkArchiveMemory100k: the peak memory of recording 100,000 entries
// (10 emissions each, about 330 bytes encoded) through the pipeline, in runs
// of 10,000 inputs, then replaying them all after reopening the archive.
// Reported: peak live heap and peak memory mapped by the Go runtime (sampled
// every 5 ms), and peak RSS of the process during the op, and for Badger the workspace's size on disk. The baseline is
// the uncached pipeline over the same inputs (the engine's own memory); the
// in-memory archive holds every entry in the heap.
func BenchmarkArchiveMemory100k(b *testing.B) {
	const entries, perRun = 100_000, 10_000
	ten := func(int) int { return 10 }
	for _, kind := range []string{"uncached", "memory", "badger"} {
		b.Run(kind, func(b *testing.B) {
			var live, total, rss uint64
			var disk int64
			for b.Loop() {
				dir := b.TempDir()
				m := startPeakMem()
				var a archive.Archive
				open := func() {
					switch kind {
					case "memory":
						if a == nil {
							a = archive.NewMemory()
						}
					case "badger":
						a = openBench(b, dir)
					}
				}
				h := &longClassify{count: ten}
				for pass := range 2 {
					open()
					for from := 0; from < entries; from += perRun {
						benchRun(b, h, a, kind == "uncached", longReadings(from, perRun))
					}
					if kind == "badger" {
						if err := a.Close(); err != nil {
							b.Fatal(err)
						}
					}
					if pass == 0 && kind == "badger" {
						disk = dirSize(dir)
					}
				}
				lp, tp, rp := m.end()
				live, total, rss = max(live, lp), max(total, tp), max(rss, rp)
				if want := int64(entries); kind != "uncached" && h.calls.Load() != want {
					b.Fatalf("%d handler calls, want %d (the second pass replays)", h.calls.Load(), want)
				}
				if a != nil {
					_ = a.Close()
				}
			}
			b.ReportMetric(float64(live)/(1<<20), "peak-live-heap-MiB")
			b.ReportMetric(float64(total)/(1<<20), "peak-go-mapped-MiB")
			if rss > 0 {
				b.ReportMetric(float64(rss)/(1<<20), "peak-RSS-MiB")
			}
			if disk > 0 {
				b.ReportMetric(float64(disk)/(1<<20), "disk-MiB")
			}
		})
	}
}
