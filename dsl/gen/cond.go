package gen

import (
	"math"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/fwgo/fw/dsl/ir"
	"github.com/fwgo/fw/dsl/space"
)

// condition is the conjunction of a case's field tests, reading the event as ev.
func condition(c *ir.Case) *jen.Statement {
	var cond *jen.Statement
	for _, t := range c.Tests {
		x := testCond(t, len(c.Tests) > 1)
		if cond == nil {
			cond = x
		} else {
			cond = cond.Op("&&").Add(x)
		}
	}
	return cond
}

// testCond compiles one field test into a boolean expression: comparisons for
// ranges, == for literals, strings.HasPrefix for prefixes (a slice comparison
// for bytes, which does not allocate). Go's float comparisons give the pattern
// semantics: -0.0 equals 0.0 and no comparison holds for NaN, so only sets that
// contain NaN test for it. A disjunction is parenthesised when paren is set.
func testCond(t ir.Test, paren bool) *jen.Statement {
	x := jen.Id("ev").Dot(GoName(t.Field.Name))
	s := t.Set
	var terms []*jen.Statement
	conj := false // terms are joined with && rather than ||
	switch s.Kind {
	case space.Int:
		d := t.Field.Domain()
		if d.Variants != nil {
			// Compare within the Go type (uint32), so that a value that is no
			// variant fails every test, as it lies in no set.
			d = space.Domain{Kind: space.Int, Min: 0, Max: math.MaxUint32, Variants: d.Variants}
		}
		lit := func(v int64) *jen.Statement {
			if d.Variants != nil && v < int64(len(d.Variants)) {
				return jen.Id(t.Field.Type.Enum.Name + d.Variants[v])
			}
			return jen.Op(strconv.FormatInt(v, 10))
		}
		// Test the smaller of the set and its complement.
		rs, neg := s.Ints, false
		if c := space.Complement(d, s).Ints; len(c) < len(rs) {
			rs, neg, conj = c, true, true
		}
		for _, r := range rs {
			terms = append(terms, intRange(x, r, d, lit, neg))
		}
	case space.Float:
		for _, r := range s.Floats {
			terms = append(terms, floatRange(x, r))
		}
		if s.NaN {
			terms = append(terms, jen.Qual("math", "IsNaN").Call(x.Clone()))
		}
	case space.String:
		b := x
		if t.Field.Type.Kind == ir.Bytes {
			x = jen.String().Parens(x) // string(b) in a comparison does not allocate
		}
		for _, l := range s.Str.Lits {
			if s.Str.Neg {
				terms = append(terms, x.Clone().Op("!=").Lit(l))
			} else {
				terms = append(terms, x.Clone().Op("==").Lit(l))
			}
		}
		conj = s.Str.Neg
		for _, p := range s.Str.Prefixes {
			if t.Field.Type.Kind == ir.Bytes {
				// Compare a slice: strings.HasPrefix(string(b), p) may allocate.
				n := jen.Lit(len(p))
				terms = append(terms, jen.Parens(jen.Len(b.Clone()).Op(">=").Add(n).Op("&&").
					String().Parens(b.Clone().Index(jen.Op(":").Add(n))).Op("==").Lit(p)))
				continue
			}
			terms = append(terms, jen.Qual("strings", "HasPrefix").Call(x.Clone(), jen.Lit(p)))
		}
	case space.Bool:
		if s.Bools == 1 {
			terms = append(terms, jen.Op("!").Add(x))
		} else {
			terms = append(terms, x)
		}
	}
	op := "||"
	if conj {
		op = "&&"
	}
	cond := terms[0]
	for _, t := range terms[1:] {
		cond = cond.Op(op).Add(t)
	}
	if len(terms) > 1 && paren {
		return jen.Parens(cond)
	}
	return cond
}

// intRange tests x in r (or, when neg, x not in r).
func intRange(x *jen.Statement, r space.IntRange, d space.Domain, lit func(int64) *jen.Statement, neg bool) *jen.Statement {
	switch {
	case r.Lo == r.Hi && neg:
		return x.Clone().Op("!=").Add(lit(r.Lo))
	case r.Lo == r.Hi:
		return x.Clone().Op("==").Add(lit(r.Lo))
	case r.Lo == d.Min && neg:
		return x.Clone().Op(">").Add(lit(r.Hi))
	case r.Lo == d.Min:
		return x.Clone().Op("<=").Add(lit(r.Hi))
	case r.Hi == d.Max && neg:
		return x.Clone().Op("<").Add(lit(r.Lo))
	case r.Hi == d.Max:
		return x.Clone().Op(">=").Add(lit(r.Lo))
	case neg:
		return jen.Parens(x.Clone().Op("<").Add(lit(r.Lo)).Op("||").Add(x.Clone()).Op(">").Add(lit(r.Hi)))
	}
	return jen.Parens(x.Clone().Op(">=").Add(lit(r.Lo)).Op("&&").Add(x.Clone()).Op("<=").Add(lit(r.Hi)))
}

