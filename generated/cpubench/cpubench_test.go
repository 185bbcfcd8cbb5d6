package cpubench_test

import (
	"context"
	"slices"
	"testing"

	"github.com/fwgo/fw/generated/cpubench"
	"github.com/fwgo/fw/runtime/fw"
)

// spin is the CPU-bound work of a job: about 20 µs of integer mixing.
func spin(n int64) int64 {
	x := uint64(n) | 1
	for range 20000 {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	return int64(x >> 1)
}

type work struct{}

func (work) OnJob(c cpubench.WorkJobContext, n int64) error {
	c.EmitDone(cpubench.Done{N: n, Sum: spin(n)})
	return nil
}

type collect struct{ got []int64 }

func (c *collect) OnDone(_ cpubench.CollectDoneContext, n, sum int64) error {
	c.got = append(c.got, n, sum)
	return nil
}

func run(jobs, workers int) []int64 {
	c := &collect{}
	p := must(cpubench.NewPipeline(cpubench.Handlers{Work: work{}, Collect: c}, fw.WithWorkers(workers)))
	for i := range jobs {
		p.Submit(cpubench.Job{N: int64(i)})
	}
	if err := p.Run(context.Background()); err != nil {
		panic(err)
	}
	return c.got
}

// TestSameOutput: the concurrent calls' emissions are committed in input
// order, so Collect sees the same sequence with 1, 2 and 8 workers.
func TestSameOutput(t *testing.T) {
	want := run(200, 1)
	for _, workers := range []int{2, 8} {
		if got := run(200, workers); !slices.Equal(got, want) {
			t.Fatalf("workers %d: Collect's input differs from 1 worker's", workers)
		}
	}
}

// BenchmarkConcurrency: one op is one job of ~20 µs of CPU, through Work
// (concurrency 2) and Collect, with 1 and 2 workers.
func BenchmarkConcurrency(b *testing.B) {
	for _, workers := range []int{1, 2} {
		b.Run("workers="+string(rune('0'+workers)), func(b *testing.B) {
			b.ReportAllocs()
			run(b.N, workers)
		})
	}
}
