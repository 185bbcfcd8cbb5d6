package engine

import (
	"runtime/debug"
	"slices"
	"time"
)

// Serial is the engine's side of Dispatcher.DispatchAll, in a step run inline:
// one Call per processor, whose emission buffer collects the processor's
// emissions of the step in input order.
type Serial struct {
	prog  *Program
	phase int
	step  int
	procs []serialProc // per slot: a processor's instances, in (processor, key group) order
	// base is the first slot of each processor, nil when every processor
	// has one instance (slot i is processor i).
	base  []int32
	stop  bool            // a call failed: no further call may start (every proc is off)
	done  <-chan struct{} // the engine's: closed when the run must stop, or nil
	proc  int32           // the processor whose call is in progress (noted last)
	failp int32           // the processor whose call failed, once stop
	herr  *HandlerError
	// abandoned: the call begun last was abandoned in a backoff wait because
	// the run is stopping (errAbandoned); stop is set, herr is not
	abandoned bool

	eng     *Engine // the engine, whose call path slow calls take; nil for NewSerial
	slowAll bool    // WithTiming or WithEventChecks: every call takes the slow path (timed, checked)
	cur     []Msg   // the step's events, for the cache's lookups in advance
	taped   bool    // the run is recorded or replayed: every call is noted in rcalls
	hook    bool    // End must take endSlow: the call begun last was begun by beginSlow
	h       hook    // the call path's state of the call begun last, when hook
	// sampling: the call begun last is timed for the scheduler (sched.go),
	// since t0.
	sampling bool
	t0       time.Time
	// Per processor, the counts of its slow calls: the call path adds their
	// handler time (WithTiming).
	tallies []tally

	// In a taped run, per processor, its calls of the step by input position
	// (kept out of serialProc, which the untaped hot path reads).
	rcalls [][]tapeCall
	// Per processor, its sampled calls (sched.go); nil with one worker.
	samples []sample
}

type serialProc struct {
	call   Call // its input counts the calls begun this step, from -1
	routed int  // calls of the step whose failure was routed as an event
	slow   bool // Begin must take beginSlow: off, cached, guarded, taped, timed or sampled
	// guarded: the processor retries failed calls or routes its failures, so
	// Begin makes its calls itself, through Engine.invoke.
	guarded bool
	off     bool // no call may begin: an inactive builder, or the run is stopping
	cached  bool // its event calls are cached
}

// sample is the state of a processor's sampled calls in a step (sched.go),
// kept out of serialProc, which the hot path reads: calls still to time, and
// the time and number of those timed.
type sample struct {
	left int
	n    int
	ns   [sampleCalls]int64 // the times of the calls timed
}

// Note notes a call of case cs of processor proc for m and returns its Call,
// or nil when the call must take the slow way; Begin takes it. Generated code
// begins a call with x.Begin(x.Note(proc, cs, m)): both are inlined, and the
// common call (not cached, guarded, taped or timed) makes no function call.
func (x *Serial) Note(proc, cs int32, m Msg) *Call {
	p := &x.procs[proc]
	p.call.cs, p.call.mark = cs, len(p.call.out)
	p.call.msg = m
	p.call.input++ // starts at -1: the call's position in the processor's inbox
	x.proc = proc
	if p.slow { // off (an inactive builder, or every processor once the run stops), cached, guarded, taped or timed
		return nil
	}
	return &p.call
}

// NoteKG is Note for instance kg of processor proc. Generated code uses it
// for the calls of a partitioned processor (ProcInfo.KeyGroups > 1) and, in
// a program with a partitioned processor, for the calls of every processor
// (kg 0 for an unpartitioned one): Note(proc, ...) names the processor's
// slot, which is its index only in a program without one.
func (x *Serial) NoteKG(proc, kg, cs int32, m Msg) *Call {
	if x.base != nil {
		proc = x.base[proc] + kg
	} else if kg != 0 {
		panic("fw: NoteKG: key group of an unpartitioned processor")
	}
	return x.Note(proc, cs, m)
}

