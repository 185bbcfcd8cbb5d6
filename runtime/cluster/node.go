package cluster

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"sync/atomic"
	"time"
)

// DefaultDeadAfter is how long a member may miss heartbeats before its instances move.
const DefaultDeadAfter = 3 * time.Second

// NodeConfig describes a member to its Node.
type NodeConfig struct {
	Member      string
	Incarnation uint64 // grows with every restart of the member (0: the Log's clock in nanoseconds)
	Observer    bool   // owns nothing, never beats, never coordinates: it only follows the run
	Submitter   bool   // proposes the genesis and owns the pinned instances

	// What the genesis must hold (a member refuses another run's log).
	Program   string
	Config    string
	Instances uint32
	// Submitter only: the instances that stay with it, and how many members must be
	// alive before the genesis.
	Pinned  []Inst
	Members int

	DeadAfter time.Duration // 0: DefaultDeadAfter
}

// MarkerInst is the instance of the marker frames (round 0) with which a member finds
// the end of the log as it joins; the coordinator ignores them.
const MarkerInst = ^Inst(0)

var markerNonce atomic.Uint64

// DivergenceError reports that a member's engine computed something else than the log
// accepted: a non-deterministic handler, or members running different programs.
type DivergenceError struct {
	Round  Round
	Inst   Inst
	Detail string
}

func (e *DivergenceError) Error() string {
	return fmt.Sprintf("cluster: divergence in round %v, instance %d: %s", e.Round, e.Inst, e.Detail)
}

// EndError is the error of a run that some member ended with an End commit.
type EndError struct{ Reason string }

func (e *EndError) Error() string { return "cluster: the run ended: " + e.Reason }

// Node is the member side of the protocol for one engine: it joins the run (Start), and
// at every round publishes the outputs of the instances its member owns and returns the
// accepted outputs of all (Round). While it waits it beats, takes the lease when the
// holder's expires, and then appends what its Coordinator decides. A Node is used by one
// goroutine and starts none.
type Node struct {
	l   Log
	cfg NodeConfig
	c   *Coordinator
	cur Cursor

	mine    map[Inst]bool
	started bool
	next    uint64 // the next round's N
	rejoin  bool

	beatEvery time.Duration
	lastBeat  time.Time
	epoch     uint64
	held      bool
	members   []Member
	membersAt time.Time
}

// NewNode returns the Node of cfg.Member on l.
func NewNode(l Log, cfg NodeConfig) *Node {
	if cfg.DeadAfter <= 0 {
		cfg.DeadAfter = DefaultDeadAfter
	}
	if cfg.Incarnation == 0 {
		cfg.Incarnation = uint64(l.Now().UnixNano())
	}
	return &Node{l: l, cfg: cfg, c: NewCoordinator(cfg.DeadAfter), next: 1, beatEvery: cfg.DeadAfter / 6, mine: map[Inst]bool{}}
}

// Close releases the Node's cursor.
func (n *Node) Close() error {
	if n.cur != nil {
		return n.cur.Close()
	}
	return nil
}

// Owns reports whether the member runs inst (fixed from Start until ErrRejoin).
func (n *Node) Owns(inst Inst) bool { return n.mine[inst] }

// Coordinator is the Node's coordinator state (read only).
func (n *Node) Coordinator() *Coordinator { return n.c }

