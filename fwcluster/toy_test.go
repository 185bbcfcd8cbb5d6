package fwcluster

import (
	"context"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/fwgo/fw/runtime/cluster"
)

// The program of the end-to-end tests, at the protocol level (cluster.Node
// is the member side; the engine's own exchange is built on it): a small
// deterministic engine, after runtime/cluster's simdiff toy, with stateful
// instances, fan-out and chains. Its record lists every round and the
// accepted output of every instance with work, so that two runs with equal
// records made the same calls with the same results in the same order.
type toyProg struct {
	insts    int
	steps    uint32
	inputs   [][2]uint64   // (instance, value)
	handleUS time.Duration // a handler call's busy time (wall clock)
	spin     int           // a handler call's fixed work, in spinWork iterations
	calls    int           // handler calls made (by this member)
}

// spinSink keeps spinWork's result alive.
var spinSink uint64

// spinWork is n iterations of an LCG: CPU work of a fixed size (about 1 ns
// an iteration), unlike a wall-clock spin, which a loaded machine shortens.
func spinWork(n int) {
	if n == 0 {
		return
	}
	x := spinSink
	for range n {
		x = x*6364136223846793005 + 1442695040888963407
	}
	spinSink = x
}

func newToy(seed uint64, insts, inputs int, maxV int, steps uint32) *toyProg {
	r := rand.New(rand.NewPCG(seed, 7))
	p := &toyProg{insts: insts, steps: steps}
	for range inputs {
		p.inputs = append(p.inputs, [2]uint64{uint64(r.IntN(insts)), uint64(r.IntN(maxV))})
	}
	return p
}

// config is the program's settings as the genesis holds them.
func (p *toyProg) config() string { return fmt.Sprintf("insts=%d steps=%d", p.insts, p.steps) }

// exchange is the seam: local runs everything in this process; a
// *cluster.Node runs a member.
type exchange interface {
	Owns(cluster.Inst) bool
	Round(context.Context, cluster.Round, []cluster.Inst, map[cluster.Inst][]byte) (map[cluster.Inst][]byte, error)
}

type local struct{}

func (local) Owns(cluster.Inst) bool { return true }
func (local) Round(_ context.Context, _ cluster.Round, _ []cluster.Inst, own map[cluster.Inst][]byte) (map[cluster.Inst][]byte, error) {
	return own, nil
}

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

// busy spins for d (a CPU-bound handler).
func busy(d time.Duration) {
	for start := time.Now(); time.Since(start) < d; {
	}
}

// run runs p over x and returns its record.
func (p *toyProg) run(ctx context.Context, x exchange) ([]byte, error) {
	inbox := make([][]uint64, p.insts)
	state := make([]uint64, p.insts)
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
	// The input round: the pseudo-instance insts, owned by the submitter.
	in := cluster.Inst(p.insts)
	own := map[cluster.Inst][]byte{}
	if x.Owns(in) {
		var b []byte
		for _, e := range p.inputs {
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
	for step := uint32(1); step <= p.steps; step++ {
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
				busy(p.handleUS)
				spinWork(p.spin)
				p.calls++
				s := state[i]*1000003 + v + 1
				state[i] = s
				if v > 0 {
					b = appendU(b, (s>>7)%uint64(p.insts), v-1)
					if s%3 == 0 {
						b = appendU(b, (s>>17)%uint64(p.insts), (v-1)/8)
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
	for i := range p.insts {
		work = append(work, cluster.Inst(i))
		if x.Owns(cluster.Inst(i)) {
			own[cluster.Inst(i)] = appendU(nil, state[i])
		}
	}
	if _, err := round(cluster.Round{N: n, Kind: cluster.RoundTerminate}, work, own); err != nil {
		return nil, err
	}
	return rec, nil
}

// member runs p as member name of the run on l until the run is over,
// starting again (fresh state, catching up from the log) on ErrRejoin. The
// submitter (the first member, m0) proposes the genesis once members are alive.
func (p *toyProg) member(ctx context.Context, l cluster.Log, name string, members int, observer bool, deadAfter time.Duration) ([]byte, error) {
	for {
		n := cluster.NewNode(l, cluster.NodeConfig{
			Member: name, Observer: observer, Submitter: name == "m0",
			Program: "toy", Config: p.config(), Instances: uint32(p.insts + 1),
			Pinned: []cluster.Inst{cluster.Inst(p.insts)}, Members: members, DeadAfter: deadAfter,
		})
		err := n.Start(ctx)
		var rec []byte
		if err == nil {
			rec, err = p.run(ctx, n)
		}
		n.Close()
		if err == cluster.ErrRejoin {
			continue
		}
		return rec, err
	}
}
