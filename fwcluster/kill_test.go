package fwcluster

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"testing"
	"time"

	"github.com/fwgo/fw/runtime/cluster"
)

// TestServerKill: a writer publishes a round's frames and appends its commit,
// again and again, while the server process is SIGKILLed at random moments
// and started again on its store (same port). Every frame and commit the
// Log acknowledged is in the log, commits are dense and unique, and a cursor
// opened before the first kill reads it all in order, exactly once.
// FWC_LONG=1 kills it 10 times, else 2 (1 under -short).
func TestServerKill(t *testing.T) {
	kills := 2
	if testing.Short() {
		kills = 1
	}
	if os.Getenv("FWC_LONG") != "" {
		kills = 10
	}
	debugf = t.Logf
	defer func() { debugf = nil }()
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	srv := startServerProc(t, t.TempDir())
	_, js := connect(t, srv.URL)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	l, err := Open(ctx, js, "kill", AckWait(2*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	cur, err := l.Read(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer cur.Close()

	// The writer: rounds of 3 frames and a commit until stopped; it reports
	// each acknowledged round.
	acked := make(chan uint64, 1024)
	stop := make(chan struct{})
	werr := make(chan error, 1)
	go func() {
		defer close(acked)
		for seq := uint64(0); ; seq++ {
			select {
			case <-stop:
				werr <- nil
				return
			default:
			}
			var fs []cluster.Frame
			for i := range 3 {
				fs = append(fs, frame(seq, cluster.Inst(i), fmt.Sprint(seq, "/", i)))
			}
			if err := l.Publish(ctx, fs); err != nil {
				werr <- err
				return
			}
			if err := l.Append(ctx, roundCommit(seq, 1)); err != nil {
				werr <- fmt.Errorf("commit %d: %w", seq, err)
				return
			}
			acked <- seq
		}
	}()
	var last uint64
	for k := range kills {
		// Let some rounds through, then kill at a random moment.
		want := last + 5 + uint64(rng.IntN(20))
		for last < want {
			s, ok := <-acked
			if !ok {
				t.Fatalf("writer: %v", <-werr)
			}
			last = s
		}
		time.Sleep(time.Duration(rng.IntN(3000)) * time.Microsecond)
		srv.Kill()
		t.Logf("kill %d after commit %d", k+1, last)
		time.Sleep(time.Duration(rng.IntN(300)) * time.Millisecond)
		srv = startServerProc(t, srv.Dir)
	}
	for want := last + 5; last < want; {
		s, ok := <-acked
		if !ok {
			t.Fatalf("writer: %v", <-werr)
		}
		last = s
	}
	close(stop)
	for s := range acked {
		last = s
	}
	if err := <-werr; err != nil {
		t.Fatal(err)
	}
	// Read everything up to commit last: frames of round n before commit n,
	// each (round, inst) at least once (retries may repeat a frame), commits
	// 0..last once each and in order, positions dense.
	pos := uint64(0)
	frames := map[[2]uint64]bool{}
	for next := uint64(0); next <= last; {
		e := nextEntry(t, cur)
		pos++
		if e.Seq != pos {
			t.Fatalf("entry at %d, want %d: the cursor skipped or repeated", e.Seq, pos)
		}
		if e.Frame != nil {
			if want := fmt.Sprint(e.Frame.Round.N, "/", e.Frame.Inst); string(e.Frame.Body) != want {
				t.Fatalf("frame body %q, want %q", e.Frame.Body, want)
			}
			frames[[2]uint64{e.Frame.Round.N, uint64(e.Frame.Inst)}] = true
			continue
		}
		if e.Commit.Seq != next {
			t.Fatalf("commit %d at %d, want commit %d", e.Commit.Seq, e.Seq, next)
		}
		for i := range uint64(3) {
			if !frames[[2]uint64{next, i}] {
				t.Fatalf("commit %d before frame %d of its round", next, i)
			}
		}
		next++
	}
}

func nextEntry(t *testing.T, c cluster.Cursor) cluster.Entry {
	t.Helper()
	e, ok, err := c.Next(context.Background(), time.Minute)
	if err != nil || !ok {
		t.Fatalf("Next: ok %v, %v", ok, err)
	}
	return e
}
