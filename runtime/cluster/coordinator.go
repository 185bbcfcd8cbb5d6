package cluster

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"time"
)

// Coordinator is the decision maker of a run, as a pure state machine: it observes the
// log's entries in order (Observe), learns from its member's engine which instances have
// work in the open round (Expect), and proposes the next commit (Decide). Every member
// keeps one, so that a member that takes the lease over can decide at once; only the
// lease holder's decisions are appended. It does no I/O and reads no clock.
type Coordinator struct {
	// DeadAfter is how long a member may go without a heartbeat before its instances
	// move to other members.
	DeadAfter time.Duration

	seq     uint64          // commits observed
	gen     *Genesis        // from the genesis commit
	owner   map[Inst]Move   // current owner and attempt of every instance
	pinned  map[Inst]bool   // never moved
	last    uint64          // the last committed round's N
	frames  map[fkey]*fset  // frames of open rounds
	done    map[uint64]done // committed rounds' outputs, until taken
	exp     *expectation
	pending uint64 // a decided commit's Seq+1 until it (or a rival) is observed
	end     *Commit
}

type fkey struct {
	n       uint64
	inst    Inst
	attempt uint64
}

type fset struct {
	round  Round
	bodies [][]byte // by Index; nil for a missing frame
	last   int      // index of the frame with Last, or -1
}

type done struct {
	c    *Commit
	outs map[Inst][]byte
	err  error
}

type expectation struct {
	r    Round
	work []Inst
}

// NewCoordinator returns a Coordinator that has observed nothing.
func NewCoordinator(deadAfter time.Duration) *Coordinator {
	return &Coordinator{DeadAfter: deadAfter, owner: map[Inst]Move{}, pinned: map[Inst]bool{}, frames: map[fkey]*fset{}, done: map[uint64]done{}}
}

// Seq is the number of commits observed: the Seq of the next commit.
func (c *Coordinator) Seq() uint64 { return c.seq }

// Genesis is the run's genesis, nil before it is observed.
func (c *Coordinator) Genesis() *Genesis { return c.gen }

// Owner is the current owner of inst and its attempt.
func (c *Coordinator) Owner(inst Inst) (Move, bool) {
	m, ok := c.owner[inst]
	return m, ok
}

// Ended is the End commit, if one was observed.
func (c *Coordinator) Ended() *Commit { return c.end }

// Observe takes the log's next entry.
func (c *Coordinator) Observe(e Entry) {
	if f := e.Frame; f != nil {
		if f.Round.N <= c.last {
			return // a stale round
		}
		k := fkey{f.Round.N, f.Inst, f.Attempt}
		s := c.frames[k]
		if s == nil {
			s = &fset{round: f.Round, last: -1}
			c.frames[k] = s
		}
		for len(s.bodies) <= int(f.Index) {
			s.bodies = append(s.bodies, nil)
		}
		if s.bodies[f.Index] != nil || s.round != f.Round {
			return // a duplicate (the first wins), or a frame of another engine position
		}
		b := f.Body
		if b == nil {
			b = []byte{}
		}
		s.bodies[f.Index] = b
		if f.Last && s.last < 0 {
			s.last = int(f.Index)
		}
		return
	}
	cm := e.Commit
	if cm == nil || cm.Seq != c.seq {
		return // a Log never stores these; ignore rather than corrupt the state
	}
	c.seq++
	if c.pending != 0 {
		c.pending = 0
	}
	switch cm.Kind {
	case CommitGenesis:
		c.gen = cm.Gen
		for _, p := range cm.Gen.Pinned {
			c.pinned[p] = true
		}
		for _, m := range cm.Moves {
			c.owner[m.Inst] = m
		}
	case CommitReassign:
		for _, m := range cm.Moves {
			c.owner[m.Inst] = m
		}
	case CommitRound:
		d := done{c: cm, outs: make(map[Inst][]byte, len(cm.Parts))}
		for _, p := range cm.Parts {
			s := c.frames[fkey{cm.Round.N, p.Inst, p.Attempt}]
			if s == nil || s.last+1 != int(p.Frames) {
				d.err = fmt.Errorf("cluster: commit %d accepts %d frames of instance %d attempt %d in round %v, and the log holds no such set before it", cm.Seq, p.Frames, p.Inst, p.Attempt, cm.Round)
				break
			}
			out, ok := s.output()
			if !ok || Sum(out) != p.Sum {
				d.err = fmt.Errorf("cluster: commit %d: the frames of instance %d attempt %d in round %v do not match its checksum", cm.Seq, p.Inst, p.Attempt, cm.Round)
				break
			}
			d.outs[p.Inst] = out
		}
		c.done[cm.Round.N] = d
		c.last = cm.Round.N
		for k := range c.frames {
			if k.n <= c.last {
				delete(c.frames, k)
			}
		}
		if c.exp != nil && c.exp.r.N <= c.last {
			c.exp = nil
		}
	case CommitEnd:
		c.end = cm
	}
}

// output is the concatenated bodies if every frame 0..last is there.
func (s *fset) output() ([]byte, bool) {
	if s.last < 0 {
		return nil, false
	}
	n := 0
	for i := 0; i <= s.last; i++ {
		if s.bodies[i] == nil {
			return nil, false
		}
		n += len(s.bodies[i])
	}
	out := make([]byte, 0, n)
	for i := 0; i <= s.last; i++ {
		out = append(out, s.bodies[i]...)
	}
	return out, true
}