// Begin returns c, the Call Note returned, when it is not nil. Otherwise it
// begins the call Note noted the slow way and returns its Call, or nil when the
// handler must not be called: the run is stopping, the processor is a builder
// that is not active, or the call was made without the handler (for a cached
// processor, from the archive: the recorded emissions are appended to the
// processor's output; for a processor that retries or routes its failures,
// through Engine.invoke).
func (x *Serial) Begin(c *Call) *Call {
	if c != nil {
		return c
	}
	return x.beginSlow()
}

// beginSlow is Begin for a processor that is off, cached, guarded (retry or
// failures), taped (recorded or replayed), timed or sampled, once Note has
// noted the call: its processor in x.proc, its case, message and inbox
// position in the processor's state. The call goes through the engine's call
// path (call.go): callBegin here, callEnd in endSlow.
func (x *Serial) beginSlow() *Call {
	proc := x.proc
	p := &x.procs[proc]
	c := &p.call
	if p.off { // no call: take back what Note noted
		c.input--
		c.msg = Msg{}
		return nil
	}
	e := x.eng
	if e == nil { // NewSerial: no engine, no call path
		return c
	}
	x.hook = true
	replayed, err := e.callBegin(&x.h, c, int(proc))
	if err != nil {
		x.hook = false
		x.fail(err)
		return nil
	}
	if replayed {
		x.endSlow(nil)
		return nil
	}
	x.sampling = x.samples != nil && x.samples[proc].left > 0
	if x.sampling {
		x.t0 = time.Now()
	}
	if p.guarded {
		err := e.invoke(c, Delivery{Proc: c.proc, Case: c.cs, KG: c.kg}, c.msg)
		if err == errRouted { // the failure event stands, and is not cached
			p.routed++
		}
		x.endSlow(err)
		return nil
	}
	return c
}

// End ends the call begun last with the handler's result: a failed call's
// emissions are discarded and the run stops. A cached call that succeeded is
// recorded (or, in verify mode, compared with its record).
func (x *Serial) End(err error) {
	if err != nil || x.hook {
		x.endSlow(err)
	}
}

// endSlow is End for a call begun by beginSlow (x.hook), or a call that
// failed.
func (x *Serial) endSlow(err error) {
	if !x.hook { // a plain call that failed
		x.fail(err)
		return
	}
	x.hook = false
	if x.sampling {
		x.endSample()
	}
	i := int(x.proc)
	var rc *[]tapeCall
	if x.taped {
		rc = &x.rcalls[i]
	}
	err = x.eng.callEnd(&x.h, &x.procs[i].call, i, err, &x.tallies[i], rc)
	switch err {
	case nil, errRouted:
	case errAbandoned:
		x.abandon()
	default:
		x.fail(err)
	}
}

// sampled reports whether every processor called since the step's samples
// began has a sample.
func (x *Serial) sampled() bool {
	for i := range x.samples {
		if sp := &x.samples[i]; sp.left <= sampleCalls && sp.n == 0 {
			return false
		}
	}
	return true
}

// endSample ends a call timed for the scheduler (sched.go).
func (x *Serial) endSample() {
	x.sampling = false
	d := int64(time.Since(x.t0))
	p := &x.procs[x.proc]
	sp := &x.samples[x.proc]
	if sp.n < len(sp.ns) && (sp.left <= sampleCalls || d >= warmUpClocks*clockCost()) {
		// Not the first call, which may pay for warming up (caches, buffers
		// growing), unless it is long enough for that not to matter.
		sp.ns[sp.n] = d
		sp.n++
	}
	if sp.left--; sp.left == 0 {
		p.slow = p.off || p.cached || p.guarded || x.taped || x.slowAll
	}
}

