package gen

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/ir"
	"github.com/fwgo/fw/dsl/space"
)

// litSet is a set of string literals to index, with prefixes beside them.
type litSet struct {
	name     string
	lits     []string
	prefixes []string
}

// litSets returns adversarial and random literal sets: counters; strings that
// differ only in their last byte (every byte value), only after a long shared
// prefix, or in pairs of positions that no single one tells apart; strings of
// two letters, which no few positions split (no index); UUIDs and random
// words, whose cells are too many unless bytes share classes; the empty
// string, non-ASCII and invalid UTF-8; and random sets over alphabets of 2 to
// 256 bytes, of lengths 0 to 12.
func litSets(r *rand.Rand) []litSet {
	var sets []litSet
	add := func(name string, lits, prefixes []string) {
		slices.Sort(lits)
		slices.Sort(prefixes)
		sets = append(sets, litSet{name, slices.Compact(lits), slices.Compact(prefixes)})
	}
	var counters, lastByte, shared, pairs, binary, uuids []string
	for i := range 1000 {
		counters = append(counters, fmt.Sprintf("p%04d", i))
	}
	add("counters", counters, []string{"p", "p00", "p0999", "q"})
	for b := range 256 {
		lastByte = append(lastByte, "key"+string([]byte{byte(b)}))
	}
	add("last byte", lastByte, []string{"ke", "key\x00"})
	for range 300 {
		shared = append(shared, "/api/v1/users/"+strconv.Itoa(r.IntN(100000))+"/"+strings.Repeat("x", r.IntN(3)))
	}
	add("shared prefix", shared, []string{"/api/", "/api/v1/users/1"})
	for _, a := range "abcdefghijklmnopqrstuvwxyz" {
		for _, b := range "abcdefghijklmnopqrstuvwxyz" {
			pairs = append(pairs, string(a)+string(b), string(a)+"-"+string(b), string(b)+"-"+string(a))
		}
	}
	add("pairs", pairs, nil)
	for range 400 {
		var b strings.Builder
		for range 10 {
			b.WriteByte("01"[r.IntN(2)])
		}
		binary = append(binary, b.String())
	}
	add("binary", binary, []string{"0", "1111"})
	for range 400 {
		var b strings.Builder
		for i := range 36 {
			if i == 8 || i == 13 || i == 18 || i == 23 {
				b.WriteByte('-')
			} else {
				b.WriteByte("0123456789abcdef"[r.IntN(16)])
			}
		}
		uuids = append(uuids, b.String())
	}
	add("uuids", uuids, nil)
	var words []string
	for range 300 {
		b := make([]byte, 6)
		for i := range b {
			b[i] = byte('a' + r.IntN(26))
		}
		words = append(words, string(b))
	}
	add("words", words, []string{"a", "ab"})
	add("mixed", []string{"", "a", "b", "\x00", "\xff", "é", "日本", "日本語", "😀", "héllo", "hello", "HELLO", "\xff\xfe", "\xfe\xff",
		"ab", "ba", "aa", "bb", "a\x00", "\x00a"}, []string{"", "h", "日"})
	for i := range 12 {
		alpha := []byte("ab")
		switch i % 4 {
		case 1:
			alpha = []byte("xyz\x00")
		case 2:
			alpha = []byte("0123456789")
		case 3:
			alpha = nil
			for b := range 256 {
				alpha = append(alpha, byte(b))
			}
		}
		var lits, prefixes []string
		for range 20 + r.IntN(400) {
			b := make([]byte, r.IntN(13))
			for j := range b {
				b[j] = alpha[r.IntN(len(alpha))]
			}
			lits = append(lits, string(b))
		}
		for range r.IntN(4) {
			l := lits[r.IntN(len(lits))]
			prefixes = append(prefixes, l[:r.IntN(len(l)+1)])
		}
		add(fmt.Sprintf("random %d", i), lits, prefixes)
	}
	return sets
}

// probes returns the strings to look up in s: its literals, each changed at
// each position and cut or extended by one byte, its prefixes and strings
// beside them, and random strings of the literals' lengths.
func probes(r *rand.Rand, s litSet, max int) []string {
	out := []string{"", "\x00", "zzz-unlisted", strings.Repeat("y", 40)}
	for _, l := range s.lits {
		out = append(out, l, l+"z", l+"\x00")
		if l != "" {
			out = append(out, l[:len(l)-1], l[1:])
			b := []byte(l)
			i := r.IntN(len(b))
			for _, c := range []byte{b[i] + 1, b[i] - 1, b[i] ^ 0x80} {
				b[i] = c
				out = append(out, string(b))
			}
			b[i] = l[i]
			// A byte of another literal of the same length, at the same place:
			// the cell of another literal, or a cell of none.
			if o := s.lits[r.IntN(len(s.lits))]; len(o) == len(l) {
				b[i] = o[i]
				out = append(out, string(b))
			}
		}
	}
	for _, p := range s.prefixes {
		out = append(out, p, p+"z", p+"\xff")
	}
	for range 200 {
		l := s.lits[r.IntN(len(s.lits))]
		b := make([]byte, len(l))
		for j := range b {
			b[j] = byte(r.IntN(256))
		}
		out = append(out, string(b))
	}
	if len(out) > max {
		r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
		out = out[:max]
	}
	return out
}

