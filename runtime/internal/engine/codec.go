package engine

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
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
//	time:          zigzag varint of the Unix seconds, then uvarint of the
//	               nanoseconds within the second (0 to 999999999): the
//	               instant only; its location and monotonic reading are dropped
//	duration:      zigzag varint of the nanoseconds
//	optional T:    one byte, 0 (absent) or 1 (present) and then the T
//	list:          uvarint length, then each item
//	map:           uvarint length, then each entry (key, then value) in
//	               increasing key order: strings bytewise, ints numerically
//	record:        its fields in declaration order, like an event
//
// It is deterministic (one encoding per value, whatever the insertion order
// of a map's entries), so it is fit for cache keys. Decoding is as strict:
// map keys out of order or repeated, nanoseconds beyond a second, a presence
// byte other than 0 or 1 are malformed, so that each encoding has one value.
// Empty lists and maps decode as nil.

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

// AppendTime appends the instant t: its Unix seconds (zigzag varint), then its
// nanoseconds within the second (uvarint). The location and the monotonic
// clock reading are not encoded: equal instants have equal encodings.
func AppendTime(b []byte, t time.Time) []byte {
	b = binary.AppendVarint(b, t.Unix())
	return binary.AppendUvarint(b, uint64(t.Nanosecond()))
}

// AppendDuration appends the nanoseconds of d (zigzag varint).
func AppendDuration(b []byte, d time.Duration) []byte { return binary.AppendVarint(b, int64(d)) }

// AppendPresent appends the presence byte of an optional value: 1 when it is
// present (its encoding follows), else 0.
func AppendPresent(b []byte, present bool) []byte { return AppendBool(b, present) }

// AppendLen appends the length of a list or map (uvarint).
func AppendLen(b []byte, n int) []byte { return binary.AppendUvarint(b, uint64(n)) }

// MapKey is the type of the keys of a map of a .fw type: string or int.
type MapKey interface{ ~string | ~int64 }

// SortedKeys returns the keys of m in increasing order (strings bytewise, ints
// numerically), the order of the canonical encoding of map entries, in buf's
// storage if it has room (pass a stack array's slice to keep small maps
// allocation-free: var kb [8]K; SortedKeys(m, kb[:0])).
func SortedKeys[M ~map[K]V, K MapKey, V any](m M, buf []K) []K {
	keys := buf[:0]
	if cap(keys) < len(m) {
		keys = make([]K, 0, len(m))
	}
	for k := range m {
		keys = append(keys, k)
	}
	if len(keys) > 1 {
		slices.SortFunc(keys, cmp.Compare[K])
	}
	return keys
}

// ErrEncoding reports malformed canonical binary data.
var ErrEncoding = errors.New("fw: malformed canonical encoding")

// Decoder reads the canonical binary encoding. The first error sticks: later
// reads return zero values, and Finish reports it.
type Decoder struct {
	data  []byte
	off   int
	depth int
	err   error
}

// NewDecoder returns a decoder over data.
func NewDecoder(data []byte) *Decoder { return &Decoder{data: data} }

// fail notes malformed data at the offset: "bad what".
func (d *Decoder) fail(what string) { d.failf("bad %s", what) }

// short notes data that ends within a value: "truncated what".
func (d *Decoder) short(what string) { d.failf("truncated %s", what) }

func (d *Decoder) failf(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: %s at offset %d", ErrEncoding, fmt.Sprintf(format, args...), d.off)
	}
}

// uvarint reads a uvarint, or fails naming what.
func (d *Decoder) uvarint(what string) (uint64, bool) {
	if d.err != nil {
		return 0, false
	}
	v, k := binary.Uvarint(d.data[d.off:])
	if k <= 0 || k > 1 && d.data[d.off+k-1] == 0 {
		d.badVarint(what, k)
		return 0, false
	}
	d.off += k
	return v, true
}

// badVarint fails for a varint that binary.Uvarint or Varint read in k
// bytes: none (k <= 0), or more than its value needs (a last byte of 0: an
// overlong varint, which the encoder never writes, so that each value has
// one encoding).
func (d *Decoder) badVarint(what string, k int) {
	switch {
	case k == 0:
		d.short(what)
	case k < 0:
		d.failf("bad %s (varint overflows 64 bits)", what)
	default:
		d.failf("bad %s (overlong varint)", what)
	}
}

// varint reads a zigzag varint, or fails naming what.
func (d *Decoder) varint(what string) (int64, bool) {
	if d.err != nil {
		return 0, false
	}
	v, k := binary.Varint(d.data[d.off:])
	if k <= 0 || k > 1 && d.data[d.off+k-1] == 0 {
		d.badVarint(what, k)
		return 0, false
	}
	d.off += k
	return v, true
}

// length reads the length of what, whose items take at least one byte each:
// a length beyond the bytes left is truncated data (and sizes no allocation).
func (d *Decoder) length(what string) int {
	if d.err != nil {
		return 0
	}
	// A length below 128, one byte: the common case, without a call.
	if d.off < len(d.data) {
		if n := int(d.data[d.off]); n < 0x80 && n <= len(d.data)-d.off-1 {
			d.off++
			return n
		}
	}
	n, k := binary.Uvarint(d.data[d.off:])
	if k <= 0 || k > 1 && d.data[d.off+k-1] == 0 || n > uint64(len(d.data)-d.off-k) {
		d.badLength(what, n, k)
		return 0
	}
	d.off += k
	return int(n)
}

