package lsp

import (
	"reflect"
	"strings"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
	"github.com/fwgo/fw/dsl/parser"
)

// An edit to a large file parses again only the declarations whose text
// changed. The file is cut where a top-level declaration starts (a line
// that begins, outside braces, comments and strings, with one of the
// declaration keywords); each piece is parsed on its own, placed where it is
// in the file, and its syntax tree is kept by its text, to be reused, its
// positions moved, when the same text comes back elsewhere in the file. The
// result is the whole parse's: a declaration ends with its "}" or its line
// and the parser never looks past it (the same property that lets the
// parser parse a large file's runs in parallel); when any piece does not
// parse cleanly the file is parsed whole, so that its syntax errors are
// those of `fwgen lint`. TestChunkedParse compares the two.

// chunkMinBytes is the size from which a file is parsed by declarations (a
// variable for tests).
var chunkMinBytes = 2 << 10

// chunk is the parse of one piece of a file, at the place it was parsed.
type chunk struct {
	off, line int // where the piece started: byte offset and 1-based line
	decls     []ast.Decl
	comments  []*ast.Comment
}

// piecesParsed counts the pieces parsed (not reused), for tests.
var piecesParsed int

// declKeywords start top-level declarations.
var declKeywords = []string{"enum ", "event ", "input ", "record ", "processor ", "builder "}

// cutDecls returns the offsets of the lines where top-level declarations
// start, with the 1-based line of each.
func cutDecls(src []byte) (offs, lines []int) {
	depth, line := 0, 1
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\n':
			line++
			if depth == 0 && i+1 < len(src) {
				rest := src[i+1 : min(len(src), i+12)]
				for _, kw := range declKeywords {
					if strings.HasPrefix(string(rest), kw) {
						offs = append(offs, i+1)
						lines = append(lines, line)
						break
					}
				}
			}
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i+1 < len(src) && src[i+1] != '\n' {
				i++
			}
		case c == '"':
			for i+1 < len(src) && src[i+1] != '"' && src[i+1] != '\n' {
				if src[i+1] == '\\' {
					i++
				}
				i++
			}
			i++
		case c == '{':
			depth++
		case c == '}':
			depth = max(0, depth-1)
		}
	}
	return offs, lines
}

// parseChunked parses src as parser.ParseFile does, reusing the pieces of
// cache (the pieces of the file's last parse, by text) and returning the
// pieces of this parse.
func parseChunked(path string, src []byte, cache map[string]*chunk) (*ast.File, diag.List, map[string]*chunk) {
	if len(src) < chunkMinBytes {
		f, d := parser.ParseFile(path, src)
		return f, d, nil
	}
	offs, lines := cutDecls(src)
	if len(offs) < 2 {
		f, d := parser.ParseFile(path, src)
		return f, d, nil
	}
	// The whole parse keeps the cache: the next version may parse by pieces.
	whole := func() (*ast.File, diag.List, map[string]*chunk) {
		f, d := parser.ParseFile(path, src)
		return f, d, cache
	}
	head, diags := parser.ParseFile(path, src[:offs[0]])
	if head == nil || len(diags) > 0 || len(head.Decls) > 0 {
		return whole()
	}
	file := &ast.File{Name: path, Package: head.Package, Comments: head.Comments, Src: src}
	next := make(map[string]*chunk, len(offs))
	for i, off := range offs {
		end := len(src)
		if i+1 < len(offs) {
			end = offs[i+1]
		}
		piece := string(src[off:end])
		ch := cache[piece]
		if ch == nil {
			ch = next[piece] // the same text twice in the file
		}
		var decls []ast.Decl
		var comments []*ast.Comment
		switch {
		case ch == nil:
			if off < len("package x")+lines[i]-1 {
				return whole()
			}
			piecesParsed++
			f, d := parser.ParseFile(path, []byte(placed(off, lines[i], piece)))
			if f == nil || len(d) > 0 || len(f.Decls) != 1 {
				return whole()
			}
			ch = &chunk{off: off, line: lines[i], decls: f.Decls, comments: f.Comments}
			decls, comments = ch.decls, ch.comments
		case ch.off == off && ch.line == lines[i]:
			decls, comments = ch.decls, ch.comments
		default:
			// The same text elsewhere: a copy with its positions moved.
			dOff, dLine := off-ch.off, lines[i]-ch.line
			ch = &chunk{off: off, line: lines[i],
				decls:    shiftCopy(reflect.ValueOf(ch.decls), dOff, dLine).Interface().([]ast.Decl),
				comments: shiftCopy(reflect.ValueOf(ch.comments), dOff, dLine).Interface().([]*ast.Comment)}
			decls, comments = ch.decls, ch.comments
		}
		next[piece] = ch
		file.Decls = append(file.Decls, decls...)
		file.Comments = append(file.Comments, comments...)
	}
	return file, nil, next
}

// placed returns a source in which piece sits at byte offset off and line
// line, column 1, as in its file: a package clause, spaces and newlines
// before it.
func placed(off, line int, piece string) string {
	const clause = "package x"
	var b strings.Builder
	b.Grow(off + len(piece))
	b.WriteString(clause)
	b.WriteString(strings.Repeat(" ", max(0, off-len(clause)-(line-1))))
	b.WriteString(strings.Repeat("\n", line-1))
	b.WriteString(piece)
	return b.String()
}

var posType = reflect.TypeOf(ast.Pos{})

// shiftCopy returns a deep copy of v with every valid ast.Pos in it moved
// by dOff bytes and dLine lines.
func shiftCopy(v reflect.Value, dOff, dLine int) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		out := reflect.New(v.Type().Elem())
		out.Elem().Set(shiftCopy(v.Elem(), dOff, dLine))
		return out
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		out := reflect.New(v.Type()).Elem()
		out.Set(shiftCopy(v.Elem(), dOff, dLine))
		return out
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			out.Index(i).Set(shiftCopy(v.Index(i), dOff, dLine))
		}
		return out
	case reflect.Struct:
		out := reflect.New(v.Type()).Elem()
		if v.Type() == posType {
			p := v.Interface().(ast.Pos)
			if p.IsValid() {
				p.Offset += dOff
				p.Line += dLine
			}
			out.Set(reflect.ValueOf(p))
			return out
		}
		for i := range v.NumField() {
			if out.Field(i).CanSet() {
				out.Field(i).Set(shiftCopy(v.Field(i), dOff, dLine))
			}
		}
		return out
	}
	return v
}
