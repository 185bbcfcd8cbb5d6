package fanout_test

import (
	"context"
	"fmt"

	"github.com/fwgo/fw/examples/cookbook/fanout"
)

type Billing struct{}

func (Billing) OnLarge(c fanout.BillingLargeContext, id string) error {
	total := c.Event().Amount * 9 / 10 // 10% off large orders
	c.EmitInvoice(fanout.Invoice{ID: id, Total: total})
	return nil
}

func (Billing) OnSmall(c fanout.BillingSmallContext, id string, amount int64) error {
	c.EmitInvoice(fanout.Invoice{ID: id, Total: amount})
	return nil
}

type Audit struct{}

func (Audit) OnOrder(c fanout.AuditOrderContext, id string) error {
	fmt.Println("order", id)
	return nil
}

func (Audit) OnInvoice(c fanout.AuditInvoiceContext, id string, total int64) error {
	fmt.Println("invoice", id, total)
	return nil
}

func Example() {
	p, err := fanout.NewPipeline(fanout.Handlers{Billing: Billing{}, Audit: Audit{}})
	if err != nil {
		fmt.Println(err)
		return
	}
	p.Submit(fanout.Order{ID: "a", Amount: 2000})
	p.Submit(fanout.Order{ID: "b", Amount: 50})
	if err := p.Run(context.Background()); err != nil {
		fmt.Println(err)
	}
	// Output:
	// order a
	// order b
	// invoice a 1800
	// invoice b 50
}
