package engine_test

import (
	"sync/atomic"
	"testing"

	"github.com/fwgo/fw/runtime/archive"
	"github.com/fwgo/fw/runtime/archive/badgerarchive"
	"github.com/fwgo/fw/runtime/fw"
)

// countingArchive counts the lookups that reach an archive one by one (Get)
// and in batches (GetBatch, if batch is set).
type countingArchive struct {
	archive.Archive
	batch          bool
	gets, batchGet atomic.Int64
	batched        atomic.Int64 // keys looked up by GetBatch
}

func (a *countingArchive) Get(k archive.Key) (archive.Record, bool, error) {
	a.gets.Add(1)
	return a.Archive.Get(k)
}

// batchArchive is a countingArchive with GetBatch.
type batchArchive struct{ *countingArchive }

func (a batchArchive) GetBatch(keys []archive.Key, res []archive.Result) {
	a.batchGet.Add(1)
	a.batched.Add(int64(len(keys)))
	archive.GetBatch(a.Archive, keys, res)
}

// TestCacheLookupsInAdvance: with an archive that has GetBatch, the calls of a
// step are looked up with one GetBatch per step (no Get), for any worker
// count; without one, each call is looked up with a Get. Either way the runs
// are the same.
func TestCacheLookupsInAdvance(t *testing.T) {
	in := inputsN(50)
	for _, workers := range []int{1, 8} {
		for _, conc := range []int{0, 4} {
			mem := archive.NewMemory()
			defer mem.Close()
			cold := runCache(t, cacheProgram(conc, 1), mem, emitTwo, in, fw.WithWorkers(workers))
			if cold.err != nil {
				t.Fatal(cold.err)
			}
			ca := &countingArchive{Archive: mem}
			warm := runCache(t, cacheProgram(conc, 1), batchArchive{ca}, emitTwo, in, fw.WithWorkers(workers))
			if warm.err != nil || warm.calls != 0 {
				t.Fatalf("workers %d, concurrency %d: warm run: %v, %d calls", workers, conc, warm.err, warm.calls)
			}
			// Two steps have Work calls: the inputs, and phase 1's two late ones.
			if g, b, k := ca.gets.Load(), ca.batchGet.Load(), ca.batched.Load(); g != 0 || b != 2 || k != int64(len(in)+2) {
				t.Errorf("workers %d, concurrency %d: %d Gets, %d GetBatch of %d keys; want 0, 2, %d", workers, conc, g, b, k, len(in)+2)
			}
			equalLines(t, "sink", warm.sink, cold.sink)
			sameStats(t, warm.stats, cold.stats)

			plain := &countingArchive{Archive: mem}
			again := runCache(t, cacheProgram(conc, 1), plain, emitTwo, in, fw.WithWorkers(workers))
			if again.err != nil || again.calls != 0 {
				t.Fatalf("without GetBatch: %v, %d calls", again.err, again.calls)
			}
			if g := plain.gets.Load(); g != int64(len(in)+2) {
				t.Errorf("without GetBatch: %d Gets, want %d", g, len(in)+2)
			}
			equalLines(t, "sink", again.sink, cold.sink)
		}
	}
}

// TestCacheRepeatedInputInAStep: an input that comes back later in the same
// step is a hit on the record its first call made, although the step's
// lookups were made before that call (for a processor whose calls are made
// one after the other).
func TestCacheRepeatedInputInAStep(t *testing.T) {
	in := []string{"a", "b", "a", "c", "b", "a"}
	for _, kind := range []string{"memory", "badger"} {
		for _, workers := range []int{1, 8} {
			var a archive.Archive = archive.NewMemory()
			if kind == "badger" {
				b, err := badgerarchive.Open(t.TempDir())
				if err != nil {
					t.Fatal(err)
				}
				a = b
			}
			r := runCache(t, cacheProgram(0, 1), a, emitTwo, in, fw.WithWorkers(workers))
			if err := a.Close(); err != nil {
				t.Fatal(err)
			}
			if r.err != nil {
				t.Fatal(r.err)
			}
			// a, b, c and the two late inputs run; the three repeats hit.
			if st := r.work(); r.calls != 5 || st.CacheMisses != 5 || st.CacheHits != 3 {
				t.Errorf("%s, workers %d: %d calls, %d misses, %d hits; want 5, 5, 3", kind, workers, r.calls, st.CacheMisses, st.CacheHits)
			}
		}
	}
}
