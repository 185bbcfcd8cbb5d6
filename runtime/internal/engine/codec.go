package engine

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"time"
)

// The canonical binary encoding of an event is its fields in declaration order,
// with no names and no framing beyond lengths:
//
//	string, bytes: uvarint length, then the bytes
//	int:           zigzag varint (encoding/binary.AppendVarint)
//	float:         8 bytes, big-endian IEEE 754 bits (the bits as they are: -0.0 and NaN payloads kept)
//	bool:          one byte, 0 or 1
//	enum:          uvarint of the variant index
//	time:          zigzag varint of the Unix seconds, then uvarint of the nanoseconds
//	               (the UTC instant: location and monotonic reading are dropped)
//	duration:      zigzag varint of the nanoseconds
//
// and the composite types of .fw, which the generated code encodes with these:
//
//	list:          uvarint length, then each item
//	map:           uvarint length, then each entry, key then value, in increasing
//	               key order (strings bytewise, ints numerically)
//	record:        its fields in declaration order, like an event
//	optional:      one byte, 0 (absent) or 1 followed by the value
//
// It is deterministic (one encoding per value), so it is fit for cache keys.

// AppendString appends a length-prefixed string.
func AppendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// AppendBytes appends length-prefixed bytes.
func AppendBytes(b []byte, p []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(p)))
	return append(b, p...)
}

// AppendInt appends a zigzag varint.
func AppendInt(b []byte, v int64) []byte { return binary.AppendVarint(b, v) }

// AppendUint appends a uvarint (enum values).
func AppendUint(b []byte, v uint64) []byte { return binary.AppendUvarint(b, v) }

// AppendFloat appends the big-endian IEEE 754 bits of v.
func AppendFloat(b []byte, v float64) []byte {
	return binary.BigEndian.AppendUint64(b, math.Float64bits(v))
}

// AppendBool appends 0 or 1.
func AppendBool(b []byte, v bool) []byte {
	if v {
		return append(b, 1)
	}
	return append(b, 0)
}

// AppendTime appends the instant t: its Unix seconds (zigzag varint) and
// nanoseconds (uvarint).
func AppendTime(b []byte, t time.Time) []byte {
	b = binary.AppendVarint(b, t.Unix())
	return binary.AppendUvarint(b, uint64(t.Nanosecond()))
}

// AppendDuration appends v's nanoseconds as a zigzag varint.
func AppendDuration(b []byte, v time.Duration) []byte { return binary.AppendVarint(b, int64(v)) }

// ErrEncoding reports malformed canonical binary data.
var ErrEncoding = errors.New("fw: malformed canonical encoding")

// Decoder reads the canonical binary encoding. The first error sticks: later
// reads return zero values, and Finish reports it.
type Decoder struct {
	data []byte
	off  int
	err  error
}

// NewDecoder returns a decoder over data.
func NewDecoder(data []byte) *Decoder { return &Decoder{data: data} }

func (d *Decoder) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: bad %s at offset %d", ErrEncoding, what, d.off)
	}
}

func (d *Decoder) length(what string) int {
	if d.err != nil {
		return 0
	}
	n, k := binary.Uvarint(d.data[d.off:])
	if k <= 0 || n > uint64(len(d.data)-d.off-k) {
		d.fail(what)
		return 0
	}
	d.off += k
	return int(n)
}

// String reads a string.
func (d *Decoder) String() string {
	n := d.length("string")
	if d.err != nil {
		return ""
	}
	s := string(d.data[d.off : d.off+n])
	d.off += n
	return s
}

// Bytes reads bytes (a copy; nil for an empty value).
func (d *Decoder) Bytes() []byte {
	n := d.length("bytes")
	if d.err != nil || n == 0 {
		return nil
	}
	p := bytes.Clone(d.data[d.off : d.off+n])
	d.off += n
	return p
}

// Int reads a zigzag varint.
func (d *Decoder) Int() int64 {
	if d.err != nil {
		return 0
	}
	v, k := binary.Varint(d.data[d.off:])
	if k <= 0 {
		d.fail("int")
		return 0
	}
	d.off += k
	return v
}

// Uint reads a uvarint.
func (d *Decoder) Uint() uint64 {
	if d.err != nil {
		return 0
	}
	v, k := binary.Uvarint(d.data[d.off:])
	if k <= 0 {
		d.fail("uint")
		return 0
	}
	d.off += k
	return v
}

// Float reads 8 big-endian bytes.
func (d *Decoder) Float() float64 {
	if d.err != nil {
		return 0
	}
	if len(d.data)-d.off < 8 {
		d.fail("float")
		return 0
	}
	v := math.Float64frombits(binary.BigEndian.Uint64(d.data[d.off:]))
	d.off += 8
	return v
}

// Bool reads one byte that must be 0 or 1.
func (d *Decoder) Bool() bool {
	if d.err != nil {
		return false
	}
	if d.off >= len(d.data) || d.data[d.off] > 1 {
		d.fail("bool")
		return false
	}
	v := d.data[d.off] == 1
	d.off++
	return v
}

// Time reads an instant, in UTC.
func (d *Decoder) Time() time.Time {
	sec := d.Int()
	nsec := d.Uint()
	if d.err != nil {
		return time.Time{}
	}
	if nsec >= 1e9 {
		d.fail("time")
		return time.Time{}
	}
	return time.Unix(sec, int64(nsec)).UTC()
}

// Duration reads a duration.
func (d *Decoder) Duration() time.Duration { return time.Duration(d.Int()) }

// Len reads the length of a list or a map whose items take at least min
// bytes each; a length that the rest of the data cannot hold fails.
func (d *Decoder) Len(min int) int {
	n := d.Uint()
	if d.err != nil {
		return 0
	}
	limit := uint64(math.MaxInt32)
	if min > 0 {
		limit = uint64((len(d.data) - d.off) / min)
	}
	if n > limit {
		d.fail("length")
		return 0
	}
	return int(n)
}

// Fail makes the decoding fail, with what as the thing that is bad at the
// current offset (the first error sticks).
func (d *Decoder) Fail(what string) { d.fail(what) }

// Finish returns the first error, or an error if bytes are left over.
func (d *Decoder) Finish() error {
	if d.err == nil && d.off != len(d.data) {
		d.fail("trailing data")
	}
	return d.err
}

// UnknownDelivery is returned by generated Invoke methods for a Delivery they do
// not know; it means the engine and the generated code disagree.
func UnknownDelivery(d Delivery) error {
	return fmt.Errorf("fw: unknown delivery: processor %d, case %d", d.Proc, d.Case)
}
