package cache

import (
	"bytes"
	"encoding/hex"
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/fwgo/fw/runtime/fwimpl"
	fwreactive "github.com/fwgo/fw/runtime/reactive"
)

var _ fwimpl.Codec = (*fwDispatcher)(nil)

// gen makes random values of every type of the package, with the edge cases
// of each field type often; nan records whether it made a NaN (reflect.DeepEqual
// cannot compare those).
type gen struct {
	r   *rand.Rand
	nan bool
}

func (g *gen) str() string {
	b := make([]byte, g.r.IntN(6))
	for i := range b {
		b[i] = byte(g.r.IntN(256)) // not always UTF-8
	}
	return string(b)
}

func (g *gen) bytes() []byte {
	if g.r.IntN(3) == 0 {
		return nil // what the decoder gives for an empty value
	}
	return []byte(g.str() + "x")
}

func (g *gen) int() int64 {
	switch g.r.IntN(5) {
	case 0:
		return []int64{0, -1, 1, math.MinInt64, math.MaxInt64}[g.r.IntN(5)]
	case 1:
		return int64(g.r.Uint64())
	}
	return g.r.Int64N(1000) - 500
}

func (g *gen) float() float64 {
	switch g.r.IntN(4) {
	case 0:
		v := []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.MaxFloat64, math.SmallestNonzeroFloat64}
		return v[g.r.IntN(len(v))]
	case 1:
		g.nan = true
		return math.Float64frombits(0x7ff0000000000001 | g.r.Uint64()&0x800fffffffffffff) // any NaN payload and sign
	}
	return g.r.NormFloat64() * 100
}

func (g *gen) level() Level { return Level(g.r.IntN(3)) }

func (g *gen) reading() Reading {
	return Reading{Sensor: g.str(), Value: g.float(), At: g.int(), Level: g.level(), Ok: g.r.IntN(2) == 1, Raw: g.bytes()}
}

func (g *gen) n() int { return g.r.IntN(4) }

func (g *gen) readings() []Reading {
	var v []Reading
	for range g.n() {
		v = append(v, g.reading())
	}
	return v
}

func (g *gen) group() fwreactive.Group[string, Reading] {
	return fwreactive.Group[string, Reading]{Key: g.str(), Items: g.readings()}
}

// value returns a random payload of kind k, as a message carries it.
func (g *gen) value(k fwimpl.Kind) any {
	switch k {
	case fwKindAlert:
		return &Alert{Sensor: g.str(), Level: g.level(), Raw: g.bytes()}
	case fwKindNormal:
		return &Normal{Sensor: g.str(), Value: g.float()}
	case fwKindReading, fwBuiltReadings:
		v := g.reading()
		return &v
	case fwKindTick, fwBuiltTicks:
		return &Tick{}
	case fwBuiltAll:
		v := g.readings()
		return &v
	case fwBuiltAllTicks:
		v := make([]Tick, g.r.IntN(300)) // nil when empty, as decoded
		if len(v) == 0 {
			v = nil
		}
		return &v
	case fwBuiltBatches:
		var v []fwreactive.Group[string, Reading]
		for range g.n() {
			v = append(v, g.group())
		}
		return &v
	case fwBuiltByLevel:
		v := fwreactive.Group[Level, float64]{Key: g.level()}
		for range g.n() {
			v.Items = append(v.Items, g.float())
		}
		return &v
	case fwBuiltBySensor:
		v := g.group()
		return &v
	case fwBuiltFlags:
		v := g.r.IntN(2) == 1
		return &v
	case fwBuiltLevels:
		v := g.level()
		return &v
	case fwBuiltRaw:
		v := g.bytes()
		return &v
	case fwBuiltScaled:
		v := g.float()
		return &v
	case fwBuiltSummary:
		v := g.int()
		return &v
	}
	return nil // resolve requests
}

// kinds returns every kind of the package: events, built artifacts, resolve requests.
func kinds() []fwimpl.Kind {
	n := len(fwProgram.Events) + 2*len(fwProgram.Targets)
	ks := make([]fwimpl.Kind, n)
	for i := range ks {
		ks[i] = fwimpl.Kind(i)
	}
	return ks
}

