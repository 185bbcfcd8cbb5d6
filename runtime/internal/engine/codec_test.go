package engine_test

import (
	"encoding/hex"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	fwrt "github.com/fwgo/fw/runtime/internal/engine"
)

// Golden bytes of the canonical encoding of the composite types' parts: a
// change to any of them changes cache keys and records, so it must be a
// deliberate one (and bump the record format).
func TestCodecGolden(t *testing.T) {
	oslo := time.FixedZone("Oslo", 3600)
	for _, tc := range []struct {
		name string
		b    []byte
		want string
	}{
		{"time zero", fwrt.AppendTime(nil, time.Time{}), "ffdb8ff9ce0300"},
		{"time epoch", fwrt.AppendTime(nil, time.Unix(0, 0)), "0000"},
		{"time before epoch", fwrt.AppendTime(nil, time.Unix(-1, 5)), "0105"},
		{"time 2026-01-02T15:04:05.123456789Z", fwrt.AppendTime(nil, time.Date(2026, 1, 2, 15, 4, 5, 123456789, time.UTC)), "caf9be950d959aef3a"},
		// The instant only: the same instant in another zone, and with a
		// monotonic reading, encodes the same.
		{"time, other zone", fwrt.AppendTime(nil, time.Date(2026, 1, 2, 16, 4, 5, 123456789, oslo)), "caf9be950d959aef3a"},
		{"duration 0", fwrt.AppendDuration(nil, 0), "00"},
		{"duration 1ns", fwrt.AppendDuration(nil, 1), "02"},
		{"duration -1ns", fwrt.AppendDuration(nil, -1), "01"},
		{"duration 1h2m3.5s", fwrt.AppendDuration(nil, time.Hour+2*time.Minute+3500*time.Millisecond), "80cca89eded801"},
		{"duration min", fwrt.AppendDuration(nil, math.MinInt64), "ffffffffffffffffff01"},
		{"absent", fwrt.AppendPresent(nil, false), "00"},
		{"present", fwrt.AppendPresent(nil, true), "01"},
		{"len 0", fwrt.AppendLen(nil, 0), "00"},
		{"len 300", fwrt.AppendLen(nil, 300), "ac02"},
	} {
		if got := hex.EncodeToString(tc.b); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
	now := time.Now() // with a monotonic reading
	if a, b := fwrt.AppendTime(nil, now), fwrt.AppendTime(nil, now.Round(0).In(time.FixedZone("X", -7200))); !slices.Equal(a, b) {
		t.Errorf("time.Now() encodes as %x, its instant elsewhere as %x", a, b)
	}
}

// appendStringMap is what generated code writes for a map[string]int64.
func appendStringMap(b []byte, m map[string]int64) []byte {
	var kb [8]string
	b = fwrt.AppendLen(b, len(m))
	for _, k := range fwrt.SortedKeys(m, kb[:0]) {
		b = fwrt.AppendString(b, k)
		b = fwrt.AppendInt(b, m[k])
	}
	return b
}

func decodeStringMap(d *fwrt.Decoder) map[string]int64 {
	n := d.Len(1)
	if n == 0 {
		return nil
	}
	m := make(map[string]int64, n)
	var k string
	for i := range n {
		k = d.StringKey(i, k)
		m[k] = d.Int()
	}
	return m
}

func appendIntMap(b []byte, m map[int64]string) []byte {
	var kb [8]int64
	b = fwrt.AppendLen(b, len(m))
	for _, k := range fwrt.SortedKeys(m, kb[:0]) {
		b = fwrt.AppendInt(b, k)
		b = fwrt.AppendString(b, m[k])
	}
	return b
}

func decodeIntMap(d *fwrt.Decoder) map[int64]string {
	n := d.Len(1)
	if n == 0 {
		return nil
	}
	m := make(map[int64]string, n)
	var k int64
	for i := range n {
		k = d.IntKey(i, k)
		m[k] = d.String()
	}
	return m
}

func TestMapGolden(t *testing.T) {
	// Keys bytewise: "B" < "a" < "ab" < "b" < "é".
	m := map[string]int64{"b": 1, "a": -1, "ab": 2, "B": 3, "é": 0}
	if got, want := hex.EncodeToString(appendStringMap(nil, m)), "05"+"014206"+"016101"+"02616204"+"016202"+"02c3a900"; got != want {
		t.Errorf("string map: %s, want %s", got, want)
	}
	// Keys numerically: -300 < -1 < 0 < 2 < 300.
	im := map[int64]string{2: "b", -1: "", 300: "x", 0: "z", -300: "y"}
	if got, want := hex.EncodeToString(appendIntMap(nil, im)), "05"+"d7040179"+"0100"+"00017a"+"040162"+"d8040178"; got != want {
		t.Errorf("int map: %s, want %s", got, want)
	}
	if got := hex.EncodeToString(appendStringMap(nil, nil)); got != "00" {
		t.Errorf("nil map: %s, want 00", got)
	}
}

// TestMapOrderIndependent: maps with the same entries, built in different
// insertion orders (and so iterated in different orders), encode the same,
// and decode back to equal maps.
func TestMapOrderIndependent(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		n := r.IntN(40)
		keys := make([]string, n)
		ikeys := make([]int64, n)
		for i := range keys {
			keys[i] = strings.Repeat(string(rune('a'+r.IntN(3))), r.IntN(3))
			ikeys[i] = r.Int64N(100) - 50
			if r.IntN(4) == 0 {
				ikeys[i] = int64(r.Uint64())
			}
		}
		var first, ifirst []byte
		for range 5 {
			r.Shuffle(n, func(i, j int) { keys[i], keys[j] = keys[j], keys[i]; ikeys[i], ikeys[j] = ikeys[j], ikeys[i] })
			m, im := map[string]int64{}, map[int64]string{}
			for i, k := range keys {
				m[k] = int64(len(k))
				im[ikeys[i]] = "v"
			}
			b, ib := appendStringMap(nil, m), appendIntMap(nil, im)
			if first == nil {
				first, ifirst = b, ib
			} else if !slices.Equal(b, first) || !slices.Equal(ib, ifirst) {
				t.Fatalf("insertion order changed the encoding: %x vs %x, %x vs %x", b, first, ib, ifirst)
			}
			d := fwrt.NewDecoder(b)
			got := decodeStringMap(d)
			if err := d.Finish(); err != nil || len(got) != len(m) {
				t.Fatalf("decode %x: %v, %v", b, got, err)
			}
			for k, v := range m {
				if gv, ok := got[k]; !ok || gv != v {
					t.Fatalf("decode %x: %v, want %v", b, got, m)
				}
			}
			d = fwrt.NewDecoder(ib)
			igot := decodeIntMap(d)
			if err := d.Finish(); err != nil || len(igot) != len(im) {
				t.Fatalf("decode %x: %v, %v", ib, igot, err)
			}
		}
	}
}

