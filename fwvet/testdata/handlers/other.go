package handlers

import (
	"os"
	"time"

	"github.com/fwgo/fw/fwvet/testdata/vetshop"
)

// Main-program code that no handler reaches may read the clock and the
// environment.
func Deadline() time.Time {
	if os.Getenv("FAST") != "" {
		return time.Now()
	}
	return time.Now().Add(time.Hour)
}

// almost has OnUpper but not the rest of an interface it could implement: it
// is no handler, so its clock is not reported.
type almost struct{}

func (almost) OnInvoice(c vetshop.SinkInvoiceContext, id string, total int64) error {
	_ = time.Now()
	return nil
}

// printer implements vetshop.PrinterHandler, and shows the suppressions.
type printer struct{}

func (printer) OnUpper(c vetshop.PrinterUpperContext, v vetshop.Note) error {
	start := time.Now() //fw:nondeterministic-ok only logged, never emitted
	//fw:nondeterministic-ok the deadline bounds a retry loop, not what is emitted
	deadline := time.Now().Add(time.Second)
	logged(start, deadline) //fw:nondeterministic-ok logging, reached through this call only
	_ = time.Since(start)   //fw:nondeterministic-ok // want `fw:nondeterministic-ok needs a reason` `^printer.OnUpper -> time.Since`
	_ = os.Getpid()         //fw:nondeterministic-okay is not the directive // want `^printer.OnUpper -> os.Getpid`
	c.EmitNote(v)
	trusted()
	return nil
}

func logged(start, deadline time.Time) {
	println(time.Since(start).String(), time.Until(deadline).String())
}

// trusted is silenced as a whole.
//
//fw:nondeterministic-ok measures its own duration for a debug counter
func trusted() {
	_ = time.Now()
}
