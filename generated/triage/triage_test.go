package triage_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/fwgo/fw/generated/triage"
)

func ptr[T any](v T) *T { return &v }

// rec records the bound values each handler receives, as text.
type rec struct{ got string }

func (r *rec) set(format string, args ...any) error {
	r.got = fmt.Sprintf(format, args...)
	return nil
}

type route struct{ *rec }

func (h route) OnTest(_ triage.RouteTestContext, id string) error { return h.set("%s", id) }
func (h route) OnNorwayVip(triage.RouteNorwayVipContext) error    { return h.set("") }
func (h route) OnGoldFullPrice(_ triage.RouteGoldFullPriceContext, name string) error {
	return h.set("%s", name)
}
func (h route) OnNoZip(_ triage.RouteNoZipContext, city string) error { return h.set("%s", city) }
func (h route) OnBigDiscount(triage.RouteBigDiscountContext) error    { return h.set("") }
func (h route) OnBacklog(triage.RouteBacklogContext) error            { return h.set("") }
func (h route) OnUrgent(triage.RouteUrgentContext) error              { return h.set("") }
func (h route) OnNoted(_ triage.RouteNotedContext, note *string) error {
	return h.set("%s", *note)
}
func (h route) OnOther(_ triage.RouteOtherContext, c triage.Customer, tags []string) error {
	return h.set("%s %v", c.Name, tags)
}

type desk struct{ *rec }

func (h desk) OnSmallNoBilling(_ triage.DeskSmallNoBillingContext, discount *int64) error {
	return h.set("%d", *discount)
}
func (h desk) OnArctic(_ triage.DeskArcticContext, city, name string) error {
	return h.set("%s %s", city, name)
}
func (h desk) OnLate(triage.DeskLateContext) error { return h.set("") }
func (h desk) OnAbroad(_ triage.DeskAbroadContext, reason *string) error {
	if reason == nil {
		return h.set("nil")
	}
	return h.set("%s", *reason)
}
func (h desk) OnRest(triage.DeskRestContext) error { return h.set("") }

var (
	oslo   = triage.Address{City: "Oslo", Country: "NO", Zip: ptr("0150")}
	bergen = triage.Address{City: "Bergen", Country: "NO"}
	lyon   = triage.Address{City: "Lyon", Country: "FR", Zip: ptr("69001")}
	placed = time.Date(2026, 3, 14, 15, 9, 26, 0, time.UTC)
)

// order is an order that Route's first cases leave to Other.
func order(edit func(o *triage.Order)) triage.Order {
	o := triage.Order{
		ID:       "o1",
		Customer: triage.Customer{Name: "Ada", Tier: triage.TierSILVER, Address: oslo},
		Discount: ptr(int64(5)),
		Placed:   placed,
		TTL:      time.Hour,
		Tags:     []string{"gift"},
	}
	edit(&o)
	return o
}

