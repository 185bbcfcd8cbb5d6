package caching_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/fwgo/fw/examples/cookbook/caching"
	"github.com/fwgo/fw/runtime/archive"
	"github.com/fwgo/fw/runtime/fw"
)

// Summarize counts its calls: the slow step.
type Summarize struct{ calls int }

func (s *Summarize) OnPage(c caching.SummarizePageContext, url, body string) error {
	s.calls++
	c.EmitSummary(caching.Summary{URL: url, Words: int64(len(strings.Fields(body)))})
	return nil
}

type Print struct{}

func (Print) OnSummary(c caching.PrintSummaryContext, url string, words int64) error {
	fmt.Println(url, words)
	return nil
}

func Example() {
	// One archive for both runs; badgerarchive.OpenWorkspace(dir) keeps it on disk.
	a := archive.NewMemory()
	for run := 1; run <= 2; run++ {
		s := &Summarize{}
		p, err := caching.NewPipeline(caching.Handlers{Summarize: s, Print: Print{}}, fw.WithArchive(a))
		if err != nil {
			fmt.Println(err)
			return
		}
		p.Submit(caching.Page{URL: "/a", Body: "one two three"})
		p.Submit(caching.Page{URL: "/b", Body: "four five"})
		if err := p.Run(context.Background()); err != nil {
			fmt.Println(err)
		}
		st, _ := p.Stats().Proc("Summarize")
		fmt.Printf("run %d: %d calls, %d hits, %d misses\n", run, s.calls, st.CacheHits, st.CacheMisses)
	}
	// Output:
	// /a 3
	// /b 2
	// run 1: 2 calls, 0 hits, 2 misses
	// /a 3
	// /b 2
	// run 2: 0 calls, 2 hits, 0 misses
}
