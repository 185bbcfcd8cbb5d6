package lsp

import (
	"fmt"
	"slices"
	"strings"

	"github.com/aymanbagabas/go-udiff"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/format"
	"github.com/fwgo/fw/dsl/gen"
	"github.com/fwgo/fw/dsl/ir"
)

// lookup finds the package, file and occurrence at a position of a document.
func (s *server) lookup(p textDocumentPositionParams) (*pkgState, occurrence, bool) {
	path := uriToPath(p.TextDocument.URI)
	if path == "" {
		return nil, occurrence{}, false
	}
	st := s.ws.pkgOf(path)
	fi := st.idx().files[path]
	if fi == nil {
		return st, occurrence{}, false
	}
	// The index is of the file's last version that parsed: positions map
	// onto it line by line, which holds above and below an edit in progress.
	occ, ok := st.idx().at(path, fi.text.offset(p.Position))
	return st, occ, ok
}

func (s *server) location(o occurrence) Location {
	return Location{URI: s.ws.uriOf(o.file), Range: o.rng()}
}

func (s *server) definition(p *textDocumentPositionParams) ([]Location, error) {
	st, occ, ok := s.lookup(*p)
	if !ok || occ.onKeyword {
		return []Location{}, nil
	}
	def, ok := st.idx().defs[occ.sym]
	if !ok {
		return []Location{}, nil
	}
	return []Location{s.location(def)}, nil
}

func (s *server) references(p *referenceParams) ([]Location, error) {
	st, occ, ok := s.lookup(p.textDocumentPositionParams)
	if !ok || occ.onKeyword {
		return []Location{}, nil
	}
	locs := []Location{}
	if def, ok := st.idx().defs[occ.sym]; ok && p.Context.IncludeDeclaration {
		locs = append(locs, s.location(def))
	}
	for _, r := range st.idx().refs[occ.sym] {
		locs = append(locs, s.location(r))
	}
	return locs, nil
}

func (s *server) hover(p *textDocumentPositionParams) (*Hover, error) {
	st, occ, ok := s.lookup(*p)
	if !ok {
		return nil, nil
	}
	md := hoverText(st, occ)
	if md == "" {
		return nil, nil
	}
	rng := occ.rng()
	return &Hover{Contents: MarkupContent{Kind: "markdown", Value: md}, Range: &rng}, nil
}

// fwBlock and goBlock are Markdown code blocks.
func fwBlock(s string) string { return "```fw\n" + s + "\n```\n" }
func goBlock(s string) string { return "```go\n" + s + "\n```\n" }

// fieldLines prints the fields of an event or record, aligned as fmt does.
func fieldLines(fs []*ast.FieldDecl) string {
	w := 0
	for _, f := range fs {
		w = max(w, len(f.Name.Name))
	}
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "    %-*s %s\n", w, f.Name.Name, fieldType(f))
	}
	return b.String()
}

func fieldType(f *ast.FieldDecl) string {
	if f.Optional {
		return f.Type.String() + "?"
	}
	return f.Type.String()
}

