// Package memlog is an in-memory cluster.Log, and Sim, a deterministic simulation of a
// distributed run over it that reorders, delays, duplicates and drops messages and
// crashes members.
package memlog

import (
	"fmt"
	"slices"
	"time"

	"github.com/fwgo/fw/runtime/cluster"
)

// store is the log's state, without locking or waiting: Log and Sim own one each and
// serialize access to it.
type store struct {
	entries []cluster.Entry // entries[i].Seq == i+1
	commits uint64
	holder  string
	epoch   uint64
	renewed time.Time
	ttl     time.Duration
	members map[string]cluster.Member
}

func newStore(ttl time.Duration) *store {
	return &store{ttl: ttl, members: map[string]cluster.Member{}}
}

func (s *store) checkFrames(fs []cluster.Frame) error {
	for i := range fs {
		if len(fs[i].Body) > cluster.MaxFrameBody {
			return fmt.Errorf("memlog: frame %v/%d/%d: body of %d bytes exceeds %d", fs[i].Round, fs[i].Inst, fs[i].Index, len(fs[i].Body), cluster.MaxFrameBody)
		}
	}
	return nil
}

// publish stores copies of the frames.
func (s *store) publish(fs []cluster.Frame) {
	for i := range fs {
		f := fs[i]
		f.Body = slices.Clone(f.Body)
		s.entries = append(s.entries, cluster.Entry{Seq: uint64(len(s.entries) + 1), Frame: &f})
	}
}

func (s *store) append(c *cluster.Commit) error {
	if c.Seq != s.commits {
		return cluster.ErrConflict
	}
	s.commits++
	s.entries = append(s.entries, cluster.Entry{Seq: uint64(len(s.entries) + 1), Commit: cloneCommit(c)})
	return nil
}

func (s *store) lease(member string, now time.Time) (uint64, bool) {
	switch {
	case s.holder == member:
	case s.holder == "" || now.Sub(s.renewed) >= s.ttl:
		s.holder = member
		s.epoch++
	default:
		return s.epoch, false
	}
	s.renewed = now
	return s.epoch, true
}

func (s *store) beat(member string, inc uint64, now time.Time) {
	s.members[member] = cluster.Member{Name: member, Incarnation: inc, Beat: now.UnixNano()}
}

func (s *store) memberList() []cluster.Member {
	ms := make([]cluster.Member, 0, len(s.members))
	for _, m := range s.members {
		ms = append(ms, m)
	}
	slices.SortFunc(ms, func(a, b cluster.Member) int {
		if a.Name < b.Name {
			return -1
		}
		if a.Name > b.Name {
			return 1
		}
		return 0
	})
	return ms
}

// cloneCommit is a deep copy, so that the writer may reuse its commit.
func cloneCommit(c *cluster.Commit) *cluster.Commit {
	d := *c
	d.Parts = slices.Clone(c.Parts)
	d.Moves = slices.Clone(c.Moves)
	if c.Gen != nil {
		g := *c.Gen
		g.Members = slices.Clone(g.Members)
		g.Pinned = slices.Clone(g.Pinned)
		d.Gen = &g
	}
	return &d
}
