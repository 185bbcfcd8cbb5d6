// Package logtest is the conformance suite of cluster.Log: the executable definition of
// the rules written on the interface. Run it from a transport's tests:
//
//	func TestLog(t *testing.T) {
//		logtest.Run(t, func(t *testing.T) logtest.Harness {
//			l := memlog.New(time.Second)
//			return logtest.Harness{Log: l, LeaseTTL: time.Second, Pass: l.Advance}
//		})
//	}
package logtest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/fwgo/fw/runtime/cluster"
)

// Harness is a fresh, empty Log for one subtest.
type Harness struct {
	Log cluster.Log
	// LeaseTTL is the Log's lease TTL.
	LeaseTTL time.Duration
	// Pass lets d pass on the Log's clock (time.Sleep for a wall clock).
	Pass func(d time.Duration)
}

// Run runs the suite; open returns a fresh, empty Log (and cleans it up with t.Cleanup).
func Run(t *testing.T, open func(t *testing.T) Harness) {
	for _, tc := range []struct {
		name string
		f    func(*testing.T, Harness)
	}{
		{"Order", testOrder},
		{"ReadFrom", testReadFrom},
		{"Tail", testTail},
		{"Duplicates", testDuplicates},
		{"TooLarge", testTooLarge},
		{"AppendCAS", testAppendCAS},
		{"AppendRace", testAppendRace},
		{"RoundTrip", testRoundTrip},
		{"Lease", testLease},
		{"Members", testMembers},
		{"Canceled", testCanceled},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.f(t, open(t)) })
	}
}

func frame(n uint64, inst cluster.Inst, idx uint32, body string) cluster.Frame {
	return cluster.Frame{Round: cluster.Round{N: n, Kind: cluster.RoundStep, Step: uint32(n)}, Inst: inst, Attempt: 1, Index: idx, Body: []byte(body)}
}

func roundCommit(seq, n uint64) *cluster.Commit {
	return &cluster.Commit{Seq: seq, Epoch: 1, Kind: cluster.CommitRound, Round: cluster.Round{N: n, Kind: cluster.RoundStep, Step: uint32(n)},
		Parts: []cluster.Part{{Inst: 0, Attempt: 1, Frames: 1, Sum: cluster.Sum([]byte("a"))}}}
}

func genesis() *cluster.Commit {
	return &cluster.Commit{Seq: 0, Epoch: 1, Kind: cluster.CommitGenesis, Moves: []cluster.Move{{Inst: 0, Member: "m0"}},
		Gen: &cluster.Genesis{Protocol: cluster.Protocol, Program: "fp", Instances: 1, Submitter: "m0", Members: []string{"m0"}}}
}

// readAll reads the entries from position from until none arrives within a moment.
func readAll(t *testing.T, h Harness, from uint64, want int) []cluster.Entry {
	t.Helper()
	ctx := context.Background()
	c, err := h.Log.Read(ctx, from)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var es []cluster.Entry
	for len(es) < want {
		e, ok, err := c.Next(ctx, 10*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			t.Fatalf("read %d entries, want %d", len(es), want)
		}
		es = append(es, e)
	}
	return es
}

func describe(e cluster.Entry) string {
	switch {
	case e.Frame != nil && e.Commit == nil:
		return fmt.Sprintf("%d:F%d/%d/%d:%s", e.Seq, e.Frame.Round.N, e.Frame.Inst, e.Frame.Index, e.Frame.Body)
	case e.Commit != nil && e.Frame == nil:
		return fmt.Sprintf("%d:C%d", e.Seq, e.Commit.Seq)
	}
	return fmt.Sprintf("%d:bad entry %+v", e.Seq, e)
}

