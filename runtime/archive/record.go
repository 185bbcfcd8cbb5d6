package archive

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
)

// Emission is one recorded emission: the event's stable name and its canonical
// binary encoding.
type Emission struct {
	Name string
	Data []byte
}

// Record is what a cache hit replays: the emissions of one successful call, in
// emission order. A call that emitted nothing has an empty record, which is a
// hit all the same.
type Record struct {
	Emissions []Emission
}

// Equal reports whether r and o hold the same emissions, byte for byte, in the
// same order.
func (r Record) Equal(o Record) bool {
	if len(r.Emissions) != len(o.Emissions) {
		return false
	}
	for i, e := range r.Emissions {
		f := o.Emissions[i]
		if e.Name != f.Name || !bytes.Equal(e.Data, f.Data) {
			return false
		}
	}
	return true
}

// Clone returns a deep copy of r, sharing no memory with it.
func (r Record) Clone() Record {
	if r.Emissions == nil {
		return Record{}
	}
	n := 0
	for _, e := range r.Emissions {
		n += len(e.Data)
	}
	buf := make([]byte, 0, n)
	out := make([]Emission, len(r.Emissions))
	for i, e := range r.Emissions {
		start := len(buf)
		buf = append(buf, e.Data...)
		out[i] = Emission{Name: e.Name, Data: buf[start:len(buf):len(buf)]}
	}
	return Record{Emissions: out}
}

// recordMagic starts every encoded record.
const recordMagic = "fwrc"

// RecordFormatVersion is the version byte after the magic. Version 2's
// checksum covers the key the record is stored under (version 1's did not):
// a record of version 1 reads as corrupt, a miss that is recomputed and
// rewritten.
const RecordFormatVersion = 2

const (
	recordHeaderLen  = len(recordMagic) + 1
	recordTrailerLen = 4
	// minRecordLen is the size of an empty record: header, count 0, checksum.
	minRecordLen = recordHeaderLen + 1 + recordTrailerLen
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// ErrCorrupt reports an archive entry that is not a whole, well-formed record.
var ErrCorrupt = errors.New("fw: corrupt archive record")

func corrupt(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrCorrupt}, args...)...)
}

// EncodedLen returns the length of r's encoding.
func (r Record) EncodedLen() int {
	n := recordHeaderLen + uvarintLen(uint64(len(r.Emissions))) + recordTrailerLen
	for _, e := range r.Emissions {
		n += uvarintLen(uint64(len(e.Name))) + len(e.Name) + uvarintLen(uint64(len(e.Data))) + len(e.Data)
	}
	return n
}

func uvarintLen(v uint64) int {
	n := 1
	for v >= 0x80 {
		v >>= 7
		n++
	}
	return n
}

// sealKey is the CRC-32C of a key (crc32.Checksum(k[:], castagnoli)): the
// checksum of a record stored under it starts from there, so the checksum
// covers the key. It is computed a byte at a time with the table, not with
// crc32.Checksum, which would make every key it is given escape to the heap
// (an allocation per record read).
func sealKey(k *Key) uint32 {
	c := ^uint32(0)
	for _, b := range k {
		c = castagnoli[byte(c)^b] ^ c>>8
	}
	return ^c
}

// AppendRecord appends the encoding of r, bound to no key (the zero Key), to
// b. Archives store records with AppendRecordFor.
func AppendRecord(b []byte, r Record) []byte { return AppendRecordFor(b, Key{}, r) }

// AppendRecordFor appends the encoding of r stored under k to b: its
// checksum covers k, so the encoding read under another key is corrupt.
func AppendRecordFor(b []byte, k Key, r Record) []byte {
	start := len(b)
	b = append(b, recordMagic...)
	b = append(b, RecordFormatVersion)
	b = binary.AppendUvarint(b, uint64(len(r.Emissions)))
	for _, e := range r.Emissions {
		b = binary.AppendUvarint(b, uint64(len(e.Name)))
		b = append(b, e.Name...)
		b = binary.AppendUvarint(b, uint64(len(e.Data)))
		b = append(b, e.Data...)
	}
	return binary.BigEndian.AppendUint32(b, crc32.Update(sealKey(&k), castagnoli, b[start:]))
}

