package shop_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fwgo/fw/generated/shop"
	"github.com/fwgo/fw/runtime/fw"
)

// Strict JSON input as documented (issue 13): every malformed line reported
// with its number, invalid UTF-8 rejected, duplicate members rejected, member
// names case-sensitive.

// orderLine is a valid Order line with id id.
func orderLine(id string) string {
	return `{"event":"Order","id":"` + id + `","region":"EU","amount":10,"price":1.5,"paid":true,"status":"NEW","note":""}`
}

// strictCases are lines that encoding/json would accept (or silently repair)
// and DecodeJSON rejects, each with the field its error names ("" for an
// error about the object itself) and a fragment of the message.
var strictCases = []struct {
	name, line, field, msg string
}{
	{"invalid UTF-8 in a value", "{\"event\":\"Order\",\"id\":\"a\xffb\",\"region\":\"EU\",\"amount\":10,\"price\":1.5,\"paid\":true,\"status\":\"NEW\",\"note\":\"\"}",
		"id", `field "id" at column 25: invalid UTF-8 in string`},
	{"truncated UTF-8 sequence", "{\"event\":\"Order\",\"id\":\"a\",\"region\":\"E\xc3\",\"amount\":10,\"price\":1.5,\"paid\":true,\"status\":\"NEW\",\"note\":\"\"}",
		"region", `field "region" at column 38: invalid UTF-8 in string`},
	{"UTF-16 surrogate encoded in UTF-8", "{\"event\":\"Order\",\"id\":\"\xed\xa0\x80\",\"region\":\"EU\",\"amount\":10,\"price\":1.5,\"paid\":true,\"status\":\"NEW\",\"note\":\"\"}",
		"id", `field "id" at column 24: invalid UTF-8 in string`},
	{"unpaired surrogate escape", `{"event":"Order","id":"\ud800x","region":"EU","amount":10,"price":1.5,"paid":true,"status":"NEW","note":""}`,
		"id", `field "id" at column 24: unpaired surrogate escape in string`},
	{"invalid UTF-8 in an enum value", "{\"event\":\"Order\",\"id\":\"a\",\"region\":\"EU\",\"amount\":10,\"price\":1.5,\"paid\":true,\"status\":\"NE\xffW\",\"note\":\"\"}",
		"status", `field "status" at column 89: invalid UTF-8 in string`},
	{"invalid UTF-8 in the event name", "{\"event\":\"Ord\xe9r\",\"id\":\"a\"}", "", `the "event" member: invalid UTF-8 in string at column 14`},
	{"invalid UTF-8 in a member name", "{\"event\":\"Order\",\"i\xffd\":\"a\"}", "", `invalid UTF-8 or unpaired surrogate in a member name at column 20`},
	{"duplicate field", `{"event":"Order","id":"a","region":"EU","amount":10,"price":1.5,"paid":true,"status":"NEW","note":"","amount":20}`,
		"amount", `duplicate field "amount" at column 102`},
	{"duplicate field, same value", `{"event":"Order","id":"a","id":"a","region":"EU","amount":10,"price":1.5,"paid":true,"status":"NEW","note":""}`,
		"id", `duplicate field "id" at column 27`},
	{"duplicate field, escaped name", `{"event":"Order","id":"a","\u0069d":"b","region":"EU","amount":10,"price":1.5,"paid":true,"status":"NEW","note":""}`,
		"id", `duplicate field "id" at column 27`},
	{"duplicate event member", `{"event":"Order","id":"a","region":"EU","amount":10,"price":1.5,"paid":true,"status":"NEW","note":"","event":"Order"}`,
		"", `duplicate "event" member at column 102`},
	{"upper-case member names", `{"EVENT":"Order","ID":"a","AMOUNT":10}`, "", `no "event" member`},
	{"upper-case field names", `{"event":"Order","ID":"a","region":"EU","amount":10,"price":1.5,"paid":true,"status":"NEW","note":""}`,
		"ID", `unknown field "ID" at column 18`},
	{"mixed-case field name", `{"event":"Order","id":"a","Region":"EU","amount":10,"price":1.5,"paid":true,"status":"NEW","note":""}`,
		"Region", `unknown field "Region" at column 27`},
	{"mixed-case event member", `{"Event":"Order","id":"a","region":"EU","amount":10,"price":1.5,"paid":true,"status":"NEW","note":""}`,
		"", `no "event" member`},
	{"event name in another case", `{"event":"order","id":"a","region":"EU","amount":10,"price":1.5,"paid":true,"status":"NEW","note":""}`,
		"", `unknown event "order"`},
	{"enum variant in another case", `{"event":"Order","id":"a","region":"EU","amount":10,"price":1.5,"paid":true,"status":"new","note":""}`,
		"status", `field "status" at column 86: unknown Status "new"`},
	{"null", `{"event":"Order","id":null,"region":"EU","amount":10,"price":1.5,"paid":true,"status":"NEW","note":""}`,
		"id", `field "id" at column 23: want a string, got null`},
	{"float for an int", `{"event":"Order","id":"a","region":"EU","amount":10.0,"price":1.5,"paid":true,"status":"NEW","note":""}`,
		"amount", `field "amount" at column 50: want an int, got 10.0`},
	{"int out of range", `{"event":"Order","id":"a","region":"EU","amount":9223372036854775808,"price":1.5,"paid":true,"status":"NEW","note":""}`,
		"amount", `9223372036854775808 is out of the range of int`},
	{"float out of range", `{"event":"Order","id":"a","region":"EU","amount":1,"price":1e999,"paid":true,"status":"NEW","note":""}`,
		"price", `1e999 is out of the range of float`},
	{"bad base64", `{"event":"Order","id":"a","region":"EU","amount":1,"price":1,"paid":true,"status":"NEW","note":"!!"}`,
		"note", `field "note" at column 96: bad base64`},
	{"invalid UTF-8 outside a string", "{\"event\":\"Order\"\xff}", "", `invalid character '\xff' after object key:value pair at column 17`},
	{"control character", "{\"event\":\"Order\",\"id\":\"a\tb\"}", "", `invalid character '\t' in string literal at column 25`},
	{"leading zero", `{"event":"Order","id":"a","region":"EU","amount":010,"price":1.5,"paid":true,"status":"NEW","note":""}`,
		"", `invalid character '1' after object key:value pair at column 51`},
	{"trailing comma", `{"event":"Order","id":"a",}`, "", `invalid character '}' looking for beginning of object key string at column 27`},
	{"not an object", `["event","Order"]`, "", `not a JSON object at column 1`},
	{"two objects", orderLine("a") + ` {}`, "", `invalid character '{' after top-level value`},
	{"unknown member with a nested value", `{"event":"Order","id":"a","region":"EU","amount":10,"price":1.5,"paid":true,"status":"NEW","note":"","x":{"y":[1,{"z":null}]}}`,
		"x", `unknown field "x" at column 102`},
}

