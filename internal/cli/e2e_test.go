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

// TestTutorial uses fwgen the way a user does, following docs/tutorial.md: in a
// module outside this one that pins it with a tool directive, through go
// generate; then it builds and runs the program and compares its output with
// the tutorial's, and checks the tutorial's diagnostic for a misspelt event.
// The module's sources are the tutorial's code blocks marked `file=NAME`.
func TestTutorial(t *testing.T) {
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
	tut := readTutorial(t, filepath.Join(root, "docs/tutorial.md"))
	dir := t.TempDir()
	for name, body := range tut.files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
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
	exec := func(name string, args ...string) (string, string, error) {
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = dir, env
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		return stdout.String(), stderr.String(), err
	}
	run := func(name string, args ...string) string {
		t.Helper()
		stdout, stderr, err := exec(name, args...)
		if err != nil {
			t.Fatalf("%s %s: %v\n%s%s", filepath.Base(name), strings.Join(args, " "), err, stdout, stderr)
		}
		return stdout
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
	if got := run(exe); got != tut.output {
		t.Errorf("hello printed %q, want the tutorial's %q", got, tut.output)
	}
	// Step 5: the handler test of main_test.go passes.
	if _, ok := tut.files["main_test.go"]; !ok {
		t.Error("the tutorial has no main_test.go block")
	}
	run(gobin, "test", "./...")

	// Step 6: the misspelt event stops go generate with the tutorial's diagnostic.
	src := tut.files["greeter.fw"]
	bad := strings.Replace(src, "on Start{who}", "on Strat{who}", 1)
	if bad == src {
		t.Fatal("tutorial's greeter.fw has no `on Start{who}` to misspell")
	}
	if err := os.WriteFile(filepath.Join(dir, "greeter.fw"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, err := exec(gobin, "generate", "./...")
	if err == nil {
		t.Fatal("go generate succeeded on a misspelt event")
	}
	if !strings.Contains(stderr, tut.diagnostics) {
		t.Errorf("go generate printed\n%s\nwant it to contain the tutorial's\n%s", stderr, tut.diagnostics)
	}
}

type tutorial struct {
	files       map[string]string // code blocks marked file=NAME
	output      string            // the block marked `text output`
	diagnostics string            // the block marked `text diagnostics`
}

// readTutorial extracts the fenced code blocks of a Markdown file by their info
// strings.
func readTutorial(t *testing.T, path string) tutorial {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tut := tutorial{files: map[string]string{}}
	var (
		info   string
		body   strings.Builder
		inside bool
	)
	for line := range strings.Lines(string(data)) {
		trimmed := strings.TrimSpace(line)
		switch {
		case !inside && strings.HasPrefix(trimmed, "```"):
			inside, info = true, strings.TrimPrefix(trimmed, "```")
			body.Reset()
		case inside && trimmed == "```":
			inside = false
			fields := strings.Fields(info)
			for _, f := range fields {
				if name, ok := strings.CutPrefix(f, "file="); ok {
					tut.files[name] = body.String()
				}
			}
			if len(fields) == 2 && fields[0] == "text" {
				switch fields[1] {
				case "output":
					tut.output = body.String()
				case "diagnostics":
					tut.diagnostics = body.String()
				}
			}
		case inside:
			body.WriteString(line)
		}
	}
	if len(tut.files) == 0 || tut.output == "" || tut.diagnostics == "" {
		t.Fatalf("%s: missing file=, output or diagnostics blocks", path)
	}
	return tut
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
