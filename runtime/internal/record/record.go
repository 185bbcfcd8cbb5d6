// Package record is the file format of a record of a run (fw.WithRecord,
// fw.WithReplay): chunked, checksummed entries. It knows nothing of the
// engine: the engine encodes events with the program's Codec and passes
// their bytes; this package frames and checks them.
//
// A record is a stream of chunks after a fixed preamble:
//
//	preamble: "fwrec\x00" then one version byte (Version)
//	chunk:    uvarint n, n bytes of entries, CRC-32C (Castagnoli) of those n bytes, 4 bytes big-endian
//
// An entry never spans two chunks; the writer closes a chunk once it holds
// ChunkTarget bytes, so writing and reading need memory for one chunk (plus
// the largest single entry). The entries, each a tag byte and its fields
// (uvarints but for case, a zigzag varint; strings and data as a uvarint
// length and the bytes):
//
//	'H' header: package, program digest [32], program fingerprint [32], source batch,
//	    event names (count, names), targets (count, names),
//	    processors (count, then name and digest [32] each),
//	    then (version 2) feeds (count), phase trigger: every (events), interval (ns),
//	    then (version 3) key groups: per processor (count, then K each; 1: unpartitioned)
//	'I' input:  kind, data: a submitted event or resolve request, in submission order
//	'F' fed:    feed index, done (0/1), event count, then per event: kind, data, id
//	    (a pull of a feed or stream that returned events or its end)
//	'P' phase:  the phase a trigger ended (fw.WithPhaseEvery, fw.WithPhaseInterval)
//	'C' call:   processor, (version 3) key group, case, phase, step, input position, input kind + 1
//	    (0: no input), CRC-32C of the input's encoding (0: no input),
//	    emission count, then per emission: kind, data
//	'E' end:    number of calls, outcome ("" for a run that returned nil, else
//	    the error's text)
//
// The header is the first chunk, alone in it; then the inputs, then the
// calls, then the end marker. What the calls are and their order is the
// engine's business; fed and phase entries come among the calls, where the
// engine pulled and where a trigger fired. Version 1 records (without the
// live fields and entries) are read too.
//
// Version 3 is written only for a program with a partitioned processor
// (Header.KeyGroups set): a program without one writes version 2, byte for
// byte as before key groups existed.
package record

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"

	"github.com/fwgo/fw/runtime/fw"
)

const (
	Magic       = "fwrec\x00"
	Version     = 3        // the newest version read; a record is written as 2 or 3
	ChunkTarget = 64 << 10 // a chunk is written once it holds this many bytes
	maxChunk    = 1 << 30

	tagHeader = 'H'
	tagInput  = 'I'
	tagCall   = 'C'
	tagEnd    = 'E'
	tagFed    = 'F'
	tagPhase  = 'P'
)

