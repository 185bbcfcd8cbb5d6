package engine

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"
	"log/slog"
	"math"
	"runtime/debug"

	"github.com/fwgo/fw/internal/suggest"
	"github.com/fwgo/fw/runtime/archive"
)

// caseBuild is the case of a source builder's pull in a HandlerError.
const caseBuild int32 = -4

// builders is the run state of a program with targets; a run of a program
// without targets has none and pays for none of it.
//
// A builder is inactive (proc.off) until its target is resolved. Target t's
// artifacts are logged, in publication order, while waiting[t] > 0, that is
// while some builder requiring t is inactive and could still be activated by a
// case (see lateBuilders): such a builder receives the log first when it is
// activated.
type builders struct {
	nE, nT   int
	src      Sources // the Dispatcher's, or nil
	batch    int
	late     []bool     // per proc: a builder that a case may activate during the run (lateBuilders)
	waiting  []int32    // per target: how many late builders requiring it are inactive
	logs     [][]Msg    // per target: its artifacts published so far, while waiting > 0
	logIDs   [][]string // per target: the causal ids of logs, in a run with sinks
	logging  int        // targets with waiting > 0
	directed []directed
	sources  []source // the source builders, declaration order
	routes   []Delivery
	eager    []int32 // the targets of the eager builders (ProcInfo.Eager), declaration order
	started  bool    // the eager builders were activated (by the first prepare)
	flushes  []flushing
}

// flushing is the state of a persistent helper (ProcInfo.PersistFlushes): a
// running digest of what it received, each input's event name and
// canonical encoding in delivery order, and a marker per phase broadcast.
// Its phase calls' publications are archived under a key of the digest.
// A partitioned helper has one per instance, whose digest covers what that
// instance received: its keys depend on K.
type flushing struct {
	slot int32 // the helper's instance, a slot
	h    hash.Hash
	buf  []byte
}

// directed is a delivery of a logged artifact to one builder, made at the start
// of the next step before the step's events: to the builder's instance of
// the artifact's key group when the builder is partitioned.
type directed struct {
	slot, cs int32 // the receiving slot, and the case
	m        Msg
	id       string // the artifact's causal id, in a run with sinks
}

type source struct {
	proc    int32
	active  bool
	started bool // pulled at least once
	done    bool // exhausted (a pull returned done without error)

	// A persistent source (see pullPersist).
	persist   bool
	looked    bool        // its record was looked up
	key       archive.Key // the key of its output (an empty input)
	replaying bool        // a hit: replay is pulled instead of the builder
	replay    []Msg       // the rest of the recorded output to replay
	verify    bool        // a hit being verified: expect is compared with acc
	expect    archive.Record
	acc       []Msg // a miss's (or verified hit's) output pulled so far
}

func newBuilders(p *Program, d Dispatcher, batch int) *builders {
	_, base := slotsOf(p)
	b := &builders{
		nE:      len(p.Events),
		nT:      len(p.Targets),
		batch:   batch,
		waiting: make([]int32, len(p.Targets)),
		logs:    make([][]Msg, len(p.Targets)),
	}
	b.src, _ = d.(Sources)
	b.late = lateBuilders(p)
	for i := range p.Procs {
		pi := &p.Procs[i]
		if !pi.Builder {
			continue
		}
		if pi.Eager {
			b.eager = append(b.eager, pi.Provides)
		}
		if pi.PersistFlushes { // one digest per instance: slots first..first+K-1
			first := int32(i)
			if base != nil {
				first = base[i]
			}
			for kg := range int32(keyGroups(pi)) {
				b.flushes = append(b.flushes, flushing{slot: first + kg, h: sha256.New()})
			}
		}
		if b.late[i] {
			for _, r := range pi.Requires {
				if b.waiting[r] == 0 {
					b.logging++
				}
				b.waiting[r]++
			}
		}
		if pi.Source {
			b.sources = append(b.sources, source{proc: int32(i), persist: pi.Persist})
		}
	}
	return b
}

