package cli_test

import (
	"bytes"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestTutorial uses fwgen the way a user does, following docs/tutorial.md in a
// module outside this one: it runs the tutorial's shell commands as written
// (step 1 makes the module and pins fwgen with go mod edit and go mod tidy,
// step 4 generates and runs the program, step 6 tests a package of
// structured events), with /path/to/fw standing for this
// checkout, compares the program's output with the tutorial's, and checks the
// tutorial's diagnostic for a misspelt event. The module's sources are the
// tutorial's code blocks marked `file=NAME`, written after step 1. The go
// commands get the module cache as their proxy (GOPROXY=file://...), so they
// use no network; the README's recipe must be the tutorial's.
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
	if len(tut.commands) != 4 {
		t.Fatalf("docs/tutorial.md has %d sh blocks, want 4 (steps 1, 4, 5 and 6)", len(tut.commands))
	}
	checkReadmeRecipe(t, filepath.Join(root, "README.md"), tut.commands[0])

	modcache, err := exec.Command(gobin, "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatalf("go env GOMODCACHE: %v", err)
	}
	proxy := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(strings.TrimSpace(string(modcache)), "cache", "download"))}).String()
	env := append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOTOOLCHAIN=local", "GOPROXY="+proxy, "GOSUMDB=off")
	dir := t.TempDir()
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
	// shell runs the lines of an sh block as written: `mkdir D`, `cd D` and go
	// commands, joined by && or one a line. It returns their standard output.
	shell := func(block string) string {
		t.Helper()
		var out strings.Builder
		for line := range strings.Lines(block) {
			for cmd := range strings.SplitSeq(line, "&&") {
				args := strings.Fields(strings.ReplaceAll(cmd, "/path/to/fw", root))
				switch {
				case len(args) == 0:
				case args[0] == "mkdir" && len(args) == 2:
					if err := os.Mkdir(filepath.Join(dir, args[1]), 0o755); err != nil {
						t.Fatal(err)
					}
				case args[0] == "cd" && len(args) == 2:
					dir = filepath.Join(dir, args[1])
				case args[0] == "go":
					out.WriteString(run(gobin, args[1:]...))
				default:
					t.Fatalf("tutorial command %q: the test runs only mkdir, cd and go", strings.TrimSpace(cmd))
				}
			}
		}
		return out.String()
	}

	// Step 1: the module, with fwgen as a tool from this checkout.
	shell(tut.commands[0])
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
		t.Fatalf("step 1 made no go.mod in %s: %v", dir, err)
	}
	if got := run(gobin, "list", "-m", "-f", "{{.Path}} {{.Version}} => {{.Replace.Dir}}", "github.com/fwgo/fw"); strings.TrimSpace(got) != "github.com/fwgo/fw v0.0.0 => "+root {
		t.Errorf("after step 1, go list -m github.com/fwgo/fw = %q, want the replacement by %s", got, root)
	}
	// Steps 2, 3 and 6: the sources (step 6's in package orders).
	for name, body := range tut.files {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Step 4: generate, tidy and run.
	if got := shell(tut.commands[1]); got != tut.output {
		t.Errorf("step 4 printed %q, want the tutorial's %q", got, tut.output)
	}
	for _, name := range []string{"greeter.fw.go", "fwpipeline.fw.go"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Fatalf("go generate did not write %s: %v", name, err)
		}
	}
	run(gobin, "tool", "fwgen", "generate", "-check")
	run(gobin, "vet", "./...")
	run(gobin, "mod", "tidy", "-diff") // the tutorial's steps leave go.mod tidy
	// Step 5: the handler test of main_test.go passes, run as the tutorial says.
	if _, ok := tut.files["main_test.go"]; !ok {
		t.Error("the tutorial has no main_test.go block")
	}
	if !strings.Contains(tut.commands[2], "go test") {
		t.Fatalf("the tutorial's third sh block is not step 5's go test: %q", tut.commands[2])
	}
	shell(tut.commands[2])

	// Step 6: events with structure, package orders; its example test
	// compares the output with the tutorial's.
	for _, name := range []string{"orders/orders.fw", "orders/billing.go", "orders/orders_test.go"} {
		if _, ok := tut.files[name]; !ok {
			t.Errorf("the tutorial has no %s block", name)
		}
	}
	if !strings.Contains(tut.commands[3], "go test ./orders") {
		t.Fatalf("the tutorial's fourth sh block is not step 6's go test ./orders: %q", tut.commands[3])
	}
	if got := shell(tut.commands[3]); !strings.Contains(got, "ok") {
		t.Errorf("step 6's go test printed %q", got)
	}

	// Step 7: the misspelt event stops go generate with the tutorial's diagnostic.
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

// checkReadmeRecipe requires the README's "Using fwgen from your module" to
// show the go mod commands of the tutorial's step 1, as they are there.
func checkReadmeRecipe(t *testing.T, readme, step1 string) {
	t.Helper()
	data, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	_, section, _ := strings.Cut(string(data), "## Using fwgen from your module")
	section, _, _ = strings.Cut(section, "\n## ")
	n := 0
	for line := range strings.Lines(step1) {
		if strings.HasPrefix(line, "go mod edit ") || line == "go mod tidy\n" {
			n++
			if !strings.Contains(section, "\n"+line) {
				t.Errorf("README.md's \"Using fwgen from your module\" lacks the tutorial's\n%s", line)
			}
		}
	}
	if n != 2 {
		t.Errorf("the tutorial's step 1 has %d of go mod edit and go mod tidy, want both:\n%s", n, step1)
	}
}

type tutorial struct {
	commands    []string          // the ```sh blocks, in order
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
			if len(fields) == 1 && fields[0] == "sh" {
				tut.commands = append(tut.commands, body.String())
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
