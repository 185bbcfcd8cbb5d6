package check

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/ir"
	"github.com/fwgo/fw/dsl/space"
	"github.com/fwgo/fw/internal/suggest"
)

// literal converts lit to a value of field f's type, reporting a literal of the
// wrong kind or one that does not convert.
func (c *checker) literal(f *ir.Field, lit *ast.Literal) (litValue, bool) {
	var (
		v    litValue
		msg  string
		hint string // the variant a string literal names
	)
	switch t := f.Type; {
	case t.Kind == ir.EnumType:
		msg, hint = c.enumLiteral(f, lit)
	case t.Kind == ir.Time || t.Kind == ir.Duration:
		v.Int, msg = clockLiteral(f, lit)
	case !accepts(t.Kind, lit.Kind):
		msg = fmt.Sprintf("cannot use %s literal %s for %s field %s", lit.Kind, lit.Raw, t.String(), f.Name)
		if t.Kind == ir.Bytes {
			msg += ": bytes fields match string literals"
		}
	case t.Kind == ir.String || t.Kind == ir.Bytes:
		v.String, msg = unquote(lit.Raw)
	case t.Kind == ir.Int:
		v.Int, msg = parseInt(lit.Raw)
	case t.Kind == ir.Float:
		v.Float, msg = parseFloat(lit.Raw, lit.Kind)
	case t.Kind == ir.Bool:
		switch lit.Raw {
		case "true":
			v.Bool = true
		case "false":
		default:
			msg = "malformed bool literal " + lit.Raw
		}
	}
	if msg != "" {
		d := diag.Errorf(lit.Pos, ruleBadLiteral, "%s", msg)
		if hint != "" {
			d = d.WithFix(fmt.Sprintf("Replace %s with %s", lit.Raw, hint), diag.Edit{Pos: lit.Pos, End: advance(lit.Pos, lit.Raw), New: hint})
		}
		c.report(d)
		return v, false
	}
	return v, true
}

// Examples of the forms of time and duration literals, for messages.
const (
	timeForm     = `want RFC 3339, e.g. "2026-01-02T15:04:05Z" or "2026-01-02T15:04:05.5+01:00"`
	durationForm = `want a Go duration, e.g. "90s", "1h30m" or "250ms"`
)

// clockLiteral converts a literal for a time field (an RFC 3339 timestamp
// in a string, to Unix nanoseconds) or a duration field (a Go duration in a
// string, to nanoseconds).
func clockLiteral(f *ir.Field, lit *ast.Literal) (int64, string) {
	isTime := f.Type.Kind == ir.Time
	form := durationForm
	if isTime {
		form = timeForm
	}
	if lit.Kind != ast.LitString {
		return 0, fmt.Sprintf("cannot use %s literal %s for %s field %s: %s (a string)", lit.Kind, lit.Raw, f.Type.String(), f.Name, form)
	}
	s, msg := unquote(lit.Raw)
	if msg != "" {
		return 0, msg
	}
	if !isTime {
		d, err := time.ParseDuration(s)
		if err != nil {
			return 0, fmt.Sprintf("bad duration %s: %s; %s", lit.Raw, strings.TrimPrefix(err.Error(), "time: "), form)
		}
		return int64(d), ""
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		why := err.Error()
		var perr *time.ParseError
		if errors.As(err, &perr) {
			why = strings.TrimPrefix(perr.Message, ": ")
			if why == "" {
				why = "cannot parse " + strconv.Quote(perr.ValueElem) + " as " + strconv.Quote(perr.LayoutElem)
			}
		}
		return 0, fmt.Sprintf("bad timestamp %s: %s; %s", lit.Raw, why, form)
	}
	if y := t.Year(); y < 1678 || y > 2261 {
		return 0, fmt.Sprintf("timestamp %s is out of range: patterns compare times as Unix nanoseconds, from 1678 to 2261", lit.Raw)
	}
	return t.UnixNano(), ""
}

// litValue is a literal converted to its field's type: only the member for that
// type is meaningful.
type litValue struct {
	String string
	Int    int64
	Float  float64
	Bool   bool
}

