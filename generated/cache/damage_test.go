package cache_test

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"github.com/fwgo/fw/generated/cache"
	"github.com/fwgo/fw/runtime/archive"
	"github.com/fwgo/fw/runtime/archive/badgerarchive"
	"github.com/fwgo/fw/runtime/fw"
)

// logRecords collects every slog record at WARN and above.
type logRecords struct {
	mu   sync.Mutex
	recs []string // "LEVEL message key=value ..."
}

func (l *logRecords) Enabled(_ context.Context, lv slog.Level) bool { return lv >= slog.LevelWarn }
func (l *logRecords) Handle(_ context.Context, r slog.Record) error {
	s := r.Level.String() + " " + r.Message
	r.Attrs(func(a slog.Attr) bool {
		s += " " + a.Key + "=" + a.Value.String()
		return true
	})
	l.mu.Lock()
	l.recs = append(l.recs, s)
	l.mu.Unlock()
	return nil
}
func (l *logRecords) WithAttrs([]slog.Attr) slog.Handler { return l }
func (l *logRecords) WithGroup(string) slog.Handler      { return l }

// rawValue and setRawValue read and replace the stored value of an entry,
// with Badger directly (the workspace must be closed).
func rawValue(t *testing.T, dir string, k archive.Key) []byte {
	t.Helper()
	db, err := openRawDB(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v []byte
	err = db.View(func(txn *badger.Txn) error {
		item, err := txn.Get(dbKey(k))
		if err != nil {
			return err
		}
		v, err = item.ValueCopy(nil)
		return err
	})
	if err != nil {
		t.Fatalf("reading entry %s: %v", k, err)
	}
	return v
}

func setRawValue(t *testing.T, dir string, k archive.Key, v []byte) {
	t.Helper()
	db, err := openRawDB(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(txn *badger.Txn) error { return txn.Set(dbKey(k), v) }); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

// flipInFiles flips byte pos of the only copy of value in the files of
// Badger's directory (a table, as the value is small and the database was
// closed).
func flipInFiles(t *testing.T, dbDir string, value []byte, pos int) {
	t.Helper()
	entries, err := os.ReadDir(dbDir)
	if err != nil {
		t.Fatal(err)
	}
	found := ""
	for _, e := range entries {
		path := filepath.Join(dbDir, e.Name())
		b, err := os.ReadFile(path)
		if err != nil || e.IsDir() {
			continue
		}
		i := bytes.Index(b, value)
		if i < 0 {
			continue
		}
		if found != "" || bytes.Index(b[i+1:], value) >= 0 {
			t.Fatalf("the value is stored more than once (%s, %s)", found, e.Name())
		}
		b[i+pos] ^= 0x10
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		found = e.Name()
	}
	if found == "" {
		t.Fatal("the value is in no file of the database")
	}
	t.Logf("flipped byte %d of the entry in %s", pos, found)
}

// TestFlippedByteInWorkspace: one byte of a stored Badger entry is flipped
// (in the record's header, its emissions, or its checksum, rewritten through
// Badger). The next run of
// the generated pipeline on the workspace logs one warning naming the entry,
// re-executes that call alone and delivers the same emissions as before; the
// entry is rewritten with the good record, and a third run is all hits
// without a warning.
func TestFlippedByteInWorkspace(t *testing.T) {
	const n = 5
	count := func(id int) int { return 40 + id }
	run := func(dir string, log *slog.Logger) (*longClassify, *evSink, fw.ProcStats) {
		t.Helper()
		var aopts []badgerarchive.Option
		if log != nil {
			aopts = append(aopts, badgerarchive.WithLogger(log))
		}
		a, err := badgerarchive.Open(dir, aopts...)
		if err != nil {
			t.Fatal(err)
		}
		h, s := &longClassify{count: count}, &evSink{keep: true}
		opts := []fw.Option{fw.WithArchive(a)}
		if log != nil {
			opts = append(opts, fw.WithLogger(log))
		}
		p := longPipeline(h, s, opts...)
		for id := range n {
			p.Submit(longReading(id))
		}
		if err := p.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		if err := a.Close(); err != nil {
			t.Fatal(err)
		}
		return h, s, p.Stats().Processors[0]
	}
	for _, where := range []string{"header", "emissions", "checksum", "on disk", "another key's"} {
		t.Run(where, func(t *testing.T) {
			dir := t.TempDir()
			h, cold, _ := run(dir, nil)
			if h.calls.Load() != n {
				t.Fatalf("cold run: %d calls, want %d", h.calls.Load(), n)
			}
			const victim = 2
			k := cache.ClassifyKey(longReading(victim), nil)
			good := rawValue(t, dir, k)
			if want := archive.EncodeRecordFor(k, expectedRecord(victim, count)); !bytes.Equal(good, want) {
				t.Fatal("the stored entry is not the record of its input")
			}
			bad := bytes.Clone(good)
			pos := map[string]int{"header": 2, "emissions": len(bad) / 2, "checksum": len(bad) - 1, "on disk": len(bad) / 3}[where]
			switch where {
			case "on disk":
				// In a table: the table fails its checksum when the
				// workspace opens, and the archive is moved aside.
				flipInFiles(t, filepath.Join(dir, "archive"), good, pos)
				logs := &logRecords{}
				h, s, _ := run(dir, slog.New(logs))
				asides, _ := filepath.Glob(filepath.Join(dir, "archive.damaged-*"))
				if h.calls.Load() != n || len(asides) != 1 || len(logs.recs) != 1 || !strings.Contains(logs.recs[0], "moved_to="+asides[0]) {
					t.Fatalf("run after the flip: %d calls, moved aside %v, log %q", h.calls.Load(), asides, logs.recs)
				}
				if !cache.RecordOf(s.evs).Equal(cache.RecordOf(cold.evs)) {
					t.Fatal("run after the flip: emissions differ from the cold run's")
				}
				t.Logf("warning: %s", logs.recs[0])
				return
			case "another key's":
				// A valid record, stored under another input's key (what a
				// damaged value pointer would give): its checksum covers its
				// own key, so it is a corrupt entry, never another input's
				// result.
				bad = rawValue(t, dir, cache.ClassifyKey(longReading(victim+1), nil))
				setRawValue(t, dir, k, bad)
			default:
				bad[pos] ^= 0x10
				setRawValue(t, dir, k, bad)
			}
			if got := rawValue(t, dir, k); !bytes.Equal(got, bad) {
				t.Fatal("the damaged value was not stored")
			}

			logs := &logRecords{}
			h, s, st := run(dir, slog.New(logs))
			if got := h.calls.Load(); got != 1 || !slices.Equal(h.ids, []int{victim}) {
				t.Fatalf("run after the flip: Classify called for %v, want only input %d", h.ids, victim)
			}
			if st.CacheHits != n-1 || st.CacheMisses != 1 {
				t.Fatalf("run after the flip: %d hits, %d misses; want %d, 1", st.CacheHits, st.CacheMisses, n-1)
			}
			if len(logs.recs) != 1 {
				t.Fatalf("run after the flip: log %q; want one warning", logs.recs)
			}
			for _, want := range []string{"WARN fw: corrupt cache entry, treating it as a miss; it will be rewritten", "key=" + k.String(), "corrupt archive record"} {
				if !bytes.Contains([]byte(logs.recs[0]), []byte(want)) {
					t.Fatalf("warning %q lacks %q", logs.recs[0], want)
				}
			}
			t.Logf("warning: %s", logs.recs[0])
			if !cache.RecordOf(s.evs).Equal(cache.RecordOf(cold.evs)) {
				t.Fatal("run after the flip: emissions differ from the cold run's")
			}
			if got := rawValue(t, dir, k); !bytes.Equal(got, good) {
				t.Fatalf("the entry was not rewritten (%d bytes, want %d)", len(got), len(good))
			}

			logs = &logRecords{}
			h, s, st = run(dir, slog.New(logs))
			if h.calls.Load() != 0 || st.CacheHits != n || len(logs.recs) != 0 {
				t.Fatalf("third run: %d calls, %d hits, log %q; want 0 calls, %d hits, no warning", h.calls.Load(), st.CacheHits, logs.recs, n)
			}
			if !cache.RecordOf(s.evs).Equal(cache.RecordOf(cold.evs)) {
				t.Fatal("third run: emissions differ from the cold run's")
			}
		})
	}
}
