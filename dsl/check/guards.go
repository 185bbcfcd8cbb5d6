package check

import (
	"fmt"
	"time"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/ir"
	"github.com/fwgo/fw/dsl/space"
)

// ruleBadGuard: a guard that does not check (an unknown name, a type
// mismatch, an operator its operands' type does not have).
const ruleBadGuard = "bad-guard"

// guardScope is what a guard may name: the case's bindings.
type guardScope struct {
	ic    *ir.Case
	ev    *ir.Event // nil for the catch-all
	binds map[string]*ir.Field
	paths map[string][]*ir.Field // the bound names' Bind.Path
	names []string               // the bound names, for suggestions
}

// guard checks the guard of an event case, whose patterns are checked (so
// ic.Binds is complete). It returns nil, having reported why, for a guard
// that does not check.
func (c *checker) guard(cs *ast.Case, ev *ir.Event, ic *ir.Case) *ir.Guard {
	if cs.Guard == nil {
		return nil
	}
	s := &guardScope{ic: ic, ev: ev, binds: map[string]*ir.Field{}, paths: map[string][]*ir.Field{}}
	for _, b := range ic.Binds {
		s.binds[b.Name] = b.Field
		s.paths[b.Name] = b.Path
		s.names = append(s.names, b.Name)
	}
	g, ok := c.boolExpr(s, cs.Guard)
	if !ok {
		return nil
	}
	return g
}

// unparen returns e without its parentheses.
func unparen(e ast.Expr) ast.Expr {
	for {
		p, ok := e.(*ast.Paren)
		if !ok || p == nil {
			return e
		}
		e = p.X
	}
}

// boolExpr checks e where a truth value is expected.
func (c *checker) boolExpr(s *guardScope, e ast.Expr) (*ir.Guard, bool) {
	switch x := unparen(e).(type) {
	case *ast.Binary:
		switch x.Op {
		case "&&", "||":
			l, lok := c.boolExpr(s, x.X)
			r, rok := c.boolExpr(s, x.Y)
			if !lok || !rok {
				return nil, false
			}
			op := ir.GuardAnd
			if x.Op == "||" {
				op = ir.GuardOr
			}
			return &ir.Guard{Op: op, X: l, Y: r, Pos: x.Pos}, true
		}
		return c.comparison(s, x)
	case *ast.Unary:
		g, ok := c.boolExpr(s, x.X)
		if !ok {
			return nil, false
		}
		return &ir.Guard{Op: ir.GuardNot, X: g, Pos: x.Pos}, true
	case *ast.Name, *ast.Len, *ast.Literal:
		o, ok := c.guardOperand(s, x, nil)
		if !ok {
			return nil, false
		}
		if o.Kind == ir.OperandLit || o.Type.Kind != ir.Bool {
			c.errorf(x.ExprPos(), ruleBadGuard, "%s is not a condition: a guard compares bound values (e.g. %s), or names a bound bool",
				exprString(x), suggestCompare(o))
			return nil, false
		}
		return &ir.Guard{Op: ir.GuardBool, L: o, Pos: x.ExprPos()}, true
	}
	c.errorf(e.ExprPos(), ruleBadGuard, "internal error: unknown guard expression")
	return nil, false
}

// suggestCompare is an example comparison for operand o.
func suggestCompare(o ir.Operand) string {
	switch {
	case o.Kind == ir.OperandLit:
		return "amount > 100"
	case o.Type.Kind == ir.String:
		return o.Name + ` != ""`
	case o.Kind == ir.OperandLen:
		return "len(" + o.Name + ") > 0"
	case o.Type.Kind == ir.EnumType && o.Type.Enum != nil && len(o.Type.Enum.Variants) > 0:
		return o.Name + " == " + o.Type.Enum.Variants[0]
	}
	return o.Name + " > 0"
}