// TestSortedKeysAllocs: a small map's keys sort in the caller's stack
// buffer.
func TestSortedKeysAllocs(t *testing.T) {
	m := map[string]int64{"c": 1, "a": 2, "b": 3}
	im := map[int64]string{3: "", 1: "", 2: ""}
	var b []byte
	if n := testing.AllocsPerRun(100, func() {
		b = appendStringMap(b[:0], m)
		b = appendIntMap(b, im)
	}); n != 0 {
		t.Errorf("encoding small maps: %v allocs, want 0", n)
	}
	big := map[int64]string{}
	for i := range 100 {
		big[int64(i*7%100)] = ""
	}
	if keys := fwrt.SortedKeys(big, nil); len(keys) != 100 || !slices.IsSorted(keys) {
		t.Errorf("SortedKeys of 100 keys: %v", keys)
	}
}

func TestTimeRoundTrip(t *testing.T) {
	for _, tm := range []time.Time{
		{},
		time.Unix(0, 0).UTC(),
		time.Unix(-1, 999999999).UTC(),
		time.Date(2026, 1, 2, 15, 4, 5, 123456789, time.UTC),
		time.Unix(math.MaxInt64/2, 1).UTC(),
		time.Unix(math.MinInt64/2, 0).UTC(),
	} {
		b := fwrt.AppendTime(nil, tm)
		d := fwrt.NewDecoder(b)
		got := d.Time()
		if err := d.Finish(); err != nil || got != tm {
			t.Errorf("time %v: decoded %v, %v", tm, got, err)
		}
	}
	// Another zone and a monotonic reading: the same instant, in UTC.
	now := time.Now()
	d := fwrt.NewDecoder(fwrt.AppendTime(nil, now))
	if got := d.Time(); got != now.Round(0).UTC() || got.Location() != time.UTC {
		t.Errorf("time.Now(): decoded %v, want %v", got, now.UTC())
	}
	for _, v := range []time.Duration{0, 1, -1, math.MaxInt64, math.MinInt64, 90 * time.Minute} {
		d := fwrt.NewDecoder(fwrt.AppendDuration(nil, v))
		if got := d.Duration(); got != v || d.Finish() != nil {
			t.Errorf("duration %v: decoded %v, %v", v, got, d.Finish())
		}
	}
}

