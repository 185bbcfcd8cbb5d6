package chain_test

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fwgo/fw/generated/chain"
	"github.com/fwgo/fw/runtime/cluster"
	"github.com/fwgo/fw/runtime/cluster/memlog"
	"github.com/fwgo/fw/runtime/fw"
)

// The code of docs/distributed.md, verbatim.

func docMember(ctx context.Context, l cluster.Log, name string, opts ...cluster.JoinOption) error {
	return cluster.Serve(ctx, l, name, func(ctx context.Context, join fw.Option) error {
		h := chain.Handlers{P1: p1{}, P2: p2{}, P3: p3{}, P4: &p4{}} // fresh handlers every time
		p, err := chain.NewPipeline(h, join)
		if err != nil {
			return err
		}
		return p.Run(ctx)
	}, opts...)
}

func docSubmitter(ctx context.Context, l cluster.Log, record *bytes.Buffer) (fw.Stats, error) {
	h := chain.Handlers{P1: p1{}, P2: p2{}, P3: p3{}, P4: &p4{}}
	join := cluster.Join(l, "m0", cluster.Submitter(), cluster.Members(3), cluster.Pin("P4"))
	p, err := chain.NewPipeline(h, join, fw.WithRecord(record))
	if err != nil {
		return fw.Stats{}, err
	}
	for i := range 100 {
		p.Submit(chain.A{N: int64(i)})
	}
	err = p.Run(ctx)
	return p.Stats(), err
}

// TestCluster runs the chain on a submitter and two members over an in-memory log:
// the submitter's record and Stats are the single-process run's.
func TestCluster(t *testing.T) {
	var want bytes.Buffer
	ref, err := chain.NewPipeline(chain.Handlers{P1: p1{}, P2: p2{}, P3: p3{}, P4: &p4{}}, fw.WithRecord(&want))
	if err != nil {
		t.Fatal(err)
	}
	for i := range 100 {
		ref.Submit(chain.A{N: int64(i)})
	}
	if err := ref.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	l := memlog.New(0)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, name := range []string{"m1", "m2"} {
		wg.Go(func() { errs[i] = docMember(ctx, l, name) })
	}
	var got bytes.Buffer
	stats, err := docSubmitter(ctx, l, &got)
	wg.Wait()
	if err != nil || errs[0] != nil || errs[1] != nil {
		t.Fatal(err, errs)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Fatal("the distributed run's record differs from the single-process one")
	}
	if d, _ := stats.Proc("P4"); d.Handled != 100 {
		t.Fatalf("P4 handled %d, want 100", d.Handled)
	}
	if s, w := stats, ref.Stats(); s.Phases[0] != w.Phases[0] {
		t.Fatalf("phase stats %+v, want %+v", s.Phases[0], w.Phases[0])
	}
}

// pointP1 is p1 whose calls may crash its member (in the simulation).
type pointP1 struct {
	point func()
}

func (p pointP1) OnA(c chain.P1AContext, n int64) error {
	p.point()
	return p1{}.OnA(c, n)
}

// TestClusterSim runs the chain on three members and an observer under seeded fault
// schedules of the simulation: every record equals the single-process one.
func TestClusterSim(t *testing.T) {
	var want bytes.Buffer
	ref := must(chain.NewPipeline(chain.Handlers{P1: p1{}, P2: p2{}, P3: p3{}, P4: &p4{}}, fw.WithRecord(&want)))
	for i := range 50 {
		ref.Submit(chain.A{N: int64(i)})
	}
	if err := ref.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	for seed := range uint64(memlog.Schedules(10, 1000)) {
		faults := memlog.DefaultFaults
		if seed%2 == 1 { // crashes of every kind, often
			faults = memlog.Faults{Drop: 0.05, Dup: 0.05, Delay: 0.1, CrashInHandler: 0.05, CrashInPublish: 0.2, CrashCoordinator: 0.2, Zombie: 0.05, MaxCrashes: 6}
		}
		sim := memlog.NewSim(seed, faults)
		var mu sync.Mutex
		got := map[string][]byte{}
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		err := sim.Run(ctx, []string{"m0", "m1", "m2", "obs"}, func(ctx context.Context, name string, l cluster.Log) error {
			var opts []cluster.JoinOption
			switch name {
			case "m0":
				opts = append(opts, cluster.Submitter(), cluster.Members(3))
			case "obs":
				opts = append(opts, cluster.Observer())
			}
			var rec bytes.Buffer
			h := chain.Handlers{P1: pointP1{func() { sim.Point(name, "P1") }}, P2: p2{}, P3: p3{}, P4: &p4{}}
			p, err := chain.NewPipeline(h, cluster.Join(l, name, opts...), fw.WithRecord(&rec))
			if err != nil {
				return err
			}
			if name == "m0" {
				for i := range 50 {
					p.Submit(chain.A{N: int64(i)})
				}
			}
			if err := p.Run(ctx); err != nil {
				return err
			}
			mu.Lock()
			got[name] = rec.Bytes()
			mu.Unlock()
			return nil
		})
		cancel()
		if err != nil {
			t.Fatalf("seed %d: %v\n%s", seed, err, strings.Join(sim.Trace(), "\n"))
		}
		for _, name := range []string{"m0", "m1", "m2", "obs"} {
			if !bytes.Equal(got[name], want.Bytes()) {
				t.Fatalf("seed %d: %s's record differs\n%s", seed, name, strings.Join(sim.Trace(), "\n"))
			}
		}
	}
}

// BenchmarkCluster is the chain in one process beside the chain as the single member
// of a distributed run over memlog (the protocol's cost without a network: two passes
// per round, the outputs encoded, published, committed and decoded); ns/op is per
// input event (four handler calls).
func BenchmarkCluster(b *testing.B) {
	run := func(b *testing.B, opts func() []fw.Option) {
		b.ReportAllocs()
		for done := 0; done < b.N; done += chainBatch {
			p := must(chain.NewPipeline(chain.Handlers{P1: p1{}, P2: p2{}, P3: p3{}, P4: &p4{}}, opts()...))
			for i := range min(chainBatch, b.N-done) {
				p.Submit(chain.A{N: int64(i)})
			}
			if err := p.Run(context.Background()); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("single", func(b *testing.B) {
		run(b, func() []fw.Option { return []fw.Option{fw.WithWorkers(1)} })
	})
	b.Run("member", func(b *testing.B) {
		run(b, func() []fw.Option { return []fw.Option{cluster.Join(memlog.New(0), "m0", cluster.Submitter())} })
	})
}
