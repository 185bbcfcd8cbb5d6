package words_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/fwgo/fw/generated/words"
)

// This file is the README's builder quickstart; TestREADME keeps them equal.

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
	p := words.NewPipeline(Words{}, printer)
	p.ResolveWords() // or p.Resolve("words"), or `-> resolve words` from a case
	if err := p.Run(context.Background()); err != nil {
		fmt.Println(err)
	}
	fmt.Println(strings.Join(printer.got, " "))
	// Output: alpha beta gamma
}

// TestREADME requires the README's Go block of the builder quickstart to be
// this file's code, verbatim.
func TestREADME(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	_, sec, ok := strings.Cut(string(readme), "## Reactive builders")
	if !ok {
		t.Fatal("README has no Reactive builders section")
	}
	_, block, ok := strings.Cut(sec, "```go\n")
	block, _, ok2 := strings.Cut(block, "```")
	if !ok || !ok2 || !strings.Contains(string(src), block) {
		t.Errorf("the README's builder quickstart is not verbatim in example_test.go:\n%s", block)
	}
}
