package gen_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl"
	"github.com/fwgo/fw/dsl/gen"
)

// TestCaseMethodOf checks that the method CaseMethodOf gives for each case
// (what fwgen lsp shows in hovers) is declared, as it says, in the code
// Generate writes for every example package: interface, signature and
// context type.
func TestCaseMethodOf(t *testing.T) {
	dirs, _ := filepath.Glob("../../testdata/examples/*")
	more, _ := filepath.Glob("../../examples/*")
	checked := 0
	for _, dir := range append(dirs, more...) {
		if fws, _ := filepath.Glob(filepath.Join(dir, "*.fw")); len(fws) == 0 {
			continue
		}
		pkg, diags, err := dsl.LoadDir(dir)
		if err != nil || pkg == nil {
			t.Fatalf("%s: %v\n%s", dir, err, diags.Text())
		}
		files, err := gen.Generate(pkg)
		if err != nil {
			t.Fatal(err)
		}
		var all strings.Builder
		for _, f := range files {
			all.Write(f.Data)
		}
		code := all.String()
		for _, p := range pkg.Processors {
			for _, c := range p.AllCases() {
				m, ok := gen.CaseMethodOf(pkg, p, c)
				if !ok {
					continue
				}
				checked++
				if !strings.Contains(code, "type "+m.Interface+" interface {") {
					t.Errorf("%s: case %s of %s: no interface %s in the generated code", dir, c.Name, p.Name, m.Interface)
				}
				if !strings.Contains(code, "\t"+m.Signature+"\n") {
					t.Errorf("%s: case %s of %s: no method %s in the generated code", dir, c.Name, p.Name, m.Signature)
				}
				if !strings.Contains(code, "type "+m.Context+" struct") {
					t.Errorf("%s: case %s of %s: no context type %s in the generated code", dir, c.Name, p.Name, m.Context)
				}
			}
		}
	}
	if checked < 50 {
		t.Errorf("only %d cases checked", checked)
	}
}
