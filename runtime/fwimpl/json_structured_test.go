package fwimpl_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/fwgo/fw/runtime/fw"
	"github.com/fwgo/fw/runtime/fwimpl"
)

const orderLine = `{"event":"Order","id":"o-1",` +
	`"customer":{"name":"Ada","vip":true,"address":{"street":"Storgata 1","city":"Oslo","zip":"0155"}},` +
	`"items":[{"sku":"a","qty":2,"price":1.5},{"sku":"b","qty":-1,"price":-0}],` +
	`"tags":["x","\u00e9"],"labels":{"b":"2","a":"1"},"byDay":{"7":["s"],"-1":[]},"discount":10,` +
	`"placed":"2026-01-02T16:04:05.123456789+01:00","ttl":"1h30m","billing":{"street":"","city":"Bergen","zip":null},` +
	`"status":"PAID","note":"aGk="}`

func decode(t *testing.T, line string) (any, error) {
	t.Helper()
	return types.DecodeJSON([]byte(line))
}

func TestDecodeJSONStructured(t *testing.T) {
	ev, err := decode(t, orderLine)
	if err != nil {
		t.Fatal(err)
	}
	want := sampleOrder()
	got := ev.(Order)
	if !reflect.DeepEqual(got, want) || !math.Signbit(got.Items[1].Price) {
		t.Errorf("DecodeJSON:\n got %+v\nwant %+v", got, want)
	}
	if got.Placed.Location() != time.UTC {
		t.Errorf("placed in %v, want UTC", got.Placed.Location())
	}
}

// TestDecodeJSONOptional: an optional field may be left out or null (nil);
// a non-optional one may not, at any depth; empty arrays and objects are nil.
func TestDecodeJSONOptional(t *testing.T) {
	base := `{"event":"Order","id":"o","customer":{"name":"n","vip":false,"address":{"street":"s","city":"c"}},` +
		`"items":[],"tags":[],"labels":{},"byDay":{},"placed":"2026-01-02T15:04:05Z","ttl":"0s","status":"NEW","note":""`
	want := Order{ID: "o", Customer: Customer{Name: "n", Address: Address{Street: "s", City: "c"}}, Placed: time.Date(2026, 1, 2, 15, 4, 5, 0, time.UTC)}
	for _, line := range []string{base + `}`, base + `,"discount":null,"billing":null}`} {
		ev, err := decode(t, line)
		if err != nil || !reflect.DeepEqual(ev, want) {
			t.Errorf("DecodeJSON(%s) = %+v, %v; want %+v", line, ev, err, want)
		}
	}
}

