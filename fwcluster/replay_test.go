package fwcluster

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fwgo/fw/generated/partition"
	"github.com/fwgo/fw/runtime/cluster"
	"github.com/fwgo/fw/runtime/fw"
)

// exportRecord is the record of the distributed run on l, as an observer
// exports it: it joins the run (during the run, or after it ended: it reads
// the log from its start) and writes the run's record with fw.WithRecord.
func exportRecord(ctx context.Context, l cluster.Log) ([]byte, error) {
	var rec bytes.Buffer
	join := cluster.Join(l, "export", cluster.Observer())
	p, err := partition.NewPipeline(ptHandlers(0, nil), join, fw.WithRecord(&rec))
	if err != nil {
		return nil, err
	}
	err = p.Run(ctx)
	return rec.Bytes(), err
}

// replayRecord replays a distributed run's record in one process, with the
// current handlers: no cluster.Join, any worker count.
func replayRecord(ctx context.Context, record []byte, h partition.Handlers) error {
	p, err := partition.NewPipeline(h, fw.WithWorkers(2))
	if err != nil {
		return err
	}
	return p.Replay(ctx, bytes.NewReader(record)) // nil, or a *fw.DivergenceError
}

// TestPartitionReplay: the record of a distributed run of generated/partition
// (the submitter and member m1, goroutines each on its own connection to an
// embedded server), exported by an observer that joins after the run ended,
// replays in one process with no divergence: with Pipeline.Replay and with
// fw.WithReplay, with 1 and 2 workers, and Report's output is the run's. It is
// the single-process record, byte for byte. A changed handler diverges, and a
// replay joined to the run (cluster.Join with fw.WithReplay) is refused with
// an error that says what to do instead.
func TestPartitionReplay(t *testing.T) {
	want, _, wantLines := ptRef(t, ptEvents)
	srv := startDev(t, "")
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	logOf := func() *Log {
		_, js := connect(t, srv.URL)
		return open(t, js, "replay", LeaseTTL(procLease))
	}
	l1 := logOf()
	var wg sync.WaitGroup
	var err1 error
	wg.Go(func() { _, err1 = ptMember(ctx, l1, "m1", 0, fw.WithArchive(nil)) })
	_, _, lines, err := ptSubmitter(ctx, logOf(), 2, ptEvents, fw.WithArchive(nil))
	wg.Wait()
	if err != nil || err1 != nil {
		t.Fatalf("submitter %v, m1 %v", err, err1)
	}
	if !reflect.DeepEqual(lines, wantLines) {
		t.Fatal("the distributed run's output differs from the single-process one")
	}

	rec, err := exportRecord(ctx, logOf())
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	if !bytes.Equal(rec, want) {
		t.Fatal("the exported record differs from the single-process one")
	}

	// Pipeline.Replay, 2 workers.
	var replayed []string
	if err := replayRecord(ctx, rec, ptHandlers(0, &replayed)); err != nil {
		t.Fatalf("replay: %v", err)
	}
	if !reflect.DeepEqual(replayed, wantLines) {
		t.Fatalf("the replay's output\n%s\nwant\n%s", strings.Join(replayed, "\n"), strings.Join(wantLines, "\n"))
	}
	// Run with fw.WithReplay, 1 worker.
	replayed = nil
	p, err := partition.NewPipeline(ptHandlers(0, &replayed), fw.WithReplay(bytes.NewReader(rec)), fw.WithWorkers(1))
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Run(ctx); err != nil {
		t.Fatalf("Run with fw.WithReplay: %v", err)
	}
	if !reflect.DeepEqual(replayed, wantLines) {
		t.Fatal("the replay's output (fw.WithReplay) differs")
	}

	// A Match that nets one less diverges.
	h := ptHandlers(0, nil)
	h.Match = func(int) partition.MatchHandler { return &ptMatchChanged{ptMatch{amounts: map[string]int64{}}} }
	var div *fw.DivergenceError
	if err := replayRecord(ctx, rec, h); !errors.As(err, &div) || !strings.Contains(err.Error(), "processor Match") {
		t.Fatalf("replay with a changed Match: %v, want a *fw.DivergenceError naming Match", err)
	}

	// A replay joined to the run is refused, pointing to the one-process replay.
	p, err = partition.NewPipeline(ptHandlers(0, nil), cluster.Join(logOf(), "m9"), fw.WithReplay(bytes.NewReader(rec)))
	if err != nil {
		t.Fatal(err)
	}
	err = p.Run(ctx)
	if err == nil || !strings.Contains(err.Error(), "distributed run of package partition cannot replay a record") ||
		!strings.Contains(err.Error(), "replay it in one process, without cluster.Join") {
		t.Fatalf("Run with cluster.Join and fw.WithReplay: %v", err)
	}
}

// ptMatchChanged nets every refund one less than Match does.
type ptMatchChanged struct{ ptMatch }

func (m *ptMatchChanged) OnRefund(c partition.MatchRefundContext) error {
	r := c.Event()
	c.EmitCredit(partition.Credit{OrderID: r.OrderID, Net: m.amounts[r.OrderID] - r.Amount - 1})
	return nil
}
