package fwcluster

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/fwgo/fw/generated/chain"
	"github.com/fwgo/fw/runtime/cluster"
	"github.com/fwgo/fw/runtime/fw"
)

// The engine end to end: generated/chain (A -> P1 -> B -> P2 -> C -> P3 -> D
// -> P4) as a distributed run over fwcluster, with cluster.Join and
// cluster.Serve as docs/distributed.md shows them. P2 may spin (work per
// call), so that a member can be killed in the middle of a round.

type cp1 struct{}
type cp2 struct{ spin int }
type cp3 struct{}
type cp4 struct{ sum int64 }

func (cp1) OnA(c chain.P1AContext, n int64) error { c.EmitB(chain.B{N: n * 3}); return nil }
func (p cp2) OnB(c chain.P2BContext, n int64) error {
	spinWork(p.spin)
	c.EmitC(chain.C{N: n + 7})
	return nil
}
func (cp3) OnC(c chain.P3CContext, n int64) error { c.EmitD(chain.D{N: n % 1000}); return nil }
func (p *cp4) OnD(c chain.P4DContext, n int64) error {
	p.sum += n
	return nil
}

func chainHandlers(spin int) chain.Handlers {
	return chain.Handlers{P1: cp1{}, P2: cp2{spin}, P3: cp3{}, P4: &cp4{}}
}

// chainRef is the single-process run of n events: its record and Stats.
func chainRef(t testing.TB, n int) ([]byte, fw.Stats) {
	var rec bytes.Buffer
	p, err := chain.NewPipeline(chainHandlers(0), fw.WithRecord(&rec))
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		p.Submit(chain.A{N: int64(i)})
	}
	if err := p.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return rec.Bytes(), zeroTime(p.Stats())
}

func zeroTime(s fw.Stats) fw.Stats {
	for i := range s.Processors {
		s.Processors[i].HandlerTime = 0
	}
	return s
}

// chainSubmitter is member m0: it submits n events and runs; P4 stays on it.
// The runs keep the default DeadAfter (3 s), longer than a server restart:
// a coordinator that saw no beats for DeadAfter would move instances, and
// the submitter, which cannot rejoin in v1, would fail with ErrRejoin.
func chainSubmitter(ctx context.Context, l cluster.Log, members, n int, opts ...cluster.JoinOption) ([]byte, fw.Stats, error) {
	var rec bytes.Buffer
	join := cluster.Join(l, "m0", append([]cluster.JoinOption{cluster.Submitter(), cluster.Members(members), cluster.Pin("P4")}, opts...)...)
	p, err := chain.NewPipeline(chainHandlers(0), join, fw.WithRecord(&rec))
	if err != nil {
		return nil, fw.Stats{}, err
	}
	for i := range n {
		p.Submit(chain.A{N: int64(i)})
	}
	err = p.Run(ctx)
	return rec.Bytes(), zeroTime(p.Stats()), err
}

// chainMember is a member (or, with cluster.Observer(), the export): Serve
// makes the pipeline again, with fresh handlers, whenever it must rejoin.
func chainMember(ctx context.Context, l cluster.Log, name string, spin int, opts ...cluster.JoinOption) ([]byte, error) {
	var rec bytes.Buffer
	err := cluster.Serve(ctx, l, name, func(ctx context.Context, join fw.Option) error {
		rec.Reset()
		p, err := chain.NewPipeline(chainHandlers(spin), join, fw.WithRecord(&rec))
		if err != nil {
			return err
		}
		return p.Run(ctx)
	}, opts...)
	return rec.Bytes(), err
}

// TestEngineGoroutines: the chain on 1-3 members (goroutines, each on its
// own connection) and an observer: the submitter's and the observer's
// records and the submitter's Stats equal the single-process run's.
func TestEngineGoroutines(t *testing.T) {
	const n = 300
	want, wantStats := chainRef(t, n)
	srv := startDev(t, "")
	for _, members := range []int{1, 2, 3} {
		t.Run(fmt.Sprint("M", members), func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			run := fmt.Sprint("engine", members)
			logOf := func() *Log {
				_, js := connect(t, srv.URL)
				return open(t, js, run, LeaseTTL(procLease))
			}
			var wg sync.WaitGroup
			errs := make([]error, members+1)
			var obsRec []byte
			for i := 1; i < members; i++ {
				l := logOf()
				wg.Go(func() { _, errs[i] = chainMember(ctx, l, fmt.Sprint("m", i), 0) })
			}
			lo := logOf()
			wg.Go(func() { obsRec, errs[0] = chainMember(ctx, lo, "obs", 0, cluster.Observer()) })
			rec, stats, err := chainSubmitter(ctx, logOf(), members, n)
			wg.Wait()
			if err != nil {
				t.Fatalf("submitter: %v", err)
			}
			for i, err := range errs {
				if err != nil {
					t.Fatalf("member %d: %v", i, err)
				}
			}
			if !bytes.Equal(rec, want) || !bytes.Equal(obsRec, want) {
				t.Fatalf("records differ from the single-process one (submitter %v, observer %v)", bytes.Equal(rec, want), bytes.Equal(obsRec, want))
			}
			if !reflect.DeepEqual(stats, wantStats) {
				t.Fatalf("stats\n got %+v\nwant %+v", stats, wantStats)
			}
		})
	}
}