// EncodeRecord returns the encoding of r bound to no key (the zero Key) in a
// new slice of exactly its length.
func EncodeRecord(r Record) []byte { return EncodeRecordFor(Key{}, r) }

// EncodeRecordFor returns the encoding of r stored under k in a new slice of
// exactly its length.
func EncodeRecordFor(k Key, r Record) []byte {
	return AppendRecordFor(make([]byte, 0, r.EncodedLen()), k, r)
}

// DecodeRecord decodes a record encoded by EncodeRecord (bound to no key).
func DecodeRecord(data []byte) (Record, error) { return DecodeRecordFor(Key{}, data) }

// DecodeRecordFor decodes a record stored under k. The Data of each emission
// aliases data (no copy), so data must not be modified while the record is in
// use. Any damage (wrong magic or version, a checksum mismatch, which includes
// a record encoded for another key, truncation, trailing bytes, bad lengths)
// gives an error wrapping ErrCorrupt.
func DecodeRecordFor(k Key, data []byte) (Record, error) {
	var d RecordDecoder
	return d.DecodeFor(k, data)
}

// checkSeal checks the length, the version and the checksum of a record
// stored under k and returns its body (without the checksum).
func checkSeal(k *Key, data []byte) ([]byte, error) {
	if len(data) < minRecordLen {
		return nil, corrupt("%d bytes, shorter than any record", len(data))
	}
	body := data[:len(data)-recordTrailerLen]
	if string(body[:len(recordMagic)]) == recordMagic && body[len(recordMagic)] != RecordFormatVersion {
		// An older (or newer) format: its checksum is not this one's.
		return nil, corrupt("record format version %d, this fw reads %d", body[len(recordMagic)], RecordFormatVersion)
	}
	want := binary.BigEndian.Uint32(data[len(body):])
	if got := crc32.Update(sealKey(k), castagnoli, body); got != want {
		return nil, corrupt("checksum %08x, want %08x (damaged, or stored under another key)", got, want)
	}
	if string(body[:len(recordMagic)]) != recordMagic {
		return nil, corrupt("bad magic %q", body[:len(recordMagic)])
	}
	return body, nil
}

// RecordDecoder decodes many records with fewer allocations than DecodeRecord:
// their emission lists are carved out of shared blocks, and the names they
// repeat are shared strings. The records it returns are DecodeRecord's
// (their Data alias the decoded bytes). The zero value is ready to use; it is
// not safe for concurrent use.
type RecordDecoder struct {
	names  [8]string // names seen, reused
	nnames int
	slab   []Emission // free room for the next records' emissions
	many   bool       // a record was decoded: the next ones share slabs
}

// slabLen is how many emissions a RecordDecoder allocates at once.
const slabLen = 256

// Decode decodes one encoded record, as DecodeRecord does.
func (d *RecordDecoder) Decode(data []byte) (Record, error) { return d.DecodeFor(Key{}, data) }

// DecodeFor decodes one record stored under k, as DecodeRecordFor does.
func (d *RecordDecoder) DecodeFor(key Key, data []byte) (Record, error) {
	body, err := checkSeal(&key, data)
	if err != nil {
		return Record{}, err
	}
	off := recordHeaderLen
	count, k := binary.Uvarint(body[off:])
	if k <= 0 {
		return Record{}, corrupt("bad emission count")
	}
	off += k
	// Each emission takes at least two bytes (two empty lengths): this bounds
	// the allocation below by the input size.
	if count > uint64(len(body)-off)/2 {
		return Record{}, corrupt("emission count %d too large for %d bytes", count, len(body))
	}
	if count == 0 {
		if off != len(body) {
			return Record{}, corrupt("trailing bytes")
		}
		return Record{Emissions: []Emission{}}, nil
	}
	var ems []Emission
	switch n := int(count); {
	case n <= len(d.slab):
		ems, d.slab = d.slab[:n:n], d.slab[n:]
	case n > slabLen/4 || !d.many:
		// The first record gets a list of its own: DecodeRecord decodes one.
		ems = make([]Emission, n)
	default:
		d.slab = make([]Emission, slabLen)
		ems, d.slab = d.slab[:n:n], d.slab[n:]
	}
	d.many = true
	for i := range ems {
		var field [2][]byte // name, data
		for f := range field {
			n, k := binary.Uvarint(body[off:])
			if k <= 0 || n > uint64(len(body)-off-k) {
				clear(ems)
				return Record{}, corrupt("bad length in emission %d", i)
			}
			off += k
			end := off + int(n)
			field[f] = body[off:end:end]
			off = end
		}
		ems[i].Data = field[1]
		ems[i].Name = d.name(field[0])
	}
	if off != len(body) {
		clear(ems)
		return Record{}, corrupt("%d trailing bytes", len(body)-off)
	}
	return Record{Emissions: ems}, nil
}

