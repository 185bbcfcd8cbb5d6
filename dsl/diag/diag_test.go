package diag

import (
	"encoding/json"
	"testing"

	"github.com/fwgo/fw/dsl/ast"
)

func at(off int) ast.Pos { return ast.Pos{File: "a.fw", Offset: off, Line: 1, Col: off + 1} }

func TestApply(t *testing.T) {
	src := []byte("on Ordr{amount: 0..<10}")
	got, err := Apply(src, []Edit{
		{Pos: at(17), End: at(20), New: ".."},
		{Pos: at(3), End: at(7), New: "Order"},
		{Pos: at(0), End: at(0), New: "// x\n"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := "// x\non Order{amount: 0..10}"; string(got) != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	if _, err := Apply(src, []Edit{{Pos: at(3), End: at(7)}, {Pos: at(5), End: at(9)}}); err == nil {
		t.Fatal("overlapping edits applied")
	}
	if _, err := Apply(src, []Edit{{Pos: at(20), End: at(40)}}); err == nil {
		t.Fatal("edit past the end applied")
	}
}

func TestJSONEndAndFixes(t *testing.T) {
	d := Errorf(at(3), "unknown-event", "unknown event Ordr; did you mean Order?").WithEnd(at(7)).
		WithFix("Replace Ordr with Order", Edit{Pos: at(3), End: at(7), New: "Order"})
	data, err := List{d, Warningf(at(0), "x", "no end")}.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	end := out[0]["end"].(map[string]any)
	if end["offset"] != 7.0 || end["col"] != 8.0 || out[0]["offset"] != 3.0 {
		t.Errorf("end: %s", data)
	}
	fix := out[0]["fixes"].([]any)[0].(map[string]any)
	edit := fix["edits"].([]any)[0].(map[string]any)
	if fix["message"] != "Replace Ordr with Order" || edit["new"] != "Order" || edit["end"].(map[string]any)["offset"] != 7.0 {
		t.Errorf("fixes: %s", data)
	}
	if _, ok := out[1]["end"]; ok {
		t.Errorf("unknown end printed: %s", data)
	}
	if _, ok := out[1]["fixes"]; ok {
		t.Errorf("empty fixes printed: %s", data)
	}
}
