package engine_test

import (
	"context"
	"fmt"
	"slices"
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
