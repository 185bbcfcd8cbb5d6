package cluster

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc64"
)

// The wire encodings of frames and commits, for transports that store bytes. Each starts
// with a tag byte ('F' or 'C') and the Protocol version; integers are unsigned varints,
// strings and bytes are length-prefixed.

var crcTable = crc64.MakeTable(crc64.ECMA)

// Sum is the checksum of Part.Sum: CRC-64 (ECMA) of the bodies in order.
func Sum(bodies ...[]byte) uint64 {
	var s uint64
	for _, b := range bodies {
		s = crc64.Update(s, crcTable, b)
	}
	return s
}

// AppendFrame appends f's encoding to b.
func AppendFrame(b []byte, f *Frame) []byte {
	b = append(b, 'F', Protocol)
	b = appendRound(b, f.Round)
	b = binary.AppendUvarint(b, uint64(f.Inst))
	b = binary.AppendUvarint(b, f.Attempt)
	b = binary.AppendUvarint(b, uint64(f.Index))
	b = appendBool(b, f.Last)
	return appendBytes(b, f.Body)
}

// DecodeFrame decodes a frame encoded by AppendFrame. Its Body is a copy.
func DecodeFrame(b []byte) (*Frame, error) {
	d := decoder{b: b}
	d.tag('F')
	f := &Frame{}
	f.Round = d.round()
	f.Inst = Inst(d.u32())
	f.Attempt = d.uvarint()
	f.Index = d.u32()
	f.Last = d.bool()
	f.Body = d.bytes()
	if err := d.done("frame"); err != nil {
		return nil, err
	}
	if len(f.Body) > MaxFrameBody {
		return nil, fmt.Errorf("cluster: frame body of %d bytes exceeds %d", len(f.Body), MaxFrameBody)
	}
	return f, nil
}

// AppendCommit appends c's encoding to b.
func AppendCommit(b []byte, c *Commit) []byte {
	b = append(b, 'C', Protocol)
	b = binary.AppendUvarint(b, c.Seq)
	b = binary.AppendUvarint(b, c.Epoch)
	b = append(b, byte(c.Kind))
	b = appendRound(b, c.Round)
	b = binary.AppendUvarint(b, uint64(len(c.Parts)))
	for _, p := range c.Parts {
		b = binary.AppendUvarint(b, uint64(p.Inst))
		b = binary.AppendUvarint(b, p.Attempt)
		b = binary.AppendUvarint(b, uint64(p.Frames))
		b = binary.LittleEndian.AppendUint64(b, p.Sum)
	}
	b = binary.AppendUvarint(b, uint64(len(c.Moves)))
	for _, m := range c.Moves {
		b = binary.AppendUvarint(b, uint64(m.Inst))
		b = appendString(b, m.Member)
		b = binary.AppendUvarint(b, m.Attempt)
	}
	b = appendString(b, c.Err)
	if c.Gen == nil {
		return append(b, 0)
	}
	g := c.Gen
	b = append(b, 1)
	b = binary.AppendUvarint(b, uint64(g.Protocol))
	b = appendString(b, g.Program)
	b = appendString(b, g.Config)
	b = binary.AppendUvarint(b, uint64(g.Instances))
	b = appendString(b, g.Submitter)
	b = binary.AppendUvarint(b, uint64(len(g.Members)))
	for _, m := range g.Members {
		b = appendString(b, m)
	}
	b = binary.AppendUvarint(b, uint64(len(g.Pinned)))
	for _, p := range g.Pinned {
		b = binary.AppendUvarint(b, uint64(p))
	}
	return b
}