// hoverText is the Markdown shown for an occurrence.
func hoverText(st *pkgState, occ occurrence) string {
	x, sym := st.idx(), occ.sym
	switch sym.kind {
	case symEvent:
		d := x.events[sym.name]
		if d == nil {
			return ""
		}
		kw := "event"
		if d.Input {
			kw = "input event"
		}
		return fwBlock(fmt.Sprintf("%s %s {\n%s}", kw, d.Name.Name, fieldLines(d.Fields))) +
			fmt.Sprintf("\nGo type `%s`; %s.", d.Name.Name, plural(len(d.Fields), "field"))
	case symRecord:
		d := x.records[sym.name]
		if d == nil {
			return ""
		}
		return fwBlock(fmt.Sprintf("record %s {\n%s}", d.Name.Name, fieldLines(d.Fields))) +
			fmt.Sprintf("\nGo type `%s`; %s.", d.Name.Name, plural(len(d.Fields), "field"))
	case symField:
		f := x.fieldDecl(sym.owner, sym.name)
		if f == nil {
			return ""
		}
		of := "event"
		if x.records[sym.owner] != nil {
			of = "record"
		}
		return fwBlock(fmt.Sprintf("%s %s", f.Name.Name, fieldType(f))) +
			fmt.Sprintf("\nField of %s %s; Go field `%s.%s`.", of, sym.owner, sym.owner, gen.GoName(sym.name))
	case symEnum:
		d := x.enums[sym.name]
		if d == nil {
			return ""
		}
		var vs []string
		for _, v := range d.Variants {
			vs = append(vs, v.Name)
		}
		return fwBlock(fmt.Sprintf("enum %s { %s }", d.Name.Name, strings.Join(vs, " "))) +
			fmt.Sprintf("\nGo type `%s`; the first variant is the zero value.", d.Name.Name)
	case symVariant:
		d := x.enums[sym.owner]
		if d == nil {
			return ""
		}
		i := slices.IndexFunc(d.Variants, func(v ast.Ident) bool { return v.Name == sym.name })
		return fwBlock(fmt.Sprintf("%s (variant %d of enum %s)", sym.name, i, sym.owner)) +
			fmt.Sprintf("\nGo constant `%s`.", ir.EnumValueName(sym.owner, sym.name))
	case symProcessor:
		d := x.procs[sym.name]
		if d == nil {
			return ""
		}
		return fwBlock(fmt.Sprintf("processor %s (%s)", sym.name, plural(len(d.Cases), "case"))) +
			fmt.Sprintf("\nThe application implements `%s`.", handlerName(st, sym.name))
	case symBuilder:
		d := x.builders[sym.name]
		if d == nil {
			return ""
		}
		head := fmt.Sprintf("builder %s provides %s", d.Name.Name, d.Target.Name)
		if d.Type != nil {
			head += ": " + d.Type.Name
		}
		if d.Use != nil {
			return fwBlock(head+" use "+d.Use.Helper.Name) + "\nA runtime helper implements it."
		}
		return fwBlock(head) + fmt.Sprintf("\nThe application implements `%s`.", ir.BuilderName(d.Name.Name))
	case symTarget:
		t, ok := x.targets[sym.name]
		if !ok {
			return ""
		}
		head := "target " + sym.name
		if typ := targetType(st, sym.name, t); typ != "" {
			head += ": " + typ
		}
		by := "processor"
		if t.builder {
			by = "builder"
		}
		return fwBlock(head) + fmt.Sprintf("\nProvided by %s %s.", by, t.provider)
	case symCase:
		return caseHover(st, occ)
	}
	return ""
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// handlerName is the handler interface of a processor, from the generator.
func handlerName(st *pkgState, proc string) string {
	if p := irProcessor(st, proc); p != nil {
		return gen.HandlerName(p)
	}
	return ir.HandlerName(proc)
}

func irProcessor(st *pkgState, name string) *ir.Processor {
	if st.pkg == nil {
		return nil
	}
	for _, p := range st.pkg.Processors {
		if p.Name == name {
			return p
		}
	}
	return nil
}

// targetType is a target's type: as the checker inferred it when the package
// checks, else as written.
func targetType(st *pkgState, name string, t targetDecl) string {
	if st.pkg != nil {
		for _, it := range st.pkg.Targets {
			if it.Name == name && it.Type != nil {
				return it.Type.String()
			}
		}
	}
	if t.typ != nil {
		return t.typ.Name
	}
	return ""
}

// caseHover shows the generated handler method of a case and its context
// type, named as dsl/gen names them.
func caseHover(st *pkgState, occ occurrence) string {
	proc, name := occ.sym.owner, occ.sym.name
	head := fmt.Sprintf("case %s of %s", name, proc)
	p := irProcessor(st, proc)
	if p == nil {
		return fwBlock(head) + "\nThe generated method shows when the package checks without errors."
	}
	var c *ir.Case
	for _, ic := range p.AllCases() {
		if ic.Name == name {
			c = ic
			break
		}
	}
	if c == nil {
		return fwBlock(head) + "\nThe generated method shows when the package checks without errors."
	}
	m, ok := gen.CaseMethodOf(st.pkg, p, c)
	if !ok {
		return fwBlock(head) + "\nThe runtime helper handles this case: the application implements no method for it."
	}
	return goBlock(fmt.Sprintf("// %s\n%s", m.Interface, m.Signature)) +
		fmt.Sprintf("\nHandler method of case %s of %s %s; its context is `%s`.", name, kindOfProc(p), proc, m.Context)
}

func kindOfProc(p *ir.Processor) string {
	if p.Builder != nil {
		return "builder"
	}
	return "processor"
}

// documentSymbols outlines a document: its declarations with their fields,
// variants and cases.
func (s *server) documentSymbols(p *documentParams) ([]DocumentSymbol, error) {
	path := uriToPath(p.TextDocument.URI)
	st := s.ws.pkgOf(path)
	fi := st.idx().files[path]
	if fi == nil {
		return []DocumentSymbol{}, nil
	}
	return symbolsOf(fi), nil
}

// symbolsOf outlines the file of fi.
func symbolsOf(fi *fileIndex) []DocumentSymbol {
	out := []DocumentSymbol{}
	t := fi.text
	// Each declaration ends before the next one in the source.
	starts := make([]int, 0, len(fi.file.Decls))
	for _, d := range fi.file.Decls {
		starts = append(starts, t.offsetOfCol(declPos(d).Line, declPos(d).Col))
	}
	sorted := slices.Clone(starts)
	slices.Sort(sorted)
	for i, d := range fi.file.Decls {
		start := starts[i]
		end := len(t.src)
		if j, _ := slices.BinarySearch(sorted, start+1); j < len(sorted) {
			end = sorted[j]
		}
		for end > start && (t.src[end-1] == ' ' || t.src[end-1] == '\n' || t.src[end-1] == '\t' || t.src[end-1] == '\r') {
			end--
		}
		// The comments before the next declaration belong to it.
		if j := lastBrace(t.src[start:end]); j >= 0 {
			end = start + j + 1
		}
		rng := Range{Start: t.position(start), End: t.position(end)}
		name := d.DeclName()
		sym := DocumentSymbol{Name: name.Name, Range: rng, SelectionRange: identRange(t, name)}
		switch d := d.(type) {
		case *ast.EnumDecl:
			sym.Kind, sym.Detail = symbolEnum, "enum"
			for _, v := range d.Variants {
				r := identRange(t, v)
				sym.Children = append(sym.Children, DocumentSymbol{Name: v.Name, Kind: symbolEnumMember, Range: r, SelectionRange: r})
			}
		case *ast.EventDecl:
			sym.Kind, sym.Detail = symbolEvent, "event"
			if d.Input {
				sym.Detail = "input event"
			}
			sym.Children = fieldSymbols(t, d.Fields)
		case *ast.RecordDecl:
			sym.Kind, sym.Detail = symbolStruct, "record"
			sym.Children = fieldSymbols(t, d.Fields)
		case *ast.ProcessorDecl:
			sym.Kind, sym.Detail = symbolClass, "processor"
			sym.Children = caseSymbols(t, d.Cases, end)
		case *ast.BuilderDecl:
			sym.Kind, sym.Detail = symbolClass, "builder provides "+d.Target.Name
			sym.Children = caseSymbols(t, d.Cases, end)
		}
		out = append(out, sym)
	}
	return out
}

// lastBrace returns the index of the last '}' of b outside comments, -1 if none.
func lastBrace(b []byte) int {
	last, inComment, inString := -1, false, false
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case inComment:
			inComment = c != '\n'
		case inString:
			if c == '\\' {
				i++
			}
			inString = c != '"'
		case c == '/' && i+1 < len(b) && b[i+1] == '/':
			inComment = true
		case c == '"':
			inString = true
		case c == '}':
			last = i
		}
	}
	if last < 0 {
		// A declaration on one line without a body: to the end of its first line.
		if j := slices.Index(b, '\n'); j >= 0 {
			return j - 1
		}
	}
	return last
}

