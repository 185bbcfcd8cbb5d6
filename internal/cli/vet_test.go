package cli_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/fwgo/fw/internal/cli"
)

// fwgenVet runs "fwgen vet -C <repository root> args..." in process.
func fwgenVet(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code = cli.Main(append([]string{"vet", "-C", root}, args...), nil, &out, &errb)
	return code, out.String(), errb.String()
}

// TestVet runs fwgen vet on fwvet's test handlers: exit status 1, one line
// per finding, positioned relative to the directory, in file order, with the
// handler and the chain; and as JSON, findings of every category.
func TestVet(t *testing.T) {
	if testing.Short() {
		t.Skip("loads packages with the go command")
	}
	code, stdout, stderr := fwgenVet(t, "./fwvet/testdata/handlers")
	if code != cli.ExitError || stderr != "" {
		t.Fatalf("exit %d, stderr %q; want 1 and nothing", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	for _, want := range []string{
		"fwvet/testdata/handlers/billing.go:39:14: Billing.Init -> header -> stamp -> time.Now: wall-clock time in a handler breaks replay: a replay or a cache hit sees another time",
		"fwvet/testdata/handlers/builders.go:42:12: upperCase.OnLines (Upper) -> prefix -> os.Getenv: a handler that reads the environment, files or the network outside a source builder (the declared inputs) can see other data on a replay or a cache hit",
	} {
		if !slices.Contains(lines, want) {
			t.Errorf("missing finding\n\t%s\nin\n%s", want, stdout)
		}
	}
	if len(lines) != 28 {
		t.Errorf("%d findings, want 28 (the want comments of fwvet/testdata/handlers):\n%s", len(lines), stdout)
	}

	code, stdout, _ = fwgenVet(t, "-format", "json", "./fwvet/testdata/handlers")
	var findings []struct {
		File, Category, Message string
		Line, Col               int
		EndLine                 int `json:"end_line"`
	}
	if err := json.Unmarshal([]byte(stdout), &findings); err != nil || code != cli.ExitError {
		t.Fatalf("exit %d, json %v:\n%s", code, err, stdout)
	}
	if !strings.Contains(stdout, `"message": "Billing.Init -> header -> stamp -> time.Now: `) {
		t.Errorf("json output without the first finding's message, unescaped:\n%s", stdout)
	}
	cats := map[string]bool{}
	for _, f := range findings {
		cats[f.Category] = true
		if f.Line == 0 || f.Col == 0 || f.EndLine < f.Line || !strings.HasPrefix(f.File, "fwvet/testdata/handlers/") {
			t.Errorf("bad position: %+v", f)
		}
	}
	for _, c := range []string{"time", "rand", "map", "goroutine", "global", "env", "directive"} {
		if !cats[c] {
			t.Errorf("no finding of category %s", c)
		}
	}
}

// TestVetHandlers checks the handler methods fwvet finds: a generated
// package's handlers implemented in another package (greeter, handlers) or in
// the generated package itself (indexer), under the processor's name or
// another, with source builders, partitioned processors (whose Handlers fields
// are factories of their interface), and none in a package without any (dsl).
func TestVetHandlers(t *testing.T) {
	if testing.Short() {
		t.Skip("loads packages with the go command")
	}
	code, stdout, stderr := fwgenVet(t, "-handlers", "./examples/greeter", "./examples/indexer/index", "./fwvet/testdata/handlers", "./dsl", "./generated/partition")
	want := "github.com/fwgo/fw/examples/greeter: Greeter.OnStart, Greeter.OnGreet\n" +
		"github.com/fwgo/fw/examples/indexer/index: files.Build [source], tokenizer.OnFiles (Tokenize), packages.OnByPkg, " +
		"summarize.OnAllPkgs, report.Init, report.OnSummary, report.Terminate\n" +
		"github.com/fwgo/fw/fwvet/testdata/handlers: Billing.Init, Billing.OnOrder, Billing.OnTagged, Billing.Phase, " +
		"Lines.Build [source], upperCase.OnLines (Upper), printer.OnUpper, Sink.OnInvoice, Sink.OnNote, Clocked.OnUpper (Printer)\n" +
		// partitioned processors: their Handlers fields are factories of the handler interface
		"github.com/fwgo/fw/generated/partition_test: billing.OnOrder, match.OnOrder, match.OnRefund, trail.OnAny, " +
		"invoices.OnInvoice, report.OnByCustomer, report.OnCredit, report.OnFailed, matchChanged.OnRefund (Match)\n"
	if code != cli.ExitOK || stdout != want || stderr != "" {
		t.Errorf("exit %d, stderr %q, stdout\n%s\nwant\n%s", code, stderr, stdout, want)
	}
}

// TestVetErrors: a package that does not load, and a bad flag, exit with 2.
func TestVetErrors(t *testing.T) {
	if testing.Short() {
		t.Skip("loads packages with the go command")
	}
	if code, _, stderr := fwgenVet(t, "./no/such/dir"); code != cli.ExitUsage || !strings.Contains(stderr, "fwgen vet: ") {
		t.Errorf("missing package: exit %d, stderr %q", code, stderr)
	}
	if code, _, stderr := fwgenVet(t, "-format", "xml", "."); code != cli.ExitUsage || !strings.Contains(stderr, `unknown -format "xml"`) {
		t.Errorf("bad format: exit %d, stderr %q", code, stderr)
	}
}

// TestVetDocs runs each "$ fwgen vet ..." of docs/vet.md (a ```text block
// whose first line is the command) and compares the output with the rest of
// the block.
func TestVetDocs(t *testing.T) {
	if testing.Short() {
		t.Skip("loads packages with the go command")
	}
	data, err := os.ReadFile("../../docs/vet.md")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, block := range strings.Split(string(data), "```text\n")[1:] {
		body, _, _ := strings.Cut(block, "```")
		cmd, want, _ := strings.Cut(body, "\n")
		args, ok := strings.CutPrefix(cmd, "$ fwgen vet ")
		if !ok {
			continue
		}
		n++
		code, stdout, stderr := fwgenVet(t, strings.Fields(args)...)
		if stdout != want || stderr != "" {
			t.Errorf("%s: exit %d, stderr %q, output\n%s\nwant (docs/vet.md)\n%s", cmd, code, stderr, stdout, want)
		}
	}
	if n == 0 {
		t.Error("no $ fwgen vet block in docs/vet.md")
	}
}