func TestDecodeJSONStrict(t *testing.T) {
	for _, tc := range strictCases {
		t.Run(tc.name, func(t *testing.T) {
			ev, err := shop.DecodeJSON([]byte(tc.line))
			if err == nil {
				t.Fatalf("DecodeJSON(%q) = %+v, want an error", tc.line, ev)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("DecodeJSON(%q): %v, want %q", tc.line, err, tc.msg)
			}
			var fe *fw.FieldError
			if tc.field != "" && (!errors.As(err, &fe) || fe.Field != tc.field || fe.Event != "Order") {
				t.Errorf("DecodeJSON(%q): %v, want a *fw.FieldError for field %s", tc.line, err, tc.field)
			}
			if strings.Contains(tc.msg, "duplicate field") != errors.Is(err, fw.ErrDuplicateField) ||
				strings.Contains(tc.msg, "unknown field") != errors.Is(err, fw.ErrUnknownField) {
				t.Errorf("DecodeJSON(%q): %v: wrong errors.Is for fw.ErrDuplicateField or fw.ErrUnknownField", tc.line, err)
			}
			if tc.field == "" && errors.As(err, &fe) {
				t.Errorf("DecodeJSON(%q): %v is about field %s", tc.line, err, fe.Field)
			}
		})
	}
}

