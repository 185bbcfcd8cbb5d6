package index

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"io/fs"
	pathpkg "path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	fwreactive "github.com/fwgo/fw/runtime/reactive"
)

// files is the source builder Files: it walks the root in lexical order and
// yields every .go file with its size and SHA-256. Directories named testdata
// and those starting with . or _ are skipped, as the go command does.
//
// The walk reads a file to hash it only if hashes.gob does not know it, and
// hands the content to Tokenize (hashCache.read). Hashing is the bulk of a
// run whose files changed, so hashers goroutines work ahead of the walk's order (by at
// most a window of files), and Build yields the files in walk order; all of
// them end before Build returns, as a source must not leave work behind.
type files struct {
	root    string
	hashers int
	hashes  *hashCache
}

// hashed is a file of the walk, hashed or failed.
type hashed struct {
	path string
	file File
	err  error
	done chan struct{} // closed when file or err is set
}

// Build walks, hashes and yields the files.
//
//fw:nondeterministic-ok the walker and the hashers run in parallel, but Build yields in walk order (the order channel), each file with its content's hash; the selects only stop on cancellation
func (f files) Build(ctx context.Context, yield func(File) bool) error {
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer wg.Wait()
	defer cancel()

	const window = 256
	todo := make(chan *hashed, window)  // to the hashers
	order := make(chan *hashed, window) // to this goroutine, in walk order
	var walkErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(order)
		defer close(todo)
		walkErr = f.walk(func(rel string) bool {
			h := &hashed{path: rel, done: make(chan struct{})}
			select {
			case order <- h: // first, so that order never lags behind todo
			case <-ctx.Done():
				return false
			}
			select {
			case todo <- h:
				return true
			case <-ctx.Done():
				return false
			}
		})
	}()
	for range max(f.hashers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for h := range todo {
				if ctx.Err() != nil { // stopped: nobody waits for the rest
					close(h.done)
					continue
				}
				size, sum, err := f.hashes.hash(h.path, filepath.Join(f.root, filepath.FromSlash(h.path)))
				h.file, h.err = File{Path: h.path, Pkg: pathpkg.Dir(h.path), Size: size, Hash: sum}, err
				close(h.done)
			}
		}()
	}
	for h := range order {
		select {
		case <-h.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		if h.err != nil {
			return h.err
		}
		if !yield(h.file) {
			return nil
		}
	}
	return walkErr // read after order is closed, which the walker does after setting it
}

// walk calls visit with the slash-separated path, relative to the root, of
// each .go file of the tree in lexical order, until visit returns false.
func (f files) walk(visit func(rel string) bool) error {
	return filepath.WalkDir(f.root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != f.root && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || !strings.HasSuffix(d.Name(), ".go") {
			return nil
		}
		rel, err := filepath.Rel(f.root, path)
		if err != nil {
			return err
		}
		if !visit(filepath.ToSlash(rel)) {
			return filepath.SkipAll
		}
		return nil
	})
}

// tokenizer is the persistent builder Tokenize. A call takes the content the
// walk hashed, or reads the file and checks that it is still the content
// whose hash the walk yielded (so that what is recorded under the File's key
// is that content's counts), and publishes its identifiers.
// Its output depends only on the File (path and content), as persist requires.
type tokenizer struct {
	root   string
	hashes *hashCache // the content the walk read, and the check of a file read again
	delay  time.Duration
	calls  *atomic.Int64 // shared by the instances
}

func (t *tokenizer) OnFiles(c TokenizeContext, f File) error {
	t.calls.Add(1)
	src, err := t.hashes.read(f.Path, filepath.Join(t.root, filepath.FromSlash(f.Path)), f.Size, f.Hash)
	if err != nil {
		return err
	}
	if t.delay > 0 {
		//fw:nondeterministic-ok the delay (a test's) only slows the call; cancellation fails it
		select {
		case <-time.After(t.delay): //fw:nondeterministic-ok as above
		case <-c.Context().Done():
			return c.Context().Err()
		}
	}
	words, total := tokenize(src)
	c.Publish(FileWords{Path: f.Path, Pkg: f.Pkg, Total: int64(total), Words: words})
	return nil
}