// badLength fails for the length n of what, read in k bytes.
func (d *Decoder) badLength(what string, n uint64, k int) {
	if k <= 0 || d.data[d.off+k-1] == 0 {
		d.badVarint(what+" length", k)
		return
	}
	d.failf("truncated %s: length %d, %d bytes left", what, n, len(d.data)-d.off-k)
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
	// A value in -64..63, one byte: the common case, without a call.
	if d.off < len(d.data) {
		if c := d.data[d.off]; c < 0x80 {
			d.off++
			return int64(c>>1) ^ -int64(c&1)
		}
	}
	v, k := binary.Varint(d.data[d.off:])
	if k <= 0 || d.data[d.off+k-1] == 0 {
		d.badVarint("int", k)
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
	if d.off < len(d.data) {
		if c := d.data[d.off]; c < 0x80 {
			d.off++
			return uint64(c)
		}
	}
	v, k := binary.Uvarint(d.data[d.off:])
	if k <= 0 || d.data[d.off+k-1] == 0 {
		d.badVarint("uint", k)
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
		d.short("float")
		return 0
	}
	v := math.Float64frombits(binary.BigEndian.Uint64(d.data[d.off:]))
	d.off += 8
	return v
}

// byte01 reads one byte that must be 0 or 1.
func (d *Decoder) byte01(what string) bool {
	if d.err != nil {
		return false
	}
	if d.off >= len(d.data) {
		d.short(what)
		return false
	}
	if c := d.data[d.off]; c > 1 {
		d.failf("bad %s %d (want 0 or 1)", what, c)
		return false
	}
	v := d.data[d.off] == 1
	d.off++
	return v
}

// Bool reads one byte that must be 0 or 1.
func (d *Decoder) Bool() bool {
	if d.err != nil {
		return false
	}
	if d.off >= len(d.data) || d.data[d.off] > 1 {
		d.byte01("bool") // fails, naming the reason
		return false
	}
	v := d.data[d.off] == 1
	d.off++
	return v
}

// Time reads an instant (see AppendTime), in UTC.
func (d *Decoder) Time() time.Time {
	sec, ok := d.varint("time seconds")
	if !ok {
		return time.Time{}
	}
	at := d.off
	nsec, ok := d.uvarint("time nanoseconds")
	if !ok {
		return time.Time{}
	}
	if nsec >= 1e9 {
		d.off = at
		d.failf("bad time nanoseconds %d (beyond a second)", nsec)
		return time.Time{}
	}
	return time.Unix(sec, int64(nsec)).UTC()
}

// Duration reads a duration (zigzag varint nanoseconds).
func (d *Decoder) Duration() time.Duration {
	v, _ := d.varint("duration")
	return time.Duration(v)
}

// Present reads the presence byte of an optional value, which must be 0 or 1.
func (d *Decoder) Present() bool { return d.byte01("presence byte") }

// Len reads the length of a list or map whose items (entries) take at least
// min bytes each: a length that the bytes left cannot hold is malformed (and
// sizes no allocation). For items that may take no bytes (min 0: records
// without fields), the length is at most math.MaxInt32.
func (d *Decoder) Len(min int) int {
	if d.err != nil {
		return 0
	}
	n, k := binary.Uvarint(d.data[d.off:])
	if k <= 0 || k > 1 && d.data[d.off+k-1] == 0 {
		d.badVarint("list or map length", k)
		return 0
	}
	limit := uint64(math.MaxInt32)
	if min > 0 {
		limit = uint64((len(d.data) - d.off - k) / min)
	}
	if n > limit {
		if min > 0 {
			d.failf("truncated list or map: length %d, %d bytes left", n, len(d.data)-d.off-k)
		} else {
			d.failf("bad list length %d (beyond %d)", n, limit)
		}
		return 0
	}
	d.off += k
	return int(n)
}

// Fail makes the decoding fail: what is bad at the offset (the first error
// sticks).
func (d *Decoder) Fail(what string) { d.fail(what) }

// StringKey reads the key of entry i of a map with string keys; prev is the
// key of entry i-1. Keys must increase strictly (bytewise).
func (d *Decoder) StringKey(i int, prev string) string {
	at := d.off
	k := d.String()
	if i > 0 && k <= prev && d.err == nil {
		d.off = at
		d.failf("map key %q after %q (keys must increase)", k, prev)
	}
	return k
}

// IntKey reads the key of entry i of a map with int keys; prev is the key of
// entry i-1. Keys must increase strictly.
func (d *Decoder) IntKey(i int, prev int64) int64 {
	at := d.off
	k := d.Int()
	if i > 0 && k <= prev && d.err == nil {
		d.off = at
		d.failf("map key %d after %d (keys must increase)", k, prev)
	}
	return k
}

// MaxDepth bounds the nesting of records decoded through Enter: a hostile
// input cannot make a recursive record's decoding overflow the stack.
const MaxDepth = 10000

// Enter notes that the decoding of a record that may contain itself begins,
// and reports whether it may go on (false beyond MaxDepth nested records: the
// decoder has then failed). Leave ends it.
func (d *Decoder) Enter() bool {
	if d.err != nil {
		return false
	}
	d.depth++
	if d.depth > MaxDepth {
		d.failf("records nested deeper than %d", MaxDepth)
		return false
	}
	return true
}

// Leave ends what Enter began.
func (d *Decoder) Leave() { d.depth-- }

// Err returns the first error so far.
func (d *Decoder) Err() error { return d.err }

// Finish returns the first error, or an error if bytes are left over.
func (d *Decoder) Finish() error {
	if d.err == nil && d.off != len(d.data) {
		d.failf("trailing data (%d bytes)", len(d.data)-d.off)
	}
	return d.err
}

// UnknownDelivery is returned by generated Invoke methods for a Delivery they do
// not know; it means the engine and the generated code disagree.
func UnknownDelivery(d Delivery) error {
	return fmt.Errorf("fw: unknown delivery: processor %d, case %d", d.Proc, d.Case)
}
