package fwimpl

import (
	"context"
	"io"
	"iter"

	"github.com/fwgo/fw/runtime/fw"
)

// Runner is embedded in every generated Pipeline: it runs the package's
// engine over the events (of the package's Event type E) submitted to it.
// The generated Pipeline adds Submit, which stores an event's value without
// boxing it.
type Runner[E any] struct {
	engine *Engine
	msg    func(ev E, a Arena) Msg
	decode func(data []byte) (E, error)
}

// NewRunner returns the runner of a generated Pipeline: msg makes the message
// of an event, stored in the arena a (nil: allocated); decode reads one from
// a JSON line.
func NewRunner[E any](e *Engine, msg func(ev E, a Arena) Msg, decode func(data []byte) (E, error)) Runner[E] {
	return Runner[E]{engine: e, msg: msg, decode: decode}
}

// EngineOf returns the engine of r, for the generated Submit and Resolve.
func EngineOf[E any](r *Runner[E]) *Engine { return r.engine }

// SubmitSeq queues the events of seq for phase 0, after the submitted ones,
// pulled lazily in batches (fw.WithSourceBatch), so that a long or endless
// sequence runs in bounded memory. Several calls feed their sequences one
// after the other. Call it before Run; a fed run cannot be recorded.
func (r *Runner[E]) SubmitSeq(seq iter.Seq[E]) {
	r.engine.Feed(SeqFeed(seq, func(c *Call, ev E) Msg { return r.msg(ev, c.Arena()) }))
}

// SubmitJSONLines submits the events of rd, one JSON object per line
// ({"event":"Name", ...fields}, as the package's DecodeJSON reads them), in
// order, before Run. A malformed line (not JSON, an unknown event, a missing,
// unknown, duplicate or mistyped field, invalid UTF-8) does not stop the
// others: every one of them is reported with its line number in a
// *fw.InputError (or to fw.OnBadLine's callback as it is read); with
// fw.StopOnBadLine() the first one stops it.
func (r *Runner[E]) SubmitJSONLines(rd io.Reader, opts ...fw.LinesOption) error {
	return fw.ReadLines(rd, func(line []byte) error {
		ev, err := r.decode(line)
		if err != nil {
			return err
		}
		r.engine.Submit(r.msg(ev, r.engine.SubmitArena()))
		return nil
	}, opts...)
}

// Run runs the pipeline until no work is left, a handler fails, or ctx is done.
func (r *Runner[E]) Run(ctx context.Context) error { return r.engine.Run(ctx) }

// Replay runs the pipeline on the inputs recorded in rd (by a run with
// fw.WithRecord) and compares every call's emissions with the record as it
// goes: the first difference stops it with a *fw.DivergenceError. Submit
// nothing before it; call it instead of Run.
func (r *Runner[E]) Replay(ctx context.Context, rd io.Reader) error {
	return r.engine.Replay(ctx, rd)
}

// Stats returns the run's job accounting.
func (r *Runner[E]) Stats() fw.Stats { return r.engine.Stats() }

// Submit queues the message of an event submitted to r (the generated Submit).
func Submit[E any](r *Runner[E], m Msg) { r.engine.Submit(m) }
