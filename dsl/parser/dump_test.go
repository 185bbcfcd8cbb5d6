package parser

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl/ast"
)

// dump renders a file compactly, one declaration, field, option, case or
// comment a line, for comparing with the expected shape. With withPos, names
// and keywords carry @line:col.
func dump(f *ast.File, withPos bool) string {
	d := &dumper{withPos: withPos}
	d.line(0, "package %s", d.id(f.Package))
	for _, decl := range f.Decls {
		switch x := decl.(type) {
		case *ast.EnumDecl:
			var vs []string
			for _, v := range x.Variants {
				vs = append(vs, d.id(v))
			}
			d.line(0, "enum%s %s {%s}", d.at(x.Pos), d.id(x.Name), strings.Join(vs, " "))
		case *ast.EventDecl:
			input := ""
			if x.Input {
				input = "input "
			}
			d.line(0, "%sevent%s %s", input, d.at(x.Pos), d.id(x.Name))
			d.fields(x.Fields)
		case *ast.RecordDecl:
			d.line(0, "record%s %s", d.at(x.Pos), d.id(x.Name))
			d.fields(x.Fields)
		case *ast.ProcessorDecl:
			s := fmt.Sprintf("processor%s %s", d.at(x.Pos), d.id(x.Name))
			for i, pr := range x.Provides {
				sep := ", "
				if i == 0 {
					sep = " provides "
				}
				s += sep + d.id(pr.Target) + ": " + d.id(*pr.Type)
			}
			d.line(0, "%s", s)
			d.partition(x.Partition)
			d.options(x.Options)
			for _, c := range x.Cases {
				d.line(1, "%s", d.caseOf(c))
			}
		case *ast.BuilderDecl:
			s := fmt.Sprintf("builder%s %s provides %s", d.at(x.Pos), d.id(x.Name), d.id(x.Target))
			if x.Type != nil {
				s += ": " + d.id(*x.Type)
			}
			if x.Requires != nil {
				s += " requires " + d.ids(x.Requires)
			}
			if x.Persist != nil {
				s += " " + d.id(*x.Persist)
			}
			if x.Version != nil {
				s += " version " + x.Version.Raw + d.at(x.Version.Pos)
			}
			if u := x.Use; u != nil {
				s += " use" + d.at(u.Pos) + " " + d.id(u.Helper)
				if u.Parens {
					var as []string
					for _, a := range u.Args {
						as = append(as, d.id(a.Name)+": "+d.pattern(a.Value))
					}
					s += "(" + strings.Join(as, ", ") + ")"
				}
			}
			if x.Body {
				s += " {}"
			}
			d.line(0, "%s", s)
			d.partition(x.Partition)
			d.options(x.Options)
			for _, c := range x.Cases {
				d.line(1, "%s", d.caseOf(c))
			}
		default:
			d.line(0, "?%T", decl)
		}
	}
	for _, c := range f.Comments {
		d.line(0, "comment%s %q", d.at(c.Pos), c.Text)
	}
	return d.b.String()
}

type dumper struct {
	b       strings.Builder
	withPos bool
}

func (d *dumper) line(indent int, format string, args ...any) {
	d.b.WriteString(strings.Repeat("  ", indent))
	fmt.Fprintf(&d.b, format, args...)
	d.b.WriteByte('\n')
}

func (d *dumper) at(p ast.Pos) string {
	if !d.withPos {
		return ""
	}
	return fmt.Sprintf("@%d:%d", p.Line, p.Col)
}

func (d *dumper) id(i ast.Ident) string { return i.Name + d.at(i.Pos) }

func (d *dumper) fields(fds []*ast.FieldDecl) {
	for _, fd := range fds {
		opt := ""
		if fd.Optional {
			opt = "?"
		}
		d.line(1, "%s %s%s", d.id(fd.Name), d.typeExpr(fd.Type), opt)
	}
}

func (d *dumper) typeExpr(t *ast.TypeExpr) string {
	switch t.Kind {
	case ast.TypeList:
		return "[]" + d.at(t.Pos) + d.typeExpr(t.Elem)
	case ast.TypeMap:
		return "map" + d.at(t.Pos) + "[" + d.typeExpr(t.Key) + "]" + d.typeExpr(t.Elem)
	}
	return d.id(t.Name)
}

func (d *dumper) ids(is []ast.Ident) string {
	var out []string
	for _, i := range is {
		out = append(out, d.id(i))
	}
	return strings.Join(out, ", ")
}

