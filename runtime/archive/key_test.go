package archive_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"testing"

	"github.com/fwgo/fw/generated/greeter"
	"github.com/fwgo/fw/runtime/archive"
	"github.com/fwgo/fw/runtime/fwimpl"
)

// The golden values below pin the key schema and the canonical encoding. If one
// of these tests fails, a change altered every cache key (stored workspaces
// would silently miss) or the canonical encoding. If the change is intended,
// bump archive.KeySchemaVersion (for a key layout change) and update the values.

var goldenSpec = archive.KeySpec{
	Processor:   "Greeter",
	Version:     2,
	Fingerprint: archive.Fingerprint("processor Greeter { on Start -> Greet }", "event Start { who: string }", "event Greet { who: string }"),
	Salt:        []byte("salt"),
}

const (
	goldenFingerprint = "c72896529612c3191ab07737e792f090359b2758fe6245bbb72ebe12a54271f7"
	// key of greeter.Start{Who: "world"}, the quickstart's event
	goldenGreeterKey = "7559d7ebb53842f6095f979a0e8db0966c9c614901fa239f8d4c70ea0b13875f"
	// canonical encoding of one value of every field kind (see primitiveInput)
	goldenPrimitiveInput = "0668c3a96c6c6f8eda960105400a00000000000080000000000000000104000102ffac02"
	goldenPrimitiveKey   = "986ff8f79ec828106e5b5ae051e4e27a9b877a9099e4fb125629b6b6a24fac92"
)

// primitiveInput is the canonical encoding of an event with one field of every
// kind, in declaration order: string, int, negative int, float, -0.0, bool,
// bytes, enum.
func primitiveInput() []byte {
	b := fwimpl.AppendString(nil, "héllo")
	b = fwimpl.AppendInt(b, 1234567)
	b = fwimpl.AppendInt(b, -3)
	b = fwimpl.AppendFloat(b, 3.25)
	b = fwimpl.AppendFloat(b, negZero())
	b = fwimpl.AppendBool(b, true)
	b = fwimpl.AppendBytes(b, []byte{0, 1, 2, 255})
	b = fwimpl.AppendUint(b, 300)
	return b
}

func negZero() float64 {
	z := 0.0
	return -z
}

func TestGoldenKeys(t *testing.T) {
	fp := goldenSpec.Fingerprint
	if got := hex.EncodeToString(fp[:]); got != goldenFingerprint {
		t.Errorf("Fingerprint = %s, golden %s", got, goldenFingerprint)
	}
	k, err := goldenSpec.KeyOf(greeter.Start{Who: "world"})
	if err != nil {
		t.Fatal(err)
	}
	if k.String() != goldenGreeterKey {
		t.Errorf("key of greeter.Start{world} = %s, golden %s", k, goldenGreeterKey)
	}
	in := primitiveInput()
	if got := hex.EncodeToString(in); got != goldenPrimitiveInput {
		t.Errorf("canonical encoding changed: %s, golden %s", got, goldenPrimitiveInput)
	}
	if got := goldenSpec.Key(in).String(); got != goldenPrimitiveKey {
		t.Errorf("key of the primitive input = %s, golden %s", got, goldenPrimitiveKey)
	}
}

// TestKeyPreimage rebuilds the preimage by hand, byte by byte, as the package
// documentation describes it.
func TestKeyPreimage(t *testing.T) {
	input := []byte("\x05world")
	var pre []byte
	pre = append(pre, 8)
	pre = append(pre, "fw/cache"...)
	pre = append(pre, 1) // key schema version
	pre = append(pre, 7)
	pre = append(pre, "Greeter"...)
	pre = append(pre, 4) // zigzag varint of 2
	pre = append(pre, goldenSpec.Fingerprint[:]...)
	pre = append(pre, 4)
	pre = append(pre, "salt"...)
	pre = append(pre, byte(len(input)))
	pre = append(pre, input...)
	want := archive.Key(sha256.Sum256(pre))
	if got := goldenSpec.Key(input); got != want {
		t.Fatalf("Key = %s, hand-built preimage gives %s", got, want)
	}

	var fpre []byte
	fpre = append(fpre, 14)
	fpre = append(fpre, "fw/fingerprint"...)
	fpre = append(fpre, 2, 1, 'a', 0)
	if got, want := archive.Fingerprint("a", ""), sha256.Sum256(fpre); got != want {
		t.Fatalf("Fingerprint = %x, hand-built preimage gives %x", got, want)
	}
}

