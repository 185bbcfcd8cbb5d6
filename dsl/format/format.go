// Package format prints .fw files in their one canonical layout, comments kept.
//
// The layout:
//
//   - `package x`, then each top-level declaration after one blank line.
//     Declarations that print on one line (an enum that fits, `event E {}`,
//     `processor P {}`, a builder without a body) and had no blank line
//     between them in the source stay together, without one.
//   - Four spaces of indentation; `;` and `,` separators between entries are
//     dropped.
//   - An event: one field per line, the names padded so that the types line
//     up (each run of fields not separated by a blank line aligns on its
//     own); `event E {}` when it has no fields; `input` is kept.
//   - An enum: `enum E { A B C }` on one line when that takes at most 80
//     columns and no comment is inside it, otherwise one variant per line.
//   - A processor: its options first, then its cases, each in source order and
//     one per line; `exhaustive Order, Refund`, `concurrency 4`, and
//     `on Order{region: "EU" | "UK", amount: a, id} as Domestic -> Invoice, Refund`.
//     An emit list prints its events first, then its resolve entries, then
//     its publish entries, each in source order: `-> Invoice, Refund,
//     resolve words, resolve all, publish orders`. A provides clause stays
//     in the header: `processor Intake provides orders: Order {`.
//     A built case is `on built words as Word`.
//   - A builder: its header on one line, the clauses single-spaced in their
//     fixed order, `builder Count provides counts: Count requires words, upper
//     persist version 2 use Helper(by: pkg, seed: 7)` (no space before ":" and
//     "(", one after ":" and ","). Without a body, that line is the whole
//     declaration, and consecutive ones stay together as other one-line
//     declarations do; a body is laid out as a processor's (`{}` when it is
//     empty).
//   - Patterns: single spaces around "|", none around ".." and "..<", one
//     after an operator (`< 5`, `!= (a | b)`, `prefix "p"`); parentheses only
//     where the syntax tree needs them (alternatives inside alternatives, or
//     after "!="). Literals are printed as written (0x1F stays 0x1F).
//   - Blank lines between fields, variants, options and cases, and between
//     comments and what follows them: a run of them becomes one, none where
//     there was none, and never right after "{" or right before "}".
//   - A comment on its own line stays on its own line, right before the
//     element that follows it (declaration, field, variant, option, case, or
//     closing brace), at that element's indentation; before a closing brace,
//     at the indentation of the block's entries. So a directive such as
//     //fw:ignore still applies to the line after it.
//   - A comment at the end of a line stays at the end of the line of the
//     element it follows, after one space. For a declaration written on one
//     line and printed on several, that is its first line.
//   - A comment inside an element that prints on one line (say, between the
//     fields of a multi-line event pattern) moves to its own line before the
//     element, above the element's other comments, keeping their order.
//   - Trailing white space and carriage returns are removed from comments;
//     their text is otherwise kept. Directives such as //fw:ignore are
//     ordinary comments.
//
// Source checks that the result parses to the same declarations as the
// input; if it did not (a bug), it returns an error of rule "internal"
// rather than a changed file.
package format

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/parser"
)

// maxEnumLine is the widest one-line enum, in runes.
const maxEnumLine = 80

const indent = "    "

// Source returns src in canonical layout, or the syntax diagnostics that stop it
// from parsing.
func Source(filename string, src []byte) (out []byte, diags diag.List) {
	file, diags := parser.ParseFile(filename, src)
	if len(diags) > 0 {
		return nil, diags
	}
	toks, diags := parser.Tokens(filename, src)
	if len(diags) > 0 {
		return nil, diags
	}
	defer func() {
		// A bug here must not take the tool down, nor rewrite a file.
		if r := recover(); r != nil {
			out, diags = nil, diag.List{internalError(filename, "%v", r)}
		}
	}()
	out = newPrinter(file, toks).print()

	// Formatting must not change the meaning: the result parses to the
	// same tree. Printing without comments compares the trees, since the
	// printer shows every part of them.
	again, diags := parser.ParseFile(filename, out)
	if len(diags) > 0 {
		return nil, diag.List{internalError(filename, "the formatted file does not parse: %s", diags[0])}
	}
	if codeOf(file) != codeOf(again) {
		return nil, diag.List{internalError(filename, "formatting changed the declarations")}
	}
	return out, nil
}

