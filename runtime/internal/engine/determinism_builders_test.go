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

	"github.com/fwgo/fw/runtime/fw"
	fwrt "github.com/fwgo/fw/runtime/internal/engine"
)

// Randomized pipelines with builders: random builder DAGs (sources and
// transforms, some with init, phase and terminate cases), processors that
// consume events and artifacts and resolve targets from any case, and the
// caller resolving some targets. Every run with any worker count must match a
// direct model of the semantics (activation, logs, directed replay, source
// batches) and give the same stats.

type gbProc struct {
	builder  bool
	target   int   // provides (builders)
	requires []int // builders
	srcN     int   // source builders: number of artifacts
	cases    []rCase
	conc     int
	init     bool
	phase    bool
	term     bool
	life     []int // kinds emitted by init and phase (events and resolve kinds)
}

type gbProg struct {
	nE, nT int
	procs  []gbProc
	seeds  []rEv
	batch  int
	depth  int
	phases int
	prog   *fwrt.Program
}

func (g *gbProg) built(t int) int   { return g.nE + t }
func (g *gbProg) resolve(t int) int { return g.nE + g.nT + t }
func (g *gbProg) isResolve(k int) bool {
	return k >= g.nE+g.nT && k < g.nE+2*g.nT
}

func genBProg(seed uint64) *gbProg {
	r := rand.New(rand.NewPCG(seed, 11))
	g := &gbProg{nE: 3, nT: 2 + r.IntN(4), batch: 1 + r.IntN(3), depth: 3, phases: 2}
	g.prog = &fwrt.Program{Package: fmt.Sprint("brand", seed)}
	for k := range g.nE {
		g.prog.Events = append(g.prog.Events, fwrt.EventInfo{Name: fmt.Sprint("E", k)})
	}
	var procs []gbProc
	for t := range g.nT {
		b := gbProc{builder: true, target: t, conc: 1, init: r.IntN(4) == 0, phase: r.IntN(3) == 0, term: r.IntN(3) == 0}
		for u := range t {
			if len(b.requires) < 2 && r.IntN(3) == 0 {
				b.requires = append(b.requires, u)
			}
		}
		if len(b.requires) == 0 {
			b.srcN = r.IntN(9)
		}
		if r.IntN(3) == 0 {
			b.conc = 3
		}
		for _, req := range b.requires {
			c := rCase{kind: g.built(req), mod: 1}
			for range r.IntN(3) {
				c.emits = append(c.emits, g.built(t))
			}
			b.cases = append(b.cases, c)
		}
		if b.init {
			b.life = append(b.life, g.resolve(r.IntN(g.nT)))
		}
		if b.phase {
			b.life = append(b.life, g.built(t))
		}
		procs = append(procs, b)
	}
	for range 3 + r.IntN(2) {
		p := gbProc{conc: 1, init: r.IntN(3) == 0, phase: r.IntN(3) == 0, term: r.IntN(3) == 0}
		if r.IntN(3) == 0 {
			p.conc = 3
		}
		for range 1 + r.IntN(3) {
			c := rCase{kind: r.IntN(g.nE), mod: 1 + uint64(r.IntN(3))}
			if r.IntN(2) == 0 {
				c.kind = g.built(r.IntN(g.nT))
			}
			c.rem = uint64(r.IntN(int(c.mod)))
			for range r.IntN(3) {
				c.emits = append(c.emits, r.IntN(g.nE))
			}
			if r.IntN(2) == 0 {
				c.emits = append(c.emits, g.resolve(r.IntN(g.nT)))
			}
			p.cases = append(p.cases, c)
		}
		for range 1 + r.IntN(2) {
			if r.IntN(2) == 0 {
				p.life = append(p.life, g.resolve(r.IntN(g.nT)))
			} else {
				p.life = append(p.life, r.IntN(g.nE))
			}
		}
		procs = append(procs, p)
	}
	r.Shuffle(len(procs), func(i, j int) { procs[i], procs[j] = procs[j], procs[i] })
	g.procs = procs
	for t := range g.nT {
		g.prog.Targets = append(g.prog.Targets, fwrt.TargetInfo{Name: fmt.Sprint("t", t)})
	}
	for i, p := range procs {
		info := fwrt.ProcInfo{Name: fmt.Sprint("P", i), Concurrency: p.conc, Init: p.init, Phase: p.phase, Terminate: p.term}
		if p.builder {
			info.Name = fmt.Sprint("B", i)
			info.Builder, info.Provides, info.Source = true, int32(p.target), len(p.requires) == 0
			for _, req := range p.requires {
				info.Requires = append(info.Requires, int32(req))
			}
			g.prog.Targets[p.target].Provider = int32(i)
		}
		for c := range p.cases {
			info.Cases = append(info.Cases, fmt.Sprint("c", c))
		}
		for _, k := range slices.Concat(p.life, slices.Concat(func() [][]int {
			var es [][]int
			for _, c := range p.cases {
				es = append(es, c.emits)
			}
			return es
		}()...)) {
			if t := int32(k - g.nE - g.nT); g.isResolve(k) && !slices.Contains(info.Resolves, t) {
				info.Resolves = append(info.Resolves, t)
			}
		}
		g.prog.Procs = append(g.prog.Procs, info)
	}
	for range 4 + r.IntN(5) {
		g.seeds = append(g.seeds, rEv{K: r.IntN(g.nE), V: r.Uint64()})
	}
	for range r.IntN(3) {
		i := r.IntN(len(g.seeds) + 1)
		g.seeds = slices.Insert(g.seeds, i, rEv{K: g.resolve(r.IntN(g.nT))})
	}
	return g
}

