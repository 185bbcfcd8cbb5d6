package fwcluster

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/fwgo/fw/generated/billing"
	"github.com/fwgo/fw/runtime/cluster"
	"github.com/fwgo/fw/runtime/cluster/clustertest"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// cpuTime is the process's user+system CPU time (getrusage): the client and
// the embedded server together.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		panic(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// cpuMeter reports CPU µs per op as the metric "cpu-µs/op".
type cpuMeter struct{ start time.Duration }

func startCPU() cpuMeter { return cpuMeter{cpuTime()} }

func (m cpuMeter) report(b *testing.B, ops int) {
	b.ReportMetric(float64((cpuTime()-m.start).Microseconds())/float64(ops), "cpu-µs/op")
}

func orderJSON(i int) []byte {
	return fmt.Appendf(nil, `{"event":"Order","id":"o%d","customer":"c%d","amount":%d}`, i, i%7, 10+i)
}

// BenchmarkRelay/raw is the baseline of docs/BENCHMARKS.md's cluster
// section, copied from fwnats: one hand-written JetStream hop per message,
// on an embedded server: consume (AckAll pull consumer), decode
// (billing.DecodeJSON), make the invoice, encode, publish asynchronously
// with a Nats-Msg-Id, and every 256 messages (or when caught up) wait for
// the acknowledgements, then acknowledge the input. It reports the
// process's CPU time per message (client and server: getrusage).
//
//	make bench-cluster
func BenchmarkRelay(b *testing.B) {
	srv := startDev(b, "")
	_, js := connect(b, srv.URL)
	ctx := context.Background()
	b.Run("raw", func(b *testing.B) {
		in, out := "IN", "OUT"
		st, err := js.CreateStream(ctx, jetstream.StreamConfig{Name: in, Subjects: []string{in + ".>"}, Storage: jetstream.FileStorage})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := js.CreateStream(ctx, jetstream.StreamConfig{Name: out, Subjects: []string{out + ".>"}, Storage: jetstream.FileStorage}); err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { _ = js.DeleteStream(ctx, in); _ = js.DeleteStream(ctx, out) })
		for i := range b.N {
			if _, err := js.PublishAsync(in+".new", orderJSON(i)); err != nil {
				b.Fatal(err)
			}
			if i%1000 == 999 {
				<-js.PublishAsyncComplete()
			}
		}
		<-js.PublishAsyncComplete()
		cons, err := st.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{Durable: "relay", AckPolicy: jetstream.AckAllPolicy, MaxAckPending: -1})
		if err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		cpu := startCPU()
		if err := rawRelay(ctx, js, cons, out, b.N); err != nil {
			b.Fatal(err)
		}
		cpu.report(b, b.N)
		b.StopTimer()
		info, err := js.Stream(ctx, out)
		if err != nil {
			b.Fatal(err)
		}
		if got := info.CachedInfo().State.Msgs; got != uint64(b.N) {
			b.Fatalf("%s: %d messages, want %d", out, got, b.N)
		}
	})
}

// rawRelay is BenchmarkRelay's loop: n messages from cons to prefix.invoices.
func rawRelay(ctx context.Context, js jetstream.JetStream, cons jetstream.Consumer, prefix string, n int) error {
	it, err := cons.Messages()
	if err != nil {
		return err
	}
	defer it.Stop()
	var futs []jetstream.PubAckFuture
	for i := range n {
		msg, err := it.Next()
		if err != nil {
			return err
		}
		meta, err := msg.Metadata()
		if err != nil {
			return err
		}
		ev, err := billing.DecodeJSON(msg.Data())
		if err != nil {
			return err
		}
		o := ev.(billing.Order)
		data, err := billing.EncodeJSON(billing.Invoice{Order: o.ID, Customer: o.Customer, Amount: o.Amount, Tax: o.Amount * 20 / 100})
		if err != nil {
			return err
		}
		id := fmt.Sprint(meta.Stream, ":", meta.Sequence.Stream, "/Bill.0")
		f, err := js.PublishMsgAsync(&nats.Msg{Subject: prefix + ".invoices", Data: data, Header: nats.Header{"Fw-Event": []string{"Invoice"}}}, jetstream.WithMsgID(id))
		if err != nil {
			return err
		}
		futs = append(futs, f)
		if len(futs) >= 256 || meta.NumPending == 0 || i == n-1 {
			for _, f := range futs {
				select {
				case <-f.Ok():
				case err := <-f.Err():
					return err
				}
			}
			futs = futs[:0]
			if err := msg.DoubleAck(ctx); err != nil {
				return err
			}
		}
	}
	return nil
}

