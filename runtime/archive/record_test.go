package archive_test

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"hash/crc32"
	"strings"
	"testing"

	"github.com/fwgo/fw/runtime/archive"
	"github.com/fwgo/fw/runtime/archive/archivetest"
)

// goldenRecord pins the record format (version 2, bound to the zero key):
// stored workspaces must stay readable.
const goldenRecord = "6677726302030547726565740605776f726c6405477265657400054275696c7401fff9b8bba5"

// goldenRecordV1 is the same record in format version 1, whose checksum did
// not cover the key: it must read as corrupt (a miss), never as a record.
const goldenRecordV1 = "6677726301030547726565740605776f726c6405477265657400054275696c7401ff6f665a71"

func TestOldFormatRecordIsCorrupt(t *testing.T) {
	old, _ := hex.DecodeString(goldenRecordV1)
	if _, err := archive.DecodeRecord(old); !errors.Is(err, archive.ErrCorrupt) || !strings.Contains(err.Error(), "version 1") {
		t.Fatalf("DecodeRecord(version 1) = %v; want ErrCorrupt naming the version", err)
	}
	if err := archive.CheckRecordFor(archive.Key{}, old); !errors.Is(err, archive.ErrCorrupt) {
		t.Fatalf("CheckRecordFor(version 1) = %v; want ErrCorrupt", err)
	}
}

// A valid record stored under another key (what a damaged value pointer or a
// misplaced write would give) reads as corrupt: the checksum covers the key.
func TestRecordUnderAnotherKeyIsCorrupt(t *testing.T) {
	rec := archivetest.Record(7, 3)
	k1, k2 := archivetest.Key(1), archivetest.Key(2)
	enc := archive.EncodeRecordFor(k1, rec)
	if got, err := archive.DecodeRecordFor(k1, enc); err != nil || !got.Equal(rec) {
		t.Fatalf("DecodeRecordFor(own key) = %v, %v", got, err)
	}
	if _, err := archive.DecodeRecordFor(k2, enc); !errors.Is(err, archive.ErrCorrupt) {
		t.Fatalf("DecodeRecordFor(other key) = %v; want ErrCorrupt", err)
	}
	if err := archive.CheckRecordFor(k2, enc); !errors.Is(err, archive.ErrCorrupt) {
		t.Fatalf("CheckRecordFor(other key) = %v; want ErrCorrupt", err)
	}
	if _, err := archive.DecodeRecord(enc); !errors.Is(err, archive.ErrCorrupt) {
		t.Fatalf("DecodeRecord(keyed) = %v; want ErrCorrupt", err)
	}
}

func TestGoldenRecord(t *testing.T) {
	rec := archive.Record{Emissions: []archive.Emission{
		{Name: "Greet", Data: []byte("\x05world")},
		{Name: "Greet", Data: nil},
		{Name: "Built", Data: []byte{0xff}},
	}}
	got := archive.EncodeRecord(rec)
	if hex.EncodeToString(got) != goldenRecord {
		t.Fatalf("encoding = %x, golden %s", got, goldenRecord)
	}
	if len(got) != rec.EncodedLen() {
		t.Fatalf("EncodedLen = %d, encoding has %d bytes", rec.EncodedLen(), len(got))
	}
	back, err := archive.DecodeRecord(got)
	if err != nil || !back.Equal(rec) {
		t.Fatalf("DecodeRecord = %+v, %v", back, err)
	}
}

func TestRecordRoundTrip(t *testing.T) {
	recs := []archive.Record{
		{},
		{Emissions: []archive.Emission{}},
		{Emissions: []archive.Emission{{}}},
		{Emissions: []archive.Emission{{Name: "", Data: []byte{}}, {Name: "x", Data: nil}}},
		{Emissions: []archive.Emission{{Name: strings.Repeat("n", 300), Data: bytes.Repeat([]byte{7}, 70000)}}},
		archivetest.Record(1, 1),
		archivetest.Record(2, 1000),
	}
	for i, rec := range recs {
		enc := archive.EncodeRecord(rec)
		if len(enc) != rec.EncodedLen() || cap(enc) != len(enc) {
			t.Errorf("record %d: EncodedLen %d, len %d, cap %d", i, rec.EncodedLen(), len(enc), cap(enc))
		}
		if app := archive.AppendRecord([]byte("prefix"), rec); !bytes.Equal(app[6:], enc) {
			t.Errorf("record %d: AppendRecord after a prefix differs", i)
		}
		got, err := archive.DecodeRecord(enc)
		if err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		if !got.Equal(rec) {
			t.Fatalf("record %d: round trip differs", i)
		}
		if got.Emissions == nil {
			t.Errorf("record %d: decoded Emissions is nil", i)
		}
	}
}

