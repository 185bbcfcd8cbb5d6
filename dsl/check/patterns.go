package check

import (
	"fmt"
	"go/token"
	"slices"
	"strings"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/ir"
	"github.com/fwgo/fw/dsl/space"
)

// fieldInfo is what the lint rules need of one checked field pattern other
// than a binding or `_`.
type fieldInfo struct {
	field *ir.Field
	set   space.Set // the values the pattern matches, never empty
	full  bool      // set is the whole domain: the pattern tests nothing
	pos   ast.Pos
	top   []piece   // the top-level alternatives (the pattern itself when it is no `|`)
	alts  [][]piece // every `|` of the pattern, the top-level one and one inside `!=`
}

// piece is one alternative of a pattern (or a whole pattern) with its values.
type piece struct {
	node ast.Pattern
	set  space.Set
}

// patterns checks the field patterns of an event case and fills ic.Tests and
// ic.Binds. ev is nil when the event did not resolve: the checks that need no
// event (duplicate fields and bindings, binding names) still run. It returns
// the field patterns that checked without error (but bindings and `_`), in
// field order.
func (c *checker) patterns(cs *ast.Case, ev *ir.Event, ic *ir.Case) []*fieldInfo {
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
	var infos []*fieldInfo
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
		if f != nil && c.badType[f] {
			f = nil // its type is unknown: nothing to check the pattern against
		}
		switch p := fp.Pattern.(type) {
		case nil:
			bind(name, fp.Field.Pos, f, true)
			continue
		case *ast.Wildcard:
			continue
		case *ast.Name:
			if p == nil || p.Name == "_" { // the parser gives *ast.Wildcard, but be lenient
				continue
			}
			if isBinding(f, p.Name) {
				bind(p.Name, p.Pos, f, false)
				continue
			}
		}
		if isNil(fp.Pattern) || f == nil {
			continue
		}
		if msg := unmatchable(f); msg != "" {
			c.errorf(fp.Pattern.PatPos(), ruleBadPattern, "%s", msg)
			continue
		}
		fi := &fieldInfo{field: f, pos: fp.Pattern.PatPos()}
		set, ok := c.pattern(f, fp.Pattern, ctxTop, fi)
		switch {
		case !ok:
		case set.IsEmpty():
			c.emptyPattern(f, fp.Pattern)
		default:
			fi.set, fi.full = set, isFull(f.Domain(), set)
			if len(fi.top) == 0 {
				fi.top = []piece{{fp.Pattern, set}}
			}
			if !fi.full { // a pattern that matches everything needs no test
				ic.Tests = append(ic.Tests, ir.Test{Field: f, Set: set, Pos: fi.pos})
			}
			infos = append(infos, fi)
		}
	}
	// Tests go in field order, the order in which the generated code compares.
	slices.SortStableFunc(ic.Tests, func(a, b ir.Test) int { return a.Field.Index - b.Field.Index })
	slices.SortStableFunc(infos, func(a, b *fieldInfo) int { return a.field.Index - b.field.Index })
	return infos
}

// unmatchable says why field f takes no pattern but a binding or `_`, or
// returns "" when it does.
func unmatchable(f *ir.Field) string {
	switch {
	case f.Type.Kind == ir.List || f.Type.Kind == ir.Map:
		return fmt.Sprintf("field %s is a %s: lists and maps can be bound, not matched; use a guard with len(%s)", f.Name, f.TypeString(), f.Name)
	case f.Optional || !f.Type.Scalar():
		return fmt.Sprintf("field %s is of type %s: patterns on it are not supported yet; bind it (%s) or use _", f.Name, f.TypeString(), f.Name)
	}
	return ""
}

// isNil reports whether p is nil or a typed nil node.
func isNil(p ast.Pattern) bool {
	switch p := p.(type) {
	case nil:
		return true
	case *ast.Name:
		return p == nil
	case *ast.Literal:
		return p == nil
	case *ast.Alt:
		return p == nil
	case *ast.Range:
		return p == nil
	case *ast.Compare:
		return p == nil
	case *ast.Not:
		return p == nil
	case *ast.Prefix:
		return p == nil
	case *ast.Wildcard:
		return p == nil
	}
	return false
}

// isBinding reports whether name, written as the pattern of field f, binds the
// value. `true` and `false` are literals in the grammar; on an enum field, a
// variant is a literal, and so is any capitalised name (a misspelt variant must
// not silently become a binding: it is reported as an unknown variant); on a
// float field, inf and nan are literals. When f is nil (the field did not
// resolve), every other name counts as a binding, for the duplicate checks.
func isBinding(f *ir.Field, name string) bool {
	switch {
	case name == "true" || name == "false":
		return false
	case f == nil:
		return true
	case f.Type.Kind == ir.EnumType && f.Type.Enum != nil:
		return !startsUpper(name) && !slices.Contains(f.Type.Enum.Variants, name)
	case f.Type.Kind == ir.Float:
		return name != "inf" && name != "nan"
	}
	return true
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

// isFull reports whether s is the whole domain d.
func isFull(d space.Domain, s space.Set) bool {
	if s.Kind == space.String {
		// Complement does not take prefixes; only the prefix "" covers every string.
		return s.Str.Neg && len(s.Str.Lits) == 0 || slices.Contains(s.Str.Prefixes, "")
	}
	return space.Complement(d, s).IsEmpty()
}
