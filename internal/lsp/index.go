package lsp

import (
	"slices"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/ir"
)

// symKind is the kind of a named thing of a .fw package.
type symKind int

const (
	symEvent symKind = iota
	symRecord
	symEnum
	symVariant
	symField
	symProcessor
	symBuilder
	symTarget
	symCase
)

var symKindNames = [...]string{"event", "record", "enum", "variant", "field", "processor", "builder", "target", "case"}

func (k symKind) String() string { return symKindNames[k] }

// A symbol names one declaration: a field and a variant by their owner (the
// event, record or enum), a case by its processor.
type symbol struct {
	kind  symKind
	name  string
	owner string
}

// An occurrence is a name in a file that stands for a symbol: its
// declaration (def) or a use.
type occurrence struct {
	sym   symbol
	file  string // path
	text  *text  // the file's text when it was indexed
	start int    // byte offsets of the name in that text
	end   int
	def   bool
	// onKeyword marks the occurrence of a case at its `on` keyword (which
	// hovers show the case's method for, and navigation ignores).
	onKeyword bool
}

// rng is the occurrence's range, in the text it was indexed from.
func (o occurrence) rng() Range {
	return Range{Start: o.text.position(o.start), End: o.text.position(o.end)}
}

// An index holds the occurrences of every symbol of a package, built from
// the syntax trees of its files alone: it needs no successful check, so
// navigation works in a package with errors, and a file that no longer
// parses keeps the index of its last good version.
type index struct {
	files map[string]*fileIndex
	defs  map[symbol]occurrence
	refs  map[symbol][]occurrence
	// Declarations, for hovers and completion.
	events   map[string]*ast.EventDecl
	records  map[string]*ast.RecordDecl
	enums    map[string]*ast.EnumDecl
	procs    map[string]*ast.ProcessorDecl
	builders map[string]*ast.BuilderDecl
	targets  map[string]targetDecl
	variants map[string][]string // variant name → enums that declare it
}

// targetDecl is where a target is declared: a builder's provides or a
// processor's provides clause.
type targetDecl struct {
	typ      *ast.Ident // nil when not written
	provider string     // the builder or processor
	builder  bool
}

// fileIndex is the part of the index of one file: its occurrences in source
// order, and the file and text they come from.
type fileIndex struct {
	file *ast.File
	text *text
	occs []occurrence
}

// buildIndex indexes the files (path → syntax tree and the text it was
// parsed from).
func buildIndex(files map[string]parsedFile) *index {
	x := &index{
		files:    map[string]*fileIndex{},
		defs:     map[symbol]occurrence{},
		refs:     map[symbol][]occurrence{},
		events:   map[string]*ast.EventDecl{},
		records:  map[string]*ast.RecordDecl{},
		enums:    map[string]*ast.EnumDecl{},
		procs:    map[string]*ast.ProcessorDecl{},
		builders: map[string]*ast.BuilderDecl{},
		targets:  map[string]targetDecl{},
		variants: map[string][]string{},
	}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	// Declarations first, so that uses in any file resolve.
	for _, p := range paths {
		f := files[p]
		fi := &fileIndex{file: f.file, text: f.text}
		x.files[p] = fi
		for _, d := range f.file.Decls {
			switch d := d.(type) {
			case *ast.EnumDecl:
				x.enums[d.Name.Name] = d
				for _, v := range d.Variants {
					x.variants[v.Name] = append(x.variants[v.Name], d.Name.Name)
				}
			case *ast.EventDecl:
				x.events[d.Name.Name] = d
			case *ast.RecordDecl:
				x.records[d.Name.Name] = d
			case *ast.ProcessorDecl:
				x.procs[d.Name.Name] = d
				for _, pr := range d.Provides {
					x.targets[pr.Target.Name] = targetDecl{typ: pr.Type, provider: d.Name.Name}
				}
			case *ast.BuilderDecl:
				x.builders[d.Name.Name] = d
				x.targets[d.Target.Name] = targetDecl{typ: d.Type, provider: d.Name.Name, builder: true}
			}
		}
	}
	for _, p := range paths {
		w := &indexer{x: x, fi: x.files[p], path: p}
		for _, d := range x.files[p].file.Decls {
			w.decl(d)
		}
		slices.SortStableFunc(w.fi.occs, func(a, b occurrence) int { return a.start - b.start })
	}
	return x
}

// indexer adds the occurrences of one file.
type indexer struct {
	x    *index
	fi   *fileIndex
	path string
}

func (w *indexer) add(sym symbol, id ast.Ident, def bool) {
	if !id.Pos.IsValid() || id.Name == "" {
		return
	}
	t := w.fi.text
	start := t.offsetOfCol(id.Pos.Line, id.Pos.Col)
	end := min(start+len(id.Name), len(t.src))
	o := occurrence{sym: sym, file: w.path, start: start, end: end, def: def, text: t}
	w.fi.occs = append(w.fi.occs, o)
	if def {
		if _, dup := w.x.defs[sym]; !dup {
			w.x.defs[sym] = o
		}
	} else {
		w.x.refs[sym] = append(w.x.refs[sym], o)
	}
}