// DecodeCommit decodes a commit encoded by AppendCommit.
func DecodeCommit(b []byte) (*Commit, error) {
	d := decoder{b: b}
	d.tag('C')
	c := &Commit{}
	c.Seq = d.uvarint()
	c.Epoch = d.uvarint()
	c.Kind = CommitKind(d.byte())
	c.Round = d.round()
	if n := d.count(); n > 0 {
		c.Parts = make([]Part, n)
		for i := range c.Parts {
			c.Parts[i] = Part{Inst: Inst(d.u32()), Attempt: d.uvarint(), Frames: d.u32(), Sum: d.u64()}
		}
	}
	if n := d.count(); n > 0 {
		c.Moves = make([]Move, n)
		for i := range c.Moves {
			c.Moves[i] = Move{Inst: Inst(d.u32()), Member: d.string(), Attempt: d.uvarint()}
		}
	}
	c.Err = d.string()
	if d.bool() {
		g := &Genesis{}
		g.Protocol = d.u32()
		g.Program = d.string()
		g.Config = d.string()
		g.Instances = d.u32()
		g.Submitter = d.string()
		if n := d.count(); n > 0 {
			g.Members = make([]string, n)
			for i := range g.Members {
				g.Members[i] = d.string()
			}
		}
		if n := d.count(); n > 0 {
			g.Pinned = make([]Inst, n)
			for i := range g.Pinned {
				g.Pinned[i] = Inst(d.u32())
			}
		}
		c.Gen = g
	}
	if err := d.done("commit"); err != nil {
		return nil, err
	}
	return c, nil
}

func appendRound(b []byte, r Round) []byte {
	b = binary.AppendUvarint(b, r.N)
	b = append(b, byte(r.Kind))
	b = binary.AppendUvarint(b, uint64(r.Phase))
	return binary.AppendUvarint(b, uint64(r.Step))
}

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, 1)
	}
	return append(b, 0)
}

func appendBytes(b, v []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(v)))
	return append(b, v...)
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

var errShort = errors.New("truncated")

// decoder reads the wire encodings; its first error sticks and later reads return zeros.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

func (d *decoder) tag(t byte) {
	if len(d.b) < 2 {
		d.fail(errShort)
		return
	}
	if d.b[0] != t {
		d.fail(fmt.Errorf("tag %q, want %q", d.b[0], t))
		return
	}
	if d.b[1] != Protocol {
		d.fail(fmt.Errorf("protocol version %d, this member speaks %d", d.b[1], Protocol))
		return
	}
	d.b = d.b[2:]
}

func (d *decoder) byte() byte {
	if d.err != nil {
		return 0
	}
	if len(d.b) == 0 {
		d.fail(errShort)
		return 0
	}
	v := d.b[0]
	d.b = d.b[1:]
	return v
}

func (d *decoder) bool() bool {
	switch v := d.byte(); v {
	case 0:
		return false
	case 1:
		return true
	default:
		d.fail(fmt.Errorf("bad bool %d", v))
		return false
	}
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail(errShort)
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) u32() uint32 {
	v := d.uvarint()
	if v > 1<<32-1 {
		d.fail(fmt.Errorf("value %d overflows 32 bits", v))
		return 0
	}
	return uint32(v)
}

func (d *decoder) u64() uint64 {
	if d.err != nil {
		return 0
	}
	if len(d.b) < 8 {
		d.fail(errShort)
		return 0
	}
	v := binary.LittleEndian.Uint64(d.b)
	d.b = d.b[8:]
	return v
}

// count reads a length and checks it against the bytes left (every element takes one
// byte at least), so a corrupt length cannot make a huge allocation.
func (d *decoder) count() int {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail(errShort)
		return 0
	}
	return int(n)
}

func (d *decoder) bytes() []byte {
	n := d.count()
	if d.err != nil || n == 0 {
		return nil
	}
	v := append([]byte(nil), d.b[:n]...)
	d.b = d.b[n:]
	return v
}

func (d *decoder) string() string {
	n := d.count()
	if d.err != nil {
		return ""
	}
	v := string(d.b[:n])
	d.b = d.b[n:]
	return v
}

func (d *decoder) round() Round {
	return Round{N: d.uvarint(), Kind: Kind(d.byte()), Phase: d.u32(), Step: d.u32()}
}

func (d *decoder) done(what string) error {
	if d.err == nil && len(d.b) != 0 {
		d.fail(fmt.Errorf("%d trailing bytes", len(d.b)))
	}
	if d.err != nil {
		return fmt.Errorf("cluster: decoding a %s: %w", what, d.err)
	}
	return nil
}
