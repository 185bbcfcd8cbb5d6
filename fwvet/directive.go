package fwvet

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// directives records the lines that a directive silences and reports those
// without a reason.
func (v *vet) directives() {
	for _, f := range v.pass.Files {
		var codeCol map[int]int // line -> smallest column of code on it
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				reason, ok := parseDirective(c.Text)
				if !ok {
					continue
				}
				pos := v.pass.Fset.Position(c.Slash)
				if reason == "" {
					v.pass.Report(analysis.Diagnostic{
						Pos:      c.Slash,
						End:      c.End(),
						Category: CatDirective,
						Message:  Directive + " needs a reason: say why this nondeterminism cannot change what the handler emits",
					})
					continue
				}
				v.supLines[lineKey{pos.Filename, pos.Line}] = true
				if codeCol == nil {
					codeCol = v.codeColumns(f)
				}
				if col, ok := codeCol[pos.Line]; !ok || col > pos.Column {
					// Alone on its line: it speaks for the next one.
					v.supLines[lineKey{pos.Filename, pos.Line + 1}] = true
				}
			}
		}
	}
}

// codeColumns maps each line of f to the column of its first code.
func (v *vet) codeColumns(f *ast.File) map[int]int {
	cols := map[int]int{}
	note := func(p token.Pos) {
		pos := v.pass.Fset.Position(p)
		if c, ok := cols[pos.Line]; !ok || pos.Column < c {
			cols[pos.Line] = pos.Column
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n.(type) {
		case nil, *ast.Comment, *ast.CommentGroup:
			return false
		}
		note(n.Pos())
		note(n.End() - 1)
		return true
	})
	return cols
}

// parseDirective reports whether text is the directive, and its reason.
func parseDirective(text string) (reason string, ok bool) {
	rest, ok := strings.CutPrefix(text, Directive)
	if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return "", false
	}
	if i := strings.Index(rest, "//"); i >= 0 {
		rest = rest[:i] // a comment after the directive is no reason
	}
	return strings.TrimSpace(rest), true
}

func hasDirective(doc *ast.CommentGroup) bool {
	if doc == nil {
		return false
	}
	for _, c := range doc.List {
		if reason, ok := parseDirective(c.Text); ok && reason != "" {
			return true
		}
	}
	return false
}

func (v *vet) silenced(p token.Pos) bool {
	pos := v.pass.Fset.Position(p)
	return v.supLines[lineKey{pos.Filename, pos.Line}]
}