// lateBuilders marks the builders that a case could activate while the run
// goes on: the providers of the targets in some ProcInfo.Resolves, and,
// transitively, the providers of what they require. Any other builder is
// activated before the first step (by the caller's resolve requests, or as
// an eager builder) or never, so no artifact is logged for it. Eager builders
// and the processors that publish targets are active from the start: never
// late.
func lateBuilders(p *Program) []bool {
	late := make([]bool, len(p.Procs))
	var mark func(t int32)
	mark = func(t int32) {
		if t < 0 || int(t) >= len(p.Targets) {
			return
		}
		b := p.Targets[t].Provider
		if b < 0 || int(b) >= len(p.Procs) || late[b] || !p.Procs[b].Builder || p.Procs[b].Eager {
			return
		}
		late[b] = true
		for _, r := range p.Procs[b].Requires {
			mark(r)
		}
	}
	for i := range p.Procs {
		for _, t := range p.Procs[i].Resolves {
			mark(t)
		}
	}
	return late
}

// targetIndex returns the index of the target named name, or -1.
func (p *Program) targetIndex(name string) int {
	for i := range p.Targets {
		if p.Targets[i].Name == name {
			return i
		}
	}
	return -1
}

// noProvider is the error for resolving a target nobody provides.
func noProvider(p *Program, name string) error {
	names := make([]string, len(p.Targets))
	for i := range p.Targets {
		names[i] = p.Targets[i].Name
	}
	if s := suggest.Closest(name, names); s != "" {
		return fmt.Errorf("%w %s; did you mean %s?", ErrNoProvider, name, s)
	}
	return fmt.Errorf("%w %s", ErrNoProvider, name)
}

// Resolve queues a request to resolve target name, as a processor's
// `-> resolve name` does: its provider, and the providers it requires, take
// part in the run. It must be called before Run; calling it once Run has
// started panics. If no builder provides name, Run returns an error wrapping
// ErrNoProvider without running anything.
func (e *Engine) Resolve(name string) {
	e.checkNotStarted("Resolve")
	t := e.prog.targetIndex(name)
	if t < 0 {
		if e.resolveErr == nil {
			e.resolveErr = noProvider(e.prog, name)
		}
		return
	}
	e.submitted = append(e.submitted, Msg{Kind: Kind(len(e.prog.Events) + len(e.prog.Targets) + t)})
}

// startBuilders sets up the run state of builders: every builder inactive.
func (e *Engine) startBuilders() {
	if len(e.prog.Targets) == 0 {
		return
	}
	e.bld = newBuilders(e.prog, e.disp, e.cfg.Batch)
	for i := range e.procs {
		if e.prog.Procs[e.procs[i].owner].Builder {
			e.procs[i].off = true
		}
	}
}

// pending reports whether the next step has anything to deliver, cur being
// its events.
func (e *Engine) pending(cur []Msg) bool {
	return len(cur) > 0 || e.bld != nil && len(e.bld.directed) > 0
}

// prepare turns a batch of events (a step's emissions, the submitted events
// with the `on init` emissions, or a phase broadcast's emissions) into the
// events of the next step: it takes the resolve requests out of the batch and
// processes them in order (a builder activated by one may emit more, processed
// in turn), then pulls each active source that is not exhausted for a batch,
// in declaration order, appending its artifacts; then it logs the artifacts of
// targets that still have inactive consumers.
func (e *Engine) prepare(batch []Msg) ([]Msg, error) {
	if e.xch != nil {
		e.xch.endPass()
	}
	if e.bld != nil && !e.bld.started {
		var err error
		if batch, err = e.startEager(batch); err != nil {
			return batch, err
		}
	}
	b := e.bld
	if b == nil {
		if !e.feeding() {
			return batch, nil
		}
		batch, err := e.pullFeed(batch)
		if err != nil {
			return batch, err
		}
		return e.waitFeed(batch)
	}
	lo, hi := Kind(b.nE+b.nT), Kind(b.nE+2*b.nT)
	w := 0
	sk := e.sk
	for r := 0; r < len(batch); r++ {
		m := batch[r]
		if m.Kind < lo || m.Kind >= hi {
			batch[w] = m
			if sk != nil {
				sk.ids[w] = sk.ids[r]
			}
			w++
			continue
		}
		var err error
		if batch, err = e.activate(int(m.Kind-lo), batch); err != nil {
			clear(batch[w:])
			return batch[:w], err
		}
	}
	clear(batch[w:])
	batch = batch[:w]
	if sk != nil {
		sk.align(w)
	}

	if e.feeding() {
		var err error
		if batch, err = e.pullFeed(batch); err != nil {
			return batch, err
		}
	}

	if b.src != nil {
		for {
			more := false
			for i := range b.sources {
				s := &b.sources[i]
				if !s.active || s.done {
					continue
				}
				var err error
				if batch, err = e.pull(s, batch); err != nil {
					return batch, err
				}
				more = more || !s.done
			}
			// A source that yielded nothing but is not exhausted is pulled
			// again: a step needs work.
			if !more || e.pending(batch) {
				break
			}
		}
	}

	if b.logging > 0 {
		for k, m := range batch {
			if t := int(m.Kind) - b.nE; t >= 0 && t < b.nT && b.waiting[t] > 0 {
				b.logs[t] = append(b.logs[t], m)
				if sk != nil {
					if b.logIDs == nil {
						b.logIDs = make([][]string, b.nT)
					}
					b.logIDs[t] = append(b.logIDs[t], sk.ids[k])
				}
			}
		}
	}
	return e.waitFeed(batch)
}

