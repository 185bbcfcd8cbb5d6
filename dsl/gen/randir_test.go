package gen

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/ir"
	"github.com/fwgo/fw/dsl/space"
	"github.com/fwgo/fw/runtime/fwimpl"
)

// This file makes random checked packages (IR) for the tests of the compiled
// matcher, with value sets built from the space constructors over small pools
// of values so that patterns overlap, nest and touch, and computes what a naive
// interpreter of the patterns delivers.

var (
	intPool = []int64{math.MinInt64, math.MinInt64 + 1, -2, -1, 0, 1, 2, 3, 7, math.MaxInt64 - 1, math.MaxInt64}
	fltPool = []float64{math.Inf(-1), -math.MaxFloat64, -1.5, -1, -5e-324, 0, 5e-324, 1, math.Nextafter(1, 2), 1.5, 2, math.MaxFloat64, math.Inf(1)}
	litPool = []string{"", "a", "ab", "abc", "b", "ba", "x", "\xff"}
	prePool = []string{"a", "ab", "abc", "b", "x"}
)

var fieldKinds = []ir.TypeKind{ir.Int, ir.Float, ir.String, ir.Bool, ir.Bytes, ir.EnumType}

// randPackage returns a random package with up to maxProcs processors.
func randPackage(r *rand.Rand, name string, maxProcs int) *ir.Package {
	pkg := &ir.Package{Name: name, Files: []string{"a.fw"}}
	for i := range 1 + r.IntN(2) {
		e := &ir.Enum{Name: fmt.Sprintf("En%d", i), File: "a.fw"}
		n := 2 + r.IntN(5)
		if r.IntN(4) == 0 {
			n = 30 + r.IntN(40)
		}
		for v := range n {
			e.Variants = append(e.Variants, fmt.Sprintf("V%d", v))
		}
		pkg.Enums = append(pkg.Enums, e)
	}
	for i := range 1 + r.IntN(3) {
		ev := &ir.Event{Name: fmt.Sprintf("Ev%d", i), Kind: i, File: "a.fw", Input: true}
		for j := range 1 + r.IntN(4) {
			t := ir.Type{Kind: fieldKinds[r.IntN(len(fieldKinds))]}
			if t.Kind == ir.EnumType {
				t.Enum = pkg.Enums[r.IntN(len(pkg.Enums))]
			}
			ev.Fields = append(ev.Fields, &ir.Field{Name: fmt.Sprintf("f%d", j), Index: j, Type: t})
		}
		pkg.Events = append(pkg.Events, ev)
	}
	for i := range 1 + r.IntN(maxProcs) {
		p := &ir.Processor{Name: fmt.Sprintf("P%d", i), Index: i, File: "a.fw", Concurrency: 1}
		for j := range 1 + r.IntN(4) {
			ev := pkg.Events[r.IntN(len(pkg.Events))]
			c := &ir.Case{Name: fmt.Sprintf("C%d", j), Index: j, Kind: ast.CaseEvent, Event: ev}
			if r.IntN(8) > 0 {
				for _, fd := range ev.Fields {
					if r.IntN(2) == 0 {
						if s, ok := randSet(r, fd); ok {
							c.Tests = append(c.Tests, ir.Test{Field: fd, Set: s})
						}
					}
				}
			}
			for _, fd := range ev.Fields {
				if r.IntN(3) == 0 {
					c.Binds = append(c.Binds, ir.Bind{Name: "b" + fd.Name, Field: fd})
				}
			}
			p.Cases = append(p.Cases, c)
		}
		pkg.Processors = append(pkg.Processors, p)
	}
	return pkg
}

