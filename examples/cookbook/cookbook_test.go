// Package cookbook_test keeps docs/cookbook.md and the recipes under
// examples/cookbook in step: every ```fw or ```go block of the cookbook that
// names a file (file=dir/name) must be that file's text, verbatim, and each
// recipe's generated code must be what fwgen generates now.
package cookbook_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl"
	"github.com/fwgo/fw/dsl/gen"
)

type block struct{ file, body string }

func blocks(t *testing.T) []block {
	data, err := os.ReadFile("../../docs/cookbook.md")
	if err != nil {
		t.Fatal(err)
	}
	var bs []block
	var cur *block
	for line := range strings.Lines(string(data)) {
		trimmed := strings.TrimSpace(line)
		switch {
		case cur == nil && strings.HasPrefix(trimmed, "```"):
			cur = &block{}
			for _, attr := range strings.Fields(strings.TrimPrefix(trimmed, "```")) {
				if f, ok := strings.CutPrefix(attr, "file="); ok {
					cur.file = f
				}
			}
		case cur != nil && trimmed == "```":
			if cur.file != "" {
				bs = append(bs, *cur)
			}
			cur = nil
		case cur != nil:
			cur.body += line
		}
	}
	return bs
}

func TestCookbookVerbatim(t *testing.T) {
	bs := blocks(t)
	if len(bs) < 10 {
		t.Fatalf("only %d file blocks in docs/cookbook.md", len(bs))
	}
	for _, b := range bs {
		src, err := os.ReadFile(filepath.FromSlash(b.file))
		if err != nil {
			t.Errorf("cookbook block names %s: %v", b.file, err)
			continue
		}
		if !strings.Contains(string(src), b.body) {
			t.Errorf("the cookbook's block of %s is not in that file verbatim:\n%s", b.file, b.body)
		}
	}
}

func TestRecipesGenerated(t *testing.T) {
	dirs, _ := filepath.Glob("*/gen.go")
	if len(dirs) == 0 {
		t.Fatal("no recipes")
	}
	for _, g := range dirs {
		dir := filepath.Dir(g)
		pkg, diags, err := dsl.LoadDir(dir)
		if err != nil || len(diags) > 0 {
			t.Errorf("%s: %v\n%s", dir, err, diags.Text())
			continue
		}
		files, err := gen.Generate(pkg)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			have, err := os.ReadFile(filepath.Join(dir, f.Name))
			if err != nil || !bytes.Equal(have, f.Data) {
				t.Errorf("%s/%s is stale: run go generate ./examples/cookbook/...", dir, f.Name)
			}
		}
	}
}