// abandon stops the step after the call begun last was abandoned (its
// emissions already discarded): no call starts any more, and the step ends
// as a cancelled one.
func (x *Serial) abandon() {
	x.stop, x.abandoned, x.failp = true, true, x.proc
	x.h, x.hook, x.sampling = hook{}, false, false
	for i := range x.procs {
		x.procs[i].off, x.procs[i].slow = true, true
	}
}

func (x *Serial) fail(err error) {
	p := &x.procs[x.proc]
	c := &p.call
	clear(c.out[p.call.mark:])
	c.out = c.out[:p.call.mark]
	x.stop, x.failp = true, x.proc
	x.h, x.hook, x.sampling = hook{}, false, false
	for i := range x.procs {
		x.procs[i].off, x.procs[i].slow = true, true
	}
	x.herr = newHandlerError(x.prog, x.phase, x.step, int(c.proc), int(c.kg), c.cs, c.msg, c.input, err)
}

// NewSerial returns a Serial for p, as the engine makes for a step, to drive a
// Dispatcher directly: for tests and benchmarks of generated code. Every
// builder counts as active.
func NewSerial(p *Program) *Serial {
	x := &Serial{}
	x.init(p)
	return x
}

// init sets up x, a zero Serial, for p.
func (x *Serial) init(p *Program) {
	slots, base := slotsOf(p)
	x.prog, x.procs, x.base = p, make([]serialProc, numSlots(p, slots)), base
	for i := range x.procs {
		s := slotAt(slots, i)
		x.procs[i].call = Call{prog: p, proc: s.proc, kg: s.kg, input: -1}
	}
}

// Stopped reports whether no further event may be dispatched in the step: a
// call failed, or the run is stopping (its context is done, or it was
// interrupted).
func (x *Serial) Stopped() bool {
	return x.stop || closed(x.done)
}

// Err returns the failure that stopped the dispatch, or nil.
func (x *Serial) Err() error {
	if x.herr == nil {
		return nil
	}
	return x.herr
}

// fusedStep runs a step through the generated dispatch on the calling
// goroutine: event after event, each to every processor it matches. Each
// processor still receives its events in the order of the delivery rule, and
// the next step is still the processors' emissions in processor order.
func (e *Engine) fusedStep(cur, next []Msg) ([]Msg, error) {
	x := e.fusedOpen(cur, false)
	canceled := e.fusedEvents(x, cur, true)
	return e.fusedClose(x, cur, next, canceled)
}

// fusedOpen prepares e.serial for the step cur. With sample, the first
// sampleCalls calls of every processor are timed (sched.go).
func (e *Engine) fusedOpen(cur []Msg, sampled bool) *Serial {
	x := &e.serial
	if x.prog == nil {
		x.init(e.prog)
	}
	x.phase, x.step = e.phase, e.step
	for i := range x.procs {
		p, sp := &x.procs[i], &e.procs[i]
		p.call = Call{ctx: e.ctx, prog: e.prog, proc: sp.owner, kg: sp.kg, phase: e.phase, step: e.step, input: -1, out: p.call.out[:0], slot: e.stepArena(i)}
		p.off = sp.off
		p.cached = sp.cached
		pi := &e.prog.Procs[sp.owner]
		p.guarded, p.routed = pi.Retry > 0 || pi.Failures || pi.Timeout > 0, 0
		p.slow = p.off || p.cached || p.guarded || e.noting() || e.cfg.Timing || e.checks != nil || e.obs != nil
	}
	if x.tallies == nil {
		x.tallies = make([]tally, len(x.procs))
	}
	clear(x.tallies)
	if sampled {
		if x.samples == nil {
			x.samples = make([]sample, len(x.procs))
		}
		for i := range x.procs {
			if p := &x.procs[i]; !p.off {
				x.samples[i] = sample{left: sampleCalls + 1}
				p.slow = true
			}
		}
	}
	x.eng, x.slowAll, x.done = e, e.cfg.Timing || e.checks != nil || e.obs != nil, e.done
	x.cur = cur
	x.stop, x.abandoned, x.herr, x.h, x.hook, x.sampling, x.taped = false, false, nil, hook{}, false, false, e.noting()
	if x.taped {
		if x.rcalls == nil {
			x.rcalls = make([][]tapeCall, len(x.procs))
		}
		for i := range x.rcalls {
			x.rcalls[i] = x.rcalls[i][:0]
		}
	}
	return x
}

