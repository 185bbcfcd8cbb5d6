package cli

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// bigPackage writes a package of procs processors of cases cases each, over
// 100 event types that they emit to one another, with literal, range,
// alternative and comparison patterns.
func bigPackage(t testing.TB, dir string, procs, cases int) {
	r := rand.New(rand.NewPCG(3, 3))
	var b strings.Builder
	b.WriteString("package big\n\nenum Status { NEW PAID SHIPPED CANCELLED }\n\n")
	for i := range 100 {
		fmt.Fprintf(&b, "input event E%d {\n    id string\n    n int\n    status Status\n}\n\n", i)
	}
	for p := range procs {
		fmt.Fprintf(&b, "processor P%d {\n", p)
		for c := range cases {
			ev := r.IntN(100)
			var pat string
			switch c % 4 {
			case 0:
				pat = fmt.Sprintf(`id: "k%d", n`, r.IntN(50))
			case 1:
				lo := r.IntN(1000)
				pat = fmt.Sprintf("n: %d..%d, id", lo, lo+r.IntN(100))
			case 2:
				pat = "status: PAID | SHIPPED, id, n"
			default:
				pat = fmt.Sprintf("n: >= %d, status", r.IntN(1000))
			}
			fmt.Fprintf(&b, "    on E%d{%s} as C%d -> E%d\n", ev, pat, c, r.IntN(100))
		}
		b.WriteString("}\n\n")
	}
	if err := os.WriteFile(filepath.Join(dir, "big.fw"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkGenerateLarge runs `fwgen generate` and `fwgen lint` (the real CLI,
// in process) on a package of 1,000 processors with 10 cases each; one op is
// one command.
func BenchmarkGenerateLarge(b *testing.B) {
	dir := b.TempDir()
	bigPackage(b, dir, 1000, 10)
	for _, cmd := range []string{"generate", "lint"} {
		b.Run(cmd, func(b *testing.B) {
			for b.Loop() {
				if code := Main([]string{cmd, dir}, strings.NewReader(""), io.Discard, io.Discard); code > 0 && cmd == "generate" {
					b.Fatalf("fwgen %s: exit %d", cmd, code)
				}
			}
		})
	}
}

func TestLargePackageGenerates(t *testing.T) {
	dir := t.TempDir()
	bigPackage(t, dir, 50, 10)
	var stderr strings.Builder
	if code := Main([]string{"generate", dir}, strings.NewReader(""), io.Discard, &stderr); code != 0 {
		t.Fatalf("exit %d:\n%s", code, stderr.String())
	}
}

// oneEventPackage writes a package of procs processors whose three cases each
// all match one event type, with string literals, alternatives, prefixes,
// ranges and comparisons that differ per processor: the compiled matcher of
// that event type has every processor in it (BenchmarkGenerateOneEvent).
func oneEventPackage(t testing.TB, dir string, procs int) {
	var b strings.Builder
	b.WriteString("package big\n\nenum Status { NEW PAID SHIPPED CANCELLED }\n\ninput event E { id string; n int; status Status; m int }\n\n")
	for p := range procs {
		fmt.Fprintf(&b, "processor P%d {\n    on E{id: \"k%d\" | \"j%d\", n: %d..%d} as A\n    on E{status: PAID | NEW, m: > %d} as B\n    on E{id: prefix \"x%d\", m: < %d} as C\n}\n\n",
			p, p, p%37, p, p+10, p*3, p%13, p)
	}
	if err := os.WriteFile(filepath.Join(dir, "big.fw"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkGenerateOneEvent runs `fwgen generate` on packages of 50 to 1,000
// processors that all match one event type (oneEventPackage): the cost of
// building that event type's compiled matcher, bounded by the decision
// graphs' work budget. docs/BENCHMARKS.md records the curve.
func BenchmarkGenerateOneEvent(b *testing.B) {
	for _, procs := range []int{50, 100, 200, 285, 400, 600, 1000} {
		b.Run(fmt.Sprintf("procs=%d", procs), func(b *testing.B) {
			dir := b.TempDir()
			oneEventPackage(b, dir, procs)
			for b.Loop() {
				if code := Main([]string{"generate", dir}, strings.NewReader(""), io.Discard, io.Discard); code > 0 {
					b.Fatalf("fwgen generate: exit %d", code)
				}
			}
		})
	}
}
