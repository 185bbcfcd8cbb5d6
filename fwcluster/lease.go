package fwcluster

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/fwgo/fw/runtime/cluster"
	"github.com/nats-io/nats.go/jetstream"
)

// The coordinator lease is the key "leader", whose value is "<epoch>
// <member>". Its holder renews it by updating the key at its revision; a
// member that sees the same revision for LeaseTTL (on its own clock: no
// clocks are compared) takes it over with an update at that revision, so of
// two candidates one wins. The epoch is the revision of the update that
// acquired the lease (written as 0 by the acquiring write, which cannot know
// its own revision), so renewals keep it.
const leaderKey = "leader"

type leaseObs struct {
	rev  uint64
	seen time.Time // when this Log first saw rev
}

type leaseCache struct {
	epoch uint64
	at    time.Time // the last renewal
}

func leaderValue(epoch uint64, member string) []byte {
	return []byte(strconv.FormatUint(epoch, 10) + " " + member)
}

func parseLeader(e jetstream.KeyValueEntry) (epoch uint64, member string, err error) {
	s, m, ok := strings.Cut(string(e.Value()), " ")
	if !ok {
		return 0, "", fmt.Errorf("fwcluster: leader value %q", e.Value())
	}
	epoch, err = strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0, "", fmt.Errorf("fwcluster: leader value %q", e.Value())
	}
	if epoch == 0 {
		epoch = e.Revision()
	}
	return epoch, m, nil
}

// Lease makes member the coordinator if the lease is free or expired, or
// renews it if member holds it. It returns the lease's epoch (the holder's,
// when held is false). A holder that renewed less than LeaseTTL/4 ago is
// answered without a round trip.
func (l *Log) Lease(ctx context.Context, member string) (uint64, bool, error) {
	if !memberName.MatchString(member) {
		return 0, false, fmt.Errorf("fwcluster: member name %q: want 1-64 letters, digits, '-' or '_'", member)
	}
	if err := ctx.Err(); err != nil {
		return 0, false, err
	}
	now := l.Now()
	l.mu.Lock()
	if c, ok := l.held[member]; ok && now.Sub(c.at) < l.o.leaseTTL/4 {
		l.mu.Unlock()
		return c.epoch, true, nil
	}
	l.mu.Unlock()
	for try := 0; ; try++ {
		tctx, cancel := context.WithTimeout(ctx, l.o.ackWait)
		epoch, held, err := l.lease(tctx, member, now)
		cancel()
		if err == nil || !transient(err) {
			return epoch, held, err
		}
		if err := pause(ctx, try); err != nil {
			return 0, false, err
		}
		now = l.Now()
	}
}

func (l *Log) lease(ctx context.Context, member string, now time.Time) (uint64, bool, error) {
	won := func(epoch uint64) (uint64, bool, error) {
		l.mu.Lock()
		l.held[member] = leaseCache{epoch: epoch, at: now}
		l.mu.Unlock()
		return epoch, true, nil
	}
	lost := func(epoch uint64) (uint64, bool, error) {
		l.mu.Lock()
		delete(l.held, member)
		l.mu.Unlock()
		return epoch, false, nil
	}
	e, err := l.kv.Get(ctx, leaderKey)
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		rev, err := l.kv.Create(ctx, leaderKey, leaderValue(0, member))
		if errors.Is(err, jetstream.ErrKeyExists) {
			return l.lease(ctx, member, now) // someone else created it first
		}
		if err != nil {
			return 0, false, err
		}
		return won(rev)
	}
	if err != nil {
		return 0, false, err
	}
	epoch, holder, err := parseLeader(e)
	if err != nil {
		return 0, false, err
	}
	if holder == member {
		_, err := l.kv.Update(ctx, leaderKey, leaderValue(epoch, member), e.Revision())
		if errors.Is(err, jetstream.ErrKeyExists) {
			return l.lease(ctx, member, now) // taken over since Get
		}
		if err != nil {
			return 0, false, err
		}
		return won(epoch)
	}
	l.mu.Lock()
	if l.leader.rev != e.Revision() {
		l.leader = leaseObs{rev: e.Revision(), seen: now}
	}
	expired := now.Sub(l.leader.seen) >= l.o.leaseTTL
	l.mu.Unlock()
	if !expired {
		return lost(epoch)
	}
	rev, err := l.kv.Update(ctx, leaderKey, leaderValue(0, member), e.Revision())
	if errors.Is(err, jetstream.ErrKeyExists) {
		return l.lease(ctx, member, now)
	}
	if err != nil {
		return 0, false, err
	}
	return won(rev)
}

// Heartbeats: the key member.<name> holds "<incarnation> <unix nanos>", the
// member's incarnation and the time of its last Beat on its clock. A watcher
// of member.* keeps the Log's view of them, and the Log remembers the beats
// it wrote itself: Members merges the two (the later revision wins), so a
// Log reads its own beats at once, and a lagging watcher (a server restart)
// never holds a caller up.

