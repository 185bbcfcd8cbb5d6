// Package archivetest checks that an archive.Archive behaves as the interface
// says. Each implementation's tests call Run with a constructor.
package archivetest

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/fwgo/fw/runtime/archive"
)

// Record returns a deterministic record for seed with n emissions, each a few
// bytes to a few hundred bytes long; n == 0 gives an empty record.
func Record(seed, n int) archive.Record {
	names := [...]string{"Invoice", "Audit", "Built", "Ledger"}
	rec := archive.Record{Emissions: make([]archive.Emission, n)}
	for i := range rec.Emissions {
		size := (seed*31 + i*17) % 300
		data := make([]byte, size)
		x := uint32(seed)*2654435761 + uint32(i)*40503 + 1
		for j := range data {
			x ^= x << 13
			x ^= x >> 17
			x ^= x << 5
			data[j] = byte(x)
		}
		rec.Emissions[i] = archive.Emission{Name: names[(seed+i)%len(names)], Data: data}
	}
	return rec
}

// Key returns a deterministic key for i.
func Key(i int) archive.Key {
	spec := archive.KeySpec{Processor: "archivetest", Version: 1}
	return spec.Key(fmt.Appendf(nil, "input %d", i))
}

// Corrupter damages the stored entry of a key (for example by flipping a byte
// of its stored value). It is optional: Run skips the corruption checks when
// it is nil.
type Corrupter func(t *testing.T, a archive.Archive, k archive.Key)