func (d *dumper) partition(p *ast.Partition) {
	if p == nil {
		return
	}
	var keys []string
	for _, k := range p.Keys {
		if k.Event != nil {
			keys = append(keys, d.id(*k.Event)+"."+d.id(k.Field))
		} else {
			keys = append(keys, d.id(k.Field))
		}
	}
	d.line(1, "partition%s by %s into %s%s", d.at(p.Pos), strings.Join(keys, ", "), p.K.Raw, d.at(p.K.Pos))
}

func (d *dumper) options(os []*ast.Option) {
	for _, o := range os {
		s := "option " + d.id(o.Name)
		if o.Value != nil {
			s += " " + o.Value.Raw + d.at(o.Value.Pos)
		}
		if o.Events != nil {
			s += " events " + d.ids(o.Events)
		}
		d.line(1, "%s", s)
	}
}

func (d *dumper) caseOf(c *ast.Case) string {
	var b strings.Builder
	fmt.Fprintf(&b, "on%s ", d.at(c.Pos))
	switch c.Kind {
	case ast.CaseBuilt:
		b.WriteString("built " + d.id(c.Target))
	default:
		b.WriteString(c.Kind.String())
	case ast.CaseEvent:
		b.WriteString(d.id(c.Event))
		if c.Fields != nil {
			b.WriteString(d.entries(c.Fields))
		}
	}
	if c.Name != nil {
		fmt.Fprintf(&b, " as %s", d.id(*c.Name))
	}
	if c.Emits != nil {
		fmt.Fprintf(&b, " -> %s", d.ids(c.Emits))
	}
	if c.Resolves != nil {
		fmt.Fprintf(&b, " resolves %s", d.ids(c.Resolves))
	}
	if c.Publishes != nil {
		fmt.Fprintf(&b, " publishes %s", d.ids(c.Publishes))
	}
	return b.String()
}

func (d *dumper) entries(fields []*ast.FieldPattern) string {
	var fs []string
	for _, fp := range fields {
		s := d.id(fp.Field)
		if fp.Pattern != nil {
			s += ": " + d.pattern(fp.Pattern)
		}
		fs = append(fs, s)
	}
	return "{" + strings.Join(fs, ", ") + "}"
}

func (d *dumper) pattern(p ast.Pattern) string {
	switch x := p.(type) {
	case *ast.Wildcard:
		return "_" + d.at(x.Pos)
	case *ast.Name:
		return "name:" + x.Name + d.at(x.Pos)
	case *ast.Literal:
		return x.Kind.String() + ":" + x.Raw + d.at(x.Pos)
	case *ast.Alt:
		var as []string
		for _, a := range x.Alts {
			as = append(as, d.pattern(a))
		}
		return "alt" + d.at(x.Pos) + "(" + strings.Join(as, " | ") + ")"
	case *ast.Range:
		op := ".."
		if x.Exclusive {
			op = "..<"
		}
		return "range" + d.at(x.Pos) + "(" + d.bound(x.Lo) + " " + op + " " + d.bound(x.Hi) + ")"
	case *ast.Compare:
		return "cmp" + d.at(x.Pos) + "(" + x.Op + " " + d.pattern(x.Value) + ")"
	case *ast.Not:
		return "not" + d.at(x.Pos) + "(" + d.pattern(x.Pattern) + ")"
	case *ast.Prefix:
		return "prefix" + d.at(x.Pos) + "(" + d.pattern(x.Value) + ")"
	case *ast.Nil:
		return "nil" + d.at(x.Pos)
	case *ast.NotNil:
		return "!nil" + d.at(x.Pos)
	case *ast.RecordPattern:
		return "record" + d.at(x.Pos) + d.entries(x.Fields)
	}
	return fmt.Sprintf("?%T", p)
}

func (d *dumper) bound(p ast.Pattern) string {
	if p == nil {
		return "nil"
	}
	return d.pattern(p)
}

