package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/fwgo/fw/runtime/fw"
)

// phaseName names the phases of a run: the walk and the tokenizing, then
// the packages' counts (after ByPkg's groups), then the summary of the tree.
func phaseName(phase int) string {
	switch phase {
	case 0:
		return "walk and tokenize"
	case 1:
		return "count packages"
	default:
		return "sum up"
	}
}

// isTerminal reports whether w is a terminal: a character device that is not
// the null device. It needs no dependency and errs on the side of "no".
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("TERM") == "dumb" {
		return false
	}
	fi, err := f.Stat()
	if err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	if null, err := os.Stat(os.DevNull); err == nil && os.SameFile(fi, null) {
		return false
	}
	return true
}

// startProgress shows the run's progress on w four times a second, from
// Pipeline.Stats: the phase, the files found and tokenized, the cache hits and
// the events per second. mode "auto" shows it only when w is a terminal (one
// line, rewritten in place); "on" always (on a non-terminal, one line per
// update); "off" never. The returned function stops it and clears the line.
func startProgress(w io.Writer, mode string, stats func() fw.Stats, start time.Time) (stop func()) {
	tty := isTerminal(w)
	if mode == "off" || (mode != "on" && !tty) {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(250 * time.Millisecond)
		defer tick.Stop()
		var lastEvents uint64
		last := start
		for {
			select {
			case <-done:
				if tty {
					fmt.Fprint(w, "\r\x1b[K")
				}
				return
			case now := <-tick.C:
				s := stats()
				// Events handled so far by every processor and builder (an
				// artifact reaching two consumers counts twice). Handled grows
				// with each call; Received and the phases' Events, only at the
				// boundaries of steps (a step may last a second or more).
				var events uint64
				for _, p := range s.Processors {
					events += p.Handled
				}
				rate := float64(events-lastEvents) / now.Sub(last).Seconds()
				lastEvents, last = events, now
				line := progressLine(s, rate, now.Sub(start))
				if tty {
					fmt.Fprint(w, "\r\x1b[K"+line)
				} else {
					fmt.Fprintln(w, line)
				}
			}
		}
	}()
	return func() {
		close(done)
		wg.Wait()
	}
}

// progressLine is one update of the progress display.
func progressLine(s fw.Stats, rate float64, elapsed time.Duration) string {
	files, _ := s.Proc("Files")
	tokenize, _ := s.Proc("Tokenize")
	found := files.Emitted // the artifacts of its pulls
	done, hits := tokenize.Handled, tokenize.CacheHits
	phase := max(len(s.Phases)-1, 0)
	var b strings.Builder
	fmt.Fprintf(&b, "phase %d (%s) | files %d found, %d indexed (%d cache hits)", phase, phaseName(phase), found, done, hits)
	fmt.Fprintf(&b, " | %.0f events/s | %.1fs", rate, elapsed.Seconds())
	return b.String()
}
