package lsp

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl"
	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/format"
	"github.com/fwgo/fw/dsl/parser"
)

// session is a server driven in process: each call goes through the JSON
// of the protocol (parameters in, result out), as over the wire.
type session struct {
	t     *testing.T
	s     *server
	notes []publishDiagnosticsParams
	vers  map[string]int
}

func newSession(t *testing.T) *session {
	ss := &session{t: t, vers: map[string]int{}}
	ss.s = newServer(func(method string, params any) {
		if method == "textDocument/publishDiagnostics" {
			ss.notes = append(ss.notes, params.(publishDiagnosticsParams))
		}
	}, t.Logf)
	ss.call("initialize", map[string]any{}, nil)
	return ss
}

// call runs method with params and decodes its result into result.
func (ss *session) call(method string, params, result any) error {
	ss.t.Helper()
	data, err := json.Marshal(params)
	if err != nil {
		ss.t.Fatal(err)
	}
	raw := json.RawMessage(data)
	res, err := ss.s.handle(method, &raw)
	if err != nil {
		return err
	}
	out, err := json.Marshal(res)
	if err != nil {
		ss.t.Fatal(err)
	}
	if result != nil {
		if err := json.Unmarshal(out, result); err != nil {
			ss.t.Fatalf("%s: decoding %s: %v", method, out, err)
		}
	}
	return nil
}

func (ss *session) mustCall(method string, params, result any) {
	ss.t.Helper()
	if err := ss.call(method, params, result); err != nil {
		ss.t.Fatalf("%s: %v", method, err)
	}
}

func (ss *session) open(path string, text string) {
	ss.t.Helper()
	ss.vers[path] = 1
	ss.mustCall("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": pathToURI(path), "languageId": "fw", "version": 1, "text": text}}, nil)
}

func (ss *session) replace(path, text string) {
	ss.t.Helper()
	ss.vers[path]++
	ss.mustCall("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": pathToURI(path), "version": ss.vers[path]},
		"contentChanges": []any{map[string]any{"text": text}}}, nil)
}

// diags returns the last diagnostics published for path.
func (ss *session) diags(path string) []Diagnostic {
	for i := len(ss.notes) - 1; i >= 0; i-- {
		if ss.notes[i].URI == pathToURI(path) {
			return ss.notes[i].Diagnostics
		}
	}
	return nil
}

func docPos(path string, p Position) map[string]any {
	return map[string]any{"textDocument": map[string]any{"uri": pathToURI(path)}, "position": p}
}

// fixture copies testdata/<name> into a temporary directory and returns it
// with the texts of its files by base name.
func fixture(t *testing.T, name string) (string, map[string]string) {
	t.Helper()
	src := filepath.Join("testdata", name)
	if name == "shop" {
		src = "../../testdata/examples/shop"
	}
	dir := t.TempDir()
	texts := map[string]string{}
	ents, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		texts[e.Name()] = string(data)
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, texts
}

// at returns the position of the n-th occurrence of needle in src, plus delta bytes.
func at(t *testing.T, src, needle string, n, delta int) Position {
	t.Helper()
	off := -1
	for i := 0; i <= n; i++ {
		j := strings.Index(src[off+1:], needle)
		if j < 0 {
			t.Fatalf("occurrence %d of %q not found", n, needle)
		}
		off += 1 + j
	}
	return newText([]byte(src)).position(off + delta)
}

func TestTextPositions(t *testing.T) {
	src := []byte("a😀b\r\néx\n")
	tx := newText(src)
	for _, c := range []struct {
		off  int
		pos  Position
		line int // parser line and rune column of off
		col  int
	}{
		{0, Position{0, 0}, 1, 1},
		{1, Position{0, 1}, 1, 2},
		{5, Position{0, 3}, 1, 3}, // after the emoji: two UTF-16 units
		{8, Position{1, 0}, 2, 1},
		{10, Position{1, 1}, 2, 2}, // é is two bytes, one unit
		{12, Position{2, 0}, 3, 1},
	} {
		if got := tx.position(c.off); got != c.pos {
			t.Errorf("position(%d) = %+v, want %+v", c.off, got, c.pos)
		}
		if got := tx.offset(c.pos); got != c.off {
			t.Errorf("offset(%+v) = %d, want %d", c.pos, got, c.off)
		}
		if got := tx.offsetOfCol(c.line, c.col); got != c.off {
			t.Errorf("offsetOfCol(%d, %d) = %d, want %d", c.line, c.col, got, c.off)
		}
	}
	// A character past the end of a line is the line's end (before \r\n).
	if got := tx.offset(Position{0, 99}); got != 6 {
		t.Errorf("offset past the end of line 0 = %d, want 6", got)
	}
	if got := tx.offset(Position{9, 0}); got != len(src) {
		t.Errorf("offset past the last line = %d, want %d", got, len(src))
	}
	// Incremental changes address UTF-16 units.
	got := applyChange(src, contentChange{Range: &Range{Start: Position{0, 1}, End: Position{0, 3}}, Text: "-"})
	if string(got) != "a-b\r\néx\n" {
		t.Errorf("applyChange: %q", got)
	}
	got = applyChange(got, contentChange{Text: "all new"})
	if string(got) != "all new" {
		t.Errorf("full change: %q", got)
	}
	// Token ends: identifiers, numbers, strings, one character else.
	for _, c := range []struct{ src, tok string }{{"Refnd -> x", "Refnd"}, {`"a\"b" x`, `"a\"b"`}, {"-1.5..2", "-1.5"}, {"..< 3", "."}, {"😀x", "😀x"}} {
		if end := newText([]byte(c.src)).tokenEnd(0); c.src[:end] != c.tok {
			t.Errorf("tokenEnd(%q) gives %q, want %q", c.src, c.src[:end], c.tok)
		}
	}
}

