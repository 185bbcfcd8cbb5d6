// Package plainindex is the baseline of examples/indexer: the same job in
// plain Go, with a worker pool and no framework. It walks a tree of Go
// sources with the indexer's rules (lexical order; directories named
// testdata or starting with . or _ skipped), and for each .go file reads it,
// computes its SHA-256 (as the indexer does for its cache key) and counts its
// identifiers with go/scanner (token.IDENT, the blank identifier left out);
// it merges the counts per package and overall, draws the indexer's sample
// (20 distinct identifiers of the packages, Li's Algorithm L with the
// PCG-DXSM stream of fw's ReservoirSampler, seed 42, over the packages in
// ascending order and each package's distinct identifiers in ascending
// order), and writes the indexer's report, byte for byte.
//
// It caches nothing: every run does the whole job. docs/BENCHMARKS.md
// compares its CPU time with the indexer's cold and warm runs
// (bench/indexer-cpu.sh).
package plainindex

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"fmt"
	"go/scanner"
	"go/token"
	"io"
	"io/fs"
	"math"
	"math/bits"
	"math/rand/v2"
	"os"
	pathpkg "path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// Package is a package's line of the report.
type Package struct {
	Files, Total, Distinct int
	Top                    string // its most frequent identifier (the first in order among ties)
	TopCount               int
}

// Report is the result of Index.
type Report struct {
	Files    int
	Counts   map[string]int     // identifier -> occurrences over the tree
	Packages map[string]Package // by directory relative to the root ("." for the root)
	Sample   []string           // in reservoir slot order
	Digest   [sha256.Size]byte  // XOR of the files' SHA-256 (what the hashing computed)
}

// fileCounts is one file's identifiers.
type fileCounts struct {
	pkg    string
	counts map[string]int
	total  int
	err    error
}

// pkgAcc accumulates a package's files.
type pkgAcc struct {
	files, total int
	counts       map[string]int
}

// Index indexes the tree at root with workers goroutines reading, hashing and
// tokenizing files.
func Index(root string, workers int) (*Report, error) {
	paths := make(chan string, 256)
	results := make(chan fileCounts, 256)
	var walkErr error
	go func() {
		defer close(paths)
		walkErr = walk(root, func(rel string) { paths <- rel })
	}()
	var wg sync.WaitGroup
	var digestMu sync.Mutex
	var digest [sha256.Size]byte
	for range max(workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var local [sha256.Size]byte
			for rel := range paths {
				src, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
				if err != nil {
					results <- fileCounts{err: err}
					continue
				}
				sum := sha256.Sum256(src)
				for i := range sum {
					local[i] ^= sum[i]
				}
				counts, total := Tokenize(src)
				results <- fileCounts{pkg: pathpkg.Dir(rel), counts: counts, total: total}
			}
			digestMu.Lock()
			for i := range local {
				digest[i] ^= local[i]
			}
			digestMu.Unlock()
		}()
	}
	go func() { wg.Wait(); close(results) }()

	pkgs := make(map[string]*pkgAcc)
	var firstErr error
	files := 0
	for r := range results {
		if r.err != nil {
			if firstErr == nil {
				firstErr = r.err
			}
			continue
		}
		files++
		p := pkgs[r.pkg]
		if p == nil {
			p = &pkgAcc{counts: make(map[string]int, len(r.counts))}
			pkgs[r.pkg] = p
		}
		p.files++
		p.total += r.total
		for w, n := range r.counts {
			p.counts[w] += n
		}
	}
	if err := cmp.Or(walkErr, firstErr); err != nil {
		return nil, err
	}

	rep := &Report{Files: files, Counts: make(map[string]int, 1<<18), Packages: make(map[string]Package, len(pkgs)), Digest: digest}
	sampler := newReservoir(20, 42)
	names := make([]string, 0, len(pkgs))
	for p := range pkgs {
		names = append(names, p)
	}
	slices.Sort(names)
	for _, name := range names {
		p := pkgs[name]
		words := make([]string, 0, len(p.counts))
		for w := range p.counts {
			words = append(words, w)
		}
		slices.Sort(words)
		s := Package{Files: p.files, Total: p.total, Distinct: len(words)}
		for _, w := range words {
			n := p.counts[w]
			rep.Counts[w] += n
			if n > s.TopCount {
				s.Top, s.TopCount = w, n
			}
			sampler.add(w)
		}
		rep.Packages[name] = s
	}
	rep.Sample = sampler.sample
	return rep, nil
}

// walk calls visit with the slash-separated path, relative to root, of each
// .go file of the tree in lexical order.
func walk(root string, visit func(rel string)) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || !strings.HasSuffix(d.Name(), ".go") {
			return nil
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		visit(filepath.ToSlash(rel))
		return nil
	})
}

