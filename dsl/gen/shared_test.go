package gen

import (
	"testing"

	"github.com/fwgo/fw/dsl/ir"
)

// TestSharesMemory: the types whose values share memory with their copies
// (EventInfo.Shared) are those that hold a slice, a map or a pointer,
// directly or in a record; scalars, times, durations and records of them
// are copied whole.
func TestSharesMemory(t *testing.T) {
	str := ir.Type{Kind: ir.String}
	flat := &ir.Record{Name: "Flat", Fields: []*ir.Field{{Name: "a", Type: str}, {Name: "t", Type: ir.Type{Kind: ir.Time}}}}
	nested := &ir.Record{Name: "Nested", Fields: []*ir.Field{{Name: "f", Type: ir.Type{Kind: ir.RecordType, Record: flat}}}}
	withList := &ir.Record{Name: "WithList", Fields: []*ir.Field{{Name: "f", Type: ir.Type{Kind: ir.RecordType, Record: nested}},
		{Name: "l", Type: ir.Type{Kind: ir.List, Elem: &str}}}}
	self := &ir.Record{Name: "Self"}
	self.Fields = []*ir.Field{{Name: "parent", Type: ir.Type{Kind: ir.RecordType, Record: self}, Optional: true}}
	for _, tc := range []struct {
		name string
		t    ir.Type
		opt  bool
		want bool
	}{
		{"string", str, false, false},
		{"int", ir.Type{Kind: ir.Int}, false, false},
		{"time", ir.Type{Kind: ir.Time}, false, false},
		{"duration", ir.Type{Kind: ir.Duration}, false, false},
		{"bytes", ir.Type{Kind: ir.Bytes}, false, true},
		{"string?", str, true, true},
		{"[]string", ir.Type{Kind: ir.List, Elem: &str}, false, true},
		{"map[string]string", ir.Type{Kind: ir.Map, Key: &str, Elem: &str}, false, true},
		{"record of scalars", ir.Type{Kind: ir.RecordType, Record: flat}, false, false},
		{"record of a record of scalars", ir.Type{Kind: ir.RecordType, Record: nested}, false, false},
		{"record with a list", ir.Type{Kind: ir.RecordType, Record: withList}, false, true},
		{"record through an optional field", ir.Type{Kind: ir.RecordType, Record: self}, false, true},
	} {
		if got := sharesMemory(tc.t, tc.opt); got != tc.want {
			t.Errorf("%s: sharesMemory = %v, want %v", tc.name, got, tc.want)
		}
	}
	if !artifactShares(&ir.Artifact{Kind: ir.ArtifactSlice, Elem: &ir.Artifact{Kind: ir.ArtifactField, Field: str}}) {
		t.Error("a collected slice is not shared")
	}
	if artifactShares(&ir.Artifact{Kind: ir.ArtifactField, Field: str}) {
		t.Error("a string artifact is shared")
	}
}
