package fwcluster

import (
	"context"
	"fmt"
	"time"

	"github.com/fwgo/fw/runtime/cluster"
	"github.com/nats-io/nats.go/jetstream"
)

// Read returns a cursor over the log's entries (frames and commits, in
// stream order) from stream sequence from on (0 and 1: from the start). An
// Entry's Seq is its stream sequence. The cursor is an ordered consumer: it
// follows the log as it grows, rides out reconnects and server restarts (it
// resumes after the last entry it returned), and never returns an entry
// twice or out of order.
func (l *Log) Read(ctx context.Context, from uint64) (cluster.Cursor, error) {
	it, err := l.messages(ctx, from)
	if err != nil {
		return nil, err
	}
	return &cursor{l: l, it: it, after: max(from, 1) - 1}, nil
}

// messages is an ordered consumer's iterator from stream sequence from on.
func (l *Log) messages(ctx context.Context, from uint64) (jetstream.MessagesContext, error) {
	cfg := jetstream.OrderedConsumerConfig{FilterSubjects: []string{"fwc." + l.run + ".>"}}
	if from > 1 {
		cfg.DeliverPolicy, cfg.OptStartSeq = jetstream.DeliverByStartSequencePolicy, from
	}
	var cons jetstream.Consumer
	err := retry(ctx, l.o.ackWait, func(ctx context.Context) error {
		var err error
		cons, err = l.stream.OrderedConsumer(ctx, cfg)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("fwcluster: read: %w", err)
	}
	// Heartbeats every second: a consumer lost with its server (R3: the
	// server that held it died) is noticed after 2 s and made again.
	it, err := cons.Messages(jetstream.PullMaxMessages(1024), jetstream.PullExpiry(5*time.Second), jetstream.PullHeartbeat(time.Second))
	if err != nil {
		return nil, fmt.Errorf("fwcluster: read: %w", err)
	}
	return it, nil
}

// stallAfter is how long a cursor that knows of stored entries waits for
// the next before it makes its consumer again (after a stream leader's
// change, a consumer can go on heartbeating without delivering).
const stallAfter = 5 * time.Second

type cursor struct {
	l       *Log
	it      jetstream.MessagesContext
	after   uint64    // the last stream sequence returned
	known   bool      // pending is known: an entry was delivered
	pending uint64    // entries stored after the last one delivered, when it was delivered
	checked time.Time // when behind last asked the server
}

// behind reports whether entries are stored that the cursor has not
// returned yet: the pending count of the last delivery, or the stream's last
// sequence.
func (c *cursor) behind(ctx context.Context) (bool, error) {
	if c.known && c.pending > 0 {
		return true, nil
	}
	// The last delivery said "nothing after me", but entries may have been
	// stored since, which a consumer that lost its way (a stream leader's
	// change) does not deliver: ask the server, at most once a second.
	if c.known && time.Since(c.checked) < time.Second {
		return false, nil
	}
	c.checked = time.Now()
	var last uint64
	err := retry(ctx, c.l.o.ackWait, func(ctx context.Context) error {
		info, err := c.l.stream.Info(ctx)
		if err == nil {
			last = info.State.LastSeq
		}
		return err
	})
	return last > c.after, err
}

// Next returns the next entry, waiting for it at most wait (a negative wait:
// until there is one or ctx is done). An entry already stored when the wait
// ends is waited for until it arrives (the consumer delivers it): "none
// within wait" means that the cursor is at the end of the log.
func (c *cursor) Next(ctx context.Context, wait time.Duration) (cluster.Entry, bool, error) {
	if err := ctx.Err(); err != nil {
		return cluster.Entry{}, false, err
	}
	wctx := ctx
	stalled := false // the last wait was for a stored entry
	if wait >= 0 {
		var cancel context.CancelFunc
		wctx, cancel = context.WithTimeout(ctx, max(wait, time.Millisecond))
		defer cancel()
	}
	for {
		m, err := c.it.Next(jetstream.NextContext(wctx))
		if err != nil {
			if ctx.Err() != nil {
				return cluster.Entry{}, false, ctx.Err()
			}
			if wctx.Err() != nil {
				more, err := c.behind(ctx)
				if err != nil {
					return cluster.Entry{}, false, fmt.Errorf("fwcluster: read: %w", err)
				}
				if !more {
					return cluster.Entry{}, false, nil
				}
				if stalled {
					// Stored, yet not delivered for stallAfter: a new consumer
					// after the last entry returned.
					it, err := c.l.messages(ctx, c.after+1)
					if err != nil {
						return cluster.Entry{}, false, err
					}
					c.it.Stop()
					c.it = it
				}
				// Stored: it comes. Wait again, and make the consumer
				// again if it does not.
				var cancel context.CancelFunc
				wctx, cancel = context.WithTimeout(ctx, stallAfter)
				defer cancel()
				stalled = true
				continue
			}
			return cluster.Entry{}, false, fmt.Errorf("fwcluster: read: %w", err)
		}
		meta, err := m.Metadata()
		if err != nil {
			return cluster.Entry{}, false, fmt.Errorf("fwcluster: read: %w", err)
		}
		seq := meta.Sequence.Stream
		if seq <= c.after {
			continue // a consumer reset delivered it again
		}
		c.after, c.known, c.pending = seq, true, meta.NumPending
		e := cluster.Entry{Seq: seq}
		switch m.Subject() {
		case c.l.subjF:
			e.Frame, err = cluster.DecodeFrame(m.Data())
		case c.l.subjC:
			e.Commit, err = cluster.DecodeCommit(m.Data())
			if err == nil {
				c.l.saw(e.Commit.Seq, seq)
			}
		default:
			continue // not ours: another writer's subject under fwc.<run>.>
		}
		if err != nil {
			return cluster.Entry{}, false, fmt.Errorf("fwcluster: entry %d on %s: %w", seq, m.Subject(), err)
		}
		return e, true, nil
	}
}

func (c *cursor) Close() error {
	c.it.Stop()
	return nil
}
