package reactive_test

import (
	"fmt"

	"github.com/fwgo/fw/runtime/reactive"
)

type Order struct {
	Customer string
	Amount   int
}

// Key is a key method usable by a Grouper.
func (o Order) Key() string { return o.Customer }

// A processor with an event case calling Add and an `on phase` case calling
// Phase; here the phases are simulated by hand.
func ExampleCollector() {
	var c reactive.Collector[string]
	emit := func(all []string) { fmt.Println("collected", all) }

	c.Add("a")
	c.Add("b")
	c.Phase(emit) // phase 0
	c.Phase(emit) // phase 1: nothing new, no emission
	c.Add("c")
	c.Phase(emit) // phase 2: everything so far
	// Output:
	// collected [a b]
	// collected [a b c]
}

func ExampleGrouper() {
	g := reactive.NewGrouper(Order.Key) // or func(o Order) string { return o.Customer }
	emit := func(customer string, orders []Order) { fmt.Println(customer, orders) }

	g.Add(Order{"carol", 5})
	g.Add(Order{"alice", 3})
	g.Add(Order{"carol", 1})
	g.Phase(emit) // ascending keys, arrival order within a group
	g.Add(Order{"bob", 2})
	g.Phase(emit) // the Grouper was reset by the previous phase
	// Output:
	// alice [{alice 3}]
	// carol [{carol 5} {carol 1}]
	// bob [{bob 2}]
}

func ExampleStreamGrouper() {
	g := reactive.NewStreamGrouper(func(o Order) string { return o.Customer })
	emit := func(customer string, run []Order) { fmt.Println(customer, run) }

	for _, o := range []Order{{"alice", 1}, {"alice", 2}, {"bob", 3}, {"alice", 4}} {
		g.Add(o, emit) // emits the previous run when the key changes
	}
	fmt.Println("-- phase")
	g.Phase(emit) // flushes the open run
	// Output:
	// alice [{alice 1} {alice 2}]
	// bob [{bob 3}]
	// -- phase
	// alice [{alice 4}]
}

func ExampleStreamSampler() {
	s := reactive.NewStreamSampler[int](0.1, 1) // p = 0.1, seed 1
	var kept []int
	for i := range 200 {
		s.Add(i, func(x int) { kept = append(kept, x) })
	}
	fmt.Println(kept)
	fmt.Println("random draws:", s.Draws())
	// Output:
	// [60 61 63 64 71 96 101 113 126 133 149 151 166 179 188 193]
	// random draws: 17
}

func ExampleReservoirSampler() {
	r := reactive.NewReservoirSampler[int](5, 7) // k = 5, seed 7
	emit := func(sample []int) { fmt.Println("sample", sample) }

	for i := range 3 {
		r.Add(i)
	}
	r.Phase(emit) // fewer than k inputs: all of them
	for i := 3; i < 1000; i++ {
		r.Add(i)
	}
	r.Phase(emit) // changed: emitted, in slot order
	r.Phase(emit) // unchanged: no emission
	fmt.Println("random draws for 1000 inputs:", r.Draws())
	// Output:
	// sample [0 1 2]
	// sample [836 546 578 586 48]
	// random draws for 1000 inputs: 74
}
