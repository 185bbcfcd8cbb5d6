package format

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/parser"
	"github.com/fwgo/fw/internal/testenv"
)

var (
	update = flag.Bool("update", false, "rewrite the .golden files of testdata/fmt")
	all    = flag.Bool("all", false, "TestCommentsEverywhere: vary every golden input, not only some")
)

const goldenDir = "../../testdata/fmt"

// TestGolden formats each testdata/fmt/*.fw and compares with its .golden.
func TestGolden(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(goldenDir, "*.fw"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no inputs in %s (%v)", goldenDir, err)
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			got, diags := Source(path, src)
			if len(diags) > 0 {
				t.Fatalf("diagnostics:\n%s", diags.Text())
			}
			golden := strings.TrimSuffix(path, ".fw") + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
			checkProperties(t, path, src)
			// The golden output is itself formatted.
			checkProperties(t, golden, want)
		})
	}
}

// TestTestdata checks the properties on every .fw file of the repository's
// testdata and of the parser's.
func TestTestdata(t *testing.T) {
	n := 0
	for _, src := range testdataFiles(t) {
		n++
		checkProperties(t, src.name, src.data)
	}
	if n == 0 {
		t.Fatal("no .fw files found")
	}
}

type namedSource struct {
	name string
	data []byte
}

// testdataFiles returns every .fw file under the repository's testdata and
// the parser's.
func testdataFiles(t testing.TB) []namedSource {
	var out []namedSource
	for _, root := range []string{"../../testdata", "../parser/testdata"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || filepath.Ext(path) != ".fw" {
				return err
			}
			data, err := os.ReadFile(path)
			if !testenv.SkipLarge(len(data)) {
				out = append(out, namedSource{path, data})
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// checkProperties checks what formatting promises for a source that parses:
// the result parses to the same syntax tree (positions and comments aside),
// keeps every comment, and formatting it again changes nothing. A source
// that does not parse gets the parser's diagnostics.
func checkProperties(t testing.TB, name string, src []byte) {
	t.Helper()
	file, pdiags := parser.ParseFile(name, src)
	out, diags := Source(name, src)
	if file == nil {
		if out != nil || diags.Text() != pdiags.Text() {
			t.Errorf("%s: got %q and\n%s\nwant nil and the parser's\n%s", name, out, diags.Text(), pdiags.Text())
		}
		return
	}
	if len(diags) > 0 {
		t.Fatalf("%s: parses, but formatting fails:\n%s", name, diags.Text())
	}
	again, pdiags := parser.ParseFile(name, out)
	if len(pdiags) > 0 {
		t.Fatalf("%s: the formatted source does not parse:\n%s\n%s", name, pdiags.Text(), out)
	}
	if a, b := treeOf(file), treeOf(again); a != b {
		t.Errorf("%s: the formatted source parses differently:\nbefore:\n%s\nafter:\n%s\nformatted:\n%s", name, a, b, out)
	}
	if a, b := commentsOf(file), commentsOf(again); !slices.Equal(a, b) {
		t.Errorf("%s: comments changed:\nbefore: %q\nafter:  %q\nformatted:\n%s", name, a, b, out)
	}
	twice, diags := Source(name, out)
	if len(diags) > 0 || !bytes.Equal(out, twice) {
		t.Errorf("%s: formatting is not idempotent:\nonce:\n%s\ntwice:\n%s%s", name, out, twice, diags.Text())
	}
	if !bytes.HasSuffix(out, []byte("\n")) || bytes.HasSuffix(out, []byte("\n\n")) || bytes.Contains(out, []byte("\n\n\n")) ||
		bytes.Contains(out, []byte("\r")) || bytes.HasPrefix(out, []byte("\n")) {
		t.Errorf("%s: bad blank lines in\n%q", name, out)
	}
	for line := range strings.Lines(string(out)) {
		line = strings.TrimSuffix(line, "\n")
		body := strings.TrimLeft(line, " ")
		if strings.TrimRight(line, " \t") != line || strings.HasPrefix(body, "\t") || (len(line)-len(body))%4 != 0 {
			t.Errorf("%s: bad white space in line %q", name, line)
		}
	}
}

// commentsOf returns the comments of f as the formatter prints them,
// sorted: options move before cases, and their comments with them.
func commentsOf(f *ast.File) []string {
	var cs []string
	for _, c := range f.Comments {
		cs = append(cs, normComment(c.Text))
	}
	slices.Sort(cs)
	return cs
}

// treeOf renders a syntax tree without positions, comments and source, by
// reflection, so that no field is forgotten.
func treeOf(f *ast.File) string {
	var b strings.Builder
	g := *f
	g.Comments, g.Name, g.Src = nil, "", nil
	writeTree(&b, reflect.ValueOf(g), 0)
	return b.String()
}

var posType = reflect.TypeFor[ast.Pos]()

func writeTree(b *strings.Builder, v reflect.Value, depth int) {
	pad := strings.Repeat("  ", depth)
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		if v.Kind() == reflect.Interface {
			fmt.Fprintf(b, "%s ", v.Elem().Type())
		}
		writeTree(b, v.Elem(), depth)
	case reflect.Struct:
		b.WriteString("{\n")
		for i := range v.NumField() {
			if v.Type().Field(i).Type == posType {
				continue
			}
			fmt.Fprintf(b, "%s  %s: ", pad, v.Type().Field(i).Name)
			writeTree(b, v.Field(i), depth+1)
			b.WriteString("\n")
		}
		b.WriteString(pad + "}")
	case reflect.Slice:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		b.WriteString("[\n")
		for i := range v.Len() {
			b.WriteString(pad + "  ")
			writeTree(b, v.Index(i), depth+1)
			b.WriteString("\n")
		}
		b.WriteString(pad + "]")
	default:
		fmt.Fprintf(b, "%#v", v.Interface())
	}
}

func FuzzFormat(f *testing.F) {
	for _, src := range testdataFiles(f) {
		f.Add(src.data)
	}
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkProperties(t, "fuzz.fw", src)
	})
}

