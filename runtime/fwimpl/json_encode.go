package fwimpl

import (
	"cmp"
	"encoding/base64"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"
	"unsafe"
)

// The JSON encoding of events with list, map, record, optional, time or
// duration fields (events of scalar fields only go through encoding/json,
// whose output this one matches for scalars). It writes what DecodeJSON
// reads back: a nil slice or map as [] or {} (not null), an absent optional
// value as null, a time in UTC with time.RFC3339Nano, a duration as
// Duration.String, map entries in increasing key order (so the text of a
// value does not depend on its map's insertion order), a record's fields in
// declaration order.

// appendFields appends the members of the struct at p, of fields fs, each
// after a comma if comma.
func appendFields(b []byte, fs *jsonFields, p unsafe.Pointer, comma bool) ([]byte, error) {
	var err error
	for i := range fs.fields {
		f := &fs.fields[i]
		if comma {
			b = append(b, ',')
		}
		comma = true
		b = appendJSONString(b, f.name)
		b = append(b, ':')
		if b, err = appendJSONValue(b, &f.jsonType, unsafe.Add(p, f.offset)); err != nil {
			return nil, fmt.Errorf("%s: %w", f.name, err)
		}
	}
	return b, nil
}

// appendJSONValue appends the value at p, of type t.
func appendJSONValue(b []byte, t *jsonType, p unsafe.Pointer) ([]byte, error) {
	switch t.kind {
	case jsonString:
		return appendJSONString(b, *(*string)(p)), nil
	case jsonBytes:
		v := *(*[]byte)(p)
		b = append(b, '"')
		b = base64.StdEncoding.AppendEncode(b, v)
		return append(b, '"'), nil
	case jsonInt:
		return strconv.AppendInt(b, *(*int64)(p), 10), nil
	case jsonFloat:
		return appendJSONFloat(b, *(*float64)(p))
	case jsonBool:
		return strconv.AppendBool(b, *(*bool)(p)), nil
	case jsonEnum:
		v := *(*uint32)(p)
		if int(v) >= len(t.vars) {
			return nil, fmt.Errorf("%s(%d) is no variant of %s", t.enum, v, t.enum)
		}
		return appendJSONString(b, t.vars[v]), nil
	case jsonTime:
		v := (*time.Time)(p).UTC()
		if y := v.Year(); y < 0 || y > 9999 {
			return nil, fmt.Errorf("time %v: year outside of [0,9999] has no RFC 3339 form", v)
		}
		b = append(b, '"')
		b = v.AppendFormat(b, time.RFC3339Nano)
		return append(b, '"'), nil
	case jsonDuration:
		b = append(b, '"')
		b = append(b, (*(*time.Duration)(p)).String()...)
		return append(b, '"'), nil
	case jsonOptional:
		q := *(*unsafe.Pointer)(p)
		if q == nil {
			return append(b, "null"...), nil
		}
		return appendJSONValue(b, t.elem, q)
	case jsonRecord:
		b = append(b, '{')
		b, err := appendFields(b, t.rec, p, false)
		if err != nil {
			return nil, err
		}
		return append(b, '}'), nil
	case jsonList:
		sv := reflect.NewAt(t.rtype, p).Elem()
		b = append(b, '[')
		var err error
		for i := range sv.Len() {
			if i > 0 {
				b = append(b, ',')
			}
			if b, err = appendJSONValue(b, t.elem, sv.Index(i).Addr().UnsafePointer()); err != nil {
				return nil, fmt.Errorf("[%d]: %w", i, err)
			}
		}
		return append(b, ']'), nil
	case jsonMap:
		mv := reflect.NewAt(t.rtype, p).Elem()
		type entry struct {
			s string
			i int64
			v reflect.Value
		}
		entries := make([]entry, 0, mv.Len())
		for it := mv.MapRange(); it.Next(); {
			e := entry{v: it.Value()}
			if t.intKey {
				e.i = it.Key().Int()
			} else {
				e.s = it.Key().String()
			}
			entries = append(entries, e)
		}
		slices.SortFunc(entries, func(x, y entry) int {
			if t.intKey {
				return cmp.Compare(x.i, y.i)
			}
			return cmp.Compare(x.s, y.s)
		})
		b = append(b, '{')
		tmp := reflect.New(t.elem.rtype).Elem()
		var err error
		for i, e := range entries {
			if i > 0 {
				b = append(b, ',')
			}
			if t.intKey {
				b = append(b, '"')
				b = strconv.AppendInt(b, e.i, 10)
				b = append(b, '"')
			} else {
				b = appendJSONString(b, e.s)
			}
			b = append(b, ':')
			tmp.Set(e.v)
			if b, err = appendJSONValue(b, t.elem, tmp.Addr().UnsafePointer()); err != nil {
				if t.intKey {
					return nil, fmt.Errorf("[%d]: %w", e.i, err)
				}
				return nil, fmt.Errorf("[%q]: %w", e.s, err)
			}
		}
		return append(b, '}'), nil
	}
	return nil, errors.New("fwimpl: no JSON form")
}

// appendJSONFloat appends f as encoding/json does.
func appendJSONFloat(b []byte, f float64) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return nil, fmt.Errorf("unsupported value: %s", strconv.FormatFloat(f, 'g', -1, 64))
	}
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s quoted as encoding/json does (HTML-safe: <, >
// and & escaped; U+2028 and U+2029 escaped; invalid UTF-8 as U+FFFD).
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
