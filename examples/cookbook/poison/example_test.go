package poison_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/fwgo/fw/examples/cookbook/poison"
)

// Billing fails for good on negative amounts, and once, transiently, on "b".
type Billing struct{ attempts map[string]int }

func (b *Billing) OnOrder(c poison.BillingOrderContext, id string, amount int64) error {
	b.attempts[id]++
	switch {
	case amount < 0:
		return fmt.Errorf("negative amount %d", amount)
	case id == "b" && b.attempts[id] == 1:
		return errors.New("ledger busy")
	}
	fmt.Println("billed", id)
	return nil
}

type DeadLetters struct{}

func (DeadLetters) OnFailed(c poison.DeadLettersFailedContext, proc, event, err, payload string) error {
	fmt.Printf("dead letter from %s (%s): %s: %s\n", proc, event, err, payload)
	return nil
}

func Example() {
	b := &Billing{attempts: map[string]int{}}
	p, err := poison.NewPipeline(poison.Handlers{Billing: b, DeadLetters: DeadLetters{}})
	if err != nil {
		fmt.Println(err)
		return
	}
	p.Submit(poison.Order{ID: "a", Amount: 10})
	p.Submit(poison.Order{ID: "b", Amount: 20})
	p.Submit(poison.Order{ID: "c", Amount: -5})
	if err := p.Run(context.Background()); err != nil {
		fmt.Println(err)
	}
	fmt.Println("attempts:", b.attempts["a"], b.attempts["b"], b.attempts["c"])
	// Output:
	// billed a
	// billed b
	// dead letter from Billing (Order): negative amount -5: {"event":"Order","id":"c","amount":-5}
	// attempts: 1 2 3
}
