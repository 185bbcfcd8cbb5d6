package orders_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/fwgo/fw/generated/orders"
	"github.com/fwgo/fw/runtime/fw"
	"github.com/fwgo/fw/runtime/fwimpl"
)

func ptr[T any](v T) *T { return &v }

var placed = time.Date(2026, 3, 14, 15, 9, 26, 535897932, time.UTC)

// sample returns an order with every kind of field set.
func sample(id string) orders.Order {
	return orders.Order{
		ID: id,
		Customer: orders.Customer{
			Name:    "Ada",
			Tier:    orders.TierGOLD,
			Address: orders.Address{Street: "1 Main St", City: "Oslo", Zip: ptr("0150")},
			Billing: &orders.Address{Street: "PO Box 7", City: "Bergen"},
		},
		Items: []orders.Item{
			{Sku: "pen", Qty: 3, Price: 1.5},
			{Sku: "ink", Qty: 1, Price: 7.25},
		},
		Tags:     []string{"gift", "express"},
		Labels:   map[string]string{"channel": "web", "campaign": "spring"},
		ByDay:    map[int64][]string{1: {"pen"}, -3: {"ink", "pen"}, 20: nil},
		Discount: ptr(int64(10)),
		Placed:   placed,
		TTL:      90 * time.Minute,
		Notes: &[]orders.Note{{
			Text:    "leave at door",
			Replies: []orders.Note{{Text: "ok", Parent: &orders.Note{Text: "leave at door"}}},
		}},
	}
}

type fulfil struct{}

func (fulfil) OnOrder(c orders.FulfilOrderContext, cust orders.Customer, items []orders.Item, labels map[string]string,
	discount *int64, placed time.Time, ttl time.Duration, id string) error {
	lines := map[string]int64{}
	for _, it := range items {
		lines[it.Sku] += it.Qty
	}
	to := cust.Address
	if cust.Billing != nil && labels["channel"] == "post" {
		to = *cust.Billing
	}
	s := orders.Shipment{Order: id, To: to, Lines: lines, Due: placed.Add(ttl)}
	if discount != nil {
		s.Window = ptr(time.Duration(*discount) * time.Minute)
	}
	c.EmitShipment(s)
	return nil
}

type ledger struct {
	mu        sync.Mutex
	books     []string
	shipments []orders.Shipment
	spent     map[string]float64
	last      time.Time
	reported  int // books at the last summary
}

func (l *ledger) OnBook(c orders.LedgerBookContext, customer orders.Customer, items []orders.Item, tags []string,
	byDay map[int64][]string, notes *[]orders.Note) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.spent == nil {
		l.spent = map[string]float64{}
	}
	for _, it := range items {
		l.spent[customer.Name] += float64(it.Qty) * it.Price
	}
	n := 0
	if notes != nil {
		n = len(*notes)
	}
	l.books = append(l.books, fmt.Sprintf("%s in %s: %d items, tags %v, %d days, %d notes",
		customer.Name, customer.Address.City, len(items), tags, len(byDay), n))
	return nil
}

func (l *ledger) OnShipment(c orders.LedgerShipmentContext, to orders.Address, lines map[string]int64, due time.Time, window *time.Duration) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.shipments = append(l.shipments, orders.Shipment{Order: c.Event().Order, To: to, Lines: lines, Due: due, Window: window})
	if due.After(l.last) {
		l.last = due
	}
	return nil
}

func (l *ledger) Phase(c orders.LedgerPhaseContext, phase int) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.books) == l.reported {
		return nil // nothing new: no summary, and the run ends
	}
	l.reported = len(l.books)
	s := orders.Summary{Orders: int64(len(l.books)), Spent: l.spent}
	if !l.last.IsZero() {
		s.Last = ptr(l.last)
	}
	c.EmitSummary(s)
	return nil
}

type report struct {
	mu        sync.Mutex
	summaries []orders.Summary
	depots    [][]orders.Address
}

func (r *report) Init(c orders.ReportInitContext) error {
	c.ResolveAllDepots()
	return nil
}

func (r *report) OnAllDepots(c orders.ReportAllDepotsContext, v []orders.Address) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.depots = append(r.depots, v)
	return nil
}

// depots yields the addresses of the depots.
type depots struct{}

var depotList = []orders.Address{
	{Street: "Dock 1", City: "Oslo", Zip: ptr("0150")},
	{Street: "Dock 2", City: "Bergen"},
}

