// Package editors holds the editor integrations of .fw (editors/vscode) and
// the Go tests that keep them in step with the language.
package editors

import (
	"bytes"
	"encoding/json"
	"fmt"
	goast "go/ast"
	goparser "go/parser"
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

	"github.com/fwgo/fw/dsl/ast"
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
	parse := func(path string) *goast.File {
		f, err := goparser.ParseFile(fset, path, nil, goparser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	tagLit := regexp.MustCompile(`'([^']+)'`)
	keywordRule := regexp.MustCompile(`^\(\?:([a-z|]+)\)\\b$`)
	strLit := func(e goast.Expr) (string, bool) {
		lit, ok := e.(*goast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(lit.Value)
		return s, err == nil
	}
	for _, name := range []string{"grammar.go", "convert.go", "lexer.go"} {
		f := parse(filepath.Join("..", "dsl", "parser", name))
		goast.Inspect(f, func(n goast.Node) bool {
			switch n := n.(type) {
			case *goast.Field: // a grammar struct's field: its tag's 'literals'
				if n.Tag != nil {
					tag, _ := strconv.Unquote(n.Tag.Value)
					if p, ok := reflectTag(tag, "parser"); ok {
						for _, m := range tagLit.FindAllStringSubmatch(p, -1) {
							add(m[1])
						}
					}
				}
			case *goast.BinaryExpr: // x == "word", x != "word"
				if n.Op == token.EQL || n.Op == token.NEQ {
					if s, ok := strLit(n.Y); ok {
						add(s)
					}
				}
			case *goast.CaseClause: // case "word", ...:
				for _, e := range n.List {
					if s, ok := strLit(e); ok {
						add(s)
					}
				}
			case *goast.KeyValueExpr: // {Name: tokKeyword, Pattern: `(?:package|...)\b`}
				if id, ok := n.Key.(*goast.Ident); ok && id.Name == "Pattern" {
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
	goast.Inspect(f, func(n goast.Node) bool {
		vs, ok := n.(*goast.ValueSpec)
		if !ok || len(vs.Names) != 1 || vs.Names[0].Name != "builtinTypes" || len(vs.Values) != 1 {
			return true
		}
		found = true
		for _, elt := range vs.Values[0].(*goast.CompositeLit).Elts {
			if s, ok := strLit(elt.(*goast.KeyValueExpr).Key); ok {
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
	checked, named := 0, 0
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
		// What each name is, by the parser: its role's scope. Sources that
		// do not parse (the docs' examples of syntax errors, a block of
		// several files) have their tokens checked above, not their names.
		if file, diags := fwparser.ParseFile(s.name, []byte(s.text)); !diags.HasErrors() && file != nil {
			byOffset := map[int]fwparser.Token{}
			for _, tok := range toks {
				byOffset[tok.Pos.Offset] = tok
			}
			for _, r := range roles(file) {
				tok, ok := byOffset[r.pos.Offset]
				if !ok {
					t.Errorf("%s:%d:%d: no token where the parser has %s", s.name, r.pos.Line, r.pos.Col, r.what)
					continue
				}
				line := lines[tok.Pos.Line-1]
				from := utf16Len(line[:byteCol(line, tok.Pos.Col)])
				to := from + utf16Len(tok.Text)
				var scopes [][]string
				for _, tt := range tmLines[tok.Pos.Line-1] {
					if tt.Start < to && tt.End > from {
						scopes = append(scopes, tt.Scopes)
					}
				}
				if !slices.ContainsFunc(scopes, func(sc []string) bool {
					return slices.ContainsFunc(r.scopes, func(p string) bool { return hasScope(sc, p) })
				}) || len(scopes) == 0 {
					t.Errorf("%s:%d:%d: %q is %s: wants one of %v; the grammar gives %v", s.name, tok.Pos.Line, tok.Pos.Col, tok.Text, r.what, r.scopes, scopes)
				}
				named++
			}
		}
		for i, toks := range tmLines {
			for _, tt := range toks {
				if hasScope(tt.Scopes, "invalid.") {
					t.Errorf("%s:%d: the grammar marks %q invalid: %v", s.name, i+1, utf16Slice(lines[i], tt.Start, tt.End), tt.Scopes)
				}
			}
		}
	}
	t.Logf("%d sources, %d tokens checked, %d of them names by their role", len(sources), checked, named)
	if named < 5000 {
		t.Errorf("only %d names checked by their role: are the sources found?", named)
	}
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

// role is what the parser says a token is, and the scopes that the grammar
// may give it.
type role struct {
	pos    ast.Pos
	what   string
	scopes []string
}

// roles walks a parsed file and lists the role of each of its names and
// literals: declarations, fields, types, options, cases, targets, helpers,
// patterns and guards.
func roles(f *ast.File) []role {
	var out []role
	add := func(pos ast.Pos, what string, scopes ...string) {
		out = append(out, role{pos: pos, what: what, scopes: scopes})
	}
	typeName := func(id ast.Ident) { add(id.Pos, "a type", "support.type.builtin", "entity.name.type") }
	var typeExpr func(t *ast.TypeExpr)
	typeExpr = func(t *ast.TypeExpr) {
		switch t.Kind {
		case ast.TypeName:
			typeName(t.Name)
		case ast.TypeList:
			typeExpr(t.Elem)
		case ast.TypeMap:
			typeExpr(t.Key)
			typeExpr(t.Elem)
		}
	}
	fields := func(fs []*ast.FieldDecl) {
		for _, fd := range fs {
			add(fd.Name.Pos, "a field's name", "variable.other.property")
			typeExpr(fd.Type)
		}
	}
	literal := func(l *ast.Literal) {
		switch l.Kind {
		case ast.LitString:
			add(l.Pos, "a string", "string.")
		case ast.LitBool:
			add(l.Pos, "a bool", "constant.language.boolean")
		default:
			add(l.Pos, "a number", "constant.numeric.", "constant.language.float")
		}
	}
	name := func(pos ast.Pos) {
		add(pos, "a binding or a variant", "variable.parameter.binding", "variable.other.enummember")
	}
	var pattern func(p ast.Pattern)
	var fieldPatterns func(fps []*ast.FieldPattern)
	pattern = func(p ast.Pattern) {
		switch p := p.(type) {
		case *ast.Wildcard:
			add(p.Pos, "the wildcard", "variable.language.wildcard")
		case *ast.Name:
			name(p.Pos)
		case *ast.Literal:
			literal(p)
		case *ast.Nil:
			add(p.Pos, "nil", "constant.language.nil")
		case *ast.Alt:
			for _, a := range p.Alts {
				pattern(a)
			}
		case *ast.Range:
			if p.Lo != nil {
				pattern(p.Lo)
			}
			if p.Hi != nil {
				pattern(p.Hi)
			}
		case *ast.Compare:
			pattern(p.Value)
		case *ast.Not:
			pattern(p.Pattern)
		case *ast.Prefix:
			add(p.Pos, "prefix", "keyword.operator.prefix")
			literal(p.Value)
		case *ast.RecordPattern:
			fieldPatterns(p.Fields)
		}
	}
	fieldPatterns = func(fps []*ast.FieldPattern) {
		for _, fp := range fps {
			add(fp.Field.Pos, "a field in a pattern", "variable.other.property")
			if fp.Pattern != nil {
				pattern(fp.Pattern)
			}
		}
	}
	var expr func(e ast.Expr)
	expr = func(e ast.Expr) {
		switch e := e.(type) {
		case *ast.Binary:
			expr(e.X)
			expr(e.Y)
		case *ast.Unary:
			expr(e.X)
		case *ast.Paren:
			expr(e.X)
		case *ast.Len:
			add(e.Pos, "len", "support.function.builtin.len")
			add(e.Arg.Pos, "a binding", "variable.parameter.binding")
		case *ast.Name:
			name(e.Pos)
		case *ast.Literal:
			literal(e)
		}
	}
	targets := func(ids []ast.Ident) {
		for _, id := range ids {
			add(id.Pos, "a target", "variable.other.target")
		}
	}
	events := func(ids []ast.Ident) {
		for _, id := range ids {
			add(id.Pos, "an event", "entity.name.type.event")
		}
	}
	options := func(opts []*ast.Option) {
		for _, o := range opts {
			add(o.Name.Pos, "an option", "keyword.other.option")
			for _, v := range []*ast.IntLit{o.Value, o.To} {
				if v != nil {
					add(v.Pos, "an option's value", "constant.numeric.")
				}
			}
			events(o.Events)
		}
	}
	cases := func(cs []*ast.Case) {
		for _, c := range cs {
			switch {
			case c.IsCatchAll():
				add(c.Event.Pos, "the catch-all", "variable.language.wildcard")
			case c.Kind == ast.CaseEvent:
				add(c.Event.Pos, "a case's event", "entity.name.type.event")
				fieldPatterns(c.Fields)
			case c.Kind == ast.CaseBuilt:
				add(c.Target.Pos, "a consumed target", "variable.other.target")
			}
			if c.Guard != nil {
				expr(c.Guard)
			}
			if c.Name != nil {
				add(c.Name.Pos, "a case's name", "entity.name.function.case")
			}
			events(c.Emits)
			targets(c.Resolves)
			targets(c.Publishes)
		}
	}
	add(f.Package.Pos, "the package name", "entity.name.namespace")
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.EnumDecl:
			add(d.Name.Pos, "an enum's name", "entity.name.type.enum")
			for _, v := range d.Variants {
				add(v.Pos, "a variant", "variable.other.enummember")
			}
		case *ast.EventDecl:
			add(d.Name.Pos, "an event's name", "entity.name.type.event")
			fields(d.Fields)
		case *ast.RecordDecl:
			add(d.Name.Pos, "a record's name", "entity.name.type.record")
			fields(d.Fields)
		case *ast.ProcessorDecl:
			add(d.Name.Pos, "a processor's name", "entity.name.type.processor")
			for _, p := range d.Provides {
				add(p.Target.Pos, "a provided target", "variable.other.target")
				if p.Type != nil {
					typeName(*p.Type)
				}
			}
			options(d.Options)
			cases(d.Cases)
		case *ast.BuilderDecl:
			add(d.Name.Pos, "a builder's name", "entity.name.type.builder")
			add(d.Target.Pos, "a provided target", "variable.other.target")
			if d.Type != nil {
				typeName(*d.Type)
			}
			for _, r := range d.Requires {
				add(r.Pos, "a requirement", "variable.other.target", "entity.name.type.event")
			}
			if d.Persist != nil {
				add(d.Persist.Pos, "persist", "keyword.other.persist")
			}
			if d.Version != nil {
				add(d.Version.Pos, "a version", "constant.numeric.")
			}
			if d.Use != nil {
				add(d.Use.Helper.Pos, "a helper", "support.class.helper")
				for _, a := range d.Use.Args {
					add(a.Name.Pos, "a helper's argument", "variable.parameter.argument")
					switch v := a.Value.(type) {
					case *ast.Literal:
						literal(v)
					case *ast.Name:
						add(v.Pos, "a helper's argument's value", "variable.other.property", "support.type.builtin")
					}
				}
			}
			options(d.Options)
			cases(d.Cases)
		}
	}
	return out
}
