// Command indexer is fw's incremental indexer example: it walks a tree of Go
// sources (by default the standard library of the installed toolchain,
// $(go env GOROOT)/src), tokenizes every .go file, counts identifiers per
// package and overall, samples 20 of them, and prints the most frequent ones.
//
// The pipeline is package index: declared in index/indexer.fw and generated
// by go generate (index/gen.go); the generated files are committed, and a test fails when they
// are stale. Its stages:
//
//   - Files, a source builder, walks the root in lexical order (skipping
//     testdata and directories starting with . or _, as the go command does)
//     and yields each .go file's path, package directory, size and SHA-256,
//     never its content (the events stay small, and the cache key is the
//     hash). A file is read and hashed at most once per run: the content the
//     walk read to hash it waits for Tokenize beside the run, within a bound
//     of 64 MB (see hashes.go).
//   - Tokenize, a persistent transform, takes the content the walk hashed
//     (or reads the file and checks its hash, if the walk did not read it)
//     and publishes its identifiers (go/scanner's token.IDENT, so neither
//     keywords nor the words of comments and strings; the blank identifier
//     left out) with their counts, a list of Word records. Its cache key is
//     the File, that is the path and the content hash: a file whose content
//     is unchanged is never read again by Tokenize, its counts are replayed
//     from the workspace. It is partitioned by path into 8 key groups (and
//     ByPkg by package), so that the member processes of a distributed run
//     (make demo-cluster, fwcluster/examples/indexer-cluster) share the work;
//     in one process they are 8 instances with their own inboxes.
//   - ByPkg (a Grouper) gathers each package's files when the walk is over;
//     Packages (persistent too) merges their counts; AllPkgs (a Collector)
//     gathers the packages, and Summarize (persistent too) adds them up: the
//     count of every identifier, a line per package and a sample of 20
//     identifiers (fw's reservoir sampler, seed 42). Report prints the
//     report at the end. An unchanged tree replays every stage: a warm run
//     calls no handler but Report's.
//
// The workspace (-workspace, default fw-indexer in the user cache directory,
// else .fw-indexer) is a Badger archive, plus hashes.gob: the hashes of the
// files of the last run by path, size and modification time, so that a warm
// run stats the files instead of reading them to hash them (-rehash ignores
// it). Ctrl-C stops a run gracefully: the calls in progress finish and are
// recorded, the command exits with code 130, and a rerun resumes from what
// was recorded. The handler is fw's, installed before the workspace opens
// (fw.NotifyInterrupts): a signal at any moment ends the command with code
// 130, a second one during the stop cancels the calls in progress, and no
// signal kills the process (Ctrl-\, SIGQUIT, still ends a stuck one).
//
// Usage:
//
//	indexer [-root dir] [-workspace dir] [-workers n] [-top n] [-progress auto|on|off] [-rehash]
//
// The report (stdout) depends only on the tree. The progress display (stderr,
// when it is a terminal: phase, files, cache hits, events/s), the
// per-processor stats table and a summary line go to stderr.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/fwgo/fw/examples/indexer/index"
	"github.com/fwgo/fw/runtime/archive/badgerarchive"
	"github.com/fwgo/fw/runtime/fw"
)

// options are the command's flags.
type options struct {
	root      string        // the tree to index
	workspace string        // the Badger workspace directory
	workers   int           // fw.WithWorkers
	top       int           // identifiers in the report
	progress  string        // auto, on or off
	delay     time.Duration // a pause per tokenized file, to watch or interrupt a small run
	rehash    bool          // ignore the workspace's hash cache
}

// result is what a run leaves besides its report, for the tests.
type result struct {
	Stats     fw.Stats
	Tokenized int64         // calls of the Tokenize handler (cache misses)
	Hashed    int64         // files whose content was hashed (by the walk or by Tokenize)
	Reread    int64         // files hashed by the walk, then read and hashed again by Tokenize
	Summary   index.Summary // what the report is made of (empty if the run stopped early)
}