func internalError(filename string, format string, args ...any) diag.Diagnostic {
	return diag.Errorf(ast.Pos{File: filename, Line: 1, Col: 1}, "internal", "internal formatter error: "+format, args...)
}

// codeOf prints f without comments.
func codeOf(f *ast.File) string {
	return string(newPrinter(f, nil).print())
}

// slot is a run of tokens that the printer places as a unit: the package
// clause, the head of a declaration up to its "{", one field, variant,
// option or case with its separator, a closing "}", or the end of the file.
// Comments attach to slots.
type slot struct {
	first    int            // index in code of its first token; len(code) for the end of the file
	leading  []parser.Token // comments printed on their own lines before it, in source order
	trailing *parser.Token  // the comment at the end of its last line
}

type printer struct {
	file  *ast.File
	all   []parser.Token // every token, comments included
	code  []int          // indices in all of the tokens that are not comments
	slots []*slot        // sorted by first
	b     strings.Builder
	// started is set once a line has been written; blockStart while
	// nothing has been written since a line ending in "{".
	started, blockStart bool
}

// newPrinter prepares the printing of file, whose tokens are toks; without
// tokens it prints no comments and no blank lines but those of the layout.
func newPrinter(file *ast.File, toks []parser.Token) *printer {
	p := &printer{file: file, all: toks}
	for i, t := range toks {
		if t.Kind != parser.TokenComment {
			p.code = append(p.code, i)
		}
	}
	return p
}

// codeAt returns the index in code of the token at byte offset off, where
// a node of the syntax tree starts.
func (p *printer) codeAt(off int) int {
	i, ok := slices.BinarySearchFunc(p.code, off, func(ci, off int) int { return p.all[ci].Pos.Offset - off })
	if !ok {
		panic(fmt.Sprintf("no token at offset %d", off))
	}
	return i
}

// slotAt returns the slot of the node at pos, creating it. Without tokens
// every slot is a fresh one.
func (p *printer) slotAt(pos ast.Pos) *slot {
	if p.all == nil {
		return &slot{first: -1}
	}
	return p.slotOf(p.codeAt(pos.Offset))
}

// slotOf returns the slot that starts at code token i, creating it.
func (p *printer) slotOf(i int) *slot {
	if p.all == nil {
		return &slot{first: -1}
	}
	j, ok := slices.BinarySearchFunc(p.slots, i, func(s *slot, i int) int { return s.first - i })
	if ok {
		return p.slots[j]
	}
	s := &slot{first: i}
	p.slots = slices.Insert(p.slots, j, s)
	return s
}

// closeOf returns the slot of the "}" that closes the block whose "{" is
// the first after the token at pos (the name of a declaration).
func (p *printer) closeOf(pos ast.Pos) *slot {
	if p.all == nil {
		return &slot{first: -1}
	}
	open := p.codeAt(pos.Offset) + 1
	depth := 0
	for i := open; i < len(p.code); i++ {
		t := p.all[p.code[i]]
		if t.Kind != parser.TokenPunct {
			continue
		}
		switch t.Text {
		case "{":
			depth++
		case "}":
			if depth--; depth == 0 {
				return p.slotOf(i)
			}
		}
	}
	panic(fmt.Sprintf("no closing brace for the block at %s", pos))
}

