package cache_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fwgo/fw/generated/cache"
	"github.com/fwgo/fw/runtime/archive"
	"github.com/fwgo/fw/runtime/cluster"
	"github.com/fwgo/fw/runtime/cluster/memlog"
	"github.com/fwgo/fw/runtime/fw"
	fwreactive "github.com/fwgo/fw/runtime/reactive"
)

// The handlers of a distributed run with a cached processor and persistent
// builders, all resolved. calls counts the handler calls of Classify and of
// the persistent builders (the cached calls).
type clHandlers struct{ calls *atomic.Int64 }

func (h clHandlers) handlers() cache.Handlers {
	return cache.Handlers{Classify: clClassify(h), Readings: clReadings(h), Scaled: clScaled(h), Raw: clRaw(h), Levels: clLevels(h),
		Flags: clFlags{}, Ticks: clTicks{}, ByLevel: clByLevel{}, Summary: clSummary(h), Sink: &clSink{}}
}

// clReading i: the values repeat every 7, so cached calls hit within the run.
func clReading(i int) cache.Reading {
	j := i % 7
	return cache.Reading{Sensor: fmt.Sprint("s", j%3), Value: float64(j) / 4, At: int64(j), Level: cache.Level(j % 3), Ok: j%4 != 0, Raw: []byte{byte(j)}}
}

type clClassify clHandlers

func (h clClassify) OnFine(c cache.ClassifyFineContext) error {
	h.calls.Add(1)
	e := c.Event()
	c.EmitNormal(cache.Normal{Sensor: e.Sensor, Value: 2 * e.Value})
	return nil
}
func (h clClassify) OnBad(c cache.ClassifyBadContext) error {
	h.calls.Add(1)
	e := c.Event()
	c.EmitAlert(cache.Alert{Sensor: e.Sensor, Level: e.Level, Raw: e.Raw})
	return nil
}
func (h clClassify) OnSourced(c cache.ClassifySourcedContext, v cache.Reading) error {
	h.calls.Add(1)
	if v.Ok {
		c.EmitNormal(cache.Normal{Sensor: v.Sensor, Value: v.Value})
	} else {
		c.EmitAlert(cache.Alert{Sensor: v.Sensor, Level: v.Level})
	}
	return nil
}

type clReadings clHandlers

func (h clReadings) Build(ctx context.Context, yield func(cache.Reading) bool) error {
	h.calls.Add(1)
	for i := range 30 {
		if !yield(clReading(i)) {
			return nil
		}
	}
	return nil
}

type clScaled clHandlers

func (h clScaled) OnReadings(c cache.ScaledContext, v cache.Reading) error {
	h.calls.Add(1)
	c.Publish(v.Value * 3)
	return nil
}

type clRaw clHandlers

func (h clRaw) OnReadings(c cache.RawContext, v cache.Reading) error {
	h.calls.Add(1)
	c.Publish(append([]byte{'r'}, v.Raw...))
	return nil
}

type clLevels clHandlers

func (h clLevels) OnReadings(c cache.LevelsContext, v cache.Reading) error {
	h.calls.Add(1)
	c.Publish(v.Level)
	return nil
}

type clFlags struct{}

func (clFlags) OnReadings(c cache.FlagsContext, v cache.Reading) error { c.Publish(v.Ok); return nil }

type clTicks struct{}

func (clTicks) OnReadings(c cache.TicksContext, v cache.Reading) error {
	if v.At%2 == 0 {
		c.Publish(cache.Tick{})
	}
	return nil
}

type clByLevel struct{}

func (clByLevel) Key(v float64) cache.Level { return cache.Level(int(v) % 3) }

type clSummary clHandlers

func (h clSummary) OnAll(c cache.SummaryContext, v []cache.Reading) error {
	h.calls.Add(1)
	c.Publish(int64(len(v)))
	return nil
}
func (h clSummary) OnBySensor(c cache.SummaryContext, v fwreactive.Group[string, cache.Reading]) error {
	h.calls.Add(1)
	c.Publish(int64(len(v.Items)))
	return nil
}
func (h clSummary) OnByLevel(c cache.SummaryContext, v fwreactive.Group[cache.Level, float64]) error {
	h.calls.Add(1)
	c.Publish(int64(v.Key))
	return nil
}
func (h clSummary) OnBatches(c cache.SummaryContext, v []fwreactive.Group[string, cache.Reading]) error {
	h.calls.Add(1)
	c.Publish(int64(len(v)))
	return nil
}
func (h clSummary) OnAllTicks(c cache.SummaryContext, v []cache.Tick) error {
	h.calls.Add(1)
	c.Publish(int64(len(v)))
	return nil
}

type clSink struct{}

func (*clSink) Init(c cache.SinkInitContext) error {
	c.ResolveSummary()
	c.ResolveRaw()
	c.ResolveLevels()
	c.ResolveFlags()
	return nil
}
func (*clSink) OnNormal(c cache.SinkNormalContext) error              { return nil }
func (*clSink) OnAlert(c cache.SinkAlertContext) error                { return nil }
func (*clSink) OnSummary(c cache.SinkSummaryContext, v int64) error   { return nil }
func (*clSink) OnRaw(c cache.SinkRawContext, v []byte) error          { return nil }
func (*clSink) OnLevel(c cache.SinkLevelContext, v cache.Level) error { return nil }
func (*clSink) OnFlag(c cache.SinkFlagContext, v bool) error          { return nil }

