package check

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/ir"
	"github.com/fwgo/fw/dsl/parser"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/check")

// corpusDir holds the checker's corpus: each x.fw is a one-file package, each
// directory x/ a package of its .fw files; x.golden beside it holds the
// expected diagnostics in text form (empty for a clean package).
const corpusDir = "../../testdata/check"

// corpus returns the packages of the corpus: name → file paths relative to corpusDir.
func corpus(t *testing.T) map[string][]string {
	t.Helper()
	entries, err := os.ReadDir(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	pkgs := map[string][]string{}
	for _, e := range entries {
		switch {
		case e.IsDir():
			files, err := filepath.Glob(filepath.Join(corpusDir, e.Name(), "*.fw"))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range files {
				pkgs[e.Name()] = append(pkgs[e.Name()], filepath.Join(e.Name(), filepath.Base(f)))
			}
		case strings.HasSuffix(e.Name(), ".fw"):
			pkgs[strings.TrimSuffix(e.Name(), ".fw")] = []string{e.Name()}
		}
	}
	return pkgs
}

// parseCorpus parses files (relative to corpusDir), named by their relative
// paths so that the goldens do not depend on where the tests run.
func parseCorpus(t *testing.T, paths []string) []*ast.File {
	t.Helper()
	var files []*ast.File
	for _, p := range paths {
		src, err := os.ReadFile(filepath.Join(corpusDir, p))
		if err != nil {
			t.Fatal(err)
		}
		f, diags := parser.ParseFile(filepath.ToSlash(p), src)
		if len(diags) > 0 {
			t.Fatalf("corpus files must parse:\n%s", diags.Text())
		}
		files = append(files, f)
	}
	return files
}

func TestGolden(t *testing.T) {
	for name, paths := range corpus(t) {
		t.Run(name, func(t *testing.T) {
			pkg, diags := Check(parseCorpus(t, paths))
			got := diags.Text()
			golden := filepath.Join(corpusDir, name+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("diagnostics differ from %s (go test -update rewrites it)\ngot:\n%s\nwant:\n%s", golden, got, want)
			}
			if (pkg == nil) != diags.HasErrors() {
				t.Errorf("package is %v with errors=%v", pkg, diags.HasErrors())
			}
		})
	}
}

// TestGoldenCoversRules keeps the corpus complete: every rule of the checker
// shows in some golden file.
func TestGoldenCoversRules(t *testing.T) {
	var all strings.Builder
	for name := range corpus(t) {
		data, err := os.ReadFile(filepath.Join(corpusDir, name+".golden"))
		if err != nil {
			t.Fatal(err)
		}
		all.Write(data)
	}
	for _, rule := range allRules {
		if !strings.Contains(all.String(), "["+rule+"]") {
			t.Errorf("no golden file shows rule %s", rule)
		}
	}
}

var allRules = []string{
	rulePackageMismatch, ruleBadName, ruleDuplicateDeclaration, ruleDuplicateVariant,
	ruleBadVariant, ruleEmptyEnum,
	ruleDuplicateField, ruleNameCollision, ruleUnknownType, ruleUnknownEvent,
	ruleUnknownField, ruleDuplicateFieldPattern, ruleDuplicateBinding, ruleBadLiteral,
	ruleDuplicateCase, ruleUnknownOption, ruleBadOption, ruleTerminateEmits,
	ruleBadPattern, ruleEmptyPattern, ruleMissingProvider, ruleDuplicateProvider,
	ruleDependencyCycle, ruleUnknownHelper, ruleBadHelperArg, ruleBadBuilder, ruleRecordCycle,
}

// FuzzCheck checks that whatever the parser accepts, Check neither panics nor
// returns a package that breaks the IR's invariants. Seeds: the corpus and the
// lint fixtures.
func FuzzCheck(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join(corpusDir, "*.fw"))
	lint, _ := filepath.Glob(filepath.Join(lintDir, "*.fw"))
	for _, p := range append(paths, lint...) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		file, diags := parser.ParseFile("fuzz.fw", src)
		if len(diags) > 0 || file == nil {
			return
		}
		pkg, diags := Check([]*ast.File{file})
		if (pkg == nil) != diags.HasErrors() {
			t.Fatalf("package %v with errors=%v", pkg, diags.HasErrors())
		}
		if pkg == nil {
			return
		}
		for i, ev := range pkg.Events {
			if ev.Kind != i {
				t.Fatalf("event %s has kind %d at index %d", ev.Name, ev.Kind, i)
			}
		}
		for i, r := range pkg.Records {
			if i > 0 && pkg.Records[i-1].Name >= r.Name {
				t.Fatalf("records %s and %s out of order", pkg.Records[i-1].Name, r.Name)
			}
			for _, f := range r.Fields {
				checkType(t, f.Type)
			}
		}
		for _, ev := range pkg.Events {
			for _, f := range ev.Fields {
				checkType(t, f.Type)
			}
		}
		for i, tg := range pkg.Targets {
			if tg.Index != i || tg.Type == nil || tg.Provider == nil ||
				tg.Provider.Builder == nil && !slices.Contains(tg.Provider.Provides, tg) ||
				tg.Provider.Builder != nil && tg.Provider.Builder.Provides != tg {
				t.Fatalf("target %s: index %d at %d, type %v, provider %v", tg.Name, tg.Index, i, tg.Type, tg.Provider)
			}
		}
		for i, p := range pkg.Processors {
			if p.Index != i || p.Concurrency < 1 {
				t.Fatalf("processor %s: index %d at %d, concurrency %d", p.Name, p.Index, i, p.Concurrency)
			}
			if p.Version != 0 && !p.Cached || p.Builder != nil && p.Cached {
				t.Fatalf("processor %s: cached %v, version %d, builder %v", p.Name, p.Cached, p.Version, p.Builder != nil)
			}
			if b := p.Builder; b != nil {
				if b.Provides == nil || b.Provides.Provider != p || len(b.Requires)+len(b.Events) != len(p.Cases) {
					t.Fatalf("builder %s: provides %v, %d requirements for %d cases", p.Name, b.Provides, len(b.Requires)+len(b.Events), len(p.Cases))
				}
				// Its cases receive its requirements, targets and event
				// types, each kind in the order of Requires and Events.
				nt, ne := 0, 0
				for j, c := range p.Cases {
					switch {
					case c.Kind == ast.CaseBuilt && nt < len(b.Requires) && c.Target == b.Requires[nt]:
						nt++
					case c.Kind == ast.CaseEvent && ne < len(b.Events) && c.Event == b.Events[ne] && len(c.Tests) == 0 && c.Guard == nil:
						ne++
					default:
						t.Fatalf("builder %s: case %d is %s of %v, not of its next requirement", p.Name, j, c.Kind, c.Target)
					}
				}
				if b.Eager != (len(b.Events) > 0 || slices.ContainsFunc(b.Requires, func(r *ir.Target) bool {
					return r.Published() || r.Provider.Builder.Eager
				})) {
					t.Fatalf("builder %s: eager %v", p.Name, b.Eager)
				}
			} else {
				for _, c := range p.Cases {
					for _, tg := range c.Publishes {
						if tg.Provider != p {
							t.Fatalf("processor %s: case %s publishes %s, provided by %s", p.Name, c.Name, tg.Name, tg.Provider.Name)
						}
					}
				}
			}
			for j, c := range p.Cases {
				if c.Index != j || (c.Event == nil) == (c.Kind == ast.CaseEvent && !c.CatchAll) || (c.Target == nil) == (c.Kind == ast.CaseBuilt) ||
					c.CatchAll && (c.Kind != ast.CaseEvent || len(c.Tests)+len(c.Binds) > 0 || c.Guard != nil) {
					t.Fatalf("processor %s: case %s index %d at %d, event %v, target %v", p.Name, c.Name, c.Index, j, c.Event, c.Target)
				}
				for _, test := range c.Tests {
					if test.Set.IsEmpty() || isFull(test.Field.Domain(), test.Set) {
						t.Fatalf("processor %s: case %s: test of %s is %s", p.Name, c.Name, test.Field.Name, test.Set)
					}
				}
			}
		}
	})
}

// checkType fails if t is not a resolved type: lists and maps with their
// parts, map keys string or int, records and enums named.
func checkType(t *testing.T, typ ir.Type) {
	t.Helper()
	switch typ.Kind {
	case ir.List:
		if typ.Elem == nil {
			t.Fatalf("list without an item type")
		}
		checkType(t, *typ.Elem)
	case ir.Map:
		if typ.Key == nil || typ.Elem == nil || typ.Key.Kind != ir.String && typ.Key.Kind != ir.Int {
			t.Fatalf("map %v", typ)
		}
		checkType(t, *typ.Elem)
	case ir.RecordType:
		if typ.Record == nil {
			t.Fatalf("record type without a record")
		}
	case ir.EnumType:
		if typ.Enum == nil {
			t.Fatalf("enum type without an enum")
		}
	}
}
