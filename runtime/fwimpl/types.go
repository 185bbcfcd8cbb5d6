package fwimpl

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"reflect"
)

// Type describes one event type of a generated package to the table-driven
// codecs: Types, indexed by Kind, gives the binary codec of messages (Codec)
// and the JSON form of events by name.
type Type struct {
	name   string
	decode func(data []byte) (any, error) // *T
	append func(b []byte, ev any) ([]byte, bool, error)
	value  func(ev any) any         // *T to T
	box    func(ev any) (any, bool) // T or *T to a new *T
	json   *jsonFields              // T's fields, by their json tags (see json.go)
	zero   reflect.Type             // T
	bytes  []int                    // the indexes of T's []byte fields
}

// TypeOf returns the Type of the event type T, named name.
func TypeOf[T any, P interface {
	*T
	UnmarshalBinary(data []byte) error
	AppendBinary(b []byte) ([]byte, error)
}](name string) Type {
	t := reflect.TypeFor[T]()
	var bytes []int
	for i := range t.NumField() {
		if f := t.Field(i); f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.Uint8 {
			bytes = append(bytes, i)
		}
	}
	return Type{
		name: name,
		decode: func(data []byte) (any, error) {
			e := P(new(T))
			return e, e.UnmarshalBinary(data)
		},
		append: func(b []byte, ev any) ([]byte, bool, error) {
			e, ok := ev.(*T)
			if !ok {
				return b, false, nil
			}
			b, err := P(e).AppendBinary(b)
			return b, true, err
		},
		value: func(ev any) any { return *ev.(*T) },
		box: func(ev any) (any, bool) {
			switch e := ev.(type) {
			case T:
				return &e, true
			case *T:
				c := *e
				return &c, true
			}
			return nil, false
		},
		json:  jsonFieldsOf(t),
		zero:  t,
		bytes: bytes,
	}
}

// Types are the event types of a generated package, by Kind.
type Types []Type

// AppendMsg appends the canonical encoding of the event m to b (Codec).
func (ts Types) AppendMsg(b []byte, m Msg) ([]byte, error) {
	if int(m.Kind) < len(ts) {
		if b, ok, err := ts[m.Kind].append(b, m.Ev); ok {
			return b, err
		}
	}
	return nil, fmt.Errorf("fw: AppendMsg: no encoding for kind %d with payload %T", m.Kind, m.Ev)
}

// DecodeMsg decodes the payload of an event of kind k (Codec).
func (ts Types) DecodeMsg(k Kind, data []byte) (Msg, error) {
	if int(k) >= len(ts) {
		return Msg{}, fmt.Errorf("fw: DecodeMsg: unknown kind %d", k)
	}
	ev, err := ts[k].decode(data)
	if err != nil {
		return Msg{}, fmt.Errorf("fw: decode event %s: %w", ts[k].name, err)
	}
	return Msg{Kind: k, Ev: ev}, nil
}

// msg returns the message of the event ev (a T or a *T of one of ts), a copy.
func (ts Types) msg(ev any) (Msg, bool) {
	for k := range ts {
		if p, ok := ts[k].box(ev); ok {
			return Msg{Kind: Kind(k), Ev: p}, true
		}
	}
	return Msg{}, false
}

// Value returns the event of the message m, by value (a T for an event of type T).
func (ts Types) Value(m Msg) any { return ts[m.Kind].value(m.Ev) }

// DecodeJSON decodes one event from a JSON object whose "event" member names
// its type, strictly (see json.go): every field must be present, once, under
// its exact name, and no other member; strings must be valid UTF-8.
func (ts Types) DecodeJSON(data []byte) (any, error) { return ts.decodeJSON(data) }

// EncodeJSON encodes the event of m as a JSON object with its name in the
// "event" member, first.
func (ts Types) EncodeJSON(m Msg) ([]byte, error) {
	if int(m.Kind) >= len(ts) {
		return nil, fmt.Errorf("fw: EncodeJSON: unknown event kind %d", m.Kind)
	}
	ev := m.Ev
	if t := &ts[m.Kind]; t.json.composite {
		// Lists, maps, records, optional values, times or durations: the
		// form DecodeJSON reads (see json_encode.go).
		v := reflect.ValueOf(ev)
		if v.Kind() != reflect.Pointer {
			c := reflect.New(t.zero)
			c.Elem().Set(v)
			v = c
		}
		out := append([]byte(`{"event":`), appendJSONString(nil, t.name)...)
		out, err := appendFields(out, t.json, v.UnsafePointer(), true)
		if err != nil {
			return nil, fmt.Errorf("fw: EncodeJSON %s: %w", t.name, err)
		}
		return append(out, '}'), nil
	} else if len(t.bytes) > 0 {
		// A nil []byte is written "" (as the binary form has it: empty),
		// not null, which DecodeJSON rejects.
		v := reflect.ValueOf(ev)
		if v.Kind() == reflect.Pointer {
			v = v.Elem()
		}
		var c reflect.Value
		for _, i := range t.bytes {
			if v.Field(i).IsNil() {
				if !c.IsValid() {
					c = reflect.New(t.zero)
					c.Elem().Set(v)
				}
				c.Elem().Field(i).SetBytes([]byte{})
			}
		}
		if c.IsValid() {
			ev = c.Interface()
		}
	}
	body, err := json.Marshal(ev)
	if err != nil {
		return nil, err
	}
	name, _ := json.Marshal(ts[m.Kind].name)
	out := append([]byte(`{"event":`), name...)
	if len(body) > 2 {
		out = append(out, ',')
	}
	return append(out, body[1:]...), nil
}

// DecodeJSON is the generated DecodeJSON of a package whose Event type is E.
func DecodeJSON[E any](ts Types, data []byte) (E, error) {
	ev, err := ts.DecodeJSON(data)
	e, _ := ev.(E)
	return e, err
}

// Fingerprint returns the fingerprint written in hex by the generator (a
// Program's or a ProcInfo's); it panics if s is not 64 hex digits.
func Fingerprint(s string) [32]byte {
	var fp [32]byte
	if n, err := hex.Decode(fp[:], []byte(s)); err != nil || n != len(fp) {
		panic("fwimpl: bad fingerprint " + s)
	}
	return fp
}

// Routes are the deliveries of each event kind, by Kind, of a generated
// package whose cases are all unconditional: its Dispatcher embeds them as
// its Route.
type Routes [][]Delivery

// Route appends the deliveries of m to dst (Dispatcher).
func (r Routes) Route(m Msg, dst []Delivery) []Delivery {
	if int(m.Kind) < len(r) {
		dst = append(dst, r[m.Kind]...)
	}
	return dst
}
