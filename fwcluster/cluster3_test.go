//go:build fwcluster3

package fwcluster

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fwgo/fw/runtime/cluster/clustertest"
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
)

// freePort is a TCP port on loopback that was free a moment ago.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// cluster3 starts three JetStream servers in this process, clustered on
// loopback, and waits until JetStream has a meta leader (5-10 s on a loaded
// 2-core machine).
func cluster3(t *testing.T) (servers []*server.Server, urls string) {
	t.Helper()
	var routes []string
	ports := make([]int, 3)
	for i := range ports {
		ports[i] = freePort(t)
		routes = append(routes, fmt.Sprintf("nats-route://127.0.0.1:%d", ports[i]))
	}
	var clients []string
	for i := range 3 {
		o := &server.Options{
			ServerName: fmt.Sprint("n", i),
			Host:       "127.0.0.1",
			Port:       -1,
			JetStream:  true,
			StoreDir:   t.TempDir(),
			NoLog:      true,
			NoSigs:     true,
			Cluster:    server.ClusterOpts{Name: "fwc", Host: "127.0.0.1", Port: ports[i]},
			Routes:     server.RoutesFromStr(strings.Join(routes, ",")),
		}
		s, err := server.NewServer(o)
		if err != nil {
			t.Fatal(err)
		}
		go s.Start()
		if !s.ReadyForConnections(30 * time.Second) {
			t.Fatalf("server %d not ready", i)
		}
		t.Cleanup(func() { s.Shutdown(); s.WaitForShutdown() })
		servers = append(servers, s)
		clients = append(clients, s.ClientURL())
	}
	urls = strings.Join(clients, ",")
	_, js := connect(t, urls)
	deadline := time.Now().Add(60 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		_, err := js.AccountInfo(ctx)
		cancel()
		if err == nil {
			return servers, urls
		}
		if time.Now().After(deadline) {
			t.Fatalf("no JetStream meta leader after 60 s: %v", err)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// TestCluster3LeaderKill: a run's log on a 3-node cluster (Replicas(3));
// the writer goes on while the stream leader's server is shut down; every
// acknowledged frame and commit is in the log, in order, commits unique.
//
//	make test-cluster3
func TestCluster3LeaderKill(t *testing.T) {
	servers, urls := cluster3(t)
	_, js := connect(t, urls, nats.Timeout(5*time.Second))
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var l *Log
	for try := 0; ; try++ {
		var err error
		l, err = Open(ctx, js, "r3", Replicas(3), AckWait(2*time.Second))
		if err == nil {
			break
		}
		if try == 20 {
			t.Fatal(err)
		}
		time.Sleep(time.Second)
	}
	defer l.Close()
	cur, err := l.Read(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer cur.Close()
	epoch, held, err := l.Lease(ctx, "m0")
	if err != nil || !held {
		t.Fatalf("lease: %v %v", held, err)
	}
	w := startWriter(ctx, l)
	last := w.until(t, 20)
	info, err := js.Stream(ctx, StreamName("r3"))
	if err != nil {
		t.Fatal(err)
	}
	si, err := info.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if si.Cluster == nil || si.Cluster.Leader == "" || len(si.Cluster.Replicas) != 2 {
		t.Fatalf("stream cluster info %+v", si.Cluster)
	}
	leader := si.Cluster.Leader
	for _, s := range servers {
		if s.Name() == leader {
			start := time.Now()
			s.Shutdown()
			t.Logf("stream leader %s shut down after commit %d", leader, last)
			last = w.until(t, last+1)
			t.Logf("commit %d acknowledged %v later", last, time.Since(start).Round(time.Millisecond))
		}
	}
	// The bucket (lease, heartbeats) is replicated too.
	if err := l.Beat(ctx, "m1", 3); err != nil {
		t.Fatal(err)
	}
	if ms, err := l.Members(ctx); err != nil || len(ms) != 1 || ms[0].Incarnation != 3 {
		t.Fatalf("members after the kill: %+v %v", ms, err)
	}
	l.mu.Lock()
	clear(l.held) // renew for real, not from the cache
	l.mu.Unlock()
	if e, held, err := l.Lease(ctx, "m0"); err != nil || !held || e != epoch {
		t.Fatalf("lease renewal after the kill: %d %v %v, want %d held", e, held, err, epoch)
	}
	w.until(t, last+20)
	last = w.stop(t)
	checkLog(t, cur, last)
	if si, err := info.Info(ctx); err != nil || si.Cluster.Leader == leader || si.Cluster.Leader == "" {
		t.Fatalf("after the kill: leader %v, %v", si.Cluster, err)
	}
}

// TestCluster3Members: the toy program on 3 members (goroutines, each with
// its own connection to the cluster) and an observer, R3; the stream
// leader's server is shut down mid-run. Every record equals the
// single-process one.
func TestCluster3Members(t *testing.T) {
	servers, urls := cluster3(t)
	p := newToy(7, 8, 12, 60, 1000)
	want, err := p.Run(context.Background(), clustertest.Local{})
	if err != nil {
		t.Fatal(err)
	}
	p.Work = toyWork(200*time.Microsecond, 0)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	open3 := func() *Log {
		_, js := connect(t, urls, nats.Timeout(5*time.Second))
		for try := 0; ; try++ {
			l, err := Open(ctx, js, "r3m", Replicas(3), LeaseTTL(procLease), AckWait(procAck))
			if err == nil {
				t.Cleanup(func() { l.Close() })
				return l
			}
			if try == 20 {
				t.Fatal(err)
			}
			time.Sleep(time.Second)
		}
	}
	names := []string{"obs", "m0", "m1", "m2"}
	recs := make([][]byte, len(names))
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	var watch *commitWatch
	for i, name := range names {
		l := open3()
		if i == 0 {
			watch = watchCommits(ctx, t, l)
		}
		q := *p
		wg.Go(func() { recs[i], errs[i] = q.Member(ctx, l, name, 3, name == "obs", procDead) })
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	if !watch.wait(10, done) {
		t.Fatalf("the run ended before commit 10: %v", errs)
	}
	_, js := connect(t, urls)
	st, err := js.Stream(ctx, StreamName("r3m"))
	if err != nil {
		t.Fatal(err)
	}
	si, err := st.Info(ctx)
	if err != nil || si.Cluster == nil {
		t.Fatalf("stream info: %v", err)
	}
	for _, s := range servers {
		if s.Name() == si.Cluster.Leader {
			s.Shutdown()
			t.Logf("stream leader %s shut down after commit %d", s.Name(), watch.last())
		}
	}
	<-done
	for i, name := range names {
		if errs[i] != nil {
			t.Errorf("%s: %v", name, errs[i])
		}
	}
	if t.Failed() {
		t.FailNow()
	}
	for i, name := range names {
		if !bytes.Equal(recs[i], want) {
			t.Fatalf("%s's record differs\n got:\n%s\nwant:\n%s", name, recs[i], want)
		}
	}
	t.Logf("%d commits", watch.last()+1)
}