// packages is the builder Packages: it merges the FileWords of a package
// (one group of ByPkg) into one PkgWords.
type packages struct{}

func (packages) OnByPkg(c PackagesContext, g fwreactive.Group[string, FileWords]) error {
	n := 0
	for _, it := range g.Items {
		n = max(n, len(it.Words))
	}
	counts := newCounterSize(2 * n)
	var total int64
	for _, it := range g.Items {
		total += it.Total
		for _, w := range it.Words {
			counts.add(w.Word, w.Count)
		}
	}
	c.Publish(PkgWords{Pkg: g.Key, Files: int64(len(g.Items)), Total: total, Words: counts.sorted()})
	return nil
}

// summarize is the builder Summarize: it adds up the packages' counts, makes
// their lines, and draws the sample from their identifiers, the packages in
// ascending order and each one's identifiers in ascending order.
type summarize struct{}

func (summarize) OnAllPkgs(c SummarizeContext, pkgs []PkgWords) error {
	order := make([]int, len(pkgs)) // the packages in ascending order (pkgs is not to be modified)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(pkgs[a].Pkg, pkgs[b].Pkg) })
	// The Go tree has about 160,000 distinct identifiers: room for them up front.
	counts := newCounterSize(1 << 18)
	sampler := fwreactive.NewReservoirSampler[string](20, 42)
	s := Summary{Packages: make([]PkgLine, 0, len(pkgs))}
	for _, i := range order {
		p := &pkgs[i]
		line := PkgLine{Pkg: p.Pkg, Files: p.Files, Total: p.Total, Distinct: int64(len(p.Words))}
		for _, w := range p.Words {
			counts.add(w.Word, w.Count)
			sampler.Add(w.Word)
			if w.Count > line.TopCount { // ascending order: ties keep the first
				line.Top, line.TopCount = w.Word, w.Count
			}
		}
		s.Files += p.Files
		s.Total += p.Total
		s.Packages = append(s.Packages, line)
	}
	s.Words = counts.list()
	s.Sample = sampler.Sample()
	c.Publish(s)
	return nil
}

// report is the processor Report.
type report struct {
	out     io.Writer
	top     int
	summary Summary
}

func newReport(out io.Writer, top int) *report { return &report{out: out, top: top} }

func (r *report) Init(c ReportInitContext) error {
	c.ResolveSummary()
	return nil
}

func (r *report) OnSummary(c ReportSummaryContext, v Summary) error {
	r.summary = v
	return nil
}

// Terminate writes the report: it runs once the whole tree is counted, and
// not after an interrupt.
func (r *report) Terminate(c ReportTerminateContext) error {
	sum := r.summary
	var b bytes.Buffer
	fmt.Fprintf(&b, "%d files in %d packages: %d identifiers, %d distinct\n", sum.Files, len(sum.Packages), sum.Total, len(sum.Words))
	fmt.Fprintf(&b, "\ntop %d identifiers:\n", r.top)
	for i, w := range top(sum.Words, r.top) {
		fmt.Fprintf(&b, "%4d  %9d  %s\n", i+1, w.Count, w.Word)
	}
	lines := slices.Clone(sum.Packages)
	slices.SortFunc(lines, func(a, b PkgLine) int {
		return cmp.Or(cmp.Compare(b.Total, a.Total), cmp.Compare(a.Pkg, b.Pkg))
	})
	fmt.Fprintf(&b, "\nlargest packages:\n")
	for _, p := range lines[:min(5, len(lines))] {
		fmt.Fprintf(&b, "%9d  %s (%d files, %d distinct; most frequent: %s, %d)\n", p.Total, p.Pkg, p.Files, p.Distinct, p.Top, p.TopCount)
	}
	sample := slices.Sorted(slices.Values(sum.Sample))
	fmt.Fprintf(&b, "\nsample of %d distinct identifiers of a package (reservoir, seed 42):\n", len(sample))
	for i := 0; i < len(sample); i += 10 {
		fmt.Fprintf(&b, "  %s\n", strings.Join(sample[i:min(i+10, len(sample))], " "))
	}
	_, err := r.out.Write(b.Bytes())
	return err
}
