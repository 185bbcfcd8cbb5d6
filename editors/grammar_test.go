// Package editors holds the editor integrations of .fw (editors/vscode) and
// the Go tests that keep them in step with the language.
package editors

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	fwparser "github.com/fwgo/fw/dsl/parser"
)

const vscodeDir = "vscode"

// languageWords returns the words and operators of the .fw language as
// dsl/parser and dsl/check define them, read from their sources: the
// quoted literals of the grammar's struct tags, the words that the
// grammar's terminals and the converter compare tokens with (`t.Value ==
// "prefix"`, `case "provides", ...`), the lexer's reserved keywords, and the
// checker's built-in type names. A word added there is a word here, and
// TestGrammarCoversTheLanguage then wants a grammar test for it.
func languageWords(t *testing.T) []string {
	t.Helper()
	words := map[string]bool{}
	add := func(s string) {
		if s != "" {
			words[s] = true
		}
	}
	fset := token.NewFileSet()
	parse := func(path string) *ast.File {
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	tagLit := regexp.MustCompile(`'([^']+)'`)
	keywordRule := regexp.MustCompile(`^\(\?:([a-z|]+)\)\\b$`)
	strLit := func(e ast.Expr) (string, bool) {
		lit, ok := e.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(lit.Value)
		return s, err == nil
	}
	for _, name := range []string{"grammar.go", "convert.go", "lexer.go"} {
		f := parse(filepath.Join("..", "dsl", "parser", name))
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Field: // a grammar struct's field: its tag's 'literals'
				if n.Tag != nil {
					tag, _ := strconv.Unquote(n.Tag.Value)
					if p, ok := reflectTag(tag, "parser"); ok {
						for _, m := range tagLit.FindAllStringSubmatch(p, -1) {
							add(m[1])
						}
					}
				}
			case *ast.BinaryExpr: // x == "word", x != "word"
				if n.Op == token.EQL || n.Op == token.NEQ {
					if s, ok := strLit(n.Y); ok {
						add(s)
					}
				}
			case *ast.CaseClause: // case "word", ...:
				for _, e := range n.List {
					if s, ok := strLit(e); ok {
						add(s)
					}
				}
			case *ast.KeyValueExpr: // {Name: tokKeyword, Pattern: `(?:package|...)\b`}
				if id, ok := n.Key.(*ast.Ident); ok && id.Name == "Pattern" {
					if s, ok := strLit(n.Value); ok {
						if m := keywordRule.FindStringSubmatch(s); m != nil {
							for _, w := range strings.Split(m[1], "|") {
								add(w)
							}
						}
					}
				}
			}
			return true
		})
	}
	// The checker's built-in types.
	f := parse(filepath.Join("..", "dsl", "check", "fields.go"))
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || vs.Names[0].Name != "builtinTypes" || len(vs.Values) != 1 {
			return true
		}
		found = true
		for _, elt := range vs.Values[0].(*ast.CompositeLit).Elts {
			if s, ok := strLit(elt.(*ast.KeyValueExpr).Key); ok {
				add(s)
			}
		}
		return false
	})
	if !found {
		t.Fatal("dsl/check/fields.go: builtinTypes not found")
	}
	var out []string
	for w := range words {
		if isWord(w) || isOperator(w) {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// reflectTag returns the value of key in a struct tag.
func reflectTag(tag, key string) (string, bool) {
	prefix := key + `:"`
	i := strings.Index(tag, prefix)
	if i < 0 {
		return "", false
	}
	s, err := strconv.Unquote(tag[i+len(key)+1:])
	return s, err == nil
}

var (
	wordRE     = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	operatorRE = regexp.MustCompile(`^[-{}()\[\]:,;|?.<>=!&]+$`)
)

func isWord(s string) bool     { return wordRE.MatchString(s) }
func isOperator(s string) bool { return operatorRE.MatchString(s) }

// assertion is one `// ^^^ scope ...` line of a grammar test: the text it
// points at in the source line above it and the scopes it requires.
type assertion struct {
	file   string
	line   int
	text   string
	scopes []string
}

var (
	caretRE = regexp.MustCompile(`^(\s*//\s*)(\^+)\s+(.*)$`)
	arrowRE = regexp.MustCompile(`^//\s*<(-+)\s+(.*)$`)
)

// grammarTests reads the assertions of the grammar tests, in the format of
// vscode-tmgrammar-test: each assertion line points at columns of the last
// line above it that is not an assertion.
func grammarTests(t *testing.T) []assertion {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(vscodeDir, "test", "*.test.fw"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no grammar tests in %s/test: %v", vscodeDir, err)
	}
	var out []assertion
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		if !strings.HasPrefix(lines[0], `// SYNTAX TEST "source.fw"`) {
			t.Errorf("%s: the first line must be // SYNTAX TEST \"source.fw\" ...", file)
		}
		src := ""
		for i, line := range lines {
			var from, to int
			var scopes string
			if m := caretRE.FindStringSubmatchIndex(line); m != nil {
				from, to, scopes = m[4], m[5], line[m[6]:m[7]]
			} else if m := arrowRE.FindStringSubmatch(line); m != nil {
				from, to, scopes = 0, len(m[1]), m[2] // <--- is columns 0 to 3
			} else {
				src = line
				continue
			}
			if to > len(src) {
				t.Errorf("%s:%d: the assertion points past the end of its line", file, i+1)
				continue
			}
			required, _, _ := strings.Cut(scopes, " - ")
			out = append(out, assertion{file: file, line: i + 1, text: src[from:to], scopes: strings.Fields(required)})
		}
	}
	return out
}

// highlightPrefixes are the scopes that make a word or an operator stand
// out as such (not as a name): one of them must be asserted for each.
var highlightPrefixes = []string{
	"keyword.", "storage.", "constant.language.", "variable.language.", "support.function.", "support.type.",
	"punctuation.",
}

// TestGrammarCoversTheLanguage requires, for each word and operator of the
// language (languageWords), a grammar test that asserts a keyword-like scope
// on it: a word added to the parser without highlighting fails here.
func TestGrammarCoversTheLanguage(t *testing.T) {
	words := languageWords(t)
	// A sanity check of the extraction itself.
	for _, w := range []string{"package", "enum", "event", "input", "record", "map", "processor", "builder", "on",
		"init", "phase", "terminate", "built", "as", "if", "len", "resolve", "publish", "provides", "requires",
		"persist", "version", "use", "prefix", "true", "false", "inf", "nan", "nil", "_", "string", "duration",
		"->", "..", "..<", "||", "&&", "!=", "==", "<=", "!", "|", "?", "{", "}", "[", "]", "(", ")", ":", ",", ";"} {
		if !slices.Contains(words, w) {
			t.Errorf("the words read from dsl/parser lack %q: is languageWords out of date?", w)
		}
	}
	t.Logf("%d words and operators: %s", len(words), strings.Join(words, " "))
	asserted := map[string][]assertion{}
	for _, a := range grammarTests(t) {
		asserted[a.text] = append(asserted[a.text], a)
	}
	for _, w := range words {
		ok := false
		for _, a := range asserted[w] {
			for _, s := range a.scopes {
				for _, p := range highlightPrefixes {
					ok = ok || strings.HasPrefix(s, p)
				}
			}
		}
		if !ok {
			t.Errorf("no grammar test in %s/test asserts the highlighting of %q (a keyword, constant, operator or punctuation scope); add one, and a rule to syntaxes/fw.tmLanguage.json if it needs one", vscodeDir, w)
		}
	}
}

// TestGrammarAgreesWithLexer tokenizes every .fw source of the repository
// (the examples, the testdata packages, every ```fw block of the docs and
// the README, and the grammar tests) with the extension's grammar, as VS
// Code does, and checks each token of the Go lexer (dsl/parser.Tokens)
// against it: a comment is highlighted as a comment, a string as a string,
// a number as a number, a keyword as a keyword, an operator as an operator
// or punctuation, an identifier as something, and nothing as invalid. It
// needs Node and the extension's npm packages (editors/vscode/ci.sh installs
// them, and sets FW_EDITOR_TEST=1 so that their absence fails the test);
// without them it is skipped.
func TestGrammarAgreesWithLexer(t *testing.T) {
	node, err := exec.LookPath("node")
	if err == nil {
		_, err = os.Stat(filepath.Join(vscodeDir, "node_modules", "vscode-textmate"))
	}
	if err != nil {
		if os.Getenv("FW_EDITOR_TEST") != "" {
			t.Fatalf("FW_EDITOR_TEST is set but Node or the npm packages are missing (run editors/vscode/ci.sh): %v", err)
		}
		t.Skipf("needs node and editors/vscode/node_modules (make editor-test): %v", err)
	}
	sources := fwSources(t)
	dir := t.TempDir()
	var files []string
	byFile := map[string]source{}
	for i, s := range sources {
		name := filepath.Join(dir, fmt.Sprintf("%04d.fw", i))
		if err := os.WriteFile(name, []byte(s.text), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, name)
		byFile[name] = s
	}
	cmd := exec.Command(node, append([]string{filepath.Join(vscodeDir, "test", "tokenize.js")}, files...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("tokenize.js: %v\n%s", err, stderr.String())
	}
	var tm map[string][][]tmToken
	if err := json.Unmarshal(out, &tm); err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, name := range files {
		s := byFile[name]
		toks, diags := fwparser.Tokens(s.name, []byte(s.text))
		if len(diags) > 0 {
			t.Errorf("%s: does not lex: %s", s.name, diags.Text())
			continue
		}
		lines := strings.Split(s.text, "\n")
		tmLines := tm[name]
		for _, tok := range toks {
			// A token lies on one line (a comment's text has no newline,
			// and a string literal cannot span lines).
			line := lines[tok.Pos.Line-1]
			lineStart := tok.Pos.Offset - byteCol(line, tok.Pos.Col)
			from := utf16Len(s.text[lineStart:tok.Pos.Offset])
			to := from + utf16Len(strings.TrimRight(tok.Text, "\r"))
			var scopes [][]string
			for _, tt := range tmLines[tok.Pos.Line-1] {
				if tt.Start < to && tt.End > from {
					scopes = append(scopes, tt.Scopes)
				}
			}
			if msg := checkToken(tok, scopes); msg != "" {
				t.Errorf("%s:%d:%d: %q (%s): %s; the grammar gives %v", s.name, tok.Pos.Line, tok.Pos.Col, tok.Text, kindName(tok.Kind), msg, scopes)
			}
			checked++
		}
		for i, toks := range tmLines {
			for _, tt := range toks {
				if hasScope(tt.Scopes, "invalid.") {
					t.Errorf("%s:%d: the grammar marks %q invalid: %v", s.name, i+1, utf16Slice(lines[i], tt.Start, tt.End), tt.Scopes)
				}
			}
		}
	}
	t.Logf("%d sources, %d tokens checked", len(sources), checked)
}

type tmToken struct {
	Start  int      `json:"start"`
	End    int      `json:"end"`
	Scopes []string `json:"scopes"`
}

// checkToken says what is wrong with the scopes the grammar gives a token
// of the Go lexer, or "".
func checkToken(tok fwparser.Token, scopes [][]string) string {
	if len(scopes) == 0 {
		return "no token of the grammar covers it"
	}
	for _, s := range scopes {
		want := ""
		switch tok.Kind {
		case fwparser.TokenComment:
			if !hasScope(s, "comment.") {
				want = "a comment scope"
			}
		case fwparser.TokenString:
			if !hasScope(s, "string.") {
				want = "a string scope"
			}
		case fwparser.TokenInt, fwparser.TokenFloat:
			if !hasScope(s, "constant.numeric.") && !hasScope(s, "constant.language.float") {
				want = "a number scope"
			}
		case fwparser.TokenKeyword:
			// event is also a field name (a failure event's).
			if !hasScope(s, "keyword.") && !hasScope(s, "storage.") && !(tok.Text == "event" && hasScope(s, "variable.other.property")) {
				want = "a keyword scope"
			}
		case fwparser.TokenPunct:
			if !hasScope(s, "keyword.operator.") && !hasScope(s, "punctuation.") && !hasScope(s, "storage.modifier.list") {
				want = "an operator or punctuation scope"
			}
		case fwparser.TokenIdent:
			if !slices.ContainsFunc(s, func(sc string) bool { return sc != "source.fw" && !strings.HasPrefix(sc, "meta.") }) {
				want = "a scope (it is left plain)"
			} else if hasScope(s, "comment.") || hasScope(s, "string.") || hasScope(s, "punctuation.") {
				want = "a name's scope"
			}
		}
		if want != "" {
			return "wants " + want
		}
	}
	return ""
}

func hasScope(scopes []string, prefix string) bool {
	return slices.ContainsFunc(scopes, func(s string) bool { return strings.HasPrefix(s, prefix) })
}

func kindName(k fwparser.TokenKind) string {
	return [...]string{"comment", "keyword", "identifier", "int", "float", "string", "punctuation"}[k]
}

// byteCol converts a 1-based column in runes to a byte offset in line.
func byteCol(line string, col int) int {
	off := 0
	for i := 1; i < col && off < len(line); i++ {
		_, size := utf8.DecodeRuneInString(line[off:])
		off += size
	}
	return off
}

func utf16Len(s string) int { return len(utf16.Encode([]rune(s))) }

func utf16Slice(s string, from, to int) string {
	u := utf16.Encode([]rune(s))
	return string(utf16.Decode(u[min(from, len(u)):min(to, len(u))]))
}

// source is one .fw text to check, and where it comes from.
type source struct {
	name string
	text string
}

// fwSources collects the .fw files of the repository (but node_modules'
// and testdata that is meant not to parse) and the ```fw blocks of the docs
// and the README.
func fwSources(t *testing.T) []source {
	t.Helper()
	var out []source
	root := ".."
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "node_modules", ".git":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".fw") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		// Sources that are meant not to lex (the parser's and the
		// formatter's error cases) are no test of highlighting.
		if _, diags := fwparser.Tokens(path, data); len(diags) > 0 {
			return nil
		}
		out = append(out, source{name: path, text: string(data)})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	docs = append(docs, filepath.Join(root, "README.md"))
	blocks := 0
	for _, path := range docs {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for i, b := range fwBlocks(string(data)) {
			out = append(out, source{name: fmt.Sprintf("%s#%d", path, i+1), text: b})
			blocks++
		}
	}
	if blocks < 50 {
		t.Fatalf("found only %d ```fw blocks in the docs", blocks)
	}
	return out
}

// fwBlocks returns the bodies of the ```fw blocks of a Markdown text.
func fwBlocks(md string) []string {
	var out []string
	var cur []string
	in := false
	for _, line := range strings.Split(md, "\n") {
		switch {
		case !in && (line == "```fw" || strings.HasPrefix(line, "```fw ")):
			in, cur = true, nil
		case in && line == "```":
			in = false
			out = append(out, strings.Join(cur, "\n")+"\n")
		case in:
			cur = append(cur, line)
		}
	}
	return out
}