// TestDecodeJSONStructuredErrors: every error names the path of the value
// inside its field, and keeps the scalar fields' messages.
func TestDecodeJSONStructuredErrors(t *testing.T) {
	// with replaces the member name:value of the sample line.
	with := func(name, value string) string {
		var m map[string]json.RawMessage
		if err := json.Unmarshal([]byte(orderLine), &m); err != nil {
			t.Fatal(err)
		}
		keys := []string{"event", "id", "customer", "items", "tags", "labels", "byDay", "discount", "placed", "ttl", "billing", "status", "note"}
		var b strings.Builder
		b.WriteString("{")
		for i, k := range keys {
			if i > 0 {
				b.WriteString(",")
			}
			v := string(m[k])
			if k == name {
				v = value
			}
			b.WriteString(`"` + k + `":` + v)
		}
		b.WriteString("}")
		return b.String()
	}
	for _, tc := range []struct {
		name, line  string
		field, want string
	}{
		{"list item's field", with("items", `[{"sku":"a","qty":2,"price":1},{"sku":"b","qty":"x","price":1}]`), "items[1].qty", `field "items[1].qty" at column 183: want an int, got a string`},
		{"float for an int in a list", with("items", `[{"sku":"a","qty":2.5,"price":1}]`), "items[0].qty", `want an int, got 2.5`},
		{"list item of another type", with("tags", `["a",1]`), "tags[1]", `field "tags[1]" at column 213: want a string, got a number`},
		{"null list", with("tags", `null`), "tags", `want an array, got null`},
		{"object for a list", with("tags", `{}`), "tags", `want an array, got an object`},
		{"array for a record", with("customer", `[]`), "customer", `want an object, got an array`},
		{"nested record's field", with("customer", `{"name":"n","vip":1,"address":{"street":"s","city":"c"}}`), "customer.vip", `want a bool, got a number`},
		{"deeply nested", with("customer", `{"name":"n","vip":true,"address":{"street":"s","city":7}}`), "customer.address.city", `field "customer.address.city" at column 94: want a string, got a number`},
		{"unknown field of a record", with("customer", `{"name":"n","vip":true,"Address":{}}`), "customer.Address", `unknown field "customer.Address" at column 63`},
		{"duplicate field of a record", with("customer", `{"name":"n","name":"m","vip":true,"address":{"street":"s","city":"c"}}`), "customer.name", `duplicate field "customer.name"`},
		{"missing field of a record", with("customer", `{"name":"n","vip":true,"address":{"street":"s"}}`), "customer.address.city", `missing field "customer.address.city"`},
		{"case-sensitive record fields", with("billing", `{"Street":"","city":"c"}`), "billing.Street", `unknown field "billing.Street"`},
		{"map value", with("labels", `{"a":"1","b":2}`), `labels["b"]`, `field "labels[\"b\"]" at column 245: want a string, got a number`},
		{"duplicate map key", with("labels", `{"a":"1","a":"2"}`), `labels["a"]`, `duplicate field "labels[\"a\"]"`},
		{"duplicate map key, escaped", with("labels", `{"a":"1","\u0061":"2"}`), `labels["a"]`, `duplicate field`},
		{"int map key not a number", with("byDay", `{"x":[]}`), `byDay["x"]`, `bad int key "x": want an int64 in decimal`},
		{"int map key with a plus", with("byDay", `{"+1":[]}`), `byDay["+1"]`, `bad int key "+1"`},
		{"int map key with a leading zero", with("byDay", `{"01":[]}`), `byDay["01"]`, `bad int key "01"`},
		{"int map key -0", with("byDay", `{"-0":[]}`), `byDay["-0"]`, `bad int key "-0"`},
		{"int map key out of range", with("byDay", `{"9223372036854775808":[]}`), `byDay["9223372036854775808"]`, `bad int key`},
		{"duplicate int map key", with("byDay", `{"1":[],"1":["a"]}`), `byDay[1]`, `duplicate field "byDay[1]"`},
		{"map of lists", with("byDay", `{"1":["a",false]}`), `byDay[1][1]`, `field "byDay[1][1]"`},
		{"optional of another type", with("discount", `"10"`), "discount", `want an int, got a string`},
		{"optional record's field", with("billing", `{"street":"","city":"c","zip":5}`), "billing.zip", `want a string, got a number`},
		{"bad time", with("placed", `"2026-13-01T00:00:00Z"`), "placed", `bad time "2026-13-01T00:00:00Z": want RFC 3339, e.g. 2026-01-02T15:04:05.5Z`},
		{"time without zone", with("placed", `"2026-01-01T00:00:00"`), "placed", `bad time`},
		{"time as a number", with("placed", `1767366245`), "placed", `want a time string, got a number`},
		{"bad duration", with("ttl", `"5 minutes"`), "ttl", `bad duration "5 minutes": want a Go duration, e.g. 1h2m3.5s`},
		{"duration as nanoseconds", with("ttl", `300000000000`), "ttl", `want a duration string, got a number`},
		{"invalid UTF-8 in a list item", with("tags", "[\"a\xffb\"]"), "tags[0]", `invalid UTF-8 in string`},
		{"invalid UTF-8 in a map key", with("labels", "{\"a\xff\":\"1\"}"), "labels", `invalid UTF-8 or unpaired surrogate in a member name`},
		{"unpaired surrogate in a record", with("customer", `{"name":"\ud800","vip":true,"address":{"street":"s","city":"c"}}`), "customer.name", `unpaired surrogate escape in string`},
		{"bad enum in a list's record", with("status", `"paid"`), "status", `unknown Status "paid"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ev, err := decode(t, tc.line)
			if err == nil {
				t.Fatalf("DecodeJSON(%s) = %+v, want an error", tc.line, ev)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("DecodeJSON(%s): %v, want %q", tc.line, err, tc.want)
			}
			var fe *fw.FieldError
			var me *fw.MissingFieldError
			switch {
			case errors.As(err, &fe):
				if fe.Field != tc.field || fe.Event != "Order" {
					t.Errorf("FieldError for %q of %s, want %q", fe.Field, fe.Event, tc.field)
				}
				if c := fe.Column - 1; c < 0 || c >= len(tc.line) {
					t.Errorf("column %d out of the line", fe.Column)
				}
			case errors.As(err, &me):
				if me.Field != tc.field {
					t.Errorf("MissingFieldError for %q, want %q", me.Field, tc.field)
				}
			default:
				t.Errorf("%v (%T): want a *fw.FieldError or *fw.MissingFieldError", err, err)
			}
			if strings.Contains(tc.want, "duplicate field") != errors.Is(err, fw.ErrDuplicateField) ||
				strings.Contains(tc.want, "unknown field") != errors.Is(err, fw.ErrUnknownField) {
				t.Errorf("%v: wrong errors.Is for fw.ErrDuplicateField or fw.ErrUnknownField", err)
			}
		})
	}
}

// TestDecodeJSONDepth: a hostile nesting fails as too deep, quickly; a deep
// but bounded one (a recursive record) decodes.
func TestDecodeJSONDepth(t *testing.T) {
	nest := func(n int) string {
		return `{"event":"Tree","root":` + strings.Repeat(`{"name":"x","kids":[],"next":`, n) + `null` + strings.Repeat(`}`, n) + `}`
	}
	ev, err := decode(t, nest(2000))
	if err != nil {
		t.Fatal(err)
	}
	depth := 0
	for n := ev.(Tree).Root.Next; n != nil; n = n.Next {
		depth++
	}
	if depth != 1999 {
		t.Errorf("decoded %d levels below the root, want 1999", depth)
	}
	if _, err := decode(t, nest(20000)); err == nil || !strings.Contains(err.Error(), "exceeded max depth") {
		t.Errorf("20000 levels: %v, want exceeded max depth", err)
	}
	if _, err := decode(t, `{"event":"Tree","root":`+strings.Repeat("[", 1<<20)); err == nil || !strings.Contains(err.Error(), "exceeded max depth") {
		t.Errorf("1M brackets: %v, want exceeded max depth", err)
	}
}

// TestEncodeJSONStructured pins the text of the sample order and reads it back.
func TestEncodeJSONStructured(t *testing.T) {
	o := sampleOrder()
	data, err := types.EncodeJSON(fwimpl.Msg{Kind: 0, Ev: &o})
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"event":"Order","id":"o-1",` +
		`"customer":{"name":"Ada","vip":true,"address":{"street":"Storgata 1","city":"Oslo","zip":"0155"}},` +
		`"items":[{"sku":"a","qty":2,"price":1.5},{"sku":"b","qty":-1,"price":-0}],` +
		`"tags":["x","é"],"labels":{"a":"1","b":"2"},"byDay":{"-1":[],"7":["s"]},"discount":10,` +
		`"placed":"2026-01-02T15:04:05.123456789Z","ttl":"1h30m0s","billing":{"street":"","city":"Bergen","zip":null},` +
		`"status":"PAID","note":"aGk="}`
	if string(data) != want {
		t.Errorf("EncodeJSON:\n got %s\nwant %s", data, want)
	}
	ev, err := types.DecodeJSON(data)
	if err != nil || !reflect.DeepEqual(ev, o) {
		t.Errorf("round trip: %+v, %v", ev, err)
	}
	o.Placed = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	if _, err := types.EncodeJSON(fwimpl.Msg{Kind: 0, Ev: &o}); err == nil || !strings.Contains(err.Error(), "placed: time") {
		t.Errorf("EncodeJSON of year 10000: %v, want an error naming placed", err)
	}
}

// TestEncodeJSONScalarsMatchEncodingJSON: for scalar values the structured
// encoder writes what encoding/json writes.
func TestEncodeJSONScalarsMatchEncodingJSON(t *testing.T) {
	type withList struct {
		P Plain   `json:"p"`
		L []Plain `json:"l"`
	}
	r := rand.New(rand.NewPCG(3, 4))
	strs := []string{"", "a", "<a&b>", "\u2028\u2029", "\x00\x1f\x7f", "é😀", "a\xffb", `"\`, "\t\n\r\b\f"}
	floats := []float64{0, math.Copysign(0, -1), 1e-7, 1e-6, 1e20, 1e21, 123.456, -5e-324, math.MaxFloat64, 1.0 / 3}
	for range 2000 {
		p := Plain{S: strs[r.IntN(len(strs))] + strs[r.IntN(len(strs))], I: int64(r.Uint64()), F: floats[r.IntN(len(floats))], B: r.IntN(2) == 0}
		if r.IntN(2) == 0 {
			p.F = math.Float64frombits(r.Uint64())
			if math.IsNaN(p.F) || math.IsInf(p.F, 0) {
				continue
			}
		}
		want, err := json.Marshal(withList{P: p, L: []Plain{p}})
		if err != nil {
			t.Fatal(err)
		}
		got := fwimpl.AppendJSONForTest(withList{P: p, L: []Plain{p}})
		if string(got) != string(want) {
			t.Fatalf("%+v:\n got %s\nwant %s", p, got, want)
		}
	}
}

// randOrder returns a random Order; maps are filled in a random order.
func randOrder(r *rand.Rand) Order {
	str := func() string {
		return []string{"", "a", "b", "ab", "é", "<&>", "x y", "\u2028"}[r.IntN(8)]
	}
	var o Order
	o.ID = str()
	o.Customer = Customer{Name: str(), VIP: r.IntN(2) == 0, Address: Address{Street: str(), City: str()}}
	if r.IntN(2) == 0 {
		o.Customer.Address.Zip = ptr(str())
	}
	for range r.IntN(4) {
		o.Items = append(o.Items, Item{SKU: str(), Qty: r.Int64N(200) - 100, Price: float64(r.IntN(1000)) / 8})
	}
	for range r.IntN(4) {
		o.Tags = append(o.Tags, str())
	}
	for range r.IntN(6) {
		if o.Labels == nil {
			o.Labels = map[string]string{}
		}
		o.Labels[str()+str()] = str()
	}
	for range r.IntN(6) {
		if o.ByDay == nil {
			o.ByDay = map[int64][]string{}
		}
		var v []string
		for range r.IntN(3) {
			v = append(v, str())
		}
		k := r.Int64N(20) - 10
		if r.IntN(5) == 0 {
			k = int64(r.Uint64())
		}
		o.ByDay[k] = v
	}
	if r.IntN(2) == 0 {
		o.Discount = ptr(r.Int64() - math.MaxInt64/2)
	}
	o.Placed = time.Unix(r.Int64N(1<<36)-1<<35, r.Int64N(1e9)).UTC()
	o.TTL = time.Duration(r.Int64() - math.MaxInt64/2)
	if r.IntN(2) == 0 {
		o.Billing = &Address{Street: str(), City: str()}
	}
	o.Status = Status(r.IntN(2))
	if n := r.IntN(4); n > 0 {
		o.Note = []byte(str() + "!")[:n%2+1]
	}
	return o
}

// reinsert returns o with its maps rebuilt in another insertion order.
func reinsert(r *rand.Rand, o Order) Order {
	if o.Labels != nil {
		keys := make([]string, 0, len(o.Labels))
		for k := range o.Labels {
			keys = append(keys, k)
		}
		r.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
		m := make(map[string]string, 1) // grown as it fills: another layout
		for _, k := range keys {
			m[k] = o.Labels[k]
		}
		o.Labels = m
	}
	if o.ByDay != nil {
		keys := make([]int64, 0, len(o.ByDay))
		for k := range o.ByDay {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if r.IntN(2) == 0 {
			slices.Reverse(keys)
		}
		m := map[int64][]string{}
		for _, k := range keys {
			m[k] = o.ByDay[k]
		}
		o.ByDay = m
	}
	return o
}

// TestStructuredProperties: for random orders, binary encode -> decode and
// JSON encode -> decode are the identity, and neither encoding depends on
// the maps' insertion order.
func TestStructuredProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 3000 {
		o := randOrder(r)
		b, err := o.AppendBinary(nil)
		if err != nil {
			t.Fatal(err)
		}
		var got Order
		if err := got.UnmarshalBinary(b); err != nil || !reflect.DeepEqual(got, o) {
			t.Fatalf("binary round trip of %+v: %+v, %v", o, got, err)
		}
		js, err := types.EncodeJSON(fwimpl.Msg{Kind: 0, Ev: &o})
		if err != nil {
			t.Fatal(err)
		}
		ev, err := types.DecodeJSON(js)
		if err != nil || !reflect.DeepEqual(ev, o) {
			t.Fatalf("JSON round trip of %+v through %s: %+v, %v", o, js, ev, err)
		}
		o2 := reinsert(r, o)
		b2, _ := o2.AppendBinary(nil)
		js2, _ := types.EncodeJSON(fwimpl.Msg{Kind: 0, Ev: &o2})
		if !slices.Equal(b, b2) || string(js) != string(js2) {
			t.Fatalf("insertion order changed the encoding of %+v:\n%x\n%x\n%s\n%s", o, b, b2, js, js2)
		}
	}
}

// TestStructuredBinaryGolden pins the canonical bytes of the sample order:
// each field's part, in declaration order.
func TestStructuredBinaryGolden(t *testing.T) {
	b, err := sampleOrder().AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"036f2d31", // id "o-1"
		"03416461" + "01" + "0a53746f72676174612031" + "044f736c6f" + "01" + "0430313535", // customer {Ada, vip, {Storgata 1, Oslo, zip present 0155}}
		"02" + "0161" + "04" + "3ff8000000000000" + "0162" + "01" + "8000000000000000",    // items [{a,2,1.5},{b,-1,-0}]
		"02" + "0178" + "02c3a9",                  // tags [x, é]
		"02" + "0161" + "0131" + "0162" + "0132",  // labels {a:1, b:2} in key order
		"02" + "01" + "00" + "0e" + "01" + "0173", // byDay {-1:[], 7:[s]} in key order
		"01" + "14",                           // discount present 10
		"caf9be950d" + "959aef3a",             // placed 2026-01-02T15:04:05.123456789Z
		"80c0a791a9ba02",                      // ttl 90m
		"01" + "00" + "0642657267656e" + "00", // billing {"", Bergen, zip absent}
		"01",                                  // status PAID
		"026869",                              // note "hi"
	}, "")
	if got := hex.EncodeToString(b); got != want {
		t.Errorf("sample order:\n got %s\nwant %s", got, want)
	}
	// The decoder rejects a non-canonical variant: map keys out of order.
	bad, _ := hex.DecodeString(strings.Replace(want, "0161"+"0131"+"0162"+"0132", "0162"+"0132"+"0161"+"0131", 1))
	var o Order
	if err := o.UnmarshalBinary(bad); err == nil || !strings.Contains(err.Error(), `map key "a" after "b"`) {
		t.Errorf("keys out of order: %v", err)
	}
}

// TestScalarJSONAllocs: an event of scalar fields decodes with the allocations
// it always had (the strings only).
func TestScalarJSONAllocs(t *testing.T) {
	line := []byte(`{"event":"Plain","s":"abc","i":1,"f":2.5,"b":true}`)
	if n := testing.AllocsPerRun(100, func() {
		if _, err := types.DecodeJSON(line); err != nil {
			t.Fatal(err)
		}
	}); n > 3 {
		t.Errorf("DecodeJSON of a scalar event: %v allocs, want 3 (the event, its string, the event as an any)", n)
	}
}

// TestJSONTimesInside: times and durations inside lists, maps, optional
// values and records decode (times in UTC), encode back, and name their
// paths in errors.
func TestJSONTimesInside(t *testing.T) {
	line := `{"event":"Sched","at":["2026-01-02T15:04:05Z","1999-12-31T23:59:59.999999999-08:00"],` +
		`"every":{"x":"1.5s","y":"-2h"},"maybe":"2026-06-01T00:00:00.000000001Z",` +
		`"slots":{"3":{"from":"2026-01-01T10:00:00+02:00","for":"45m","tags":["a"]}}}`
	ev, err := schedTypes.DecodeJSON([]byte(line))
	if err != nil {
		t.Fatal(err)
	}
	want := Sched{
		At:    []time.Time{time.Date(2026, 1, 2, 15, 4, 5, 0, time.UTC), time.Date(2000, 1, 1, 7, 59, 59, 999999999, time.UTC)},
		Every: map[string]time.Duration{"x": 1500 * time.Millisecond, "y": -2 * time.Hour},
		Maybe: ptr(time.Date(2026, 6, 1, 0, 0, 0, 1, time.UTC)),
		Slots: map[int64]Slot{3: {From: time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC), For: 45 * time.Minute, Tags: []string{"a"}}},
	}
	if !reflect.DeepEqual(ev, want) {
		t.Errorf("DecodeJSON:\n got %+v\nwant %+v", ev, want)
	}
	data, err := schedTypes.EncodeJSON(fwimpl.Msg{Ev: &want})
	if err != nil {
		t.Fatal(err)
	}
	const text = `{"event":"Sched","at":["2026-01-02T15:04:05Z","2000-01-01T07:59:59.999999999Z"],"every":{"x":"1.5s","y":"-2h0m0s"},` +
		`"maybe":"2026-06-01T00:00:00.000000001Z","slots":{"3":{"from":"2026-01-01T08:00:00Z","for":"45m0s","tags":["a"]}}}`
	if string(data) != text {
		t.Errorf("EncodeJSON:\n got %s\nwant %s", data, text)
	}
	if back, err := schedTypes.DecodeJSON(data); err != nil || !reflect.DeepEqual(back, want) {
		t.Errorf("round trip: %+v, %v", back, err)
	}
	for _, tc := range []struct{ line, field, msg string }{
		{`{"event":"Sched","at":["2026-01-02T15:04:05Z","yesterday"],"every":{},"slots":{}}`, "at[1]", `bad time "yesterday"`},
		{`{"event":"Sched","at":[],"every":{"x":5},"slots":{}}`, `every["x"]`, `want a duration string, got a number`},
		{`{"event":"Sched","at":[],"every":{},"maybe":"2026-02-30T00:00:00Z","slots":{}}`, "maybe", `bad time "2026-02-30T00:00:00Z"`},
		{`{"event":"Sched","at":[],"every":{},"slots":{"1":{"from":"2026-01-01T10:00:00Z","for":"1d","tags":[]}}}`, "slots[1].for", `bad duration "1d"`},
		{`{"event":"Sched","at":[],"every":{},"slots":{"1":{"from":"2026-01-01T10:00:00Z","tags":[]}}}`, "slots[1].for", `missing field "slots[1].for"`},
		{`{"event":"Sched","at":[],"every":{}}`, "slots", `missing field "slots"`},
	} {
		_, err := schedTypes.DecodeJSON([]byte(tc.line))
		var fe *fw.FieldError
		var me *fw.MissingFieldError
		if err == nil || !strings.Contains(err.Error(), tc.msg) ||
			!(errors.As(err, &fe) && fe.Field == tc.field || errors.As(err, &me) && me.Field == tc.field) {
			t.Errorf("DecodeJSON(%s): %v, want %q about %s", tc.line, err, tc.msg, tc.field)
		}
	}
}

// FuzzDecodeJSONStructured: whatever the strict decoder accepts is valid
// JSON and UTF-8, decodes the same with its members in reverse order (one
// pass whatever the order, issue 15), and EncodeJSON writes it back as text
// that decodes to the same event. A did-you-mean names a declared event or
// field, never the misspelt name itself.
func FuzzDecodeJSONStructured(f *testing.F) {
	f.Add([]byte(orderLine))
	f.Add([]byte(`{"event":"Tree","root":{"name":"a","kids":[{"name":"b","kids":[],"next":null}],"next":{"name":"c","kids":[]}}}`))
	f.Add([]byte(`{"event":"Plain","s":"x","i":1,"f":1.5,"b":true}`))
	f.Add([]byte(`{"b":true,"f":1.5,"i":1,"s":"x","event":"Plain"}`))
	f.Add([]byte(`{"event":"Plian","s":"x","i":1,"f":1.5,"b":true}`))
	f.Add([]byte(`{"event":"Plain","S":"x","i":1,"f":1.5,"b":true}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ev, err := types.DecodeJSON(data)
		if err != nil {
			var ue *fw.UnknownEventError
			var fe *fw.FieldError
			switch {
			case errors.As(err, &ue):
				if ue.Suggest != "" && (ue.Suggest == ue.Name || !slices.Contains([]string{"Order", "Tree", "Plain"}, ue.Suggest)) {
					t.Fatalf("%q: %v suggests %q", data, err, ue.Suggest)
				}
			case errors.As(err, &fe):
				// (The unknown member is the path's last segment.)
				if fe.Suggest != "" && (!errors.Is(err, fw.ErrUnknownField) || fe.Field == fe.Suggest || strings.HasSuffix(fe.Field, "."+fe.Suggest)) {
					t.Fatalf("%q: %v suggests %q", data, err, fe.Suggest)
				}
			}
			return
		}
		if !json.Valid(data) || !utf8.Valid(data) {
			t.Fatalf("accepted %q: not valid JSON or UTF-8", data)
		}
		if rev := reverseMembers(t, data); rev != nil {
			if back, err := types.DecodeJSON(rev); err != nil || !reflect.DeepEqual(back, ev) {
				t.Fatalf("%q decodes to %+v, its members reversed %s to %+v, %v", data, ev, rev, back, err)
			}
		}
		p := reflect.New(reflect.TypeOf(ev))
		p.Elem().Set(reflect.ValueOf(ev))
		kind := map[string]fwimpl.Kind{"Order": 0, "Tree": 1, "Plain": 2}[reflect.TypeOf(ev).Name()]
		text, err := types.EncodeJSON(fwimpl.Msg{Kind: kind, Ev: p.Interface()})
		if err != nil {
			if strings.Contains(err.Error(), "year outside") {
				return
			}
			t.Fatalf("%q: decoded %+v, EncodeJSON: %v", data, ev, err)
		}
		back, err := types.DecodeJSON(text)
		if err != nil || !reflect.DeepEqual(back, ev) {
			t.Fatalf("%q: decoded %+v, encoded %s, decoded again %+v, %v", data, ev, text, back, err)
		}
	})
}

// FuzzBinaryCanonical: the canonical decoding accepts one encoding per value:
// whatever it accepts re-encodes to the same bytes.
func FuzzBinaryCanonical(f *testing.F) {
	b, _ := sampleOrder().AppendBinary(nil)
	f.Add(b)
	r := rand.New(rand.NewPCG(7, 8))
	for range 20 {
		b, _ := randOrder(r).AppendBinary(nil)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var o Order
		if err := o.UnmarshalBinary(data); err != nil {
			if !errors.Is(err, fwimpl.ErrEncoding) {
				t.Fatalf("%x: %v is not an ErrEncoding", data, err)
			}
			return
		}
		again, _ := o.AppendBinary(nil)
		if !slices.Equal(again, data) {
			t.Fatalf("%x decodes to %+v, which encodes as %x", data, o, again)
		}
	})
}

// TestOptionalScalarErrors: an optional field's value is checked as its
// type's: a string with invalid UTF-8 for an optional int is the wrong type,
// for an optional string invalid UTF-8.
func TestOptionalScalarErrors(t *testing.T) {
	line := func(discount, zip string) string {
		return `{"event":"Order","id":"o","customer":{"name":"n","vip":false,"address":{"street":"s","city":"c","zip":` + zip + `}},` +
			`"items":[],"tags":[],"labels":{},"byDay":{},"discount":` + discount + `,"placed":"2026-01-02T15:04:05Z","ttl":"0s","status":"NEW","note":""}`
	}
	for _, tc := range []struct{ line, want string }{
		{line("\"1\xff\"", "null"), `field "discount" at column 165: want an int, got a string`},
		{line("1", "\"0\xff\""), `field "customer.address.zip" at column 105: invalid UTF-8 in string`},
		{line("1.5", "null"), `field "discount" at column 165: want an int, got 1.5`},
	} {
		if _, err := types.DecodeJSON([]byte(tc.line)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("DecodeJSON(%q): %v, want %q", tc.line, err, tc.want)
		}
	}
}

// checkSyntaxErrors: DecodeJSON reports a syntax error, the same one, exactly
// when a scan that checks every value in full finds one (the scan skips
// arrays and objects and leaves them to their fields' decoding).
func checkSyntaxErrors(t *testing.T, ts fwimpl.Types, data []byte) {
	_, err := ts.DecodeJSON(data)
	full := fwimpl.ScanForTest(data)
	isSyntax := false
	if err != nil && strings.HasPrefix(err.Error(), "fw: bad JSON event:") {
		for _, m := range []string{"invalid character", "unexpected end of JSON input", "exceeded max depth", "not a JSON object"} {
			isSyntax = isSyntax || strings.Contains(err.Error(), m)
		}
	}
	if full != nil && (err == nil || err.Error() != full.Error()) || full == nil && isSyntax {
		t.Fatalf("%q: DecodeJSON: %v; full scan: %v", data, err, full)
	}
}

func FuzzJSONSyntaxErrors(f *testing.F) {
	for _, s := range []string{orderLine, `{"event":"Tree","root":{"name":"a","kids":[{"name":"b","kids":[],"next":null}],"next":{"name":"c","kids":[]}}}`,
		`{"event":"Order","x":[1,}`, `{"a":[}}`, `{"event":"Plain","s":"x","i":[1 "b":2],"f":1.5,"b":true}`, `{"event":"Tree","root":{"name":"\q"}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkSyntaxErrors(t, types, data) })
}

// TestJSONSyntaxErrorsInSkippedValues: syntax errors inside arrays and
// objects are reported as syntax errors at their column, before any field
// error of the line, wherever they are.
func TestJSONSyntaxErrorsInSkippedValues(t *testing.T) {
	for _, tc := range []struct{ line, want string }{
		{`{"event":"Order","items":[1,]}`, `fw: bad JSON event: invalid character ']' looking for beginning of value at column 29`},
		{`{"event":"Order","x":[}],"y":1}`, `invalid character '}' looking for beginning of value at column 23`},
		{`{"event":"Order","id":"o","customer":{"name":"n" "vip":true}}`, `invalid character '"' after object key:value pair at column 50`},
		{`{"event":"Tree","root":{"name":"\q","kids":[],"next":null}}`, `invalid character 'q' in string escape code at column 34`},
		{"{\"event\":\"Tree\",\"root\":{\"name\":\"a\tb\",\"kids\":[],\"next\":null}}", `invalid character '\t' in string literal at column 34`},
		{`{"event":"Tree","root":{"name":"a","kids":[01],"next":null}}`, `invalid character '1' after array element at column 45`},
		{`{"event":"Tree","root":{"name":"a","kids":[],"next":nul}}`, `invalid character '}' in literal null (expecting 'l') at column 56`},
		{`{"zzz":[1,2,],"event":"Tree","root":{"name":"a","kids":[],"next":null}}`, `invalid character ']' looking for beginning of value at column 13`},
		{`{"event":"Tree","root":{"name":"a","kids":[],"next":null}},`, `invalid character ',' after top-level value at column 59`},
		{`{"event":"Tree","root":{"name":"a","kids":[]` + `,"next":{"name":"b","kids":[],"next":null}}`, `unexpected end of JSON input at column 88`},
	} {
		_, err := types.DecodeJSON([]byte(tc.line))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("DecodeJSON(%s): %v, want %q", tc.line, err, tc.want)
		}
		checkSyntaxErrors(t, types, []byte(tc.line))
	}
}

// TestDecodeJSONDidYouMean: an unknown event name, or an unknown member of an
// event or of a record inside it, names the closest declared one (the rule
// of fwgen's "did you mean"), and nothing when none is close.
func TestDecodeJSONDidYouMean(t *testing.T) {
	rest := orderLine[len(`{"event":"Order"`):]
	for _, tc := range []struct {
		line    string
		suggest string
		want    string
	}{
		{`{"event":"Ordr"` + rest, "Order", `fw: unknown event "Ordr"; did you mean "Order"?`},
		{`{"event":"order"` + rest, "Order", `fw: unknown event "order"; did you mean "Order"?`},
		{"{" + rest[1:len(rest)-1] + `,"event":"Oder"}`, "Order", `did you mean "Order"?`}, // "event" last: one pass all the same
		{`{"event":"Refund"` + rest, "", `fw: unknown event "Refund"`},
	} {
		_, err := decode(t, tc.line)
		var ue *fw.UnknownEventError
		if !errors.As(err, &ue) || ue.Suggest != tc.suggest || !strings.HasSuffix(err.Error(), tc.want) {
			t.Errorf("DecodeJSON(%s): %v, want an UnknownEventError suggesting %q: %s", tc.line, err, tc.suggest, tc.want)
		}
	}
	for _, tc := range []struct {
		from, to string
		field    string
		suggest  string
	}{
		{`"tags":`, `"tgas":`, "tgas", "tags"},
		{`"ttl":`, `"TTL":`, "TTL", "ttl"},
		{`"city":"Oslo"`, `"citty":"Oslo"`, "customer.address.citty", "city"},
		{`"qty":2`, `"qtty":2`, "items[0].qtty", "qty"},
		{`"note":`, `"memo":`, "memo", ""},
	} {
		line := strings.Replace(orderLine, tc.from, tc.to, 1)
		_, err := decode(t, line)
		var fe *fw.FieldError
		if !errors.As(err, &fe) || !errors.Is(err, fw.ErrUnknownField) || fe.Field != tc.field || fe.Suggest != tc.suggest {
			t.Errorf("DecodeJSON(%s): %v, want unknown field %s suggesting %q", line, err, tc.field, tc.suggest)
			continue
		}
		if hint := `; did you mean "` + tc.suggest + `"?`; (tc.suggest != "") != strings.HasSuffix(err.Error(), hint) {
			t.Errorf("%v: want the hint %q only if there is a suggestion", err, hint)
		}
	}
	// As docs/runtime.md shows it.
	_, err := decode(t, strings.Replace(orderLine, `"city":"Oslo"`, `"citty":"Oslo"`, 1))
	if want := `fw: event Order: unknown field "customer.address.citty" at column 98; did you mean "city"?`; err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

// reverseMembers is the object data with its top-level members in reverse
// order (their names re-encoded, their values as they are), nil if data is
// not an object encoding/json reads.
func reverseMembers(t *testing.T, data []byte) []byte {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil
	}
	var members [][]byte
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil
		}
		key, _ := json.Marshal(tok.(string))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil
		}
		members = append(members, append(append(key, ':'), raw...))
	}
	slices.Reverse(members)
	return append(append([]byte("{"), bytes.Join(members, []byte(","))...), '}')
}
