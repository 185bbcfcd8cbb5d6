package check

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/parser"
	"github.com/fwgo/fw/dsl/space"
)

// stringCase writes the pattern of one case over string and bytes fields:
// literals and prefixes drawn from a few short strings (the empty one
// included), negations and alternatives, so that the literals and prefixes
// of a field sometimes cover every string.
func stringCase(r *rand.Rand) string {
	pool := []string{"", "a", "b", "ab", "aa", "a0", "\x00", "\xff", "ba"}
	one := func() string {
		s := fmt.Sprintf("%q", pool[r.IntN(len(pool))])
		switch r.IntN(6) {
		case 0, 1:
			return "prefix " + s
		case 2:
			if r.IntN(3) == 0 {
				return "!= " + s
			}
		}
		return s
	}
	pat := func() string {
		if r.IntN(3) == 0 {
			return one() + " | " + one()
		}
		return one()
	}
	var parts []string
	for _, f := range []string{"s", "t", "b"} {
		if r.IntN(3) != 0 {
			parts = append(parts, f+": "+pat())
		}
	}
	return "Item{" + strings.Join(parts, ", ") + "}"
}

// witnessSources returns packages to lint: random processors over every
// kind of field, over strings and bytes with prefixes, and over many enum
// fields, and every lint fixture and golden input.
func witnessSources(t *testing.T) map[string][]byte {
	srcs := map[string][]byte{}
	for seed := range uint64(60) {
		r := rand.New(rand.NewPCG(seed, 7))
		var b strings.Builder
		b.WriteString(benchPreamble)
		b.WriteString("processor P {\n    exhaustive\n")
		for i := range 2 + r.IntN(25) {
			fmt.Fprintf(&b, "    on %s as C%d\n", randomCase(r), i)
		}
		b.WriteString("}\n")
		srcs[fmt.Sprintf("random%d.fw", seed)] = []byte(b.String())

		b.Reset()
		b.WriteString("package strs\n\ninput event Item { s string; t string; b bytes }\n\nprocessor P {\n    exhaustive\n")
		for i := range 2 + r.IntN(12) {
			fmt.Fprintf(&b, "    on %s as C%d\n", stringCase(r), i)
		}
		b.WriteString("}\n")
		srcs[fmt.Sprintf("strings%d.fw", seed)] = []byte(b.String())

		if seed < 10 {
			srcs[fmt.Sprintf("wide%d.fw", seed)] = []byte(wideProcessor(seed, 6, 5+int(seed)*3, 3, int(seed%6)))
		}
	}
	for _, dir := range []string{lintDir, corpusDir} {
		paths, _ := filepath.Glob(filepath.Join(dir, "*.fw"))
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			srcs[p] = data
		}
	}
	return srcs
}

// TestWitnessesMatchNoCase: every witness of non-exhaustive, as the search
// finds it (before the check that guards the warning), matches none of the
// cases, by evaluating each case's field patterns on it.
func TestWitnessesMatchNoCase(t *testing.T) {
	var failures []string
	n := 0
	defer func() { witnessHook = nil }()
	witnessHook = func(m *matrix, vals []space.Value) {
		n++
		for _, r := range m.rows {
			matches := !r.guarded // a guarded case covers nothing: it may match the witness
			for _, fi := range r.fields {
				c := m.colOf(fi)
				if c < 0 {
					if fi.full {
						continue
					}
					failures = append(failures, fmt.Sprintf("case %s: field %s has no column", r.ic.Name, fi.field.Name))
					matches = false
					break
				}
				if !fi.set.Contains(vals[c]) {
					matches = false
					break
				}
			}
			if matches {
				var vs []string
				for c, col := range m.cols {
					vs = append(vs, col.field.Name+": "+space.FormatValue(col.dom, vals[c]))
				}
				failures = append(failures, fmt.Sprintf("%s: witness {%s} matches case %s", m.ev.Name, strings.Join(vs, ", "), r.ic.Name))
			}
		}
	}
	for name, src := range witnessSources(t) {
		f, diags := parser.ParseFile(name, src)
		if len(diags) > 0 {
			continue // the syntax fixtures
		}
		Check([]*ast.File{f})
		for _, fl := range failures {
			t.Errorf("%s: %s", name, fl)
		}
		failures = failures[:0]
	}
	if n < 100 {
		t.Errorf("only %d witnesses checked", n)
	}
	t.Logf("%d witnesses checked", n)
}