// chainMemberMain is the "chain-member" role: member FWC_MEMBER of the chain.
func chainMemberMain() error {
	return withMemberLog(func(ctx context.Context, l *Log) error {
		var err error
		spin, _ := strconv.Atoi(os.Getenv(envSpin))
		var opts []cluster.JoinOption
		if d, err := time.ParseDuration(os.Getenv(envDead)); err == nil {
			opts = append(opts, cluster.DeadAfter(d))
		}
		var rec []byte
		if os.Getenv(envMember) == "m0" { // the submitter
			var stats fw.Stats
			rec, stats, err = chainSubmitter(ctx, l, 3, chainEvents, opts...)
			if err == nil {
				err = os.WriteFile(os.Getenv(envOut)+".stats", fmt.Appendf(nil, "%+v", stats), 0o644)
			}
		} else {
			rec, err = chainMember(ctx, l, os.Getenv(envMember), spin, opts...)
		}
		if err != nil {
			return err
		}
		return os.WriteFile(os.Getenv(envOut), rec, 0o644)
	})
}

// envDead is the DeadAfter of chain members (a duration); chainEvents the
// number of events the submitter process submits.
const (
	envDead     = "FWC_DEAD"
	chainEvents = 400
)

// TestEngineTakeover: the chain with every member a process, the submitter
// m0 too (it proposes the genesis, so it holds the lease), and the observer
// in the test. The test SIGKILLs the lease holder mid-run, waits until
// another member has taken the lease over, and starts it again (a
// restarted submitter submits the same input and catches up; DeadAfter is
// 10 s, so that its instances do not move meanwhile: a submitter cannot
// rejoin in v1). The observer's and the restarted submitter's records and
// the submitter's Stats equal the single-process run's.
func TestEngineTakeover(t *testing.T) {
	want, wantStats := chainRef(t, chainEvents)
	dir := t.TempDir()
	srv := startServerProc(t, filepath.Join(dir, "js"))
	_, js := connect(t, srv.URL)
	ctx, cancel := context.WithTimeout(context.Background(), min(procTimeout(), 90*time.Second))
	defer cancel()
	const run = "takeover"
	l := open(t, js, run, LeaseTTL(procLease), AckWait(procAck))
	env := []string{envRole + "=chain-member", envURL + "=" + srv.URL, envRun + "=" + run, envSpin + "=2000000", envDead + "=10s"}
	procs := map[string]*memberProc{}
	for _, name := range []string{"m0", "m1", "m2"} {
		procs[name] = startChainMember(t, env, name, filepath.Join(dir, name))
	}
	w := watchCommits(ctx, t, l)
	var obsRec []byte
	var obsErr error
	obsDone := make(chan struct{})
	go func() {
		defer close(obsDone)
		obsRec, obsErr = chainMember(ctx, l, "obs", 0, cluster.Observer(), cluster.DeadAfter(10*time.Second))
	}()
	if !w.wait(2, obsDone) {
		t.Fatalf("the run ended before commit 2: %v", obsErr)
	}
	holder, err := leaseHolder(ctx, l)
	if err != nil {
		t.Fatal(err)
	}
	procs[holder].kill()
	t.Logf("lease holder %s killed after commit %d", holder, w.last())
	for {
		h, err := leaseHolder(ctx, l)
		if err != nil {
			t.Fatal(err)
		}
		if h != holder {
			t.Logf("%s took the lease over", h)
			break
		}
		select {
		case <-ctx.Done():
			t.Fatal("nobody took the lease over")
		case <-time.After(50 * time.Millisecond):
		}
	}
	procs[holder] = startChainMember(t, env, holder, procs[holder].out)
	<-obsDone
	if obsErr != nil {
		t.Fatalf("observer: %v", obsErr)
	}
	for name, m := range procs {
		<-m.done
		if m.err != nil {
			t.Fatalf("%s: %v", name, m.err)
		}
	}
	sub, err := os.ReadFile(procs["m0"].out)
	if err != nil {
		t.Fatal(err)
	}
	stats, err := os.ReadFile(procs["m0"].out + ".stats")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(obsRec, want) || !bytes.Equal(sub, want) {
		t.Fatalf("records differ (observer %v, submitter %v)", bytes.Equal(obsRec, want), bytes.Equal(sub, want))
	}
	if got := string(stats); got != fmt.Sprintf("%+v", wantStats) {
		t.Fatalf("stats\n got %s\nwant %+v", got, wantStats)
	}
}

