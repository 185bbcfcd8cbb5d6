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

	w := startWriter(ctx, l)
	var last uint64
	for k := range kills {
		// Let some rounds through, then kill at a random moment.
		want := last + 5 + uint64(rng.IntN(20))
		last = w.until(t, want)
		time.Sleep(time.Duration(rng.IntN(3000)) * time.Microsecond)
		srv.Kill()
		t.Logf("kill %d after commit %d", k+1, last)
		time.Sleep(time.Duration(rng.IntN(300)) * time.Millisecond)
		srv = startServerProc(t, srv.Dir)
	}
	w.until(t, last+5)
	last = w.stop(t)
	checkLog(t, cur, last)
}

// writer writes rounds of 3 frames and a commit to a Log until stopped.
type writer struct {
	acked chan uint64 // each acknowledged round's commit Seq
	quit  chan struct{}
	err   chan error
	last  uint64
}

func startWriter(ctx context.Context, l *Log) *writer {
	w := &writer{acked: make(chan uint64, 1024), quit: make(chan struct{}), err: make(chan error, 1)}
	go func() {
		defer close(w.acked)
		for seq := uint64(0); ; seq++ {
			select {
			case <-w.quit:
				w.err <- nil
				return
			default:
			}
			var fs []cluster.Frame
			for i := range 3 {
				fs = append(fs, frame(seq, cluster.Inst(i), fmt.Sprint(seq, "/", i)))
			}
			if err := l.Publish(ctx, fs); err != nil {
				w.err <- err
				return
			}
			if err := l.Append(ctx, roundCommit(seq, 1)); err != nil {
				w.err <- fmt.Errorf("commit %d: %w", seq, err)
				return
			}
			w.acked <- seq
		}
	}()
	return w
}

// until waits until commit seq is acknowledged, and returns the last one.
func (w *writer) until(t *testing.T, seq uint64) uint64 {
	t.Helper()
	for w.last < seq {
		s, ok := <-w.acked
		if !ok {
			t.Fatalf("writer: %v", <-w.err)
		}
		w.last = s
	}
	return w.last
}

// stop stops the writer and returns its last acknowledged commit.
func (w *writer) stop(t *testing.T) uint64 {
	t.Helper()
	close(w.quit)
	for s := range w.acked {
		w.last = s
	}
	if err := <-w.err; err != nil {
		t.Fatal(err)
	}
	return w.last
}

// checkLog reads the log from its start up to commit last: positions dense,
// frames of round n before commit n (each (round, inst) at least once:
// retries may repeat a frame), commits 0..last once each and in order.
func checkLog(t *testing.T, cur cluster.Cursor, last uint64) {
	t.Helper()
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
