package reactive_test

import (
	"slices"
	"testing"

	"github.com/fwgo/fw/generated/reactive"
	"github.com/fwgo/fw/runtime/fw"
)

// TestHarnessResolves: the targets a case resolves are in the result, by name.
func TestHarnessResolves(t *testing.T) {
	res := reactive.CallLog(&logger{}, nil, fw.TestLifecycle("init"))
	want := []string{"pairs", "all", "byKey", "byParity", "runs", "some", "sample", "count", "pairs"}
	if res.Err != nil || !slices.Equal(res.Resolved, want) || len(res.Emitted) != 0 {
		t.Errorf("init: %+v, want resolved %v", res, want)
	}
}

// TestBuilderPositions: a builder's context has its call's position, the same
// whatever the number of workers, with a key per call.
func TestBuilderPositions(t *testing.T) {
	var first []fw.Position
	for _, workers := range []int{1, 2, 8} {
		h, _ := run(t, 20, fw.WithWorkers(workers))
		at := h.count.at
		keys := map[string]bool{}
		for _, p := range at {
			if p.Processor != "Count" || keys[p.Key()] {
				t.Errorf("workers=%d: %+v (key %s seen: %v)", workers, p, p.Key(), keys[p.Key()])
			}
			keys[p.Key()] = true
		}
		if first == nil {
			first = at
			if len(at) < 21 {
				t.Fatalf("%d calls of Count: %+v", len(at), at)
			}
		} else if !slices.Equal(at, first) {
			t.Errorf("workers=%d: %+v\nwant (1 worker) %+v", workers, at, first)
		}
	}
}