// wantAtom is the atom of v among the atoms of a set's literals and prefixes
// (as space.Partition orders them: the literals, the prefixes, the rest), by
// a map lookup and a scan of the prefixes.
func (s litSet) wantAtom(lits map[string]int, v string) int {
	if a, ok := lits[v]; ok {
		return a
	}
	if p, ok := space.LongestPrefix(v, s.prefixes); ok {
		return len(s.lits) + slices.Index(s.prefixes, p)
	}
	return len(s.lits) + len(s.prefixes)
}

func (s litSet) litMap() map[string]int {
	m := map[string]int{}
	for i, l := range s.lits {
		m[l] = i
	}
	return m
}

// TestLitIndex checks the indexes of literal sets, as the generated lookup
// reads them (lookup.atomOf does): every probe maps to the atom that a map
// lookup gives, the switch on the cell is dense and its cells hold few
// literals, and building again gives the same index.
func TestLitIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	indexed := map[string]int{}
	for _, s := range litSets(r) {
		var sets []space.Set
		sets = append(sets, space.Set{Kind: space.String, Str: space.Strings{Lits: s.lits}})
		for _, p := range s.prefixes {
			sets = append(sets, space.StringPrefix(p))
		}
		fd := &matchField{field: &ir.Field{Name: "f", Type: ir.Type{Kind: ir.String}}}
		fd.atoms = space.Partition(fd.field.Domain(), sets)
		for _, least := range []int{1, 2, 16} {
			o := defaultOptions
			o.litIndexMin = least
			p := fd.plan(o)
			for _, x := range p.litIdx {
				indexed[s.name] = max(indexed[s.name], x.nlits)
				filled, lits := 0, 0
				for _, c := range x.cells {
					if len(c) > 0 {
						filled++
					}
					lits += len(c)
					if len(c) > litIndexBucket {
						t.Errorf("%s: a cell of %d literals", s.name, len(c))
					}
					for _, l := range c {
						if len(l) != x.n || x.cell(l) != slices.IndexFunc(x.cells, func(c []string) bool { return slices.Contains(c, l) }) {
							t.Errorf("%s: %q in the wrong cell", s.name, l)
						}
					}
				}
				if lits != x.nlits || len(x.cells) > litIndexSparse*filled || len(x.pos) > litIndexPositions || lits > litIndexAverage*filled {
					t.Errorf("%s: %d literals, %d cells of which %d filled, %d positions", s.name, lits, len(x.cells), filled, len(x.pos))
				}
				for i, bs := range x.bytes {
					for b := range 256 {
						if off := x.off[i][b]; off >= len(x.cells) || off != 0 && !slices.Contains(bs, byte(b)) {
							t.Errorf("%s: byte %d at %d: offset %d", s.name, b, x.pos[i], off)
						}
					}
				}
			}
			if again := fd.plan(o); !reflect.DeepEqual(again.litIdx, p.litIdx) {
				t.Errorf("%s: two plans differ", s.name)
			}
			lits := s.litMap()
			for _, v := range probes(r, s, 1<<20) {
				if got, want := p.atomOf(space.Value{Str: v}), s.wantAtom(lits, v); got != want {
					t.Errorf("%s (index from %d literals): %q maps to atom %d, want %d", s.name, least, v, got, want)
				}
			}
		}
	}
	t.Logf("the most literals of one length indexed, per set: %v", indexed)
	// The sets that a few positions split are indexed, whole (only the
	// strings of length 10 over two letters are not).
	for name, n := range map[string]int{"counters": 1000, "last byte": 256, "pairs": 676, "uuids": 400, "words": 300} {
		if indexed[name] != n {
			t.Errorf("%s: at most %d literals of one length indexed, want %d", name, indexed[name], n)
		}
	}
	if n := indexed["binary"]; n != 0 {
		t.Errorf("binary: %d literals indexed", n)
	}
	// 1000 counters: bytes 2, 3 and 4, one literal a cell.
	x := newLitIndex(litSets(r)[0].lits)
	if !slices.Equal(x.pos, []int{2, 3, 4}) || len(x.cells) != 1000 {
		t.Errorf("counters: positions %v, %d cells", x.pos, len(x.cells))
	}
}