// Tokenize returns the identifiers of Go source src with their counts, and
// their total number of occurrences (go/scanner's token.IDENT but _; the
// scan goes on past lexical errors).
func Tokenize(src []byte) (counts map[string]int, total int) {
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

// WordCount is an identifier and its count.
type WordCount struct {
	Word  string
	Count int
}

// Top returns the k most frequent identifiers, by count and then
// alphabetically: one pass that keeps the best k so far.
func (r *Report) Top(k int) []WordCount {
	less := func(a, b WordCount) bool { return a.Count > b.Count || a.Count == b.Count && a.Word < b.Word }
	top := make([]WordCount, 0, k+1)
	for w, n := range r.Counts {
		wc := WordCount{w, n}
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

// Write writes the report as the indexer prints it, with the top most
// frequent identifiers.
func (r *Report) Write(w io.Writer, top int) error {
	total := 0
	for _, n := range r.Counts {
		total += n
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "%d files in %d packages: %d identifiers, %d distinct\n", r.Files, len(r.Packages), total, len(r.Counts))
	fmt.Fprintf(&b, "\ntop %d identifiers:\n", top)
	for i, wc := range r.Top(top) {
		fmt.Fprintf(&b, "%4d  %9d  %s\n", i+1, wc.Count, wc.Word)
	}
	names := make([]string, 0, len(r.Packages))
	for p := range r.Packages {
		names = append(names, p)
	}
	slices.SortFunc(names, func(a, b string) int {
		return cmp.Or(cmp.Compare(r.Packages[b].Total, r.Packages[a].Total), cmp.Compare(a, b))
	})
	fmt.Fprintf(&b, "\nlargest packages:\n")
	for _, p := range names[:min(5, len(names))] {
		s := r.Packages[p]
		fmt.Fprintf(&b, "%9d  %s (%d files, %d distinct; most frequent: %s, %d)\n", s.Total, p, s.Files, s.Distinct, s.Top, s.TopCount)
	}
	sample := slices.Sorted(slices.Values(r.Sample))
	fmt.Fprintf(&b, "\nsample of %d distinct identifiers of a package (reservoir, seed 42):\n", len(sample))
	for i := 0; i < len(sample); i += 10 {
		fmt.Fprintf(&b, "  %s\n", strings.Join(sample[i:min(i+10, len(sample))], " "))
	}
	_, err := w.Write(b.Bytes())
	return err
}

// reservoir is Li's Algorithm L over a PCG-DXSM stream, as fw's
// reactive.ReservoirSampler draws it (the same seed gives the same sample).
type reservoir struct {
	k          int
	sample     []string
	seen, next uint64
	logW       float64
	pcg        rand.PCG
}

func newReservoir(k int, seed uint64) *reservoir {
	r := &reservoir{k: k, sample: make([]string, 0, k)}
	r.pcg.Seed(seed, 0x5EED_2E5E_2B01_0002) // the ReservoirSampler's stream
	return r
}

func (r *reservoir) add(x string) {
	i := r.seen
	r.seen++
	if i < r.next {
		return
	}
	k := uint64(r.k)
	switch {
	case k == 0:
		r.next = math.MaxUint64
	case i < k:
		r.sample = append(r.sample, x)
		if i == k-1 {
			r.logW = math.Log(r.open01()) / float64(r.k)
			r.skip(i)
		} else {
			r.next = i + 1
		}
	default:
		r.sample[r.below(k)] = x
		r.logW += math.Log(r.open01()) / float64(r.k)
		r.skip(i)
	}
}

func (r *reservoir) skip(i uint64) {
	// The gap before the next input to enter: geometric with success W.
	logq := math.Log1p(-math.Exp(r.logW))
	if r.logW > -math.Ln2 {
		logq = math.Log(-math.Expm1(r.logW))
	}
	g := math.Log(r.open01()) / logq
	gap := uint64(math.MaxUint64)
	if g < 0x1p64 {
		gap = uint64(g)
	}
	next, carry := bits.Add64(i+1, gap, 0)
	if carry != 0 {
		next = math.MaxUint64
	}
	r.next = next
}

func (r *reservoir) open01() float64 { return (float64(r.pcg.Uint64()>>11) + 0.5) * 0x1p-53 }

func (r *reservoir) below(n uint64) uint64 {
	hi, lo := bits.Mul64(r.pcg.Uint64(), n)
	if lo < n {
		thresh := -n % n
		for lo < thresh {
			hi, lo = bits.Mul64(r.pcg.Uint64(), n)
		}
	}
	return hi
}
