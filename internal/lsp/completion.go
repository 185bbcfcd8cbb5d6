package lsp

import (
	"regexp"
	"slices"
	"strings"

	"github.com/fwgo/fw/dsl/ast"
)

// completion proposes the names that fit where the cursor is: an event's
// fields inside its pattern, an enum field's variants after `field:`, events
// after `on`, `->` and in options, targets after `resolve`, `publish`,
// `on built` and `requires`, type names in declarations.
func (s *server) completion(p *textDocumentPositionParams) ([]CompletionItem, error) {
	path := uriToPath(p.TextDocument.URI)
	st := s.ws.pkgOf(path)
	fs := st.current(path)
	items := []CompletionItem{}
	if fs == nil || st.idx() == nil {
		return items, nil
	}
	off := fs.text.offset(p.Position)
	return completeAt(st.idx(), fs.src, off), nil
}

var (
	reOnEvent   = regexp.MustCompile(`(?:^|[;{])\s*on\s+\w*$`)
	reOnBuilt   = regexp.MustCompile(`\bon\s+built\s+\w*$`)
	reTargetKw  = regexp.MustCompile(`\b(?:resolve|publish)\s+\w*$`)
	reArrow     = regexp.MustCompile(`->[^;{}]*$`)
	reEventOpt  = regexp.MustCompile(`(?:^|[;{])\s*(?:exhaustive|failures)\b[\w\s,]*$`)
	reRequires  = regexp.MustCompile(`\brequires\s+[\w\s,]*$`)
	reFieldType = regexp.MustCompile(`(?:^|[;{])\s*\w+\s+(?:\[\]|map\[\w*\]?)*\w*$`)
	reTypeAfter = regexp.MustCompile(`(?:provides\s+\w+\s*:\s*|\w+\s*:\s*)\w*$`)
)

// completeAt returns the proposals at byte offset off of src.
func completeAt(x *index, src []byte, off int) []CompletionItem {
	off = min(off, len(src))
	start := off
	for start > 0 && isWordByte(src[start-1]) {
		start--
	}
	items := []CompletionItem{}
	// The innermost brace still open at the cursor, and what opened it.
	open, kind := openBrace(src, start)
	lineStart := start
	for lineStart > 0 && src[lineStart-1] != '\n' {
		lineStart--
	}
	line := string(src[lineStart:off])
	switch kind {
	case braceEvent, braceRecordPattern:
		owner := patternOwner(x, src, open)
		if owner == "" {
			return items
		}
		if field, ok := valuePosition(src[open+1 : start]); ok {
			if f := x.fieldDecl(owner, field); f != nil && f.Type.Kind == ast.TypeName {
				if e := x.enums[f.Type.Name.Name]; e != nil {
					for _, v := range e.Variants {
						items = append(items, CompletionItem{Label: v.Name, Kind: completionEnumMember, Detail: e.Name.Name})
					}
				}
			}
			return items
		}
		var fs []*ast.FieldDecl
		if e := x.events[owner]; e != nil {
			fs = e.Fields
		} else if r := x.records[owner]; r != nil {
			fs = r.Fields
		}
		for _, f := range fs {
			items = append(items, CompletionItem{Label: f.Name.Name, Kind: completionField, Detail: fieldType(f)})
		}
		return items
	case braceDecl:
		ls := open
		for ls > 0 && src[ls-1] != '\n' {
			ls--
		}
		if head := strings.Fields(string(src[ls:open])); len(head) > 0 && (head[0] == "event" || head[0] == "input" || head[0] == "record") {
			// An event's or record's fields: a type after the name.
			if reFieldType.MatchString(line) {
				return typeItems(x)
			}
			return items
		}
		if reOnBuilt.MatchString(line) || reTargetKw.MatchString(line) {
			return targetItems(x)
		}
		if reArrow.MatchString(line) {
			items = eventItems(x)
			for _, kw := range []string{"resolve", "publish"} {
				items = append(items, CompletionItem{Label: kw, Kind: completionKeyword})
			}
			return items
		}
		if reOnEvent.MatchString(line) {
			items = eventItems(x)
			for _, kw := range []string{"init", "phase", "terminate", "built", "_"} {
				items = append(items, CompletionItem{Label: kw, Kind: completionKeyword})
			}
			return items
		}
		if reEventOpt.MatchString(line) {
			return eventItems(x)
		}
		return items
	}
	// At the top level.
	switch {
	case reRequires.MatchString(line):
		return append(targetItems(x), eventItems(x)...)
	case reTypeAfter.MatchString(line):
		return typeItems(x)
	}
	return items
}

type braceKind int

