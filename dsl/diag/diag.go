// Package diag holds the diagnostics that the parser and checker report:
// `file:line:col: severity: message [rule]`, with related positions.
package diag

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/fwgo/fw/dsl/ast"
)

// Severity of a diagnostic.
type Severity int

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// MarshalText makes Severity print as "error" or "warning" in JSON.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Related is a secondary position that explains a diagnostic.
type Related struct {
	Pos     ast.Pos `json:"-"`
	Message string  `json:"message"`
}

// Diagnostic is one finding. Pos..End is the range of source it is about:
// Pos its first byte, End just past its last (exclusive), both with File,
// Offset, Line and Col filled in. End is the zero Pos when the end is unknown;
// a client then takes the range as Pos alone (see Range).
type Diagnostic struct {
	Pos      ast.Pos
	End      ast.Pos
	Severity Severity
	Message  string
	Rule     string // kebab-case rule name, e.g. "unknown-event"
	Related  []Related
	// Fixes are the suggested fixes, each a complete alternative (apply one
	// of them, never two): as the SuggestedFixes of golang.org/x/tools'
	// go/analysis. Nil when the diagnostic has none.
	Fixes []Fix
}

// Fix is one suggested fix: a message for a menu ("Replace Ordr with
// Order") and the text edits that make it, all in the file of the
// diagnostic, none overlapping another.
type Fix struct {
	Message string
	Edits   []Edit
}

// Edit replaces the bytes of source in [Pos.Offset, End.Offset) with New:
// an insertion when End == Pos, a deletion when New is "". Edits apply by
// byte offset (Pos.Offset, End.Offset); Line and Col are filled in as well
// (1-based, Col counting runes), for clients that address by line.
type Edit struct {
	Pos, End ast.Pos
	New      string
}

// Range returns the start and the exclusive end of what d is about; the end
// is Pos when End is unknown.
func (d Diagnostic) Range() (start, end ast.Pos) {
	if !d.End.IsValid() {
		return d.Pos, d.Pos
	}
	return d.Pos, d.End
}

// WithEnd returns d with its end position set.
func (d Diagnostic) WithEnd(end ast.Pos) Diagnostic {
	d.End = end
	return d
}

// WithFix returns d with a suggested fix appended.
func (d Diagnostic) WithFix(message string, edits ...Edit) Diagnostic {
	d.Fixes = append(slices.Clip(d.Fixes), Fix{Message: message, Edits: edits})
	return d
}

// String formats the first line: file:line:col: severity: message [rule].
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s [%s]", d.Pos, d.Severity, d.Message, d.Rule)
}

// Format writes the diagnostic and its related positions, one per line.
func (d Diagnostic) Format() string {
	var b strings.Builder
	b.WriteString(d.String())
	for _, r := range d.Related {
		fmt.Fprintf(&b, "\n\t%s: %s", r.Pos, r.Message)
	}
	return b.String()
}

// Errorf builds an error diagnostic.
func Errorf(pos ast.Pos, rule, format string, args ...any) Diagnostic {
	return Diagnostic{Pos: pos, Severity: Error, Rule: rule, Message: fmt.Sprintf(format, args...)}
}

// Warningf builds a warning diagnostic.
func Warningf(pos ast.Pos, rule, format string, args ...any) Diagnostic {
	return Diagnostic{Pos: pos, Severity: Warning, Rule: rule, Message: fmt.Sprintf(format, args...)}
}

// With returns d with a related position appended.
func (d Diagnostic) With(pos ast.Pos, format string, args ...any) Diagnostic {
	d.Related = append(slices.Clip(d.Related), Related{Pos: pos, Message: fmt.Sprintf(format, args...)})
	return d
}

// List is a set of diagnostics.
type List []Diagnostic

// Sort orders by position, then severity, rule and message, and drops exact duplicates.
func (l List) Sort() List {
	slices.SortStableFunc(l, func(a, b Diagnostic) int {
		switch {
		case a.Pos.Before(b.Pos):
			return -1
		case b.Pos.Before(a.Pos):
			return 1
		}
		if a.Severity != b.Severity {
			return int(a.Severity) - int(b.Severity)
		}
		if c := strings.Compare(a.Rule, b.Rule); c != 0 {
			return c
		}
		return strings.Compare(a.Message, b.Message)
	})
	return slices.CompactFunc(l, func(a, b Diagnostic) bool { return a.Format() == b.Format() })
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	return slices.ContainsFunc(l, func(d Diagnostic) bool { return d.Severity == Error })
}

