package engine

import (
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// counters owns a run's job accounting: the per-processor counters, which
// Stats reads while the run goes, and the per-phase stats. Every count the
// engine keeps goes through its methods.
type counters struct {
	procs []procCounts

	mu     sync.Mutex // guards phases
	phases []PhaseStats
}

type procCounts struct { // 64 bytes: processors on separate cache lines
	received, handled, failed, emitted, pulls atomic.Uint64
	hits, misses                              atomic.Uint64
	nanos                                     atomic.Int64 // handler time, WithTiming
}

// tally is a batch of counts of one processor, published at once with add:
// a scheduler counts its calls in a tally and publishes it once per batch of
// calls, not once per call.
type tally struct {
	received, handled, failed, emitted, pulls uint64
	nanos                                     int64 // handler time, WithTiming
}

func newCounters(procs int) *counters {
	return &counters{procs: make([]procCounts, procs)}
}

// add publishes t for processor i.
func (k *counters) add(i int, t *tally) {
	c := &k.procs[i]
	if t.received != 0 {
		c.received.Add(t.received)
	}
	if t.handled != 0 {
		c.handled.Add(t.handled)
	}
	if t.failed != 0 {
		c.failed.Add(t.failed)
	}
	if t.emitted != 0 {
		c.emitted.Add(t.emitted)
	}
	if t.pulls != 0 {
		c.pulls.Add(t.pulls)
	}
	if t.nanos != 0 {
		c.nanos.Add(t.nanos)
	}
}

// outcome counts the result of one call in t: err is the call's result
// (errRouted for a failure routed as an event) and emitted its committed
// emissions.
func (t *tally) outcome(err error, emitted int) {
	switch err {
	case nil:
		t.handled++
		t.emitted += uint64(emitted)
	case errRouted:
		t.failed++
		t.emitted += uint64(emitted)
	case errAbandoned: // neither handled nor failed: the run stopped during its backoff
	default:
		t.failed++
	}
}

// hit and miss count a cache lookup of processor i.
func (k *counters) hit(i int)  { k.procs[i].hits.Add(1) }
func (k *counters) miss(i int) { k.procs[i].misses.Add(1) }

// openPhase starts the stats of phase.
func (k *counters) openPhase(phase int) {
	k.mu.Lock()
	k.phases = append(k.phases, PhaseStats{Phase: phase})
	k.mu.Unlock()
}

// step adds a step to the current phase's stats.
func (k *counters) step(events, deliveries int) {
	k.mu.Lock()
	ps := &k.phases[len(k.phases)-1]
	ps.Steps++
	ps.Events += uint64(events)
	ps.Deliveries += uint64(deliveries)
	k.mu.Unlock()
}

// totals returns the number of phases opened and the events and deliveries
// counted so far.
func (k *counters) totals() (phases int, events, deliveries uint64) {
	k.mu.Lock()
	defer k.mu.Unlock()
	for _, ps := range k.phases {
		events += ps.Events
		deliveries += ps.Deliveries
	}
	return len(k.phases), events, deliveries
}

// snapshot returns the stats of a run of p.
func (k *counters) snapshot(p *Program) Stats {
	st := Stats{Processors: make([]ProcStats, len(k.procs))}
	for i := range k.procs {
		c := &k.procs[i]
		st.Processors[i] = ProcStats{
			Name:     p.Procs[i].Name,
			Received: c.received.Load(),
			Handled:  c.handled.Load(),
			Failed:   c.failed.Load(),
			Emitted:  c.emitted.Load(),
			Pulls:    c.pulls.Load(),

			CacheHits:   c.hits.Load(),
			CacheMisses: c.misses.Load(),
			HandlerTime: time.Duration(c.nanos.Load()),
		}
		ps := &st.Processors[i]
		if done := ps.Handled + ps.Failed; ps.Received > done {
			ps.Queued = ps.Received - done
		}
	}
	k.mu.Lock()
	st.Phases = slices.Clone(k.phases)
	k.mu.Unlock()
	return st
}
