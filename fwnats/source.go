package fwnats

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fwgo/fw/runtime/fw"
	"github.com/nats-io/nats.go/jetstream"
)

var (
	_ fw.Stream[any] = (*Source[any])(nil)
	_ fw.Committer   = (*Source[any])(nil)
	_ fw.Sink        = (*Sink[Event])(nil)
)

// BadMessage describes a message the source could not decode.
type BadMessage struct {
	Stream  string // the stream's name
	Seq     uint64 // the message's stream sequence
	Subject string // the message's subject
	Err     error  // the decoder's error
}

// Error says which message is malformed and why; it never quotes the payload
// beyond what the decoder's error says.
func (b *BadMessage) Error() string {
	return fmt.Sprintf("fwnats: malformed message %s:%d on %q: %v", b.Stream, b.Seq, b.Subject, b.Err)
}

// Unwrap returns the decoder's error.
func (b *BadMessage) Unwrap() error { return b.Err }

// ErrOutOfOrder is the error of a source that received a message older than
// one it already handed to the engine without having seen it before: another
// client had been delivered it (a consumer shared by two processes, or a
// dead process's delivery the server had not yet noticed). The run stops
// before anything of the current phase is acknowledged; restarting resumes
// from the last committed phase.
var ErrOutOfOrder = errors.New("fwnats: a message arrived out of stream order (is the consumer shared?)")

// SourceOption configures a Source.
type SourceOption func(*sourceConfig)

type sourceConfig struct {
	buffer    int
	stopOnBad bool
	onBad     func(*BadMessage)
	endCaught bool
	noReset   bool
	pullOpts  []jetstream.PullMessagesOpt
	logger    *slog.Logger
	loggerSet bool
}

// Buffer sets how many decoded messages the source holds ahead of the engine
// (default 1024). The consumer's MaxAckPending must leave room for them
// besides the events of one phase (see docs/nats.md).
func Buffer(n int) SourceOption {
	return func(c *sourceConfig) {
		if n > 0 {
			c.buffer = n
		}
	}
}

// OnBadMessage sets the function called (on the source's goroutine) with each
// message that does not decode, instead of logging it. The message is then
// terminated (Term) when the phase it was read in is committed, so the server
// does not redeliver it and publishes a MSG_TERMINATED advisory for it.
func OnBadMessage(f func(*BadMessage)) SourceOption {
	return func(c *sourceConfig) { c.onBad = f }
}

// StopOnBadMessage makes the first message that does not decode stop the run
// with its *BadMessage error. The message is not acknowledged: a restarted
// run meets it again.
func StopOnBadMessage() SourceOption {
	return func(c *sourceConfig) { c.stopOnBad = true }
}

// EndWhenCaughtUp makes the source end (as a closed stream does) once it has
// read the last message its stream held, among those the consumer's filters
// match, when NewSource was called: the run then completes its last phase,
// commits it and returns. Without it the source never ends. (NewSource then
// reads that last message's sequence: a message-get request on the stream.)
func EndWhenCaughtUp() SourceOption {
	return func(c *sourceConfig) { c.endCaught = true }
}

// Logger sets where the source logs malformed messages when no OnBadMessage
// function is set (default slog.Default(); nil: no log). It logs the stream's
// name, the sequence number, the subject and the decoder's error with every
// quoted string and number in it (bits of the payload: an unknown member's
// name, a rejected value) replaced by "…": never a payload, a header or
// anything of the connection.
func Logger(l *slog.Logger) SourceOption {
	return func(c *sourceConfig) { c.logger, c.loggerSet = l, true }
}

// PullOptions passes options to the consumer's Messages call (for example
// jetstream.PullMaxMessages, jetstream.PullHeartbeat).
func PullOptions(opts ...jetstream.PullMessagesOpt) SourceOption {
	return func(c *sourceConfig) { c.pullOpts = append(c.pullOpts, opts...) }
}

// NoReset skips the consumer reset NewSource does (for servers older than
// 2.14, which lack it). Then a restart soon after a crash may receive the
// crashed process's unacknowledged messages late, out of order, and stop with
// ErrOutOfOrder until the server's AckWait has passed for them.
func NoReset() SourceOption {
	return func(c *sourceConfig) { c.noReset = true }
}