// floatRange tests x in r.
func floatRange(x *jen.Statement, r space.FloatRange) *jen.Statement {
	if r.Lo == r.Hi {
		return x.Clone().Op("==").Add(floatLit(r.Lo))
	}
	var parts []*jen.Statement
	if !math.IsInf(r.Lo, -1) || r.LoOpen {
		op := ">="
		if r.LoOpen {
			op = ">"
		}
		parts = append(parts, x.Clone().Op(op).Add(floatLit(r.Lo)))
	}
	if !math.IsInf(r.Hi, 1) || r.HiOpen {
		op := "<="
		if r.HiOpen {
			op = "<"
		}
		parts = append(parts, x.Clone().Op(op).Add(floatLit(r.Hi)))
	}
	switch len(parts) {
	case 0: // -inf..inf: every value but NaN
		return jen.Op("!").Qual("math", "IsNaN").Call(x.Clone())
	case 1:
		return parts[0]
	}
	return jen.Parens(parts[0].Op("&&").Add(parts[1]))
}

func floatLit(f float64) *jen.Statement {
	switch {
	case math.IsInf(f, 1):
		return jen.Qual("math", "Inf").Call(jen.Lit(1))
	case math.IsInf(f, -1):
		return jen.Qual("math", "Inf").Call(jen.Lit(-1))
	}
	return jen.Op(formatFloat(f))
}

// caseCond is the condition of a case: its field tests, then its guard; nil
// for an unconditional case.
func caseCond(c *ir.Case) *jen.Statement {
	if c.Guard == nil {
		return condition(c)
	}
	// The guard follows with &&: a disjunction of a test needs parentheses.
	var cond *jen.Statement
	for _, t := range c.Tests {
		if x := testCond(t, true); cond == nil {
			cond = x
		} else {
			cond = cond.Op("&&").Add(x)
		}
	}
	g := guardCond(c.Guard, c.Guard.Op == ir.GuardOr && cond != nil)
	if cond == nil {
		return g
	}
	return cond.Op("&&").Add(g)
}

// guardCond compiles a guard into a boolean expression on the event's fields
// (ev), in Go's semantics: float comparisons with NaN are false but !=, and
// strings and bytes compare bytewise. It reads the fields only, so it does
// not allocate. paren puts a disjunction in parentheses.
func guardCond(g *ir.Guard, paren bool) *jen.Statement {
	switch g.Op {
	case ir.GuardAnd:
		x := guardCond(g.X, true).Op("&&").Add(guardCond(g.Y, true))
		return x
	case ir.GuardOr:
		x := guardCond(g.X, false).Op("||").Add(guardCond(g.Y, false))
		if paren {
			return jen.Parens(x)
		}
		return x
	case ir.GuardNot:
		x := guardCond(g.X, false)
		if g.X.Op == ir.GuardBool || g.X.Op == ir.GuardNot {
			return jen.Op("!").Add(x)
		}
		return jen.Op("!").Parens(x)
	case ir.GuardBool:
		return guardOperand(g.L, ir.Operand{})
	}
	if g.L.Type.Kind == ir.Time {
		// Instants compare with Compare (== would compare locations too).
		return guardOperand(g.L, g.R).Dot("Compare").Call(guardOperand(g.R, g.L)).Op(g.Cmp).Lit(0)
	}
	return guardOperand(g.L, g.R).Op(g.Cmp).Add(guardOperand(g.R, g.L))
}

// guardOperand is the Go expression of operand o, compared with other.
func guardOperand(o, other ir.Operand) *jen.Statement {
	switch o.Kind {
	case ir.OperandBind:
		x := jen.Id("ev").Dot(GoName(o.Field.Name))
		if o.Type.Kind == ir.Bytes {
			return jen.String().Parens(x) // compared without allocating
		}
		return x
	case ir.OperandLen:
		x := jen.Len(jen.Id("ev").Dot(GoName(o.Field.Name)))
		if other.Kind == ir.OperandBind {
			return jen.Int64().Parens(x) // an int field is an int64
		}
		return x
	}
	v := o.Lit
	switch o.Type.Kind {
	case ir.Int:
		return jen.Op(strconv.FormatInt(v.Int, 10))
	case ir.Float:
		if math.IsNaN(v.Float) {
			return jen.Qual("math", "NaN").Call()
		}
		return floatLit(v.Float)
	case ir.Bool:
		return jen.Lit(v.Bool)
	case ir.EnumType:
		if e := o.Type.Enum; e != nil && v.Int >= 0 && v.Int < int64(len(e.Variants)) {
			return jen.Id(e.Name + e.Variants[v.Int])
		}
		return jen.Op(strconv.FormatInt(v.Int, 10))
	case ir.Time:
		// A call, not a variable: no allocation, and the compiler inlines it.
		return jen.Qual("time", "Unix").Call(jen.Op(strconv.FormatInt(o.Time.Unix(), 10)), jen.Op(strconv.Itoa(o.Time.Nanosecond())))
	case ir.Duration:
		return jen.Op(strconv.FormatInt(v.Int, 10)) // an untyped constant, in nanoseconds
	}
	return jen.Lit(v.Str)
}
