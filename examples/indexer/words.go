package main

import (
	"encoding/binary"
	"errors"
	"go/scanner"
	"go/token"
	"slices"
	"strings"
)

// tokenize returns the identifiers of Go source src with their counts, and
// their total number of occurrences. Identifiers are what go/scanner reports
// as token.IDENT: keywords, literals, operators and comments are not
// identifiers, and the blank identifier _ is left out. The scan continues
// past lexical errors (a file that does not compile is still counted).
func tokenize(src []byte) (counts map[string]int, total int) {
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	var s scanner.Scanner
	s.Init(file, src, func(token.Position, string) {}, 0)
	counts = make(map[string]int)
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			return counts, total
		}
		if tok == token.IDENT && lit != "_" {
			counts[lit]++
			total++
		}
	}
}

// packWords encodes counts canonically: the words in ascending order, each as
// a uvarint length, its bytes and a uvarint count. Equal maps give equal bytes.
func packWords(counts map[string]int) []byte {
	words := make([]string, 0, len(counts))
	size := 0
	for w := range counts {
		words = append(words, w)
		size += len(w) + 4
	}
	slices.Sort(words)
	b := make([]byte, 0, size)
	for _, w := range words {
		b = binary.AppendUvarint(b, uint64(len(w)))
		b = append(b, w...)
		b = binary.AppendUvarint(b, uint64(counts[w]))
	}
	return b
}

var errPacked = errors.New("indexer: malformed packed word counts")

// unpackWords calls f for each (word, count) of b, in ascending word order.
// The word's bytes are only valid during the call.
func unpackWords(b []byte, f func(word []byte, n int)) error {
	for len(b) > 0 {
		l, k := binary.Uvarint(b)
		if k <= 0 || uint64(len(b)-k) < l {
			return errPacked
		}
		w := b[k : k+int(l)]
		b = b[k+int(l):]
		n, k := binary.Uvarint(b)
		if k <= 0 {
			return errPacked
		}
		b = b[k:]
		f(w, int(n))
	}
	return nil
}

// counter adds up word counts. A word already counted costs a map lookup
// and no allocation, which matters when merging the counts of every file.
type counter struct {
	index  map[string]int32
	words  []string
	counts []int
}

func newCounter() *counter { return newCounterSize(0) }

// newCounterSize returns a counter with room for about n distinct words, so
// that merging many counts does not grow the map and slices step by step.
func newCounterSize(n int) *counter {
	return &counter{index: make(map[string]int32, n), words: make([]string, 0, n), counts: make([]int, 0, n)}
}

func (c *counter) add(w []byte, n int) {
	if i, ok := c.index[string(w)]; ok {
		c.counts[i] += n
		return
	}
	s := string(w)
	c.index[s] = int32(len(c.words))
	c.words = append(c.words, s)
	c.counts = append(c.counts, n)
}

func (c *counter) len() int { return len(c.words) }

// pack encodes the counts as packWords does.
func (c *counter) pack() []byte {
	order := make([]int32, len(c.words))
	size := 0
	for i, w := range c.words {
		order[i] = int32(i)
		size += len(w) + 4
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(c.words[a], c.words[b]) })
	b := make([]byte, 0, size)
	for _, i := range order {
		b = binary.AppendUvarint(b, uint64(len(c.words[i])))
		b = append(b, c.words[i]...)
		b = binary.AppendUvarint(b, uint64(c.counts[i]))
	}
	return b
}

type wordCount struct {
	w string
	n int
}

// top returns the k most frequent words, by count and then alphabetically,
// so that the order is the same for every run.
func (c *counter) top(k int) []wordCount {
	less := func(a, b wordCount) bool { return a.n > b.n || a.n == b.n && a.w < b.w }
	top := make([]wordCount, 0, k+1)
	for i, w := range c.words {
		wc := wordCount{w, c.counts[i]}
		if len(top) == k && (k == 0 || !less(wc, top[k-1])) {
			continue
		}
		j := len(top)
		for j > 0 && less(wc, top[j-1]) {
			j--
		}
		top = slices.Insert(top, j, wc)
		if len(top) > k {
			top = top[:k]
		}
	}
	return top
}