// set returns {v} in the domain of field f.
func (v litValue) set(f *ir.Field) space.Set {
	switch f.Type.Kind {
	case ir.Int, ir.EnumType, ir.Time, ir.Duration:
		return space.IntValue(f.Domain().Values(), v.Int)
	case ir.Float:
		return space.FloatValue(v.Float)
	case ir.Bool:
		return space.BoolValue(v.Bool)
	}
	return space.StringValue(v.String)
}

// accepts reports whether a literal of kind lk may match a field of kind tk.
// An int literal is a valid float (`price: 10`), never the other way round:
// `amount: 1.5` would silently match nothing.
func accepts(tk ir.TypeKind, lk ast.LitKind) bool {
	switch tk {
	case ir.String, ir.Bytes:
		return lk == ast.LitString
	case ir.Int:
		return lk == ast.LitInt
	case ir.Float:
		return lk == ast.LitFloat || lk == ast.LitInt
	case ir.Bool:
		return lk == ast.LitBool
	}
	return false
}

// enumLiteral explains why lit cannot match enum field f (only a variant,
// written as an identifier, can). A string that names a variant gets a hint,
// the variant, which it also returns.
func (c *checker) enumLiteral(f *ir.Field, lit *ast.Literal) (string, string) {
	e := f.Type.Enum
	msg := fmt.Sprintf("cannot use %s literal %s for %s field %s", lit.Kind, lit.Raw, e.Name, f.Name)
	if lit.Kind == ast.LitString {
		if s, bad := unquote(lit.Raw); bad == "" {
			hint := s
			if !slices.Contains(e.Variants, s) {
				hint = suggest.Closest(s, e.Variants)
			}
			if hint != "" {
				return msg + "; did you mean " + hint + "?", hint
			}
		}
	}
	if len(e.Variants) == 0 {
		return msg + ": enum " + e.Name + " has no variants", ""
	}
	return msg + ": write a variant of " + e.Name + " (" + strings.Join(e.Variants, ", ") + ")", ""
}

// unquote returns the value of a string literal, or a message naming the
// escape that is wrong.
func unquote(raw string) (string, string) {
	s, err := strconv.Unquote(raw)
	if err == nil {
		return s, ""
	}
	if len(raw) >= 2 && raw[0] == '"' && raw[len(raw)-1] == '"' {
		// Walk the literal to find the bad escape.
		rest := raw[1 : len(raw)-1]
		for rest != "" {
			_, _, tail, err := strconv.UnquoteChar(rest, '"')
			if err != nil {
				esc := rest[:1]
				if rest[0] == '\\' && len(rest) > 1 {
					_, n := utf8.DecodeRuneInString(rest[1:])
					esc = rest[:1+n]
				}
				return "", fmt.Sprintf("bad string literal %s: invalid escape or character %s", raw, esc)
			}
			rest = tail
		}
	}
	return "", "malformed string literal " + raw
}

// parseInt converts an int literal with Go's syntax (0x, 0o, 0b and legacy 0
// prefixes, _ separators, a leading '-'), as the parser validates it.
func parseInt(raw string) (int64, string) {
	v, err := strconv.ParseInt(raw, 0, 64)
	switch {
	case errors.Is(err, strconv.ErrRange):
		return 0, fmt.Sprintf("int literal %s overflows int64", raw)
	case err != nil:
		return 0, "malformed int literal " + raw
	}
	return v, ""
}

// parseFloat converts a float literal, or an int literal for a float field.
func parseFloat(raw string, kind ast.LitKind) (float64, string) {
	if kind == ast.LitInt {
		v, msg := parseInt(raw)
		if msg == "" {
			return float64(v), ""
		}
		// Too large for int64 is still a valid float: 100000000000000000000.
		if _, err := strconv.ParseInt(raw, 0, 64); errors.Is(err, strconv.ErrRange) {
			if f, err := strconv.ParseFloat(raw, 64); err == nil {
				return f, ""
			}
		}
		return 0, msg
	}
	f, err := strconv.ParseFloat(raw, 64)
	switch {
	case err != nil && math.IsInf(f, 0):
		return 0, fmt.Sprintf("float literal %s overflows float64", raw)
	case err != nil:
		return 0, "malformed float literal " + raw
	}
	return f, ""
}
