package engine_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/fwgo/fw/runtime/archive"
	"github.com/fwgo/fw/runtime/fw"
	fwrt "github.com/fwgo/fw/runtime/internal/engine"
)

// A cached partitioned processor: each instance looks its calls up under
// the processor's keys (of the input alone, whatever K), so a warm run
// makes no call and emits the same; Stats count hits and misses per
// processor. Inputs repeat within a run: the second call on an input is a
// hit, in whichever step.
func TestKeyGroupsCached(t *testing.T) {
	const k = 3
	prog := func(conc int) *fwrt.Program {
		p := cacheProgram(conc, 1)
		p.Procs[0].KeyGroups = k
		return p
	}
	var inputs []string
	for i := range 30 {
		inputs = append(inputs, fmt.Sprintf("k%d:%d", i%7, i%12)) // i%12: repeats
	}
	type result struct {
		sink  []string
		calls int64
		st    fw.Stats
	}
	run := func(arch archive.Archive, conc, workers int) result {
		var calls atomic.Int64
		var sink pubLog
		d := &cacheKG{kgDisp{
			route: func(m fwrt.Msg, dst []fwrt.Delivery) []fwrt.Delivery {
				if m.Kind == kIn {
					return append(dst, fwrt.Delivery{Proc: 0, KG: kgOf(label(m), k)})
				}
				return append(dst, fwrt.Delivery{Proc: 1})
			},
			invoke: func(c *fwrt.Call, dl fwrt.Delivery, m fwrt.Msg) error {
				if dl.Proc == 0 && dl.Case == 0 {
					calls.Add(1)
					if kgOf(label(m), k) != int32(c.KeyGroup()) {
						return fmt.Errorf("instance %d called for %s", c.KeyGroup(), label(m))
					}
					c.Emit(ev(kMid, fmt.Sprintf("%s@%d", label(m), c.KeyGroup())))
				}
				return nil
			},
		}}
		e := fwrt.New(prog(conc), d, fw.WithWorkers(workers), fw.WithArchive(arch), fw.WithSink(&sink, "Mid"))
		for _, s := range inputs {
			e.Submit(ev(kIn, s))
		}
		if err := e.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		return result{sink.get(), calls.Load(), e.Stats()}
	}
	distinct := len(slices.Compact(slices.Sorted(slices.Values(inputs))))
	var want []string
	for _, conc := range []int{1, 3} {
		for _, w := range []int{1, 4} {
			arch := archive.NewMemory()
			cold := run(arch, conc, w)
			warm := run(arch, conc, w)
			name := fmt.Sprintf("concurrency=%d workers=%d", conc, w)
			if want == nil {
				want = cold.sink
			}
			equalLines(t, name+": cold", cold.sink, want)
			equalLines(t, name+": warm", warm.sink, want)
			if cold.calls != int64(distinct) || warm.calls != 0 {
				t.Errorf("%s: %d calls cold, %d warm; want %d and 0", name, cold.calls, warm.calls, distinct)
			}
			if s := cold.st.Processors[0]; s.CacheMisses != uint64(distinct) || s.CacheHits != uint64(len(inputs)-distinct) || s.Received != uint64(len(inputs)) {
				t.Errorf("%s: cold stats %+v", name, s)
			}
			if s := warm.st.Processors[0]; s.CacheMisses != 0 || s.CacheHits != uint64(len(inputs)) {
				t.Errorf("%s: warm stats %+v", name, s)
			}
			arch.Close()
		}
	}
	// The sink's ids: an emission of Work's call on submitted input n is
	// s<n>/Work.0 (the processor's name: an input reaches one instance),
	// and the emissions come instance by instance.
	var ids []string
	for g := range int32(k) {
		for n, in := range inputs {
			if kgOf(in, k) == g {
				ids = append(ids, fmt.Sprintf("s%d/Work.0 Mid %s@%d", n, in, g))
			}
		}
	}
	equalLines(t, "sink", want, ids)
}

// cacheKG is a kgDisp with the Codec of Ev.
type cacheKG struct{ kgDisp }

func (cacheKG) AppendMsg(b []byte, m fwrt.Msg) ([]byte, error) { return evCodec{}.AppendMsg(b, m) }
func (cacheKG) DecodeMsg(k fwrt.Kind, data []byte) (fwrt.Msg, error) {
	return evCodec{}.DecodeMsg(k, data)
}
func (d *cacheKG) DispatchAll(x *fwrt.Serial, ms []fwrt.Msg) int { return dispatchAllVia(d, x, ms) }