// entry is a message read from the consumer.
type entry[E any] struct {
	msg jetstream.Msg
	seq uint64
	id  string
	ev  E
	bad *BadMessage // nil for a decoded event
}

// Source reads the events of a JetStream consumer, in stream order, for one
// fw run. Build it with NewSource and give it to the pipeline (Feed); see the
// package documentation for the delivery promise.
type Source[E any] struct {
	js     jetstream.JetStream
	cons   jetstream.Consumer
	decode func([]byte) (E, error)
	cfg    sourceConfig
	stream string
	ack    jetstream.AckPolicy

	ready chan struct{} // signalled when buf grows, the source ends or fails
	space chan struct{} // signalled when buf shrinks

	mu      sync.Mutex
	buf     []entry[E] // read, not yet pulled
	pending []entry[E] // pulled, not yet committed (stream order)
	highest uint64     // the highest sequence read
	floor   uint64     // the highest sequence committed (or acknowledged before the run)
	until   uint64     // EndWhenCaughtUp: the last sequence to read
	ended   bool       // no more messages will be read
	err     error      // the reader's error
	stopped bool

	// Owned by the engine's goroutine (Pull, Commit).
	pulled    int64 // events (good messages) pulled
	committed int64 // events committed
	bad       int64 // malformed messages met

	it   jetstream.MessagesContext
	done chan struct{} // closed when the reader goroutine returns
	once sync.Once
}

// NewSource returns a source of the events of cons, a pull consumer of js
// with explicit or "all" acknowledgement that the application made (AckAll
// acknowledges each phase atomically: recommended), each decoded by decode
// (a generated package's DecodeJSON). It resets the consumer to its
// acknowledgement floor first (jetstream ResetConsumer), so that the messages
// a crashed run left unacknowledged come again at once and in order; ctx
// bounds that request. One source, in one process, reads a consumer at a
// time. It reads on a goroutine of its own from the start: give it to a run
// (which calls Stop when it returns early), or call Stop.
func NewSource[E any](ctx context.Context, js jetstream.JetStream, cons jetstream.Consumer, decode func([]byte) (E, error), opts ...SourceOption) (*Source[E], error) {
	cfg := sourceConfig{buffer: 1024}
	for _, o := range opts {
		o(&cfg)
	}
	if !cfg.loggerSet {
		cfg.logger = slog.Default()
	}
	info := cons.CachedInfo()
	if info == nil {
		return nil, errors.New("fwnats: the consumer has no info")
	}
	if info.Config.AckPolicy != jetstream.AckExplicitPolicy && info.Config.AckPolicy != jetstream.AckAllPolicy {
		return nil, fmt.Errorf("fwnats: consumer %s of stream %s: ack policy %v: want explicit or all", info.Name, info.Stream, info.Config.AckPolicy)
	}
	s := &Source[E]{
		js: js, cons: cons, decode: decode, cfg: cfg,
		stream: info.Stream, ack: info.Config.AckPolicy,
		ready: make(chan struct{}, 1),
		space: make(chan struct{}, 1),
		done:  make(chan struct{}),
	}
	if !cfg.noReset {
		r, err := js.ResetConsumer(ctx, info.Stream, info.Name)
		if err != nil {
			return nil, fmt.Errorf("fwnats: resetting consumer %s of stream %s (nats-server 2.14 or later; else NoReset): %w", info.Name, info.Stream, err)
		}
		s.highest = r.ResetSeq - 1
	} else if fresh, err := cons.Info(ctx); err == nil {
		s.highest = fresh.AckFloor.Stream
	} else {
		return nil, fmt.Errorf("fwnats: consumer %s of stream %s: %w", info.Name, info.Stream, err)
	}
	s.floor = s.highest
	if cfg.endCaught {
		last, err := lastSeq(ctx, js, info)
		if err != nil {
			return nil, fmt.Errorf("fwnats: consumer %s of stream %s: the last message: %w", info.Name, info.Stream, err)
		}
		s.until = last
		if last <= s.highest {
			s.ended = true
			close(s.done)
			s.signal(s.ready)
			return s, nil
		}
	}
	it, err := cons.Messages(cfg.pullOpts...)
	if err != nil {
		return nil, fmt.Errorf("fwnats: consumer %s of stream %s: %w", info.Name, info.Stream, err)
	}
	s.it = it
	go s.read()
	return s, nil
}