func TestCodecRoundTrip(t *testing.T) {
	d := &fwDispatcher{}
	g := &gen{r: rand.New(rand.NewPCG(1, 2))}
	for _, k := range kinds() {
		for range 300 {
			g.nan = false
			v := g.value(k)
			enc, err := d.AppendMsg([]byte("prefix"), fwimpl.Msg{Kind: k, Ev: v})
			if err != nil {
				t.Fatalf("kind %d: AppendMsg(%#v): %v", k, v, err)
			}
			if string(enc[:6]) != "prefix" {
				t.Fatalf("kind %d: AppendMsg did not append", k)
			}
			enc = enc[6:]
			m, err := d.DecodeMsg(k, enc)
			if err != nil {
				t.Fatalf("kind %d: DecodeMsg(%x) of %#v: %v", k, enc, v, err)
			}
			if m.Kind != k {
				t.Fatalf("kind %d decoded as %d", k, m.Kind)
			}
			again, err := d.AppendMsg(nil, m)
			if err != nil || !bytes.Equal(again, enc) {
				t.Fatalf("kind %d: %#v encodes to %x, decodes to %#v, which encodes to %x (%v)", k, v, enc, m.Ev, again, err)
			}
			if !g.nan && !reflect.DeepEqual(m.Ev, v) {
				t.Fatalf("kind %d: %#v decodes to %#v", k, v, m.Ev)
			}
			if v == nil && (m.Ev != nil || len(enc) != 0) {
				t.Fatalf("resolve kind %d: encoding %x, payload %#v", k, enc, m.Ev)
			}
		}
	}
}

// TestCodecEncodings pins the canonical encodings byte by byte.
func TestCodecEncodings(t *testing.T) {
	d := &fwDispatcher{}
	negZero := math.Copysign(0, -1)
	r := Reading{Sensor: "ab", Value: negZero, At: -2, Level: LevelHIGH, Ok: true, Raw: []byte{7}}
	rHex := "026162" + "8000000000000000" + "03" + "02" + "01" + "0107"
	for _, c := range []struct {
		kind fwimpl.Kind
		v    any
		hex  string
	}{
		{fwKindReading, &r, rHex},
		{fwBuiltReadings, &r, rHex},
		{fwKindTick, &Tick{}, ""},
		{fwBuiltTicks, &Tick{}, ""},
		{fwBuiltAllTicks, &[]Tick{{}, {}, {}}, "03"},
		{fwBuiltAll, &[]Reading{r, r}, "02" + rHex + rHex},
		{fwBuiltAll, &[]Reading{}, "00"},
		{fwBuiltBySensor, &fwreactive.Group[string, Reading]{Key: "k", Items: []Reading{r}}, "016b" + "01" + rHex},
		{fwBuiltBatches, &[]fwreactive.Group[string, Reading]{{Key: "", Items: nil}, {Key: "k", Items: []Reading{r}}}, "02" + "00" + "00" + "016b" + "01" + rHex},
		{fwBuiltByLevel, &fwreactive.Group[Level, float64]{Key: LevelMID, Items: []float64{1, math.NaN()}}, "01" + "02" + "3ff0000000000000" + "7ff8000000000001"},
		{fwBuiltFlags, new(false), "00"},
		{fwBuiltLevels, new(LevelMID), "01"},
		{fwBuiltRaw, &[]byte{1, 2}, "020102"},
		{fwBuiltScaled, new(1.5), "3ff8000000000000"},
		{fwBuiltSummary, new(int64(-65)), "8101"},
		{fwResolveSummary, nil, ""},
	} {
		got, err := d.AppendMsg(nil, fwimpl.Msg{Kind: c.kind, Ev: c.v})
		if err != nil || hex.EncodeToString(got) != c.hex {
			t.Errorf("kind %d: %#v encodes to %x (%v), want %s", c.kind, c.v, got, err, c.hex)
		}
	}
}

