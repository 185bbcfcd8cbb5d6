package gen_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/fwgo/fw/dsl"
	"github.com/fwgo/fw/dsl/gen"
	"github.com/fwgo/fw/dsl/ir"
	"github.com/fwgo/fw/internal/testenv"
)

// FuzzGenerate: whatever passes the checker generates valid, gofmt'ed Go (the
// generator formats its output and fails on code that does not parse), the same
// bytes every time, and nothing panics on the way.
func FuzzGenerate(f *testing.F) {
	for _, pattern := range []string{"../../testdata/examples/*/*.fw", "../../testdata/check/*.fw"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			if src, err := os.ReadFile(p); err == nil && !testenv.SkipLarge(len(src)) {
				f.Add(src)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		pkg, diags := dsl.Load([]string{"f.fw"}, [][]byte{src})
		if pkg == nil {
			if !diags.HasErrors() {
				t.Fatal("no package and no error")
			}
			return
		}
		files, err := gen.Generate(pkg)
		if err != nil {
			t.Fatalf("checked package does not generate: %v\n%s", err, src)
		}
		again, _ := gen.Generate(pkg)
		for i := range files {
			if !bytes.Equal(files[i].Data, again[i].Data) {
				t.Fatalf("%s differs between two runs", files[i].Name)
			}
		}
		// The checker's name-collision rule and the generator share ir's
		// table of generated names: no two declarations get one Go name.
		seen := map[string]string{}
		for _, n := range ir.Names(pkg) {
			k := n.Recv + "." + n.Name
			if prev, ok := seen[k]; ok {
				t.Fatalf("%s and %s both generate %s, and the checker let it pass:\n%s", prev, n.Of, n.Name, src)
			}
			seen[k] = n.Of
		}
	})
}
