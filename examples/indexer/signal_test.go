//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/fwgo/fw/runtime/fw"
)

// The signal tests run the test binary again as the indexer: with
// FW_INDEXER_CHILD set, TestMain calls main, the command itself, with a
// testHook that prints each moment of the run ("hook open", "hook opened",
// "hook ran") on stderr with whether a signal has come, and pauses at the
// moment named by FW_INDEXER_PAUSE.
const (
	childEnv = "FW_INDEXER_CHILD"
	pauseEnv = "FW_INDEXER_PAUSE"
)

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" {
		start := time.Now()
		pause := os.Getenv(pauseEnv)
		testHook = func(ctx context.Context, stage string) {
			if stage == "open" {
				countSignals()
			}
			state := "live"
			if context.Cause(ctx) == fw.ErrInterrupted {
				state = "interrupted"
			}
			fmt.Fprintf(os.Stderr, "hook %s %s %dms\n", stage, state, time.Since(start).Milliseconds())
			if stage == pause {
				time.Sleep(500 * time.Millisecond)
			}
		}
		main() // exits
	}
	os.Exit(m.Run())
}

// countSignals prints "signal <n> <name>" on stderr for each signal the
// process receives: the test sends a second signal only once the first has
// reached the process, as two signals sent while the first is still pending
// are one. It is called once fw's handler is installed (at "hook open"), so
// that it never hides a signal that would kill the process without it.
func countSignals() {
	ch := make(chan os.Signal, 8)
	signal.Notify(ch, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		n := 0
		for s := range ch {
			n++
			fmt.Fprintf(os.Stderr, "signal %d %v\n", n, s)
		}
	}()
}

// signalRound is one run of the indexer interrupted at one moment.
type signalRound struct {
	name    string
	at      string // the stderr line prefix on which the first SIGINT is sent
	pause   string // FW_INDEXER_PAUSE
	second  bool   // a second SIGINT 50ms after the first
	delay   string // -tokenize-delay
	warm    bool   // on a workspace of a finished run (else a fresh one)
	report  bool   // the report is printed all the same (a signal after the run)
	sigterm bool   // SIGTERM rather than SIGINT
	maxStop time.Duration
}

