// Package randprog generates random programs for the engine's differential
// tests: processors with cases matching on an event's kind and value, that
// emit deeper events (fan-out, chains), with concurrency, lifecycle calls
// that emit, `retry`, `failures E`, `cached`, `timeout`, `backoff` and
// partitioned processors (`partition by key into K`, K in {1, 3, 8}). Its Dispatcher (Disp) is what generated code would be for
// such a program, with a Codec, and records every call of every instance;
// Model computes the same traces straight from the delivery order rule
//
//	(phase, step, source, source key group, input position, emission index)
//
// so a test runs a program on the engine in any configuration (workers,
// schedules, records and replays, members of a cluster) and compares.
package randprog

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"runtime"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/fwgo/fw/runtime/fwimpl"
	fwrt "github.com/fwgo/fw/runtime/internal/engine"
)

// Ev is the one event struct of a random program; kinds share it.
type Ev struct {
	K     int    // its kind
	Depth int    // emissions deep: a call of an event of Depth >= Prog.Depth emits nothing
	V     uint64 // its value: cases match on it, emissions derive from it
	Key   int64  // the partition key: V % KeySpace
}

// KeySpace is the number of distinct keys: small, so that each key recurs.
const KeySpace = 23

// NewEv returns the event of kind k, depth d and value v, with its key.
func NewEv(k, d int, v uint64) Ev { return Ev{K: k, Depth: d, V: v, Key: int64(v % KeySpace)} }

// Case is a case of a processor: it matches kind Kind when V%Mod == Rem, and
// emits Emits (kinds), one level deeper.
type Case struct {
	Kind     int
	Mod, Rem uint64
	Emits    []int
}

// Proc is a processor of a random program.
type Proc struct {
	Cases          []Case
	Conc           int  // concurrency
	K              int  // key groups: 1 unpartitioned, else partitioned by Key into K
	Retry          bool // `retry 1`: the first attempt of some calls fails (FailsFirst)
	Failures       bool // `failures Fail`: some calls fail (Fails), their Fail event emitted instead
	Cached         bool // `cached`
	Timeout        bool // `timeout TimeoutD`: every attempt of every event call times out (Timed)
	Backoff        bool // `retry 2 backoff BackoffMin..BackoffMax` instead of `retry 1`
	Init, Phase    bool
	Term           bool
	LifecycleEmits []int // kinds emitted by init and by phase (while phase < Phases)
}

// Prog is a random program, and its engine description.
type Prog struct {
	Procs  []Proc
	Seeds  []Ev // the submitted events
	Prog   *fwrt.Program
	Kinds  int
	Depth  int
	Phases int // phase handlers emit while Phase() < Phases

	slots []slot // (processor, key group), in slot order
	base  []int  // the first slot of each processor
}

type slot struct{ proc, kg int }

// Options choose what Gen may generate beyond the base programs.
type Options struct {
	// Partition makes some processors partitioned, with K in {3, 8}.
	Partition bool
	// Retry gives some processors `retry 1`, and makes the first attempt of
	// some of their calls fail (FailsFirst).
	Retry bool
	// Failures gives some processors `failures Fail` (event Fail, kind
	// FailKind, which no case receives), and makes some of their calls fail
	// every attempt (Fails): the call's Fail event is emitted instead of its
	// emissions.
	Failures bool
	// Cached makes some processors of concurrency 1 `cached`: a call on an
	// input the processor succeeded on before (in this run, with a fresh
	// archive: an `on phase` emits what `on init` did) is replayed from the
	// archive, and its handler is not called; Model does the same.
	Cached bool
	// Timeouts gives one processor with `failures` a `timeout`
	// (Proc.Timeout: all its event calls fail by timeout and are routed),
	// and one with `retry` a `backoff` (Proc.Backoff).
	Timeouts bool
}

// TimeoutD is the `timeout` of a processor with Proc.Timeout, and
// BackoffMin..BackoffMax the `backoff` of one with Proc.Backoff.
const (
	TimeoutD   = 100 * time.Microsecond
	BackoffMin = 100 * time.Microsecond
	BackoffMax = 150 * time.Microsecond
)