func (depots) Build(ctx context.Context, yield func(orders.Address) bool) error {
	for _, a := range depotList {
		if !yield(a) {
			break
		}
	}
	return nil
}

func (r *report) OnSummary(c orders.ReportSummaryContext, n int64, spent map[string]float64, last *time.Time) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.summaries = append(r.summaries, orders.Summary{Orders: n, Spent: spent, Last: last})
	return nil
}

// TestPipeline runs orders through handlers that bind records, lists, maps,
// optional fields, times and durations.
func TestPipeline(t *testing.T) {
	for _, workers := range []int{1, 4} {
		l, r := &ledger{}, &report{}
		p := must(orders.NewPipeline(orders.Handlers{Fulfil: fulfil{}, Ledger: l, Report: r, Depots: depots{}}, fw.WithWorkers(workers)))
		a := sample("a")
		b := sample("b")
		b.Customer.Name, b.Discount, b.Notes = "Bo", nil, nil
		b.Labels = map[string]string{"channel": "post"}
		p.Submit(a)
		p.Submit(b)
		if err := p.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		slices.SortFunc(l.shipments, func(x, y orders.Shipment) int { return bytes.Compare([]byte(x.Order), []byte(y.Order)) })
		want := []orders.Shipment{
			{Order: "a", To: a.Customer.Address, Lines: map[string]int64{"pen": 3, "ink": 1}, Due: placed.Add(90 * time.Minute), Window: ptr(10 * time.Minute)},
			{Order: "b", To: *b.Customer.Billing, Lines: map[string]int64{"pen": 3, "ink": 1}, Due: placed.Add(90 * time.Minute)},
		}
		if !reflect.DeepEqual(l.shipments, want) {
			t.Errorf("workers %d: shipments\n%+v\nwant\n%+v", workers, l.shipments, want)
		}
		if len(r.summaries) == 0 {
			t.Fatalf("workers %d: no summary", workers)
		}
		slices.Sort(l.books)
		wantBooks := []string{
			"Ada in Oslo: 2 items, tags [gift express], 3 days, 1 notes",
			"Bo in Oslo: 2 items, tags [gift express], 3 days, 0 notes",
		}
		if !slices.Equal(l.books, wantBooks) {
			t.Errorf("workers %d: books %q", workers, l.books)
		}
		if len(r.depots) != 1 || !reflect.DeepEqual(r.depots[0], depotList) {
			t.Errorf("workers %d: depots %+v", workers, r.depots)
		}
		s := r.summaries[len(r.summaries)-1]
		if s.Orders != 2 || s.Spent["Ada"] != 11.75 || s.Spent["Bo"] != 11.75 || s.Last == nil || !s.Last.Equal(placed.Add(90*time.Minute)) {
			t.Errorf("workers %d: summary %+v", workers, s)
		}
	}
}

// TestBinaryRoundTrip: decoding the canonical encoding gives the value back,
// and the encoding of a map does not depend on its insertion order.
func TestBinaryRoundTrip(t *testing.T) {
	o := sample("x")
	data, err := o.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	var got orders.Order
	if err := got.UnmarshalBinary(data); err != nil {
		t.Fatal(err)
	}
	// An empty list decodes as nil: one encoding per value.
	want := sample("x")
	want.ByDay[20] = nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip\n%+v\nwant\n%+v", got, want)
	}
	again, _ := got.AppendBinary(nil)
	if !bytes.Equal(again, data) {
		t.Error("re-encoding differs")
	}
	for range 20 {
		o2 := sample("x")
		o2.Labels = map[string]string{}
		for _, k := range []string{"campaign", "channel"} { // the other order
			o2.Labels[k] = sample("x").Labels[k]
		}
		b2, _ := o2.AppendBinary(nil)
		if !bytes.Equal(b2, data) {
			t.Fatal("the encoding depends on the map's insertion order")
		}
	}
	// Every truncation fails to decode.
	for i := range data {
		var o orders.Order
		if err := o.UnmarshalBinary(data[:i]); !errors.Is(err, fwimpl.ErrEncoding) {
			t.Fatalf("truncated at %d: %v", i, err)
		}
	}
}

