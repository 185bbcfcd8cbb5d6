package engine

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/fwgo/fw/runtime/internal/record"
)

// Recorded replay (see WithRecord and WithReplay): the engine's side. The
// file format (chunks, entries, checksums) is package record; here are what
// is recorded and when, and the comparison of a replay.
//
// The header is the first chunk, then the inputs, then one call entry per
// call in the order of the delivery rule (see Engine): lifecycle calls and
// source pulls where the engine makes them; a step's event calls when the
// step completes, processor by processor in declaration order (a
// partitioned processor's instances in key group order), each instance's
// calls by input position. A program with a partitioned processor writes
// format version 3: its header has each processor's K, and each call its
// key group; any other program writes version 2, as before key groups. The order never depends on the worker
// count, so a run records the same bytes with 1 worker or 8.

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
	w       *record.Writer
	r       *record.Reader
	calls   uint64 // calls recorded or compared so far
	scratch []byte
	ems     []record.Emission // the emissions of the recorded call being compared
	outcome string            // the recorded run's outcome, once its end is read
	fedBuf  []record.Fed      // the fed events being replayed
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
	proc, kg     int
	cs           int32
	phase, step  int
	input        int
	inKind       int    // -1: no input (lifecycle calls and pulls)
	inSum        uint32 // CRC-32C of the input's encoding
	hasProc, end bool
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
		t.w = record.NewWriter(rec)
		lh := record.Header{Feeds: len(e.feeds), PhaseEvery: e.cfg.PhaseEvery, PhaseInterval: int64(e.cfg.PhaseInterval)}
		if p.partitioned() {
			for i := range p.Procs {
				lh.KeyGroups = append(lh.KeyGroups, keyGroups(&p.Procs[i]))
			}
		}
		if err := t.writeHeader(e.cfg.Batch, &lh, *cur); err != nil {
			return err
		}
	} else {
		if len(*cur) > 0 {
			return errors.New("fw: replay: events were submitted or targets resolved before Run; a replay submits the recorded inputs itself")
		}
		if len(e.feeds) > 0 {
			return errors.New("fw: replay: a feed or stream was attached before Run; a replay feeds the recorded events itself")
		}
		t.r = record.NewReader(rep)
		h, in, err := t.readHeader()
		if err != nil {
			return err
		}
		e.cfg.Batch = h.Batch
		// The recorded run's feeds (read from the record) and trigger.
		e.feeds = make([]Feed, h.Feeds)
		e.cfg.PhaseEvery, e.cfg.PhaseInterval = h.PhaseEvery, time.Duration(h.PhaseInterval)
		*cur = in
	}
	e.tape = t
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
		if werr := t.w.End(t.calls, outcome); werr != nil && *err == nil {
			*err = werr
		}
		return
	}
	if *err == nil {
		*err = t.finishReplay(e.phase, e.step)
	}
}