// FailKind is the kind of the Fail event of a program generated with
// Options.Failures.
const FailKind = 5

// Mix is the hash that derives values.
func Mix(a, b uint64) uint64 {
	x := a*0x9e3779b97f4a7c15 ^ (b + 0x632be59bd9b4e5f5)
	x ^= x >> 31
	x *= 0xbf58476d1ce4e5b9
	return x ^ x>>29
}

// Ks are the key group counts of partitioned processors.
var Ks = []int{3, 8}

// Gen returns the random program of seed. Without options it is the
// program the engine's determinism tests always generated for seed.
func Gen(seed uint64, o Options) *Prog {
	r := rand.New(rand.NewPCG(seed, 7))
	g := &Prog{Kinds: 5, Depth: 3, Phases: 2}
	g.Prog = &fwrt.Program{Package: fmt.Sprint("rand", seed)}
	for k := range g.Kinds {
		g.Prog.Events = append(g.Prog.Events, fwrt.EventInfo{Name: fmt.Sprint("E", k)})
	}
	for i := range 6 {
		p := Proc{Conc: 1, K: 1, Init: r.IntN(4) == 0, Phase: r.IntN(3) == 0, Term: r.IntN(2) == 0}
		if r.IntN(3) == 0 {
			p.Conc = 3
		}
		info := fwrt.ProcInfo{Name: fmt.Sprint("P", i), Concurrency: p.Conc, Init: p.Init, Phase: p.Phase, Terminate: p.Term}
		for c := range 1 + r.IntN(3) {
			rc := Case{Kind: r.IntN(g.Kinds), Mod: 1 + uint64(r.IntN(3))}
			rc.Rem = uint64(r.IntN(int(rc.Mod)))
			for range r.IntN(3) {
				rc.Emits = append(rc.Emits, r.IntN(g.Kinds))
			}
			p.Cases = append(p.Cases, rc)
			info.Cases = append(info.Cases, fmt.Sprint("c", c))
		}
		for range 1 + r.IntN(2) {
			p.LifecycleEmits = append(p.LifecycleEmits, r.IntN(g.Kinds))
		}
		g.Procs = append(g.Procs, p)
		g.Prog.Procs = append(g.Prog.Procs, info)
	}
	for range 8 + r.IntN(8) {
		v := r.Uint64()
		g.Seeds = append(g.Seeds, NewEv(r.IntN(g.Kinds), 0, v))
	}
	// Options draw from a second generator, so that the base program is the
	// same with or without them.
	r2 := rand.New(rand.NewPCG(seed, 11))
	for i := range g.Procs {
		p, info := &g.Procs[i], &g.Prog.Procs[i]
		if o.Partition && r2.IntN(2) == 0 {
			p.K = Ks[r2.IntN(len(Ks))]
			info.KeyGroups = p.K
		}
		if o.Retry && r2.IntN(3) == 0 {
			p.Retry = true
			info.Retry = 1
		}
		if o.Failures && r2.IntN(3) == 0 {
			p.Failures = true
			info.Failures = true
		}
		if o.Cached && r2.IntN(3) == 0 && p.Conc == 1 {
			p.Cached = true
			info.Cached, info.Version = true, 1
			info.Fingerprint = sha256.Sum256([]byte(fmt.Sprint("randprog/", seed, "/", i)))
		}
	}
	// And a third, so that the programs of the other options stay the same:
	// one processor with `failures` times out, and one with `retry` backs
	// off (each wait costs real time).
	if o.Timeouts {
		r3 := rand.New(rand.NewPCG(seed, 13))
		var failing, retrying []int
		for i := range g.Procs {
			if g.Procs[i].Failures {
				failing = append(failing, i)
			}
			if g.Procs[i].Retry {
				retrying = append(retrying, i)
			}
		}
		timed := -1
		if len(failing) > 0 {
			timed = failing[r3.IntN(len(failing))]
			g.Timed(timed)
			for c := range g.Procs[timed].Cases { // fewer calls: each costs its deadline
				g.Procs[timed].Cases[c].Mod *= 4
			}
			retrying = slices.DeleteFunc(retrying, func(i int) bool { return i == timed })
		}
		if len(retrying) > 0 {
			i := retrying[r3.IntN(len(retrying))]
			g.Procs[i].Backoff = true
			g.Prog.Procs[i].Retry, g.Prog.Procs[i].BackoffMin, g.Prog.Procs[i].BackoffMax = 2, BackoffMin, BackoffMax
		}
	}
	if o.Failures {
		g.Prog.Events = append(g.Prog.Events, fwrt.EventInfo{Name: "Fail"})
	}
	g.index()
	return g
}

