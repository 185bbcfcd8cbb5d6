package reactive

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
)

// recorder turns emissions into comparable strings.
type recorder struct{ got []string }

func (r *recorder) slice(xs []int)           { r.got = append(r.got, fmt.Sprint(xs)) }
func (r *recorder) group(k string, xs []int) { r.got = append(r.got, fmt.Sprintf("%s:%v", k, xs)) }
func (r *recorder) phase()                   { r.got = append(r.got, "|") }
func (r *recorder) take() []string           { g := r.got; r.got = nil; return g }
func (r *recorder) check(t *testing.T, want ...string) {
	t.Helper()
	got := r.take()
	if len(got) == 0 && len(want) == 0 {
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("emissions:\n got %q\nwant %q", got, want)
	}
}

func TestCollector(t *testing.T) {
	var c Collector[int] // zero value is ready
	var r recorder

	c.Phase(r.slice) // empty phase: nothing ever arrived
	r.check(t)

	c.Add(1)
	c.Add(2)
	c.Phase(r.slice)
	r.check(t, "[1 2]")

	c.Phase(r.slice) // no new data, no emission
	c.Phase(r.slice)
	r.check(t)

	c.Add(3)
	c.Phase(r.slice) // cumulative: everything so far
	r.check(t, "[1 2 3]")

	c.Add(3) // a duplicate is new data too
	c.Phase(r.slice)
	r.check(t, "[1 2 3 3]")
	if c.Len() != 4 {
		t.Errorf("Len = %d, want 4", c.Len())
	}
}

func TestCollectorEmitsCopy(t *testing.T) {
	var c Collector[int]
	var first []int
	c.Add(1)
	c.Add(2)
	c.Phase(func(xs []int) { first = xs })
	first[0] = 99            // the callee owns its slice
	first = append(first, 7) // and may append to it
	c.Add(3)
	var second []int
	c.Phase(func(xs []int) { second = xs })
	if !reflect.DeepEqual(second, []int{1, 2, 3}) {
		t.Errorf("second emission = %v, want [1 2 3]", second)
	}
}

func TestCollectorReentrant(t *testing.T) {
	var c Collector[int]
	var r recorder
	c.Add(1)
	c.Phase(func(xs []int) {
		r.slice(xs)
		c.Add(len(xs) * 10) // emit handler feeding back in: new data for the next phase
	})
	c.Phase(r.slice)
	c.Phase(r.slice)
	r.check(t, "[1]", "[1 10]")
}

type rec struct {
	user string
	n    int
}

func (e rec) Key() string { return e.user }

func TestGrouper(t *testing.T) {
	g := NewGrouper(func(x rec) string { return x.user })
	var got []string
	emit := func(k string, xs []rec) {
		var ns []string
		for _, x := range xs {
			ns = append(ns, fmt.Sprint(x.n))
		}
		got = append(got, k+":"+strings.Join(ns, ","))
	}
	check := func(want ...string) {
		t.Helper()
		if len(got) != 0 || len(want) != 0 {
			if !reflect.DeepEqual(got, want) {
				t.Errorf("emissions:\n got %q\nwant %q", got, want)
			}
		}
		got = nil
	}

	g.Phase(emit) // empty phase
	check()

	for i, u := range []string{"carol", "alice", "bob", "alice", "carol", "alice", "Bob"} {
		g.Add(rec{u, i})
	}
	if g.Len() != 4 {
		t.Errorf("Len = %d, want 4", g.Len())
	}
	g.Phase(emit) // ascending key order (byte order: "Bob" < "alice"), arrival order within
	check("Bob:6", "alice:1,3,5", "bob:2", "carol:0,4")

	g.Phase(emit) // reset after the phase: no new data, no emission
	check()

	g.Add(rec{"bob", 7})
	g.Add(rec{"alice", 8})
	g.Add(rec{"bob", 9})
	g.Phase(emit)
	check("alice:8", "bob:7,9")
	if g.Len() != 0 {
		t.Errorf("Len after Phase = %d, want 0", g.Len())
	}

	// Key method instead of key field.
	gm := NewGrouper(rec.Key)
	gm.Add(rec{"z", 1})
	gm.Add(rec{"a", 2})
	gm.Phase(emit)
	check("a:2", "z:1")
}

func TestGrouperIntKeys(t *testing.T) {
	g := NewGrouper(func(x int) int { return x % 3 })
	var r recorder
	emit := func(k int, xs []int) { r.group(fmt.Sprint(k), xs) }
	for _, x := range []int{5, -4, 9, 2, 3, -1, 7} { // keys 2,-1,0,2,0,-1,1
		g.Add(x)
	}
	g.Phase(emit)
	r.check(t, "-1:[-4 -1]", "0:[9 3]", "1:[7]", "2:[5 2]")
}

