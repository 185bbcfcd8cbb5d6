package fw

import (
	"context"
	"sync"
	"time"

	"github.com/fwgo/fw/runtime/internal/config"
)

// Stream is a source of events that arrive over time, for as long as the
// process lives if need be: a broker's consumer, a channel (ChanStream). E is
// the generated package's Event interface; a generated Pipeline attaches one
// with its Stream method (docs/runtime.md, "Live runs").
//
// The engine never blocks in Pull: when it has nothing else to do, it waits
// until Ready says there may be more (or the run's context is done, it is
// interrupted, or a phase's time is up), then pulls what is ready as the next
// step. So an event is handled as soon as the engine is idle.
type Stream[E any] interface {
	// Pull passes up to max events that are ready now to emit, in order,
	// without blocking, and reports whether the stream has ended (no event
	// follows). id names the event in the causal ids of sinks' messages
	// (WithSink): "" for the default, the stream's index among the run's
	// feeds and the event's position in it ("f0:12"); a stream whose events
	// have ids of their own (a broker's sequence numbers) passes them, so
	// that the ids are the same after a restart. An error stops the run.
	Pull(max int, emit func(id string, ev E)) (done bool, err error)
	// Ready returns a channel that receives a value, or is closed, when Pull
	// may have more events (or the end) to report. A spurious wake-up costs
	// a pull; a missed one stalls the stream, so signal after an event
	// became pullable.
	Ready() <-chan struct{}
}

// Committer is implemented by a Stream (or a runtime Feed) that wants to know
// when its events are done with, to acknowledge them to a broker.
type Committer interface {
	// Commit reports that the first n events the stream emitted in this run
	// (n grows) are committed: the phase that pulled them is complete (its
	// steps, every step they caused, its `on phase` broadcast), and every
	// Sink's Publish of their emissions has returned. It is called at the end
	// of each phase in which n grew, the last one included, never for a phase
	// that a failure, a cancellation or an interrupt cut short. An error stops
	// the run.
	Commit(n int64) error
}

// Resumable is implemented by a Stream (or a runtime Feed) that resumes where
// its events were last committed, such as a broker's durable consumer whose
// unacknowledged messages are redelivered. It matters to the submitter of a
// distributed run (runtime/cluster) that restarts: Committed reports the n of
// the last Commit the stream's events got before this run of the submitter
// (0 if none), and the stream's first event is then the run's event n. The
// submitter pulls and drops the events the run's log already holds (by
// count) before it feeds new ones, and counts Commit's n from the start of
// the distributed run, across restarts (docs/distributed.md, "Feeds,
// streams and phase triggers"). A stream that is not Resumable starts at 0:
// it must yield the run's events again from the first.
type Resumable interface {
	Committed() int64
}

// ChanStream returns a Stream of the values received from ch, in order; a
// closed channel ends the stream. The engine waits on ch itself (the stream's
// Wait), so an event sent is received by the goroutine running the pipeline,
// with no goroutine in between; Ready, for other callers, starts a goroutine
// that receives from ch (at most a batch of values ahead) until Stop.
func ChanStream[E any](ch <-chan E) Stream[E] {
	return &chanStream[E]{ch: ch}
}

type chanStream[E any] struct {
	ch     <-chan E
	held   E    // a value Wait received, not pulled yet
	isHeld bool // held is set
	ended  bool // ch was found closed by Wait

	// With Ready: a goroutine receives from ch into buf.
	once  sync.Once
	buf   chan E        // values received from ch, not pulled yet; closed after ch closed
	ready chan struct{} // a token once a value is in buf (or buf is closed)
	quit  chan struct{}
	done  chan struct{} // closed when the goroutine returns
}

func (s *chanStream[E]) start() {
	s.once.Do(func() {
		s.buf = make(chan E, 256)
		s.ready = make(chan struct{}, 1)
		s.quit = make(chan struct{})
		s.done = make(chan struct{})
		go s.run()
	})
}

func (s *chanStream[E]) run() {
	defer close(s.done)
	defer s.signal()
	defer close(s.buf)
	if s.ended {
		return
	}
	for {
		select {
		case v, ok := <-s.ch:
			if !ok {
				return
			}
			select {
			case s.buf <- v:
				s.signal()
			case <-s.quit:
				return
			}
		case <-s.quit:
			return
		}
	}
}

func (s *chanStream[E]) signal() {
	select {
	case s.ready <- struct{}{}:
	default:
	}
}

