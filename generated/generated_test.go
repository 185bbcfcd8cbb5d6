// Package generated_test keeps the committed generated code of the examples in
// step with the generator: it fails when a file under generated/ is stale,
// unformatted, not marked as generated, or not vet-clean.
package generated_test

import (
	"bytes"
	"flag"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl"
	"github.com/fwgo/fw/dsl/gen"
)

var update = flag.Bool("update", false, "rewrite the generated code under generated/")

// sources maps each generated package (a directory of generated/) to its .fw
// source, by the convention that make generate follows: each directory
// testdata/examples/<name> (examples and benchmark packages alike) generates
// generated/<name>; and the applications and recipes under examples/, whose
// generated code sits next to their .fw files, as a user's package does with
// go generate (keys are those directories), and so do the examples of the
// fwnats module (fwnats/examples).
func sources(t *testing.T) map[string]string {
	t.Helper()
	dirs, err := filepath.Glob("../testdata/examples/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	src := map[string]string{}
	for _, d := range dirs {
		src[filepath.Base(d)] = d
	}
	apps, _ := filepath.Glob("../examples/*/*.fw")
	recipes, _ := filepath.Glob("../examples/*/*/*.fw")
	modules, _ := filepath.Glob("../fwnats/examples/*/*.fw") // in the fwnats module
	for _, f := range append(append(apps, recipes...), modules...) {
		src[filepath.Dir(f)] = filepath.Dir(f)
	}
	return src
}

// TestEveryPackageHasASource checks the convention the other way: every
// package under generated/ has its source in testdata/examples.
func TestEveryPackageHasASource(t *testing.T) {
	src := sources(t)
	dirs, _ := filepath.Glob("*/*.fw.go")
	for _, d := range dirs {
		if name := filepath.Dir(d); src[name] == "" {
			t.Errorf("generated/%s has no source testdata/examples/%s", name, name)
		}
	}
}

func TestGeneratedFresh(t *testing.T) {
	for name, dir := range sources(t) {
		t.Run(name, func(t *testing.T) {
			pkg, diags, err := dsl.LoadDir(dir)
			if err != nil || diags.HasErrors() {
				t.Fatalf("load: %v\n%s", err, diags.Text())
			}
			files, err := gen.Generate(pkg)
			if err != nil {
				t.Fatal(err)
			}
			again, _ := gen.Generate(pkg)
			want := map[string]bool{}
			for i, f := range files {
				want[f.Name] = true
				if !bytes.Equal(f.Data, again[i].Data) {
					t.Errorf("%s: generation is not deterministic", f.Name)
				}
				path := filepath.Join(name, f.Name)
				if *update {
					if err := os.MkdirAll(name, 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, f.Data, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				got, err := os.ReadFile(path)
				if err != nil {
					t.Errorf("%s: missing (run make generate): %v", path, err)
				} else if !bytes.Equal(got, f.Data) {
					t.Errorf("%s: stale (run make generate)", path)
				}
			}
			outputs, _ := filepath.Glob(filepath.Join(name, "*.fw.go"))
			for _, path := range outputs {
				if !want[filepath.Base(path)] {
					if *update {
						os.Remove(path)
						continue
					}
					t.Errorf("%s: no longer generated (run make generate)", path)
				}
			}
		})
	}
}

func TestGeneratedFormattedAndMarked(t *testing.T) {
	paths, _ := filepath.Glob("*/*.fw.go")
	if len(paths) == 0 {
		t.Fatal("no generated files")
	}
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		formatted, err := format.Source(src)
		if err != nil {
			t.Errorf("%s: %v", path, err)
		} else if !bytes.Equal(formatted, src) {
			t.Errorf("%s: not gofmt'ed", path)
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, src, parser.ParseComments|parser.PackageClauseOnly)
		if err != nil {
			t.Fatal(err)
		}
		if !ast.IsGenerated(f) {
			t.Errorf("%s: go/ast.IsGenerated does not see the header", path)
		}
	}
}

func TestGeneratedVet(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go vet")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command(gobin, "vet", "./...").CombinedOutput()
	if err != nil {
		t.Fatalf("go vet ./generated/...: %v\n%s", err, out)
	}
	if s := strings.TrimSpace(string(out)); s != "" {
		t.Fatalf("go vet printed:\n%s", s)
	}
}
