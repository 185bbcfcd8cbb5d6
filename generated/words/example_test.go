package words_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/fwgo/fw/generated/words"
)

// This file is the README's builder quickstart (dsl/docs_test.go keeps them equal).

type Words struct{}

func (Words) Build(ctx context.Context, yield func(string) bool) error {
	for _, s := range []string{"alpha", "beta", "gamma"} {
		if !yield(s) {
			break
		}
	}
	return nil
}

type Printer struct{ got []string }

func (p *Printer) OnWord(c words.PrinterWordContext, w string) error {
	p.got = append(p.got, w)
	return nil
}

func Example() {
	printer := &Printer{}
	p, err := words.NewPipeline(words.Handlers{Words: Words{}, Printer: printer})
	if err != nil {
		fmt.Println(err)
		return
	}
	p.ResolveWords() // or p.Resolve("words"), or `-> resolve words` from a case
	if err := p.Run(context.Background()); err != nil {
		fmt.Println(err)
	}
	fmt.Println(strings.Join(printer.got, " "))
	// Output: alpha beta gamma
}
