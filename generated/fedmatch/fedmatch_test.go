package fedmatch_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/fwgo/fw/generated/fedmatch"
	"github.com/fwgo/fw/runtime/fw"
	"github.com/fwgo/fw/runtime/reactive"
)

type h struct{ all, mine, ids int }

func (x *h) OnAll(c fedmatch.SinkAllContext, v []fedmatch.Order) error { x.all = len(v); return nil }
func (x *h) OnMine(c fedmatch.SinkMineContext, v int64) error          { x.mine++; return nil }
func (x *h) OnBig(c fedmatch.SinkBigContext, id string) error          { c.PublishIds(id); return nil }

type mine struct{}

func (mine) OnOrder(c fedmatch.MineContext, v fedmatch.Order) error { c.Publish(v.Amount); return nil }

type s2 struct{ n *int }

func (s s2) OnIdsAll(c fedmatch.Sink2IdsAllContext, v []string) error { *s.n = len(v); return nil }

// TestCompiled runs a package whose Order events are matched by a compiled
// matcher, with a helper, a user builder and a publishing case among its
// rows, with 1 and 8 workers.
// keyed is the key method and the hooks of helper Keyed.
type keyed struct{ calls []string }

func (k *keyed) Key(v fedmatch.Order) int64 { return v.Amount % 3 }
func (k *keyed) Init(c fedmatch.KeyedContext) error {
	k.calls = append(k.calls, "init")
	return nil
}
func (k *keyed) Phase(c fedmatch.KeyedContext, phase int) error {
	k.calls = append(k.calls, fmt.Sprint("phase ", phase))
	return nil
}
func (k *keyed) Terminate(c fedmatch.KeyedContext) error {
	k.calls = append(k.calls, "terminate")
	return nil
}

type sink3 struct{ groups []string }

func (s *sink3) OnKeyed(c fedmatch.Sink3KeyedContext, v reactive.Group[int64, fedmatch.Order]) error {
	s.groups = append(s.groups, fmt.Sprint(c.Phase(), ":", v.Key, "x", len(v.Items)))
	return nil
}

func TestCompiled(t *testing.T) {
	for _, w := range []int{1, 8} {
		x := &h{}
		var ids int
		k, s3 := &keyed{}, &sink3{}
		hs := fedmatch.Handlers{Mine: mine{}, Sink: x, Sink2: s2{&ids}, Keyed: k, Sink3: s3}
		fillP(&hs)
		pp, err := fedmatch.NewPipeline(hs, fw.WithWorkers(w))
		if err != nil {
			t.Fatal(err)
		}
		for i := range 200 {
			pp.Submit(fedmatch.Order{ID: fmt.Sprint(i), Region: fmt.Sprint("R", i%15), Amount: int64(i % 130)})
		}
		if err := pp.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		if x.all != 200 || x.mine != 200 || ids != 200-4*2 {
			t.Errorf("workers %d: all %d mine %d ids %d", w, x.all, x.mine, ids)
		}
		// A helper keyed by a method, with hooks: Phase after each flush.
		if got, want := fmt.Sprint(k.calls), "[init phase 0 phase 1 terminate]"; got != want {
			t.Errorf("workers %d: Keyed's hooks %s, want %s", w, got, want)
		}
		if got, want := fmt.Sprint(s3.groups), "[1:0x68 1:1x66 1:2x66]"; got != want {
			t.Errorf("workers %d: Keyed's groups %s, want %s", w, got, want)
		}
	}
}