// waitFeed ends prepare: while the next step would be empty and a stream is
// being fed, it waits for the stream (or the phase's time, or the run's
// end) and pulls it again.
func (e *Engine) waitFeed(batch []Msg) ([]Msg, error) {
	for !e.pending(batch) && e.feeding() && e.waits() {
		if err := e.wait(); err != nil {
			return batch, err
		}
		var err error
		if batch, err = e.pullFeed(batch); err != nil {
			return batch, err
		}
	}
	return batch, nil
}

// startEager activates the eager builders (ProcInfo.Eager), in declaration
// order, as if the caller had resolved their targets before anything else:
// it is called by the first prepare, and their `on init` emissions are
// appended to batch.
func (e *Engine) startEager(batch []Msg) ([]Msg, error) {
	b := e.bld
	b.started = true
	for _, t := range b.eager {
		var err error
		if batch, err = e.activate(int(t), batch); err != nil {
			return batch, err
		}
	}
	return batch, nil
}

// foldFlushes adds to the digest of each active persistent helper what the
// step about to run (its events batch, runStep's cur) delivers to it, in its
// inbox's order: its directed deliveries, then the step's events routed to it.
func (e *Engine) foldFlushes(batch []Msg) error {
	b := e.bld
	for i := range b.flushes {
		f := &b.flushes[i]
		sp := &e.procs[f.slot]
		if sp.off {
			continue
		}
		for _, d := range b.directed {
			if d.slot == f.slot {
				if err := e.fold(f, d.m); err != nil {
					return err
				}
			}
		}
		for _, m := range batch {
			b.routes = e.disp.Route(m, b.routes[:0])
			for _, d := range b.routes {
				if d.Proc == sp.owner && d.KG == sp.kg {
					if err := e.fold(f, m); err != nil {
						return err
					}
					break
				}
			}
		}
	}
	return nil
}

// fold adds the input m to f's digest: its event name and its canonical
// encoding, each with its length.
func (e *Engine) fold(f *flushing, m Msg) error {
	c := e.cache
	buf := binary.AppendUvarint(f.buf[:0], uint64(len(c.names[m.Kind])))
	buf = append(buf, c.names[m.Kind]...)
	mark := len(buf)
	buf = append(buf, 0, 0, 0, 0, 0, 0, 0, 0)
	buf, err := c.codec.AppendMsg(buf, m)
	if err != nil {
		return e.slotError(int(f.slot), CasePhase, Msg{}, 0, fmt.Errorf("fw: cache: encoding an input of a persistent helper: %w", err))
	}
	binary.BigEndian.PutUint64(buf[mark:], uint64(len(buf)-mark-8))
	f.h.Write(buf)
	f.buf = buf
	return nil
}

