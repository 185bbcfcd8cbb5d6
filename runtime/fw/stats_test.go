package fw_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/fwgo/fw/generated/greeter"
	"github.com/fwgo/fw/runtime/fw"
)

// stats is a run's Stats as the indexer's would be: a source builder, a
// persistent transform with cache hits, a processor with a failure.
func stats() fw.Stats {
	return fw.Stats{Processors: []fw.ProcStats{
		{Name: "Files", Emitted: 6412, Pulls: 27},
		{Name: "Tokenize", Received: 6412, Handled: 6412, Emitted: 6412, CacheHits: 6400, CacheMisses: 12},
		{Name: "Report", Received: 312, Handled: 311, Failed: 1, Emitted: 2},
	}}
}

func TestStatsProc(t *testing.T) {
	s := stats()
	for _, want := range s.Processors {
		got, ok := s.Proc(want.Name)
		if !ok || got != want {
			t.Errorf("Proc(%q) = %+v, %v; want %+v, true", want.Name, got, ok, want)
		}
	}
	for _, name := range []string{"", "tokenize", "Nope"} {
		if got, ok := s.Proc(name); ok || got != (fw.ProcStats{}) {
			t.Errorf("Proc(%q) = %+v, %v; want the zero ProcStats, false", name, got, ok)
		}
	}
}

func TestStatsWriteTable(t *testing.T) {
	timed := stats()
	for i, d := range []time.Duration{0, 1234567890, 12345678} {
		timed.Processors[i].HandlerTime = d
	}
	timed.Processors[2].Queued = 4
	for _, tc := range []struct {
		name  string
		stats fw.Stats
		want  string
	}{
		{"counters", stats(), `
processor  received  handled  failed  emitted  cache hits  cache misses  pulls
Files             0        0       0     6412           0             0     27
Tokenize       6412     6412       0     6412        6400            12
Report          312      311       1        2           0             0
`},
		// Time (WithTiming) and queued (a snapshot during the run) appear
		// when a processor has them; without pulls, no pulls column.
		{"timed", fw.Stats{Processors: timed.Processors[1:]}, `
processor  received  handled  failed  emitted  cache hits  cache misses  queued     time
Tokenize       6412     6412       0     6412        6400            12       0   1.235s
Report          312      311       1        2           0             0       4  12.35ms
`},
		{"a long name", fw.Stats{Processors: []fw.ProcStats{{Name: "G"}, {Name: "AVeryLongProcessorName", Received: 1}}}, `
processor               received  handled  failed  emitted  cache hits  cache misses
G                              0        0       0        0           0             0
AVeryLongProcessorName         1        0       0        0           0             0
`},
		{"no processors", fw.Stats{}, `
processor  received  handled  failed  emitted  cache hits  cache misses
`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			if err := tc.stats.WriteTable(&b); err != nil {
				t.Fatal(err)
			}
			if want := tc.want[1:]; b.String() != want {
				t.Errorf("got\n%s\nwant\n%s", b.String(), want)
			}
			for _, line := range strings.Split(b.String(), "\n") {
				if strings.TrimRight(line, " ") != line {
					t.Errorf("trailing spaces: %q", line)
				}
			}
		})
	}
}

func TestStatsWriteTableError(t *testing.T) {
	boom := errors.New("boom")
	if err := stats().WriteTable(failingWriter{boom}); !errors.Is(err, boom) {
		t.Errorf("WriteTable to a failing writer: %v, want %v", err, boom)
	}
}

type failingWriter struct{ err error }

func (w failingWriter) Write([]byte) (int, error) { return 0, w.err }

// greeter is the Greeter's handler, printing to out.
type greeterHandler struct{ out *bytes.Buffer }

func (g greeterHandler) OnStart(c greeter.GreeterStartContext, who string) error {
	c.EmitGreet(greeter.Greet{Who: who})
	return nil
}

func (g greeterHandler) OnGreet(c greeter.GreeterGreetContext, who string) error {
	g.out.WriteString("Hello, " + who + "!\n")
	return nil
}

// TestStatsOfARun looks a run's processor up by name and prints its table.
func TestStatsOfARun(t *testing.T) {
	var out bytes.Buffer
	p, err := greeter.NewPipeline(greeter.Handlers{Greeter: greeterHandler{&out}})
	if err != nil {
		t.Fatal(err)
	}
	p.Submit(greeter.Start{Who: "a"})
	p.Submit(greeter.Start{Who: "b"})
	if err := p.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	st := p.Stats()
	g, ok := st.Proc("Greeter")
	if !ok || g.Received != 4 || g.Handled != 4 || g.Emitted != 2 {
		t.Errorf("Proc(Greeter) = %+v, %v; want 4 received, 4 handled, 2 emitted", g, ok)
	}
	var b strings.Builder
	if err := st.WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	want := `processor  received  handled  failed  emitted  cache hits  cache misses
Greeter           4        4       0        2           0             0
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestExitCode(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want int
	}{
		{nil, 0},
		{fw.ErrInterrupted, 130},
		{fmt.Errorf("indexing: %w", fw.ErrInterrupted), 130},
		{errors.New("boom"), 1},
		{context.Canceled, 1},
		{&fw.HandlerError{Processor: "P", Err: errors.New("boom")}, 1},
	} {
		if got := fw.ExitCode(tc.err); got != tc.want {
			t.Errorf("ExitCode(%v) = %d, want %d", tc.err, got, tc.want)
		}
	}
}