func TestCodecErrors(t *testing.T) {
	d := &fwDispatcher{}
	if _, err := d.AppendMsg(nil, fwimpl.Msg{Kind: fwKindReading, Ev: &Normal{}}); err == nil {
		t.Error("AppendMsg of a Normal as a Reading succeeded")
	}
	if _, err := d.AppendMsg(nil, fwimpl.Msg{Kind: 1000}); err == nil {
		t.Error("AppendMsg of an unknown kind succeeded")
	}
	if _, err := d.DecodeMsg(1000, nil); err == nil {
		t.Error("DecodeMsg of an unknown kind succeeded")
	}
	for _, c := range []struct {
		kind fwimpl.Kind
		hex  string
	}{
		{fwKindNormal, "0161"},                  // truncated: no value
		{fwKindTick, "00"},                      // trailing data
		{fwBuiltAll, "05"},                      // five readings promised, none there
		{fwBuiltAll, "ffffffffffffffffff01"},    // a huge length must not allocate
		{fwBuiltAllTicks, "ffffffffffffffff7f"}, // too many empty items
		{fwBuiltBySensor, "016b02"},             // group items missing
		{fwBuiltFlags, "02"},                    // not a bool
		{fwBuiltScaled, "3ff0"},                 // short float
		{fwResolveAll, "00"},                    // a resolve request has no payload
	} {
		data, _ := hex.DecodeString(c.hex)
		if m, err := d.DecodeMsg(c.kind, data); !errors.Is(err, fwimpl.ErrEncoding) {
			t.Errorf("kind %d: DecodeMsg(%s) = %#v, %v; want an fwimpl.ErrEncoding", c.kind, c.hex, m, err)
		}
	}
}

// FuzzDecodeMsg checks that no data makes DecodeMsg panic, and that what it
// decodes re-encodes to a fixed point.
func FuzzDecodeMsg(f *testing.F) {
	d := &fwDispatcher{}
	g := &gen{r: rand.New(rand.NewPCG(3, 4))}
	for _, k := range kinds() {
		enc, _ := d.AppendMsg(nil, fwimpl.Msg{Kind: k, Ev: g.value(k)})
		f.Add(uint8(k), enc)
	}
	f.Fuzz(func(t *testing.T, k uint8, data []byte) {
		kind := fwimpl.Kind(int(k) % len(kinds()))
		m, err := d.DecodeMsg(kind, data)
		if err != nil {
			return
		}
		enc, err := d.AppendMsg(nil, m)
		if err != nil {
			t.Fatalf("kind %d: %x decodes to %#v, which does not encode: %v", kind, data, m.Ev, err)
		}
		m2, err := d.DecodeMsg(kind, enc)
		if err != nil {
			t.Fatalf("kind %d: re-encoding %x does not decode: %v", kind, enc, err)
		}
		if again, _ := d.AppendMsg(nil, m2); !bytes.Equal(again, enc) {
			t.Fatalf("kind %d: %x re-encodes to %x, then %x", kind, data, enc, again)
		}
	})
}

// TestFingerprintPinned catches an accidental change of the fingerprint (its
// parts or their layout), which would silently invalidate every archive: a
// deliberate change updates the value here.
func TestFingerprintPinned(t *testing.T) {
	const want = "71633c32438171c842d349b82792d7070b44b84823497e28b3bbca8796088faf"
	for _, p := range fwProgram.Procs {
		if p.Name != "Classify" {
			continue
		}
		if !p.Cached || p.Version != 1 {
			t.Errorf("Classify: cached %v, version %d", p.Cached, p.Version)
		}
		if got := hex.EncodeToString(p.Fingerprint[:]); got != want {
			t.Errorf("Classify's fingerprint is %s, want %s", got, want)
		}
		return
	}
	t.Fatal("no processor Classify")
}

func TestFingerprints(t *testing.T) {
	want := map[string]bool{"Classify": true, "Readings": true, "Scaled": true, "Raw": true, "Levels": true, "Summary": true}
	seen := map[[32]byte]string{}
	for _, p := range fwProgram.Procs {
		has := p.Fingerprint != [32]byte{}
		if has != want[p.Name] {
			t.Errorf("%s: fingerprint %x, want one: %v", p.Name, p.Fingerprint, want[p.Name])
		}
		if p.Persist != (want[p.Name] && p.Builder) {
			t.Errorf("%s: persist %v", p.Name, p.Persist)
		}
		if !has {
			continue
		}
		if other, ok := seen[p.Fingerprint]; ok {
			t.Errorf("%s and %s have the same fingerprint", p.Name, other)
		}
		seen[p.Fingerprint] = p.Name
	}
}
