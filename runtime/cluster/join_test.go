package cluster_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fwgo/fw/runtime/cluster"
	"github.com/fwgo/fw/runtime/cluster/memlog"
	"github.com/fwgo/fw/runtime/fw"
	fwrt "github.com/fwgo/fw/runtime/internal/engine"
	"github.com/fwgo/fw/runtime/internal/randprog"
)

// TestServe runs members as goroutines on an in-memory Log with the wall clock, the
// way a deployment runs them on a real one: Serve, Join, Submitter, Pin, Observer.
func TestServe(t *testing.T) {
	g := diffProg(42, 3)
	var want bytes.Buffer
	ref := fwrt.New(g.Prog, randprog.NewDisp(g), fw.WithWorkers(1), fw.WithRecord(&want))
	g.Submit(ref)
	if err := ref.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	l := memlog.New(0)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	recs := make([]bytes.Buffer, 4)
	errs := make([]error, 4)
	var wg sync.WaitGroup
	for i, name := range []string{"m0", "m1", "m2", "obs"} {
		var opts []cluster.JoinOption
		switch name {
		case "m0":
			opts = append(opts, cluster.Submitter(), cluster.Members(3), cluster.Pin("P1"))
		case "obs":
			opts = append(opts, cluster.Observer())
		}
		wg.Go(func() {
			errs[i] = cluster.Serve(ctx, l, name, func(ctx context.Context, join fw.Option) error {
				recs[i].Reset()
				e := fwrt.New(g.Prog, randprog.NewDisp(g), join, fw.WithRecord(&recs[i]))
				if name == "m0" {
					g.Submit(e)
				}
				return e.Run(ctx)
			}, opts...)
		})
	}
	wg.Wait()
	for i := range recs {
		if errs[i] != nil {
			t.Fatalf("member %d: %v", i, errs[i])
		}
		if !bytes.Equal(recs[i].Bytes(), want.Bytes()) {
			t.Fatalf("member %d's record differs from the single-process one", i)
		}
	}
	// An observer that joins after the run ended exports the same record from the log.
	var late bytes.Buffer
	if err := fwrt.New(g.Prog, randprog.NewDisp(g), cluster.Join(l, "export", cluster.Observer()), fw.WithRecord(&late)).Run(ctx); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(late.Bytes(), want.Bytes()) {
		t.Fatal("the late observer's record differs from the single-process one")
	}
	// The genesis put P1's instances on the submitter and spread the others.
	gen := l.Entries()[0].Commit
	if gen == nil || gen.Kind != cluster.CommitGenesis {
		t.Fatalf("first entry %+v", l.Entries()[0])
	}
	owners := map[string]bool{}
	for _, m := range gen.Moves {
		owners[m.Member] = true
		if int(m.Inst) < g.Slots() && g.Prog.Procs[slotProc(g, int(m.Inst))].Name == "P1" && m.Member != "m0" {
			t.Errorf("pinned P1's instance %d went to %s", m.Inst, m.Member)
		}
	}
	if len(owners) != 3 {
		t.Errorf("instances on %d members, want 3", len(owners))
	}
}

func slotProc(g *randprog.Prog, slot int) int {
	for p := len(g.Procs) - 1; p >= 0; p-- {
		if g.Slot(p, 0) <= slot {
			return p
		}
	}
	return 0
}

// TestJoinRefuses: what a distributed run does not support fails Run clearly.
func TestJoinRefuses(t *testing.T) {
	g := diffProg(1, 1)
	e := fwrt.New(g.Prog, randprog.NewDisp(g), cluster.Join(memlog.New(0), "m0", cluster.Submitter()), fw.WithReplay(strings.NewReader("")))
	err := e.Run(context.Background())
	if err == nil || !strings.Contains(err.Error(), "a distributed run of package rand1 cannot replay a record (fw.WithReplay, Pipeline.Replay): replay it in one process") {
		t.Fatalf("Run: %v", err)
	}
}

// TestJoinOtherProgram: a member of another program (or settings) refuses the run.
func TestJoinOtherProgram(t *testing.T) {
	l := memlog.New(0)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	g1, g3 := diffProg(7, 1), diffProg(7, 3)
	var wg sync.WaitGroup
	var err0 error
	wg.Go(func() {
		e := fwrt.New(g1.Prog, randprog.NewDisp(g1), cluster.Join(l, "m0", cluster.Submitter()))
		g1.Submit(e)
		err0 = e.Run(ctx)
	})
	wg.Wait()
	if err0 != nil {
		t.Fatal(err0)
	}
	e := fwrt.New(g3.Prog, randprog.NewDisp(g3), cluster.Join(l, "m1"))
	err := e.Run(ctx)
	if err == nil || !strings.Contains(err.Error(), "the run's settings are") {
		t.Fatalf("Run of another K: %v", err)
	}
	if errors.Is(err, cluster.ErrRejoin) {
		t.Fatal("ErrRejoin")
	}
}

type failingSink struct{ n int }

func (s *failingSink) Publish(context.Context, []fw.SinkMsg) error {
	if s.n--; s.n < 0 {
		return errors.New("sink down")
	}
	return nil
}

// TestJoinSinkFails: the submitter's sink fails; its End commit ends the run for the
// other members too (they do not wait for it for ever).
func TestJoinSinkFails(t *testing.T) {
	g := diffProg(3, 3)
	l := memlog.New(0)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var wg sync.WaitGroup
	var err1 error
	wg.Go(func() {
		err1 = fwrt.New(g.Prog, randprog.NewDisp(g), cluster.Join(l, "m1")).Run(ctx)
	})
	e := fwrt.New(g.Prog, randprog.NewDisp(g), cluster.Join(l, "m0", cluster.Submitter(), cluster.Members(2)), fw.WithSink(&failingSink{n: 2}))
	g.Submit(e)
	err0 := e.Run(ctx)
	wg.Wait()
	if err0 == nil || !strings.Contains(err0.Error(), "sink down") {
		t.Fatalf("submitter: %v", err0)
	}
	var end *cluster.EndError
	if !errors.As(err1, &end) || !strings.Contains(end.Reason, "sink down") {
		t.Fatalf("member: %v, want the run ended by the sink's error", err1)
	}
}
