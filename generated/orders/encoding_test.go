package orders_test

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fwgo/fw/generated/orders"
	"github.com/fwgo/fw/runtime/fw"
	"github.com/fwgo/fw/runtime/fwimpl"
)

// The canonical binary encoding and the JSON form of every structured type,
// as generated (issue 14, "Encodings"; docs/runtime.md).

// TestCanonicalGoldenOrder pins the bytes of an Order with every type: a
// string, an enum and records nested in a record, an optional record, a list
// of records, a list of strings, a map of strings, a map of int to lists, an
// optional int, a time, a duration, an optional list of a record that
// contains itself. (The varints were computed apart from Go's encoder.)
func TestCanonicalGoldenOrder(t *testing.T) {
	got, err := sample("x").AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"0178", // id "x"
		"03416461" + "01" + // customer: name "Ada", tier GOLD (variant 1)
			"0931204d61696e205374" + "044f736c6f" + "01" + "0430313530" + // address {"1 Main St", "Oslo", zip present "0150"}
			"01" + "08504f20426f782037" + "0642657267656e" + "00", // billing present {"PO Box 7", "Bergen", zip absent}
		"02" + "0370656e" + "06" + "3ff8000000000000" + "03696e6b" + "02" + "401d000000000000", // items: 2, {pen, 3, 1.5}, {ink, 1, 7.25}
		"02" + "0467696674" + "0765787072657373",                                               // tags: 2, gift, express
		"02" + "0863616d706169676e" + "06737072696e67" + "076368616e6e656c" + "03776562",       // labels: campaign=spring, channel=web (key order)
		"03" + "05" + "02" + "03696e6b" + "0370656e" + "02" + "01" + "0370656e" + "28" + "00",  // byDay: -3 [ink pen], 1 [pen], 20 [] (numeric key order)
		"01" + "14",                 // discount: present, 10
		"cce8ab9b0d" + "cccec4ff01", // placed: 1773500966 s, 535897932 ns
		"80c0a791a9ba02",            // ttl: 90m in ns
		"01" + "01" + "0d6c6561766520617420646f6f72" + // notes: present, 1 note "leave at door"
			"01" + "026f6b" + "00" + "01" + "0d6c6561766520617420646f6f72" + "00" + "00" + // replies: 1 {"ok", [], parent {"leave at door", [], absent}}
			"00", // parent absent
	}, "")
	if h := hex.EncodeToString(got); h != want {
		t.Errorf("Order encoding:\n got %s\nwant %s", h, want)
	}
}

// rnd makes random values of the package's types. Lists and maps are nil
// when empty (their decoded form), optional values absent half the time.
type rnd struct{ r *rand.Rand }

func (g rnd) str() string {
	return []string{"", "a", "b", "ab", "é", "<&>", "x\ny", "\u2028", "😀"}[g.r.IntN(9)]
}

func (g rnd) address() orders.Address {
	a := orders.Address{Street: g.str(), City: g.str()}
	if g.r.IntN(2) == 0 {
		a.Zip = ptr(g.str())
	}
	return a
}

func (g rnd) note(depth int) orders.Note {
	n := orders.Note{Text: g.str()}
	if depth < 3 {
		for range g.r.IntN(3) {
			n.Replies = append(n.Replies, g.note(depth+1))
		}
		if g.r.IntN(3) == 0 {
			n.Parent = ptr(g.note(depth + 1))
		}
	}
	return n
}

func (g rnd) time() time.Time {
	return time.Unix(g.r.Int64N(1<<36)-1<<35, g.r.Int64N(1e9)).UTC()
}

