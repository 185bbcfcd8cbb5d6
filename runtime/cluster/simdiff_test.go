package cluster_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"flag"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fwgo/fw/runtime/cluster"
	"github.com/fwgo/fw/runtime/cluster/memlog"
)

// The protocol-level differential test: a small deterministic engine ("toy") with
// stateful instances, fan-out and chains runs once in one process and then on members
// over the Sim, under a seeded fault schedule; every member's and an observer's record of
// all accepted outputs must equal the single-process one byte for byte.

type toyProg struct {
	insts  int
	inputs [][2]uint64 // (instance, value)
}

func newToy(seed uint64, insts int) *toyProg {
	r := rand.New(rand.NewPCG(seed, 7))
	p := &toyProg{insts: insts}
	for range 1 + r.IntN(24) {
		p.inputs = append(p.inputs, [2]uint64{uint64(r.IntN(insts)), uint64(r.IntN(7))})
	}
	return p
}

const toyMaxRounds = 40

// exchange is the seam: nil runs everything locally.
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

// run runs p; point is called before every handler call.
func (p *toyProg) run(ctx context.Context, x exchange, point func(where string)) ([]byte, error) {
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
	for step := uint32(1); step <= toyMaxRounds; step++ {
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
				point(fmt.Sprintf("r%d/i%d", n, i))
				s := state[i]*1000003 + v + 1
				state[i] = s
				if v > 0 {
					b = appendU(b, (s>>7)%uint64(p.insts), v-1)
					if s%3 == 0 {
						b = appendU(b, (s>>17)%uint64(p.insts), (v-1)/2)
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
			point(fmt.Sprintf("r%d/i%d", n, i))
			own[cluster.Inst(i)] = appendU(nil, state[i])
		}
	}
	if _, err := round(cluster.Round{N: n, Kind: cluster.RoundTerminate}, work, own); err != nil {
		return nil, err
	}
	return rec, nil
}

func simCase(t *testing.T, insts, members int, seed uint64, faults memlog.Faults) {
	p := newToy(seed, insts)
	want, err := p.run(context.Background(), local{}, func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	sim := memlog.NewSim(seed, faults)
	names := []string{"obs"}
	for m := range members {
		names = append(names, "m"+strconv.Itoa(m))
	}
	var mu sync.Mutex
	got := map[string][]byte{}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	err = sim.Run(ctx, names, func(ctx context.Context, name string, l cluster.Log) error {
		n := cluster.NewNode(l, cluster.NodeConfig{
			Member: name, Observer: name == "obs", Submitter: name == "m0",
			Program: "toy", Config: fmt.Sprintf("insts=%d", insts), Instances: uint32(insts + 1),
			Pinned: []cluster.Inst{cluster.Inst(insts)}, Members: members,
		})
		defer n.Close()
		if err := n.Start(ctx); err != nil {
			return err
		}
		rec, err := p.run(ctx, n, func(where string) { sim.Point(name, where) })
		if err != nil {
			return err
		}
		mu.Lock()
		got[name] = rec
		mu.Unlock()
		return nil
	})
	fail := func(format string, args ...any) {
		t.Helper()
		tr := sim.Trace()
		if len(tr) > 3000 {
			tr = append([]string{fmt.Sprintf("… %d lines before", len(tr)-3000)}, tr[len(tr)-3000:]...)
		}
		t.Fatalf("%s\nrerun: go test ./runtime/cluster -run 'TestSimDiff/I%d/M%d/s%d'\nsim trace:\n%s",
			fmt.Sprintf(format, args...), insts, members, seed, strings.Join(tr, "\n"))
	}
	if simCaseTrace != nil {
		simCaseTrace(sim.Trace())
	}
	if err != nil {
		fail("run: %v", err)
	}
	for _, name := range names {
		if !bytes.Equal(got[name], want) {
			fail("member %s's record differs\n got:\n%s\nwant:\n%s", name, got[name], want)
		}
	}
}

var simCaseTrace func([]string)

// faultProfiles are the fault schedules' kinds, by seed.
var faultProfiles = []memlog.Faults{
	memlog.DefaultFaults,
	{Drop: 0.2, Dup: 0.2, Delay: 0.3, MaxCrashes: 0},
	{Drop: 0.05, Dup: 0.05, Delay: 0.1, CrashInHandler: 0.1, CrashInPublish: 0.2, CrashCoordinator: 0.2, Zombie: 0.05, MaxCrashes: 6},
	{Zombie: 0.3, Delay: 0.2, MaxCrashes: 0},
}

func TestSimDiff(t *testing.T) {
	schedules := memlog.Schedules(12, 1000)
	check := countFaults(t, 9*schedules)
	defer check()
	for _, insts := range []int{1, 3, 8} {
		t.Run(fmt.Sprintf("I%d", insts), func(t *testing.T) {
			for _, members := range []int{1, 2, 4} {
				t.Run(fmt.Sprintf("M%d", members), func(t *testing.T) {
					for s := range schedules {
						seed := uint64(insts*1000000 + members*10000 + s)
						t.Run(fmt.Sprintf("s%d", seed), func(t *testing.T) {
							simCase(t, insts, members, seed, faultProfiles[s%len(faultProfiles)])
						})
					}
				})
			}
		})
	}
}

// countFaults counts the faults the schedules of a test inject (through
// simCaseTrace), so that a Sim that stops injecting one fails the test instead of
// passing it vacuously; the function it returns checks the counts.
func countFaults(t *testing.T, runs int) func() {
	kinds := []string{"CRASH in handler", "CRASH in publish", "CRASH after append", "ZOMBIE", "reassign", "rejoins", "DROPPED", "ACK LOST", "takes the lease", "conflict"}
	counts := map[string]int{}
	simCaseTrace = func(tr []string) {
		for _, l := range tr {
			for _, k := range kinds {
				if strings.Contains(l, k) {
					counts[k]++
				}
			}
		}
	}
	return func() {
		simCaseTrace = nil
		if t.Failed() || strings.Contains(flagRun(), "/") {
			return
		}
		t.Logf("faults and recoveries over %d schedules: %v", runs, counts)
		for _, k := range kinds {
			if counts[k] == 0 {
				t.Errorf("no schedule had %q", k)
			}
		}
	}
}

func flagRun() string {
	if f := flag.Lookup("test.run"); f != nil {
		return f.Value.String()
	}
	return ""
}

// (the end of TestSimDiff is below)

// TestSimNoFaults: without faults every schedule is a clean run.
func TestSimNoFaults(t *testing.T) {
	for s := range uint64(5) {
		simCase(t, 3, 2, s, memlog.Faults{})
	}
}
