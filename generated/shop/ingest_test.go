package shop_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/fwgo/fw/generated/shop"
	"github.com/fwgo/fw/runtime/fw"
)

// The orders of the pipeline test as JSON lines, with malformed lines between
// them: each is reported with its line number, and the good ones run exactly
// as if submitted directly.
const ordersJSONL = `{"event":"Order","id":"a","region":"EU","amount":120,"price":1.5,"paid":true,"status":"NEW","note":""}
not json at all
{"event":"Ordr","id":"x"}
{"event":"Order","id":"b","region":"US","amount":80,"price":0,"paid":false,"status":"NEW","note":""}
{"event":"Order","id":"y","region":"US","amount":"eighty","price":0,"paid":false,"status":"NEW","note":""}
{"event":"Order","id":"z","region":"US","price":0,"paid":false,"status":"NEW","note":""}

{"event":"Order","id":"c","region":"US","amount":50,"price":0,"paid":true,"status":"NEW","note":""}
{"event":"Order","id":"w","region":"US","amount":5,"price":0,"paid":true,"status":"SHIPPED","note":""}
{"event":"Order","id":"d","region":"EU","amount":0,"price":0,"paid":true,"status":"CANCELLED","note":"","extra":1}
{"event":"Order","id":"d","region":"EU","amount":0,"price":0,"paid":true,"status":"CANCELLED","note":""}
{"event":"Order","id":"v"`

func TestSubmitJSONLines(t *testing.T) {
	want, _, err := run(t, 1, "")
	if err != nil {
		t.Fatal(err)
	}
	tr := &tracer{calls: map[string][]string{}}
	p := must(shop.NewPipeline(shop.Handlers{Billing: billing{tr}, Audit: audit{tr}, Ledger: ledger{tr}}))
	err = p.SubmitJSONLines(strings.NewReader(ordersJSONL), fw.LinesName("orders.jsonl"))
	var ie *fw.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("SubmitJSONLines = %v, want an *fw.InputError", err)
	}
	var bad []int
	for _, l := range ie.Lines {
		bad = append(bad, l.Line)
	}
	if !slices.Equal(bad, []int{2, 3, 5, 6, 9, 10, 12}) {
		t.Errorf("malformed lines %v, want [2 3 5 6 9 10 12]\n%v", bad, err)
	}
	for _, frag := range []string{"orders.jsonl:2:", `orders.jsonl:3: fw: unknown event "Ordr"`, "orders.jsonl:5:", "orders.jsonl:6:", "orders.jsonl:12:"} {
		if !strings.Contains(err.Error(), frag) {
			t.Errorf("error lacks %q:\n%v", frag, err)
		}
	}
	if err := p.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	for proc, calls := range want.calls {
		if !slices.Equal(tr.calls[proc], calls) {
			t.Errorf("%s: got %v, want %v", proc, tr.calls[proc], calls)
		}
	}
}

func TestSubmitJSONLinesStop(t *testing.T) {
	tr := &tracer{calls: map[string][]string{}}
	p := must(shop.NewPipeline(shop.Handlers{Billing: billing{tr}, Audit: audit{tr}, Ledger: ledger{tr}}))
	err := p.SubmitJSONLines(strings.NewReader(ordersJSONL), fw.StopOnBadLine())
	var le *fw.LineError
	if !errors.As(err, &le) || le.Line != 2 {
		t.Fatalf("err = %v, want line 2", err)
	}
	if err := p.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := tr.calls["Billing"]; !slices.Equal(got, []string{"Domestic(120,a)"}) {
		t.Errorf("Billing got %v: only the line before the bad one is submitted", got)
	}
}
