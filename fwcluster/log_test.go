package fwcluster

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fwgo/fw/runtime/cluster"
	"github.com/fwgo/fw/runtime/cluster/logtest"
)

// The lease TTL of the conformance suite: it sleeps 3.5 of them.
const testTTL = 300 * time.Millisecond

// TestLog runs the cluster.Log conformance suite on an embedded R1 server,
// a fresh run (stream and bucket) per subtest.
func TestLog(t *testing.T) {
	srv := startDev(t, "")
	_, js := connect(t, srv.URL)
	n := 0
	logtest.Run(t, func(t *testing.T) logtest.Harness {
		n++
		l := open(t, js, fmt.Sprint("conf", n), LeaseTTL(testTTL))
		return logtest.Harness{Log: l, LeaseTTL: testTTL, Pass: time.Sleep}
	})
}

func frame(n uint64, inst cluster.Inst, body string) cluster.Frame {
	return cluster.Frame{Round: cluster.Round{N: n, Kind: cluster.RoundStep, Step: uint32(n)}, Inst: inst, Attempt: 1, Last: true, Body: []byte(body)}
}

func roundCommit(seq uint64, epoch uint64) *cluster.Commit {
	if seq == 0 {
		return &cluster.Commit{Seq: 0, Epoch: epoch, Kind: cluster.CommitGenesis, Gen: &cluster.Genesis{Protocol: cluster.Protocol, Program: "fp", Instances: 2, Submitter: "m0", Members: []string{"m0"}}}
	}
	return &cluster.Commit{Seq: seq, Epoch: epoch, Kind: cluster.CommitRound, Round: cluster.Round{N: seq, Kind: cluster.RoundStep}}
}

// describe is an entry as "seq:F<round>/<inst>:<body>" or "seq:C<commit seq>".
func describe(e cluster.Entry) string {
	if e.Frame != nil {
		return fmt.Sprintf("%d:F%d/%d:%s", e.Seq, e.Frame.Round.N, e.Frame.Inst, e.Frame.Body)
	}
	return fmt.Sprintf("%d:C%d", e.Seq, e.Commit.Seq)
}

// next reads one entry, failing the test if none comes within 30 s.
func next(t *testing.T, c cluster.Cursor) cluster.Entry {
	t.Helper()
	e, ok, err := c.Next(context.Background(), 30*time.Second)
	if err != nil || !ok {
		t.Fatalf("Next: ok %v, %v", ok, err)
	}
	return e
}