// fuzzSeeds are layouts that the testdata files lack.
var fuzzSeeds = []string{
	"package p",
	"package p // c",
	"// c\npackage p",
	"package p\n// c",
	"package p enum E {} enum F {A} event X {} processor P {}",
	"package p\nprocessor P { on A{a: 1 // c\n} on B }",
	"package p\nevent E { a // c\n int }",
	"package p\nenum E { A // c\n , B }",
	"package p\nprocessor P {\n\n\n on A\n\n\n on B\n\n\n}",
	"package p\r\n// crlf\r\nevent E { a int }\r\n",
	"package p\nprocessor P { on A{a: ((1 | 2)) | (3 | (4)), b: != (X), c: (..<-5) | 1.., d: prefix \"x\"} }",
	"package p //   \t\n//\n",
	"package p\nprocessor P { on A; as B; on C; as; limit 1; x E, F; y 2 G }",
	"package p\nprocessor A { a 0;b0000 }",
	"package p builder A provides a builder B provides b // c\n requires a { on init -> resolve a } builder C provides c {}",
	"package p\nbuilder A provides a // a\n// b\nbuilder B provides b\n\n\nbuilder C provides c\n// end",
	"package p\nbuilder A provides a use H( // c\n k: 1, // d\n s: \"x\") // e\ninput event E {}",
	"package p\nprocessor P { on built a -> resolve b, X, resolve c // c\n on built\n b }",
	"package p\nprocessor P provides a: A, // c\n b: B { on A -> publish a, X, resolve c, publish b // d\n }",
	"package p\nprocessor P provides a: A {}\nbuilder B provides b requires A, a use Collector",
}

// TestCommentsEverywhere puts a comment, at the end of a line or on a line
// of its own, and blank lines, after every token of some golden inputs, and
// checks the properties on each variant. With -all, it does so for all of
// them (slow).
func TestCommentsEverywhere(t *testing.T) {
	paths := []string{filepath.Join(goldenDir, "comments.fw"), filepath.Join(goldenDir, "options.fw"), filepath.Join(goldenDir, "builders.fw"),
		filepath.Join(goldenDir, "guards.fw"), filepath.Join(goldenDir, "publish.fw"), filepath.Join(goldenDir, "partition.fw"), "../parser/testdata/patterns.fw"}
	if *all {
		paths, _ = filepath.Glob(filepath.Join(goldenDir, "*.fw"))
		paths = append(paths, "../parser/testdata/patterns.fw")
	}
	variants := 0
	stride := testenv.Stride(3) // a sample of the tokens under the race detector (see testenv)
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		toks, diags := parser.Tokens(path, src)
		if len(diags) > 0 {
			t.Fatal(diags.Text())
		}
		for i, tok := range toks {
			if i%stride != 0 {
				continue
			}
			end := tok.End()
			kinds := []string{"\n// c" + fmt.Sprint(i) + "\n", "\n\n\n", "\n// a\n\n// b\n\n"}
			inserts := []string{" // c" + fmt.Sprint(i) + "\n", kinds[i%len(kinds)]}
			if *all {
				inserts = append(kinds, inserts[0])
			}
			for _, ins := range inserts {
				v := string(src[:end]) + ins + string(src[end:])
				variants++
				checkProperties(t, fmt.Sprintf("%s+%d%q", path, i, ins), []byte(v))
				if t.Failed() {
					return
				}
			}
		}
	}
	t.Logf("%d variants", variants)
}