// Take returns the committed outputs of round n (once), or ok false if round n is not
// committed yet.
func (c *Coordinator) Take(n uint64) (cm *Commit, outs map[Inst][]byte, ok bool, err error) {
	d, ok := c.done[n]
	if !ok {
		return nil, nil, false, nil
	}
	delete(c.done, n)
	return d.c, d.outs, true, d.err
}

// Peek returns the committed outputs of round n without taking them, or ok false if
// round n is not committed yet (or was taken).
func (c *Coordinator) Peek(n uint64) (outs map[Inst][]byte, ok bool, err error) {
	d, ok := c.done[n]
	if !ok {
		return nil, false, nil
	}
	return d.outs, true, d.err
}

// Expect tells the coordinator that its engine reached round r, in which the instances
// work (ascending) have work.
func (c *Coordinator) Expect(r Round, work []Inst) {
	if r.N <= c.last {
		return
	}
	c.exp = &expectation{r: r, work: work}
}

// Proposal is what a new run's genesis needs; the submitter's coordinator proposes it.
type Proposal struct {
	Program   string
	Config    string
	Instances uint32
	Submitter string
	Pinned    []Inst // pseudo-instances and pinned slots: stay with the submitter
	Members   int    // how many members (the submitter included) must be alive first
}

// ProposeGenesis returns the genesis commit for p once p.Members members are alive, or nil.
func (c *Coordinator) ProposeGenesis(p *Proposal, now time.Time, members []Member, epoch uint64) *Commit {
	if c.seq != 0 || c.pending != 0 {
		return nil
	}
	alive := c.alive(now, members)
	if len(alive) < max(p.Members, 1) || !slices.Contains(alive, p.Submitter) {
		return nil
	}
	g := &Genesis{Protocol: Protocol, Program: p.Program, Config: p.Config, Instances: p.Instances, Submitter: p.Submitter, Members: alive, Pinned: slices.Sorted(slices.Values(p.Pinned))}
	cm := &Commit{Seq: 0, Epoch: epoch, Kind: CommitGenesis, Gen: g}
	// The first assignment deals the movable instances to the alive members in
	// turn, in instance order: a processor's key groups are consecutive
	// instances, so each member gets K/n of them, give or take one (hashing
	// each instance, as a reassignment does, can give 3 and 5 of 8).
	k := 0
	for i := range Inst(p.Instances) {
		m := p.Submitter
		if !slices.Contains(g.Pinned, i) {
			m = alive[k%len(alive)]
			k++
		}
		cm.Moves = append(cm.Moves, Move{Inst: i, Member: m, Attempt: 0})
	}
	c.pending = 1
	return cm
}

func (c *Coordinator) alive(now time.Time, members []Member) []string {
	var names []string
	for _, m := range members {
		if now.Sub(time.Unix(0, m.Beat)) < c.DeadAfter {
			names = append(names, m.Name)
		}
	}
	slices.Sort(names)
	return names
}

// Decide returns the next commit to append, or nil if there is nothing to decide yet:
// a Reassign if an owner of a movable instance is dead (no beat for DeadAfter before
// now), else the Round commit of the expected round once every working instance has a
// complete set of frames under its current attempt. After a Decide the coordinator
// proposes nothing until it observes a commit, unless Retry says the append failed.
func (c *Coordinator) Decide(now time.Time, members []Member, epoch uint64) *Commit {
	if c.gen == nil || c.pending != 0 || c.end != nil {
		return nil
	}
	alive := c.alive(now, members)
	if len(alive) > 0 {
		var moves []Move
		for i := range Inst(c.gen.Instances) {
			o := c.owner[i]
			if c.pinned[i] || slices.Contains(alive, o.Member) {
				continue
			}
			moves = append(moves, Move{Inst: i, Member: Rendezvous(alive, i), Attempt: c.seq})
		}
		if len(moves) > 0 {
			c.pending = c.seq + 1
			return &Commit{Seq: c.seq, Epoch: epoch, Kind: CommitReassign, Moves: moves}
		}
	}
	if c.exp == nil || c.exp.r.N != c.last+1 {
		return nil
	}
	parts := make([]Part, 0, len(c.exp.work))
	for _, i := range c.exp.work {
		o := c.owner[i]
		s := c.frames[fkey{c.exp.r.N, i, o.Attempt}]
		if s == nil || s.round != c.exp.r {
			return nil
		}
		out, ok := s.output()
		if !ok {
			return nil
		}
		parts = append(parts, Part{Inst: i, Attempt: o.Attempt, Frames: uint32(s.last + 1), Sum: Sum(out)})
	}
	c.pending = c.seq + 1
	return &Commit{Seq: c.seq, Epoch: epoch, Kind: CommitRound, Round: c.exp.r, Parts: parts}
}

// Retry forgets the last decision, whose append failed: the next Decide may decide again.
func (c *Coordinator) Retry() { c.pending = 0 }

// Rendezvous is the member among members (non-empty) that wins inst: the largest
// FNV-1a 64 of "member/inst" (through the splitmix64 finalizer, since FNV-1a's high bits
// barely depend on the last bytes), the smallest name on a tie. It is a function of the
// member set alone, so every coordinator moves an instance to the same member.
func Rendezvous(members []string, inst Inst) string {
	var best string
	var bestH uint64
	for i, m := range members {
		h := fnv.New64a()
		h.Write([]byte(m))
		h.Write([]byte{'/'})
		h.Write(strconv.AppendUint(nil, uint64(inst), 10))
		v := mix(h.Sum64())
		if i == 0 || v > bestH || (v == bestH && m < best) {
			best, bestH = m, v
		}
	}
	return best
}

// mix is splitmix64's finalizer.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}
