package fwimpl

import (
	"context"
	"errors"
	"io"
	"iter"
	"sync"

	"github.com/fwgo/fw/runtime/fw"
	"github.com/fwgo/fw/runtime/internal/engine"
)

// Runner is embedded in every generated Pipeline: it runs the package's
// engine over the events (of the package's Event type E) submitted to it.
// The generated Pipeline adds Submit, which stores an event's value without
// boxing it.
type Runner[E any] struct {
	engine *Engine
	msg    func(ev E, a Arena) Msg
	decode func(data []byte) (E, error)
	lines  []linesInput // the inputs of FeedJSONLines and StreamJSONLines, for Run's error
}

// NewRunner returns the runner of a generated Pipeline: msg makes the message
// of an event, stored in the arena a (nil: allocated); decode reads one from
// a JSON line.
func NewRunner[E any](e *Engine, msg func(ev E, a Arena) Msg, decode func(data []byte) (E, error)) Runner[E] {
	return Runner[E]{engine: e, msg: msg, decode: decode}
}

// EngineOf returns the engine of r, for the generated Submit and Resolve.
func EngineOf[E any](r *Runner[E]) *Engine { return r.engine }

// SubmitSeq queues the events of seq for phase 0 (with a phase trigger, for
// every phase), after the submitted ones, pulled lazily in batches
// (fw.WithSourceBatch), so that a long or endless sequence runs in bounded
// memory. Several calls feed their sequences one after the other. Call it
// before Run.
func (r *Runner[E]) SubmitSeq(seq iter.Seq[E]) {
	r.engine.Feed(SeqFeed(seq, func(c *Call, ev E) Msg { return r.msg(ev, c.Arena()) }))
}

// SubmitJSONLines submits the events of rd, one JSON object per line
// ({"event":"Name", ...fields}, as the package's DecodeJSON reads them), in
// order, before Run. A malformed line (not JSON, an unknown event, a missing,
// unknown, duplicate or mistyped field, invalid UTF-8) does not stop the
// others: every one of them is reported with its line number in a
// *fw.InputError (or to fw.OnBadLine's callback as it is read); with
// fw.StopOnBadLine() the first one stops it. It reads the whole input before
// Run, holding its events: FeedJSONLines streams an input of any length
// instead.
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

// FeedJSONLines feeds the events of rd, one JSON object per line (as
// SubmitJSONLines reads them), to phase 0 after the submitted events, read
// lazily while Run runs: a batch of events (fw.WithSourceBatch) is read when
// the run needs one, so an input of any length, or standard input that does
// not end, runs in memory bounded by the batch and the longest line
// (fw.MaxLineBytes), not by the input's length. Several calls feed their
// inputs one after the other. Call it before Run; a fed run is recorded
// like any other (fw.WithRecord). The reader blocks the engine while it waits
// for a batch: StreamJSONLines does not.
//
// A malformed line does not stop the others: each is given to fw.OnBadLine's
// callback as it is read (bounded memory), or kept, and Run returns, once the
// run is complete, an *fw.InputError counting them (and listing the kept
// ones; an errors.Join of them for several inputs), unless the run itself
// failed (its error comes first). With fw.StopOnBadLine the input ends at its
// first malformed line: the lines before it are handled (and the next input,
// if any, is read), and Run returns its *fw.LineError. An error reading rd
// stops the run.
func (r *Runner[E]) FeedJSONLines(rd io.Reader, opts ...fw.LinesOption) {
	f := &linesFeed[E]{r: r, lr: fw.NewLineReader(rd, opts...)}
	f.each = f.line
	r.engine.Feed(f)
	r.lines = append(r.lines, f)
}

// linesFeed is the Feed of FeedJSONLines.
type linesFeed[E any] struct {
	r       *Runner[E]
	lr      *fw.LineReader
	each    func(line []byte) error // f.line, made once
	c       *Call                   // the pulling call, during a pull
	got     int                     // the events emitted by the pull in progress
	stopped *fw.LineError           // StopOnBadLine's line: the input ended there
}

// line decodes one line and emits its event through the pulling call.
func (f *linesFeed[E]) line(line []byte) error {
	ev, err := f.r.decode(line)
	if err != nil {
		return err
	}
	f.c.Emit(f.r.msg(ev, f.c.Arena()))
	f.got++
	return nil
}

func (f *linesFeed[E]) Pull(c *Call, max int) (bool, error) {
	f.c, f.got = c, 0
	defer func() { f.c = nil }()
	for f.got < max {
		more, err := f.lr.Next(f.each)
		if err != nil {
			if le, ok := err.(*fw.LineError); ok {
				f.stopped = le
				return true, nil
			}
			return true, err
		}
		if !more {
			return true, nil
		}
	}
	return false, nil
}

func (f *linesFeed[E]) Stop() {}

// err is the error of the input once the run is over: its StopOnBadLine
// *fw.LineError, its *fw.InputError, or nil.
func (f *linesFeed[E]) err() error {
	if f.stopped != nil {
		return f.stopped
	}
	return f.lr.Err()
}

// linesInput is an input of FeedJSONLines or StreamJSONLines.
type linesInput interface {
	err() error // once the run is over: the input's error (malformed lines, ...), or nil
	stop()      // the run is over
}

func (f *linesFeed[E]) stop() {}

