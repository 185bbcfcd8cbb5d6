// Command indexer-cluster runs fw's incremental indexer (examples/indexer,
// package index) across processes: it starts an embedded NATS JetStream
// server (fwcluster.DevServer) in a temporary directory, starts itself again
// as member processes (2 by default), and joins the run as its submitter,
// which keeps the Report processor (cluster.Pin), so that it prints the
// report. The report (stdout) is byte for byte the single-process indexer's
// (make demo) on the same tree.
//
// Each process keeps its own workspace, a Badger archive in <workspace>/<name>
// (-workspace, default fw-indexer-cluster in the user cache directory; m0 is
// this process): the owner of each instance decides its cache lookups, and
// every member records what the run computed (docs/distributed.md,
// "Caching"), so the next run is warm wherever the instances land. With
// -cold there is none: the persistent builders keep their results in memory
// for the run, and Tokenize reads and tokenizes every file. (The workspaces
// keep no hash cache: the walk hashes every file.) The members work on the same tree
// (the same machine, or the same path on every machine); each runs its calls
// one at a time, and the instances of the pipeline (Files, Tokenize, ByPkg,
// Packages, AllPkgs, Summarize, and Report, pinned to the submitter) are
// spread over the submitter and the members.
//
// A member process killed by a signal is started again (up to 3 times): it
// catches up from the log, and the run goes on. A member that fails with an
// error ends the command.
//
// Usage:
//
//	indexer-cluster [-root dir] [-members n] [-top n] [-workspace dir | -cold]
//
// The submitter's stats table goes to stderr, with each member's, prefixed
// by its name.
package main

import (
	"bufio"
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
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fwgo/fw/examples/indexer/index"
	"github.com/fwgo/fw/fwcluster"
	"github.com/fwgo/fw/runtime/archive/badgerarchive"
	"github.com/fwgo/fw/runtime/cluster"
	"github.com/fwgo/fw/runtime/fw"
)

// The environment of a member process.
const (
	envRole    = "FW_INDEXER_CLUSTER_ROLE"    // "member"
	envURL     = "FW_INDEXER_CLUSTER_URL"     // the server
	envName    = "FW_INDEXER_CLUSTER_NAME"    // the member's name
	envRoot    = "FW_INDEXER_CLUSTER_ROOT"    // the tree
	envWS      = "FW_INDEXER_CLUSTER_WS"      // the workspaces' directory ("": none)
	envRestart = "FW_INDEXER_CLUSTER_RESTART" // how many times the member was started before
	// envTestFail names a member that fails at once, envTestKill one that
	// SIGKILLs itself at its 100th call, the first time it runs (a test's).
	envTestFail = "FW_INDEXER_CLUSTER_TEST_FAIL"
	envTestKill = "FW_INDEXER_CLUSTER_TEST_KILL"
)

// runName is the run's name on the server (a fresh server per command).
const runName = "indexer"

// maxRestarts is how many times a member killed by a signal is started again.
const maxRestarts = 3

// deadAfter is the run's DeadAfter: longer than the longest call (Summarize
// over a large tree, on a loaded machine), so that no member looks dead.
const deadAfter = 10 * time.Second

// options are the command's flags.
type options struct {
	root      string
	members   int
	top       int
	workspace string // the directory of the workspaces, one per process
	cold      bool   // no workspace
}

func main() {
	if os.Getenv(envRole) == "member" {
		if err := member(context.Background(), os.Getenv(envURL), os.Getenv(envName), os.Getenv(envRoot), os.Getenv(envWS), os.Stderr); err != nil {
			fmt.Fprintf(os.Stderr, "indexer-cluster: member %s: %v\n", os.Getenv(envName), err)
			os.Exit(1)
		}
		return
	}
	ctx, _ := fw.NotifyInterrupts(context.Background())
	var opts options
	flag.StringVar(&opts.root, "root", "", "directory tree to index (default: $(go env GOROOT)/src)")
	flag.IntVar(&opts.members, "members", 2, "member processes besides this one (the submitter)")
	flag.IntVar(&opts.top, "top", 20, "how many of the most frequent identifiers to print")
	flag.StringVar(&opts.workspace, "workspace", "", "directory of the processes' workspaces, <dir>/m0, <dir>/m1, ... (default: fw-indexer-cluster in the user cache directory, or .fw-indexer-cluster)")
	flag.BoolVar(&opts.cold, "cold", false, "no workspace: every run is cold")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: indexer-cluster [flags]\n\nIndexes the identifiers of the Go files of a tree across member processes.\n\nFlags:\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 || opts.members < 0 || opts.cold && opts.workspace != "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(ctx, opts, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "indexer-cluster:", err)
		os.Exit(fw.ExitCode(err))
	}
}

// defaultRoot is the standard library's source tree of the installed Go.
func defaultRoot() string {
	if out, err := exec.Command("go", "env", "GOROOT").Output(); err == nil {
		if dir := strings.TrimSpace(string(out)); dir != "" {
			return filepath.Join(dir, "src")
		}
	}
	return filepath.Join(runtime.GOROOT(), "src")
}

