package corpus_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/fwgo/fw/generated/corpus"
	"github.com/fwgo/fw/runtime/fw"
	fwreactive "github.com/fwgo/fw/runtime/reactive"
)

var texts = map[string]string{
	"a.txt": "the quick brown fox jumps over the lazy dog",
	"b.txt": "a stitch in time saves nine",
	"c.txt": "",
	"d.txt": "to be or not to be that is the question",
}

func names() []string {
	var ns []string
	for n := range texts {
		ns = append(ns, n)
	}
	slices.Sort(ns)
	return ns
}

// docs yields the documents in name order.
type docs struct{}

func (docs) Build(ctx context.Context, yield func(corpus.Doc) bool) error {
	for _, n := range names() {
		if !yield(corpus.Doc{Name: n, Text: texts[n]}) {
			break
		}
	}
	return nil
}

// tokenize publishes one token per word.
type tokenize struct{}

func (tokenize) OnDocs(c corpus.TokenizeContext, d corpus.Doc) error {
	for i, w := range strings.Fields(d.Text) {
		c.Publish(corpus.Token{Doc: d.Name, Word: w, Pos: int64(i)})
	}
	return nil
}

type report struct {
	mu     sync.Mutex
	groups []fwreactive.Group[string, corpus.Token]
	sample [][]corpus.Token
}

func (r *report) Init(c corpus.ReportInitContext) error {
	c.ResolveByDoc()
	c.ResolveSample()
	return nil
}
func (r *report) OnDoc(c corpus.ReportDocContext, g fwreactive.Group[string, corpus.Token]) error {
	r.groups = append(r.groups, g)
	return nil
}
func (r *report) OnSample(c corpus.ReportSampleContext, s []corpus.Token) error {
	r.sample = append(r.sample, s)
	return nil
}

func TestCorpus(t *testing.T) {
	for _, workers := range []int{1, 8} {
		r := &report{}
		p := must(corpus.NewPipeline(corpus.Handlers{Docs: docs{}, Tokenize: tokenize{}, Report: r}, fw.WithWorkers(workers)))
		if err := p.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		// The oracle: the same tokens computed with a plain loop.
		var all []corpus.Token
		var want []string
		for _, n := range names() {
			ws := strings.Fields(texts[n])
			for i, w := range ws {
				all = append(all, corpus.Token{Doc: n, Word: w, Pos: int64(i)})
			}
			if len(ws) > 0 {
				want = append(want, fmt.Sprintf("%s:%d", n, len(ws)))
			}
		}
		var got []string
		for _, g := range r.groups {
			got = append(got, fmt.Sprintf("%s:%d", g.Key, len(g.Items)))
			for i, tok := range g.Items {
				if tok.Doc != g.Key || tok.Pos != int64(i) {
					t.Errorf("group %s item %d is %+v", g.Key, i, tok)
				}
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("workers %d: groups %v, want %v", workers, got, want)
		}
		rs := fwreactive.NewReservoirSampler[corpus.Token](5, 42)
		for _, tok := range all {
			rs.Add(tok)
		}
		if len(r.sample) != 1 || !slices.Equal(r.sample[0], rs.Sample()) {
			t.Errorf("workers %d: sample %v, want one sample %v", workers, r.sample, rs.Sample())
		}
	}
}
