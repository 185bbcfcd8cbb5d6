package fwimpl

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"github.com/fwgo/fw/runtime/fw"
)

// The values of list, map, record and optional fields (see jsonKind). The
// scan of the event's object (scanner.object) has matched their brackets
// and strings, or checked them in full when nested deeper than 64 (and
// against maxJSONDepth); jsonValues reads each, by its type, checking its
// syntax as it goes, into the field: a list into a slice, an object into a map or a
// struct, null or a value into a pointer. A record is as strict as an event:
// every field once, under its exact name, and no other member; an optional
// field may be left out (nil). Strings are checked for invalid UTF-8 here,
// as the event's scalar fields are. An empty array or object decodes as a nil
// slice or map, as in the canonical binary encoding.
//
// An error names the path of the value inside the field, Go-style:
// items[3].price, labels["k"], byDay[7][0], billing.zip.

// jsonValues decodes composite values from data, at s.i.
type jsonValues struct {
	s scanner
}

// valueError is an error in a value inside a field; its path is built as
// the decoding unwinds, innermost segment first.
type valueError struct {
	segs    []string // the path's segments, innermost first: ".price", "[3]"
	at      int      // offset of the offending byte
	err     error    // what is wrong (fw.ErrUnknownField, fw.ErrDuplicateField, or a message)
	missing bool     // a record's field is missing: the path names it
	suggest string   // fw.ErrUnknownField: the record's field closest to the member's name, or ""
}

func (e *valueError) Error() string { return e.path("") + ": " + fmt.Sprint(e.err) }

func (e *valueError) in(seg string) *valueError {
	e.segs = append(e.segs, seg)
	return e
}

func (e *valueError) path(field string) string {
	var b strings.Builder
	b.WriteString(field)
	for _, s := range slices.Backward(e.segs) {
		b.WriteString(s)
	}
	return b.String()
}

// fieldError is e as the error of the field named field of the event name.
func (e *valueError) fieldError(name, field string) error {
	if e.missing {
		return &fw.MissingFieldError{Event: name, Field: e.path(field)}
	}
	return &fw.FieldError{Event: name, Field: e.path(field), Column: e.at + 1, Err: e.err, Suggest: e.suggest}
}

func (d *jsonValues) fail(at int, err error) *valueError { return &valueError{at: at, err: err} }

// syntax is a syntax error met while reading a value that the object's scan
// skipped. It stops the decoding; DecodeJSON then reports the syntax error
// that a full scan of the skipped values finds (uncheckedSyntax), not this.
func (d *jsonValues) syntax(err error) *valueError {
	var se *jsonSyntaxError
	if errors.As(err, &se) {
		return d.fail(se.off, errors.New(se.msg))
	}
	return d.fail(d.s.i, err)
}

