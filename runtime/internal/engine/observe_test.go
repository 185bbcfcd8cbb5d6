package engine_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fwgo/fw/runtime/fw"
	fwrt "github.com/fwgo/fw/runtime/internal/engine"
)

// slowProgram: Work handles X (sleeping), Down handles what it emits.
func slowRun(t *testing.T, workers int, opts ...fw.Option) *fwrt.Engine {
	t.Helper()
	d := &disp{
		routes: [][]fwrt.Delivery{fkX: {{Proc: 0, Case: 0}}, fkY: {{Proc: 1, Case: 0}}},
		invoke: func(c *fwrt.Call, dl fwrt.Delivery, m fwrt.Msg) error {
			if dl.Proc == 0 && dl.Case == 0 {
				time.Sleep(2 * time.Millisecond)
				c.Emit(ev(fkY, label(m)))
			}
			return nil
		},
	}
	prog := failuresProgram(1)
	prog.Procs[0].Retry, prog.Procs[0].Failures = 0, false
	e := fwrt.New(prog, d, append([]fw.Option{fw.WithWorkers(workers)}, opts...)...)
	for range 20 {
		e.Submit(ev(fkX, "x"))
	}
	if err := e.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return e
}

func TestTimingAndObserver(t *testing.T) {
	for _, workers := range []int{1, 4} {
		var mu sync.Mutex
		var snaps []fw.Stats
		e := slowRun(t, workers, fw.WithTiming(), fw.WithObserver(5*time.Millisecond, func(st fw.Stats) {
			mu.Lock()
			snaps = append(snaps, st)
			mu.Unlock()
		}))
		st := e.Stats()
		if ht := st.Processors[0].HandlerTime; ht < 20*2*time.Millisecond || ht > 10*time.Second {
			t.Errorf("workers %d: Work's handler time %v, want at least 40ms (20 calls of 2ms)", workers, ht)
		}
		if st.Processors[0].Queued != 0 || st.Processors[1].Handled != 20 {
			t.Errorf("workers %d: stats at the end %+v", workers, st.Processors)
		}
		mu.Lock()
		if len(snaps) < 2 {
			t.Errorf("workers %d: observer called %d times, want some during the run and one at the end", workers, len(snaps))
		} else if last := snaps[len(snaps)-1]; last.Processors[1].Handled != 20 {
			t.Errorf("workers %d: the observer's last snapshot is not the final one: %+v", workers, last.Processors)
		}
		mu.Unlock()
	}
	// Without WithTiming nothing is measured.
	if ht := slowRun(t, 1).Stats().Processors[0].HandlerTime; ht != 0 {
		t.Errorf("handler time %v without WithTiming", ht)
	}
}

func TestRunLogged(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelInfo}))
	slowRun(t, 1, fw.WithLogger(log))
	out := buf.String()
	for _, want := range []string{`msg="fw: run finished"`, "package=f", "phases=1", "events=40", "deliveries=40", "elapsed="} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q:\n%s", want, out)
		}
	}
}