// TestRouteCases: Route's patterns on nested records, optional fields, times
// and durations pick the first matching case (Order has enough cases for a
// compiled matcher), and the handlers get the nested and optional values
// they bind.
func TestRouteCases(t *testing.T) {
	for _, tc := range []struct {
		name string
		ev   triage.Order
		cs   string
		got  string
	}{
		{"test prefix, bound beside it", order(func(o *triage.Order) { o.ID = "test-7" }), "Test", "test-7"},
		{"nested alternatives", order(func(o *triage.Order) { o.Customer.Vip = true; o.Customer.Address = bergen }), "NorwayVip", ""},
		{"a nested field that does not match", order(func(o *triage.Order) { o.Customer.Vip = true; o.Customer.Address = lyon }), "Other", "Ada [gift]"},
		{"nested enum and nil discount", order(func(o *triage.Order) { o.Customer.Tier = triage.TierGOLD; o.Discount = nil }), "GoldFullPrice", "Ada"},
		{"gold with a discount", order(func(o *triage.Order) { o.Customer.Tier = triage.TierGOLD }), "Other", "Ada [gift]"},
		{"optional record present, nil zip", order(func(o *triage.Order) { o.Customer.Billing = &bergen }), "NoZip", "Bergen"},
		{"optional record present with a zip", order(func(o *triage.Order) { o.Customer.Billing = &lyon }), "Other", "Ada [gift]"},
		{"value pattern on an optional int", order(func(o *triage.Order) { o.Discount = ptr(int64(50)) }), "BigDiscount", ""},
		{"time before", order(func(o *triage.Order) { o.Placed = time.Date(2025, 12, 31, 23, 59, 59, 0, time.UTC) }), "Backlog", ""},
		{"time at the bound, in another zone", order(func(o *triage.Order) {
			o.Placed = time.Date(2026, 1, 1, 1, 0, 0, 0, time.FixedZone("CET", 3600)) // 2026-01-01T00:00:00Z
		}), "Other", "Ada [gift]"},
		{"time long before", order(func(o *triage.Order) { o.Placed = time.Time{} }), "Backlog", ""},
		{"duration", order(func(o *triage.Order) { o.TTL = 59 * time.Second }), "Urgent", ""},
		{"duration at the bound", order(func(o *triage.Order) { o.TTL = time.Minute }), "Other", "Ada [gift]"},
		{"!nil and the pointer bound", order(func(o *triage.Order) { o.Note = ptr("fragile") }), "Noted", "fragile"},
		{"an empty note is present", order(func(o *triage.Order) { o.Note = ptr("") }), "Noted", ""},
	} {
		h := route{&rec{}}
		res := triage.CallRoute(h, tc.ev)
		if res.Err != nil || res.Case != tc.cs || h.got != tc.got {
			t.Errorf("%s: case %q (%q), error %v; want case %q (%q)", tc.name, res.Case, h.got, res.Err, tc.cs, tc.got)
		}
	}
}

// TestDeskCases: Desk's cases on Return (few: direct case switches) and its
// cases on Order, one with a guard on fields inside an optional record (read
// only when the record is present: an absent one must not be dereferenced).
func TestDeskCases(t *testing.T) {
	for _, tc := range []struct {
		name string
		ev   triage.Event
		cs   string
		got  string
	}{
		{"absent record and a range on an optional int", order(func(o *triage.Order) {}), "SmallNoBilling", "5"},
		{"present record", order(func(o *triage.Order) { o.Customer.Billing = &oslo }), "", ""},
		{"absent int", order(func(o *triage.Order) { o.Discount = nil }), "", ""},
		{"a guard on fields inside an optional record", order(func(o *triage.Order) {
			o.Customer.Billing = &triage.Address{City: "Tromsø", Country: "NO"}
		}), "Arctic", "Tromsø Ada"},
		{"the guard fails", order(func(o *triage.Order) {
			o.Customer.Billing, o.Customer.Name = &triage.Address{City: "Tromsø", Country: "NO"}, ""
		}), "", ""},
		{"nil reason, late", triage.Return{Order: "o1", Customer: triage.Customer{Address: oslo}, After: 31 * 24 * time.Hour}, "Late", ""},
		{"a reason, late and abroad", triage.Return{Customer: triage.Customer{Address: lyon}, Reason: ptr("broken"), After: 800 * time.Hour}, "Abroad", "broken"},
		{"abroad, nil reason bound", triage.Return{Customer: triage.Customer{Address: lyon}}, "Abroad", "nil"},
		{"at home, early", triage.Return{Customer: triage.Customer{Address: bergen}, After: time.Hour}, "Rest", ""},
	} {
		h := desk{&rec{}}
		res := triage.CallDesk(h, tc.ev)
		if res.Err != nil || res.Case != tc.cs || h.got != tc.got {
			t.Errorf("%s: case %q (%q), error %v; want case %q (%q)", tc.name, res.Case, h.got, res.Err, tc.cs, tc.got)
		}
	}
}