// TestNavigation checks go to definition and find references for every
// kind of symbol: events, records, enums and variants, fields (nested in
// record patterns too), processors, builders and targets.
func TestNavigation(t *testing.T) {
	dir, texts := fixture(t, "fx")
	a, b := filepath.Join(dir, "a.fw"), filepath.Join(dir, "b.fw")
	ss := newSession(t)
	ss.open(b, texts["b.fw"])
	path := map[string]string{"a.fw": a, "b.fw": b}
	type ref struct {
		file, needle string
		n, delta     int
	}
	for _, c := range []struct {
		what     string
		use, def ref
	}{
		{"variant in a nested record pattern", ref{"b.fw", "GOLD", 0, 1}, ref{"a.fw", "GOLD", 0, 0}},
		{"variant in a guard", ref{"b.fw", "GOLD", 1, 0}, ref{"a.fw", "GOLD", 0, 0}},
		{"record field in a nested pattern", ref{"b.fw", "city", 0, 0}, ref{"a.fw", "city", 0, 0}},
		{"event field", ref{"b.fw", "amount", 0, 2}, ref{"a.fw", "amount", 0, 0}},
		{"record field", ref{"b.fw", "customer", 0, 0}, ref{"a.fw", "customer", 0, 0}},
		{"event in a case", ref{"b.fw", "Order", 1, 0}, ref{"a.fw", "Order", 0, 0}},
		{"event in an emit list", ref{"b.fw", "Done", 0, 0}, ref{"a.fw", "Done", 0, 0}},
		{"event of a case on it", ref{"b.fw", "Done{", 0, 0}, ref{"a.fw", "Done", 0, 0}},
		{"enum as a field type", ref{"a.fw", "Tier\n", 0, 1}, ref{"a.fw", "Tier", 0, 0}},
		{"record as a field type", ref{"a.fw", "Address\n", 0, 0}, ref{"a.fw", "Address", 0, 0}},
		{"target resolved", ref{"b.fw", "resolve words", 0, 8}, ref{"b.fw", "words", 0, 0}},
		{"target required", ref{"b.fw", "requires words", 0, 10}, ref{"b.fw", "words", 0, 0}},
		{"target of a built case", ref{"b.fw", "built counts", 0, 6}, ref{"b.fw", "counts", 0, 0}},
		{"target published", ref{"b.fw", "publish seen", 0, 8}, ref{"b.fw", "seen", 0, 0}},
		{"builder's own name", ref{"b.fw", "Words", 0, 0}, ref{"b.fw", "Words", 0, 0}},
		{"processor's own name", ref{"b.fw", "processor Q", 0, 10}, ref{"b.fw", "Q {", 0, 0}},
		{"case name", ref{"b.fw", "as Gold", 0, 4}, ref{"b.fw", "Gold", 0, 0}},
	} {
		var locs []Location
		ss.mustCall("textDocument/definition", docPos(path[c.use.file], at(t, texts[c.use.file], c.use.needle, c.use.n, c.use.delta)), &locs)
		start := at(t, texts[c.def.file], c.def.needle, c.def.n, 0)
		if len(locs) != 1 || locs[0].URI != pathToURI(path[c.def.file]) || locs[0].Range.Start != start {
			t.Errorf("%s: definition %+v, want %s at %+v", c.what, locs, c.def.file, start)
		}
	}
	// References of target words: its declaration, requires, resolve, on built.
	var locs []Location
	ss.mustCall("textDocument/references", map[string]any{"textDocument": map[string]any{"uri": pathToURI(b)},
		"position": at(t, texts["b.fw"], "words", 0, 0), "context": map[string]any{"includeDeclaration": true}}, &locs)
	if len(locs) != 4 {
		t.Errorf("references of words: %+v, want 4", locs)
	}
	// Without the declaration; of variant GOLD: the pattern and the guard.
	ss.mustCall("textDocument/references", map[string]any{"textDocument": map[string]any{"uri": pathToURI(a)},
		"position": at(t, texts["a.fw"], "GOLD", 0, 0), "context": map[string]any{"includeDeclaration": false}}, &locs)
	if len(locs) != 2 || locs[0].URI != pathToURI(b) {
		t.Errorf("references of GOLD: %+v, want the two in b.fw", locs)
	}
	// Nothing on a keyword, a literal or a bound name.
	for _, p := range []Position{at(t, texts["b.fw"], "processor", 0, 0), at(t, texts["b.fw"], `"Paris"`, 0, 2), at(t, texts["b.fw"], "if a", 0, 3)} {
		ss.mustCall("textDocument/definition", docPos(b, p), &locs)
		if len(locs) != 0 {
			t.Errorf("definition at %+v: %+v, want none", p, locs)
		}
	}
}

