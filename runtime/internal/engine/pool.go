package engine

import (
	"sync"
	"sync/atomic"
)

// The pool runs the steps the scheduler does not run inline (sched.go): the
// step is routed into per-processor inboxes, each cut into chunks of
// consecutive calls, and a fixed set of goroutines, the one running Run
// included, takes chunks under one lock and runs their calls without it. A
// processor of concurrency 1 has one chunk, its whole inbox (its calls could
// not overlap anyway); a concurrent processor has several, at most its
// concurrency of them running at once. The calls of a chunk run one after the
// other and append their emissions to the chunk's buffer, so a step's
// emissions are committed, and recorded, processor by processor and chunk by
// chunk: in input order.
type pool struct {
	mu      sync.Mutex
	work    sync.Cond // a step opened, or quit
	idle    sync.Cond // the step drained
	open    bool      // a step's work may be handed out
	quit    bool
	stop    atomic.Bool // no call may start (failure or cancellation); read without mu
	left    int         // chunks not handed out yet
	running int         // chunks handed out and not finished
	rr      int         // processor to look at first, so that workers spread out
	wg      sync.WaitGroup
	workers int  // goroutines to start, the one running Run excluded
	started bool // they were started: at the first step with work for more than one

	// halt is closed when a call fails (stop is set for it): backoff
	// waits end at once. Closed once, under mu; a run stops at its first
	// failure, so it is never reopened.
	halt   chan struct{}
	halted bool
}

// chunk is a run of consecutive calls of one processor's inbox, handed out
// as one piece of work.
type chunk struct {
	from, to int        // inbox positions
	call     Call       // its out collects the chunk's emissions, in input order
	rc       []tapeCall // in a taped run, the chunk's calls, by input position
}

// workerCount is the number of goroutines worth running calls, the one
// running Run included: more than the total number of calls that may overlap
// would only sleep.
func (e *Engine) workerCount() int {
	if e.checks != nil {
		return 1 // event checks: one call at a time (checks.go)
	}
	total := 0
	for i := range e.procs {
		total += e.procs[i].limit
	}
	return min(e.cfg.Workers, total)
}

// startPool sets up a pool of n goroutines: n-1 workers, started when a
// step first needs them, and the goroutine running Run.
func (e *Engine) startPool(n int) {
	s := &pool{workers: n - 1, halt: make(chan struct{})}
	s.work.L, s.idle.L = &s.mu, &s.mu
	e.pool = s
}

func (e *Engine) stopPool() {
	s := e.pool
	s.mu.Lock()
	s.quit = true
	s.work.Broadcast()
	s.mu.Unlock()
	s.wg.Wait()
	e.pool = nil
}

// chunkSize is the number of calls per chunk of concurrent processor i's n
// calls: enough chunks for every worker that may run its calls to get
// several, and, when the cost of its calls is known, about poolChunkClocks
// of work each (sched.go), so that a hand-off is rare next to the calls, but
// not so many that their buffers cost more than their calls.
func (e *Engine) chunkSize(i, n int) int {
	par := min(e.procs[i].limit, e.cfg.Workers)
	k := max(1, n/(4*par))
	if ns := e.sched.cost(int(e.procs[i].owner)); ns > 0 {
		k = min(k, max(1, int(poolChunkClocks*clockCost()/ns)))
	}
	// At most 64 chunks per worker that may run them: a chunk has buffers
	// of its own (its emissions, its arenas).
	return max(k, (n+64*par-1)/(64*par))
}

// poolChunkClocks is the work a chunk of a concurrent processor is cut to,
// when the cost of its calls is known (about 100 µs).
const poolChunkClocks = 4000

// poolStep runs the calls in the processors' inboxes on the pool, waits until
// they are done, records them in a taped run, and appends the step's
// emissions to next: per processor, the calls made inline before the step
// moved to the pool (proc.pre), then its chunks.
func (e *Engine) poolStep(next []Msg) ([]Msg, error) {
	s := e.pool
	total := 0
	for i := range e.procs {
		p := &e.procs[i]
		p.next, p.running = 0, 0
		n := len(p.inbox)
		if n == 0 {
			p.chunks = p.chunks[:0]
			continue
		}
		k := n
		if p.limit > 1 {
			k = e.chunkSize(i, n)
		}
		nc := (n + k - 1) / k
		if cap(p.chunks) >= nc {
			p.chunks = p.chunks[:nc]
		} else {
			p.chunks = append(p.chunks[:cap(p.chunks)], make([]chunk, nc-cap(p.chunks))...)
		}
		for j := range p.chunks {
			ch := &p.chunks[j]
			ch.from, ch.to = j*k, min(n, (j+1)*k)
			ch.call = Call{ctx: e.ctx, prog: e.prog, proc: p.owner, kg: p.kg, phase: e.phase, step: e.step, out: ch.call.out[:0]}
			ch.rc = ch.rc[:0]
		}
		if p.limit == 1 {
			c := &p.chunks[0].call
			if p.inherit {
				c.slot, c.arena = p.slot, p.arena
			} else {
				c.slot = e.stepArena(i)
			}
		} else if slots := e.chunkArenas(i, nc); slots != nil {
			for j := range p.chunks {
				p.chunks[j].call.slot = &slots[j]
			}
		}
		total += nc
	}
	if total > 0 {
		e.onPool = true
		defer func() { e.onPool = false }()
		s.mu.Lock()
		s.open, s.left, s.rr = true, total, 0
		if total > 1 {
			if !s.started {
				s.started = true
				s.wg.Add(s.workers)
				for range s.workers {
					go e.worker()
				}
			}
			s.work.Broadcast()
		}
		// The coordinator works too, then waits for the chunks in flight.
		for {
			if i, ch, ok := e.pick(); ok {
				e.runPicked(i, ch)
				continue
			}
			if s.running == 0 {
				break
			}
			s.idle.Wait()
		}
		s.open = false
		s.mu.Unlock()
	}
	if e.herr != nil {
		return next, e.herr
	}
	if e.canceled {
		return next, e.stopErr()
	}
	if e.sk != nil {
		e.routeIDs(e.cur[e.curOff:])
		for i := range e.procs {
			p := &e.procs[i]
			input := e.callIDs(i, 0, p.preRC)
			for j := range p.chunks {
				input = e.callIDs(i, input, p.chunks[j].rc)
			}
		}
	}
	if e.tape != nil {
		if err := e.tapePool(); err != nil {
			return next, err
		}
	}
	for i := range e.procs {
		p := &e.procs[i]
		if len(p.pre) > 0 {
			next = append(next, p.pre...)
		}
		for j := range p.chunks {
			ch := &p.chunks[j]
			next = append(next, ch.call.out...)
			clear(ch.call.out)
			ch.call.msg = Msg{}
			clear(ch.rc)
		}
	}
	return next, nil
}

