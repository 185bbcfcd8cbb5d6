package check

import (
	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/ir"
)

// builtinTypes maps the .fw scalar type names to their kinds.
var builtinTypes = map[string]ir.TypeKind{
	"string": ir.String,
	"int":    ir.Int,
	"float":  ir.Float,
	"bool":   ir.Bool,
	"bytes":  ir.Bytes,
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

// resolveFields builds the fields of every event, now that all enums are known.
func (c *checker) resolveFields() {
	for _, ed := range c.evDecls {
		ev := ed.ev
		seen := map[string]*ast.FieldDecl{} // by Go name
		for _, fd := range ed.decl.Fields {
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
					c.report(diag.Errorf(fd.Name.Pos, ruleDuplicateField, "duplicate field %s in event %s", name, ev.Name).
						With(prev.Name.Pos, "first declared here"))
				} else {
					c.report(diag.Errorf(fd.Name.Pos, ruleDuplicateField,
						"field %s collides with field %s: both become the Go field %s", name, prev.Name.Name, goName).
						With(prev.Name.Pos, "field %s declared here", prev.Name.Name))
				}
				continue
			}
			seen[goName] = fd
			if what, ok := eventMembers[goName]; ok {
				c.errorf(fd.Name.Pos, ruleNameCollision,
					"field %s (Go field %s) collides with "+what, name, goName, ev.Name)
			}
			f := &ir.Field{Name: name, Index: len(ev.Fields), Pos: fd.Pos}
			t, ok := c.fieldType(fd.Type)
			if ok {
				f.Type = t
			} else {
				c.badType[f] = true
			}
			ev.Fields = append(ev.Fields, f)
		}
	}
}

// fieldType resolves a field's type name, reporting an unknown one.
func (c *checker) fieldType(t ast.Ident) (ir.Type, bool) {
	if k, ok := builtinTypes[t.Name]; ok {
		return ir.Type{Kind: k}, true
	}
	if e, ok := c.enums[t.Name]; ok {
		return ir.Type{Kind: ir.EnumType, Enum: e}, true
	}
	if t.Name == "" {
		return ir.Type{}, false // a syntax error, reported by the parser
	}
	const want = "a field type is string, int, float, bool, bytes or an enum"
	if d, ok := c.decls[t.Name]; ok {
		c.report(diag.Errorf(t.Pos, ruleUnknownType, "%s is %s, not a type: %s", t.Name, declKind(d), want).
			With(d.DeclName().Pos, "%s declared here", t.Name))
		return ir.Type{}, false
	}
	candidates := sortedKeys(c.enums)
	for name := range builtinTypes {
		candidates = append(candidates, name)
	}
	if hint := didYouMean(t.Name, candidates); hint != "" {
		c.errorf(t.Pos, ruleUnknownType, "unknown type %s%s", t.Name, hint)
	} else {
		c.errorf(t.Pos, ruleUnknownType, "unknown type %s: %s", t.Name, want)
	}
	return ir.Type{}, false
}
