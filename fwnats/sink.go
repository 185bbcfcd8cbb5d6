package fwnats

import (
	"context"
	"fmt"
	"slices"

	"github.com/fwgo/fw/runtime/fw"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Event is what a generated package's events implement (its Event interface
// does).
type Event interface {
	EventName() string
}

// SinkOption configures a Sink.
type SinkOption func(*sinkConfig)

type sinkConfig struct {
	window int
	header string
}

// Window sets how many publishes the sink has in flight at most before it
// waits for their acknowledgements (default 256).
func Window(n int) SinkOption {
	return func(c *sinkConfig) {
		if n > 0 {
			c.window = n
		}
	}
}

// EventHeader sets the header that carries the event's name (default
// "Fw-Event"; empty: none).
func EventHeader(name string) SinkOption {
	return func(c *sinkConfig) { c.header = name }
}

// Sink publishes events to JetStream subjects, each with its causal id as
// Nats-Msg-Id, so that the stream's duplicate window drops what a restarted
// run publishes again.
type Sink[E Event] struct {
	js       jetstream.JetStream
	subjects map[string]string
	encode   func(E) ([]byte, error)
	cfg      sinkConfig

	futs []jetstream.PubAckFuture // in flight; each message carries its id (Nats-Msg-Id)

	published  int64
	duplicates int64
}

// NewSink returns a sink that publishes, through js, each event whose name
// is a key of subjects to the subject it maps to, encoded by encode (a
// generated package's EncodeJSON). Give it to a run with its Option method
// (fw.WithSink for the event types it publishes).
func NewSink[E Event](js jetstream.JetStream, subjects map[string]string, encode func(E) ([]byte, error), opts ...SinkOption) *Sink[E] {
	cfg := sinkConfig{window: 256, header: "Fw-Event"}
	for _, o := range opts {
		o(&cfg)
	}
	m := make(map[string]string, len(subjects))
	for k, v := range subjects {
		m[k] = v
	}
	return &Sink[E]{js: js, subjects: m, encode: encode, cfg: cfg}
}

// Names returns the names of the event types the sink publishes, sorted.
func (s *Sink[E]) Names() []string {
	names := make([]string, 0, len(s.subjects))
	for k := range s.subjects {
		names = append(names, k)
	}
	slices.Sort(names)
	return names
}

// Option returns the run option that adds the sink for its event types:
// fw.WithSink(s, s.Names()...).
func (s *Sink[E]) Option() fw.Option { return fw.WithSink(s, s.Names()...) }

// Publish publishes msgs in order and returns once the server has
// acknowledged every one of them (stored, or dropped as a duplicate of a
// message with the same id). An event of a type the sink does not take is
// skipped. On an error, some of msgs may have been stored: the run stops,
// and a restarted run publishes them again under the same ids.
func (s *Sink[E]) Publish(ctx context.Context, msgs []fw.SinkMsg) error {
	for i := range msgs {
		name := msgs[i].Event
		subj, ok := s.subjects[name]
		if !ok {
			continue
		}
		ev, ok := msgs[i].Value.(E)
		if !ok {
			return fmt.Errorf("fwnats: %s %s: a %T is not an event of the sink's package", name, msgs[i].ID, msgs[i].Value)
		}
		data, err := s.encode(ev)
		if err != nil {
			return fmt.Errorf("fwnats: encoding %s %s: %w", name, msgs[i].ID, err)
		}
		m := &nats.Msg{Subject: subj, Data: data, Header: nats.Header{}}
		if s.cfg.header != "" {
			m.Header.Set(s.cfg.header, name)
		}
		if len(s.futs) == s.cfg.window {
			if err := s.wait(ctx); err != nil {
				return err
			}
		}
		f, err := s.js.PublishMsgAsync(m, jetstream.WithMsgID(msgs[i].ID))
		if err != nil {
			return fmt.Errorf("fwnats: publishing %s to %s: %w", msgs[i].ID, subj, err)
		}
		s.futs = append(s.futs, f)
	}
	return s.wait(ctx)
}

// wait waits for the acknowledgements of the publishes in flight.
func (s *Sink[E]) wait(ctx context.Context) error {
	defer func() {
		clear(s.futs)
		s.futs = s.futs[:0]
	}()
	for _, f := range s.futs {
		select {
		case ack := <-f.Ok():
			s.published++
			if ack.Duplicate {
				s.duplicates++
			}
		case err := <-f.Err():
			m := f.Msg()
			return fmt.Errorf("fwnats: publishing %s to %s: %w", m.Header.Get(jetstream.MsgIDHeader), m.Subject, err)
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

// SinkStats counts what a sink did.
type SinkStats struct {
	Published  int64 // messages acknowledged by the server
	Duplicates int64 // of which dropped as duplicates (a restarted run's)
}

// Stats returns the sink's counts. Call it from the goroutine that runs the
// pipeline, or after Run returned.
func (s *Sink[E]) Stats() SinkStats {
	return SinkStats{Published: s.published, Duplicates: s.duplicates}
}