type beatRev struct {
	rev uint64
	m   cluster.Member
}

// Beat records that member (in its incarnation) is alive now.
func (l *Log) Beat(ctx context.Context, member string, incarnation uint64) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if !memberName.MatchString(member) {
		return fmt.Errorf("fwcluster: member name %q: want 1-64 letters, digits, '-' or '_'", member)
	}
	now := l.Now().UnixNano()
	v := []byte(strconv.FormatUint(incarnation, 10) + " " + strconv.FormatInt(now, 10))
	for try := 0; ; try++ {
		tctx, cancel := context.WithTimeout(ctx, l.o.ackWait)
		rev, err := l.kv.Put(tctx, "member."+member, v)
		cancel()
		if err == nil {
			l.mu.Lock()
			if rev > l.mine[member].rev {
				l.mine[member] = beatRev{rev, cluster.Member{Name: member, Incarnation: incarnation, Beat: now}}
			}
			l.mu.Unlock()
			return nil
		}
		if !transient(err) {
			return fmt.Errorf("fwcluster: beat: %w", err)
		}
		if err := pause(ctx, try); err != nil {
			return err
		}
	}
}

// Members returns every member that ever beat, sorted by name, with its
// last beat as this Log has seen it (its own Beats included). Its first
// call starts the watcher and waits for the bucket's current beats (a
// watcher not ready within AckWait is made again).
func (l *Log) Members(ctx context.Context) ([]cluster.Member, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for try := 0; ; try++ {
		wt := l.watch()
		t := time.NewTimer(l.o.ackWait)
		select {
		case <-wt.ready:
			t.Stop()
			return l.members(), nil
		case <-ctx.Done():
			t.Stop()
			return nil, ctx.Err()
		case <-t.C:
			l.dropWatch(wt)
		}
		if err := pause(ctx, try); err != nil {
			return nil, err
		}
	}
}

func (l *Log) members() []cluster.Member {
	l.mu.Lock()
	all := make(map[string]cluster.Member, len(l.beats)+len(l.mine))
	for name, b := range l.beats {
		all[name] = b.m
	}
	for name, b := range l.mine {
		if b.rev > l.beats[name].rev {
			all[name] = b.m
		}
	}
	l.mu.Unlock()
	out := make([]cluster.Member, 0, len(all))
	for _, m := range all {
		out = append(out, m)
	}
	slices.SortFunc(out, func(a, b cluster.Member) int { return strings.Compare(a.Name, b.Name) })
	return out
}

func parseBeat(name string, v []byte) (cluster.Member, bool) {
	a, b, ok := strings.Cut(string(v), " ")
	inc, err1 := strconv.ParseUint(a, 10, 64)
	at, err2 := strconv.ParseInt(b, 10, 64)
	if !ok || err1 != nil || err2 != nil {
		return cluster.Member{}, false
	}
	return cluster.Member{Name: name, Incarnation: inc, Beat: at}, true
}

// watcher is the heartbeat watcher: ready is closed when it has the
// bucket's current beats; cancel stops it.
type watcher struct {
	ready  chan struct{}
	cancel func()
}

// watch returns the heartbeat watcher, starting one if there is none. It is
// made in the background: the request may be lost in a server restart.
func (l *Log) watch() *watcher {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.wat != nil {
		return l.wat
	}
	// The watcher lives until Close (or dropWatch), not until a caller's
	// context: its subscription is bound to the context it is made with.
	ctx, cancel := context.WithCancel(context.Background())
	wt := &watcher{ready: make(chan struct{}), cancel: cancel}
	l.wat = wt
	go func() {
		w, err := l.kv.Watch(ctx, "member.*")
		if err != nil {
			l.dropWatch(wt)
			return
		}
		go func() {
			<-ctx.Done()
			_ = w.Stop()
		}()
		ready := false
		for e := range w.Updates() {
			if e == nil {
				if !ready {
					ready = true
					close(wt.ready)
				}
				continue
			}
			name := strings.TrimPrefix(e.Key(), "member.")
			l.mu.Lock()
			if l.wat == wt {
				if m, ok := parseBeat(name, e.Value()); ok && e.Operation() == jetstream.KeyValuePut {
					l.beats[name] = beatRev{e.Revision(), m}
				} else {
					delete(l.beats, name)
				}
			}
			l.mu.Unlock()
		}
	}()
	return wt
}

// dropWatch stops wt and forgets it, so that the next Members makes another.
func (l *Log) dropWatch(wt *watcher) {
	l.mu.Lock()
	if l.wat == wt {
		l.wat = nil
	}
	l.mu.Unlock()
	wt.cancel()
}
