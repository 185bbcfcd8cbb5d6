package fwvet_test

import (
	"testing"

	"github.com/fwgo/fw/fwvet"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestAnalyzer runs fwvet on testdata/handlers, the handlers of the generated
// package testdata/vetshop: every finding kind, the suppressions, and code
// that must not be reported (each checked by the // want comments).
func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, "..", fwvet.Analyzer, "./fwvet/testdata/handlers", "./fwvet/testdata/vetshop")
}