// Text renders the list as text, one diagnostic (with its related lines) per entry.
func (l List) Text() string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.Format())
		b.WriteByte('\n')
	}
	return b.String()
}

type jsonPos struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"col"`
}

// jsonEnd is an end position (exclusive), or an edit's start, in the file of
// its diagnostic.
type jsonEnd struct {
	Line   int `json:"line"`
	Col    int `json:"col"`
	Offset int `json:"offset"`
}

type jsonRelated struct {
	jsonPos
	Message string `json:"message"`
}

type jsonEdit struct {
	Pos jsonEnd `json:"pos"`
	End jsonEnd `json:"end"`
	New string  `json:"new"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonDiag struct {
	jsonPos
	Offset   int           `json:"offset"`
	End      *jsonEnd      `json:"end,omitempty"`
	Severity Severity      `json:"severity"`
	Rule     string        `json:"rule"`
	Message  string        `json:"message"`
	Related  []jsonRelated `json:"related,omitempty"`
	Fixes    []jsonFix     `json:"fixes,omitempty"`
}

func toJSONPos(p ast.Pos) jsonPos { return jsonPos{File: p.File, Line: p.Line, Col: p.Col} }

func toJSONEnd(p ast.Pos) jsonEnd { return jsonEnd{Line: p.Line, Col: p.Col, Offset: p.Offset} }

// JSON renders the list as a JSON array (an empty list is `[]`). Each
// diagnostic has its file, line, col and byte offset, "end" (line, col and
// offset just past the range; left out when unknown), and "fixes" (left out
// when none), each with its message and its edits: "pos" and "end" (line,
// col, offset) in the diagnostic's file, and the "new" text.
func (l List) JSON() ([]byte, error) {
	out := make([]jsonDiag, 0, len(l))
	for _, d := range l {
		jd := jsonDiag{jsonPos: toJSONPos(d.Pos), Offset: d.Pos.Offset, Severity: d.Severity, Rule: d.Rule, Message: d.Message}
		if d.End.IsValid() {
			e := toJSONEnd(d.End)
			jd.End = &e
		}
		for _, r := range d.Related {
			jd.Related = append(jd.Related, jsonRelated{jsonPos: toJSONPos(r.Pos), Message: r.Message})
		}
		for _, f := range d.Fixes {
			jf := jsonFix{Message: f.Message, Edits: []jsonEdit{}}
			for _, e := range f.Edits {
				jf.Edits = append(jf.Edits, jsonEdit{Pos: toJSONEnd(e.Pos), End: toJSONEnd(e.End), New: e.New})
			}
			jd.Fixes = append(jd.Fixes, jf)
		}
		out = append(out, jd)
	}
	// Messages quote patterns (`0..<10`): no HTML escapes.
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// Apply returns src with edits applied (by byte offset). The edits may come
// in any order; they must lie within src and not overlap (two insertions at
// one offset apply in the order given).
func Apply(src []byte, edits []Edit) ([]byte, error) {
	sorted := slices.Clone(edits)
	slices.SortStableFunc(sorted, func(a, b Edit) int {
		if a.Pos.Offset != b.Pos.Offset {
			return a.Pos.Offset - b.Pos.Offset
		}
		return a.End.Offset - b.End.Offset
	})
	var out []byte
	last := 0
	for _, e := range sorted {
		if e.Pos.Offset < last || e.End.Offset < e.Pos.Offset || e.End.Offset > len(src) {
			return nil, fmt.Errorf("%s: edit [%d,%d) overlaps another or lies outside the file (%d bytes)", e.Pos, e.Pos.Offset, e.End.Offset, len(src))
		}
		out = append(out, src[last:e.Pos.Offset]...)
		out = append(out, e.New...)
		last = e.End.Offset
	}
	return append(out, src[last:]...), nil
}
