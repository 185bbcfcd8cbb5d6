package cluster

import (
	"context"
	"errors"
	"time"
)

// ErrConflict is returned by Log.Append when the commit's Seq is not the next one: some
// other commit (perhaps this one, stored by an earlier try whose acknowledgement was lost)
// already has it. The caller reads the log and decides again.
var ErrConflict = errors.New("cluster: commit sequence conflict")

// ErrRejoin is returned by a member's engine when the log moved one of its instances
// (or gave it a new one): the member must start again with fresh handlers, catching up
// from the log. Serve does this by itself.
var ErrRejoin = errors.New("cluster: assignment changed, rejoin")

// Log is the ordered, durable log of a run: frames and commits in one total order that
// every reader sees alike. It is the only thing a transport provides. Package logtest is
// the executable definition of these rules.
//
// Entries. Every stored frame and commit is one entry at a position 1, 2, 3, … (Entry.Seq,
// dense and increasing). Readers see the same entries at the same positions.
//
// Publish stores the frames, each as one entry, in slice order (other writers' entries
// may come between them). When it returns nil every frame is stored, before any commit
// appended afterwards. When it returns an error any subset may be stored; the caller
// publishes the same frames again, so the log may hold a frame more than once.
// A frame whose Body is longer than MaxFrameBody is refused whole, with an error.
//
// Append stores the commit iff c.Seq is the number of commits already in the log (the
// genesis has Seq 0); otherwise it returns ErrConflict and stores nothing. After any other
// error it is unknown whether the commit was stored; the caller reads the log.
//
// Read returns a cursor over the entries at positions ≥ from (from 0 or 1: all), which
// also yields entries stored later.
//
// Lease takes or keeps the coordinator lease for member: it succeeds (held) if nobody holds
// the lease, if the holder's lease expired (no successful Lease call by it for the Log's
// lease TTL on the Log's clock), or if member holds it (which renews it). The epoch grows
// each time the lease changes hands and never decreases; held is false and epoch the
// holder's when someone else holds it.
//
// Beat records that member is alive at Now(), with its incarnation (a restarted member
// beats with a larger one). Members returns every member that ever beat, sorted by name,
// with its last beat; the caller decides what is dead.
//
// Now is the Log's clock: wall time for a real transport, virtual time in a simulation.
// Every timeout of the protocol is measured on it.
//
// All methods are safe for concurrent use, and return ctx.Err() once ctx is done.
type Log interface {
	Publish(ctx context.Context, fs []Frame) error
	Append(ctx context.Context, c *Commit) error
	Read(ctx context.Context, from uint64) (Cursor, error)
	Lease(ctx context.Context, member string) (epoch uint64, held bool, err error)
	Beat(ctx context.Context, member string, incarnation uint64) error
	Members(ctx context.Context) ([]Member, error)
	Now() time.Time
}

// Cursor reads a Log in order.
//
// Next returns the next entry. If none is stored within wait on the Log's clock it
// returns ok false and no error; a negative wait waits until there is one or ctx is
// done. A cursor never skips or repeats a position: after a transport's reconnect it
// resumes after the last entry it returned.
type Cursor interface {
	Next(ctx context.Context, wait time.Duration) (e Entry, ok bool, err error)
	Close() error
}

// Entry is one log entry: exactly one of Frame and Commit is set. The entry owns them;
// readers must not change them.
type Entry struct {
	Seq    uint64
	Frame  *Frame
	Commit *Commit
}