// randSet returns a random set of fd's values that is neither empty nor the
// whole domain, as ir.Test requires; false when it found none.
func randSet(r *rand.Rand, fd *ir.Field) (space.Set, bool) {
	d := fd.Domain()
	for range 20 {
		s := randSetOnce(r, fd)
		if r.IntN(3) == 0 {
			s = space.Union(s, randSetOnce(r, fd))
		}
		if r.IntN(4) == 0 && !(s.Kind == space.String && len(s.Str.Prefixes) > 0) {
			s = space.Complement(d, s)
		}
		if !s.IsEmpty() && !space.Complement(d, s).IsEmpty() {
			return s, true
		}
	}
	return space.Set{}, false
}

func randSetOnce(r *rand.Rand, fd *ir.Field) space.Set {
	d := fd.Domain()
	switch d.Kind {
	case space.Int:
		pool := intPool
		if fd.Type.Kind == ir.EnumType {
			pool = nil
			for v := range d.Max + 1 {
				pool = append(pool, v)
			}
		}
		a, b := pool[r.IntN(len(pool))], pool[r.IntN(len(pool))]
		a, b = min(a, b), max(a, b)
		switch r.IntN(4) {
		case 0:
			return space.IntValue(d, a)
		case 1:
			return space.IntBetween(d, d.Min, b)
		case 2:
			return space.IntBetween(d, a, d.Max)
		}
		return space.IntBetween(d, a, b)
	case space.Float:
		a, b := fltPool[r.IntN(len(fltPool))], fltPool[r.IntN(len(fltPool))]
		a, b = min(a, b), max(a, b)
		switch r.IntN(5) {
		case 0:
			return space.FloatValue(a)
		case 1:
			return space.FloatBetween(math.Inf(-1), b, false, r.IntN(2) == 0)
		case 2:
			return space.FloatBetween(a, math.Inf(1), r.IntN(2) == 0, false)
		}
		return space.FloatBetween(a, b, r.IntN(2) == 0, r.IntN(2) == 0)
	case space.String:
		if r.IntN(3) == 0 {
			return space.StringPrefix(prePool[r.IntN(len(prePool))])
		}
		return space.StringValue(litPool[r.IntN(len(litPool))])
	}
	return space.BoolValue(r.IntN(2) == 0)
}

// boundaries returns the values worth testing for fd in pkg: each bound of
// each set tested on it, the bound ± 1 (or the next float), the extremes, ±0,
// ±Inf, NaN, each literal and prefix and strings just beside them, and values
// no pattern lists.
func boundaries(pkg *ir.Package, fd *ir.Field) []space.Value {
	var sets []space.Set
	for _, p := range pkg.Processors {
		for _, c := range p.Cases {
			for _, t := range c.Tests {
				if t.Field == fd {
					sets = append(sets, t.Set)
				}
			}
		}
	}
	var vs []space.Value
	switch fd.Domain().Kind {
	case space.Int:
		ints := []int64{math.MinInt64, math.MaxInt64, -1, 0, 1}
		if fd.Type.Kind == ir.EnumType {
			n := int64(len(fd.Type.Enum.Variants))
			ints = []int64{n, math.MaxUint32} // no variants
			for v := range n {
				ints = append(ints, v)
			}
		}
		for _, s := range sets {
			for _, rg := range s.Ints {
				ints = append(ints, rg.Lo, rg.Hi)
				if rg.Lo > math.MinInt64 {
					ints = append(ints, rg.Lo-1)
				}
				if rg.Hi < math.MaxInt64 {
					ints = append(ints, rg.Hi+1)
				}
			}
		}
		for _, v := range ints {
			if fd.Type.Kind != ir.EnumType || v >= 0 && v <= math.MaxUint32 {
				vs = append(vs, space.Value{Int: v})
			}
		}
	case space.Float:
		fs := []float64{math.Inf(-1), math.Inf(1), math.NaN(), 0, math.Copysign(0, -1), math.MaxFloat64, -math.MaxFloat64, 5e-324, -5e-324, 0.5, -1e300}
		for _, s := range sets {
			for _, rg := range s.Floats {
				for _, b := range []float64{rg.Lo, rg.Hi} {
					fs = append(fs, b, math.Nextafter(b, math.Inf(-1)), math.Nextafter(b, math.Inf(1)))
				}
			}
		}
		for _, f := range fs {
			vs = append(vs, space.Value{Float: f})
		}
	case space.String:
		// Strings longer than 32 bytes: a conversion of bytes to one allocates.
		long := strings.Repeat("y", 40)
		strs := []string{"", "zzz-unlisted", "\x00", long}
		for _, s := range sets {
			for _, l := range s.Str.Lits {
				strs = append(strs, l, l+"z")
			}
			for _, p := range s.Str.Prefixes {
				strs = append(strs, p, p+"z", p+long)
				if p != "" {
					strs = append(strs, p[:len(p)-1])
				}
			}
		}
		for _, s := range strs {
			vs = append(vs, space.Value{Str: s})
		}
	default:
		vs = []space.Value{{Bool: false}, {Bool: true}}
	}
	return vs
}