func (g rnd) order() orders.Order {
	o := orders.Order{ID: g.str(), Placed: g.time(), TTL: time.Duration(g.r.Int64() - math.MaxInt64/2)}
	o.Customer = orders.Customer{Name: g.str(), Tier: orders.Tier(g.r.IntN(2)), Address: g.address()}
	if g.r.IntN(2) == 0 {
		o.Customer.Billing = ptr(g.address())
	}
	for range g.r.IntN(4) {
		o.Items = append(o.Items, orders.Item{Sku: g.str(), Qty: g.r.Int64N(1000) - 500, Price: float64(g.r.IntN(10000)) / 16})
	}
	for range g.r.IntN(4) {
		o.Tags = append(o.Tags, g.str())
	}
	for range g.r.IntN(12) { // beyond the 8 keys of the stack buffer too
		if o.Labels == nil {
			o.Labels = map[string]string{}
		}
		o.Labels[g.str()+g.str()] = g.str()
	}
	for range g.r.IntN(12) {
		if o.ByDay == nil {
			o.ByDay = map[int64][]string{}
		}
		var v []string
		for range g.r.IntN(3) {
			v = append(v, g.str())
		}
		k := g.r.Int64N(40) - 20
		if g.r.IntN(4) == 0 {
			k = int64(g.r.Uint64())
		}
		o.ByDay[k] = v
	}
	if g.r.IntN(2) == 0 {
		o.Discount = ptr(g.r.Int64() - math.MaxInt64/2)
	}
	if g.r.IntN(2) == 0 {
		var notes []orders.Note
		for range g.r.IntN(3) {
			notes = append(notes, g.note(0))
		}
		o.Notes = &notes
		if len(notes) == 0 {
			o.Notes = ptr([]orders.Note(nil)) // present, empty: decodes as a pointer to nil
		}
	}
	return o
}

func (g rnd) shipment() orders.Shipment {
	s := orders.Shipment{Order: g.str(), To: g.address(), Due: g.time()}
	for range g.r.IntN(10) {
		if s.Lines == nil {
			s.Lines = map[string]int64{}
		}
		s.Lines[g.str()+g.str()] = g.r.Int64()
	}
	if g.r.IntN(2) == 0 {
		s.Window = ptr(time.Duration(g.r.Int64()))
	}
	return s
}

func (g rnd) summary() orders.Summary {
	s := orders.Summary{Orders: g.r.Int64()}
	for range g.r.IntN(10) {
		if s.Spent == nil {
			s.Spent = map[string]float64{}
		}
		s.Spent[g.str()+g.str()] = g.r.NormFloat64()
	}
	if g.r.IntN(2) == 0 {
		s.Last = ptr(g.time())
	}
	return s
}

// shuffled returns a copy of m built in a random insertion order (and so
// with another iteration order and, often, another internal layout).
func shuffled[K comparable, V any](r *rand.Rand, m map[K]V) map[K]V {
	if m == nil {
		return nil
	}
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	r.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
	c := make(map[K]V, r.IntN(len(m)+1))
	for _, k := range keys {
		c[k] = m[k]
	}
	return c
}

type binaryEvent interface {
	orders.Event
	AppendBinary(b []byte) ([]byte, error)
}

// TestEncodingProperties: for random events of every type, the binary
// encode -> decode and JSON encode -> decode are the identity, re-encoding
// gives the same bytes, and neither encoding depends on the maps' insertion
// order.
func TestEncodingProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 14))
	g := rnd{r}
	for i := range 3000 {
		var ev, same binaryEvent
		var decoded any
		switch i % 3 {
		case 0:
			o := g.order()
			o2 := o
			o2.Labels, o2.ByDay = shuffled(r, o.Labels), shuffled(r, o.ByDay)
			ev, same, decoded = o, o2, new(orders.Order)
		case 1:
			s := g.shipment()
			s2 := s
			s2.Lines = shuffled(r, s.Lines)
			ev, same, decoded = s, s2, new(orders.Shipment)
		default:
			s := g.summary()
			s2 := s
			s2.Spent = shuffled(r, s.Spent)
			ev, same, decoded = s, s2, new(orders.Summary)
		}
		b, err := ev.AppendBinary(nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := decoded.(interface{ UnmarshalBinary([]byte) error }).UnmarshalBinary(b); err != nil {
			t.Fatalf("%+v: %x does not decode: %v", ev, b, err)
		}
		if got := reflect.ValueOf(decoded).Elem().Interface(); !reflect.DeepEqual(got, ev) {
			t.Fatalf("binary round trip:\n got %+v\nwant %+v", got, ev)
		}
		if b2, _ := same.AppendBinary(nil); !bytes.Equal(b, b2) {
			t.Fatalf("the insertion order of a map changed the encoding of %+v:\n%x\n%x", ev, b, b2)
		}
		js, err := orders.EncodeJSON(ev)
		if err != nil {
			t.Fatal(err)
		}
		back, err := orders.DecodeJSON(js)
		if err != nil || !reflect.DeepEqual(back, ev) {
			t.Fatalf("JSON round trip of %s:\n got %+v, %v\nwant %+v", js, back, err, ev)
		}
		if js2, _ := orders.EncodeJSON(same); !bytes.Equal(js, js2) {
			t.Fatalf("the insertion order of a map changed the JSON:\n%s\n%s", js, js2)
		}
	}
}