// layout holds the slots of a declaration.
type layout struct {
	decl  ast.Decl
	head  *slot   // from the first token to "{", or the whole of a builder without a body
	items []*slot // the variants, the fields, or the options then the cases
	close *slot   // "}"; a slot of no token for a builder without a body
	// noBody is set for a builder without a body.
	noBody bool
}

func (p *printer) print() []byte {
	f := p.file
	pkg := p.slotOf(0) // the package clause starts at the first token
	var layouts []*layout
	for _, d := range f.Decls {
		var l *layout
		switch d := d.(type) {
		case *ast.EnumDecl:
			l = &layout{decl: d, head: p.slotAt(d.Pos)}
			for _, v := range d.Variants {
				l.items = append(l.items, p.slotAt(v.Pos))
			}
		case *ast.EventDecl:
			l = &layout{decl: d, head: p.slotAt(d.Pos)}
			for _, fd := range d.Fields {
				l.items = append(l.items, p.slotAt(fd.Pos))
			}
		case *ast.RecordDecl:
			l = &layout{decl: d, head: p.slotAt(d.Pos)}
			for _, fd := range d.Fields {
				l.items = append(l.items, p.slotAt(fd.Pos))
			}
		case *ast.ProcessorDecl:
			l = &layout{decl: d, head: p.slotAt(d.Pos)}
			if d.Partition != nil {
				l.items = append(l.items, p.slotAt(d.Partition.Pos))
			}
			for _, o := range d.Options {
				l.items = append(l.items, p.slotAt(o.Pos))
			}
			for _, c := range d.Cases {
				l.items = append(l.items, p.slotAt(c.Pos))
			}
		case *ast.BuilderDecl:
			l = &layout{decl: d, head: p.slotAt(d.Pos), noBody: !d.Body}
			if d.Partition != nil {
				l.items = append(l.items, p.slotAt(d.Partition.Pos))
			}
			for _, o := range d.Options {
				l.items = append(l.items, p.slotAt(o.Pos))
			}
			for _, c := range d.Cases {
				l.items = append(l.items, p.slotAt(c.Pos))
			}
		default:
			panic(fmt.Sprintf("unexpected declaration %T", d))
		}
		if l.noBody {
			l.close = &slot{first: -1}
		} else {
			// A builder's header has no braces: its first "{" opens
			// its body.
			l.close = p.closeOf(d.DeclName().Pos)
		}
		layouts = append(layouts, l)
	}
	eof := p.slotOf(len(p.code))
	p.attachComments()

	p.unit(0, pkg, "package "+f.Package.Name, blankFromSource)
	prevOneLine := false
	for _, l := range layouts {
		oneLine := p.oneLineText(l) != ""
		// One blank line between declarations, except between one-line
		// declarations that had none.
		rule := blankAlways
		if prevOneLine && oneLine && !p.blankBefore(l.head) {
			rule = blankNever
		}
		p.decl(l, rule)
		prevOneLine = oneLine
	}
	for _, c := range eof.leading {
		p.line(0, p.blankBeforeToken(c), commentText(c))
	}
	return []byte(p.b.String())
}

// attachComments gives each comment a slot. A comment that follows a token
// on its line is the trailing comment of that token's slot, unless the next
// token belongs to the same slot: then, like a comment on its own line, it
// is a leading comment of the slot of the next token.
func (p *printer) attachComments() {
	slotOfCode := func(i int) *slot {
		j, _ := slices.BinarySearchFunc(p.slots, i+1, func(s *slot, i int) int { return s.first - i })
		return p.slots[j-1] // slot 0 starts at token 0
	}
	next := 0 // index in code of the first token after the comment
	for ai, t := range p.all {
		if t.Kind != parser.TokenComment {
			next++
			continue
		}
		after := slotOfCode(next)
		if next > 0 && p.all[p.code[next-1]].Pos.Line == t.Pos.Line {
			if before := slotOfCode(next - 1); before != after {
				before.trailing = &p.all[ai]
				continue
			}
		}
		after.leading = append(after.leading, p.all[ai])
	}
}

