package shop_test

import (
	"bytes"
	"encoding/json"
	"io"
	"testing"

	"github.com/fwgo/fw/generated/shop"
)

// The JSON decoding of one Order line (issue 15: the old DecodeJSON parsed
// each line twice). Run with
//
//	go test -run XXX -bench 'JSON' -benchmem ./generated/shop/
var benchLine = []byte(`{"event":"Order","id":"o-12345","region":"EU","amount":120,"price":1.5,"paid":true,"status":"PAID","note":"aGVsbG8="}`)

// BenchmarkDecodeJSON is the generated DecodeJSON: strict, one scan.
func BenchmarkDecodeJSON(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchLine)))
	for b.Loop() {
		if _, err := shop.DecodeJSON(benchLine); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkJSONUnmarshal is a plain json.Unmarshal of the same line into the
// struct (lenient: no check of missing, unknown or duplicate members, case-
// insensitive, invalid UTF-8 replaced; the "event" member ignored).
func BenchmarkJSONUnmarshal(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchLine)))
	for b.Loop() {
		var o shop.Order
		if err := json.Unmarshal(benchLine, &o); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeJSONTwoPass is how DecodeJSON worked before (the name, then
// a strict decode into a struct of pointers with encoding/json), for
// comparison.
func BenchmarkDecodeJSONTwoPass(b *testing.B) {
	type shadow struct {
		Event  *string      `json:"event"`
		ID     *string      `json:"id"`
		Region *string      `json:"region"`
		Amount *int64       `json:"amount"`
		Price  *float64     `json:"price"`
		Paid   *bool        `json:"paid"`
		Status *shop.Status `json:"status"`
		Note   *[]byte      `json:"note"`
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(benchLine)))
	for b.Loop() {
		var head struct {
			Event *string `json:"event"`
		}
		if err := json.Unmarshal(benchLine, &head); err != nil || head.Event == nil {
			b.Fatal(err)
		}
		var s shadow
		dec := json.NewDecoder(bytes.NewReader(benchLine))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&s); err != nil {
			b.Fatal(err)
		}
		if _, err := dec.Token(); err != io.EOF {
			b.Fatal(err)
		}
		_ = shop.Order{ID: *s.ID, Region: *s.Region, Amount: *s.Amount, Price: *s.Price, Paid: *s.Paid, Status: *s.Status, Note: *s.Note}
	}
}