// TestBinaryGolden pins the bytes of the composite encodings.
func TestBinaryGolden(t *testing.T) {
	s := orders.Summary{
		Orders: 1,
		Spent:  map[string]float64{"b": 0, "a": 0},
		Last:   ptr(time.Unix(-1, 5).UTC()),
	}
	got, _ := s.AppendBinary(nil)
	want := []byte{
		0x02,                              // orders: zigzag 1
		0x02,                              // spent: 2 entries
		0x01, 'a', 0, 0, 0, 0, 0, 0, 0, 0, // "a": 0.0
		0x01, 'b', 0, 0, 0, 0, 0, 0, 0, 0, // "b": 0.0
		0x01, 0x01, 0x05, // last: present, seconds zigzag(-1), nanos 5
	}
	if !bytes.Equal(got, want) {
		t.Errorf("got % x\nwant % x", got, want)
	}
	// Keys out of order are not the canonical encoding.
	bad := slices.Clone(want)
	bad[3], bad[13] = 'b', 'a'
	if err := new(orders.Summary).UnmarshalBinary(bad); !errors.Is(err, fwimpl.ErrEncoding) {
		t.Errorf("keys out of order: %v", err)
	}
	sh := orders.Shipment{Order: "o", To: orders.Address{City: "c"}, Window: ptr(time.Duration(-2))}
	got, _ = sh.AppendBinary(nil)
	want = []byte{
		0x01, 'o', // order
		0x00, 0x01, 'c', 0x00, // to: street "", city "c", zip absent
		0x00,                                     // lines: empty
		0xff, 0xdb, 0x8f, 0xf9, 0xce, 0x03, 0x00, // due: the zero time, seconds -62135596800
		0x01, 0x03, // window: present, zigzag(-2)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("got % x\nwant % x", got, want)
	}
}

// TestJSONRoundTrip: the JSON of an event with structured fields decodes to
// the same event; a missing optional field is absent.
func TestJSONRoundTrip(t *testing.T) {
	o := sample("j")
	data, err := orders.EncodeJSON(o)
	if err != nil {
		t.Fatal(err)
	}
	ev, err := orders.DecodeJSON(data)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if !reflect.DeepEqual(ev, o) {
		t.Errorf("round trip\n%+v\nwant\n%+v", ev, o)
	}
	ev, err = orders.DecodeJSON([]byte(`{"event":"Summary","orders":1,"spent":{"a":2.5}}`))
	if err != nil {
		t.Fatal(err)
	}
	if s := ev.(orders.Summary); s.Last != nil || s.Spent["a"] != 2.5 {
		t.Errorf("got %+v", s)
	}
}

// TestRecordReplay records a run (every event in its canonical encoding)
// and replays it against the same handlers: the recorded emissions, whose
// fields are records, lists, maps, optional values and times, compare equal.
func TestRecordReplay(t *testing.T) {
	var rec bytes.Buffer
	p := must(orders.NewPipeline(orders.Handlers{Fulfil: fulfil{}, Ledger: &ledger{}, Report: &report{}, Depots: depots{}}, fw.WithRecord(&rec)))
	p.Submit(sample("a"))
	p.Submit(sample("b"))
	if err := p.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if rec.Len() == 0 {
		t.Fatal("empty record")
	}
	l, r := &ledger{}, &report{}
	p = must(orders.NewPipeline(orders.Handlers{Fulfil: fulfil{}, Ledger: l, Report: r, Depots: depots{}}, fw.WithWorkers(4)))
	if err := p.Replay(context.Background(), bytes.NewReader(rec.Bytes())); err != nil {
		t.Fatal(err)
	}
	if len(l.shipments) != 2 {
		t.Errorf("replay: %d shipments", len(l.shipments))
	}
	if len(r.depots) != 1 || !reflect.DeepEqual(r.depots[0], depotList) {
		t.Errorf("replay: depots %+v", r.depots)
	}
	// A handler that emits something else diverges.
	p = must(orders.NewPipeline(orders.Handlers{Fulfil: lateFulfil{}, Ledger: &ledger{}, Report: &report{}, Depots: depots{}}))
	var div *fw.DivergenceError
	if err := p.Replay(context.Background(), bytes.NewReader(rec.Bytes())); !errors.As(err, &div) {
		t.Errorf("replay with another handler: %v", err)
	}
}

// lateFulfil ships a minute later than fulfil.
type lateFulfil struct{}

func (lateFulfil) OnOrder(c orders.FulfilOrderContext, cust orders.Customer, items []orders.Item, labels map[string]string,
	discount *int64, placed time.Time, ttl time.Duration, id string) error {
	return fulfil{}.OnOrder(c, cust, items, labels, discount, placed.Add(time.Minute), ttl, id)
}
