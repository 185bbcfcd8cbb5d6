package dsl_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl"
	"github.com/fwgo/fw/dsl/gen"
)

// TestDocExamples checks every ```fw block of the docs and the README: each must
// parse, check without errors and generate. (docs/tutorial.md's blocks are also
// built and run by internal/cli's TestTutorial.)
func TestDocExamples(t *testing.T) {
	paths, _ := filepath.Glob("../docs/*.md")
	paths = append(paths, "../README.md")
	n := 0
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for i, block := range fwBlocks(string(data)) {
			n++
			name := filepath.Base(path) + "#" + string(rune('1'+i)) + ".fw"
			pkg, diags := dsl.Load([]string{name}, [][]byte{[]byte(block)})
			if diags.HasErrors() {
				t.Errorf("%s: fw block %d:\n%s", path, i+1, diags.Text())
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

// fwBlocks returns the bodies of the fenced blocks whose info string starts with "fw".
func fwBlocks(md string) []string {
	var blocks []string
	var body strings.Builder
	inside, keep := false, false
	for line := range strings.Lines(md) {
		trimmed := strings.TrimSpace(line)
		switch {
		case !inside && strings.HasPrefix(trimmed, "```"):
			info := strings.Fields(strings.TrimPrefix(trimmed, "```"))
			inside, keep = true, len(info) > 0 && info[0] == "fw"
			body.Reset()
		case inside && trimmed == "```":
			inside = false
			if keep {
				blocks = append(blocks, body.String())
			}
		case inside:
			body.WriteString(line)
		}
	}
	return blocks
}