// Timed gives processor i `timeout TimeoutD` (Proc.Timeout): each attempt of
// its event calls blocks until its deadline, so it fails by timeout. Its
// lifecycle cases are dropped: their calls return at once, but a deadline
// this short could pass before they do.
func (g *Prog) Timed(i int) *Prog {
	p, info := &g.Procs[i], &g.Prog.Procs[i]
	p.Timeout, p.Init, p.Phase, p.Term = true, false, false, false
	info.Timeout, info.Init, info.Phase, info.Terminate = TimeoutD, false, false, false
	return g
}

// Partitioned returns g with processor i partitioned into k key groups
// (k = 1: unpartitioned).
func (g *Prog) Partitioned(i, k int) *Prog {
	g.Procs[i].K = k
	g.Prog.Procs[i].KeyGroups = k
	if k == 1 {
		g.Prog.Procs[i].KeyGroups = 0
	}
	g.index()
	return g
}

func (g *Prog) index() {
	g.slots, g.base = g.slots[:0], g.base[:0]
	for p := range g.Procs {
		g.base = append(g.base, len(g.slots))
		for kg := range g.Procs[p].K {
			g.slots = append(g.slots, slot{p, kg})
		}
	}
}

// Slots returns the number of instances of the program's processors.
func (g *Prog) Slots() int { return len(g.slots) }

// Slot returns the slot of instance kg of processor p.
func (g *Prog) Slot(p, kg int) int { return g.base[p] + kg }

// SlotName names slot s: "P3", or "P3[5]" for an instance of a partitioned
// processor.
func (g *Prog) SlotName(s int) string {
	sl := g.slots[s]
	if g.Procs[sl.proc].K > 1 {
		return fmt.Sprintf("P%d[%d]", sl.proc, sl.kg)
	}
	return fmt.Sprint("P", sl.proc)
}

// Match is the routing rule of processor p: its first matching case.
func (g *Prog) Match(p int, e *Ev) (int, bool) {
	for c, rc := range g.Procs[p].Cases {
		if rc.Kind == e.K && e.V%rc.Mod == rc.Rem {
			return c, true
		}
	}
	return 0, false
}

// KeyGroup is the key group of e at processor p (0 when unpartitioned), as
// generated code computes it: fwimpl.KeyGroup of the key's encoding.
func (g *Prog) KeyGroup(p int, e *Ev) int {
	k := g.Procs[p].K
	if k <= 1 {
		return 0
	}
	var buf [16]byte
	return int(fwimpl.KeyGroup(fwimpl.AppendInt(buf[:0], e.Key), uint32(k)))
}

// Emits is the pure emission function of a call: the case's kinds, one level deeper.
func (g *Prog) Emits(p, c int, e *Ev) []Ev {
	if e.Depth >= g.Depth {
		return nil
	}
	var out []Ev
	for j, k := range g.Procs[p].Cases[c].Emits {
		out = append(out, NewEv(k, e.Depth+1, Mix(e.V, uint64(p*16+c*4+j))))
	}
	return out
}

// LifecycleEmits is what instance kg of processor p emits in `on init` (phase
// 0) and `on phase` of phase.
func (g *Prog) LifecycleEmits(p, kg, phase int) []Ev {
	var out []Ev
	for j, k := range g.Procs[p].LifecycleEmits {
		out = append(out, NewEv(k, 0, Mix(uint64(phase), uint64(1000+p*16+j+kg*7919))))
	}
	return out
}

// FailsFirst reports whether the first attempt of the call of processor p
// (with `retry`) on e fails.
func (g *Prog) FailsFirst(p int, e *Ev) bool {
	return g.Procs[p].Retry && Mix(e.V, uint64(100+p))%5 == 0
}