// typeSym returns the symbol of a named type (event, record or enum); ok is
// false for a builtin or unknown name.
func (w *indexer) typeSym(name string) (symbol, bool) {
	switch {
	case w.x.events[name] != nil:
		return symbol{kind: symEvent, name: name}, true
	case w.x.records[name] != nil:
		return symbol{kind: symRecord, name: name}, true
	case w.x.enums[name] != nil:
		return symbol{kind: symEnum, name: name}, true
	}
	return symbol{}, false
}

func (w *indexer) typeRef(id ast.Ident) {
	if s, ok := w.typeSym(id.Name); ok {
		w.add(s, id, false)
	}
}

func (w *indexer) typeExpr(t *ast.TypeExpr) {
	if t == nil {
		return
	}
	switch t.Kind {
	case ast.TypeName:
		w.typeRef(t.Name)
	default:
		w.typeExpr(t.Key)
		w.typeExpr(t.Elem)
	}
}

func (w *indexer) fields(owner string, fs []*ast.FieldDecl) {
	for _, f := range fs {
		w.add(symbol{kind: symField, name: f.Name.Name, owner: owner}, f.Name, true)
		w.typeExpr(f.Type)
	}
}

func (w *indexer) targetRef(id ast.Ident) {
	w.add(symbol{kind: symTarget, name: id.Name}, id, false)
}

func (w *indexer) eventRef(id ast.Ident) {
	if w.x.events[id.Name] != nil {
		w.add(symbol{kind: symEvent, name: id.Name}, id, false)
	}
}

func (w *indexer) decl(d ast.Decl) {
	switch d := d.(type) {
	case *ast.EnumDecl:
		w.add(symbol{kind: symEnum, name: d.Name.Name}, d.Name, true)
		for _, v := range d.Variants {
			w.add(symbol{kind: symVariant, name: v.Name, owner: d.Name.Name}, v, true)
		}
	case *ast.EventDecl:
		w.add(symbol{kind: symEvent, name: d.Name.Name}, d.Name, true)
		w.fields(d.Name.Name, d.Fields)
	case *ast.RecordDecl:
		w.add(symbol{kind: symRecord, name: d.Name.Name}, d.Name, true)
		w.fields(d.Name.Name, d.Fields)
	case *ast.ProcessorDecl:
		w.add(symbol{kind: symProcessor, name: d.Name.Name}, d.Name, true)
		for _, pr := range d.Provides {
			w.add(symbol{kind: symTarget, name: pr.Target.Name}, pr.Target, true)
			if pr.Type != nil {
				w.typeRef(*pr.Type)
			}
		}
		w.options(d.Options)
		for _, c := range d.Cases {
			w.caseOf(d.Name.Name, c)
		}
	case *ast.BuilderDecl:
		w.add(symbol{kind: symBuilder, name: d.Name.Name}, d.Name, true)
		w.add(symbol{kind: symTarget, name: d.Target.Name}, d.Target, true)
		if d.Type != nil {
			w.typeRef(*d.Type)
		}
		for _, r := range d.Requires {
			if _, ok := w.x.targets[r.Name]; ok {
				w.targetRef(r)
			} else {
				w.eventRef(r)
			}
		}
		if d.Use != nil {
			w.useArgs(d)
		}
		w.options(d.Options)
		for _, c := range d.Cases {
			w.caseOf(d.Name.Name, c)
		}
	}
}

// useArgs indexes the field names among a helper's arguments (`by: region`),
// fields of the event the builder requires.
func (w *indexer) useArgs(d *ast.BuilderDecl) {
	var ev string
	for _, r := range d.Requires {
		if w.x.events[r.Name] != nil {
			ev = r.Name
		}
	}
	for _, a := range d.Use.Args {
		if n, ok := a.Value.(*ast.Name); ok {
			if s, ok := w.typeSym(n.Name); ok {
				w.add(s, ast.Ident{Pos: n.Pos, Name: n.Name}, false)
			} else if ev != "" && w.fieldDecl(ev, n.Name) != nil {
				w.add(symbol{kind: symField, name: n.Name, owner: ev}, ast.Ident{Pos: n.Pos, Name: n.Name}, false)
			}
		}
	}
}

func (w *indexer) options(opts []*ast.Option) {
	for _, o := range opts {
		for _, e := range o.Events {
			w.eventRef(e)
		}
	}
}

// caseName is the name of a case as the checker gives it (ir.Case.Name): its
// `as` name, or its event's name; Init, Phase or Terminate; for a built case
// the Go form of its target's name.
func caseName(c *ast.Case) string {
	if c.Name != nil {
		return c.Name.Name
	}
	switch c.Kind {
	case ast.CaseInit:
		return "Init"
	case ast.CasePhase:
		return "Phase"
	case ast.CaseTerminate:
		return "Terminate"
	case ast.CaseBuilt:
		return ir.GoFieldName(c.Target.Name)
	}
	if c.IsCatchAll() {
		return "Any"
	}
	return c.Event.Name
}

