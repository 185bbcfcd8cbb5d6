package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"os/exec"
	pathpkg "path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/fwgo/fw/examples/indexer/index"
	"github.com/fwgo/fw/runtime/fw"
)

// stdPackages are the standard library packages copied into the test trees:
// small, and with files of several kinds (tests, examples, generics, asm stubs).
var stdPackages = []string{"bufio", "container/list", "errors", "slices", "strings", "unicode/utf8"}

// stdTree copies the .go files of stdPackages (not their subdirectories) into a
// new directory, with a few files that the walk must skip.
func stdTree(t *testing.T) string {
	t.Helper()
	src := defaultRoot()
	root := t.TempDir()
	for _, pkg := range stdPackages {
		entries, err := os.ReadDir(filepath.Join(src, pkg))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.Type().IsRegular() && strings.HasSuffix(e.Name(), ".go") {
				b, err := os.ReadFile(filepath.Join(src, pkg, e.Name()))
				if err != nil {
					t.Fatal(err)
				}
				writeFile(t, filepath.Join(root, pkg, e.Name()), b)
			}
		}
	}
	writeFile(t, filepath.Join(root, "top.go"), []byte("package top\n\nvar topLevel = 1\n"))
	skipped := []byte("package skipped\n\nvar shouldNotBeCounted = 1\n")
	for _, p := range []string{"strings/testdata/x.go", ".hidden/x.go", "_old/x.go", "bufio/README.txt"} {
		writeFile(t, filepath.Join(root, p), skipped)
	}
	return root
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// ageTree sets the modification time of every file of root an hour back, so
// that the hash cache trusts them (it distrusts files changed in the last
// seconds).
func ageTree(t *testing.T, root string) {
	t.Helper()
	old := time.Now().Add(-time.Hour)
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		return os.Chtimes(path, old, old)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// index runs the indexer in this process on root with the workspace ws.
func runIndex(t *testing.T, root, ws string) (*result, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	res, err := run(context.Background(), options{root: root, workspace: ws, workers: 4, top: 20, progress: "off"}, &stdout, &stderr)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	return res, stdout.String()
}

func procStats(t *testing.T, s fw.Stats, name string) fw.ProcStats {
	t.Helper()
	p, ok := s.Proc(name)
	if !ok {
		t.Fatalf("no processor %s in the stats", name)
	}
	return p
}

// oracle counts the identifiers of the tree independently of the indexer: its
// own walk (filepath.Glob per directory level would do as well), and the
// *ast.Ident nodes of go/parser's syntax tree instead of go/scanner's
// tokens; the blank identifier excluded, as the indexer documents, and the
// "." of a dot import, which the syntax tree holds as an *ast.Ident but which
// is not an identifier token.
// pkgSummary is a package's figures in the oracle.
type pkgSummary struct{ Files, Total, Distinct int }

type oracleCounts struct {
	counts map[string]int
	pkgs   map[string]pkgSummary
}

func oracle(t *testing.T, root string) oracleCounts {
	t.Helper()
	o := oracleCounts{counts: map[string]int{}, pkgs: map[string]pkgSummary{}}
	distinct := map[string]map[string]int{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (name == "testdata" || name[0] == '.' || name[0] == '_') {
				return filepath.SkipDir
			}
			return nil
		}
		if filepath.Ext(name) != ".go" {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		pkg := pathpkg.Dir(filepath.ToSlash(rel))
		if distinct[pkg] == nil {
			distinct[pkg] = map[string]int{}
		}
		s := o.pkgs[pkg]
		s.Files++
		ast.Inspect(f, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && id.Name != "_" && id.Name != "." {
				o.counts[id.Name]++
				distinct[pkg][id.Name]++
				s.Total++
			}
			return true
		})
		o.pkgs[pkg] = s
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for pkg, words := range distinct {
		s := o.pkgs[pkg]
		s.Distinct = len(words)
		o.pkgs[pkg] = s
	}
	return o
}

// countsMap is the count of every identifier of the run's summary.
func countsMap(res *result) map[string]int {
	m := make(map[string]int, len(res.Summary.Words))
	for _, w := range res.Summary.Words {
		m[w.Word] += int(w.Count)
	}
	return m
}

// pkgLines is the run's summary's line of every package.
func pkgLines(res *result) map[string]index.PkgLine {
	m := make(map[string]index.PkgLine, len(res.Summary.Packages))
	for _, p := range res.Summary.Packages {
		m[p.Pkg] = p
	}
	return m
}

// TestOracle compares the indexer's counts on a copy of a few standard
// library packages with the oracle's: every identifier's count, every
// package's files, total and distinct identifiers, and the printed top list.
func TestOracle(t *testing.T) {
	root := stdTree(t)
	res, out := runIndex(t, root, t.TempDir())
	want := oracle(t, root)

	got := countsMap(res)
	if len(got) != len(want.counts) {
		t.Errorf("%d distinct identifiers, oracle %d", len(got), len(want.counts))
	}
	for w, n := range want.counts {
		if got[w] != n {
			t.Errorf("identifier %q: %d, oracle %d", w, got[w], n)
		}
	}
	for w := range got {
		if _, ok := want.counts[w]; !ok {
			t.Errorf("identifier %q counted, not in the oracle", w)
		}
	}
	if _, ok := got["shouldNotBeCounted"]; ok {
		t.Error("a file of a skipped directory was indexed")
	}
	lines := pkgLines(res)
	if len(lines) != len(want.pkgs) || len(res.Summary.Packages) != len(want.pkgs) {
		t.Errorf("%d packages, oracle %d", len(res.Summary.Packages), len(want.pkgs))
	}
	for pkg, w := range want.pkgs {
		g := lines[pkg]
		if int(g.Files) != w.Files || int(g.Total) != w.Total || int(g.Distinct) != w.Distinct {
			t.Errorf("package %s: files %d, total %d, distinct %d; oracle %d, %d, %d", pkg, g.Files, g.Total, g.Distinct, w.Files, w.Total, w.Distinct)
		}
	}

	// The printed top 20, against the oracle's ranking (count, then name).
	var all []index.Word
	for w, n := range want.counts {
		all = append(all, index.Word{Word: w, Count: int64(n)})
	}
	var topList strings.Builder
	for i, w := range index.Top(all, 20) {
		fmt.Fprintf(&topList, "%4d  %9d  %s\n", i+1, w.Count, w.Word)
	}
	if !strings.Contains(out, "\ntop 20 identifiers:\n"+topList.String()) {
		t.Errorf("report's top 20 differs from the oracle's:\n%s\nwant:\n%s", out, topList.String())
	}
	if !strings.Contains(out, "sample of 20 distinct identifiers") {
		t.Errorf("no sample in the report:\n%s", out)
	}
}

// TestRerun: a second run on the same workspace calls no tokenize handler
// (every file is a cache hit), reads no file (the hash cache), and prints the
// same report.
func TestRerun(t *testing.T) {
	root, ws := stdTree(t), t.TempDir()
	ageTree(t, root)
	first, out1 := runIndex(t, root, ws)
	files := procStats(t, first.Stats, "Files").Emitted
	if first.Tokenized != int64(files) || files == 0 {
		t.Fatalf("cold run: %d tokenize calls for %d files", first.Tokenized, files)
	}
	if first.Hashed != int64(files) || first.Reread != 0 {
		t.Errorf("cold run: %d files hashed, %d read and hashed again, for %d files; want each hashed once", first.Hashed, first.Reread, files)
	}
	gob := filepath.Join(ws, "hashes.gob")
	before, err := os.Stat(gob)
	if err != nil {
		t.Fatal(err)
	}
	second, out2 := runIndex(t, root, ws)
	if after, err := os.Stat(gob); err != nil || !after.ModTime().Equal(before.ModTime()) || !os.SameFile(before, after) {
		t.Errorf("warm run: the unchanged hashes.gob was written again (%v)", err)
	}
	tok := procStats(t, second.Stats, "Tokenize")
	if second.Tokenized != 0 || tok.CacheMisses != 0 || tok.CacheHits != files {
		t.Errorf("warm run: %d tokenize calls, %d hits, %d misses; want 0, %d, 0", second.Tokenized, tok.CacheHits, tok.CacheMisses, files)
	}
	if pk := procStats(t, second.Stats, "Packages"); pk.CacheMisses != 0 {
		t.Errorf("warm run: %d packages merged again, want 0", pk.CacheMisses)
	}
	if sum := procStats(t, second.Stats, "Summarize"); sum.CacheMisses != 0 || sum.CacheHits != 1 {
		t.Errorf("warm run: Summarize %d hits, %d misses; want 1, 0", sum.CacheHits, sum.CacheMisses)
	}
	if second.Hashed != 0 {
		t.Errorf("warm run: %d files read to be hashed, want 0", second.Hashed)
	}
	if out1 != out2 {
		t.Errorf("reports differ:\n%s\n---\n%s", out1, out2)
	}
}

// TestOneFileChanged: after one file changes, the next run tokenizes that file
// and no other, merges only its package again, and reports what a run from
// scratch reports.
func TestOneFileChanged(t *testing.T) {
	root, ws := stdTree(t), t.TempDir()
	ageTree(t, root)
	runIndex(t, root, ws)

	path := filepath.Join(root, "container/list/list.go")
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintln(f, "\nvar zzzAdded, zzzAdded2 = zzzAdded2, 1")
	f.Close()

	res, out := runIndex(t, root, ws)
	tok := procStats(t, res.Stats, "Tokenize")
	files := procStats(t, res.Stats, "Files").Emitted
	if res.Tokenized != 1 || tok.CacheMisses != 1 || tok.CacheHits != files-1 {
		t.Errorf("after one change: %d tokenize calls, %d hits, %d misses; want 1, %d, 1", res.Tokenized, tok.CacheHits, tok.CacheMisses, files-1)
	}
	if pk := procStats(t, res.Stats, "Packages"); pk.CacheMisses != 1 {
		t.Errorf("after one change: %d packages merged again, want 1", pk.CacheMisses)
	}
	if sum := procStats(t, res.Stats, "Summarize"); sum.CacheMisses != 1 {
		t.Errorf("after one change: Summarize %d misses, want 1", sum.CacheMisses)
	}
	if res.Hashed != 1 || res.Reread != 0 {
		t.Errorf("after one change: %d files hashed, %d hashed again; want 1, 0", res.Hashed, res.Reread)
	}
	if got := countsMap(res); got["zzzAdded"] != 1 || got["zzzAdded2"] != 2 {
		t.Errorf("zzzAdded %d, zzzAdded2 %d; want 1, 2", got["zzzAdded"], got["zzzAdded2"])
	}
	if _, fresh := runIndex(t, root, t.TempDir()); out != fresh {
		t.Errorf("incremental report differs from a fresh one:\n%s\n---\n%s", out, fresh)
	}
}

// bigTree writes n generated Go files in 10 packages: enough, with a pause per
// tokenize call, for a run that lasts a few seconds.
func bigTree(t *testing.T, n int) string {
	t.Helper()
	root := t.TempDir()
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "package p%d\n\n", i%10)
		for j := range 20 {
			fmt.Fprintf(&b, "func f%d_%d(x%d int) int { return x%d * %d + common }\n", i, j, j%7, j%7, j)
		}
		writeFile(t, filepath.Join(root, fmt.Sprintf("p%d", i%10), fmt.Sprintf("f%03d.go", i)), []byte(b.String()))
	}
	return root
}