// Fails reports whether every attempt of the call of processor p (with
// `failures`) on e fails.
func (g *Prog) Fails(p int, e *Ev) bool {
	return g.Procs[p].Failures && Mix(e.V, uint64(200+p))%6 == 0
}

// TimesOut reports whether every attempt of the call of processor p on an
// event times out: p has Proc.Timeout.
func (g *Prog) TimesOut(p int) bool { return g.Procs[p].Timeout }

// FailEv is the Fail event of processor p's failed call on e, whose last
// attempt failed with an error of text err, after attempts attempts.
func FailEv(p int, e *Ev, depth int, err string, attempts int) Ev {
	h := fnv.New64a()
	h.Write([]byte(err))
	return NewEv(FailKind, depth, Mix(Mix(e.V, uint64(300+p)), h.Sum64()+uint64(attempts)))
}

// failure is the error text and attempts of processor p's call on e that
// fails for good (Fails or TimesOut).
func (g *Prog) failure(p int, e *Ev) (string, int) {
	attempts := 1 + g.Prog.Procs[p].Retry
	if g.TimesOut(p) {
		return (&fwrt.TimeoutError{Timeout: TimeoutD}).Error(), attempts
	}
	return fmt.Sprintf("randprog: P%d fails on %v", p, *e), attempts
}

// Rec is one call as an instance saw it.
type Rec struct {
	Phase, Step, Input int // Input -1 for lifecycle calls
	What               string
}

func describe(c string, e *Ev, out []Ev) string {
	return fmt.Sprintf("%s %v -> %v", c, *e, out)
}

// Model runs the delivery order rule directly, one step at a time, and
// returns every instance's calls, by slot.
func (g *Prog) Model() [][]Rec {
	recs := make([][]Rec, len(g.slots))
	cur := slices.Clone(g.Seeds)
	// The inputs each cached processor succeeded on: a later call on one is
	// a hit, replayed without calling the handler.
	type hit struct {
		p  int
		ev Ev
	}
	cache := map[hit]bool{}
	lifecycle := func(phase, step int, what string, on func(p int) bool, emit bool) {
		for s, sl := range g.slots {
			if !on(sl.proc) {
				continue
			}
			var out []Ev
			if emit {
				out = g.LifecycleEmits(sl.proc, sl.kg, phase)
			}
			r := Rec{phase, step, -1, fmt.Sprint(what, " ", out)}
			if what == "terminate" {
				r.What = what
			}
			recs[s] = append(recs[s], r)
			cur = append(cur, out...)
		}
	}
	lifecycle(0, 0, "init", func(p int) bool { return g.Procs[p].Init }, true)
	for phase := 0; ; phase++ {
		step := 0
		for ; len(cur) > 0; step++ {
			var next []Ev
			for s, sl := range g.slots {
				input := 0
				for i := range cur {
					c, ok := g.Match(sl.proc, &cur[i])
					if !ok || g.KeyGroup(sl.proc, &cur[i]) != sl.kg {
						continue
					}
					if g.Fails(sl.proc, &cur[i]) || g.TimesOut(sl.proc) {
						text, attempts := g.failure(sl.proc, &cur[i])
						next = append(next, FailEv(sl.proc, &cur[i], g.Depth, text, attempts))
						input++
						continue
					}
					out := g.Emits(sl.proc, c, &cur[i])
					if h := (hit{sl.proc, cur[i]}); !g.Procs[sl.proc].Cached || !cache[h] {
						recs[s] = append(recs[s], Rec{phase, step, input, describe(fmt.Sprint("c", c), &cur[i], out)})
						cache[h] = g.Procs[sl.proc].Cached
					}
					next = append(next, out...)
					input++
				}
			}
			cur = next
		}
		lifecycle(phase, step, "phase", func(p int) bool { return g.Procs[p].Phase }, phase < g.Phases)
		if len(cur) == 0 {
			lifecycle(phase, step, "terminate", func(p int) bool { return g.Procs[p].Term }, false)
			return recs
		}
	}
}

