// Command hello is the quickstart as a user module builds it: greeter.fw, the
// code go generate makes from it, and this handler.
package main

//go:generate go tool fwgen generate

import (
	"context"
	"fmt"
	"os"
)

type greeter struct{}

func (greeter) OnStart(c GreeterStartContext, who string) error {
	c.EmitGreet(Greet{Who: who})
	return nil
}

func (greeter) OnGreet(c GreeterGreetContext, who string) error {
	fmt.Printf("Hello, %s!\n", who)
	return nil
}

func main() {
	p := NewPipeline(greeter{})
	p.Submit(Start{Who: "world"})
	if err := p.Run(context.Background()); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
