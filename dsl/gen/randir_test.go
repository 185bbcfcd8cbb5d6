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
			if r.IntN(5) == 0 && slices.ContainsFunc(ev.Fields, func(fd *ir.Field) bool { return fd.Type.Scalar() && !fd.Optional }) {
				c.Guard = randGuard(r, ev, 2)
				// A guard reads bound values: bind what it reads.
				walkOperands(c.Guard, func(fd *ir.Field) {
					if !slices.ContainsFunc(c.Binds, func(b ir.Bind) bool { return b.Field == fd }) {
						c.Binds = append(c.Binds, ir.Bind{Name: "b" + fd.Name, Field: fd})
					}
				})
			}
			p.Cases = append(p.Cases, c)
		}
		if r.IntN(6) == 0 {
			// A catch-all case, anywhere: the cases after it are dead.
			at := r.IntN(len(p.Cases) + 1)
			all := &ir.Case{Name: "All", Kind: ast.CaseEvent, CatchAll: true}
			p.Cases = slices.Insert(p.Cases, at, all)
			for j, c := range p.Cases {
				c.Index = j
			}
		}
		pkg.Processors = append(pkg.Processors, p)
	}
	return pkg
}

// randGuard returns a random guard over the fields of ev, of at most depth
// levels of &&, || and !.
func randGuard(r *rand.Rand, ev *ir.Event, depth int) *ir.Guard {
	if depth > 0 && r.IntN(2) == 0 {
		switch r.IntN(5) {
		case 0:
			return &ir.Guard{Op: ir.GuardNot, X: randGuard(r, ev, depth-1)}
		case 1, 2:
			return &ir.Guard{Op: ir.GuardAnd, X: randGuard(r, ev, depth-1), Y: randGuard(r, ev, depth-1)}
		}
		return &ir.Guard{Op: ir.GuardOr, X: randGuard(r, ev, depth-1), Y: randGuard(r, ev, depth-1)}
	}
	// The scalar fields only: the interpreters model no other values.
	var scalars []*ir.Field
	for _, fd := range ev.Fields {
		if fd.Type.Scalar() && !fd.Optional {
			scalars = append(scalars, fd)
		}
	}
	fd := scalars[r.IntN(len(scalars))]
	bind := ir.Operand{Kind: ir.OperandBind, Name: "b" + fd.Name, Field: fd, Type: fd.Type}
	if fd.Type.Kind == ir.Bool && r.IntN(2) == 0 {
		return &ir.Guard{Op: ir.GuardBool, L: bind}
	}
	ops := []string{"==", "!="}
	if fd.Type.Ordered() {
		ops = append(ops, "<", "<=", ">", ">=")
	}
	if fd.Type.HasLen() && r.IntN(3) == 0 {
		ops = []string{"==", "!=", "<", "<=", ">", ">="}
		l := ir.Operand{Kind: ir.OperandLen, Name: bind.Name, Field: fd, Type: ir.Type{Kind: ir.Int}}
		var other ir.Operand
		if ints := fieldsOf(ev, ir.Type{Kind: ir.Int}); len(ints) > 0 && r.IntN(3) == 0 {
			o := ints[r.IntN(len(ints))]
			other = ir.Operand{Kind: ir.OperandBind, Name: "b" + o.Name, Field: o, Type: o.Type}
		} else {
			other = ir.Operand{Kind: ir.OperandLit, Type: ir.Type{Kind: ir.Int}, Lit: space.Value{Int: int64(r.IntN(5)) - 1}}
		}
		if r.IntN(2) == 0 {
			return &ir.Guard{Op: ir.GuardCompare, Cmp: ops[r.IntN(len(ops))], L: other, R: l}
		}
		return &ir.Guard{Op: ir.GuardCompare, Cmp: ops[r.IntN(len(ops))], L: l, R: other}
	}
	var other ir.Operand
	if same := fieldsOf(ev, fd.Type); len(same) > 1 && r.IntN(3) == 0 {
		o := same[r.IntN(len(same))]
		other = ir.Operand{Kind: ir.OperandBind, Name: "b" + o.Name, Field: o, Type: o.Type}
	} else {
		other = ir.Operand{Kind: ir.OperandLit, Type: fd.Type, Lit: randValue(r, fd)}
	}
	if r.IntN(3) == 0 {
		return &ir.Guard{Op: ir.GuardCompare, Cmp: ops[r.IntN(len(ops))], L: other, R: bind}
	}
	return &ir.Guard{Op: ir.GuardCompare, Cmp: ops[r.IntN(len(ops))], L: bind, R: other}
}

// fieldsOf returns the fields of ev of type t.
func fieldsOf(ev *ir.Event, t ir.Type) []*ir.Field {
	var out []*ir.Field
	for _, fd := range ev.Fields {
		if fd.Type.Same(t) && !fd.Optional {
			out = append(out, fd)
		}
	}
	return out
}