// Disp runs a Prog on the engine, as its generated code would, recording
// every call of every instance. Each instance has a handler value of its
// own (Handler), made for it in key group order, as NewPipeline calls a
// partitioned processor's factory.
type Disp struct {
	g *Prog
	h []*Handler // by slot
	// Pause, when set, makes some calls pause or yield (seeded by their
	// input), so that concurrent calls complete out of order.
	Pause bool
}

// Handler is the handler value of one instance: the calls it received.
type Handler struct {
	Proc, KG int
	mu       sync.Mutex
	recs     []Rec
	serial   bool // its calls arrived in (phase, step, input) order
	err      error
}

// NewDisp returns a Dispatcher of g.
func NewDisp(g *Prog) *Disp {
	d := &Disp{g: g}
	for _, sl := range g.slots {
		d.h = append(d.h, &Handler{Proc: sl.proc, KG: sl.kg, serial: true})
	}
	return d
}

// Route appends a delivery for every processor with a matching case, to the
// instance of the event's key group.
func (d *Disp) Route(m fwrt.Msg, dst []fwrt.Delivery) []fwrt.Delivery {
	e := m.Ev.(*Ev)
	for p := range d.g.Procs {
		if c, ok := d.g.Match(p, e); ok {
			dst = append(dst, fwrt.Delivery{Proc: int32(p), Case: int32(c), KG: int32(d.g.KeyGroup(p, e))})
		}
	}
	return dst
}

// errFirst is the error of a first attempt that fails (FailsFirst).
var errFirst = errors.New("randprog: first attempt fails")

// Invoke calls the handler of instance c.KeyGroup() of processor dl.Proc.
func (d *Disp) Invoke(c *fwrt.Call, dl fwrt.Delivery, m fwrt.Msg) error {
	p := int(dl.Proc)
	kg := c.KeyGroup()
	if kg != int(dl.KG) || kg < 0 || kg >= d.g.Procs[p].K {
		return fmt.Errorf("randprog: call of P%d with key group %d, delivery's %d", p, kg, dl.KG)
	}
	h := d.h[d.g.Slot(p, kg)]
	var r Rec
	var out []Ev
	switch dl.Case {
	case fwrt.CaseInit:
		out = d.g.LifecycleEmits(p, kg, 0)
		r = Rec{c.Phase(), c.Step(), -1, fmt.Sprint("init ", out)}
	case fwrt.CasePhase:
		if c.Phase() < d.g.Phases {
			out = d.g.LifecycleEmits(p, kg, c.Phase())
		}
		r = Rec{c.Phase(), c.Step(), -1, fmt.Sprint("phase ", out)}
	case fwrt.CaseTerminate:
		r = Rec{c.Phase(), c.Step(), -1, "terminate"}
	default:
		e := m.Ev.(*Ev)
		if m.Kind != fwrt.Kind(e.K) {
			return fmt.Errorf("kind %d for %v", m.Kind, *e)
		}
		if g := d.g.KeyGroup(p, e); g != kg {
			h.fail(fmt.Errorf("P%d[%d] received %v, of key group %d", p, kg, *e, g))
		}
		if d.g.TimesOut(p) {
			c.Emit(fwrt.Msg{Kind: m.Kind, Ev: e}) // discarded with the attempt
			<-c.Context().Done()
			return c.Context().Err()
		}
		if d.g.Fails(p, e) {
			c.Emit(fwrt.Msg{Kind: m.Kind, Ev: e}) // discarded with the attempt
			return fmt.Errorf("randprog: P%d fails on %v", p, *e)
		}
		if c.Attempt() == 0 && d.g.FailsFirst(p, e) {
			c.Emit(fwrt.Msg{Kind: m.Kind, Ev: e}) // discarded with the attempt
			return errFirst
		}
		out = d.g.Emits(p, int(dl.Case), e)
		r = Rec{c.Phase(), c.Step(), c.Input(), describe(fmt.Sprint("c", dl.Case), e, out)}
		if d.Pause {
			// Tiny pauses, seeded by the input, shuffle completion order.
			if x := Mix(e.V, uint64(p)); x%4 == 0 {
				time.Sleep(time.Duration(x>>8%50) * time.Microsecond)
			} else if x%4 == 1 {
				runtime.Gosched()
			}
		}
	}
	for i := range out {
		c.Emit(fwrt.Msg{Kind: fwrt.Kind(out[i].K), Ev: &out[i]})
	}
	h.mu.Lock()
	if n := len(h.recs); n > 0 && less(r, h.recs[n-1]) {
		h.serial = false
	}
	h.recs = append(h.recs, r)
	h.mu.Unlock()
	return nil
}

