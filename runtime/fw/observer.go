package fw

import (
	"context"
	"time"
)

// CallObserver is told about every handler call of a run (WithCallObserver):
// the hook of metrics and tracing adaptors such as fwotel. Both methods are
// called on the goroutine making the call, possibly from several goroutines
// at once (a run with several workers), and must be safe for that; they
// must not block for long, nor call Run.
//
// A call is one delivery of an event (or artifact) to a case, or a
// lifecycle call (`on init`, `on phase`, `on terminate`), its retries
// included; a cached call that hits calls no handler but is still a call
// (CallResult.Replayed). A source builder's pulls are not calls.
type CallObserver interface {
	// CallBegin is called before the call; the context it returns becomes
	// the handler's (Context in the handler's context, also for every
	// retry), for example ctx with a span. It returns ctx to change nothing.
	CallBegin(ctx context.Context, call CallInfo) context.Context
	// CallEnd is called once the call has ended, with the context CallBegin
	// returned and the call's result.
	CallEnd(ctx context.Context, call CallInfo, res CallResult)
}

// RunObserver may be implemented by a CallObserver that wants to know about
// the run too. RunBegin is called when Run starts, before any call, with the
// run's Stats (safe to call at any time, also after the run); the function it
// returns, unless nil, is called when Run returns, with the final Stats and
// the error Run returns.
type RunObserver interface {
	RunBegin(ctx context.Context, pkg string, stats func() Stats) (end func(Stats, error))
}

// CallInfo describes a call: its package, its causal position (the same
// for any worker count; Processor and Case name it) and its input's event
// name (empty for lifecycle calls; "built t" for an artifact of target t).
type CallInfo struct {
	Package  string
	Position Position // Emission is 0
	Event    string
}

// Lifecycle reports whether the call is a lifecycle call.
func (c CallInfo) Lifecycle() bool {
	switch c.Position.Case {
	case "init", "phase", "terminate":
		return c.Event == ""
	}
	return false
}

// CallResult is the outcome of a call.
type CallResult struct {
	// Err is nil for a call that succeeded; otherwise the error of its
	// last attempt (a *PanicError for a panic, a *TimeoutError for an
	// attempt that overran its timeout), also when the failure was routed
	// as an event (Routed), or for a call abandoned during a backoff wait
	// (Abandoned) the reason the run stopped (the context's error,
	// ErrInterrupted, or an error saying the call was abandoned when
	// another call's failure stopped the run).
	Err error
	// Routed: the call failed, and its failure event (`failures E`) was
	// emitted in its place; the run goes on.
	Routed bool
	// Abandoned: the run stopped during the call's backoff wait; the call
	// neither succeeded nor failed.
	Abandoned bool
	// Replayed: a cache hit replayed the call's emissions; no handler ran.
	Replayed bool
	// Attempts is the number of attempts made: 1 plus its retries (0 for a
	// replayed call).
	Attempts int
	// Emitted is the number of its emissions that stand (0 for a failed call;
	// 1, the failure event, for a routed one).
	Emitted int
	// Duration is the call's time, from CallBegin's return to its end: every
	// attempt and every backoff wait included.
	Duration time.Duration
}
