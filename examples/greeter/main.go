// Command greeter is the seed's quickstart in fw: testdata/examples/greeter/greeter.fw
// declares the events and the processor, fwgen generates generated/greeter, and
// this file supplies the handler and runs the pipeline (the README shows it).
package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/fwgo/fw/generated/greeter"
)

// Greeter implements greeter.GreeterHandler: one method per `on` case.
type Greeter struct{ out io.Writer }

func (g Greeter) OnStart(c greeter.GreeterStartContext, who string) error {
	c.EmitGreet(greeter.Greet{Who: who}) // the only emit this case may make
	return nil
}

func (g Greeter) OnGreet(c greeter.GreeterGreetContext, who string) error {
	_, err := fmt.Fprintf(g.out, "Hello, %s!\n", who)
	return err
}

func run(out io.Writer) error {
	p, err := greeter.NewPipeline(greeter.Handlers{Greeter: Greeter{out: out}})
	if err != nil {
		return err
	}
	p.Submit(greeter.Start{Who: "world"})
	return p.Run(context.Background())
}

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
