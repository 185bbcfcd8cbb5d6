package graph_test

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl"
	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/graph"
	"github.com/fwgo/fw/dsl/ir"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/graph")

const (
	examplesDir = "../../testdata/examples"
	goldenDir   = "../../testdata/graph"
	docPath     = "../../docs/graph.md"
	svgPath     = "../../docs/img/shop.svg"
)

var formats = []struct {
	ext  string
	draw func(*ir.Package) []byte
}{
	{".dot", graph.Dot},
	{".mmd", graph.Mermaid},
}

// TestGolden draws every example package in both formats and compares the
// drawings with testdata/graph/<example>.dot and .mmd (-update rewrites them).
func TestGolden(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(examplesDir, "*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no example packages in %s (%v)", examplesDir, err)
	}
	for _, dir := range dirs {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			pkg := load(t, dir)
			for _, f := range formats {
				got := f.draw(pkg)
				if again := f.draw(pkg); !bytes.Equal(got, again) {
					t.Errorf("%s: two drawings of the same package differ", f.ext)
				}
				golden(t, filepath.Join(goldenDir, name+f.ext), got)
			}
		})
	}
}

// TestDoc checks that the drawings embedded in docs/graph.md are those of the
// shop example as they are drawn now, so that the page cannot go stale: its
// only ```dot block must be Dot(shop) and its only ```mermaid block
// Mermaid(shop). With -update it rewrites the blocks, and also renders
// docs/img/shop.svg when Graphviz's dot is installed; without -update the
// picture is not checked (the tests do not need Graphviz, and its SVG varies
// with its version).
func TestDoc(t *testing.T) {
	data, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	pkg := load(t, filepath.Join(examplesDir, "shop"))
	for _, f := range []struct {
		info string
		draw func(*ir.Package) []byte
	}{{"dot", graph.Dot}, {"mermaid", graph.Mermaid}} {
		blocks := fencedBlocks(doc, f.info)
		if len(blocks) != 1 {
			t.Errorf("%s has %d ```%s blocks, want 1", docPath, len(blocks), f.info)
			continue
		}
		b, want := blocks[0], string(f.draw(pkg))
		switch {
		case doc[b.start:b.end] == want:
		case *update:
			doc = doc[:b.start] + want + doc[b.end:]
		default:
			t.Errorf("%s: the ```%s block is not the drawing of the shop example (go test -update rewrites it); got:\n%s\nwant:\n%s",
				docPath, f.info, doc[b.start:b.end], want)
		}
	}
	if !*update {
		return
	}
	if err := os.WriteFile(docPath, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Logf("no Graphviz: %s not rendered", svgPath)
		return
	}
	cmd := exec.Command(dot, "-Tsvg", "-o", svgPath)
	cmd.Stdin = bytes.NewReader(graph.Dot(pkg))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("dot -Tsvg: %v\n%s", err, out)
	}
}

// TestDrawing checks, on a package built by hand, what the examples do not
// have: input events, a processor and an event of the same name, emits from
// several cases and lifecycle cases, a processor without cases, and names that
// need escaping (which .fw identifiers never do, but the IR does not forbid).
func TestDrawing(t *testing.T) {
	order := &ir.Event{Name: "Order", Input: true}
	audit := &ir.Event{Name: "Audit", Kind: 1}
	odd := &ir.Event{Name: `a"b<c>|#_\x`, Kind: 2}
	pkg := &ir.Package{
		Name:   "p",
		Events: []*ir.Event{order, audit, odd},
		Processors: []*ir.Processor{
			{Name: "Audit", Cases: []*ir.Case{
				{Name: "Big", Event: order, Emits: []*ir.Event{audit}},
				{Name: "Order", Index: 1, Event: order, Emits: []*ir.Event{audit, odd}},
			}, Phase: &ir.Case{Name: "Phase", Index: -1, Kind: ast.CasePhase, Emits: []*ir.Event{order}}},
			{Name: "Idle", Index: 1, Init: &ir.Case{Name: "Init", Index: -1, Kind: ast.CaseInit}},
		},
	}
	golden(t, filepath.Join(goldenDir, "drawing.dot"), graph.Dot(pkg))
	golden(t, filepath.Join(goldenDir, "drawing.mmd"), graph.Mermaid(pkg))
}