// checkPositions checks every position in f: it names the file, its line
// and column (in runes) agree with its byte offset, and the source at the
// offset starts with the node's first token.
func checkPositions(t testing.TB, filename string, src []byte, f *ast.File) {
	t.Helper()
	check := func(what string, p ast.Pos, text string) {
		t.Helper()
		if p.File != filename {
			t.Errorf("%s %q: file %q, want %q", what, text, p.File, filename)
		}
		if want := posAt(filename, src, p.Offset); p != want {
			t.Errorf("%s %q: position %+v, but offset %d is at %d:%d", what, text, p, p.Offset, want.Line, want.Col)
		}
		if p.Offset < 0 || p.Offset > len(src) || !strings.HasPrefix(string(src[p.Offset:]), text) {
			t.Errorf("%s %q at %s: source there is not the node's text", what, text, p)
		}
	}
	id := func(what string, i ast.Ident) { check(what, i.Pos, i.Name) }
	var typeExpr func(t *ast.TypeExpr)
	typeExpr = func(t *ast.TypeExpr) {
		switch t.Kind {
		case ast.TypeList:
			check("list type", t.Pos, "[")
			typeExpr(t.Elem)
		case ast.TypeMap:
			check("map type", t.Pos, "map")
			typeExpr(t.Key)
			typeExpr(t.Elem)
		default:
			check("type name", t.Pos, t.Name.Name)
			id("field type", t.Name)
		}
	}
	if f.Name != filename {
		t.Errorf("file name %q, want %q", f.Name, filename)
	}
	id("package", f.Package)
	for _, decl := range f.Decls {
		switch x := decl.(type) {
		case *ast.EnumDecl:
			check("enum", x.Pos, "enum")
			id("enum name", x.Name)
			for _, v := range x.Variants {
				id("variant", v)
			}
		case *ast.EventDecl:
			if x.Input {
				check("input event", x.Pos, "input")
			} else {
				check("event", x.Pos, "event")
			}
			id("event name", x.Name)
			for _, fd := range x.Fields {
				check("field decl", fd.Pos, fd.Name.Name)
				id("field name", fd.Name)
				typeExpr(fd.Type)
			}
		case *ast.RecordDecl:
			check("record", x.Pos, "record")
			id("record name", x.Name)
			for _, fd := range x.Fields {
				check("field decl", fd.Pos, fd.Name.Name)
				id("field name", fd.Name)
				typeExpr(fd.Type)
			}
		case *ast.ProcessorDecl:
			check("processor", x.Pos, "processor")
			id("processor name", x.Name)
			for _, pr := range x.Provides {
				id("provided target", pr.Target)
				id("provided type", *pr.Type)
			}
			checkPartition(id, check, x.Partition)
			checkOptions(id, check, x.Options)
			checkCases(t, id, check, src, x.Cases)
		case *ast.BuilderDecl:
			check("builder", x.Pos, "builder")
			id("builder name", x.Name)
			id("target", x.Target)
			if x.Type != nil {
				id("artifact type", *x.Type)
			}
			for _, r := range x.Requires {
				id("requirement", r)
			}
			if x.Persist != nil {
				id("persist", *x.Persist)
				if x.Persist.Name != "persist" {
					t.Errorf("persist is %q", x.Persist.Name)
				}
			}
			if x.Version != nil {
				check("version", x.Version.Pos, x.Version.Raw)
			}
			if u := x.Use; u != nil {
				check("use", u.Pos, "use")
				id("helper", u.Helper)
				if len(u.Args) > 0 && !u.Parens {
					t.Errorf("helper %s: arguments without parentheses", u.Helper.Name)
				}
				for _, a := range u.Args {
					check("argument", a.Pos, a.Name.Name)
					id("argument name", a.Name)
					checkValue(t, check, src, a.Value)
				}
			}
			if !x.Body && (x.Options != nil || x.Cases != nil) {
				t.Errorf("builder %s: entries without a body", x.Name.Name)
			}
			checkPartition(id, check, x.Partition)
			checkOptions(id, check, x.Options)
			checkCases(t, id, check, src, x.Cases)
			for _, c := range x.Cases {
				if c.Kind == ast.CaseEvent || c.Kind == ast.CaseBuilt {
					t.Errorf("builder %s: a %s case", x.Name.Name, c.Kind)
				}
			}
		}
	}
	for _, c := range f.Comments {
		check("comment", c.Pos, "//"+c.Text)
	}
}

func checkPartition(id func(string, ast.Ident), check func(string, ast.Pos, string), p *ast.Partition) {
	if p == nil {
		return
	}
	check("partition", p.Pos, "partition")
	for _, k := range p.Keys {
		if k.Event != nil {
			id("key event", *k.Event)
		}
		id("key field", k.Field)
	}
	check("key groups", p.K.Pos, p.K.Raw)
}

func checkOptions(id func(string, ast.Ident), check func(string, ast.Pos, string), opts []*ast.Option) {
	for _, o := range opts {
		check("option", o.Pos, o.Name.Name)
		id("option name", o.Name)
		if o.Value != nil {
			check("option value", o.Value.Pos, o.Value.Raw)
		}
		for _, e := range o.Events {
			id("option event", e)
		}
	}
}

