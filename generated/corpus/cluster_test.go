package corpus_test

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fwgo/fw/generated/corpus"
	"github.com/fwgo/fw/runtime/cluster"
	"github.com/fwgo/fw/runtime/cluster/memlog"
	"github.com/fwgo/fw/runtime/fw"
)

// TestClusterSim runs the corpus (a source builder, a transform builder, a Grouper
// and a ReservoirSampler, resolved from `on init`) on three members and an observer
// under seeded fault schedules: every record equals the single-process one.
func TestClusterSim(t *testing.T) {
	var want bytes.Buffer
	ref := must(corpus.NewPipeline(corpus.Handlers{Docs: docs{}, Tokenize: tokenize{}, Report: &report{}}, fw.WithRecord(&want)))
	if err := ref.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	names := []string{"m0", "m1", "m2", "obs"}
	for seed := range uint64(memlog.Schedules(20, 1000)) {
		faults := memlog.DefaultFaults
		if seed%2 == 1 { // crashes of every kind, often
			faults = memlog.Faults{Drop: 0.05, Dup: 0.05, Delay: 0.1, CrashInPublish: 0.2, CrashCoordinator: 0.2, Zombie: 0.05, MaxCrashes: 6}
		}
		sim := memlog.NewSim(seed, faults)
		var mu sync.Mutex
		got := map[string][]byte{}
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		err := sim.Run(ctx, names, func(ctx context.Context, name string, l cluster.Log) error {
			var opts []cluster.JoinOption
			switch name {
			case "m0":
				opts = append(opts, cluster.Submitter(), cluster.Members(3))
			case "obs":
				opts = append(opts, cluster.Observer())
			}
			var rec bytes.Buffer
			p, err := corpus.NewPipeline(corpus.Handlers{Docs: docs{}, Tokenize: tokenize{}, Report: &report{}}, cluster.Join(l, name, opts...), fw.WithRecord(&rec))
			if err != nil {
				return err
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
		for _, name := range names {
			if !bytes.Equal(got[name], want.Bytes()) {
				t.Fatalf("seed %d: %s's record differs\n%s", seed, name, strings.Join(sim.Trace(), "\n"))
			}
		}
	}
}
