package engine_test

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/fwgo/fw/runtime/fw"
	fwrt "github.com/fwgo/fw/runtime/internal/engine"
	"github.com/fwgo/fw/runtime/internal/randprog"
)

// The worker-count matrix of the scheduler: the randomized pipelines of
// determinism_test.go and determinism_builders_test.go run with every step
// forced inline, forced onto the pool, and scheduled at random per step
// (inline, pool, or inline up to a random event and the rest of the step on
// the pool: a switch within a step), with 1, 2, 3 and 8 workers; each run
// must give every processor the one-worker trace, and the same stats.

var scheduleModes = []struct {
	name string
	mode int
	seed uint64
}{
	{"auto", fwrt.ScheduleAuto, 0},
	{"inline", fwrt.ScheduleInline, 0},
	{"pool", fwrt.SchedulePool, 0},
	{"random1", fwrt.ScheduleRandom, 1},
	{"random2", fwrt.ScheduleRandom, 2},
	{"random3", fwrt.ScheduleRandom, 3},
}

var scheduleWorkers = []int{1, 2, 3, 8}

func scheduleSeeds() uint64 {
	if raceEnabled || testing.Short() {
		return 4
	}
	return 12
}

func TestScheduleMatrix(t *testing.T) {
	for _, v := range randOptions {
		for seed := range scheduleSeeds() {
			t.Run(fmt.Sprint(v.name, "/seed=", seed), func(t *testing.T) {
				g := randprog.Gen(seed, v.o)
				want, wantStats := runRandom(t, g, 1, 1)
				for _, m := range scheduleModes {
					for _, w := range scheduleWorkers {
						restore := fwrt.SetSchedule(m.mode, m.seed+seed)
						got, st := runRandom(t, g, w, min(4, runtime.NumCPU()*2))
						restore()
						for s := range want {
							if !slices.Equal(got[s], want[s]) {
								t.Fatalf("%s workers=%d: %s received\n%v\none worker gave\n%v", m.name, w, g.SlotName(s), got[s], want[s])
							}
						}
						if fmt.Sprint(st) != fmt.Sprint(wantStats) {
							t.Fatalf("%s workers=%d: stats\n%+v\none worker gave\n%+v", m.name, w, st, wantStats)
						}
					}
				}
			})
		}
	}
}

func TestScheduleMatrixBuilders(t *testing.T) {
	for seed := range scheduleSeeds() {
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
			g := genBProg(seed)
			want, wantStats := runBRandom(t, g, 1, 1)
			for _, m := range scheduleModes {
				for _, w := range scheduleWorkers {
					restore := fwrt.SetSchedule(m.mode, m.seed+seed)
					got, st := runBRandom(t, g, w, min(4, runtime.NumCPU()*2))
					restore()
					for p := range want {
						if !slices.Equal(got[p], want[p]) {
							t.Fatalf("%s workers=%d: %s received\n%v\none worker gave\n%v", m.name, w, g.prog.Procs[p].Name, got[p], want[p])
						}
					}
					if fmt.Sprint(st) != fmt.Sprint(wantStats) {
						t.Fatalf("%s workers=%d: stats\n%+v\none worker gave\n%+v", m.name, w, st, wantStats)
					}
				}
			}
		})
	}
}

// fw is used by the files this one shares helpers with.
var _ = fw.WithWorkers

// TestScheduleOther runs the engine's tests of recording, caching, failures
// and builders again under the forced schedules: their runs with several
// workers must pass whatever runs inline and whatever on the pool.
func TestScheduleOther(t *testing.T) {
	tests := []struct {
		name string
		fn   func(*testing.T)
	}{
		{"RecordReplay", TestRecordReplay},
		{"ReplayDivergence", TestReplayDivergence},
		{"ReplayFailedRun", TestReplayFailedRun},
		{"RecordCachedProcessor", TestRecordCachedProcessor},
		{"CacheHitReplays", TestCacheHitReplays},
		{"CacheVerify", TestCacheVerify},
		{"CacheFailuresNotRecorded", TestCacheFailuresNotRecorded},
		{"PersistentBuilders", TestPersistentBuilders},
		{"CacheLookupsInAdvance", TestCacheLookupsInAdvance},
		{"CacheRepeatedInputInAStep", TestCacheRepeatedInputInAStep},
		{"RetryAndFailureRouting", TestRetryAndFailureRouting},
		{"LateConsumerMidStream", TestLateConsumerMidStream},
		{"SourceBatches", TestSourceBatches},
	}
	for _, m := range scheduleModes[1:] {
		for _, tc := range tests {
			t.Run(m.name+"/"+tc.name, func(t *testing.T) {
				defer fwrt.SetSchedule(m.mode, m.seed)()
				tc.fn(t)
			})
		}
	}
}

// The automatic policy: a step of expensive calls that can overlap goes to
// the pool, the first time after a probe of a few calls inline (a switch
// within the step), later at once; the output is the one-worker output.
func TestScheduleAutoUsesPool(t *testing.T) {
	prog := &fwrt.Program{
		Package: "auto",
		Events:  []fwrt.EventInfo{{Name: "X"}, {Name: "Y"}},
		Procs: []fwrt.ProcInfo{
			{Name: "Work", Cases: []string{"X"}, Concurrency: 2},
			{Name: "Sink", Cases: []string{"Y"}},
		},
		Routes: [][]int32{{0}, {1}},
	}
	run := func(workers int) ([]string, *fwrt.Engine) {
		var tr trace
		e := fwrt.New(prog, &disp{
			routes: [][]fwrt.Delivery{{{Proc: 0}}, {{Proc: 1}}},
			invoke: func(c *fwrt.Call, d fwrt.Delivery, m fwrt.Msg) error {
				if d.Proc == 1 {
					tr.add("%s", label(m))
					return nil
				}
				time.Sleep(100 * time.Microsecond) // an expensive call
				c.Emit(ev(1, label(m)+"'"))
				return nil
			},
		}, fw.WithWorkers(workers))
		for i := range 200 {
			e.Submit(ev(0, fmt.Sprint(i)))
		}
		if err := e.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		return tr.get(), e
	}
	want, _ := run(1)
	got, e := run(2)
	equalLines(t, "Sink received", got, want)
	if pool, handovers := fwrt.PoolUse(e); pool != 0 || handovers != 1 {
		t.Errorf("first run: %d steps on the pool, %d moved to it; want 0, 1", pool, handovers)
	}
	got, e = run(2)
	equalLines(t, "Sink received", got, want)
	if pool, handovers := fwrt.PoolUse(e); pool != 1 || handovers != 0 {
		t.Errorf("second run: %d steps on the pool, %d moved to it; want 1, 0", pool, handovers)
	}
}
