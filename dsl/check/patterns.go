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
// than a binding or `_`: a pattern on a field of the event, or on a field of
// a record inside it (at a path), or the presence that a record pattern on an
// optional record implies.
type fieldInfo struct {
	field *ir.Field   // the field at the end of path
	path  []*ir.Field // from a field of the event to field
	key   string      // the path as written: customer.address.city
	set   space.Set   // the values the pattern matches, never empty
	full  bool        // set is the whole domain: the pattern tests nothing
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
// path order. A record pattern's entries are checked as the event's are, on
// the fields of the record, at any depth.
func (c *checker) patterns(cs *ast.Case, ev *ir.Event, ic *ir.Case) []*fieldInfo {
	binds := map[string]ast.Pos{} // first binding of each name
	bind := func(name string, pos ast.Pos, path []*ir.Field, shorthand bool) {
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
		if path != nil {
			p := path
			if len(p) == 1 {
				p = nil // the event's own field: Bind.Field alone, as before paths
			}
			ic.Binds = append(ic.Binds, ir.Bind{Name: name, Path: p, Field: path[len(path)-1], Pos: pos})
		}
	}
	var infos []*fieldInfo
	test := func(fi *fieldInfo) {
		if !fi.full { // a pattern that matches everything needs no test
			t := ir.Test{Field: fi.field, Set: fi.set, Pos: fi.pos}
			if len(fi.path) > 1 {
				t.Path = fi.path
			}
			ic.Tests = append(ic.Tests, t)
		}
		infos = append(infos, fi)
	}
	var walk func(o entryOwner, prefix []*ir.Field, entries []*ast.FieldPattern)
	walk = func(o entryOwner, prefix []*ir.Field, entries []*ast.FieldPattern) {
		// Per field, its first constraint and its first binding: one of each
		// is allowed, `{path: prefix "/admin", path}`.
		constraints, bindings := map[string]ast.Pos{}, map[string]ast.Pos{}
		for _, fp := range entries {
			if fp == nil || fp.Field.Name == "" {
				continue
			}
			name := fp.Field.Name
			binding := isNil(fp.Pattern)
			if n, ok := fp.Pattern.(*ast.Name); ok && n != nil && n.Name != "_" {
				binding = isBinding(c.lookupQuiet(o, name), n.Name)
			}
			seen := constraints
			if binding {
				seen = bindings
			}
			if first, ok := seen[name]; ok {
				// (One entry may bind a field that another constrains.)
				c.report(diag.Errorf(fp.Field.Pos, ruleDuplicateFieldPattern, "field %s appears twice in the pattern", c.pathText(prefix, name)).
					With(first, "first pattern for %s here", name))
				continue // its binding would be reported again as a duplicate
			}
			seen[name] = fp.Field.Pos
			f := c.lookupIn(o, fp.Field)
			if f != nil && c.badType[f] {
				f = nil // its type is unknown: nothing to check the pattern against
			}
			var path []*ir.Field
			if f != nil && (len(prefix) == 0 || prefix[len(prefix)-1] != nil) {
				path = append(slices.Clip(prefix), f)
			}
			switch p := fp.Pattern.(type) {
			case nil:
				bind(name, fp.Field.Pos, path, true)
				continue
			case *ast.Wildcard:
				continue
			case *ast.Name:
				if p == nil || p.Name == "_" { // the parser gives *ast.Wildcard, but be lenient
					continue
				}
				if binding {
					bind(p.Name, p.Pos, path, false)
					continue
				}
			case *ast.RecordPattern:
				if p == nil {
					continue
				}
				sub := entryOwner{}
				switch {
				case path == nil:
				case f.Type.Kind == ir.List || f.Type.Kind == ir.Map:
					c.errorf(p.Pos, ruleBadPattern, "%s", unmatchable(f, p, c.pathText(prefix, name)))
				case f.Type.Kind != ir.RecordType || f.Type.Record == nil:
					c.errorf(p.Pos, ruleBadPattern, "field %s is %s, not a record: {...} matches the fields of a record field",
						c.pathText(prefix, name), withArticle(f.TypeString()))
				default:
					sub = entryOwner{rec: f.Type.Record}
					if f.Optional { // a record pattern matches a present record
						test(&fieldInfo{field: f, path: path, key: ir.PathName(path), set: space.Full(f.Domain().Values()), pos: p.Pos,
							top: []piece{{p, space.Full(f.Domain().Values())}}})
					}
				}
				next := path
				if next == nil {
					next = append(slices.Clip(prefix), nil) // unresolved: the entries are checked for duplicates only
				}
				walk(sub, next, p.Fields)
				continue
			}
			if isNil(fp.Pattern) || path == nil {
				continue
			}
			if alt, ok := fp.Pattern.(*ast.Alt); ok && alt != nil {
				if i := slices.IndexFunc(flattenAlt(alt), func(a ast.Pattern) bool { _, ok := a.(*ast.RecordPattern); return ok }); i >= 0 {
					c.errorf(flattenAlt(alt)[i].PatPos(), ruleBadPattern, "a record pattern cannot be an alternative: write a case for each alternative")
					continue
				}
			}
			if msg := unmatchable(f, fp.Pattern, c.pathText(prefix, name)); msg != "" {
				c.errorf(fp.Pattern.PatPos(), ruleBadPattern, "%s", msg)
				continue
			}
			fi := &fieldInfo{field: f, path: path, key: ir.PathName(path), pos: fp.Pattern.PatPos()}
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
				test(fi)
			}
		}
	}
	o := entryOwner{ev: ev, unresolved: ev == nil}
	walk(o, nil, cs.Fields)
	// Tests go in path order, the order in which the generated code compares:
	// an optional record's presence before the fields inside it.
	slices.SortStableFunc(ic.Tests, func(a, b ir.Test) int { return comparePaths(a.At(), b.At()) })
	slices.SortStableFunc(infos, func(a, b *fieldInfo) int { return comparePaths(a.path, b.path) })
	return infos
}