// TestInterruptAnyMoment sends SIGINT to the indexer at every moment of its
// life after fw.NotifyInterrupts: while the workspace opens (fresh and warm,
// once or twice), between the open and Run, during the run (and SIGTERM
// there), twice during the run's graceful stop (the second cancelling the
// tokenize calls in progress, which would otherwise last 5s), and after the
// run (the report printed, the workspace not yet closed). Each round runs twice. Every round
// ends with exit code 130, the process exited (it was not killed by the
// signal), and a rerun on the same workspace prints the report of a clean
// run.
func TestInterruptAnyMoment(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the indexer in child processes")
	}
	const files = 200
	root := bigTree(t, files)
	ref, _ := indexChild(t, root, t.TempDir(), "", "-progress", "off")
	if !strings.Contains(ref, fmt.Sprintf("%d files in 10 packages", files)) {
		t.Fatalf("reference report:\n%s", ref)
	}
	rounds := []signalRound{
		{name: "open", at: "hook open"},
		// A warm run of this tree can end before a signal sent at "hook open"
		// arrives on a loaded machine; the pause keeps it in open until then.
		{name: "open-warm", at: "hook open", pause: "open", warm: true},
		{name: "open-twice", at: "hook open", pause: "open", second: true}, // the pause keeps the process in open until the second signal
		{name: "before-run", at: "hook opened", pause: "opened"},
		{name: "run", at: "phase 0", delay: "10ms"},
		{name: "run-sigterm", at: "phase 0", delay: "10ms", sigterm: true},
		{name: "stop-twice", at: "phase 0", delay: "5s", second: true, maxStop: 4 * time.Second},
		{name: "after-run", at: "hook ran", pause: "ran", report: true},
	}
	duringOpen, atOpen := 0, 0
	for rep := range 2 {
		for _, r := range rounds {
			t.Run(fmt.Sprintf("%s/%d", r.name, rep), func(t *testing.T) {
				ws := t.TempDir()
				if r.warm {
					indexChild(t, root, ws, "", "-progress", "off")
				}
				args := []string{"-root", root, "-workspace", ws, "-workers", "2", "-progress", "on"}
				if r.delay != "" {
					args = append(args, "-tokenize-delay", r.delay)
				}
				cmd := exec.Command(os.Args[0], args...)
				cmd.Env = append(os.Environ(), childEnv+"=1", pauseEnv+"="+r.pause)
				var stdout bytes.Buffer
				cmd.Stdout = &stdout
				stderr, err := cmd.StderrPipe()
				if err != nil {
					t.Fatal(err)
				}
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				var log strings.Builder
				sc := bufio.NewScanner(stderr)
				var last time.Time // the last signal
				sig := syscall.SIGINT
				if r.sigterm {
					sig = syscall.SIGTERM
				}
				for sc.Scan() {
					line := sc.Text()
					log.WriteString(line + "\n")
					if !last.IsZero() || !strings.HasPrefix(line, r.at) {
						continue
					}
					if err := cmd.Process.Signal(sig); err != nil {
						t.Fatal(err)
					}
					last = time.Now()
					if r.second {
						for sc.Scan() { // until the first has reached the process
							log.WriteString(sc.Text() + "\n")
							if strings.HasPrefix(sc.Text(), "signal 1 ") {
								break
							}
						}
						time.Sleep(50 * time.Millisecond)
						if err := cmd.Process.Signal(sig); err != nil {
							t.Fatal(err)
						}
						last = time.Now()
					}
				}
				waited := make(chan error, 1)
				go func() { waited <- cmd.Wait() }()
				select {
				case <-waited:
				case <-time.After(30 * time.Second):
					cmd.Process.Kill()
					<-waited
					t.Fatalf("no exit 30s after SIGINT:\n%s", log.String())
				}
				stop := time.Since(last)
				st := cmd.ProcessState
				if ws, ok := st.Sys().(syscall.WaitStatus); last.IsZero() || !st.Exited() || (ok && ws.Signaled()) || st.ExitCode() != 130 {
					t.Fatalf("signalled at %q: %v (want exit status 130, not death by the signal)\n%s", r.at, st, log.String())
				}
				if want := map[bool]string{false: "signal 1 ", true: "signal 2 "}[r.second]; !strings.Contains(log.String(), want) {
					t.Errorf("the child did not report %q:\n%s", want, log.String())
				}
				if r.maxStop > 0 && stop > r.maxStop {
					t.Errorf("exit %v after the second signal, want under %v: the calls in progress were not cancelled\n%s", stop, r.maxStop, log.String())
				}
				if r.at == "hook open" {
					atOpen++
					if strings.Contains(log.String(), "hook opened interrupted") {
						duringOpen++
					}
				}
				if got := stdout.String(); r.report && got != ref || !r.report && got != "" {
					t.Errorf("stdout of the interrupted run:\n%s\nwant %s", got, map[bool]string{true: "the reference report", false: "nothing"}[r.report])
				}
				t.Logf("exit 130 %v after the last signal; child's moments: %s", stop.Round(time.Millisecond), hooks(log.String()))
				if rerun, _ := indexChild(t, root, ws, "", "-progress", "off"); rerun != ref {
					t.Errorf("rerun's report differs from a clean run's:\n%s\n---\n%s", rerun, ref)
				}
			})
		}
	}
	t.Logf("%d of %d rounds signalled at \"hook open\" saw the signal before the workspace was open", duringOpen, atOpen)
	if duringOpen == 0 {
		t.Errorf("no signal sent at \"hook open\" arrived while the workspace was opening")
	}
}

// hooks is the child's hook lines, joined.
func hooks(log string) string {
	var h []string
	for _, l := range strings.Split(log, "\n") {
		if s, ok := strings.CutPrefix(l, "hook "); ok {
			h = append(h, s)
		}
	}
	return strings.Join(h, "; ")
}

// indexChild runs the indexer (the test binary as a child, no pause) on root
// and workspace ws, and returns its report and stderr; it must exit 0.
func indexChild(t *testing.T, root, ws, pause string, args ...string) (string, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"-root", root, "-workspace", ws}, args...)...)
	cmd.Env = append(os.Environ(), childEnv+"=1", pauseEnv+"="+pause)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("indexer: %v\n%s", err, stderr.String())
	}
	return stdout.String(), stderr.String()
}
