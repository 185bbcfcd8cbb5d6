package badgerarchive

import (
	"bytes"
	"fmt"
	"io"
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
// KEYREGISTRY and a DISCARD file.
func damageWorkspace(t *testing.T, dir string) {
	t.Helper()
	a := openT(t, dir)
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
	template := t.TempDir()
	damageWorkspace(t, template)
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
	for _, want := range []string{".sst", ".vlog", "MANIFEST", "KEYREGISTRY", "DISCARD"} {
		if !kinds[want] {
			t.Fatalf("the workspace has no %s file: %v", want, files)
		}
	}
	flips := 3
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
		info, err := os.Stat(filepath.Join(template, dbDirName, file))
		if err != nil {
			t.Fatal(err)
		}
		size := info.Size()
		damages := []damage{
			{"truncated to half", func(p string) error { return os.Truncate(p, size/2) }},
			{"truncated to 0", func(p string) error { return os.Truncate(p, 0) }},
			{"deleted", os.Remove},
		}
		for range flips {
			if size == 0 {
				break
			}
			// Where the data is: anywhere, and in the file's last KiB (a
			// table's index and footer, a log's last entries).
			for _, at := range []int64{rng.Int64N(size), size - 1 - rng.Int64N(min(size, 1024))} {
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
				copyDir(t, template, dir)
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

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		if d.Name() == lockFileName {
			return nil
		}
		src, err := os.Open(p)
		if err != nil {
			return err
		}
		defer src.Close()
		out, err := os.Create(dst)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, src); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	})
	if err != nil {
		t.Fatal(err)
	}
}
