package engine

import (
	"reflect"
	"testing"
	"time"
)

// TestDiffer: the first difference between two values of an event type is
// named by its path in .fw names (JSON tags), for every kind of field.
func TestDiffer(t *testing.T) {
	type rec struct {
		City string  `json:"city"`
		Zip  *string `json:"zip"`
	}
	type ev struct {
		ID    string             `json:"id"`
		At    time.Time          `json:"at"`
		Data  []byte             `json:"data"`
		To    rec                `json:"to"`
		Items []rec              `json:"items"`
		ByDay map[int64][]string `json:"byDay"`
		Opt   *int64             `json:"opt"`
	}
	zip, n := "0150", int64(3)
	t0 := time.Date(2026, 12, 7, 6, 0, 0, 0, time.UTC)
	base := func() *ev {
		z, m := zip, n
		return &ev{ID: "a", At: t0, Data: []byte{1, 2}, To: rec{City: "Oslo", Zip: &z},
			Items: []rec{{City: "Bergen"}}, ByDay: map[int64][]string{-2: {"x"}, 10: {"y"}}, Opt: &m}
	}
	for _, tc := range []struct {
		change              func(*ev)
		path, before, after string
	}{
		{func(e *ev) {}, "", "", ""},
		// The same instant in another location is the same time (the encoding keeps the instant).
		{func(e *ev) { e.At = t0.In(time.FixedZone("X", 3600)) }, "", "", ""},
		{func(e *ev) { e.ID = "b" }, "id", `"a"`, `"b"`},
		{func(e *ev) { e.At = t0.Add(time.Second) }, "at", "2026-12-07T06:00:00Z", "2026-12-07T06:00:01Z"},
		{func(e *ev) { e.Data[1] = 3 }, "data", "0102", "0103"},
		{func(e *ev) { *e.To.Zip = "0151" }, "to.zip", `"0150"`, `"0151"`},
		{func(e *ev) { e.To.Zip = nil }, "to.zip", "present", "absent"},
		{func(e *ev) { e.Items = append(e.Items, rec{}) }, "items", "length 1", "length 2"},
		{func(e *ev) { e.Items[0].City = "Oslo" }, "items[0].city", `"Bergen"`, `"Oslo"`},
		{func(e *ev) { e.ByDay[10][0] = "z" }, "byDay[10][0]", `"y"`, `"z"`},
		{func(e *ev) { e.ByDay[5] = nil }, "byDay[5]", "absent", "present"},
		{func(e *ev) { delete(e.ByDay, -2) }, "byDay[-2]", "present", "absent"},
		{func(e *ev) { *e.Opt = 4 }, "opt", "3", "4"},
	} {
		a, b := base(), base()
		tc.change(b)
		var d differ
		found := d.diff("", reflect.ValueOf(a), reflect.ValueOf(b))
		if found != (tc.path != "") || d.path != tc.path || d.before != tc.before || d.after != tc.after {
			t.Errorf("diff = %v, %q (%s -> %s); want %q (%s -> %s)", found, d.path, d.before, d.after, tc.path, tc.before, tc.after)
		}
	}
}