// defaultWorkspace is fw-indexer-cluster in the user's cache directory
// (.fw-indexer-cluster where there is none).
func defaultWorkspace() string {
	if dir, err := os.UserCacheDir(); err == nil {
		return filepath.Join(dir, "fw-indexer-cluster")
	}
	return ".fw-indexer-cluster"
}

// run starts the server and the members, and runs the submitter: the report
// to stdout, the stats to stderr.
func run(ctx context.Context, opts options, stdout, stderr io.Writer) error {
	if opts.root == "" {
		opts.root = defaultRoot()
	}
	if opts.workspace == "" && !opts.cold {
		opts.workspace = defaultWorkspace()
	}
	if opts.workspace != "" {
		ws, err := filepath.Abs(opts.workspace)
		if err != nil {
			return err
		}
		opts.workspace = ws
	}
	root, err := filepath.Abs(opts.root)
	if err != nil {
		return err
	}
	if fi, err := os.Stat(root); err != nil {
		return err
	} else if !fi.IsDir() {
		return fmt.Errorf("%s is not a directory", root)
	}
	dir, err := os.MkdirTemp("", "fw-indexer-cluster")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	url, stop, err := fwcluster.DevServer(dir)
	if err != nil {
		return err
	}
	defer stop()
	start := time.Now()

	// The members: this executable again, its stderr prefixed with the name.
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	mctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// A member that fails ends the submitter's run: it would wait for it.
	sctx, fail := context.WithCancelCause(ctx)
	defer fail(nil)
	var wg sync.WaitGroup
	var mu sync.Mutex // stderr, shared with the members' copies
	errs := make([]error, opts.members)
	cpu := make([]string, opts.members+1) // each process's CPU time
	for i := range opts.members {
		name := fmt.Sprint("m", i+1)
		// start starts the member's process (restart: how many times
		// before), its stderr copied to ours, prefixed with its name.
		start := func(restart int) (*exec.Cmd, *sync.WaitGroup, error) {
			cmd := exec.CommandContext(mctx, exe)
			cmd.Env = append(os.Environ(), envRole+"=member", envURL+"="+url, envName+"="+name, envRoot+"="+root, envWS+"="+opts.workspace, fmt.Sprint(envRestart, "=", restart))
			out, err := cmd.StderrPipe()
			if err != nil {
				return nil, nil, err
			}
			cmd.Stdout = nil // a member prints no report
			if err := cmd.Start(); err != nil {
				return nil, nil, fmt.Errorf("starting member %s: %w", name, err)
			}
			var copied sync.WaitGroup
			copied.Go(func() {
				sc := bufio.NewScanner(out)
				sc.Buffer(nil, 1<<20)
				for sc.Scan() {
					mu.Lock()
					fmt.Fprintf(stderr, "%s: %s\n", name, sc.Text())
					mu.Unlock()
				}
				io.Copy(io.Discard, out)
			})
			return cmd, &copied, nil
		}
		cmd, copied, err := start(0)
		if err != nil {
			return err
		}
		wg.Go(func() {
			var cpuTime time.Duration
			for restart := 0; ; restart++ {
				copied.Wait()
				err := cmd.Wait()
				st := cmd.ProcessState
				cpuTime += st.UserTime() + st.SystemTime()
				if err == nil {
					break
				}
				// A member killed by a signal is started again, a new
				// incarnation: it catches up from the log and the run goes on
				// (a crash costs a replay; docs/distributed.md). An error of
				// its own, or a stop of ours, ends the run.
				if ws, ok := st.Sys().(interface{ Signaled() bool }); ok && ws.Signaled() && restart < maxRestarts && mctx.Err() == nil {
					mu.Lock()
					fmt.Fprintf(stderr, "%s: %v: starting it again\n", name, err)
					mu.Unlock()
					if cmd, copied, err = start(restart + 1); err == nil {
						continue
					}
				}
				errs[i] = fmt.Errorf("member %s: %w", name, err)
				fail(errs[i])
				return
			}
			mu.Lock()
			cpu[i+1] = fmt.Sprintf("%s %.2fs", name, cpuTime.Seconds())
			mu.Unlock()
		})
	}

	stats, err := submitter(sctx, url, root, opts, stdout)
	cause := context.Cause(sctx) // a member's failure that ended the run
	if err != nil {
		cancel() // the members wait for a run that will not go on
	}
	wg.Wait()
	if cause != nil && ctx.Err() == nil {
		return cause // the first member that failed (the others were stopped)
	}
	if err != nil {
		return err
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	mu.Lock()
	defer mu.Unlock()
	writeStats(stderr, "m0 (submitter)", stats)
	cpu[0] = fmt.Sprintf("m0 %.2fs", cpuSeconds())
	tokenize, _ := stats.Proc("Tokenize")
	procs := fmt.Sprint(opts.members+1, " processes")
	if opts.members == 0 {
		procs = "1 process"
	}
	ws := "no workspace: every run is cold"
	if opts.workspace != "" {
		ws = "workspaces " + filepath.Join(opts.workspace, "m*")
	}
	fmt.Fprintf(stderr, "%d files on %s: %d tokenized, %d from the cache (%s), in %.2fs; CPU: %s\n",
		tokenize.CacheHits+tokenize.CacheMisses, procs, tokenize.CacheMisses, tokenize.CacheHits, ws, time.Since(start).Seconds(), strings.Join(cpu, ", "))
	return nil
}

// submitter is member m0: it waits for the members, proposes the run, keeps
// Report, and prints the report to stdout.
func submitter(ctx context.Context, url, root string, opts options, stdout io.Writer) (fw.Stats, error) {
	nc, js, err := fwcluster.Connect(url)
	if err != nil {
		return fw.Stats{}, err
	}
	defer nc.Close()
	l, err := fwcluster.Open(ctx, js, runName)
	if err != nil {
		return fw.Stats{}, err
	}
	defer l.Close()
	ws, fwOpts, err := openWorkspace(opts.workspace, "m0", os.Stderr)
	if err != nil {
		return fw.Stats{}, err
	}
	defer ws.Close()
	ix := index.New(index.Config{Root: root, Hashers: runtime.GOMAXPROCS(0), Top: opts.top, Out: stdout})
	join := cluster.Join(l, "m0", cluster.Submitter(), cluster.Members(opts.members+1), cluster.Pin("Report"), cluster.DeadAfter(deadAfter))
	p, err := index.NewPipeline(ix.Handlers(), append(fwOpts, join)...)
	if err != nil {
		return fw.Stats{}, err
	}
	err = p.Run(ctx)
	if cerr := ws.Close(); err == nil {
		err = cerr
	}
	return p.Stats(), err
}

// openWorkspace opens the workspace of process name in dir (none if dir is
// ""), and returns the options of a run on it, warnings logged to stderr.
func openWorkspace(dir, name string, stderr io.Writer) (io.Closer, []fw.Option, error) {
	opts := []fw.Option{fw.WithLogger(warnLogger(stderr))}
	if dir == "" {
		return io.NopCloser(nil), opts, nil
	}
	ws, wsOpts, err := badgerarchive.OpenWorkspace(filepath.Join(dir, name), badgerarchive.WithLogger(warnLogger(stderr)))
	if err != nil {
		return nil, nil, err
	}
	return ws, append(wsOpts, opts...), nil
}

// member runs member name until the run ends, then writes its stats to
// stderr. Serve makes the pipeline again, with fresh handlers, whenever the
// run gives the member other instances.
func member(ctx context.Context, url, name, root, workspace string, stderr io.Writer) error {
	if os.Getenv(envTestFail) == name {
		return errors.New("failing at the start, as the test asks")
	}
	nc, js, err := fwcluster.Connect(url)
	if err != nil {
		return err
	}
	defer nc.Close()
	l, err := fwcluster.Open(ctx, js, runName)
	if err != nil {
		return err
	}
	defer l.Close()
	ws, opts, err := openWorkspace(workspace, name, stderr)
	if err != nil {
		return err
	}
	defer ws.Close()
	var stats fw.Stats
	if os.Getenv(envTestKill) == name && os.Getenv(envRestart) == "0" {
		opts = append(opts, fw.WithCallObserver(&killer{at: 100}))
	}
	err = cluster.Serve(ctx, l, name, func(ctx context.Context, join fw.Option) error {
		ix := index.New(index.Config{Root: root, Hashers: runtime.GOMAXPROCS(0)}) // no report: Out is nil
		p, err := index.NewPipeline(ix.Handlers(), append([]fw.Option{join}, opts...)...)
		if err != nil {
			return err
		}
		err = p.Run(ctx)
		stats = p.Stats()
		return err
	}, cluster.DeadAfter(deadAfter))
	if cerr := ws.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	writeStats(stderr, name, stats)
	return nil
}

// killer SIGKILLs its process at the end of its at-th call (a test's crash:
// every member makes every call's second pass, so this is after a commit).
type killer struct {
	n  atomic.Int64
	at int64
}

func (k *killer) CallBegin(ctx context.Context, _ fw.CallInfo) context.Context { return ctx }
func (k *killer) CallEnd(context.Context, fw.CallInfo, fw.CallResult) {
	if k.n.Add(1) == k.at {
		killSelf()
	}
}

func warnLogger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

// writeStats writes the stats table of member name. Every member counts the
// whole run's calls (each computes the run from the accepted outputs); the
// handler times are its own calls'.
func writeStats(w io.Writer, name string, s fw.Stats) {
	fmt.Fprintf(w, "stats of %s:\n", name)
	s.WriteTable(w) // stderr: nothing to do about an error
}