func zeroTimes(s fw.Stats) fw.Stats {
	for i := range s.Processors {
		s.Processors[i].HandlerTime = 0
	}
	return s
}

// TestClusterSimCached runs the package (a cached processor, persistent source and
// transform builders, all resolved; inputs that repeat, so calls hit within the
// run) without an archive on three members and an observer, under seeded fault
// schedules: every record and every Stats (cache hits and misses with them)
// equals the single-process run's, and in schedules without crashes the members
// together make exactly the single-process run's cached calls (a call that hits
// is made by nobody).
func TestClusterSimCached(t *testing.T) {
	var want bytes.Buffer
	var refCalls atomic.Int64
	ref := must(cache.NewPipeline(clHandlers{&refCalls}.handlers(), fw.WithWorkers(1), fw.WithRecord(&want)))
	for i := range 20 {
		ref.Submit(clReading(i * 3))
	}
	if err := ref.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	wantStats := zeroTimes(ref.Stats())
	var hits, misses, persistMisses uint64
	for _, p := range wantStats.Processors {
		hits += p.CacheHits
		misses += p.CacheMisses
		if p.Name == "Readings" || p.Name == "Summary" {
			persistMisses += p.CacheMisses
		}
	}
	if hits == 0 || misses == 0 || persistMisses == 0 {
		t.Fatalf("the single-process run has %d hits and %d misses (%d of Readings and Summary): the test needs both", hits, misses, persistMisses)
	}
	names := []string{"m0", "m1", "m2", "obs"}
	for seed := range uint64(memlog.Schedules(12, 1000)) {
		faults := memlog.DefaultFaults
		switch seed % 3 {
		case 1: // crashes of every kind, often
			faults = memlog.Faults{Drop: 0.05, Dup: 0.05, Delay: 0.1, CrashInHandler: 0.1, CrashInPublish: 0.2, CrashCoordinator: 0.2, Zombie: 0.05, MaxCrashes: 6}
		case 2: // no re-execution
			faults = memlog.Faults{Drop: 0.2, Dup: 0.2, Delay: 0.3}
		}
		sim := memlog.NewSim(seed, faults)
		var mu sync.Mutex
		got := map[string][]byte{}
		stats := map[string]fw.Stats{}
		var calls atomic.Int64
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		err := sim.Run(ctx, names, func(ctx context.Context, name string, l cluster.Log) error {
			var opts []cluster.JoinOption
			switch name {
			case "m0":
				opts = append(opts, cluster.Submitter(), cluster.Members(3))
			case "obs":
				opts = append(opts, cluster.Observer())
			}
			var rec bytes.Buffer
			p, err := cache.NewPipeline(clHandlers{&calls}.handlers(), cluster.Join(l, name, opts...), fw.WithRecord(&rec))
			if err != nil {
				return err
			}
			if name == "m0" {
				for i := range 20 {
					p.Submit(clReading(i * 3))
				}
			}
			if err := p.Run(ctx); err != nil {
				return err
			}
			mu.Lock()
			got[name], stats[name] = rec.Bytes(), zeroTimes(p.Stats())
			mu.Unlock()
			return nil
		})
		cancel()
		if err != nil {
			t.Fatalf("seed %d: %v\n%s", seed, err, strings.Join(sim.Trace(), "\n"))
		}
		for _, name := range names {
			if !bytes.Equal(got[name], want.Bytes()) {
				t.Fatalf("seed %d: %s's record differs\n%s", seed, name, strings.Join(sim.Trace(), "\n"))
			}
			if !reflect.DeepEqual(stats[name], wantStats) {
				t.Fatalf("seed %d: %s's stats\n%+v\nsingle process\n%+v", seed, name, stats[name], wantStats)
			}
		}
		if seed%3 == 2 && calls.Load() != refCalls.Load() {
			t.Fatalf("seed %d: the members made %d cached calls, the single process %d", seed, calls.Load(), refCalls.Load())
		}
	}
}

// TestClusterRefusesArchive: a distributed run with an archive fails at once, and
// says why.
func TestClusterRefusesArchive(t *testing.T) {
	l := memlog.New(time.Second)
	var calls atomic.Int64
	p := must(cache.NewPipeline(clHandlers{&calls}.handlers(), cluster.Join(l, "m0", cluster.Submitter()), fw.WithArchive(archive.NewMemory())))
	err := p.Run(context.Background())
	if err == nil || !strings.Contains(err.Error(), "does not support an archive (fw.WithArchive, a workspace) yet") {
		t.Fatalf("Run: %v", err)
	}
	if calls.Load() != 0 {
		t.Fatalf("%d calls made", calls.Load())
	}
	var he *fw.HandlerError
	if errors.As(err, &he) {
		t.Fatalf("a handler error: %v", err)
	}
}
