package reactive_test

import (
	"slices"
	"testing"

	"github.com/fwgo/fw/generated/reactive"
	"github.com/fwgo/fw/runtime/fw"
)

// TestHarnessResolves: the targets a case resolves are in the result, by name.
func TestHarnessResolves(t *testing.T) {
	res := reactive.TestLog(&logger{}, nil, fw.TestLifecycle("init"))
	want := []string{"pairs", "all", "byKey", "byParity", "runs", "some", "sample", "count", "pairs"}
	if res.Err != nil || !slices.Equal(res.Resolved, want) || len(res.Emitted) != 0 {
		t.Errorf("init: %+v, want resolved %v", res, want)
	}
}