// blankBeforeToken reports whether the source has a blank line before the
// token t (a comment or the first token of a slot).
func (p *printer) blankBeforeToken(t parser.Token) bool {
	i, ok := slices.BinarySearchFunc(p.all, t.Pos.Offset, func(a parser.Token, off int) int { return a.Pos.Offset - off })
	return ok && i > 0 && t.Pos.Line-p.all[i-1].Pos.Line >= 2
}

// blankBefore reports whether the source has a blank line before the first
// line of s: its first own-line comment, or its first token.
func (p *printer) blankBefore(s *slot) bool {
	if s.first < 0 || s.first >= len(p.code) {
		return false
	}
	first := p.all[p.code[s.first]]
	if len(s.leading) > 0 && s.leading[0].Pos.Offset < first.Pos.Offset {
		return p.blankBeforeToken(s.leading[0])
	}
	return p.blankBeforeToken(first)
}

// blankRule says whether the first line of a unit follows a blank line.
type blankRule int

const (
	blankFromSource blankRule = iota // where the source has one
	blankAlways
	blankNever
)

// unit prints a slot: the comments from inside it, those before it, then
// the line text with the trailing comment. The comments before the slot stay
// right above the text, so that a directive such as //fw:ignore still
// applies to the line after it. A line follows a blank line where the source
// has one, except the first, which follows rule, and the comments from
// inside the slot, which take the place of the slot's first line.
func (p *printer) unit(depth int, s *slot, text string, rule blankRule) {
	type line struct {
		blank bool
		text  string
	}
	var inside, lines []line
	hasFirst := s.first >= 0 && s.first < len(p.code)
	for _, c := range s.leading {
		if hasFirst && c.Pos.Offset > p.all[p.code[s.first]].Pos.Offset {
			inside = append(inside, line{false, commentText(c)})
		} else {
			lines = append(lines, line{p.blankBeforeToken(c), commentText(c)})
		}
	}
	if s.trailing != nil {
		text += " " + commentText(*s.trailing)
	}
	lines = append(lines, line{hasFirst && p.blankBeforeToken(p.all[p.code[s.first]]), text})
	if len(inside) > 0 {
		inside[0].blank, lines[0].blank = lines[0].blank, false
		lines = append(inside, lines...)
	}
	if rule != blankFromSource {
		lines[0].blank = rule == blankAlways
	}
	for _, l := range lines {
		p.line(depth, l.blank, l.text)
	}
}

// line writes one line at the given depth, after a blank line if blank is
// set and the line is neither the first of the file nor the first in a
// block.
func (p *printer) line(depth int, blank bool, text string) {
	if blank && p.started && !p.blockStart {
		p.b.WriteByte('\n')
	}
	for range depth {
		p.b.WriteString(indent)
	}
	p.b.WriteString(text)
	p.b.WriteByte('\n')
	p.started, p.blockStart = true, false
}

// open prints the head of a block, "... {", and starts the block. A
// comment at the end of a block that was on one line in the source goes to
// the end of the head's line: the line of the declaration, to which it
// applied.
func (p *printer) open(l *layout, text string, rule blankRule) {
	head, close := l.head, l.close
	if close.trailing != nil && head.trailing == nil && close.first >= 0 {
		if p.all[p.code[close.first]].Pos.Line == p.all[p.code[head.first]].Pos.Line {
			head.trailing, close.trailing = close.trailing, nil
		}
	}
	p.unit(0, head, text+" {", rule)
	p.blockStart = true
}

// closing prints the closing brace of a block: the comments before it at
// the depth of the block's entries, then "}" without a blank line.
func (p *printer) closing(s *slot) {
	for _, c := range s.leading {
		p.line(1, p.blankBeforeToken(c), commentText(c))
	}
	text := "}"
	if s.trailing != nil {
		text += " " + commentText(*s.trailing)
	}
	p.line(0, false, text)
}

