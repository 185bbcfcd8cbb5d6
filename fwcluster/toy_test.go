package fwcluster

import (
	"math/rand/v2"
	"time"

	"github.com/fwgo/fw/runtime/cluster/clustertest"
)

// The program of the protocol-level end-to-end tests is clustertest.Toy
// (runtime/cluster/clustertest, shared with runtime/cluster's differential
// test): a small deterministic engine on cluster.Node with stateful
// instances, fan-out and chains, whose record lists every round and the
// accepted output of every instance with work.

// newToy is the program of seed: inputs inputs of values below maxV, at most
// steps steps.
func newToy(seed uint64, insts, inputs int, maxV int, steps uint32) *clustertest.Toy {
	r := rand.New(rand.NewPCG(seed, 7))
	p := &clustertest.Toy{Insts: insts, Steps: steps, Split: 8}
	for range inputs {
		p.Inputs = append(p.Inputs, [2]uint64{uint64(r.IntN(insts)), uint64(r.IntN(maxV))})
	}
	return p
}

// toyWork is a handler call's work: busy for d (wall clock), then spin
// iterations of spinWork; nil if both are 0.
func toyWork(d time.Duration, spin int) func() {
	if d == 0 && spin == 0 {
		return nil
	}
	return func() {
		busy(d)
		spinWork(spin)
	}
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

// busy spins for d (a CPU-bound handler).
func busy(d time.Duration) {
	for start := time.Now(); time.Since(start) < d; {
	}
}
