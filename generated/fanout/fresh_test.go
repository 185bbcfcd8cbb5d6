package fanout

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/fwgo/fw/dsl"
	"github.com/fwgo/fw/dsl/gen"
)

var update = flag.Bool("update", false, "rewrite the generated code of package fanout")

// TestFresh keeps this package's generated code in step with the generator, as
// generated_test.go does for the examples. Its source, testdata/fanout.fw, is
// kept out of testdata/examples: 1,000 processors are a benchmark, not an
// example to draw, lint or fuzz from.
func TestFresh(t *testing.T) {
	pkg, diags, err := dsl.LoadDir("testdata")
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
		if *update {
			if err := os.WriteFile(f.Name, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if got, err := os.ReadFile(f.Name); err != nil || !bytes.Equal(got, f.Data) {
			t.Errorf("%s: stale or missing (go test -run TestFresh -update): %v", f.Name, err)
		}
	}
	outputs, _ := filepath.Glob("*.fw.go")
	for _, path := range outputs {
		if !want[path] {
			t.Errorf("%s: no longer generated", path)
		}
	}
}