// TestDecoderErrors: truncated and malformed inputs fail with an error that
// says what and where, wrapping ErrEncoding; the first error sticks.
func TestDecoderErrors(t *testing.T) {
	h := func(s string) []byte {
		b, err := hex.DecodeString(s)
		if err != nil {
			panic(err)
		}
		return b
	}
	for _, tc := range []struct {
		name string
		data []byte
		read func(d *fwrt.Decoder)
		want string
	}{
		{"empty time", nil, func(d *fwrt.Decoder) { d.Time() }, "truncated time seconds at offset 0"},
		{"time without nanoseconds", h("02"), func(d *fwrt.Decoder) { d.Time() }, "truncated time nanoseconds at offset 1"},
		{"time nanoseconds in a cut varint", h("0280"), func(d *fwrt.Decoder) { d.Time() }, "truncated time nanoseconds at offset 1"},
		{"time nanoseconds beyond a second", h("028094ebdc03"), func(d *fwrt.Decoder) { d.Time() }, "bad time nanoseconds 1000000000 (beyond a second) at offset 1"},
		{"time seconds overflow", h("ffffffffffffffffffff01"), func(d *fwrt.Decoder) { d.Time() }, "bad time seconds (varint overflows 64 bits) at offset 0"},
		{"empty duration", nil, func(d *fwrt.Decoder) { d.Duration() }, "truncated duration at offset 0"},
		{"cut duration", h("8080"), func(d *fwrt.Decoder) { d.Duration() }, "truncated duration at offset 0"},
		{"presence 2", h("02"), func(d *fwrt.Decoder) { d.Present() }, "bad presence byte 2 (want 0 or 1) at offset 0"},
		{"no presence", nil, func(d *fwrt.Decoder) { d.Present() }, "truncated presence byte at offset 0"},
		{"bool 7", h("07"), func(d *fwrt.Decoder) { d.Bool() }, "bad bool 7 (want 0 or 1) at offset 0"},
		{"length beyond the data", h("0501"), func(d *fwrt.Decoder) { d.Len(1) }, "truncated list or map: length 5, 1 bytes left at offset 0"},
		{"huge length", h("ffffffffffffffff7f"), func(d *fwrt.Decoder) { d.Len(1) }, "truncated list or map: length 9223372036854775807"},
		{"huge empty-items length", h("ffffffff0f"), func(d *fwrt.Decoder) { d.Len(0) }, "bad list length 4294967295 (beyond 2147483647) at offset 0"},
		{"length beyond the entries' size", h("0300000000"), func(d *fwrt.Decoder) { d.Len(2) }, "truncated list or map: length 3, 4 bytes left at offset 0"},
		{"cut length", h("80"), func(d *fwrt.Decoder) { d.Len(1) }, "truncated list or map length at offset 0"},
		{"overlong int", h("8600"), func(d *fwrt.Decoder) { d.Int() }, "bad int (overlong varint) at offset 0"},
		{"overlong uint", h("8180808000"), func(d *fwrt.Decoder) { d.Uint() }, "bad uint (overlong varint) at offset 0"},
		{"overlong string length", h("8100" + "61"), func(d *fwrt.Decoder) { _ = d.String() }, "bad string length (overlong varint) at offset 0"},
		{"overlong list length", h("8000"), func(d *fwrt.Decoder) { d.Len(1) }, "bad list or map length (overlong varint) at offset 0"},
		{"overlong duration", h("8000"), func(d *fwrt.Decoder) { d.Duration() }, "bad duration (overlong varint) at offset 0"},
		{"overlong time nanoseconds", h("00" + "8100"), func(d *fwrt.Decoder) { d.Time() }, "bad time nanoseconds (overlong varint) at offset 1"},
		{"string cut", h("03616263"[:6]), func(d *fwrt.Decoder) { _ = d.String() }, "truncated string: length 3, 2 bytes left at offset 0"},
		{"float cut", h("3ff0"), func(d *fwrt.Decoder) { d.Float() }, "truncated float at offset 0"},
		{"string keys out of order", h("02" + "0162" + "0161"), func(d *fwrt.Decoder) {
			var k string
			for i := range d.Len(1) {
				k = d.StringKey(i, k)
			}
		}, `map key "a" after "b" (keys must increase) at offset 3`},
		{"string key repeated", h("02" + "0161" + "0161"), func(d *fwrt.Decoder) {
			var k string
			for i := range d.Len(1) {
				k = d.StringKey(i, k)
			}
		}, `map key "a" after "a" (keys must increase) at offset 3`},
		{"int keys out of order", h("02" + "04" + "01"), func(d *fwrt.Decoder) {
			var k int64
			for i := range d.Len(1) {
				k = d.IntKey(i, k)
			}
		}, `map key -1 after 2 (keys must increase) at offset 2`},
		{"trailing data", h("0000ff"), func(d *fwrt.Decoder) { d.Time() }, "trailing data (1 bytes) at offset 2"},
		{"first error sticks", h("0105"), func(d *fwrt.Decoder) { d.Present(); d.Present(); d.Time() }, "bad presence byte 5 (want 0 or 1) at offset 1"},
	} {
		d := fwrt.NewDecoder(tc.data)
		tc.read(d)
		err := d.Finish()
		if err == nil || !errors.Is(err, fwrt.ErrEncoding) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want an ErrEncoding with %q", tc.name, err, tc.want)
		}
	}
}

