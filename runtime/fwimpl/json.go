package fwimpl

import (
	"encoding"
	"encoding/base64"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"time"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"github.com/fwgo/fw/internal/suggest"
	"github.com/fwgo/fw/runtime/fw"
)

// The JSON form of an event is one object: the member "event" names its type,
// and every other member is one of its fields, by the field's JSON name (its
// .fw name, but "@event" for a field named event, which "event" cannot be).
// Decoding is strict, beyond encoding/json's: the text must be one JSON
// object (RFC 8259), strings must be valid UTF-8 with no unpaired surrogate
// escape, member names are matched exactly (case-sensitively), a member may
// appear only once, every field must be present (but optional ones), no
// other member may, and each value must be of its field's type (see
// jsonKind), at any depth (json_values.go). The line is read once: a scan
// that checks the syntax and notes where each member's name and value are,
// then a conversion of each value into the field, through its offset. A
// member's array or object is only skipped by the scan (its brackets and
// strings matched) and checked as its field's decoding reads it; any error
// checks the skipped values first (uncheckedSyntax), so that a syntax error
// is reported as one, as if the scan had checked everything.

// jsonKind is the type of a field, as JSON reads it.
type jsonKind uint8

const (
	jsonString   jsonKind = iota // a string
	jsonBytes                    // a base64 string (standard encoding, padded)
	jsonInt                      // an integer, no fraction or exponent, in int64
	jsonFloat                    // a number, finite in float64
	jsonBool                     // true or false
	jsonEnum                     // a variant's name, as a string
	jsonTime                     // an RFC 3339 string (time.RFC3339Nano), decoded in UTC
	jsonDuration                 // a Go duration string (time.ParseDuration, Duration.String)
	jsonList                     // an array (a slice)
	jsonMap                      // an object (a map with string or int64 keys; int keys in decimal)
	jsonRecord                   // an object (a struct), as strict as an event's
	jsonOptional                 // a pointer: null (or, for a field, no member) is nil
)

var kindNames = [...]string{jsonString: "a string", jsonBytes: "a base64 string", jsonInt: "an int", jsonFloat: "a float", jsonBool: "a bool", jsonEnum: "a string",
	jsonTime: "a time string", jsonDuration: "a duration string", jsonList: "an array", jsonMap: "an object", jsonRecord: "an object"}

// jsonType is the JSON form of a Go type that a .fw type generates.
type jsonType struct {
	kind   jsonKind
	enum   string       // jsonEnum: the enum's name
	vars   []string     // jsonEnum: the variants' names, by value
	elem   *jsonType    // jsonList, jsonMap: the items' or values' type; jsonOptional: the pointed-to type
	intKey bool         // jsonMap: the keys are int64
	rec    *jsonFields  // jsonRecord: the struct's fields
	rtype  reflect.Type // the Go type (of the slice, the map, the struct, the pointer, ...)
}

// composite reports whether values of t are decoded by jsonValues rather
// than from a scanned member (jsonType.set).
func (t *jsonType) composite() bool { return t.kind >= jsonList }

// jsonField is one field of an event type or record.
type jsonField struct {
	name   string // the member's name
	offset uintptr
	jsonType
}

// jsonFields is the JSON form of an event type or record.
type jsonFields struct {
	fields    []jsonField
	index     map[string]int // by member name
	composite bool           // some field is a list, map, record, optional, time or duration
}

var (
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
	timeType      = reflect.TypeFor[time.Time]()
	durationType  = reflect.TypeFor[time.Duration]()
)

// jsonFieldsOf describes the struct type t, whose fields have their member
// names in json tags. It panics on a field of a type no .fw type generates.
func jsonFieldsOf(t reflect.Type) *jsonFields {
	return (&jsonBuilder{recs: map[reflect.Type]*jsonFields{}}).fields(t)
}

// jsonBuilder builds the jsonTypes of an event type, each record's once (a
// record may contain itself through a list, map or optional field).
type jsonBuilder struct {
	recs map[reflect.Type]*jsonFields
}

