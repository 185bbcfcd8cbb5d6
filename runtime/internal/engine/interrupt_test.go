package engine_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/fwgo/fw/runtime/archive/badgerarchive"
	"github.com/fwgo/fw/runtime/fw"
	fwrt "github.com/fwgo/fw/runtime/internal/engine"
)

// The interrupt tests run the test binary again as a child process (mode in
// FW_INTERRUPT_CHILD) and send it real signals.

const childInputs = 200

// TestInterruptChild is the child's main: it runs the cache program with
// WithInterrupts on the Badger workspace FW_WORKSPACE and maps ErrInterrupted
// to exit code 130, as a CLI does. It prints "call <input>" when a handler call
// is about to succeed, and at the end of a successful run "sink <line>" for
// every event Sink received.
func TestInterruptChild(t *testing.T) {
	mode := os.Getenv("FW_INTERRUPT_CHILD")
	if mode == "" {
		t.Skip("the child process of the interrupt tests")
	}
	workers, _ := strconv.Atoi(os.Getenv("FW_WORKERS"))
	a, err := badgerarchive.Open(os.Getenv("FW_WORKSPACE"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var mu sync.Mutex // handlers of a concurrent processor print at once
	say := func(format string, args ...any) {
		mu.Lock()
		fmt.Fprintf(os.Stdout, format+"\n", args...)
		mu.Unlock()
	}
	var work workFunc
	switch mode {
	case "long":
		work = func(c *fwrt.Call, s string) error {
			time.Sleep(10 * time.Millisecond)
			emitTwo(c, s)
			say("call %s", s)
			return nil
		}
	case "block":
		work = func(c *fwrt.Call, s string) error {
			say("blocked %s", s)
			<-c.Context().Done()
			return c.Context().Err()
		}
	}
	r := runCache(t, cacheProgram(4, 1), a, work, inputsN(childInputs), fw.WithWorkers(workers), fw.WithInterrupts())
	if cerr := a.Close(); cerr != nil && r.err == nil {
		r.err = cerr
	}
	switch {
	case errors.Is(r.err, fw.ErrInterrupted):
		os.Exit(130)
	case r.err != nil:
		fmt.Fprintln(os.Stderr, r.err)
		os.Exit(1)
	}
	for _, l := range r.sink {
		say("sink %s", l)
	}
	os.Exit(0)
}

// child is a running child process.
type child struct {
	cmd   *exec.Cmd
	lines chan string
	done  chan struct{} // closed when the process has exited
	err   error
}

func startChild(t *testing.T, mode, workspace string, workers int) *child {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestInterruptChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "FW_INTERRUPT_CHILD="+mode, "FW_WORKSPACE="+workspace, fmt.Sprint("FW_WORKERS=", workers))
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &child{cmd: cmd, lines: make(chan string, 1024), done: make(chan struct{})}
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			c.lines <- sc.Text()
		}
		close(c.lines)
		c.err = cmd.Wait()
		close(c.done)
	}()
	t.Cleanup(func() {
		select {
		case <-c.done:
		default:
			cmd.Process.Kill()
			<-c.done
		}
	})
	return c
}

// next returns the child's next output line, or false at its end.
func (c *child) next(t *testing.T, timeout time.Duration) (string, bool) {
	t.Helper()
	select {
	case l, ok := <-c.lines:
		return l, ok
	case <-time.After(timeout):
		t.Fatalf("no output from the child in %v", timeout)
		return "", false
	}
}

// wait waits for the child to exit and returns its exit code and the lines
// it printed since the last next.
func (c *child) wait(t *testing.T, timeout time.Duration) (int, []string) {
	t.Helper()
	var lines []string
	deadline := time.After(timeout)
	for {
		select {
		case l, ok := <-c.lines:
			if ok {
				lines = append(lines, l)
				continue
			}
			<-c.done
			code := 0
			var ee *exec.ExitError
			if errors.As(c.err, &ee) {
				code = ee.ExitCode()
			} else if c.err != nil {
				t.Fatal(c.err)
			}
			return code, lines
		case <-deadline:
			t.Fatalf("the child did not exit within %v", timeout)
		}
	}
}