func TestHover(t *testing.T) {
	dir, texts := fixture(t, "fx")
	b := filepath.Join(dir, "b.fw")
	ss := newSession(t)
	ss.open(b, texts["b.fw"])
	for _, c := range []struct {
		what, needle string
		n, delta     int
		want         []string
	}{
		{"built case", "on built words", 0, 0, []string{"// PHandler\nOnWord(c PWordContext, v string) error", "its context is `PWordContext`"}},
		{"built case without a name", "on built counts", 0, 1, []string{"OnCounts(c PCountsContext, v int64) error"}},
		{"phase case", "on phase", 0, 0, []string{"Phase(c PPhaseContext, phase int) error"}},
		{"event case with nested binds", "on Order{customer: {tier: t}", 0, 0, []string{"OnByTier(c PByTierContext, t Tier, id string) error"}},
		{"target", "resolve words", 0, 9, []string{"target words: string", "Provided by builder Words."}},
		{"published target", "publish seen", 0, 9, []string{"target seen: string", "Provided by processor P."}},
		{"builder", "builder Counts", 0, 9, []string{"builder Counts provides counts: int", "`CountsBuilder`"}},
		{"processor", "processor P", 0, 10, []string{"processor P (7 cases)", "`PHandler`"}},
		{"variant", "GOLD", 0, 0, []string{"GOLD (variant 1 of enum Tier)", "`TierGOLD`"}},
		{"nested record field", "city", 0, 0, []string{"city string", "Field of record Address; Go field `Address.City`"}},
		{"event", "Done{", 0, 0, []string{"event Done {\n    id string\n}"}},
	} {
		var h *Hover
		ss.mustCall("textDocument/hover", docPos(b, at(t, texts["b.fw"], c.needle, c.n, c.delta)), &h)
		if h == nil {
			t.Errorf("%s: no hover", c.what)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(h.Contents.Value, w) {
				t.Errorf("%s: hover %q lacks %q", c.what, h.Contents.Value, w)
			}
		}
	}
	// With an error in the package, a case keeps the method of the last
	// package that checked; a new case has none yet.
	broken := strings.Replace(texts["b.fw"], "on phase", "on phase\n    on Order{idd} as New", 1)
	ss.replace(b, broken)
	var h *Hover
	ss.mustCall("textDocument/hover", docPos(b, at(t, broken, "on built words", 0, 0)), &h)
	if h == nil || !strings.Contains(h.Contents.Value, "OnWord(c PWordContext, v string) error") {
		t.Errorf("hover with an error in the package: %+v", h)
	}
	ss.mustCall("textDocument/hover", docPos(b, at(t, broken, "as New", 0, 3)), &h)
	if h == nil || !strings.Contains(h.Contents.Value, "case New of P") || !strings.Contains(h.Contents.Value, "checks without errors") {
		t.Errorf("hover on a case that never checked: %+v", h)
	}
}