var summaryRE = regexp.MustCompile(`(\d+) files: (\d+) tokenized, (\d+) from the cache`)

// TestInterrupt runs the indexer binary as a child process, interrupts it with
// SIGINT in the middle of its run, and expects exit code 130 and no report;
// a rerun on the same workspace resumes (the files tokenized before the
// interrupt are cache hits) and prints the report of an uninterrupted run.
func TestInterrupt(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the indexer")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	bin := filepath.Join(t.TempDir(), "indexer")
	if out, err := exec.Command(gobin, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	const files = 300
	root, ws := bigTree(t, files), t.TempDir()

	cmd := exec.Command(bin, "-root", root, "-workspace", ws, "-workers", "2", "-progress", "on", "-tokenize-delay", "10ms")
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Interrupt once the progress display shows some files tokenized.
	tokenized := regexp.MustCompile(`(\d+) indexed`)
	sc := bufio.NewScanner(stderr)
	var log strings.Builder
	interrupted := false
	for sc.Scan() {
		line := sc.Text()
		log.WriteString(line + "\n")
		if m := tokenized.FindStringSubmatch(line); !interrupted && m != nil {
			if n, _ := strconv.Atoi(m[1]); n >= 30 {
				if n >= files {
					t.Fatalf("the run was over before the interrupt:\n%s", log.String())
				}
				if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
					t.Fatal(err)
				}
				interrupted = true
			}
		}
	}
	io.Copy(io.Discard, stderr)
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	select {
	case err = <-waited:
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("no exit 20s after SIGINT:\n%s", log.String())
	}
	var exit *exec.ExitError
	if !interrupted || !errors.As(err, &exit) || exit.ExitCode() != 130 {
		t.Fatalf("interrupted run: %v (want exit status 130)\n%s", err, log.String())
	}
	if stdout.Len() != 0 {
		t.Errorf("an interrupted run printed a report:\n%s", stdout.String())
	}
	if !strings.Contains(log.String(), "interrupted") {
		t.Errorf("no word of the interrupt on stderr:\n%s", log.String())
	}

	// The rerun, without the pause; its stderr is not a terminal, so with the
	// default -progress auto it shows no progress.
	rerun := func(ws string) (string, []int) {
		t.Helper()
		cmd := exec.Command(bin, "-root", root, "-workspace", ws)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("rerun: %v\n%s", err, stderr.String())
		}
		if strings.Contains(stderr.String(), "events/s") {
			t.Errorf("progress display on a non-terminal:\n%s", stderr.String())
		}
		m := summaryRE.FindStringSubmatch(stderr.String())
		if m == nil {
			t.Fatalf("no summary on stderr:\n%s", stderr.String())
		}
		var n []int
		for _, s := range m[1:] {
			v, _ := strconv.Atoi(s)
			n = append(n, v)
		}
		return stdout.String(), n
	}
	resumed, n := rerun(ws)
	t.Logf("rerun after the interrupt: %d files, %d tokenized, %d from the cache", n[0], n[1], n[2])
	if n[0] != files || n[2] < 30 || n[1]+n[2] != files {
		t.Errorf("rerun: %d files, %d tokenized, %d from the cache; want %d files, at least 30 from the cache", n[0], n[1], n[2], files)
	}
	if fresh, _ := rerun(t.TempDir()); resumed != fresh {
		t.Errorf("resumed report differs from an uninterrupted run's:\n%s\n---\n%s", resumed, fresh)
	}
	if !strings.Contains(resumed, fmt.Sprintf("%d files in 10 packages", files)) {
		t.Errorf("report:\n%s", resumed)
	}
}

