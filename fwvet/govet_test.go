package fwvet_test

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fwgo/fw/internal/cli"
)

// buildFwvet builds cmd/fwvet into a temporary directory.
func buildFwvet(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds cmd/fwvet and runs go vet")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	bin := filepath.Join(t.TempDir(), "fwvet")
	if out, err := exec.Command(gobin, "build", "-o", bin, "github.com/fwgo/fw/cmd/fwvet").CombinedOutput(); err != nil {
		t.Fatalf("go build cmd/fwvet: %v\n%s", err, out)
	}
	return bin
}

// goVet runs go vet -vettool=bin args in dir.
func goVet(t *testing.T, dir, bin string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command("go", append([]string{"vet", "-vettool=" + bin}, args...)...)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

// TestGoVetExamples runs fwvet as go vet's tool, as CI does, on every example
// of the repository: the applications and recipes of examples/, the
// generated packages and their tests, and fwnats' examples (a module of its
// own). None has a finding: each nondeterminism they have on purpose is
// annotated with its reason. It also checks that go vet -vettool reports the
// findings of fwvet's test handlers, with the chain, and fails.
func TestGoVetExamples(t *testing.T) {
	bin := buildFwvet(t)
	if out, err := goVet(t, "..", bin, "./examples/...", "./generated/..."); err != nil || out != "" {
		t.Errorf("go vet -vettool=fwvet ./examples/... ./generated/...: %v\n%s", err, out)
	}
	if out, err := goVet(t, "../fwnats", bin, "./..."); err != nil || out != "" {
		t.Errorf("(in fwnats) go vet -vettool=fwvet ./...: %v\n%s", err, out)
	}
	out, err := goVet(t, "..", bin, "./fwvet/testdata/handlers")
	want := "fwvet/testdata/handlers/billing.go:39:14: Billing.Init -> header -> stamp -> time.Now: wall-clock time in a handler breaks replay"
	if err == nil || !strings.Contains(out, want) {
		t.Errorf("go vet -vettool=fwvet ./fwvet/testdata/handlers: %v, want a failure with\n\t%s\ngot\n%s", err, want, out)
	}
}

// TestVetshopGenerated checks that testdata/vetshop is what fwgen generates
// from its .fw file (make generate regenerates it).
func TestVetshopGenerated(t *testing.T) {
	var stderr bytes.Buffer
	if code := cli.Main([]string{"generate", "-check", "testdata/vetshop"}, nil, &bytes.Buffer{}, &stderr); code != 0 {
		t.Errorf("fwgen generate -check testdata/vetshop: exit %d\n%s", code, stderr.String())
	}
}