func TestCompletion(t *testing.T) {
	dir, texts := fixture(t, "fx")
	a, b := filepath.Join(dir, "a.fw"), filepath.Join(dir, "b.fw")
	ss := newSession(t)
	ss.open(b, texts["b.fw"])
	labels := func(path string, p Position) []string {
		var items []CompletionItem
		ss.mustCall("textDocument/completion", docPos(path, p), &items)
		var out []string
		for _, it := range items {
			out = append(out, it.Label)
		}
		return out
	}
	src := texts["b.fw"]
	for _, c := range []struct {
		what   string
		path   string
		pos    Position
		want   []string
		strict bool // exactly want, in order
	}{
		{"event fields", b, at(t, src, "on Order{id}", 0, len("on Order{")), []string{"id", "customer", "amount"}, true},
		{"record fields in a nested pattern", b, at(t, src, "{tier: GOLD", 0, 1), []string{"name", "tier", "address"}, true},
		{"fields of a record two levels down", b, at(t, src, "{city:", 0, 1), []string{"city", "zip"}, true},
		{"variants of a nested enum field", b, at(t, src, "tier: GOLD", 0, len("tier: ")), []string{"BASIC", "GOLD"}, true},
		{"a partial word", b, at(t, src, "tier: GOLD", 0, len("tier: G")), []string{"BASIC", "GOLD"}, true},
		{"targets after resolve", b, at(t, src, "resolve words", 0, len("resolve ")), []string{"counts", "seen", "words"}, true},
		{"targets after on built", b, at(t, src, "on built words", 0, len("on built ")), []string{"counts", "seen", "words"}, true},
		{"targets and events after requires", b, at(t, src, "requires words", 0, len("requires ")), []string{"counts", "seen", "words", "Done", "Order"}, true},
		{"events after ->", b, at(t, src, "-> Done", 1, 3), []string{"Done", "Order", "resolve", "publish"}, true},
		{"events and lifecycle words after on", b, at(t, src, "on phase", 0, 3), []string{"Done", "Order", "init", "phase", "terminate", "built", "_"}, true},
		{"field types", a, at(t, texts["a.fw"], "Tier\n", 0, 2), []string{"string", "Tier", "Address", "Customer"}, false},
		{"field types in a one-line event", a, at(t, texts["a.fw"], "amount int", 0, len("amount ")), []string{"int", "Tier", "Customer"}, false},
		{"nothing at the start of a line of a processor", b, at(t, src, "on phase", 0, 0), nil, true},
	} {
		got := labels(c.path, c.pos)
		if c.strict && !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.what, got, c.want)
		}
		for _, w := range c.want {
			if !c.strict && !slices.Contains(got, w) {
				t.Errorf("%s: %v lacks %s", c.what, got, w)
			}
		}
	}
}

// TestDocumentSymbols checks the outline of the shop example, and that every
// symbol of every example file has its selection range inside its range (as
// clients require) and children inside their parent.
func TestDocumentSymbols(t *testing.T) {
	dir, texts := fixture(t, "shop")
	ss := newSession(t)
	ev := filepath.Join(dir, "events.fw")
	ss.open(ev, texts["events.fw"])
	var syms []DocumentSymbol
	ss.mustCall("textDocument/documentSymbol", map[string]any{"textDocument": map[string]any{"uri": pathToURI(ev)}}, &syms)
	var names []string
	for _, s := range syms {
		names = append(names, s.Name+"/"+s.Detail+"/"+itoa(len(s.Children)))
	}
	want := []string{"Status/enum/3", "Order/input event/7", "Invoice/event/3", "Refund/event/1", "Report/event/2"}
	if !slices.Equal(names, want) {
		t.Errorf("symbols %v, want %v", names, want)
	}
	if r := syms[1].Range; r.Start != at(t, texts["events.fw"], "input event Order", 0, 0) || r.End != at(t, texts["events.fw"], "}\n\nevent Invoice", 0, 1) {
		t.Errorf("range of Order %+v", r)
	}
	files, _ := filepath.Glob("../../testdata/examples/*/*.fw")
	more, _ := filepath.Glob("../../examples/*/*.fw")
	for _, f := range append(files, more...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		file, diags := parser.ParseFile(f, data)
		if diags.HasErrors() {
			t.Fatalf("%s: %s", f, diags.Text())
		}
		syms := symbolsOf(buildIndex(map[string]parsedFile{f: {file: file, text: newText(data)}}).files[f])
		var check func(parent *Range, ss []DocumentSymbol)
		check = func(parent *Range, syms []DocumentSymbol) {
			for _, s := range syms {
				if !contains(s.Range, s.SelectionRange) || parent != nil && !contains(*parent, s.Range) {
					t.Errorf("%s: symbol %s: range %+v, selection %+v, parent %+v", f, s.Name, s.Range, s.SelectionRange, parent)
				}
				check(&s.Range, s.Children)
			}
		}
		check(nil, syms)
		if len(syms) == 0 {
			t.Errorf("%s: no symbols", f)
		}
	}
}

func itoa(n int) string { data, _ := json.Marshal(n); return string(data) }

func contains(outer, inner Range) bool {
	return !before(inner.Start, outer.Start) && !before(outer.End, inner.End)
}

