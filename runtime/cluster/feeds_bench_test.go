package cluster_test

import (
	"context"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/fwgo/fw/runtime/cluster"
	"github.com/fwgo/fw/runtime/cluster/memlog"
	fwrt "github.com/fwgo/fw/runtime/internal/engine"
	"github.com/fwgo/fw/runtime/internal/randprog"
)

// BenchmarkFeed: a distributed run on 2 members over the in-memory Log
// (goroutines, no simulation) of 2,000 events, fed (a feed, in pulls of 256:
// each pull a round) or submitted (the input round): the cost of feeding
// across members. Reports CPU time (getrusage, all goroutines) and rounds
// per run.
func BenchmarkFeed(b *testing.B) {
	g := diffProg(3, 3)
	spec := &feedSpec{batch: 256, feeds: []feedDef{{n: 2000, whole: true}}}
	evs := spec.events(g, 3, 0)
	for _, mode := range []string{"submitted", "fed"} {
		b.Run(mode, func(b *testing.B) {
			var rounds int
			cpu0 := cpuTime()
			for b.Loop() {
				l := memlog.New(0)
				ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
				var wg sync.WaitGroup
				errs := make([]error, 2)
				for i, name := range []string{"m0", "m1"} {
					wg.Go(func() {
						var opts []cluster.JoinOption
						if name == "m0" {
							opts = append(opts, cluster.Submitter(), cluster.Members(2))
						}
						e := fwrt.New(g.Prog, randprog.NewDisp(g), append(spec.opts(), cluster.Join(l, name, opts...))...)
						if name == "m0" {
							if mode == "fed" {
								spec.attach(e, g, 3, nil, nil, nil)
							} else {
								for k := range evs {
									e.Submit(fwrt.Msg{Kind: fwrt.Kind(evs[k].K), Ev: &evs[k]})
								}
							}
						}
						errs[i] = e.Run(ctx)
					})
				}
				wg.Wait()
				cancel()
				for _, err := range errs {
					if err != nil {
						b.Fatal(err)
					}
				}
				cur, _ := l.Read(context.Background(), 0)
				for {
					e, ok, _ := cur.Next(context.Background(), 0)
					if !ok {
						break
					}
					if c := e.Commit; c != nil && c.Kind == cluster.CommitRound {
						rounds++
					}
				}
			}
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
			b.ReportMetric(float64(rounds)/float64(b.N), "rounds/op")
		})
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