// Entry tags, as Reader.Next reports them.
const (
	EntryCall  = tagCall
	EntryEnd   = tagEnd
	EntryFed   = tagFed
	EntryPhase = tagPhase
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Checksum is the CRC-32C of b, as the format uses it (chunks, and the
// checksums of calls' inputs).
func Checksum(b []byte) uint32 { return crc32.Checksum(b, castagnoli) }

// Header describes the program that made a record.
type Header struct {
	Package             string
	Digest, Fingerprint [32]byte
	Batch               int
	Events, Targets     []string
	Procs               []string
	ProcDigests         [][32]byte
	// A live run's (version 2): its feeds and phase trigger.
	Feeds         int
	PhaseEvery    int
	PhaseInterval int64 // nanoseconds
	// KeyGroups (version 3) is K per processor (1 when unpartitioned), set
	// only for a program with a partitioned processor; nil otherwise.
	KeyGroups []int
}

// Fed is an event of a fed entry: its kind, encoding and id ("" for the
// default).
type Fed struct {
	Kind uint64
	Data []byte
	ID   string
}

// Call identifies a call in a record.
type Call struct {
	Proc        int
	KG          int // the key group of the processor's instance (version 3)
	Case        int32
	Phase, Step int
	Input       int
	InKind      int    // -1: no input (lifecycle calls and pulls)
	InSum       uint32 // CRC-32C of the input's encoding
}

// Emission is an emission of a call: its kind and encoding.
type Emission struct {
	Kind uint64
	Data []byte
}

// Writer writes a record's chunks.
type Writer struct {
	w     io.Writer
	buf   []byte // the entries of the chunk being filled
	frame []byte
	err   error // the first write error: it sticks
	mark  int   // where the call being written starts in buf
	v3    bool  // version 3: calls have key groups
}

// NewWriter returns a Writer of a record to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// Header writes the preamble and the header chunk.
func (w *Writer) Header(h *Header) error {
	w.v3 = len(h.KeyGroups) > 0
	version := byte(2)
	if w.v3 {
		version = 3
	}
	if _, err := w.w.Write(append([]byte(Magic), version)); err != nil {
		w.err = fmt.Errorf("fw: record: %w", err)
		return w.err
	}
	b := append(w.buf, tagHeader)
	b = appendString(b, h.Package)
	b = append(b, h.Digest[:]...)
	b = append(b, h.Fingerprint[:]...)
	b = binary.AppendUvarint(b, uint64(h.Batch))
	b = binary.AppendUvarint(b, uint64(len(h.Events)))
	for _, s := range h.Events {
		b = appendString(b, s)
	}
	b = binary.AppendUvarint(b, uint64(len(h.Targets)))
	for _, s := range h.Targets {
		b = appendString(b, s)
	}
	b = binary.AppendUvarint(b, uint64(len(h.Procs)))
	for i, s := range h.Procs {
		b = appendString(b, s)
		b = append(b, h.ProcDigests[i][:]...)
	}
	b = binary.AppendUvarint(b, uint64(h.Feeds))
	b = binary.AppendUvarint(b, uint64(h.PhaseEvery))
	b = binary.AppendUvarint(b, uint64(h.PhaseInterval))
	if w.v3 {
		b = binary.AppendUvarint(b, uint64(len(h.KeyGroups)))
		for _, k := range h.KeyGroups {
			b = binary.AppendUvarint(b, uint64(k))
		}
	}
	w.buf = b
	return w.Flush()
}

// Input writes an input entry.
func (w *Writer) Input(kind uint64, data []byte) error {
	b := append(w.buf, tagInput)
	b = binary.AppendUvarint(b, kind)
	w.buf = appendBytes(b, data)
	return w.maybeFlush()
}

// BeginCall starts the entry of call c with n emissions, which Emission
// adds; EndCall ends it, AbortCall drops it.
func (w *Writer) BeginCall(c Call, n int) {
	w.mark = len(w.buf)
	b := append(w.buf, tagCall)
	b = binary.AppendUvarint(b, uint64(c.Proc))
	if w.v3 {
		b = binary.AppendUvarint(b, uint64(c.KG))
	}
	b = binary.AppendVarint(b, int64(c.Case))
	b = binary.AppendUvarint(b, uint64(c.Phase))
	b = binary.AppendUvarint(b, uint64(c.Step))
	b = binary.AppendUvarint(b, uint64(c.Input))
	b = binary.AppendUvarint(b, uint64(c.InKind+1))
	b = binary.AppendUvarint(b, uint64(c.InSum))
	w.buf = binary.AppendUvarint(b, uint64(n))
}

// Emission adds an emission to the call being written.
func (w *Writer) Emission(kind uint64, data []byte) {
	w.buf = appendBytes(binary.AppendUvarint(w.buf, kind), data)
}

// AbortCall drops the call being written.
func (w *Writer) AbortCall() { w.buf = w.buf[:w.mark] }

// EndCall ends the call being written; a chunk is written if it is full.
func (w *Writer) EndCall() error { return w.maybeFlush() }

// BeginFed starts a fed entry: n events pulled from feed, done if it ended;
// FedEvent adds them, EndFed ends it.
func (w *Writer) BeginFed(feed int, done bool, n int) {
	b := append(w.buf, tagFed)
	b = binary.AppendUvarint(b, uint64(feed))
	d := uint64(0)
	if done {
		d = 1
	}
	b = binary.AppendUvarint(b, d)
	w.buf = binary.AppendUvarint(b, uint64(n))
}

// FedEvent adds an event to the fed entry being written.
func (w *Writer) FedEvent(kind uint64, data []byte, id string) {
	w.buf = appendString(appendBytes(binary.AppendUvarint(w.buf, kind), data), id)
}

// EndFed ends the fed entry being written.
func (w *Writer) EndFed() error { return w.maybeFlush() }

// PhaseEnd writes a phase entry: a trigger ended phase.
func (w *Writer) PhaseEnd(phase int) error {
	w.buf = binary.AppendUvarint(append(w.buf, tagPhase), uint64(phase))
	return w.maybeFlush()
}

// End writes the end marker and the last chunk.
func (w *Writer) End(calls uint64, outcome string) error {
	b := append(w.buf, tagEnd)
	b = binary.AppendUvarint(b, calls)
	w.buf = appendString(b, outcome)
	return w.Flush()
}

// Err returns the first write error, or nil.
func (w *Writer) Err() error { return w.err }

func (w *Writer) maybeFlush() error {
	if len(w.buf) >= ChunkTarget {
		return w.Flush()
	}
	return w.err
}

// Flush writes the entries buffered as one chunk.
func (w *Writer) Flush() error {
	if w.err != nil || len(w.buf) == 0 {
		return w.err
	}
	w.frame = binary.AppendUvarint(w.frame[:0], uint64(len(w.buf)))
	crc := binary.BigEndian.AppendUint32(nil, Checksum(w.buf))
	for _, p := range [][]byte{w.frame, w.buf, crc} {
		if _, err := w.w.Write(p); err != nil {
			w.err = fmt.Errorf("fw: record: %w", err)
			return w.err
		}
	}
	w.buf = w.buf[:0]
	return nil
}

// Reader reads a record's chunks and entries. Errors wrap
// fw.ErrRecordCorrupt or fw.ErrRecordTruncated, and name the chunk and the
// byte offset.
type Reader struct {
	r       *bufio.Reader
	chunk   bytes.Buffer
	data    []byte // the rest of the current chunk
	chunks  int    // chunks read
	off     int64  // bytes read
	version byte
}

// NewReader returns a Reader of the record read from r.
func NewReader(r io.Reader) *Reader { return &Reader{r: bufio.NewReaderSize(r, 64<<10)} }

// Corrupt returns an error wrapping fw.ErrRecordCorrupt about what was found
// at the reader's position.
func (r *Reader) Corrupt(what string) error {
	return fmt.Errorf("%w: %s in chunk %d (ending at byte %d)", fw.ErrRecordCorrupt, what, r.chunks, r.off)
}

// Header reads the preamble and the header.
func (r *Reader) Header() (*Header, error) {
	if err := r.preamble(); err != nil {
		return nil, err
	}
	data, err := r.peek()
	if err != nil {
		return nil, err
	}
	c := cursor{data: data}
	if c.byte() != tagHeader {
		return nil, r.Corrupt("no header")
	}
	h := &Header{}
	h.Package = c.string()
	copy(h.Digest[:], c.fixed(32))
	copy(h.Fingerprint[:], c.fixed(32))
	h.Batch = int(c.uvarint())
	for range c.count() {
		h.Events = append(h.Events, c.string())
	}
	for range c.count() {
		h.Targets = append(h.Targets, c.string())
	}
	for range c.count() {
		h.Procs = append(h.Procs, c.string())
		var d [32]byte
		copy(d[:], c.fixed(32))
		h.ProcDigests = append(h.ProcDigests, d)
	}
	if r.version >= 2 {
		h.Feeds = c.count()
		h.PhaseEvery = int(c.uvarint())
		h.PhaseInterval = int64(c.uvarint())
	}
	if r.version >= 3 {
		for range c.count() {
			h.KeyGroups = append(h.KeyGroups, int(c.uvarint()))
		}
	}
	if c.err != nil || c.off != len(data) || h.Batch <= 0 { // the header is a chunk of its own
		return nil, r.Corrupt("a malformed header")
	}
	r.advance(c.off)
	return h, nil
}

// Input reads the next entry if it is an input: its kind and data (valid
// until the next read); ok is false, and nothing is read, if it is not.
func (r *Reader) Input() (kind uint64, data []byte, ok bool, err error) {
	b, err := r.peek()
	if err != nil {
		return 0, nil, false, err
	}
	if b[0] != tagInput {
		return 0, nil, false, nil
	}
	c := cursor{data: b, off: 1}
	kind = c.uvarint()
	data = c.bytes()
	if c.err != nil {
		return 0, nil, false, r.Corrupt("a malformed input")
	}
	r.advance(c.off)
	return kind, data, true, nil
}

// End is the end marker of a record.
type End struct {
	Calls   uint64
	Outcome string
}

// Call reads the next call, appending its emissions to ems[:0] (their data
// valid until the next read), or the end marker (then end is not nil, and
// the record must end there).
func (r *Reader) Call(ems []Emission) (c Call, _ []Emission, end *End, err error) {
	data, err := r.peek()
	if err != nil {
		return c, ems, nil, err
	}
	cur := cursor{data: data}
	switch cur.byte() {
	case tagCall:
	case tagEnd:
		e := &End{Calls: cur.uvarint(), Outcome: cur.string()}
		if cur.err != nil {
			return c, ems, nil, r.Corrupt("a malformed end marker")
		}
		r.advance(cur.off)
		return c, ems, e, nil
	case tagFed:
		return c, ems, nil, r.Corrupt("fed events where a call was expected")
	case tagPhase:
		return c, ems, nil, r.Corrupt("the end of a phase where a call was expected")
	default:
		return c, ems, nil, r.Corrupt("an entry of unknown type where a call was expected")
	}
	c.Proc = int(cur.uvarint())
	if r.version >= 3 {
		c.KG = int(cur.uvarint())
	}
	c.Case = int32(cur.varint())
	c.Phase = int(cur.uvarint())
	c.Step = int(cur.uvarint())
	c.Input = int(cur.uvarint())
	c.InKind = int(cur.uvarint()) - 1
	c.InSum = uint32(cur.uvarint())
	n := cur.uvarint()
	if cur.err != nil || n > uint64(len(data)) {
		return c, ems, nil, r.Corrupt("a malformed call")
	}
	clear(ems)
	ems = ems[:0]
	for range n {
		k := cur.uvarint()
		ems = append(ems, Emission{Kind: k, Data: cur.bytes()})
	}
	if cur.err != nil {
		return c, ems, nil, r.Corrupt("a malformed call")
	}
	r.advance(cur.off)
	return c, ems, nil, nil
}

// Next returns the tag of the next entry (EntryCall, EntryEnd, EntryFed,
// EntryPhase, or another byte for an entry that is none of them), without
// reading it.
func (r *Reader) Next() (byte, error) {
	b, err := r.peek()
	if err != nil {
		return 0, err
	}
	return b[0], nil
}

// PeekEnd returns the end marker if it is the next entry, without reading
// it, or nil.
func (r *Reader) PeekEnd() (*End, error) {
	data, err := r.peek()
	if err != nil || data[0] != tagEnd {
		return nil, err
	}
	c := cursor{data: data, off: 1}
	e := &End{Calls: c.uvarint(), Outcome: c.string()}
	if c.err != nil {
		return nil, r.Corrupt("a malformed end marker")
	}
	return e, nil
}

// Fed reads the next entry, which must be a fed entry, appending its events
// to evs[:0] (their data valid until the next read).
func (r *Reader) Fed(evs []Fed) (feed int, done bool, _ []Fed, err error) {
	data, err := r.peek()
	if err != nil {
		return 0, false, evs, err
	}
	c := cursor{data: data}
	if c.byte() != tagFed {
		return 0, false, evs, r.Corrupt("no fed events where they were expected")
	}
	feed = int(c.uvarint())
	d := c.uvarint()
	n := c.count()
	clear(evs)
	evs = evs[:0]
	for range n {
		k := c.uvarint()
		data := c.bytes()
		evs = append(evs, Fed{Kind: k, Data: data, ID: c.string()})
	}
	if c.err != nil || d > 1 {
		return 0, false, evs, r.Corrupt("malformed fed events")
	}
	r.advance(c.off)
	return feed, d == 1, evs, nil
}

// PhaseEnd reads the next entry, which must be a phase entry.
func (r *Reader) PhaseEnd() (phase int, err error) {
	data, err := r.peek()
	if err != nil {
		return 0, err
	}
	c := cursor{data: data}
	if c.byte() != tagPhase {
		return 0, r.Corrupt("no phase end where one was expected")
	}
	phase = int(c.uvarint())
	if c.err != nil {
		return 0, r.Corrupt("a malformed phase end")
	}
	r.advance(c.off)
	return phase, nil
}

func (r *Reader) preamble() error {
	var p [len(Magic) + 1]byte
	n, err := io.ReadFull(r.r, p[:])
	r.off += int64(n)
	if k := min(n, len(Magic)); string(p[:k]) != Magic[:k] {
		return fmt.Errorf("%w: not a fw record (bad magic)", fw.ErrRecordCorrupt)
	}
	if err == io.EOF {
		return fmt.Errorf("%w: the record is empty", fw.ErrRecordTruncated)
	}
	if err != nil {
		return fmt.Errorf("%w: it ends within its first %d bytes", fw.ErrRecordTruncated, len(p))
	}
	if v := p[len(Magic)]; v < 1 || v > Version {
		return fmt.Errorf("%w: record format version %d, this runtime reads versions 1 to %d", fw.ErrRecordCorrupt, v, Version)
	}
	r.version = p[len(Magic)]
	return nil
}

// peek returns the rest of the current chunk, which starts with the next
// entry, reading the next chunk once this one is consumed. It is valid until
// the next read.
func (r *Reader) peek() ([]byte, error) {
	for len(r.data) == 0 {
		if err := r.next(); err != nil {
			return nil, err
		}
	}
	return r.data, nil
}

// advance consumes n bytes of the current chunk: the entry just parsed.
func (r *Reader) advance(n int) { r.data = r.data[n:] }

// next reads the next chunk and checks its checksum.
func (r *Reader) next() error {
	n, err := binary.ReadUvarint(r.r)
	if err != nil {
		if err == io.EOF {
			return fmt.Errorf("%w: it ends after %d chunks (%d bytes) without its end marker", fw.ErrRecordTruncated, r.chunks, r.off)
		}
		return fmt.Errorf("%w: after chunk %d (byte %d): %v", fw.ErrRecordTruncated, r.chunks, r.off, err)
	}
	r.off += int64(len(binary.AppendUvarint(nil, n)))
	if n == 0 || n > maxChunk {
		return fmt.Errorf("%w: chunk %d (at byte %d) has a bad length %d", fw.ErrRecordCorrupt, r.chunks+1, r.off, n)
	}
	r.chunk.Reset()
	got, err := io.CopyN(&r.chunk, r.r, int64(n)+4)
	r.off += got
	r.chunks++
	if err != nil {
		return fmt.Errorf("%w: chunk %d is cut after %d of its %d bytes", fw.ErrRecordTruncated, r.chunks, got, n+4)
	}
	b := r.chunk.Bytes()
	data, sum := b[:n], binary.BigEndian.Uint32(b[n:])
	if Checksum(data) != sum {
		return fmt.Errorf("%w: chunk %d (ending at byte %d) fails its CRC-32C checksum", fw.ErrRecordCorrupt, r.chunks, r.off)
	}
	r.data = data
	return nil
}

// AtEOF checks that nothing follows the end marker.
func (r *Reader) AtEOF() error {
	if len(r.data) > 0 {
		return r.Corrupt("data after the end marker")
	}
	if _, err := r.r.ReadByte(); err != io.EOF {
		return fmt.Errorf("%w: data after the end marker (byte %d)", fw.ErrRecordCorrupt, r.off)
	}
	return nil
}

var errMalformed = errors.New("malformed entry")

// cursor reads the fields of an entry; the first error sticks.
type cursor struct {
	data []byte
	off  int
	err  error
}

func (c *cursor) fail() {
	if c.err == nil {
		c.err = errMalformed
	}
}

func (c *cursor) byte() byte {
	if c.err != nil || c.off >= len(c.data) {
		c.fail()
		return 0
	}
	c.off++
	return c.data[c.off-1]
}

func (c *cursor) uvarint() uint64 {
	if c.err != nil {
		return 0
	}
	v, k := binary.Uvarint(c.data[c.off:])
	if k <= 0 {
		c.fail()
		return 0
	}
	c.off += k
	return v
}

func (c *cursor) varint() int64 {
	if c.err != nil {
		return 0
	}
	v, k := binary.Varint(c.data[c.off:])
	if k <= 0 {
		c.fail()
		return 0
	}
	c.off += k
	return v
}

// count reads a count of items that take at least one byte each.
func (c *cursor) count() int {
	n := c.uvarint()
	if n > uint64(len(c.data)-c.off) {
		c.fail()
		return 0
	}
	return int(n)
}

func (c *cursor) fixed(n int) []byte {
	if c.err != nil || len(c.data)-c.off < n {
		c.fail()
		return nil
	}
	c.off += n
	return c.data[c.off-n : c.off]
}

func (c *cursor) bytes() []byte {
	n := c.uvarint()
	if c.err != nil || n > uint64(len(c.data)-c.off) {
		c.fail()
		return nil
	}
	return c.fixed(int(n))
}

func (c *cursor) string() string { return string(c.bytes()) }

func appendBytes(b, p []byte) []byte {
	return append(binary.AppendUvarint(b, uint64(len(p))), p...)
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}
