package fwimpl_test

import (
	"fmt"
	"math"
	"time"

	"github.com/fwgo/fw/runtime/fwimpl"
)

// Hand-written Go types shaped as the generator writes them for
//
//	enum Status { NEW, PAID }
//	record Address { street string; city string; zip string? }
//	record Item { sku string; qty int; price float }
//	record Customer { name string; vip bool; address Address }
//	record Node { name string; kids []Node; next Node? }
//	event Order {
//	    id string; customer Customer; items []Item; tags []string
//	    labels map[string]string; byDay map[int][]string; discount int?
//	    placed time; ttl duration; billing Address?; status Status; note bytes
//	}
//	event Tree { root Node }
//
// with their canonical binary encoding as generated code writes it (the
// fwimpl primitives, fields in order).

type Status uint32

var statusNames = []string{"NEW", "PAID"}

func (v Status) MarshalText() ([]byte, error) {
	if int(v) >= len(statusNames) {
		return nil, fmt.Errorf("invalid Status %d", uint32(v))
	}
	return []byte(statusNames[v]), nil
}

type Address struct {
	Street string  `json:"street"`
	City   string  `json:"city"`
	Zip    *string `json:"zip"`
}

type Item struct {
	SKU   string  `json:"sku"`
	Qty   int64   `json:"qty"`
	Price float64 `json:"price"`
}

type Customer struct {
	Name    string  `json:"name"`
	VIP     bool    `json:"vip"`
	Address Address `json:"address"`
}

type Node struct {
	Name string `json:"name"`
	Kids []Node `json:"kids"`
	Next *Node  `json:"next"`
}

type Order struct {
	ID       string             `json:"id"`
	Customer Customer           `json:"customer"`
	Items    []Item             `json:"items"`
	Tags     []string           `json:"tags"`
	Labels   map[string]string  `json:"labels"`
	ByDay    map[int64][]string `json:"byDay"`
	Discount *int64             `json:"discount"`
	Placed   time.Time          `json:"placed"`
	TTL      time.Duration      `json:"ttl"`
	Billing  *Address           `json:"billing"`
	Status   Status             `json:"status"`
	Note     []byte             `json:"note"`
}

type Tree struct {
	Root Node `json:"root"`
}

// Plain is an event of scalar fields only (encoding/json encodes it).
type Plain struct {
	S string  `json:"s"`
	I int64   `json:"i"`
	F float64 `json:"f"`
	B bool    `json:"b"`
}

var types = fwimpl.Types{
	fwimpl.TypeOf[Order]("Order"),
	fwimpl.TypeOf[Tree]("Tree"),
	fwimpl.TypeOf[Plain]("Plain"),
}

// The canonical binary encoding, as generated.

func (r Address) fwAppend(b []byte) []byte {
	b = fwimpl.AppendString(b, r.Street)
	b = fwimpl.AppendString(b, r.City)
	b = fwimpl.AppendPresent(b, r.Zip != nil)
	if r.Zip != nil {
		b = fwimpl.AppendString(b, *r.Zip)
	}
	return b
}

func (r *Address) fwDecode(d *fwimpl.Decoder) {
	r.Street = d.String()
	r.City = d.String()
	if d.Present() {
		v := d.String()
		r.Zip = &v
	}
}

func (r Item) fwAppend(b []byte) []byte {
	b = fwimpl.AppendString(b, r.SKU)
	b = fwimpl.AppendInt(b, r.Qty)
	return fwimpl.AppendFloat(b, r.Price)
}

func (r *Item) fwDecode(d *fwimpl.Decoder) {
	r.SKU = d.String()
	r.Qty = d.Int()
	r.Price = d.Float()
}

func (r Customer) fwAppend(b []byte) []byte {
	b = fwimpl.AppendString(b, r.Name)
	b = fwimpl.AppendBool(b, r.VIP)
	return r.Address.fwAppend(b)
}

func (r *Customer) fwDecode(d *fwimpl.Decoder) {
	r.Name = d.String()
	r.VIP = d.Bool()
	r.Address.fwDecode(d)
}

func (r Node) fwAppend(b []byte) []byte {
	b = fwimpl.AppendString(b, r.Name)
	b = fwimpl.AppendLen(b, len(r.Kids))
	for _, x := range r.Kids {
		b = x.fwAppend(b)
	}
	b = fwimpl.AppendPresent(b, r.Next != nil)
	if r.Next != nil {
		b = r.Next.fwAppend(b)
	}
	return b
}

func (r *Node) fwDecode(d *fwimpl.Decoder) {
	if !d.Enter() { // Node contains itself
		return
	}
	defer d.Leave()
	r.Name = d.String()
	if n := d.Len(1); n > 0 {
		r.Kids = make([]Node, n)
		for i := range r.Kids {
			r.Kids[i].fwDecode(d)
		}
	}
	if d.Present() {
		r.Next = new(Node)
		r.Next.fwDecode(d)
	}
}

