package gen

import (
	"strings"
	"testing"

	"github.com/fwgo/fw/dsl"
)

// TestStructuredConditions: the direct case switch of patterns on nested
// and optional fields checks each optional record once, before the first
// field it reads inside it, and an optional value before dereferencing it;
// times are compared as saturated Unix nanoseconds and durations as int64.
// (TestGeneratedPrograms runs such code against the interpreter.)
func TestStructuredConditions(t *testing.T) {
	src := `package p

record Address { city string; zip string? }
record Customer { name string; address Address; billing Address? }

input event Order {
    customer Customer
    billing  Address?
    discount int?
    note     bytes?
    placed   time
    ttl      duration?
}

processor P {
    on Order{customer: {address: {city: "Oslo"}, billing: {city: "Oslo", zip: nil}}, discount: nil | >= 10} as A
    on Order{billing: {zip: prefix "N-"}, note: prefix "x"} as B
    on Order{billing: nil, placed: >= "2026-01-01T00:00:00Z", ttl: < "5m"} as C
    on Order{customer: {name}, billing: {city}, discount} as D
}
`
	pkg, diags := dsl.Load([]string{"a.fw"}, [][]byte{[]byte(src)})
	if diags.HasErrors() {
		t.Fatal(diags.Text())
	}
	files, err := generate(pkg, options{strategy: direct})
	if err != nil {
		t.Fatal(err)
	}
	var code string
	for _, f := range files {
		code += string(f.Data)
	}
	for _, want := range []string{
		`case ev.Customer.Address.City == "Oslo" && ev.Customer.Billing != nil && ev.Customer.Billing.City == "Oslo" && ev.Customer.Billing.Zip == nil && (ev.Discount == nil || *ev.Discount >= 10):`,
		`case ev.Billing != nil && ev.Billing.Zip != nil && strings.HasPrefix((*ev.Billing.Zip), "N-") && ev.Note != nil && (len((*ev.Note)) >= 1 && string((*ev.Note)[:1]) == "x"):`,
		`case ev.Billing == nil && fwimpl.UnixNano(ev.Placed) >= 1767225600000000000 && ev.TTL != nil && int64(*ev.TTL) <= 299999999999:`,
		`case ev.Billing != nil:`,
		`ev.Customer.Name, ev.Billing.City, ev.Discount)`,
	} {
		if !strings.Contains(code, want) {
			t.Errorf("generated code lacks\n\t%s", want)
		}
	}
	if t.Failed() {
		t.Log(code)
	}
}
