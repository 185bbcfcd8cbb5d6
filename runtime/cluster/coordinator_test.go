package cluster

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func beats(at time.Time, names ...string) []Member {
	var ms []Member
	for _, n := range names {
		ms = append(ms, Member{Name: n, Incarnation: 1, Beat: at.UnixNano()})
	}
	return ms
}

// started returns a coordinator past the genesis of 3 slots and an input instance
// 3 (pinned to m0), the slots on m0, m1, m1.
func started(t *testing.T) (*Coordinator, uint64) {
	c := NewCoordinator(3 * time.Second)
	g := &Commit{Seq: 0, Epoch: 1, Kind: CommitGenesis, Gen: &Genesis{Protocol: Protocol, Instances: 4, Submitter: "m0", Members: []string{"m0", "m1"}, Pinned: []Inst{3}},
		Moves: []Move{{0, "m0", 0}, {1, "m1", 0}, {2, "m1", 0}, {3, "m0", 0}}}
	pos := uint64(1)
	c.Observe(Entry{Seq: pos, Commit: g})
	return c, pos + 1
}

func (c *Coordinator) frame(pos *uint64, n uint64, inst Inst, attempt uint64, idx uint32, last bool, body string) {
	*pos++
	c.Observe(Entry{Seq: *pos, Frame: &Frame{Round: Round{N: n, Kind: RoundStep, Step: uint32(n)}, Inst: inst, Attempt: attempt, Index: idx, Last: last, Body: []byte(body)}})
}

func TestCoordinatorRound(t *testing.T) {
	c, pos := started(t)
	r := Round{N: 1, Kind: RoundStep, Step: 1}
	c.Expect(r, []Inst{0, 2})
	alive := beats(t0, "m0", "m1")
	c.frame(&pos, 1, 0, 0, 0, true, "a")
	if cm := c.Decide(t0, alive, 1); cm != nil {
		t.Fatalf("decided %+v before instance 2 published", cm)
	}
	c.frame(&pos, 1, 2, 0, 1, true, "c")  // the last frame first (a retry's order)
	c.frame(&pos, 1, 2, 7, 0, true, "zz") // another attempt: not the current one
	if cm := c.Decide(t0, alive, 1); cm != nil {
		t.Fatalf("decided %+v with frame 0 of instance 2 missing", cm)
	}
	c.frame(&pos, 1, 2, 0, 0, false, "b")
	c.frame(&pos, 1, 2, 0, 0, false, "DUP") // a duplicate index: the first one stands
	cm := c.Decide(t0, alive, 1)
	want := &Commit{Seq: 1, Epoch: 1, Kind: CommitRound, Round: r, Parts: []Part{{0, 0, 1, Sum([]byte("a"))}, {2, 0, 2, Sum([]byte("bc"))}}}
	if !reflect.DeepEqual(cm, want) {
		t.Fatalf("decided\n%+v\nwant\n%+v", cm, want)
	}
	if again := c.Decide(t0, alive, 1); again != nil {
		t.Fatal("decided again before observing its commit")
	}
	c.Retry()
	if again := c.Decide(t0, alive, 1); !reflect.DeepEqual(again, want) {
		t.Fatalf("after Retry: %+v", again)
	}
	pos++
	c.Observe(Entry{Seq: pos, Commit: cm})
	got, outs, ok, err := c.Take(1)
	if !ok || err != nil || got != cm || string(outs[0]) != "a" || string(outs[2]) != "bc" {
		t.Fatalf("Take: %v %v %v %v", ok, err, outs, got)
	}
	if _, _, ok, _ := c.Take(1); ok {
		t.Fatal("Take twice")
	}
	if cm := c.Decide(t0, alive, 1); cm != nil {
		t.Fatalf("decided %+v with no round expected", cm)
	}
}

