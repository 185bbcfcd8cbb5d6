package cli_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/fwgo/fw/dsl"
	"github.com/fwgo/fw/dsl/format"
	"github.com/fwgo/fw/internal/lsp/lsptest"
)

// The LSP shapes the test reads.
type (
	lspPos struct {
		Line      int `json:"line"`
		Character int `json:"character"`
	}
	lspRange struct {
		Start lspPos `json:"start"`
		End   lspPos `json:"end"`
	}
	lspLocation struct {
		URI   string   `json:"uri"`
		Range lspRange `json:"range"`
	}
	lspEdit struct {
		Range   lspRange `json:"range"`
		NewText string   `json:"newText"`
	}
)

// posIn returns the LSP position (UTF-16 characters) of the n-th (0-based)
// occurrence of needle in src, plus delta bytes.
func posIn(t *testing.T, src, needle string, n, delta int) lspPos {
	t.Helper()
	off := -1
	for i := 0; i <= n; i++ {
		j := strings.Index(src[off+1:], needle)
		if j < 0 {
			t.Fatalf("occurrence %d of %q not found", n, needle)
		}
		off += 1 + j
	}
	return offsetPos(src, off+delta)
}

// offsetPos converts a byte offset of src into an LSP position, counting
// UTF-16 code units as LSP does.
func offsetPos(src string, off int) lspPos {
	line := strings.Count(src[:off], "\n")
	start := strings.LastIndex(src[:off], "\n") + 1
	return lspPos{Line: line, Character: len(utf16.Encode([]rune(src[start:off])))}
}

// applyEdits applies LSP text edits (non-overlapping) to src.
func applyEdits(t *testing.T, src string, edits []lspEdit) string {
	t.Helper()
	offset := func(p lspPos) int {
		lines := strings.SplitAfter(src, "\n")
		off := 0
		for i := 0; i < p.Line; i++ {
			off += len(lines[i])
		}
		for ch := 0; ch < p.Character; {
			r, n := utf8.DecodeRuneInString(src[off:])
			off += n
			ch += utf16.RuneLen(r)
		}
		return off
	}
	slices.SortFunc(edits, func(a, b lspEdit) int { return offset(b.Range.Start) - offset(a.Range.Start) })
	for _, e := range edits {
		src = src[:offset(e.Range.Start)] + e.NewText + src[offset(e.Range.End):]
	}
	return src
}

func fileURI(path string) string { return "file://" + filepath.ToSlash(path) }