func TestSyntaxError(t *testing.T) {
	out, diags := Source("x.fw", []byte("package p\nprocessor P {\n    on Tick{n -> Tock\n}\n"))
	want := "x.fw:3:15: error: unexpected \"->\", expected \",\" or \"}\" [syntax]\n"
	if out != nil || diags.Text() != want {
		t.Errorf("got %q and %q, want nil and %q", out, diags.Text(), want)
	}
}

// TestCodeOf checks that the comparison of syntax trees in Source sees
// every part of them.
func TestCodeOf(t *testing.T) {
	srcs := []string{
		"package p\nevent E {}", "package p\ninput event E {}", "package q\nevent E {}",
		"package p\nprocessor P { on E }", "package p\nprocessor P { on E{} }", "package p\nprocessor P { on E{a} }",
		"package p\nprocessor P { on E{a: 1 | 2 | 3} }", "package p\nprocessor P { on E{a: (1 | 2) | 3} }",
		"package p\nprocessor P { on E{a: 1 | (2 | 3)} }", "package p\nprocessor P { on E{a: 1..2} }",
		"package p\nprocessor P { on E{a: 1..<2} }", "package p\nprocessor P { on E{a: ..2} }", "package p\nprocessor P { on E{a: 1..} }",
		"package p\nprocessor P { on E{a: != (1 | 2)} }", "package p\nprocessor P { on E{a: != 1 | 2} }",
		"package p\nprocessor P { on E{a: 0x1} }", "package p\nprocessor P { on E{a: 1} }",
		"package p\nprocessor P { exhaustive }", "package p\nprocessor P { exhaustive E }", "package p\nprocessor P { exhaustive 1 }",
		"package p\nprocessor P { on init }", "package p\nprocessor P { on init as I }", "package p\nprocessor P { on init -> E }",
		"package p\nprocessor P { on init -> resolve e }", "package p\nprocessor P { on init -> E, resolve e }",
		"package p\nprocessor P { on init -> resolve e, resolve f }", "package p\nprocessor P { on built e }",
		"package p\nprocessor P { on built e as E }", "package p\nprocessor P { on built f }",
		"package p\nbuilder B provides t", "package p\nbuilder B provides t {}", "package p\nbuilder C provides t",
		"package p\nbuilder B provides u", "package p\nbuilder B provides t: T", "package p\nbuilder B provides t requires a",
		"package p\nbuilder B provides t requires a, b", "package p\nbuilder B provides t persist",
		"package p\nbuilder B provides t version 1", "package p\nbuilder B provides t version 0x1",
		"package p\nbuilder B provides t persist version 1", "package p\nbuilder B provides t use H",
		"package p\nbuilder B provides t use H()", "package p\nbuilder B provides t use H(a: 1)", "package p\nbuilder B provides t use H(a: x)",
		"package p\nbuilder B provides t use H(b: 1)", "package p\nbuilder B provides t use H(a: 1, b: 2)", "package p\nbuilder B provides t use G",
		"package p\nbuilder B provides t { concurrency 2 }", "package p\nbuilder B provides t { on phase }",
		"package p\nbuilder B provides t { on phase -> resolve a }",
		"package p\nprocessor P { on init -> publish e }", "package p\nprocessor P { on init -> resolve e, publish f }",
		"package p\nprocessor P { on init -> publish e, publish f }", "package p\nprocessor P provides e: E {}",
		"package p\nprocessor P provides e: F {}", "package p\nprocessor P provides e: E, f: E {}",
	}
	seen := map[string]string{}
	for _, src := range srcs {
		f, diags := parser.ParseFile("x.fw", []byte(src))
		if len(diags) > 0 {
			t.Fatalf("%q: %s", src, diags.Text())
		}
		code := codeOf(f)
		if other, ok := seen[code]; ok {
			t.Errorf("%q and %q print the same:\n%s", src, other, code)
		}
		seen[code] = src
	}
}
