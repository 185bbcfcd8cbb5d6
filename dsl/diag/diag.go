// Package diag holds the diagnostics that the parser and checker report:
// `file:line:col: severity: message [rule]`, with related positions.
package diag

import (
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

// Diagnostic is one finding.
type Diagnostic struct {
	Pos      ast.Pos
	Severity Severity
	Message  string
	Rule     string // kebab-case rule name, e.g. "unknown-event"
	Related  []Related
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

type jsonRelated struct {
	jsonPos
	Message string `json:"message"`
}

type jsonDiag struct {
	jsonPos
	Severity Severity      `json:"severity"`
	Rule     string        `json:"rule"`
	Message  string        `json:"message"`
	Related  []jsonRelated `json:"related,omitempty"`
}

func toJSONPos(p ast.Pos) jsonPos { return jsonPos{File: p.File, Line: p.Line, Col: p.Col} }

// JSON renders the list as a JSON array (an empty list is `[]`).
func (l List) JSON() ([]byte, error) {
	out := make([]jsonDiag, 0, len(l))
	for _, d := range l {
		jd := jsonDiag{jsonPos: toJSONPos(d.Pos), Severity: d.Severity, Rule: d.Rule, Message: d.Message}
		for _, r := range d.Related {
			jd.Related = append(jd.Related, jsonRelated{jsonPos: toJSONPos(r.Pos), Message: r.Message})
		}
		out = append(out, jd)
	}
	return json.MarshalIndent(out, "", "  ")
}
