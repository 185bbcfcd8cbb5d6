package fwcluster

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fwgo/fw/generated/partition"
	"github.com/fwgo/fw/runtime/archive"
	"github.com/fwgo/fw/runtime/archive/badgerarchive"
	"github.com/fwgo/fw/runtime/cluster"
	"github.com/fwgo/fw/runtime/fw"
	"github.com/fwgo/fw/runtime/reactive"
)

// A partitioned generated program end to end: generated/partition
// (partition.fw: Billing in 4 key groups, cached, its failures routed as
// Failed events; Match in 8, each instance keeping the amounts of its key
// group's orders and netting refunds against them; Trail in 2, on every
// event; the builder ByCustomer in 3, a Grouper; Invoices and Report not
// partitioned) as a distributed run over fwcluster. Billing's and Match's
// calls may spin (fixed work per call), so that a member can be killed in
// the middle of a round.

type ptBilling struct{ spin int }

func (b ptBilling) OnOrder(c partition.BillingOrderContext) error {
	spinWork(b.spin)
	o := c.Event()
	if o.Amount < 0 {
		return errors.New("negative amount")
	}
	c.EmitInvoice(partition.Invoice{ID: o.ID, Customer: o.Customer, Amount: o.Amount})
	return nil
}

// ptMatch is an instance of Match: the amounts of its key group's orders.
type ptMatch struct {
	spin    int
	amounts map[string]int64
}

func (m *ptMatch) OnOrder(c partition.MatchOrderContext) error {
	spinWork(m.spin)
	m.amounts[c.Event().ID] = c.Event().Amount
	return nil
}

func (m *ptMatch) OnRefund(c partition.MatchRefundContext) error {
	spinWork(m.spin)
	r := c.Event()
	amount, ok := m.amounts[r.OrderID]
	if !ok {
		return fmt.Errorf("refund of %s before its order, or in another key group", r.OrderID)
	}
	c.EmitCredit(partition.Credit{OrderID: r.OrderID, Net: amount - r.Amount})
	return nil
}

// ptTrail counts what its key group saw; a count that is not the call's
// position in the instance's inbox would be a lost or repeated call.
type ptTrail struct{ n int }

func (t *ptTrail) OnAny(c partition.TrailAnyContext, ev partition.Event) error {
	t.n++
	return nil
}

type ptInvoices struct{}

func (ptInvoices) OnInvoice(c partition.InvoicesInvoiceContext) error {
	c.PublishInvoices(c.Event())
	return nil
}

// ptReport collects the program's output (on the submitter, which pins it).
type ptReport struct{ lines *[]string }

func (r ptReport) OnByCustomer(c partition.ReportByCustomerContext, g reactive.Group[int64, partition.Invoice]) error {
	var ids []string
	for _, inv := range g.Items {
		ids = append(ids, inv.ID)
	}
	*r.lines = append(*r.lines, fmt.Sprintf("customer %d: %s", g.Key, strings.Join(ids, " ")))
	return nil
}

func (r ptReport) OnCredit(c partition.ReportCreditContext) error {
	*r.lines = append(*r.lines, fmt.Sprintf("credit %s %d", c.Event().OrderID, c.Event().Net))
	return nil
}

func (r ptReport) OnFailed(c partition.ReportFailedContext) error {
	f := c.Event()
	*r.lines = append(*r.lines, fmt.Sprintf("failed %s %s: %s %s", f.Proc, f.Event, f.Error, f.Payload))
	return nil
}

// ptHandlers are fresh handlers; report, if not nil, gets Report's lines.
func ptHandlers(spin int, report *[]string) partition.Handlers {
	if report == nil {
		report = new([]string)
	}
	return partition.Handlers{
		Billing:  func(int) partition.BillingHandler { return ptBilling{spin} },
		Match:    func(int) partition.MatchHandler { return &ptMatch{spin: spin, amounts: map[string]int64{}} },
		Trail:    func(int) partition.TrailHandler { return &ptTrail{} },
		Invoices: ptInvoices{},
		Report:   ptReport{report},
	}
}

