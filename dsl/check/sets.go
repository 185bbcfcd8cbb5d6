package check

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/ir"
	"github.com/fwgo/fw/dsl/space"
)

// patCtx tells where a sub-pattern stands, for the rules that depend on it.
type patCtx int

const (
	ctxTop patCtx = iota // the whole pattern of a field
	ctxAlt               // an alternative of a `|`
	ctxNot               // the operand of `!=`, or an alternative inside it
)

// pattern converts p, a pattern of field f, to the set of values it matches.
// ok is false when an error was reported. Every `|` met is recorded in fi.
// Bindings and `_` are handled by the caller at the top level; here they are
// errors.
func (c *checker) pattern(f *ir.Field, p ast.Pattern, ctx patCtx, fi *fieldInfo) (space.Set, bool) {
	d := f.Domain().Values() // a value pattern matches present values
	switch p := p.(type) {
	case *ast.Nil:
		if !f.Optional {
			c.errorf(p.Pos, ruleBadPattern, "field %s is not optional: nil matches the absence of an optional field (declared %s?)", f.Name, f.Type.String())
			return space.Set{}, false
		}
		return space.NilValue(d.Kind), true
	case *ast.NotNil:
		if !f.Optional {
			c.errorf(p.Pos, ruleBadPattern, "field %s is not optional: !nil matches the presence of an optional field (declared %s?); here, write _", f.Name, f.Type.String())
			return space.Set{}, false
		}
		return space.Full(d), true
	case *ast.RecordPattern:
		if f.Type.Kind == ir.RecordType {
			c.errorf(p.Pos, ruleBadPattern, "a record pattern is not allowed %s: it must be the whole pattern of field %s", ctx.inside(), f.Name)
		} else {
			c.errorf(p.Pos, ruleBadPattern, "field %s is %s, not a record: {...} matches the fields of a record field", f.Name, withArticle(f.TypeString()))
		}
		return space.Set{}, false
	case *ast.Wildcard:
		c.errorf(p.Pos, ruleBadPattern, "_ is not allowed %s: it matches every value", ctx.inside())
	case *ast.Name:
		return c.namePattern(f, p, ctx)
	case *ast.Literal:
		v, ok := c.literal(f, p)
		if !ok {
			return space.Set{}, false
		}
		return v.set(f), true
	case *ast.Alt:
		return c.altPattern(f, p, ctx, fi)
	case *ast.Range:
		if !c.ordered(f, p.Pos, "a range", ctx) {
			return space.Set{}, false
		}
		return c.rangePattern(f, p)
	case *ast.Compare:
		if !c.ordered(f, p.Pos, "a comparison", ctx) {
			return space.Set{}, false
		}
		return c.comparePattern(f, p)
	case *ast.Not:
		if ctx == ctxNot {
			c.errorf(p.Pos, ruleBadPattern, "!= cannot be nested: write != (a | b)")
			return space.Set{}, false
		}
		if isNil(p.Pattern) {
			return space.Set{}, false // a syntax error, reported by the parser
		}
		s, ok := c.pattern(f, p.Pattern, ctxNot, fi)
		if !ok {
			return space.Set{}, false
		}
		return space.Complement(d, s), true
	case *ast.Prefix:
		if f.Type.Kind != ir.String && f.Type.Kind != ir.Bytes {
			c.errorf(p.Pos, ruleBadPattern, "prefix applies to string and bytes fields, not to %s field %s", f.Type.String(), f.Name)
			return space.Set{}, false
		}
		if ctx == ctxNot {
			c.errorf(p.Pos, ruleBadPattern, "prefix is not allowed %s: != takes literals", ctx.inside())
			return space.Set{}, false
		}
		if p.Value == nil {
			return space.Set{}, false
		}
		v, ok := c.literal(f, p.Value)
		if !ok {
			return space.Set{}, false
		}
		return space.StringPrefix(v.String), true
	}
	return space.Set{}, false
}