func (w *indexer) caseOf(proc string, c *ast.Case) {
	sym := symbol{kind: symCase, name: caseName(c), owner: proc}
	// The `on` keyword stands for the case in hovers.
	on := w.fi.text.offsetOfCol(c.Pos.Line, c.Pos.Col)
	t := w.fi.text
	w.fi.occs = append(w.fi.occs, occurrence{sym: sym, file: w.path, start: on, end: on + 2, onKeyword: true, text: t})
	if c.Name != nil {
		w.add(sym, *c.Name, true)
	}
	bound := map[string]bool{}
	switch c.Kind {
	case ast.CaseEvent:
		if !c.IsCatchAll() {
			w.eventRef(c.Event)
			w.fieldPatterns(c.Event.Name, c.Fields, bound)
		}
	case ast.CaseBuilt:
		w.targetRef(c.Target)
	}
	if c.Guard != nil {
		w.guard(c.Guard, bound)
	}
	for _, e := range c.Emits {
		w.eventRef(e)
	}
	for _, t := range c.Resolves {
		w.targetRef(t)
	}
	for _, t := range c.Publishes {
		w.targetRef(t)
	}
}

// fieldDecl returns the field name of the event or record owner.
func (w *indexer) fieldDecl(owner, name string) *ast.FieldDecl { return w.x.fieldDecl(owner, name) }

func (x *index) fieldDecl(owner, name string) *ast.FieldDecl {
	var fs []*ast.FieldDecl
	if e := x.events[owner]; e != nil {
		fs = e.Fields
	} else if r := x.records[owner]; r != nil {
		fs = r.Fields
	}
	for _, f := range fs {
		if f.Name.Name == name {
			return f
		}
	}
	return nil
}

// fieldPatterns indexes the entries of a pattern on owner's fields; bound
// collects the names the pattern binds.
func (w *indexer) fieldPatterns(owner string, fps []*ast.FieldPattern, bound map[string]bool) {
	for _, fp := range fps {
		fd := w.fieldDecl(owner, fp.Field.Name)
		if fd == nil {
			continue
		}
		w.add(symbol{kind: symField, name: fp.Field.Name, owner: owner}, fp.Field, false)
		if fp.Pattern == nil {
			bound[fp.Field.Name] = true
			continue
		}
		w.pattern(fp.Pattern, fd.Type, bound)
	}
}

// pattern indexes the variants and nested fields of a pattern on a field of
// type t.
func (w *indexer) pattern(p ast.Pattern, t *ast.TypeExpr, bound map[string]bool) {
	switch p := p.(type) {
	case *ast.Name:
		if t != nil && t.Kind == ast.TypeName {
			if e := w.x.enums[t.Name.Name]; e != nil && slices.ContainsFunc(e.Variants, func(v ast.Ident) bool { return v.Name == p.Name }) {
				w.add(symbol{kind: symVariant, name: p.Name, owner: e.Name.Name}, ast.Ident{Pos: p.Pos, Name: p.Name}, false)
				return
			}
		}
		bound[p.Name] = true
	case *ast.Alt:
		for _, a := range p.Alts {
			w.pattern(a, t, bound)
		}
	case *ast.Range:
		if p.Lo != nil {
			w.pattern(p.Lo, t, bound)
		}
		if p.Hi != nil {
			w.pattern(p.Hi, t, bound)
		}
	case *ast.Compare:
		w.pattern(p.Value, t, bound)
	case *ast.Not:
		w.pattern(p.Pattern, t, bound)
	case *ast.RecordPattern:
		if t != nil && t.Kind == ast.TypeName && w.x.records[t.Name.Name] != nil {
			w.fieldPatterns(t.Name.Name, p.Fields, bound)
		}
	}
}

// guard indexes the variants a guard names (a name that the case's pattern
// does not bind).
func (w *indexer) guard(e ast.Expr, bound map[string]bool) {
	switch e := e.(type) {
	case *ast.Binary:
		w.guard(e.X, bound)
		w.guard(e.Y, bound)
	case *ast.Unary:
		w.guard(e.X, bound)
	case *ast.Paren:
		w.guard(e.X, bound)
	case *ast.Name:
		if enums := w.x.variants[e.Name]; !bound[e.Name] && len(enums) > 0 {
			w.add(symbol{kind: symVariant, name: e.Name, owner: enums[0]}, ast.Ident{Pos: e.Pos, Name: e.Name}, false)
		}
	}
}

// at returns the occurrence at the byte offset off of the file (the end of a
// name counts, so that a cursor just after it finds it).
func (x *index) at(path string, off int) (occurrence, bool) {
	fi := x.files[path]
	if fi == nil {
		return occurrence{}, false
	}
	i, _ := slices.BinarySearchFunc(fi.occs, off, func(o occurrence, off int) int {
		if o.end < off {
			return -1
		}
		return 1
	})
	// Prefer a name over the `on` keyword; both never overlap.
	for ; i < len(fi.occs) && fi.occs[i].start <= off; i++ {
		if off <= fi.occs[i].end {
			return fi.occs[i], true
		}
	}
	return occurrence{}, false
}
