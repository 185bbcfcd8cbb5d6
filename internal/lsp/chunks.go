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

// wholeWhenNew: a file most of whose pieces are new is parsed whole (off in
// tests, to parse every piece alone).
var wholeWhenNew = true

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
	pieces := make([]string, len(offs))
	misses := 0
	for i, off := range offs {
		end := len(src)
		if i+1 < len(offs) {
			end = offs[i+1]
		}
		pieces[i] = string(src[off:end])
		if cache[pieces[i]] == nil {
			misses++
		}
	}
	if wholeWhenNew && misses > 2 && misses*4 > len(offs) {
		// Mostly new (a file just opened): the whole parse, in parallel for a
		// large file, and its declarations cached as the pieces they are in.
		f, d := parser.ParseFile(path, src)
		if f == nil || len(d) > 0 {
			return f, d, cache
		}
		return f, d, piecesOf(f, pieces, offs, lines)
	}
	head, diags := parser.ParseFile(path, src[:offs[0]])
	if head == nil || len(diags) > 0 || len(head.Decls) > 0 {
		return whole()
	}
	file := &ast.File{Name: path, Package: head.Package, Comments: head.Comments, Src: src}
	next := make(map[string]*chunk, len(offs))
	for i, off := range offs {
		piece := pieces[i]
		ch := cache[piece]
		if ch == nil {
			ch = next[piece] // the same text twice in the file
		}
		switch {
		case ch == nil:
			// Parsed after a package clause, at line 2, then moved to its place.
			piecesParsed++
			f, d := parser.ParseFile(path, []byte(pieceClause+piece))
			if f == nil || len(d) > 0 || len(f.Decls) != 1 {
				return whole()
			}
			ch = moved(&chunk{off: len(pieceClause), line: 2, decls: f.Decls, comments: f.Comments}, off, lines[i])
		case ch.off != off || ch.line != lines[i]:
			// The same text elsewhere: a copy with its positions moved.
			ch = moved(ch, off, lines[i])
		}
		next[piece] = ch
		file.Decls = append(file.Decls, ch.decls...)
		file.Comments = append(file.Comments, ch.comments...)
	}
	return file, nil, next
}

// pieceClause is the package clause before a piece parsed alone.
const pieceClause = "package x\n"

// moved returns ch placed at byte offset off and line line: ch itself if it
// is there, else a copy with its positions moved.
func moved(ch *chunk, off, line int) *chunk {
	dOff, dLine := off-ch.off, line-ch.line
	if dOff == 0 && dLine == 0 {
		return ch
	}
	return &chunk{off: off, line: line,
		decls:    shiftCopy(reflect.ValueOf(ch.decls), dOff, dLine).Interface().([]ast.Decl),
		comments: shiftCopy(reflect.ValueOf(ch.comments), dOff, dLine).Interface().([]*ast.Comment)}
}

// piecesOf cuts the declarations and comments of a whole parse into the
// pieces that hold them; nil if a piece does not hold exactly one
// declaration, starting where the piece starts.
func piecesOf(f *ast.File, pieces []string, offs, lines []int) map[string]*chunk {
	out := make(map[string]*chunk, len(pieces))
	d, c := 0, 0
	for c < len(f.Comments) && f.Comments[c].Pos.Offset < offs[0] {
		c++
	}
	for i, off := range offs {
		end := off + len(pieces[i])
		ch := &chunk{off: off, line: lines[i]}
		for d < len(f.Decls) && declPos(f.Decls[d]).Offset < end {
			ch.decls = append(ch.decls, f.Decls[d])
			d++
		}
		for c < len(f.Comments) && f.Comments[c].Pos.Offset < end {
			ch.comments = append(ch.comments, f.Comments[c])
			c++
		}
		if len(ch.decls) != 1 || declPos(ch.decls[0]).Offset != off {
			return nil
		}
		if _, dup := out[pieces[i]]; !dup {
			out[pieces[i]] = ch
		}
	}
	return out
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