func (ctx patCtx) inside() string {
	if ctx == ctxNot {
		return "inside !="
	}
	return "inside alternatives"
}

// namePattern is an identifier that is no binding at the top level: a variant,
// true or false, inf or nan; inside `|` or `!=`, any other name is an error.
func (c *checker) namePattern(f *ir.Field, p *ast.Name, ctx patCtx) (space.Set, bool) {
	switch {
	case p.Name == "true" || p.Name == "false":
		return c.pattern(f, &ast.Literal{Pos: p.Pos, Kind: ast.LitBool, Raw: p.Name}, ctx, nil)
	case p.Name == "_":
		return c.pattern(f, &ast.Wildcard{Pos: p.Pos}, ctx, nil)
	case f.Type.Kind == ir.EnumType:
		i, ok := c.variant(f, p)
		if !ok {
			return space.Set{}, false
		}
		return space.IntValue(f.Domain(), i), true
	case f.Type.Kind == ir.Float && (p.Name == "inf" || p.Name == "nan"):
		return c.pattern(f, &ast.Literal{Pos: p.Pos, Kind: ast.LitFloat, Raw: p.Name}, ctx, nil)
	}
	c.errorf(p.Pos, ruleBadPattern, "cannot bind %s %s: bindings are only allowed as the whole pattern of a field", p.Name, ctx.inside())
	return space.Set{}, false
}

// variant resolves a name written for enum field f to its variant's index,
// reporting a name that is no variant of the field's enum.
func (c *checker) variant(f *ir.Field, p *ast.Name) (int64, bool) {
	e := f.Type.Enum
	if i := slices.Index(e.Variants, p.Name); i >= 0 {
		return int64(i), true
	}
	for _, other := range c.pkg.Enums {
		if other != e && slices.Contains(other.Variants, p.Name) {
			c.report(withRename(diag.Errorf(p.Pos, ruleBadLiteral, "%s is a variant of enum %s, not of %s (the type of field %s)%s",
				p.Name, other.Name, e.Name, f.Name, didYouMean(p.Name, e.Variants)), p.Pos, p.Name, e.Variants))
			return 0, false
		}
	}
	c.report(withRename(diag.Errorf(p.Pos, ruleBadLiteral, "unknown variant %s of enum %s%s", p.Name, e.Name, didYouMean(p.Name, e.Variants)), p.Pos, p.Name, e.Variants))
	return 0, false
}

// altPattern is `p | q | ...`: the union of the alternatives. An alternative
// that matches nothing is reported (except under `!=`, where `!= (nan | 1.0)`
// means what it says).
func (c *checker) altPattern(f *ir.Field, p *ast.Alt, ctx patCtx, fi *fieldInfo) (space.Set, bool) {
	inner := ctxAlt
	if ctx == ctxNot {
		inner = ctxNot
	}
	union := space.Empty(f.Domain().Kind)
	var pieces []piece
	ok := true
	for _, a := range flattenAlt(p) {
		if isNil(a) {
			ok = false // a syntax error, reported by the parser
			continue
		}
		s, aok := c.pattern(f, a, inner, fi)
		switch {
		case !aok:
			ok = false
		case s.IsEmpty() && inner != ctxNot:
			c.emptyPattern(f, a)
			ok = false
		default:
			union = space.Union(union, s)
			pieces = append(pieces, piece{a, s})
		}
	}
	if fi != nil && len(pieces) > 1 {
		fi.alts = append(fi.alts, pieces)
		if ctx == ctxTop {
			fi.top = pieces
		}
	}
	return union, ok
}

// flattenAlt lists the alternatives of p, those of nested `|` included.
func flattenAlt(p *ast.Alt) []ast.Pattern {
	var out []ast.Pattern
	for _, a := range p.Alts {
		if sub, ok := a.(*ast.Alt); ok && sub != nil {
			out = append(out, flattenAlt(sub)...)
		} else {
			out = append(out, a)
		}
	}
	return out
}