// ptInput is the events of a run: n orders, each third one refunded two
// orders later; every eleventh order has a negative amount, which Billing
// refuses (a Failed event).
func ptInput(n int) []partition.Event {
	var evs []partition.Event
	for i := range n {
		amount := int64(10 * (i + 1))
		if i%11 == 5 {
			amount = -amount
		}
		evs = append(evs, partition.Order{ID: fmt.Sprintf("o%d", i), Customer: int64(i % 7), Amount: amount})
		if j := i - 2; j >= 0 && j%3 == 0 {
			evs = append(evs, partition.Refund{OrderID: fmt.Sprintf("o%d", j), Amount: int64(j)})
		}
	}
	return evs
}

// ptEvents is the number of orders of the process tests; envOrders that of
// a submitter process's run.
const (
	ptEvents  = 300
	envOrders = "FWC_ORDERS"
	envWS     = "FWC_WS"
)

// ptRef is the single-process run of n orders: its record, Stats and
// Report's lines.
func ptRef(t testing.TB, n int, opts ...fw.Option) ([]byte, fw.Stats, []string) {
	var rec bytes.Buffer
	var lines []string
	p, err := partition.NewPipeline(ptHandlers(0, &lines), append(opts, fw.WithRecord(&rec))...)
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range ptInput(n) {
		p.Submit(ev)
	}
	if err := p.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return rec.Bytes(), zeroTime(p.Stats()), lines
}

// ptSubmitter is member m0: it submits n orders and runs; Report stays on it.
// When the run gives it instances of a dead member (cluster.ErrRejoin), it
// runs again as a restarted submitter does: a fresh pipeline with fresh
// handlers and the same input, which catches up from the log.
//
// ws is its archive option (fw.WithArchive; fw.WithArchive(nil): none).
func ptSubmitter(ctx context.Context, l cluster.Log, members, n int, ws fw.Option, opts ...cluster.JoinOption) ([]byte, fw.Stats, []string, error) {
	for {
		var rec bytes.Buffer
		var lines []string
		join := cluster.Join(l, "m0", append([]cluster.JoinOption{cluster.Submitter(), cluster.Members(members), cluster.Pin("Report")}, opts...)...)
		p, err := partition.NewPipeline(ptHandlers(0, &lines), join, fw.WithRecord(&rec), ws)
		if err != nil {
			return nil, fw.Stats{}, nil, err
		}
		for _, ev := range ptInput(n) {
			p.Submit(ev)
		}
		if err = p.Run(ctx); !errors.Is(err, cluster.ErrRejoin) {
			return rec.Bytes(), zeroTime(p.Stats()), lines, err
		}
		ptRejoins.Add(1)
	}
}

// ptRejoins counts ptSubmitter's runs again.
var ptRejoins atomic.Int64

// ptSubmitterSpin is ptSubmitter whose handlers spin (a submitter process).
func ptSubmitterSpin(ctx context.Context, l cluster.Log, members, n, spin int) ([]byte, error) {
	var rec bytes.Buffer
	join := cluster.Join(l, "m0", cluster.Submitter(), cluster.Members(members), cluster.Pin("Report"))
	p, err := partition.NewPipeline(ptHandlers(spin, nil), join, fw.WithRecord(&rec))
	if err != nil {
		return nil, err
	}
	for _, ev := range ptInput(n) {
		p.Submit(ev)
	}
	err = p.Run(ctx)
	return rec.Bytes(), err
}