func declPos(d ast.Decl) ast.Pos {
	switch d := d.(type) {
	case *ast.EnumDecl:
		return d.Pos
	case *ast.EventDecl:
		return d.Pos
	case *ast.RecordDecl:
		return d.Pos
	case *ast.ProcessorDecl:
		return d.Pos
	case *ast.BuilderDecl:
		return d.Pos
	}
	return ast.Pos{}
}

func identRange(t *text, id ast.Ident) Range {
	start := t.offsetOfCol(id.Pos.Line, id.Pos.Col)
	return Range{Start: t.position(start), End: t.position(min(start+len(id.Name), len(t.src)))}
}

func fieldSymbols(t *text, fs []*ast.FieldDecl) []DocumentSymbol {
	var out []DocumentSymbol
	for _, f := range fs {
		r := identRange(t, f.Name)
		out = append(out, DocumentSymbol{Name: f.Name.Name, Detail: fieldType(f), Kind: symbolField, Range: r, SelectionRange: r})
	}
	return out
}

func caseSymbols(t *text, cs []*ast.Case, parentEnd int) []DocumentSymbol {
	var out []DocumentSymbol
	for _, c := range cs {
		start := t.offsetOfCol(c.Pos.Line, c.Pos.Col)
		end := min(t.lineEnd(c.Pos.Line-1), parentEnd)
		sel := Range{Start: t.position(start), End: t.position(start + 2)}
		if c.Name != nil {
			sel = identRange(t, *c.Name)
		}
		detail := "on " + c.Kind.String()
		switch c.Kind {
		case ast.CaseEvent:
			detail = "on " + c.Event.Name
		case ast.CaseBuilt:
			detail = "on built " + c.Target.Name
		}
		out = append(out, DocumentSymbol{Name: caseName(c), Detail: detail, Kind: symbolMethod,
			Range: Range{Start: t.position(start), End: t.position(max(end, start+2))}, SelectionRange: sel})
	}
	return out
}

// formatting formats a document as `fwgen fmt` does, as the smallest edits
// (so that the editor keeps the cursor and folds). A document with syntax
// errors is left alone: no edits.
func (s *server) formatting(p *documentParams) ([]TextEdit, error) {
	path := uriToPath(p.TextDocument.URI)
	st := s.ws.pkgOf(path)
	fs := st.current(path)
	if fs == nil {
		return []TextEdit{}, nil
	}
	out, diags := format.Source(path, fs.src)
	if diags.HasErrors() || out == nil {
		return []TextEdit{}, nil
	}
	edits := []TextEdit{}
	for _, e := range udiff.Bytes(fs.src, out) {
		edits = append(edits, TextEdit{Range: Range{Start: fs.text.position(e.Start), End: fs.text.position(e.End)}, NewText: e.New})
	}
	return edits, nil
}
