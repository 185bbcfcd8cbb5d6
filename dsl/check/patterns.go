package check

import (
	"go/token"
	"slices"
	"strings"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/ir"
	"github.com/fwgo/fw/dsl/space"
)

// patterns checks the field patterns of an event case and fills ic.Tests and
// ic.Binds. ev is nil when the event did not resolve: the checks that need no
// event (duplicate fields and bindings, binding names) still run.
func (c *checker) patterns(cs *ast.Case, ev *ir.Event, ic *ir.Case) {
	fields := map[string]ast.Pos{} // first pattern of each field
	binds := map[string]ast.Pos{}  // first binding of each name
	bind := func(name string, pos ast.Pos, f *ir.Field, shorthand bool) {
		if token.IsKeyword(name) {
			if shorthand {
				c.errorf(pos, ruleBadName, "cannot bind field %s to a parameter of the same name: %s is a Go keyword; write %s: name", name, name, name)
			} else {
				c.errorf(pos, ruleBadName, "cannot bind to %s: it is a Go keyword", name)
			}
		}
		if first, ok := binds[name]; ok {
			c.report(diag.Errorf(pos, ruleDuplicateBinding, "%s bound twice in case %s", name, ic.Name).
				With(first, "first bound here"))
			return
		}
		binds[name] = pos
		if f != nil {
			ic.Binds = append(ic.Binds, ir.Bind{Name: name, Field: f, Pos: pos})
		}
	}
	for _, fp := range cs.Fields {
		if fp == nil || fp.Field.Name == "" {
			continue
		}
		name := fp.Field.Name
		if first, ok := fields[name]; ok {
			c.report(diag.Errorf(fp.Field.Pos, ruleDuplicateFieldPattern, "field %s appears twice in the pattern", name).
				With(first, "first pattern for %s here", name))
			continue // its binding would be reported again as a duplicate
		}
		fields[name] = fp.Field.Pos
		f := c.lookupField(ev, fp.Field)
		switch p := fp.Pattern.(type) {
		case nil:
			bind(name, fp.Field.Pos, f, true)
		case *ast.Wildcard:
		case *ast.Name:
			switch {
			case p == nil:
			case p.Name == "_": // the parser gives *ast.Wildcard, but be lenient
			case p.Name == "true" || p.Name == "false":
				// Literals in the grammar: never bindings, whatever the parser made of them.
				c.test(ic, f, &ast.Literal{Pos: p.Pos, Kind: ast.LitBool, Raw: p.Name})
			case f != nil && f.Type.Kind == ir.EnumType && f.Type.Enum != nil && slices.Contains(f.Type.Enum.Variants, p.Name):
				i := slices.Index(f.Type.Enum.Variants, p.Name)
				ic.Tests = append(ic.Tests, ir.Test{Field: f, Set: space.IntValue(f.Domain(), int64(i)), Pos: p.Pos})
			case f != nil && f.Type.Kind == ir.EnumType && f.Type.Enum != nil && startsUpper(p.Name):
				// On an enum field, a capitalised name is meant as a variant: a
				// misspelt variant must not silently become a binding.
				c.errorf(p.Pos, ruleBadLiteral, "unknown variant %s of enum %s%s", p.Name, f.Type.Enum.Name,
					didYouMean(p.Name, f.Type.Enum.Variants))
			default:
				bind(p.Name, p.Pos, f, false)
			}
		case *ast.Literal:
			if p != nil {
				c.test(ic, f, p)
			}
		}
	}
	// Tests go in field order, the order in which the generated code compares.
	slices.SortStableFunc(ic.Tests, func(a, b ir.Test) int { return a.Field.Index - b.Field.Index })
}

// lookupField resolves the field of a pattern, reporting an unknown one. It
// returns nil when ev is nil or the field is unknown.
func (c *checker) lookupField(ev *ir.Event, id ast.Ident) *ir.Field {
	if ev == nil {
		return nil
	}
	names := make([]string, len(ev.Fields))
	for i, f := range ev.Fields {
		if f.Name == id.Name {
			return f
		}
		names[i] = f.Name
	}
	if hint := didYouMean(id.Name, names); hint != "" {
		c.errorf(id.Pos, ruleUnknownField, "event %s has no field %s%s", ev.Name, id.Name, hint)
	} else if len(names) == 0 {
		c.errorf(id.Pos, ruleUnknownField, "event %s has no field %s: it has no fields", ev.Name, id.Name)
	} else {
		c.errorf(id.Pos, ruleUnknownField, "event %s has no field %s (fields: %s)", ev.Name, id.Name, strings.Join(names, ", "))
	}
	return nil
}

// test adds the test of field f against lit, once lit is checked against the
// field's type. Nothing is checked when the field did not resolve.
func (c *checker) test(ic *ir.Case, f *ir.Field, lit *ast.Literal) {
	if f == nil || c.badType[f] {
		return
	}
	if v, ok := c.literal(f, lit); ok {
		ic.Tests = append(ic.Tests, ir.Test{Field: f, Set: v.set(f), Pos: lit.Pos})
	}
}
