package memlog

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/fwgo/fw/runtime/cluster"
)

// Faults are the probabilities of the Sim's faults, each per chance to happen.
type Faults struct {
	Drop             float64 // a Publish, Append, Lease or Beat is lost and fails; the caller retries
	Dup              float64 // it is stored but its acknowledgement is lost: the retry stores frames again
	Delay            float64 // a cursor sees the next entry only after a virtual delay; a publish stores its frames shuffled
	CrashInHandler   float64 // a member crashes at a Point (in a handler)
	CrashInPublish   float64 // a member crashes after storing part of a Publish
	CrashCoordinator float64 // a member crashes right after an Append (it held the lease)
	Zombie           float64 // a member stops beating for a while (at each Beat) but goes on working
	MaxCrashes       int     // crashes per run, all kinds together
}

// DefaultFaults is a schedule with every fault.
var DefaultFaults = Faults{Drop: 0.05, Dup: 0.05, Delay: 0.1, CrashInHandler: 0.02, CrashInPublish: 0.05, CrashCoordinator: 0.05, Zombie: 0.01, MaxCrashes: 3}

// Sim is a deterministic simulation of a distributed run over one in-memory log. Members
// run as goroutines, but only one runs at a time: every Log call blocks until the Sim
// grants it, and the Sim grants one call, chosen by its seeded generator, only when every
// member is blocked. When no call can be granted, the virtual clock jumps to the next
// timer (a cursor's wait, a delayed entry, a member's restart). So a seed is one schedule,
// replayed exactly, faults included. (A member that starts runs beside the others until
// its first Log call: what it does before must not depend on them.)
type Sim struct {
	f   Faults
	rng *rand.Rand

	mu       sync.Mutex
	st       *store
	now      time.Time
	actors   []*actor // every live actor, in start order
	running  int      // actors not blocked in a Log call
	restarts []restart
	crashes  int
	zombie   map[string]time.Time // member: beats dropped until then
	incs     map[string]int
	trace    []string
	err      error
	finished chan struct{}
	start    func(ctx context.Context, name string, l cluster.Log) error
	ctx      context.Context
	seed     uint64
}

type actor struct {
	name    string
	inc     int
	ctx     context.Context
	cancel  context.CancelFunc
	crashed bool
	wait    *pending
	wake    chan struct{}
}

// pending is a blocked Log call: a cursor's Next has cur set.
type pending struct {
	what     string
	cur      *simCursor
	deadline time.Time // Next: zero waits for ever
}

type restart struct {
	name string
	at   time.Time
}

// NewSim returns a Sim for seed and faults.
func NewSim(seed uint64, f Faults) *Sim {
	return &Sim{f: f, seed: seed, rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), st: newStore(DefaultLeaseTTL),
		now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), zombie: map[string]time.Time{}, incs: map[string]int{}}
}

// Trace is what happened, one line per granted call or fault.
func (s *Sim) Trace() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.trace)
}

// Entries is the log as it stands.
func (s *Sim) Entries() []cluster.Entry {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.st.entries)
}

func (s *Sim) logf(format string, args ...any) {
	s.trace = append(s.trace, fmt.Sprintf("%8.3fs ", s.now.Sub(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)).Seconds())+fmt.Sprintf(format, args...))
}

