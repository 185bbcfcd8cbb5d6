// Package dsl ties the stages of fwgen together: it reads the .fw files of a
// directory, parses and checks them, and returns the package's IR. The stages
// themselves live in the sub-packages: ast, parser, check, ir, gen and diag.
package dsl

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/check"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/ir"
	"github.com/fwgo/fw/dsl/parser"
)

// Ext is the extension of source files.
const Ext = ".fw"

// SourceFiles returns the paths of the .fw files directly in dir, sorted.
func SourceFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), Ext) {
			paths = append(paths, filepath.Join(dir, e.Name()))
		}
	}
	slices.Sort(paths)
	return paths, nil
}

// LoadDir parses and checks every .fw file of dir as one package. Diagnostics
// carry the paths as dir-joined names. The package is nil when any diagnostic is
// an error; err is set only for I/O failures or a directory without .fw files.
func LoadDir(dir string) (*ir.Package, diag.List, error) {
	paths, err := SourceFiles(dir)
	if err != nil {
		return nil, nil, err
	}
	if len(paths) == 0 {
		return nil, nil, fmt.Errorf("no %s files in %s", Ext, dir)
	}
	srcs := make([][]byte, len(paths))
	for i, p := range paths {
		if srcs[i], err = os.ReadFile(p); err != nil {
			return nil, nil, err
		}
	}
	pkg, diags := Load(paths, srcs)
	return pkg, diags, nil
}

// Load parses and checks the given sources (names and contents) as one package.
// The files are parsed in parallel; the result does not depend on it.
func Load(names []string, srcs [][]byte) (*ir.Package, diag.List) {
	parsed, parseDiags := parseFiles(names, srcs)
	var (
		files []*ast.File
		diags diag.List
	)
	for i, f := range parsed {
		diags = append(diags, parseDiags[i]...)
		if f != nil {
			files = append(files, f)
		}
	}
	if diags.HasErrors() {
		// Checking without the declarations of a file that did not parse would
		// report names it declares as unknown: report the syntax errors alone.
		return nil, diags.Sort()
	}
	pkg, more := check.Check(files)
	diags = append(diags, more...).Sort()
	if diags.HasErrors() {
		return nil, diags
	}
	return pkg, diags
}

// parseFiles parses the sources on up to GOMAXPROCS goroutines. It returns
// the files and the diagnostics of each source, in the order of the sources.
func parseFiles(names []string, srcs [][]byte) ([]*ast.File, []diag.List) {
	files := make([]*ast.File, len(names))
	diags := make([]diag.List, len(names))
	var (
		next atomic.Int64 // the next source to parse
		wg   sync.WaitGroup
	)
	for range min(runtime.GOMAXPROCS(0), len(names)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(names) {
					return
				}
				files[i], diags[i] = parser.ParseFile(names[i], srcs[i])
			}
		})
	}
	wg.Wait()
	return files, diags
}
