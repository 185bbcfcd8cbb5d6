package sampling_test

import (
	"context"
	"fmt"

	"github.com/fwgo/fw/examples/cookbook/sampling"
)

type Readings struct{}

func (Readings) Build(ctx context.Context, yield func(int64) bool) error {
	for i := range int64(1000) {
		if !yield(i) {
			break
		}
	}
	return nil
}

type Report struct{ kept int }

func (r *Report) Init(c sampling.ReportInitContext) error {
	c.ResolveSome()
	c.ResolveSample()
	return nil
}

func (r *Report) OnKept(c sampling.ReportKeptContext, v int64) error {
	r.kept++
	return nil
}

func (r *Report) OnSample(c sampling.ReportSampleContext, v []int64) error {
	fmt.Printf("kept %d of 1000; a uniform sample of 5: %v\n", r.kept, v)
	return nil
}

func Example() {
	p, err := sampling.NewPipeline(sampling.Handlers{Readings: Readings{}, Report: &Report{}})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := p.Run(context.Background()); err != nil {
		fmt.Println(err)
	}
	// Output: kept 94 of 1000; a uniform sample of 5: [649 481 117 884 619]
}