func TestEveryKeyFieldMatters(t *testing.T) {
	base := goldenSpec
	input := []byte("\x05world")
	k0 := base.Key(input)
	variants := map[string]func(s *archive.KeySpec, in *[]byte){
		"processor":   func(s *archive.KeySpec, _ *[]byte) { s.Processor = "Greeter2" },
		"version":     func(s *archive.KeySpec, _ *[]byte) { s.Version = 3 },
		"version -2":  func(s *archive.KeySpec, _ *[]byte) { s.Version = -2 },
		"fingerprint": func(s *archive.KeySpec, _ *[]byte) { s.Fingerprint[31] ^= 1 },
		"salt":        func(s *archive.KeySpec, _ *[]byte) { s.Salt = []byte("salu") },
		"no salt":     func(s *archive.KeySpec, _ *[]byte) { s.Salt = nil },
		"input":       func(_ *archive.KeySpec, in *[]byte) { *in = []byte("\x05worle") },
		"empty input": func(_ *archive.KeySpec, in *[]byte) { *in = nil },
		// field boundaries: moving bytes between adjacent fields changes the key
		"salt/input": func(s *archive.KeySpec, in *[]byte) {
			s.Salt = []byte("salt\x06\x05worl")
			*in = []byte("d")
		},
	}
	seen := map[archive.Key]string{k0: "base"}
	for name, change := range variants {
		s := base
		s.Salt = bytes.Clone(base.Salt)
		in := bytes.Clone(input)
		change(&s, &in)
		k := s.Key(in)
		if prev, dup := seen[k]; dup {
			t.Errorf("variant %q has the same key as %q", name, prev)
		}
		seen[k] = name
	}
	// nil and empty salts are the same
	a, b := base, base
	a.Salt, b.Salt = nil, []byte{}
	if a.Key(input) != b.Key(input) {
		t.Error("nil and empty salts give different keys")
	}
	// the key does not depend on the spec's memory
	if base.Key(input) != k0 {
		t.Error("Key is not a function of its arguments")
	}
}

func TestFingerprintParts(t *testing.T) {
	cases := [][]string{nil, {""}, {"", ""}, {"ab", "c"}, {"a", "bc"}, {"abc"}}
	seen := map[[32]byte]int{}
	for i, parts := range cases {
		fp := archive.Fingerprint(parts...)
		if j, dup := seen[fp]; dup {
			t.Errorf("Fingerprint(%q) == Fingerprint(%q)", parts, cases[j])
		}
		seen[fp] = i
	}
}

type failingEvent struct{}

func (failingEvent) AppendBinary(b []byte) ([]byte, error) { return b, errors.New("boom") }

func TestKeyOf(t *testing.T) {
	ev := greeter.Start{Who: "world"}
	in, _ := ev.AppendBinary(nil)
	k, err := goldenSpec.KeyOf(ev)
	if err != nil || k != goldenSpec.Key(in) {
		t.Fatalf("KeyOf = %s, %v; Key of AppendBinary = %s", k, err, goldenSpec.Key(in))
	}
	if _, err := goldenSpec.KeyOf(failingEvent{}); err == nil {
		t.Fatal("KeyOf ignored an encoding error")
	}
}

func TestParseKey(t *testing.T) {
	k := goldenSpec.Key([]byte("x"))
	got, err := archive.ParseKey(k.String())
	if err != nil || got != k {
		t.Fatalf("ParseKey(String()) = %s, %v", got, err)
	}
	for _, bad := range []string{"", "00", k.String()[:63] + "g", k.String() + "00"} {
		if _, err := archive.ParseKey(bad); err == nil {
			t.Errorf("ParseKey(%q) succeeded", bad)
		}
	}
}

func TestKeyDoesNotAllocate(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("allocation counts are checked in full runs without the race detector")
	}
	in := primitiveInput()
	ev := greeter.Start{Who: "world"}
	if n := testing.AllocsPerRun(100, func() { goldenSpec.Key(in) }); n != 0 {
		t.Errorf("Key: %v allocations", n)
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = goldenSpec.KeyOf(ev) }); n > 1 {
		t.Errorf("KeyOf: %v allocations", n)
	}
}

// TestKeyerMatchesKey: a Keyer gives KeySpec.Key's keys, also with a salt and
// for an empty or a long input.
func TestKeyerMatchesKey(t *testing.T) {
	salted := goldenSpec
	salted.Salt = []byte("salt")
	long := bytes.Repeat([]byte("x"), 100_000)
	for _, spec := range []archive.KeySpec{goldenSpec, salted, {}} {
		ky := spec.Keyer()
		for _, in := range [][]byte{nil, primitiveInput(), long} {
			if got, want := ky.Key(in), spec.Key(in); got != want {
				t.Errorf("%+v: Keyer.Key(%d bytes) = %s, KeySpec.Key = %s", spec, len(in), got, want)
			}
		}
	}
	if got := goldenSpec.Keyer().Key(primitiveInput()).String(); got != goldenPrimitiveKey {
		t.Errorf("Keyer.Key = %s, want the golden %s", got, goldenPrimitiveKey)
	}
}

func BenchmarkKeyer(b *testing.B) {
	in := primitiveInput()
	ky := goldenSpec.Keyer()
	b.ReportAllocs()
	for b.Loop() {
		ky.Key(in)
	}
}
