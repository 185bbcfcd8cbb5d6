package shop_test

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"testing"

	"github.com/fwgo/fw/generated/shop"
	"github.com/fwgo/fw/runtime/fw"
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

// stdinLines are n Order lines as standard input would bring them: one
// buffer, each line ending in a newline, ids, amounts, statuses and notes
// varying.
func stdinLines(n int) []byte {
	var b []byte
	statuses := []string{"NEW", "PAID", "CANCELLED"}
	for i := range n {
		b = fmt.Appendf(b, `{"event":"Order","id":"o-%07d","region":"%s","amount":%d,"price":%d.%02d,"paid":%t,"status":"%s","note":"%s"}`+"\n",
			i, []string{"EU", "US", "APAC"}[i%3], i%5000, i%100, i%97, i%2 == 0, statuses[i%3],
			base64.StdEncoding.EncodeToString(fmt.Appendf(nil, "note %d", i%50)))
	}
	return b
}

// BenchmarkStdinLines is the throughput of JSON lines read from a reader, as
// from standard input (issue 15): one op is one line. fw reads them as
// FeedJSONLines does (fw.LineReader, then the generated DecodeJSON: strict,
// one pass); the baseline, in the same run, is a plain loop of bufio.Scanner
// and json.Unmarshal into the same struct (lenient, see
// BenchmarkJSONUnmarshal). Run with
//
//	go test -run '^$' -bench 'StdinLines' -benchmem ./generated/shop/
//
// (docs/BENCHMARKS.md has the figures, and the loop that alternates the two).
func BenchmarkStdinLines(b *testing.B) {
	in := stdinLines(10_000)
	b.Run("fw", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(in) / 10_000))
		lr := fw.NewLineReader(bytes.NewReader(in))
		var sink shop.Event
		each := func(line []byte) error {
			ev, err := shop.DecodeJSON(line)
			sink = ev
			return err
		}
		for b.Loop() {
			more, err := lr.Next(each)
			if err != nil {
				b.Fatal(err)
			}
			if !more {
				lr = fw.NewLineReader(bytes.NewReader(in))
			}
		}
		if err := lr.Err(); err != nil {
			b.Fatal(err)
		}
		_ = sink
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(in) / 10_000))
		sc := bufio.NewScanner(bytes.NewReader(in))
		var sink shop.Order
		for b.Loop() {
			if !sc.Scan() {
				if sc.Err() != nil {
					b.Fatal(sc.Err())
				}
				sc = bufio.NewScanner(bytes.NewReader(in))
				continue
			}
			var o shop.Order
			if err := json.Unmarshal(sc.Bytes(), &o); err != nil {
				b.Fatal(err)
			}
			sink = o
		}
		_ = sink
	})
}

// TestStdinLinesAgree: the benchmark's two loops read the same orders.
func TestStdinLinesAgree(t *testing.T) {
	in := stdinLines(300)
	var got []shop.Order
	if err := fw.ReadLines(bytes.NewReader(in), func(line []byte) error {
		ev, err := shop.DecodeJSON(line)
		if err == nil {
			got = append(got, ev.(shop.Order))
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(in))
	i := 0
	for ; sc.Scan(); i++ {
		var o shop.Order
		if err := json.Unmarshal(sc.Bytes(), &o); err != nil {
			t.Fatal(err)
		}
		if i >= len(got) || !reflect.DeepEqual(got[i], o) {
			t.Fatalf("line %d: fw %+v, encoding/json %+v", i+1, got[min(i, len(got)-1)], o)
		}
	}
	if i != len(got) || i != 300 {
		t.Fatalf("%d lines vs %d", len(got), i)
	}
}