// The causal ids of the emissions of a partitioned processor's lifecycle
// calls name the instance, so that they stay distinct.
func TestKeyGroupsSinkIDs(t *testing.T) {
	const k = 3
	prog := &fwrt.Program{
		Package: "kgids",
		Events:  []fwrt.EventInfo{{Name: "Tick"}},
		Procs: []fwrt.ProcInfo{
			{Name: "Part", Cases: []string{"Tick"}, KeyGroups: k, Init: true},
		},
		Routes: [][]int32{{0}},
	}
	for _, w := range []int{1, 4} {
		var sink pubLog
		d := &kgDisp{
			route: func(m fwrt.Msg, dst []fwrt.Delivery) []fwrt.Delivery {
				return append(dst, fwrt.Delivery{Proc: 0, KG: kgOf(label(m), k)})
			},
			invoke: func(c *fwrt.Call, dl fwrt.Delivery, m fwrt.Msg) error {
				if dl.Case == fwrt.CaseInit {
					c.Emit(ev(0, fmt.Sprintf("z%d:init", c.KeyGroup())))
				}
				return nil
			},
		}
		e := fwrt.New(prog, d, fw.WithWorkers(w), fw.WithSink(&sink))
		if err := e.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		equalLines(t, fmt.Sprint("workers=", w), sink.get(), []string{
			"init/Part[0].0 Tick z0:init", "init/Part[1].0 Tick z1:init", "init/Part[2].0 Tick z2:init",
		})
	}
}

// A persistent partitioned helper (an eager builder with PersistFlushes,
// as a `persist` ReservoirSampler): each instance's phase publications are
// archived under a key of what that instance received, so a warm run with
// the same inputs publishes the stored ones (its calls still made: they
// keep the instance's state), instance by instance; another K partitions
// the inputs otherwise, and misses.
func TestKeyGroupsPersistentHelper(t *testing.T) {
	// event In; target a (published by Pub), s (provided by H, partitioned).
	const builtA, builtS = 1, 2
	prog := func(k int) *fwrt.Program {
		return &fwrt.Program{
			Package: "kgpersist",
			Events:  []fwrt.EventInfo{{Name: "In"}},
			Targets: []fwrt.TargetInfo{{Name: "a", Provider: 0}, {Name: "s", Provider: 1}},
			Procs: []fwrt.ProcInfo{
				{Name: "Pub", Cases: []string{"In"}},
				{Name: "H", Cases: []string{"a"}, Builder: true, Eager: true, PersistFlushes: true, Phase: true,
					Provides: 1, Requires: []int32{0}, KeyGroups: k, Fingerprint: archive.Fingerprint("kgpersist", "H")},
				{Name: "Out", Cases: []string{"s"}},
			},
			Routes: [][]int32{{0}, {1}, {2}, {}, {}},
		}
	}
	inputs := kgOrders(24)
	run := func(arch archive.Archive, k int, tag string) ([]string, fw.ProcStats) {
		state := make([][]string, k) // per instance: what it received
		var out instance
		d := &cacheKG{kgDisp{
			route: func(m fwrt.Msg, dst []fwrt.Delivery) []fwrt.Delivery {
				switch m.Kind {
				case 0:
					return append(dst, fwrt.Delivery{Proc: 0})
				case builtA:
					return append(dst, fwrt.Delivery{Proc: 1, KG: kgOf(label(m), k)})
				case builtS:
					return append(dst, fwrt.Delivery{Proc: 2})
				}
				return dst
			},
			invoke: func(c *fwrt.Call, dl fwrt.Delivery, m fwrt.Msg) error {
				switch {
				case dl.Proc == 0:
					c.Emit(fwrt.Msg{Kind: builtA, Ev: &Ev{S: label(m)}})
				case dl.Proc == 2:
					out.add(label(m))
				case dl.Case == 0:
					state[c.KeyGroup()] = append(state[c.KeyGroup()], label(m))
				case dl.Case == fwrt.CasePhase && c.Phase() == 0:
					st := state[c.KeyGroup()]
					c.Emit(fwrt.Msg{Kind: builtS, Ev: &Ev{S: fmt.Sprintf("H[%d] %d %s %s", c.KeyGroup(), len(st), st[len(st)-1], tag)}})
				}
				return nil
			},
		}}
		e := fwrt.New(prog(k), d, fw.WithWorkers(2), fw.WithArchive(arch))
		for _, s := range inputs {
			e.Submit(ev(0, s))
		}
		if err := e.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		return out.get(), e.Stats().Processors[1]
	}
	arch := archive.NewMemory()
	defer arch.Close()
	cold, cs := run(arch, 3, "cold")
	warm, ws := run(arch, 3, "warm")
	// Each instance's `on phase` is looked up in each of the 2 phases.
	if len(cold) != 3 || cs.CacheMisses != 6 || cs.CacheHits != 0 {
		t.Fatalf("cold: %q, %+v; want 3 publications, 6 misses", cold, cs)
	}
	equalLines(t, "warm publishes the stored publications", warm, cold)
	if ws.CacheHits != 6 || ws.CacheMisses != 0 {
		t.Errorf("warm: %+v, want 6 hits", ws)
	}
	other, os := run(arch, 2, "k2")
	if len(other) != 2 || os.CacheMisses != 4 || !strings.HasSuffix(other[0], " k2") {
		t.Errorf("K=2: %q, %+v; want 2 fresh publications", other, os)
	}
}
