package shop_test

import (
	"slices"
	"sync"
	"testing"

	"github.com/fwgo/fw/generated/shop"
	"github.com/fwgo/fw/runtime/fw"
)

// positions records the causal position of every handler call.
type positions struct {
	mu  sync.Mutex // Audit has concurrency 4
	all []fw.Position
}

func (p *positions) at(c interface{ Position() fw.Position }) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.all = append(p.all, c.Position())
}

type posBilling struct {
	billing
	p *positions
}
type posAudit struct {
	audit
	p *positions
}
type posLedger struct {
	ledger
	p *positions
}

func (b posBilling) OnCancelled(c shop.BillingCancelledContext, id string) error {
	b.p.at(c)
	return b.billing.OnCancelled(c, id)
}
func (b posBilling) OnDomestic(c shop.BillingDomesticContext, a int64, id string) error {
	b.p.at(c)
	return b.billing.OnDomestic(c, a, id)
}
func (b posBilling) OnUnpaid(c shop.BillingUnpaidContext) error {
	b.p.at(c)
	return b.billing.OnUnpaid(c)
}
func (b posBilling) OnOther(c shop.BillingOtherContext, id string, amount int64) error {
	b.p.at(c)
	return b.billing.OnOther(c, id, amount)
}
func (a posAudit) Init(c shop.AuditInitContext) error { a.p.at(c); return a.audit.Init(c) }
func (a posAudit) OnSeen(c shop.AuditSeenContext, price float64) error {
	a.p.at(c)
	return a.audit.OnSeen(c, price)
}
func (a posAudit) OnInvoice(c shop.AuditInvoiceContext, id string, total int64) error {
	a.p.at(c)
	return a.audit.OnInvoice(c, id, total)
}
func (a posAudit) OnRefund(c shop.AuditRefundContext, id string) error {
	a.p.at(c)
	return a.audit.OnRefund(c, id)
}
func (a posAudit) Phase(c shop.AuditPhaseContext, phase int) error {
	a.p.at(c)
	return a.audit.Phase(c, phase)
}
func (a posAudit) Terminate(c shop.AuditTerminateContext) error {
	a.p.at(c)
	return a.audit.Terminate(c)
}
func (l posLedger) OnFirst(c shop.LedgerFirstContext, n int64) error {
	l.p.at(c)
	return l.ledger.OnFirst(c, n)
}
func (l posLedger) OnReport(c shop.LedgerReportContext, phase, orders int64) error {
	l.p.at(c)
	return l.ledger.OnReport(c, phase, orders)
}
func (l posLedger) OnDomesticTotal(c shop.LedgerDomesticTotalContext, total int64) error {
	l.p.at(c)
	return l.ledger.OnDomesticTotal(c, total)
}

// TestPositionsAcrossWorkers runs the shop with 1, 2 and 8 workers: every
// handler context (event and lifecycle cases) sees the same causal positions,
// and their keys tell the calls apart.
func TestPositionsAcrossWorkers(t *testing.T) {
	var first []fw.Position
	for _, workers := range []int{1, 2, 8} {
		tr := &tracer{calls: map[string][]string{}}
		ps := &positions{}
		h := shop.Handlers{Billing: posBilling{billing{tr}, ps}, Audit: posAudit{audit{tr}, ps}, Ledger: posLedger{ledger{tr}, ps}}
		p := must(shop.NewPipeline(h, fw.WithWorkers(workers)))
		for _, o := range orders {
			p.Submit(o)
		}
		if err := p.Run(t.Context()); err != nil {
			t.Fatal(err)
		}
		got := ps.all
		slices.SortFunc(got, func(a, b fw.Position) int {
			return cmpPositions(a, b)
		})
		keys := map[string]fw.Position{}
		for _, pos := range got {
			if other, dup := keys[pos.Key()]; dup {
				t.Errorf("workers=%d: %+v and %+v share the key %s", workers, other, pos, pos.Key())
			}
			keys[pos.Key()] = pos
		}
		if first == nil {
			first = got
			if len(got) < 15 {
				t.Fatalf("only %d calls: %+v", len(got), got)
			}
			continue
		}
		if !slices.Equal(got, first) {
			t.Errorf("workers=%d: positions\n%+v\nwant (1 worker)\n%+v", workers, got, first)
		}
	}
}

func cmpPositions(a, b fw.Position) int {
	for _, d := range []int{a.Phase - b.Phase, a.Step - b.Step, a.Input - b.Input, a.Emission - b.Emission} {
		if d != 0 {
			return d
		}
	}
	switch {
	case a.Processor+"/"+a.Case < b.Processor+"/"+b.Case:
		return -1
	case a.Processor+"/"+a.Case > b.Processor+"/"+b.Case:
		return 1
	}
	return 0
}
