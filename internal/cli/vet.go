package cli

import (
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/fwgo/fw/fwvet"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

var vetCmd = &command{
	name:     "vet",
	synopsis: "[-C dir] [-format text|json] [-handlers] [packages]",
	summary:  "report what breaks replay determinism in the Go handlers (fwvet)",
	help: `Vet runs the fwvet analyzer on Go packages (go list patterns, default "."),
their tests included: in the methods that implement the handler interfaces
fwgen generated, and the functions of the same package they reach, it reports
wall-clock time, global randomness, map iteration whose order reaches an
emission or a return value, goroutines and selects over several channels,
package-level mutable state, and environment, file and network reads outside
source builders. Each finding names the handler and the call chain:

	handlers.go:31:9: Billing.OnOrder -> stamp -> time.Now: wall-clock time in a handler breaks replay: ...

A comment "//fw:nondeterministic-ok reason" on the line of a finding, alone on
the line before it, on the line of a call that leads to it, or in the doc
comment of a function silences it; one without a reason is reported.
docs/vet.md has the details; go vet -vettool=$(which fwvet) runs the same
analyzer (cmd/fwvet).

With -handlers, vet prints the handler methods it found instead, a package
per line: "pkg: Billing.OnOrder, Audit.Init, ..." (a source builder's marked
[source]); the exit status is then 0 unless the packages do not load.

With -format json, the findings form one JSON array of objects with file,
line, col, end_line, end_col, category and message.

Exit status: 0 when there is no finding, 1 when there is one, 2 when the
packages do not load (the errors go to stderr).
`,
	setup: func(fs *flag.FlagSet) func(*env, []string) int {
		dir := fs.String("C", "", "run in `dir` (a module's directory) instead of the current one")
		format := fs.String("format", "text", "output `format`: text or json")
		handlers := fs.Bool("handlers", false, "print the handler methods found, not the findings")
		return func(e *env, patterns []string) int { return e.vet(*dir, *format, *handlers, patterns) }
	},
}

// A vetFinding is one fwvet diagnostic, positioned.
type vetFinding struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	EndLine  int    `json:"end_line,omitempty"`
	EndCol   int    `json:"end_col,omitempty"`
	Category string `json:"category"`
	Message  string `json:"message"`
}

func (e *env) vet(dir, format string, listHandlers bool, patterns []string) int {
	if format != "text" && format != "json" {
		return e.usageError("unknown -format %q: want text or json", format)
	}
	if len(patterns) == 0 {
		patterns = []string{"."}
	}
	findings, handlers, errs := vetPackages(dir, patterns)
	for _, err := range errs {
		fmt.Fprintf(e.stderr, "fwgen vet: %v\n", err)
	}
	if len(errs) > 0 {
		return ExitUsage
	}
	if listHandlers {
		for _, h := range handlers {
			fmt.Fprintf(e.stdout, "%s: %s\n", h.pkg, strings.Join(h.handlers, ", "))
		}
		return ExitOK
	}
	base := dir
	if base == "" {
		base, _ = os.Getwd()
	}
	if abs, err := filepath.Abs(base); err == nil {
		base = abs
	}
	for i := range findings {
		if rel, err := filepath.Rel(base, findings[i].File); err == nil && !strings.HasPrefix(rel, "..") {
			findings[i].File = rel
		}
	}
	if format == "json" {
		if findings == nil {
			findings = []vetFinding{}
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false) // "->" as it is
		enc.SetIndent("", "  ")
		if err := enc.Encode(findings); err != nil {
			fmt.Fprintf(e.stderr, "fwgen: %v\n", err)
			return ExitUsage
		}
	} else {
		for _, f := range findings {
			fmt.Fprintf(e.stdout, "%s:%d:%d: %s\n", f.File, f.Line, f.Col, f.Message)
		}
	}
	if len(findings) > 0 {
		return ExitError
	}
	return ExitOK
}

// pkgHandlers are the handler methods of a package, its tests' included.
type pkgHandlers struct {
	pkg      string
	handlers []string
}

// vetPackages loads the packages that patterns name in dir (their tests
// included) and returns fwvet's findings, once each, in file order, and the
// handlers of each package that has some; or the errors that kept packages
// from loading or being analyzed.
func vetPackages(dir string, patterns []string) ([]vetFinding, []pkgHandlers, []error) {
	cfg := &packages.Config{Mode: packages.LoadSyntax | packages.NeedModule, Dir: dir, Tests: true}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, nil, []error{err}
	}
	var errs []error
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, err := range p.Errors {
			errs = append(errs, err)
		}
	})
	if len(pkgs) == 0 {
		errs = append(errs, fmt.Errorf("no packages match %s", strings.Join(patterns, " ")))
	}
	if len(errs) > 0 {
		return nil, nil, errs
	}
	g, err := checker.Analyze([]*analysis.Analyzer{fwvet.Analyzer}, pkgs, nil)
	if err != nil {
		return nil, nil, []error{err}
	}
	seen := map[vetFinding]bool{}
	var out []vetFinding
	var hs []pkgHandlers
	for _, act := range g.Roots {
		if act.Err != nil {
			errs = append(errs, fmt.Errorf("%s: %v", act.Package.PkgPath, act.Err))
			continue
		}
		if res, ok := act.Result.(*fwvet.Result); ok && len(res.Handlers) > 0 {
			// p [p.test] and p share their handlers: keep the union, by path.
			i := slices.IndexFunc(hs, func(h pkgHandlers) bool { return h.pkg == act.Package.PkgPath })
			if i < 0 {
				hs = append(hs, pkgHandlers{pkg: act.Package.PkgPath})
				i = len(hs) - 1
			}
			for _, h := range res.Handlers {
				if !slices.Contains(hs[i].handlers, h) {
					hs[i].handlers = append(hs[i].handlers, h)
				}
			}
		}
		for _, d := range act.Diagnostics {
			p, end := act.Package.Fset.Position(d.Pos), act.Package.Fset.Position(d.End)
			f := vetFinding{File: p.Filename, Line: p.Line, Col: p.Column, Category: d.Category, Message: d.Message}
			if end.IsValid() {
				f.EndLine, f.EndCol = end.Line, end.Column
			}
			if !seen[f] { // a package and its test variant share files
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	slices.SortFunc(out, func(a, b vetFinding) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col), cmp.Compare(a.Message, b.Message))
	})
	slices.SortFunc(hs, func(a, b pkgHandlers) int { return cmp.Compare(a.pkg, b.pkg) })
	return out, hs, errs
}
