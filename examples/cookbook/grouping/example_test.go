package grouping_test

import (
	"context"
	"fmt"

	"github.com/fwgo/fw/examples/cookbook/grouping"
	"github.com/fwgo/fw/runtime/reactive"
)

type Sales struct{}

func (Sales) Build(ctx context.Context, yield func(grouping.Sale) bool) error {
	for _, s := range []grouping.Sale{{Shop: "oslo", Amount: 5}, {Shop: "bergen", Amount: 7}, {Shop: "oslo", Amount: 1}} {
		if !yield(s) {
			break
		}
	}
	return nil
}

type Totals struct{}

func (Totals) Init(c grouping.TotalsInitContext) error {
	c.ResolvePerShop()
	return nil
}

func (Totals) OnShop(c grouping.TotalsShopContext, g reactive.Group[string, grouping.Sale]) error {
	var sum int64
	for _, s := range g.Items {
		sum += s.Amount
	}
	fmt.Printf("phase %d: %s sold %d in %d sales\n", c.Phase(), g.Key, sum, len(g.Items))
	return nil
}

func Example() {
	p, err := grouping.NewPipeline(grouping.Handlers{Sales: Sales{}, Totals: Totals{}})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := p.Run(context.Background()); err != nil {
		fmt.Println(err)
	}
	// Output:
	// phase 1: bergen sold 7 in 1 sales
	// phase 1: oslo sold 6 in 2 sales
}
