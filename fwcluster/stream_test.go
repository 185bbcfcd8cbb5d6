package fwcluster

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/fwgo/fw/generated/chain"
	"github.com/fwgo/fw/runtime/cluster"
	"github.com/fwgo/fw/runtime/fw"
)

// An endless stream processed across member processes (docs/distributed.md,
// "Feeds, streams and phase triggers"): the submitter feeds generated/chain
// from a stream that never ends, WithPhaseEvery, and is stopped by SIGINT.

// streamEvery is the runs' phase trigger (every member's); envResume makes
// the submitter's stream resume at its last commit.
const (
	streamEvery = 25
	envResume   = "FWC_RESUME"
)

// endless is a fw.Stream of chain.A events that never ends: it has a burst
// of events ready, then nothing for a few milliseconds (Ready fires when the
// next burst is), for ever. Commit writes the committed count to a file.
type endless struct {
	next    int64     // the next event's number
	base    int64     // resumed at (fw.Resumable)
	readyAt time.Time // the next burst's time
	commits *os.File
	last    int64
}

const (
	endlessBurst = 40
	endlessGap   = 3 * time.Millisecond
)

func (s *endless) Pull(max int, emit func(string, chain.Event)) (bool, error) {
	if time.Now().Before(s.readyAt) {
		return false, nil
	}
	for range max {
		emit("e:"+strconv.FormatInt(s.next, 10), chain.A{N: s.next})
		s.next++
		if s.next%endlessBurst == 0 {
			s.readyAt = time.Now().Add(endlessGap)
			break
		}
	}
	return false, nil
}

func (s *endless) Ready() <-chan struct{} {
	c := make(chan struct{})
	d := time.Until(s.readyAt)
	if d <= 0 {
		close(c)
		return c
	}
	time.AfterFunc(d, func() { close(c) })
	return c
}

// Committed implements fw.Resumable.
func (s *endless) Committed() int64 { return s.base }

// Commit implements fw.Committer: the count must grow and never pass what
// was emitted.
func (s *endless) Commit(n int64) error {
	if n <= s.last || n > s.next {
		return fmt.Errorf("commit %d after %d, with %d emitted", n, s.last, s.next)
	}
	s.last = n
	_, err := fmt.Fprintln(s.commits, n)
	return err
}

// streamMember runs member name of the endless run (the submitter, with s,
// feeds the stream) and returns its record and Stats; a run stopped by the
// submitter's interrupt returns fw.ErrInterrupted on every member.
func streamMember(ctx context.Context, l cluster.Log, name string, s *endless, opts ...cluster.JoinOption) ([]byte, fw.Stats, error) {
	var rec bytes.Buffer
	var stats fw.Stats
	err := cluster.Serve(ctx, l, name, func(ctx context.Context, join fw.Option) error {
		rec.Reset()
		o := []fw.Option{join, fw.WithRecord(&rec), fw.WithPhaseEvery(streamEvery), fw.WithSourceBatch(16)}
		if s != nil {
			o = append(o, fw.WithInterrupts())
		}
		p, err := chain.NewPipeline(chainHandlers(0), o...)
		if err != nil {
			return err
		}
		if s != nil {
			p.Stream(s)
		}
		err = p.Run(ctx)
		stats = zeroTime(p.Stats())
		return err
	}, opts...)
	return rec.Bytes(), stats, err
}