// TestEngineProcesses: the chain with members m1 and m2 as processes (the
// test binary re-executed), the submitter m0 and the observer in the test,
// over a server process. In each of 3 runs (FWC_LONG=1: 20) the test
// SIGKILLs a random member process at a random commit and starts it again,
// except in the last, where it SIGKILLs the server and starts it on its
// store. The
// submitter's and the observer's records and the submitter's Stats equal
// the single-process run's. (The member kills land in the middle of P2's
// round: P2's calls do about 2 ms of work each.)
func TestEngineProcesses(t *testing.T) {
	runs := 3
	if os.Getenv("FWC_LONG") != "" {
		runs = 20
	}
	const n = 400
	want, wantStats := chainRef(t, n)
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 3))
	dir := t.TempDir()
	srv := startServerProc(t, filepath.Join(dir, "js"))
	_, js := connect(t, srv.URL)
	for r := range runs {
		ctx, cancel := context.WithTimeout(context.Background(), min(procTimeout(), 90*time.Second))
		run := fmt.Sprint("ep", r)
		env := []string{envRole + "=chain-member", envURL + "=" + srv.URL, envRun + "=" + run, envSpin + "=2000000"}
		l := open(t, js, run, LeaseTTL(procLease), AckWait(procAck))
		procs := []*memberProc{
			startChainMember(t, env, "m1", filepath.Join(dir, run+"m1")),
			startChainMember(t, env, "m2", filepath.Join(dir, run+"m2")),
		}
		w := watchCommits(ctx, t, l)
		var obsRec []byte
		var obsErr error
		obsDone := make(chan struct{})
		go func() {
			defer close(obsDone)
			obsRec, obsErr = chainMember(ctx, l, "obs", 0, cluster.Observer())
		}()
		type result struct {
			rec   []byte
			stats fw.Stats
			err   error
		}
		sub := make(chan result, 1)
		go func() {
			_, js := connect(t, srv.URL)
			ls := open(t, js, run, LeaseTTL(procLease), AckWait(procAck))
			rec, stats, err := chainSubmitter(ctx, ls, 3, n)
			sub <- result{rec, stats, err}
		}()
		at := 1 + uint64(rng.IntN(4))
		switch {
		case !w.wait(at, obsDone):
			t.Logf("run %d: ended before commit %d", r, at)
		case r == runs-1:
			time.Sleep(time.Duration(rng.IntN(20)) * time.Millisecond)
			srv.Kill()
			t.Logf("run %d: server killed after commit %d", r, w.last())
			time.Sleep(time.Duration(rng.IntN(200)) * time.Millisecond)
			srv = startServerProc(t, srv.Dir)
		default:
			time.Sleep(time.Duration(rng.IntN(20)) * time.Millisecond)
			i := rng.IntN(2)
			procs[i].kill()
			t.Logf("run %d: %s killed after commit %d", r, procs[i].name, w.last())
			time.Sleep(time.Duration(rng.IntN(200)) * time.Millisecond)
			procs[i] = startChainMember(t, env, procs[i].name, procs[i].out)
		}
		res := <-sub
		<-obsDone
		cancel()
		if res.err != nil || obsErr != nil {
			t.Fatalf("run %d: submitter %v, observer %v", r, res.err, obsErr)
		}
		for _, m := range procs {
			<-m.done
			if m.err != nil {
				t.Fatalf("run %d: %s: %v", r, m.name, m.err)
			}
		}
		if !bytes.Equal(res.rec, want) || !bytes.Equal(obsRec, want) {
			t.Fatalf("run %d: records differ (submitter %v, observer %v)", r, bytes.Equal(res.rec, want), bytes.Equal(obsRec, want))
		}
		if !reflect.DeepEqual(res.stats, wantStats) {
			t.Fatalf("run %d: stats\n got %+v\nwant %+v", r, res.stats, wantStats)
		}
	}
}

func startChainMember(t *testing.T, env []string, name, out string) *memberProc {
	t.Helper()
	return startMemberTB(t, env, name, out)
}