func TestGrouperFloatKeys(t *testing.T) {
	g := NewGrouper(func(x float64) float64 { return x })
	var got []string
	emit := func(k float64, xs []float64) { got = append(got, fmt.Sprintf("%v:%v", k, xs)) }
	nan := math.NaN()
	negZero := math.Copysign(0, -1)
	for _, x := range []float64{2, nan, negZero, 1, nan, 0, math.Inf(-1), 2} {
		g.Add(x)
	}
	g.Phase(emit)
	// NaNs form one group ordered first; -0 and +0 are one key, reported as the
	// first arrival (-0).
	want := []string{"NaN:[NaN NaN]", "-Inf:[-Inf]", "-0:[-0 0]", "1:[1]", "2:[2 2]"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("emissions:\n got %q\nwant %q", got, want)
	}
	got = nil
	g.Add(nan)
	g.Phase(emit)
	if !reflect.DeepEqual(got, []string{"NaN:[NaN]"}) {
		t.Errorf("NaN group not reset: %q", got)
	}
}

func TestGrouperReentrant(t *testing.T) {
	g := NewGrouper(func(x int) int { return x })
	var r recorder
	emit := func(k int, xs []int) {
		r.group(fmt.Sprint(k), xs)
		if k < 3 {
			g.Add(k + 10) // lands in the next phase
		}
	}
	g.Add(2)
	g.Add(1)
	g.Add(5)
	g.Phase(emit)
	r.phase()
	g.Phase(emit)
	r.phase()
	g.Phase(emit)
	r.check(t, "1:[1]", "2:[2]", "5:[5]", "|", "11:[11]", "12:[12]", "|")
}

func TestStreamGrouper(t *testing.T) {
	g := NewStreamGrouper(func(x rec) string { return x.user })
	var got []string
	emit := func(k string, xs []rec) {
		var ns []string
		for _, x := range xs {
			ns = append(ns, fmt.Sprint(x.n))
		}
		got = append(got, k+":"+strings.Join(ns, ","))
	}
	add := func(u string, n int) { g.Add(rec{u, n}, emit) }

	g.Phase(emit) // empty phase
	if len(got) != 0 {
		t.Fatalf("empty phase emitted %q", got)
	}

	steps := []struct {
		do   func()
		want []string
	}{
		{func() { add("a", 0) }, nil},
		{func() { add("a", 1) }, nil},
		{func() { add("b", 2) }, []string{"a:0,1"}},
		{func() { add("b", 3) }, nil},
		{func() { add("a", 4) }, []string{"b:2,3"}}, // a key may come back
		{func() { add("c", 5) }, []string{"a:4"}},
		{func() { g.Phase(emit) }, []string{"c:5"}}, // flush the open group
		{func() { g.Phase(emit) }, nil},             // no new data, no emission
		{func() { add("c", 6) }, nil},               // same key as the flushed group: a new group
		{func() { add("c", 7) }, nil},
		{func() { g.Phase(emit) }, []string{"c:6,7"}},
		{func() { add("d", 8) }, nil},
		{func() { add("e", 9) }, []string{"d:8"}},
		{func() { add("f", 10) }, []string{"e:9"}},
		{func() { g.Phase(emit) }, []string{"f:10"}},
	}
	for i, s := range steps {
		s.do()
		if !reflect.DeepEqual(got, s.want) && (len(got) != 0 || len(s.want) != 0) {
			t.Errorf("step %d: emitted %q, want %q", i, got, s.want)
		}
		got = nil
	}
	if _, n := g.Open(); n != 0 {
		t.Errorf("open group of %d after Phase", n)
	}
}

func TestStreamGrouperOwnership(t *testing.T) {
	g := NewStreamGrouper(func(x int) int { return x / 10 })
	var groups [][]int
	emit := func(_ int, xs []int) { groups = append(groups, xs) }
	for _, x := range []int{1, 2, 3, 11, 12, 21} {
		g.Add(x, emit)
	}
	g.Phase(emit)
	groups[0][0] = -1
	groups[0] = append(groups[0], -2) // must not clobber the next group
	want := [][]int{{-1, 2, 3, -2}, {11, 12}, {21}}
	if !reflect.DeepEqual(groups, want) {
		t.Errorf("groups = %v, want %v", groups, want)
	}
}

func TestStreamGrouperNaN(t *testing.T) {
	g := NewStreamGrouper(func(x float64) float64 { return x })
	var n int
	emit := func(float64, []float64) { n++ }
	for range 3 {
		g.Add(math.NaN(), emit) // NaN != NaN: each starts a new group
	}
	g.Phase(emit)
	if n != 3 {
		t.Errorf("%d groups, want 3", n)
	}
}

func TestStreamGrouperReentrant(t *testing.T) {
	g := NewStreamGrouper(func(x int) int { return x })
	var r recorder
	var emit func(int, []int)
	emit = func(k int, xs []int) {
		r.group(fmt.Sprint(k), xs)
		if k == 1 {
			g.Add(1, emit) // re-adds key 1 after the open group (key 2)
		}
	}
	g.Add(1, emit)
	g.Add(2, emit) // emits 1:[1], whose handler adds 1, which emits 2:[2]
	g.Phase(emit)
	r.check(t, "1:[1]", "2:[2]", "1:[1]")
}

func TestNilKeyPanics(t *testing.T) {
	for name, f := range map[string]func(){
		"Grouper":       func() { NewGrouper[int, int](nil) },
		"StreamGrouper": func() { NewStreamGrouper[int, int](nil) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("New%s(nil) did not panic", name)
				}
			}()
			f()
		}()
	}
}