// TestLSPSubprocess drives `fwgen lsp` as a subprocess over JSON-RPC, as an
// editor does, on the shop example: initialize, initialized, didOpen,
// hover, definition, references, completion, didChange (an error, then a
// fix through codeAction, then a broken file mid-edit), formatting,
// shutdown and exit; and checks each answer.
func TestLSPSubprocess(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"events.fw", "processors.fw"} {
		data, err := os.ReadFile(filepath.Join("../../testdata/examples/shop", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	eventsPath, procsPath := filepath.Join(dir, "events.fw"), filepath.Join(dir, "processors.fw")
	eventsURI, procsURI := fileURI(eventsPath), fileURI(procsPath)
	eventsData, _ := os.ReadFile(eventsPath)
	procsData, _ := os.ReadFile(procsPath)
	events, procs := string(eventsData), string(procsData)

	// The test binary is fwgen when run under that name (TestMain).
	cmd := exec.Command(os.Args[0], "lsp")
	cmd.Args[0] = "fwgen"
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
		if t.Failed() {
			t.Logf("server stderr:\n%s", stderr.String())
		}
	}()
	c := lsptest.New(stdout, stdin)

	// A request before initialize is refused.
	var serr *lsptest.ErrServer
	if err := c.Call("textDocument/hover", map[string]any{}, nil); err == nil || !asServerErr(err, &serr) || serr.Code != -32002 {
		t.Errorf("hover before initialize: %v, want error -32002", err)
	}

	var init struct {
		Capabilities map[string]json.RawMessage `json:"capabilities"`
		ServerInfo   struct{ Name string }      `json:"serverInfo"`
	}
	must(t, c.Call("initialize", map[string]any{
		"processId": os.Getpid(), "rootUri": fileURI(dir),
		"capabilities": map[string]any{"general": map[string]any{"positionEncodings": []string{"utf-16"}},
			"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}}},
	}, &init))
	for _, cap := range []string{"hoverProvider", "definitionProvider", "referencesProvider", "documentSymbolProvider", "documentFormattingProvider", "completionProvider", "codeActionProvider", "textDocumentSync"} {
		if _, ok := init.Capabilities[cap]; !ok {
			t.Errorf("initialize: no capability %s", cap)
		}
	}
	if enc := string(init.Capabilities["positionEncoding"]); enc != `"utf-16"` {
		t.Errorf("positionEncoding %s, want utf-16", enc)
	}
	must(t, c.Notify("initialized", map[string]any{}))
	must(t, c.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": procsURI, "languageId": "fw", "version": 1, "text": procs}}))

	// hover: a case's handler method and context, an event's fields, a field's type.
	hover := func(uri string, p lspPos) string {
		t.Helper()
		var h *struct {
			Contents struct{ Kind, Value string }
			Range    *lspRange
		}
		must(t, c.Call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": p}, &h))
		if h == nil {
			return ""
		}
		if h.Contents.Kind != "markdown" {
			t.Errorf("hover kind %q", h.Contents.Kind)
		}
		return h.Contents.Value
	}
	caseHover := hover(procsURI, posIn(t, procs, "on Order{status", 0, 1))
	// The diagnostics of the opened, clean package: none, as fwgen lint says
	// (published before the answer to the request after didOpen).
	if d, ok := c.LastDiagnostics(procsURI); !ok || len(d.Diagnostics) != 0 {
		t.Errorf("diagnostics after didOpen: %+v (published: %v), want an empty list", d, ok)
	}
	for _, want := range []string{"BillingHandler", "OnCancelled(c BillingCancelledContext, id string) error", "`BillingCancelledContext`"} {
		if !strings.Contains(caseHover, want) {
			t.Errorf("hover on the case: %q lacks %q", caseHover, want)
		}
	}
	if h := hover(procsURI, posIn(t, procs, "as Domestic", 0, 3)); !strings.Contains(h, "OnDomestic(c BillingDomesticContext, a int64, id string) error") {
		t.Errorf("hover on case name Domestic: %q", h)
	}
	if h := hover(procsURI, posIn(t, procs, "Order{status", 0, 2)); !strings.Contains(h, "input event Order {") || !strings.Contains(h, "    amount int\n") || !strings.Contains(h, "    status Status\n") {
		t.Errorf("hover on event Order: %q", h)
	}
	if h := hover(procsURI, posIn(t, procs, "status: CANCELLED", 0, 1)); !strings.Contains(h, "status Status") || !strings.Contains(h, "event Order") {
		t.Errorf("hover on field status: %q", h)
	}

	// definition: a variant in a pattern, an event in an emit list, a field.
	definition := func(uri string, p lspPos) []lspLocation {
		t.Helper()
		var locs []lspLocation
		must(t, c.Call("textDocument/definition", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": p}, &locs))
		return locs
	}
	wantLoc := func(what string, got []lspLocation, uri string, start lspPos, length int) {
		t.Helper()
		want := lspLocation{URI: uri, Range: lspRange{Start: start, End: lspPos{start.Line, start.Character + length}}}
		if len(got) != 1 || got[0] != want {
			t.Errorf("%s: %+v, want %+v", what, got, want)
		}
	}
	wantLoc("definition of CANCELLED", definition(procsURI, posIn(t, procs, "CANCELLED", 0, 2)), eventsURI, posIn(t, events, "CANCELLED", 0, 0), len("CANCELLED"))
	wantLoc("definition of Refund", definition(procsURI, posIn(t, procs, "-> Refund", 0, 5)), eventsURI, posIn(t, events, "Refund", 0, 0), len("Refund"))
	wantLoc("definition of field region", definition(procsURI, posIn(t, procs, "region:", 0, 0)), eventsURI, posIn(t, events, "region", 0, 0), len("region"))

	// references: every Invoice of the two files, declaration included.
	var refs []lspLocation
	must(t, c.Call("textDocument/references", map[string]any{"textDocument": map[string]any{"uri": procsURI},
		"position": posIn(t, procs, "-> Invoice", 0, 4), "context": map[string]any{"includeDeclaration": true}}, &refs))
	var wantRefs []lspLocation
	word := regexp.MustCompile(`\bInvoice\b`)
	for _, f := range []struct{ uri, src string }{{eventsURI, events}, {procsURI, procs}} {
		for _, m := range word.FindAllStringIndex(f.src, -1) {
			wantRefs = append(wantRefs, lspLocation{URI: f.uri, Range: lspRange{Start: offsetPos(f.src, m[0]), End: offsetPos(f.src, m[1])}})
		}
	}
	if !sameLocations(refs, wantRefs) || len(wantRefs) != 5 {
		t.Errorf("references of Invoice:\n got %+v\nwant %+v", refs, wantRefs)
	}

	// completion: fields in a pattern, variants after an enum field, events after ->.
	completion := func(uri string, p lspPos) []string {
		t.Helper()
		var items []struct{ Label string }
		must(t, c.Call("textDocument/completion", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": p}, &items))
		var labels []string
		for _, it := range items {
			labels = append(labels, it.Label)
		}
		return labels
	}
	if got := completion(procsURI, posIn(t, procs, "on Order{paid", 0, len("on Order{"))); !slices.Equal(got, []string{"id", "region", "amount", "price", "paid", "status", "note"}) {
		t.Errorf("completion of Order's fields: %v", got)
	}
	if got := completion(procsURI, posIn(t, procs, "status: CANCELLED", 0, len("status: "))); !slices.Equal(got, []string{"NEW", "PAID", "CANCELLED"}) {
		t.Errorf("completion of Status's variants: %v", got)
	}
	if got := completion(procsURI, posIn(t, procs, "-> Refund", 0, 3)); !slices.Contains(got, "Invoice") || !slices.Contains(got, "Report") || !slices.Contains(got, "publish") {
		t.Errorf("completion after ->: %v", got)
	}

	// didChange: a misspelt event in an emit list (an incremental edit), and
	// before it on the same line a string with a character outside the BMP,
	// which counts two UTF-16 units.
	version := 1
	change := func(uri string, changes ...map[string]any) {
		t.Helper()
		version++
		must(t, c.Notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": version},
			"contentChanges": changes}))
	}
	edit := func(start, end lspPos, text string) map[string]any {
		return map[string]any{"range": lspRange{start, end}, "text": text}
	}
	refund := posIn(t, procs, "-> Refund", 0, 3)
	change(procsURI, edit(refund, lspPos{refund.Line, refund.Character + len("Refund")}, "Refnd"))
	status := posIn(t, procs, "status: CANCELLED", 0, 0)
	change(procsURI, edit(status, status, `note: "😀", `))
	procs2 := strings.Replace(strings.Replace(procs, "-> Refund", "-> Refnd", 1), "status: CANCELLED", `note: "😀", status: CANCELLED`, 1)
	var symbols []struct {
		Name     string
		Children []struct{ Name string }
	}
	must(t, c.Call("textDocument/documentSymbol", map[string]any{"textDocument": map[string]any{"uri": procsURI}}, &symbols))
	if len(symbols) != 3 || symbols[0].Name != "Billing" || len(symbols[0].Children) != 4 || symbols[0].Children[0].Name != "Cancelled" {
		t.Errorf("document symbols: %+v", symbols)
	}
	d, _ := c.LastDiagnostics(procsURI)
	if d.Version == nil || *d.Version != version {
		t.Errorf("diagnostics of version %v, want %d", d.Version, version)
	}
	refnd := posIn(t, procs2, "Refnd", 0, 0)
	wantRange := lspRange{Start: refnd, End: lspPos{refnd.Line, refnd.Character + len("Refnd")}}
	var found bool
	for _, dg := range d.Diagnostics {
		if dg.Code == "unknown-event" && dg.Severity == 1 {
			found = true
			got := lspRange{Start: lspPos{dg.Range.Start.Line, dg.Range.Start.Character}, End: lspPos{dg.Range.End.Line, dg.Range.End.Character}}
			if got != wantRange {
				t.Errorf("unknown-event range %+v, want %+v (UTF-16 columns)", got, wantRange)
			}
			if !strings.Contains(dg.Message, "Refund") {
				t.Errorf("unknown-event message %q does not suggest Refund", dg.Message)
			}
		}
	}
	if !found {
		t.Fatalf("no unknown-event diagnostic after the change: %+v", d)
	}
	// The same diagnostics as fwgen lint of the edited files.
	_, lint := dsl.Load([]string{eventsPath, procsPath}, [][]byte{[]byte(events), []byte(procs2)})
	if len(lint) != len(d.Diagnostics) {
		t.Errorf("%d diagnostics, fwgen lint has %d:\n%s", len(d.Diagnostics), len(lint), lint.Text())
	}

	// codeAction: the fix that the diagnostic suggests, applied, clears it.
	var actions []struct {
		Title string
		Kind  string
		Edit  struct {
			Changes map[string][]lspEdit
		}
	}
	must(t, c.Call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": procsURI},
		"range": wantRange, "context": map[string]any{"diagnostics": []any{}}}, &actions))
	var fixed string
	for _, a := range actions {
		if a.Kind == "quickfix" && strings.Contains(a.Title, "Refund") {
			fixed = applyEdits(t, procs2, a.Edit.Changes[procsURI])
		}
	}
	if fixed == "" {
		t.Fatalf("no quick fix for the unknown event: %+v", actions)
	} else if !strings.Contains(fixed, "-> Refund") || strings.Contains(fixed, "Refnd") {
		t.Errorf("the quick fix gives:\n%s", fixed)
	}
	change(procsURI, map[string]any{"text": fixed})
	if h := hover(procsURI, posIn(t, fixed, "on Order{note", 0, 0)); !strings.Contains(h, `OnCancelled(c BillingCancelledContext, id string) error`) {
		t.Errorf("hover after the fix: %q", h)
	}
	if d, _ := c.LastDiagnostics(procsURI); len(d.Diagnostics) != 0 {
		t.Errorf("diagnostics after the fix: %+v", d.Diagnostics)
	}

	// The server asked, after initialized, to hear of .fw files changed on
	// disk; events.fw (not open) changes on disk, and the client says so.
	regs := c.Notes("client/registerCapability")
	if len(regs) != 1 || !strings.Contains(string(regs[0].Params), `"method":"workspace/didChangeWatchedFiles"`) || !strings.Contains(string(regs[0].Params), `"globPattern":"**/*.fw"`) {
		t.Errorf("registrations: %d, %v", len(regs), regs)
	}
	watched := func(text string) {
		t.Helper()
		must(t, os.WriteFile(eventsPath, []byte(text), 0o644))
		must(t, c.Notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": eventsURI, "type": 2}}}))
		hover(procsURI, lspPos{}) // the diagnostics are published before its answer
	}
	watched(strings.Replace(events, "event Report", "event Reprt", 1))
	if d, _ := c.LastDiagnostics(procsURI); len(d.Diagnostics) == 0 || d.Diagnostics[0].Code != "unknown-event" || !strings.Contains(d.Diagnostics[0].Message, "Report") {
		t.Errorf("diagnostics after events.fw changed on disk: %+v", d.Diagnostics)
	}
	watched(events)
	if d, _ := c.LastDiagnostics(procsURI); len(d.Diagnostics) != 0 {
		t.Errorf("diagnostics after events.fw was restored: %+v", d.Diagnostics)
	}

	// formatting: a badly laid out buffer comes back as fwgen fmt lays it out.
	messy := strings.Replace(fixed, "processor Audit {\n    concurrency 4", "processor   Audit{\n concurrency    4", 1)
	change(procsURI, map[string]any{"text": messy})
	var edits []lspEdit
	must(t, c.Call("textDocument/formatting", map[string]any{"textDocument": map[string]any{"uri": procsURI},
		"options": map[string]any{"tabSize": 4, "insertSpaces": true}}, &edits))
	want, diags := format.Source(procsPath, []byte(messy))
	if diags.HasErrors() {
		t.Fatal(diags.Text())
	}
	if got := applyEdits(t, messy, edits); got != string(want) || len(edits) == 0 {
		t.Errorf("formatting edits %+v give:\n%s\nwant:\n%s", edits, got, want)
	}

	// A broken file mid-edit: positioned syntax errors, and navigation keeps
	// the index of the last version that parsed.
	broken := strings.Replace(fixed, "on Order{paid: false} as Unpaid", "on Order{paid: ", 1)
	change(procsURI, map[string]any{"text": broken})
	wantLoc("definition of Refund in a broken file", definition(procsURI, posIn(t, broken, "-> Refund", 0, 5)), eventsURI, posIn(t, events, "Refund", 0, 0), len("Refund"))
	d, _ = c.LastDiagnostics(procsURI)
	if len(d.Diagnostics) == 0 || d.Diagnostics[0].Code != "syntax" && !strings.Contains(d.Diagnostics[0].Message, "unexpected") {
		t.Errorf("diagnostics of the broken file: %+v", d.Diagnostics)
	}
	_, lint = dsl.Load([]string{eventsPath, procsPath}, [][]byte{[]byte(events), []byte(broken)})
	if len(lint) != len(d.Diagnostics) || lint[0].Message != d.Diagnostics[0].Message {
		t.Errorf("diagnostics %+v, fwgen lint has:\n%s", d.Diagnostics, lint.Text())
	} else if p, want := d.Diagnostics[0].Range.Start, offsetPos(broken, lint[0].Pos.Offset); p.Line != want.Line || p.Character != want.Character {
		t.Errorf("syntax error at %+v, want %+v", p, want)
	}

	must(t, c.Call("shutdown", nil, nil))
	must(t, c.Notify("exit", nil))
	if err := cmd.Wait(); err != nil {
		t.Errorf("fwgen lsp exited with %v after shutdown and exit, want status 0", err)
	}
	<-c.Done()
	wantSeq := []string{"textDocument/hover", "initialize", "initialized", "textDocument/didOpen", "textDocument/hover",
		"textDocument/definition", "textDocument/references", "textDocument/completion", "textDocument/didChange",
		"textDocument/codeAction", "textDocument/formatting", "shutdown", "exit"}
	for _, m := range wantSeq {
		if !slices.Contains(c.Requests, m) {
			t.Errorf("the session did not send %s", m)
		}
	}
}

func asServerErr(err error, target **lsptest.ErrServer) bool {
	e, ok := err.(*lsptest.ErrServer)
	*target = e
	return ok
}

func sameLocations(a, b []lspLocation) bool {
	key := func(l lspLocation) string { data, _ := json.Marshal(l); return string(data) }
	ka, kb := make([]string, len(a)), make([]string, len(b))
	for i := range a {
		ka[i] = key(a[i])
	}
	for i := range b {
		kb[i] = key(b[i])
	}
	slices.Sort(ka)
	slices.Sort(kb)
	return slices.Equal(ka, kb)
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestEditorsDoc checks the editor configurations of docs/editors.md: every
// server command in them (Neovim's cmd lists, Helix's command and args, the
// VS Code extension's default) is started as the editor would start it (fwgen
// being this test binary) and must answer initialize and exit 0 after
// shutdown and exit; the configurations must map .fw files to the server;
// the VS Code settings must be settings that the extension declares.
func TestEditorsDoc(t *testing.T) {
	data, err := os.ReadFile("../../docs/editors.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	blocks := map[string][]string{}
	for _, m := range regexp.MustCompile("(?s)```(\\w+)\n(.*?)```").FindAllStringSubmatch(doc, -1) {
		blocks[m[1]] = append(blocks[m[1]], m[2])
	}
	var commands [][]string
	// Neovim: cmd = { "fwgen", "lsp" }, in the block and in the text.
	for _, m := range regexp.MustCompile(`cmd = \{([^}]*)\}`).FindAllStringSubmatch(doc, -1) {
		commands = append(commands, quoted(m[1]))
	}
	if len(blocks["lua"]) != 1 || !strings.Contains(blocks["lua"][0], `filetypes = { "fw" }`) || !strings.Contains(blocks["lua"][0], `extension = { fw = "fw" }`) {
		t.Errorf("the Neovim configuration does not map .fw files to the server: %q", blocks["lua"])
	}
	// Helix: command = "fwgen", args = ["lsp"].
	if len(blocks["toml"]) != 1 {
		t.Fatalf("want one toml block, have %d", len(blocks["toml"]))
	}
	toml := blocks["toml"][0]
	cmd := regexp.MustCompile(`command = "([^"]*)"`).FindStringSubmatch(toml)
	args := regexp.MustCompile(`args = \[([^\]]*)\]`).FindStringSubmatch(toml)
	if cmd == nil || args == nil || !strings.Contains(toml, `file-types = ["fw"]`) || !strings.Contains(toml, `language-servers = ["fwgen"]`) {
		t.Fatalf("the Helix configuration lacks its command, args or file type:\n%s", toml)
	}
	commands = append(commands, append([]string{cmd[1]}, quoted(args[1])...))
	// VS Code: the settings the extension declares; its command is fwgen lsp.
	if len(blocks["json"]) != 1 {
		t.Fatalf("want one json block, have %d", len(blocks["json"]))
	}
	var settings map[string]any
	if err := json.Unmarshal([]byte(blocks["json"][0]), &settings); err != nil {
		t.Fatalf("the VS Code settings are not JSON: %v", err)
	}
	if pkg, err := os.ReadFile("../../editors/vscode/package.json"); err == nil {
		var manifest struct {
			Contributes struct {
				Configuration struct {
					Properties map[string]json.RawMessage `json:"properties"`
				} `json:"configuration"`
			} `json:"contributes"`
		}
		if err := json.Unmarshal(pkg, &manifest); err != nil {
			t.Fatal(err)
		}
		for key := range settings {
			if _, ok := manifest.Contributes.Configuration.Properties[key]; !ok {
				t.Errorf("VS Code setting %s is not one that editors/vscode declares", key)
			}
		}
		for _, key := range []string{"fw.server.path", "fw.server.args", "fw.server.enabled", "fw.server.goTool"} {
			if _, ok := manifest.Contributes.Configuration.Properties[key]; !ok && strings.Contains(doc, key) {
				t.Errorf("docs/editors.md names %s, which editors/vscode does not declare", key)
			}
		}
	} else {
		t.Logf("no editors/vscode/package.json on this branch: the VS Code settings are not checked against it")
	}
	// The extension's command: fwgen lsp, or go tool fwgen lsp with goTool.
	if settings["fw.server.goTool"] == true {
		commands = append(commands, []string{"go", "tool", "fwgen", "lsp"})
	}
	commands = append(commands, []string{"fwgen", "lsp"})

	if len(commands) < 4 {
		t.Fatalf("only %d commands found: %q", len(commands), commands)
	}
	for _, c := range commands {
		// fwgen is this test binary; `go tool fwgen` runs the pinned fwgen.
		i := slices.Index(c, "fwgen")
		if i < 0 || i > 0 && !slices.Equal(c[:i], []string{"go", "tool"}) {
			t.Errorf("command %q: want fwgen or go tool fwgen", c)
			continue
		}
		cmd := exec.Command(os.Args[0], c[i+1:]...)
		cmd.Args[0] = "fwgen"
		stdin, _ := cmd.StdinPipe()
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		client := lsptest.New(stdout, stdin)
		var init struct {
			Capabilities struct {
				HoverProvider bool `json:"hoverProvider"`
			} `json:"capabilities"`
		}
		if err := client.Call("initialize", map[string]any{"capabilities": map[string]any{}}, &init); err != nil || !init.Capabilities.HoverProvider {
			t.Errorf("command %q: initialize: %v, %+v", c, err, init)
		}
		client.Call("shutdown", nil, nil)
		client.Notify("exit", nil)
		if err := cmd.Wait(); err != nil {
			t.Errorf("command %q: %v", c, err)
		}
	}
}

// quoted returns the double-quoted strings of s.
func quoted(s string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`"([^"]*)"`).FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	return out
}
