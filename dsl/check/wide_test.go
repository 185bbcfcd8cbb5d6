package check

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/parser"
	"github.com/fwgo/fw/dsl/space"
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
	"missingFour": func() string { return missingFour(0) },
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

// missingFour is the processor of the shape: 12 enum fields, 40
// cases, 29 of them random negations (of A only, on f0 to f10) and then 11
// that together with them leave out the 4 events with f0 to f10 all A.
func missingFour(seed uint64) string {
	src := regexp.MustCompile(`(f(10|[0-9])): != [BCD]`).ReplaceAllString(wideProcessor(seed, 12, 29, 3, 6), "$1: != A")
	var b strings.Builder
	for i := range 11 {
		fmt.Fprintf(&b, "    on Wide{f%d: != A} as N%d\n", i, i)
	}
	end := strings.LastIndex(src, "}\n")
	return src[:end] + b.String() + src[end:]
}

// TestWide12x40 runs the analysis on the benchmark's processors and on
// missingFour, and compares its findings with brute force over all 16.7
// million events (each case's patterns evaluated on each variant): the
// analysis must finish, report exactly the unreachable cases, and warn
// when and only when some event matches no case.
func TestWide12x40(t *testing.T) {
	srcs := map[string]string{}
	for name, src := range wide12x40 {
		srcs[name] = src()
	}
	for seed := uint64(1); seed < 3; seed++ {
		srcs[fmt.Sprint("missingFour", seed)] = missingFour(seed)
	}
	var m *matrix
	matrixHook = func(mm *matrix) { m = mm }
	defer func() { matrixHook = nil }()
	for name, src := range srcs {
		m = nil
		out := lintWide(t, src)
		if m == nil || len(m.rows) > 64 {
			t.Fatalf("%s: no matrix of up to 64 cases", name)
		}
		// masks[c][v]: the rows that match variant v in column c.
		masks := make([][4]uint64, len(m.cols))
		for c, col := range m.cols {
			for v := range 4 {
				for i, r := range m.rows {
					if fi := r.field(col.key); fi == nil || fi.set.Contains(space.Value{Int: int64(v)}) {
						masks[c][v] |= 1 << i
					}
				}
			}
		}
		missing, first := 0, uint64(0)
		var walk func(c int, rows uint64, weight int)
		walk = func(c int, rows uint64, weight int) {
			if rows == 0 {
				missing += weight
				return
			}
			if c == len(m.cols) {
				first |= rows & -rows
				return
			}
			for v := range 4 {
				walk(c+1, rows&masks[c][v], weight/4)
			}
		}
		walk(0, 1<<len(m.rows)-1, 1<<(2*len(m.cols)))
		var want, got []string
		for i, r := range m.rows {
			if first&(1<<i) == 0 {
				want = append(want, "case "+r.ic.Name+" is unreachable")
			}
		}
		if missing > 0 {
			want = append(want, "not exhaustive")
		}
		for _, d := range out {
			switch {
			case strings.Contains(d, ruleAnalysisIncomplete):
				t.Errorf("%s gave up: %s", name, d)
			case strings.Contains(d, "["+ruleUnreachableCase+"]"):
				got = append(got, d[strings.Index(d, "case "):strings.Index(d, " is unreachable")+len(" is unreachable")])
			case strings.Contains(d, "["+ruleNonExhaustive+"]"):
				got = append(got, "not exhaustive")
			}
		}
		t.Logf("%s: %d events missing, %d cases unreachable", name, missing, len(want)-min(missing, 1))
		slices.Sort(got)
		slices.Sort(want)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: lint found\n%s\nbrute force\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}
