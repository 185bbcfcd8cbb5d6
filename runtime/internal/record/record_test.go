package record

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/fwgo/fw/runtime/fw"
)

func header() *Header {
	return &Header{
		Package: "p", Digest: [32]byte{1}, Fingerprint: [32]byte{2}, Batch: 256,
		Events: []string{"A", "B"}, Targets: []string{"t"},
		Procs: []string{"P", "Q"}, ProcDigests: [][32]byte{{3}, {4}},
	}
}

// write makes a record: the header, inputs, calls calls of two emissions
// each, and the end marker.
func write(t *testing.T, calls int) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := NewWriter(&buf)
	if err := w.Header(header()); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if err := w.Input(uint64(i%2), []byte(fmt.Sprint("in", i))); err != nil {
			t.Fatal(err)
		}
	}
	for i := range calls {
		w.BeginCall(Call{Proc: i % 2, Case: int32(i%3) - 1, Phase: 1, Step: i, Input: i, InKind: i%2 - 1, InSum: uint32(i)}, 2)
		w.Emission(0, []byte(fmt.Sprint("a", i)))
		w.Emission(1, bytes.Repeat([]byte{byte(i)}, 100))
		if err := w.EndCall(); err != nil {
			t.Fatal(err)
		}
	}
	// A call dropped half-written leaves nothing.
	w.BeginCall(Call{Proc: 9}, 1)
	w.Emission(0, []byte("dropped"))
	w.AbortCall()
	if err := w.End(uint64(calls), "outcome"); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// read reads a record made by write and checks every entry.
func read(data []byte, calls int) error {
	r := NewReader(bytes.NewReader(data))
	h, err := r.Header()
	if err != nil {
		return err
	}
	if fmt.Sprint(h) != fmt.Sprint(header()) {
		return fmt.Errorf("header %+v", h)
	}
	for i := 0; ; i++ {
		k, d, ok, err := r.Input()
		if err != nil {
			return err
		}
		if !ok {
			if i != 3 {
				return fmt.Errorf("%d inputs", i)
			}
			break
		}
		if k != uint64(i%2) || string(d) != fmt.Sprint("in", i) {
			return fmt.Errorf("input %d: %d %q", i, k, d)
		}
	}
	var ems []Emission
	for i := 0; ; i++ {
		c, e, end, err := r.Call(ems)
		ems = e
		if err != nil {
			return err
		}
		if end != nil {
			if i != calls || end.Calls != uint64(calls) || end.Outcome != "outcome" {
				return fmt.Errorf("end after %d calls: %+v", i, end)
			}
			return r.AtEOF()
		}
		want := Call{Proc: i % 2, Case: int32(i%3) - 1, Phase: 1, Step: i, Input: i, InKind: i%2 - 1, InSum: uint32(i)}
		if c != want || len(ems) != 2 || string(ems[0].Data) != fmt.Sprint("a", i) || ems[1].Kind != 1 || len(ems[1].Data) != 100 {
			return fmt.Errorf("call %d: %+v %v", i, c, ems)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	for _, calls := range []int{0, 1, 2000} { // 2000 calls span several chunks
		data := write(t, calls)
		if err := read(data, calls); err != nil {
			t.Fatalf("%d calls: %v", calls, err)
		}
		if calls == 2000 && len(data) < 3*ChunkTarget {
			t.Fatalf("%d bytes: fewer chunks than expected", len(data))
		}
	}
}

func TestDamage(t *testing.T) {
	data := write(t, 2000)
	cases := []struct {
		name string
		data []byte
		want error
		msg  string
	}{
		{"empty", nil, fw.ErrRecordTruncated, "empty"},
		{"bad magic", append([]byte("xwrec\x00\x01"), data[7:]...), fw.ErrRecordCorrupt, "bad magic"},
		{"version", append(append([]byte(Magic), Version+1), data[7:]...), fw.ErrRecordCorrupt, fmt.Sprintf("version %d", Version+1)},
		{"cut in a chunk", data[:len(data)/2], fw.ErrRecordTruncated, "is cut"},
		{"cut short", data[:len(data)-3], fw.ErrRecordTruncated, ""},
		{"flipped byte", flip(data, len(data)/2), fw.ErrRecordCorrupt, "CRC-32C"},
		{"trailing data", append(bytes.Clone(data), 0), fw.ErrRecordCorrupt, "after the end marker"},
	}
	for _, c := range cases {
		err := read(c.data, 2000)
		if c.want == nil {
			if err == nil {
				t.Errorf("%s: no error", c.name)
			}
			continue
		}
		if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: %v, want %v (%q)", c.name, err, c.want, c.msg)
		}
	}
}

func flip(b []byte, i int) []byte {
	b = bytes.Clone(b)
	b[i] ^= 0x40
	return b
}

// A write error sticks and is returned by later writes.
func TestWriteError(t *testing.T) {
	w := NewWriter(failWriter{})
	if err := w.Header(header()); err == nil || w.Err() == nil {
		t.Fatalf("Header = %v", err)
	}
	if err := w.End(0, ""); err == nil {
		t.Fatal("End after a write error succeeded")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// The entries of a live run: the header's feeds and trigger, fed events
// with their ids, phase ends, among calls.
func TestLiveEntries(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf)
	h := header()
	h.Feeds, h.PhaseEvery, h.PhaseInterval = 2, 10, 5e6
	if err := w.Header(h); err != nil {
		t.Fatal(err)
	}
	w.BeginFed(1, true, 2)
	w.FedEvent(3, []byte("abc"), "ORDERS:7")
	w.FedEvent(0, nil, "")
	if err := w.EndFed(); err != nil {
		t.Fatal(err)
	}
	if err := w.PhaseEnd(4); err != nil {
		t.Fatal(err)
	}
	w.BeginCall(Call{Proc: 1, InKind: -1}, 0)
	if err := w.EndCall(); err != nil {
		t.Fatal(err)
	}
	if err := w.End(1, ""); err != nil {
		t.Fatal(err)
	}
	r := NewReader(&buf)
	got, err := r.Header()
	if err != nil || got.Feeds != 2 || got.PhaseEvery != 10 || got.PhaseInterval != 5e6 {
		t.Fatalf("header %+v, %v", got, err)
	}
	if tag, err := r.Next(); tag != EntryFed || err != nil {
		t.Fatalf("Next = %q, %v", tag, err)
	}
	if _, _, _, err := r.Call(nil); !errors.Is(err, fw.ErrRecordCorrupt) {
		t.Fatalf("Call on a fed entry: %v", err)
	}
	feed, done, evs, err := r.Fed(nil)
	if err != nil || feed != 1 || !done || len(evs) != 2 || evs[0].Kind != 3 || string(evs[0].Data) != "abc" || evs[0].ID != "ORDERS:7" || evs[1].ID != "" {
		t.Fatalf("Fed = %d %v %+v %v", feed, done, evs, err)
	}
	if ph, err := r.PhaseEnd(); ph != 4 || err != nil {
		t.Fatalf("PhaseEnd = %d, %v", ph, err)
	}
	if tag, _ := r.Next(); tag != EntryCall {
		t.Fatalf("Next = %q", tag)
	}
	if _, err := r.PhaseEnd(); err == nil {
		t.Fatal("PhaseEnd on a call")
	}
}