// TestRecordCorruption: every value of every byte other than the original, and
// every truncation and extension, is detected.
func TestRecordCorruption(t *testing.T) {
	for _, tc := range []struct {
		rec    archive.Record
		values int // how many of the 255 other values of each byte to try
	}{
		{archive.Record{}, 255},
		{archive.Record{Emissions: []archive.Emission{{Name: "Greet", Data: []byte("\x05world")}, {Name: "Built"}}}, 255},
		{archivetest.Record(3, 2), 255},
		{archivetest.Record(3, 8), 8}, // 1.2 KiB
	} {
		rec := tc.rec
		enc := archive.EncodeRecord(rec)
		check := func(what string, i int, data []byte) {
			t.Helper()
			got, err := archive.DecodeRecord(data)
			if !errors.Is(err, archive.ErrCorrupt) {
				t.Fatalf("%s %d: DecodeRecord = %d emissions, %v; want ErrCorrupt", what, i, len(got.Emissions), err)
			}
			if got.Emissions != nil {
				t.Fatalf("%s %d: a failed decode returned emissions", what, i)
			}
			if err := archive.CheckRecord(data); !errors.Is(err, archive.ErrCorrupt) {
				t.Fatalf("%s %d: CheckRecord = %v; want ErrCorrupt", what, i, err)
			}
		}
		buf := make([]byte, len(enc))
		for i := range enc {
			for d := range tc.values {
				copy(buf, enc)
				buf[i] ^= byte(1 + d*255/tc.values) // never 0: always a change
				check("changed byte", i, buf)
			}
		}
		for n := range len(enc) {
			check("truncated to", n, enc[:n])
		}
		for i, tail := range [][]byte{{0}, {1, 2, 3, 4}, enc} {
			check("extension", i, append(bytes.Clone(enc), tail...))
		}
	}
}

// A record re-encoded from a valid checksum but another structure: the parser
// rejects wrong counts and lengths even when the checksum matches.
func TestRecordStructureBehindValidChecksum(t *testing.T) {
	reseal := func(body []byte) []byte {
		tab := crc32.MakeTable(crc32.Castagnoli)
		// sealed for the zero key, as EncodeRecord seals
		return binary.BigEndian.AppendUint32(body, crc32.Update(crc32.Checksum(make([]byte, len(archive.Key{})), tab), tab, body))
	}
	cases := map[string][]byte{
		"count too large": reseal([]byte("fwrc\x02\x05\x00\x00")),
		"bad length":      reseal([]byte("fwrc\x02\x01\x05ab")),
		"trailing":        reseal([]byte("fwrc\x02\x00\x00")),
		"bad version":     reseal([]byte("fwrc\x03\x00")),
		"bad magic":       reseal([]byte("fwrC\x02\x00")),
		"bad count":       reseal([]byte("fwrc\x02\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff")),
	}
	for name, data := range cases {
		if _, err := archive.DecodeRecord(data); !errors.Is(err, archive.ErrCorrupt) {
			t.Errorf("%s: %v", name, err)
		}
		if err := archive.CheckRecord(data); !errors.Is(err, archive.ErrCorrupt) {
			t.Errorf("%s: CheckRecord: %v", name, err)
		}
	}
	// and the same sealing of a valid body decodes
	if _, err := archive.DecodeRecord(reseal([]byte("fwrc\x02\x01\x01a\x00"))); err != nil {
		t.Fatalf("valid resealed body: %v", err)
	}
}

func FuzzDecodeRecord(f *testing.F) {
	f.Add(archive.EncodeRecord(archive.Record{}))
	f.Add(archive.EncodeRecord(archivetest.Record(1, 3)))
	f.Add([]byte("fwrc\x02\x01\x01a\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rec, err := archive.DecodeRecord(data)
		cerr := archive.CheckRecord(data)
		if (err == nil) != (cerr == nil) || err != nil && err.Error() != cerr.Error() {
			t.Fatalf("DecodeRecord: %v; CheckRecord: %v", err, cerr)
		}
		var walked []archive.Emission
		werr := archive.WalkRecord(data, func(i int, name, data []byte) error {
			walked = append(walked, archive.Emission{Name: string(name), Data: data})
			return nil
		})
		if err != nil {
			if !errors.Is(err, archive.ErrCorrupt) {
				t.Fatalf("error does not wrap ErrCorrupt: %v", err)
			}
			return
		}
		if werr != nil || !(archive.Record{Emissions: walked}).Equal(rec) {
			t.Fatalf("WalkRecord = %v, %v; DecodeRecord = %v", walked, werr, rec)
		}
		if enc := archive.EncodeRecord(rec); !bytes.Equal(enc, data) {
			t.Fatalf("decoded record re-encodes differently:\n%x\n%x", data, enc)
		}
	})
}

func TestRecordClone(t *testing.T) {
	rec := archivetest.Record(4, 5)
	c := rec.Clone()
	if !c.Equal(rec) {
		t.Fatal("clone differs")
	}
	c.Emissions[0].Data[0] ^= 1
	if c.Equal(rec) {
		t.Fatal("clone shares memory")
	}
	if archive.Record.Clone(archive.Record{}).Emissions != nil {
		t.Fatal("clone of an empty record")
	}
}

// The key's seal is the CRC-32C of the key, computed without crc32 (see
// sealKey): a record sealed by hand with crc32 decodes.
func TestSealKeyIsCRC32C(t *testing.T) {
	tab := crc32.MakeTable(crc32.Castagnoli)
	rec := archivetest.Record(3, 2)
	for i := range 50 {
		k := archivetest.Key(i)
		body := archive.EncodeRecordFor(k, rec)
		body = body[:len(body)-4]
		sealed := binary.BigEndian.AppendUint32(bytes.Clone(body), crc32.Update(crc32.Checksum(k[:], tab), tab, body))
		if _, err := archive.DecodeRecordFor(k, sealed); err != nil {
			t.Fatalf("key %d: %v", i, err)
		}
	}
	k1 := archivetest.Key(1)
	if n := testing.AllocsPerRun(100, func() {
		if err := archive.CheckRecordFor(k1, sealedRecord); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Fatalf("CheckRecordFor allocates %v times", n)
	}
}

var sealedRecord = archive.EncodeRecordFor(archivetest.Key(1), archivetest.Record(3, 2))
