package engine

import (
	"math"
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
// bound) and an estimate of the cost of a call of each processor, measured
// by timing a few calls of a step inline (sampled: the median of up to
// sampleCalls calls, less the cost of the clock, so that the inlined fast
// path stays untimed and a preempted call does not count). The estimates
// are kept per Program (in a table that is never freed: a few words per
// processor of every Program a process runs), so a run starts with what
// earlier runs of the program in the process measured. When a processor's
// cost is not known yet, and once in resampleMod steps, the step's first
// events run inline, one by one, with their calls timed (up to probeEvents,
// or fewer once they took the pool's minimum of work), and the rest of the
// step is then scheduled with what they measured: inline (processors not
// reached yet are timed as they are), or on the pool, which continues each
// processor's inbox where the inline part stopped.
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

// Tuning of the automatic policy. Times are in units of clockCost, the cost
// of reading the clock, as a measure of the machine's speed (on a 2020s
// server, about 25-30 ns), so that the policy is the same on a slower
// machine or under an emulator such as valgrind, which slows handlers,
// the pool and the clock alike.
const (
	probeEvents    = 32   // events run inline, timed, before a step with unknown costs is scheduled
	sampleCalls    = 8    // calls of a processor timed per sampled step (after a first one, unless it is long)
	warmUpClocks   = 400  // a processor's first sampled call is left out (it may pay for warming up) if shorter
	resampleMod    = 64   // one step in resampleMod with parallel work is sampled, to follow changing costs
	poolMinClocks  = 8000 // less work than this in a step always runs inline (about 200 µs)
	poolCallClocks = 2    // the pool's overhead per call: routing into inboxes, a call through Invoke, the commit
	poolWakeClocks = 1000 // waking the workers and waiting for the last chunk (about 30 µs)
)

type sched struct {
	mode    schedMode
	rng     *rand.Rand // schedRandom
	tbl     *costTable
	workers int
	n       []int // per processor (all its instances), the step's deliveries (at most)
	kinds   []int // per kind, the step's events

	// What the run did, for tests: steps run wholly on the pool, and steps
	// moved to it after an inline part.
	poolSteps, handovers int
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

// observe adds a measurement: calls of processor i took d (sampled inline,
// on the goroutine running Run: a time measured on the pool would count the
// time its goroutine waits for a CPU, and make a loaded machine look like
// one with expensive calls).
func (s *sched) observe(i int, d time.Duration, calls int) {
	if calls <= 0 || s.tbl == nil {
		return
	}
	v := max(1, int64(d)/int64(calls))
	if old := s.tbl.ns[i].Load(); old != 0 {
		v = (old + v) / 2
	}
	s.tbl.ns[i].Store(v)
}

// clockCost returns what timing a call adds to it (two clock readings and
// the slow path's bookkeeping, roughly), measured once per process: the
// least of a few back-to-back readings. Sampled times are reduced by it, so
// that the cost of a cheap handler is not mostly the clock's.
var clockCost = sync.OnceValue(func() int64 {
	best := int64(math.MaxInt64)
	for range 16 {
		t0 := time.Now()
		best = min(best, int64(time.Since(t0)))
	}
	return max(best, 10) // a clock coarser than the calls: assume a fast machine
})

// probe runs up to the first n events of step cur inline with their calls
// sampled, event by event, and stops early once the calls took
// poolMinClocks and every processor called has a sample: a step of very
// expensive calls does not wait for probeEvents of them to be scheduled. It
// returns the number of events run.
func (e *Engine) probe(x *Serial, cur []Msg, n int) (k int, canceled bool) {
	t0 := time.Now()
	budget := time.Duration(poolMinClocks * clockCost())
	// The directed deliveries first, then the events one by one.
	if canceled = e.fusedEvents(x, cur[:0], true); x.herr != nil || canceled {
		return 0, canceled
	}
	for k < n {
		canceled = e.fusedEvents(x, cur[k:k+1], false)
		k++
		if x.herr != nil || canceled {
			break
		}
		if time.Since(t0) >= budget && x.sampled() {
			break
		}
	}
	return k, canceled
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
	probe := s.tbl.tick.Add(1)%resampleMod == 0 // now and then, measure again
	for i, c := range s.n {
		if c > 0 && s.cost(i) == 0 {
			probe = true
		}
	}
	if probe {
		return stepPlan{inline: min(n, probeEvents), sample: true, redecide: true}
	}
	if e.worthPool() {
		return stepPlan{inline: -1}
	}
	return stepPlan{inline: n}
}

// histSample is about the number of events whose kinds estimate the
// deliveries of a step.
const histSample = 64

// deliveries sets s.n to an estimate of the number of deliveries of events
// cur per processor (from a sample of their kinds and the routing table, so
// at most what patterns let through), with the step's directed deliveries
// if directed, and reports whether calls could overlap.
func (e *Engine) deliveries(cur []Msg, directed bool) (parallel bool) {
	s := &e.sched
	clear(s.n)
	routes := e.prog.Routes
	// The kinds of a sample of at most about histSample events, each
	// standing for stride of them: an estimate needs no more, and a step of
	// cheap calls should not pay for reading all its events twice.
	unrouted := 0 // events of kinds missing from the routing table
	stride := max(1, len(cur)/histSample)
	for j := 0; j < len(cur); j += stride {
		if k := int(cur[j].Kind); k < len(s.kinds) {
			s.kinds[k] += stride
		} else {
			unrouted += stride
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
			s.n[e.procs[d.slot].owner]++
		}
	}
	busy := 0
	for i := range s.n {
		p := &e.procs[e.slotOf(int32(i), 0)] // its instances are all on or all off
		if p.off {
			s.n[i] = 0
			continue
		}
		s.n[i] += unrouted
		if c := s.n[i]; c > 0 {
			busy++
			parallel = parallel || c > 1 && e.procLimit(i) > 1
		}
	}
	return parallel || busy > 1
}

// procLimit is the number of calls of processor i that may overlap: its
// concurrency, times its key groups for a partitioned one (its instances
// run in parallel).
func (e *Engine) procLimit(i int) int {
	pi := &e.prog.Procs[i]
	return max(1, pi.Concurrency) * keyGroups(pi)
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
		span = max(span, work/float64(min(e.procLimit(i), s.workers)))
		calls += float64(c)
	}
	unit := float64(clockCost())
	if total < poolMinClocks*unit {
		return false
	}
	est := max(span, total/w) + calls*poolCallClocks*unit/w + poolWakeClocks*unit
	return est*4 < total*3
}