func (b *jsonBuilder) fields(t reflect.Type) *jsonFields {
	if fs, ok := b.recs[t]; ok {
		return fs
	}
	fs := &jsonFields{index: map[string]int{}}
	b.recs[t] = fs
	for i := range t.NumField() {
		sf := t.Field(i)
		f := jsonField{name: sf.Tag.Get("json"), offset: sf.Offset}
		if f.name == "" {
			panic(fmt.Sprintf("fwimpl: field %s of %s has no json tag", sf.Name, t))
		}
		jt := b.typ(sf.Type)
		if jt == nil {
			panic(fmt.Sprintf("fwimpl: field %s of %s: type %s has no JSON form", sf.Name, t, sf.Type))
		}
		f.jsonType = *jt
		if jt.kind >= jsonTime {
			fs.composite = true
		}
		fs.index[f.name] = len(fs.fields)
		fs.fields = append(fs.fields, f)
	}
	return fs
}

// typ returns the jsonType of ft, nil if no .fw type generates it.
func (b *jsonBuilder) typ(ft reflect.Type) *jsonType {
	jt := &jsonType{rtype: ft}
	switch {
	case ft == timeType:
		jt.kind = jsonTime
	case ft == durationType:
		jt.kind = jsonDuration
	case ft.Kind() == reflect.Uint32 && ft.Implements(textMarshaler):
		// A generated enum: its variants are the values 0, 1, ... that
		// MarshalText accepts.
		jt.kind, jt.enum = jsonEnum, ft.Name()
		for n := uint64(0); ; n++ {
			v := reflect.New(ft).Elem()
			v.SetUint(n)
			text, err := v.Interface().(encoding.TextMarshaler).MarshalText()
			if err != nil {
				break
			}
			jt.vars = append(jt.vars, string(text))
		}
	case ft.Kind() == reflect.String:
		jt.kind = jsonString
	case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Uint8:
		jt.kind = jsonBytes
	case ft.Kind() == reflect.Int64:
		jt.kind = jsonInt
	case ft.Kind() == reflect.Float64:
		jt.kind = jsonFloat
	case ft.Kind() == reflect.Bool:
		jt.kind = jsonBool
	case ft.Kind() == reflect.Slice:
		jt.kind, jt.elem = jsonList, b.typ(ft.Elem())
		if jt.elem == nil {
			return nil
		}
	case ft.Kind() == reflect.Map && (ft.Key().Kind() == reflect.String || ft.Key().Kind() == reflect.Int64):
		jt.kind, jt.elem, jt.intKey = jsonMap, b.typ(ft.Elem()), ft.Key().Kind() == reflect.Int64
		if jt.elem == nil {
			return nil
		}
	case ft.Kind() == reflect.Pointer:
		jt.kind, jt.elem = jsonOptional, b.typ(ft.Elem())
		if jt.elem == nil || jt.elem.kind == jsonOptional {
			return nil
		}
	case ft.Kind() == reflect.Struct:
		jt.kind, jt.rec = jsonRecord, b.fields(ft)
	default:
		return nil
	}
	return jt
}

// member is one member of a scanned object: where its name and value are.
type member struct {
	key      []byte // the name, unescaped (it may share data's memory)
	keyAt    int    // offset of the name's opening quote
	at, end  int    // the value's bytes: data[at:end]
	kind     byte   // the value's first byte: '"', '-' or a digit, 't', 'f', 'n', '{', '['
	escaped  bool   // a string with escapes
	badAt    int    // a string: offset of its first invalid UTF-8 byte or bad escape, or -1
	badUTF16 bool   // the bad thing at badAt is an unpaired surrogate escape
}

// maxJSONDepth bounds the nesting of arrays and objects (encoding/json's limit).
const maxJSONDepth = 10000

type jsonSyntaxError struct {
	msg string
	off int
}

func (e *jsonSyntaxError) Error() string {
	return fmt.Sprintf("%s at column %d", e.msg, e.off+1)
}

// scanner checks the syntax of one JSON text and notes the members of the
// object it must be.
type scanner struct {
	data []byte
	i    int
	full bool // scan members' arrays and objects in full, never skip them
}

