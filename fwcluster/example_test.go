package fwcluster_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/fwgo/fw/fwcluster"
	"github.com/fwgo/fw/runtime/cluster"
)

// A laptop run's log: an embedded server on a directory, a member's
// connection, the run's Log; the genesis commit, one round's frame and its
// commit, read back in log order.
func ExampleDevServer() {
	dir, err := os.MkdirTemp("", "fwc-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	url, stop, err := fwcluster.DevServer(dir)
	if err != nil {
		log.Fatal(err)
	}
	defer stop()

	nc, js, err := fwcluster.Connect(url)
	if err != nil {
		log.Fatal(err)
	}
	defer nc.Close()
	ctx := context.Background()
	l, err := fwcluster.Open(ctx, js, "demo")
	if err != nil {
		log.Fatal(err)
	}
	defer l.Close()

	gen := &cluster.Commit{Seq: 0, Kind: cluster.CommitGenesis, Gen: &cluster.Genesis{Protocol: cluster.Protocol, Members: []string{"m0"}}}
	r := cluster.Round{N: 1, Kind: cluster.RoundStep, Step: 1}
	body := []byte("output of instance 0")
	must(l.Append(ctx, gen))
	must(l.Publish(ctx, []cluster.Frame{{Round: r, Inst: 0, Attempt: 0, Last: true, Body: body}}))
	must(l.Append(ctx, &cluster.Commit{Seq: 1, Kind: cluster.CommitRound, Round: r, Parts: []cluster.Part{{Inst: 0, Frames: 1, Sum: cluster.Sum(body)}}}))
	// Another member, a second Append of commit 1: the compare-and-set refuses it.
	fmt.Println(l.Append(ctx, &cluster.Commit{Seq: 1, Kind: cluster.CommitRound, Round: r}))

	cur, err := l.Read(ctx, 0)
	if err != nil {
		log.Fatal(err)
	}
	defer cur.Close()
	for {
		e, ok, err := cur.Next(ctx, 100*time.Millisecond)
		if err != nil {
			log.Fatal(err)
		}
		if !ok {
			break
		}
		if e.Frame != nil {
			fmt.Printf("%d frame %v inst %d: %s\n", e.Seq, e.Frame.Round, e.Frame.Inst, e.Frame.Body)
		} else {
			fmt.Printf("%d commit %d (%v)\n", e.Seq, e.Commit.Seq, e.Commit.Kind)
		}
	}
	// Output:
	// cluster: commit sequence conflict
	// 1 commit 0 (genesis)
	// 2 frame r1(step p0 s1) inst 0: output of instance 0
	// 3 commit 1 (round)
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
