package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"
	badgeroptions "github.com/dgraph-io/badger/v4/options"
)

// indexStderr is index, returning stderr too.
func indexStderr(t *testing.T, root, ws string) (*result, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	res, err := run(context.Background(), options{root: root, workspace: ws, workers: 4, top: 20, progress: "off"}, &stdout, &stderr)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	return res, stdout.String(), stderr.String()
}

// TestDamageWarns: the indexer reports damage to its workspace on stderr
// by default, recomputes what was lost, and prints the report of a clean run:
// a corrupt cache entry (one byte of a stored record flipped) is a warning
// naming the entry; a workspace whose archive cannot be opened (its MANIFEST
// cut) is moved aside with a warning naming where.
func TestDamageWarns(t *testing.T) {
	root := stdTree(t)
	ageTree(t, root)
	ws := t.TempDir()
	_, clean, _ := indexStderr(t, root, ws)

	// A corrupt entry.
	// Badger with the archive's table options (no compression).
	db, err := badger.Open(badger.DefaultOptions(filepath.Join(ws, "archive")).WithCompression(badgeroptions.None).WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte("c/")})
		it.Rewind()
		k := it.Item().KeyCopy(nil)
		v, err := it.Item().ValueCopy(nil)
		it.Close()
		if err != nil {
			return err
		}
		v[len(v)/2] ^= 0x20
		return txn.Set(k, v)
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	res, out, stderr := indexStderr(t, root, ws)
	if !strings.Contains(stderr, "level=WARN msg=\"fw: corrupt cache entry") || !strings.Contains(stderr, "key=") {
		t.Fatalf("no warning of the corrupt entry on stderr:\n%s", stderr)
	}
	if out != clean {
		t.Fatalf("report after the damage differs from a clean run's:\n%s\n---\n%s", out, clean)
	}
	if res.Tokenized+int64(procStats(t, res.Stats, "Packages").CacheMisses) != 1 {
		t.Errorf("%d files tokenized and %d packages merged again; want the damaged entry's call alone", res.Tokenized, procStats(t, res.Stats, "Packages").CacheMisses)
	}

	// An archive that cannot be opened.
	if err := os.Truncate(filepath.Join(ws, "archive", "MANIFEST"), 0); err != nil {
		t.Fatal(err)
	}
	_, out, stderr = indexStderr(t, root, ws)
	asides, _ := filepath.Glob(filepath.Join(ws, "archive.damaged-*"))
	if len(asides) != 1 || !strings.Contains(stderr, "moved_to="+asides[0]) {
		t.Fatalf("moved aside: %v; stderr:\n%s", asides, stderr)
	}
	if out != clean {
		t.Fatalf("report after the archive was moved aside differs from a clean run's:\n%s\n---\n%s", out, clean)
	}
}
