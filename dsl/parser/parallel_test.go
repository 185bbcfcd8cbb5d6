package parser

import (
	"fmt"
	"os"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/fwgo/fw/internal/testenv"
)

// bigFile is a valid file of copies of the declarations of the test files,
// with comments: large enough to be parsed in runs.
func bigFile(t *testing.T) string {
	var b strings.Builder
	b.WriteString("package big // a large file\n")
	for i := 0; b.Len() < 2*parallelMinBytes; i++ {
		for _, name := range []string{"testdata/example.fw", "testdata/patterns.fw", "testdata/builders.fw", "testdata/partition.fw"} {
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			_, body, _ := strings.Cut(string(src), "\n") // without the package clause
			fmt.Fprintf(&b, "// copy %d of %s\n%s", i, name, body)
		}
	}
	return b.String()
}

// withProcs runs f with GOMAXPROCS at least 2, for files to be parsed in
// runs.
func withProcs(t *testing.T, f func()) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(max(2, runtime.GOMAXPROCS(0))))
	f()
}

func TestParseInRuns(t *testing.T) {
	src := bigFile(t)
	withProcs(t, func() {
		runs, _, ok := cutRuns("x.fw", src, len(src)/8)
		if !ok || len(runs) < 4 {
			t.Fatalf("cut into %d runs (ok %v), want at least 4", len(runs), ok)
		}
		file, diags, ok := parseInRuns("x.fw", src)
		if !ok || len(diags) > 0 {
			t.Fatalf("not parsed in runs (ok %v):\n%s", ok, diags.Text())
		}
		whole, diags := parseWhole("x.fw", src)
		if len(diags) > 0 {
			t.Fatal(diags.Text())
		}
		if !reflect.DeepEqual(file, whole) {
			t.Error("parsed in runs, the file differs from the whole parse")
		}
		if len(file.Decls) < 100 || len(file.Comments) < 100 {
			t.Errorf("%d declarations and %d comments", len(file.Decls), len(file.Comments))
		}
	})
}

// TestParseInRunsErrors breaks the large file in places spread over it and
// checks that ParseFile, which tries runs first, reports what the whole
// parse reports.
func TestParseInRunsErrors(t *testing.T) {
	src := bigFile(t)
	toks, diags := tokenize("x.fw", []byte(src))
	if len(diags) > 0 {
		t.Fatal(diags.Text())
	}
	// Syntax errors, lexical errors, and errors of the converter (which
	// the runs report).
	edits := []string{"", "}", "{", "processor", ",", "1..", `"open`, "@", "0x", "_..1", strings.Repeat("(", maxNesting+1), "builder", "use"}
	places := 10
	if testing.Short() || !testenv.Thorough() {
		places = 4
	}
	withProcs(t, func() {
		inRuns := 0
		for i := 0; i < len(toks)-1; i += len(toks)/places + 1 {
			off := toks[i].Pos.Offset
			for _, e := range edits {
				var v string
				if e == "" { // drop the token
					v = src[:off] + src[off+len(toks[i].Value):]
				} else {
					v = src[:off] + e + " " + src[off:]
				}
				if e == "0x" {
					if _, _, ok := parseInRuns("x.fw", v); ok {
						inRuns++
					}
				}
				file, diags := ParseFile("x.fw", []byte(v))
				wholeFile, wholeDiags := parseWhole("x.fw", v)
				if wholeFile != nil {
					wholeFile.Src = []byte(v) // ParseFile keeps the source
				}
				if diags.Text() != wholeDiags.Text() {
					t.Errorf("%q at %d: diagnostics\n got: %s\nwant: %s", e, off, diags.Text(), wholeDiags.Text())
				}
				if !reflect.DeepEqual(file, wholeFile) {
					t.Errorf("%q at %d: the file differs from the whole parse", e, off)
				}
			}
		}
		// A bad literal in the middle of the file, at least, is reported by
		// the runs rather than by a whole parse.
		for i := len(toks) / 2; i < len(toks)/2+50 && inRuns == 0; i++ {
			off := toks[i].Pos.Offset
			if _, _, ok := parseInRuns("x.fw", src[:off]+"0x "+src[off:]); ok {
				inRuns++
			}
		}
		if inRuns == 0 {
			t.Error("no file with a bad literal was parsed in runs")
		}
	})
}
