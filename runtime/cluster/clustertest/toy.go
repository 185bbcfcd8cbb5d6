// Package clustertest has the protocol-level program of the distributed-run
// tests: a small deterministic engine, Toy, with stateful instances, fan-out
// and chains, that runs its rounds through cluster.Node (the member side of
// the round protocol, which the engine's own exchange is built on) or Local
// (everything in one process). Its record lists every round and the accepted
// output of every instance with work, so that two runs with equal records made
// the same calls with the same results in the same order.
//
// runtime/cluster's differential test runs it over the simulation
// (memlog.Sim); fwcluster's end-to-end tests and benchmarks over JetStream.
package clustertest

import (
	"context"
	"encoding/binary"
	"fmt"
	"time"

	"github.com/fwgo/fw/runtime/cluster"
)

// Toy is the program. Instance i's state s is a uint64; its handler gets the
// values of its inbox in order: s = s*1000003 + v + 1, and a value v > 0
// emits v-1 to instance (s>>7) mod Insts and, when s is a multiple of 3, also
// (v-1)/Split to (s>>17) mod Insts. The input round delivers Inputs; each step
// round runs the instances with a non-empty inbox; the terminate round has every
// instance report its state.
type Toy struct {
	Insts  int
	Steps  uint32      // the most step rounds
	Inputs [][2]uint64 // (instance, value)
	Split  uint64      // the divisor of a fan-out's second emission (1 if 0)
	// Point, if set, is called before every handler call (the terminate
	// round's too), with where it is ("r5/i2": round 5, instance 2).
	Point func(where string)
	// Work, if set, is called in every handler call of a step round: the
	// call's busy time (benchmarks, kills in the middle of a round).
	Work func()
	// Calls counts the step rounds' handler calls this run made (its own
	// instances').
	Calls int
}

// Exchange is the seam: Local runs everything in this process; a
// *cluster.Node runs a member.
type Exchange interface {
	Owns(cluster.Inst) bool
	Round(context.Context, cluster.Round, []cluster.Inst, map[cluster.Inst][]byte) (map[cluster.Inst][]byte, error)
}

// Local is the single-process Exchange: every instance is its own, and every
// output is accepted.
type Local struct{}

func (Local) Owns(cluster.Inst) bool { return true }
func (Local) Round(_ context.Context, _ cluster.Round, _ []cluster.Inst, own map[cluster.Inst][]byte) (map[cluster.Inst][]byte, error) {
	return own, nil
}

// Config is the program's settings as a run's genesis holds them.
func (p *Toy) Config() string { return fmt.Sprintf("insts=%d steps=%d", p.Insts, p.Steps) }

func appendU(b []byte, vs ...uint64) []byte {
	for _, v := range vs {
		b = binary.AppendUvarint(b, v)
	}
	return b
}

func readU(b []byte) ([]uint64, error) {
	var vs []uint64
	for len(b) > 0 {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return nil, fmt.Errorf("bad output %x", b)
		}
		vs = append(vs, v)
		b = b[n:]
	}
	return vs, nil
}

func (p *Toy) point(n uint64, i int) {
	if p.Point != nil {
		p.Point(fmt.Sprintf("r%d/i%d", n, i))
	}
}

// Run runs p over x and returns its record.
func (p *Toy) Run(ctx context.Context, x Exchange) ([]byte, error) {
	split := max(p.Split, 1)
	inbox := make([][]uint64, p.Insts)
	state := make([]uint64, p.Insts)
	var rec []byte
	n := uint64(0)
	round := func(r cluster.Round, work []cluster.Inst, own map[cluster.Inst][]byte) (map[cluster.Inst][]byte, error) {
		outs, err := x.Round(ctx, r, work, own)
		if err != nil {
			return nil, err
		}
		rec = fmt.Appendf(rec, "%v:", r)
		for _, i := range work {
			rec = fmt.Appendf(rec, " %d=%x", i, outs[i])
		}
		rec = append(rec, '\n')
		return outs, nil
	}
	// The input round: the pseudo-instance Insts, owned by the submitter.
	in := cluster.Inst(p.Insts)
	own := map[cluster.Inst][]byte{}
	if x.Owns(in) {
		var b []byte
		for _, e := range p.Inputs {
			b = appendU(b, e[0], e[1])
		}
		own[in] = b
	}
	n++
	outs, err := round(cluster.Round{N: n, Kind: cluster.RoundInput}, []cluster.Inst{in}, own)
	if err != nil {
		return nil, err
	}
	vs, err := readU(outs[in])
	if err != nil {
		return nil, err
	}
	for j := 0; j+1 < len(vs); j += 2 {
		inbox[vs[j]] = append(inbox[vs[j]], vs[j+1])
	}
	for step := uint32(1); step <= p.Steps; step++ {
		var work []cluster.Inst
		for i := range inbox {
			if len(inbox[i]) > 0 {
				work = append(work, cluster.Inst(i))
			}
		}
		if len(work) == 0 {
			break
		}
		n++
		r := cluster.Round{N: n, Kind: cluster.RoundStep, Step: step}
		own := map[cluster.Inst][]byte{}
		for _, i := range work {
			if !x.Owns(i) {
				continue
			}
			var b []byte
			for _, v := range inbox[i] {
				p.point(n, int(i))
				if p.Work != nil {
					p.Work()
				}
				p.Calls++
				s := state[i]*1000003 + v + 1
				state[i] = s
				if v > 0 {
					b = appendU(b, (s>>7)%uint64(p.Insts), v-1)
					if s%3 == 0 {
						b = appendU(b, (s>>17)%uint64(p.Insts), (v-1)/split)
					}
				}
			}
			own[i] = b
		}
		outs, err := round(r, work, own)
		if err != nil {
			return nil, err
		}
		for _, i := range work {
			inbox[i] = nil
		}
		for _, i := range work {
			vs, err := readU(outs[i])
			if err != nil {
				return nil, err
			}
			for j := 0; j+1 < len(vs); j += 2 {
				inbox[vs[j]] = append(inbox[vs[j]], vs[j+1])
			}
		}
	}
	// Terminate: every instance reports its state.
	n++
	var work []cluster.Inst
	own = map[cluster.Inst][]byte{}
	for i := range p.Insts {
		work = append(work, cluster.Inst(i))
		if x.Owns(cluster.Inst(i)) {
			p.point(n, i)
			own[cluster.Inst(i)] = appendU(nil, state[i])
		}
	}
	if _, err := round(cluster.Round{N: n, Kind: cluster.RoundTerminate}, work, own); err != nil {
		return nil, err
	}
	return rec, nil
}

// Member runs p as member name of the run on l until the run is over,
// starting again (fresh state, catching up from the log) on ErrRejoin. The
// submitter (the member named m0) proposes the genesis once members are
// alive; the input's pseudo-instance is pinned to it.
func (p *Toy) Member(ctx context.Context, l cluster.Log, name string, members int, observer bool, deadAfter time.Duration) ([]byte, error) {
	for {
		n := cluster.NewNode(l, cluster.NodeConfig{
			Member: name, Observer: observer, Submitter: name == "m0",
			Program: "toy", Config: p.Config(), Instances: uint32(p.Insts + 1),
			Pinned: []cluster.Inst{cluster.Inst(p.Insts)}, Members: members, DeadAfter: deadAfter,
		})
		err := n.Start(ctx)
		var rec []byte
		if err == nil {
			rec, err = p.Run(ctx, n)
		}
		n.Close()
		if err == cluster.ErrRejoin {
			continue
		}
		return rec, err
	}
}
