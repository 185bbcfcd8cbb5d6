package engine_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/fwgo/fw/runtime/fw"
	fwrt "github.com/fwgo/fw/runtime/internal/engine"
)

// Randomized pipelines: every processor's received sequence and emissions must be
// the same for any worker count and GOMAXPROCS, and equal to what a direct
// model of the delivery order rule predicts.

type rEv struct {
	K     int
	Depth int
	V     uint64
}

type rCase struct {
	kind     int
	mod, rem uint64 // matches kind when V%mod == rem
	emits    []int  // kinds emitted, while Depth < maxDepth
}

type rProc struct {
	cases          []rCase
	conc           int
	init, phase    bool
	term           bool
	lifecycleEmits []int // kinds emitted by init and by phase (while phase < 2)
}

type rProg struct {
	procs  []rProc
	seeds  []rEv
	prog   *fwrt.Program
	kinds  int
	depth  int
	phases int // phase handlers emit while Phase() < phases
}

func mix(a, b uint64) uint64 {
	x := a*0x9e3779b97f4a7c15 ^ (b + 0x632be59bd9b4e5f5)
	x ^= x >> 31
	x *= 0xbf58476d1ce4e5b9
	return x ^ x>>29
}

func genProg(seed uint64) *rProg {
	r := rand.New(rand.NewPCG(seed, 7))
	g := &rProg{kinds: 5, depth: 3, phases: 2}
	g.prog = &fwrt.Program{Package: fmt.Sprint("rand", seed)}
	for k := range g.kinds {
		g.prog.Events = append(g.prog.Events, fwrt.EventInfo{Name: fmt.Sprint("E", k)})
	}
	for i := range 6 {
		p := rProc{conc: 1, init: r.IntN(4) == 0, phase: r.IntN(3) == 0, term: r.IntN(2) == 0}
		if r.IntN(3) == 0 {
			p.conc = 3
		}
		info := fwrt.ProcInfo{Name: fmt.Sprint("P", i), Concurrency: p.conc, Init: p.init, Phase: p.phase, Terminate: p.term}
		for c := range 1 + r.IntN(3) {
			rc := rCase{kind: r.IntN(g.kinds), mod: 1 + uint64(r.IntN(3))}
			rc.rem = uint64(r.IntN(int(rc.mod)))
			for range r.IntN(3) {
				rc.emits = append(rc.emits, r.IntN(g.kinds))
			}
			p.cases = append(p.cases, rc)
			info.Cases = append(info.Cases, fmt.Sprint("c", c))
		}
		for range 1 + r.IntN(2) {
			p.lifecycleEmits = append(p.lifecycleEmits, r.IntN(g.kinds))
		}
		g.procs = append(g.procs, p)
		g.prog.Procs = append(g.prog.Procs, info)
	}
	for range 8 + r.IntN(8) {
		g.seeds = append(g.seeds, rEv{K: r.IntN(g.kinds), V: r.Uint64()})
	}
	return g
}

// match is the routing rule of processor p: its first matching case, as generated
// code would compute it.
func (g *rProg) match(p int, e *rEv) (int, bool) {
	for c, rc := range g.procs[p].cases {
		if rc.kind == e.K && e.V%rc.mod == rc.rem {
			return c, true
		}
	}
	return 0, false
}

// emits is the pure emission function of a call: the case's kinds, one level deeper.
func (g *rProg) emits(p, c int, e *rEv) []rEv {
	if e.Depth >= g.depth {
		return nil
	}
	var out []rEv
	for j, k := range g.procs[p].cases[c].emits {
		out = append(out, rEv{K: k, Depth: e.Depth + 1, V: mix(e.V, uint64(p*16+c*4+j))})
	}
	return out
}

func (g *rProg) lifecycleEmits(p, phase int) []rEv {
	var out []rEv
	for j, k := range g.procs[p].lifecycleEmits {
		out = append(out, rEv{K: k, V: mix(uint64(phase), uint64(1000+p*16+j))})
	}
	return out
}

// rec is one call as the processor saw it.
type rec struct {
	Phase, Step, Input int // Input -1 for lifecycle calls
	What               string
}

func (g *rProg) describe(c string, e *rEv, out []rEv) string {
	return fmt.Sprintf("%s %v -> %v", c, *e, out)
}

// model runs the delivery order rule directly, one step at a time.
func (g *rProg) model() [][]rec {
	recs := make([][]rec, len(g.procs))
	cur := slices.Clone(g.seeds)
	for p := range g.procs {
		if g.procs[p].init {
			out := g.lifecycleEmits(p, 0)
			recs[p] = append(recs[p], rec{0, 0, -1, fmt.Sprint("init ", out)})
			cur = append(cur, out...)
		}
	}
	for phase := 0; ; phase++ {
		step := 0
		for ; len(cur) > 0; step++ {
			var next []rEv
			for p := range g.procs {
				input := 0
				for i := range cur {
					c, ok := g.match(p, &cur[i])
					if !ok {
						continue
					}
					out := g.emits(p, c, &cur[i])
					recs[p] = append(recs[p], rec{phase, step, input, g.describe(fmt.Sprint("c", c), &cur[i], out)})
					next = append(next, out...)
					input++
				}
			}
			cur = next
		}
		for p := range g.procs {
			if g.procs[p].phase {
				var out []rEv
				if phase < g.phases {
					out = g.lifecycleEmits(p, phase)
				}
				recs[p] = append(recs[p], rec{phase, step, -1, fmt.Sprint("phase ", out)})
				cur = append(cur, out...)
			}
		}
		if len(cur) == 0 {
			for p := range g.procs {
				if g.procs[p].term {
					recs[p] = append(recs[p], rec{phase, step, -1, "terminate"})
				}
			}
			return recs
		}
	}
}

