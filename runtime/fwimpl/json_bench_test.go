package fwimpl_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"github.com/fwgo/fw/runtime/fwimpl"
)

// Decoding JSON lines of an event with a nested record and a list (issue
// 14), against a plain encoding/json loop over the same struct. Run with
//
//	go test -run '^$' -bench 'JSONLines' -benchmem -count 6 ./runtime/fwimpl/
//
// (docs/BENCHMARKS.md has the figures.)

// Basket is an event with a record (which nests a record), a list of
// records and a list of strings.
type Basket struct {
	ID       string   `json:"id"`
	Customer Customer `json:"customer"`
	Items    []Item   `json:"items"`
	Tags     []string `json:"tags"`
	Total    int64    `json:"total"`
}

func (e Basket) AppendBinary(b []byte) ([]byte, error) { return b, nil }
func (e *Basket) UnmarshalBinary(data []byte) error    { return nil }

var basketTypes = fwimpl.Types{fwimpl.TypeOf[Basket]("Basket")}

// basketLines are 64 JSON lines of Baskets, of 1 to 4 items.
func basketLines() [][]byte {
	var lines [][]byte
	for i := range 64 {
		items := ""
		for j := range i%4 + 1 {
			if j > 0 {
				items += ","
			}
			items += fmt.Sprintf(`{"sku":"sku-%d","qty":%d,"price":%d.25}`, i*7+j, j+1, i+j)
		}
		lines = append(lines, fmt.Appendf(nil, `{"event":"Basket","id":"b-%05d","customer":{"name":"Customer %d","vip":%t,`+
			`"address":{"street":"Storgata %d","city":"Oslo","zip":"0155"}},"items":[%s],"tags":["web","eu"],"total":%d}`,
			i, i, i%3 == 0, i, items, i*10))
	}
	return lines
}

func BenchmarkJSONLines(b *testing.B) {
	lines := basketLines()
	n := 0
	for _, l := range lines {
		n += len(l)
	}
	b.Run("fw", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(n / len(lines)))
		i := 0
		for b.Loop() {
			if _, err := fwimpl.DecodeJSON[any](basketTypes, lines[i%len(lines)]); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	// encoding/json into the same struct: lenient (no check of missing,
	// unknown or duplicate members, case-insensitive, invalid UTF-8
	// replaced; the "event" member ignored), and no boxing into an Event.
	b.Run("encoding-json", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(n / len(lines)))
		i := 0
		for b.Loop() {
			var e Basket
			if err := json.Unmarshal(lines[i%len(lines)], &e); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}

// TestBasketLinesAgree: the benchmark's two decoders read the same values.
func TestBasketLinesAgree(t *testing.T) {
	for _, l := range basketLines() {
		ev, err := basketTypes.DecodeJSON(l)
		if err != nil {
			t.Fatal(err)
		}
		var e Basket
		if err := json.Unmarshal(l, &e); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(ev, e) {
			t.Fatalf("%s: %+v vs %+v", l, ev, e)
		}
	}
}
