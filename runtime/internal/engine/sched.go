package engine

import (
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"
)

// The scheduler. With one worker every step runs inline: the generated
// dispatch calls the handlers event by event on the goroutine running Run
// (fused.go), the fastest path there is. With more, each step is still run
// inline unless the pool would finish it sooner: the step must have work
// that can overlap (two processors or more with deliveries, or a processor
// of concurrency > 1 with two calls or more) and enough of it that handing
// it to other goroutines pays (see worthPool). The work is estimated from
// the step's deliveries per processor (counted from Program.Routes, an upper
// bound) and an estimate of the cost of a call of each processor, measured:
// inline, by timing a few calls of a step (sampled, so that the inlined fast
// path stays untimed), and on the pool by timing each chunk. The estimates are
// kept per Program, so a run starts with what earlier runs of the program
// in the process measured. When a processor's cost is not known yet, the
// step's first probeEvents events run inline with their calls timed, and the
// rest of the step is then scheduled with what they measured: inline, or on
// the pool, which continues each processor's inbox where the inline part
// stopped.
//
// The output does not depend on these decisions: each processor receives its
// events in the order of the delivery rule and its emissions are committed
// in input order either way (determinism_test.go runs the same pipelines
// with every step forced inline, forced onto the pool, and chosen at random).

// schedMode is the scheduler's policy; modes other than schedAuto are test
// hooks (export_test.go).
type schedMode uint8

const (
	schedAuto   schedMode = iota
	schedInline           // every step inline
	schedPool             // every step on the pool
	schedRandom           // per step, at random: inline, pool, or inline then pool from a random event
)

// Tuning of the automatic policy, in nanoseconds of work.
const (
	probeEvents = 32      // events run inline, timed, before a step with unknown costs is scheduled
	sampleCalls = 8       // calls of a processor timed per sampled step
	resampleMod = 64      // one step in resampleMod with parallel work is sampled, to follow changing costs
	poolMinNs   = 200_000 // less work than this in a step always runs inline
	poolCallNs  = 60      // the pool's overhead per call: routing into inboxes, a call through Invoke, the commit
	poolWakeNs  = 30_000  // waking the workers and waiting for the last chunk
)

type sched struct {
	mode    schedMode
	rng     *rand.Rand // schedRandom
	tbl     *costTable
	workers int
	n       []int // per processor, the step's deliveries (at most)
	kinds   []int // per kind, the step's events
}

// costTable holds, per processor of a Program, the estimated cost of a call
// in nanoseconds (0: not known yet). Runs of one Program in a process share
// it; its values only steer scheduling.
type costTable struct {
	ns   []atomic.Int64
	tick atomic.Uint32
}

var costTables sync.Map // *Program -> *costTable

func costsOf(p *Program) *costTable {
	if t, ok := costTables.Load(p); ok {
		return t.(*costTable)
	}
	t, _ := costTables.LoadOrStore(p, &costTable{ns: make([]atomic.Int64, len(p.Procs))})
	return t.(*costTable)
}

// schedDefault is the policy of new engines (a test hook).
var schedDefault struct {
	mode schedMode
	seed uint64
}

func (e *Engine) startSched(workers int) {
	s := &e.sched
	s.workers = workers
	s.mode = schedDefault.mode
	if s.mode == schedRandom && s.rng == nil {
		s.rng = rand.New(rand.NewPCG(schedDefault.seed, 0x5eed))
	}
	s.tbl = costsOf(e.prog)
	s.n = make([]int, len(e.prog.Procs))
	s.kinds = make([]int, len(e.prog.Routes))
}

// cost returns the estimated cost of a call of processor i in nanoseconds, 0
// if unknown.
func (s *sched) cost(i int) int64 {
	if s.tbl == nil {
		return 0
	}
	return s.tbl.ns[i].Load()
}

// observe adds a measurement: calls of processor i took d. It may be called
// from any goroutine.
func (s *sched) observe(i int, d time.Duration, calls int) {
	if calls <= 0 || s.tbl == nil {
		return
	}
	v := max(1, int64(d)/int64(calls))
	if old := s.tbl.ns[i].Load(); old != 0 {
		v = (3*old + v) / 4
	}
	s.tbl.ns[i].Store(v)
}

// stepPlan is how a step runs on an engine with a pool: its first inline
// events inline (all of them when inline == len(cur)), the rest on the pool;
// inline < 0 runs the whole step on the pool. sample times calls of the
// inline part; redecide schedules the rest again with what they measured.
type stepPlan struct {
	inline   int
	sample   bool
	redecide bool
}

// plan schedules step cur.
func (e *Engine) plan(cur []Msg) stepPlan {
	s := &e.sched
	n := len(cur)
	switch s.mode {
	case schedInline:
		return stepPlan{inline: n}
	case schedPool:
		return stepPlan{inline: -1}
	case schedRandom:
		switch s.rng.IntN(3) {
		case 0:
			return stepPlan{inline: n}
		case 1:
			return stepPlan{inline: -1}
		}
		return stepPlan{inline: s.rng.IntN(n + 1)}
	}
	if !e.deliveries(cur, true) {
		return stepPlan{inline: n} // nothing can overlap
	}
	for i, c := range s.n {
		if c > 0 && s.cost(i) == 0 {
			return stepPlan{inline: min(n, probeEvents), sample: true, redecide: true}
		}
	}
	if e.worthPool() {
		return stepPlan{inline: -1}
	}
	return stepPlan{inline: n, sample: s.tbl.tick.Add(1)%resampleMod == 0}
}

// deliveries sets s.n to the number of deliveries of events cur per
// processor (at most: patterns may reject some), with the step's directed
// deliveries if directed, and reports whether calls could overlap.
func (e *Engine) deliveries(cur []Msg, directed bool) (parallel bool) {
	s := &e.sched
	clear(s.n)
	routes := e.prog.Routes
	unrouted := 0 // events of kinds missing from the routing table
	for _, m := range cur {
		if int(m.Kind) < len(s.kinds) {
			s.kinds[m.Kind]++
		} else {
			unrouted++
		}
	}
	for k, c := range s.kinds {
		if c == 0 {
			continue
		}
		s.kinds[k] = 0
		for _, i := range routes[k] {
			s.n[i] += c
		}
	}
	if directed && e.bld != nil {
		for _, d := range e.bld.directed {
			s.n[d.proc]++
		}
	}
	busy := 0
	for i := range s.n {
		p := &e.procs[i]
		if p.off {
			s.n[i] = 0
			continue
		}
		s.n[i] += unrouted
		if c := s.n[i]; c > 0 {
			busy++
			parallel = parallel || c > 1 && p.limit > 1
		}
	}
	return parallel || busy > 1
}

// worthPool reports whether the pool is expected to run the deliveries in
// s.n sooner than the goroutine running Run would alone, by a margin (calls
// of unknown cost count as free).
func (e *Engine) worthPool() bool {
	s := &e.sched
	var total, span, calls float64
	w := float64(s.workers)
	for i, c := range s.n {
		if c == 0 {
			continue
		}
		work := float64(c) * float64(s.cost(i))
		total += work
		span = max(span, work/float64(min(e.procs[i].limit, s.workers)))
		calls += float64(c)
	}
	if total < poolMinNs {
		return false
	}
	est := max(span, total/w) + calls*poolCallNs/w + poolWakeNs
	return est*4 < total*3
}
