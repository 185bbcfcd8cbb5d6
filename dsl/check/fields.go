package check

import (
	"slices"
	"strings"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/ir"
)

// builtinTypes maps the .fw built-in type names to their kinds.
var builtinTypes = map[string]ir.TypeKind{
	"string":   ir.String,
	"int":      ir.Int,
	"float":    ir.Float,
	"bool":     ir.Bool,
	"bytes":    ir.Bytes,
	"time":     ir.Time,
	"duration": ir.Duration,
}

// eventMembers are the Go names that the generator gives an event struct besides
// its fields: its methods. A field whose Go name is one of these would not
// compile. (A field named event is the JSON member "@event", and Event is
// "Event": neither is the member "event" that names the type.)
var eventMembers = map[string]string{
	"EventName":       "the generated method %s.EventName",
	"AppendBinary":    "the generated method %s.AppendBinary",
	"UnmarshalBinary": "the generated method %s.UnmarshalBinary",
}

// resolveFields builds the fields of every event and record, now that all
// enums and records are declared, then reports the records that contain
// themselves.
func (c *checker) resolveFields() {
	for _, rd := range c.recDecls {
		rd.rec.Fields = c.fieldList("record", rd.rec.Name, rd.decl.Fields, nil)
	}
	for _, ed := range c.evDecls {
		ed.ev.Fields = c.fieldList("event", ed.ev.Name, ed.decl.Fields, eventMembers)
	}
	c.recordCycles()
}

// fieldList builds the fields of the event or record name (kind says
// which); members are the Go names the generated type has besides its fields.
func (c *checker) fieldList(kind, owner string, decls []*ast.FieldDecl, members map[string]string) []*ir.Field {
	var fields []*ir.Field
	seen := map[string]*ast.FieldDecl{} // by Go name
	for _, fd := range decls {
		if fd == nil || fd.Name.Name == "" {
			continue
		}
		name := fd.Name.Name
		if !startsLetter(name) {
			c.errorf(fd.Name.Pos, ruleBadName, "field name %s must start with a letter", name)
		}
		goName := ir.GoFieldName(name) // the generator names fields the same way
		if prev, ok := seen[goName]; ok {
			if prev.Name.Name == name {
				c.report(diag.Errorf(fd.Name.Pos, ruleDuplicateField, "duplicate field %s in %s %s", name, kind, owner).
					With(prev.Name.Pos, "first declared here"))
			} else {
				c.report(diag.Errorf(fd.Name.Pos, ruleDuplicateField,
					"field %s collides with field %s: both become the Go field %s", name, prev.Name.Name, goName).
					With(prev.Name.Pos, "field %s declared here", prev.Name.Name))
			}
			continue
		}
		seen[goName] = fd
		if what, ok := members[goName]; ok {
			c.errorf(fd.Name.Pos, ruleNameCollision,
				"field %s (Go field %s) collides with "+what, name, goName, owner)
		}
		f := &ir.Field{Name: name, Index: len(fields), Pos: fd.Pos, Optional: fd.Optional}
		t, ok := c.fieldType(fd.Type)
		if ok {
			f.Type = t
		} else {
			c.badType[f] = true
		}
		fields = append(fields, f)
	}
	return fields
}

// fieldType resolves a field's type, reporting an unknown name and a map key
// type that is neither string nor int.
func (c *checker) fieldType(t *ast.TypeExpr) (ir.Type, bool) {
	if t == nil {
		return ir.Type{}, false // a syntax error, reported by the parser
	}
	switch t.Kind {
	case ast.TypeList:
		elem, ok := c.fieldType(t.Elem)
		if !ok {
			return ir.Type{}, false
		}
		return ir.Type{Kind: ir.List, Elem: &elem}, true
	case ast.TypeMap:
		key, kok := c.fieldType(t.Key)
		if kok && key.Kind != ir.String && key.Kind != ir.Int {
			c.errorf(t.Key.Pos, ruleUnknownType, "map key type %s is not supported: use string or int", key.String())
			kok = false
		}
		elem, eok := c.fieldType(t.Elem)
		if !kok || !eok {
			return ir.Type{}, false
		}
		return ir.Type{Kind: ir.Map, Key: &key, Elem: &elem}, true
	}
	return c.namedType(t.Name)
}

// namedType resolves a type name: a built-in type, an enum or a record.
func (c *checker) namedType(t ast.Ident) (ir.Type, bool) {
	if k, ok := builtinTypes[t.Name]; ok {
		return ir.Type{Kind: k}, true
	}
	if e, ok := c.enums[t.Name]; ok {
		return ir.Type{Kind: ir.EnumType, Enum: e}, true
	}
	if r, ok := c.records[t.Name]; ok {
		return ir.Type{Kind: ir.RecordType, Record: r}, true
	}
	if t.Name == "" {
		return ir.Type{}, false // a syntax error, reported by the parser
	}
	const want = "a field type is string, int, float, bool, bytes, time, duration, an enum, a record, []T or map[K]T"
	if d, ok := c.decls[t.Name]; ok {
		msg := "%s is %s, not a type: %s"
		if _, isEvent := d.(*ast.EventDecl); isEvent {
			msg = "%s is %s, not a type: %s (an event cannot be a field; declare a record for the value)"
		}
		c.report(diag.Errorf(t.Pos, ruleUnknownType, msg, t.Name, declKind(d), want).
			With(d.DeclName().Pos, "%s declared here", t.Name))
		return ir.Type{}, false
	}
	candidates := append(sortedKeys(c.enums), sortedKeys(c.records)...)
	for name := range builtinTypes {
		candidates = append(candidates, name)
	}
	slices.Sort(candidates)
	if hint := didYouMean(t.Name, candidates); hint != "" {
		c.report(withRename(diag.Errorf(t.Pos, ruleUnknownType, "unknown type %s%s", t.Name, hint), t.Pos, t.Name, candidates))
	} else {
		c.errorf(t.Pos, ruleUnknownType, "unknown type %s: %s", t.Name, want)
	}
	return ir.Type{}, false
}

// recordCycles reports [record-cycle] for each record that contains itself
// through fields that are records, not optional: its values would be
// infinite. A cycle through a list, a map or an optional field is fine. Each
// cycle is reported once, at the first of its records in declaration order.
func (c *checker) recordCycles() {
	reported := map[*ir.Record]bool{}
	for _, rd := range c.recDecls {
		start := rd.rec
		if reported[start] {
			continue
		}
		// Depth-first search for a path of direct record fields back to start.
		var path []*ir.Field
		visited := map[*ir.Record]bool{}
		var find func(r *ir.Record) bool
		find = func(r *ir.Record) bool {
			for _, f := range r.Fields {
				if f.Optional || f.Type.Kind != ir.RecordType || f.Type.Record == nil {
					continue
				}
				path = append(path, f)
				next := f.Type.Record
				if next == start {
					return true
				}
				if !visited[next] {
					visited[next] = true
					if find(next) {
						return true
					}
				}
				path = path[:len(path)-1]
			}
			return false
		}
		if !find(start) {
			continue
		}
		var steps []string
		owner := start
		for _, f := range path {
			steps = append(steps, owner.Name+"."+f.Name)
			reported[owner] = true
			owner = f.Type.Record
		}
		c.errorf(path[0].Pos, ruleRecordCycle,
			"record %s contains itself: %s -> %s; an infinite value (make a field optional, T?, or a list to break the cycle)",
			start.Name, strings.Join(steps, " -> "), start.Name)
	}
}