// randValue returns a random literal for field fd, from the pools.
func randValue(r *rand.Rand, fd *ir.Field) space.Value {
	switch fd.Type.Kind {
	case ir.Int:
		return space.Value{Int: intPool[r.IntN(len(intPool))]}
	case ir.EnumType:
		return space.Value{Int: int64(r.IntN(len(fd.Type.Enum.Variants)))}
	case ir.Float:
		if r.IntN(8) == 0 {
			return space.Value{Float: math.NaN()}
		}
		return space.Value{Float: fltPool[r.IntN(len(fltPool))]}
	case ir.Bool:
		return space.Value{Bool: r.IntN(2) == 0}
	}
	return space.Value{Str: litPool[r.IntN(len(litPool))]}
}

// walkOperands calls f with the field of each bound operand of g.
func walkOperands(g *ir.Guard, f func(*ir.Field)) {
	if g == nil {
		return
	}
	walkOperands(g.X, f)
	walkOperands(g.Y, f)
	for _, o := range []ir.Operand{g.L, g.R} {
		if o.Kind != ir.OperandLit && o.Field != nil {
			f(o.Field)
		}
	}
}

// guardLits returns the literals that the guards of pkg compare fd with,
// and the lengths they compare len(fd) with.
func guardLits(pkg *ir.Package, fd *ir.Field) (lits []space.Value, lens []int64) {
	var walk func(g *ir.Guard)
	walk = func(g *ir.Guard) {
		if g == nil {
			return
		}
		walk(g.X)
		walk(g.Y)
		for _, pair := range [][2]ir.Operand{{g.L, g.R}, {g.R, g.L}} {
			o, lit := pair[0], pair[1]
			if o.Field != fd || lit.Kind != ir.OperandLit {
				continue
			}
			if o.Kind == ir.OperandLen {
				lens = append(lens, lit.Lit.Int)
			} else {
				lits = append(lits, lit.Lit)
			}
		}
	}
	for _, p := range pkg.Processors {
		for _, c := range p.Cases {
			walk(c.Guard)
		}
	}
	return lits, lens
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
		gl, _ := guardLits(pkg, fd)
		for _, l := range gl {
			ints = append(ints, l.Int)
			if l.Int > math.MinInt64 {
				ints = append(ints, l.Int-1)
			}
			if l.Int < math.MaxInt64 {
				ints = append(ints, l.Int+1)
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
		gl, _ := guardLits(pkg, fd)
		for _, l := range gl {
			fs = append(fs, l.Float, math.Nextafter(l.Float, math.Inf(-1)), math.Nextafter(l.Float, math.Inf(1)))
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
		gl, lens := guardLits(pkg, fd)
		for _, l := range gl {
			strs = append(strs, l.Str, l.Str+"z")
		}
		for _, n := range lens {
			for _, k := range []int64{n - 1, n, n + 1} {
				if k >= 0 && k < 8 {
					strs = append(strs, strings.Repeat("q", int(k)))
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
// the event (or catch-all case) whose every test holds, and then its guard.
func interpret(pkg *ir.Package, v vector) []fwimpl.Delivery {
	var out []fwimpl.Delivery
	for _, p := range pkg.Processors {
		for _, c := range p.Cases {
			if c.Event != v.ev && !c.CatchAll {
				continue
			}
			if slices.IndexFunc(c.Tests, func(t ir.Test) bool { return !t.Set.Contains(v.value(t.Field)) }) < 0 &&
				(c.Guard == nil || interpretGuard(c.Guard, v)) {
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

// interpretGuard evaluates a guard on v with Go's operators on Go values,
// independently of guardHolds.
func interpretGuard(g *ir.Guard, v vector) bool {
	switch g.Op {
	case ir.GuardAnd:
		return interpretGuard(g.X, v) && interpretGuard(g.Y, v)
	case ir.GuardOr:
		return interpretGuard(g.X, v) || interpretGuard(g.Y, v)
	case ir.GuardNot:
		return !interpretGuard(g.X, v)
	case ir.GuardBool:
		return v.value(g.L.Field).Bool
	}
	val := func(o ir.Operand) any {
		switch o.Kind {
		case ir.OperandLen:
			return int64(len(v.value(o.Field).Str))
		case ir.OperandLit:
			return valueOf(o.Type, o.Lit)
		}
		return valueOf(o.Field.Type, v.value(o.Field))
	}
	return compareAny(g.Cmp, val(g.L), val(g.R))
}

// valueOf is the Go value of x as a value of type t.
func valueOf(t ir.Type, x space.Value) any {
	switch t.Kind {
	case ir.Int:
		return x.Int
	case ir.EnumType:
		return uint32(x.Int)
	case ir.Float:
		return x.Float
	case ir.Bool:
		return x.Bool
	}
	return x.Str
}

func compareAny(op string, a, b any) bool {
	switch a := a.(type) {
	case int64:
		return compareOrdered(op, a, b.(int64))
	case uint32:
		return compareOrdered(op, a, b.(uint32))
	case float64:
		return compareOrdered(op, a, b.(float64))
	case string:
		return compareOrdered(op, a, b.(string))
	case bool:
		if op == "==" {
			return a == b.(bool)
		}
		return a != b.(bool)
	}
	panic(fmt.Sprintf("compareAny %T", a))
}

func compareOrdered[T int64 | uint32 | float64 | string](op string, a, b T) bool {
	switch op {
	case "==":
		return a == b
	case "!=":
		return a != b
	case "<":
		return a < b
	case "<=":
		return a <= b
	case ">":
		return a > b
	}
	return a >= b
}
