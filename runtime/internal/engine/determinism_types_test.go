package engine_test

import "github.com/fwgo/fw/runtime/internal/randprog"

// The types of the randomized builder programs (determinism_builders_test.go);
// the processor programs are package randprog's.

type rEv struct {
	K     int
	Depth int
	V     uint64
}

type rCase struct {
	kind     int
	mod, rem uint64 // matches kind when V%mod == rem
	emits    []int  // kinds emitted, while Depth < maxDepth
}

// rec is one call as the processor saw it.
type rec struct {
	Phase, Step, Input int // Input -1 for lifecycle calls
	What               string
}

func mix(a, b uint64) uint64 { return randprog.Mix(a, b) }

func less(a, b rec) bool {
	if a.Phase != b.Phase {
		return a.Phase < b.Phase
	}
	if a.Step != b.Step {
		return a.Step < b.Step
	}
	return a.Input < b.Input
}