// ordered checks that field f may take a range or a comparison (what).
func (c *checker) ordered(f *ir.Field, pos ast.Pos, what string, ctx patCtx) bool {
	switch {
	case !orderedKind(f.Type.Kind):
		c.errorf(pos, ruleBadPattern, "%s applies to int, float, enum, time and duration fields, not to %s field %s", what, f.Type.String(), f.Name)
		return false
	case ctx == ctxNot:
		c.errorf(pos, ruleBadPattern, "%s is not allowed inside !=: != takes literals (write the complement as a range)", what)
		return false
	}
	return true
}

func orderedKind(k ir.TypeKind) bool {
	switch k {
	case ir.Int, ir.Float, ir.EnumType, ir.Time, ir.Duration:
		return true
	}
	return false
}

// rangePattern is `lo..hi`, `lo..<hi`, `..hi`, `..<hi` or `lo..`.
func (c *checker) rangePattern(f *ir.Field, p *ast.Range) (space.Set, bool) {
	if p.Exclusive && isNil(p.Hi) {
		c.errorf(p.Pos, ruleBadPattern, "..< needs an upper bound")
		return space.Set{}, false
	}
	lo, lok := c.bound(f, p.Lo)
	hi, hok := c.bound(f, p.Hi)
	if !lok || !hok {
		return space.Set{}, false
	}
	if f.Type.Kind == ir.Float {
		return space.FloatBetween(lo.float(math.Inf(-1)), hi.float(math.Inf(1)), false, p.Exclusive), true
	}
	d := f.Domain().Values()
	l, h := lo.int(d.Min), hi.int(d.Max)
	if p.Exclusive {
		if h == math.MinInt64 {
			return space.Empty(space.Int), true
		}
		h--
	}
	return space.IntBetween(d, l, h), true
}

// comparePattern is `< v`, `<= v`, `> v` or `>= v`.
func (c *checker) comparePattern(f *ir.Field, p *ast.Compare) (space.Set, bool) {
	if isNil(p.Value) {
		return space.Set{}, false
	}
	b, ok := c.bound(f, p.Value)
	if !ok {
		return space.Set{}, false
	}
	if f.Type.Kind == ir.Float {
		v, inf := b.f, math.Inf(1)
		switch p.Op {
		case "<":
			return space.FloatBetween(-inf, v, false, true), true
		case "<=":
			return space.FloatBetween(-inf, v, false, false), true
		case ">":
			return space.FloatBetween(v, inf, true, false), true
		}
		return space.FloatBetween(v, inf, false, false), true
	}
	d, v := f.Domain().Values(), b.i
	switch p.Op {
	case "<":
		if v == math.MinInt64 {
			return space.Empty(space.Int), true
		}
		return space.IntBetween(d, d.Min, v-1), true
	case "<=":
		return space.IntBetween(d, d.Min, v), true
	case ">":
		if v == math.MaxInt64 {
			return space.Empty(space.Int), true
		}
		return space.IntBetween(d, v+1, d.Max), true
	}
	return space.IntBetween(d, v, d.Max), true
}

// boundValue is a checked range or comparison bound; open when absent.
type boundValue struct {
	open bool
	i    int64   // int and enum fields
	f    float64 // float fields
}

func (b boundValue) int(open int64) int64 {
	if b.open {
		return open
	}
	return b.i
}

func (b boundValue) float(open float64) float64 {
	if b.open {
		return open
	}
	return b.f
}