// streamMemberMain is the "stream-member" role: member FWC_MEMBER of the
// endless run (m0 the submitter); it writes its record to FWC_OUT, its
// Stats to FWC_OUT.stats and, the submitter, the commits and the number of
// events emitted.
func streamMemberMain() error {
	return withMemberLog(func(ctx context.Context, l *Log) error {
		var err error
		name, out := os.Getenv(envMember), os.Getenv(envOut)
		var s *endless
		var opts []cluster.JoinOption
		if d, err := time.ParseDuration(os.Getenv(envDead)); err == nil {
			opts = append(opts, cluster.DeadAfter(d))
		}
		if name == "m0" {
			s = &endless{}
			if os.Getenv(envResume) != "" { // resume at the last commit of an earlier incarnation
				b, _ := os.ReadFile(out + ".commits")
				if f := strings.Fields(string(b)); len(f) > 0 {
					s.base, _ = strconv.ParseInt(f[len(f)-1], 10, 64)
					s.next, s.last = s.base, s.base
				}
				if err := os.WriteFile(out+".base", fmt.Append(nil, s.base), 0o644); err != nil {
					return err
				}
			}
			f, err := os.OpenFile(out+".commits", os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
			if err != nil {
				return err
			}
			defer f.Close()
			s.commits = f
			opts = append(opts, cluster.Submitter(), cluster.Members(3), cluster.Pin("P4"))
		}
		rec, stats, err := streamMember(ctx, l, name, s, opts...)
		if !errors.Is(err, fw.ErrInterrupted) {
			return fmt.Errorf("run: %v, want fw.ErrInterrupted", err)
		}
		if s != nil {
			if err := os.WriteFile(out+".emitted", fmt.Append(nil, s.next), 0o644); err != nil {
				return err
			}
		}
		if err := os.WriteFile(out+".stats", fmt.Appendf(nil, "%+v", stats), 0o644); err != nil {
			return err
		}
		return os.WriteFile(out, rec, 0o644)
	})
}

// TestEngineStream: generated/chain on three member processes (the test
// binary re-executed; m0 the submitter, feeding an endless stream with
// WithPhaseEvery and fw.Committer) and an observer in the test, over a
// server process. Mid-stream the test SIGKILLs m1 and starts it again
// (it catches up from the log); later it interrupts the submitter (SIGINT):
// the run stops at its next pull for every member, each returns
// fw.ErrInterrupted, and every record is the observer's, byte for byte; the
// record replays in one process (to where it stops) with the submitter's
// Stats; the submitter's commits grow, never pass what the stream emitted,
// and some phases were committed.
func TestEngineStream(t *testing.T) {
	dir := t.TempDir()
	srv := startServerProc(t, filepath.Join(dir, "js"))
	_, js := connect(t, srv.URL)
	ctx, cancel := context.WithTimeout(context.Background(), min(procTimeout(), 90*time.Second))
	defer cancel()
	const run = "stream"
	l := open(t, js, run, LeaseTTL(procLease), AckWait(procAck))
	env := []string{envRole + "=stream-member", envURL + "=" + srv.URL, envRun + "=" + run}
	procs := map[string]*memberProc{}
	for _, name := range []string{"m0", "m1", "m2"} {
		procs[name] = startMemberTB(t, env, name, filepath.Join(dir, name))
	}
	w := watchCommits(ctx, t, l)
	var obsRec []byte
	var obsStats fw.Stats
	var obsErr error
	obsDone := make(chan struct{})
	go func() {
		defer close(obsDone)
		obsRec, obsStats, obsErr = streamMember(ctx, l, "obs", nil, cluster.Observer())
	}()
	if !w.wait(60, obsDone) {
		t.Fatalf("the run ended before commit 60: %v", obsErr)
	}
	procs["m1"].kill()
	t.Logf("m1 killed after commit %d", w.last())
	procs["m1"] = startMemberTB(t, env, "m1", procs["m1"].out)
	if !w.wait(w.last()+150, obsDone) {
		t.Fatalf("the run ended: %v", obsErr)
	}
	if err := procs["m0"].cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	t.Logf("the submitter interrupted after commit %d", w.last())
	<-obsDone
	if !errors.Is(obsErr, fw.ErrInterrupted) {
		t.Fatalf("observer: %v, want fw.ErrInterrupted", obsErr)
	}
	for name, m := range procs {
		<-m.done
		if m.err != nil {
			t.Fatalf("%s: %v", name, m.err)
		}
		rec, err := os.ReadFile(m.out)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(rec, obsRec) {
			t.Fatalf("%s's record (%d bytes) differs from the observer's (%d bytes)", name, len(rec), len(obsRec))
		}
		stats, err := os.ReadFile(m.out + ".stats")
		if err != nil {
			t.Fatal(err)
		}
		if got := string(stats); got != fmt.Sprintf("%+v", obsStats) {
			t.Fatalf("%s's stats\n%s\nthe observer's\n%+v", name, got, obsStats)
		}
	}
	p, err := chain.NewPipeline(chainHandlers(0))
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Replay(ctx, bytes.NewReader(obsRec)); err != nil {
		t.Fatalf("the replay: %v", err)
	}
	if got := zeroTime(p.Stats()); fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", obsStats) {
		t.Fatalf("the replay's stats\n%+v\nthe run's\n%+v", got, obsStats)
	}
	emitted, err := os.ReadFile(procs["m0"].out + ".emitted")
	if err != nil {
		t.Fatal(err)
	}
	n, _ := strconv.ParseInt(string(emitted), 10, 64)
	commits, err := os.ReadFile(procs["m0"].out + ".commits")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Fields(string(commits))
	if len(lines) < 2 {
		t.Fatalf("%d commits", len(lines))
	}
	last, _ := strconv.ParseInt(lines[len(lines)-1], 10, 64)
	if last > n || last < streamEvery {
		t.Fatalf("last commit %d, %d events emitted", last, n)
	}
	fed := int64(obsStats.Processors[0].Received)
	if fed < last || fed > n {
		t.Fatalf("%d events fed, %d emitted, %d committed", fed, n, last)
	}
	t.Logf("%d events emitted, %d fed in %d phases, %d committed (%d commits)", n, fed, len(obsStats.Phases), last, len(lines))
}

