package check

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl/ir"
	"github.com/fwgo/fw/dsl/space"
)

// TestUsefulnessBruteForce compares unreachable-case and non-exhaustive on
// random processors with a brute-force evaluation over probe values that
// stand for every atom (the patterns use constants within -4..4).
func TestUsefulnessBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	intPat := func() string {
		v := func() int { return r.IntN(9) - 4 }
		switch r.IntN(7) {
		case 0:
			return fmt.Sprint(v())
		case 1:
			a := v()
			return fmt.Sprintf("%d..%d", a, a+r.IntN(4))
		case 2:
			return fmt.Sprintf("< %d", v())
		case 3:
			return fmt.Sprintf(">= %d", v())
		case 4:
			return fmt.Sprintf("!= %d", v())
		case 5:
			return fmt.Sprintf("%d | %d..", v(), v())
		}
		return "_"
	}
	enumPat := func() string {
		vs := []string{"A", "B", "C"}
		switch r.IntN(4) {
		case 0:
			return vs[r.IntN(3)]
		case 1:
			return "!= " + vs[r.IntN(3)]
		case 2:
			return vs[r.IntN(3)] + " | " + vs[r.IntN(3)]
		}
		return "_"
	}
	boolPat := func() string { return []string{"true", "false", "_"}[r.IntN(3)] }
	var probes [][3]space.Value
	for n := -6; n <= 6; n++ {
		for e := range 3 {
			for _, b := range []bool{false, true} {
				probes = append(probes, [3]space.Value{{Int: int64(n)}, {Int: int64(e)}, {Bool: b}})
			}
		}
	}
	for iter := range 400 {
		var b strings.Builder
		b.WriteString("package p\nenum K { A B C }\ninput event E { n int; k K; b bool }\nprocessor P {\n    exhaustive\n")
		ncases := 1 + r.IntN(6)
		for i := range ncases {
			fmt.Fprintf(&b, "    on E{n: %s, k: %s, b: %s} as C%d\n", intPat(), enumPat(), boolPat(), i)
		}
		b.WriteString("}\n")
		pkg, diags := Check(parse(t, src{"r.fw", b.String()}))
		if diags.HasErrors() {
			continue // an empty pattern, say
		}
		cases := pkg.Processors[0].Cases
		matches := func(c *ir.Case, v [3]space.Value) bool {
			for _, tst := range c.Tests {
				if !tst.Set.Contains(v[tst.Field.Index]) {
					return false
				}
			}
			return true
		}
		reached := make([]bool, len(cases))
		exhaustive := true
		for _, v := range probes {
			hit := false
			for i, c := range cases {
				if matches(c, v) {
					reached[i], hit = true, true
					break
				}
			}
			exhaustive = exhaustive && hit
		}
		var want []string
		for i, ok := range reached {
			if !ok {
				want = append(want, fmt.Sprintf("unreachable C%d", i))
			}
		}
		if !exhaustive {
			want = append(want, "non-exhaustive")
		}
		var got []string
		for _, d := range diags {
			switch d.Rule {
			case ruleUnreachableCase:
				got = append(got, "unreachable "+strings.Fields(d.Message)[1])
			case ruleNonExhaustive:
				got = append(got, "non-exhaustive")
				// The witness must match no case.
				w := d.Message[strings.Index(d.Message, "E{"):]
				if !witnessMatchesNone(w, cases) {
					t.Errorf("iteration %d: witness %s matches a case\n%s", iter, w, b.String())
				}
			}
		}
		slices.Sort(got)
		slices.Sort(want)
		if strings.Join(got, ", ") != strings.Join(want, ", ") {
			t.Errorf("iteration %d:\n%s\ngot  %v\nwant %v\n%s", iter, b.String(), got, want, diags.Text())
		}
	}
}

// witnessMatchesNone parses a witness E{n: 1, k: A, b: _} (with _ read as
// every probe value) and reports whether no case matches any value it stands for.
func witnessMatchesNone(w string, cases []*ir.Case) bool {
	fields := map[string]string{}
	for _, part := range strings.Split(strings.TrimSuffix(strings.TrimPrefix(w, "E{"), "}"), ", ") {
		name, val, _ := strings.Cut(part, ": ")
		fields[name] = val
	}
	var ns []int64
	if v, ok := fields["n"]; ok && v != "_" {
		var n int64
		fmt.Sscan(v, &n)
		ns = []int64{n}
	} else {
		for n := -6; n <= 6; n++ {
			ns = append(ns, int64(n))
		}
	}
	ks := []int64{0, 1, 2}
	if v, ok := fields["k"]; ok && v != "_" {
		ks = []int64{int64(strings.Index("ABC", v))}
	}
	bs := []bool{false, true}
	if v, ok := fields["b"]; ok && v != "_" {
		bs = []bool{v == "true"}
	}
	for _, n := range ns {
		for _, k := range ks {
			for _, b := range bs {
				v := [3]space.Value{{Int: n}, {Int: k}, {Bool: b}}
				for _, c := range cases {
					ok := true
					for _, tst := range c.Tests {
						ok = ok && tst.Set.Contains(v[tst.Field.Index])
					}
					if ok {
						return false
					}
				}
			}
		}
	}
	return true
}
