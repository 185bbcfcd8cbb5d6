package words_test

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fwgo/fw/generated/words"
	"github.com/fwgo/fw/runtime/cluster"
	"github.com/fwgo/fw/runtime/cluster/memlog"
	"github.com/fwgo/fw/runtime/fw"
)

// TestClusterSim runs the builder quickstart (a source builder, resolved by the
// submitter) on two members and an observer under seeded fault schedules: the source
// is pulled by its owner alone, and every record equals the single-process one.
func TestClusterSim(t *testing.T) {
	var want bytes.Buffer
	ref := must(words.NewPipeline(words.Handlers{Words: Words{}, Printer: &Printer{}}, fw.WithRecord(&want)))
	ref.ResolveWords()
	if err := ref.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	for seed := range uint64(20) {
		sim := memlog.NewSim(seed, memlog.DefaultFaults)
		var mu sync.Mutex
		got := map[string][]byte{}
		var printed []string
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		err := sim.Run(ctx, []string{"m0", "m1", "obs"}, func(ctx context.Context, name string, l cluster.Log) error {
			var opts []cluster.JoinOption
			switch name {
			case "m0":
				opts = append(opts, cluster.Submitter(), cluster.Members(2))
			case "obs":
				opts = append(opts, cluster.Observer())
			}
			var rec bytes.Buffer
			printer := &Printer{}
			p, err := words.NewPipeline(words.Handlers{Words: Words{}, Printer: printer}, cluster.Join(l, name, opts...), fw.WithRecord(&rec))
			if err != nil {
				return err
			}
			if name == "m0" {
				p.ResolveWords()
			}
			if err := p.Run(ctx); err != nil {
				return err
			}
			mu.Lock()
			got[name] = rec.Bytes()
			printed = append(printed, printer.got...)
			mu.Unlock()
			return nil
		})
		cancel()
		if err != nil {
			t.Fatalf("seed %d: %v\n%s", seed, err, strings.Join(sim.Trace(), "\n"))
		}
		for _, name := range []string{"m0", "m1", "obs"} {
			if !bytes.Equal(got[name], want.Bytes()) {
				t.Fatalf("seed %d: %s's record differs\n%s", seed, name, strings.Join(sim.Trace(), "\n"))
			}
		}
		// The last incarnation of Printer's owner printed every word once.
		if !slices.Equal(printed, []string{"alpha", "beta", "gamma"}) {
			t.Fatalf("seed %d: printed %v", seed, printed)
		}
	}
}