func (e Order) AppendBinary(b []byte) ([]byte, error) {
	b = fwimpl.AppendString(b, e.ID)
	b = e.Customer.fwAppend(b)
	b = fwimpl.AppendLen(b, len(e.Items))
	for _, x := range e.Items {
		b = x.fwAppend(b)
	}
	b = fwimpl.AppendLen(b, len(e.Tags))
	for _, x := range e.Tags {
		b = fwimpl.AppendString(b, x)
	}
	{
		var kb [8]string
		b = fwimpl.AppendLen(b, len(e.Labels))
		for _, k := range fwimpl.SortedKeys(e.Labels, kb[:0]) {
			b = fwimpl.AppendString(b, k)
			b = fwimpl.AppendString(b, e.Labels[k])
		}
	}
	{
		var kb [8]int64
		b = fwimpl.AppendLen(b, len(e.ByDay))
		for _, k := range fwimpl.SortedKeys(e.ByDay, kb[:0]) {
			b = fwimpl.AppendInt(b, k)
			v := e.ByDay[k]
			b = fwimpl.AppendLen(b, len(v))
			for _, x := range v {
				b = fwimpl.AppendString(b, x)
			}
		}
	}
	b = fwimpl.AppendPresent(b, e.Discount != nil)
	if e.Discount != nil {
		b = fwimpl.AppendInt(b, *e.Discount)
	}
	b = fwimpl.AppendTime(b, e.Placed)
	b = fwimpl.AppendDuration(b, e.TTL)
	b = fwimpl.AppendPresent(b, e.Billing != nil)
	if e.Billing != nil {
		b = e.Billing.fwAppend(b)
	}
	b = fwimpl.AppendUint(b, uint64(e.Status))
	b = fwimpl.AppendBytes(b, e.Note)
	return b, nil
}

func (e *Order) UnmarshalBinary(data []byte) error {
	d := fwimpl.NewDecoder(data)
	e.ID = d.String()
	e.Customer.fwDecode(d)
	if n := d.Len(1); n > 0 {
		e.Items = make([]Item, n)
		for i := range e.Items {
			e.Items[i].fwDecode(d)
		}
	}
	if n := d.Len(1); n > 0 {
		e.Tags = make([]string, n)
		for i := range e.Tags {
			e.Tags[i] = d.String()
		}
	}
	if n := d.Len(1); n > 0 {
		e.Labels = make(map[string]string, n)
		var k string
		for i := range n {
			k = d.StringKey(i, k)
			e.Labels[k] = d.String()
		}
	}
	if n := d.Len(1); n > 0 {
		e.ByDay = make(map[int64][]string, n)
		var k int64
		for i := range n {
			k = d.IntKey(i, k)
			var v []string
			if n := d.Len(1); n > 0 {
				v = make([]string, n)
				for i := range v {
					v[i] = d.String()
				}
			}
			e.ByDay[k] = v
		}
	}
	if d.Present() {
		v := d.Int()
		e.Discount = &v
	}
	e.Placed = d.Time()
	e.TTL = d.Duration()
	if d.Present() {
		e.Billing = new(Address)
		e.Billing.fwDecode(d)
	}
	e.Status = Status(d.Uint())
	e.Note = d.Bytes()
	return d.Finish()
}

func (e Tree) AppendBinary(b []byte) ([]byte, error) { return e.Root.fwAppend(b), nil }

func (e *Tree) UnmarshalBinary(data []byte) error {
	d := fwimpl.NewDecoder(data)
	e.Root.fwDecode(d)
	return d.Finish()
}

func (e Plain) AppendBinary(b []byte) ([]byte, error) {
	b = fwimpl.AppendString(b, e.S)
	b = fwimpl.AppendInt(b, e.I)
	b = fwimpl.AppendFloat(b, e.F)
	return fwimpl.AppendBool(b, e.B), nil
}

func (e *Plain) UnmarshalBinary(data []byte) error {
	d := fwimpl.NewDecoder(data)
	e.S, e.I, e.F, e.B = d.String(), d.Int(), d.Float(), d.Bool()
	return d.Finish()
}

func ptr[T any](v T) *T { return &v }

// sampleOrder is an Order with every field set.
func sampleOrder() Order {
	return Order{
		ID:       "o-1",
		Customer: Customer{Name: "Ada", VIP: true, Address: Address{Street: "Storgata 1", City: "Oslo", Zip: ptr("0155")}},
		Items:    []Item{{SKU: "a", Qty: 2, Price: 1.5}, {SKU: "b", Qty: -1, Price: math.Copysign(0, -1)}},
		Tags:     []string{"x", "é"},
		Labels:   map[string]string{"b": "2", "a": "1"},
		ByDay:    map[int64][]string{7: {"s"}, -1: nil},
		Discount: ptr[int64](10),
		Placed:   time.Date(2026, 1, 2, 15, 4, 5, 123456789, time.UTC),
		TTL:      90 * time.Minute,
		Billing:  &Address{Street: "", City: "Bergen"},
		Status:   1,
		Note:     []byte("hi"),
	}
}

// Sched has times and durations inside lists, maps and optional values.
type Sched struct {
	At    []time.Time              `json:"at"`
	Every map[string]time.Duration `json:"every"`
	Maybe *time.Time               `json:"maybe"`
	Slots map[int64]Slot           `json:"slots"`
}

type Slot struct {
	From time.Time     `json:"from"`
	For  time.Duration `json:"for"`
	Tags []string      `json:"tags"`
}

func (e Sched) AppendBinary(b []byte) ([]byte, error) { return b, nil }
func (e *Sched) UnmarshalBinary(data []byte) error    { return nil }

var schedTypes = fwimpl.Types{fwimpl.TypeOf[Sched]("Sched")}
