package engine_test

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/fwgo/fw/runtime/fw"
	fwrt "github.com/fwgo/fw/runtime/internal/engine"
)

// Hand-written programs with builders, described compactly and routed by kind
// as generated code routes cases without patterns.

// bproc is a processor, or a builder when provides is set (a source builder
// when it requires nothing).
type bproc struct {
	name     string
	provides string
	requires []string
	on       []string // a processor's cases: event names, or "built t"
	conc     int
	init     bool
	phase    bool
	term     bool
	// resolves are the targets its cases may resolve (ProcInfo.Resolves); nil
	// means every target, the conservative default of these tests.
	resolves []string
	// Events into builders: a builder's event requirements (cases before
	// its target requirements' cases), whether it is eager, and the targets
	// a processor publishes (it is their provider).
	reqEvents []string
	eager     bool
	publishes []string
}

type bprog struct {
	prog    *fwrt.Program
	routes  [][]fwrt.Delivery // by kind (events, then built kinds)
	events  []string
	targets []string
}

func newBProg(events, targets []string, procs ...bproc) *bprog {
	b := &bprog{prog: &fwrt.Program{Package: "b"}, events: events, targets: targets}
	for _, n := range events {
		b.prog.Events = append(b.prog.Events, fwrt.EventInfo{Name: n})
	}
	for _, n := range targets {
		b.prog.Targets = append(b.prog.Targets, fwrt.TargetInfo{Name: n, Provider: -1})
	}
	b.routes = make([][]fwrt.Delivery, len(events)+len(targets))
	for i, p := range procs {
		info := fwrt.ProcInfo{Name: p.name, Concurrency: p.conc, Init: p.init, Phase: p.phase, Terminate: p.term}
		on := p.on
		if p.provides != "" {
			t := b.target(p.provides)
			info.Builder, info.Provides, info.Source = true, int32(t), len(p.requires)+len(p.reqEvents) == 0
			info.Eager = p.eager
			b.prog.Targets[t].Provider = int32(i)
			on = slices.Clone(p.reqEvents)
			for _, r := range p.requires {
				info.Requires = append(info.Requires, int32(b.target(r)))
				on = append(on, "built "+r)
			}
		}
		if p.resolves == nil {
			for t := range targets {
				info.Resolves = append(info.Resolves, int32(t))
			}
		}
		for _, t := range p.resolves {
			info.Resolves = append(info.Resolves, int32(b.target(t)))
		}
		for _, t := range p.publishes {
			b.prog.Targets[b.target(t)].Provider = int32(i)
		}
		for c, o := range on {
			k := b.kindOf(o)
			b.routes[k] = append(b.routes[k], fwrt.Delivery{Proc: int32(i), Case: int32(c)})
			info.Cases = append(info.Cases, strings.TrimPrefix(o, "built "))
		}
		b.prog.Procs = append(b.prog.Procs, info)
	}
	return b
}

func (b *bprog) target(name string) int {
	i := slices.Index(b.targets, name)
	if i < 0 {
		panic("no target " + name)
	}
	return i
}

func (b *bprog) kindOf(o string) fwrt.Kind {
	if t, ok := strings.CutPrefix(o, "built "); ok {
		return b.built(t)
	}
	i := slices.Index(b.events, o)
	if i < 0 {
		panic("no event " + o)
	}
	return fwrt.Kind(i)
}

func (b *bprog) built(t string) fwrt.Kind {
	return fwrt.Kind(len(b.events) + b.target(t))
}

func (b *bprog) resolve(t string) fwrt.Msg {
	return fwrt.Msg{Kind: fwrt.Kind(len(b.events) + len(b.targets) + b.target(t))}
}

func (b *bprog) art(t, s string) fwrt.Msg { return fwrt.Msg{Kind: b.built(t), Ev: &Ev{S: s}} }

func (b *bprog) proc(name string) int32 {
	return int32(slices.IndexFunc(b.prog.Procs, func(p fwrt.ProcInfo) bool { return p.Name == name }))
}

// bdisp is the Dispatcher of a bprog; invoke gets the processor's name and
// case name for convenience.
type bdisp struct {
	b      *bprog
	invoke func(c *fwrt.Call, proc, cs string, m fwrt.Msg) error
}

func (d *bdisp) Route(m fwrt.Msg, dst []fwrt.Delivery) []fwrt.Delivery {
	if int(m.Kind) < len(d.b.routes) {
		dst = append(dst, d.b.routes[m.Kind]...)
	}
	return dst
}