// persistFlush ends a successful phase call of slot s, whose
// publications are out[mark:]: for a persistent helper, the phase is folded
// into its digest, and the publications are recorded under a key of it on a
// miss, replaced by the recorded ones on a hit (compared with them under
// WithVerify).
func (e *Engine) persistFlush(s int, out []Msg, mark int) ([]Msg, error) {
	b := e.bld
	var f *flushing
	for j := range b.flushes {
		if int(b.flushes[j].slot) == s {
			f = &b.flushes[j]
		}
	}
	if f == nil {
		return out, nil
	}
	i := int(e.procs[s].owner)
	f.h.Write([]byte{0xff, 'p', 'h', 'a', 's', 'e'}) // no name starts with 0xff
	ch := e.cache
	var sum [sha256.Size]byte
	key := ch.procs[i].spec.Key(f.h.Sum(sum[:0]))
	pos := divPos{phase: e.phase, step: e.step, cs: CasePhase, kg: e.procs[s].kg}
	rec, ok, err := e.persistLookup(s, i, key)
	if err != nil {
		return out, err
	}
	switch {
	case ok && ch.verify:
		ch.counts.hit(i)
		cc := cacheCall{key: key, verify: true, expect: rec}
		return out, ch.finish(i, &cc, pos, out[mark:])
	case ok:
		replayed, err := ch.replay(rec, nil)
		if err == nil {
			ch.counts.hit(i)
			clear(out[mark:])
			return append(out[:mark], replayed...), nil
		}
		ch.log.Warn("fw: cache entry does not decode, treating it as a miss; it will be rewritten",
			"processor", e.prog.Procs[i].Name, "key", key.String(), "err", err)
	}
	ch.counts.miss(i)
	cc := cacheCall{key: key}
	return out, ch.finish(i, &cc, pos, out[mark:])
}

// activate activates the provider of target t unless it is active: the
// providers of its requirements first (depth first, in requires order), then
// its `on init` (emissions appended to batch), then the replay of each
// requirement's log as directed deliveries (requirement by requirement, in
// publication order). A source builder becomes eligible for pulls.
func (e *Engine) activate(t int, batch []Msg) ([]Msg, error) {
	b := e.bld
	ti := &e.prog.Targets[t]
	pi := int(ti.Provider)
	if pi < 0 || pi >= len(e.prog.Procs) {
		return batch, noProvider(e.prog, ti.Name)
	}
	if !e.prog.Procs[pi].Builder {
		return batch, nil // published by a processor, which is always active
	}
	first := e.slotOf(int32(pi), 0)
	if !e.procs[first].off {
		return batch, nil
	}
	info := &e.prog.Procs[pi]
	k := keyGroups(info)
	for s := first; s < first+k; s++ { // every instance of a partitioned builder
		e.procs[s].off = false
	}
	e.cfg.Logger.LogAttrs(e.ctx, slog.LevelDebug, "fw: builder activated",
		slog.String("builder", info.Name), slog.String("target", ti.Name), slog.Int("phase", e.phase), slog.Int("step", e.step))
	var err error
	for _, r := range info.Requires {
		if batch, err = e.activate(int(r), batch); err != nil {
			return batch, err
		}
	}
	if info.Init {
		mark := len(batch)
		if e.sk != nil {
			e.sk.root = "init"
		}
		for s := first; s < first+k; s++ {
			if batch, err = e.lifecycleCall(s, CaseInit, batch); err != nil {
				return batch, err
			}
		}
		if e.sk != nil && len(batch) > mark {
			if err := e.publish(batch[mark:], e.sk.ids[mark:]); err != nil {
				return batch, err
			}
		}
	}
	for _, r := range info.Requires {
		for at, m := range b.logs[r] {
			b.routes = e.disp.Route(m, b.routes[:0])
			for _, d := range b.routes {
				if int(d.Proc) == pi {
					dd := directed{slot: int32(e.slotOf(d.Proc, d.KG)), cs: d.Case, m: m}
					if e.sk != nil && at < len(b.logIDs[r]) {
						dd.id = b.logIDs[r][at]
					}
					b.directed = append(b.directed, dd)
					break
				}
			}
		}
		if !b.late[pi] {
			continue
		}
		if b.waiting[r]--; b.waiting[r] == 0 {
			b.logs[r] = nil
			if b.logIDs != nil {
				b.logIDs[r] = nil
			}
			b.logging--
		}
	}
	if info.Source {
		for i := range b.sources {
			if int(b.sources[i].proc) == pi {
				b.sources[i].active = true
				b.sources[i].done = b.src == nil
			}
		}
	}
	return batch, nil
}

