package fwcluster

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/fwgo/fw/runtime/cluster"
	"github.com/fwgo/fw/runtime/cluster/clustertest"
)

// The timeouts of the process tests: short, so that a takeover costs
// about a second.
const (
	procLease = time.Second
	procDead  = time.Second
	procAck   = 2 * time.Second
)

// envSpin is the toy's handler work in spinWork iterations (benchmarks).
const envSpin = "FWC_SPIN"

// procTimeout bounds a process test: FWC_TIMEOUT (a duration), or 4 minutes.
func procTimeout() time.Duration {
	if d, err := time.ParseDuration(os.Getenv("FWC_TIMEOUT")); err == nil {
		return d
	}
	return 4 * time.Minute
}

// progEnv is the FWC_PROG of p.
func progEnv(seed uint64, insts, inputs, maxV int, steps uint32, handle time.Duration) string {
	return fmt.Sprint(seed, " ", insts, " ", inputs, " ", maxV, " ", steps, " ", handle.Microseconds())
}

func parseProg(s string) (*clustertest.Toy, error) {
	var seed uint64
	var insts, inputs, maxV int
	var steps uint32
	var us int64
	if _, err := fmt.Sscan(s, &seed, &insts, &inputs, &maxV, &steps, &us); err != nil {
		return nil, fmt.Errorf("%s %q: %w", envProg, s, err)
	}
	p := newToy(seed, insts, inputs, maxV, steps)
	spin, _ := strconv.Atoi(os.Getenv(envSpin))
	p.Work = toyWork(time.Duration(us)*time.Microsecond, spin)
	return p, nil
}

// memberMain is the "member" role: the toy program as one member process.
func memberMain() error {
	p, err := parseProg(os.Getenv(envProg))
	if err != nil {
		return err
	}
	members, err := strconv.Atoi(os.Getenv(envMembers))
	if err != nil {
		return err
	}
	return withMemberLog(func(ctx context.Context, l *Log) error {
		var err error
		start := time.Now()
		if os.Getenv("FWC_TRACE") != "" {
			debugf = func(format string, args ...any) {
				fmt.Fprintf(os.Stderr, "%s %v: %s\n", os.Getenv(envMember), time.Since(start).Round(time.Millisecond), fmt.Sprintf(format, args...))
			}
			debugf("started")
		}
		rec, err := p.Member(ctx, l, os.Getenv(envMember), members, false, procDead)
		if err != nil {
			return err
		}
		if debugf != nil {
			debugf("done, %d calls", p.Calls)
		}
		out := os.Getenv(envOut)
		if err := os.WriteFile(out+".tmp", rec, 0o644); err != nil {
			return err
		}
		return os.Rename(out+".tmp", out)
	})
}

// memberProc is a member subprocess; done is closed when it has exited,
// with err.
type memberProc struct {
	name, out string
	cmd       *exec.Cmd
	done      chan struct{}
	err       error
}

func startMember(t *testing.T, env []string, name, out string) *memberProc {
	t.Helper()
	return startMemberTB(t, env, name, out)
}