// Ready starts the goroutine that receives from the channel, if it is not
// running, and returns its readiness channel. Ready, Wait and Pull are
// called from one goroutine (the engine's).
func (s *chanStream[E]) Ready() <-chan struct{} {
	s.start()
	return s.ready
}

// Wait blocks until a value or the end of the channel is received (and kept
// for the next Pull), stop is closed or timer fires (the engine's wait: see
// the runtime's Stream).
func (s *chanStream[E]) Wait(stop <-chan struct{}, timer <-chan time.Time) {
	if s.buf != nil || s.isHeld || s.ended {
		if s.buf != nil {
			select {
			case <-s.ready:
			case <-stop:
			case <-timer:
			}
		}
		return
	}
	select {
	case v, ok := <-s.ch:
		if ok {
			s.held, s.isHeld = v, true
		} else {
			s.ended = true
		}
	case <-stop:
	case <-timer:
	}
}

func (s *chanStream[E]) Pull(max int, emit func(string, E)) (bool, error) {
	if max <= 0 {
		return false, nil
	}
	if s.isHeld {
		v := s.held
		var zero E
		s.held, s.isHeld = zero, false
		emit("", v)
		max--
	}
	if s.ended {
		return true, nil
	}
	in := s.ch
	if s.buf != nil {
		in = s.buf
	}
	for range max {
		select {
		case v, ok := <-in:
			if !ok {
				s.ended = true
				return true, nil
			}
			emit("", v)
		default:
			return false, nil
		}
	}
	return false, nil
}

// Stop ends the goroutine receiving from the channel, if Ready started one
// (the run calls it when it returns before the channel is closed).
func (s *chanStream[E]) Stop() {
	if s.quit == nil {
		return
	}
	select {
	case <-s.quit:
	default:
		close(s.quit)
	}
	<-s.done
}

// SinkMsg is an emission handed to a Sink.
type SinkMsg struct {
	// ID is the emission's causal id: the same on every run of the same
	// input, for any worker count and whatever the step boundaries (see
	// docs/runtime.md, "Sinks and causal ids").
	ID string
	// Event is the name of the emission's event type.
	Event string
	// Value is the event: a pointer to the generated package's event struct,
	// which implements the package's Event interface (so that its EncodeJSON
	// takes it). It is valid only until Publish returns: copy what you keep.
	Value any
}

// Sink publishes emissions out of a run: to a broker, a file, a test.
type Sink interface {
	// Publish is called at the end of each step, and after the `on init` and
	// `on phase` calls, with their emissions of the sink's event types, in
	// the order of the delivery rule (never with none). It must return once
	// they are durably published; an error stops the run. Calls are made one
	// at a time, from the goroutine running Run.
	Publish(ctx context.Context, msgs []SinkMsg) error
}

// WithSink adds a sink of the run's emissions of the named event types (every
// event type if none is named; built artifacts never). With several sinks,
// each step's emissions go to them in the order of the options. A run with a
// sink computes every event's causal id, which costs an allocation or two per
// event; a run without one pays nothing. Run fails at once if a name is not
// an event type of the package.
func WithSink(s Sink, events ...string) Option {
	return func(c *config.Config) {
		if s != nil {
			c.Sinks = append(c.Sinks, config.Sink{Sink: s, Events: append([]string(nil), events...)})
		}
	}
}

// WithPhaseEvery makes a phase end after n fed events (events pulled from
// streams and lazy feeds; submitted events do not count): the engine stops
// pulling, runs the phase to quiescence, broadcasts `on phase` (helpers such
// as Grouper and Collector flush) and opens the next phase, in which it pulls
// again. Deterministic: the same fed events give the same phases. With a
// phase trigger, feeds are pulled in every phase, not only in phase 0.
func WithPhaseEvery(n int) Option {
	return func(c *config.Config) {
		if n > 0 {
			c.PhaseEvery = n
		}
	}
}

// WithPhaseInterval makes a phase end every d of wall time, as WithPhaseEvery
// does after n events (both may be set: the first to fire ends the phase). A
// phase ends even without any event, so `on phase` runs every d on an idle
// stream. Time-triggered phases depend on when events arrive: a run
// WithRecord records where each phase ended, and its replay ends them there.
func WithPhaseInterval(d time.Duration) Option {
	return func(c *config.Config) {
		if d > 0 {
			c.PhaseInterval = d
		}
	}
}