// ptMember is a member (or, with cluster.Observer(), the export) of the
// partitioned program, with fresh handlers whenever it must rejoin.
func ptMember(ctx context.Context, l cluster.Log, name string, spin int, ws fw.Option, opts ...cluster.JoinOption) ([]byte, error) {
	var rec bytes.Buffer
	err := cluster.Serve(ctx, l, name, func(ctx context.Context, join fw.Option) error {
		rec.Reset()
		p, err := partition.NewPipeline(ptHandlers(spin, nil), join, fw.WithRecord(&rec), ws)
		if err != nil {
			return err
		}
		return p.Run(ctx)
	}, opts...)
	return rec.Bytes(), err
}

// ptMemberMain is the "part-member" role: member FWC_MEMBER of the
// partitioned program, which writes its record to FWC_OUT. Member m0 is the
// submitter (BenchmarkPartitionCPU) of FWC_ORDERS orders, in a run of
// FWC_MEMBERS members. A member with FWC_WS set keeps its Badger workspace
// there.
func ptMemberMain() error {
	return withMemberLog(func(ctx context.Context, l *Log) error {
		var err error
		spin, _ := strconv.Atoi(os.Getenv(envSpin))
		var rec []byte
		if name := os.Getenv(envMember); name == "m0" {
			members, err1 := strconv.Atoi(os.Getenv(envMembers))
			orders, err2 := strconv.Atoi(os.Getenv(envOrders))
			if err := errors.Join(err1, err2); err != nil {
				return err
			}
			rec, err = ptSubmitterSpin(ctx, l, members, orders, spin)
		} else {
			ws := fw.WithArchive(nil)
			if dir := os.Getenv(envWS); dir != "" {
				a, err := badgerarchive.Open(dir)
				if err != nil {
					return err
				}
				defer a.Close()
				ws = fw.WithArchive(a)
			}
			rec, err = ptMember(ctx, l, name, spin, ws)
		}
		if err != nil {
			return err
		}
		out := os.Getenv(envOut)
		if err := os.WriteFile(out+".tmp", rec, 0o644); err != nil {
			return err
		}
		return os.Rename(out+".tmp", out)
	})
}

