package dsl_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/format"
	"github.com/fwgo/fw/dsl/parser"
)

// fixture is one package of .fw sources.
type fixture struct {
	name  string
	names []string
	srcs  [][]byte
}

// fixtures returns every package of the repository's testdata and examples
// (each file of testdata/check, testdata/lint and testdata/fmt on its own, as
// their tests take them, each directory of .fw files as one package) and
// every fw block of the docs.
func fixtures(t *testing.T) []fixture {
	t.Helper()
	var out []fixture
	dirs := map[string][]string{}
	err := filepath.WalkDir("..", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".fw") {
			dirs[filepath.Dir(path)] = append(dirs[filepath.Dir(path)], path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	read := func(paths ...string) fixture {
		f := fixture{name: strings.Join(paths, ",")}
		for _, p := range paths {
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			f.names = append(f.names, filepath.ToSlash(p))
			f.srcs = append(f.srcs, src)
		}
		return f
	}
	for dir, paths := range dirs {
		switch filepath.Base(dir) {
		case "check", "lint", "fmt", "testdata", "fix":
			// One package per file.
			for _, p := range paths {
				out = append(out, read(p))
			}
		default:
			out = append(out, read(paths...))
		}
	}
	for path, data := range docs(t) {
		for i, block := range fwBlocks(string(data)) {
			name := filepath.Base(path) + "#" + strconv.Itoa(i+1) + ".fw"
			names, srcs := splitFiles(name, block.body)
			out = append(out, fixture{name: name, names: names, srcs: srcs})
		}
	}
	slices.SortFunc(out, func(a, b fixture) int { return strings.Compare(a.name, b.name) })
	return out
}

// key identifies a diagnostic across an edit of its file, which moves it.
func key(d diag.Diagnostic) string { return d.Rule + ": " + d.Message }

func count(l diag.List, k string) int {
	n := 0
	for _, d := range l {
		if key(d) == k {
			n++
		}
	}
	return n
}

// TestFixesHold applies every suggested fix of every fixture, alone, and
// checks that the fixed file parses and formats, that the package no longer
// reports the diagnostic (one fewer of its rule and message), and that a fix
// of a package without errors brings none. It also checks that every
// diagnostic ends after it starts, within its file.
func TestFixesHold(t *testing.T) {
	fixes := map[string]int{} // by rule
	for _, fx := range fixtures(t) {
		_, diags := dsl.Load(fx.names, fx.srcs)
		for _, d := range diags {
			checkRange(t, fx, d)
			for _, f := range d.Fixes {
				fixes[d.Rule]++
				checkFix(t, fx, diags, d, f)
			}
		}
	}
	t.Logf("fixes checked by rule: %v", fixes)
	for _, rule := range []string{"unknown-event", "unknown-field", "unreachable-case", "redundant-alternative", "single-value-gap", "range-endpoint-overlap"} {
		if fixes[rule] == 0 {
			t.Errorf("no fixture has a fix for %s", rule)
		}
	}
}

func checkRange(t *testing.T, fx fixture, d diag.Diagnostic) {
	t.Helper()
	if !d.Pos.IsValid() {
		return
	}
	i := slices.Index(fx.names, d.Pos.File)
	if i < 0 {
		return
	}
	src := fx.srcs[i]
	switch {
	case !d.End.IsValid():
		t.Errorf("%s: no end:\n%s", fx.name, d.Format())
	case d.End.Offset < d.Pos.Offset || d.End.Offset > len(src) || d.End.File != d.Pos.File:
		t.Errorf("%s: end %v (offset %d) outside [%d, %d]:\n%s", fx.name, d.End, d.End.Offset, d.Pos.Offset, len(src), d.Format())
	case d.End.Offset == d.Pos.Offset && d.Pos.Offset < len(src) && src[d.Pos.Offset] != '\n':
		t.Errorf("%s: empty range:\n%s", fx.name, d.Format())
	case strings.Contains(string(src[d.Pos.Offset:d.End.Offset]), "\n") && d.End.Line == d.Pos.Line:
		t.Errorf("%s: end line %d wrong:\n%s", fx.name, d.End.Line, d.Format())
	}
}

func checkFix(t *testing.T, fx fixture, before diag.List, d diag.Diagnostic, f diag.Fix) {
	t.Helper()
	where := fmt.Sprintf("%s: fix %q of\n%s\n", fx.name, f.Message, d.Format())
	i := slices.Index(fx.names, d.Pos.File)
	if i < 0 {
		t.Errorf("%sits file is not in the package", where)
		return
	}
	fixed, err := diag.Apply(fx.srcs[i], f.Edits)
	if err != nil {
		t.Errorf("%s%v", where, err)
		return
	}
	if _, diags := parser.ParseFile(fx.names[i], fixed); len(diags) > 0 {
		t.Errorf("%sthe fixed file does not parse:\n%s\n%s", where, diags.Text(), fixed)
		return
	}
	if _, diags := format.Source(fx.names[i], fixed); len(diags) > 0 {
		t.Errorf("%sthe fixed file does not format:\n%s", where, diags.Text())
		return
	}
	srcs := slices.Clone(fx.srcs)
	srcs[i] = fixed
	_, after := dsl.Load(fx.names, srcs)
	if count(after, key(d)) >= count(before, key(d)) {
		t.Errorf("%sthe diagnostic stays:\n%s", where, after.Text())
	}
	if !before.HasErrors() && after.HasErrors() {
		t.Errorf("%sthe fix brings errors:\n%s", where, after.Text())
	}
}
