package engine

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
)

// Recorded replay (see WithRecord and WithReplay).
//
// A record is a stream of chunks after a fixed preamble:
//
//	preamble: "fwrec\x00" then one version byte (recordVersion)
//	chunk:    uvarint n, n bytes of entries, CRC-32C (Castagnoli) of those n bytes, 4 bytes big-endian
//
// An entry never spans two chunks; the writer closes a chunk once it holds
// chunkTarget bytes, so recording and replaying need memory for one chunk
// (plus the largest single entry). The entries, each a tag byte and its
// fields (uvarints but for case, a zigzag varint; strings and data as a
// uvarint length and the bytes):
//
//	'H' header: package, program digest [32], Program.Fingerprint [32], source batch,
//	    event names (count, names), targets (count, names),
//	    processors (count, then name and digest [32] each)
//	'I' input:  kind, data: a submitted event or resolve request (Codec encoding;
//	    empty for a resolve request), in submission order
//	'C' call:   processor, case, phase, step, input position, input kind + 1
//	    (0: no input), CRC-32C of the input's encoding (0: no input),
//	    emission count, then per emission: kind, data
//	'E' end:    number of calls, outcome ("" for a run that returned nil, else
//	    the error's text)
//
// The header is the first chunk, then the inputs, then one call entry per
// call in the order of the delivery rule (see Engine): lifecycle calls and
// source pulls where the engine makes them; a step's event calls when the
// step completes, processor by processor in declaration order, each
// processor's calls by input position. The order never depends on the worker
// count, so a run records the same bytes with 1 worker or 8.