func (g *gbProg) match(p int, e *rEv) (int, bool) {
	for c, rc := range g.procs[p].cases {
		if rc.kind == e.K && e.V%rc.mod == rc.rem {
			return c, true
		}
	}
	return 0, false
}

// emits: a builder's artifacts (its DAG bounds their depth); a processor's
// events while Depth < depth, and its resolve requests.
func (g *gbProg) emits(p, c int, e *rEv) []rEv {
	var out []rEv
	for j, k := range g.procs[p].cases[c].emits {
		switch {
		case g.isResolve(k):
			out = append(out, rEv{K: k})
		case g.procs[p].builder || e.Depth < g.depth:
			out = append(out, rEv{K: k, Depth: e.Depth + 1, V: mix(e.V, uint64(p*16+c*4+j))})
		}
	}
	return out
}

// lifeEmits: init and phase (while phase < phases) emissions.
func (g *gbProg) lifeEmits(p int, cs int32, phase int) []rEv {
	if cs == fwrt.CasePhase && phase >= g.phases {
		return nil
	}
	var out []rEv
	for j, k := range g.procs[p].life {
		if g.isResolve(k) {
			if cs == fwrt.CaseInit || !g.procs[p].builder {
				out = append(out, rEv{K: k})
			}
			continue
		}
		if g.procs[p].builder && cs == fwrt.CaseInit {
			continue // a builder's init only resolves
		}
		out = append(out, rEv{K: k, V: mix(uint64(phase), uint64(1000+p*16+j))})
	}
	return out
}

func (g *gbProg) srcItems(p int) []rEv {
	var out []rEv
	for i := range g.procs[p].srcN {
		out = append(out, rEv{K: g.built(g.procs[p].target), V: mix(uint64(p), uint64(5000+i))})
	}
	return out
}

func lifeName(cs int32) string {
	switch cs {
	case fwrt.CaseInit:
		return "init"
	case fwrt.CasePhase:
		return "phase"
	}
	return "terminate"
}

type mdirected struct {
	p, c int
	e    rEv
}

// bmodel is the direct model of the semantics.
type bmodel struct {
	g        *gbProg
	recs     [][]rec
	active   []bool
	waiting  []int
	logs     [][]rEv
	directed []mdirected
	replayed int   // directed deliveries made
	pulled   []int // per proc: artifacts pulled so far
	done     []bool
	phase    int
	step     int
}

func (g *gbProg) model() ([][]rec, int) {
	m := &bmodel{g: g, recs: make([][]rec, len(g.procs)), active: make([]bool, len(g.procs)),
		waiting: make([]int, g.nT), logs: make([][]rEv, g.nT), pulled: make([]int, len(g.procs)), done: make([]bool, len(g.procs))}
	for p := range g.procs {
		m.active[p] = !g.procs[p].builder
		for _, r := range g.procs[p].requires {
			m.waiting[r]++
		}
	}
	cur := slices.Clone(g.seeds)
	cur = m.lifecycle(fwrt.CaseInit, cur)
	cur = m.prepare(cur)
	for {
		for len(cur) > 0 || len(m.directed) > 0 {
			cur = m.runStep(cur)
			m.step++
			cur = m.prepare(cur)
		}
		cur = m.lifecycle(fwrt.CasePhase, cur)
		if len(cur) == 0 {
			break
		}
		phase, steps := m.phase, m.step
		m.phase, m.step = phase+1, 0
		cur = m.prepare(cur)
		if len(cur) == 0 && len(m.directed) == 0 {
			m.phase, m.step = phase, steps
			break
		}
	}
	m.lifecycle(fwrt.CaseTerminate, nil)
	return m.recs, m.replayed
}

