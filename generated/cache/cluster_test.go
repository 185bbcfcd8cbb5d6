package cache_test

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fwgo/fw/generated/cache"
	"github.com/fwgo/fw/runtime/archive"
	"github.com/fwgo/fw/runtime/archive/badgerarchive"
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

// clRun is one distributed run of the package on members m0 (the submitter),
// m1, m2 and an observer, under the simulation of seed with faults: each member
// with its archive in archives (none: the default in-memory one). It returns
// each member's record and Stats (times zeroed) from its last incarnation.
func clRun(t *testing.T, seed uint64, faults memlog.Faults, archives map[string]archive.Archive, calls *atomic.Int64, extra ...fw.Option) (map[string][]byte, map[string]fw.Stats) {
	t.Helper()
	sim := memlog.NewSim(seed, faults)
	var mu sync.Mutex
	got := map[string][]byte{}
	stats := map[string]fw.Stats{}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	err := sim.Run(ctx, clNames, func(ctx context.Context, name string, l cluster.Log) error {
		var opts []cluster.JoinOption
		switch name {
		case "m0":
			opts = append(opts, cluster.Submitter(), cluster.Members(3))
		case "obs":
			opts = append(opts, cluster.Observer())
		}
		var rec bytes.Buffer
		fopts := append([]fw.Option{cluster.Join(l, name, opts...), fw.WithRecord(&rec)}, extra...)
		if a := archives[name]; a != nil {
			fopts = append(fopts, fw.WithArchive(a))
		}
		p, err := cache.NewPipeline(clHandlers{calls}.handlers(), fopts...)
		if err != nil {
			return err
		}
		if name == "m0" {
			for i := range clInputs {
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
	if err != nil {
		t.Fatalf("seed %d: %v\n%s", seed, err, strings.Join(sim.Trace(), "\n"))
	}
	return got, stats
}

var clNames = []string{"m0", "m1", "m2", "obs"}

const clInputs = 20

// clSingle is the single-process run of the same input on archive a (nil:
// the default), with its record and Stats.
func clSingle(t *testing.T, a archive.Archive, n int, calls *atomic.Int64, extra ...fw.Option) ([]byte, fw.Stats) {
	t.Helper()
	var rec bytes.Buffer
	opts := append([]fw.Option{fw.WithWorkers(1), fw.WithRecord(&rec)}, extra...)
	if a != nil {
		opts = append(opts, fw.WithArchive(a))
	}
	p := must(cache.NewPipeline(clHandlers{calls}.handlers(), opts...))
	for i := range n {
		p.Submit(clReading(i * 3))
	}
	if err := p.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return rec.Bytes(), zeroTimes(p.Stats())
}

// clFaults is the fault schedule of seed: all kinds, crashes of every kind
// often, or no re-execution.
func clFaults(seed uint64) memlog.Faults {
	switch seed % 3 {
	case 1:
		return memlog.Faults{Drop: 0.05, Dup: 0.05, Delay: 0.1, CrashInHandler: 0.1, CrashInPublish: 0.2, CrashCoordinator: 0.2, Zombie: 0.05, MaxCrashes: 6}
	case 2:
		return memlog.Faults{Drop: 0.2, Dup: 0.2, Delay: 0.3}
	}
	return memlog.DefaultFaults
}

// TestClusterSimCached runs the package (a cached processor, persistent source and
// transform builders, all resolved; inputs that repeat, so calls hit within the
// run) without an archive on three members and an observer, under seeded fault
// schedules: every record and every Stats (cache hits and misses with them)
// equals the single-process run's, and in schedules without crashes the members
// together make exactly the single-process run's cached calls (a call that hits
// is made by nobody).
func TestClusterSimCached(t *testing.T) {
	var refCalls atomic.Int64
	want, wantStats := clSingle(t, nil, clInputs, &refCalls)
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
	for seed := range uint64(memlog.Schedules(12, 1000)) {
		var calls atomic.Int64
		got, stats := clRun(t, seed, clFaults(seed), nil, &calls)
		for _, name := range clNames {
			if !bytes.Equal(got[name], want) {
				t.Fatalf("seed %d: %s's record differs", seed, name)
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

// TestClusterSimArchive runs the package with an archive per member
// (fw.WithArchive), under seeded fault schedules, with the members' archives
// starting all warm (each filled by a single-process run), all cold, or mixed
// (m0 warm, m1 cold, m2 filled by a run of half the input; the observer cold).
// Every member's record equals the single-process run's; with archives that
// start equal, so do the Stats (the warm single-process run's: every cached
// call hits; the cold one's), and a warm run makes no cached call; mixed, the
// hits are the owners' (each processor's hits and misses add up to its calls).
// After every run, each member's archive holds every record: a single-process
// run on it makes no cached call.
func TestClusterSimArchive(t *testing.T) {
	var n atomic.Int64
	want, coldStats := clSingle(t, nil, clInputs, &n)
	warmArchive := func() *archive.Memory {
		a := archive.NewMemory()
		clSingle(t, a, clInputs, &n)
		return a
	}
	_, warmStats := clSingle(t, warmArchive(), clInputs, &n)
	for _, p := range warmStats.Processors {
		if p.CacheMisses != 0 {
			t.Fatalf("the warm single-process run misses in %s", p.Name)
		}
	}
	for seed := range uint64(memlog.Schedules(9, 300)) {
		archives := map[string]archive.Archive{}
		scenario := [...]string{"warm", "cold", "mixed"}[seed/3%3]
		for _, name := range clNames {
			switch {
			case scenario == "warm", scenario == "mixed" && name == "m0":
				archives[name] = warmArchive()
			case scenario == "mixed" && name == "m2":
				a := archive.NewMemory()
				clSingle(t, a, clInputs/2, &n)
				archives[name] = a
			default:
				archives[name] = archive.NewMemory()
			}
		}
		var calls atomic.Int64
		got, stats := clRun(t, seed, clFaults(seed), archives, &calls)
		for _, name := range clNames {
			if !bytes.Equal(got[name], want) {
				t.Fatalf("seed %d (%s): %s's record differs", seed, scenario, name)
			}
			switch scenario {
			case "warm":
				if !reflect.DeepEqual(stats[name], warmStats) {
					t.Fatalf("seed %d (warm): %s's stats\n%+v\nsingle process\n%+v", seed, name, stats[name], warmStats)
				}
			case "cold":
				if !reflect.DeepEqual(stats[name], coldStats) {
					t.Fatalf("seed %d (cold): %s's stats\n%+v\nsingle process\n%+v", seed, name, stats[name], coldStats)
				}
			default:
				if !reflect.DeepEqual(stats[name], stats["m0"]) {
					t.Fatalf("seed %d (mixed): %s's stats differ from m0's\n%+v\n%+v", seed, name, stats[name], stats["m0"])
				}
				for i, p := range stats[name].Processors {
					c := coldStats.Processors[i]
					if p.CacheHits+p.CacheMisses != c.CacheHits+c.CacheMisses || p.Handled != c.Handled || p.Emitted != c.Emitted {
						t.Fatalf("seed %d (mixed): %s's %s: %+v, the cold single-process run %+v", seed, name, p.Name, p, c)
					}
				}
			}
		}
		if scenario == "warm" && seed%3 == 2 && calls.Load() != 0 {
			t.Fatalf("seed %d (warm): the members made %d cached calls", seed, calls.Load())
		}
		for _, name := range clNames {
			var after atomic.Int64
			rec, _ := clSingle(t, archives[name], clInputs, &after)
			if after.Load() != 0 || !bytes.Equal(rec, want) {
				t.Fatalf("seed %d (%s): a single-process run on %s's archive after the run made %d cached calls", seed, scenario, name, after.Load())
			}
		}
	}
}

// TestClusterSimVerifyRefresh: every member's archive warm, and every
// member run under WithVerify (every hit's handler is called by its owner and
// compared with the record by every member) or WithCacheRefresh (every archive
// ignored, every call made and recorded): records and Stats equal the
// single-process run's under the same option on a warm archive.
func TestClusterSimVerifyRefresh(t *testing.T) {
	var n atomic.Int64
	want, _ := clSingle(t, nil, clInputs, &n)
	warmArchive := func() *archive.Memory {
		a := archive.NewMemory()
		clSingle(t, a, clInputs, &n)
		return a
	}
	for _, mode := range []struct {
		name string
		opt  fw.Option
	}{{"verify", fw.WithVerify()}, {"refresh", fw.WithCacheRefresh()}} {
		var refCalls atomic.Int64
		_, wantStats := clSingle(t, warmArchive(), clInputs, &refCalls, mode.opt)
		if refCalls.Load() == 0 {
			t.Fatalf("%s: the single-process run made no cached call", mode.name)
		}
		for seed := range uint64(memlog.Schedules(3, 100)) {
			archives := map[string]archive.Archive{}
			for _, name := range clNames {
				archives[name] = warmArchive()
			}
			var calls atomic.Int64
			got, stats := clRun(t, seed, clFaults(seed), archives, &calls, mode.opt)
			for _, name := range clNames {
				if !bytes.Equal(got[name], want) {
					t.Fatalf("%s seed %d: %s's record differs", mode.name, seed, name)
				}
				if !reflect.DeepEqual(stats[name], wantStats) {
					t.Fatalf("%s seed %d: %s's stats\n%+v\nsingle process\n%+v", mode.name, seed, name, stats[name], wantStats)
				}
			}
			if seed%3 == 2 && calls.Load() != refCalls.Load() {
				t.Fatalf("%s seed %d: the members made %d cached calls, the single process %d", mode.name, seed, calls.Load(), refCalls.Load())
			}
		}
	}
}

// TestClusterArchiveBadger is TestClusterSimArchive's mixed case with a Badger
// workspace per member: after the distributed run, each workspace, reopened,
// serves a single-process run without a cached call.
func TestClusterArchiveBadger(t *testing.T) {
	var n atomic.Int64
	want, _ := clSingle(t, nil, clInputs, &n)
	for seed := range uint64(memlog.Schedules(2, 20)) {
		dirs := map[string]string{}
		archives := map[string]archive.Archive{}
		for _, name := range clNames {
			dirs[name] = t.TempDir()
			a, err := badgerarchive.Open(dirs[name])
			if err != nil {
				t.Fatal(err)
			}
			switch name {
			case "m0":
				clSingle(t, a, clInputs, &n)
			case "m2":
				clSingle(t, a, clInputs/2, &n)
			}
			archives[name] = a
		}
		got, _ := clRun(t, seed, clFaults(seed+1), archives, &n)
		for _, name := range clNames {
			if !bytes.Equal(got[name], want) {
				t.Fatalf("seed %d: %s's record differs", seed, name)
			}
			if err := archives[name].Close(); err != nil {
				t.Fatal(err)
			}
			a, err := badgerarchive.Open(dirs[name])
			if err != nil {
				t.Fatal(err)
			}
			var after atomic.Int64
			rec, st := clSingle(t, a, clInputs, &after)
			if err := a.Close(); err != nil {
				t.Fatal(err)
			}
			if after.Load() != 0 || !bytes.Equal(rec, want) {
				t.Fatalf("seed %d: a single-process run on %s's reopened workspace made %d cached calls\n%v", seed, name, after.Load(), st)
			}
		}
	}
}

// TestCasesOfOneTypeKeptApart: Classify receives Reading events (cases Fine
// and Bad) and built readings (case Sourced), of one type and encoding, and
// emits differently for them. Its cache keys name the input's kind, so a
// Sourced call never replays a Fine call's record: a cold run and a warm one
// emit what the run with Classify uncached emits, and a warm run under
// WithVerify finds no difference.
func TestCasesOfOneTypeKeptApart(t *testing.T) {
	var n atomic.Int64
	run := func(p *cache.Pipeline, sk *emitted) string {
		t.Helper()
		for i := range clInputs {
			p.Submit(clReading(i * 3))
		}
		if err := p.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		return sk.String()
	}
	var sk emitted
	want := run(cache.NewUncachedPipeline(clHandlers{&n}.handlers(), fw.WithWorkers(1), fw.WithSink(&sk, "Normal", "Alert")), &sk)
	if !strings.Contains(want, "Normal") || !strings.Contains(want, "Alert") {
		t.Fatalf("the uncached run emitted\n%s", want)
	}
	a := archive.NewMemory()
	for i, opts := range [][]fw.Option{{}, {}, {fw.WithVerify()}} {
		var sk emitted
		got := run(must(cache.NewPipeline(clHandlers{&n}.handlers(), append(opts, fw.WithWorkers(1), fw.WithSink(&sk, "Normal", "Alert"), fw.WithArchive(a))...)), &sk)
		if got != want {
			t.Fatalf("run %d on the archive emitted\n%s\nthe uncached run\n%s", i, got, want)
		}
	}
}

// emitted is a Sink that keeps what it is given, one line per emission.
type emitted struct{ strings.Builder }

func (s *emitted) Publish(_ context.Context, ms []fw.SinkMsg) error {
	for _, m := range ms {
		fmt.Fprintf(s, "%s %s %+v\n", m.ID, m.Event, m.Value)
	}
	return nil
}