// comparePaths orders field paths by the index of each field, a path before
// the longer ones it starts.
func comparePaths(a, b []*ir.Field) int {
	for i := range min(len(a), len(b)) {
		if d := a[i].Index - b[i].Index; d != 0 {
			return d
		}
	}
	return len(a) - len(b)
}

// entryOwner is what holds the fields of a pattern's entries: the event, or a
// record (of a record pattern). Neither is set when the event or the
// record field did not resolve.
type entryOwner struct {
	ev         *ir.Event
	rec        *ir.Record
	unresolved bool
}

// pathText is the path of field name under prefix, for messages.
func (c *checker) pathText(prefix []*ir.Field, name string) string {
	var b strings.Builder
	for _, f := range prefix {
		if f == nil {
			b.Reset() // below an unresolved field, say the name alone
			continue
		}
		b.WriteString(f.Name + ".")
	}
	return b.String() + name
}

// withArticle prefixes a type with "a" or "an": "an int", "a []string".
func withArticle(t string) string {
	if t != "" && strings.ContainsRune("aeiouAEIOU", rune(t[0])) {
		return "an " + t
	}
	return "a " + t
}

// lookupQuiet returns the field name of o, or nil.
func (c *checker) lookupQuiet(o entryOwner, name string) *ir.Field {
	for _, f := range o.fields() {
		if f.Name == name {
			return f
		}
	}
	return nil
}

func (o entryOwner) fields() []*ir.Field {
	switch {
	case o.ev != nil:
		return o.ev.Fields
	case o.rec != nil:
		return o.rec.Fields
	}
	return nil
}

// lookupIn resolves the field of an entry, reporting an unknown one. It
// returns nil when the owner did not resolve or the field is unknown.
func (c *checker) lookupIn(o entryOwner, id ast.Ident) *ir.Field {
	if o.ev != nil {
		return c.lookupField(o.ev, id)
	}
	if o.rec == nil {
		return nil
	}
	names := make([]string, len(o.rec.Fields))
	for i, f := range o.rec.Fields {
		if f.Name == id.Name {
			return f
		}
		names[i] = f.Name
	}
	if hint := didYouMean(id.Name, names); hint != "" {
		c.report(withRename(diag.Errorf(id.Pos, ruleUnknownField, "record %s has no field %s%s", o.rec.Name, id.Name, hint), id.Pos, id.Name, names))
	} else if len(names) == 0 {
		c.errorf(id.Pos, ruleUnknownField, "record %s has no field %s: it has no fields", o.rec.Name, id.Name)
	} else {
		c.errorf(id.Pos, ruleUnknownField, "record %s has no field %s (fields: %s)", o.rec.Name, id.Name, strings.Join(names, ", "))
	}
	return nil
}

// unmatchable says why pattern p cannot apply to field f (at path name), or
// returns "" when it may: a list or a map takes no pattern but a binding,
// `_`, and, when optional, nil or !nil; a record field takes a record
// pattern, and, when optional, nil or !nil.
func unmatchable(f *ir.Field, p ast.Pattern, name string) string {
	presence := onlyPresence(p)
	switch {
	case (f.Type.Kind == ir.List || f.Type.Kind == ir.Map) && !(presence && f.Optional):
		return fmt.Sprintf("field %s is %s: lists and maps can be bound, not matched; use a guard with len(%s)", name, withArticle(f.TypeString()), name)
	case f.Type.Kind == ir.RecordType && !(presence && f.Optional):
		if f.Optional {
			return fmt.Sprintf("field %s is a record (%s): match its fields with {field: pattern, ...}, or its presence with nil or !nil", name, f.TypeString())
		}
		return fmt.Sprintf("field %s is a record (%s): match its fields with {field: pattern, ...}", name, f.TypeString())
	}
	return ""
}

// onlyPresence reports whether p is made of nil and !nil only.
func onlyPresence(p ast.Pattern) bool {
	switch p := p.(type) {
	case *ast.Nil, *ast.NotNil:
		return true
	case *ast.Alt:
		for _, a := range p.Alts {
			if !onlyPresence(a) {
				return false
			}
		}
		return p != nil
	}
	return false
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
	case *ast.RecordPattern:
		return p == nil
	case *ast.Nil:
		return p == nil
	case *ast.NotNil:
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
		c.report(withRename(diag.Errorf(id.Pos, ruleUnknownField, "event %s has no field %s%s", ev.Name, id.Name, hint), id.Pos, id.Name, names))
	} else if len(names) == 0 {
		c.errorf(id.Pos, ruleUnknownField, "event %s has no field %s: it has no fields", ev.Name, id.Name)
	} else {
		c.errorf(id.Pos, ruleUnknownField, "event %s has no field %s (fields: %s)", ev.Name, id.Name, strings.Join(names, ", "))
	}
	return nil
}

// isFull reports whether s is the whole domain d.
func isFull(d space.Domain, s space.Set) bool {
	if d.Optional && !s.Nil {
		return false
	}
	if s.Kind == space.String {
		// Complement does not take prefixes; only the prefix "" covers every string.
		return s.Str.Neg && len(s.Str.Lits) == 0 || slices.Contains(s.Str.Prefixes, "")
	}
	return space.Complement(d, s).IsEmpty()
}