func (m *bmodel) call(p int, cs int32, out []rEv) []rEv {
	emits := m.g.lifeEmits(p, cs, m.phase)
	if cs == fwrt.CaseTerminate {
		emits = nil
		m.recs[p] = append(m.recs[p], rec{m.phase, m.step, -1, "terminate"})
		return out
	}
	m.recs[p] = append(m.recs[p], rec{m.phase, m.step, -1, fmt.Sprint(lifeName(cs), " ", emits)})
	return append(out, emits...)
}

func (m *bmodel) lifecycle(cs int32, out []rEv) []rEv {
	for p, gp := range m.g.procs {
		if m.active[p] && (cs == fwrt.CaseInit && gp.init || cs == fwrt.CasePhase && gp.phase || cs == fwrt.CaseTerminate && gp.term) {
			out = m.call(p, cs, out)
		}
	}
	return out
}

func (m *bmodel) prepare(batch []rEv) []rEv {
	var out []rEv
	for i := 0; i < len(batch); i++ {
		if e := batch[i]; m.g.isResolve(e.K) {
			batch = m.activate(e.K-m.g.nE-m.g.nT, batch)
		} else {
			out = append(out, e)
		}
	}
	for {
		more := false
		for p, gp := range m.g.procs {
			if !gp.builder || len(gp.requires) > 0 || !m.active[p] || m.done[p] {
				continue
			}
			all := m.g.srcItems(p)
			n := min(m.g.batch, len(all)-m.pulled[p])
			got := all[m.pulled[p] : m.pulled[p]+n]
			m.pulled[p] += n
			m.done[p] = n < m.g.batch
			m.recs[p] = append(m.recs[p], rec{m.phase, m.step, -1, fmt.Sprint("pull ", got)})
			out = append(out, got...)
			more = more || !m.done[p]
		}
		if !more || len(out) > 0 || len(m.directed) > 0 {
			break
		}
	}
	for _, e := range out {
		if t := e.K - m.g.nE; t >= 0 && t < m.g.nT && m.waiting[t] > 0 {
			m.logs[t] = append(m.logs[t], e)
		}
	}
	return out
}

func (m *bmodel) activate(t int, batch []rEv) []rEv {
	b := slices.IndexFunc(m.g.procs, func(p gbProc) bool { return p.builder && p.target == t })
	if m.active[b] {
		return batch
	}
	m.active[b] = true
	gp := m.g.procs[b]
	for _, r := range gp.requires {
		batch = m.activate(r, batch)
	}
	if gp.init {
		batch = m.call(b, fwrt.CaseInit, batch)
	}
	for _, r := range gp.requires {
		for _, e := range m.logs[r] {
			c, _ := m.g.match(b, &e)
			m.directed = append(m.directed, mdirected{b, c, e})
			m.replayed++
		}
		if m.waiting[r]--; m.waiting[r] == 0 {
			m.logs[r] = nil
		}
	}
	return batch
}

func (m *bmodel) runStep(cur []rEv) []rEv {
	var next []rEv
	for p := range m.g.procs {
		input := 0
		deliver := func(c int, e *rEv) {
			out := m.g.emits(p, c, e)
			m.recs[p] = append(m.recs[p], rec{m.phase, m.step, input, m.g.describe(p, c, e, out)})
			next = append(next, out...)
			input++
		}
		for _, d := range m.directed {
			if d.p == p {
				deliver(d.c, &d.e)
			}
		}
		if !m.active[p] {
			continue
		}
		for i := range cur {
			if c, ok := m.g.match(p, &cur[i]); ok {
				deliver(c, &cur[i])
			}
		}
	}
	m.directed = nil
	return next
}

func (g *gbProg) describe(p, c int, e *rEv, out []rEv) string {
	return fmt.Sprintf("c%d %v -> %v", c, *e, out)
}

// gbDisp runs g on the engine, recording every call and pull.
type gbDisp struct {
	g    *gbProg
	mu   []sync.Mutex
	recs [][]rec
	srcs map[int32]*fwrt.Source[rEv]
}

func (d *gbDisp) Route(m fwrt.Msg, dst []fwrt.Delivery) []fwrt.Delivery {
	e := m.Ev.(*rEv)
	for p := range d.g.procs {
		if c, ok := d.g.match(p, e); ok {
			dst = append(dst, fwrt.Delivery{Proc: int32(p), Case: int32(c)})
		}
	}
	return dst
}

func (d *gbDisp) msg(e rEv) fwrt.Msg {
	if d.g.isResolve(e.K) {
		return fwrt.Msg{Kind: fwrt.Kind(e.K)}
	}
	return fwrt.Msg{Kind: fwrt.Kind(e.K), Ev: &e}
}

