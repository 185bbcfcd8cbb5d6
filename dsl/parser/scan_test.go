package parser

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/fwgo/fw/internal/testenv"
)

// lexAll runs a lexer of def over src to its EOF token or its first error,
// and renders what it produced, one token or error a line.
func lexAll(t testing.TB, def lexer.Definition, src string) string {
	lx, err := def.(lexer.StringDefinition).LexString("x.fw", src)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for {
		tok, err := lx.Next()
		if err != nil {
			lerr, ok := err.(*lexer.Error)
			if !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			fmt.Fprintf(&b, "error %#v %q\n", lerr.Pos, lerr.Msg)
			return b.String()
		}
		fmt.Fprintf(&b, "%d %q %#v\n", tok.Type, tok.Value, tok.Pos)
		if tok.EOF() {
			return b.String()
		}
	}
}

// scanCorpus is the .fw files of the repository, the fuzz seeds and
// snippets at the edges of the token rules.
func scanCorpus(t testing.TB) map[string]string {
	corpus := map[string]string{}
	for i, s := range fuzzSeeds {
		corpus[fmt.Sprintf("seed %d", i)] = s
	}
	edges := []string{
		"-", "-x", "-i", "-in", "-inf", "-inf_", "-inf1", "-inf.", "-info", "-inf..inf", "->", "-->", "-1-", "- 1",
		"1", "1.", "1..", "1...", "1.x", "1._", "1.5", "1.5.", "1.5..2", "1e", "1E+", "1e-", "1e+-", "1ee", "1e.5", "1.e5",
		"1_", "_1", "1__2", "0x", "0x1F", "0x1e+5", "0x1.p3", "1.5e3x", "12abc", "1.2.3", "1.2..3", "-0.0", "9.Z",
		`"`, `""`, `"a`, `"a\`, `"a\"`, `"a\\"`, `"a\n"`, "\"a\nb\"", "\"a\\\nb\"", `"\u00e9"`, `"é\é"`, `"a"b`,
		"/", "//", "/ /", "// x\n// y", "//\r\n", "a//b",
		"package", "packages", "package_", "enum", "event", "events", "eventé", "processor", "on", "onX", "on1", "_on",
		"input", "init", "as", "prefix", "_", "é", "aé", "a\u00a0b",
		"builder", "builders", "builder_", "_builder", "builder1", "provides", "resolve", "built",
		".", "..", "...", "..<", "..<<", ".<", "<", "<=", "<<", ">", ">=", "!", "!=", "!!", "=", "==",
		"{}:,;|()", "@", "#", "$", "'", "`", "\\", "~", "+", "*", "&", "%", "^", "?", "[", "]",
		" \t\r\n", "\n\n\na", "\r\na", "a\x00b", "\"\x00\"", "\xff", "a \xff", "\"\xff\"", "//\xff\nb", "é\xc3",
	}
	for _, s := range edges {
		corpus[fmt.Sprintf("edge %q", s)] = s
		corpus[fmt.Sprintf("edge %q in context", s)] = "x " + s + " y"
	}
	for _, root := range []string{"../../testdata", "testdata"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || filepath.Ext(path) != ".fw" {
				return err
			}
			src, err := os.ReadFile(path)
			if !testenv.SkipLarge(len(src)) {
				corpus[path] = string(src)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return corpus
}

// TestScannerAgreesWithLexDef checks that the scanner lexes as the regular
// expressions of lexDef do, token by token, positions and errors included.
func TestScannerAgreesWithLexDef(t *testing.T) {
	corpus := scanCorpus(t)
	if len(corpus) < 300 {
		t.Fatalf("only %d sources in the corpus", len(corpus))
	}
	for name, src := range corpus {
		want := lexAll(t, lexDef, src)
		if got := lexAll(t, scanDef, src); got != want {
			t.Errorf("%s: %q\nscanner:\n%s\nlexDef:\n%s", name, src, got, want)
		}
	}
}

func TestScannerSymbols(t *testing.T) {
	if got, want := fmt.Sprint(scanDef.Symbols()), fmt.Sprint(lexDef.Symbols()); got != want {
		t.Errorf("symbols %s, want %s", got, want)
	}
}

// FuzzScanner compares the scanner with lexDef on any input.
func FuzzScanner(f *testing.F) {
	for _, src := range scanCorpus(f) {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		want := lexAll(t, lexDef, src)
		if got := lexAll(t, scanDef, src); got != want {
			t.Errorf("%q\nscanner:\n%s\nlexDef:\n%s", src, got, want)
		}
	})
}