// call records or compares one call of instance kg of processor proc, with
// its input (nil for lifecycle calls and pulls) and its emissions.
func (t *tape) call(phase, step, proc, kg int, cs int32, input int, in *Msg, em []Msg) error {
	id := callID{proc: proc, kg: kg, cs: cs, phase: phase, step: step, input: input, inKind: -1, hasProc: true}
	if in != nil {
		id.inKind = int(in.Kind)
		var err error
		if t.scratch, err = t.appendEmission(t.scratch[:0], *in); err != nil {
			return fmt.Errorf("fw: record: %s: encoding the input: %w", t.describe(id, nil), err)
		}
		id.inSum = record.Checksum(t.scratch)
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
	if err := w.Err(); err != nil {
		return err
	}
	w.BeginCall(record.Call{Proc: id.proc, KG: id.kg, Case: id.cs, Phase: id.phase, Step: id.step, Input: id.input, InKind: id.inKind, InSum: id.inSum}, len(em))
	for j, m := range em {
		var err error
		if t.scratch, err = t.appendEmission(t.scratch[:0], m); err != nil {
			w.AbortCall()
			return fmt.Errorf("fw: record: %s, emission %d: %w", t.describe(id, nil), j, err)
		}
		w.Emission(uint64(m.Kind), t.scratch)
	}
	t.calls++
	return w.EndCall()
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
		if uint64(em[j].Kind) != t.ems[j].Kind {
			break
		}
		if t.scratch, err = t.appendEmission(t.scratch[:0], em[j]); err != nil {
			return fmt.Errorf("fw: replay: %s, emission %d: %w", t.describe(id, nil), j, err)
		}
		if !bytes.Equal(t.scratch, t.ems[j].Data) {
			break
		}
	}
	t.calls++
	if j == len(em) && j == len(t.ems) {
		return nil
	}
	he := newHandlerError(t.prog, id.phase, id.step, id.proc, id.kg, id.cs, Msg{Kind: Kind(max(id.inKind, 0))}, id.input, nil)
	d := &DivergenceError{
		Processor: he.Processor, KeyGroup: he.KeyGroup, KeyGroups: he.KeyGroups, Case: he.Case, Event: he.Event,
		Phase: id.phase, Step: id.step, Input: id.input, Index: j,
		Expected: "(no emission)", Got: "(no emission)",
		Replay: true, Call: t.calls - 1,
	}
	if j < len(t.ems) {
		r := t.ems[j]
		k := Kind(r.Kind)
		var ev any
		if r.Kind < uint64(t.nK) {
			if int(k) >= t.nE+t.nT {
				ev = nil
			} else if m, err := t.codec.DecodeMsg(k, r.Data); err == nil {
				ev = m.Ev
			}
		}
		d.Expected = shortEmission(t.prog.eventName(k), r.Data, ev)
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
		he := newHandlerError(t.prog, at.phase, at.step, at.proc, at.kg, at.cs, Msg{Kind: Kind(max(at.inKind, 0))}, at.input, nil)
		d.Processor, d.Case, d.Event = he.Processor, he.Case, he.Event
		d.KeyGroup, d.KeyGroups = he.KeyGroup, he.KeyGroups
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
	he := newHandlerError(t.prog, id.phase, id.step, id.proc, id.kg, id.cs, Msg{Kind: Kind(max(id.inKind, 0))}, id.input, nil)
	s := "processor " + he.Processor
	if he.KeyGroups > 1 {
		s += fmt.Sprintf("[%d]", he.KeyGroup)
	}
	s += ", case " + he.Case
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
	c, ems, end, err := r.Call(t.ems)
	t.ems = ems
	if err != nil {
		return callID{}, err
	}
	if end != nil {
		if end.Calls != t.calls {
			return callID{}, r.Corrupt(fmt.Sprintf("the end marker counts %d calls, the record has %d", end.Calls, t.calls))
		}
		if err := r.AtEOF(); err != nil {
			return callID{}, err
		}
		t.outcome = end.Outcome
		return callID{end: true, hasProc: true}, nil
	}
	if c.Proc >= len(t.prog.Procs) || c.InKind >= t.nK || c.KG >= keyGroups(&t.prog.Procs[c.Proc]) {
		return callID{}, r.Corrupt("a malformed call")
	}
	return callID{proc: c.Proc, kg: c.KG, cs: c.Case, phase: c.Phase, step: c.Step, input: c.Input, inKind: c.InKind, inSum: c.InSum, hasProc: true}, nil
}

// recordFed writes the events evs just pulled from feed f (done: it
// ended), with the ids its pull named.
func (t *tape) recordFed(f int, done bool, evs []Msg, named []namedID) error {
	w := t.w
	if err := w.Err(); err != nil {
		return err
	}
	w.BeginFed(f, done, len(evs))
	ni := 0
	for k, m := range evs {
		var err error
		if t.scratch, err = t.appendEmission(t.scratch[:0], m); err != nil {
			return fmt.Errorf("fw: record: feed %d: %w", f, err)
		}
		id := ""
		for ni < len(named) && named[ni].at < k {
			ni++
		}
		if ni < len(named) && named[ni].at == k {
			id = named[ni].id
		}
		w.FedEvent(uint64(m.Kind), t.scratch, id)
	}
	return w.EndFed()
}

// fed replays a pull of feed f: if the record's next entry is its fed
// events, they are appended to batch and their ids to *named; if it is the
// end of the record, errReplayEnded; else nothing (the recorded pull had
// nothing ready).
func (t *tape) fed(f int, batch []Msg, named *[]namedID) (_ []Msg, done bool, err error) {
	r := t.r
	tag, err := r.Next()
	switch {
	case err != nil:
		return batch, false, err
	case tag == record.EntryEnd:
		return batch, false, errReplayEnded
	case tag != record.EntryFed:
		return batch, false, nil
	}
	feed, done, evs, err := r.Fed(t.fedBuf)
	t.fedBuf = evs
	if err != nil {
		return batch, false, err
	}
	if feed != f {
		return batch, false, r.Corrupt(fmt.Sprintf("events of feed %d where feed %d is pulled", feed, f))
	}
	mark := len(batch)
	for k, ev := range evs {
		if ev.Kind >= uint64(t.nE) {
			return batch[:mark], false, r.Corrupt("a fed event of no event type")
		}
		m, err := t.codec.DecodeMsg(Kind(ev.Kind), ev.Data)
		if err != nil {
			return batch[:mark], false, fmt.Errorf("%w: a fed %s does not decode: %v", ErrRecordCorrupt, t.prog.eventName(Kind(ev.Kind)), err)
		}
		batch = append(batch, m)
		if ev.ID != "" {
			*named = append(*named, namedID{at: k, id: ev.ID})
		}
	}
	return batch, done, nil
}

// writeHeader writes the header chunk (with lh's feeds and trigger) and the
// inputs.
func (t *tape) writeHeader(batch int, lh *record.Header, inputs []Msg) error {
	w := t.w
	p := t.prog
	digest, procs := programDigest(p)
	h := &record.Header{Package: p.Package, Digest: digest, Fingerprint: p.Fingerprint, Batch: batch, ProcDigests: procs,
		Feeds: lh.Feeds, PhaseEvery: lh.PhaseEvery, PhaseInterval: lh.PhaseInterval, KeyGroups: lh.KeyGroups}
	for _, ev := range p.Events {
		h.Events = append(h.Events, ev.Name)
	}
	for _, tg := range p.Targets {
		h.Targets = append(h.Targets, tg.Name)
	}
	for i := range p.Procs {
		h.Procs = append(h.Procs, p.Procs[i].Name)
	}
	if err := w.Header(h); err != nil {
		return err
	}
	for i, m := range inputs {
		var err error
		if t.scratch, err = t.appendEmission(t.scratch[:0], m); err != nil {
			return fmt.Errorf("fw: record: input %d (%s): %w", i, p.eventName(m.Kind), err)
		}
		if err := w.Input(uint64(m.Kind), t.scratch); err != nil {
			return err
		}
	}
	return nil
}

// readHeader reads the header, checks that the record is of this program,
// and reads the inputs.
func (t *tape) readHeader() (h *record.Header, inputs []Msg, err error) {
	r := t.r
	h, err = r.Header()
	if err != nil {
		return nil, nil, err
	}
	if err := check(h, t.prog); err != nil {
		return nil, nil, err
	}
	for {
		kind, payload, ok, err := r.Input()
		if err != nil {
			return nil, nil, err
		}
		if !ok {
			break
		}
		if kind >= uint64(t.nK) {
			return nil, nil, r.Corrupt("a malformed input")
		}
		k := Kind(kind)
		var m Msg
		if int(k) >= t.nE+t.nT {
			if len(payload) != 0 {
				return nil, nil, r.Corrupt("a resolve request with a payload")
			}
			m = Msg{Kind: k}
		} else if m, err = t.codec.DecodeMsg(k, payload); err != nil {
			return nil, nil, fmt.Errorf("%w: input %d (%s) does not decode: %v", ErrRecordCorrupt, len(inputs), t.prog.eventName(k), err)
		}
		inputs = append(inputs, m)
	}
	return h, inputs, nil
}

// check returns nil if the header describes p, else an error wrapping
// ErrProgramChanged that names the first difference it finds.
func check(h *record.Header, p *Program) error {
	digest, procs := programDigest(p)
	if h.Digest == digest {
		return nil
	}
	diff := func(format string, args ...any) error {
		return fmt.Errorf("%w (package %s, digest %s; now %s): %s; record the run again with the current code",
			ErrProgramChanged, h.Package, hex.EncodeToString(h.Digest[:6]), hex.EncodeToString(digest[:6]), fmt.Sprintf(format, args...))
	}
	if h.Package != p.Package {
		return diff("it is of package %s, not %s", h.Package, p.Package)
	}
	if d := listDiff("event", h.Events, func(i int) string { return p.Events[i].Name }, len(p.Events)); d != "" {
		return diff("%s", d)
	}
	if d := listDiff("target", h.Targets, func(i int) string { return p.Targets[i].Name }, len(p.Targets)); d != "" {
		return diff("%s", d)
	}
	if d := listDiff("processor", h.Procs, func(i int) string { return p.Procs[i].Name }, len(p.Procs)); d != "" {
		return diff("%s", d)
	}
	for i := range p.Procs {
		rk := 1
		if i < len(h.KeyGroups) {
			rk = h.KeyGroups[i]
		}
		if k := keyGroups(&p.Procs[i]); rk != k {
			return diff("processor %s has %d key groups in the record, %d now", p.Procs[i].Name, rk, k)
		}
	}
	for i := range procs {
		if procs[i] != h.ProcDigests[i] {
			return diff("processor %s changed (its cases, lifecycle calls, builder declaration, cache settings or fingerprint)", p.Procs[i].Name)
		}
	}
	if h.Fingerprint != p.Fingerprint {
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
		if pi.Eager || pi.PersistFlushes { // issue 15; absent from older digests
			str("fw/fed")
			flag(pi.Eager)
			flag(pi.PersistFlushes)
		}
		if pi.KeyGroups > 1 { // issue 16; absent from unpartitioned digests
			str("fw/kg")
			num(int64(pi.KeyGroups))
		}
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