func TestCoordinatorReassign(t *testing.T) {
	c, pos := started(t)
	c.Expect(Round{N: 1, Kind: RoundStep, Step: 1}, []Inst{1})
	// m1 last beat 3 s ago: dead. m0 is alive; instance 3 is pinned and m0's anyway.
	ms := append(beats(t0.Add(3*time.Second), "m0"), beats(t0, "m1")...)
	cm := c.Decide(t0.Add(3*time.Second), ms, 2)
	want := &Commit{Seq: 1, Epoch: 2, Kind: CommitReassign, Moves: []Move{{1, "m0", 1}, {2, "m0", 1}}}
	if !reflect.DeepEqual(cm, want) {
		t.Fatalf("decided\n%+v\nwant\n%+v", cm, want)
	}
	pos++
	c.Observe(Entry{Seq: pos, Commit: cm})
	// m1, a zombie, publishes under its old attempt: ignored; m0's attempt 1 counts.
	c.frame(&pos, 1, 1, 0, 0, true, "old")
	if cm := c.Decide(t0.Add(3*time.Second), ms, 2); cm != nil {
		t.Fatalf("decided %+v on a stale attempt", cm)
	}
	c.frame(&pos, 1, 1, 1, 0, true, "new")
	cm = c.Decide(t0.Add(3*time.Second), ms, 2)
	if cm == nil || cm.Kind != CommitRound || cm.Parts[0].Attempt != 1 || cm.Parts[0].Sum != Sum([]byte("new")) {
		t.Fatalf("decided %+v", cm)
	}
	// A pinned instance whose owner is dead stays.
	c2, _ := started(t)
	if cm := c2.Decide(t0.Add(time.Minute), beats(t0.Add(time.Minute), "m1"), 1); cm == nil || !reflect.DeepEqual(cm.Moves, []Move{{0, "m1", 1}}) {
		t.Fatalf("moves %+v, want only slot 0 (instance 3 is pinned)", cm)
	}
}

func TestCoordinatorMissingFrames(t *testing.T) {
	c, pos := started(t)
	c.frame(&pos, 1, 0, 0, 0, false, "a")
	pos++
	c.Observe(Entry{Seq: pos, Commit: &Commit{Seq: 1, Kind: CommitRound, Round: Round{N: 1, Kind: RoundStep, Step: 1}, Parts: []Part{{0, 0, 2, 0}}}})
	if _, _, ok, err := c.Take(1); !ok || err == nil || !strings.Contains(err.Error(), "no such set") {
		t.Fatalf("Take: %v %v", ok, err)
	}
}

func TestCoordinatorGenesis(t *testing.T) {
	c := NewCoordinator(3 * time.Second)
	p := &Proposal{Program: "p", Instances: 9, Submitter: "m0", Pinned: []Inst{8}, Members: 2}
	if cm := c.ProposeGenesis(p, t0, beats(t0, "m0"), 1); cm != nil {
		t.Fatal("genesis before 2 members are alive")
	}
	cm := c.ProposeGenesis(p, t0, beats(t0, "m0", "m1"), 1)
	if cm == nil || cm.Seq != 0 || len(cm.Moves) != 9 || cm.Moves[8].Member != "m0" || !reflect.DeepEqual(cm.Gen.Members, []string{"m0", "m1"}) {
		t.Fatalf("genesis %+v", cm)
	}
	owners := map[string]int{}
	for _, m := range cm.Moves[:8] {
		owners[m.Member]++
	}
	if owners["m0"] == 0 || owners["m1"] == 0 {
		t.Fatalf("8 instances all on one member: %v", owners)
	}
}

func TestRendezvous(t *testing.T) {
	ms := []string{"a", "b", "c", "d"}
	count := map[string]int{}
	for i := range Inst(400) {
		w := Rendezvous(ms, i)
		count[w]++
		// Removing a member that did not win moves nothing.
		for _, gone := range ms {
			if gone != w && Rendezvous(without(ms, gone), i) != w {
				t.Fatalf("instance %d moved from %s when %s left", i, w, gone)
			}
		}
	}
	for _, m := range ms {
		if count[m] < 60 {
			t.Fatalf("uneven spread %v", count)
		}
	}
}

func without(ms []string, x string) []string {
	var out []string
	for _, m := range ms {
		if m != x {
			out = append(out, m)
		}
	}
	return out
}

// TestGenesisBalanced: the first assignment deals the movable instances to the
// alive members in turn, so a processor's K key groups (consecutive instances)
// are split evenly; pinned instances stay with the submitter.
func TestGenesisBalanced(t *testing.T) {
	c := NewCoordinator(3 * time.Second)
	p := &Proposal{Instances: 10, Submitter: "m0", Pinned: []Inst{9}, Members: 2}
	cm := c.ProposeGenesis(p, t0, beats(t0, "m1", "m0"), 1)
	if cm == nil {
		t.Fatal("no genesis with both members alive")
	}
	count := map[string]int{}
	for _, m := range cm.Moves[:8] { // a processor of 8 key groups
		count[m.Member]++
	}
	if count["m0"] != 4 || count["m1"] != 4 || cm.Moves[8].Member != "m0" || cm.Moves[9].Member != "m0" {
		t.Errorf("genesis moves %+v: want 4 and 4 of the first 8, instance 8 on m0 (its turn), pinned 9 on m0", cm.Moves)
	}
}