func (d *bdisp) Invoke(c *fwrt.Call, dl fwrt.Delivery, m fwrt.Msg) error {
	return d.invoke(c, d.b.prog.Procs[dl.Proc].Name, caseName(d.b.prog, dl), m)
}

func (d *bdisp) DispatchAll(x *fwrt.Serial, ms []fwrt.Msg) int { return dispatchAllVia(d, x, ms) }

// sdisp adds sources: each source builder pushes strings through a
// fwrt.Source, as generated code does, each string becoming an artifact.
type sdisp struct {
	bdisp
	build map[string]func(ctx context.Context, yield func(string) bool) error
	srcs  map[int32]*fwrt.Source[string]
	mu    sync.Mutex // guards stops
	stops []string
}

func (d *sdisp) Pull(c *fwrt.Call, proc int32, max int) (bool, error) {
	name := d.b.prog.Procs[proc].Name
	s := d.srcs[proc]
	if s == nil {
		s = &fwrt.Source[string]{}
		d.srcs[proc] = s
	}
	t := d.b.prog.Procs[proc].Provides
	return s.Pull(c, max, d.build[name], func(v string) fwrt.Msg {
		return fwrt.Msg{Kind: fwrt.Kind(len(d.b.events) + int(t)), Ev: &Ev{S: v}}
	})
}

func (d *sdisp) Stop(proc int32) {
	d.mu.Lock()
	d.stops = append(d.stops, d.b.prog.Procs[proc].Name)
	d.mu.Unlock()
	d.srcs[proc].Stop()
}

func newSDisp(b *bprog, invoke func(c *fwrt.Call, proc, cs string, m fwrt.Msg) error,
	build map[string]func(ctx context.Context, yield func(string) bool) error) *sdisp {
	return &sdisp{bdisp: bdisp{b: b, invoke: invoke}, build: build, srcs: map[int32]*fwrt.Source[string]{}}
}

// items yields n strings prefix1 .. prefixN.
func items(prefix string, n int) func(ctx context.Context, yield func(string) bool) error {
	return func(ctx context.Context, yield func(string) bool) error {
		for i := 1; i <= n; i++ {
			if !yield(fmt.Sprint(prefix, i)) {
				return nil
			}
		}
		return nil
	}
}

// brec is one call as a processor saw it; lifecycle calls sort before the
// deliveries of the step they are made for.
type brec struct {
	phase, step, input int
	lifecycle          bool
	text               string
}

// btrace records calls per processor; get returns them in engine order
// (calls of a concurrent processor may record out of order).
type btrace struct {
	mu   sync.Mutex
	recs map[string][]brec
}

func (t *btrace) add(c *fwrt.Call, proc, cs string, m fwrt.Msg) {
	r := brec{c.Phase(), c.Step(), c.Input(), false, cs}
	switch cs {
	case "init", "phase", "terminate":
		r.lifecycle = true
	default:
		r.text += " " + label(m)
	}
	t.mu.Lock()
	if t.recs == nil {
		t.recs = map[string][]brec{}
	}
	t.recs[proc] = append(t.recs[proc], r)
	t.mu.Unlock()
}

func (t *btrace) get() map[string][]string {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := map[string][]string{}
	for p, rs := range t.recs {
		rs = slices.Clone(rs)
		slices.SortStableFunc(rs, func(a, b brec) int {
			return cmp.Or(cmp.Compare(a.phase, b.phase), cmp.Compare(a.step, b.step),
				-cmp.Compare(b2i(a.lifecycle), b2i(b.lifecycle)), cmp.Compare(a.input, b.input))
		})
		for _, r := range rs {
			if r.lifecycle {
				out[p] = append(out[p], fmt.Sprintf("%s @%d.%d", r.text, r.phase, r.step))
			} else {
				out[p] = append(out[p], fmt.Sprintf("%s @%d.%d.%d", r.text, r.phase, r.step, r.input))
			}
		}
	}
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func equalTraces(t *testing.T, got, want map[string][]string) {
	t.Helper()
	for p, w := range want {
		equalLines(t, p, got[p], w)
	}
	for p, g := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s: unexpected calls %q", p, g)
		}
	}
}

// bworkers are the worker counts every builder test compares.
var bworkers = []int{1, 8}

// statsLine is the part of a processor's stats the tests compare.
func statsLine(s fw.ProcStats) string {
	return fmt.Sprintf("%s r%d h%d f%d e%d p%d", s.Name, s.Received, s.Handled, s.Failed, s.Emitted, s.Pulls)
}

func procStats(st fw.Stats) []string {
	var out []string
	for _, p := range st.Processors {
		out = append(out, statsLine(p))
	}
	return out
}
