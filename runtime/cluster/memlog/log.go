package memlog

import (
	"context"
	"sync"
	"time"

	"github.com/fwgo/fw/runtime/cluster"
)

// DefaultLeaseTTL is the lease TTL of New.
const DefaultLeaseTTL = 3 * time.Second

// Log is an in-memory cluster.Log for one process. Its clock is the wall clock plus
// whatever Advance added.
type Log struct {
	mu     sync.Mutex
	s      *store
	offset time.Duration
	wake   chan struct{} // closed and replaced on every change
}

// New returns an empty Log whose lease expires after ttl without renewal (0: DefaultLeaseTTL).
func New(ttl time.Duration) *Log {
	if ttl <= 0 {
		ttl = DefaultLeaseTTL
	}
	return &Log{s: newStore(ttl), wake: make(chan struct{})}
}

var _ cluster.Log = (*Log)(nil)

// Advance moves the Log's clock forward by d.
func (l *Log) Advance(d time.Duration) {
	l.mu.Lock()
	l.offset += d
	l.changed()
	l.mu.Unlock()
}

func (l *Log) changed() {
	close(l.wake)
	l.wake = make(chan struct{})
}

// Now implements cluster.Log.
func (l *Log) Now() time.Time {
	l.mu.Lock()
	defer l.mu.Unlock()
	return time.Now().Add(l.offset)
}

// Publish implements cluster.Log.
func (l *Log) Publish(ctx context.Context, fs []cluster.Frame) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := l.s.checkFrames(fs); err != nil {
		return err
	}
	l.s.publish(fs)
	l.changed()
	return nil
}

// Append implements cluster.Log.
func (l *Log) Append(ctx context.Context, c *cluster.Commit) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := l.s.append(c); err != nil {
		return err
	}
	l.changed()
	return nil
}

// Lease implements cluster.Log.
func (l *Log) Lease(ctx context.Context, member string) (uint64, bool, error) {
	if err := ctx.Err(); err != nil {
		return 0, false, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	e, held := l.s.lease(member, time.Now().Add(l.offset))
	return e, held, nil
}

// Beat implements cluster.Log.
func (l *Log) Beat(ctx context.Context, member string, inc uint64) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.s.beat(member, inc, time.Now().Add(l.offset))
	return nil
}

// Members implements cluster.Log.
func (l *Log) Members(ctx context.Context) ([]cluster.Member, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.s.memberList(), nil
}

// Entries returns the log's entries so far (shared: do not change them).
func (l *Log) Entries() []cluster.Entry {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.s.entries[:len(l.s.entries):len(l.s.entries)]
}

// Read implements cluster.Log.
func (l *Log) Read(ctx context.Context, from uint64) (cluster.Cursor, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if from == 0 {
		from = 1
	}
	return &cursor{l: l, next: from}, nil
}

type cursor struct {
	l      *Log
	next   uint64
	closed bool
}

func (c *cursor) Next(ctx context.Context, wait time.Duration) (cluster.Entry, bool, error) {
	var timer <-chan time.Time
	if wait >= 0 {
		t := time.NewTimer(wait)
		defer t.Stop()
		timer = t.C
	}
	for {
		if err := ctx.Err(); err != nil {
			return cluster.Entry{}, false, err
		}
		c.l.mu.Lock()
		if c.closed {
			c.l.mu.Unlock()
			return cluster.Entry{}, false, errClosed
		}
		if c.next <= uint64(len(c.l.s.entries)) {
			e := c.l.s.entries[c.next-1]
			c.next++
			c.l.mu.Unlock()
			return e, true, nil
		}
		wake := c.l.wake
		c.l.mu.Unlock()
		select {
		case <-wake:
		case <-timer:
			return cluster.Entry{}, false, nil
		case <-ctx.Done():
			return cluster.Entry{}, false, ctx.Err()
		}
	}
}

func (c *cursor) Close() error {
	c.l.mu.Lock()
	c.closed = true
	c.l.mu.Unlock()
	return nil
}