// TestEncodeAllocs: encoding an event with lists, small maps, records and
// optional values into a buffer allocates nothing.
func TestEncodeAllocs(t *testing.T) {
	o := sample("x")
	buf := make([]byte, 0, 1024)
	if n := testing.AllocsPerRun(200, func() {
		var err error
		if buf, err = o.AppendBinary(buf[:0]); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Errorf("Order.AppendBinary: %v allocs, want 0", n)
	}
}

// TestBinaryHostile: malformed encodings fail with an fwimpl.ErrEncoding
// that says what is wrong, and a deep chain of self-containing records is
// cut at fwimpl's depth bound rather than exhausting the stack.
func TestBinaryHostile(t *testing.T) {
	good, _ := orders.Summary{Orders: 1, Spent: map[string]float64{"a": 1}, Last: ptr(time.Unix(0, 0).UTC())}.AppendBinary(nil)
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"presence byte 2", append(slices.Clone(good[:len(good)-3]), 2, 0, 0), "bad presence byte 2"},
		{"nanoseconds of a second", append(slices.Clone(good[:len(good)-2]), 0, 0x80, 0x94, 0xeb, 0xdc, 0x03), "beyond a second"},
		{"map longer than the data", []byte{0x02, 0x7f}, "truncated list or map: length 127"},
		{"map key repeated", []byte{0x02, 0x02, 0x01, 'a', 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 'a', 0, 0, 0, 0, 0, 0, 0, 0, 0x00}, `map key "a" after "a"`},
		{"overlong int", []byte{0x82, 0x00, 0x00, 0x00}, "overlong varint"},
		{"trailing byte", append(slices.Clone(good), 0), "trailing data"},
	} {
		err := new(orders.Summary).UnmarshalBinary(tc.data)
		if !errors.Is(err, fwimpl.ErrEncoding) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want an ErrEncoding with %q", tc.name, err, tc.want)
		}
	}

	// An Order whose notes hold a chain of n notes, each the parent of the last.
	chain := func(n int) []byte {
		b, _ := orders.Order{}.AppendBinary(nil)
		b = b[:len(b)-1] // notes absent, to be replaced
		b = append(b, 1, 1)
		for range n {
			b = append(b, 0, 0, 1) // text "", no replies, parent present
		}
		b = append(b, 0, 0, 0) // the last: text "", no replies, no parent
		return b
	}
	var o orders.Order
	if err := o.UnmarshalBinary(chain(5000)); err != nil {
		t.Fatalf("5000 nested notes: %v", err)
	}
	depth := 0
	for n := &(*o.Notes)[0]; n.Parent != nil; n = n.Parent {
		depth++
	}
	if depth != 5000 {
		t.Errorf("decoded %d levels, want 5000", depth)
	}
	if err := new(orders.Order).UnmarshalBinary(chain(1 << 20)); !errors.Is(err, fwimpl.ErrEncoding) || !strings.Contains(err.Error(), "records nested deeper than 10000") {
		t.Errorf("2^20 nested notes: %v", err)
	}
}

// jsonRecorder is Fulfil and Ledger, keeping every Order they receive,
// rebuilt from the fields each binds (together: every field).
type jsonRecorder struct {
	mu     sync.Mutex
	fulfil map[string]orders.Order
	books  map[string]orders.Order
}

func (j *jsonRecorder) OnOrder(c orders.FulfilOrderContext, cust orders.Customer, items []orders.Item, labels map[string]string,
	discount *int64, placed time.Time, ttl time.Duration, id string) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.fulfil[id] = orders.Order{ID: id, Customer: cust, Items: items, Labels: labels, Discount: discount, Placed: placed, TTL: ttl}
	return nil
}

type jsonBooks struct{ *jsonRecorder }

func (j jsonBooks) OnBook(c orders.LedgerBookContext, customer orders.Customer, items []orders.Item, tags []string,
	byDay map[int64][]string, notes *[]orders.Note) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.books[c.Event().ID] = orders.Order{Customer: customer, Items: items, Tags: tags, ByDay: byDay, Notes: notes}
	return nil
}

