package shop_test

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/fwgo/fw/generated/shop"
	"github.com/fwgo/fw/runtime/fw"
)

// TestHarnessFirstMatch calls Billing's cases alone: the compiled match picks
// the case (first match wins), and the result holds its typed emissions.
func TestHarnessFirstMatch(t *testing.T) {
	b := billing{&tracer{calls: map[string][]string{}}}
	for _, tc := range []struct {
		ev   shop.Event
		cs   string
		emit []shop.Event
	}{
		{shop.Order{ID: "a", Region: "EU", Amount: 120, Paid: true}, "Domestic", []shop.Event{shop.Invoice{ID: "a", Total: 120, Domestic: true}}},
		{&shop.Order{ID: "d", Region: "EU", Status: shop.StatusCANCELLED}, "Cancelled", []shop.Event{shop.Refund{ID: "d"}}},
		{shop.Order{ID: "b", Region: "US"}, "Unpaid", nil},
		{shop.Order{ID: "c", Region: "US", Amount: 50, Paid: true}, "Other", []shop.Event{shop.Invoice{ID: "c", Total: 50}}},
		{shop.Invoice{ID: "x"}, "", nil}, // Billing has no case on invoices
	} {
		res := shop.CallBilling(b, tc.ev)
		if res.Case != tc.cs || res.Err != nil || !reflect.DeepEqual(res.Emitted, tc.emit) {
			t.Errorf("%+v: case %q, emitted %v, error %v; want case %q, emitted %v", tc.ev, res.Case, res.Emitted, res.Err, tc.cs, tc.emit)
		}
	}
}

// TestHarnessErrors: a failed call returns its error and what it emitted
// before failing; a panic is a *fw.PanicError; a foreign event is an error.
func TestHarnessErrors(t *testing.T) {
	b := billing{&tracer{calls: map[string][]string{}, failOn: "c"}}
	res := shop.CallBilling(b, shop.Order{ID: "c", Region: "US", Amount: 50, Paid: true})
	if res.Err == nil || res.Case != "Other" || len(res.Emitted) != 1 {
		t.Errorf("failing call: %+v", res)
	}
	res = shop.CallLedger(panicky{}, shop.Report{Phase: 0, Orders: 3})
	var pe *fw.PanicError
	if !errors.As(res.Err, &pe) || res.Case != "First" {
		t.Errorf("panicking call: %+v", res)
	}
	if res := shop.CallLedger(panicky{}, nil); res.Err == nil || res.Case != "" {
		t.Errorf("nil event: %+v", res)
	}
}

type panicky struct{ shop.LedgerHandler }

func (panicky) OnFirst(shop.LedgerFirstContext, int64) error { panic("boom") }

// TestHarnessLifecycleAndPosition calls Audit's `on phase` at a given position,
// with a context: the handler sees them, and emits its report.
func TestHarnessLifecycleAndPosition(t *testing.T) {
	tr := &tracer{calls: map[string][]string{}, seen: 2}
	type key struct{}
	ctx := context.WithValue(context.Background(), key{}, "v")
	var seen fw.Position
	var seenCtx context.Context
	a := positionAudit{audit{tr}, &seen, &seenCtx}
	res := shop.CallAudit(a, nil, fw.TestLifecycle("phase"), fw.AtPosition(fw.Position{Phase: 3, Step: 5}), fw.WithTestContext(ctx))
	if res.Err != nil || res.Case != "phase" {
		t.Fatalf("phase: %+v", res)
	}
	if want := []shop.Event{shop.Report{Phase: 3, Orders: 2}}; !reflect.DeepEqual(res.Emitted, want) {
		t.Errorf("emitted %v, want %v", res.Emitted, want)
	}
	want := fw.Position{Phase: 3, Step: 5, Processor: "Audit", Case: "phase"}
	if seen != want || res.Position != want || seenCtx.Value(key{}) != "v" {
		t.Errorf("handler saw %+v (context %v), result %+v; want %+v", seen, seenCtx, res.Position, want)
	}
	if res := shop.CallBilling(billing{tr}, nil, fw.TestLifecycle("init")); res.Err == nil {
		t.Errorf("Billing has no `on init`, yet: %+v", res)
	}
}

type positionAudit struct {
	audit
	at  *fw.Position
	ctx *context.Context
}

func (a positionAudit) Phase(c shop.AuditPhaseContext, phase int) error {
	*a.at, *a.ctx = c.Position(), c.Context()
	return a.audit.Phase(c, phase)
}
