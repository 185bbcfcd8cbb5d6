package index

import (
	"go/scanner"
	"go/token"
	"slices"
	"strings"
)

// tokenize returns the distinct identifiers of Go source src with their
// counts, in the order of their first occurrence (an order that depends on
// the content only, and costs no sort), and their total number of
// occurrences. Identifiers are what go/scanner reports as token.IDENT:
// keywords, literals, operators and comments are not identifiers, and the
// blank identifier _ is left out. The scan continues past lexical errors (a
// file that does not compile is still counted).
func tokenize(src []byte) (words []Word, total int) {
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	var s scanner.Scanner
	s.Init(file, src, func(token.Position, string) {}, 0)
	index := make(map[string]int32)
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			return words, total
		}
		if tok == token.IDENT && lit != "_" {
			total++
			if i, ok := index[lit]; ok {
				words[i].Count++
				continue
			}
			index[lit] = int32(len(words))
			words = append(words, Word{Word: lit, Count: 1})
		}
	}
}

// counter adds up word counts, and keeps the words in the order of their
// first occurrence.
type counter struct {
	index map[string]int32
	words []Word
}

// newCounterSize returns a counter with room for about n distinct words, so
// that merging many counts does not grow the map and slice step by step.
func newCounterSize(n int) *counter {
	return &counter{index: make(map[string]int32, n), words: make([]Word, 0, n)}
}

func (c *counter) add(w string, n int64) {
	if i, ok := c.index[w]; ok {
		c.words[i].Count += n
		return
	}
	c.index[w] = int32(len(c.words))
	c.words = append(c.words, Word{Word: w, Count: n})
}

// list returns the words in the order of their first occurrence.
func (c *counter) list() []Word { return c.words }

// sorted returns the words in ascending order.
func (c *counter) sorted() []Word {
	slices.SortFunc(c.words, func(a, b Word) int { return strings.Compare(a.Word, b.Word) })
	return c.words
}

// top returns the k most frequent words, by count and then alphabetically,
// so that the order is the same for every run.
func top(words []Word, k int) []Word {
	less := func(a, b Word) bool { return a.Count > b.Count || a.Count == b.Count && a.Word < b.Word }
	top := make([]Word, 0, k+1)
	for _, w := range words {
		if len(top) == k && (k == 0 || !less(w, top[k-1])) {
			continue
		}
		j := len(top)
		for j > 0 && less(w, top[j-1]) {
			j--
		}
		top = slices.Insert(top, j, w)
		if len(top) > k {
			top = top[:k]
		}
	}
	return top
}