// rDisp runs g on the engine, recording every call.
type rDisp struct {
	g      *rProg
	mu     []sync.Mutex
	recs   [][]rec
	serial []bool // whether a processor's records arrived in (phase, step, input) order
}

func (d *rDisp) Route(m fwrt.Msg, dst []fwrt.Delivery) []fwrt.Delivery {
	e := m.Ev.(*rEv)
	for p := range d.g.procs {
		if c, ok := d.g.match(p, e); ok {
			dst = append(dst, fwrt.Delivery{Proc: int32(p), Case: int32(c)})
		}
	}
	return dst
}

func (d *rDisp) Invoke(c *fwrt.Call, dl fwrt.Delivery, m fwrt.Msg) error {
	p := int(dl.Proc)
	var r rec
	var out []rEv
	switch dl.Case {
	case fwrt.CaseInit:
		out = d.g.lifecycleEmits(p, 0)
		r = rec{c.Phase(), c.Step(), -1, fmt.Sprint("init ", out)}
	case fwrt.CasePhase:
		if c.Phase() < d.g.phases {
			out = d.g.lifecycleEmits(p, c.Phase())
		}
		r = rec{c.Phase(), c.Step(), -1, fmt.Sprint("phase ", out)}
	case fwrt.CaseTerminate:
		r = rec{c.Phase(), c.Step(), -1, "terminate"}
	default:
		e := m.Ev.(*rEv)
		if m.Kind != fwrt.Kind(e.K) {
			return fmt.Errorf("kind %d for %v", m.Kind, *e)
		}
		out = d.g.emits(p, int(dl.Case), e)
		r = rec{c.Phase(), c.Step(), c.Input(), d.g.describe(fmt.Sprint("c", dl.Case), e, out)}
		// Tiny pauses, seeded by the input, shuffle completion order.
		if h := mix(e.V, uint64(p)); h%4 == 0 {
			time.Sleep(time.Duration(h>>8%50) * time.Microsecond)
		} else if h%4 == 1 {
			runtime.Gosched()
		}
	}
	for i := range out {
		c.Emit(fwrt.Msg{Kind: fwrt.Kind(out[i].K), Ev: &out[i]})
	}
	d.mu[p].Lock()
	if n := len(d.recs[p]); n > 0 && less(r, d.recs[p][n-1]) {
		d.serial[p] = false
	}
	d.recs[p] = append(d.recs[p], r)
	d.mu[p].Unlock()
	return nil
}

func less(a, b rec) bool {
	if a.Phase != b.Phase {
		return a.Phase < b.Phase
	}
	if a.Step != b.Step {
		return a.Step < b.Step
	}
	return a.Input < b.Input
}

func runRandom(t *testing.T, g *rProg, workers, procs int) ([][]rec, fw.Stats) {
	t.Helper()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	d := &rDisp{g: g, mu: make([]sync.Mutex, len(g.procs)), recs: make([][]rec, len(g.procs)), serial: make([]bool, len(g.procs))}
	for i := range d.serial {
		d.serial[i] = true
	}
	e := fwrt.New(g.prog, d, fw.WithWorkers(workers))
	for i := range g.seeds {
		e.Submit(fwrt.Msg{Kind: fwrt.Kind(g.seeds[i].K), Ev: &g.seeds[i]})
	}
	if err := e.Run(context.Background()); err != nil {
		t.Fatalf("workers=%d GOMAXPROCS=%d: %v", workers, procs, err)
	}
	for p, ok := range d.serial {
		if !ok && (g.procs[p].conc == 1 || workers == 1) {
			t.Errorf("workers=%d: P%d is serial but received out of order", workers, p)
		}
	}
	// A concurrent processor's calls may start and record in any order; the
	// order the engine gave them is in (phase, step, input).
	for p := range d.recs {
		sort.SliceStable(d.recs[p], func(i, j int) bool { return less(d.recs[p][i], d.recs[p][j]) })
	}
	return d.recs, e.Stats()
}

func TestDeterminism(t *testing.T) {
	configs := []struct{ workers, procs int }{{1, 1}, {8, runtime.NumCPU()}, {8, 1}, {3, 4}, {8, 8}}
	for seed := range uint64(12) {
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
			g := genProg(seed)
			want := g.model()
			calls := 0
			for _, r := range want {
				calls += len(r)
			}
			t.Logf("%d calls", calls)
			var wantStats fw.Stats
			for i, cfg := range configs {
				got, st := runRandom(t, g, cfg.workers, cfg.procs)
				for p := range want {
					if !slices.Equal(got[p], want[p]) {
						t.Fatalf("workers=%d GOMAXPROCS=%d: P%d received\n%v\nmodel says\n%v", cfg.workers, cfg.procs, p, got[p], want[p])
					}
				}
				if i == 0 {
					wantStats = st
				} else if fmt.Sprint(st) != fmt.Sprint(wantStats) {
					t.Fatalf("workers=%d GOMAXPROCS=%d: stats\n%+v\nwant\n%+v", cfg.workers, cfg.procs, st, wantStats)
				}
			}
		})
	}
}

func (d *rDisp) DispatchAll(x *fwrt.Serial, ms []fwrt.Msg) int { return dispatchAllVia(d, x, ms) }