func (s *Source[E]) signal(ch chan struct{}) {
	select {
	case ch <- struct{}{}:
	default:
	}
}

// read runs on its own goroutine: it reads and decodes messages into buf.
func (s *Source[E]) read() {
	defer close(s.done)
	defer s.signal(s.ready)
	for {
		s.mu.Lock()
		for len(s.buf) >= s.cfg.buffer && !s.stopped {
			s.mu.Unlock()
			<-s.space
			s.mu.Lock()
		}
		stopped := s.stopped
		s.mu.Unlock()
		if stopped {
			return
		}
		msg, err := s.it.Next()
		if err != nil {
			if errors.Is(err, jetstream.ErrNoHeartbeat) {
				continue // not terminal: the iterator goes on
			}
			s.mu.Lock()
			if !s.stopped && s.err == nil {
				s.err = fmt.Errorf("fwnats: reading stream %s: %w", s.stream, err)
			}
			s.ended = true
			s.mu.Unlock()
			return
		}
		meta, err := msg.Metadata()
		if err != nil {
			s.fail(fmt.Errorf("fwnats: stream %s: a message without metadata: %w", s.stream, err))
			return
		}
		seq := meta.Sequence.Stream
		e := entry[E]{msg: msg, seq: seq}
		s.mu.Lock()
		if seq <= s.highest {
			known := seq <= s.floor || s.known(seq)
			s.mu.Unlock()
			if known {
				continue // redelivered (after AckWait): held or committed
			}
			s.fail(fmt.Errorf("%w: %s:%d after %s:%d", ErrOutOfOrder, s.stream, seq, s.stream, s.highest))
			return
		}
		s.mu.Unlock()
		e.id = s.stream + ":" + strconv.FormatUint(seq, 10)
		if ev, err := s.decode(msg.Data()); err != nil {
			e.bad = &BadMessage{Stream: s.stream, Seq: seq, Subject: msg.Subject(), Err: err}
			if !s.cfg.stopOnBad {
				if s.cfg.onBad != nil {
					s.cfg.onBad(e.bad)
				} else if s.cfg.logger != nil {
					s.cfg.logger.Warn("fwnats: malformed message, terminated at commit",
						"stream", s.stream, "seq", seq, "subject", msg.Subject(), "error", redact(err.Error()))
				}
			}
		} else {
			e.ev = ev
		}
		s.mu.Lock()
		s.highest = seq
		s.buf = append(s.buf, e)
		if s.cfg.endCaught && seq >= s.until {
			s.ended = true
		}
		ended := s.ended
		s.mu.Unlock()
		s.signal(s.ready)
		if ended {
			s.it.Stop()
			return
		}
	}
}

var (
	quoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
	number = regexp.MustCompile(`(^|[\s(\[:=,])(column )?[-+]?[0-9][0-9a-zA-Z.+-]*`)
)

// redact replaces the quoted strings and the numbers of a decoder's error
// (but a column number) by "…".
func redact(msg string) string {
	msg = quoted.ReplaceAllLiteralString(msg, `"…"`)
	return number.ReplaceAllStringFunc(msg, func(s string) string {
		if strings.Contains(s, "column ") {
			return s
		}
		if c := s[0]; c >= '0' && c <= '9' || c == '-' || c == '+' {
			return "…" // at the start
		}
		return s[:1] + "…"
	})
}

// lastSeq returns the sequence of the last message of the consumer's stream
// that its filters match (0: none).
func lastSeq(ctx context.Context, js jetstream.JetStream, info *jetstream.ConsumerInfo) (uint64, error) {
	st, err := js.Stream(ctx, info.Stream)
	if err != nil {
		return 0, err
	}
	filters := info.Config.FilterSubjects
	if info.Config.FilterSubject != "" {
		filters = append(filters, info.Config.FilterSubject)
	}
	if len(filters) == 0 {
		filters = []string{">"}
	}
	var last uint64
	for _, f := range filters {
		m, err := st.GetLastMsgForSubject(ctx, f)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		if err != nil {
			return 0, err
		}
		last = max(last, m.Sequence)
	}
	return last, nil
}

