package generated_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoEngineImports: generated code, its tests and the examples reach the
// engine only through the generated-code contract (runtime/fwimpl) and the
// user API (runtime/fw); none imports runtime/internal/engine, whose names
// may change at any time.
func TestNoEngineImports(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	const engine = "github.com/fwgo/fw/runtime/internal/engine"
	out, err := exec.Command(gobin, "list", "-test",
		"-f", "{{.ImportPath}}: {{join .Imports \" \"}} {{join .TestImports \" \"}} {{join .XTestImports \" \"}}",
		"../generated/...", "../examples/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 10 {
		t.Fatalf("go list listed %d packages:\n%s", len(lines), out)
	}
	fwimpl := 0
	for _, l := range lines {
		pkg, imports, _ := strings.Cut(l, ": ")
		for _, imp := range strings.Fields(imports) {
			switch {
			case imp == engine || strings.HasPrefix(imp, engine+"/"):
				t.Errorf("%s imports %s", pkg, imp)
			case imp == "github.com/fwgo/fw/runtime/fwimpl":
				fwimpl++
			}
		}
	}
	if fwimpl == 0 {
		t.Fatalf("no package imports runtime/fwimpl: go list output\n%s", out)
	}
}