// vector is one event to match: a value per field of the event type.
type vector struct {
	ev   *ir.Event
	vals []space.Value
}

func (v vector) value(fd *ir.Field) space.Value { return v.vals[fd.Index] }

// vectors returns events of each type: each boundary value of each field with
// the other fields at random boundary values, and random combinations.
func vectors(r *rand.Rand, pkg *ir.Package, random int) []vector {
	var out []vector
	for _, ev := range pkg.Events {
		bs := make([][]space.Value, len(ev.Fields))
		for i, fd := range ev.Fields {
			bs[i] = boundaries(pkg, fd)
		}
		pick := func() []space.Value {
			vals := make([]space.Value, len(ev.Fields))
			for i := range vals {
				vals[i] = bs[i][r.IntN(len(bs[i]))]
			}
			return vals
		}
		for i := range ev.Fields {
			for _, v := range bs[i] {
				vals := pick()
				vals[i] = v
				out = append(out, vector{ev, vals})
			}
		}
		for range random {
			out = append(out, vector{ev, pick()})
		}
	}
	return out
}

// interpret is the naive matcher: per processor in order, its first case for
// the event whose every test holds.
func interpret(pkg *ir.Package, v vector) []fwimpl.Delivery {
	var out []fwimpl.Delivery
	for _, p := range pkg.Processors {
		for _, c := range p.Cases {
			if c.Event != v.ev {
				continue
			}
			if slices.IndexFunc(c.Tests, func(t ir.Test) bool { return !t.Set.Contains(v.value(t.Field)) }) < 0 {
				out = append(out, fwimpl.Delivery{Proc: int32(p.Index), Case: int32(c.Index)})
				break
			}
		}
	}
	return out
}

// goValue is the Go expression of a field value.
func goValue(fd *ir.Field, v space.Value) string {
	switch fd.Type.Kind {
	case ir.Int:
		return fmt.Sprint(v.Int)
	case ir.EnumType:
		return fmt.Sprintf("%s(%d)", fd.Type.Enum.Name, v.Int)
	case ir.Float:
		return fmt.Sprintf("math.Float64frombits(%#x)", math.Float64bits(v.Float))
	case ir.Bool:
		return fmt.Sprint(v.Bool)
	case ir.Bytes:
		return fmt.Sprintf("[]byte(%q)", v.Str)
	}
	return fmt.Sprintf("%q", v.Str)
}

// goEvent is the Go expression of an event.
func goEvent(v vector) string {
	var fs []string
	for _, fd := range v.ev.Fields {
		fs = append(fs, GoName(fd.Name)+": "+goValue(fd, v.value(fd)))
	}
	return v.ev.Name + "{" + strings.Join(fs, ", ") + "}"
}

// goTypeName is the Go spelling of a field type.
func goTypeName(t ir.Type) string {
	switch t.Kind {
	case ir.Int:
		return "int64"
	case ir.Float:
		return "float64"
	case ir.Bool:
		return "bool"
	case ir.Bytes:
		return "[]byte"
	case ir.EnumType:
		return t.Enum.Name
	}
	return "string"
}
