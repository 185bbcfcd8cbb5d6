package check

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
	"os"
	"testing"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/parser"
)

func TestScratch(t *testing.T) {
	if os.Getenv("FW") == "" {
		t.Skip()
	}
	src, _ := os.ReadFile(os.Getenv("FW"))
	f, d := parser.ParseFile("x.fw", src)
	if len(d) > 0 {
		t.Fatal(d.Text())
	}
	pkg, diags := Check([]*ast.File{f})
	t.Log("\n" + diags.Text())
	if pkg != nil && os.Getenv("IR") != "" {
		t.Log("\n" + dump(pkg))
	}
}

func TestScratchStress(t *testing.T) {
	if os.Getenv("STRESS") == "" {
		t.Skip()
	}
	r := rand.New(rand.NewPCG(9, 9))
	var b strings.Builder
	b.WriteString(benchPreamble)
	b.WriteString("processor Big {\n    exhaustive\n")
	fields := []string{"amount", "price", "region", "status", "paid", "qty"}
	for i := range 1000 {
		r.Shuffle(len(fields), func(i, j int) { fields[i], fields[j] = fields[j], fields[i] })
		var parts []string
		for _, f := range fields[:2+r.IntN(4)] {
			var p string
			switch f {
			case "amount", "qty":
				p = intPattern(r, 200)
			case "price":
				p = fmt.Sprintf("%d.0..<%d.0", r.IntN(50), 50+r.IntN(50))
			case "region":
				p = fmt.Sprintf(`!= "r%d"`, r.IntN(30))
			case "status":
				p = fmt.Sprintf("!= S%d", r.IntN(8))
			case "paid":
				p = "true"
			}
			parts = append(parts, f+": "+p)
		}
		fmt.Fprintf(&b, "    on Order{%s} as C%d\n", strings.Join(parts, ", "), i)
	}
	b.WriteString("}\n")
	f, d := parser.ParseFile("x.fw", []byte(b.String()))
	if len(d) > 0 {
		t.Fatal(d.Text())
	}
	start := time.Now()
	_, diags := Check([]*ast.File{f})
	count := map[string]int{}
	for _, d := range diags {
		count[d.Rule]++
	}
	t.Log(time.Since(start), count)
}
