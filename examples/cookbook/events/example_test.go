package events_test

import (
	"context"
	"fmt"

	"github.com/fwgo/fw/examples/cookbook/events"
	"github.com/fwgo/fw/runtime/reactive"
)

type Ledger struct{}

func (Ledger) OnValid(c events.LedgerValidContext) error {
	c.PublishAccepted(c.Event())
	return nil
}

type Totals struct{}

func (Totals) OnShop(c events.TotalsShopContext, g reactive.Group[string, events.Sale]) error {
	var sum int64
	for _, s := range g.Items {
		sum += s.Amount
	}
	fmt.Printf("phase %d: %s sold %d in %d sales\n", c.Phase(), g.Key, sum, len(g.Items))
	return nil
}

func (Totals) OnKept(c events.TotalsKeptContext, v []events.Sale) error {
	fmt.Printf("phase %d: %d sales accepted\n", c.Phase(), len(v))
	return nil
}

func Example() {
	p, err := events.NewPipeline(events.Handlers{Ledger: Ledger{}, Totals: Totals{}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range []events.Sale{{Shop: "oslo", Amount: 5}, {Shop: "bergen", Amount: 7}, {Shop: "oslo", Amount: -1}} {
		p.Submit(s)
	}
	if err := p.Run(context.Background()); err != nil {
		fmt.Println(err)
	}
	// Output:
	// phase 1: bergen sold 7 in 1 sales
	// phase 1: oslo sold 4 in 2 sales
	// phase 1: 2 sales accepted
}