func (d *gbDisp) record(p int, r rec) {
	d.mu[p].Lock()
	d.recs[p] = append(d.recs[p], r)
	d.mu[p].Unlock()
}

func (d *gbDisp) Invoke(c *fwrt.Call, dl fwrt.Delivery, m fwrt.Msg) error {
	p := int(dl.Proc)
	var r rec
	var out []rEv
	switch dl.Case {
	case fwrt.CaseInit, fwrt.CasePhase:
		out = d.g.lifeEmits(p, dl.Case, c.Phase())
		r = rec{c.Phase(), c.Step(), -1, fmt.Sprint(lifeName(dl.Case), " ", out)}
	case fwrt.CaseTerminate:
		r = rec{c.Phase(), c.Step(), -1, "terminate"}
	default:
		e := m.Ev.(*rEv)
		if m.Kind != fwrt.Kind(e.K) {
			return fmt.Errorf("kind %d for %v", m.Kind, *e)
		}
		out = d.g.emits(p, int(dl.Case), e)
		r = rec{c.Phase(), c.Step(), c.Input(), d.g.describe(p, int(dl.Case), e, out)}
		if h := mix(e.V, uint64(p)); h%4 == 0 {
			runtime.Gosched()
		}
	}
	for _, e := range out {
		c.Emit(d.msg(e))
	}
	d.record(p, r)
	return nil
}

func (d *gbDisp) DispatchAll(x *fwrt.Serial, ms []fwrt.Msg) int { return dispatchAllVia(d, x, ms) }

func (d *gbDisp) Pull(c *fwrt.Call, proc int32, max int) (bool, error) {
	s := d.srcs[proc]
	if s == nil {
		s = &fwrt.Source[rEv]{}
		d.srcs[proc] = s
	}
	var got []rEv
	done, err := s.Pull(c, max, func(ctx context.Context, yield func(rEv) bool) error {
		for _, e := range d.g.srcItems(int(proc)) {
			if !yield(e) {
				break
			}
		}
		return nil
	}, func(e rEv) fwrt.Msg {
		got = append(got, e)
		return d.msg(e)
	})
	d.record(int(proc), rec{c.Phase(), c.Step(), -1, fmt.Sprint("pull ", got)})
	return done, err
}

func (d *gbDisp) Stop(proc int32) { d.srcs[proc].Stop() }

func runBRandom(t *testing.T, g *gbProg, workers, procs int) ([][]rec, fw.Stats) {
	t.Helper()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	d := &gbDisp{g: g, mu: make([]sync.Mutex, len(g.procs)), recs: make([][]rec, len(g.procs)), srcs: map[int32]*fwrt.Source[rEv]{}}
	e := fwrt.New(g.prog, d, fw.WithWorkers(workers), fw.WithSourceBatch(g.batch))
	for _, s := range g.seeds {
		e.Submit(d.msg(s))
	}
	if err := e.Run(context.Background()); err != nil {
		t.Fatalf("workers=%d GOMAXPROCS=%d: %v", workers, procs, err)
	}
	for p := range d.recs {
		sort.SliceStable(d.recs[p], func(i, j int) bool { return less(d.recs[p][i], d.recs[p][j]) })
	}
	return d.recs, e.Stats()
}

func TestDeterminismBuilders(t *testing.T) {
	configs := []struct{ workers, procs int }{{1, 1}, {8, runtime.NumCPU()}, {8, 1}, {3, 4}, {8, 8}}
	seeds := uint64(60)
	if raceEnabled || testing.Short() {
		seeds = 12
	}
	var calls, deliveries, replayed int
	for seed := range seeds {
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
			g := genBProg(seed)
			want, n := g.model()
			replayed += n
			for _, r := range want {
				calls += len(r)
			}
			var wantStats fw.Stats
			for i, cfg := range configs {
				got, st := runBRandom(t, g, cfg.workers, cfg.procs)
				for p := range want {
					if !slices.Equal(got[p], want[p]) {
						t.Fatalf("workers=%d GOMAXPROCS=%d: %s received\n%v\nmodel says\n%v",
							cfg.workers, cfg.procs, g.prog.Procs[p].Name, got[p], want[p])
					}
				}
				if i == 0 {
					wantStats = st
					for _, ph := range st.Phases {
						deliveries += int(ph.Deliveries)
					}
				} else if fmt.Sprint(st) != fmt.Sprint(wantStats) {
					t.Fatalf("workers=%d GOMAXPROCS=%d: stats\n%+v\nwant\n%+v", cfg.workers, cfg.procs, st, wantStats)
				}
			}
		})
	}
	t.Logf("%d calls, %d deliveries, %d of them replayed", calls, deliveries, replayed)
	if replayed == 0 {
		t.Errorf("no late consumer in any program")
	}
}
