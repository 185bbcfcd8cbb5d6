package parser

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/internal/testenv"
)

// fuzzSeeds are valid and broken snippets; the .fw files of the repository's
// testdata are added too.
var fuzzSeeds = []string{
	"",
	"package p",
	"package p // end",
	"package p\nenum E { A, B; C }\nevent X { a int; b string, c E }\n",
	"package p\nprocessor P { concurrency 4; on init -> X; on X{a: 1, b: \"s\", c: _} as Y -> X, X; on phase; on terminate }",
	"package p\nprocessor P { on X{a: -0x1F, b: -1.5e-3, c: true, d: A, e,} }",
	"package p\nprocessor P { on X{} on X }",
	"package p\nprocessor P { on X{a: \"\\u00e9\\t\"} }",
	"package p\nevent E { a }",
	"package p\nprocessor P { on X{a: } }",
	"package p\nprocessor P { on X{a: \"unterminated} }",
	"package p\nprocessor P { on X{a: 1__2, b: 0x, c: 1.5e} }",
	"package p\nprocessor P { on X{a: \"\\q\"} }",
	"package p\nevent E { a \xff int }",
	"package p\x00",
	"package p\r\n// crlf\r\n",
	"package é",
	"package p\nprocessor P { on X -> }",
	"package p\nprocessor P { on X{a,,b} }",
	"package p\n}}}}{{{{",
	"-> - -- -1- 1-> //",
	"package p\ninput event E { a int }\nprocessor P { exhaustive; exhaustive E, F; limit 2 E; on E{a: 1 | 2 | (3 | 4)} }",
	"package p\nprocessor P { on X{a: 1..5, b: 1..<5, c: ..5, d: ..<5, e: 1.., f: -1..-5, g: ..-1, h: NEW..PAID, i: 1.5..2.5} }",
	"package p\nprocessor P { on X{a: < 5, b: <= -1, c: > 1e3, d: >= X, e: != 1, f: != (A | B), g: prefix \"p\", h: != \"s\"} }",
	"package p\nprocessor P { on X{a: inf, b: -inf, c: nan, d: -inf..inf, e: != nan | < -inf} }",
	"package p\nprocessor P { on X{a: ((1)), b: (< 1 | != 2) | 3..} }",
	"package p\nprocessor P { on X{a: 1...2, b: 1., c: !, d: =, e: ..<, f: prefix 5, g: != _, h: _..1} }",
	"package p\nprocessor P { on X{a: (((((((((((1)))))))))))} }",
	"package p\ninput enum E {}",
	"package p\nprocessor P { A 0;A0000 } processor Q { on A; as B; exhaustive A B }",
	"package p\nbuilder W provides words: string\nbuilder U provides upper requires words, x persist version 2 use H(a: 1, b: x, c: -0.5, d: \"s\")",
	"package p\nbuilder B provides t requires a { concurrency 2; on init -> resolve a, E; on phase; on terminate }",
	"package p\nprocessor P { on built words as W -> E, resolve x; on init -> resolve a, resolve b }",
	"package p\nbuilder B provides requires a, b, use H(k: _, x y) { on E }",
	"package p\nbuilder B provides t requires a,\ninput event E {}\nbuilder C provides input: input use input",
}

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	for _, root := range []string{"../../testdata", "testdata"} {
		// A missing root (the repository's testdata may not exist yet) is
		// reported to the callback as an error, which we skip.
		_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || filepath.Ext(path) != ".fw" {
				return nil
			}
			if src, err := os.ReadFile(path); err == nil && !testenv.SkipLarge(len(src)) {
				f.Add(src)
			}
			return nil
		})
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		const name = "fuzz.fw"
		file, diags := ParseFile(name, src)
		if len(diags) == 0 {
			if file == nil {
				t.Fatal("no diagnostics and no file")
			}
			checkPositions(t, name, src, file)
			return
		}
		if file != nil {
			t.Errorf("a file and diagnostics:\n%s", diags.Text())
		}
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, d := range diags {
			p := d.Pos
			if p.File != name || p.Line < 1 || p.Col < 1 || p.Line > lines+1 || p.Offset < 0 || p.Offset > len(src) {
				t.Errorf("diagnostic outside the file (%d lines, %d bytes): %+v", lines, len(src), d)
			}
			if want := posAt(name, src, p.Offset); p != want {
				t.Errorf("diagnostic at %s, but its offset %d is at %s: %s", p, p.Offset, want, d)
			}
			if d.Severity != diag.Error || d.Rule != "syntax" || d.Message == "" {
				t.Errorf("bad diagnostic %+v", d)
			}
		}
	})
}