// commentText is a comment as printed: "//" and its text, without carriage
// returns (of a CRLF line ending, or stray) and trailing white space.
func commentText(c parser.Token) string {
	return normComment(c.Text)
}

// normComment normalises a comment's text as the formatter prints it.
func normComment(text string) string {
	return strings.TrimRight(strings.ReplaceAll(text, "\r", ""), " \t")
}

// oneLineText returns the declaration on one line, or "" if it takes
// several: an enum that fits and has no comments inside, an event or
// processor without entries or comments inside.
func (p *printer) oneLineText(l *layout) string {
	if l.noBody {
		return builderHead(l.decl.(*ast.BuilderDecl))
	}
	if l.head.trailing != nil || len(l.close.leading) > 0 {
		return ""
	}
	switch d := l.decl.(type) {
	case *ast.EnumDecl:
		for _, v := range l.items {
			if len(v.leading) > 0 || v.trailing != nil {
				return ""
			}
		}
		if len(d.Variants) == 0 {
			return "enum " + d.Name.Name + " {}"
		}
		names := make([]string, len(d.Variants))
		for i, v := range d.Variants {
			names[i] = v.Name
		}
		text := "enum " + d.Name.Name + " { " + strings.Join(names, " ") + " }"
		if utf8.RuneCountInString(text) > maxEnumLine {
			return ""
		}
		return text
	case *ast.EventDecl:
		if len(l.items) == 0 {
			return eventHead(d) + " {}"
		}
	case *ast.RecordDecl:
		if len(l.items) == 0 {
			return "record " + d.Name.Name + " {}"
		}
	case *ast.ProcessorDecl:
		if len(l.items) == 0 {
			return processorHead(d) + " {}"
		}
	case *ast.BuilderDecl:
		if len(l.items) == 0 {
			return builderHead(d) + " {}"
		}
	}
	return ""
}

// processorHead is the header of a processor, up to its body: its name and
// its provides clause, `processor Intake provides orders: Order, big: Order`.
func processorHead(d *ast.ProcessorDecl) string {
	text := "processor " + d.Name.Name
	for i, pr := range d.Provides {
		if i == 0 {
			text += " provides "
		} else {
			text += ", "
		}
		text += pr.Target.Name
		if pr.Type != nil {
			text += ": " + pr.Type.Name
		}
	}
	return text
}

// builderHead is the header of a builder, up to its body.
func builderHead(d *ast.BuilderDecl) string {
	var b strings.Builder
	b.WriteString("builder " + d.Name.Name + " provides " + d.Target.Name)
	if d.Type != nil {
		b.WriteString(": " + d.Type.Name)
	}
	if len(d.Requires) > 0 {
		b.WriteString(" requires " + identList(d.Requires))
	}
	if d.Persist != nil {
		b.WriteString(" persist")
	}
	if d.Version != nil {
		b.WriteString(" version " + d.Version.Raw)
	}
	if u := d.Use; u != nil {
		b.WriteString(" use " + u.Helper.Name)
		if u.Parens || len(u.Args) > 0 {
			b.WriteByte('(')
			for i, a := range u.Args {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString(a.Name.Name + ": ")
				writePattern(&b, a.Value, true)
			}
			b.WriteByte(')')
		}
	}
	return b.String()
}

func eventHead(d *ast.EventDecl) string {
	if d.Input {
		return "input event " + d.Name.Name
	}
	return "event " + d.Name.Name
}

