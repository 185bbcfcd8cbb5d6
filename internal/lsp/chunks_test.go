package lsp

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl/parser"
)

// benchEvents declares the event types of the benchmark package: ten input
// events of seven fields of every matchable kind.
func benchEvents() string {
	var b strings.Builder
	b.WriteString("package big\n\nenum Status { S0 S1 S2 S3 S4 S5 S6 S7 }\n")
	for e := range 10 {
		fmt.Fprintf(&b, "\ninput event E%d {\n    id     string\n    amount int\n    price  float\n    region string\n    status Status\n    paid   bool\n    qty    int\n}\n", e)
	}
	return b.String()
}

// benchProcessors writes processors P<first>.. of cases random patterns on the
// events, cases cases each: one file of the benchmark package. salt changes
// one literal, so that two salts give two versions of the file.
func benchProcessors(r *rand.Rand, first, procs, cases int, salt int) string {
	var b strings.Builder
	b.WriteString("package big\n")
	for p := first; p < first+procs; p++ {
		fmt.Fprintf(&b, "\nprocessor P%d {\n", p)
		for c := range cases {
			ev := r.IntN(10)
			v := r.IntN(3000)
			var parts []string
			switch r.IntN(3) {
			case 0:
				parts = append(parts, fmt.Sprintf("amount: %d..%d", v, v+r.IntN(30)))
			case 1:
				parts = append(parts, fmt.Sprintf("amount: %d | %d", v, r.IntN(3000)))
			default:
				parts = append(parts, fmt.Sprintf("amount: %d", v))
			}
			if r.IntN(2) == 0 {
				parts = append(parts, fmt.Sprintf(`region: "r%d"`, r.IntN(300)))
			}
			if r.IntN(2) == 0 {
				parts = append(parts, fmt.Sprintf("status: S%d..S%d", r.IntN(4), 4+r.IntN(4)))
			}
			if r.IntN(3) == 0 {
				parts = append(parts, []string{"paid: true", "paid: false"}[r.IntN(2)])
			}
			parts = append(parts, "id")
			emit := ""
			if r.IntN(4) == 0 {
				emit = fmt.Sprintf(" -> E%d", r.IntN(10))
			}
			fmt.Fprintf(&b, "    on E%d{%s} as C%d%s\n", ev, strings.Join(parts, ", "), c, emit)
		}
		b.WriteString("}\n")
	}
	return strings.Replace(b.String(), "processor P", fmt.Sprintf("// version %d\nprocessor P", salt), 1)
}

// sameParse checks that parseChunked gave what parser.ParseFile gives.
func sameParse(t *testing.T, what, path string, src []byte, cache map[string]*chunk) map[string]*chunk {
	t.Helper()
	want, wantDiags := parser.ParseFile(path, src)
	got, gotDiags, next := parseChunked(path, src, cache)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: the parse by declarations differs from the whole parse", what)
		if got != nil && want != nil && len(got.Decls) == len(want.Decls) {
			for i := range got.Decls {
				if !reflect.DeepEqual(got.Decls[i], want.Decls[i]) {
					t.Logf("first difference: declaration %d, %s", i, got.Decls[i].DeclName().Name)
					break
				}
			}
		}
	}
	if gotDiags.Text() != wantDiags.Text() {
		t.Errorf("%s: diagnostics\n%s\nwant\n%s", what, gotDiags.Text(), wantDiags.Text())
	}
	return next
}

// TestChunkedParse checks that parsing by declarations gives the whole
// parse: on every .fw file of the repository, and on a large file through
// a series of edits that reuse the pieces of the version before (moved
// down, moved up, duplicated, broken and mended).
func TestChunkedParse(t *testing.T) {
	defer func(n int) { chunkMinBytes = n }(chunkMinBytes)
	chunkMinBytes = 0
	var files []string
	for _, pat := range []string{"../../testdata/examples/*/*.fw", "../../examples/*/*.fw", "../../examples/*/*/*.fw", "../../dsl/*/testdata/*.fw", "../../dsl/*/testdata/*/*.fw", "testdata/*/*.fw"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	if len(files) < 20 {
		t.Fatalf("only %d .fw files found", len(files))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// Parsed whole and cut into pieces; every piece reused; every piece
		// parsed alone.
		cache := sameParse(t, f, f, src, nil)
		if offs, _ := cutDecls(src); len(offs) >= 2 && len(cache) == 0 {
			t.Errorf("%s: the whole parse was not cut into pieces", f)
		}
		before := piecesParsed
		sameParse(t, f+" (pieces reused)", f, src, cache)
		if piecesParsed != before {
			t.Errorf("%s: %d pieces parsed again, want none", f, piecesParsed-before)
		}
		wholeWhenNew = false
		sameParse(t, f+" (pieces alone)", f, src, nil)
		wholeWhenNew = true
	}

	path := "/x/big.fw"
	src := benchEvents() + strings.TrimPrefix(benchProcessors(rand.New(rand.NewPCG(1, 2)), 0, 16, 8, 0), "package big\n")
	cache := sameParse(t, "the large file", path, []byte(src), nil)
	if len(cache) != 27 {
		t.Fatalf("%d pieces, want one per declaration (27)", len(cache))
	}
	procs := strings.Split(src, "\nprocessor ")
	edits := []struct {
		what   string
		parsed int // pieces parsed again
		edit   func(string) string
	}{
		{"a comment line at the top", 0, func(s string) string { return strings.Replace(s, "package big\n", "package big\n// hello\n", 1) }},
		{"a case in the middle", 1, func(s string) string {
			return strings.Replace(s, "processor P10 {\n", "processor P10 {\n    on E1{id} as New\n", 1)
		}},
		{"a processor removed (the rest moves up)", 0, func(s string) string { return strings.Replace(s, "\nprocessor "+procs[3], "", 1) }},
		{"a processor twice (the copy reused, moved)", 0, func(s string) string {
			return strings.Replace(s, "processor P7 {", "processor "+procs[5]+"\nprocessor P7 {", 1)
		}},
		{"a syntax error", 1, func(s string) string {
			return strings.Replace(s, "processor P12 {\n", "processor P12 {\n    on E1{id: \n", 1)
		}},
		{"mended", 1, func(s string) string {
			return strings.Replace(s, "    on E1{id: \n", "    on E1{id: \"a\"} as Mended\n", 1)
		}},
		{"a multi-byte character", 1, func(s string) string { return strings.Replace(s, "// version 0", "// versión 0 😀", 1) }},
		{"a string with braces", 1, func(s string) string {
			return strings.Replace(s, "processor P15 {\n", "processor P15 {\n    on E2{region: \"}{\\\"\"} as Braces\n", 1)
		}},
	}
	for _, e := range edits {
		src = e.edit(src)
		before := piecesParsed
		cache = sameParse(t, e.what, path, []byte(src), cache)
		if n := piecesParsed - before; n != e.parsed {
			t.Errorf("%s: %d pieces parsed, want %d", e.what, n, e.parsed)
		}
	}
	if len(cache) < 16 {
		t.Errorf("%d pieces cached, want one per declaration", len(cache))
	}
	_ = fmt.Sprint
}
