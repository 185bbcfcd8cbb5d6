package lsp

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/fwgo/fw/dsl"
	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
)

// The notifications that keep the documents in step with the editor. Each
// re-analyzes the package of its file (and only it) and publishes the
// diagnostics that changed.

func (s *server) didOpen(p *didOpenParams) (any, error) {
	path := uriToPath(p.TextDocument.URI)
	if path == "" {
		return nil, fmt.Errorf("not a file: URI: %s", p.TextDocument.URI)
	}
	s.ws.docs[path] = &document{uri: p.TextDocument.URI, path: path, version: p.TextDocument.Version, src: []byte(p.TextDocument.Text)}
	s.refresh(filepath.Dir(path))
	return nil, nil
}

func (s *server) didChange(p *didChangeParams) (any, error) {
	path := uriToPath(p.TextDocument.URI)
	d := s.ws.docs[path]
	if d == nil {
		return nil, fmt.Errorf("change of a document that is not open: %s", p.TextDocument.URI)
	}
	for _, ch := range p.ContentChanges {
		d.src = applyChange(d.src, ch)
	}
	d.version = p.TextDocument.Version
	s.refresh(filepath.Dir(path))
	return nil, nil
}

func (s *server) didClose(p *didCloseParams) (any, error) {
	path := uriToPath(p.TextDocument.URI)
	delete(s.ws.docs, path)
	s.refresh(filepath.Dir(path))
	return nil, nil
}

func (s *server) didSave(p *didSaveParams) (any, error) {
	// The buffer is already the truth; a save changes nothing to analyze.
	return nil, nil
}

func (s *server) didChangeWatchedFiles(p *didChangeWatchedFilesParams) (any, error) {
	dirs := map[string]bool{}
	for _, ch := range p.Changes {
		if path := uriToPath(ch.URI); strings.HasSuffix(path, dsl.Ext) {
			if dir := filepath.Dir(path); s.ws.pkgs[dir] != nil {
				dirs[dir] = true
				if fs := s.ws.pkgs[dir].files[path]; fs != nil {
					// Read it again even if its time and size look the same.
					fs.disk = diskStamp{}
				}
			}
		}
	}
	for dir := range dirs {
		s.refresh(dir)
	}
	return nil, nil
}

// refresh analyzes the package in dir and publishes its diagnostics.
func (s *server) refresh(dir string) {
	st := s.ws.analyze(dir)
	s.publish(st)
}

// publish sends the diagnostics of every file of the package whose list
// changed since it was last sent (an empty list clears a file's).
func (s *server) publish(st *pkgState) {
	byFile := map[string][]Diagnostic{}
	for p := range st.files {
		byFile[p] = []Diagnostic{}
	}
	first := ""
	for p := range st.files {
		if first == "" || p < first {
			first = p
		}
	}
	for _, d := range st.diags {
		p := d.Pos.File
		if st.files[p] == nil {
			// A diagnostic of the package rather than of a file: shown at
			// the top of its first file.
			if first == "" {
				continue
			}
			p = first
		}
		byFile[p] = append(byFile[p], s.ws.lspDiagnostic(st, d))
	}
	for uri := range st.published {
		if _, ok := byFile[uriToPath(uri)]; !ok {
			byFile[uriToPath(uri)] = []Diagnostic{}
		}
	}
	paths := make([]string, 0, len(byFile))
	for p := range byFile {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		uri := s.ws.uriOf(p)
		data, _ := json.Marshal(byFile[p])
		if prev, ok := st.published[uri]; ok && prev == string(data) {
			continue
		}
		if len(byFile[p]) == 0 && st.files[p] == nil {
			delete(st.published, uri)
		} else {
			st.published[uri] = string(data)
		}
		params := publishDiagnosticsParams{URI: uri, Diagnostics: byFile[p]}
		if d := s.ws.docs[p]; d != nil {
			v := d.version
			params.Version = &v
		}
		s.notify("textDocument/publishDiagnostics", params)
	}
}

// textOf returns the current text of a file of the package (nil if unknown).
func (st *pkgState) textOf(path string) *text {
	if fs := st.files[path]; fs != nil {
		return fs.text
	}
	return nil
}

// lspRange returns the range of a diagnostic's position: to its end when the
// diagnostic has one, else over the token it starts at.
func (st *pkgState) lspRange(start, end ast.Pos) Range {
	t := st.textOf(start.File)
	if t == nil || !start.IsValid() {
		return Range{}
	}
	off := t.offsetOfCol(start.Line, start.Col)
	endOff := t.tokenEnd(off)
	if end.IsValid() && (end.File == "" || end.File == start.File) {
		if e := t.offsetOfCol(end.Line, end.Col); e >= off {
			endOff = e
		}
	}
	return Range{Start: t.position(off), End: t.position(endOff)}
}

// lspDiagnostic converts a diagnostic of the checker.
func (ws *workspace) lspDiagnostic(st *pkgState, d diag.Diagnostic) Diagnostic {
	sev := severityError
	if d.Severity == diag.Warning {
		sev = severityWarning
	}
	out := Diagnostic{
		Range:    st.lspRange(d.Pos, diagEnd(d)),
		Severity: sev,
		Code:     d.Rule,
		Source:   "fwgen",
		Message:  d.Message,
	}
	for _, r := range d.Related {
		out.RelatedInformation = append(out.RelatedInformation, DiagnosticRelatedInformation{
			Location: Location{URI: ws.uriOf(r.Pos.File), Range: st.lspRange(r.Pos, ast.Pos{})},
			Message:  r.Message,
		})
	}
	return out
}
