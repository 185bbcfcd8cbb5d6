package handlers

import (
	"os"
	"regexp"
	"sync"
	"time"

	"github.com/fwgo/fw/fwvet/testdata/vetshop"
)

// Package-level state: calls counts the calls (written by a handler),
// threshold is set by the main program (read by a handler), and words and
// pattern are only initialized (read freely).
var (
	calls     int
	threshold int64
	mu        sync.Mutex
	words     = map[string]bool{"a": true}
	pattern   = regexp.MustCompile(`^[a-z]+$`)
)

// Configure is called by the program before a run.
func Configure(t int64) { threshold = t }

// Sink implements vetshop.SinkHandler.
type Sink struct {
	big   int
	clock clock
}

func (s *Sink) OnInvoice(c vetshop.SinkInvoiceContext, id string, total int64) error {
	calls++                // want `^Sink.OnInvoice -> package var calls: a handler that writes package-level state`
	mu.Lock()              // want `^Sink.OnInvoice -> package var mu: a handler that writes`
	defer mu.Unlock()      // want `package var mu: a handler that writes`
	if total > threshold { // want `^Sink.OnInvoice -> package var threshold: a handler that reads package-level state written elsewhere \(state.go:24\)`
		s.big++
	}
	return nil
}

func (s *Sink) OnNote(c vetshop.SinkNoteContext, text string) error {
	if words[text] && pattern.MatchString(text) && s.clock.stamp() != "" {
		s.big++
	}
	return nil
}

// now and home stand for the clock and the environment: reading them in a
// handler is reading those.
var (
	now  = time.Now
	home = os.Getenv("HOME")
)

// Clocked implements vetshop.PrinterHandler in a package variable's way.
type Clocked struct{}

func (Clocked) OnUpper(c vetshop.PrinterUpperContext, v vetshop.Note) error {
	c.EmitNote(vetshop.Note{Text: v.Text + now().String()}) // want `^Clocked.OnUpper \(Printer\) -> package var now = time.Now: wall-clock time`
	if home == "" {                                         // want `^Clocked.OnUpper \(Printer\) -> package var home = os.Getenv: a handler that reads the environment`
		return nil
	}
	return nil
}
