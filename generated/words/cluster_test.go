package words_test

import (
	"bytes"
	"context"
	"errors"
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
	for seed := range uint64(memlog.Schedules(20, 1000)) {
		faults := memlog.DefaultFaults
		if seed%2 == 1 { // crashes of every kind, often
			faults = memlog.Faults{Drop: 0.05, Dup: 0.05, Delay: 0.1, CrashInPublish: 0.2, CrashCoordinator: 0.2, Zombie: 0.05, MaxCrashes: 6}
		}
		sim := memlog.NewSim(seed, faults)
		var mu sync.Mutex
		got := map[string][]byte{}
		var printed [][]string
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
			printed = append(printed, printer.got)
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
		// Printer's owner printed every word once, in order; so did a member that
		// finished the run just before its instance moved (a zombie: effects outside
		// fw are at least once); other members printed nothing.
		full := 0
		for _, p := range printed {
			switch {
			case slices.Equal(p, []string{"alpha", "beta", "gamma"}):
				full++
			case len(p) > 0:
				t.Fatalf("seed %d: a member printed %v", seed, p)
			}
		}
		if full == 0 {
			t.Fatalf("seed %d: nobody printed the words: %v", seed, printed)
		}
	}
}

// brokenWords yields one word, then panics: a source's failure.
type brokenWords struct{}

func (brokenWords) Build(ctx context.Context, yield func(string) bool) error {
	yield("alpha")
	panic("the source broke")
}

// TestClusterSourceFails: a source that panics in a distributed run fails every
// member's run as it fails the single-process run: a *fw.PanicError (its kind
// crosses the log with the pull's output, as a call's error does), the same
// text, and the same record up to it.
func TestClusterSourceFails(t *testing.T) {
	var want bytes.Buffer
	ref := must(words.NewPipeline(words.Handlers{Words: brokenWords{}, Printer: &Printer{}}, fw.WithRecord(&want)))
	ref.ResolveWords()
	wantErr := ref.Run(context.Background())
	var pe *fw.PanicError
	if !errors.As(wantErr, &pe) {
		t.Fatalf("the single-process run: %v", wantErr)
	}
	sim := memlog.NewSim(1, memlog.Faults{})
	var mu sync.Mutex
	got := map[string][]byte{}
	errs := map[string]error{}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	err := sim.Run(ctx, []string{"m0", "m1", "obs"}, func(ctx context.Context, name string, l cluster.Log) error {
		var opts []cluster.JoinOption
		switch name {
		case "m0":
			opts = append(opts, cluster.Submitter(), cluster.Members(2))
		case "obs":
			opts = append(opts, cluster.Observer())
		}
		var rec bytes.Buffer
		p, err := words.NewPipeline(words.Handlers{Words: brokenWords{}, Printer: &Printer{}}, cluster.Join(l, name, opts...), fw.WithRecord(&rec))
		if err != nil {
			return err
		}
		if name == "m0" {
			p.ResolveWords()
		}
		runErr := p.Run(ctx)
		mu.Lock()
		got[name], errs[name] = rec.Bytes(), runErr
		mu.Unlock()
		return nil
	})
	if err != nil {
		t.Fatalf("%v\n%s", err, strings.Join(sim.Trace(), "\n"))
	}
	for _, name := range []string{"m0", "m1", "obs"} {
		var pe *fw.PanicError
		if !errors.As(errs[name], &pe) || errs[name].Error() != wantErr.Error() {
			t.Errorf("%s: %v; the single-process run: %v", name, errs[name], wantErr)
		}
		if !bytes.Equal(got[name], want.Bytes()) {
			t.Errorf("%s's record differs", name)
		}
	}
}
