package reactive_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/fwgo/fw/generated/reactive"
	"github.com/fwgo/fw/runtime/fw"
)

// Recorded replay with builders: source pulls, transforms (Square with
// concurrency 3), every helper, a late consumer and lifecycle calls that
// resolve targets, all recorded and compared.

func recordReactive(t *testing.T, n, workers int) (string, []byte, []string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "reactive.fwrec")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	h, _ := run(t, n, fw.WithWorkers(workers), fw.WithSourceBatch(4), fw.WithRecord(f))
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, data, h.log.lines
}

// replayReactive replays the record at path; double, if not nil, replaces
// Double's handler.
func replayReactive(t *testing.T, path string, workers int, dbl reactive.DoubleBuilder) (*handlers, error) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	h := &handlers{&nums{n: 30}, &double{}, &square{}, &pairs{}, &late{}, &count{}, &logger{}}
	if dbl == nil {
		dbl = h.double
	}
	// No WithSourceBatch: a replay takes the record's. Nums' n is the record's
	// too (30).
	p := must(reactive.NewPipeline(reactive.Handlers{Nums: h.nums, Double: dbl, Square: h.square, Pairs: h.pairs, ByParity: byParity{}, Late: h.late, Count: h.count, Log: h.log}, fw.WithWorkers(workers)))
	return h, p.Replay(context.Background(), f)
}

func TestRecordedReplayBuilders(t *testing.T) {
	const n = 30
	path, rec1, log := recordReactive(t, n, 1)
	_, rec8, _ := recordReactive(t, n, 8)
	if !bytes.Equal(rec1, rec8) {
		t.Fatalf("the record of 8 workers differs from the one of 1 (%d vs %d bytes)", len(rec8), len(rec1))
	}
	for _, w := range []int{1, 8} {
		h, err := replayReactive(t, path, w, nil)
		if err != nil {
			t.Fatalf("replay with %d workers: %v", w, err)
		}
		if !slices.Equal(h.log.lines, log) {
			t.Fatalf("workers=%d: the replay's log differs:\n got  %q\n want %q", w, h.log.lines, log)
		}
	}
}

// doubleOff doubles 7 into 15.
type doubleOff struct{}

func (doubleOff) OnNums(c reactive.DoubleContext, v int64) error {
	if v == 7 {
		c.Publish(2*v + 1)
		return nil
	}
	c.Publish(2 * v)
	return nil
}

func TestRecordedReplayBuildersDivergence(t *testing.T) {
	path, _, _ := recordReactive(t, 30, 8)
	for _, w := range []int{1, 8} {
		_, err := replayReactive(t, path, w, doubleOff{})
		var d *fw.DivergenceError
		if !errors.As(err, &d) {
			t.Fatalf("workers=%d: %v; want a *DivergenceError", w, err)
		}
		if d.Processor != "Double" || d.Event != "built nums" || d.Index != 0 ||
			!strings.HasPrefix(d.Expected, "built double 14 [") || !strings.HasPrefix(d.Got, "built double 15 [") {
			t.Fatalf("workers=%d: %v (%+v)", w, err, d)
		}
	}
}
