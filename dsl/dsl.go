// Package dsl ties the stages of fwgen together: it reads the .fw files of a
// directory, parses and checks them, and returns the package's IR. The stages
// themselves live in the sub-packages: ast, parser, check, ir, gen and diag.
package dsl

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

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
func Load(names []string, srcs [][]byte) (*ir.Package, diag.List) {
	var (
		files []*ast.File
		diags diag.List
	)
	for i, name := range names {
		f, ds := parser.ParseFile(name, srcs[i])
		diags = append(diags, ds...)
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
