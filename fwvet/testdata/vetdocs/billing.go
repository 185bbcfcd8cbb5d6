// Package vetdocs is the example of docs/vet.md: handlers of vetshop with
// findings, a fix and suppressions. internal/cli's TestVetDocs runs fwgen vet
// on it and compares the output with the page's.
package vetdocs

import (
	"fmt"
	"maps"
	"os"
	"slices"
	"time"

	"github.com/fwgo/fw/fwvet/testdata/vetshop"
)

// Billing implements vetshop.BillingHandler.
type Billing struct{}

func (Billing) Init(c vetshop.BillingInitContext) error {
	c.EmitNote(vetshop.Note{Text: "started at " + stamp()})
	return nil
}

func stamp() string { return time.Now().Format(time.Kitchen) }

func (Billing) OnOrder(c vetshop.BillingOrderContext, id string, amount int64) error {
	if os.Getenv("DOUBLE") != "" {
		amount *= 2
	}
	c.EmitInvoice(vetshop.Invoice{ID: id, Total: amount})
	return nil
}

func (Billing) OnTagged(c vetshop.BillingTaggedContext, tags map[string]int64) error {
	for tag, n := range tags {
		c.EmitNote(vetshop.Note{Text: fmt.Sprint(tag, n)})
	}
	return nil
}

func (Billing) Phase(c vetshop.BillingPhaseContext, phase int) error { return nil }

// Fixed is Billing with each finding fixed or silenced.
type Fixed struct {
	Double bool // the configuration, read once by the program
}

func (Fixed) Init(c vetshop.BillingInitContext) error {
	c.EmitNote(vetshop.Note{Text: "started"})
	return nil
}

func (f Fixed) OnOrder(c vetshop.BillingOrderContext, id string, amount int64) error {
	if f.Double {
		amount *= 2
	}
	start := time.Now() //fw:nondeterministic-ok only logged, never emitted
	c.EmitInvoice(vetshop.Invoice{ID: id, Total: amount})
	debugf("order %s took %v", id, time.Since(start)) //fw:nondeterministic-ok a debug log
	return nil
}

func (Fixed) OnTagged(c vetshop.BillingTaggedContext, tags map[string]int64) error {
	for _, tag := range slices.Sorted(maps.Keys(tags)) {
		c.EmitNote(vetshop.Note{Text: fmt.Sprint(tag, tags[tag])})
	}
	return nil
}

func (Fixed) Phase(c vetshop.BillingPhaseContext, phase int) error { return nil }

func debugf(format string, args ...any) {}
