package badgerarchive

import (
	"testing"

	"github.com/fwgo/fw/runtime/archive"
	"github.com/fwgo/fw/runtime/archive/archivetest"
)

// The benchmarks use the same record as the memory archive's: 10 emissions,
// about 1.5 KiB encoded.
func benchRecord() archive.Record { return archivetest.Record(7, 10) }

func benchKeys() []archive.Key {
	keys := make([]archive.Key, 1<<14)
	for i := range keys {
		keys[i] = archivetest.Key(i)
	}
	return keys
}

// BenchmarkGetHit reads flushed entries (from Badger, not from the buffer).
func BenchmarkGetHit(b *testing.B) {
	a := openT(b, b.TempDir())
	defer a.Close()
	keys := benchKeys()
	rec := benchRecord()
	for _, k := range keys {
		if err := a.Put(k, rec); err != nil {
			b.Fatal(err)
		}
	}
	if err := a.Flush(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, ok, err := a.Get(keys[i&(len(keys)-1)]); !ok || err != nil {
			b.Fatal(ok, err)
		}
		i++
	}
}

func BenchmarkGetMiss(b *testing.B) {
	a := openT(b, b.TempDir())
	defer a.Close()
	keys := benchKeys()
	rec := benchRecord()
	for _, k := range keys[:len(keys)/2] {
		if err := a.Put(k, rec); err != nil {
			b.Fatal(err)
		}
	}
	if err := a.Flush(); err != nil {
		b.Fatal(err)
	}
	miss := keys[len(keys)/2:]
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, ok, err := a.Get(miss[i%len(miss)]); ok || err != nil {
			b.Fatal(ok, err)
		}
		i++
	}
}

// BenchmarkPut is a buffered Put, with the batch writes it triggers.
func BenchmarkPut(b *testing.B) {
	a := openT(b, b.TempDir())
	defer a.Close()
	keys := benchKeys()
	rec := benchRecord()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if err := a.Put(keys[i&(len(keys)-1)], rec); err != nil {
			b.Fatal(err)
		}
		i++
	}
	if err := a.Flush(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkPutFlush acknowledges every Put (the worst case: one write per
// entry), without and with sync writes.
func BenchmarkPutFlush(b *testing.B) {
	for _, sync := range []bool{false, true} {
		name := "nosync"
		if sync {
			name = "sync"
		}
		b.Run(name, func(b *testing.B) {
			a := openT(b, b.TempDir(), WithSyncWrites(sync))
			defer a.Close()
			keys := benchKeys()
			rec := benchRecord()
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if err := a.Put(keys[i&(len(keys)-1)], rec); err != nil {
					b.Fatal(err)
				}
				if err := a.Flush(); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// BenchmarkGetBatch: one GetBatch of 1,000 keys, all hits, read from the
// tables of a reopened workspace holding those 1,000 entries (dense: the
// iterator walks the database) or 16,384 (sparse: one Get per key, in one
// transaction); records of two emissions, as in the cache benchmarks.
// Reported per key.
func BenchmarkGetBatch(b *testing.B) {
	for _, total := range []int{1000, 1 << 14} {
		name := "dense"
		if total > 1000 {
			name = "sparse"
		}
		b.Run(name, func(b *testing.B) {
			dir := b.TempDir()
			a := openT(b, dir)
			keys := benchKeys()[:total]
			for i, k := range keys {
				if err := a.Put(k, archivetest.Record(i, 2)); err != nil {
					b.Fatal(err)
				}
			}
			if err := a.Close(); err != nil {
				b.Fatal(err)
			}
			a = openT(b, dir)
			defer a.Close()
			batch := keys[:1000]
			res := make([]archive.Result, len(batch))
			b.ReportAllocs()
			for b.Loop() {
				a.GetBatch(batch, res)
				if !res[0].OK || !res[len(res)-1].OK {
					b.Fatal("miss")
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(batch)), "ns/key")
		})
	}
}

// BenchmarkOpen opens (and closes) a workspace whose tables hold 64 MiB of
// records: the cost of checking every table before Badger opens them.
func BenchmarkOpen(b *testing.B) {
	dir := b.TempDir()
	a := openT(b, dir)
	data := make([]byte, 2<<10)
	for i := range 32 << 10 {
		data[0], data[1], data[2] = byte(i), byte(i>>8), byte(i>>16)
		if err := a.Put(archivetest.Key(i), archive.Record{Emissions: []archive.Emission{{Name: "E", Data: data}}}); err != nil {
			b.Fatal(err)
		}
	}
	if err := a.Close(); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := openT(b, dir).Close(); err != nil {
			b.Fatal(err)
		}
	}
}
