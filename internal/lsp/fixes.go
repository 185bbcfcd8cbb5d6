package lsp

import (
	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
)

// diagEnd is where a diagnostic ends (exclusive); the zero Pos when the
// checker does not know, and the range then covers the token at its start.
func diagEnd(d diag.Diagnostic) ast.Pos { return d.End }

// codeActions offers the suggested fixes (diag.Fix) of the diagnostics of the
// document that touch the range, one quick fix each, as `fwgen lint -fix`
// would apply them.
func (s *server) codeActions(p *codeActionParams) ([]CodeAction, error) {
	path := uriToPath(p.TextDocument.URI)
	actions := []CodeAction{}
	st := s.ws.pkgOf(path)
	fs := st.current(path)
	if fs == nil {
		return actions, nil
	}
	uri := s.ws.uriOf(path)
	for _, d := range st.diags {
		if d.Pos.File != path || len(d.Fixes) == 0 {
			continue
		}
		ld := s.ws.lspDiagnostic(st, d)
		if !overlaps(ld.Range, p.Range) {
			continue
		}
		for _, f := range d.Fixes {
			edits := make([]TextEdit, 0, len(f.Edits))
			for _, e := range f.Edits {
				edits = append(edits, TextEdit{
					Range:   Range{Start: fs.text.position(e.Pos.Offset), End: fs.text.position(e.End.Offset)},
					NewText: e.New,
				})
			}
			actions = append(actions, CodeAction{
				Title:       f.Message,
				Kind:        "quickfix",
				Diagnostics: []Diagnostic{ld},
				IsPreferred: len(d.Fixes) == 1,
				Edit:        &WorkspaceEdit{Changes: map[string][]TextEdit{uri: edits}},
			})
		}
	}
	return actions, nil
}

// overlaps reports whether two ranges share a position (ends included, so
// that a cursor at either end of a diagnostic gets its fixes).
func overlaps(a, b Range) bool {
	return !before(a.End, b.Start) && !before(b.End, a.Start)
}

func before(p, q Position) bool {
	return p.Line < q.Line || p.Line == q.Line && p.Character < q.Character
}
