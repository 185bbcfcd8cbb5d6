package check

import (
	"math"

	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/ir"
	"github.com/fwgo/fw/dsl/space"
)

// The guard rules: warnings about a guard that is decided by its case's
// pattern alone.
const (
	ruleGuardNeverHolds  = "guard-never-holds"
	ruleGuardAlwaysHolds = "guard-always-holds"
)

// maxGuardCombos bounds the combinations of atoms a guard's analysis
// evaluates; past it, the rules stay silent.
const maxGuardCombos = 1 << 12

// truth is a three-valued truth: a comparison that the analysis cannot
// decide (two bound values, a len) is unknown.
type truth uint8

const (
	tFalse truth = iota
	tTrue
	tUnknown
)

// guardField is a field that the guard compares with literals: the atoms of
// its values that the case's pattern lets through.
type guardField struct {
	field *ir.Field
	key   string // its path, as written
	atoms []space.Atom
}

// guards reports [guard-never-holds] and [guard-always-holds]: a guard whose
// value is the same for every event that the case's pattern matches, as far
// as its comparisons of bound values with literals decide it. Each field
// compared with literals is split into atoms by the literals and the case's
// pattern on it, and the guard is evaluated on every combination of the
// atoms that the pattern matches: false on all, the case never runs; true on
// all, the guard is useless.
func (l *linter) guards(pi *procInfo) {
	for _, ci := range pi.cases {
		g := ci.ic.Guard
		if g == nil || !ci.ok {
			continue
		}
		var fields []*guardField
		index := map[string]int{} // by path: one record type's field may be bound at two
		sets := map[string][]space.Set{}
		walkGuard(g, func(o ir.Operand, s space.Set) {
			k := ir.PathName(o.At())
			if _, ok := index[k]; !ok {
				index[k] = len(fields)
				fields = append(fields, &guardField{field: o.Field, key: k})
			}
			sets[k] = append(sets[k], s)
		})
		combos := 1
		for _, gf := range fields {
			d := gf.field.Domain()
			pat := space.Full(d)
			if fi := ci.field(gf.key); fi != nil {
				pat = fi.set
			}
			for _, a := range partition(d, append(sets[gf.key], pat)) {
				if pat.ContainsAtom(a) {
					gf.atoms = append(gf.atoms, a)
				}
			}
			if combos *= len(gf.atoms); combos > maxGuardCombos || combos == 0 {
				break
			}
		}
		if combos > maxGuardCombos || combos == 0 {
			continue
		}
		seen := [2]bool{}
		pick := make([]int, len(fields))
		for {
			switch evalGuard(g, func(o ir.Operand) space.Atom { gf := index[ir.PathName(o.At())]; return fields[gf].atoms[pick[gf]] }) {
			case tFalse:
				seen[0] = true
			case tTrue:
				seen[1] = true
			default:
				seen = [2]bool{true, true}
			}
			if seen[0] && seen[1] {
				break
			}
			i := 0
			for ; i < len(pick); i++ {
				if pick[i]++; pick[i] < len(fields[i].atoms) {
					break
				}
				pick[i] = 0
			}
			if i == len(pick) {
				break
			}
		}
		switch {
		case seen[0] && !seen[1]:
			l.warn(ci.decl, l.c.guardRange(diag.Warningf(ci.decl.Guard.ExprPos(), ruleGuardNeverHolds,
				"the guard of case %s never holds: no %s that the pattern matches satisfies %s, so the case never runs",
				ci.ic.Name, ci.ic.Event.Name, exprString(ci.decl.Guard)), ci.decl.Guard))
		case seen[1] && !seen[0]:
			l.warn(ci.decl, l.c.guardRange(diag.Warningf(ci.decl.Guard.ExprPos(), ruleGuardAlwaysHolds,
				"the guard of case %s always holds: every %s that the pattern matches satisfies %s; remove it, or move the condition into the pattern",
				ci.ic.Name, ci.ic.Event.Name, exprString(ci.decl.Guard)), ci.decl.Guard))
		}
	}
}

// walkGuard calls f for each comparison of a bound field with a literal
// (and each bound bool alone) of g, with the set of the field's values that
// satisfy it.
func walkGuard(g *ir.Guard, f func(ir.Operand, space.Set)) {
	switch g.Op {
	case ir.GuardAnd, ir.GuardOr:
		walkGuard(g.X, f)
		walkGuard(g.Y, f)
	case ir.GuardNot:
		walkGuard(g.X, f)
	case ir.GuardBool:
		f(g.L, space.BoolValue(true))
	case ir.GuardCompare:
		if fd, s, ok := literalCompare(g); ok {
			f(fd, s)
		}
	}
}

