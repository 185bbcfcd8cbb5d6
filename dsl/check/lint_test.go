package check

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/parser"
)

// lintDir holds the lint fixtures, in the manner of analysistest: each x.fw
// is a one-file package, each directory x/ a package of its .fw files, and
// the diagnostics expected on a line are written in a comment on that line:
//
//	on Order{amount: 2} as B // want warning unreachable-case "case B is unreachable"
//
// A want comment holds one or more expectations, each an optional severity
// (error or warning; either when absent), a rule name and a Go-quoted regular
// expression that must match somewhere in the message. Where the comment of
// the line is already taken (a //fw:ignore comment), the want follows a
// " -- " in it: `//fw:ignore foo -- want bad-ignore "unknown rule foo"`.
//
// Every diagnostic must match an expectation of its line, each expectation
// matching one diagnostic, and every expectation must be matched.
const lintDir = "../../testdata/lint"

// want is one expected diagnostic.
type want struct {
	pos      ast.Pos
	severity string // "" for either
	rule     string
	re       *regexp.Regexp
	raw      string
	matched  bool
}

func (w *want) String() string {
	return fmt.Sprintf("%s: %s %s %q", w.pos, w.severity, w.rule, w.raw)
}

func (w *want) matches(d diag.Diagnostic) bool {
	return !w.matched && d.Pos.File == w.pos.File && d.Pos.Line == w.pos.Line &&
		d.Rule == w.rule && (w.severity == "" || w.severity == d.Severity.String()) &&
		w.re.MatchString(d.Message)
}

// parseWants reads the expectations of a file's comments.
func parseWants(f *ast.File) ([]*want, error) {
	var wants []*want
	for _, cm := range f.Comments {
		text := strings.TrimSpace(cm.Text)
		if _, after, ok := strings.Cut(text, " -- "); ok {
			text = strings.TrimSpace(after)
		}
		rest, ok := strings.CutPrefix(text, "want ")
		if !ok {
			continue
		}
		w := &want{pos: cm.Pos}
		for rest = strings.TrimSpace(rest); rest != ""; rest = strings.TrimSpace(rest) {
			if rest[0] == '"' || rest[0] == '`' {
				q, err := strconv.QuotedPrefix(rest)
				if err != nil {
					return nil, fmt.Errorf("%s: bad quoted regexp in %q", cm.Pos, rest)
				}
				rest = rest[len(q):]
				w.raw, _ = strconv.Unquote(q)
				if w.re, err = regexp.Compile(w.raw); err != nil {
					return nil, fmt.Errorf("%s: %v", cm.Pos, err)
				}
				if w.rule == "" {
					return nil, fmt.Errorf("%s: want %q names no rule", cm.Pos, w.raw)
				}
				wants = append(wants, w)
				w = &want{pos: cm.Pos}
				continue
			}
			word, tail, _ := strings.Cut(rest, " ")
			rest = tail
			switch {
			case word == "error" || word == "warning":
				w.severity = word
			case w.rule == "":
				w.rule = word
			default:
				return nil, fmt.Errorf("%s: unexpected %q in want comment", cm.Pos, word)
			}
		}
		if w.rule != "" || w.severity != "" {
			return nil, fmt.Errorf("%s: want comment ends without a quoted regexp", cm.Pos)
		}
	}
	return wants, nil
}

// lintPackages returns the fixture packages: name → file paths.
func lintPackages(t *testing.T, dir string) map[string][]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	pkgs := map[string][]string{}
	for _, e := range entries {
		switch {
		case e.IsDir() && e.Name() == "fix":
			// The goldens of lint -fix, one-file packages without want
			// comments: internal/cli's TestLintFixGoldens runs them.
		case e.IsDir():
			files, _ := filepath.Glob(filepath.Join(dir, e.Name(), "*.fw"))
			pkgs[e.Name()] = files
		case strings.HasSuffix(e.Name(), ".fw"):
			pkgs[strings.TrimSuffix(e.Name(), ".fw")] = []string{filepath.Join(dir, e.Name())}
		}
	}
	return pkgs
}

func TestLintFixtures(t *testing.T) {
	pkgs := lintPackages(t, lintDir)
	if len(pkgs) == 0 {
		t.Fatal("no lint fixtures")
	}
	rulesSeen := map[string]bool{}
	for name, paths := range pkgs {
		t.Run(name, func(t *testing.T) {
			var files []*ast.File
			var wants []*want
			for _, p := range paths {
				src, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				rel, _ := filepath.Rel(lintDir, p)
				f, diags := parser.ParseFile(filepath.ToSlash(rel), src)
				if len(diags) > 0 {
					t.Fatalf("fixtures must parse:\n%s", diags.Text())
				}
				ws, err := parseWants(f)
				if err != nil {
					t.Fatal(err)
				}
				files, wants = append(files, f), append(wants, ws...)
			}
			_, diags := Check(files)
			for _, d := range diags {
				rulesSeen[d.Rule] = true
				found := false
				for _, w := range wants {
					if w.matches(d) {
						w.matched, found = true, true
						break
					}
				}
				if !found {
					t.Errorf("unexpected diagnostic:\n%s", d.Format())
				}
			}
			for _, w := range wants {
				if !w.matched {
					t.Errorf("no diagnostic matches want %s", w)
				}
			}
		})
	}
	if t.Failed() {
		return
	}
	for _, rule := range append(lintRules, ruleEmptyPattern, ruleBadPattern, ruleBadLiteral) {
		// No fixture small enough to read exceeds the work bound of the
		// search: TestAnalysisIncomplete shows that rule.
		if !rulesSeen[rule] && rule != ruleAnalysisIncomplete {
			t.Errorf("no lint fixture shows rule %s", rule)
		}
	}
}

// TestLintDocCoversRules keeps docs/lint.md complete: every rule of the
// checker has an example there (which dsl's TestDocExamples runs).
func TestLintDocCoversRules(t *testing.T) {
	data, err := os.ReadFile("../../docs/lint.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, rule := range append(append([]string{"syntax"}, errorRules...), lintRules...) {
		if rule == ruleAnalysisIncomplete {
			// No example small enough to read exceeds the work bound: the
			// doc shows the warning's text instead.
			if !strings.Contains(string(data), "["+rule+"]") {
				t.Errorf("docs/lint.md does not show rule %s", rule)
			}
			continue
		}
		if !strings.Contains(string(data), "```fw lint="+rule+"\n") {
			t.Errorf("docs/lint.md has no example of rule %s", rule)
		}
	}
}
