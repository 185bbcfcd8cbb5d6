package cli_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestEndToEnd uses fwgen the way a user does: in a module outside this one
// that pins it with a tool directive, through go generate, and then builds and
// runs the program. testdata/e2e/hello holds the module's sources.
func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a module with the go command")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	copyFile(t, filepath.Join(root, "testdata/e2e/hello/greeter.fw"), filepath.Join(dir, "greeter.fw"))
	copyFile(t, filepath.Join(root, "testdata/e2e/hello/main.go"), filepath.Join(dir, "main.go"))
	// go.sum from this module covers fw's dependencies, so the module cache is
	// enough; go mod tidy then completes go.mod (go tool insists on it).
	copyFile(t, filepath.Join(root, "go.sum"), filepath.Join(dir, "go.sum"))
	gomod := fmt.Sprintf(`module example.com/hello

go 1.26

require github.com/fwgo/fw v0.0.0

replace github.com/fwgo/fw => %s

tool github.com/fwgo/fw/cmd/fwgen
`, root)
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
		t.Fatal(err)
	}

	env := append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOTOOLCHAIN=local")
	run := func(name string, args ...string) string {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = dir, env
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("%s %s: %v\n%s%s", filepath.Base(name), strings.Join(args, " "), err, stdout.String(), stderr.String())
		}
		return stdout.String()
	}

	run(gobin, "mod", "tidy")
	run(gobin, "generate", "./...")
	for _, name := range []string{"greeter.fw.go", "fwpipeline.fw.go"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Fatalf("go generate did not write %s: %v", name, err)
		}
	}
	run(gobin, "tool", "fwgen", "generate", "-check")
	run(gobin, "vet", "./...")
	exe := filepath.Join(dir, "hello")
	if runtime.GOOS == "windows" {
		exe += ".exe"
	}
	run(gobin, "build", "-o", exe, ".")
	if got, want := run(exe), "Hello, world!\n"; got != want {
		t.Errorf("hello printed %q, want %q", got, want)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
