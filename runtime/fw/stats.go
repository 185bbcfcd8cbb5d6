package fw

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
	"time"
)

// ProcStats counts one processor's work. Received counts event deliveries
// (artifacts included, replayed ones too); Handled counts successful event
// calls; Failed counts failed calls, lifecycle calls and pulls included; Emitted
// counts committed emissions of all its calls, lifecycle calls and pulls
// included (`on terminate` emissions are discarded, so never counted); resolve
// requests count as emissions. Pulls counts a source builder's successful pulls.
type ProcStats struct {
	Name        string
	Received    uint64
	Handled     uint64
	Failed      uint64
	Emitted     uint64
	Pulls       uint64
	CacheHits   uint64
	CacheMisses uint64
	// Queued is the number of deliveries received and not handled or failed
	// yet: the processor's queue depth (counters move per step with one worker).
	Queued uint64
	// HandlerTime is the time spent in its handler calls; measured only with
	// WithTiming (zero otherwise).
	HandlerTime time.Duration
}

// PhaseStats counts one phase: the events that entered it (submitted, emitted or
// pulled from sources, including those emitted by the broadcast that opened it;
// resolve requests excluded), the deliveries made (replayed artifacts included),
// and the number of steps.
type PhaseStats struct {
	Phase      int
	Steps      int
	Events     uint64
	Deliveries uint64
}

// Stats is a snapshot of a run's job accounting.
type Stats struct {
	Processors []ProcStats // declaration order
	Phases     []PhaseStats
}

// Proc returns the stats of the processor (or builder) named name, and
// whether the run has one of that name.
func (s Stats) Proc(name string) (ProcStats, bool) {
	for _, p := range s.Processors {
		if p.Name == name {
			return p, true
		}
	}
	return ProcStats{}, false
}

// WriteTable writes s.Processors to w as a table with aligned columns, one
// line per processor in declaration order under a header line: processor,
// received, handled, failed, emitted, cache hits and cache misses, and the
// columns pulls, queued and time (HandlerTime, with WithTiming) when any
// processor has a non-zero value for them. For example:
//
//	processor  received  handled  failed  emitted  cache hits  cache misses  pulls
//	Files             0        0       0       12           0             0      2
//	Tokenize         12       12       0       12           9             3
//
// (a zero pull count is left blank: only source builders pull).
func (s Stats) WriteTable(w io.Writer) error {
	var pulls, queued, timed bool
	nameWidth := len("processor")
	for _, p := range s.Processors {
		pulls = pulls || p.Pulls > 0
		queued = queued || p.Queued > 0
		timed = timed || p.HandlerTime > 0
		nameWidth = max(nameWidth, len(p.Name))
	}
	// Every cell ends with a tab and is right-aligned, the numbers' after
	// two spaces; the names are padded to one width first, so that they read
	// left-aligned. Blank cells leave trailing spaces, trimmed at the end.
	var b bytes.Buffer
	tw := tabwriter.NewWriter(&b, 0, 8, 0, ' ', tabwriter.AlignRight)
	head := []string{"received", "handled", "failed", "emitted", "cache hits", "cache misses"}
	if pulls {
		head = append(head, "pulls")
	}
	if queued {
		head = append(head, "queued")
	}
	if timed {
		head = append(head, "time")
	}
	fmt.Fprintf(tw, "%-*s\t", nameWidth, "processor")
	for _, h := range head {
		fmt.Fprintf(tw, "  %s\t", h)
	}
	fmt.Fprintln(tw)
	for _, p := range s.Processors {
		fmt.Fprintf(tw, "%-*s\t  %d\t  %d\t  %d\t  %d\t  %d\t  %d\t", nameWidth, p.Name, p.Received, p.Handled, p.Failed, p.Emitted, p.CacheHits, p.CacheMisses)
		if pulls {
			fmt.Fprintf(tw, "  %s\t", blankZero(p.Pulls))
		}
		if queued {
			fmt.Fprintf(tw, "  %d\t", p.Queued)
		}
		if timed {
			fmt.Fprintf(tw, "  %s\t", roundDuration(p.HandlerTime))
		}
		fmt.Fprintln(tw)
	}
	tw.Flush() // to a bytes.Buffer: no error
	out := make([]byte, 0, b.Len())
	for line := range bytes.Lines(b.Bytes()) {
		out = append(append(out, bytes.TrimRight(line, " \n")...), '\n')
	}
	_, err := w.Write(out)
	return err
}

// blankZero formats n, or nothing for 0.
func blankZero(n uint64) string {
	if n == 0 {
		return ""
	}
	return strconv.FormatUint(n, 10)
}

// roundDuration rounds d to four significant digits (1.235s, 12.35ms, 999ns).
func roundDuration(d time.Duration) time.Duration {
	r := time.Duration(1)
	for d/r >= 10000 {
		r *= 10
	}
	return d.Round(r)
}