// fusedClose ends a step run inline: it records the step's calls in a taped
// run, counts them, and appends the step's emissions to next.
func (e *Engine) fusedClose(x *Serial, cur, next []Msg, canceled bool) ([]Msg, error) {
	e.learn(x, false)
	var terr error
	if e.sk != nil && x.herr == nil && !canceled {
		e.routeIDs(cur)
		for i := range x.procs {
			e.callIDs(i, 0, x.rcalls[i])
		}
	}
	if e.tape != nil && x.herr == nil && !canceled {
		terr = e.tapeSerial(x)
	}
	deliveries := e.fusedCount(x)
	emitters, last := 0, 0 // processors that emitted in the step, and the last of them
	for i := range x.procs {
		if len(x.procs[i].call.out) > 0 {
			emitters, last = emitters+1, i
		}
	}
	switch {
	case emitters == 1 && len(next) == 0:
		// One processor emitted (a chain's usual step): its buffer becomes the
		// next step's and the empty one takes its place, with no copy.
		p := &x.procs[last]
		next, p.call.out = p.call.out, next[:0]
	case emitters > 0:
		if cap(next) == 0 {
			next = getMsgs()
		}
		for i := range x.procs {
			p := &x.procs[i]
			if len(p.call.out) > 0 {
				next = append(next, p.call.out...)
				clear(p.call.out)
				p.call.out = p.call.out[:0]
			}
		}
	}
	e.counts.step(len(cur), deliveries)
	switch {
	case x.herr != nil:
		return next, x.herr
	case canceled:
		return next, e.stopErr()
	}
	return next, terr
}

// fusedCount publishes the counts of the calls made inline in the step and
// returns their number: every call begun is a delivery, and handled unless
// it failed (the one that stopped the step, or one whose failure was routed).
func (e *Engine) fusedCount(x *Serial) (deliveries int) {
	for i := range x.procs {
		p := &x.procs[i]
		calls := p.call.input + 1
		if calls == 0 && len(p.call.out) == 0 {
			continue // nothing to count
		}
		failed := 0 // the one call that stopped the step, if it was this processor's
		if x.herr != nil && int(x.failp) == i {
			failed = 1
		}
		abandoned := 0 // a call abandoned in its backoff wait: neither handled nor failed
		if x.abandoned && int(x.failp) == i {
			abandoned = 1
		}
		t := tally{nanos: x.tallies[i].nanos, emitted: uint64(len(p.call.out))}
		if calls > 0 {
			t.received = uint64(calls)
			t.handled = uint64(calls - failed - p.routed - abandoned)
			t.failed = uint64(failed + p.routed)
		}
		e.counts.add(int(e.procs[i].owner), &t)
		deliveries += calls
		p.call.msg = Msg{}
	}
	return deliveries
}

// learn passes the costs of the calls sampled inline to the scheduler. With
// more, the step goes on inline: a processor not called yet keeps its
// calls sampled, so that it has a cost by the end of the step.
func (e *Engine) learn(x *Serial, more bool) {
	if x.samples == nil {
		return
	}
	for i := range x.samples {
		sp := &x.samples[i]
		if more && sp.n == 0 && sp.left > 0 {
			continue
		}
		if sp.n > 0 {
			// The median: a call preempted while it was timed, or the
			// first calls of a run (buffers growing), say nothing of the
			// cost of the others.
			ts := sp.ns[:sp.n]
			slices.Sort(ts)
			e.sched.observe(int(e.procs[i].owner), time.Duration(max(0, ts[len(ts)/2]-clockCost())), 1)
		}
		if sp.left > 0 || sp.n > 0 {
			*sp = sample{}
			p := &x.procs[i]
			p.slow = p.off || p.cached || p.guarded || x.taped || x.slowAll
		}
	}
}