// TestDecoderDepth: Enter bounds the nesting of recursive records.
func TestDecoderDepth(t *testing.T) {
	d := fwrt.NewDecoder(nil)
	n := 0
	for d.Enter() {
		n++
	}
	if n != fwrt.MaxDepth || !strings.Contains(d.Finish().Error(), "records nested deeper than 10000") {
		t.Errorf("Enter: %d levels, %v", n, d.Finish())
	}
	d = fwrt.NewDecoder(nil)
	for range 2 * fwrt.MaxDepth {
		if !d.Enter() {
			t.Fatal("Enter failed with Leave between")
		}
		d.Leave()
	}
}

// BenchmarkDecoderScalars decodes the fields of a scalar event (the shop's
// Order), the path every existing event takes.
func BenchmarkDecoderScalars(b *testing.B) {
	var data []byte
	data = fwrt.AppendString(data, "o-12345")
	data = fwrt.AppendString(data, "EU")
	data = fwrt.AppendInt(data, 120)
	data = fwrt.AppendFloat(data, 1.5)
	data = fwrt.AppendBool(data, true)
	data = fwrt.AppendUint(data, 2)
	data = fwrt.AppendBytes(data, []byte("hello"))
	b.ReportAllocs()
	for b.Loop() {
		d := fwrt.NewDecoder(data)
		_ = d.String()
		_ = d.String()
		_ = d.Int()
		_ = d.Float()
		_ = d.Bool()
		_ = d.Uint()
		_ = d.Bytes()
		if d.Finish() != nil {
			b.Fatal(d.Finish())
		}
	}
}
