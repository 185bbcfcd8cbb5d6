package cluster_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fwgo/fw/runtime/cluster"
	"github.com/fwgo/fw/runtime/cluster/clustertest"
	"github.com/fwgo/fw/runtime/cluster/memlog"
)

// The protocol-level differential test: a small deterministic engine (clustertest.Toy,
// shared with fwcluster's end-to-end tests) with stateful instances, fan-out and chains
// runs once in one process and then on members
// over the Sim, under a seeded fault schedule; every member's and an observer's record of
// all accepted outputs must equal the single-process one byte for byte.

// newToy is the program of seed: 1 to 24 inputs of values below 7, at most
// toyMaxRounds steps.
func newToy(seed uint64, insts int) *clustertest.Toy {
	r := rand.New(rand.NewPCG(seed, 7))
	p := &clustertest.Toy{Insts: insts, Steps: toyMaxRounds, Split: 2}
	for range 1 + r.IntN(24) {
		p.Inputs = append(p.Inputs, [2]uint64{uint64(r.IntN(insts)), uint64(r.IntN(7))})
	}
	return p
}

const toyMaxRounds = 40

func simCase(t *testing.T, insts, members int, seed uint64, faults memlog.Faults) {
	p := newToy(seed, insts)
	want, err := p.Run(context.Background(), clustertest.Local{})
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
		q := *p // its own Point
		q.Point = func(where string) { sim.Point(name, where) }
		rec, err := q.Run(ctx, n)
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