// tapeSerial records or compares the calls of a step that ran inline,
// processor by processor, each by input position.
func (e *Engine) tapeSerial(x *Serial) error {
	for i := range x.procs {
		if _, err := e.tapeCalls(i, 0, x.rcalls[i], x.procs[i].call.out); err != nil {
			return err
		}
	}
	return nil
}

// tapeCalls records or compares calls rcs of processor i, the first at
// input position input, whose emissions are out, one after the other; it
// returns the input position after them.
func (e *Engine) tapeCalls(i, input int, rcs []tapeCall, out []Msg) (int, error) {
	off := 0
	for j := range rcs {
		rc := &rcs[j]
		if err := e.tape.call(e.phase, e.step, int(e.procs[i].owner), int(e.procs[i].kg), rc.cs, input, &rc.m, out[off:off+rc.n]); err != nil {
			return input, err
		}
		off += rc.n
		input++
	}
	clear(rcs)
	return input, nil
}

// fusedEvents dispatches events cur (after the step's directed deliveries,
// if directed) until one fails or ctx is done. One deferred recover serves
// them all (a defer per event would cost more than the dispatch): a panic
// fails the call in progress, and stops the step anyway.
func (e *Engine) fusedEvents(x *Serial, cur []Msg, directed bool) (canceled bool) {
	defer func() {
		if r := recover(); r != nil {
			perr := &PanicError{Value: r, Stack: debug.Stack()}
			h, hooked := x.h, x.hook
			x.fail(perr)
			if hooked && h.observed { // the observer sees the call end
				e.observeEnd(&h, &x.procs[x.proc].call, perr)
			}
		}
	}()
	if directed && e.bld != nil {
		// Directed deliveries of logged artifacts come first.
		for _, d := range e.bld.directed {
			if e.cancelled() {
				return true
			}
			if c := x.Begin(x.Note(d.slot, d.cs, d.m)); c != nil {
				x.End(e.disp.Invoke(c, Delivery{Proc: c.proc, Case: d.cs, KG: c.kg}, d.m))
			}
			if x.stop {
				return x.abandoned
			}
		}
	}
	n := e.disp.DispatchAll(x, cur)
	return x.abandoned || !x.stop && n < len(cur)
}

// handover moves a step that ran inline up to event k of cur onto the pool:
// the calls made so far are counted, each processor's emissions and tape
// notes are kept (proc.pre, proc.preRC) to be committed before those of its
// pool calls, the rest of the events are routed into the inboxes, which
// continue at the processor's next input position (proc.base), and the
// processors of concurrency 1 keep their arena.
func (e *Engine) handover(x *Serial, cur []Msg, k int) ([]Msg, error) {
	e.learn(x, false)
	deliveries := e.fusedCount(x)
	for i := range e.procs {
		p, xp := &e.procs[i], &x.procs[i]
		p.base = xp.call.input + 1
		p.pre, xp.call.out = xp.call.out, nil
		p.slot, p.arena, p.inherit = xp.call.slot, xp.call.arena, true
		if x.taped {
			p.preRC = x.rcalls[i]
		}
	}
	deliveries += e.route(cur[k:], k)
	e.counts.step(len(cur), deliveries)
	e.cur, e.curOff = cur, 0
	next, err := e.poolStep(e.spare[:0])
	for i := range e.procs {
		p, xp := &e.procs[i], &x.procs[i]
		clear(p.pre)
		xp.call.out = p.pre[:0]
		if x.taped {
			clear(x.rcalls[i])
			x.rcalls[i] = x.rcalls[i][:0]
		}
		p.base, p.pre, p.preRC, p.slot, p.arena, p.inherit = 0, nil, nil, nil, nil, false
		p.inbox = p.inbox[:0]
	}
	e.spare, e.cur = cur, nil
	return next, err
}