func (h *Handler) fail(err error) {
	h.mu.Lock()
	if h.err == nil {
		h.err = err
	}
	h.mu.Unlock()
}

// FailureMsg is the Fail event of processor proc's failed call (`failures
// Fail`): of its input, its error's text and its attempts.
func (d *Disp) FailureMsg(proc int32, f *fwrt.Failure) fwrt.Msg {
	ev := FailEv(int(proc), f.Msg.Ev.(*Ev), d.g.Depth, f.Err.Error(), f.Attempts)
	return fwrt.Msg{Kind: FailKind, Ev: &ev}
}

// DispatchAll is the fused dispatch of generated code: Route and Invoke in
// one loop, each call begun with NoteKG.
func (d *Disp) DispatchAll(x *fwrt.Serial, ms []fwrt.Msg) int {
	var dst [8]fwrt.Delivery
	for i, m := range ms {
		if x.Stopped() {
			return i
		}
		for _, dl := range d.Route(m, dst[:0]) {
			if c := x.Begin(x.NoteKG(dl.Proc, dl.KG, dl.Case, m)); c != nil {
				x.End(d.Invoke(c, dl, m))
			}
		}
	}
	return len(ms)
}

// AppendMsg is the Codec's encoding of an Ev: kind, depth, value, key.
func (d *Disp) AppendMsg(b []byte, m fwrt.Msg) ([]byte, error) {
	e, ok := m.Ev.(*Ev)
	if !ok {
		return b, fmt.Errorf("randprog: %T is not an Ev", m.Ev)
	}
	b = fwrt.AppendInt(b, int64(e.K))
	b = fwrt.AppendInt(b, int64(e.Depth))
	b = fwrt.AppendUint(b, e.V)
	return fwrt.AppendInt(b, e.Key), nil
}

// DecodeMsg decodes an Ev of kind k.
func (d *Disp) DecodeMsg(k fwrt.Kind, data []byte) (fwrt.Msg, error) {
	dec := fwrt.NewDecoder(data)
	e := &Ev{K: int(dec.Int()), Depth: int(dec.Int()), V: dec.Uint(), Key: dec.Int()}
	if err := dec.Finish(); err != nil {
		return fwrt.Msg{}, err
	}
	if e.K != int(k) {
		return fwrt.Msg{}, fmt.Errorf("randprog: an E%d in a message of kind %d", e.K, k)
	}
	return fwrt.Msg{Kind: k, Ev: e}, nil
}

// Recs returns every instance's calls by slot, each in (phase, step, input)
// order (the order the engine gave them: a concurrent instance's calls
// complete in any order), and the first error a handler saw (a call of an
// instance with another key group's event).
func (d *Disp) Recs() ([][]Rec, error) {
	out := make([][]Rec, len(d.h))
	var err error
	for s, h := range d.h {
		h.mu.Lock()
		out[s] = slices.Clone(h.recs)
		if err == nil {
			err = h.err
		}
		h.mu.Unlock()
		sort.SliceStable(out[s], func(i, j int) bool { return less(out[s][i], out[s][j]) })
	}
	return out, err
}

// Serial reports whether slot s received its calls in (phase, step, input)
// order.
func (d *Disp) Serial(s int) bool {
	h := d.h[s]
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.serial
}

func less(a, b Rec) bool {
	if a.Phase != b.Phase {
		return a.Phase < b.Phase
	}
	if a.Step != b.Step {
		return a.Step < b.Step
	}
	return a.Input < b.Input
}

// Submit submits g's seeds to e.
func (g *Prog) Submit(e *fwrt.Engine) {
	for i := range g.Seeds {
		e.Submit(fwrt.Msg{Kind: fwrt.Kind(g.Seeds[i].K), Ev: &g.Seeds[i]})
	}
}