// fields prints the fields of an event or a record, aligning the types of
// each run of fields not separated by a blank line.
func (p *printer) fields(l *layout, fields []*ast.FieldDecl) {
	widths := make([]int, len(fields))
	for start := 0; start < len(fields); {
		end := start + 1
		for end < len(fields) && !p.blankBefore(l.items[end]) {
			end++
		}
		w := 0
		for _, fd := range fields[start:end] {
			w = max(w, utf8.RuneCountInString(fd.Name.Name))
		}
		for i := start; i < end; i++ {
			widths[i] = w
		}
		start = end
	}
	for i, fd := range fields {
		pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(fd.Name.Name)+1)
		typ := fd.Type.String()
		if fd.Optional {
			typ += "?"
		}
		p.unit(1, l.items[i], fd.Name.Name+pad+typ, blankFromSource)
	}
}

// decl prints a declaration, its first line after a blank line as rule says.
func (p *printer) decl(l *layout, rule blankRule) {
	if text := p.oneLineText(l); text != "" {
		// The comments before the head, then the line with the trailing
		// comment of "}".
		s := *l.head
		if !l.noBody {
			s.trailing = l.close.trailing
		}
		p.unit(0, &s, text, rule)
		return
	}
	switch d := l.decl.(type) {
	case *ast.EnumDecl:
		p.open(l, "enum "+d.Name.Name, rule)
		for i, v := range d.Variants {
			p.unit(1, l.items[i], v.Name, blankFromSource)
		}
	case *ast.EventDecl:
		p.open(l, eventHead(d), rule)
		p.fields(l, d.Fields)
	case *ast.RecordDecl:
		p.open(l, "record "+d.Name.Name, rule)
		p.fields(l, d.Fields)
	case *ast.ProcessorDecl:
		p.open(l, processorHead(d), rule)
		p.entries(l, d.Partition, d.Options, d.Cases)
	case *ast.BuilderDecl:
		p.open(l, builderHead(d), rule)
		p.entries(l, d.Partition, d.Options, d.Cases)
	}
	p.closing(l.close)
}

// entries prints the partition clause, the options then the cases of a
// processor or builder.
func (p *printer) entries(l *layout, part *ast.Partition, options []*ast.Option, cases []*ast.Case) {
	items := l.items
	if part != nil {
		p.unit(1, items[0], partitionText(part), blankFromSource)
		l = &layout{items: items[1:]}
	}
	for i := 0; i < len(options); i++ {
		o, s := options[i], l.items[i]
		// `cached` followed by `version N` is one line, `cached version N`,
		// unless a comment comes between them.
		if i+1 < len(options) && isBare(o, "cached") && options[i+1].Name.Name == "version" &&
			s.trailing == nil && len(l.items[i+1].leading) == 0 {
			merged := *s
			merged.trailing = l.items[i+1].trailing
			p.unit(1, &merged, optionText(o)+" "+optionText(options[i+1]), blankFromSource)
			i++
			continue
		}
		// `retry N` followed by `backoff ...` and `timeout ...` is one line,
		// `retry N backoff A..B timeout D`, unless a comment comes between.
		if o.Name.Name == "retry" {
			text, merged, j := optionText(o), *s, i
			for j+1 < len(options) && merged.trailing == nil && len(l.items[j+1].leading) == 0 &&
				retryClause(options[j+1], options[i:j+1]) {
				j++
				text += " " + optionText(options[j])
				merged.trailing = l.items[j].trailing
			}
			p.unit(1, &merged, text, blankFromSource)
			i = j
			continue
		}
		p.unit(1, s, optionText(o), blankFromSource)
	}
	for i, c := range cases {
		p.unit(1, l.items[len(options)+i], caseText(c), blankFromSource)
	}
}

// partitionText is `partition by k, ... into K`.
func partitionText(part *ast.Partition) string {
	keys := make([]string, len(part.Keys))
	for i, k := range part.Keys {
		keys[i] = k.String()
	}
	return "partition by " + strings.Join(keys, ", ") + " into " + part.K.Raw
}

// isBare reports whether o is the option name with no value and no events.
func isBare(o *ast.Option, name string) bool {
	return o.Name.Name == name && o.Value == nil && len(o.Events) == 0
}