// seenA is a chain handler set whose P1 counts the A events it receives, by
// number (for the replay of a record).
type seenA struct {
	mu sync.Mutex
	n  map[int64]int
}

type countingP1 struct{ s *seenA }

func (p countingP1) OnA(c chain.P1AContext, n int64) error {
	p.s.mu.Lock()
	p.s.n[n]++
	p.s.mu.Unlock()
	return cp1{}.OnA(c, n)
}

// TestEngineStreamSubmitterRestart: as TestEngineStream, but the submitter
// is SIGKILLed mid-stream and started again: its stream resumes at its
// last commit (fw.Resumable; the events after it are delivered again), it
// takes the pulls the log holds from the log and drops the redelivered
// events the log has, and feeds on. Every record is the observer's, the
// replay makes every call, each event 0..n-1 reaches P1 exactly once, and
// the commits never pass what the current incarnation emitted.
func TestEngineStreamSubmitterRestart(t *testing.T) {
	dir := t.TempDir()
	srv := startServerProc(t, filepath.Join(dir, "js"))
	_, js := connect(t, srv.URL)
	ctx, cancel := context.WithTimeout(context.Background(), min(procTimeout(), 90*time.Second))
	defer cancel()
	const run = "streamrestart"
	l := open(t, js, run, LeaseTTL(procLease), AckWait(procAck))
	// DeadAfter 10 s: the submitter's instances do not move while it is
	// down (a submitter cannot rejoin in v1).
	env := []string{envRole + "=stream-member", envURL + "=" + srv.URL, envRun + "=" + run, envResume + "=1", envDead + "=10s"}
	procs := map[string]*memberProc{}
	for _, name := range []string{"m0", "m1", "m2"} {
		procs[name] = startMemberTB(t, env, name, filepath.Join(dir, name))
	}
	w := watchCommits(ctx, t, l)
	var obsRec []byte
	var obsStats fw.Stats
	var obsErr error
	obsDone := make(chan struct{})
	go func() {
		defer close(obsDone)
		obsRec, obsStats, obsErr = streamMember(ctx, l, "obs", nil, cluster.Observer(), cluster.DeadAfter(10*time.Second))
	}()
	if !w.wait(120, obsDone) {
		t.Fatalf("the run ended before commit 120: %v", obsErr)
	}
	procs["m0"].kill()
	at := w.last()
	b, _ := os.ReadFile(procs["m0"].out + ".commits")
	t.Logf("the submitter killed after commit %d, its commits %q", at, strings.Fields(string(b)))
	procs["m0"] = startMemberTB(t, env, "m0", procs["m0"].out)
	if !w.wait(at+150, obsDone) {
		t.Fatalf("the run ended: %v", obsErr)
	}
	if err := procs["m0"].cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	<-obsDone
	if !errors.Is(obsErr, fw.ErrInterrupted) {
		t.Fatalf("observer: %v, want fw.ErrInterrupted", obsErr)
	}
	for name, m := range procs {
		<-m.done
		if m.err != nil {
			t.Fatalf("%s: %v", name, m.err)
		}
		rec, err := os.ReadFile(m.out)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(rec, obsRec) {
			t.Fatalf("%s's record (%d bytes) differs from the observer's (%d bytes)", name, len(rec), len(obsRec))
		}
	}
	base, err := os.ReadFile(procs["m0"].out + ".base")
	if err != nil {
		t.Fatal(err)
	}
	if string(base) == "0" {
		t.Fatalf("the restarted submitter resumed at 0: no commit before the kill")
	}
	seen := &seenA{n: map[int64]int{}}
	h := chainHandlers(0)
	h.P1 = countingP1{seen}
	p, err := chain.NewPipeline(h)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Replay(ctx, bytes.NewReader(obsRec)); err != nil {
		t.Fatalf("the replay: %v", err)
	}
	if got := zeroTime(p.Stats()); fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", obsStats) {
		t.Fatalf("the replay's stats\n%+v\nthe run's\n%+v", got, obsStats)
	}
	fed := int64(len(seen.n))
	for i := range fed {
		if seen.n[i] != 1 {
			t.Fatalf("event %d reached P1 %d times (%d events)", i, seen.n[i], fed)
		}
	}
	commits, _ := os.ReadFile(procs["m0"].out + ".commits")
	t.Logf("resumed at %s; %d events fed in %d phases; commits %v", base, fed, len(obsStats.Phases), strings.Fields(string(commits)))
}
