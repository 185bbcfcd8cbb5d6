package ir

import (
	"strconv"
	"time"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/space"
)

// GuardOp is the kind of a node of a guard expression.
type GuardOp int

const (
	GuardCompare GuardOp = iota // L Cmp R
	GuardAnd                    // X && Y
	GuardOr                     // X || Y
	GuardNot                    // !X
	GuardBool                   // L, a bound bool, alone
)

// Guard is a checked guard expression: a tree of comparisons of bound
// values and literals under &&, || and !. Every operand is typed: the two
// sides of a comparison have the same type.
type Guard struct {
	Op   GuardOp
	X, Y *Guard  // GuardAnd, GuardOr: both; GuardNot: X
	Cmp  string  // GuardCompare: "==", "!=", "<", "<=", ">" or ">="
	L, R Operand // GuardCompare: both; GuardBool: L
	Pos  ast.Pos
}

// OperandKind is the kind of an operand of a guard's comparison.
type OperandKind int

const (
	OperandBind OperandKind = iota // a bound value: Field's value
	OperandLen                     // len of a bound value (an int)
	OperandLit                     // a literal converted to Type
)

// Operand is one side of a guard's comparison.
type Operand struct {
	Kind  OperandKind
	Name  string      // OperandBind, OperandLen: the bound name
	Field *Field      // OperandBind, OperandLen: the bound field
	Type  Type        // the operand's type: Field's for a binding, Int for len, the other side's for a literal
	Lit   space.Value // OperandLit: Int for ints, enums and durations (nanoseconds), ...
	Time  time.Time   // OperandLit of type Time: the instant, in UTC
	Pos   ast.Pos
}

// Ordered reports whether values of t may be compared with <, <=, > and >=
// (in a guard, and by a range or comparison pattern).
func (t Type) Ordered() bool {
	switch t.Kind {
	case Int, Float, EnumType, Time, Duration:
		return true
	}
	return false
}

// Comparable reports whether values of t may be operands of a guard's
// comparison: the scalars, times and durations.
func (t Type) Comparable() bool { return t.Scalar() || t.Kind == Time || t.Kind == Duration }

// HasLen reports whether len applies to values of t in a guard.
func (t Type) HasLen() bool {
	switch t.Kind {
	case String, Bytes, List, Map:
		return true
	}
	return false
}

// Same reports whether t and u are the same type.
func (t Type) Same(u Type) bool { return t.Kind == u.Kind && t.Enum == u.Enum }

// Unconditional reports whether a case matches every event of its type (or,
// for the catch-all, every event): no field test and no guard.
func (c *Case) Unconditional() bool { return len(c.Tests) == 0 && c.Guard == nil }

// Receives reports whether the event or catch-all case c may receive events of type ev.
func (c *Case) Receives(ev *Event) bool { return c.Event == ev || c.CatchAll && ev != nil }

// CasesFor returns p's cases that may receive events of type ev, in order:
// its cases on ev, then its catch-all case, if any.
func (p *Processor) CasesFor(ev *Event) []*Case {
	var out []*Case
	for _, c := range p.Cases {
		if c.Receives(ev) {
			out = append(out, c)
		}
	}
	return out
}

// CatchAllCase returns the processor's catch-all case, or nil.
func (p *Processor) CatchAllCase() *Case {
	for _, c := range p.Cases {
		if c.CatchAll {
			return c
		}
	}
	return nil
}

// String prints the guard in .fw syntax, fully parenthesised, with its
// literals as converted (floats exactly, in hexadecimal): a canonical text,
// for fingerprints and messages.
func (g *Guard) String() string {
	switch g.Op {
	case GuardAnd:
		return "(" + g.X.String() + " && " + g.Y.String() + ")"
	case GuardOr:
		return "(" + g.X.String() + " || " + g.Y.String() + ")"
	case GuardNot:
		return "!" + g.X.String()
	case GuardBool:
		return g.L.String()
	}
	return g.L.String() + " " + g.Cmp + " " + g.R.String()
}

// String prints the operand: its bound field's name (not the binding's),
// len(field), or the literal.
func (o Operand) String() string {
	switch o.Kind {
	case OperandBind:
		return o.Field.Name
	case OperandLen:
		return "len(" + o.Field.Name + ")"
	}
	switch o.Type.Kind {
	case Int:
		return strconv.FormatInt(o.Lit.Int, 10)
	case Float:
		return strconv.FormatFloat(o.Lit.Float, 'x', -1, 64)
	case Bool:
		return strconv.FormatBool(o.Lit.Bool)
	case EnumType:
		if e := o.Type.Enum; e != nil && o.Lit.Int >= 0 && o.Lit.Int < int64(len(e.Variants)) {
			return e.Variants[o.Lit.Int]
		}
		return strconv.FormatInt(o.Lit.Int, 10)
	case Time:
		return strconv.Quote(o.Time.UTC().Format(time.RFC3339Nano))
	case Duration:
		return strconv.Quote(time.Duration(o.Lit.Int).String())
	}
	return strconv.Quote(o.Lit.Str)
}
