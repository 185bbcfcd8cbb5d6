package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fwgo/fw/bench/plainindex"
	"github.com/fwgo/fw/examples/indexer/index"
	"github.com/fwgo/fw/internal/testenv"
)

// TestSameAsPlain runs the indexer and its baseline, bench/plainindex (the
// same job in plain Go with a worker pool, no framework), on the same trees:
// the reports are equal byte for byte, and so are the top 20 identifiers and
// every package's files, total, distinct identifiers and most frequent one.
// The trees: the copy of a few standard library packages, this repository,
// an empty directory, and (when the run is thorough and not -short) the standard library's
// whole source tree, the one docs/BENCHMARKS.md measures.
func TestSameAsPlain(t *testing.T) {
	trees := map[string]string{"std-subset": stdTree(t), "repository": filepath.Join("..", ".."), "empty": t.TempDir()}
	if !testing.Short() && testenv.Thorough() {
		trees["GOROOT/src"] = defaultRoot()
	}
	for name, root := range trees {
		t.Run(name, func(t *testing.T) {
			res, out := runIndex(t, root, t.TempDir())
			plain, err := plainindex.Index(root, 4)
			if err != nil {
				t.Fatal(err)
			}
			var want bytes.Buffer
			if err := plain.Write(&want, 20); err != nil {
				t.Fatal(err)
			}
			if out != want.String() {
				t.Errorf("reports differ:\n%s\n--- plain:\n%s", out, want.String())
			}
			var topList, plainTop strings.Builder
			for _, w := range index.Top(res.Summary.Words, 20) {
				fmt.Fprintf(&topList, "%s %d\n", w.Word, w.Count)
			}
			for _, wc := range plain.Top(20) {
				fmt.Fprintf(&plainTop, "%s %d\n", wc.Word, wc.Count)
			}
			if topList.String() != plainTop.String() {
				t.Errorf("top 20:\n%s--- plain:\n%s", topList.String(), plainTop.String())
			}
			lines := pkgLines(res)
			if len(lines) != len(plain.Packages) || len(lines) == 0 && name != "empty" {
				t.Errorf("%d packages, plain %d", len(lines), len(plain.Packages))
			}
			for pkg, p := range plain.Packages {
				g, ok := lines[pkg]
				if !ok || int(g.Files) != p.Files || int(g.Total) != p.Total || int(g.Distinct) != p.Distinct || g.Top != p.Top || int(g.TopCount) != p.TopCount {
					t.Errorf("package %s: %+v, plain %+v", pkg, g, p)
				}
			}
		})
	}
}