// TestBuilders draws testdata/graph/builders.fw, a package of builders: a
// source, a chain of transforms with a diamond, helpers, a builder with a
// lifecycle case, processors with built cases (one renamed) and resolve
// requests.
func TestBuilders(t *testing.T) {
	const path = goldenDir + "/builders.fw"
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pkg, diags := dsl.Load([]string{path}, [][]byte{src})
	if len(diags) > 0 {
		t.Fatalf("%s must be clean:\n%s", path, diags.Text())
	}
	for _, f := range formats {
		golden(t, filepath.Join(goldenDir, "builders"+f.ext), f.draw(pkg))
	}
}

// TestBuilderDrawing checks, on a package built by hand, what builders.fw
// cannot have: targets without a provider (their edges are left out), a
// builder that emits, a processor with two built cases for one target, a
// helper the graph does not know, and a builder named as an event.
func TestBuilderDrawing(t *testing.T) {
	done := &ir.Event{Name: "Done"}
	words := &ir.Target{Name: "words"}
	orphan := &ir.Target{Name: "orphan", Index: 1}
	byLen := &ir.Target{Name: "byLen", Index: 2}
	wordsB := &ir.Processor{Name: "Done", Builder: &ir.Builder{Provides: words},
		Init:  &ir.Case{Name: "Init", Index: -1, Kind: ast.CaseInit, Resolves: []*ir.Target{orphan}},
		Phase: &ir.Case{Name: "Phase", Index: -1, Kind: ast.CasePhase, Emits: []*ir.Event{done}, Resolves: []*ir.Target{byLen}}}
	words.Provider = wordsB
	lenB := &ir.Processor{Name: "ByLen", Index: 1,
		Builder: &ir.Builder{Provides: byLen, Requires: []*ir.Target{words, orphan}, Helper: &ir.Helper{Kind: ir.HelperKind(99)}},
		Cases: []*ir.Case{
			{Name: "Words", Kind: ast.CaseBuilt, Target: words},
			{Name: "Orphan", Index: 1, Kind: ast.CaseBuilt, Target: orphan},
		},
		Phase: &ir.Case{Name: "Phase", Index: -1, Kind: ast.CasePhase}}
	byLen.Provider = lenB
	words.Consumers = []*ir.Processor{lenB}
	printer := &ir.Processor{Name: "Printer", Index: 2,
		Cases: []*ir.Case{
			{Name: "Words", Kind: ast.CaseBuilt, Target: words},
			{Name: "Again", Index: 1, Kind: ast.CaseBuilt, Target: words, Resolves: []*ir.Target{words, byLen}},
			{Name: "Orphan", Index: 2, Kind: ast.CaseBuilt, Target: orphan},
			{Name: "ByLen", Index: 3, Kind: ast.CaseBuilt, Target: byLen},
			{Name: "Done", Index: 4, Event: done},
		}}
	pkg := &ir.Package{
		Name:       "p",
		Events:     []*ir.Event{done},
		Processors: []*ir.Processor{wordsB, lenB, printer},
		Targets:    []*ir.Target{byLen, orphan, words},
	}
	golden(t, filepath.Join(goldenDir, "builder-drawing.dot"), graph.Dot(pkg))
	golden(t, filepath.Join(goldenDir, "builder-drawing.mmd"), graph.Mermaid(pkg))
}

func load(t *testing.T, dir string) *ir.Package {
	t.Helper()
	pkg, diags, err := dsl.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if diags.HasErrors() {
		t.Fatalf("%s:\n%s", dir, diags.Text())
	}
	return pkg
}

// golden compares got with the file at path, or rewrites the file with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run go test -update if the change is intended); got:\n%s", path, got)
	}
}

// A block is the body of a fenced block of a Markdown page, as offsets.
type block struct{ start, end int }

// fencedBlocks returns the bodies of the fenced blocks of a Markdown page whose
// info string starts with the word info.
func fencedBlocks(md, info string) []block {
	var (
		blocks []block
		start  = -1 // of the current body; -1 outside a block
		keep   bool
		off    int
	)
	for line := range strings.Lines(md) {
		trimmed := strings.TrimSpace(line)
		switch {
		case start < 0 && strings.HasPrefix(trimmed, "```"):
			fields := strings.Fields(strings.TrimPrefix(trimmed, "```"))
			keep = len(fields) > 0 && fields[0] == info
			start = off + len(line)
		case start >= 0 && trimmed == "```":
			if keep {
				blocks = append(blocks, block{start, off})
			}
			start = -1
		}
		off += len(line)
	}
	return blocks
}