// want is the error of a value of another JSON type than t's.
func (d *jsonValues) want(t *jsonType) *valueError {
	if t.kind == jsonOptional {
		t = t.elem
	}
	got := "a number"
	if d.s.i < len(d.s.data) {
		switch d.s.data[d.s.i] {
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
	}
	return d.fail(d.s.i, fmt.Errorf("want %s, got %s", kindNames[t.kind], got))
}

// next reports whether the object or array at s.i goes on after an item
// (skipping a comma) or ends (skipping close).
func (d *jsonValues) next(close byte) (bool, *valueError) {
	s := &d.s
	s.ws()
	if s.i < len(s.data) {
		switch s.data[s.i] {
		case ',':
			s.i++
			s.ws()
			return true, nil
		case close:
			s.i++
			return false, nil
		}
	}
	return false, d.syntax(s.unexpected("after an item"))
}

// open skips the opening c of an object or array and reports whether it has
// items.
func (d *jsonValues) open(close byte) bool {
	s := &d.s
	s.i++
	s.ws()
	if s.i < len(s.data) && s.data[s.i] == close {
		s.i++
		return false
	}
	return true
}

// key reads a member's name and the colon after it; at is where it begins.
func (d *jsonValues) key(buf []byte) (key []byte, at int, err *valueError) {
	s := &d.s
	at = s.i
	if s.i >= len(s.data) || s.data[s.i] != '"' {
		return nil, at, d.syntax(s.unexpected("looking for beginning of object key string"))
	}
	esc, bad, _, serr := s.str()
	if serr != nil {
		return nil, at, d.syntax(serr)
	}
	if bad >= 0 {
		return nil, at, d.fail(bad, errors.New("invalid UTF-8 or unpaired surrogate in a member name"))
	}
	key = s.data[at+1 : s.i-1]
	if esc {
		key = unescape(buf[:0], key)
	}
	s.ws()
	if s.i >= len(s.data) || s.data[s.i] != ':' {
		return nil, at, d.syntax(s.unexpected("after object key"))
	}
	s.i++
	s.ws()
	return key, at, nil
}

// decode reads the value at s.i, of type t, into p.
func (d *jsonValues) decode(t *jsonType, p unsafe.Pointer) *valueError {
	s := &d.s
	if s.i >= len(s.data) {
		return d.syntax(s.unexpected(""))
	}
	c := s.data[s.i]
	switch t.kind {
	case jsonOptional:
		if c == 'n' {
			if err := s.lit("null"); err != nil {
				return d.syntax(err)
			}
			*(*unsafe.Pointer)(p) = nil
			return nil
		}
		v := reflect.New(t.elem.rtype)
		if err := d.decode(t.elem, v.UnsafePointer()); err != nil {
			return err
		}
		*(*unsafe.Pointer)(p) = v.UnsafePointer()
		return nil
	case jsonList:
		if c != '[' {
			return d.want(t)
		}
		sv := reflect.NewAt(t.rtype, p).Elem()
		sv.SetZero()
		if !d.open(']') {
			return nil
		}
		size := t.rtype.Elem().Size()
		for n := 0; ; n++ {
			if n == sv.Cap() {
				sv.Grow(1)
			}
			sv.SetLen(n + 1)
			if err := d.decode(t.elem, unsafe.Add(sv.UnsafePointer(), uintptr(n)*size)); err != nil {
				return err.in("[" + strconv.Itoa(n) + "]")
			}
			more, err := d.next(']')
			if err != nil {
				return err
			}
			if !more {
				return nil
			}
		}
	case jsonMap:
		if c != '{' {
			return d.want(t)
		}
		mv := reflect.NewAt(t.rtype, p).Elem()
		mv.SetZero()
		if !d.open('}') {
			return nil
		}
		mv.Set(reflect.MakeMap(t.rtype))
		kv := reflect.New(t.rtype.Key()).Elem()
		vv := reflect.New(t.elem.rtype).Elem()
		vp := vv.Addr().UnsafePointer()
		var buf [64]byte
		for {
			key, at, err := d.key(buf[:])
			if err != nil {
				return err
			}
			var seg string
			if t.intKey {
				k, ok := parseIntKey(key)
				if !ok {
					return d.fail(at, fmt.Errorf("bad int key %q: want an int64 in decimal, e.g. \"-12\"", key)).in("[" + strconv.Quote(string(key)) + "]")
				}
				kv.SetInt(k)
				seg = "[" + string(key) + "]"
			} else {
				kv.SetString(string(key))
				seg = "[" + strconv.Quote(string(key)) + "]"
			}
			vv.SetZero()
			if err := d.decode(t.elem, vp); err != nil {
				return err.in(seg)
			}
			n := mv.Len()
			mv.SetMapIndex(kv, vv)
			if mv.Len() == n {
				return d.fail(at, fw.ErrDuplicateField).in(seg)
			}
			more, err := d.next('}')
			if err != nil {
				return err
			}
			if !more {
				return nil
			}
		}
	case jsonRecord:
		if c != '{' {
			return d.want(t)
		}
		return d.record(t.rec, p)
	case jsonTime, jsonDuration:
		if c != '"' {
			return d.want(t)
		}
		at := s.i
		esc, bad, _, err := s.str()
		if err != nil {
			return d.syntax(err)
		}
		m := member{at: at, end: s.i, kind: '"', escaped: esc}
		if bad >= 0 {
			return d.fail(bad, m.badString())
		}
		if t.kind == jsonTime {
			return d.failIf(at, setTime(m.text(s.data), p))
		}
		return d.failIf(at, setDuration(m.text(s.data), p))
	}
	// A scalar: scan it as a member, then set it as an event's field.
	if c == '{' || c == '[' {
		return d.want(t)
	}
	m := member{at: s.i, kind: c, badAt: -1}
	var err error
	if c == '"' {
		m.escaped, m.badAt, m.badUTF16, err = s.str()
	} else {
		err = s.value(0) // a number or a literal
	}
	if err != nil {
		return d.syntax(err)
	}
	m.end = s.i
	if c == '"' && m.badAt >= 0 && t.kind != jsonBool && t.kind != jsonInt && t.kind != jsonFloat {
		return d.fail(m.badAt, m.badString())
	}
	return d.failIf(m.at, t.set(s.data, &m, p))
}

func (d *jsonValues) failIf(at int, err error) *valueError {
	if err != nil {
		return d.fail(at, err)
	}
	return nil
}

// record reads an object into the struct at p, of fields fs.
func (d *jsonValues) record(fs *jsonFields, p unsafe.Pointer) *valueError {
	var seenBuf [64]bool
	seen := seenBuf[:0]
	if len(fs.fields) <= len(seenBuf) {
		seen = seenBuf[:len(fs.fields)]
	} else {
		seen = make([]bool, len(fs.fields))
	}
	if d.open('}') {
		var buf [64]byte
		for {
			key, at, err := d.key(buf[:])
			if err != nil {
				return err
			}
			k, ok := fs.index[string(key)]
			if !ok {
				ve := d.fail(at, fw.ErrUnknownField)
				ve.suggest = fs.closest(string(key))
				return ve.in("." + string(key))
			}
			f := &fs.fields[k]
			if seen[k] {
				return d.fail(at, fw.ErrDuplicateField).in("." + f.name)
			}
			seen[k] = true
			if err := d.decode(&f.jsonType, unsafe.Add(p, f.offset)); err != nil {
				return err.in("." + f.name)
			}
			more, err := d.next('}')
			if err != nil {
				return err
			}
			if !more {
				break
			}
		}
	}
	for k, ok := range seen {
		if !ok && fs.fields[k].kind != jsonOptional {
			return (&valueError{missing: true}).in("." + fs.fields[k].name)
		}
	}
	return nil
}

// parseIntKey parses the key of a map with int keys: the decimal text of an
// int64, one text per value (no sign but a minus, no leading zero, no -0).
func parseIntKey(key []byte) (int64, bool) {
	digits := key
	if len(digits) > 0 && digits[0] == '-' {
		digits = digits[1:]
	}
	if len(digits) == 0 || digits[0] == '0' && (len(digits) > 1 || len(key) > 1) {
		return 0, false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	v, err := strconv.ParseInt(string(key), 10, 64)
	return v, err == nil
}

// setTime parses an RFC 3339 time (fractional seconds optional) into the
// time.Time at p, in UTC.
func setTime(text []byte, p unsafe.Pointer) error {
	// The text may be the caller's buffer: parsed in place, and copied only
	// for an error, which keeps it.
	t, err := time.Parse(time.RFC3339Nano, unsafe.String(unsafe.SliceData(text), len(text)))
	if err != nil {
		return fmt.Errorf("bad time %q: want RFC 3339, e.g. 2026-01-02T15:04:05.5Z", text)
	}
	*(*time.Time)(p) = t.UTC()
	return nil
}

// setDuration parses a Go duration string ("1h2m3.5s") into the
// time.Duration at p.
func setDuration(text []byte, p unsafe.Pointer) error {
	v, err := time.ParseDuration(unsafe.String(unsafe.SliceData(text), len(text)))
	if err != nil {
		return fmt.Errorf("bad duration %q: want a Go duration, e.g. 1h2m3.5s", text)
	}
	*(*time.Duration)(p) = v
	return nil
}
