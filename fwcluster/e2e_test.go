package fwcluster

import (
	"bytes"
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/fwgo/fw/runtime/cluster/clustertest"
)

// TestMembersGoroutines: the toy program with members as goroutines, each
// on its own connection, and an observer, over one embedded server:
// instances ∈ {1, 3, 8} × members ∈ {1, 2, 3}. Every member's and the
// observer's record equals the single-process record.
func TestMembersGoroutines(t *testing.T) {
	srv := startDev(t, "")
	for _, insts := range []int{1, 3, 8} {
		for _, members := range []int{1, 2, 3} {
			t.Run(fmt.Sprintf("I%d/M%d", insts, members), func(t *testing.T) {
				p := newToy(uint64(insts*10+members), insts, 6, 12, 40)
				want, err := p.Run(context.Background(), clustertest.Local{})
				if err != nil {
					t.Fatal(err)
				}
				if rounds := bytes.Count(want, []byte("\n")); rounds < 5 {
					t.Fatalf("a program of %d rounds", rounds)
				}
				ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
				defer cancel()
				run := fmt.Sprintf("g%d_%d", insts, members)
				names := []string{"obs"}
				for m := range members {
					names = append(names, fmt.Sprint("m", m))
				}
				var wg sync.WaitGroup
				recs := make([][]byte, len(names))
				errs := make([]error, len(names))
				for i, name := range names {
					_, js := connect(t, srv.URL)
					l := open(t, js, run, LeaseTTL(time.Second))
					q := *p // its own call count
					wg.Go(func() {
						recs[i], errs[i] = q.Member(ctx, l, name, members, name == "obs", time.Second)
					})
				}
				wg.Wait()
				for i, name := range names {
					if errs[i] != nil {
						t.Fatalf("%s: %v", name, errs[i])
					}
					if !bytes.Equal(recs[i], want) {
						t.Fatalf("%s's record differs\n got:\n%s\nwant:\n%s", name, recs[i], want)
					}
				}
			})
		}
	}
}