func TestFormatting(t *testing.T) {
	dir, texts := fixture(t, "fx")
	a := filepath.Join(dir, "a.fw")
	ss := newSession(t)
	ss.open(a, texts["a.fw"])
	var edits []TextEdit
	ss.mustCall("textDocument/formatting", map[string]any{"textDocument": map[string]any{"uri": pathToURI(a)}}, &edits)
	want, diags := format.Source(a, []byte(texts["a.fw"]))
	if diags.HasErrors() {
		t.Fatal(diags.Text())
	}
	got := []byte(texts["a.fw"])
	for i := len(edits) - 1; i >= 0; i-- { // edits come sorted and apart
		got = applyChange(got, contentChange{Range: &edits[i].Range, Text: edits[i].NewText})
	}
	if string(got) != string(want) || len(edits) == 0 {
		t.Errorf("formatted:\n%s\nwant:\n%s", got, want)
	}
	// A formatted file needs no edits; a file with syntax errors gets none.
	ss.replace(a, string(want))
	ss.mustCall("textDocument/formatting", map[string]any{"textDocument": map[string]any{"uri": pathToURI(a)}}, &edits)
	if len(edits) != 0 {
		t.Errorf("edits on a formatted file: %+v", edits)
	}
	ss.replace(a, "package fx\nevent {")
	ss.mustCall("textDocument/formatting", map[string]any{"textDocument": map[string]any{"uri": pathToURI(a)}}, &edits)
	if len(edits) != 0 {
		t.Errorf("edits on a broken file: %+v", edits)
	}
}

// TestCodeActions checks that the fixes of a diagnostic become quick fixes,
// edits converted to the document's UTF-16 ranges.
func TestCodeActions(t *testing.T) {
	dir, texts := fixture(t, "shop")
	p := filepath.Join(dir, "processors.fw")
	ss := newSession(t)
	src := strings.Replace(texts["processors.fw"], "// Billing shows", "// Billing 😀 shows", 1)
	ss.open(p, strings.Replace(src, "-> Refund", "-> Refnd", 1))
	st := ss.s.ws.pkgs[dir]
	fs := st.files[p]
	// The fix as dsl/diag carries it: by byte offset.
	off := strings.Index(string(fs.src), "Refnd")
	pos := func(o int) ast.Pos { return ast.Pos{File: p, Offset: o, Line: 1, Col: 1} }
	found := false
	for i, d := range st.diags {
		if d.Rule == "unknown-event" {
			found = true
			if len(d.Fixes) == 0 {
				st.diags[i] = d.WithFix("Replace Refnd with Refund", diag.Edit{Pos: pos(off), End: pos(off + 5), New: "Refund"})
			}
		}
	}
	if !found {
		t.Fatalf("no unknown-event diagnostic: %+v", st.diags)
	}
	var actions []CodeAction
	r := Range{Start: at(t, string(fs.src), "Refnd", 0, 2), End: at(t, string(fs.src), "Refnd", 0, 2)}
	ss.mustCall("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": pathToURI(p)}, "range": r,
		"context": map[string]any{"diagnostics": []any{}}}, &actions)
	if len(actions) != 1 || actions[0].Kind != "quickfix" || !strings.Contains(actions[0].Title, "Refund") || len(actions[0].Diagnostics) != 1 {
		t.Fatalf("actions %+v", actions)
	}
	edits := actions[0].Edit.Changes[pathToURI(p)]
	if len(edits) != 1 {
		t.Fatalf("edits %+v", edits)
	}
	fixed := applyChange(fs.src, contentChange{Range: &edits[0].Range, Text: edits[0].NewText})
	if string(fixed) != src {
		t.Errorf("fixed:\n%s", fixed)
	}
	// Elsewhere in the file: no action.
	r = Range{Start: Position{0, 0}, End: Position{0, 3}}
	ss.mustCall("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": pathToURI(p)}, "range": r,
		"context": map[string]any{"diagnostics": []any{}}}, &actions)
	if len(actions) != 0 {
		t.Errorf("actions on line 0: %+v", actions)
	}
}