// name returns b as a string, shared with an earlier emission's name when
// it repeats one.
func (d *RecordDecoder) name(b []byte) string {
	for _, s := range d.names[:d.nnames] {
		if s == string(b) {
			return s
		}
	}
	s := string(b)
	if d.nnames < len(d.names) {
		d.names[d.nnames] = s
		d.nnames++
	}
	return s
}

// CheckRecord is CheckRecordFor for a record bound to no key.
func CheckRecord(data []byte) error { return CheckRecordFor(Key{}, data) }

// CheckRecordFor reports whether data is a whole, well-formed record stored
// under k, as DecodeRecordFor would (the same checks, the same errors),
// without decoding it: it allocates nothing. A record it accepts can be read
// with WalkRecord.
func CheckRecordFor(key Key, data []byte) error {
	body, err := checkSeal(&key, data)
	if err != nil {
		return err
	}
	off := recordHeaderLen
	count, k := binary.Uvarint(body[off:])
	if k <= 0 {
		return corrupt("bad emission count")
	}
	off += k
	if count > uint64(len(body)-off)/2 {
		return corrupt("emission count %d too large for %d bytes", count, len(body))
	}
	for i := range int(count) {
		for range 2 { // name, data
			n, k := binary.Uvarint(body[off:])
			if k <= 0 || n > uint64(len(body)-off-k) {
				return corrupt("bad length in emission %d", i)
			}
			off += k + int(n)
		}
	}
	if off != len(body) {
		if count == 0 {
			return corrupt("trailing bytes")
		}
		return corrupt("%d trailing bytes", len(body)-off)
	}
	return nil
}

// WalkRecord calls f with the name and data of each emission of an encoded
// record that CheckRecord accepted, in order, and returns f's first error.
// name and data alias data. On a record CheckRecord rejects, it returns an
// error wrapping ErrCorrupt or calls f with garbage, but does not panic.
func WalkRecord(data []byte, f func(i int, name, data []byte) error) error {
	if len(data) < minRecordLen {
		return corrupt("%d bytes, shorter than any record", len(data))
	}
	body := data[:len(data)-recordTrailerLen]
	off := recordHeaderLen
	count, k := binary.Uvarint(body[off:])
	if k <= 0 {
		return corrupt("bad emission count")
	}
	off += k
	for i := uint64(0); i < count; i++ {
		var field [2][]byte // name, data
		for f := range field {
			n, k := binary.Uvarint(body[off:])
			if k <= 0 || n > uint64(len(body)-off-k) {
				return corrupt("bad length in emission %d", i)
			}
			off += k
			end := off + int(n)
			field[f] = body[off:end:end]
			off = end
		}
		if err := f(int(i), field[0], field[1]); err != nil {
			return err
		}
	}
	return nil
}

// CorruptError is returned by Archive.Get for an entry that does not decode:
// the caller should warn, treat it as a miss, and Put the re-executed call's
// record, which rewrites the entry.
type CorruptError struct {
	Key Key
	Err error // wraps ErrCorrupt
}

func (e *CorruptError) Error() string {
	return fmt.Sprintf("fw: archive entry %s: %v", e.Key, e.Err)
}

func (e *CorruptError) Unwrap() error { return e.Err }

// Is makes errors.Is(err, ErrCorrupt) hold even when Err does not wrap it
// (for example a storage read error on a damaged entry).
func (e *CorruptError) Is(target error) bool { return target == ErrCorrupt }