func expect(t *testing.T, es []cluster.Entry, want ...string) {
	t.Helper()
	var got []string
	for _, e := range es {
		got = append(got, describe(e))
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("entries\n got %q\nwant %q", got, want)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// Order: entries are dense from 1, frames in slice order, a commit after the frames
// published before it.
func testOrder(t *testing.T, h Harness) {
	ctx := context.Background()
	must(t, h.Log.Append(ctx, genesis()))
	must(t, h.Log.Publish(ctx, []cluster.Frame{frame(1, 0, 0, "a"), frame(1, 0, 1, "b")}))
	must(t, h.Log.Publish(ctx, []cluster.Frame{frame(1, 1, 0, "c")}))
	must(t, h.Log.Append(ctx, roundCommit(1, 1)))
	es := readAll(t, h, 0, 5)
	expect(t, es, "1:C0", "2:F1/0/0:a", "3:F1/0/1:b", "4:F1/1/0:c", "5:C1")
	// A second cursor sees the same.
	expect(t, readAll(t, h, 1, 5), "1:C0", "2:F1/0/0:a", "3:F1/0/1:b", "4:F1/1/0:c", "5:C1")
}

// ReadFrom: a cursor starts at the given position.
func testReadFrom(t *testing.T, h Harness) {
	ctx := context.Background()
	must(t, h.Log.Publish(ctx, []cluster.Frame{frame(1, 0, 0, "a"), frame(1, 0, 1, "b"), frame(1, 0, 2, "c")}))
	expect(t, readAll(t, h, 3, 1), "3:F1/0/2:c")
	expect(t, readAll(t, h, 2, 2), "2:F1/0/1:b", "3:F1/0/2:c")
}

// Tail: Next reports no entry within wait, and later returns entries stored after it
// started waiting.
func testTail(t *testing.T, h Harness) {
	ctx := context.Background()
	c, err := h.Log.Read(ctx, 0)
	must(t, err)
	defer c.Close()
	if e, ok, err := c.Next(ctx, 0); err != nil || ok {
		t.Fatalf("Next on an empty log: %v %v %v", describe(e), ok, err)
	}
	var wg sync.WaitGroup
	wg.Add(1)
	var got cluster.Entry
	var gotErr error
	go func() {
		defer wg.Done()
		var ok bool
		got, ok, gotErr = c.Next(ctx, -1)
		if gotErr == nil && !ok {
			gotErr = errors.New("Next(-1) returned no entry")
		}
	}()
	must(t, h.Log.Publish(ctx, []cluster.Frame{frame(1, 0, 0, "late")}))
	wg.Wait()
	must(t, gotErr)
	expect(t, []cluster.Entry{got}, "1:F1/0/0:late")
}

// Duplicates: the same frame published twice is stored twice.
func testDuplicates(t *testing.T, h Harness) {
	ctx := context.Background()
	f := frame(1, 0, 0, "a")
	must(t, h.Log.Publish(ctx, []cluster.Frame{f}))
	must(t, h.Log.Publish(ctx, []cluster.Frame{f}))
	expect(t, readAll(t, h, 0, 2), "1:F1/0/0:a", "2:F1/0/0:a")
}

// TooLarge: a frame over MaxFrameBody is refused, and its call stores nothing.
func testTooLarge(t *testing.T, h Harness) {
	ctx := context.Background()
	big := frame(1, 0, 1, "")
	big.Body = make([]byte, cluster.MaxFrameBody+1)
	if err := h.Log.Publish(ctx, []cluster.Frame{frame(1, 0, 0, "a"), big}); err == nil {
		t.Fatal("a frame over MaxFrameBody was accepted")
	}
	must(t, h.Log.Publish(ctx, []cluster.Frame{frame(1, 1, 0, "b")}))
	expect(t, readAll(t, h, 0, 1), "1:F1/1/0:b")
}

// AppendCAS: a commit is stored only as the next Seq.
func testAppendCAS(t *testing.T, h Harness) {
	ctx := context.Background()
	if err := h.Log.Append(ctx, roundCommit(1, 1)); !errors.Is(err, cluster.ErrConflict) {
		t.Fatalf("Seq 1 on an empty log: %v, want ErrConflict", err)
	}
	must(t, h.Log.Append(ctx, genesis()))
	if err := h.Log.Append(ctx, genesis()); !errors.Is(err, cluster.ErrConflict) {
		t.Fatalf("Seq 0 twice: %v, want ErrConflict", err)
	}
	if err := h.Log.Append(ctx, roundCommit(2, 1)); !errors.Is(err, cluster.ErrConflict) {
		t.Fatalf("Seq 2 after 0: %v, want ErrConflict", err)
	}
	must(t, h.Log.Publish(ctx, []cluster.Frame{frame(1, 0, 0, "a")}))
	must(t, h.Log.Append(ctx, roundCommit(1, 1)))
	expect(t, readAll(t, h, 0, 3), "1:C0", "2:F1/0/0:a", "3:C1")
}

// AppendRace: writers racing for each Seq; exactly one wins each.
func testAppendRace(t *testing.T, h Harness) {
	ctx := context.Background()
	const writers, seqs = 4, 6
	wins := make([][]int, seqs)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for seq := uint64(0); seq < seqs; {
				c := roundCommit(seq, seq)
				c.Epoch = uint64(w)
				switch err := h.Log.Append(ctx, c); {
				case err == nil:
					mu.Lock()
					wins[seq] = append(wins[seq], w)
					mu.Unlock()
					seq++
				case errors.Is(err, cluster.ErrConflict):
					seq++ // somebody else has it; try the next
				default:
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	es := readAll(t, h, 0, seqs)
	for i, e := range es {
		if e.Commit == nil || e.Commit.Seq != uint64(i) {
			t.Fatalf("entry %d is %s, want commit %d", i, describe(e), i)
		}
		if len(wins[i]) != 1 || wins[i][0] != int(e.Commit.Epoch) {
			t.Fatalf("commit %d: winners %v, stored epoch %d", i, wins[i], e.Commit.Epoch)
		}
	}
}

// RoundTrip: every field of frames and commits comes back.
func testRoundTrip(t *testing.T, h Harness) {
	ctx := context.Background()
	f := cluster.Frame{Round: cluster.Round{N: 1 << 33, Kind: cluster.RoundPhase, Phase: 7, Step: 1 << 31}, Inst: 1<<32 - 1, Attempt: 1 << 60, Index: 3, Last: true, Body: []byte{0, 1, 255}}
	g := genesis()
	g.Gen.Config = "k=8"
	g.Gen.Pinned = []cluster.Inst{0}
	r := roundCommit(1, 1<<33)
	r.Parts = append(r.Parts, cluster.Part{Inst: 9, Attempt: 1 << 62, Frames: 70000, Sum: 1<<64 - 1})
	m := &cluster.Commit{Seq: 2, Epoch: 3, Kind: cluster.CommitReassign, Moves: []cluster.Move{{Inst: 2, Member: "μ-1", Attempt: 2}}}
	e := &cluster.Commit{Seq: 3, Epoch: 3, Kind: cluster.CommitEnd, Err: "divergence: x"}
	must(t, h.Log.Append(ctx, g))
	must(t, h.Log.Publish(ctx, []cluster.Frame{f}))
	must(t, h.Log.Append(ctx, r))
	must(t, h.Log.Append(ctx, m))
	must(t, h.Log.Append(ctx, e))
	es := readAll(t, h, 0, 5)
	if !reflect.DeepEqual(es[1].Frame, &f) {
		t.Errorf("frame\n got %+v\nwant %+v", es[1].Frame, &f)
	}
	for i, c := range []*cluster.Commit{g, r, m, e} {
		j := i + 1
		if i == 0 {
			j = 0
		}
		if !reflect.DeepEqual(es[j].Commit, c) {
			t.Errorf("commit %d\n got %+v\nwant %+v", c.Seq, es[j].Commit, c)
		}
	}
}

// Lease: one holder; renewal keeps the epoch; expiry hands it over with a larger epoch.
func testLease(t *testing.T, h Harness) {
	ctx := context.Background()
	e1, held, err := h.Log.Lease(ctx, "a")
	must(t, err)
	if !held || e1 == 0 {
		t.Fatalf("first Lease: epoch %d held %v", e1, held)
	}
	e, held, err := h.Log.Lease(ctx, "b")
	must(t, err)
	if held || e != e1 {
		t.Fatalf("Lease by b while a holds it: epoch %d held %v, want %d false", e, held, e1)
	}
	h.Pass(h.LeaseTTL / 2)
	e, held, err = h.Log.Lease(ctx, "a")
	must(t, err)
	if !held || e != e1 {
		t.Fatalf("renewal: epoch %d held %v, want %d true", e, held, e1)
	}
	h.Pass(h.LeaseTTL / 2)
	if _, held, _ = h.Log.Lease(ctx, "b"); held {
		t.Fatal("b took the lease before a's renewal expired")
	}
	h.Pass(h.LeaseTTL + h.LeaseTTL/2)
	e2, held, err := h.Log.Lease(ctx, "b")
	must(t, err)
	if !held || e2 <= e1 {
		t.Fatalf("after expiry: epoch %d held %v, want > %d true", e2, held, e1)
	}
	if e, held, _ = h.Log.Lease(ctx, "a"); held || e != e2 {
		t.Fatalf("deposed a: epoch %d held %v, want %d false", e, held, e2)
	}
}

// Members: every member that beat, sorted, with its last beat.
func testMembers(t *testing.T, h Harness) {
	ctx := context.Background()
	t0 := h.Log.Now()
	must(t, h.Log.Beat(ctx, "m1", 1))
	must(t, h.Log.Beat(ctx, "m0", 1))
	h.Pass(h.LeaseTTL)
	must(t, h.Log.Beat(ctx, "m1", 2))
	t1 := h.Log.Now()
	ms, err := h.Log.Members(ctx)
	must(t, err)
	if len(ms) != 2 || ms[0].Name != "m0" || ms[1].Name != "m1" || ms[0].Incarnation != 1 || ms[1].Incarnation != 2 {
		t.Fatalf("members %+v", ms)
	}
	b0, b1 := time.Unix(0, ms[0].Beat), time.Unix(0, ms[1].Beat)
	if b0.Before(t0.Add(-time.Second)) || b1.Sub(b0) < h.LeaseTTL || b1.After(t1.Add(time.Second)) {
		t.Fatalf("beats %v %v, clock %v..%v", b0, b1, t0, t1)
	}
}

// Canceled: a done context fails every call with its error.
func testCanceled(t *testing.T, h Harness) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for name, err := range map[string]error{
		"Publish": h.Log.Publish(ctx, []cluster.Frame{frame(1, 0, 0, "a")}),
		"Append":  h.Log.Append(ctx, genesis()),
		"Beat":    h.Log.Beat(ctx, "m", 1),
	} {
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s: %v, want context.Canceled", name, err)
		}
	}
	if _, _, err := h.Log.Lease(ctx, "m"); !errors.Is(err, context.Canceled) {
		t.Errorf("Lease: %v", err)
	}
	c, err := h.Log.Read(context.Background(), 0)
	must(t, err)
	defer c.Close()
	if _, _, err := c.Next(ctx, -1); !errors.Is(err, context.Canceled) {
		t.Errorf("Next: %v", err)
	}
}