// literalCompare returns the bound operand and the set of its values that satisfy
// g, a comparison of a bound field with a literal.
func literalCompare(g *ir.Guard) (ir.Operand, space.Set, bool) {
	op, b, lit := g.Cmp, g.L, g.R
	switch {
	case g.L.Kind == ir.OperandBind && g.R.Kind == ir.OperandLit:
	case g.R.Kind == ir.OperandBind && g.L.Kind == ir.OperandLit:
		b, lit = g.R, g.L
		op = flipCmp(op)
	default:
		return ir.Operand{}, space.Set{}, false
	}
	f := b.Field
	if !f.Type.Scalar() {
		return ir.Operand{}, space.Set{}, false // times and durations: not analysed
	}
	d := f.Domain()
	v := lit.Lit
	switch d.Kind {
	case space.Int:
		switch op {
		case "==":
			return b, space.IntValue(d, v.Int), true
		case "!=":
			return b, space.Complement(d, space.IntValue(d, v.Int)), true
		case "<":
			if v.Int <= d.Min {
				return b, space.Empty(space.Int), true
			}
			return b, space.IntBetween(d, d.Min, v.Int-1), true
		case "<=":
			return b, space.IntBetween(d, d.Min, v.Int), true
		case ">":
			if v.Int >= d.Max {
				return b, space.Empty(space.Int), true
			}
			return b, space.IntBetween(d, v.Int+1, d.Max), true
		case ">=":
			return b, space.IntBetween(d, v.Int, d.Max), true
		}
	case space.Float:
		x := v.Float
		if math.IsNaN(x) { // NaN equals nothing and orders with nothing
			if op == "!=" {
				return b, space.Full(d), true
			}
			return b, space.Empty(space.Float), true
		}
		inf := math.Inf(1)
		switch op {
		case "==":
			return b, space.FloatValue(x), true
		case "!=":
			return b, space.Complement(d, space.FloatValue(x)), true
		case "<":
			return b, space.FloatBetween(-inf, x, false, true), true
		case "<=":
			return b, space.FloatBetween(-inf, x, false, false), true
		case ">":
			return b, space.FloatBetween(x, inf, true, false), true
		case ">=":
			return b, space.FloatBetween(x, inf, false, false), true
		}
	case space.String:
		switch op {
		case "==":
			return b, space.StringValue(v.Str), true
		case "!=":
			return b, space.Complement(d, space.StringValue(v.Str)), true
		}
	case space.Bool:
		switch op {
		case "==":
			return b, space.BoolValue(v.Bool), true
		case "!=":
			return b, space.BoolValue(!v.Bool), true
		}
	}
	return ir.Operand{}, space.Set{}, false
}

// flipCmp is the operator of `y op x` for `x op y`.
func flipCmp(op string) string {
	switch op {
	case "<":
		return ">"
	case "<=":
		return ">="
	case ">":
		return "<"
	case ">=":
		return "<="
	}
	return op
}

// evalGuard evaluates g with each compared field's value in the atom that
// at returns.
func evalGuard(g *ir.Guard, at func(ir.Operand) space.Atom) truth {
	switch g.Op {
	case ir.GuardAnd:
		x, y := evalGuard(g.X, at), evalGuard(g.Y, at)
		switch {
		case x == tFalse || y == tFalse:
			return tFalse
		case x == tTrue && y == tTrue:
			return tTrue
		}
		return tUnknown
	case ir.GuardOr:
		x, y := evalGuard(g.X, at), evalGuard(g.Y, at)
		switch {
		case x == tTrue || y == tTrue:
			return tTrue
		case x == tFalse && y == tFalse:
			return tFalse
		}
		return tUnknown
	case ir.GuardNot:
		switch evalGuard(g.X, at) {
		case tTrue:
			return tFalse
		case tFalse:
			return tTrue
		}
		return tUnknown
	case ir.GuardBool:
		return truthOf(space.BoolValue(true).ContainsAtom(at(g.L)))
	case ir.GuardCompare:
		if f, s, ok := literalCompare(g); ok {
			return truthOf(s.ContainsAtom(at(f)))
		}
	}
	return tUnknown
}

func truthOf(b bool) truth {
	if b {
		return tTrue
	}
	return tFalse
}