func checkCases(t testing.TB, id func(string, ast.Ident), check func(string, ast.Pos, string), src []byte, cases []*ast.Case) {
	t.Helper()
	for _, c := range cases {
		check("case", c.Pos, "on")
		switch c.Kind {
		case ast.CaseEvent:
			id("case event", c.Event)
		case ast.CaseBuilt:
			id("built target", c.Target)
		}
		if c.Kind != ast.CaseEvent && c.Fields != nil {
			t.Errorf("%s case with fields", c.Kind)
		}
		for _, fp := range c.Fields {
			check("field pattern", fp.Pos, fp.Field.Name)
			id("pattern field", fp.Field)
			if fp.Pattern != nil {
				checkPattern(t, check, src, fp.Pattern)
			}
		}
		if c.Name != nil {
			id("case name", *c.Name)
		}
		for _, e := range c.Emits {
			id("emit", e)
		}
		for _, r := range c.Resolves {
			id("resolve", r)
		}
		for _, r := range c.Publishes {
			id("publish", r)
		}
	}
}

// checkPattern checks the positions of a pattern and of its parts. A node's
// first token is its own text, except for an Alt, whose first token is that
// of its first alternative, which may be a "(" that the AST does not keep,
// and a Range with a low bound, which starts at the bound.
func checkPattern(t testing.TB, check func(string, ast.Pos, string), src []byte, p ast.Pattern) {
	t.Helper()
	switch x := p.(type) {
	case *ast.Wildcard:
		check("wildcard", x.Pos, "_")
	case *ast.Name:
		check("name pattern", x.Pos, x.Name)
	case *ast.Literal:
		check("literal", x.Pos, x.Raw)
	case *ast.Alt:
		if len(x.Alts) < 2 {
			t.Errorf("alternatives at %s: %d, want 2 or more", x.Pos, len(x.Alts))
		}
		first := x.Alts[0].PatPos()
		if x.Pos != first {
			check("alternatives", x.Pos, "(")
			if !x.Pos.Before(first) {
				t.Errorf("alternatives at %s after their first at %s", x.Pos, first)
			}
		}
		for _, a := range x.Alts {
			checkPattern(t, check, src, a)
		}
	case *ast.Range:
		if x.Lo == nil && x.Hi == nil {
			t.Errorf("range at %s without bounds", x.Pos)
		}
		if x.Lo != nil {
			if x.Pos != x.Lo.PatPos() {
				t.Errorf("range at %s, low bound at %s", x.Pos, x.Lo.PatPos())
			}
			checkValue(t, check, src, x.Lo)
		} else {
			check("range", x.Pos, "..")
		}
		if x.Hi != nil {
			checkValue(t, check, src, x.Hi)
		}
	case *ast.Compare:
		check("comparison", x.Pos, x.Op)
		checkValue(t, check, src, x.Value)
	case *ast.Not:
		check("negation", x.Pos, "!=")
		if alt, ok := x.Pattern.(*ast.Alt); ok {
			checkPattern(t, check, src, alt)
			for _, a := range alt.Alts {
				checkValue(t, check, src, a)
			}
		} else {
			checkValue(t, check, src, x.Pattern)
		}
	case *ast.Prefix:
		check("prefix", x.Pos, "prefix")
		if x.Value == nil || x.Value.Kind != ast.LitString {
			t.Errorf("prefix at %s: value %+v, want a string", x.Pos, x.Value)
		} else {
			check("prefix value", x.Value.Pos, x.Value.Raw)
		}
	case *ast.Nil:
		check("nil", x.Pos, "nil")
	case *ast.NotNil:
		if !bytes.HasPrefix(src[x.Pos.Offset:], []byte("!=")) {
			check("!nil", x.Pos, "!")
		}
	case *ast.RecordPattern:
		check("record pattern", x.Pos, "{")
		for _, fp := range x.Fields {
			check("field of a record pattern", fp.Field.Pos, fp.Field.Name)
			if fp.Pattern != nil {
				checkPattern(t, check, src, fp.Pattern)
			}
		}
	default:
		t.Errorf("unexpected pattern %T", p)
	}
}

// checkValue checks an operand of a range, comparison or negation: a
// *Literal or a *Name.
func checkValue(t testing.TB, check func(string, ast.Pos, string), src []byte, p ast.Pattern) {
	t.Helper()
	switch p.(type) {
	case *ast.Literal, *ast.Name:
		checkPattern(t, check, src, p)
	default:
		t.Errorf("operand %T at %s, want a literal or a name", p, p.PatPos())
	}
}
