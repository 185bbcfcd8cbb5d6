package check

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/parser"
)

// wideProcessor is one exhaustive processor of n cases over fields enum
// fields of four variants each (4^12 = 16.7 million events for 12 fields):
// each case tests 2 to k+1 fields, each with a variant or, neg times in 6, a
// negation (three variants). Past a few cases the processor is nearly
// exhaustive, and many cases are unreachable only by several earlier cases
// together: hard for the search.
func wideProcessor(seed uint64, fields, n, k, neg int) string {
	r := rand.New(rand.NewPCG(seed, seed))
	var b strings.Builder
	b.WriteString("package bench\n\nenum E { A B C D }\n\ninput event Wide {")
	for f := range fields {
		fmt.Fprintf(&b, " f%d E;", f)
	}
	b.WriteString(" }\n\nprocessor P {\n    exhaustive\n")
	vs := []string{"A", "B", "C", "D"}
	for i := range n {
		var parts []string
		for _, f := range r.Perm(fields)[:2+r.IntN(k)] {
			switch r.IntN(6) + 6 - neg {
			case 0, 1, 2, 3, 4, 5:
				parts = append(parts, fmt.Sprintf("f%d: != %s", f, vs[r.IntN(4)]))
			default:
				parts = append(parts, fmt.Sprintf("f%d: %s", f, vs[r.IntN(4)]))
			}
		}
		fmt.Fprintf(&b, "    on Wide{%s} as C%d\n", strings.Join(parts, ", "), i)
	}
	b.WriteString("}\n")
	return b.String()
}

// wideSubsets: each case tests each field with probability p/10, with two or
// three variants written as alternatives.
func wideSubsets(seed uint64, fields, n, p int) string {
	r := rand.New(rand.NewPCG(seed, seed))
	var b strings.Builder
	b.WriteString("package bench\n\nenum E { A B C D }\n\ninput event Wide {")
	for f := range fields {
		fmt.Fprintf(&b, " f%d E;", f)
	}
	b.WriteString(" }\n\nprocessor P {\n    exhaustive\n")
	vs := []string{"A", "B", "C", "D"}
	for i := range n {
		var parts []string
		for f := range fields {
			if r.IntN(10) >= p {
				continue
			}
			var alts []string
			for _, v := range r.Perm(4)[:2+r.IntN(2)] {
				alts = append(alts, vs[v])
			}
			parts = append(parts, fmt.Sprintf("f%d: %s", f, strings.Join(alts, " | ")))
		}
		fmt.Fprintf(&b, "    on Wide{%s} as C%d\n", strings.Join(parts, ", "), i)
	}
	b.WriteString("}\n")
	return b.String()
}

// wide12x40 are the 12 fields x 40 cases processors of the benchmark: the
// slowest of the shapes tried (k of 1 to 11 and neg of 0 to 6 for
// wideProcessor, p of 1 to 10 for wideSubsets, 8 to 24 seeds each). Only
// negations (neg 6) are the hardest.
var wide12x40 = map[string]func() string{
	"neg/k2":      func() string { return wideProcessor(17, 12, 40, 2, 6) },
	"neg/k3":      func() string { return wideProcessor(7, 12, 40, 3, 6) },
	"neg/k4":      func() string { return wideProcessor(9, 12, 40, 4, 6) },
	"neg/k5":      func() string { return wideProcessor(0, 12, 40, 5, 6) },
	"mixed/k5":    func() string { return wideProcessor(0, 12, 40, 5, 5) },
	"subsets/p10": func() string { return wideSubsets(5, 12, 40, 10) },
}

// BenchmarkLint12x40: one processor of 40 cases over 12 enum fields of four
// variants, checked and linted. The whole analysis must finish, without
// giving up, in well under 2 s.
func BenchmarkLint12x40(b *testing.B) {
	for name, src := range wide12x40 {
		b.Run(name, func(b *testing.B) {
			f, diags := parser.ParseFile("wide.fw", []byte(src()))
			if len(diags) > 0 {
				b.Fatal(diags.Text())
			}
			for b.Loop() {
				_, diags := Check([]*ast.File{f})
				for _, d := range diags {
					if d.Rule == ruleAnalysisIncomplete {
						b.Fatal(d.Format())
					}
				}
			}
		})
	}
}

// TestAnalysisIncomplete: a search that gives up says so, naming the
// processor and event; with the usual bounds, 12 x 40 finishes.
func TestAnalysisIncomplete(t *testing.T) {
	src := wideProcessor(0, 12, 40, 5, 5)
	for _, d := range lintWide(t, src) {
		if strings.Contains(d, ruleAnalysisIncomplete) {
			t.Fatalf("12 x 40 gave up: %s", d)
		}
	}
	defer func(s, ms int) { maxSteps, maxMatrixSteps = s, ms }(maxSteps, maxMatrixSteps)
	maxSteps, maxMatrixSteps = 20, 200
	var got []string
	for _, d := range lintWide(t, src) {
		if strings.Contains(d, ruleAnalysisIncomplete) {
			got = append(got, d)
		}
	}
	if len(got) != 1 || !strings.Contains(got[0], "the pattern analysis of processor P for Wide gave up") {
		t.Fatalf("want one analysis-incomplete warning for P and Wide, got %q", got)
	}
}

func lintWide(tb testing.TB, src string) []string {
	tb.Helper()
	f, diags := parser.ParseFile("wide.fw", []byte(src))
	if len(diags) > 0 {
		tb.Fatal(diags.Text())
	}
	_, diags = Check([]*ast.File{f})
	var out []string
	for _, d := range diags {
		out = append(out, d.Format())
	}
	return out
}
