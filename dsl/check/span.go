package check

import (
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/parser"
	"github.com/fwgo/fw/internal/suggest"
)

// The ends of what diagnostics are about, and their suggested fixes, need
// the source text (ast.File.Src) and its tokens: the AST keeps only where
// nodes start. Without the source (a File built by hand), diagnostics have
// no end and no fix that needs one.

// spans is what the checker keeps of the sources for the ends of its
// diagnostics and their fixes.
type spans struct {
	srcs      map[string]*source // by file name
	files     []*ast.File
	caseProcs map[*ast.Case]*ast.ProcessorDecl
	nodeEnds  map[ast.Pos]ast.Pos // by start: see nodeEnd
}

// source is the text of one file, with its tokens lexed on first use.
type source struct {
	name  string
	src   []byte
	toks  []parser.Span // comments included
	lines []int         // the offsets where lines start
	lexed bool
}

// sourceOf returns the source of the file named file, nil when unknown.
func (c *checker) sourceOf(file string) *source {
	s := c.srcs[file]
	if s != nil && !s.lexed {
		s.lexed = true
		s.toks = parser.Spans(s.src)
		s.lines = append(s.lines, 0)
		for i, b := range s.src {
			if b == '\n' {
				s.lines = append(s.lines, i+1)
			}
		}
	}
	return s
}

// pos returns the position of byte offset off.
func (s *source) pos(off int) ast.Pos {
	l, ok := slices.BinarySearch(s.lines, off)
	if !ok {
		l--
	}
	return ast.Pos{File: s.name, Offset: off, Line: l + 1, Col: 1 + utf8.RuneCount(s.src[s.lines[l]:off])}
}

// text returns the text of token i.
func (s *source) text(i int) string { return string(s.src[s.toks[i].Start:s.toks[i].End]) }

// tokenAt returns the index of the token that starts at offset off, or -1.
func (s *source) tokenAt(off int) int {
	i, ok := slices.BinarySearchFunc(s.toks, off, func(t parser.Span, off int) int { return t.Start - off })
	if !ok {
		return -1
	}
	return i
}

// next returns the index of the first token after token i that is not a
// comment, or len(s.toks).
func (s *source) next(i int) int {
	for i++; i < len(s.toks) && s.toks[i].Kind == parser.TokenComment; i++ {
	}
	return i
}

// prev returns the index of the last token before token i that is not a
// comment, or -1.
func (s *source) prev(i int) int {
	for i--; i >= 0 && s.toks[i].Kind == parser.TokenComment; i-- {
	}
	return i
}

// is reports whether token i exists and is text.
func (s *source) is(i int, text string) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].Kind != parser.TokenComment &&
		string(s.src[s.toks[i].Start:s.toks[i].End]) == text
}

// startOf returns the position of token i.
func (s *source) startOf(i int) ast.Pos { return s.pos(s.toks[i].Start) }

// endOf returns the position just past token i.
func (s *source) endOf(i int) ast.Pos { return s.pos(s.toks[i].End) }

// advance returns the position after text (of one line) that starts at p.
func advance(p ast.Pos, text string) ast.Pos {
	p.Offset += len(text)
	p.Col += utf8.RuneCountInString(text)
	return p
}

// lastToken returns the index of the last token of pattern p, or -1 when
// the source or the layout is not what the AST says.
func (s *source) lastToken(p ast.Pattern) int {
	i := s.tokenAt(p.PatPos().Offset)
	if i < 0 {
		return -1
	}
	switch p := p.(type) {
	case *ast.Wildcard, *ast.Name, *ast.Literal, *ast.Nil:
		return i
	case *ast.NotNil:
		return s.next(i)
	case *ast.Range:
		if p.Hi != nil {
			return s.lastToken(p.Hi)
		}
		if op := s.next(i); p.Lo != nil && s.is(op, "..") {
			return op
		}
		return -1
	case *ast.Compare:
		return s.lastToken(p.Value)
	case *ast.Prefix:
		return s.lastToken(p.Value)
	case *ast.Not:
		j := s.lastToken(p.Pattern)
		if _, ok := p.Pattern.(*ast.Alt); ok && j >= 0 {
			if j = s.next(j); !s.is(j, ")") {
				return -1
			}
		}
		return j
	case *ast.Alt:
		return s.lastToken(p.Alts[len(p.Alts)-1])
	case *ast.RecordPattern:
		return s.closing(i)
	}
	return -1
}

