package record

import (
	"bytes"
	"fmt"
	"testing"
)

// A header with key groups makes a version 3 record: the header keeps each
// processor's K and every call its key group; without them the record is
// version 2, and a call's key group is not written (it reads back as 0).
func TestKeyGroupsRoundTrip(t *testing.T) {
	for _, kgs := range [][]int{nil, {1, 8}} {
		var buf bytes.Buffer
		w := NewWriter(&buf)
		h := header()
		h.KeyGroups = kgs
		if err := w.Header(h); err != nil {
			t.Fatal(err)
		}
		calls := []Call{
			{Proc: 0, Case: 0, Phase: 0, Step: 0, Input: 0, InKind: 0, InSum: 7},
			{Proc: 1, KG: 5, Case: 1, Phase: 0, Step: 0, Input: 3, InKind: 1, InSum: 9},
			{Proc: 1, KG: 7, Case: -2, Phase: 1, Step: 2, Input: 0, InKind: -1},
		}
		for _, c := range calls {
			w.BeginCall(c, 1)
			w.Emission(1, []byte("e"))
			if err := w.EndCall(); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.End(uint64(len(calls)), ""); err != nil {
			t.Fatal(err)
		}
		data := buf.Bytes()
		wantVersion := byte(2)
		if kgs != nil {
			wantVersion = 3
		}
		if data[len(Magic)] != wantVersion {
			t.Fatalf("key groups %v: version %d, want %d", kgs, data[len(Magic)], wantVersion)
		}
		r := NewReader(bytes.NewReader(data))
		got, err := r.Header()
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != fmt.Sprint(h) {
			t.Fatalf("header %+v, want %+v", got, h)
		}
		var ems []Emission
		for i, want := range calls {
			c, e, end, err := r.Call(ems)
			ems = e
			if err != nil || end != nil {
				t.Fatalf("call %d: %v %v", i, end, err)
			}
			if kgs == nil {
				want.KG = 0
			}
			if c != want || len(ems) != 1 || string(ems[0].Data) != "e" {
				t.Fatalf("key groups %v, call %d: %+v, want %+v", kgs, i, c, want)
			}
		}
		if _, _, end, err := r.Call(ems); err != nil || end == nil || end.Calls != 3 {
			t.Fatalf("end: %+v %v", end, err)
		}
	}
}
