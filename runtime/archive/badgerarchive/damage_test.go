package badgerarchive

import (
	"bytes"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/fwgo/fw/runtime/archive"
	"github.com/fwgo/fw/runtime/archive/archivetest"
)

// damageEntries is the number of entries of the workspace that
// TestDamagedWorkspaceFiles damages; every seventh is large enough for the
// value log.
const damageEntries = 120

func damageRecord(i int) archive.Record {
	if i%7 == 3 {
		return archive.Record{Emissions: []archive.Emission{
			{Name: "Large", Data: bytes.Repeat([]byte{byte(i), 'L'}, 40<<10)},
		}}
	}
	return archivetest.Record(i, 1+i%9)
}

// damageWorkspace makes a workspace holding the damage entries, closed: its
// archive has table (.sst) files, a value log with data, a MANIFEST, a
// KEYREGISTRY and a DISCARD file. With killed set, dir is instead a copy of
// the workspace taken while it is open, its entries flushed, as a kill -9
// leaves it: with the memtable's write-ahead log (.mem) and no table.
func damageWorkspace(t *testing.T, dir string, killed bool) {
	t.Helper()
	open := dir
	if killed {
		open = t.TempDir()
	}
	a := openT(t, open)
	for i := range damageEntries {
		if err := a.Put(archivetest.Key(i), damageRecord(i)); err != nil {
			t.Fatal(err)
		}
		if i%40 == 39 {
			if err := a.Flush(); err != nil {
				t.Fatal(err)
			}
		}
	}
	if killed {
		if err := a.Flush(); err != nil {
			t.Fatal(err)
		}
		copyDir(t, open, dir)
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
}

// syncBuffer is a bytes.Buffer safe for concurrent writes (Badger logs from
// its goroutines).
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// useWorkspace is what a run does with the workspace: it opens it, looks up
// every entry with the cache's policy (a corrupt entry is a warning and a
// miss), checks that every hit is exactly the entry's record (a wrong record
// would be wrong output), and records every miss again. It returns how many
// entries missed.
func useWorkspace(t *testing.T, dir string, log *slog.Logger) (misses int) {
	t.Helper()
	a, err := Open(dir, WithLogger(log))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer func() {
		if err := a.Close(); err != nil {
			t.Fatalf("Close: %v", err)
		}
	}()
	for i := range damageEntries {
		k := archivetest.Key(i)
		rec, ok, err := archive.Lookup(a, k, log)
		switch {
		case err != nil:
			t.Fatalf("entry %d: %v", i, err)
		case ok && !rec.Equal(damageRecord(i)):
			t.Fatalf("entry %d: a hit with the wrong record", i)
		case !ok:
			misses++
			if err := a.Put(k, damageRecord(i)); err != nil {
				t.Fatalf("entry %d: Put: %v", i, err)
			}
		}
	}
	return misses
}

// TestDamagedWorkspaceFiles truncates (to half, and to nothing), flips bytes
// in (at seeded positions), and deletes each file of a real workspace's
// Badger directory in turn (tables, value logs, MANIFEST, KEYREGISTRY,
// DISCARD, ...), then uses the workspace as a run would. Never a panic; an
// archive that cannot be opened is moved aside with a warning naming where
// (and kept); every hit is the entry's own record and every miss is
// recomputed, so the second use hits every entry, exactly as on an undamaged
// workspace.
func TestDamagedWorkspaceFiles(t *testing.T) {
	for _, state := range []string{"closed", "killed"} {
		t.Run(state, func(t *testing.T) { testDamagedWorkspaceFiles(t, state == "killed") })
	}
}

func testDamagedWorkspaceFiles(t *testing.T, killed bool) {
	template := t.TempDir()
	damageWorkspace(t, template, killed)
	snapshot := readFiles(t, template)
	entries, err := os.ReadDir(filepath.Join(template, dbDirName))
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	kinds := map[string]bool{}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		files = append(files, e.Name())
		kind := filepath.Ext(e.Name())
		if kind == "" {
			kind = e.Name()
		}
		kinds[kind] = true
	}
	wantKinds := []string{".sst", ".vlog", "MANIFEST", "KEYREGISTRY", "DISCARD"}
	if killed {
		wantKinds = []string{".mem", ".vlog", "MANIFEST", "KEYREGISTRY", "DISCARD"}
	}
	for _, want := range wantKinds {
		if !kinds[want] {
			t.Fatalf("the workspace has no %s file: %v", want, files)
		}
	}
	flips := 2 // pairs of flipped bytes per file
	if testing.Short() {
		flips = 1
	}
	rng := rand.New(rand.NewPCG(uint64(len(files)), 7))
	type damage struct {
		name string
		do   func(path string) error
	}
	var outcomes []string
	for _, file := range files {
		// used: up to the last byte that is not zero (Badger preallocates
		// its logs); damage lands in it.
		used := int64(len(bytes.TrimRight(snapshot[filepath.Join(dbDirName, file)], "\x00")))
		damages := []damage{
			{"truncated to half", func(p string) error { return os.Truncate(p, used/2) }},
			{"truncated to 0", func(p string) error { return os.Truncate(p, 0) }},
			{"deleted", os.Remove},
		}
		n := flips
		if file == "LOCK" || file == "DISCARD" {
			n = 1 // Badger's directory lock, its discard statistics
		}
		for range n {
			if used == 0 {
				break
			}
			// Anywhere in the data, and in its last KiB (a table's index
			// and footer, a log's last entries).
			for _, at := range []int64{rng.Int64N(used), used - 1 - rng.Int64N(min(used, 1024))} {
				damages = append(damages, damage{fmt.Sprintf("byte %d flipped", at), func(p string) error {
					b, err := os.ReadFile(p)
					if err != nil {
						return err
					}
					b[at] ^= 0x5a
					return os.WriteFile(p, b, 0o644)
				}})
			}
		}
		for _, d := range damages {
			t.Run(file+"/"+d.name, func(t *testing.T) {
				dir := t.TempDir()
				writeFiles(t, snapshot, dir)
				if err := d.do(filepath.Join(dir, dbDirName, file)); err != nil {
					t.Fatal(err)
				}
				var logs syncBuffer
				log := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelWarn}))
				misses := useWorkspace(t, dir, log)
				asides, _ := filepath.Glob(filepath.Join(dir, dbDirName+".damaged-*"))
				switch {
				case len(asides) > 1:
					t.Fatalf("moved aside %d times: %v", len(asides), asides)
				case len(asides) == 1:
					if !strings.Contains(logs.String(), "moved_to="+asides[0]) {
						t.Fatalf("moved aside to %s, but no warning says so: %q", asides[0], logs.String())
					}
					if misses != damageEntries {
						t.Fatalf("a fresh archive hit %d entries", damageEntries-misses)
					}
				case misses > 0 && !strings.Contains(logs.String(), "corrupt") && file != "MANIFEST" && !strings.HasSuffix(file, ".sst"):
					// Lost entries are misses; only a lost table or
					// manifest entry may lose them without a trace.
					t.Logf("%d entries missed without a warning", misses)
				}
				outcome := "unaffected"
				switch {
				case len(asides) == 1:
					outcome = "moved aside"
				case misses > 0:
					outcome = fmt.Sprintf("%d misses, %d warnings", misses, strings.Count(logs.String(), "level=WARN"))
				}
				// The second run: every entry is a hit, the right one.
				var logs2 syncBuffer
				if m := useWorkspace(t, dir, slog.New(slog.NewTextHandler(&logs2, nil))); m != 0 {
					t.Fatalf("%d entries missed again after they were rewritten (%s; log %q)", m, outcome, logs2.String())
				}
				outcomes = append(outcomes, fmt.Sprintf("%s/%s: %s", file, d.name, outcome))
			})
		}
	}
	slices.Sort(outcomes)
	t.Logf("outcomes:\n%s", strings.Join(outcomes, "\n"))
}

