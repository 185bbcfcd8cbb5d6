package engine

import (
	"context"
	"runtime/debug"
	"time"

	"github.com/fwgo/fw/runtime/fw"
)

// The call path. Whatever the scheduler (the fused dispatch of a step
// inline, the pool, lifecycle calls), a call goes through the same steps, in
// this order:
//
//  1. cache: the call of a cached processor is looked up (callBegin); a hit
//     replays its record and the handler is not called;
//  2. the handler, with its retries and the routing of its failure
//     (Engine.invoke; on the fused path the generated code calls the
//     handler of a plain call itself);
//  3. the cache record of a miss, or the comparison of a verified hit
//     (callEnd);
//  4. the note of the call for the record of the run (callEnd; the tape
//     writes or compares it when the step completes, in the order of the
//     delivery rule);
//  5. timing (callEnd, into the scheduler's tally), then the counters: the
//     call's outcome goes into the tally too (eventCall on the pool,
//     lifecycleCall; for a step run inline, fusedCount derives the outcomes
//     from the number of calls and the failures), and the tally is published
//     through counters.add once per batch of calls (counters.go).
//
// In a run WithEventChecks, callBegin also keeps the encoding of the input
// of a checked kind, and callEnd compares it first (checks.go).
//
// The fused path skips all of it for a plain call (not cached, guarded,
// taped, timed or sampled): Serial.Note, Begin and End are inlined into
// generated code and the step's counts are derived from the number of calls.

// hook is the state of one call between callBegin and callEnd.
type hook struct {
	cc       cacheCall
	cached   bool // looked up and not replayed: callEnd records (or verifies) it
	replayed bool // a cache hit replayed: the handler was not called
	checked  bool // the input's encoding was kept: callEnd checks it did not change
	t0       time.Time

	// With a CallObserver (WithCallObserver): the call was told to it
	// (CallBegin), when, and the call's context before CallBegin's.
	observed bool
	obsT0    time.Time
	obsCtx   context.Context
}

// callBegin begins event call c of slot i (its case, input and
// message set, c.mark its first emission): for a cached processor it looks
// the call up, and a hit appends the recorded emissions to c.out and returns
// replayed. An error (an input the Codec cannot encode) fails the call.
func (e *Engine) callBegin(h *hook, c *Call, i int) (replayed bool, err error) {
	*h = hook{}
	if e.cache != nil && e.procs[i].cached && c.cs >= 0 {
		cc, out, replayed, err := e.cacheStart(i, c.input, c.msg, c.out)
		c.out = out
		if err != nil {
			return false, err
		}
		if replayed {
			h.replayed = true
			if e.obs != nil {
				e.observeBegin(h, c)
			}
			return true, nil
		}
		h.cc, h.cached = cc, true
	}
	if e.checks != nil && c.cs >= 0 && e.checks.checked(c.msg) {
		if err := e.checks.begin(c.msg); err != nil {
			return false, err
		}
		h.checked = true
	}
	if e.obs != nil {
		e.observeBegin(h, c)
	}
	if e.cfg.Timing {
		h.t0 = time.Now()
	}
	return false, nil
}

// callEnd ends call c of slot i begun with callBegin: err is the
// handler's result after its retries (errRouted for a failure routed as an
// event; nil for a replayed hit). A successful miss is recorded in the cache
// (a verified hit compared), a call that stands is noted in *rc for the tape
// (in a taped run), the time is added to t, and a failed call's emissions
// are discarded. It returns the call's result: a cache failure fails it.
func (e *Engine) callEnd(h *hook, c *Call, i int, err error, t *tally, rc *[]tapeCall) error {
	if e.cfg.Timing && !h.replayed {
		t.nanos += int64(time.Since(h.t0))
	}
	if h.checked {
		// A changed input fails the call, before its emissions are cached.
		h.checked = false
		if cerr := e.checks.end(c); cerr != nil {
			err = cerr
		}
	}
	if err == nil && h.cached {
		pos := divPos{phase: c.phase, step: c.step, input: c.input, kg: c.kg, cs: c.cs, m: c.msg}
		err = e.cache.finish(int(c.proc), &h.cc, pos, c.out[c.mark:])
	}
	h.cached = false
	switch err {
	case nil, errRouted:
		if rc != nil {
			*rc = append(*rc, tapeCall{cs: c.cs, m: c.msg, n: len(c.out) - c.mark})
		}
	default:
		clear(c.out[c.mark:])
		c.out = c.out[:c.mark]
	}
	if h.observed {
		e.observeEnd(h, c, err)
	}
	return err
}

// observeBegin tells the CallObserver about call c, whose context becomes
// the one CallBegin returns until observeEnd.
func (e *Engine) observeBegin(h *hook, c *Call) {
	h.observed, h.obsCtx = true, c.ctx
	c.ctx = e.obs.CallBegin(c.ctx, e.callInfo(c))
	h.obsT0 = time.Now()
}

// observeEnd tells the CallObserver that call c ended with err (callEnd's
// result), and gives the call its context back.
func (e *Engine) observeEnd(h *hook, c *Call, err error) {
	res := fw.CallResult{Err: err, Emitted: len(c.out) - c.mark, Attempts: int(c.attempt) + 1, Duration: time.Since(h.obsT0)}
	switch {
	case h.replayed:
		res.Replayed, res.Attempts = true, 0
	case err == errRouted:
		res.Routed, res.Err = true, c.routed
	case err == errAbandoned:
		res.Abandoned, res.Err = true, e.stopErr()
		if res.Err == nil { // stopped by another call's failure
			res.Err = errAbandoned
		}
	}
	ctx := c.ctx
	c.ctx, c.routed = h.obsCtx, nil
	h.observed, h.obsCtx = false, nil
	e.obs.CallEnd(ctx, e.callInfo(c), res)
}

// callInfo describes call c for the CallObserver.
func (e *Engine) callInfo(c *Call) fw.CallInfo {
	info := fw.CallInfo{Package: e.prog.Package, Position: c.Position()}
	info.Position.Emission = 0
	if c.cs >= 0 {
		info.Event = e.prog.eventName(c.msg.Kind)
	}
	return info
}

// eventCall makes event call c of slot i through the whole call path
// and counts its outcome in t; rc collects the tape notes of a taped run. A
// panic of the Codec or the archive fails the call (a handler's panic is
// invoke's).
func (e *Engine) eventCall(c *Call, i int, t *tally, rc *[]tapeCall) (err error) {
	var h hook
	defer func() {
		if r := recover(); r != nil {
			err = &PanicError{Value: r, Stack: debug.Stack()}
			clear(c.out[c.mark:])
			c.out = c.out[:c.mark]
			if h.observed {
				e.observeEnd(&h, c, err)
			}
		}
		t.outcome(err, len(c.out)-c.mark)
	}()
	replayed, err := e.callBegin(&h, c, i)
	if err == nil && !replayed {
		err = e.invoke(c, Delivery{Proc: c.proc, Case: c.cs, KG: c.kg}, c.msg)
	}
	return e.callEnd(&h, c, i, err, t, rc)
}
