package words_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/fwgo/fw/generated/words"
	"github.com/fwgo/fw/runtime/fw"
)

// counted is Words, counting its builds.
type counted struct {
	Words
	builds int
}

func (w *counted) Build(ctx context.Context, yield func(string) bool) error {
	w.builds++
	return w.Words.Build(ctx, yield)
}

func TestResolveOncePerRun(t *testing.T) {
	for _, workers := range []int{1, 8} {
		w, printer := &counted{}, &Printer{}
		p := must(words.NewPipeline(words.Handlers{Words: w, Printer: printer}, fw.WithWorkers(workers)))
		p.ResolveWords()
		p.ResolveWords()
		p.Resolve("words")
		if err := p.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		if w.builds != 1 || !slices.Equal(printer.got, []string{"alpha", "beta", "gamma"}) {
			t.Errorf("workers %d: %d builds, printer got %v; want 1 build and each word once", workers, w.builds, printer.got)
		}
	}
}

func TestNothingResolvedNothingBuilt(t *testing.T) {
	w, printer := &counted{}, &Printer{}
	if err := must(words.NewPipeline(words.Handlers{Words: w, Printer: printer})).Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if w.builds != 0 || len(printer.got) != 0 {
		t.Errorf("without a resolve: %d builds, printer got %v", w.builds, printer.got)
	}
}

func TestResolveUnknownTarget(t *testing.T) {
	w := &counted{}
	p := must(words.NewPipeline(words.Handlers{Words: w, Printer: &Printer{}}))
	p.Resolve("wrods")
	err := p.Run(context.Background())
	if !errors.Is(err, fw.ErrNoProvider) {
		t.Fatalf("Run = %v, want ErrNoProvider", err)
	}
	for _, want := range []string{"target wrods", "did you mean words"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %s", err, want)
		}
	}
	if w.builds != 0 {
		t.Errorf("a failed run built words %d times", w.builds)
	}
}