// litIndexGenerated writes the lookups generated for the literal sets of
// litSets, on a string field and a bytes field, with every set of one length
// indexed (TestGeneratedPrograms builds and runs them); its check compares each
// probe's atom with a map lookup.
func litIndexGenerated(t *testing.T, mod *testModule) diffProgram {
	r := rand.New(rand.NewPCG(5, 6))
	o := defaultOptions
	o.strategy, o.litIndexMin = compiled, 2
	sets := litSets(r)
	var pkgs []string
	var want [][]string
	for i, s := range sets {
		name := fmt.Sprintf("lits%d", i)
		pkgs = append(pkgs, name)
		pkg := litPackage(name, s)
		files, err := generate(pkg, o)
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		for _, f := range files {
			if f.Name == "fwpipeline.fw.go" && !bytes.Contains(f.Data, []byte("the cell offset of each byte")) && i < 6 && s.name != "binary" {
				t.Errorf("%s: no index generated", s.name)
			}
			mod.write(name+"/"+f.Name, f.Data)
		}
		vs := probes(r, s, 4000)
		lits := s.litMap()
		var lines []string
		h := jen.NewFile(name)
		h.Var().Id("fwdProbes").Op("=").Index().String().ValuesFunc(func(g *jen.Group) {
			for _, v := range vs {
				g.Lit(v)
				a := strconv.Itoa(s.wantAtom(lits, v))
				lines = append(lines, a+" "+a)
			}
		})
		h.Func().Id("Run").Params(jen.Id("w").Op("*").Qual("bufio", "Writer")).Block(
			jen.For(jen.List(jen.Id("_"), jen.Id("v")).Op(":=").Range().Id("fwdProbes")).Block(
				jen.Id("w").Dot("WriteString").Call(jen.Qual("strconv", "Itoa").Call(jen.Parens(jen.Op("&").Id("Ev").Values(jen.Dict{jen.Id("S"): jen.Id("v")})).Dot("fwAtomS").Call())),
				jen.Id("w").Dot("WriteString").Call(jen.Lit(" ")),
				jen.Id("w").Dot("WriteString").Call(jen.Qual("strconv", "Itoa").Call(jen.Parens(jen.Op("&").Id("Ev").Values(jen.Dict{jen.Id("B"): jen.Index().Byte().Parens(jen.Id("v"))})).Dot("fwAtomB").Call())),
				jen.Id("w").Dot("WriteString").Call(jen.Lit("\n")),
			),
		)
		var src bytes.Buffer
		if err := h.Render(&src); err != nil {
			t.Fatal(err)
		}
		mod.write(name+"/harness.go", src.Bytes())
		want = append(want, lines)
	}
	check := func(t *testing.T, got map[string][]string) {
		for i, s := range sets {
			if g := got[pkgs[i]]; !slices.Equal(g, want[i]) {
				for j := range min(len(g), len(want[i])) {
					if g[j] != want[i][j] {
						t.Errorf("%s: probe %d: got atoms (string, bytes) %s, want %s", s.name, j, g[j], want[i][j])
						break
					}
				}
				if len(g) != len(want[i]) {
					t.Errorf("%s: %d results for %d probes", s.name, len(g), len(want[i]))
				}
			}
		}
	}
	return diffProgram{pkgs: pkgs, vet: pkgs, check: check}
}

// litPackage is a package whose event Ev has a string field s and a bytes field
// b, and whose processors test them: one case each for the literals of set s,
// and one for each of its prefixes.
func litPackage(name string, s litSet) *ir.Package {
	ev := &ir.Event{Name: "Ev", File: "a.fw", Input: true, Fields: []*ir.Field{
		{Name: "s", Index: 0, Type: ir.Type{Kind: ir.String}},
		{Name: "b", Index: 1, Type: ir.Type{Kind: ir.Bytes}},
	}}
	pkg := &ir.Package{Name: name, Files: []string{"a.fw"}, Events: []*ir.Event{ev}}
	proc := func(f *ir.Field, set space.Set) {
		i := len(pkg.Processors)
		c := &ir.Case{Name: "C", Kind: ast.CaseEvent, Event: ev, Tests: []ir.Test{{Field: f, Set: set}}}
		pkg.Processors = append(pkg.Processors, &ir.Processor{Name: fmt.Sprintf("P%d", i), Index: i, File: "a.fw", Concurrency: 1, Cases: []*ir.Case{c}})
	}
	for _, f := range ev.Fields {
		proc(f, space.Set{Kind: space.String, Str: space.Strings{Lits: s.lits}})
		for _, p := range s.prefixes {
			proc(f, space.StringPrefix(p))
		}
	}
	return pkg
}