const (
	recordMagic   = "fwrec\x00"
	recordVersion = 1
	chunkTarget   = 64 << 10
	maxChunk      = 1 << 30

	tagHeader = 'H'
	tagInput  = 'I'
	tagCall   = 'C'
	tagEnd    = 'E'
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Replay runs the engine as Run does, replaying the record read from r (see
// WithReplay).
func (e *Engine) Replay(ctx context.Context, r io.Reader) error {
	if e.started.Load() {
		return ErrAlreadyRun
	}
	e.cfg.Replay = r
	return e.Run(ctx)
}

// tape is the run state of recording or replaying: one of w and r is set.
type tape struct {
	prog    *Program
	codec   Codec
	nK      int // kinds: events, built, resolve
	nE, nT  int
	w       *recWriter
	r       *recReader
	calls   uint64 // calls recorded or compared so far
	scratch []byte
	ems     []recEmission // the emissions of the recorded call being compared
	outcome string        // the recorded run's outcome, once its end is read
}

// tapeCall is one event call of a step, kept until the step completes: its
// case, its input and how many emissions it made.
type tapeCall struct {
	cs int32
	m  Msg
	n  int
}

// callID identifies a call in a record.
type callID struct {
	proc         int
	cs           int32
	phase, step  int
	input        int
	inKind       int    // -1: no input (lifecycle calls and pulls)
	inSum        uint32 // CRC-32C of the input's encoding
	hasProc, end bool
}

type recEmission struct {
	kind Kind
	data []byte
}

// startTape sets up recording or replaying, if the run has either. For a
// replay, *cur (the submitted events) must be empty, and becomes the recorded
// inputs.
func (e *Engine) startTape(cur *[]Msg) error {
	rec, rep := e.cfg.Record, e.cfg.Replay
	if rec == nil && rep == nil {
		return nil
	}
	if rec != nil && rep != nil {
		return errors.New("fw: WithRecord and WithReplay cannot be combined")
	}
	codec, ok := e.disp.(Codec)
	if !ok {
		return fmt.Errorf("fw: recording or replaying package %s needs its Dispatcher to implement runtime.Codec; regenerate it", e.prog.Package)
	}
	p := e.prog
	t := &tape{prog: p, codec: codec, nE: len(p.Events), nT: len(p.Targets)}
	t.nK = t.nE + 2*t.nT
	if rec != nil {
		t.w = &recWriter{w: rec}
		if err := t.writeHeader(e.cfg.Batch, *cur); err != nil {
			return err
		}
	} else {
		if len(*cur) > 0 {
			return errors.New("fw: replay: events were submitted or targets resolved before Run; a replay submits the recorded inputs itself")
		}
		t.r = newRecReader(rep)
		batch, in, err := t.readHeader()
		if err != nil {
			return err
		}
		e.cfg.Batch = batch
		*cur = in
	}
	e.tape = t
	for i := range e.procs {
		e.procs[i].hooked = true
	}
	return nil
}

// closeTape ends the record with the run's outcome, or, replaying a run that
// succeeded, checks that the record has no call left.
func (e *Engine) closeTape(err *error) {
	t := e.tape
	if t == nil {
		return
	}
	if t.w != nil {
		outcome := ""
		if *err != nil {
			outcome = (*err).Error()
		}
		b := append(t.w.buf, tagEnd)
		b = binary.AppendUvarint(b, t.calls)
		t.w.buf = AppendString(b, outcome)
		if werr := t.w.flush(); werr != nil && *err == nil {
			*err = werr
		}
		return
	}
	if *err == nil {
		*err = t.finishReplay(e.phase, e.step)
	}
}

// call records or compares one call of processor proc, with its input (nil
// for lifecycle calls and pulls) and its emissions.
func (t *tape) call(phase, step, proc int, cs int32, input int, in *Msg, em []Msg) error {
	id := callID{proc: proc, cs: cs, phase: phase, step: step, input: input, inKind: -1, hasProc: true}
	if in != nil {
		id.inKind = int(in.Kind)
		var err error
		if t.scratch, err = t.appendEmission(t.scratch[:0], *in); err != nil {
			return fmt.Errorf("fw: record: %s: encoding the input: %w", t.describe(id, nil), err)
		}
		id.inSum = crc32.Checksum(t.scratch, castagnoli)
	}
	if t.w != nil {
		return t.recordCall(id, em)
	}
	return t.compareCall(id, in, em)
}

// appendEmission appends the encoding of m (empty for a resolve request).
func (t *tape) appendEmission(b []byte, m Msg) ([]byte, error) {
	if int(m.Kind) >= t.nK {
		return b, fmt.Errorf("an emission of unknown kind %d", m.Kind)
	}
	if int(m.Kind) >= t.nE+t.nT {
		return b, nil // a resolve request has no payload
	}
	return t.codec.AppendMsg(b, m)
}

func (t *tape) recordCall(id callID, em []Msg) error {
	w := t.w
	if w.err != nil {
		return w.err
	}
	b := append(w.buf, tagCall)
	b = binary.AppendUvarint(b, uint64(id.proc))
	b = binary.AppendVarint(b, int64(id.cs))
	b = binary.AppendUvarint(b, uint64(id.phase))
	b = binary.AppendUvarint(b, uint64(id.step))
	b = binary.AppendUvarint(b, uint64(id.input))
	b = binary.AppendUvarint(b, uint64(id.inKind+1))
	b = binary.AppendUvarint(b, uint64(id.inSum))
	b = binary.AppendUvarint(b, uint64(len(em)))
	for j, m := range em {
		var err error
		if t.scratch, err = t.appendEmission(t.scratch[:0], m); err != nil {
			w.buf = b[:len(w.buf)] // drop the partial entry
			return fmt.Errorf("fw: record: %s, emission %d: %w", t.describe(id, nil), j, err)
		}
		b = binary.AppendUvarint(b, uint64(m.Kind))
		b = AppendBytes(b, t.scratch)
	}
	w.buf = b
	t.calls++
	return w.maybeFlush()
}

// compareCall reads the record's next call and compares it, and its
// emissions, with the run's call id and its emissions em.
func (t *tape) compareCall(id callID, in *Msg, em []Msg) error {
	want, err := t.readCall()
	if err != nil {
		return err
	}
	if want.end || want != id {
		return t.callDivergence(want, id, in)
	}
	n := min(len(em), len(t.ems))
	j := 0
	for ; j < n; j++ {
		if em[j].Kind != t.ems[j].kind {
			break
		}
		if t.scratch, err = t.appendEmission(t.scratch[:0], em[j]); err != nil {
			return fmt.Errorf("fw: replay: %s, emission %d: %w", t.describe(id, nil), j, err)
		}
		if !bytes.Equal(t.scratch, t.ems[j].data) {
			break
		}
	}
	t.calls++
	if j == len(em) && j == len(t.ems) {
		return nil
	}
	he := newHandlerError(t.prog, id.phase, id.step, id.proc, id.cs, Msg{Kind: Kind(max(id.inKind, 0))}, id.input, nil)
	d := &DivergenceError{
		Processor: he.Processor, Case: he.Case, Event: he.Event,
		Phase: id.phase, Step: id.step, Input: id.input, Index: j,
		Expected: "(no emission)", Got: "(no emission)",
		Replay: true, Call: t.calls - 1,
	}
	if j < len(t.ems) {
		r := t.ems[j]
		var ev any
		if int(r.kind) < t.nK {
			if int(r.kind) >= t.nE+t.nT {
				ev = nil
			} else if m, err := t.codec.DecodeMsg(r.kind, r.data); err == nil {
				ev = m.Ev
			}
		}
		d.Expected = shortEmission(t.prog.eventName(r.kind), r.data, ev)
	}
	if j < len(em) {
		data, _ := t.appendEmission(nil, em[j])
		d.Got = shortEmission(t.prog.eventName(em[j].Kind), data, em[j].Ev)
	}
	return d
}

// callDivergence is the error for a run whose call got, with input in (or
// end of run), is not the record's next call want (or end of record).
func (t *tape) callDivergence(want, got callID, in *Msg) error {
	d := &DivergenceError{Replay: true, Call: t.calls, Index: -1, ExpectedCall: t.describe(want, nil), GotCall: t.describe(got, in)}
	if !want.end && !got.end && want.inSum != got.inSum {
		w, g := want, got
		w.inSum, g.inSum = 0, 0
		if w == g { // the same call, with another input: say which
			d.ExpectedCall += fmt.Sprintf(", an input with checksum %08x", want.inSum)
			d.GotCall += fmt.Sprintf(", an input with checksum %08x", got.inSum)
		}
	}
	at := got
	if got.end {
		at = want
	}
	if at.hasProc {
		he := newHandlerError(t.prog, at.phase, at.step, at.proc, at.cs, Msg{Kind: Kind(max(at.inKind, 0))}, at.input, nil)
		d.Processor, d.Case, d.Event = he.Processor, he.Case, he.Event
	}
	d.Phase, d.Step, d.Input = at.phase, at.step, at.input
	return d
}

// describe names a call for a DivergenceError, with its input if in is not
// nil.
func (t *tape) describe(id callID, in *Msg) string {
	if id.end {
		if !id.hasProc {
			return "(no call: the run ended)"
		}
		if t.outcome != "" {
			return "(no call: the record ends here; the recorded run failed: " + t.outcome + ")"
		}
		return "(no call: the record ends here)"
	}
	if id.proc < 0 || id.proc >= len(t.prog.Procs) {
		return fmt.Sprintf("processor #%d, case %d, phase %d, step %d", id.proc, id.cs, id.phase, id.step)
	}
	he := newHandlerError(t.prog, id.phase, id.step, id.proc, id.cs, Msg{Kind: Kind(max(id.inKind, 0))}, id.input, nil)
	s := "processor " + he.Processor + ", case " + he.Case
	if he.Event != "" {
		s += fmt.Sprintf(", event %s (input %d", he.Event, he.Input)
		if in != nil && in.Ev != nil {
			data, _ := t.appendEmission(nil, *in)
			s += ": " + shortEmission(he.Event, data, in.Ev)
		}
		s += ")"
	}
	return s + fmt.Sprintf(", phase %d, step %d", id.phase, id.step)
}

// finishReplay checks, at the end of a run that succeeded, that the record
// has no call left and ends there.
func (t *tape) finishReplay(phase, step int) error {
	want, err := t.readCall()
	if err != nil {
		return err
	}
	if !want.end {
		return t.callDivergence(want, callID{end: true, phase: phase, step: step}, nil)
	}
	return nil
}

// readCall reads the record's next call into t.ems, or the end marker (end
// set, hasProc set so that describe says the record ends).
func (t *tape) readCall() (callID, error) {
	r := t.r
	data, err := r.peek()
	if err != nil {
		return callID{}, err
	}
	c := cursor{data: data}
	switch c.byte() {
	case tagCall:
	case tagEnd:
		calls := c.uvarint()
		outcome := c.string()
		if c.err != nil {
			return callID{}, r.corrupt("a malformed end marker")
		}
		r.advance(c.off)
		if calls != t.calls {
			return callID{}, r.corrupt(fmt.Sprintf("the end marker counts %d calls, the record has %d", calls, t.calls))
		}
		if err := r.atEOF(); err != nil {
			return callID{}, err
		}
		t.outcome = outcome
		return callID{end: true, hasProc: true}, nil
	default:
		return callID{}, r.corrupt("an entry of unknown type where a call was expected")
	}
	id := callID{hasProc: true}
	id.proc = int(c.uvarint())
	id.cs = int32(c.varint())
	id.phase = int(c.uvarint())
	id.step = int(c.uvarint())
	id.input = int(c.uvarint())
	id.inKind = int(c.uvarint()) - 1
	id.inSum = uint32(c.uvarint())
	n := c.uvarint()
	if c.err != nil || n > uint64(len(data)) {
		return callID{}, r.corrupt("a malformed call")
	}
	clear(t.ems)
	t.ems = t.ems[:0]
	for range n {
		k := Kind(c.uvarint())
		t.ems = append(t.ems, recEmission{kind: k, data: c.bytes()})
	}
	if c.err != nil || id.proc >= len(t.prog.Procs) || id.inKind >= t.nK {
		return callID{}, r.corrupt("a malformed call")
	}
	r.advance(c.off)
	return id, nil
}

// writeHeader writes the header chunk and the inputs.
func (t *tape) writeHeader(batch int, inputs []Msg) error {
	w := t.w
	if _, err := w.w.Write(append([]byte(recordMagic), recordVersion)); err != nil {
		return fmt.Errorf("fw: record: %w", err)
	}
	p := t.prog
	digest, procs := programDigest(p)
	b := append(w.buf, tagHeader)
	b = AppendString(b, p.Package)
	b = append(b, digest[:]...)
	b = append(b, p.Fingerprint[:]...)
	b = binary.AppendUvarint(b, uint64(batch))
	b = binary.AppendUvarint(b, uint64(len(p.Events)))
	for _, ev := range p.Events {
		b = AppendString(b, ev.Name)
	}
	b = binary.AppendUvarint(b, uint64(len(p.Targets)))
	for _, tg := range p.Targets {
		b = AppendString(b, tg.Name)
	}
	b = binary.AppendUvarint(b, uint64(len(p.Procs)))
	for i := range p.Procs {
		b = AppendString(b, p.Procs[i].Name)
		b = append(b, procs[i][:]...)
	}
	w.buf = b
	if err := w.flush(); err != nil {
		return err
	}
	for i, m := range inputs {
		var err error
		if t.scratch, err = t.appendEmission(t.scratch[:0], m); err != nil {
			return fmt.Errorf("fw: record: input %d (%s): %w", i, p.eventName(m.Kind), err)
		}
		b := append(w.buf, tagInput)
		b = binary.AppendUvarint(b, uint64(m.Kind))
		w.buf = AppendBytes(b, t.scratch)
		if err := w.maybeFlush(); err != nil {
			return err
		}
	}
	return nil
}

// readHeader reads the header, checks that the record is of this program,
// and reads the inputs.
func (t *tape) readHeader() (batch int, inputs []Msg, err error) {
	r := t.r
	if err := r.preamble(); err != nil {
		return 0, nil, err
	}
	data, err := r.peek()
	if err != nil {
		return 0, nil, err
	}
	c := cursor{data: data}
	if c.byte() != tagHeader {
		return 0, nil, r.corrupt("no header")
	}
	var h recHeader
	h.pkg = c.string()
	copy(h.digest[:], c.fixed(32))
	copy(h.fingerprint[:], c.fixed(32))
	batch = int(c.uvarint())
	for range c.count() {
		h.events = append(h.events, c.string())
	}
	for range c.count() {
		h.targets = append(h.targets, c.string())
	}
	for range c.count() {
		h.procs = append(h.procs, c.string())
		var d [32]byte
		copy(d[:], c.fixed(32))
		h.procDigests = append(h.procDigests, d)
	}
	if c.err != nil || c.off != len(data) || batch <= 0 { // the header is a chunk of its own
		return 0, nil, r.corrupt("a malformed header")
	}
	r.advance(c.off)
	if err := h.check(t.prog); err != nil {
		return 0, nil, err
	}
	for {
		data, err := r.peek()
		if err != nil {
			return 0, nil, err
		}
		if data[0] != tagInput {
			break
		}
		c := cursor{data: data, off: 1}
		k := Kind(c.uvarint())
		payload := c.bytes()
		if c.err != nil || int(k) >= t.nK {
			return 0, nil, r.corrupt("a malformed input")
		}
		r.advance(c.off)
		var m Msg
		if int(k) >= t.nE+t.nT {
			if len(payload) != 0 {
				return 0, nil, r.corrupt("a resolve request with a payload")
			}
			m = Msg{Kind: k}
		} else if m, err = t.codec.DecodeMsg(k, payload); err != nil {
			return 0, nil, fmt.Errorf("%w: input %d (%s) does not decode: %v", ErrRecordCorrupt, len(inputs), t.prog.eventName(k), err)
		}
		inputs = append(inputs, m)
	}
	return batch, inputs, nil
}

// recHeader is a record's description of the program that made it.
type recHeader struct {
	pkg                 string
	digest, fingerprint [32]byte
	events, targets     []string
	procs               []string
	procDigests         [][32]byte
}

// check returns nil if the header describes p, else an error wrapping
// ErrProgramChanged that names the first difference it finds.
func (h *recHeader) check(p *Program) error {
	digest, procs := programDigest(p)
	if h.digest == digest {
		return nil
	}
	diff := func(format string, args ...any) error {
		return fmt.Errorf("%w (package %s, digest %s; now %s): %s; record the run again with the current code",
			ErrProgramChanged, h.pkg, hex.EncodeToString(h.digest[:6]), hex.EncodeToString(digest[:6]), fmt.Sprintf(format, args...))
	}
	if h.pkg != p.Package {
		return diff("it is of package %s, not %s", h.pkg, p.Package)
	}
	if d := listDiff("event", h.events, func(i int) string { return p.Events[i].Name }, len(p.Events)); d != "" {
		return diff("%s", d)
	}
	if d := listDiff("target", h.targets, func(i int) string { return p.Targets[i].Name }, len(p.Targets)); d != "" {
		return diff("%s", d)
	}
	if d := listDiff("processor", h.procs, func(i int) string { return p.Procs[i].Name }, len(p.Procs)); d != "" {
		return diff("%s", d)
	}
	for i := range procs {
		if procs[i] != h.procDigests[i] {
			return diff("processor %s changed (its cases, lifecycle calls, builder declaration, cache settings or fingerprint)", p.Procs[i].Name)
		}
	}
	if h.fingerprint != p.Fingerprint {
		return diff("the package's declarations changed (event fields, enums, patterns, emits or builder clauses)")
	}
	return diff("the routing table changed")
}

// listDiff describes the first difference between the record's names and the
// program's, or returns "".
func listDiff(what string, rec []string, now func(int) string, n int) string {
	for i := range min(len(rec), n) {
		if rec[i] != now(i) {
			return fmt.Sprintf("%s %d is %s in the record, %s now", what, i, rec[i], now(i))
		}
	}
	switch {
	case len(rec) > n:
		return fmt.Sprintf("the record has %d %ss (%s ...), the program %d", len(rec), what, rec[n], n)
	case len(rec) < n:
		return fmt.Sprintf("the program has %d %ss (%s ...), the record %d", n, what, now(len(rec)), len(rec))
	}
	return ""
}

// programDigest is SHA-256 over a canonical description of p: its package,
// fingerprint, events, targets, processors (each with the digest returned in
// procs) and routing table. Concurrency is left out: it changes nothing a
// processor receives or emits.
func programDigest(p *Program) (all [32]byte, procs [][32]byte) {
	var b []byte
	str := func(s string) { b = AppendString(b, s) }
	num := func(v int64) { b = binary.AppendVarint(b, v) }
	flag := func(v bool) { b = AppendBool(b, v) }
	procs = make([][32]byte, len(p.Procs))
	for i := range p.Procs {
		pi := &p.Procs[i]
		b = b[:0]
		str("fw/proc/1")
		str(pi.Name)
		num(int64(len(pi.Cases)))
		for _, c := range pi.Cases {
			str(c)
		}
		flag(pi.Init)
		flag(pi.Phase)
		flag(pi.Terminate)
		num(int64(len(pi.Resolves)))
		for _, r := range pi.Resolves {
			num(int64(r))
		}
		flag(pi.Builder)
		flag(pi.Source)
		num(int64(pi.Provides))
		num(int64(len(pi.Requires)))
		for _, r := range pi.Requires {
			num(int64(r))
		}
		flag(pi.Persist)
		num(int64(pi.Version))
		flag(pi.Cached)
		b = append(b, pi.Fingerprint[:]...)
		procs[i] = sha256.Sum256(b)
	}
	b = b[:0]
	str("fw/program/1")
	str(p.Package)
	b = append(b, p.Fingerprint[:]...)
	num(int64(len(p.Events)))
	for _, ev := range p.Events {
		str(ev.Name)
	}
	num(int64(len(p.Targets)))
	for _, tg := range p.Targets {
		str(tg.Name)
		num(int64(tg.Provider))
	}
	num(int64(len(procs)))
	for _, d := range procs {
		b = append(b, d[:]...)
	}
	num(int64(len(p.Routes)))
	for _, r := range p.Routes {
		num(int64(len(r)))
		for _, x := range r {
			num(int64(x))
		}
	}
	return sha256.Sum256(b), procs
}

// recWriter writes a record's chunks.
type recWriter struct {
	w     io.Writer
	buf   []byte // the entries of the chunk being filled
	frame []byte
	err   error // the first write error: it sticks
}

func (w *recWriter) maybeFlush() error {
	if len(w.buf) >= chunkTarget {
		return w.flush()
	}
	return w.err
}

// flush writes the entries buffered as one chunk.
func (w *recWriter) flush() error {
	if w.err != nil || len(w.buf) == 0 {
		return w.err
	}
	w.frame = binary.AppendUvarint(w.frame[:0], uint64(len(w.buf)))
	crc := binary.BigEndian.AppendUint32(nil, crc32.Checksum(w.buf, castagnoli))
	for _, p := range [][]byte{w.frame, w.buf, crc} {
		if _, err := w.w.Write(p); err != nil {
			w.err = fmt.Errorf("fw: record: %w", err)
			return w.err
		}
	}
	w.buf = w.buf[:0]
	return nil
}

// recReader reads a record's chunks and hands out their entries.
type recReader struct {
	r      *bufio.Reader
	chunk  bytes.Buffer
	data   []byte // the rest of the current chunk
	chunks int    // chunks read
	off    int64  // bytes read
}

func newRecReader(r io.Reader) *recReader { return &recReader{r: bufio.NewReaderSize(r, 64<<10)} }

func (r *recReader) corrupt(what string) error {
	return fmt.Errorf("%w: %s in chunk %d (ending at byte %d)", ErrRecordCorrupt, what, r.chunks, r.off)
}

func (r *recReader) preamble() error {
	var p [len(recordMagic) + 1]byte
	n, err := io.ReadFull(r.r, p[:])
	r.off += int64(n)
	if k := min(n, len(recordMagic)); string(p[:k]) != recordMagic[:k] {
		return fmt.Errorf("%w: not a fw record (bad magic)", ErrRecordCorrupt)
	}
	if err == io.EOF {
		return fmt.Errorf("%w: the record is empty", ErrRecordTruncated)
	}
	if err != nil {
		return fmt.Errorf("%w: it ends within its first %d bytes", ErrRecordTruncated, len(p))
	}
	if p[len(recordMagic)] != recordVersion {
		return fmt.Errorf("%w: record format version %d, this runtime reads version %d", ErrRecordCorrupt, p[len(recordMagic)], recordVersion)
	}
	return nil
}

// peek returns the rest of the current chunk, which starts with the next
// entry, reading the next chunk once this one is consumed. It is valid until
// the next read.
func (r *recReader) peek() ([]byte, error) {
	for len(r.data) == 0 {
		if err := r.next(); err != nil {
			return nil, err
		}
	}
	return r.data, nil
}

// advance consumes n bytes of the current chunk: the entry just parsed.
func (r *recReader) advance(n int) { r.data = r.data[n:] }

// next reads the next chunk and checks its checksum.
func (r *recReader) next() error {
	n, err := binary.ReadUvarint(r.r)
	if err != nil {
		if err == io.EOF {
			return fmt.Errorf("%w: it ends after %d chunks (%d bytes) without its end marker", ErrRecordTruncated, r.chunks, r.off)
		}
		return fmt.Errorf("%w: after chunk %d (byte %d): %v", ErrRecordTruncated, r.chunks, r.off, err)
	}
	r.off += int64(uvarintLen(n))
	if n == 0 || n > maxChunk {
		return fmt.Errorf("%w: chunk %d (at byte %d) has a bad length %d", ErrRecordCorrupt, r.chunks+1, r.off, n)
	}
	r.chunk.Reset()
	got, err := io.CopyN(&r.chunk, r.r, int64(n)+4)
	r.off += got
	r.chunks++
	if err != nil {
		return fmt.Errorf("%w: chunk %d is cut after %d of its %d bytes", ErrRecordTruncated, r.chunks, got, n+4)
	}
	b := r.chunk.Bytes()
	data, sum := b[:n], binary.BigEndian.Uint32(b[n:])
	if crc32.Checksum(data, castagnoli) != sum {
		return fmt.Errorf("%w: chunk %d (ending at byte %d) fails its CRC-32C checksum", ErrRecordCorrupt, r.chunks, r.off)
	}
	r.data = data
	return nil
}

// atEOF checks that nothing follows the end marker.
func (r *recReader) atEOF() error {
	if len(r.data) > 0 {
		return r.corrupt("data after the end marker")
	}
	if _, err := r.r.ReadByte(); err != io.EOF {
		return fmt.Errorf("%w: data after the end marker (byte %d)", ErrRecordCorrupt, r.off)
	}
	return nil
}

func uvarintLen(v uint64) int { return len(binary.AppendUvarint(nil, v)) }

// cursor reads the fields of an entry; the first error sticks.
type cursor struct {
	data []byte
	off  int
	err  error
}

func (c *cursor) fail() {
	if c.err == nil {
		c.err = ErrEncoding
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