func (s *scanner) fail(msg string) error { return &jsonSyntaxError{msg, s.i} }

func (s *scanner) unexpected(context string) error {
	if s.i >= len(s.data) {
		return &jsonSyntaxError{"unexpected end of JSON input", s.i}
	}
	return s.fail(fmt.Sprintf("invalid character %s %s", quoteChar(s.data[s.i]), context))
}

func quoteChar(c byte) string {
	switch {
	case c == '\'':
		return `'\''`
	case c == '"':
		return `'"'`
	case c < 0x20 || c == 0x7f:
		return fmt.Sprintf("%q", rune(c))
	case c >= 0x80: // a byte of UTF-8 or not: the byte
		return fmt.Sprintf(`'\x%02x'`, c)
	}
	return "'" + string(c) + "'"
}

func (s *scanner) ws() {
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// object scans the whole of data, which must be one object, and appends its
// members to ms.
func (s *scanner) object(ms []member) ([]member, error) {
	s.ws()
	if s.i >= len(s.data) || s.data[s.i] != '{' {
		if s.i < len(s.data) && (s.data[s.i] == '[' || s.data[s.i] == '"' || s.data[s.i] == 't' || s.data[s.i] == 'f' || s.data[s.i] == 'n' || s.data[s.i] == '-' || '0' <= s.data[s.i] && s.data[s.i] <= '9') {
			return ms, s.fail("not a JSON object")
		}
		return ms, s.unexpected("looking for beginning of value")
	}
	s.i++
	s.ws()
	if s.i < len(s.data) && s.data[s.i] == '}' {
		s.i++
	} else {
		for {
			s.ws()
			if s.i >= len(s.data) || s.data[s.i] != '"' {
				return ms, s.unexpected("looking for beginning of object key string")
			}
			m := member{keyAt: s.i}
			esc, bad, _, err := s.str()
			if err != nil {
				return ms, err
			}
			if bad >= 0 {
				return ms, &jsonSyntaxError{"invalid UTF-8 or unpaired surrogate in a member name", bad}
			}
			m.key = s.data[m.keyAt+1 : s.i-1]
			if esc {
				m.key = unescape(nil, m.key)
			}
			s.ws()
			if s.i >= len(s.data) || s.data[s.i] != ':' {
				return ms, s.unexpected("after object key")
			}
			s.i++
			s.ws()
			m.at = s.i
			if s.i < len(s.data) {
				m.kind = s.data[s.i]
			}
			if m.kind == '"' {
				m.escaped, m.badAt, m.badUTF16, err = s.str()
			} else {
				m.badAt = -1
				err = s.value(0)
			}
			if err != nil {
				return ms, err
			}
			m.end = s.i
			ms = append(ms, m)
			s.ws()
			if s.i < len(s.data) && s.data[s.i] == ',' {
				s.i++
				continue
			}
			if s.i < len(s.data) && s.data[s.i] == '}' {
				s.i++
				break
			}
			return ms, s.unexpected("after object key:value pair")
		}
	}
	s.ws()
	if s.i < len(s.data) {
		return ms, s.unexpected("after top-level value")
	}
	return ms, nil
}

// skip moves s.i past the array or object at s.i, matching its brackets and
// skipping its strings, but checking nothing else; it reports false (s.i
// anywhere) when it cannot: brackets that do not match, nesting beyond 64,
// the end of the data. Its caller then scans the value in full (value).
func (s *scanner) skip() bool {
	var stack uint64 // bit 0: the innermost level is an object
	depth := 0
	for s.i < len(s.data) {
		switch c := s.data[s.i]; c {
		case '"':
			s.i++
			for {
				for s.i < len(s.data) && strByte[s.data[s.i]] {
					s.i++
				}
				if s.i >= len(s.data) {
					return false
				}
				if s.data[s.i] == '"' {
					break
				}
				s.i += 2 // a backslash and the byte it escapes
			}
		case '{', '[':
			if depth == 64 {
				return false
			}
			stack <<= 1
			if c == '{' {
				stack |= 1
			}
			depth++
		case '}', ']':
			if depth == 0 || (stack&1 == 1) != (c == '}') {
				return false
			}
			stack >>= 1
			if depth--; depth == 0 {
				s.i++
				return true
			}
		}
		s.i++
	}
	return false
}

// strByte is true for the bytes of a string's body that skip passes over:
// all but '"' and '\\'.
var strByte = func() (t [256]bool) {
	for c := range t {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// uncheckedSyntax returns the first syntax error in the arrays and objects
// that the scan of the object may have skipped (see value), else err. Every
// error of a decoding goes through it, so that a line with a syntax error is
// reported as such, where it is, as if the scan had checked every value.
func uncheckedSyntax(data []byte, ms []member, err error) error {
	for i := range ms {
		if ms[i].kind == '{' || ms[i].kind == '[' {
			s := scanner{data: data, i: ms[i].at, full: true}
			if serr := s.value(0); serr != nil {
				return serr
			}
		}
	}
	return err
}

// value scans any value at s.i.
func (s *scanner) value(depth int) error {
	if s.i >= len(s.data) {
		return s.unexpected("")
	}
	switch c := s.data[s.i]; {
	case c == '"':
		_, _, _, err := s.str()
		return err
	case c == '-' || '0' <= c && c <= '9':
		return s.number()
	case c == 't':
		return s.lit("true")
	case c == 'f':
		return s.lit("false")
	case c == 'n':
		return s.lit("null")
	case c == '{' || c == '[':
		if depth == 0 && !s.full {
			// A member's array or object: its brackets and strings are
			// matched, the rest of its syntax is left to the decoding of its
			// field (or, on any error, to uncheckedSyntax), so that it is
			// scanned once. If the skip cannot, the value is scanned in full.
			at := s.i
			if s.skip() {
				return nil
			}
			s.i = at
		}
		if depth >= maxJSONDepth {
			return s.fail("exceeded max depth")
		}
		close := byte('}')
		if c == '[' {
			close = ']'
		}
		s.i++
		s.ws()
		if s.i < len(s.data) && s.data[s.i] == close {
			s.i++
			return nil
		}
		for {
			s.ws()
			if c == '{' {
				if s.i >= len(s.data) || s.data[s.i] != '"' {
					return s.unexpected("looking for beginning of object key string")
				}
				if _, _, _, err := s.str(); err != nil {
					return err
				}
				s.ws()
				if s.i >= len(s.data) || s.data[s.i] != ':' {
					return s.unexpected("after object key")
				}
				s.i++
				s.ws()
			}
			if err := s.value(depth + 1); err != nil {
				return err
			}
			s.ws()
			if s.i < len(s.data) && s.data[s.i] == ',' {
				s.i++
				continue
			}
			if s.i < len(s.data) && s.data[s.i] == close {
				s.i++
				return nil
			}
			if c == '{' {
				return s.unexpected("after object key:value pair")
			}
			return s.unexpected("after array element")
		}
	}
	return s.unexpected("looking for beginning of value")
}

func (s *scanner) lit(word string) error {
	for k := range len(word) {
		if s.i >= len(s.data) || s.data[s.i] != word[k] {
			return s.unexpected("in literal " + word + " (expecting " + quoteChar(word[k]) + ")")
		}
		s.i++
	}
	return nil
}

func (s *scanner) digits() int {
	n := 0
	for s.i < len(s.data) && '0' <= s.data[s.i] && s.data[s.i] <= '9' {
		s.i++
		n++
	}
	return n
}

// number scans a number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *scanner) number() error {
	if s.data[s.i] == '-' {
		s.i++
	}
	switch {
	case s.i < len(s.data) && s.data[s.i] == '0':
		s.i++
	case s.digits() == 0:
		return s.unexpected("in numeric literal")
	}
	if s.i < len(s.data) && s.data[s.i] == '.' {
		s.i++
		if s.digits() == 0 {
			return s.unexpected("after decimal point in numeric literal")
		}
	}
	if s.i < len(s.data) && (s.data[s.i] == 'e' || s.data[s.i] == 'E') {
		s.i++
		if s.i < len(s.data) && (s.data[s.i] == '+' || s.data[s.i] == '-') {
			s.i++
		}
		if s.digits() == 0 {
			return s.unexpected("in exponent of numeric literal")
		}
	}
	return nil
}

// str scans a string at s.i (at its opening quote). It reports whether the
// string has escapes, and the offset of its first invalid UTF-8 byte or
// unpaired surrogate escape (-1 if none: that is not a syntax error, for the
// caller to report it with the member).
func (s *scanner) str() (escaped bool, badAt int, badUTF16 bool, err error) {
	badAt = -1
	s.i++
	for s.i < len(s.data) {
		// The common bytes (printable ASCII but a quote or backslash), in a
		// tight loop.
		for s.i < len(s.data) && plainByte[s.data[s.i]] {
			s.i++
		}
		if s.i >= len(s.data) {
			break
		}
		c := s.data[s.i]
		switch {
		case c == '"':
			s.i++
			return escaped, badAt, badUTF16, nil
		case c == '\\':
			escaped = true
			at := s.i
			s.i++
			if s.i >= len(s.data) {
				return escaped, badAt, badUTF16, s.unexpected("")
			}
			switch s.data[s.i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				s.i++
			case 'u':
				s.i++
				r, ok := s.hex4()
				if !ok {
					return escaped, badAt, badUTF16, s.unexpected("in \\u hexadecimal character escape")
				}
				if utf16.IsSurrogate(r) {
					paired := false
					if r < 0xdc00 && s.i+1 < len(s.data) && s.data[s.i] == '\\' && s.data[s.i+1] == 'u' {
						save := s.i
						s.i += 2
						if r2, ok := s.hex4(); ok && 0xdc00 <= r2 && r2 < 0xe000 {
							paired = true
						} else {
							s.i = save
						}
					}
					if !paired && badAt < 0 {
						badAt, badUTF16 = at, true
					}
				}
			default:
				return escaped, badAt, badUTF16, s.unexpected("in string escape code")
			}
		case c < 0x20:
			return escaped, badAt, badUTF16, s.unexpected("in string literal")
		case c < utf8.RuneSelf:
			s.i++
		default:
			r, size := utf8.DecodeRune(s.data[s.i:])
			if r == utf8.RuneError && size == 1 && badAt < 0 {
				badAt = s.i
			}
			s.i += size
		}
	}
	return escaped, badAt, badUTF16, s.unexpected("")
}

// plainByte is true for the bytes that stand for themselves in a string:
// printable ASCII but '"' and '\\'.
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// hex4 reads the 4 hex digits of a \u escape.
func (s *scanner) hex4() (rune, bool) {
	if len(s.data)-s.i < 4 {
		for s.i < len(s.data) && isHex(s.data[s.i]) {
			s.i++
		}
		return 0, false
	}
	var r rune
	for range 4 {
		c := s.data[s.i]
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
		s.i++
	}
	return r, true
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

// unescape appends the text of the string body b (without its quotes),
// which the scanner accepted, with its escapes decoded, to dst.
func unescape(dst, b []byte) []byte {
	for i := 0; i < len(b); {
		c := b[i]
		if c != '\\' {
			dst = append(dst, c)
			i++
			continue
		}
		i++
		switch b[i] {
		case 'b':
			dst = append(dst, '\b')
		case 'f':
			dst = append(dst, '\f')
		case 'n':
			dst = append(dst, '\n')
		case 'r':
			dst = append(dst, '\r')
		case 't':
			dst = append(dst, '\t')
		case 'u':
			r := hexRune(b[i+1 : i+5])
			i += 4
			if utf16.IsSurrogate(r) && i+6 < len(b) && b[i+1] == '\\' && b[i+2] == 'u' {
				if r2 := hexRune(b[i+3 : i+7]); 0xdc00 <= r2 && r2 < 0xe000 {
					r = utf16.DecodeRune(r, r2)
					i += 6
				}
			}
			dst = utf8.AppendRune(dst, r)
		default: // '"', '\\', '/'
			dst = append(dst, b[i])
		}
		i++
	}
	return dst
}

func hexRune(b []byte) rune {
	var r rune
	for _, c := range b {
		switch {
		case c <= '9':
			c -= '0'
		case c >= 'a':
			c -= 'a' - 10
		default:
			c -= 'A' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}

// text returns the text of the string value of m, unescaped.
func (m *member) text(data []byte) []byte {
	body := data[m.at+1 : m.end-1]
	if m.escaped {
		return unescape(make([]byte, 0, len(body)), body)
	}
	return body
}

func (m *member) badString() error {
	if m.badUTF16 {
		return errors.New("unpaired surrogate escape in string")
	}
	return errors.New("invalid UTF-8 in string")
}

// strictBase64 is base64.StdEncoding that rejects non-zero padding bits (one
// value, one text).
var strictBase64 = base64.StdEncoding.Strict()

func badJSON(err error) error { return fmt.Errorf("fw: bad JSON event: %w", err) }

// decodeJSON decodes the JSON object data into an event of ts.
func (ts Types) decodeJSON(data []byte) (any, error) {
	var buf [16]member
	s := scanner{data: data}
	ms, err := s.object(buf[:0])
	if err != nil {
		return nil, badJSON(uncheckedSyntax(data, ms, err))
	}
	ev := -1
	for i := range ms {
		if string(ms[i].key) == "event" {
			if ev >= 0 {
				return nil, failJSON(data, ms, badJSON(&jsonSyntaxError{`duplicate "event" member`, ms[i].keyAt}))
			}
			ev = i
		}
	}
	if ev < 0 {
		return nil, failJSON(data, ms, badJSON(errors.New(`no "event" member`)))
	}
	m := &ms[ev]
	if m.kind != '"' {
		return nil, failJSON(data, ms, badJSON(&jsonSyntaxError{`the "event" member is not a string`, m.at}))
	}
	if m.badAt >= 0 {
		return nil, failJSON(data, ms, badJSON(&jsonSyntaxError{`the "event" member: ` + m.badString().Error(), m.badAt}))
	}
	name := m.text(data)
	for i := range ts {
		if t := &ts[i]; t.name == string(name) {
			v := reflect.New(t.zero)
			if err := t.json.fill(t.name, data, ms, ev, v.UnsafePointer()); err != nil {
				return nil, failJSON(data, ms, err)
			}
			return v.Elem().Interface(), nil
		}
	}
	return nil, failJSON(data, ms, &fw.UnknownEventError{Name: string(name), Suggest: ts.closest(string(name))})
}

// closest is the event type whose name is closest to name (did you mean), or "".
func (ts Types) closest(name string) string {
	names := make([]string, len(ts))
	for i := range ts {
		names[i] = ts[i].name
	}
	return suggest.Closest(name, names)
}

// closest is the field whose member name is closest to name (did you mean), or "".
func (fs *jsonFields) closest(name string) string {
	names := make([]string, len(fs.fields))
	for i := range fs.fields {
		names[i] = fs.fields[i].name
	}
	return suggest.Closest(name, names)
}

// failJSON is the error of a decoding of data that failed with err after its
// scan found the members ms: the first syntax error in the values the scan
// skipped, if any, else err.
func failJSON(data []byte, ms []member, err error) error {
	if serr := uncheckedSyntax(data, ms, nil); serr != nil {
		return badJSON(serr)
	}
	return err
}

// fill sets the fields of the event at p, of type name, from the members ms
// of data, but the "event" member ms[ev].
func (fs *jsonFields) fill(name string, data []byte, ms []member, ev int, p unsafe.Pointer) error {
	var seenBuf [64]bool
	seen := seenBuf[:0]
	if len(fs.fields) <= len(seenBuf) {
		seen = seenBuf[:len(fs.fields)]
	} else {
		seen = make([]bool, len(fs.fields))
	}
	for i := range ms {
		if i == ev {
			continue
		}
		m := &ms[i]
		k, ok := fs.index[string(m.key)]
		if !ok {
			return &fw.FieldError{Event: name, Field: string(m.key), Column: m.keyAt + 1, Err: fw.ErrUnknownField, Suggest: fs.closest(string(m.key))}
		}
		if seen[k] {
			return &fw.FieldError{Event: name, Field: string(m.key), Column: m.keyAt + 1, Err: fw.ErrDuplicateField}
		}
		seen[k] = true
		f := &fs.fields[k]
		if m.kind == '"' && m.badAt >= 0 && f.kind != jsonBool && f.kind != jsonInt && f.kind != jsonFloat && !f.composite() {
			// (A composite value's strings are checked as it is read.)
			return &fw.FieldError{Event: name, Field: f.name, Column: m.badAt + 1, Err: m.badString()}
		}
		if err := f.set(data, m, unsafe.Add(p, f.offset)); err != nil {
			if ve, ok := err.(*valueError); ok {
				return ve.fieldError(name, f.name)
			}
			return &fw.FieldError{Event: name, Field: f.name, Column: m.at + 1, Err: err}
		}
	}
	for k, ok := range seen {
		if !ok && fs.fields[k].kind != jsonOptional { // an optional field without a member is absent (nil)
			return &fw.MissingFieldError{Event: name, Field: fs.fields[k].name}
		}
	}
	return nil
}

// set converts the value of m into the value of type f at p. A list, map,
// record or optional value is read again, by its type (jsonValues); its
// error is a *valueError.
func (f *jsonType) set(data []byte, m *member, p unsafe.Pointer) error {
	raw := data[m.at:m.end]
	want := func() error {
		got := "a number"
		switch m.kind {
		case '"':
			got = "a string"
		case 't', 'f':
			got = "a bool"
		case 'n':
			got = "null"
		case '{':
			got = "an object"
		case '[':
			got = "an array"
		}
		return fmt.Errorf("want %s, got %s", kindNames[f.kind], got)
	}
	switch f.kind {
	case jsonString, jsonBytes, jsonEnum, jsonTime, jsonDuration:
		if m.kind != '"' {
			return want()
		}
		text := m.text(data)
		switch f.kind {
		case jsonString:
			*(*string)(p) = string(text)
		case jsonBytes:
			var b []byte
			if len(text) > 0 {
				b = make([]byte, strictBase64.DecodedLen(len(text)))
				n, err := strictBase64.Decode(b, text)
				if err != nil {
					return fmt.Errorf("bad base64: %v", err)
				}
				b = b[:n]
			}
			*(*[]byte)(p) = b
		case jsonEnum:
			for v, name := range f.vars {
				if name == string(text) {
					*(*uint32)(p) = uint32(v)
					return nil
				}
			}
			return fmt.Errorf("unknown %s %q", f.enum, text)
		case jsonTime:
			return setTime(text, p)
		case jsonDuration:
			return setDuration(text, p)
		}
	case jsonBool:
		switch m.kind {
		case 't':
			*(*bool)(p) = true
		case 'f':
			*(*bool)(p) = false
		default:
			return want()
		}
	case jsonInt:
		if m.kind != '-' && (m.kind < '0' || m.kind > '9') {
			return want()
		}
		v, err := strconv.ParseInt(string(raw), 10, 64)
		if err != nil {
			if errors.Is(err, strconv.ErrRange) {
				return fmt.Errorf("%s is out of the range of int", raw)
			}
			return fmt.Errorf("want an int, got %s", raw)
		}
		*(*int64)(p) = v
	case jsonFloat:
		if m.kind != '-' && (m.kind < '0' || m.kind > '9') {
			return want()
		}
		v, err := strconv.ParseFloat(string(raw), 64)
		if err != nil || math.IsInf(v, 0) {
			return fmt.Errorf("%s is out of the range of float", raw)
		}
		*(*float64)(p) = v
	case jsonList, jsonMap, jsonRecord, jsonOptional:
		d := jsonValues{s: scanner{data: data, i: m.at}}
		if err := d.decode(f, p); err != nil {
			return err
		}
		if d.s.i != m.end { // the skip and the decoding disagree: bad syntax
			return d.fail(d.s.i, errors.New("invalid JSON"))
		}
	}
	return nil
}