func startMemberTB(t testing.TB, env []string, name, out string) *memberProc {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(append(append(os.Environ(), envRole+"=member"), env...), envMember+"="+name, envOut+"="+out)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if os.Getenv("FWC_TRACE") != "" {
		cmd.Stderr = os.Stderr
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	m := &memberProc{name: name, out: out, cmd: cmd, done: make(chan struct{})}
	go func() {
		err := cmd.Wait()
		if err != nil && stderr.Len() > 0 {
			err = fmt.Errorf("%w: %s", err, strings.TrimSpace(stderr.String()))
		}
		m.err = err
		close(m.done)
	}()
	t.Cleanup(func() { m.kill() })
	return m
}

// kill SIGKILLs the member and waits for it.
func (m *memberProc) kill() {
	_ = m.cmd.Process.Signal(syscall.SIGKILL)
	select {
	case <-m.done:
	case <-time.After(10 * time.Second):
	}
}

// commitWatch follows the log's commits: the last Seq seen.
type commitWatch struct {
	mu   sync.Mutex
	seq  uint64
	seen chan struct{} // closed and replaced at each commit
}

func watchCommits(ctx context.Context, t *testing.T, l *Log) *commitWatch {
	w := &commitWatch{seen: make(chan struct{})}
	cur, err := l.Read(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	go func() {
		defer cur.Close()
		for {
			e, ok, err := cur.Next(ctx, -1)
			if err != nil || !ok {
				return
			}
			if e.Commit != nil {
				if os.Getenv("FWC_TRACE") != "" {
					t.Logf("%v commit %d %v %v", time.Since(start).Round(time.Millisecond), e.Commit.Seq, e.Commit.Kind, e.Commit.Round)
				}
				w.mu.Lock()
				w.seq = e.Commit.Seq
				close(w.seen)
				w.seen = make(chan struct{})
				w.mu.Unlock()
			}
		}
	}()
	return w
}

// wait waits until commit seq is in the log, or done is closed (false).
func (w *commitWatch) wait(seq uint64, done <-chan struct{}) bool {
	for {
		w.mu.Lock()
		got, seen := w.seq, w.seen
		w.mu.Unlock()
		if got >= seq {
			return true
		}
		select {
		case <-seen:
		case <-done:
			return false
		}
	}
}

func (w *commitWatch) last() uint64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.seq
}

// leaseHolder is the member that holds the run's lease.
func leaseHolder(ctx context.Context, l *Log) (string, error) {
	e, err := l.kv.Get(ctx, leaderKey)
	if err != nil {
		return "", err
	}
	_, m, err := parseLeader(e)
	return m, err
}

// TestMemberProcesses: the toy program on 3 member processes (the test
// binary re-executed) and an observer in the test, over a server process.
// At random commits the test SIGKILLs a random member and starts it again
// (3 times; FWC_LONG=1: 20); then it SIGKILLs the lease holder and starts
// it only after another member has taken the lease over; then it SIGKILLs
// the server and starts it again on its store. Every member's record
// (a restarted member's is written by its last incarnation, which caught up
// from the log) and the observer's equal the single-process record.
func TestMemberProcesses(t *testing.T) {
	kills := 3
	if os.Getenv("FWC_LONG") != "" {
		kills = 20
	}
	if s := os.Getenv("FWC_KILLS"); s != "" {
		kills, _ = strconv.Atoi(s)
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 2))
	const insts, members = 8, 3
	prog := progEnv(seed, insts, 12, 60+10*kills, 1000, 100*time.Microsecond)
	p, err := parseProg(prog)
	if err != nil {
		t.Fatal(err)
	}
	p.Work = nil
	want, err := p.Run(context.Background(), clustertest.Local{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d rounds", bytes.Count(want, []byte("\n")))

	dir := t.TempDir()
	srv := startServerProc(t, filepath.Join(dir, "js"))
	_, js := connect(t, srv.URL)
	ctx, cancel := context.WithTimeout(context.Background(), procTimeout())
	defer cancel()
	l := open(t, js, "procs", LeaseTTL(procLease), AckWait(procAck))
	env := []string{envURL + "=" + srv.URL, envRun + "=procs", envMembers + "=" + strconv.Itoa(members), envProg + "=" + prog}
	procs := make([]*memberProc, members)
	for i := range procs {
		name := fmt.Sprint("m", i)
		procs[i] = startMember(t, env, name, filepath.Join(dir, name+".rec"))
	}
	obsDone := make(chan struct{})
	var obsRec []byte
	var obsErr error
	go func() {
		defer close(obsDone)
		obsRec, obsErr = p.Member(ctx, l, "obs", members, true, procDead)
	}()
	w := watchCommits(ctx, t, l)
	restart := func(i int) {
		procs[i] = startMember(t, env, procs[i].name, procs[i].out)
	}
	// Random members at random commits.
	for k := 0; k < kills; k++ {
		if !w.wait(w.last()+1+uint64(rng.IntN(3)), obsDone) {
			dumpTail(t, l, 40)
			t.Fatalf("the run ended after %d kills of %d (%v): make the program longer", k, kills, obsErr)
		}
		time.Sleep(time.Duration(rng.IntN(5000)) * time.Microsecond)
		i := rng.IntN(members)
		procs[i].kill()
		t.Logf("kill %d: %s after commit %d", k+1, procs[i].name, w.last())
		time.Sleep(time.Duration(rng.IntN(300)) * time.Millisecond)
		restart(i)
	}
	// The lease holder, kept down until another member holds the lease.
	if !w.wait(w.last()+1, obsDone) {
		t.Fatalf("the run ended before the lease holder's kill: %v", obsErr)
	}
	holder, err := leaseHolder(ctx, l)
	if err != nil {
		t.Fatal(err)
	}
	hi := int(holder[1] - '0')
	procs[hi].kill()
	t.Logf("lease holder %s killed after commit %d", holder, w.last())
	for {
		h, err := leaseHolder(ctx, l)
		if err != nil {
			t.Fatal(err)
		}
		if h != holder {
			t.Logf("%s took the lease over", h)
			break
		}
		select {
		case <-ctx.Done():
			t.Fatal("nobody took the lease over")
		case <-time.After(50 * time.Millisecond):
		}
	}
	restart(hi)
	// The server, hard.
	if !w.wait(w.last()+1, obsDone) {
		t.Fatalf("the run ended before the server's kill: %v", obsErr)
	}
	srv.Kill()
	t.Logf("server killed after commit %d", w.last())
	time.Sleep(time.Duration(rng.IntN(300)) * time.Millisecond)
	srv = startServerProc(t, srv.Dir)

	t0 := time.Now()
	<-obsDone
	t.Logf("observer done after %v", time.Since(t0).Round(time.Millisecond))
	if obsErr != nil {
		t.Fatalf("observer: %v", obsErr)
	}
	if !bytes.Equal(obsRec, want) {
		t.Fatalf("the observer's record differs\n got:\n%s\nwant:\n%s", obsRec, want)
	}
	for _, m := range procs {
		select {
		case <-m.done:
			if m.err != nil {
				t.Fatalf("%s: %v", m.name, m.err)
			}
		case <-ctx.Done():
			t.Fatalf("%s did not end", m.name)
		}
		t.Logf("%s done after %v", m.name, time.Since(t0).Round(time.Millisecond))
		got, err := os.ReadFile(m.out)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("%s's record differs\n got:\n%s\nwant:\n%s", m.name, got, want)
		}
	}
	t.Logf("%d commits", w.last()+1)
	_ = cluster.Protocol
}

// dumpTail logs the last n entries of the log.
func dumpTail(t *testing.T, l *Log, n int) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cur, err := l.Read(ctx, 0)
	if err != nil {
		t.Log(err)
		return
	}
	defer cur.Close()
	var lines []string
	for {
		e, ok, err := cur.Next(ctx, time.Second)
		if err != nil || !ok {
			break
		}
		if e.Frame != nil {
			lines = append(lines, fmt.Sprintf("%d F %v inst %d att %d idx %d last %v", e.Seq, e.Frame.Round, e.Frame.Inst, e.Frame.Attempt, e.Frame.Index, e.Frame.Last))
		} else {
			lines = append(lines, fmt.Sprintf("%d C%d %v %v parts %v moves %v", e.Seq, e.Commit.Seq, e.Commit.Kind, e.Commit.Round, e.Commit.Parts, e.Commit.Moves))
		}
	}
	lines = lines[max(0, len(lines)-n):]
	t.Logf("the log's last entries:\n%s", strings.Join(lines, "\n"))
	ms, _ := l.Members(ctx)
	h, _ := leaseHolder(ctx, l)
	t.Logf("members %+v, lease holder %s, now %d", ms, h, time.Now().UnixNano())
}