// StreamJSONLines attaches the JSON lines of rd (as FeedJSONLines reads them)
// as a stream (Stream): a goroutine reads and decodes them ahead of the run,
// at most 256 events ahead, and the engine handles each as soon as it is idle,
// never waiting for a batch to fill: for standard input that a person or a
// slow producer writes, whose events must be handled as they arrive. Its
// steps depend on when the lines arrive (WithRecord records them), where
// FeedJSONLines' batches depend on the input only.
//
// Malformed lines are reported as FeedJSONLines reports them, but
// fw.OnBadLine's callback is called from the reading goroutine. With
// fw.StopOnBadLine, or on an error reading rd, the stream ends there, and Run
// returns the error once the run is complete. When Run returns before the
// input ended, the goroutine stops at its next line; one blocked reading rd
// returns when rd does (closing rd, where it can be closed, ends it).
func (r *Runner[E]) StreamJSONLines(rd io.Reader, opts ...fw.LinesOption) {
	s := &linesStream{quit: make(chan struct{})}
	ch := make(chan E, 256)
	go func() {
		defer close(ch)
		lr := fw.NewLineReader(rd, opts...)
		over := false // the run is over: the event was not taken
		each := func(line []byte) error {
			ev, err := r.decode(line)
			if err != nil {
				return err
			}
			select {
			case ch <- ev:
			case <-s.quit:
				over = true
			}
			return nil
		}
		for {
			more, err := lr.Next(each)
			if over {
				return
			}
			if err != nil || !more {
				if err == nil {
					err = lr.Err()
				}
				s.mu.Lock()
				s.res = err
				s.mu.Unlock()
				return
			}
		}
	}()
	r.Stream(fw.ChanStream[E](ch))
	r.lines = append(r.lines, s)
}

// linesStream is the state of a StreamJSONLines input.
type linesStream struct {
	quit     chan struct{}
	quitOnce sync.Once
	mu       sync.Mutex
	res      error // the input's error once it ended (a read error or StopOnBadLine's line)
}

func (s *linesStream) stop() { s.quitOnce.Do(func() { close(s.quit) }) }

func (s *linesStream) err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.res
}

// Run runs the pipeline until no work is left, a handler fails, or ctx is
// done. With inputs of FeedJSONLines or StreamJSONLines, a run that went well
// returns their malformed lines' errors, if any (see FeedJSONLines).
func (r *Runner[E]) Run(ctx context.Context) error {
	err := r.engine.Run(ctx)
	for _, f := range r.lines {
		f.stop()
	}
	if err != nil || len(r.lines) == 0 {
		return err
	}
	var errs []error
	for _, f := range r.lines {
		if err := f.err(); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) == 1 {
		return errs[0]
	}
	return errors.Join(errs...)
}

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

// Stream attaches s to the run: its events are fed after the submitted ones
// (and after the sequences and streams attached before it, once they ended),
// each handled as soon as the engine is idle (docs/runtime.md, "Live runs").
// Without a phase trigger (fw.WithPhaseEvery, fw.WithPhaseInterval) they are
// all part of phase 0; with one, the stream is pulled in every phase. Call it
// before Run. If s implements fw.Committer, its Commit is called as phases
// complete; if it has a Stop method, it is called when Run returns before s
// ended.
func (r *Runner[E]) Stream(s fw.Stream[E]) {
	r.engine.Feed(StreamFeed(s, r.msg))
}

// FeedChan attaches the channel ch as a stream (fw.ChanStream): a closed
// channel ends it.
func (r *Runner[E]) FeedChan(ch <-chan E) { r.Stream(fw.ChanStream(ch)) }

// StreamFeed adapts a typed stream to the engine's Stream, each event made a
// Msg by msg in the pulling call's arena.
func StreamFeed[E any](s fw.Stream[E], msg func(ev E, a Arena) Msg) Feed {
	f := &streamFeed[E]{s: s, msg: msg}
	f.emit = f.emitOne
	if w, ok := s.(Waiter); ok { // fw.ChanStream: the engine waits on its channel
		return waitingStreamFeed[E]{f, w}
	}
	return f // the engine waits on Ready
}

// waitingStreamFeed is a streamFeed whose stream has its own Wait.
type waitingStreamFeed[E any] struct {
	*streamFeed[E]
	Waiter
}

type streamFeed[E any] struct {
	s    fw.Stream[E]
	msg  func(E, Arena) Msg
	c    *Call // the pulling call, while a pull is in progress
	emit func(string, E)
}

func (f *streamFeed[E]) emitOne(id string, ev E) { f.c.EmitID(f.msg(ev, f.c.Arena()), id) }

func (f *streamFeed[E]) Pull(c *Call, max int) (bool, error) {
	f.c = c
	done, err := f.s.Pull(max, f.emit)
	f.c = nil
	return done, err
}

func (f *streamFeed[E]) Ready() <-chan struct{} { return f.s.Ready() }

func (f *streamFeed[E]) Stop() {
	if st, ok := f.s.(interface{ Stop() }); ok {
		st.Stop()
	}
}

// Committed forwards fw.Resumable (0: the stream starts at its first event).
func (f *streamFeed[E]) Committed() int64 {
	if r, ok := f.s.(fw.Resumable); ok {
		return r.Committed()
	}
	return 0
}

func (f *streamFeed[E]) Commit(n int64) error {
	if c, ok := f.s.(fw.Committer); ok {
		return c.Commit(n)
	}
	return nil
}

// SeqOf is Runner.SubmitSeq for a sequence of one event type E (of the
// package's Event type Ev), each value made a message by msg (the generated
// SubmitSeqOf).
func SeqOf[E, Ev any](r *Runner[Ev], seq iter.Seq[E], msg func(E, Arena) Msg) {
	r.engine.Feed(engine.SeqFeedArena(seq, msg))
}

// StreamOf is Runner.Stream for a stream of one event type E (the generated
// StreamOf).
func StreamOf[E, Ev any](r *Runner[Ev], s fw.Stream[E], msg func(E, Arena) Msg) {
	r.engine.Feed(StreamFeed(s, msg))
}