func (jsonBooks) OnShipment(orders.LedgerShipmentContext, orders.Address, map[string]int64, time.Time, *time.Duration) error {
	return nil
}

func (jsonBooks) Phase(orders.LedgerPhaseContext, int) error { return nil }

// TestJSONLinesIn: orders written as JSON lines (by EncodeJSON, and by hand
// with members in another order, optional fields left out, times in another
// zone) go through SubmitJSONLines and reach the handlers equal to the
// orders; malformed lines are reported with their line number and the path
// of the bad value.
func TestJSONLinesIn(t *testing.T) {
	g := rnd{rand.New(rand.NewPCG(1, 14))}
	var want []orders.Order
	var in bytes.Buffer
	for i := range 50 {
		o := g.order()
		o.ID = string(rune('A'+i%26)) + strings.Repeat("x", i/26)
		want = append(want, o)
		line, err := orders.EncodeJSON(o)
		if err != nil {
			t.Fatal(err)
		}
		in.Write(line)
		in.WriteByte('\n')
	}
	in.WriteString(`{"ttl":"1h","placed":"2026-01-02T16:04:05.5+01:00","byDay":{"-7":["a"]},"labels":{},"tags":[],"items":[{"price":2,"qty":1,"sku":"s"}],` +
		`"customer":{"address":{"city":"c","street":"s"},"tier":"BASIC","name":"n"},"id":"hand","event":"Order"}` + "\n")
	want = append(want, orders.Order{ID: "hand", Customer: orders.Customer{Name: "n", Address: orders.Address{Street: "s", City: "c"}},
		Items: []orders.Item{{Sku: "s", Qty: 1, Price: 2}}, ByDay: map[int64][]string{-7: {"a"}},
		Placed: time.Date(2026, 1, 2, 15, 4, 5, 5e8, time.UTC), TTL: time.Hour})
	good := strings.TrimSuffix(in.String(), "\n")
	bad := []struct{ line, want string }{
		{strings.Replace(good[strings.LastIndex(good, "\n")+1:], `"qty":1`, `"qty":"1"`, 1), `field "items[0].qty" at column 121: want an int, got a string`},
		{strings.Replace(good[strings.LastIndex(good, "\n")+1:], `"city":"c"`, `"town":"c"`, 1), `unknown field "customer.address.town"`},
		{strings.Replace(good[strings.LastIndex(good, "\n")+1:], `"-7"`, `"seven"`, 1), `field "byDay[\"seven\"]"`},
		{strings.Replace(good[strings.LastIndex(good, "\n")+1:], `"1h"`, `3600`, 1), `field "ttl" at column 8: want a duration string, got a number`},
		{strings.Replace(good[strings.LastIndex(good, "\n")+1:], `"name":"n"`, `"name":"n","name":"m"`, 1), `duplicate field "customer.name"`},
	}
	for _, b := range bad {
		in.WriteString(b.line + "\n")
	}

	rec := &jsonRecorder{fulfil: map[string]orders.Order{}, books: map[string]orders.Order{}}
	p := must(orders.NewPipeline(orders.Handlers{Fulfil: rec, Ledger: jsonBooks{rec}, Report: &report{}, Depots: depots{}}, fw.WithWorkers(2)))
	err := p.SubmitJSONLines(&in)
	var ie *fw.InputError
	if !errors.As(err, &ie) || ie.Bad != len(bad) {
		t.Fatalf("SubmitJSONLines: %v, want %d bad lines", err, len(bad))
	}
	for i, le := range ie.Lines {
		if le.Line != len(want)+1+i || !strings.Contains(le.Error(), bad[i].want) {
			t.Errorf("bad line %d: %v, want line %d with %q", i, le, len(want)+1+i, bad[i].want)
		}
	}
	if err := p.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, o := range want {
		f, b := rec.fulfil[o.ID], rec.books[o.ID]
		got := orders.Order{ID: f.ID, Customer: f.Customer, Items: f.Items, Tags: b.Tags, Labels: f.Labels, ByDay: b.ByDay,
			Discount: f.Discount, Placed: f.Placed, TTL: f.TTL, Notes: b.Notes}
		if !reflect.DeepEqual(got, o) || !reflect.DeepEqual(b.Customer, o.Customer) || !reflect.DeepEqual(b.Items, o.Items) {
			t.Errorf("order %s:\n got %+v\nwant %+v", o.ID, got, o)
		}
	}
}
