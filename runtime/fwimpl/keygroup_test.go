package fwimpl_test

import (
	"hash/fnv"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/fwgo/fw/runtime/fwimpl"
)

// The key group of a key is part of what a run means: which instance of a
// partitioned processor receives which key, hence the order of its inbox and
// the record of the run. These pairs are pinned for ever: a change that
// breaks one changes every partitioned program's behaviour.

var keyGroupStrings = []struct {
	v    string
	k    uint32
	want uint32
}{
	{"", 3, 0},
	{"a", 7, 1},
	{"b", 8, 2},
	{"ab", 16, 10},
	{"abc", 64, 22},
	{"order-1", 4096, 4040},
	{"order-2", 2, 1},
	{"order-3", 3, 2},
	{"héllo", 7, 2},
	{"日本語", 8, 4},
	{"\x00", 16, 4},
	{"\xff", 64, 9},
	{"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 4096, 802},
	{"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 2, 0},
	{"yzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyzyz", 3, 0},
	{"customer-42", 7, 0},
	{"Customer-42", 8, 3},
	{"pkg/fw", 16, 13},
	{"github.com/fwgo/fw/runtime", 64, 4},
	{" ", 4096, 1636},
}

var keyGroupInts = []struct {
	v    int64
	k    uint32
	want uint32
}{
	{0, 2, 1},
	{1, 3, 2},
	{-1, 7, 0},
	{2, 8, 3},
	{-2, 16, 2},
	{42, 64, 3},
	{-42, 4096, 386},
	{63, 2, 1},
	{64, 3, 0},
	{-64, 7, 1},
	{-65, 8, 7},
	{127, 16, 0},
	{128, 64, 7},
	{1000, 4096, 1984},
	{1048576, 2, 0},
	{1099511627776, 3, 0},
	{-1099511627776, 7, 6},
	{1700000000, 8, 3},
	{9223372036854775807, 16, 8},
	{-9223372036854775808, 64, 5},
}

var keyGroupBools = []struct {
	v    bool
	k    uint32
	want uint32
}{
	{false, 2, 1},
	{true, 2, 0},
	{false, 3, 0},
	{true, 3, 2},
	{false, 5, 0},
	{true, 5, 4},
	{false, 7, 3},
	{true, 7, 0},
	{false, 8, 7},
	{true, 8, 4},
	{false, 16, 15},
	{true, 16, 12},
	{false, 64, 31},
	{true, 64, 44},
	{false, 100, 55},
	{true, 100, 44},
	{false, 1000, 455},
	{true, 1000, 244},
	{false, 4096, 2015},
	{true, 4096, 1580},
}

var keyGroupBytes = []struct {
	v    []byte
	k    uint32
	want uint32
}{
	{[]byte(nil), 4096, 2015},
	{[]byte{}, 2, 1},
	{[]byte{0x0}, 3, 1},
	{[]byte{0x1}, 7, 3},
	{[]byte{0xff}, 8, 1},
	{[]byte{0x1, 0x2, 0x3}, 16, 6},
	{[]byte{0x61, 0x62, 0x63}, 64, 22},
	{[]byte{0x6f, 0x72, 0x64, 0x65, 0x72, 0x2d, 0x31}, 4096, 4040},
	{[]byte{0x0, 0x0, 0x0, 0x0}, 2, 1},
	{[]byte{0xde, 0xad, 0xbe, 0xef}, 3, 1},
	{[]byte{0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0}, 7, 0},
	{[]byte{0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0}, 8, 2},
	{[]byte{0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62, 0x61, 0x62}, 16, 10},
	{[]byte{0x6b}, 64, 37},
	{[]byte{0x6b, 0x65, 0x79, 0x2d, 0x31}, 4096, 2501},
	{[]byte{0x6b, 0x65, 0x79, 0x2d, 0x32}, 2, 0},
	{[]byte{0x6b, 0x65, 0x79, 0x2d, 0x33}, 3, 1},
	{[]byte{0x80}, 7, 6},
	{[]byte{0x7f, 0x80}, 8, 2},
	{[]byte{0xa}, 16, 2},
}

// Enum values are encoded as their variant's index (AppendUint).
var keyGroupEnums = []struct {
	v    uint64
	k    uint32
	want uint32
}{
	{0, 64, 31},
	{1, 4096, 1580},
	{2, 2, 1},
	{3, 3, 1},
	{4, 7, 5},
	{5, 8, 0},
	{6, 16, 9},
	{7, 64, 6},
	{8, 4096, 1399},
	{9, 2, 0},
	{10, 3, 1},
	{11, 7, 2},
	{12, 8, 3},
	{15, 16, 14},
	{31, 64, 14},
	{63, 4096, 1326},
	{100, 2, 1},
	{127, 3, 2},
	{128, 7, 5},
	{255, 8, 5},
}

// Times by Unix seconds and nanoseconds.
var keyGroupTimes = []struct {
	sec, nsec int64
	k         uint32
	want      uint32
}{
	{0, 0, 16, 13},
	{0, 1, 64, 58},
	{1, 0, 4096, 1599},
	{-1, 0, 2, 0},
	{-1, 999999999, 3, 2},
	{1700000000, 0, 7, 0},
	{1700000000, 123456789, 8, 5},
	{1800000000, 0, 16, 2},
	{946684800, 0, 64, 16},
	{253402300799, 999999999, 4096, 944},
	{-62135596800, 0, 2, 0},
	{86400, 0, 3, 2},
	{60, 500, 7, 0},
	{3600, 0, 8, 7},
	{1234567890, 1, 16, 13},
	{1234567890, 2, 64, 20},
	{2000000000, 999, 4096, 2848},
	{-86400, 0, 2, 1},
	{42, 42, 3, 0},
	{8589934592, 7, 7, 1},
}

var keyGroupDurations = []struct {
	v    int64
	k    uint32
	want uint32
}{
	{0, 8, 7},
	{1, 16, 5},
	{-1, 64, 44},
	{1000, 4096, 1984},
	{1000000, 2, 0},
	{1000000000, 3, 2},
	{-1000000000, 7, 3},
	{60000000000, 8, 5},
	{-60000000000, 16, 15},
	{3600000000000, 64, 31},
	{5400000000000, 4096, 1776},
	{86400000000000, 2, 1},
	{1500000000, 3, 0},
	{2, 7, 5},
	{3, 8, 1},
	{1000, 16, 0},
	{63, 64, 33},
	{64, 4096, 698},
	{9223372036854775807, 2, 0},
	{-9223372036854775808, 3, 1},
}

// fnvGroup is the reference: hash/fnv's FNV-1a 64 of b, mod k.
func fnvGroup(b []byte, k uint32) uint32 {
	h := fnv.New64a()
	h.Write(b)
	return uint32(h.Sum64() % uint64(k))
}

func checkGroup(t *testing.T, what string, b []byte, k, got, want uint32) {
	t.Helper()
	if got != want {
		t.Errorf("%s mod %d: group %d, pinned %d", what, k, got, want)
	}
	if ref := fnvGroup(b, k); got != ref {
		t.Errorf("%s mod %d: group %d, FNV-1a of its encoding %d", what, k, got, ref)
	}
	if got >= k {
		t.Errorf("%s mod %d: group %d out of range", what, k, got)
	}
}

func TestKeyGroupPinned(t *testing.T) {
	for _, c := range keyGroupStrings {
		b := fwimpl.AppendString(nil, c.v)
		checkGroup(t, "string "+c.v, b, c.k, fwimpl.KeyGroupString(c.v, c.k), c.want)
		checkGroup(t, "string (encoded) "+c.v, b, c.k, fwimpl.KeyGroup(b, c.k), c.want)
	}
	for _, c := range keyGroupInts {
		b := fwimpl.AppendInt(nil, c.v)
		checkGroup(t, "int", b, c.k, fwimpl.KeyGroup(b, c.k), c.want)
	}
	for _, c := range keyGroupBools {
		b := fwimpl.AppendBool(nil, c.v)
		checkGroup(t, "bool", b, c.k, fwimpl.KeyGroup(b, c.k), c.want)
	}
	for _, c := range keyGroupBytes {
		b := fwimpl.AppendBytes(nil, c.v)
		checkGroup(t, "bytes", b, c.k, fwimpl.KeyGroupBytes(c.v, c.k), c.want)
		checkGroup(t, "bytes (encoded)", b, c.k, fwimpl.KeyGroup(b, c.k), c.want)
		checkGroup(t, "bytes (as a string)", b, c.k, fwimpl.KeyGroupString(string(c.v), c.k), c.want)
	}
	for _, c := range keyGroupEnums {
		b := fwimpl.AppendUint(nil, c.v)
		checkGroup(t, "enum", b, c.k, fwimpl.KeyGroup(b, c.k), c.want)
	}
	for _, c := range keyGroupTimes {
		b := fwimpl.AppendTime(nil, time.Unix(c.sec, c.nsec))
		checkGroup(t, "time", b, c.k, fwimpl.KeyGroup(b, c.k), c.want)
		// The location is not part of the value.
		b2 := fwimpl.AppendTime(nil, time.Unix(c.sec, c.nsec).In(time.FixedZone("X", 3600)))
		checkGroup(t, "time (in another zone)", b2, c.k, fwimpl.KeyGroup(b2, c.k), c.want)
	}
	for _, c := range keyGroupDurations {
		b := fwimpl.AppendDuration(nil, time.Duration(c.v))
		checkGroup(t, "duration", b, c.k, fwimpl.KeyGroup(b, c.k), c.want)
	}
}

// TestKeyGroupSpread checks that the groups of many keys cover every group
// about evenly, so that a partitioned processor's instances share the work.
func TestKeyGroupSpread(t *testing.T) {
	const n, k = 64000, 64
	var count [k]int
	for i := range n {
		count[fwimpl.KeyGroup(fwimpl.AppendInt(nil, int64(i)), k)]++
		count[fwimpl.KeyGroupString("key-"+strings.Repeat("x", i%5)+string(rune('a'+i%26))+itoa(i), k)]++
	}
	for g, c := range count {
		if c < 2*n/k*8/10 || c > 2*n/k*12/10 {
			t.Errorf("group %d of %d has %d of %d keys", g, k, c, 2*n)
		}
	}
}

func itoa(i int) string {
	b := fwimpl.AppendInt(nil, int64(i))
	return string(b)
}

func TestKeyGroupAllocs(t *testing.T) {
	long := strings.Repeat("k", 1000)
	p := []byte(long)
	var buf [64]byte
	var sink uint32
	n := testing.AllocsPerRun(100, func() {
		sink += fwimpl.KeyGroupString(long, 8)
		sink += fwimpl.KeyGroupString("order-1", 8)
		sink += fwimpl.KeyGroupBytes(p, 8)
		sink += fwimpl.KeyGroup(fwimpl.AppendInt(buf[:0], math.MaxInt64), 8)
		sink += fwimpl.KeyGroup(fwimpl.AppendTime(buf[:0], time.Unix(1700000000, 5)), 8)
	})
	if n != 0 {
		t.Errorf("%v allocations per run, want 0", n)
	}
	_ = sink
}
