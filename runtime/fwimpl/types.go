package fwimpl

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/fwgo/fw/runtime/fw"
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
	shadow reflect.Type             // struct{Event string; F1 *T1; ...} with T's json tags
	fields []string                 // T's json names, by field index
	zero   reflect.Type             // T
}

// TypeOf returns the Type of the event type T, named name.
func TypeOf[T any, P interface {
	*T
	UnmarshalBinary(data []byte) error
	AppendBinary(b []byte) ([]byte, error)
}](name string) Type {
	t := reflect.TypeFor[T]()
	fields := []reflect.StructField{{Name: "Event", Type: reflect.TypeFor[string](), Tag: `json:"event"`}}
	var names []string
	for i := range t.NumField() {
		f := t.Field(i)
		names = append(names, f.Tag.Get("json"))
		fields = append(fields, reflect.StructField{Name: f.Name, Type: reflect.PointerTo(f.Type), Tag: f.Tag})
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
		shadow: reflect.StructOf(fields),
		fields: names,
		zero:   t,
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
// its type. Every field must be present, and unknown members are errors.
func (ts Types) DecodeJSON(data []byte) (any, error) {
	name, err := JSONEventName(data)
	if err != nil {
		return nil, err
	}
	for i := range ts {
		if t := &ts[i]; t.name == name {
			return t.decodeJSON(data)
		}
	}
	return nil, &fw.UnknownEventError{Name: name}
}

// decodeJSON decodes into a shadow struct of pointers, so that a missing
// member is an error, not a zero value.
func (t *Type) decodeJSON(data []byte) (any, error) {
	v := reflect.New(t.shadow)
	if err := DecodeJSONStrict(data, v.Interface()); err != nil {
		return nil, fmt.Errorf("fw: event %s: %w", t.name, err)
	}
	e := reflect.New(t.zero).Elem()
	for i, name := range t.fields {
		p := v.Elem().Field(i + 1)
		if p.IsNil() {
			return nil, &fw.MissingFieldError{Event: t.name, Field: name}
		}
		e.Field(i).Set(p.Elem())
	}
	return e.Interface(), nil
}

// EncodeJSON encodes the event of m as a JSON object with its name in the
// "event" member, first.
func (ts Types) EncodeJSON(m Msg) ([]byte, error) {
	if int(m.Kind) >= len(ts) {
		return nil, fmt.Errorf("fw: EncodeJSON: unknown event kind %d", m.Kind)
	}
	body, err := json.Marshal(m.Ev)
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