// TestIncremental checks what a change re-analyzes: the package of the
// changed file alone, and in it only the files whose content changed; and
// that open buffers win over the disk until they are closed.
func TestIncremental(t *testing.T) {
	dir, texts := fixture(t, "shop")
	other, otherTexts := fixture(t, "fx")
	p, e := filepath.Join(dir, "processors.fw"), filepath.Join(dir, "events.fw")
	ss := newSession(t)
	ss.open(p, texts["processors.fw"])
	ss.open(filepath.Join(other, "b.fw"), otherTexts["b.fw"])
	shop, fx := ss.s.ws.pkgs[dir], ss.s.ws.pkgs[other]
	fxIndex, eventsAST := fx.idx(), shop.files[e].file
	if shop.pkg == nil || fx.pkg == nil {
		t.Fatal("the packages did not check")
	}
	// The buffer, not the disk: an unknown event only in the buffer.
	ss.replace(p, strings.Replace(texts["processors.fw"], "-> Refund", "-> Refnd", 1))
	if fx.index != fxIndex {
		t.Error("a change in shop re-analyzed fx")
	}
	if shop.files[e].file != eventsAST {
		t.Error("a change in processors.fw parsed events.fw again")
	}
	if d := ss.diags(p); len(d) != 1 || d[0].Code != "unknown-event" {
		t.Errorf("diagnostics of the buffer: %+v", d)
	}
	// The same diagnostics as fwgen lint on the same contents.
	_, lint := dsl.Load([]string{e, p}, [][]byte{[]byte(texts["events.fw"]), []byte(strings.Replace(texts["processors.fw"], "-> Refund", "-> Refnd", 1))})
	if len(lint) != 1 || lint[0].Message != ss.diags(p)[0].Message {
		t.Errorf("lint says:\n%s", lint.Text())
	}
	// A file not open is read from the disk: an edit on disk shows after
	// didChangeWatchedFiles, an error in a file not open is published under
	// its own URI.
	if err := os.WriteFile(e, []byte(strings.Replace(texts["events.fw"], "event Refund", "event Refnd", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	ss.mustCall("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": pathToURI(e), "type": 2}}}, nil)
	// The buffer's Audit still handles Refund.
	if d := ss.diags(p); len(d) != 1 || d[0].Range.Start.Line != at(t, texts["processors.fw"], "on Refund", 0, 0).Line {
		t.Errorf("diagnostics of processors.fw once events.fw declares Refnd: %+v", d)
	}
	// Closing the buffer goes back to the disk's processors.fw (which emits
	// Refund too).
	ss.mustCall("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": pathToURI(p)}}, nil)
	if d := ss.diags(p); len(d) != 2 || d[0].Code != "unknown-event" || !strings.Contains(d[0].Message, "Refund") {
		t.Errorf("diagnostics after close: %+v", d)
	}
	// A new file, open but not on disk, is part of its package.
	n := filepath.Join(dir, "new.fw")
	ss.open(n, "package shop\n\nevent Refund { id string }\n")
	if d := ss.diags(p); len(d) != 0 {
		t.Errorf("diagnostics of processors.fw with new.fw open: %+v", d)
	}
}

// TestMalformed checks a file broken mid-edit: positioned syntax errors,
// navigation on the last index that parsed, and no panic on any prefix of a
// file at any request.
func TestMalformed(t *testing.T) {
	dir, texts := fixture(t, "shop")
	p := filepath.Join(dir, "processors.fw")
	src := texts["processors.fw"]
	ss := newSession(t)
	ss.open(p, src)
	broken := strings.Replace(src, "    on Order{paid: false} as Unpaid\n", "    on Order{paid: fal\n", 1)
	ss.replace(p, broken)
	d := ss.diags(p)
	if len(d) == 0 || d[0].Code != "syntax" || d[0].Severity != severityError {
		t.Fatalf("diagnostics of the broken file: %+v", d)
	}
	_, lint := dsl.Load([]string{filepath.Join(dir, "events.fw"), p}, [][]byte{[]byte(texts["events.fw"]), []byte(broken)})
	if want := newText([]byte(broken)).posOf(lint[0].Pos.Line, lint[0].Pos.Col); d[0].Range.Start != want || d[0].Message != lint[0].Message {
		t.Errorf("syntax error %+v, lint has %s", d[0], lint[0])
	}
	var locs []Location
	ss.mustCall("textDocument/definition", docPos(p, at(t, broken, "-> Refund", 0, 4)), &locs)
	if len(locs) != 1 || !strings.HasSuffix(locs[0].URI, "events.fw") {
		t.Errorf("definition in a broken file: %+v", locs)
	}
	var h *Hover
	ss.mustCall("textDocument/hover", docPos(p, at(t, broken, "on Order{status", 0, 0)), &h)
	if h == nil || !strings.Contains(h.Contents.Value, "OnCancelled(c BillingCancelledContext, id string) error") {
		t.Errorf("hover in a broken file: %+v", h)
	}
	// Every prefix of the file, at every request: no panic, answers or nothing.
	for n := 0; n <= len(src); n += 7 {
		ss.replace(p, src[:n])
		for _, pos := range []Position{{0, 0}, {4, 10}, {5, 40}, {9, 200}} {
			for _, m := range []string{"textDocument/hover", "textDocument/definition", "textDocument/completion"} {
				ss.mustCall(m, docPos(p, pos), nil)
			}
			ss.mustCall("textDocument/references", map[string]any{"textDocument": map[string]any{"uri": pathToURI(p)}, "position": pos, "context": map[string]any{}}, nil)
		}
		for _, m := range []string{"textDocument/documentSymbol", "textDocument/formatting"} {
			ss.mustCall(m, map[string]any{"textDocument": map[string]any{"uri": pathToURI(p)}}, nil)
		}
		ss.mustCall("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": pathToURI(p)}, "range": Range{}, "context": map[string]any{}}, nil)
	}
}

