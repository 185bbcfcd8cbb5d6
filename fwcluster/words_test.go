package fwcluster

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/fwgo/fw/generated/words"
	"github.com/fwgo/fw/runtime/cluster"
	"github.com/fwgo/fw/runtime/fw"
)

// A source builder in a distributed run over JetStream: generated/words (the
// builder Words provides words, which Printer receives once resolved).

type wordsSource struct{ n int }

func (w wordsSource) Build(ctx context.Context, yield func(string) bool) error {
	for i := range w.n {
		if !yield(fmt.Sprintf("w%03d", i)) {
			break
		}
	}
	return nil
}

type wordsPrinter struct{ got []string }

func (p *wordsPrinter) OnWord(c words.PrinterWordContext, w string) error {
	p.got = append(p.got, w)
	return nil
}

// TestEngineWords: the submitter resolves the source; the source is pulled
// by its owner alone; on 2 members and an observer (goroutines, each on its
// own connection) every record equals the single-process one, and the
// printer's owner printed every word once, in order.
func TestEngineWords(t *testing.T) {
	const n = 500
	var want bytes.Buffer
	ref, err := words.NewPipeline(words.Handlers{Words: wordsSource{n}, Printer: &wordsPrinter{}}, fw.WithRecord(&want))
	if err != nil {
		t.Fatal(err)
	}
	ref.ResolveWords()
	if err := ref.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	srv := startDev(t, "")
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	names := []string{"m0", "m1", "obs"}
	recs := make([][]byte, len(names))
	printed := make([][]string, len(names))
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		_, js := connect(t, srv.URL)
		l := open(t, js, "words", LeaseTTL(procLease))
		wg.Go(func() {
			var opts []cluster.JoinOption
			switch name {
			case "m0":
				opts = append(opts, cluster.Submitter(), cluster.Members(2))
			case "obs":
				opts = append(opts, cluster.Observer())
			}
			var rec bytes.Buffer
			printer := &wordsPrinter{}
			p, err := words.NewPipeline(words.Handlers{Words: wordsSource{n}, Printer: printer}, cluster.Join(l, name, opts...), fw.WithRecord(&rec))
			if err != nil {
				errs[i] = err
				return
			}
			if name == "m0" {
				p.ResolveWords()
			}
			errs[i] = p.Run(ctx)
			recs[i], printed[i] = rec.Bytes(), printer.got
		})
	}
	wg.Wait()
	var all []string
	for i := range n {
		all = append(all, fmt.Sprintf("w%03d", i))
	}
	full := 0
	for i, name := range names {
		if errs[i] != nil {
			t.Fatalf("%s: %v", name, errs[i])
		}
		if !bytes.Equal(recs[i], want.Bytes()) {
			t.Fatalf("%s's record differs from the single-process one", name)
		}
		switch {
		case slices.Equal(printed[i], all):
			full++
		case len(printed[i]) != 0:
			t.Fatalf("%s printed %d words", name, len(printed[i]))
		}
	}
	if full != 1 {
		t.Fatalf("%d members printed the words, want 1 (the printer's owner)", full)
	}
}
