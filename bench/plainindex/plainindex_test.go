package plainindex

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/fwgo/fw/runtime/reactive"
)

// TestReservoir: the baseline's Algorithm L draws the samples of fw's
// ReservoirSampler (which it must not import) for the same seed and stream.
func TestReservoir(t *testing.T) {
	words := make([]string, 300000)
	for i := range words {
		words[i] = strconv.Itoa(i)
	}
	for _, n := range []int{0, 1, 19, 20, 21, 100, 5000, len(words)} {
		for _, seed := range []uint64{0, 42, 7} {
			want := reactive.NewReservoirSampler[string](20, seed)
			got := newReservoir(20, seed)
			for _, w := range words[:n] {
				want.Add(w)
				got.add(w)
			}
			if !slices.Equal(got.sample, want.Sample()) {
				t.Errorf("n %d, seed %d: sample %v, ReservoirSampler %v", n, seed, got.sample, want.Sample())
			}
		}
	}
}

// TestIndex indexes a small tree: the counts per package and overall, the
// skipped directories, the top list's order (count, then name).
func TestIndex(t *testing.T) {
	root := t.TempDir()
	write := func(path, src string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a/a.go", "package a\n\n// b b b in a comment\nvar x, _ = y, \"z z\"\n")
	write("a/b.go", "package a\n\nfunc f(x int) int { return x }\n")
	write("c.go", "package c\n")
	write("a/testdata/t.go", "package skipped\n")
	write("_x/t.go", "package skipped\n")
	write(".x/t.go", "package skipped\n")
	write("a/notgo.txt", "package skipped\n")
	rep, err := Index(root, 3)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"a": 2, "x": 3, "y": 1, "f": 1, "int": 2, "c": 1}
	if fmt.Sprint(rep.Counts) != fmt.Sprint(want) || rep.Files != 3 {
		t.Errorf("%d files, counts %v; want 3, %v", rep.Files, rep.Counts, want)
	}
	if p := rep.Packages["a"]; p != (Package{Files: 2, Total: 9, Distinct: 5, Top: "x", TopCount: 3}) {
		t.Errorf("package a: %+v", p)
	}
	if p := rep.Packages["."]; p != (Package{Files: 1, Total: 1, Distinct: 1, Top: "c", TopCount: 1}) {
		t.Errorf("package .: %+v", p)
	}
	if got := fmt.Sprint(rep.Top(3)); got != "[{x 3} {a 2} {int 2}]" {
		t.Errorf("top 3: %s", got)
	}
	if len(rep.Sample) != 6 {
		t.Errorf("sample %v: want all 6 distinct identifiers of the packages", rep.Sample)
	}
}