// balanced reports whether tokens first to last close every bracket they
// open.
func (s *source) balanced(first, last int) bool {
	depth := 0
	for i := first; i <= last; i++ {
		if s.toks[i].Kind != parser.TokenPunct {
			continue
		}
		switch s.text(i) {
		case "{", "(", "[":
			depth++
		case "}", ")", "]":
			if depth--; depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}

// closing returns the index of the bracket that closes the one at token i,
// or -1.
func (s *source) closing(i int) int {
	depth := 0
	for ; i < len(s.toks); i++ {
		if s.toks[i].Kind != parser.TokenPunct {
			continue
		}
		switch s.text(i) {
		case "{", "(", "[":
			depth++
		case "}", ")", "]":
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

// patternEnd returns the end of pattern p, or an invalid Pos.
func (c *checker) patternEnd(p ast.Pattern) ast.Pos {
	s := c.sourceOf(p.PatPos().File)
	if s == nil {
		return ast.Pos{}
	}
	if j := s.lastToken(p); j >= 0 {
		return s.endOf(j)
	}
	return ast.Pos{}
}

// patternRange returns d with its end at the end of pattern p.
func (c *checker) patternRange(d diag.Diagnostic, p ast.Pattern) diag.Diagnostic {
	if end := c.patternEnd(p); end.IsValid() {
		d.End = end
	}
	return d
}

// caseSpan returns the indices of the first and last tokens of case cs of a
// processor or a builder whose entries start at the offsets in others,
// sorted.
// ok is false when the source is unknown or not laid out as the AST says.
func (s *source) caseSpan(cs *ast.Case, others []int) (first, last int, ok bool) {
	first = s.tokenAt(cs.Pos.Offset)
	if first < 0 || !s.is(first, "on") {
		return 0, 0, false
	}
	stop := len(s.src)
	if k, found := slices.BinarySearch(others, cs.Pos.Offset); found && k+1 < len(others) {
		stop = others[k+1]
	} else if !found && k < len(others) {
		stop = others[k]
	}
	depth := 0
	last = first
	for i := s.next(first); i < len(s.toks) && s.toks[i].Start < stop; i = s.next(i) {
		t := s.toks[i]
		if t.Kind == parser.TokenPunct {
			switch s.text(i) {
			case "{", "(", "[":
				depth++
			case "}", ")", "]":
				depth--
			case ";":
				if depth == 0 {
					return first, last, true
				}
			}
		}
		if depth < 0 || depth == 0 && t.Kind == parser.TokenKeyword {
			break
		}
		last = i
	}
	return first, last, depth <= 0
}

// itemOffsets returns where the options and cases of a processor or a
// builder start, sorted.
func itemOffsets(options []*ast.Option, cases []*ast.Case) []int {
	out := make([]int, 0, len(options)+len(cases))
	for _, o := range options {
		out = append(out, o.Pos.Offset)
	}
	for _, cs := range cases {
		out = append(out, cs.Pos.Offset)
	}
	slices.Sort(out)
	return out
}

// procOf returns the processor whose case cs is, nil for none.
func (c *checker) procOf(cs *ast.Case) *ast.ProcessorDecl {
	if c.caseProcs == nil {
		c.caseProcs = map[*ast.Case]*ast.ProcessorDecl{}
		for _, pd := range c.prDecls {
			if pd.decl != nil {
				for _, x := range pd.decl.Cases {
					c.caseProcs[x] = pd.decl
				}
			}
		}
	}
	return c.caseProcs[cs]
}

// caseRange returns d with its end at the end of case cs of a processor.
func (c *checker) caseRange(d diag.Diagnostic, cs *ast.Case) diag.Diagnostic {
	pd := c.procOf(cs)
	s := c.sourceOf(cs.Pos.File)
	if s == nil || pd == nil {
		return d
	}
	if _, last, ok := s.caseSpan(cs, itemOffsets(pd.Options, pd.Cases)); ok {
		d.End = s.endOf(last)
	}
	return d
}

// removeCaseFix returns d with the fix that deletes case cs of a processor:
// its whole lines when nothing else is on them (a comment after it goes
// too), else the case and the white space after it.
func (c *checker) removeCaseFix(d diag.Diagnostic, cs *ast.Case, name string) diag.Diagnostic {
	pd := c.procOf(cs)
	s := c.sourceOf(cs.Pos.File)
	if s == nil || pd == nil {
		return d
	}
	first, last, ok := s.caseSpan(cs, itemOffsets(pd.Options, pd.Cases))
	if !ok {
		return d
	}
	if n := s.next(last); s.is(n, ";") {
		last = n
	}
	start, end := s.toks[first].Start, s.toks[last].End
	src := s.src
	lineStart := start
	for lineStart > 0 && (src[lineStart-1] == ' ' || src[lineStart-1] == '\t') {
		lineStart--
	}
	lineEnd := end
	for lineEnd < len(src) && (src[lineEnd] == ' ' || src[lineEnd] == '\t' || src[lineEnd] == '\r') {
		lineEnd++
	}
	if j := s.tokenAt(lineEnd); j >= 0 && s.toks[j].Kind == parser.TokenComment {
		lineEnd = s.toks[j].End
	}
	if (lineStart == 0 || src[lineStart-1] == '\n') && (lineEnd == len(src) || src[lineEnd] == '\n') {
		// Whole lines.
		if lineEnd < len(src) {
			lineEnd++
		}
		// A blank line before them, with a blank line or the end of the
		// block after them, would leave two blank lines or one before "}".
		if lineStart >= 2 && src[lineStart-1] == '\n' && blankBefore(src, lineStart-1) && blankOrClose(src, lineEnd) {
			lineStart = startOfLine(src, lineStart-1)
		}
		start, end = lineStart, lineEnd
	} else {
		for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
			end++
		}
	}
	return d.WithFix(fmt.Sprintf("Remove case %s", name), diag.Edit{Pos: s.pos(start), End: s.pos(end)})
}

// blankBefore reports whether the line that ends at src[nl] ('\n') holds
// only white space.
func blankBefore(src []byte, nl int) bool {
	for i := nl - 1; i >= 0 && src[i] != '\n'; i-- {
		if src[i] != ' ' && src[i] != '\t' && src[i] != '\r' {
			return false
		}
	}
	return true
}

// startOfLine returns the offset of the start of the line that holds src[i].
func startOfLine(src []byte, i int) int {
	for i > 0 && src[i-1] != '\n' {
		i--
	}
	return i
}

// blankOrClose reports whether the line at off is blank or starts with "}".
func blankOrClose(src []byte, off int) bool {
	for ; off < len(src); off++ {
		switch src[off] {
		case ' ', '\t', '\r':
		case '\n', '}':
			return true
		default:
			return false
		}
	}
	return true
}

// removeAltFix returns d with the fix that deletes alternative k of the
// alternatives alts of one `|`, with the "|" before it (after it for the
// first), when the source is laid out as expected (no parentheses around
// the alternative alone).
func (c *checker) removeAltFix(d diag.Diagnostic, alts []piece, k int) diag.Diagnostic {
	s := c.sourceOf(alts[k].node.PatPos().File)
	if s == nil || len(alts) < 2 {
		return d
	}
	first := s.tokenAt(alts[k].node.PatPos().Offset)
	last := s.lastToken(alts[k].node)
	if first < 0 || last < 0 || !s.balanced(first, last) {
		return d
	}
	if len(alts) == 2 {
		// One alternative left: drop the parentheses around the two, if
		// any (`!= (a | b)` becomes `!= a`).
		o := 1 - k
		of, ol := s.tokenAt(alts[o].node.PatPos().Offset), s.lastToken(alts[o].node)
		lo, hi := min(first, of), max(last, ol)
		if of >= 0 && ol >= 0 && s.is(s.prev(lo), "(") && s.is(s.next(hi), ")") && s.balanced(of, ol) {
			open, closing := s.prev(lo), s.next(hi)
			kept := string(s.src[s.toks[of].Start:s.toks[ol].End])
			return d.WithFix(fmt.Sprintf("Remove alternative %s", patString(alts[k].node)),
				diag.Edit{Pos: s.startOf(open), End: s.endOf(closing), New: kept})
		}
	}
	var from, to ast.Pos
	if k > 0 {
		bar := s.prev(first)
		prevLast := s.lastToken(alts[k-1].node)
		if !s.is(bar, "|") || prevLast < 0 || s.prev(bar) != prevLast {
			return d
		}
		from, to = s.endOf(prevLast), s.endOf(last)
	} else {
		bar := s.next(last)
		nextFirst := s.tokenAt(alts[1].node.PatPos().Offset)
		if !s.is(bar, "|") || nextFirst < 0 || s.next(bar) != nextFirst {
			return d
		}
		from, to = s.startOf(first), s.startOf(nextFirst)
	}
	return d.WithFix(fmt.Sprintf("Remove alternative %s", patString(alts[k].node)), diag.Edit{Pos: from, End: to})
}

// rangeOpFix returns d with the fix that writes range r's operator as op
// (".." or "..<"), when r is written lo..hi or lo..<hi.
func (c *checker) rangeOpFix(d diag.Diagnostic, r *ast.Range, op string) diag.Diagnostic {
	s := c.sourceOf(r.Pos.File)
	if s == nil || r.Lo == nil || r.Hi == nil {
		return d
	}
	i := s.lastToken(r.Lo)
	if i < 0 {
		return d
	}
	j := s.next(i)
	if !s.is(j, "..") && !s.is(j, "..<") || s.text(j) == op {
		return d
	}
	fixed := *r
	fixed.Exclusive = op == "..<"
	return d.WithFix(fmt.Sprintf("Write %s", patString(&fixed)), diag.Edit{Pos: s.startOf(j), End: s.endOf(j), New: op})
}

// withRename returns d with the fix that replaces name, written at pos, with
// the candidate that didYouMean suggests, if any.
func withRename(d diag.Diagnostic, pos ast.Pos, name string, candidates []string) diag.Diagnostic {
	s := suggest.Closest(name, candidates)
	if s == "" || !pos.IsValid() {
		return d
	}
	return d.WithFix(fmt.Sprintf("Replace %s with %s", name, s), diag.Edit{Pos: pos, End: advance(pos, name), New: s})
}

// finishEnds gives every diagnostic without an end the end of the token at
// its position, and drops the fixes whose edits do not lie in the source
// (a file without source keeps its diagnostics without ends or fixes).
func (c *checker) finishEnds() {
	for i := range c.diags {
		d := &c.diags[i]
		s := c.sourceOf(d.Pos.File)
		if s == nil {
			d.Fixes = nil
			continue
		}
		if !d.End.IsValid() && d.Pos.IsValid() {
			d.End = c.nodeEnd(s, d.Pos)
		}
		d.Fixes = slices.DeleteFunc(d.Fixes, func(f diag.Fix) bool {
			for _, e := range f.Edits {
				if e.Pos.File != d.Pos.File || e.End.File != d.Pos.File {
					return true // a fix edits the file of its diagnostic only
				}
			}
			return !editsFit(f.Edits, len(s.src))
		})
		if len(d.Fixes) == 0 {
			d.Fixes = nil
		}
	}
}

// nodeEnd returns the end of what a diagnostic at pos is about: the header
// of a declaration that starts there (up to its name), a case that starts
// there, else the token there. (A guard starts where its first
// operand does: guardRange gives the warnings about a guard its end.)
func (c *checker) nodeEnd(s *source, pos ast.Pos) ast.Pos {
	if c.nodeEnds == nil {
		c.nodeEnds = map[ast.Pos]ast.Pos{}
		for _, f := range c.files {
			if fs := c.sourceOf(f.Name); fs != nil {
				c.addNodeEnds(fs, f)
			}
		}
	}
	if end, ok := c.nodeEnds[pos]; ok {
		return end
	}
	return parser.TokenEnd(s.src, pos)
}

// addNodeEnds records the ends of the declarations, cases and guards of f.
func (c *checker) addNodeEnds(s *source, f *ast.File) {
	header := func(pos ast.Pos, name ast.Ident) {
		if name.Name != "" && pos.Offset < name.Pos.Offset {
			c.nodeEnds[pos] = advance(name.Pos, name.Name)
		}
	}
	cases := func(cs []*ast.Case, others []int) {
		for _, x := range cs {
			if _, last, ok := s.caseSpan(x, others); ok {
				c.nodeEnds[x.Pos] = s.endOf(last)
			}
		}
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.EnumDecl:
			header(d.Pos, d.Name)
		case *ast.EventDecl:
			header(d.Pos, d.Name)
		case *ast.RecordDecl:
			header(d.Pos, d.Name)
		case *ast.ProcessorDecl:
			header(d.Pos, d.Name)
			cases(d.Cases, itemOffsets(d.Options, d.Cases))
		case *ast.BuilderDecl:
			header(d.Pos, d.Name)
			cases(d.Cases, itemOffsets(d.Options, d.Cases))
		}
	}
}

// lastExprToken returns the index of the last token of guard expression e,
// or -1.
func (s *source) lastExprToken(e ast.Expr) int {
	i := s.tokenAt(e.ExprPos().Offset)
	if i < 0 {
		return -1
	}
	switch e := e.(type) {
	case *ast.Binary:
		return s.lastExprToken(e.Y)
	case *ast.Unary:
		return s.lastExprToken(e.X)
	case *ast.Paren:
		return s.closing(i)
	case *ast.Len:
		if j := s.next(i); s.is(j, "(") {
			return s.closing(j)
		}
		return -1
	case *ast.Name, *ast.Literal:
		return i
	}
	return -1
}

// guardRange returns d with its end at the end of guard g.
func (c *checker) guardRange(d diag.Diagnostic, g ast.Expr) diag.Diagnostic {
	if s := c.sourceOf(g.ExprPos().File); s != nil {
		if j := s.lastExprToken(g); j >= 0 {
			d.End = s.endOf(j)
		}
	}
	return d
}

// editsFit reports whether edits is not empty and its edits lie within a
// source of n bytes without overlapping (as diag.Apply wants them).
func editsFit(edits []diag.Edit, n int) bool {
	if len(edits) == 0 {
		return false
	}
	sorted := slices.Clone(edits)
	slices.SortFunc(sorted, func(a, b diag.Edit) int { return a.Pos.Offset - b.Pos.Offset })
	last := 0
	for _, e := range sorted {
		if e.Pos.Offset < last || e.End.Offset < e.Pos.Offset || e.End.Offset > n {
			return false
		}
		last = e.End.Offset
	}
	return true
}
