package generated_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"testing"

	"github.com/fwgo/fw/dsl"
	"github.com/fwgo/fw/dsl/ir"
)

// TestNamesTable checks ir's table of generated names (ir.Names) against the
// committed generated code of every package: a generated file may declare no
// exported package-level name, and no exported method of an exported type,
// that the table does not know (the checker's name-collision rule would not
// see it), and every name of the table is declared.
func TestNamesTable(t *testing.T) {
	for name, dir := range sources(t) {
		t.Run(name, func(t *testing.T) {
			pkg, diags, err := dsl.LoadDir(dir)
			if err != nil || diags.HasErrors() {
				t.Fatalf("load: %v\n%s", err, diags.Text())
			}
			table := map[string]ir.GoName{}
			for _, n := range ir.Names(pkg) {
				k := nameKey(n.Recv, n.Name)
				if prev, ok := table[k]; ok {
					t.Errorf("the table has %s twice: %s and %s", k, prev.Of, n.Of)
				}
				table[k] = n
			}
			paths, _ := filepath.Glob(filepath.Join(name, "*.fw.go"))
			if len(paths) == 0 {
				t.Fatal("no generated files")
			}
			declared := map[string]string{} // key → file
			for _, path := range paths {
				for _, k := range exportedNames(t, path) {
					if prev, ok := declared[k]; ok {
						t.Errorf("%s declared in %s and %s", k, prev, path)
					}
					declared[k] = path
					if _, ok := table[k]; !ok {
						t.Errorf("%s: declares %s, which ir.Names does not list", path, k)
					}
				}
			}
			var missing []string
			for k := range table {
				if _, ok := declared[k]; !ok {
					missing = append(missing, k)
				}
			}
			slices.Sort(missing)
			for _, k := range missing {
				t.Errorf("ir.Names lists %s (%s), which no generated file declares", k, table[k].Of)
			}
		})
	}
}

func nameKey(recv, name string) string {
	if recv == "" {
		return name
	}
	return recv + "." + name
}

// exportedNames returns the exported package-level names that the file at
// path declares and, as Recv.Name, the exported methods of exported types.
func exportedNames(t *testing.T, path string) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if !d.Name.IsExported() {
				continue
			}
			if d.Recv == nil {
				out = append(out, d.Name.Name)
				continue
			}
			typ := d.Recv.List[0].Type
			if star, ok := typ.(*ast.StarExpr); ok {
				typ = star.X
			}
			if id, ok := typ.(*ast.Ident); ok && id.IsExported() {
				out = append(out, nameKey(id.Name, d.Name.Name))
			} else if !ok {
				t.Errorf("%s: method %s has a receiver of an unexpected form", path, d.Name.Name)
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					if s.Name.IsExported() {
						out = append(out, s.Name.Name)
					}
				case *ast.ValueSpec:
					for _, n := range s.Names {
						if n.IsExported() {
							out = append(out, n.Name)
						}
					}
				}
			}
		}
	}
	return out
}