// Run checks the Archive contract on archives made by open, which must return
// a new, empty archive each time (the test closes it).
func Run(t *testing.T, open func(t *testing.T) archive.Archive, damage Corrupter) {
	t.Run("MissPutGet", func(t *testing.T) {
		a := open(t)
		defer a.Close()
		k := Key(1)
		if _, ok, err := a.Get(k); ok || err != nil {
			t.Fatalf("Get of an empty archive = %v, %v; want a miss", ok, err)
		}
		want := Record(1, 10)
		if err := a.Put(k, want); err != nil {
			t.Fatal(err)
		}
		got, ok, err := a.Get(k)
		if !ok || err != nil || !got.Equal(want) {
			t.Fatalf("Get after Put (unflushed) = %v, %v, equal %v", ok, err, got.Equal(want))
		}
		if err := a.Flush(); err != nil {
			t.Fatal(err)
		}
		got, ok, err = a.Get(k)
		if !ok || err != nil || !got.Equal(want) {
			t.Fatalf("Get after Flush = %v, %v, equal %v", ok, err, got.Equal(want))
		}
		if _, ok, err := a.Get(Key(2)); ok || err != nil {
			t.Fatalf("Get of another key = %v, %v; want a miss", ok, err)
		}
	})
	t.Run("EmptyRecordIsAHit", func(t *testing.T) {
		a := open(t)
		defer a.Close()
		k := Key(3)
		if err := a.Put(k, archive.Record{}); err != nil {
			t.Fatal(err)
		}
		for _, flush := range []bool{false, true} {
			if flush {
				if err := a.Flush(); err != nil {
					t.Fatal(err)
				}
			}
			got, ok, err := a.Get(k)
			if !ok || err != nil || len(got.Emissions) != 0 {
				t.Fatalf("flushed %v: Get of an empty record = %v, %v, %d emissions", flush, ok, err, len(got.Emissions))
			}
		}
	})
	t.Run("Overwrite", func(t *testing.T) {
		a := open(t)
		defer a.Close()
		k := Key(4)
		for i, n := range []int{5, 0, 7} {
			want := Record(100+i, n)
			if err := a.Put(k, want); err != nil {
				t.Fatal(err)
			}
			if i == 1 {
				if err := a.Flush(); err != nil {
					t.Fatal(err)
				}
			}
			if got, ok, err := a.Get(k); !ok || err != nil || !got.Equal(want) {
				t.Fatalf("Put %d: Get = %v, %v, equal %v", i, ok, err, got.Equal(want))
			}
		}
	})
	t.Run("PutCopies", func(t *testing.T) {
		a := open(t)
		defer a.Close()
		k := Key(5)
		rec := Record(5, 3)
		want := rec.Clone()
		if err := a.Put(k, rec); err != nil {
			t.Fatal(err)
		}
		rec.Emissions[0].Data[0] ^= 0xff
		rec.Emissions[1].Name = "Changed"
		if got, ok, err := a.Get(k); !ok || err != nil || !got.Equal(want) {
			t.Fatalf("a change to a Put record after Put reached the archive: %v, %v", ok, err)
		}
	})
	t.Run("Many", func(t *testing.T) {
		a := open(t)
		defer a.Close()
		const n = 500
		for i := range n {
			if err := a.Put(Key(1000+i), Record(i, i%13)); err != nil {
				t.Fatal(err)
			}
			if i%97 == 0 {
				if err := a.Flush(); err != nil {
					t.Fatal(err)
				}
			}
		}
		for i := range n {
			got, ok, err := a.Get(Key(1000 + i))
			if !ok || err != nil || !got.Equal(Record(i, i%13)) {
				t.Fatalf("entry %d: %v, %v", i, ok, err)
			}
		}
	})
	t.Run("Concurrent", func(t *testing.T) {
		a := open(t)
		defer a.Close()
		var wg sync.WaitGroup
		errs := make(chan error, 8)
		for g := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range 100 {
					id := g*1000 + i
					if err := a.Put(Key(id), Record(id, 4)); err != nil {
						errs <- err
						return
					}
					got, ok, err := a.Get(Key(id))
					if !ok || err != nil || !got.Equal(Record(id, 4)) {
						errs <- fmt.Errorf("goroutine %d entry %d: %v, %v", g, i, ok, err)
						return
					}
					if i%25 == 0 {
						if err := a.Flush(); err != nil {
							errs <- err
							return
						}
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
	})
	t.Run("Corrupt", func(t *testing.T) {
		if damage == nil {
			t.Skip("no Corrupter")
		}
		a := open(t)
		defer a.Close()
		k := Key(6)
		want := Record(6, 20)
		if err := a.Put(k, want); err != nil {
			t.Fatal(err)
		}
		if err := a.Flush(); err != nil {
			t.Fatal(err)
		}
		damage(t, a, k)
		_, ok, err := a.Get(k)
		var ce *archive.CorruptError
		if ok || !errors.As(err, &ce) || !errors.Is(err, archive.ErrCorrupt) || ce.Key != k {
			t.Fatalf("Get of a damaged entry = %v, %v; want a miss with a *CorruptError", ok, err)
		}
		if _, ok, err := archive.Lookup(a, k, nil); ok || err != nil {
			t.Fatalf("Lookup of a damaged entry = %v, %v; want a plain miss", ok, err)
		}
		if err := a.Put(k, want); err != nil {
			t.Fatal(err)
		}
		if err := a.Flush(); err != nil {
			t.Fatal(err)
		}
		if got, ok, err := a.Get(k); !ok || err != nil || !got.Equal(want) {
			t.Fatalf("Get after the rewrite = %v, %v", ok, err)
		}
	})
	t.Run("GetBatch", func(t *testing.T) {
		a := open(t)
		defer a.Close()
		bg, ok := a.(archive.BatchGetter)
		if !ok {
			t.Skip("no GetBatch")
		}
		// Flushed entries, buffered ones, an empty record, misses, in an
		// order that is not the keys' order, a key twice, and a damaged
		// entry.
		const n = 1200 // enough for several readers
		var keys []archive.Key
		for i := range n {
			k := Key(5000 + i)
			keys = append(keys, k)
			if i%3 == 2 {
				continue // a miss
			}
			if err := a.Put(k, Record(i, i%5)); err != nil {
				t.Fatal(err)
			}
			if i == n/2 {
				if err := a.Flush(); err != nil {
					t.Fatal(err)
				}
			}
		}
		keys = append(keys, keys[0], Key(1<<30))
		var damaged archive.Key
		if damage != nil {
			damaged = Key(4999)
			if err := a.Put(damaged, Record(1, 3)); err != nil {
				t.Fatal(err)
			}
			if err := a.Flush(); err != nil {
				t.Fatal(err)
			}
			damage(t, a, damaged)
			keys = append(keys, damaged)
		}
		res := make([]archive.Result, len(keys)+1)
		res[len(keys)].OK = true // beyond keys: left alone
		bg.GetBatch(keys, res)
		if !res[len(keys)].OK {
			t.Error("GetBatch wrote beyond len(keys)")
		}
		for i, k := range keys {
			rec, ok, err := a.Get(k)
			r := res[i]
			if r.OK != ok || (r.Err == nil) != (err == nil) || !r.Rec.Equal(rec) {
				t.Fatalf("key %d: GetBatch = %v, %v; Get = %v, %v", i, r.OK, r.Err, ok, err)
			}
			if k == damaged && damage != nil {
				var ce *archive.CorruptError
				if !errors.As(r.Err, &ce) || ce.Key != k {
					t.Fatalf("damaged entry: GetBatch error %v, want a *CorruptError", r.Err)
				}
			} else if i < n && ok != (i%3 != 2) {
				t.Fatalf("key %d: hit %v", i, ok)
			}
		}
		if err := a.Close(); err != nil {
			t.Fatal(err)
		}
		bg.GetBatch(keys[:2], res)
		if !errors.Is(res[0].Err, archive.ErrClosed) || !errors.Is(res[1].Err, archive.ErrClosed) {
			t.Fatalf("GetBatch after Close: %v, %v", res[0].Err, res[1].Err)
		}
	})
	t.Run("Closed", func(t *testing.T) {
		a := open(t)
		if err := a.Put(Key(7), Record(7, 2)); err != nil {
			t.Fatal(err)
		}
		if err := a.Close(); err != nil {
			t.Fatal(err)
		}
		if err := a.Close(); err != nil {
			t.Fatalf("second Close: %v", err)
		}
		if _, _, err := a.Get(Key(7)); !errors.Is(err, archive.ErrClosed) {
			t.Fatalf("Get after Close: %v", err)
		}
		if err := a.Put(Key(7), Record(7, 2)); !errors.Is(err, archive.ErrClosed) {
			t.Fatalf("Put after Close: %v", err)
		}
		if err := a.Flush(); !errors.Is(err, archive.ErrClosed) {
			t.Fatalf("Flush after Close: %v", err)
		}
	})
}