// BenchmarkBarrier/4 is the round barrier of the Log with 4 members and a
// coordinator, each on its own connection to an embedded server: per round,
// every member publishes one frame (Publish: acknowledged), the coordinator
// reads the log until it holds the 4 frames and appends the round's commit
// (the compare-and-set), and every member reads its cursor up to that
// commit. The round ends when the last member has it. It reports the median
// round time (ms-median) and the process's CPU per round. The engine's
// rounds add their own work to this floor.
//
//	make bench-cluster
func BenchmarkBarrier(b *testing.B) {
	b.Run("4", func(b *testing.B) { benchBarrier(b, 4) })
}

func benchBarrier(b *testing.B, members int) {
	srv := startDev(b, "")
	ctx := context.Background()
	newLog := func() *Log {
		_, js := connect(b, srv.URL)
		return open(b, js, "barrier")
	}
	coord := newLog()
	if err := coord.Append(ctx, &cluster.Commit{Seq: 0, Kind: cluster.CommitGenesis, Gen: &cluster.Genesis{Protocol: cluster.Protocol}}); err != nil {
		b.Fatal(err)
	}
	logs := make([]*Log, members)
	curs := make([]cluster.Cursor, members)
	for i := range logs {
		logs[i] = newLog()
		c, err := logs[i].Read(ctx, 2) // after the genesis
		if err != nil {
			b.Fatal(err)
		}
		defer c.Close()
		curs[i] = c
	}
	cc, err := coord.Read(ctx, 2)
	if err != nil {
		b.Fatal(err)
	}
	defer cc.Close()
	body := make([]byte, 64)
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	cpu := startCPU()
	for r := uint64(1); r <= uint64(b.N); r++ {
		start := time.Now()
		var wg sync.WaitGroup
		errs := make(chan error, members+1)
		for i := range members {
			wg.Go(func() {
				f := cluster.Frame{Round: cluster.Round{N: r, Kind: cluster.RoundStep}, Inst: cluster.Inst(i), Attempt: 1, Last: true, Body: body}
				if err := logs[i].Publish(ctx, []cluster.Frame{f}); err != nil {
					errs <- err
					return
				}
				for {
					e, ok, err := curs[i].Next(ctx, 10*time.Second)
					if err != nil || !ok {
						errs <- fmt.Errorf("member %d: %v %v", i, ok, err)
						return
					}
					if e.Commit != nil && e.Commit.Seq == r {
						return
					}
				}
			})
		}
		wg.Go(func() {
			parts := make([]cluster.Part, 0, members)
			for len(parts) < members {
				e, ok, err := cc.Next(ctx, 10*time.Second)
				if err != nil || !ok {
					errs <- fmt.Errorf("coordinator: %v %v", ok, err)
					return
				}
				if e.Frame != nil && e.Frame.Round.N == r {
					parts = append(parts, cluster.Part{Inst: e.Frame.Inst, Attempt: 1, Frames: 1, Sum: cluster.Sum(e.Frame.Body)})
				}
			}
			slices.SortFunc(parts, func(a, b cluster.Part) int { return int(a.Inst) - int(b.Inst) })
			c := &cluster.Commit{Seq: r, Kind: cluster.CommitRound, Round: cluster.Round{N: r, Kind: cluster.RoundStep}, Parts: parts}
			if err := coord.Append(ctx, c); err != nil {
				errs <- err
				return
			}
			for { // skip its own commit
				e, ok, err := cc.Next(ctx, 10*time.Second)
				if err != nil || !ok {
					errs <- fmt.Errorf("coordinator: %v %v", ok, err)
					return
				}
				if e.Commit != nil {
					return
				}
			}
		})
		wg.Wait()
		close(errs)
		for err := range errs {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	cpu.report(b, b.N)
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-median")
	b.ReportMetric(float64(times[len(times)*9/10].Microseconds())/1000, "ms-p90")
}

// BenchmarkScale: CPU-bound handlers on 1 and 2 member processes. The toy
// program (K = 8 or 16 instances, 64 inputs, about 1,180 calls) whose
// handler does 10^6 iterations of
// fixed work (about 1 ms; not a wall-clock spin, which a loaded machine
// would shorten) runs on M member processes (the test binary re-executed;
// each runs its instances one call at a time), on an embedded server in the
// benchmark's process. An op is a whole run, from starting the processes to
// the last one's exit; calls/run is the program's handler calls. Compare
// members=1 and members=2 alternated (make bench-cluster).
func BenchmarkScale(b *testing.B) {
	const spin = 1_000_000
	for _, k := range []int{8, 16} {
		for _, members := range []int{1, 2} {
			b.Run(fmt.Sprintf("K=%d/members=%d", k, members), func(b *testing.B) { benchScale(b, k, members, spin) })
		}
	}
}

// benchScale is one BenchmarkScale: the rendezvous hash puts 3 of 8
// instances on m0 and 5 on m1, 8 of 16 on each.
func benchScale(b *testing.B, k, members, spin int) {
	srv := startDev(b, "")
	prog := progEnv(42, k, 64, 24, 1000, 0)
	p, err := parseProg(prog)
	if err != nil {
		b.Fatal(err)
	}
	want, err := p.Run(context.Background(), clustertest.Local{})
	if err != nil {
		b.Fatal(err)
	}
	calls := p.Calls
	dir := b.TempDir()
	var maxCPU time.Duration
	b.ResetTimer()
	for i := range b.N {
		run := fmt.Sprint("scale", i)
		env := []string{envURL + "=" + srv.URL, envRun + "=" + run, envMembers + "=" + fmt.Sprint(members), envProg + "=" + prog, envSpin + "=" + fmt.Sprint(spin)}
		_, m := runMembers(b, env, members, filepath.Join(dir, run), want)
		maxCPU = max(maxCPU, m)
	}
	b.ReportMetric(float64(calls), "calls/run")
	// The CPU of the busiest member (the largest of the runs): the run's
	// time if every member had a core of its own. The shared test machine
	// rarely gives them one, so the wall time understates the scaling.
	b.ReportMetric(maxCPU.Seconds(), "max-member-cpu-s")
}

// runMembers runs members m0, m1, ... as processes with env, each writing its
// record to out+name, until they exit; each record must be want. It returns
// their CPU time, summed and of the busiest.
func runMembers(b *testing.B, env []string, members int, out string, want []byte) (sum, busiest time.Duration) {
	var procs []*memberProc
	for m := range members {
		name := fmt.Sprint("m", m)
		procs = append(procs, startMemberTB(b, env, name, out+name))
	}
	for _, m := range procs {
		<-m.done
		if m.err != nil {
			b.Fatalf("%s: %v", m.name, m.err)
		}
		ps := m.cmd.ProcessState
		c := ps.UserTime() + ps.SystemTime()
		sum += c
		busiest = max(busiest, c)
		got, err := os.ReadFile(m.out)
		if err != nil || !bytes.Equal(got, want) {
			b.Fatalf("%s: record differs (%v)", m.name, err)
		}
	}
	return sum, busiest
}

// BenchmarkDelivery: CPU per delivery of generated/chain (each input event
// makes 4 deliveries: A to P1, B to P2, C to P3, D to P4) as a distributed
// run over an embedded server, with the submitter alone (members=1) or with
// a second member (members=2, a goroutine with its own connection; P4 stays
// on the submitter), against Relay/raw's CPU per message in the same
// process kind of measure: getrusage of the whole process (members, client
// and server). b.N is the number of input events.
func BenchmarkDelivery(b *testing.B) {
	for _, members := range []int{1, 2} {
		b.Run(fmt.Sprint("members=", members), func(b *testing.B) {
			srv := startDev(b, "")
			ctx := context.Background()
			logOf := func() *Log {
				_, js := connect(b, srv.URL)
				return open(b, js, "delivery")
			}
			ls := logOf()
			var others []*Log
			for range members - 1 {
				others = append(others, logOf())
			}
			b.ResetTimer()
			cpu := startCPU()
			var wg sync.WaitGroup
			for i, l := range others {
				wg.Go(func() {
					if _, err := chainMember(ctx, l, fmt.Sprint("m", i+1), 0); err != nil {
						b.Error(err)
					}
				})
			}
			_, stats, err := chainSubmitter(ctx, ls, members, b.N)
			wg.Wait()
			if err != nil {
				b.Fatal(err)
			}
			cpu.report(b, 4*b.N)
			if d, _ := stats.Proc("P4"); d.Handled != uint64(b.N) {
				b.Fatalf("P4 handled %d, want %d", d.Handled, b.N)
			}
		})
	}
}

// BenchmarkPartitionCPU: a CPU-bound partitioned generated pipeline on 1 and
// 2 member processes. generated/partition (Billing in 4 key groups, Match in
// 8, Trail in 2, the builder ByCustomer in 3) on 600 orders and 200 refunds,
// whose Billing and Match handlers do 10^6 iterations of fixed work each
// (spinWork: about 1 ms, not a wall-clock spin, which a loaded machine would
// shorten): 1,400 such calls a run. The members are processes (the test
// binary re-executed, FWC_ROLE=part-member); m0 is the submitter and keeps
// Report; with 2 members the first assignment deals the instances in turn,
// so each member has half of Billing's and of Match's key groups. The
// embedded server runs in the benchmark's process. An op is a whole run,
// from starting the processes to the last one's exit; every member's record
// must equal the single-process one. Besides the wall time (ns/op) it
// reports, per run, the members' CPU (user+system, from their process
// state: getrusage of the exited child) summed and of the busiest member,
// and the CPU of the benchmark's process (the server; getrusage). Compare
// members=1 and members=2 alternated, each in its own process (make
// bench-cluster).
func BenchmarkPartitionCPU(b *testing.B) {
	for _, members := range []int{1, 2} {
		b.Run(fmt.Sprint("members=", members), func(b *testing.B) { benchPartitionCPU(b, members, 600, 1_000_000) })
	}
}

func benchPartitionCPU(b *testing.B, members, orders, spin int) {
	srv := startDev(b, "")
	_, js := connect(b, srv.URL)
	want, _, _ := ptRef(b, orders)
	dir := b.TempDir()
	var sumCPU, maxCPU, toGenesis, rounds time.Duration
	b.ResetTimer()
	cpu := cpuTime()
	for i := range b.N {
		run := fmt.Sprint("pcpu", i)
		w := watchTimes(b, open(b, js, run, LeaseTTL(procLease)))
		env := []string{envRole + "=part-member", envURL + "=" + srv.URL, envRun + "=" + run, envMembers + "=" + fmt.Sprint(members),
			envOrders + "=" + fmt.Sprint(orders), envSpin + "=" + fmt.Sprint(spin)}
		sum, m := runMembers(b, env, members, filepath.Join(dir, run), want)
		sumCPU += sum
		maxCPU = max(maxCPU, m)
		b.StopTimer() // the watcher's end: a read that finds nothing more
		g, last := w.stop()
		toGenesis += g
		rounds += last - g
		b.StartTimer()
	}
	b.StopTimer()
	server := cpuTime() - cpu // with the watcher, whose idle reads cost next to nothing
	b.ReportMetric(toGenesis.Seconds()/float64(b.N), "s-to-genesis/op")
	b.ReportMetric(rounds.Seconds()/float64(b.N), "s-genesis-to-end/op")
	b.ReportMetric(sumCPU.Seconds()/float64(b.N), "members-cpu-s/op")
	b.ReportMetric(maxCPU.Seconds(), "max-member-cpu-s")
	b.ReportMetric(server.Seconds()/float64(b.N), "server-cpu-s/op")
}

// commitTimes follows a run's commits from the benchmark's process: when the
// genesis and the last commit came, from its start.
type commitTimes struct {
	start         time.Time
	genesis, last time.Duration
	exited        atomic.Bool // the members have exited
	done          chan struct{}
}

func watchTimes(b *testing.B, l *Log) *commitTimes {
	ctx := context.Background()
	w := &commitTimes{start: time.Now(), done: make(chan struct{})}
	cur, err := l.Read(ctx, 0)
	if err != nil {
		b.Fatal(err)
	}
	go func() {
		defer close(w.done)
		defer cur.Close()
		for {
			e, ok, err := cur.Next(ctx, 200*time.Millisecond)
			if err != nil || !ok && w.exited.Load() {
				return
			}
			if c := e.Commit; ok && c != nil {
				w.last = time.Since(w.start)
				if os.Getenv("FWC_TRACE") != "" {
					b.Logf("%v commit %d %v %v", w.last.Round(time.Millisecond), c.Seq, c.Kind, c.Round)
				}
				if c.Kind == cluster.CommitGenesis {
					w.genesis = w.last
				}
			}
		}
	}()
	return w
}

// stop, once the members have exited, reads the log to its end and returns
// when the genesis and the last commit came.
func (w *commitTimes) stop() (genesis, last time.Duration) {
	w.exited.Store(true)
	<-w.done
	return w.genesis, w.last
}