// TestProtocolErrors checks the answers to requests the server cannot serve.
func TestProtocolErrors(t *testing.T) {
	s := newServer(func(string, any) {}, t.Logf)
	if _, err := s.handle("textDocument/hover", nil); err == nil || !strings.Contains(err.Error(), "not initialized") {
		t.Errorf("before initialize: %v", err)
	}
	s.handle("initialize", nil)
	if _, err := s.handle("textDocument/rename", nil); err == nil || !strings.Contains(err.Error(), "not supported") {
		t.Errorf("unknown method: %v", err)
	}
	bad := json.RawMessage(`{"textDocument": 3}`)
	if _, err := s.handle("textDocument/hover", &bad); err == nil || !strings.Contains(err.Error(), "bad parameters") {
		t.Errorf("bad parameters: %v", err)
	}
	if _, err := s.handle("$/cancelRequest", nil); err != nil {
		t.Errorf("$/cancelRequest: %v", err)
	}
	s.handle("shutdown", nil)
	if _, err := s.handle("textDocument/hover", nil); err == nil || !strings.Contains(err.Error(), "after shutdown") {
		t.Errorf("after shutdown: %v", err)
	}
}

// TestServeFraming checks the JSON-RPC layer: headers as clients write them,
// a body that is not JSON (answered with a parse error, the stream goes
// on), a response from the client (ignored), exit codes.
func TestServeFraming(t *testing.T) {
	frame := func(body string, headers ...string) string {
		return strings.Join(headers, "") + "Content-Length: " + itoa(len(body)) + "\r\n\r\n" + body
	}
	for _, c := range []struct {
		name string
		in   string
		code int
		want []string // in the output, in order
	}{
		{"shutdown then exit",
			frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`, "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n") +
				frame(`{"jsonrpc":"2.0","id":"two","method":"shutdown"}`) + frame(`{"jsonrpc":"2.0","method":"exit"}`),
			0, []string{`"id":1,"result":{"capabilities"`, `{"jsonrpc":"2.0","id":"two","result":null}`}},
		{"exit without shutdown", frame(`{"jsonrpc":"2.0","method":"exit"}`), 1, nil},
		{"end of input", frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`), 1, []string{`"id":1,"result"`}},
		{"a body that is not JSON, then a request",
			frame(`{"jsonrpc":"2.0","id":1,`) + frame(`{"jsonrpc":"2.0","id":7,"result":null}`) + frame(`{"jsonrpc":"2.0","id":2,"method":"initialize"}`),
			1, []string{`"id":null,"error":{"code":-32700`, `"id":2,"result"`}},
		{"lower-case header name", "content-length: 48\r\n\r\n" + `{"jsonrpc":"2.0","id":3,"method":"initialize"}` + "  ", 1, []string{`"id":3,"result"`}},
		{"a header without a length", "Content-Type: x\r\n\r\n{}", 1, nil},
		{"a truncated body", "Content-Length: 99\r\n\r\n{}", 1, nil},
		{"an unknown method", frame(`{"jsonrpc":"2.0","id":1,"method":"initialize"}`) + frame(`{"jsonrpc":"2.0","id":2,"method":"textDocument/rename","params":{}}`),
			1, []string{`"id":2,"error":{"code":-32601`}},
	} {
		var out, logs strings.Builder
		code := Serve(t.Context(), strings.NewReader(c.in), &out, &logs)
		if code != c.code {
			t.Errorf("%s: exit code %d, want %d (log: %s)", c.name, code, c.code, logs.String())
		}
		rest := out.String()
		for _, w := range c.want {
			i := strings.Index(rest, w)
			if i < 0 {
				t.Errorf("%s: output lacks %s after what came before:\n%s", c.name, w, out.String())
				break
			}
			rest = rest[i+len(w):]
		}
	}
}

