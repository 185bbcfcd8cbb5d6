// DRAFT copy of design16 §2 (cl-jets): replaced by cl-seam's contract when it lands.
package cluster

import (
	"context"
	"errors"
	"time"
)

type Kind uint8

type Round struct {
	Phase, Step, Seq uint32
	Kind             Kind
}

type Inst uint32

type Frame struct {
	Round   Round
	Inst    Inst
	Attempt uint64
	Index   uint32
	Last    bool
	Body    []byte
}

type Part struct {
	Inst    Inst
	Attempt uint64
	Frames  uint32
	Sum     uint64
}

type Move struct {
	Inst    Inst
	Member  string
	Attempt uint64
}

type Genesis struct {
	ProtocolVersion uint32
	Fingerprint     string
	Ks              []int
	Members         []string
}

type Commit struct {
	Seq, Epoch uint64
	Kind       uint8
	Round      Round
	Parts      []Part
	Moves      []Move
	Err        string
	Genesis    *Genesis
}

var ErrConflict = errors.New("cluster: commit conflict")

type Log interface {
	Publish(ctx context.Context, fs []Frame) error
	Append(ctx context.Context, c *Commit) error
	Read(ctx context.Context, from uint64) (Cursor, error)
	Lease(ctx context.Context, member string) (epoch uint64, held bool, err error)
	Beat(ctx context.Context, member string, incarnation uint64) error
	Alive(ctx context.Context) ([]string, error)
	Now() time.Time
}

type Cursor interface {
	Next(ctx context.Context) (Entry, error)
	Close() error
}

type Entry struct {
	Seq    uint64
	Frame  *Frame
	Commit *Commit
}