// split separates "call" and "sink" lines.
func split(lines []string) (calls, sink []string) {
	for _, l := range lines {
		if s, ok := strings.CutPrefix(l, "call "); ok {
			calls = append(calls, s)
		} else if s, ok := strings.CutPrefix(l, "sink "); ok {
			sink = append(sink, s)
		}
	}
	return calls, sink
}

func TestInterruptResume(t *testing.T) {
	if testing.Short() {
		t.Skip("runs child processes")
	}
	// The reference: an uninterrupted run on a fresh workspace.
	ref := startChild(t, "long", t.TempDir(), 4)
	code, lines := ref.wait(t, time.Minute)
	refCalls, refSink := split(lines)
	if code != 0 || len(refCalls) != childInputs+2 || len(refSink) != 2*(childInputs+2) {
		t.Fatalf("reference run: exit %d, %d calls, %d sink lines: %q", code, len(refCalls), len(refSink), lines)
	}
	for _, workers := range []int{1, 4} {
		t.Run(fmt.Sprint("workers=", workers), func(t *testing.T) {
			ws := t.TempDir()
			c := startChild(t, "long", ws, workers)
			var before []string
			for len(before) < 20 {
				l, ok := c.next(t, 30*time.Second)
				if !ok {
					t.Fatal("the child ended early")
				}
				before = append(before, strings.TrimPrefix(l, "call "))
			}
			if err := c.cmd.Process.Signal(syscall.SIGINT); err != nil {
				t.Fatal(err)
			}
			sent := time.Now()
			code, rest := c.wait(t, 5*time.Second)
			if code != 130 {
				t.Fatalf("interrupted child: exit code %d, want 130", code)
			}
			t.Logf("exited %v after SIGINT", time.Since(sent).Round(time.Millisecond))
			more, sink := split(rest)
			recorded := append(before, more...)
			if len(sink) != 0 || len(recorded) >= childInputs {
				t.Fatalf("the interrupted run completed: %d calls, %d sink lines", len(recorded), len(sink))
			}

			// The rerun resumes from the cache: no handler call for what was
			// recorded, and the same output as without the interrupt.
			r := startChild(t, "long", ws, workers)
			code, lines := r.wait(t, time.Minute)
			calls, sink := split(lines)
			if code != 0 {
				t.Fatalf("rerun: exit code %d", code)
			}
			for _, s := range calls {
				if slices.Contains(recorded, s) {
					t.Errorf("rerun called the handler for %s, recorded before the interrupt", s)
				}
			}
			if len(calls)+len(recorded) != childInputs+2 {
				t.Errorf("%d calls before the interrupt, %d after; want %d in all", len(recorded), len(calls), childInputs+2)
			}
			equalLines(t, "rerun output", sink, refSink)
		})
	}
}

func TestInterruptSecondSignal(t *testing.T) {
	if testing.Short() {
		t.Skip("runs child processes")
	}
	for _, workers := range []int{1, 4} {
		t.Run(fmt.Sprint("workers=", workers), func(t *testing.T) {
			c := startChild(t, "block", t.TempDir(), workers)
			if l, ok := c.next(t, 30*time.Second); !ok || !strings.HasPrefix(l, "blocked") {
				t.Fatalf("child said %q", l)
			}
			if err := c.cmd.Process.Signal(syscall.SIGINT); err != nil {
				t.Fatal(err)
			}
			// The first signal waits for the calls in progress: the blocked
			// handler keeps the child alive.
			select {
			case <-c.done:
				t.Fatalf("the child exited after the first signal: %v", c.err)
			case <-time.After(300 * time.Millisecond):
			}
			if err := c.cmd.Process.Signal(syscall.SIGINT); err != nil {
				t.Fatal(err)
			}
			code, _ := c.wait(t, 5*time.Second)
			if code != 130 {
				t.Fatalf("exit code %d, want 130", code)
			}
		})
	}
}

