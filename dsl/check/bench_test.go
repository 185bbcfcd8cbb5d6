package check

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/parser"
)

// benchPreamble declares the event that the generated processors match: six
// fields of every matchable kind.
const benchPreamble = `package bench

enum Status { S0 S1 S2 S3 S4 S5 S6 S7 }

input event Order {
    amount int
    price  float
    region string
    status Status
    paid   bool
    qty    int
}
`

// randomCase writes the pattern of one case: two to four of the six fields,
// each with a literal, a range, a comparison, a negation, a prefix or
// alternatives, drawn from value pools small enough that some cases overlap.
func randomCase(r *rand.Rand) string {
	pats := map[string]func() string{
		"qty": func() string { return intPattern(r, 50) },
		"price": func() string {
			lo := float64(r.IntN(4000)) / 4
			switch r.IntN(10) {
			case 0, 1, 2:
				return fmt.Sprintf("%.2f..<%.2f", lo, lo+float64(1+r.IntN(40))/4)
			case 3:
				return fmt.Sprintf("> %.2f", lo)
			case 4:
				return fmt.Sprintf("!= %.2f", lo)
			}
			return fmt.Sprintf("%.2f", lo)
		},
		"region": func() string {
			switch r.IntN(10) {
			case 0:
				return fmt.Sprintf(`prefix "r%d"`, r.IntN(30))
			case 1, 2:
				return fmt.Sprintf(`"r%d" | "r%d"`, r.IntN(300), r.IntN(300))
			case 3:
				return fmt.Sprintf(`!= "r%d"`, r.IntN(300))
			}
			return fmt.Sprintf(`"r%d"`, r.IntN(300))
		},
		"status": func() string {
			switch r.IntN(4) {
			case 0:
				return fmt.Sprintf("S%d..S%d", r.IntN(4), 4+r.IntN(4))
			case 1:
				return fmt.Sprintf("!= S%d", r.IntN(8))
			}
			return fmt.Sprintf("S%d", r.IntN(8))
		},
		"paid": func() string { return []string{"true", "false"}[r.IntN(2)] },
	}
	// As in real processors, cases mostly tell events apart by a key (here
	// amount, narrowly matched), and refine by other fields.
	v := r.IntN(3000)
	key := fmt.Sprint(v)
	switch r.IntN(4) {
	case 0:
		key = fmt.Sprintf("%d..%d", v, v+r.IntN(30))
	case 1:
		key = fmt.Sprintf("%d | %d", v, r.IntN(3000))
	}
	parts := []string{"amount: " + key}
	fields := []string{"price", "region", "status", "paid", "qty"}
	r.Shuffle(len(fields), func(i, j int) { fields[i], fields[j] = fields[j], fields[i] })
	for _, f := range fields[:1+r.IntN(3)] {
		parts = append(parts, f+": "+pats[f]())
	}
	return "Order{" + strings.Join(parts, ", ") + "}"
}

func intPattern(r *rand.Rand, scale int) string {
	v := r.IntN(scale)
	switch r.IntN(20) {
	case 0, 1, 2, 3:
		return fmt.Sprintf("%d..%d", v, v+r.IntN(scale/10+1))
	case 4, 5, 6:
		return fmt.Sprintf("%d..<%d", v, v+1+r.IntN(scale/10+1))
	case 7:
		return fmt.Sprintf(">= %d", v)
	case 8:
		return fmt.Sprintf("!= %d", v)
	case 9, 10:
		return fmt.Sprintf("%d | %d | %d", v, r.IntN(scale), r.IntN(scale))
	}
	return fmt.Sprint(v)
}

// largeProcessor is one exhaustive processor with n cases.
func largeProcessor(n int) string {
	r := rand.New(rand.NewPCG(1, 1))
	var b strings.Builder
	b.WriteString(benchPreamble)
	b.WriteString("processor Big {\n    exhaustive\n")
	for i := range n {
		fmt.Fprintf(&b, "    on %s as C%d\n", randomCase(r), i)
	}
	b.WriteString("}\n")
	return b.String()
}

// largePackage is n processors of a few cases each, over a chain of events
// that they emit to one another.
func largePackage(n int) string {
	r := rand.New(rand.NewPCG(2, 2))
	var b strings.Builder
	b.WriteString(benchPreamble)
	for i := range n / 10 {
		fmt.Fprintf(&b, "event Step%d { n int; tag string }\n", i)
	}
	for i := range n {
		fmt.Fprintf(&b, "processor P%d {\n", i)
		if i%3 == 0 {
			b.WriteString("    exhaustive\n")
		}
		for j := range 3 + r.IntN(5) {
			fmt.Fprintf(&b, "    on %s as O%d -> Step%d\n", randomCase(r), j, r.IntN(n/10))
		}
		fmt.Fprintf(&b, "    on Step%d{n: %s, tag: \"t%d\"} as S -> Step%d\n", r.IntN(n/10), intPattern(r, 100), r.IntN(5), r.IntN(n/10))
		b.WriteString("}\n")
	}
	return b.String()
}

// benchCheck measures parsing, checking and linting src, then checking and
// linting alone.
func benchCheck(b *testing.B, src string) {
	b.Run("parse+check", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			f, diags := parser.ParseFile("bench.fw", []byte(src))
			if len(diags) > 0 {
				b.Fatal(diags.Text())
			}
			if _, diags := Check([]*ast.File{f}); diags.HasErrors() {
				b.Fatal(diags.Text())
			}
		}
	})
	b.Run("check", func(b *testing.B) {
		f, diags := parser.ParseFile("bench.fw", []byte(src))
		if len(diags) > 0 {
			b.Fatal(diags.Text())
		}
		b.ReportAllocs()
		for b.Loop() {
			if _, diags := Check([]*ast.File{f}); diags.HasErrors() {
				b.Fatal(diags.Text())
			}
		}
	})
}

// BenchmarkLintLargeProcessor: one exhaustive processor of 1,000 cases over
// six fields.
func BenchmarkLintLargeProcessor(b *testing.B) { benchCheck(b, largeProcessor(1000)) }

// BenchmarkLintLargePackage: 1,000 processors of 4 to 8 cases.
func BenchmarkLintLargePackage(b *testing.B) { benchCheck(b, largePackage(1000)) }

// TestLargeInputs keeps the benchmark inputs valid (at a smaller size) and
// shows what the lint reports on them.
func TestLargeInputs(t *testing.T) {
	for name, src := range map[string]string{"processor": largeProcessor(300), "package": largePackage(100)} {
		f, diags := parser.ParseFile("bench.fw", []byte(src))
		if len(diags) > 0 {
			t.Fatal(diags.Text())
		}
		_, diags = Check([]*ast.File{f})
		if diags.HasErrors() {
			t.Fatalf("%s:\n%s", name, diags.Text())
		}
		count := map[string]int{}
		for _, d := range diags {
			count[d.Rule]++
		}
		t.Logf("%s: %v", name, count)
	}
}