func main() {
	// fw's handling of Ctrl-C, first thing: a signal while the workspace
	// opens, during the run or after it ends the command with code 130, each
	// time by the graceful path (never by the signal).
	ctx, _ := fw.NotifyInterrupts(context.Background())
	var opts options
	flag.StringVar(&opts.root, "root", "", "directory tree to index (default: $(go env GOROOT)/src)")
	flag.StringVar(&opts.workspace, "workspace", "", "Badger workspace for the cache (default: fw-indexer in the user cache directory, or .fw-indexer)")
	flag.IntVar(&opts.workers, "workers", runtime.GOMAXPROCS(0), "handler calls run at once")
	flag.IntVar(&opts.top, "top", 20, "how many of the most frequent identifiers to print")
	flag.StringVar(&opts.progress, "progress", "auto", "progress display on stderr: auto (when stderr is a terminal), on or off")
	flag.DurationVar(&opts.delay, "tokenize-delay", 0, "pause this long in each tokenize call (to watch or interrupt a small run)")
	flag.BoolVar(&opts.rehash, "rehash", false, "hash every file again instead of trusting the hashes of unchanged files (same size and time)")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the run to this file")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: indexer [flags]\n\nIndexes the identifiers of the Go files of a tree, incrementally.\n\nFlags:\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "indexer:", err)
			os.Exit(1)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "indexer:", err)
			os.Exit(1)
		}
	}
	_, err := run(ctx, opts, os.Stdout, os.Stderr)
	late := false
	if err == nil {
		err = context.Cause(ctx) // a signal after the run: fw.ErrInterrupted
		late = err != nil
	}
	pprof.StopCPUProfile()
	switch {
	case late:
		fmt.Fprintln(os.Stderr, "indexer: interrupted after the run: the report is complete")
	case errors.Is(err, fw.ErrInterrupted):
		fmt.Fprintln(os.Stderr, "indexer: interrupted; what was tokenized is recorded: run again to resume")
	case err != nil:
		fmt.Fprintln(os.Stderr, "indexer:", err)
	}
	os.Exit(fw.ExitCode(err)) // 130 when interrupted
}

// testHook is called at the moments of a run that the tests interrupt:
// "open" before the workspace opens, "opened" once it is open, "ran" when
// Run has returned. It does nothing but in a test's child process.
var testHook = func(ctx context.Context, stage string) {}

// defaultRoot is the standard library's source tree of the installed Go.
func defaultRoot() string {
	if out, err := exec.Command("go", "env", "GOROOT").Output(); err == nil {
		if dir := strings.TrimSpace(string(out)); dir != "" {
			return filepath.Join(dir, "src")
		}
	}
	return filepath.Join(runtime.GOROOT(), "src")
}

// defaultWorkspace is fw-indexer in the user's cache directory
// ($XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS), or
// .fw-indexer in the current directory if there is none.
func defaultWorkspace() string {
	if dir, err := os.UserCacheDir(); err == nil {
		return filepath.Join(dir, "fw-indexer")
	}
	return ".fw-indexer"
}

// run indexes opts.root and writes the report to stdout, the progress and
// the stats table to stderr.
func run(ctx context.Context, opts options, stdout, stderr io.Writer) (*result, error) {
	if opts.root == "" {
		opts.root = defaultRoot()
	}
	if opts.workspace == "" {
		opts.workspace = defaultWorkspace()
	}
	if fi, err := os.Stat(opts.root); err != nil {
		return nil, err
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("%s is not a directory", opts.root)
	}
	// Warnings (a damaged workspace moved aside, a corrupt cache entry
	// recomputed) go to stderr.
	warn := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	// The workspace, and the options of a run on it that stops gracefully
	// on Ctrl-C (fw.ErrInterrupted, everything recorded flushed).
	testHook(ctx, "open")
	ws, fwOpts, err := badgerarchive.OpenWorkspace(opts.workspace, badgerarchive.WithLogger(warn))
	if err != nil {
		return nil, err
	}
	defer ws.Close() // on the error paths; Close is idempotent
	testHook(ctx, "opened")

	ix := index.New(index.Config{Root: opts.root, Workspace: opts.workspace, Rehash: opts.rehash, Hashers: opts.workers, Delay: opts.delay, Top: opts.top, Out: stdout})
	fwOpts = append(fwOpts, fw.WithWorkers(opts.workers), fw.WithLogger(warn))
	p, err := index.NewPipeline(ix.Handlers(), fwOpts...)
	if err != nil {
		return nil, err
	}

	start := time.Now()
	stop := startProgress(stderr, opts.progress, p.Stats, start)
	err = p.Run(ctx)
	stop()
	testHook(ctx, "ran")
	if serr := ix.Save(err == nil); serr != nil && err == nil {
		err = serr
	}
	res := &result{Stats: p.Stats(), Tokenized: ix.Tokenized(), Hashed: ix.Hashed(), Reread: ix.Reread(), Summary: ix.Summary()}
	if err != nil && !errors.Is(err, fw.ErrInterrupted) {
		return res, err
	}
	writeStats(stderr, res.Stats)
	if err != nil {
		return res, err
	}
	tokenize, _ := res.Stats.Proc("Tokenize")
	hits, misses := tokenize.CacheHits, tokenize.CacheMisses
	fmt.Fprintf(stderr, "%d files: %d tokenized, %d from the cache (workspace %s), in %.2fs\n",
		hits+misses, misses, hits, opts.workspace, time.Since(start).Seconds())
	return res, ws.Close()
}

// writeStats writes the per-processor stats table and the phases.
func writeStats(w io.Writer, s fw.Stats) {
	s.WriteTable(w) // stderr: nothing to do about an error
	var line []string
	for _, ph := range s.Phases {
		line = append(line, fmt.Sprintf("phase %d (%s): %d events, %d steps", ph.Phase, phaseName(ph.Phase), ph.Events, ph.Steps))
	}
	fmt.Fprintln(w, strings.Join(line, "; "))
}