// TestAppendConflictAcrossConnections: coordinators on separate connections
// (each Log with its own idea of the last commit) race for every Seq; the
// server's compare-and-set lets exactly one win each, and the losers learn
// the new last commit from ErrConflict.
func TestAppendConflictAcrossConnections(t *testing.T) {
	srv := startDev(t, "")
	const writers, seqs = 3, 12
	logs := make([]*Log, writers)
	for i := range logs {
		_, js := connect(t, srv.URL)
		logs[i] = open(t, js, "race")
	}
	wins := make([]int, seqs)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w, l := range logs {
		wg.Go(func() {
			for seq := uint64(0); seq < seqs; seq++ {
				switch err := l.Append(context.Background(), roundCommit(seq, uint64(w+1))); {
				case err == nil:
					mu.Lock()
					wins[seq]++
					mu.Unlock()
				case errors.Is(err, cluster.ErrConflict):
				default:
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	c, err := logs[0].Read(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for seq := range uint64(seqs) {
		e := next(t, c)
		if e.Commit == nil || e.Commit.Seq != seq || wins[seq] != 1 {
			t.Fatalf("entry %s: commit %d won by %d writers", describe(e), seq, wins[seq])
		}
	}
	// A Log that knows nothing yet conflicts on a stale Seq and appends the next.
	_, js := connect(t, srv.URL)
	late := open(t, js, "race")
	if err := late.Append(context.Background(), roundCommit(5, 9)); !errors.Is(err, cluster.ErrConflict) {
		t.Fatalf("stale Seq: %v, want ErrConflict", err)
	}
	if err := late.Append(context.Background(), roundCommit(seqs, 9)); err != nil {
		t.Fatal(err)
	}
}

// TestAppendAfterLostAck: when an earlier try of the same Append may have
// stored the commit (its acknowledgement lost in a restart), finding it as
// the last commit is success; without such a try it is a conflict.
func TestAppendAfterLostAck(t *testing.T) {
	srv := startDev(t, "")
	_, js := connect(t, srv.URL)
	l := open(t, js, "lost")
	ctx := context.Background()
	for seq := range uint64(3) {
		if err := l.Append(ctx, roundCommit(seq, 1)); err != nil {
			t.Fatal(err)
		}
	}
	pos, err := l.lastCommit(ctx, true)
	if err != nil || pos.seq != 2 {
		t.Fatalf("last commit %+v %v", pos, err)
	}
	c := roundCommit(2, 1)
	if err := l.appendAt(ctx, pos, c, cluster.AppendCommit(nil, c), true); err != nil {
		t.Fatalf("retry of a stored commit: %v", err)
	}
	if err := l.appendAt(ctx, pos, c, cluster.AppendCommit(nil, c), false); !errors.Is(err, cluster.ErrConflict) {
		t.Fatalf("the same commit, not retried: %v, want ErrConflict", err)
	}
	other := roundCommit(2, 7)
	if err := l.appendAt(ctx, pos, other, cluster.AppendCommit(nil, other), true); !errors.Is(err, cluster.ErrConflict) {
		t.Fatalf("another commit 2 on retry: %v, want ErrConflict", err)
	}
}

// TestRestart: the server stops and starts again on the same store and port
// in the middle of a run. A cursor opened before goes on where it was, with
// no entry lost or repeated; a Publish made while the server is down
// returns once it is back; commits keep their compare-and-set; the lease
// and heartbeats survive.
func TestRestart(t *testing.T) {
	srv := startDev(t, "")
	_, js := connect(t, srv.URL)
	l := open(t, js, "restart", LeaseTTL(time.Hour))
	ctx := context.Background()
	epoch, held, err := l.Lease(ctx, "m0")
	if err != nil || !held {
		t.Fatalf("lease: %v %v", held, err)
	}
	if err := l.Beat(ctx, "m1", 1); err != nil {
		t.Fatal(err)
	}
	c, err := l.Read(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var want []string
	seq := uint64(0)
	step := func(n uint64) {
		t.Helper()
		fs := []cluster.Frame{frame(n, 0, fmt.Sprint("a", n)), frame(n, 1, fmt.Sprint("b", n))}
		if err := l.Publish(ctx, fs); err != nil {
			t.Fatal(err)
		}
		if err := l.Append(ctx, roundCommit(seq, epoch)); err != nil {
			t.Fatal(err)
		}
		seq++
	}
	expect := func(n int) {
		t.Helper()
		for range n {
			e := next(t, c)
			want = append(want, describe(e))
		}
	}
	for n := range uint64(3) {
		step(n)
	}
	expect(5) // the cursor is in the middle of the log

	srv.Stop()
	done := make(chan error, 1)
	go func() { done <- l.Publish(ctx, []cluster.Frame{frame(99, 0, "while down")}) }()
	time.Sleep(200 * time.Millisecond)
	srv = startDev(t, srv.Dir)
	if err := <-done; err != nil {
		t.Fatalf("publish across the restart: %v", err)
	}
	for n := uint64(3); n < 6; n++ {
		step(n)
	}
	if err := l.Append(ctx, roundCommit(seq-1, epoch)); !errors.Is(err, cluster.ErrConflict) {
		t.Fatalf("an old Seq after the restart: %v", err)
	}
	expect(3*6 + 1 - 5)
	var got []string
	for i, d := range want {
		if !strings.HasPrefix(d, fmt.Sprint(i+1, ":")) {
			t.Fatalf("entry %d is %s: the cursor skipped or repeated (%q)", i+1, d, want)
		}
		got = append(got, d[strings.Index(d, ":")+1:])
	}
	wantBodies := "C0 F0/0:a0 F0/1:b0 C1 F1/0:a1 F1/1:b1 C2 F2/0:a2 F2/1:b2"
	if s := strings.Join(got[:9], " "); s != "F0/0:a0 F0/1:b0 C0 F1/0:a1 F1/1:b1 C1 F2/0:a2 F2/1:b2 C2" {
		t.Fatalf("entries %s (%s)", s, wantBodies)
	}
	if !strings.Contains(strings.Join(got, " "), "F99/0:while down") {
		t.Fatalf("the frame published while the server was down is missing: %q", got)
	}
	if e, held, err := l.Lease(ctx, "m9"); err != nil || held || e != epoch {
		t.Fatalf("lease after restart: %d %v %v, want %d held by m0", e, held, err, epoch)
	}
	ms, err := l.Members(ctx)
	if err != nil || len(ms) != 1 || ms[0].Name != "m1" {
		t.Fatalf("members after restart: %+v %v", ms, err)
	}
}

// TestMaxBytes: a full stream refuses frames for good: Publish fails at
// once with the server's error instead of retrying for ever.
func TestMaxBytes(t *testing.T) {
	srv := startDev(t, "")
	_, js := connect(t, srv.URL)
	l := open(t, js, "full", MaxBytes(64<<10))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	body := strings.Repeat("x", 4<<10)
	for i := range 100 {
		err := l.Publish(ctx, []cluster.Frame{frame(uint64(i), 0, body)})
		if err == nil {
			continue
		}
		if ctx.Err() != nil || !strings.Contains(err.Error(), "maximum bytes") {
			t.Fatalf("frame %d: %v, want the server's maximum bytes error", i, err)
		}
		return
	}
	t.Fatal("400 KiB went into a stream of 64 KiB")
}

func TestOpenErrors(t *testing.T) {
	srv := startDev(t, "")
	_, js := connect(t, srv.URL)
	ctx := context.Background()
	for _, tc := range []struct {
		run  string
		opts []Option
		want string
	}{
		{"a.b", nil, `run name "a.b"`},
		{"", nil, `run name ""`},
		{"ok", []Option{Replicas(0)}, "Replicas(0)"},
		{"ok", []Option{LeaseTTL(0)}, "must be positive"},
	} {
		if _, err := Open(ctx, js, tc.run, tc.opts...); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Open(%q): %v, want %q", tc.run, err, tc.want)
		}
	}
	l := open(t, js, "names")
	if _, _, err := l.Lease(ctx, "a b"); err == nil || !strings.Contains(err.Error(), `member name "a b"`) {
		t.Errorf("Lease with a bad name: %v", err)
	}
	if err := l.Beat(ctx, "", 1); err == nil {
		t.Error("Beat with an empty name")
	}
	if err := Delete(ctx, js, "names"); err != nil {
		t.Fatal(err)
	}
	if err := Delete(ctx, js, "names"); err != nil {
		t.Fatalf("Delete of a deleted run: %v", err)
	}
}

// TestDevServer: a second start on the same directory takes the same port;
// while the first runs, it says that the port is busy.
func TestDevServer(t *testing.T) {
	srv := startDev(t, "")
	if _, _, err := DevServer(srv.Dir); err == nil || !strings.Contains(err.Error(), "busy") {
		t.Fatalf("second server on a running one's directory: %v", err)
	}
	srv.Stop()
	again := startDev(t, srv.Dir)
	if again.URL != srv.URL {
		t.Fatalf("restarted on %s, was %s", again.URL, srv.URL)
	}
}
