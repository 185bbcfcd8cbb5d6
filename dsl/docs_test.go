package dsl_test

import (
	"iter"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/gen"
)

// docs yields the path and the text of every page of docs/ and of the README.
func docs(t *testing.T) iter.Seq2[string, []byte] {
	paths, _ := filepath.Glob("../docs/*.md")
	paths = append(paths, "../README.md")
	return func(yield func(string, []byte) bool) {
		for _, path := range paths {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !yield(path, data) {
				return
			}
		}
	}
}

// TestDocExamples checks every ```fw block of the docs and the README. A plain
// ```fw block must parse, check without errors and generate; in the files of
// strictDocs, without warnings either. A block marked ```fw lint=RULE is an
// example of that rule: it must report RULE, and nothing else. A line
// `// file: name.fw` in a block starts another file of the same package.
// (docs/tutorial.md's blocks are also built and run by internal/cli's
// TestTutorial.)
func TestDocExamples(t *testing.T) {
	n := 0
	for path, data := range docs(t) {
		for i, block := range fwBlocks(string(data)) {
			n++
			name := filepath.Base(path) + "#" + strconv.Itoa(i+1) + ".fw"
			names, srcs := splitFiles(name, block.body)
			pkg, diags := dsl.Load(names, srcs)
			if block.rule != "" {
				checkLintExample(t, name, block.rule, diags)
				continue
			}
			if diags.HasErrors() || len(diags) > 0 && strictDocs[filepath.Base(path)] {
				t.Errorf("%s: fw block %d must be clean:\n%s", path, i+1, diags.Text())
				continue
			}
			if _, err := gen.Generate(pkg); err != nil {
				t.Errorf("%s: fw block %d: generate: %v", path, i+1, err)
			}
		}
	}
	if n == 0 {
		t.Fatal("no fw blocks found in the docs")
	}
}

// strictDocs are the docs whose plain fw blocks must not even have warnings.
var strictDocs = map[string]bool{"lint.md": true}

// checkLintExample requires diags to be one or more diagnostics of rule.
func checkLintExample(t *testing.T, name, rule string, diags diag.List) {
	t.Helper()
	found := false
	for _, d := range diags {
		if d.Rule != rule {
			t.Errorf("%s: example of %s also reports:\n%s", name, rule, d.Format())
		}
		found = found || d.Rule == rule
	}
	if !found {
		t.Errorf("%s: example of %s does not report it; got:\n%s", name, rule, diags.Text())
	}
}

// fwBlock is a fenced ```fw block: its body, and the rule of `lint=RULE`.
type fwBlock struct {
	body string
	rule string
}

// fwBlocks returns the fenced blocks whose info string starts with "fw".
func fwBlocks(md string) []fwBlock {
	var blocks []fwBlock
	var body strings.Builder
	var cur fwBlock
	inside, keep := false, false
	for line := range strings.Lines(md) {
		trimmed := strings.TrimSpace(line)
		switch {
		case !inside && strings.HasPrefix(trimmed, "```"):
			info := strings.Fields(strings.TrimPrefix(trimmed, "```"))
			inside, keep = true, len(info) > 0 && info[0] == "fw"
			cur = fwBlock{}
			for _, attr := range info[min(1, len(info)):] {
				if rule, ok := strings.CutPrefix(attr, "lint="); ok {
					cur.rule = rule
				}
			}
			body.Reset()
		case inside && trimmed == "```":
			inside = false
			if keep {
				cur.body = body.String()
				blocks = append(blocks, cur)
			}
		case inside:
			body.WriteString(line)
		}
	}
	return blocks
}

// splitFiles splits a block at its `// file: name` lines.
func splitFiles(name, block string) ([]string, [][]byte) {
	names := []string{name}
	srcs := [][]byte{nil}
	for line := range strings.Lines(block) {
		if f, ok := strings.CutPrefix(strings.TrimSpace(line), "// file: "); ok {
			names = append(names, f)
			srcs = append(srcs, nil)
			continue
		}
		srcs[len(srcs)-1] = append(srcs[len(srcs)-1], line...)
	}
	return names, srcs
}

// TestDocFileBlocks checks the code blocks of the docs and the README that
// show a file of the repository: a block marked ```go file=PATH or
// ```fw file=PATH must be in that file verbatim (so it is compiled, and run
// where the file is a test or an example, by go test), and every ```go block
// must name its file.
func TestDocFileBlocks(t *testing.T) {
	n := 0
	for path, data := range docs(t) {
		var lang, file string
		var body strings.Builder
		inside := false
		for i, line := range strings.Split(string(data), "\n") {
			trimmed := strings.TrimSpace(line)
			switch {
			case !inside && strings.HasPrefix(trimmed, "```"):
				info := strings.Fields(strings.TrimPrefix(trimmed, "```"))
				inside, lang, file = true, "", ""
				if len(info) > 0 {
					lang = info[0]
				}
				for _, attr := range info[min(1, len(info)):] {
					if f, ok := strings.CutPrefix(attr, "file="); ok {
						file = f
					}
				}
				if lang == "go" && file == "" {
					t.Errorf("%s:%d: a go block must name the file it comes from (```go file=PATH)", path, i+1)
				}
				body.Reset()
			case inside && trimmed == "```":
				inside = false
				if file == "" {
					continue
				}
				if filepath.Base(path) == "tutorial.md" {
					continue // files of the tutorial's scratch module: TestTutorial builds and runs them
				}
				n++
				src, err := os.ReadFile(filepath.Join("..", filepath.FromSlash(file)))
				if err != nil {
					t.Errorf("%s: block before line %d names %s: %v", path, i+1, file, err)
				} else if !containsIndented(string(src), body.String()) {
					t.Errorf("%s: the block before line %d is not in %s verbatim:\n%s", path, i+1, file, body.String())
				}
			case inside:
				body.WriteString(line + "\n")
			}
		}
	}
	if n < 15 {
		t.Errorf("only %d file blocks in the docs", n)
	}
}

// containsIndented reports whether src contains block, as it is or with each
// non-empty line indented by one or two tabs (a block may show the body of a
// function).
func containsIndented(src, block string) bool {
	for _, indent := range []string{"", "\t", "\t\t"} {
		var b strings.Builder
		for _, line := range strings.SplitAfter(block, "\n") {
			if strings.TrimSpace(line) != "" {
				b.WriteString(indent)
			}
			b.WriteString(line)
		}
		if strings.Contains(src, b.String()) {
			return true
		}
	}
	return false
}