// comparison checks `x op y`: each side a bound value, len(bound) or a
// literal, at least one side not a literal, both of one type; < <= > >=
// need an ordered type.
func (c *checker) comparison(s *guardScope, x *ast.Binary) (*ir.Guard, bool) {
	for _, side := range []ast.Expr{x.X, x.Y} {
		switch y := unparen(side).(type) {
		case *ast.Binary, *ast.Unary:
			c.errorf(side.ExprPos(), ruleBadGuard, "cannot compare %s with %s: a comparison's operands are bound names, len(name) and literals",
				exprString(y), x.Op)
			return nil, false
		}
	}
	lx, rx := unparen(x.X), unparen(x.Y)
	// The side that is not a literal (nor a variant) gives the type: a side
	// that is a bound name, or len.
	typed := func(e ast.Expr) bool {
		switch e := e.(type) {
		case *ast.Len:
			return true
		case *ast.Name:
			_, ok := s.binds[e.Name]
			return ok
		}
		return false
	}
	var l, r ir.Operand
	var ok bool
	switch {
	case typed(lx):
		if l, ok = c.guardOperand(s, lx, nil); !ok {
			return nil, false
		}
		if r, ok = c.guardOperand(s, rx, &l); !ok {
			return nil, false
		}
	case typed(rx):
		if r, ok = c.guardOperand(s, rx, nil); !ok {
			return nil, false
		}
		if l, ok = c.guardOperand(s, lx, &r); !ok {
			return nil, false
		}
	default:
		// Neither side is bound: report the first name that is not, or
		// two literals.
		for _, e := range []ast.Expr{lx, rx} {
			if n, isName := e.(*ast.Name); isName {
				c.unknownGuardName(s, n)
				return nil, false
			}
		}
		c.errorf(x.Pos, ruleBadGuard, "%s compares two literals: a guard compares bound values", exprString(x))
		return nil, false
	}
	if !l.Type.Same(r.Type) {
		c.report(diag.Errorf(x.OpPos, ruleBadGuard, "mismatched types in %s: %s is %s, %s is %s",
			exprString(x), exprString(lx), l.Type.String(), exprString(rx), r.Type.String()))
		return nil, false
	}
	switch x.Op {
	case "<", "<=", ">", ">=":
		if !l.Type.Ordered() {
			c.errorf(x.OpPos, ruleBadGuard, "%s is not defined on %s values (in %s): ordering applies to ints, floats, enums, times and durations",
				x.Op, l.Type.String(), exprString(x))
			return nil, false
		}
	}
	return &ir.Guard{Op: ir.GuardCompare, Cmp: x.Op, L: l, R: r, Pos: x.Pos}, true
}

// guardOperand checks an operand; other, when not nil, is the checked
// other side of its comparison, whose type a literal (or an enum variant)
// takes.
func (c *checker) guardOperand(s *guardScope, e ast.Expr, other *ir.Operand) (ir.Operand, bool) {
	switch e := e.(type) {
	case *ast.Name:
		if f, ok := s.binds[e.Name]; ok {
			if f == nil {
				return ir.Operand{}, false // the field did not resolve
			}
			if f.Optional || !f.Type.Comparable() {
				hint := ""
				if f.Type.HasLen() && !f.Optional {
					hint = fmt.Sprintf("; len(%s) is an int", e.Name)
				}
				c.errorf(e.Pos, ruleBadGuard, "cannot compare %s (bound to %s field %s): guards compare strings, numbers, bools, bytes, enums, times and durations, not yet optional or structured values%s",
					e.Name, f.TypeString(), f.Name, hint)
				return ir.Operand{}, false
			}
			return ir.Operand{Kind: ir.OperandBind, Name: e.Name, Field: f, Path: s.paths[e.Name], Type: f.Type, Pos: e.Pos}, true
		}
		if other != nil && other.Type.Kind == ir.EnumType && other.Type.Enum != nil {
			f := &ir.Field{Name: other.Name, Type: other.Type}
			i, ok := c.variant(f, &ast.Name{Pos: e.Pos, Name: e.Name})
			if !ok {
				return ir.Operand{}, false
			}
			return ir.Operand{Kind: ir.OperandLit, Type: other.Type, Lit: space.Value{Int: i}, Pos: e.Pos}, true
		}
		c.unknownGuardName(s, e)
		return ir.Operand{}, false
	case *ast.Len:
		f, ok := s.binds[e.Arg.Name]
		if !ok {
			c.unknownGuardName(s, &ast.Name{Pos: e.Arg.Pos, Name: e.Arg.Name})
			return ir.Operand{}, false
		}
		if f == nil {
			return ir.Operand{}, false
		}
		if f.Optional && f.Type.HasLen() {
			c.errorf(e.Pos, ruleBadGuard, "invalid argument: %s (bound to %s field %s) is optional: guards do not read optional values yet",
				e.Arg.Name, f.TypeString(), f.Name)
			return ir.Operand{}, false
		}
		if !f.Type.HasLen() || f.Optional {
			c.errorf(e.Pos, ruleBadGuard, "invalid argument: %s (bound to %s field %s) has no len: len applies to strings, bytes, lists and maps",
				e.Arg.Name, f.TypeString(), f.Name)
			return ir.Operand{}, false
		}
		return ir.Operand{Kind: ir.OperandLen, Name: e.Arg.Name, Field: f, Path: s.paths[e.Arg.Name], Type: ir.Type{Kind: ir.Int}, Pos: e.Pos}, true
	case *ast.Literal:
		if other == nil {
			c.errorf(e.Pos, ruleBadGuard, "%s is not a condition: a guard compares bound values", e.Raw)
			return ir.Operand{}, false
		}
		// The literal converts to the other side's type, as in a pattern
		// on a field of that type.
		f := &ir.Field{Name: other.Name, Type: other.Type}
		if other.Kind == ir.OperandLen {
			f.Name = "len(" + other.Name + ")"
		}
		if other.Type.Kind == ir.EnumType {
			c.errorf(e.Pos, ruleBadGuard, "cannot compare %s (%s) with literal %s: write a variant of %s", other.Name, other.Type.String(), e.Raw, other.Type.String())
			return ir.Operand{}, false
		}
		if k := other.Type.Kind; k == ir.Time || k == ir.Duration {
			return c.timeLiteral(other, e)
		}
		v, ok := c.literal(f, e)
		if !ok {
			return ir.Operand{}, false
		}
		return ir.Operand{Kind: ir.OperandLit, Type: other.Type, Lit: space.Value{Int: v.Int, Float: v.Float, Str: v.String, Bool: v.Bool}, Pos: e.Pos}, true
	}
	c.errorf(e.ExprPos(), ruleBadGuard, "internal error: unknown guard operand")
	return ir.Operand{}, false
}

