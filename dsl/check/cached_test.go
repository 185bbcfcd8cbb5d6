package check

import "testing"

func TestCachedIR(t *testing.T) {
	pkg, diags := Check(parse(t, src{"c.fw", `package c
input event Order { id string }
event Done { id string }
processor A { cached version 2; on Order -> Done }
processor B { cached; concurrency 3; on Order }
processor C { on Done }
builder P provides p: string persist version 4
`}))
	if diags.HasErrors() {
		t.Fatalf("unexpected diagnostics:\n%s", diags.Text())
	}
	want := map[string][2]int{"A": {1, 2}, "B": {1, 0}, "C": {0, 0}, "P": {0, 0}}
	for _, p := range pkg.Processors {
		cached := 0
		if p.Cached {
			cached = 1
		}
		if got := [2]int{cached, p.Version}; got != want[p.Name] {
			t.Errorf("%s: cached, version = %v, want %v", p.Name, got, want[p.Name])
		}
	}
	if b := pkg.Processors[3].Builder; !b.Persist || b.Version != 4 {
		t.Errorf("builder P: persist %v version %d", b.Persist, b.Version)
	}
}