const (
	braceNone          braceKind = iota
	braceDecl                    // the body of a declaration
	braceEvent                   // an event pattern: on Event{
	braceRecordPattern           // a record field's pattern: field: {
)

// openBrace finds the innermost '{' still open at off (outside comments and
// strings of the lines scanned) and what kind of brace it is.
func openBrace(src []byte, off int) (int, braceKind) {
	depth := 0
	for i := off - 1; i >= 0; i-- {
		switch src[i] {
		case '}':
			depth++
		case '{':
			if depth > 0 {
				depth--
				continue
			}
			j := i
			for j > 0 && (src[j-1] == ' ' || src[j-1] == '\t') {
				j--
			}
			switch {
			case j > 0 && src[j-1] == ':':
				return i, braceRecordPattern
			case j > 0 && isWordByte(src[j-1]):
				k := j
				for k > 0 && isWordByte(src[k-1]) {
					k--
				}
				before := strings.TrimRight(string(src[max(0, k-16):k]), " \t")
				if strings.HasSuffix(before, "on") && isDeclWord(src, k) {
					return i, braceEvent
				}
			}
			return i, braceDecl
		}
	}
	return -1, braceNone
}

// isDeclWord reports whether the word before the name at k is `on` as a word.
func isDeclWord(src []byte, k int) bool {
	j := k
	for j > 0 && (src[j-1] == ' ' || src[j-1] == '\t') {
		j--
	}
	return j >= 2 && string(src[j-2:j]) == "on" && (j == 2 || !isWordByte(src[j-3]))
}

// patternOwner returns the event or record whose fields the pattern whose
// brace is at open matches.
func patternOwner(x *index, src []byte, open int) string {
	j := open
	for j > 0 && (src[j-1] == ' ' || src[j-1] == '\t') {
		j--
	}
	if j > 0 && src[j-1] == ':' {
		// field: { — the record type of the field, in the enclosing pattern.
		k := j - 1
		for k > 0 && (src[k-1] == ' ' || src[k-1] == '\t') {
			k--
		}
		e := k
		for k > 0 && isWordByte(src[k-1]) {
			k--
		}
		field := string(src[k:e])
		outer, kind := openBrace(src, k)
		if kind != braceEvent && kind != braceRecordPattern {
			return ""
		}
		owner := patternOwner(x, src, outer)
		if f := x.fieldDecl(owner, field); f != nil && f.Type.Kind == ast.TypeName && x.records[f.Type.Name.Name] != nil {
			return f.Type.Name.Name
		}
		return ""
	}
	k := j
	for k > 0 && isWordByte(src[k-1]) {
		k--
	}
	return string(src[k:j])
}

// valuePosition reports whether the cursor, after the pattern text in (from
// the brace to the cursor's word), is where a value goes, and of which field.
func valuePosition(in []byte) (string, bool) {
	// The current entry: after the last ',' or ';' outside nested braces.
	depth, from := 0, 0
	for i := len(in) - 1; i >= 0; i-- {
		c := in[i]
		if c == '}' {
			depth++
		} else if c == '{' {
			depth--
		} else if depth == 0 && (c == ',' || c == ';') {
			from = i + 1
			break
		}
	}
	entry := string(in[from:])
	field, _, ok := strings.Cut(entry, ":")
	if !ok {
		return "", false
	}
	return strings.TrimSpace(field), true
}

func eventItems(x *index) []CompletionItem {
	var items []CompletionItem
	for _, name := range sortedKeys(x.events) {
		items = append(items, CompletionItem{Label: name, Kind: completionEvent, Detail: "event"})
	}
	return items
}

func targetItems(x *index) []CompletionItem {
	var items []CompletionItem
	for _, name := range sortedKeys(x.targets) {
		items = append(items, CompletionItem{Label: name, Kind: completionReference, Detail: "target"})
	}
	return items
}

// builtinTypes are the field types every package has.
var builtinTypes = []string{"string", "int", "float", "bool", "bytes", "time", "duration"}

func typeItems(x *index) []CompletionItem {
	var items []CompletionItem
	for _, t := range builtinTypes {
		items = append(items, CompletionItem{Label: t, Kind: completionKeyword, Detail: "type"})
	}
	for _, name := range sortedKeys(x.enums) {
		items = append(items, CompletionItem{Label: name, Kind: completionEnum, Detail: "enum"})
	}
	for _, name := range sortedKeys(x.records) {
		items = append(items, CompletionItem{Label: name, Kind: completionStruct, Detail: "record"})
	}
	for _, name := range sortedKeys(x.events) {
		items = append(items, CompletionItem{Label: name, Kind: completionEvent, Detail: "event"})
	}
	return items
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