// retryClause reports whether o is a backoff or timeout option that joins
// the line of the retry option, whose line so far has the options line.
func retryClause(o *ast.Option, line []*ast.Option) bool {
	if o.Name.Name != "backoff" && o.Name.Name != "timeout" {
		return false
	}
	for _, prev := range line {
		if prev.Name.Name == o.Name.Name {
			return false
		}
	}
	return true
}

func optionText(o *ast.Option) string {
	text := o.Name.Name
	if o.Value != nil {
		text += " " + o.Value.Raw
		if o.To != nil {
			text += ".." + o.To.Raw
		}
	}
	if len(o.Events) > 0 {
		text += " " + identList(o.Events)
	}
	return text
}

func identList(ids []ast.Ident) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = id.Name
	}
	return strings.Join(names, ", ")
}

func caseText(c *ast.Case) string {
	var b strings.Builder
	b.WriteString("on ")
	switch c.Kind {
	case ast.CaseBuilt:
		b.WriteString("built " + c.Target.Name)
	default:
		b.WriteString(c.Kind.String())
	case ast.CaseEvent:
		b.WriteString(c.Event.Name)
		if c.Fields != nil {
			writeEntries(&b, c.Fields)
		}
	}
	if c.Guard != nil {
		b.WriteString(" if " + ast.ExprString(c.Guard))
	}
	if c.Name != nil {
		b.WriteString(" as " + c.Name.Name)
	}
	if len(c.Emits) > 0 || len(c.Resolves) > 0 || len(c.Publishes) > 0 {
		b.WriteString(" -> " + identList(c.Emits))
		n := len(c.Emits)
		for _, r := range c.Resolves {
			if n > 0 {
				b.WriteString(", ")
			}
			b.WriteString("resolve " + r.Name)
			n++
		}
		for _, r := range c.Publishes {
			if n > 0 {
				b.WriteString(", ")
			}
			b.WriteString("publish " + r.Name)
			n++
		}
	}
	return b.String()
}

// writeEntries prints the braces of an event or record pattern.
func writeEntries(b *strings.Builder, fields []*ast.FieldPattern) {
	b.WriteByte('{')
	for i, fp := range fields {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(fp.Field.Name)
		if fp.Pattern != nil {
			b.WriteString(": ")
			writePattern(b, fp.Pattern, false)
		}
	}
	b.WriteByte('}')
}

// writePattern prints a pattern; paren puts alternatives in parentheses
// (inside alternatives, or after "!=").
func writePattern(b *strings.Builder, p ast.Pattern, paren bool) {
	switch x := p.(type) {
	case *ast.Wildcard:
		b.WriteByte('_')
	case *ast.Name:
		b.WriteString(x.Name)
	case *ast.Literal:
		b.WriteString(x.Raw)
	case *ast.Alt:
		if paren {
			b.WriteByte('(')
		}
		for i, a := range x.Alts {
			if i > 0 {
				b.WriteString(" | ")
			}
			writePattern(b, a, true)
		}
		if paren {
			b.WriteByte(')')
		}
	case *ast.Range:
		if x.Lo != nil {
			writePattern(b, x.Lo, true)
		}
		b.WriteString("..")
		if x.Exclusive {
			b.WriteByte('<')
		}
		if x.Hi != nil {
			writePattern(b, x.Hi, true)
		}
	case *ast.Compare:
		b.WriteString(x.Op + " ")
		writePattern(b, x.Value, true)
	case *ast.Not:
		b.WriteString("!= ")
		writePattern(b, x.Pattern, true)
	case *ast.Prefix:
		b.WriteString("prefix ")
		writePattern(b, x.Value, true)
	case *ast.Nil:
		b.WriteString("nil")
	case *ast.NotNil:
		b.WriteString("!nil")
	case *ast.RecordPattern:
		writeEntries(b, x.Fields)
	default:
		panic(fmt.Sprintf("unexpected pattern %T", p))
	}
}