// TestDecodeJSONAccepts: what strict JSON allows is still accepted: any
// member order, white space, escapes (also in member names), surrogate pairs,
// exponents for floats, -0, the extremes of int64.
func TestDecodeJSONAccepts(t *testing.T) {
	for _, tc := range []struct {
		line string
		want shop.Order
	}{
		{` { "note" : "aGk=" , "status":"PAID","paid":false,"price":-2.5e3,"amount":-9223372036854775808,"region":"","id":"x","event":"Order" } `,
			shop.Order{ID: "x", Amount: math.MinInt64, Price: -2500, Status: shop.StatusPAID, Note: []byte("hi")}},
		{`{"event":"Order","\u0069d":"\u00e9\ud83d\ude00\"\\\/\b\f\n\r\t","region":"é😀","amount":9223372036854775807,"price":-0,"paid":true,"status":"CANCELLED","note":""}`,
			shop.Order{ID: "é😀\"\\/\b\f\n\r\t", Region: "é😀", Amount: math.MaxInt64, Price: math.Copysign(0, -1), Paid: true, Status: shop.StatusCANCELLED}},
		{`{"\u0065vent":"Order","id":"","region":"","amount":0,"price":1E-2,"paid":false,"status":"NEW","note":""}`,
			shop.Order{Price: 0.01}},
	} {
		ev, err := shop.DecodeJSON([]byte(tc.line))
		if err != nil || !reflect.DeepEqual(ev, tc.want) || math.Signbit(ev.(shop.Order).Price) != math.Signbit(tc.want.Price) {
			t.Errorf("DecodeJSON(%s) = %+v, %v; want %+v", tc.line, ev, err, tc.want)
		}
	}
}

// TestEncodeJSONRoundTrip: what EncodeJSON writes, DecodeJSON reads back,
// a nil note included (written "", not null).
func TestEncodeJSONRoundTrip(t *testing.T) {
	for _, o := range []shop.Order{
		{},
		{ID: "<a&b>", Region: "\u2028", Amount: math.MinInt64, Price: math.SmallestNonzeroFloat64, Status: shop.StatusCANCELLED, Note: []byte{0, 1, 2}},
		{ID: "é", Price: math.MaxFloat64, Paid: true},
	} {
		data, err := shop.EncodeJSON(o)
		if err != nil {
			t.Fatal(err)
		}
		ev, err := shop.DecodeJSON(data)
		if err != nil || !reflect.DeepEqual(ev, o) {
			t.Errorf("round trip of %+v through %s: %+v, %v", o, data, ev, err)
		}
	}
	if data, _ := shop.EncodeJSON(shop.Order{}); !bytes.Contains(data, []byte(`"note":""`)) {
		t.Errorf("EncodeJSON of a nil note: %s", data)
	}
}

// strictInput is a JSON lines input with every strict case between valid
// orders, and the numbers of its malformed lines.
func strictInput() (string, []int) {
	var b strings.Builder
	var bad []int
	n := 0
	for i, tc := range strictCases {
		fmt.Fprintln(&b, orderLine(fmt.Sprint("ok", i)))
		fmt.Fprintln(&b, tc.line)
		n += 2
		bad = append(bad, n)
	}
	return b.String(), bad
}

// TestSubmitJSONLinesStrictFile reads a real file with every strict case
// through SubmitJSONLines: each bad line is reported with its number and the
// field, the good ones all run.
func TestSubmitJSONLinesStrictFile(t *testing.T) {
	in, bad := strictInput()
	path := filepath.Join(t.TempDir(), "strict.jsonl")
	if err := os.WriteFile(path, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tr := &tracer{calls: map[string][]string{}}
	p := must(shop.NewPipeline(shop.Handlers{Billing: billing{tr}, Audit: audit{tr}, Ledger: ledger{tr}}))
	err = p.SubmitJSONLines(f, fw.LinesName(path))
	var ie *fw.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("SubmitJSONLines = %v, want an *fw.InputError", err)
	}
	var got []int
	for i, l := range ie.Lines {
		got = append(got, l.Line)
		if i < len(strictCases) {
			tc := strictCases[i]
			if want := fmt.Sprintf("%s:%d: ", path, bad[i]); !strings.HasPrefix(l.Error(), want) || !strings.Contains(l.Error(), tc.msg) {
				t.Errorf("%s: %v, want %q ... %q", tc.name, l, want, tc.msg)
			}
			var fe *fw.FieldError
			if tc.field != "" && (!errors.As(l, &fe) || fe.Field != tc.field) {
				t.Errorf("%s: %v names no field %s", tc.name, l, tc.field)
			}
		}
	}
	if !slices.Equal(got, bad) || ie.Bad != len(bad) || ie.Total != 2*len(strictCases) {
		t.Errorf("malformed lines %v (%d of %d), want %v", got, ie.Bad, ie.Total, bad)
	}
	if err := p.Run(t.Context()); err != nil {
		t.Fatal(err)
	}
	if n := len(tr.calls["Audit"]); n < len(strictCases) {
		t.Errorf("Audit saw %d events, want every one of the %d good orders", n, len(strictCases))
	}
}