// TestInUseIsNotMovedAside: a workspace held by another Archive (another
// process: TestWorkspaceLockAcrossProcesses) is an error, never damage.
func TestInUseIsNotMovedAside(t *testing.T) {
	dir := t.TempDir()
	a := openT(t, dir)
	defer a.Close()
	if _, err := Open(dir); err == nil {
		t.Fatal("second Open succeeded")
	}
	if asides, _ := filepath.Glob(filepath.Join(dir, dbDirName+".damaged-*")); len(asides) != 0 {
		t.Fatalf("a workspace in use was moved aside: %v", asides)
	}
}

// copyDir copies the files of the workspace from (not its lock file) to to.
func copyDir(t *testing.T, from, to string) {
	t.Helper()
	writeFiles(t, readFiles(t, from), to)
}

// readFiles reads the files of a workspace (not its lock file), by path
// relative to it.
func readFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == lockFileName {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[rel], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// writeFiles writes files under dir, keeping their zeros as holes (Badger
// preallocates its logs).
func writeFiles(t *testing.T, files map[string][]byte, dir string) {
	t.Helper()
	const chunk = 64 << 10
	zeros := make([]byte, chunk)
	for rel, b := range files {
		dst := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		out, err := os.Create(dst)
		if err != nil {
			t.Fatal(err)
		}
		for off := 0; off < len(b); off += chunk {
			c := b[off:min(off+chunk, len(b))]
			if bytes.Equal(c, zeros[:len(c)]) {
				continue
			}
			if _, err := out.WriteAt(c, int64(off)); err != nil {
				t.Fatal(err)
			}
		}
		if err := out.Truncate(int64(len(b))); err != nil {
			t.Fatal(err)
		}
		if err := out.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
