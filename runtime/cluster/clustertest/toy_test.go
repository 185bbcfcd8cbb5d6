package clustertest

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/fwgo/fw/runtime/cluster"
)

// TestToyLocal: the program's record is a function of the program: equal for
// two runs, one line per round (the input, the steps, the terminate round);
// Point is called before every handler call, Work in every step call, and
// Split changes the fan-out.
func TestToyLocal(t *testing.T) {
	p := &Toy{Insts: 5, Steps: 100, Split: 2, Inputs: [][2]uint64{{0, 9}, {3, 6}, {1, 7}, {3, 2}}}
	var points, work int
	q := *p
	q.Point = func(where string) {
		if !strings.HasPrefix(where, "r") || !strings.Contains(where, "/i") {
			t.Errorf("Point(%q)", where)
		}
		points++
	}
	q.Work = func() { work++ }
	a, err := q.Run(context.Background(), Local{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := p.Run(context.Background(), Local{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatalf("two runs' records differ:\n%s\n%s", a, b)
	}
	lines := strings.Split(strings.TrimSuffix(string(a), "\n"), "\n")
	if len(lines) < 4 || !strings.Contains(lines[0], cluster.RoundInput.String()) || !strings.Contains(lines[len(lines)-1], cluster.RoundTerminate.String()) {
		t.Fatalf("record:\n%s", a)
	}
	if q.Calls < 9 || work != q.Calls || points != q.Calls+p.Insts {
		t.Fatalf("%d calls, Work called %d times, Point %d", q.Calls, work, points)
	}
	r := *p
	r.Split = 8
	c, err := r.Run(context.Background(), Local{})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(c, a) {
		t.Fatal("Split changes nothing")
	}
}