// TestSubmitJSONLinesEveryBadLine: 1,000 malformed lines among good ones are
// all reported with their numbers (no cap at 100); with fw.OnBadLine they
// are streamed as they are read.
func TestSubmitJSONLinesEveryBadLine(t *testing.T) {
	var b strings.Builder
	const n = 1000
	for i := range n {
		fmt.Fprintln(&b, orderLine(fmt.Sprint(i)))
		fmt.Fprintf(&b, `{"event":"Order","id":"%d","ID":"dup"}`+"\n", i)
	}
	in := b.String()
	p := must(newShop())
	err := p.SubmitJSONLines(strings.NewReader(in))
	var ie *fw.InputError
	if !errors.As(err, &ie) || ie.Bad != n || len(ie.Lines) != n {
		t.Fatalf("SubmitJSONLines: %T, want %d malformed lines listed", err, n)
	}
	for i, l := range ie.Lines {
		if l.Line != 2*(i+1) {
			t.Fatalf("Lines[%d] is line %d, want %d", i, l.Line, 2*(i+1))
		}
	}
	if msg := err.Error(); strings.Contains(msg, "more") || !strings.Contains(msg, fmt.Sprintf("line %d: ", 2*n)) {
		t.Errorf("the error does not list line %d", 2*n)
	}

	p = must(newShop())
	var streamed []int
	err = p.SubmitJSONLines(strings.NewReader(in), fw.OnBadLine(func(le *fw.LineError) { streamed = append(streamed, le.Line) }))
	if !errors.As(err, &ie) || ie.Bad != n || len(ie.Lines) != 0 || len(streamed) != n || streamed[n-1] != 2*n {
		t.Errorf("with OnBadLine: %d streamed (last %v), InputError %+v", len(streamed), streamed[len(streamed)-1:], ie)
	}
}

// FuzzDecodeJSON checks the strict decoder against encoding/json: whatever it
// accepts is valid JSON and valid UTF-8, and encoding/json decodes it to the
// same event.
func FuzzDecodeJSON(f *testing.F) {
	f.Add([]byte(orderLine("a")))
	f.Add([]byte(`{"event":"Refund","id":"\u00e9\ud83d\ude00"}`))
	f.Add([]byte(`{"event":"Report","phase":1,"orders":-2}`))
	f.Add([]byte(`{"event":"Invoice","id":"x","total":1,"domestic":false}`))
	for _, tc := range strictCases {
		f.Add([]byte(tc.line))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ev, err := shop.DecodeJSON(data)
		if err != nil {
			return
		}
		if !json.Valid(data) || !utf8.Valid(data) {
			t.Fatalf("accepted %q: not valid JSON or UTF-8", data)
		}
		back := reflect.New(reflect.TypeOf(ev))
		if err := json.Unmarshal(data, back.Interface()); err != nil {
			t.Fatalf("accepted %q, encoding/json: %v", data, err)
		}
		if !reflect.DeepEqual(back.Elem().Interface(), ev) && !bytesEmptyVsNil(back.Elem().Interface(), ev) {
			t.Fatalf("%q: decoded %+v, encoding/json %+v", data, ev, back.Elem().Interface())
		}
	})
}

// bytesEmptyVsNil reports whether a and b differ only in an empty note
// (encoding/json gives []byte{}, DecodeJSON nil, as the binary form).
func bytesEmptyVsNil(a, b any) bool {
	oa, ok1 := a.(shop.Order)
	ob, ok2 := b.(shop.Order)
	if !ok1 || !ok2 || len(oa.Note) != 0 || len(ob.Note) != 0 {
		return false
	}
	oa.Note, ob.Note = nil, nil
	return reflect.DeepEqual(oa, ob)
}

func newShop() (*shop.Pipeline, error) {
	tr := &tracer{calls: map[string][]string{}}
	return shop.NewPipeline(shop.Handlers{Billing: billing{tr}, Audit: audit{tr}, Ledger: ledger{tr}})
}