// bound converts a bound of a range or comparison on field f (an int, float
// or enum field); a nil bound is open.
func (c *checker) bound(f *ir.Field, p ast.Pattern) (boundValue, bool) {
	if isNil(p) {
		return boundValue{open: true}, true
	}
	switch p := p.(type) {
	case *ast.Name:
		switch {
		case f.Type.Kind == ir.EnumType:
			i, ok := c.variant(f, p)
			return boundValue{i: i}, ok
		case f.Type.Kind == ir.Float && (p.Name == "inf" || p.Name == "nan"):
			return c.bound(f, &ast.Literal{Pos: p.Pos, Kind: ast.LitFloat, Raw: p.Name})
		}
		c.errorf(p.Pos, ruleBadLiteral, "cannot use %s as a bound of %s field %s: a bound is a literal", p.Name, f.Type.String(), f.Name)
	case *ast.Literal:
		if f.Type.Kind == ir.Int && p.Kind == ast.LitFloat {
			c.errorf(p.Pos, ruleBadLiteral, "cannot use float literal %s as a bound of int field %s", p.Raw, f.Name)
			return boundValue{}, false
		}
		v, ok := c.literal(f, p)
		if !ok {
			return boundValue{}, false
		}
		if f.Type.Kind == ir.Float && math.IsNaN(v.Float) {
			c.errorf(p.Pos, ruleBadLiteral, "NaN as a bound: %s is not ordered, so no range or comparison can use it (ranges never contain NaN)", p.Raw)
			return boundValue{}, false
		}
		return boundValue{i: v.Int, f: v.Float}, true
	default:
		c.errorf(p.PatPos(), ruleBadPattern, "a bound must be a literal or a variant, not %s", patString(p))
	}
	return boundValue{}, false
}

// emptyPattern reports p, a pattern of field f that matches no value.
func (c *checker) emptyPattern(f *ir.Field, p ast.Pattern) {
	if lit, ok := p.(*ast.Literal); ok && f.Type.Kind == ir.Float {
		if v, msg := parseFloat(lit.Raw, lit.Kind); msg == "" && math.IsNaN(v) {
			c.errorf(p.PatPos(), ruleEmptyPattern, "%s matches no value: NaN equals nothing, not even NaN; "+
				"only _, a binding or != matches it", lit.Raw)
			return
		}
	}
	c.errorf(p.PatPos(), ruleEmptyPattern, "%s matches no value of %s field %s", patString(p), f.Type.String(), f.Name)
}

// patString renders a pattern as written (up to spacing), for messages.
func patString(p ast.Pattern) string {
	if isNil(p) {
		return "?"
	}
	switch p := p.(type) {
	case *ast.Wildcard:
		return "_"
	case *ast.Name:
		return p.Name
	case *ast.Literal:
		return p.Raw
	case *ast.Alt:
		parts := make([]string, len(p.Alts))
		for i, a := range p.Alts {
			parts[i] = patString(a)
		}
		return strings.Join(parts, " | ")
	case *ast.Range:
		op := ".."
		if p.Exclusive {
			op = "..<"
		}
		lo, hi := "", ""
		if !isNil(p.Lo) {
			lo = patString(p.Lo)
		}
		if !isNil(p.Hi) {
			hi = patString(p.Hi)
		}
		return lo + op + hi
	case *ast.Compare:
		return p.Op + " " + patString(p.Value)
	case *ast.Not:
		if alt, ok := p.Pattern.(*ast.Alt); ok && alt != nil {
			return "!= (" + patString(alt) + ")"
		}
		return "!= " + patString(p.Pattern)
	case *ast.Prefix:
		if p.Value == nil {
			return "prefix ?"
		}
		return "prefix " + p.Value.Raw
	case *ast.Nil:
		return "nil"
	case *ast.NotNil:
		return "!nil"
	case *ast.RecordPattern:
		parts := make([]string, 0, len(p.Fields))
		for _, fp := range p.Fields {
			if fp == nil {
				continue
			}
			if isNil(fp.Pattern) {
				parts = append(parts, fp.Field.Name)
			} else {
				parts = append(parts, fp.Field.Name+": "+patString(fp.Pattern))
			}
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return fmt.Sprintf("%T", p)
}