func (e *Engine) worker() {
	s := e.pool
	defer s.wg.Done()
	s.mu.Lock()
	defer s.mu.Unlock()
	for {
		i, ch, ok := e.pick()
		if !ok {
			if s.quit {
				return
			}
			s.work.Wait()
			continue
		}
		e.runPicked(i, ch)
	}
}

// runPicked runs chunk ch of processor i, handed out by pick, with pool.mu
// held on entry and on return (not while the calls run).
func (e *Engine) runPicked(i int, ch *chunk) {
	s := e.pool
	s.mu.Unlock()
	herr, canceled := e.runChunk(i, ch)
	s.mu.Lock()
	e.procs[i].running--
	s.running--
	switch {
	case herr != nil:
		e.recordFailure(i, herr)
	case canceled:
		if e.herr == nil {
			e.canceled = true
		}
		s.stop.Store(true)
	}
	if s.running == 0 && (s.left == 0 || s.stop.Load()) {
		s.idle.Signal()
	}
}

// pick hands out work, with pool.mu held: the next chunk of a processor that
// is below its concurrency.
func (e *Engine) pick() (i int, ch *chunk, ok bool) {
	s := e.pool
	if !s.open || s.left == 0 || s.stop.Load() {
		return 0, nil, false
	}
	n := len(e.procs)
	for k := range n {
		i = (s.rr + k) % n
		p := &e.procs[i]
		if p.running >= p.limit || p.next >= len(p.chunks) {
			continue
		}
		ch = &p.chunks[p.next]
		p.next++
		s.left--
		p.running++
		s.running++
		if p.next >= len(p.chunks) || p.running >= p.limit {
			s.rr = (i + 1) % n
		}
		return i, ch, true
	}
	return 0, nil, false
}

// runChunk makes the calls of chunk ch of processor i, one after the other,
// through the call path. It stops at the first failure, on cancellation, or
// when the pool is stopping. Counters are published once per chunk.
func (e *Engine) runChunk(i int, ch *chunk) (herr *HandlerError, canceled bool) {
	p := &e.procs[i]
	c := &ch.call
	var t tally
	defer e.counts.add(int(p.owner), &t)
	var rc *[]tapeCall
	if e.noting() {
		rc = &ch.rc
	}
	for j := ch.from; j < ch.to; j++ {
		if e.pool.stop.Load() {
			return nil, false
		}
		if e.cancelled() {
			return nil, true
		}
		it := p.inbox[j]
		c.msg, c.input, c.cs, c.mark = e.cur[it.ev], p.base+j, it.cs, len(c.out)
		if err := e.eventCall(c, i, &t, rc); err != nil && err != errRouted {
			if err == errAbandoned {
				return nil, !e.pool.stop.Load()
			}
			return e.slotError(i, it.cs, c.msg, p.base+j, err), false
		}
	}
	return nil, false
}

// recordFailure keeps, with pool.mu held, the failure to report: the one with the
// smallest (processor, key group, input position), that is (slot, input
// position), unless cancellation was seen first.
func (e *Engine) recordFailure(i int, herr *HandlerError) {
	e.pool.stop.Store(true)
	if !e.pool.halted {
		e.pool.halted = true
		close(e.pool.halt)
	}
	if e.canceled {
		return
	}
	if e.herr == nil || i < e.herrProc || i == e.herrProc && herr.Input < e.herr.Input {
		e.herr, e.herrProc = herr, i
	}
}

// tapePool records or compares the event calls of a step that ran on the
// pool, processor by processor, each by input position: the calls made
// inline before the step moved to the pool first, then the chunks'.
func (e *Engine) tapePool() error {
	for i := range e.procs {
		p := &e.procs[i]
		input, err := e.tapeCalls(i, 0, p.preRC, p.pre)
		for j := range p.chunks {
			if err != nil {
				return err
			}
			ch := &p.chunks[j]
			input, err = e.tapeCalls(i, input, ch.rc, ch.call.out)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