// timeLiteral converts a string literal compared with a time (RFC 3339) or
// a duration (Go's syntax).
func (c *checker) timeLiteral(other *ir.Operand, e *ast.Literal) (ir.Operand, bool) {
	o := ir.Operand{Kind: ir.OperandLit, Type: other.Type, Pos: e.Pos}
	what := "a timestamp, e.g. \"2026-01-02T15:04:05Z\""
	if other.Type.Kind == ir.Duration {
		what = "a duration, e.g. \"1h30m\" or \"250ms\""
	}
	if e.Kind != ast.LitString {
		c.errorf(e.Pos, ruleBadLiteral, "cannot compare %s (%s) with %s literal %s: write %s", other.Name, other.Type.String(), e.Kind, e.Raw, what)
		return o, false
	}
	s, bad := unquote(e.Raw)
	if bad != "" {
		c.errorf(e.Pos, ruleBadLiteral, "%s", bad)
		return o, false
	}
	if other.Type.Kind == ir.Time {
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			c.errorf(e.Pos, ruleBadLiteral, "bad timestamp %s: want RFC 3339, e.g. 2026-01-02T15:04:05Z", e.Raw)
			return o, false
		}
		o.Time = t.UTC()
		return o, true
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		c.errorf(e.Pos, ruleBadLiteral, "bad duration %s: want a Go duration, e.g. 1h30m or 250ms", e.Raw)
		return o, false
	}
	o.Lit.Int = int64(d)
	return o, true
}

// unknownGuardName reports a name of a guard that the case does not bind.
func (c *checker) unknownGuardName(s *guardScope, n *ast.Name) {
	if n.Name == "_" {
		c.errorf(n.Pos, ruleBadGuard, "wildcard \"_\" cannot be used in a guard")
		return
	}
	if s.ev != nil {
		for _, f := range s.ev.Fields {
			if f.Name == n.Name {
				c.errorf(n.Pos, ruleBadGuard, "%s is not bound in case %s: bind it in the pattern to use it in the guard, e.g. %s{%s}",
					n.Name, s.ic.Name, s.ev.Name, n.Name)
				return
			}
		}
	}
	if len(s.names) == 0 {
		c.errorf(n.Pos, ruleBadGuard, "undefined: %s (case %s binds nothing: a guard reads the values its pattern binds)", n.Name, s.ic.Name)
		return
	}
	c.report(withRename(diag.Errorf(n.Pos, ruleBadGuard, "undefined: %s (not bound in case %s)%s", n.Name, s.ic.Name, didYouMean(n.Name, s.names)), n.Pos, n.Name, s.names))
}

// exprString prints a guard expression as the formatter does.
func exprString(e ast.Expr) string { return ast.ExprString(e) }
