// Command ingest reads orders as JSON lines ({"event":"Order","id":"a",
// "amount":10,"status":"NEW"}) from files or standard input, runs them through
// the pipeline of orders.fw and prints the invoices. The input is streamed
// (FeedJSONLines): lines are read in batches as the pipeline takes them, so
// standard input may be endless and memory stays bounded whatever its length.
// A malformed line is reported on standard error with its file and line
// number as soon as it is read, every one of them, and the other lines are
// still processed (exit code 1). With -strict the input is all or nothing:
// every input is read and checked before anything runs (SubmitJSONLines), so
// its memory grows with the input, and the first malformed line stops it.
// The JSON is strict: member names exactly as declared, each once, and valid
// UTF-8; a misspelt event or member name gets a "did you mean". With -live
// the input is a stream: each line is handled as soon as it arrives (an
// interactive input), not when a batch of 256 is read.
package main

//go:generate go run github.com/fwgo/fw/cmd/fwgen generate

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/fwgo/fw/runtime/fw"
)

type billing struct{}

func (billing) OnCancelled(c BillingCancelledContext) error { return nil }

func (billing) OnOrder(c BillingOrderContext, id string, amount int64) error {
	c.EmitInvoice(Invoice{ID: id, Total: amount})
	return nil
}

type printer struct{ out io.Writer }

func (p printer) OnInvoice(c PrinterInvoiceContext, id string, total int64) error {
	_, err := fmt.Fprintf(p.out, "invoice %s %d\n", id, total)
	return err
}

// run is main with its arguments and streams, returning the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	strict := fs.Bool("strict", false, "stop at the first malformed line")
	live := fs.Bool("live", false, "handle each line as soon as it arrives (a stream), not in batches")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	p, err := NewPipeline(Handlers{Billing: billing{}, Printer: printer{out: stdout}})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	// Every malformed line is printed as soon as it is read (fw.OnBadLine),
	// however many there are.
	opts := func(name string) []fw.LinesOption {
		o := []fw.LinesOption{fw.LinesName(name), fw.OnBadLine(func(le *fw.LineError) { fmt.Fprintln(stderr, le) })}
		if *strict {
			o = append(o, fw.StopOnBadLine())
		}
		return o
	}
	bad := false
	report := func(err error) bool {
		var ie *fw.InputError
		var le *fw.LineError
		switch {
		case errors.As(err, &ie):
			bad = true // the lines were printed as they were read
		case errors.As(err, &le):
			fmt.Fprintln(stderr, le)
			return false
		case err != nil:
			fmt.Fprintln(stderr, err)
			return false
		}
		return true
	}
	if *strict {
		// All or nothing: read and check every input before running.
		if fs.NArg() == 0 {
			if !report(p.SubmitJSONLines(stdin, opts("stdin")...)) {
				return 1
			}
		}
		for _, name := range fs.Args() {
			f, err := os.Open(name)
			if err != nil {
				fmt.Fprintln(stderr, err)
				return 2
			}
			ok := report(p.SubmitJSONLines(f, opts(name)...))
			f.Close()
			if !ok {
				return 1
			}
		}
	} else {
		// Streamed: each input is read lazily as the run goes. The files
		// are opened first, so that a missing one stops before anything runs.
		feed := p.FeedJSONLines
		if *live {
			feed = p.StreamJSONLines
		}
		if fs.NArg() == 0 {
			feed(stdin, opts("stdin")...)
		}
		for _, name := range fs.Args() {
			f, err := os.Open(name)
			if err != nil {
				fmt.Fprintln(stderr, err)
				return 2
			}
			defer f.Close()
			feed(f, opts(name)...)
		}
	}
	// A streamed run returns the *fw.InputError of the malformed lines, which
	// were printed as they were read.
	if !report(p.Run(context.Background())) {
		return 1
	}
	if bad {
		return 1
	}
	return 0
}

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
