package buildbench_test

import (
	"cmp"
	"context"
	"os"
	"runtime"
	"runtime/metrics"
	"slices"
	"strconv"
	"testing"

	"github.com/fwgo/fw/generated/buildbench"
	"github.com/fwgo/fw/runtime/fw"
	fwreactive "github.com/fwgo/fw/runtime/reactive"
)

const keys = 16

// nums yields 0..n-1.
type nums struct{ n int }

func (s nums) Build(ctx context.Context, yield func(int64) bool) error {
	for i := range s.n {
		if !yield(int64(i)) {
			break
		}
	}
	return nil
}

type scaled struct{}

func (scaled) OnNums(c buildbench.ScaledContext, v int64) error { c.Publish(3 * v); return nil }

type byMod struct{}

func (byMod) Key(v int64) int64 { return v % keys }

// sum adds the scaled artifacts it receives and counts the groups' items.
type sum struct{ total, items int64 }

func (s *sum) OnScaled(c buildbench.SumScaledContext, v int64) error { s.total += v; return nil }
func (s *sum) OnGroup(c buildbench.SumGroupContext, g fwreactive.Group[int64, int64]) error {
	s.items += int64(len(g.Items))
	return nil
}

// runChain runs source → transform (→ Grouper when group is set) over n artifacts.
func runChain(n int, group bool, opts ...fw.Option) (*sum, error) {
	s := &sum{}
	p := must(buildbench.NewPipeline(buildbench.Handlers{Nums: nums{n}, Scaled: scaled{}, Groups: byMod{}, Sum: s}, opts...))
	if group {
		p.ResolveGroups()
	} else {
		p.ResolveScaled()
	}
	return s, p.Run(context.Background())
}

// handChain is the hand-written equivalent: the same iterator, transform and
// grouping (a map of slices, keys sorted at the end), as direct calls.
func handChain(n int, group bool) (total, items int64) {
	groups := map[int64][]int64{}
	for v := range (nums{n}).seq() {
		w := 3 * v
		total += w
		if group {
			k := byMod{}.Key(w)
			groups[k] = append(groups[k], w)
		}
	}
	ks := make([]int64, 0, len(groups))
	for k := range groups {
		ks = append(ks, k)
	}
	slices.SortFunc(ks, cmp.Compare)
	for _, k := range ks {
		items += int64(len(groups[k]))
	}
	return total, items
}

func (s nums) seq() func(func(int64) bool) {
	return func(yield func(int64) bool) { s.Build(context.Background(), yield) }
}

func TestChainMatchesHandWritten(t *testing.T) {
	const n = 10_000
	for _, group := range []bool{false, true} {
		for _, workers := range []int{1, 4} {
			s, err := runChain(n, group, fw.WithWorkers(workers))
			if err != nil {
				t.Fatal(err)
			}
			total, items := handChain(n, group)
			if s.total != total || s.items != items {
				t.Errorf("group=%v workers=%d: total %d items %d, want %d and %d", group, workers, s.total, s.items, total, items)
			}
		}
	}
}

// BenchmarkBuilderChain measures one artifact through source → transform →
// Grouper (and source → transform → processor), per op, beside the hand-written
// loop doing the same work.
func BenchmarkBuilderChain(b *testing.B) {
	for _, group := range []bool{false, true} {
		name := "transform"
		if group {
			name = "grouper"
		}
		b.Run("fw/"+name, func(b *testing.B) {
			b.ReportAllocs()
			if _, err := runChain(b.N, group, fw.WithWorkers(1)); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "artifacts/s")
		})
		b.Run("hand/"+name, func(b *testing.B) {
			b.ReportAllocs()
			handChain(b.N, group)
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "artifacts/s")
		})
	}
}

// TestPeakMemory runs FW_PEAK_N artifacts (e.g. 10000000) through the chain and
// reports the peak heap, for docs/BENCHMARKS.md; measure peak RSS with
// /usr/bin/time -v on the test binary. FW_PEAK_GROUP=1 ends the chain in the
// Grouper (which holds a phase's artifacts by design).
func TestPeakMemory(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("FW_PEAK_N"))
	if n == 0 {
		t.Skip("set FW_PEAK_N to run")
	}
	group := os.Getenv("FW_PEAK_GROUP") == "1"
	s, err := runChain(n, group)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	sample := []metrics.Sample{{Name: "/gc/heap/goal:bytes"}, {Name: "/memory/classes/total:bytes"}}
	metrics.Read(sample)
	t.Logf("n=%d group=%v total=%d items=%d heap goal %d MB, memory mapped %d MB", n, group, s.total, s.items,
		sample[0].Value.Uint64()>>20, sample[1].Value.Uint64()>>20)
}
