package index

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fwgo/fw/internal/cli"
)

// TestGeneratedFresh fails when the committed indexer.fw.go or
// fwpipeline.fw.go is stale: `fwgen generate -check` on this directory, what
// CI runs on a user's repository.
func TestGeneratedFresh(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := cli.Main([]string{"generate", "-check", "."}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("fwgen generate -check: exit %d (run go generate ./examples/indexer/index)\n%s%s", code, stdout.String(), stderr.String())
	}
}

// TestTokenize: the identifiers of a file in order of first occurrence with
// their counts (no keyword, comment, literal or blank identifier); a counter adds
// them up in order of first occurrence and sorts them; top ranks by count,
// then name.
func TestTokenize(t *testing.T) {
	words, total := tokenize([]byte("package p\n// comment words\nfunc f(_ int) string { return \"lit\" + g(x, x) }\n"))
	if got := fmt.Sprint(words); total != 7 || got != "[{p 1} {f 1} {int 1} {string 1} {g 1} {x 2}]" {
		t.Fatalf("tokenize: %s, %d", got, total)
	}
	c := newCounterSize(0)
	for _, w := range []Word{{"b", 1}, {"a", 2}, {"b", 3}, {"c", 4}} {
		c.add(w.Word, w.Count)
	}
	if got := fmt.Sprint(c.list()); got != "[{b 4} {a 2} {c 4}]" {
		t.Errorf("counter: %s", got)
	}
	if got := fmt.Sprint(top(c.list(), 2)); got != "[{b 4} {c 4}]" {
		t.Errorf("top 2: %s", got)
	}
	if got := fmt.Sprint(c.sorted()); got != "[{a 2} {b 4} {c 4}]" {
		t.Errorf("sorted: %s", got)
	}
}

// TestContentsBound: the contents the walk read wait for Tokenize within a
// bound. The oldest are dropped, a file bigger than the bound is not held,
// and a file read again must still have its hash: a file that changed after
// the walk hashed it, once its content was dropped, is an error naming it,
// not counts recorded under the old content's key.
func TestContentsBound(t *testing.T) {
	writeFile := func(path string, b []byte) {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The bound: the oldest are dropped, a file bigger than the
	// bound is not held, and a file read again must still have its hash.
	c := loadHashCache(t.TempDir(), true)
	c.contents.max = 10
	h := func(s string) []byte { sum := sha256.Sum256([]byte(s)); return sum[:] }
	c.contents.put("a", h("aaaa"), []byte("aaaa"))
	c.contents.put("b", h("bbbb"), []byte("bbbb"))
	c.contents.put("big", h("0123456789x"), []byte("0123456789x"))
	if _, ok, _ := c.contents.take("a", h("aaaa")); !ok {
		t.Error("a dropped within the bound")
	}
	c.contents.put("c", h("cccc"), []byte("cccc"))
	c.contents.put("d", h("dddd"), []byte("dddd")) // drops b
	if _, ok, dropped := c.contents.take("b", h("bbbb")); ok || !dropped {
		t.Errorf("b held beyond the bound (%v), or not known as dropped (%v)", ok, dropped)
	}
	if _, ok, dropped := c.contents.take("big", h("0123456789x")); ok || !dropped {
		t.Errorf("a content bigger than the bound held (%v), or not known as dropped (%v)", ok, dropped)
	}
	if src, ok, _ := c.contents.take("c", h("cccc")); !ok || string(src) != "cccc" || c.contents.bytes != 4 {
		t.Errorf("c: %q, %v; %d bytes held (want 4)", src, ok, c.contents.bytes)
	}
	c.contents.put("x.go", h("package x"), []byte("package x")) // the walk hashed it,
	c.contents.put("e", h("eeee"), []byte("eeee"))              // and its content is dropped
	dir := t.TempDir()
	writeFile(filepath.Join(dir, "x.go"), []byte("package x // changed"))
	if _, err := c.read("x.go", filepath.Join(dir, "x.go"), 9, h("package x")); err == nil || !strings.Contains(err.Error(), "x.go changed during the run") {
		t.Errorf("a file changed after its hash: %v", err)
	}
	if src, err := c.read("x.go", filepath.Join(dir, "x.go"), 20, h("package x // changed")); err != nil || string(src) != "package x // changed" || c.reread.Load() != 2 {
		t.Errorf("a file read again: %q, %v, %d read again (want 2)", src, err, c.reread.Load())
	}
}