// TestInterruptsInProcess: without a signal, WithInterrupts changes nothing,
// and the signal handler is gone after Run.
func TestInterruptsInProcess(t *testing.T) {
	r := runCache(t, cacheProgram(0, 1), nil, emitTwo, inputsN(3), fw.WithInterrupts(), fw.WithWorkers(2))
	if r.err != nil || r.calls != 5 {
		t.Fatal(r.err, r.calls)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	e := fwrt.New(cacheProgram(0, 1), &cdisp{work: emitTwo}, fw.WithInterrupts())
	e.Submit(ev(kIn, "x"))
	if err := e.Run(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Run with a cancelled context: %v", err)
	}
}

// signalSelf sends SIGINT to this process; the caller has a handler
// installed (fw.NotifyInterrupts), or the test binary would die.
func signalSelf(t *testing.T) {
	t.Helper()
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
}

// TestNotifyInterruptsBeforeRun: a signal before Run, caught by the handler
// of fw.NotifyInterrupts, cancels its context with cause ErrInterrupted, and
// Run makes no call and returns ErrInterrupted; a second signal before Run
// changes nothing of that, and a third is ignored too (the test binary lives).
func TestNotifyInterruptsBeforeRun(t *testing.T) {
	for _, signals := range []int{1, 3} {
		t.Run(fmt.Sprint("signals=", signals), func(t *testing.T) {
			ctx, stop := fw.NotifyInterrupts(context.Background())
			defer stop()
			for range signals {
				signalSelf(t)
			}
			select {
			case <-ctx.Done():
			case <-time.After(5 * time.Second):
				t.Fatal("no signal seen in 5s")
			}
			if cause := context.Cause(ctx); cause != fw.ErrInterrupted {
				t.Fatalf("cause %v, want fw.ErrInterrupted", cause)
			}
			time.Sleep(20 * time.Millisecond) // the other signals arrive
			for _, workers := range []int{1, 2} {
				r := runCacheCtx(ctx, cacheProgram(0, 1), emitTwo, inputsN(3), fw.WithInterrupts(), fw.WithWorkers(workers))
				if r.err != fw.ErrInterrupted || r.calls != 0 {
					t.Fatalf("Run after a signal: %v, %d calls; want fw.ErrInterrupted and no call", r.err, r.calls)
				}
			}
		})
	}
}

// TestNotifyInterruptsDuringRun: with the handler of fw.NotifyInterrupts
// (and WithInterrupts, which then installs nothing more), the first signal
// during Run waits for the call in progress with its context live; the
// second cancels it; Run returns ErrInterrupted. Without a signal, Run on
// the handler's context is a plain run.
func TestNotifyInterruptsDuringRun(t *testing.T) {
	ctx, stop := fw.NotifyInterrupts(context.Background())
	defer stop()
	r := runCacheCtx(ctx, cacheProgram(0, 1), emitTwo, inputsN(3), fw.WithInterrupts(), fw.WithWorkers(2))
	if r.err != nil || r.calls != 5 {
		t.Fatal(r.err, r.calls)
	}
	for _, workers := range []int{1, 4} {
		t.Run(fmt.Sprint("workers=", workers), func(t *testing.T) {
			ctx, stop := fw.NotifyInterrupts(context.Background())
			defer stop()
			blocked := make(chan struct{}, childInputs)
			var cancelled atomic.Bool
			work := func(c *fwrt.Call, s string) error {
				blocked <- struct{}{}
				<-c.Context().Done()
				cancelled.Store(true)
				return c.Context().Err()
			}
			res := make(chan cacheRun, 1)
			go func() {
				res <- runCacheCtx(ctx, cacheProgram(4, 1), work, inputsN(20), fw.WithInterrupts(), fw.WithWorkers(workers))
			}()
			<-blocked
			signalSelf(t)
			<-ctx.Done()
			select {
			case r := <-res:
				t.Fatalf("Run returned after the first signal, with a call blocked: %v", r.err)
			case <-time.After(200 * time.Millisecond):
			}
			if cancelled.Load() {
				t.Fatal("the first signal cancelled the handlers' context")
			}
			signalSelf(t)
			select {
			case r := <-res:
				if r.err != fw.ErrInterrupted {
					t.Fatalf("Run: %v, want fw.ErrInterrupted", r.err)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("Run did not return 5s after the second signal")
			}
		})
	}
}

func runCacheCtx(ctx context.Context, prog *fwrt.Program, work workFunc, inputs []string, opts ...fw.Option) cacheRun {
	d := &cdisp{prog: prog, work: work}
	e := fwrt.New(prog, d, opts...)
	for _, s := range inputs {
		e.Submit(ev(kIn, s))
	}
	err := e.Run(ctx)
	return cacheRun{err: err, calls: d.calls.Load(), sink: d.sink, stats: e.Stats()}
}
