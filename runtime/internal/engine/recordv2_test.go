package engine_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"testing"

	"github.com/fwgo/fw/runtime/fw"
)

// A program without a partitioned processor writes format version 2, byte
// for byte what it wrote before key groups existed: the digests below were
// taken from the runtime before them (main at 8239f5f).
func TestRecordV2Unchanged(t *testing.T) {
	// Concurrency is not part of a record.
	const want = "168d55fd7521b04bc3c7c1a46ea8bf316bac62641f2ce9559f6b0dd8bb9107f2"
	for _, c := range []struct{ conc, workers int }{{0, 1}, {3, 1}, {3, 4}} {
		name := fmt.Sprintf("concurrency=%d/workers=%d", c.conc, c.workers)
		_, data := record(t, recProgram(c.conc), &rdisp{work: work2}, recInputs(20), fw.WithWorkers(c.workers))
		if data[6] != 2 {
			t.Errorf("%s: format version %d, want 2", name, data[6])
		}
		sum := sha256.Sum256(data)
		if got := hex.EncodeToString(sum[:]); got != want {
			t.Errorf("%s: record digest %s, want %s", name, got, want)
		}
	}
}