// known reports whether seq is held (read and not committed). s.mu is held.
func (s *Source[E]) known(seq uint64) bool {
	for _, l := range [][]entry[E]{s.pending, s.buf} {
		i := sort.Search(len(l), func(i int) bool { return l[i].seq >= seq })
		if i < len(l) && l[i].seq == seq {
			return true
		}
	}
	return false
}

func (s *Source[E]) fail(err error) {
	s.mu.Lock()
	if s.err == nil {
		s.err = err
	}
	s.ended = true
	s.mu.Unlock()
	s.it.Stop()
}

// Ready receives when Pull may have more events.
func (s *Source[E]) Ready() <-chan struct{} { return s.ready }

// Pull hands up to max ready events to emit, in stream order, without
// blocking, each with its id "<stream>:<stream sequence>", and reports
// whether the source has ended (fw.Stream).
func (s *Source[E]) Pull(max int, emit func(id string, ev E)) (done bool, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n, took := 0, 0
	for took < len(s.buf) && n < max {
		e := &s.buf[took]
		if e.bad != nil {
			if s.cfg.stopOnBad {
				if took == 0 {
					return true, e.bad // left unacknowledged
				}
				break // hand over the events before it first
			}
			s.bad++
		} else {
			emit(e.id, e.ev)
			n++
		}
		took++
	}
	if took > 0 {
		s.pending = append(s.pending, s.buf[:took]...)
		clear(s.buf[:took])
		s.buf = append(s.buf[:0], s.buf[took:]...)
		s.pulled += int64(n)
		s.signal(s.space)
	}
	if len(s.buf) > 0 {
		s.signal(s.ready) // more is ready now
		return false, nil
	}
	if s.err != nil {
		return true, s.err
	}
	return s.ended, nil
}

// Commit acknowledges the messages of the first n events pulled (and the
// malformed messages pulled with them): terminated for malformed ones,
// acknowledged for the others, in stream order; it waits for the server's
// confirmation of the last acknowledgement (fw.Committer).
func (s *Source[E]) Commit(n int64) error {
	if n <= s.committed {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), ackTimeout)
	defer cancel()
	s.mu.Lock()
	want := n - s.committed
	k := 0 // entries committed
	for k < len(s.pending) {
		if s.pending[k].bad == nil {
			if want == 0 {
				break
			}
			want--
		}
		k++
	}
	if want > 0 {
		s.mu.Unlock()
		return fmt.Errorf("fwnats: commit of %d events, %d pulled", n, s.pulled)
	}
	batch := make([]entry[E], k)
	copy(batch, s.pending[:k])
	if k > 0 {
		s.floor = batch[k-1].seq
	}
	clear(s.pending[:k])
	s.pending = append(s.pending[:0], s.pending[k:]...)
	s.mu.Unlock()
	s.committed = n
	for i, e := range batch {
		last := i == len(batch)-1
		var err error
		switch {
		case e.bad != nil:
			err = e.msg.TermWithReason("fwnats: malformed")
		case last:
			err = e.msg.DoubleAck(ctx)
		case s.ack == jetstream.AckExplicitPolicy:
			err = e.msg.Ack()
		}
		if err != nil {
			return fmt.Errorf("fwnats: acknowledging %s: %w", e.id, err)
		}
		if last && e.bad != nil {
			if err := s.js.Conn().FlushWithContext(ctx); err != nil {
				return fmt.Errorf("fwnats: acknowledging %s: %w", e.id, err)
			}
		}
	}
	return nil
}

// ackTimeout bounds the wait for the server's confirmation of a commit.
const ackTimeout = 10 * time.Second

// Stop ends the reading (the run calls it when it returns); nothing more is
// acknowledged. What was read and not committed comes again to the next
// source of the consumer.
func (s *Source[E]) Stop() {
	s.once.Do(func() {
		s.mu.Lock()
		s.stopped = true
		s.mu.Unlock()
		s.signal(s.space)
		if s.it != nil {
			s.it.Stop()
		}
	})
	<-s.done
}

// SourceStats counts what a source did.
type SourceStats struct {
	Pulled    int64 // events handed to the engine
	Committed int64 // events committed (acknowledged)
	Malformed int64 // messages that did not decode
}

// Stats returns the source's counts. Call it from the goroutine that runs
// the pipeline, or after Run returned.
func (s *Source[E]) Stats() SourceStats {
	return SourceStats{Pulled: s.pulled, Committed: s.committed, Malformed: s.bad}
}