// TestPartitionProcesses: generated/partition (4 partitioned processors and
// builders, K = 4, 8, 2 and 3: 17 instances, plus Invoices, Report and the
// input) with members m1 and m2 as processes (the test binary re-executed
// with FWC_ROLE=part-member), the submitter m0 and an observer in the test,
// over a server process. In each of 3 runs (FWC_LONG=1: 10) the test
// SIGKILLs a random member process at a random commit, a random moment
// after it, and starts it again; the new incarnation catches up from the
// log (its Match instances rebuild their amounts). The submitter's and the
// observer's records, the member processes' records, the submitter's Stats
// and Report's output equal the single-process run's. (Billing's and
// Match's calls do about 0.3 ms of work each on the member processes, so
// that the kills land in the middle of rounds.) Every member but the
// observer keeps a Badger workspace across the runs (Billing is cached): the
// first run's Stats are the cold single-process run's, the later ones' the
// warm run's (every Billing call that succeeds hits), whichever member owns
// which of Billing's key groups, and although a killed member's workspace
// loses what it had not flushed.
func TestPartitionProcesses(t *testing.T) {
	runs := 3
	if os.Getenv("FWC_LONG") != "" {
		runs = 10 // TestEngineProcesses and TestMemberProcesses make 20 kills each
	}
	want, coldStats, wantLines := ptRef(t, ptEvents)
	warm := archive.NewMemory()
	ptRef(t, ptEvents, fw.WithArchive(warm))
	_, warmStats, _ := ptRef(t, ptEvents, fw.WithArchive(warm))
	if b, _ := warmStats.Proc("Billing"); b.CacheHits == 0 || b.CacheMisses == 0 {
		t.Fatalf("the warm single-process run: Billing %+v; the test needs hits and misses (failed calls)", b)
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 5))
	dir := t.TempDir()
	srv := startServerProc(t, filepath.Join(dir, "js"))
	_, js := connect(t, srv.URL)
	ws0, err := badgerarchive.Open(filepath.Join(dir, "ws", "m0"))
	if err != nil {
		t.Fatal(err)
	}
	defer ws0.Close()
	for r := range runs {
		ctx, cancel := context.WithTimeout(context.Background(), min(procTimeout(), 90*time.Second))
		run := fmt.Sprint("pp", r)
		env := []string{envRole + "=part-member", envURL + "=" + srv.URL, envRun + "=" + run, envSpin + "=2000000"}
		l := open(t, js, run, LeaseTTL(procLease), AckWait(procAck))
		start := func(name, out string) *memberProc {
			return startMemberTB(t, append(env, envWS+"="+filepath.Join(dir, "ws", name)), name, out)
		}
		procs := []*memberProc{
			start("m1", filepath.Join(dir, run+"m1")),
			start("m2", filepath.Join(dir, run+"m2")),
		}
		w := watchCommits(ctx, t, l)
		var obsRec []byte
		var obsErr error
		obsDone := make(chan struct{})
		go func() {
			defer close(obsDone)
			obsRec, obsErr = ptMember(ctx, l, "obs", 0, fw.WithArchive(nil), cluster.Observer())
		}()
		type result struct {
			rec   []byte
			stats fw.Stats
			lines []string
			err   error
		}
		sub := make(chan result, 1)
		rejoins := ptRejoins.Load()
		go func() {
			_, js := connect(t, srv.URL)
			ls := open(t, js, run, LeaseTTL(procLease), AckWait(procAck))
			rec, stats, lines, err := ptSubmitter(ctx, ls, 3, ptEvents, fw.WithArchive(ws0))
			sub <- result{rec, stats, lines, err}
		}()
		// The kill: at a random moment after the input's commit, mostly
		// in the round of the submitted events (Billing's and Match's
		// calls: about 0.5 s); the member is started again at once, or
		// (every third run) after DeadAfter, when its instances have
		// moved to the others, which replay the run's history for them.
		late := r%3 == 1
		if !w.wait(1, obsDone) {
			t.Logf("run %d: ended before commit 1", r)
		} else {
			time.Sleep(time.Duration(rng.IntN(500)) * time.Millisecond)
			i := rng.IntN(2)
			procs[i].kill()
			t.Logf("run %d: %s killed after commit %d (restarted late: %v)", r, procs[i].name, w.last(), late)
			if late {
				time.Sleep(cluster.DefaultDeadAfter + time.Second)
			} else {
				time.Sleep(time.Duration(rng.IntN(200)) * time.Millisecond)
			}
			procs[i] = start(procs[i].name, procs[i].out)
		}
		res := <-sub
		<-obsDone
		cancel()
		if n := ptRejoins.Load() - rejoins; n > 0 {
			t.Logf("run %d: the submitter was given instances of the dead member and ran again (%d times)", r, n)
		}
		if res.err != nil || obsErr != nil {
			t.Fatalf("run %d: submitter %v, observer %v", r, res.err, obsErr)
		}
		for _, m := range procs {
			<-m.done
			if m.err != nil {
				t.Fatalf("run %d: %s: %v", r, m.name, m.err)
			}
			got, err := os.ReadFile(m.out)
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("run %d: %s's record differs from the single-process one (%v)", r, m.name, err)
			}
		}
		if !bytes.Equal(res.rec, want) || !bytes.Equal(obsRec, want) {
			t.Fatalf("run %d: records differ (submitter %v, observer %v)", r, bytes.Equal(res.rec, want), bytes.Equal(obsRec, want))
		}
		wantStats := coldStats
		if r > 0 {
			wantStats = warmStats
		}
		if !reflect.DeepEqual(res.stats, wantStats) {
			t.Fatalf("run %d: stats\n got %+v\nwant %+v", r, res.stats, wantStats)
		}
		if !reflect.DeepEqual(res.lines, wantLines) {
			t.Fatalf("run %d: Report\n%s\nwant\n%s", r, strings.Join(res.lines, "\n"), strings.Join(wantLines, "\n"))
		}
	}
}