// Start joins the run: it waits for the genesis (the submitter proposes it), checks it,
// and reads the log to its end to learn the current assignment.
func (n *Node) Start(ctx context.Context) error {
	cur, err := n.l.Read(ctx, 0)
	if err != nil {
		return err
	}
	n.cur = cur
	for n.c.Genesis() == nil {
		if err := n.tick(ctx); err != nil {
			return err
		}
		if _, err := n.read(ctx, n.beatEvery); err != nil {
			return err
		}
	}
	g := n.c.Genesis()
	switch {
	case g.Protocol != Protocol:
		return fmt.Errorf("cluster: the run speaks protocol %d, this member %d", g.Protocol, Protocol)
	case g.Program != n.cfg.Program:
		return fmt.Errorf("cluster: the run's program has fingerprint %s, this member's %s", g.Program, n.cfg.Program)
	case g.Config != n.cfg.Config:
		return fmt.Errorf("cluster: the run's settings are %q, this member's %q", g.Config, n.cfg.Config)
	case g.Instances != n.cfg.Instances:
		return fmt.Errorf("cluster: the run has %d instances, this member %d", g.Instances, n.cfg.Instances)
	}
	// Read to a marker of our own: everything before it is the log as it was when we
	// joined (a read that finds nothing within some wait proves nothing: delivery may lag).
	marker := Frame{Inst: MarkerInst, Attempt: n.cfg.Incarnation, Last: true,
		Body: fmt.Appendf(nil, "%s/%d", n.cfg.Member, markerNonce.Add(1))}
	for {
		err := n.l.Publish(ctx, []Frame{marker})
		if err == nil {
			break
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	for {
		e, ok, err := n.cur.Next(ctx, n.beatEvery)
		if err != nil {
			return err
		}
		if !ok {
			if err := n.tick(ctx); err != nil {
				return err
			}
			continue
		}
		if f := e.Frame; f != nil && f.Inst == MarkerInst && f.Round.N == 0 && bytes.Equal(f.Body, marker.Body) {
			break
		}
		n.c.Observe(e)
		if e.Commit != nil && e.Commit.Kind == CommitEnd {
			return &EndError{e.Commit.Err}
		}
	}
	if !n.cfg.Observer {
		for i := range Inst(g.Instances) {
			if o, _ := n.c.Owner(i); o.Member == n.cfg.Member {
				n.mine[i] = true
			}
		}
	}
	n.started = true
	return nil
}

// read reads one entry within wait and observes it.
func (n *Node) read(ctx context.Context, wait time.Duration) (bool, error) {
	e, ok, err := n.cur.Next(ctx, wait)
	if err != nil || !ok {
		return false, err
	}
	n.c.Observe(e)
	if cm := e.Commit; cm != nil && cm.Seq+1 == n.c.Seq() {
		switch cm.Kind {
		case CommitEnd:
			return true, &EndError{cm.Err}
		case CommitReassign:
			if n.started && !n.cfg.Observer {
				for _, m := range cm.Moves {
					if (m.Member == n.cfg.Member) != n.mine[m.Inst] {
						n.rejoin = true
					}
				}
			}
		}
	}
	if n.rejoin {
		return true, ErrRejoin
	}
	return true, nil
}

// tick beats, renews or takes the lease, and appends the coordinator's decision.
func (n *Node) tick(ctx context.Context) error {
	if n.cfg.Observer {
		return nil
	}
	now := n.l.Now()
	if n.lastBeat.IsZero() || now.Sub(n.lastBeat) >= n.beatEvery {
		if err := n.l.Beat(ctx, n.cfg.Member, n.cfg.Incarnation); err != nil {
			return ctx.Err() // nil for a transient failure: beat at the next tick
		}
		n.lastBeat = now
		if n.cfg.Submitter || n.c.Genesis() != nil {
			if e, held, err := n.l.Lease(ctx, n.cfg.Member); err == nil {
				n.epoch, n.held = e, held
			} else if ctx.Err() != nil {
				return ctx.Err()
			}
		}
		if n.held {
			if ms, err := n.l.Members(ctx); err == nil {
				n.members, n.membersAt = ms, now
			} else if ctx.Err() != nil {
				return ctx.Err()
			}
		}
	}
	if !n.held || n.members == nil {
		return nil
	}
	var cm *Commit
	if n.c.Genesis() == nil {
		if n.cfg.Submitter {
			cm = n.c.ProposeGenesis(&Proposal{Program: n.cfg.Program, Config: n.cfg.Config, Instances: n.cfg.Instances,
				Submitter: n.cfg.Member, Pinned: n.cfg.Pinned, Members: n.cfg.Members}, n.membersAt, n.members, n.epoch)
		}
	} else {
		cm = n.c.Decide(n.membersAt, n.members, n.epoch)
	}
	if cm == nil {
		return nil
	}
	if err := n.l.Append(ctx, cm); err != nil && !errors.Is(err, ErrConflict) {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		n.c.Retry() // unknown whether stored: decide again (a stored one makes it a conflict)
	}
	return nil
}

// Working is called by the engine between handler calls: the member beats if due,
// so that handlers that take long do not make it look dead. A single call longer
// than DeadAfter still does.
func (n *Node) Working(ctx context.Context) {
	if n.cfg.Observer {
		return
	}
	if now := n.l.Now(); now.Sub(n.lastBeat) >= n.beatEvery {
		if n.l.Beat(ctx, n.cfg.Member, n.cfg.Incarnation) == nil {
			n.lastBeat = now
		}
	}
}

// Round takes the engine's round r: work lists the instances with work (ascending, the
// same on every member), own the outputs of those the member owns. It returns the
// accepted outputs of every instance in work. For a round the log has already decided
// (catching up after a restart) it publishes nothing and checks own against the log.
func (n *Node) Round(ctx context.Context, r Round, work []Inst, own map[Inst][]byte) (map[Inst][]byte, error) {
	if !n.started {
		return nil, errors.New("cluster: Round before Start")
	}
	if r.N != n.next {
		return nil, fmt.Errorf("cluster: round %v after round %d", r, n.next-1)
	}
	n.next++
	n.c.Expect(r, work)
	taken := func() (*Commit, map[Inst][]byte, bool, error) { return n.c.Take(r.N) }
	// A round decided before the member joined was observed by Start: it is
	// taken, not published. One decided since is published again, harmlessly
	// (the coordinator drops frames of decided rounds): reading the log first
	// to find out would cost a wait on every round.
	cm, outs, ok, err := taken()
	if err != nil {
		return nil, err
	}
	if !ok {
		if err := n.publish(ctx, r, work, own); err != nil {
			return nil, err
		}
	}
	for !ok {
		if err := n.tick(ctx); err != nil {
			return nil, err
		}
		if _, err := n.read(ctx, n.beatEvery); err != nil {
			return nil, err
		}
		if cm, outs, ok, err = taken(); err != nil {
			return nil, err
		}
	}
	if cm.Round != r {
		return nil, n.diverged(ctx, &DivergenceError{Round: r, Detail: fmt.Sprintf("the log committed %v here", cm.Round)})
	}
	if len(cm.Parts) != len(work) {
		return nil, n.diverged(ctx, &DivergenceError{Round: r, Detail: fmt.Sprintf("the log accepted %d instances, this member has work for %d", len(cm.Parts), len(work))})
	}
	for i, p := range cm.Parts {
		if p.Inst != work[i] {
			return nil, n.diverged(ctx, &DivergenceError{Round: r, Inst: work[i], Detail: fmt.Sprintf("the log accepted instance %d instead", p.Inst)})
		}
	}
	for inst, b := range own {
		if !bytes.Equal(b, outs[inst]) {
			return nil, n.diverged(ctx, &DivergenceError{Round: r, Inst: inst, Detail: "this member's output differs from the accepted one"})
		}
	}
	return outs, nil
}

// Decided returns the accepted outputs of round r if the member has read its commit: a
// member catching up after a restart or a move (Start reads the log to its end). It does
// not read the log: a round whose commit was appended since the member joined accepted
// an output of the member's own (its own instances have work, or the engine would not
// ask), computed from the member's state as it is now. The engine asks before it computes outputs that depend on
// the member's own state rather than on the run's history (cache lookups in its own
// archive), so that a decided round is reproduced as the log has it.
func (n *Node) Decided(ctx context.Context, r Round) (map[Inst][]byte, bool, error) {
	if !n.started {
		return nil, false, errors.New("cluster: Decided before Start")
	}
	if r.N != n.next {
		return nil, false, fmt.Errorf("cluster: Decided(%v) before round %d", r, n.next)
	}
	return n.c.Peek(r.N)
}

// publish publishes the member's outputs of round r, retrying until they are stored.
func (n *Node) publish(ctx context.Context, r Round, work []Inst, own map[Inst][]byte) error {
	var fs []Frame
	for _, inst := range work {
		if !n.mine[inst] {
			continue
		}
		o, _ := n.c.Owner(inst)
		if o.Member != n.cfg.Member {
			return ErrRejoin
		}
		fs = AppendFrames(fs, r, inst, o.Attempt, own[inst])
	}
	if len(fs) == 0 {
		return nil
	}
	for {
		err := n.l.Publish(ctx, fs)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err := n.tick(ctx); err != nil {
			return err
		}
	}
}

// AppendFrames cuts out into the frames of (r, inst, attempt) and appends them to fs.
func AppendFrames(fs []Frame, r Round, inst Inst, attempt uint64, out []byte) []Frame {
	for idx := uint32(0); ; idx++ {
		b := out[:min(len(out), MaxFrameBody)]
		out = out[len(b):]
		fs = append(fs, Frame{Round: r, Inst: inst, Attempt: attempt, Index: idx, Last: len(out) == 0, Body: slices.Clip(b)})
		if len(out) == 0 {
			return fs
		}
	}
}

// diverged ends the run with an End commit (best effort) and returns err.
func (n *Node) diverged(ctx context.Context, err *DivergenceError) error {
	if !n.cfg.Observer {
		n.end(ctx, err.Error())
	}
	return err
}

// end appends an End commit (best effort): after the commits it read, and again
// after reading on while another commit takes its place.
func (n *Node) end(ctx context.Context, reason string) {
	for range 100 {
		err := n.l.Append(ctx, &Commit{Seq: n.c.Seq(), Epoch: n.epoch, Kind: CommitEnd, Err: reason})
		if !errors.Is(err, ErrConflict) {
			return
		}
		for {
			if more, err := n.read(ctx, 0); !more || err != nil {
				if _, ok := err.(*EndError); ok {
					return // someone ended it first
				}
				break
			}
		}
	}
}

// Held returns the output of inst in round r if the log already holds it: committed, or
// stored in full under inst's current attempt (by an earlier incarnation of its owner,
// and the first frames win, so a commit will accept them). The engine's submitter asks
// before a round whose output it cannot compute again alike (a feed's pull): it takes
// the log's instead.
func (n *Node) Held(ctx context.Context, r Round, inst Inst) ([]byte, bool, error) {
	if !n.started {
		return nil, false, errors.New("cluster: Held before Start")
	}
	for {
		more, err := n.read(ctx, 0)
		if err != nil {
			return nil, false, err
		}
		if !more {
			break
		}
	}
	if d, ok := n.c.done[r.N]; ok {
		if d.err != nil || d.c.Round != r {
			return nil, false, nil // Round reports it
		}
		out, ok := d.outs[inst]
		return out, ok, nil
	}
	o, _ := n.c.Owner(inst)
	if s := n.c.frames[fkey{r.N, inst, o.Attempt}]; s != nil && s.round == r {
		if out, ok := s.output(); ok {
			return out, true, nil
		}
	}
	return nil, false, nil
}

// Now is the Log's clock (the engine's clock for a submitter's time trigger).
func (n *Node) Now() time.Time { return n.l.Now() }
