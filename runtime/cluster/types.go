package cluster

import "fmt"

// Protocol is the version of the frame, commit and output encodings. A genesis commit
// records it, and a member of another version refuses to join the run.
const Protocol = 2

// MaxFrameBody is the largest Frame.Body. An instance's output for a round that is longer
// is cut into several frames (Index 0, 1, …, the last with Last set).
const MaxFrameBody = 256 << 10

// Kind is what a round does.
type Kind uint8

// The kinds of rounds, in the order the engine makes them.
const (
	RoundInput     Kind = iota + 1 // the submitter's input events
	RoundInit                      // `on init` of every instance
	RoundActivate                  // a builder's activation
	RoundPull                      // a source pull
	RoundFeed                      // a feed pull
	RoundStep                      // a step's event calls
	RoundPhase                     // `on phase` of every instance
	RoundTerminate                 // `on terminate` of every instance
	RoundLookup                    // a persistent builder's cache lookup
)

var kindNames = [...]string{"?", "input", "init", "activate", "pull", "feed", "step", "phase", "terminate"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", uint8(k))
}

// Round names one round of the run. N numbers the rounds of the run 1, 2, 3, … (a round
// with no work anywhere is skipped by every member and gets no number); Kind, Phase and
// Step are the engine's position, carried so that a member whose engine is elsewhere
// reports a divergence instead of accepting foreign outputs.
type Round struct {
	N     uint64
	Kind  Kind
	Phase uint32
	Step  uint32
}

func (r Round) String() string {
	return fmt.Sprintf("r%d(%s p%d s%d)", r.N, r.Kind, r.Phase, r.Step)
}

// Inst is an instance of the run: the slots of the program in slot order (processor,
// key group), then the engine's pseudo-instances (input, feeds, sinks), which the
// submitter owns.
type Inst uint32

// Frame is a piece of one instance's output for one round. The frames of an attempt are
// numbered 0..n-1 by Index and the last has Last set; their bodies, concatenated in Index
// order, are the instance's encoded Output. Frames with the same (Round, Inst, Attempt,
// Index) are equal for deterministic handlers: a reader keeps the first and drops the
// others.
type Frame struct {
	Round   Round
	Inst    Inst
	Attempt uint64 // the owner's attempt: the Seq of the commit that gave it the instance
	Index   uint32
	Last    bool
	Body    []byte // at most MaxFrameBody bytes
}

// Part is an accepted output in a round commit: the frames 0..Frames-1 of Attempt, whose
// concatenated bodies have the CRC-64 (ECMA) checksum Sum.
type Part struct {
	Inst    Inst
	Attempt uint64
	Frames  uint32
	Sum     uint64
}

// Move gives an instance to a member, under a new attempt.
type Move struct {
	Inst    Inst
	Member  string
	Attempt uint64
}

// CommitKind is what a commit decides.
type CommitKind uint8

// The kinds of commits.
const (
	CommitGenesis  CommitKind = iota + 1 // the run's settings and the first assignment
	CommitRound                          // a round's accepted outputs
	CommitReassign                       // instances move to other members
	CommitEnd                            // the run ends with an error (divergence, protocol mismatch)
)

var commitNames = [...]string{"?", "genesis", "round", "reassign", "end"}

func (k CommitKind) String() string {
	if int(k) < len(commitNames) {
		return commitNames[k]
	}
	return fmt.Sprintf("commit(%d)", uint8(k))
}

// Commit is a decision of the coordinator. Commits are numbered by Seq from 0 (the
// genesis) without gaps; Log.Append stores a commit only if it is the next one, so two
// coordinators can never both decide the same Seq.
type Commit struct {
	Seq   uint64
	Epoch uint64 // the writer's lease epoch (for diagnostics: the Seq alone orders decisions)
	Kind  CommitKind
	Round Round    // CommitRound: the round decided
	Parts []Part   // CommitRound: one per instance with work in the round, ascending by Inst
	Moves []Move   // CommitGenesis: the whole assignment; CommitReassign: the instances that move
	Err   string   // CommitEnd: why the run ends
	Gen   *Genesis // CommitGenesis only
}

// Genesis holds the run's settings, which every member compares with its own before it
// takes part.
type Genesis struct {
	Protocol  uint32
	Program   string   // the program's fingerprint
	Config    string   // the engine's run settings in canonical text (key groups, batch, triggers, phases)
	Instances uint32   // the number of instances, pseudo-instances included
	Submitter string   // owns the pseudo-instances
	Members   []string // the members of the first assignment, sorted
	Pinned    []Inst   // instances that stay with their owner (the submitter) and are never moved
}

// Member is a member's last heartbeat, as the Log holds it.
type Member struct {
	Name        string
	Incarnation uint64 // grows when the member restarts
	Beat        int64  // the Log clock's Unix nanoseconds at the last Beat
}