// Run runs members, each by calling start with its name and its Log, until every start
// returned nil. A member that crashes is restarted by calling start again after a seeded
// virtual delay; one whose start returns cluster.ErrRejoin at once. Any other error ends
// the run and is returned, as is a deadlock (no member can ever proceed).
func (s *Sim) Run(ctx context.Context, members []string, start func(ctx context.Context, name string, l cluster.Log) error) error {
	s.mu.Lock()
	s.start, s.ctx = start, ctx
	finished := make(chan struct{})
	s.finished = finished
	for _, m := range members {
		s.spawn(m)
	}
	s.mu.Unlock()
	select {
	case <-finished:
	case <-ctx.Done():
		s.mu.Lock()
		s.fail(ctx.Err())
		s.mu.Unlock()
		<-finished
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// spawn starts an incarnation of member name (s.mu held).
func (s *Sim) spawn(name string) {
	s.incs[name]++
	ctx, cancel := context.WithCancel(s.ctx)
	a := &actor{name: name, inc: s.incs[name], ctx: ctx, cancel: cancel, wake: make(chan struct{}, 1)}
	s.actors = append(s.actors, a)
	s.running++
	s.logf("%s#%d starts", name, a.inc)
	go func() {
		err := s.start(ctx, name, &simLog{s: s, a: a})
		s.mu.Lock()
		defer s.mu.Unlock()
		a.cancel()
		s.actors = slices.DeleteFunc(s.actors, func(b *actor) bool { return b == a })
		s.running--
		switch {
		case s.err != nil:
		case a.crashed:
			d := time.Duration(s.rng.Int64N(int64(6 * time.Second)))
			s.restarts = append(s.restarts, restart{name, s.now.Add(d)})
			s.logf("%s#%d down (%v), restart in %v", name, a.inc, err, d)
		case errors.Is(err, cluster.ErrRejoin):
			s.logf("%s#%d rejoins", name, a.inc)
			s.spawn(name)
		case err != nil:
			s.logf("%s#%d fails: %v", name, a.inc, err)
			s.fail(fmt.Errorf("member %s: %w", name, err))
		default:
			s.logf("%s#%d done", name, a.inc)
		}
		s.schedule()
	}()
}

// fail ends the run with err (s.mu held).
func (s *Sim) fail(err error) {
	if s.err == nil {
		s.err = err
	}
	s.restarts = nil
	for _, a := range s.actors {
		a.cancel()
		if a.wait != nil {
			a.wait = nil
			s.running++
			a.wake <- struct{}{}
		}
	}
}

// crash crashes a (s.mu held): its calls fail from now on, and Run restarts it later.
func (s *Sim) crash(a *actor, where string) {
	s.crashes++
	a.crashed = true
	a.cancel()
	s.logf("%s#%d CRASH %s", a.name, a.inc, where)
}

func (s *Sim) canCrash(p float64) bool {
	return s.crashes < s.f.MaxCrashes && p > 0 && s.rng.Float64() < p
}

// Point is called by a member's handlers: the member may crash here (its Log calls fail
// from now on, so whatever it did since its last call is lost).
func (s *Sim) Point(member, where string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, a := range s.actors {
		if a.name == member && a.ctx.Err() == nil && s.canCrash(s.f.CrashInHandler) {
			s.crash(a, "in handler at "+where)
		}
	}
}

// Spend is called by a member's handlers: the handler takes d of virtual time (the
// clock moves on while the member runs, as it does for a slow handler).
func (s *Sim) Spend(d time.Duration) {
	s.mu.Lock()
	s.now = s.now.Add(d)
	s.mu.Unlock()
}

// block parks a until the Sim grants its call (s.mu held; returned held).
func (s *Sim) block(a *actor, p *pending) error {
	if err := a.ctx.Err(); err != nil {
		return err
	}
	a.wait = p
	s.running--
	s.schedule()
	s.mu.Unlock()
	<-a.wake
	s.mu.Lock()
	return a.ctx.Err()
}

// schedule grants one call if no actor runs (s.mu held).
func (s *Sim) schedule() {
	if s.running > 0 {
		return
	}
	for {
		if len(s.actors) == 0 && len(s.restarts) == 0 {
			if s.finished != nil {
				close(s.finished)
				s.finished = nil
			}
			return
		}
		var ready []*actor
		for _, a := range s.actors {
			if a.wait != nil && s.grantable(a.wait) {
				ready = append(ready, a)
			}
		}
		var due []int
		for i, r := range s.restarts {
			if !r.at.After(s.now) {
				due = append(due, i)
			}
		}
		if n := len(ready) + len(due); n > 0 {
			k := s.rng.IntN(n)
			if k < len(due) {
				r := s.restarts[due[k]]
				s.restarts = slices.Delete(s.restarts, due[k], due[k]+1)
				s.spawn(r.name)
				return
			}
			a := ready[k-len(due)]
			a.wait = nil
			s.running++
			a.wake <- struct{}{}
			return
		}
		// Nothing can go: jump to the next timer.
		var next time.Time
		consider := func(t time.Time) {
			if !t.IsZero() && t.After(s.now) && (next.IsZero() || t.Before(next)) {
				next = t
			}
		}
		for _, a := range s.actors {
			if p := a.wait; p != nil && p.cur != nil {
				consider(p.deadline)
				if p.cur.next <= uint64(len(s.st.entries)) {
					consider(p.cur.notBefore)
				}
			}
		}
		for _, r := range s.restarts {
			consider(r.at)
		}
		if next.IsZero() {
			var who []string
			for _, a := range s.actors {
				who = append(who, fmt.Sprintf("%s#%d in %s", a.name, a.inc, a.wait.what))
			}
			s.logf("DEADLOCK: %v", who)
			s.fail(fmt.Errorf("memlog.Sim: deadlock (seed %d): %v", s.seed, who))
			return
		}
		s.now = next
	}
}

func (s *Sim) grantable(p *pending) bool {
	if p.cur == nil {
		return true
	}
	if p.cur.next <= uint64(len(s.st.entries)) && !s.now.Before(p.cur.notBefore) {
		return true
	}
	return !p.deadline.IsZero() && !s.now.Before(p.deadline)
}

var (
	errDropped = errors.New("memlog.Sim: message dropped")
	errAckLost = errors.New("memlog.Sim: acknowledgement lost")
)

// simLog is one member incarnation's Log.
type simLog struct {
	s *Sim
	a *actor
}

func (l *simLog) Now() time.Time {
	l.s.mu.Lock()
	defer l.s.mu.Unlock()
	return l.s.now
}

// fault draws the loss of a call: errDropped (not done) or errAckLost (done).
func (s *Sim) fault() error {
	switch x := s.rng.Float64(); {
	case x < s.f.Drop:
		return errDropped
	case x < s.f.Drop+s.f.Dup:
		return errAckLost
	}
	return nil
}

func (l *simLog) Publish(ctx context.Context, fs []cluster.Frame) error {
	s := l.s
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.block(l.a, &pending{what: "publish"}); err != nil {
		return err
	}
	if err := s.st.checkFrames(fs); err != nil {
		return err
	}
	f := s.fault()
	if f == errDropped {
		s.logf("%s#%d publish %s: DROPPED", l.a.name, l.a.inc, frames(fs))
		return f
	}
	fs = slices.Clone(fs)
	if s.f.Delay > 0 && s.rng.Float64() < s.f.Delay {
		s.rng.Shuffle(len(fs), func(i, j int) { fs[i], fs[j] = fs[j], fs[i] })
	}
	if len(fs) > 0 && s.canCrash(s.f.CrashInPublish) {
		k := s.rng.IntN(len(fs))
		s.st.publish(fs[:k])
		s.logf("%s#%d publish %s: %d stored", l.a.name, l.a.inc, frames(fs), k)
		s.crash(l.a, "in publish")
		return l.a.ctx.Err()
	}
	s.st.publish(fs)
	s.logf("%s#%d publish %s%s", l.a.name, l.a.inc, frames(fs), ackNote(f))
	return f
}

func ackNote(err error) string {
	if err != nil {
		return ": ACK LOST"
	}
	return ""
}

func frames(fs []cluster.Frame) string {
	b := []byte{'['}
	for i, f := range fs {
		if i > 0 {
			b = append(b, ' ')
		}
		b = fmt.Appendf(b, "r%d/i%d/a%d/%d", f.Round.N, f.Inst, f.Attempt, f.Index)
		if f.Last {
			b = append(b, '.')
		}
	}
	return string(append(b, ']'))
}

func (l *simLog) Append(ctx context.Context, c *cluster.Commit) error {
	s := l.s
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.block(l.a, &pending{what: "append"}); err != nil {
		return err
	}
	f := s.fault()
	if f == errDropped {
		s.logf("%s#%d append c%d %s: DROPPED", l.a.name, l.a.inc, c.Seq, c.Kind)
		return f
	}
	err := s.st.append(c)
	s.logf("%s#%d append c%d %s %v%s: %v", l.a.name, l.a.inc, c.Seq, c.Kind, commitDetail(c), ackNote(f), err)
	if s.canCrash(s.f.CrashCoordinator) {
		s.crash(l.a, "after append")
		return l.a.ctx.Err()
	}
	if err != nil {
		return err
	}
	return f
}

func commitDetail(c *cluster.Commit) string {
	switch c.Kind {
	case cluster.CommitRound:
		return fmt.Sprintf("%v %v", c.Round, c.Parts)
	case cluster.CommitGenesis, cluster.CommitReassign:
		return fmt.Sprint(c.Moves)
	}
	return c.Err
}

func (l *simLog) Lease(ctx context.Context, member string) (uint64, bool, error) {
	s := l.s
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.block(l.a, &pending{what: "lease"}); err != nil {
		return 0, false, err
	}
	if s.fault() == errDropped {
		return 0, false, errDropped
	}
	was := s.st.holder
	e, held := s.st.lease(member, s.now)
	if held && was != member {
		s.logf("%s#%d takes the lease, epoch %d", l.a.name, l.a.inc, e)
	}
	return e, held, nil
}

func (l *simLog) Beat(ctx context.Context, member string, inc uint64) error {
	s := l.s
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.block(l.a, &pending{what: "beat"}); err != nil {
		return err
	}
	if until, ok := s.zombie[member]; ok && s.now.Before(until) {
		return nil // a zombie's beats vanish
	}
	if s.f.Zombie > 0 && s.rng.Float64() < s.f.Zombie {
		d := time.Duration(2+s.rng.IntN(6)) * time.Second
		s.zombie[member] = s.now.Add(d)
		s.logf("%s#%d ZOMBIE for %v", l.a.name, l.a.inc, d)
		return nil
	}
	if s.fault() == errDropped {
		return errDropped
	}
	s.st.beat(member, inc, s.now)
	return nil
}

func (l *simLog) Members(ctx context.Context) ([]cluster.Member, error) {
	s := l.s
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.block(l.a, &pending{what: "members"}); err != nil {
		return nil, err
	}
	return s.st.memberList(), nil
}

func (l *simLog) Read(ctx context.Context, from uint64) (cluster.Cursor, error) {
	if err := l.a.ctx.Err(); err != nil {
		return nil, err
	}
	if from == 0 {
		from = 1
	}
	return &simCursor{l: l, next: from}, nil
}

type simCursor struct {
	l         *simLog
	next      uint64
	notBefore time.Time
}

func (c *simCursor) Next(ctx context.Context, wait time.Duration) (cluster.Entry, bool, error) {
	s := c.l.s
	s.mu.Lock()
	defer s.mu.Unlock()
	p := &pending{what: "next", cur: c}
	if wait >= 0 {
		p.deadline = s.now.Add(wait)
	}
	if err := s.block(c.l.a, p); err != nil {
		return cluster.Entry{}, false, err
	}
	if c.next > uint64(len(s.st.entries)) || s.now.Before(c.notBefore) {
		return cluster.Entry{}, false, nil
	}
	e := s.st.entries[c.next-1]
	c.next++
	if s.f.Delay > 0 && s.rng.Float64() < s.f.Delay {
		c.notBefore = s.now.Add(time.Duration(s.rng.Int64N(int64(time.Second))))
	}
	return e, true, nil
}

func (c *simCursor) Close() error { return nil }

// Schedules is how many seeded fault schedules a differential test runs:
// short in a plain go test, long with FW_DIST_LONG set (make test-dist-long,
// which CI runs), or FW_DIST_SCHEDULES=n to rerun any number.
func Schedules(short, long int) int {
	n := short
	if os.Getenv("FW_DIST_LONG") != "" {
		n = long
	}
	if v, err := strconv.Atoi(os.Getenv("FW_DIST_SCHEDULES")); err == nil && v >= 0 {
		n = v
	}
	return n
}

// Crash crashes member now, as a fault of the schedule would (its Log calls fail from now
// on, and Run restarts it after a seeded delay): for a test that crashes a member at a
// point of its own choosing (a feed's position).
func (s *Sim) Crash(member, where string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, a := range s.actors {
		if a.name == member && a.ctx.Err() == nil {
			s.crash(a, where)
		}
	}
}