func TestIsTerminal(t *testing.T) {
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	if isTerminal(null) {
		t.Error("the null device is a terminal")
	}
	if isTerminal(&bytes.Buffer{}) {
		t.Error("a buffer is a terminal")
	}
}

// TestHashedOnce: every file is hashed once per run, whoever hashes it. With
// the hashes of an earlier run (hashes.gob) but an empty archive, the walk
// hashes nothing and each Tokenize call reads and hashes its file; with
// -rehash on a warm workspace the walk hashes every file, no Tokenize call
// runs (every file a cache hit), and the contents the walk read are dropped
// within their bound. A file that changes after the walk hashed it, once its
// content was dropped, is an error naming it, not counts recorded under the
// old content's key (TestContentsBound, package index).
func TestHashedOnce(t *testing.T) {
	root, ws := stdTree(t), t.TempDir()
	ageTree(t, root)
	first, out := runIndex(t, root, ws)
	files := first.Tokenized

	ws2 := t.TempDir()
	b, err := os.ReadFile(filepath.Join(ws, "hashes.gob"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(ws2, "hashes.gob"), b)
	res, out2 := runIndex(t, root, ws2)
	if res.Tokenized != files || res.Hashed != files || res.Reread != 0 {
		t.Errorf("known hashes, empty archive: %d tokenized, %d hashed, %d hashed again; want %d, %d, 0", res.Tokenized, res.Hashed, res.Reread, files, files)
	}
	if out2 != out {
		t.Errorf("reports differ:\n%s\n---\n%s", out, out2)
	}

	var stdout, stderr bytes.Buffer
	res, err = run(context.Background(), options{root: root, workspace: ws, workers: 4, top: 20, progress: "off", rehash: true}, &stdout, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	if res.Tokenized != 0 || res.Hashed != files || stdout.String() != out {
		t.Errorf("-rehash: %d tokenized, %d hashed; want 0, %d, and the same report", res.Tokenized, res.Hashed, files)
	}
}
