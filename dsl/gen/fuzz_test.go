package gen_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/fwgo/fw/dsl"
	"github.com/fwgo/fw/dsl/gen"
)

// FuzzGenerate: whatever passes the checker generates valid, gofmt'ed Go (the
// generator formats its output and fails on code that does not parse), the same
// bytes every time, and nothing panics on the way.
func FuzzGenerate(f *testing.F) {
	for _, pattern := range []string{"../../testdata/examples/*/*.fw", "../../testdata/check/*.fw"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			if src, err := os.ReadFile(p); err == nil {
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
	})
}
