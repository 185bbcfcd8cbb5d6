package archive_test

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"

	"github.com/fwgo/fw/runtime/archive"
	"github.com/fwgo/fw/runtime/archive/archivetest"
)

func TestMemory(t *testing.T) {
	archivetest.Run(t,
		func(t *testing.T) archive.Archive { return archive.NewMemory() },
		func(t *testing.T, a archive.Archive, k archive.Key) {
			m := a.(*archive.Memory)
			rec, ok, err := m.Get(k)
			if !ok || err != nil {
				t.Fatalf("entry to damage: %v, %v", ok, err)
			}
			data := archive.EncodeRecordFor(k, rec)
			data[len(data)/2] ^= 0x10
			if err := m.PutRaw(k, data); err != nil {
				t.Fatal(err)
			}
		})
}

func TestLookupWarns(t *testing.T) {
	m := archive.NewMemory()
	k := archivetest.Key(1)
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	if err := m.PutRaw(k, []byte("fwrc\x01garbage")); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := archive.Lookup(m, k, log); ok || err != nil {
		t.Fatalf("Lookup = %v, %v", ok, err)
	}
	if s := logs.String(); !strings.Contains(s, "level=WARN") || !strings.Contains(s, k.String()) {
		t.Fatalf("no warning naming the key: %q", s)
	}
	logs.Reset()
	if err := m.Put(k, archivetest.Record(1, 2)); err != nil {
		t.Fatal(err)
	}
	if rec, ok, err := archive.Lookup(m, k, log); !ok || err != nil || !rec.Equal(archivetest.Record(1, 2)) {
		t.Fatalf("Lookup after rewrite = %v, %v", ok, err)
	}
	if logs.Len() != 0 {
		t.Fatalf("a hit logged: %q", logs.String())
	}
	if m.Len() != 1 {
		t.Fatalf("Len = %d", m.Len())
	}
}

// BenchmarkKey measures the key of a small input (the canonical encoding of a
// typical event).
func BenchmarkKey(b *testing.B) {
	in := primitiveInput()
	b.ReportAllocs()
	for b.Loop() {
		goldenSpec.Key(in)
	}
}

func benchRecord() archive.Record { return archivetest.Record(7, 10) }

func BenchmarkMemoryGetHit(b *testing.B) {
	m := archive.NewMemory()
	k := archivetest.Key(1)
	if err := m.Put(k, benchRecord()); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, ok, err := m.Get(k); !ok || err != nil {
			b.Fatal(ok, err)
		}
	}
}

func BenchmarkMemoryGetMiss(b *testing.B) {
	m := archive.NewMemory()
	k := archivetest.Key(1)
	b.ReportAllocs()
	for b.Loop() {
		if _, ok, err := m.Get(k); ok || err != nil {
			b.Fatal(ok, err)
		}
	}
}

func BenchmarkMemoryPut(b *testing.B) {
	m := archive.NewMemory()
	rec := benchRecord()
	keys := make([]archive.Key, 1<<16)
	for i := range keys {
		keys[i] = archivetest.Key(i)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if err := m.Put(keys[i&(len(keys)-1)], rec); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
