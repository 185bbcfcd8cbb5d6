package gen_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl"
	"github.com/fwgo/fw/dsl/gen"
	"github.com/fwgo/fw/dsl/ir"
)

// loadPartition loads the partition example, its source rewritten by edit.
func loadPartition(t *testing.T, edit func(string) string) *ir.Package {
	t.Helper()
	paths, _ := filepath.Glob("../../testdata/examples/partition/*.fw")
	if len(paths) == 0 {
		t.Fatal("no testdata/examples/partition/*.fw")
	}
	var names []string
	var srcs [][]byte
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, filepath.Base(p))
		srcs = append(srcs, []byte(edit(string(src))))
	}
	pkg, diags := dsl.Load(names, srcs)
	if pkg == nil {
		t.Fatal(diags.Text())
	}
	return pkg
}

func generated(t *testing.T, pkg *ir.Package) map[string][]byte {
	t.Helper()
	files, err := gen.Generate(pkg)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		out[f.Name] = f.Data
	}
	return out
}

var (
	partitionClause = regexp.MustCompile(`(?m)^\s*partition by [^\n]*\n`)
	intoK           = regexp.MustCompile(`into [0-9]+`)
)

// TestPartitionIntoOne: `into 1` is the program without the clause: the
// generated code is the same, byte for byte (fingerprints included), and so
// is its output.
func TestPartitionIntoOne(t *testing.T) {
	one := generated(t, loadPartition(t, func(s string) string { return intoK.ReplaceAllString(s, "into 1") }))
	none := generated(t, loadPartition(t, func(s string) string { return partitionClause.ReplaceAllString(s, "\n") }))
	if len(one) != len(none) {
		t.Fatalf("%d files with into 1, %d without partitions", len(one), len(none))
	}
	for name, data := range none {
		if !bytes.Equal(one[name], data) {
			t.Errorf("%s differs between into 1 and no partition clause", name)
		}
		for _, s := range []string{"NoteKG", "KeyGroups", "fwKG", "Factory"} {
			if bytes.Contains(data, []byte(s)) {
				t.Errorf("%s of a program without partitions has %s", name, s)
			}
		}
	}
	part := generated(t, loadPartition(t, func(s string) string { return s }))
	for _, s := range []string{"NoteKG", "KeyGroups", "fwKG0Order", "BillingFactory"} {
		if !bytes.Contains(part["fwpipeline.fw.go"], []byte(s)) {
			t.Errorf("the partitioned program has no %s", s)
		}
	}
}

// TestPartitionFingerprints: the clause (its keys and K) is part of the
// program's fingerprint, so that a record of one K is refused by another;
// no processor's cache fingerprint depends on it (a call's emissions do not
// depend on its key group), so the cache stays valid across K.
func TestPartitionFingerprints(t *testing.T) {
	base := loadPartition(t, func(s string) string { return partitionClause.ReplaceAllString(s, "\n") })
	variants := map[string]func(string) string{
		"as written": func(s string) string { return s },
		"into 16": func(s string) string {
			return strings.Replace(s, "partition by id into 4", "partition by id into 16", 1)
		},
		"another key": func(s string) string {
			return strings.Replace(s, "Failed.payload", "Failed.proc", 1)
		},
	}
	seen := map[[32]byte]string{gen.ProgramFingerprint(base): "no partitions"}
	for name, edit := range variants {
		pkg := loadPartition(t, edit)
		fp := gen.ProgramFingerprint(pkg)
		if prev, dup := seen[fp]; dup {
			t.Errorf("%s has the program fingerprint of %s", name, prev)
		}
		seen[fp] = name
		for i, p := range pkg.Processors {
			if got, want := gen.Fingerprint(pkg, p), gen.Fingerprint(base, base.Processors[i]); got != want {
				t.Errorf("%s: the cache fingerprint of %s changed", name, p.Name)
			}
		}
	}
	one := loadPartition(t, func(s string) string { return intoK.ReplaceAllString(s, "into 1") })
	if gen.ProgramFingerprint(one) != gen.ProgramFingerprint(base) {
		t.Error("into 1 changed the program fingerprint")
	}
}