// pull asks source s for a batch of artifacts, appended to batch.
func (e *Engine) pull(s *source, batch []Msg) ([]Msg, error) {
	mark := len(batch)
	var err error
	if s.persist && e.cache != nil {
		batch, err = e.pullPersist(s, batch)
	} else {
		batch, err = e.pullSource(s, batch)
	}
	if err == nil && e.tape != nil {
		err = e.tape.call(e.phase, e.step, int(s.proc), 0, caseBuild, 0, nil, batch[mark:])
	}
	if err == nil && e.sk != nil {
		e.sk.align(mark)
		e.sourceIDs(s.proc, len(batch)-mark)
	}
	return batch, err
}

// pullSource asks source s's builder for a batch of artifacts.
func (e *Engine) pullSource(s *source, batch []Msg) ([]Msg, error) {
	if e.cancelled() {
		return batch, e.stopErr()
	}
	c := &e.call
	*c = Call{ctx: e.ctx, prog: e.prog, proc: s.proc, cs: caseBuild, phase: e.phase, step: e.step, out: batch, mark: len(batch)}
	mark := len(batch)
	s.started = true
	done, err := e.pullOne(c, s.proc)
	batch, c.out = c.out, nil
	if err != nil {
		clear(batch[mark:])
		e.counts.add(int(s.proc), &tally{failed: 1})
		return batch[:mark], e.handlerError(int(s.proc), caseBuild, Msg{}, 0, err)
	}
	s.done = done
	e.counts.add(int(s.proc), &tally{pulls: 1, emitted: uint64(len(batch) - mark)})
	return batch, nil
}

// pullOne calls Sources.Pull, turning a panic into a *PanicError.
func (e *Engine) pullOne(c *Call, proc int32) (done bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &PanicError{Value: r, Stack: debug.Stack()}
		}
	}()
	return e.bld.src.Pull(c, proc, e.bld.batch)
}

// stopSources stops every source that was pulled and is not exhausted, so
// that no source goroutine outlives Run. A panicking Stop fails a run that
// would otherwise succeed.
func (e *Engine) stopSources(err *error) {
	b := e.bld
	if b == nil || b.src == nil {
		return
	}
	for i := range b.sources {
		s := &b.sources[i]
		if !s.started || s.done {
			continue
		}
		s.done = true
		if perr := e.stopOne(s.proc); perr != nil && *err == nil {
			*err = &HandlerError{Processor: e.prog.Procs[s.proc].Name, Case: "stop", Phase: e.phase, Step: e.step, Err: perr}
		}
	}
}

func (e *Engine) stopOne(proc int32) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &PanicError{Value: r, Stack: debug.Stack()}
		}
	}()
	e.bld.src.Stop(proc)
	return nil
}

// withDirected returns the events of a step with directed deliveries: the
// directed messages, then cur, and appends the directed items to the inboxes.
// It returns the offset of cur's events.
func (e *Engine) withDirected(cur []Msg) ([]Msg, int) {
	b := e.bld
	if len(b.directed)+len(cur) > math.MaxInt32 {
		panic("fw: more than MaxInt32 events in one step")
	}
	all := make([]Msg, 0, len(b.directed)+len(cur))
	for _, d := range b.directed {
		p := &e.procs[d.slot]
		p.inbox = append(p.inbox, item{ev: int32(len(all)), cs: d.cs})
		all = append(all, d.m)
	}
	return append(all, cur...), len(b.directed)
}

// eventName names the event of kind k in a HandlerError.
func (p *Program) eventName(k Kind) string {
	nE, nT := len(p.Events), len(p.Targets)
	switch i := int(k); {
	case i < nE:
		return p.Events[i].Name
	case i < nE+nT:
		return "built " + p.Targets[i-nE].Name
	case i < nE+2*nT:
		return "resolve " + p.Targets[i-nE-nT].Name
	}
	return "kind " + fmt.Sprint(k)
}