// TestLintEquivalence checks that the diagnostics are lint's, with their
// ranges, on every lint fixture (each file a package of its own, flow a
// package of its files): rule, severity, message, start and end; and that
// each suggested fix, as a code action, edits the buffer as diag.Apply
// does (what `fwgen lint -fix` applies).
func TestLintEquivalence(t *testing.T) {
	var pkgs [][]string
	singles, _ := filepath.Glob("../../testdata/lint/*.fw")
	fixes, _ := filepath.Glob("../../testdata/lint/fix/*.fw")
	for _, f := range append(singles, fixes...) {
		pkgs = append(pkgs, []string{f})
	}
	flow, _ := filepath.Glob("../../testdata/lint/flow/*.fw")
	pkgs = append(pkgs, flow)
	if len(pkgs) < 20 {
		t.Fatalf("only %d fixtures", len(pkgs))
	}
	ss := newSession(t)
	withFixes := 0
	for _, files := range pkgs {
		dir := t.TempDir()
		var paths []string
		var srcs [][]byte
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(dir, filepath.Base(f))
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
			paths, srcs = append(paths, p), append(srcs, data)
		}
		_, lint := dsl.Load(paths, srcs)
		ss.open(paths[0], string(srcs[0]))
		for i, p := range paths {
			tx := newText(srcs[i])
			var want []diag.Diagnostic
			for _, d := range lint {
				if d.Pos.File == p {
					want = append(want, d)
				}
			}
			got := ss.diags(p)
			if len(got) != len(want) {
				t.Errorf("%s: %d diagnostics, lint has %d:\n%s", files[i], len(got), len(want), lint.Text())
				continue
			}
			for j, d := range want {
				start := tx.offsetOfCol(d.Pos.Line, d.Pos.Col)
				end := tx.tokenEnd(start)
				if d.End.IsValid() {
					end = d.End.Offset
				}
				sev := severityError
				if d.Severity == diag.Warning {
					sev = severityWarning
				}
				wantRange := Range{Start: tx.position(start), End: tx.position(end)}
				if g := got[j]; g.Code != d.Rule || g.Message != d.Message || g.Severity != sev || g.Range != wantRange || len(g.RelatedInformation) != len(d.Related) {
					t.Errorf("%s: diagnostic %d is %+v, lint's is %s (range %+v)", files[i], j, g, d, wantRange)
				}
				if len(d.Fixes) == 0 {
					continue
				}
				withFixes++
				var actions []CodeAction
				ss.mustCall("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": pathToURI(p)},
					"range": got[j].Range, "context": map[string]any{"diagnostics": []any{}}}, &actions)
				for _, f := range d.Fixes {
					wantSrc, err := diag.Apply(srcs[i], f.Edits)
					if err != nil {
						t.Fatal(err)
					}
					k := slices.IndexFunc(actions, func(a CodeAction) bool { return a.Title == f.Message && a.Diagnostics[0].Message == d.Message })
					if k < 0 {
						t.Errorf("%s: no code action %q for %s", files[i], f.Message, d)
						continue
					}
					edits := slices.Clone(actions[k].Edit.Changes[pathToURI(p)])
					slices.SortFunc(edits, func(a, b TextEdit) int { return tx.offset(b.Range.Start) - tx.offset(a.Range.Start) })
					gotSrc := srcs[i]
					for _, e := range edits {
						gotSrc = applyChange(gotSrc, contentChange{Range: &e.Range, Text: e.NewText})
					}
					if string(gotSrc) != string(wantSrc) {
						t.Errorf("%s: code action %q gives\n%s\nwant\n%s", files[i], f.Message, gotSrc, wantSrc)
					}
				}
			}
		}
		ss.mustCall("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": pathToURI(paths[0])}}, nil)
	}
	if withFixes < 10 {
		t.Errorf("only %d diagnostics with fixes", withFixes)
	}
}

// TestChangeSequence checks a didChange with several incremental edits,
// each applied to the result of the one before, as LSP specifies, in UTF-16
// positions after a character outside the BMP.
func TestChangeSequence(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.fw")
	ss := newSession(t)
	src := "package a\n\n// 😀 x\ninput event Order { id string }\n"
	ss.open(p, src)
	ss.vers[p]++
	ss.mustCall("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": pathToURI(p), "version": ss.vers[p]},
		"contentChanges": []any{
			// "x" after the emoji: character 6 (3 for "// ", 2 for 😀, 1 space).
			map[string]any{"range": Range{Start: Position{2, 6}, End: Position{2, 7}}, "text": "why"},
			// Then, in the text that edit made, rename the event.
			map[string]any{"range": Range{Start: Position{3, 12}, End: Position{3, 17}}, "text": "Sale"},
			// And add a line at the end.
			map[string]any{"range": Range{Start: Position{4, 0}, End: Position{4, 0}}, "text": "event Done { id string }\n"},
		}}, nil)
	want := "package a\n\n// 😀 why\ninput event Sale { id string }\nevent Done { id string }\n"
	if got := string(ss.s.ws.docs[p].src); got != want {
		t.Errorf("after the changes:\n%q\nwant\n%q", got, want)
	}
	var locs []Location
	ss.mustCall("textDocument/definition", docPos(p, Position{3, 13}), &locs)
	if len(locs) != 1 || locs[0].Range.Start != (Position{3, 12}) {
		t.Errorf("definition of Sale: %+v", locs)
	}
}
