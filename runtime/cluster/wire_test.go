package cluster

import (
	"reflect"
	"strings"
	"testing"
)

func TestFrameRoundTrip(t *testing.T) {
	for _, f := range []*Frame{
		{Round: Round{N: 1, Kind: RoundInput}, Inst: 0},
		{Round: Round{N: 1 << 40, Kind: RoundStep, Phase: 3, Step: 99}, Inst: 70000, Attempt: 12, Index: 4, Last: true, Body: []byte("hello")},
	} {
		b := AppendFrame(nil, f)
		g, err := DecodeFrame(b)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(f, g) {
			t.Fatalf("got %+v, want %+v", g, f)
		}
		for i := range len(b) {
			if _, err := DecodeFrame(b[:i]); err == nil {
				t.Fatalf("prefix of %d bytes decoded", i)
			}
		}
	}
}

func TestCommitRoundTrip(t *testing.T) {
	for _, c := range []*Commit{
		{Seq: 0, Epoch: 1, Kind: CommitGenesis, Moves: []Move{{0, "m0", 0}, {1, "m1", 0}},
			Gen: &Genesis{Protocol: Protocol, Program: "fp", Config: "k=3", Instances: 5, Submitter: "m0", Members: []string{"m0", "m1"}, Pinned: []Inst{4}}},
		{Seq: 7, Epoch: 2, Kind: CommitRound, Round: Round{N: 6, Kind: RoundStep, Phase: 1, Step: 2},
			Parts: []Part{{Inst: 0, Attempt: 0, Frames: 1, Sum: Sum([]byte("x"))}, {Inst: 3, Attempt: 5, Frames: 2, Sum: 1<<64 - 1}}},
		{Seq: 8, Epoch: 2, Kind: CommitReassign, Moves: []Move{{2, "m1", 8}}},
		{Seq: 9, Epoch: 3, Kind: CommitEnd, Err: "divergence"},
	} {
		b := AppendCommit(nil, c)
		g, err := DecodeCommit(b)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(c, g) {
			t.Fatalf("got %+v, want %+v", g, c)
		}
		for i := range len(b) {
			if _, err := DecodeCommit(b[:i]); err == nil {
				t.Fatalf("prefix of %d bytes decoded", i)
			}
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	f := AppendFrame(nil, &Frame{Body: []byte("x")})
	c := AppendCommit(nil, &Commit{Kind: CommitEnd})
	for _, tc := range []struct {
		b     []byte
		frame bool
		want  string
	}{
		{c, true, `tag 'C', want 'F'`},
		{f, false, `tag 'F', want 'C'`},
		{append([]byte{'F', 9}, f[2:]...), true, "protocol version 9"},
		{append(f, 0), true, "1 trailing bytes"},
	} {
		var err error
		if tc.frame {
			_, err = DecodeFrame(tc.b)
		} else {
			_, err = DecodeCommit(tc.b)
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.b, err, tc.want)
		}
	}
}

func TestSum(t *testing.T) {
	if Sum([]byte("ab"), []byte("c")) != Sum([]byte("abc")) {
		t.Fatal("Sum depends on how the bodies are cut")
	}
	if Sum([]byte("abc")) == Sum([]byte("abd")) {
		t.Fatal("Sum ignores content")
	}
}
