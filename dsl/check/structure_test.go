package check

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/ir"
	"github.com/fwgo/fw/dsl/space"
)

// TestStructureBruteForce compares unreachable-case and non-exhaustive on
// random processors over an event with an optional int, an optional record
// (with an optional int and a bool inside) and an enum, with a brute-force
// evaluation of the cases' tests over probe values that stand for every
// atom: nil included, and the record's fields only when it is present. A
// witness is checked by appending it to the processor as a last case, which
// must be reachable, and by finding a probe that it matches and no other
// case does.
func TestStructureBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	intPat := func() string {
		v := func() int { return r.IntN(7) - 3 }
		switch r.IntN(8) {
		case 0:
			return fmt.Sprint(v())
		case 1:
			a := v()
			return fmt.Sprintf("%d..%d", a, a+r.IntN(3))
		case 2:
			return fmt.Sprintf("< %d", v())
		case 3:
			return fmt.Sprintf("!= %d", v())
		case 4:
			return "nil"
		case 5:
			return "!nil"
		case 6:
			return fmt.Sprintf("nil | >= %d", v())
		}
		return "_"
	}
	recPat := func() string {
		switch r.IntN(5) {
		case 0:
			return "nil"
		case 1:
			return "!nil"
		case 2:
			return "_"
		}
		var entries []string
		if r.IntN(3) > 0 {
			entries = append(entries, "a: "+intPat())
		}
		if r.IntN(2) == 0 {
			entries = append(entries, "b: "+[]string{"true", "false", "_"}[r.IntN(3)])
		}
		return "{" + strings.Join(entries, ", ") + "}"
	}
	enumPat := func() string {
		vs := []string{"A", "B", "C"}
		switch r.IntN(3) {
		case 0:
			return vs[r.IntN(3)]
		case 1:
			return "!= " + vs[r.IntN(3)]
		}
		return "_"
	}
	// The probes: values by path name; an absent record has no fields.
	type probe map[string]space.Value
	ints := []space.Value{{Nil: true}}
	for n := -5; n <= 5; n++ {
		ints = append(ints, space.Value{Int: int64(n)})
	}
	var probes []probe
	for _, n := range ints {
		for k := range 3 {
			probes = append(probes, probe{"n": n, "r": {Nil: true}, "k": {Int: int64(k)}})
			for _, a := range ints {
				for _, b := range []bool{false, true} {
					probes = append(probes, probe{"n": n, "r": {}, "r.a": a, "r.b": {Bool: b}, "k": {Int: int64(k)}})
				}
			}
		}
	}
	value := func(p probe, path []*ir.Field) space.Value {
		if len(path) > 1 && p["r"].Nil {
			return space.Value{Nil: true}
		}
		return p[ir.PathName(path)]
	}
	matches := func(c *ir.Case, p probe) bool {
		for _, tst := range c.Tests {
			if !tst.Set.Contains(value(p, tst.At())) {
				return false
			}
		}
		return true
	}
	const head = "package p\nenum K { A B C }\nrecord R { a int?; b bool }\ninput event E { n int?; r R?; k K }\nprocessor P {\n    exhaustive\n"
	checked, witnesses := 0, 0
	for iter := range 400 {
		var b strings.Builder
		ncases := 1 + r.IntN(6)
		for i := range ncases {
			fmt.Fprintf(&b, "    on E{n: %s, r: %s, k: %s} as C%d\n", intPat(), recPat(), enumPat(), i)
		}
		body := b.String()
		pkg, diags := Check(parse(t, src{"r.fw", head + body + "}\n"}))
		if diags.HasErrors() {
			continue // an empty pattern, say
		}
		checked++
		cases := pkg.Processors[0].Cases
		reached := make([]bool, len(cases))
		exhaustive := true
		for _, p := range probes {
			i := slices.IndexFunc(cases, func(c *ir.Case) bool { return matches(c, p) })
			if i >= 0 {
				reached[i] = true
			}
			exhaustive = exhaustive && i >= 0
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
				witnesses++
				w := d.Message[strings.Index(d.Message, "E{"):]
				wpkg, wdiags := Check(parse(t, src{"r.fw", head + body + "    on " + w + " as W\n}\n"}))
				if wdiags.HasErrors() || slices.ContainsFunc(wdiags, func(d2 diag.Diagnostic) bool {
					return d2.Rule == ruleUnreachableCase && strings.Contains(d2.Message, "case W ")
				}) {
					t.Errorf("iteration %d: witness %s is not a reachable case:\n%s%s", iter, w, body, wdiags.Text())
					continue
				}
				wc := wpkg.Processors[0].Cases[len(cases)]
				if !slices.ContainsFunc(probes, func(p probe) bool {
					return matches(wc, p) && !slices.ContainsFunc(cases, func(c *ir.Case) bool { return matches(c, p) })
				}) {
					t.Errorf("iteration %d: witness %s stands for no value that the cases miss\n%s", iter, w, body)
				}
			}
		}
		slices.Sort(got)
		slices.Sort(want)
		if strings.Join(got, ", ") != strings.Join(want, ", ") {
			t.Errorf("iteration %d:\n%s\ngot  %v\nwant %v\n%s", iter, body, got, want, diags.Text())
		}
	}
	if checked < 200 || witnesses < 50 {
		t.Errorf("%d processors checked, %d witnesses: too few", checked, witnesses)
	}
}
