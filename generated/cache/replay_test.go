package cache_test

import (
	"context"
	"fmt"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/fwgo/fw/generated/cache"
	"github.com/fwgo/fw/runtime/archive/badgerarchive"
	"github.com/fwgo/fw/runtime/fw"
	fwreactive "github.com/fwgo/fw/runtime/reactive"
)

// classify counts its calls; its emissions depend on the input only (the
// context's Event), so replays must equal them byte for byte.
type classify struct{ calls atomic.Int32 }

func (h *classify) OnFine(c cache.ClassifyFineContext) error {
	h.calls.Add(1)
	e := c.Event()
	c.EmitNormal(cache.Normal{Sensor: e.Sensor, Value: 2 * e.Value})
	return nil
}
func (h *classify) OnBad(c cache.ClassifyBadContext) error {
	h.calls.Add(1)
	e := c.Event()
	c.EmitAlert(cache.Alert{Sensor: e.Sensor, Level: e.Level, Raw: e.Raw})
	return nil
}
func (h *classify) OnSourced(c cache.ClassifySourcedContext, v cache.Reading) error { return nil }

// The builders are not resolved in this test: they are never called.
type idle struct{}

func (idle) Build(ctx context.Context, yield func(cache.Reading) bool) error { return nil }
func (idle) OnReadings(c cache.ScaledContext, v cache.Reading) error         { return nil }
func (idle) Key(v float64) cache.Level                                       { return cache.LevelLOW }

type rawB struct{}

func (rawB) OnReadings(c cache.RawContext, v cache.Reading) error { return nil }

type levelsB struct{}

func (levelsB) OnReadings(c cache.LevelsContext, v cache.Reading) error { return nil }

type flagsB struct{}

func (flagsB) OnReadings(c cache.FlagsContext, v cache.Reading) error { return nil }

type ticksB struct{}

func (ticksB) OnReadings(c cache.TicksContext, v cache.Reading) error { return nil }

type summaryB struct{}

func (summaryB) OnAll(c cache.SummaryContext, v []cache.Reading) error { return nil }
func (summaryB) OnBySensor(c cache.SummaryContext, v fwreactive.Group[string, cache.Reading]) error {
	return nil
}
func (summaryB) OnByLevel(c cache.SummaryContext, v fwreactive.Group[cache.Level, float64]) error {
	return nil
}
func (summaryB) OnBatches(c cache.SummaryContext, v []fwreactive.Group[string, cache.Reading]) error {
	return nil
}
func (summaryB) OnAllTicks(c cache.SummaryContext, v []cache.Tick) error { return nil }

// sink records what Classify emitted, in delivery order.
type sink struct{ lines []string }

func (s *sink) Init(c cache.SinkInitContext) error { return nil }
func (s *sink) OnNormal(c cache.SinkNormalContext) error {
	e := c.Event()
	s.lines = append(s.lines, fmt.Sprintf("normal %s %v", e.Sensor, e.Value))
	return nil
}
func (s *sink) OnAlert(c cache.SinkAlertContext) error {
	e := c.Event()
	s.lines = append(s.lines, fmt.Sprintf("alert %s %d %x", e.Sensor, e.Level, e.Raw))
	return nil
}
func (s *sink) OnSummary(c cache.SinkSummaryContext, v int64) error   { return nil }
func (s *sink) OnRaw(c cache.SinkRawContext, v []byte) error          { return nil }
func (s *sink) OnLevel(c cache.SinkLevelContext, v cache.Level) error { return nil }
func (s *sink) OnFlag(c cache.SinkFlagContext, v bool) error          { return nil }

func readings(n int) []cache.Reading {
	var rs []cache.Reading
	for i := range n {
		rs = append(rs, cache.Reading{Sensor: fmt.Sprint("s", i%3), Value: float64(i) / 4, At: int64(i),
			Level: cache.Level(i % 3), Ok: i%4 != 0, Raw: []byte{byte(i)}})
	}
	return rs
}

// TestCachedReplayOnWorkspace: through the generated code and a real Badger
// workspace, a second run makes zero Classify calls and delivers the same
// emissions; the stats count hits instead of misses.
func TestCachedReplayOnWorkspace(t *testing.T) {
	dir := t.TempDir()
	run := func(workers int) (*classify, *sink, fw.Stats) {
		a, err := badgerarchive.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer a.Close()
		h, s := &classify{}, &sink{}
		p := must(cache.NewPipeline(cache.Handlers{Classify: h, Readings: idle{}, Scaled: idle{}, Raw: rawB{}, Levels: levelsB{}, Flags: flagsB{}, Ticks: ticksB{}, ByLevel: idle{}, Summary: summaryB{}, Sink: s}, fw.WithArchive(a), fw.WithWorkers(workers)))
		for _, r := range readings(60) {
			p.Submit(r)
		}
		if err := p.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		return h, s, p.Stats()
	}
	cold, coldSink, coldStats := run(1)
	if cold.calls.Load() != 60 || len(coldSink.lines) != 60 {
		t.Fatalf("cold run: %d calls, %d emissions", cold.calls.Load(), len(coldSink.lines))
	}
	for _, workers := range []int{1, 8} {
		warm, warmSink, warmStats := run(workers)
		if n := warm.calls.Load(); n != 0 {
			t.Errorf("warm run (%d workers): %d Classify calls, want 0", workers, n)
		}
		if !slices.Equal(warmSink.lines, coldSink.lines) {
			t.Errorf("warm run (%d workers): emissions differ from the cold run", workers)
		}
		c, w := coldStats.Processors[0], warmStats.Processors[0]
		if c.CacheMisses != 60 || c.CacheHits != 0 || w.CacheHits != 60 || w.CacheMisses != 0 {
			t.Errorf("Classify stats: cold %+v, warm %+v", c, w)
		}
	}
}
