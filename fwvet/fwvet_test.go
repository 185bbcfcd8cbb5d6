package fwvet_test

import (
	"testing"

	"github.com/fwgo/fw/fwvet"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestAnalyzer runs fwvet on testdata/handlers, the handlers of the generated
// package testdata/vetshop: every finding kind, the suppressions, and code
// that must not be reported (each checked by the // want comments). It then
// checks the handler methods fwvet found (its Result): every method of the
// types that implement a generated interface exactly, a source builder
// marked, and none of almost, which has one method of an interface and not
// the others; and none in vetshop itself.
func TestAnalyzer(t *testing.T) {
	results := analysistest.Run(t, "..", fwvet.Analyzer, "./fwvet/testdata/handlers", "./fwvet/testdata/vetshop")
	var got []string
	for _, r := range results {
		got = append(got, r.Result.(*fwvet.Result).Handlers...)
	}
	want := []string{
		"Billing.Init", "Billing.OnOrder", "Billing.OnTagged", "Billing.Phase",
		"Lines.Build [source]", "upperCase.OnLines (Upper)", "printer.OnUpper",
		"Sink.OnInvoice", "Sink.OnNote", "Clocked.OnUpper (Printer)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("handlers (-want +got):\n%s", diff)
	}
}
