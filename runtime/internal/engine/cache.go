package engine

import (
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	goruntime "runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/fwgo/fw/runtime/archive"
)

// cache is the run state of caching: the archive, the Codec, and a key spec
// per cached processor or persistent builder. A run of a program with neither
// has none and pays for none of it.
type cache struct {
	arch            archive.Archive
	own             bool // the default in-memory archive, closed at the end of Run
	codec           Codec
	log             *slog.Logger
	refresh, verify bool
	prog            *Program
	counts          *counters
	procs           []cacheProc // per processor
	owner           []int32     // per slot: its processor
	names           []string    // by kind: the name recorded for an emission of that kind
	kinds           map[string]Kind
	nE, nT          int
	bufs            sync.Pool // *[]byte scratch buffers

	// Lookups in advance (see prefetch): the event calls of a step that
	// cached processors are to make, looked up together at the step's first
	// cached call, with one archive.GetBatch.
	batch  bool          // lookups are made in advance (not in refresh mode)
	pfStep atomic.Uint64 // stepID of the step whose calls pf holds, 0 for none
	pfPuts atomic.Int64  // Puts since pf was made; their keys are in pfPut
	pfMu   sync.Mutex    // guards making pf, and pfPut
	pf     *pfState      // from pfPool, returned by closeCache
	pfPut  map[archive.Key]struct{}
	// pfInbox: pf was made on the pool, its calls laid out by inbox
	// position (not by input position: a step moved to the pool after some
	// inline calls has inboxes that start at proc.base).
	pfInbox bool
}

// pfState is the scratch of the lookups in advance, reused by later runs.
type pfState struct {
	calls []pfCall // by slot, each by input position
	off   []int    // slot i's calls are calls[off[i]:off[i+1]]
	in    []pfIn
	at    []int // where each of in goes among calls
	keys  []archive.Key
	res   []archive.Result
	dsts  []Delivery // Route's scratch
}

var pfPool = sync.Pool{New: func() any { return new(pfState) }}

// procCalls returns slot i's calls of the step.
func (s *pfState) procCalls(i int) []pfCall {
	if i+1 >= len(s.off) {
		return nil
	}
	return s.calls[s.off[i]:s.off[i+1]]
}

// reset drops what the state refers to and keeps its buffers.
func (s *pfState) reset() {
	clear(s.calls)
	clear(s.in)
	clear(s.res)
	s.calls, s.in, s.keys, s.res, s.dsts = s.calls[:0], s.in[:0], s.keys[:0], s.res[:0], s.dsts[:0]
	s.off = s.off[:0]
}

// pfIn is a call to look up in advance: processor and input.
type pfIn struct {
	proc int32 // the slot
	m    Msg
}

type cacheProc struct {
	calls   bool // its event (or artifact) calls are cached
	named   bool // its keys name the input's kind (see named)
	persist bool // a persistent source builder: its whole output is cached
	spec    archive.KeySpec
	keyer   archive.Keyer
}

// pfCall is a call looked up in advance: its input (kind and the data word
// of Ev, to check that the call made at its position is this one), its key
// and what the archive returned.
type pfCall struct {
	kind Kind
	ev   unsafe.Pointer
	ok   bool // key and res are set (the input could be encoded)
	key  archive.Key
	res  archive.Result
}

// cachedCalls reports whether the event calls of a processor are cached: a
// `cached` processor's, or a persistent transform builder's (per input
// artifact).
func cachedCalls(pi *ProcInfo) bool {
	if pi.Builder {
		return pi.Persist && !pi.Source && !pi.PersistFlushes
	}
	return pi.Cached
}

// usesCache reports whether a program has anything to cache.
func usesCache(p *Program) bool {
	for i := range p.Procs {
		if pi := &p.Procs[i]; cachedCalls(pi) || pi.Builder && pi.Source && pi.Persist || pi.PersistFlushes {
			return true
		}
	}
	return false
}

// startCache sets up the cache of a run, if the program uses one.
func (e *Engine) startCache() error {
	if !usesCache(e.prog) {
		return nil
	}
	codec, ok := e.disp.(Codec)
	if !ok {
		return fmt.Errorf("fw: package %s has cached processors or persistent builders, but its Dispatcher does not implement runtime.Codec; regenerate it", e.prog.Package)
	}
	p := e.prog
	c := &cache{
		arch:    e.cfg.Archive,
		codec:   codec,
		log:     e.cfg.Logger,
		refresh: e.cfg.Refresh,
		verify:  e.cfg.Verify,
		prog:    p,
		counts:  e.counts,
		procs:   make([]cacheProc, len(p.Procs)),
		owner:   make([]int32, len(e.procs)),
		nE:      len(p.Events),
		nT:      len(p.Targets),
		kinds:   make(map[string]Kind),
	}
	if c.arch == nil {
		c.arch, c.own = archive.NewMemory(), true
	}
	for k := range len(p.Events) + 2*len(p.Targets) {
		name := p.eventName(Kind(k))
		c.names = append(c.names, name)
		c.kinds[name] = Kind(k)
	}
	for i := range p.Procs {
		pi := &p.Procs[i]
		cp := &c.procs[i]
		cp.calls = cachedCalls(pi)
		cp.named = cp.calls && named(p, i)
		cp.persist = pi.Builder && pi.Source && pi.Persist
		cp.spec = archive.KeySpec{Processor: pi.Name, Version: int64(pi.Version), Fingerprint: pi.Fingerprint, Salt: e.cfg.Salt}
		cp.keyer = cp.spec.Keyer()
	}
	for i := range e.procs {
		c.owner[i] = e.procs[i].owner
		e.procs[i].cached = c.procs[e.procs[i].owner].calls
	}
	if !c.refresh {
		c.batch = true
		c.pf = pfPool.Get().(*pfState)
		c.pfPut = make(map[archive.Key]struct{})
	}
	e.cache = c
	return nil
}

// closeCache flushes the archive at the end of Run, whatever the outcome, and
// closes the default one. A flush error fails a run that would otherwise
// succeed.
func (e *Engine) closeCache(err *error) {
	c := e.cache
	if c == nil {
		return
	}
	if c.pf != nil {
		c.pf.reset()
		pfPool.Put(c.pf)
		c.pf = nil
		c.batch = false
	}
	var ferr error
	if c.own {
		ferr = c.arch.Close()
	} else {
		ferr = c.arch.Flush()
	}
	if ferr == nil {
		return
	}
	ferr = fmt.Errorf("fw: flushing the archive: %w", ferr)
	if *err == nil {
		*err = ferr
	} else {
		e.cfg.Logger.LogAttrs(e.parent, slog.LevelWarn, "fw: flushing the archive failed", slog.String("err", ferr.Error()))
	}
}

func (c *cache) getBuf() *[]byte {
	if b, ok := c.bufs.Get().(*[]byte); ok {
		return b
	}
	b := make([]byte, 0, 256)
	return &b
}

func (c *cache) putBuf(b *[]byte) {
	if cap(*b) <= 1<<20 {
		*b = (*b)[:0]
		c.bufs.Put(b)
	}
}

// cacheCall is the state of one cached call between its lookup and its end.
type cacheCall struct {
	key    archive.Key
	verify bool           // a hit whose handler is called anyway, to compare
	expect archive.Record // the record of a hit being verified
}

// lookup returns the record of key k, or false: a miss, a corrupt entry
// (warned about), or an archive failure (warned about too: the call runs
// uncached for this lookup).
func (c *cache) lookup(i int, k archive.Key) (archive.Record, bool) {
	if c.refresh {
		return archive.Record{}, false
	}
	rec, ok, err := archive.Lookup(c.arch, k, c.log)
	if err != nil {
		c.log.Warn("fw: cache lookup failed, running the call", "processor", c.prog.Procs[i].Name, "key", k.String(), "err", err)
		return archive.Record{}, false
	}
	return rec, ok
}

// cacheStart looks up the call of slot s for m, the call at input position
// pos of its step (or -1 if unknown). If the record is replayed, its
// emissions are appended to out and replayed is true: the handler must not be
// called. Otherwise the handler is called and finish ends the call. An error
// (the input cannot be encoded) fails the call.
func (e *Engine) cacheStart(s, pos int, m Msg, out []Msg) (cc cacheCall, _ []Msg, replayed bool, err error) {
	if e.xch != nil {
		return e.xch.cacheStart(s, pos, m, out)
	}
	c := e.cache
	i := int(e.procs[s].owner) // the processor: its keys and counts
	var rec archive.Record
	var enc []byte // the record, encoded, if it was looked up so
	var ok bool
	if pc := e.prefetched(s, pos, m); pc != nil {
		cc.key = pc.key
		res := pc.res
		pc.res = archive.Result{} // do not keep the record once replayed
		if c.pfPuts.Load() != 0 && c.putSince(cc.key) {
			rec, ok = c.lookup(i, cc.key) // recorded during the step: look again
		} else {
			rec, ok = c.policy(i, cc.key, res)
			if ok && res.Enc != nil {
				if enc = res.Enc; c.verify {
					// Checked by the archive, so it decodes.
					if rec, err = archive.DecodeRecordFor(cc.key, enc); err != nil {
						ok = false
					}
				}
			}
		}
	} else {
		if cc.key, err = c.keyOf(i, m); err != nil {
			return cc, out, false, err
		}
		rec, ok = c.lookup(i, cc.key)
	}
	if ok {
		if c.verify {
			c.counts.hit(i)
			return cacheCall{key: cc.key, verify: true, expect: rec}, out, false, nil
		}
		mark := len(out)
		if enc != nil {
			out, err = c.replayEnc(enc, out)
		} else {
			out, err = c.replay(rec, out)
		}
		if err == nil {
			c.counts.hit(i)
			return cc, out, true, nil
		}
		clear(out[mark:])
		out = out[:mark]
		c.log.Warn("fw: cache entry does not decode, treating it as a miss; it will be rewritten",
			"processor", c.prog.Procs[i].Name, "key", cc.key.String(), "err", err)
	}
	c.counts.miss(i)
	return cc, out, false, nil
}

// appendInput appends the input of the cache key of processor i's call for
// m: its canonical encoding, after the name of m's event or target
// (length-prefixed) if the processor's inputs are named (see named).
func (c *cache) appendInput(b []byte, i int, m Msg) ([]byte, error) {
	if c.procs[i].named {
		if int(m.Kind) >= len(c.names) {
			return b, fmt.Errorf("fw: cache: an input of unknown kind %d", m.Kind)
		}
		name := c.names[m.Kind]
		b = binary.AppendUvarint(b, uint64(len(name)))
		b = append(b, name...)
	}
	return c.codec.AppendMsg(b, m)
}

// keyOf is the cache key of processor i's call for m. An error: m does not
// encode.
func (c *cache) keyOf(i int, m Msg) (archive.Key, error) {
	bp := c.getBuf()
	defer c.putBuf(bp)
	in, err := c.appendInput((*bp)[:0], i, m)
	*bp = in
	if err != nil {
		return archive.Key{}, fmt.Errorf("fw: cache: encoding the input: %w", err)
	}
	return c.procs[i].keyer.Key(in), nil
}

// named reports whether the cache keys of processor i's calls name their
// input's kind: when it receives built artifacts and more than one kind, so
// that two of its inputs may have one type (an event and a built artifact of
// that event type, or two targets' artifacts of one type) and the same
// encoding, for different cases. Other processors' inputs are told apart by
// their encoding alone (distinct event types), and their keys stay as they
// were before the name was needed.
func named(p *Program, i int) bool {
	pi := &p.Procs[i]
	kinds := map[int]bool{} // the kinds it receives
	for k, procs := range p.Routes {
		if slices.Contains(procs, int32(i)) {
			kinds[k] = true
		}
	}
	if pi.Builder {
		for _, t := range pi.Requires {
			kinds[len(p.Events)+int(t)] = true
		}
	}
	built := false
	for k := range kinds {
		built = built || k >= len(p.Events)
	}
	return built && len(kinds) > 1
}

// mirror records rec under k unless the archive has it: in a distributed
// run, a hit replayed from the record of another member's archive.
func (c *cache) mirror(i int, k archive.Key, rec archive.Record) {
	if _, ok := c.lookup(i, k); ok {
		return
	}
	if err := c.arch.Put(k, rec); err != nil {
		c.log.Warn("fw: cache: recording a call failed; it will run again next time",
			"processor", c.prog.Procs[i].Name, "key", k.String(), "err", err)
	}
}

// persistLookup is the lookup of a persistent builder's key k for slot s
// (processor i): in a distributed run a round of its own, decided by the
// slot's owner.
func (e *Engine) persistLookup(s, i int, k archive.Key) (archive.Record, bool, error) {
	if e.xch != nil {
		return e.xch.lookupRound(s, i, k)
	}
	rec, ok := e.cache.lookup(i, k)
	return rec, ok, nil
}

// policy is lookup's handling of the result of a lookup made in advance.
func (c *cache) policy(i int, k archive.Key, r archive.Result) (archive.Record, bool) {
	rec, ok, err := archive.Policy(k, r.Rec, r.OK, r.Err, c.log)
	if err != nil {
		c.log.Warn("fw: cache lookup failed, running the call", "processor", c.prog.Procs[i].Name, "key", k.String(), "err", err)
		return archive.Record{}, false
	}
	return rec, ok
}

// putSince reports whether k was recorded since the step's lookups were made
// in advance: their result for k is stale.
func (c *cache) putSince(k archive.Key) bool {
	c.pfMu.Lock()
	_, ok := c.pfPut[k]
	c.pfMu.Unlock()
	return ok
}

// stepID identifies the current step of the run (never 0).
func (e *Engine) stepID() uint64 { return uint64(e.phase)<<32 | uint64(uint32(e.step)) + 1 }

// prefetched returns the call at position pos of slot i's calls of the
// current step, looked up in advance, if it is the call of m; nil otherwise
// (the call is then looked up on its own). The first cached call of a step
// makes the lookups of the whole step.
func (e *Engine) prefetched(i, pos int, m Msg) *pfCall {
	c := e.cache
	if !c.batch || pos < 0 {
		return nil
	}
	if id := e.stepID(); c.pfStep.Load() != id {
		e.prefetch(id)
	}
	pf := c.pf.procCalls(i)
	if c.pfInbox {
		pos -= e.procs[i].base // laid out by inbox position
	}
	if pos < 0 || pos >= len(pf) {
		return nil
	}
	pc := &pf[pos]
	if !pc.ok || pc.kind != m.Kind || pc.ev != evWord(m.Ev) {
		return nil
	}
	return pc
}

// evWord is the data word of an event: the pointer for the pointer types
// that generated code uses. Two messages of one kind with the same data word
// are the same event (or equal values), so they have the same encoding.
func evWord(ev any) unsafe.Pointer {
	return (*[2]unsafe.Pointer)(unsafe.Pointer(&ev))[1]
}

// prefetch makes the lookups of step id: every event call that a cached
// processor is to make in it, by input position, with one archive.GetBatch.
// The calls are the processors' inboxes on the pool, and otherwise the step's
// directed deliveries and routed events (Dispatch makes the calls that Route
// lists). Events are not modified once emitted, so a call's key is the same
// computed now or when the call is made; a call that is not the one expected
// at its position is looked up on its own.
func (e *Engine) prefetch(id uint64) {
	c := e.cache
	c.pfMu.Lock()
	defer c.pfMu.Unlock()
	if c.pfStep.Load() == id {
		return // made by another worker
	}
	st := c.pf
	st.reset()
	clear(c.pfPut)
	c.pfPuts.Store(0)
	// The calls are collected first, then laid out by processor.
	calls := st.in
	add := func(i int, m Msg) { calls = append(calls, pfIn{proc: int32(i), m: m}) }
	c.pfInbox = e.onPool
	if e.onPool {
		for i := range e.procs {
			if p := &e.procs[i]; p.cached {
				for _, it := range p.inbox {
					add(i, e.cur[it.ev])
				}
			}
		}
	} else {
		if e.bld != nil {
			for _, d := range e.bld.directed {
				if p := &e.procs[d.slot]; p.cached && !p.off {
					add(int(d.slot), d.m)
				}
			}
		}
		for _, m := range e.serial.cur {
			if !c.routed(m.Kind, e) {
				continue
			}
			st.dsts = e.disp.Route(m, st.dsts[:0])
			for _, d := range st.dsts {
				if s := e.slotOf(d.Proc, d.KG); e.procs[s].cached && !e.procs[s].off {
					add(s, m)
				}
			}
		}
	}
	st.in = calls
	// off[i+1] counts slot i's calls, then becomes where they end; fill
	// is where the next one goes.
	off := append(st.off, make([]int, len(e.procs)+1)...)
	for _, in := range calls {
		off[in.proc+1]++
	}
	for i := range e.procs {
		off[i+1] += off[i]
	}
	st.off = off
	st.calls = slices.Grow(st.calls, len(calls))[:len(calls)]
	fill := make([]int, len(e.procs)) // small: one per slot
	copy(fill, off)
	// at[j] is where call j goes among st.calls.
	at := slices.Grow(st.at, len(calls))[:len(calls)]
	for j, in := range calls {
		at[j] = fill[in.proc]
		fill[in.proc]++
	}
	c.keysOf(calls, at, st.calls)
	keys := slices.Grow(st.keys, len(calls))
	for k := range st.calls {
		if pc := &st.calls[k]; pc.ok {
			keys = append(keys, pc.key)
		}
	}
	clear(calls)
	st.in, st.at = calls[:0], at[:0]
	res := slices.Grow(st.res, len(keys))[:len(keys)]
	if eg, ok := c.arch.(archive.EncodedBatchGetter); ok {
		eg.GetBatchEncoded(keys, res) // replayed from the encoding
	} else {
		archive.GetBatch(c.arch, keys, res)
	}
	j := 0
	for k := range st.calls {
		if pc := &st.calls[k]; pc.ok {
			pc.res, res[j] = res[j], archive.Result{}
			j++
		}
	}
	st.keys, st.res = keys[:0], res[:0]
	c.pfStep.Store(id)
}

// keysMin is the least number of calls worth a goroutine of their own when
// their keys are computed (an encoding and a SHA-256 sum each, about 0.3 µs).
const keysMin = 256

// keysOf sets calls[at[j]] to call j of in, with its key when its input
// encodes. Many calls are shared among up to GOMAXPROCS goroutines: the keys
// are the same whichever computes them, and the archive is read only once
// they are all known, so this shortens the wait of the step's first cached
// call.
func (c *cache) keysOf(in []pfIn, at []int, calls []pfCall) {
	n := min(goruntime.GOMAXPROCS(0), len(in)/keysMin)
	if n <= 1 {
		c.keysPart(in, at, calls)
		return
	}
	var (
		wg  sync.WaitGroup
		pmu sync.Mutex
		pv  any
	)
	for g := 1; g < n; g++ {
		lo, hi := g*len(in)/n, (g+1)*len(in)/n
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil { // a panic of the Codec: the caller's
					pmu.Lock()
					pv = r
					pmu.Unlock()
				}
			}()
			c.keysPart(in[lo:hi], at[lo:hi], calls)
		})
	}
	c.keysPart(in[:len(in)/n], at[:len(in)/n], calls)
	wg.Wait()
	if pv != nil {
		panicAgain(pv)
	}
}

func panicAgain(v any) { panic(v) }

// keysPart is keysOf's work on one goroutine.
func (c *cache) keysPart(in []pfIn, at []int, calls []pfCall) {
	bp := c.getBuf()
	for j, m := range in {
		pc := &calls[at[j]]
		*pc = pfCall{kind: m.m.Kind, ev: evWord(m.m.Ev)}
		b, err := c.appendInput((*bp)[:0], int(c.owner[m.proc]), m.m)
		if err == nil {
			pc.ok, pc.key = true, c.procs[c.owner[m.proc]].keyer.Key(b)
		}
		*bp = b
	}
	c.putBuf(bp)
}

// routed reports whether events of kind k may reach a cached processor.
func (c *cache) routed(k Kind, e *Engine) bool {
	if int(k) >= len(c.prog.Routes) {
		return true
	}
	for _, i := range c.prog.Routes[k] {
		if e.procs[e.slotOf(i, 0)].cached {
			return true
		}
	}
	return false
}

// replay appends the decoded emissions of rec to out.
func (c *cache) replay(rec archive.Record, out []Msg) ([]Msg, error) {
	for j, em := range rec.Emissions {
		m, err := c.decode(em)
		if err != nil {
			return out, fmt.Errorf("emission %d (%s): %w", j, em.Name, err)
		}
		out = append(out, m)
	}
	return out, nil
}

// replayEnc is replay for a record left encoded (checked with
// archive.CheckRecord): its emissions are decoded straight from the encoding.
func (c *cache) replayEnc(enc []byte, out []Msg) ([]Msg, error) {
	err := archive.WalkRecord(enc, func(j int, name, data []byte) error {
		m, err := c.decodeName(name, data)
		if err != nil {
			return fmt.Errorf("emission %d (%s): %w", j, name, err)
		}
		out = append(out, m)
		return nil
	})
	return out, err
}

func (c *cache) decode(em archive.Emission) (Msg, error) {
	return c.decodeName([]byte(em.Name), em.Data)
}

// decodeName decodes the payload data of an emission of the event named name.
func (c *cache) decodeName(name, data []byte) (Msg, error) {
	k, ok := c.kinds[string(name)]
	if !ok {
		return Msg{}, fmt.Errorf("unknown event %q", name)
	}
	if c.isResolve(k) {
		if len(data) != 0 {
			return Msg{}, errors.New("a resolve request with a payload")
		}
		return Msg{Kind: k}, nil
	}
	return c.codec.DecodeMsg(k, data)
}

func (c *cache) isResolve(k Kind) bool {
	return int(k) >= c.nE+c.nT && int(k) < c.nE+2*c.nT
}

// encode appends the record of emissions to rec, their encodings to buf.
func (c *cache) encode(emitted []Msg, buf []byte) (archive.Record, []byte, error) {
	rec := archive.Record{Emissions: make([]archive.Emission, 0, len(emitted))}
	for _, m := range emitted {
		if int(m.Kind) >= len(c.names) {
			return rec, buf, fmt.Errorf("fw: cache: emission of unknown kind %d", m.Kind)
		}
		start := len(buf)
		if !c.isResolve(m.Kind) {
			var err error
			if buf, err = c.codec.AppendMsg(buf, m); err != nil {
				return rec, buf, fmt.Errorf("fw: cache: encoding an emission of %s: %w", c.names[m.Kind], err)
			}
		}
		rec.Emissions = append(rec.Emissions, archive.Emission{Name: c.names[m.Kind]})
		rec.Emissions[len(rec.Emissions)-1].Data = buf[start:len(buf):len(buf)]
	}
	return rec, buf, nil
}

// finish ends a call that was not replayed and succeeded, with its emissions:
// a miss records them, a verified hit compares them with the record (a
// difference is a *DivergenceError). pos locates the call for that error.
func (c *cache) finish(i int, cc *cacheCall, pos divPos, emitted []Msg) error {
	bp := c.getBuf()
	defer c.putBuf(bp)
	rec, buf, err := c.encode(emitted, (*bp)[:0])
	*bp = buf
	if err != nil {
		return err
	}
	if cc.verify {
		return c.compare(i, pos, cc.expect, rec, emitted)
	}
	if err := c.arch.Put(cc.key, rec); err != nil {
		c.log.Warn("fw: cache: recording a call failed; it will run again next time",
			"processor", c.prog.Procs[i].Name, "key", cc.key.String(), "err", err)
	}
	if c.batch {
		// A later call of the step with this key must see this record, not
		// the lookup made in advance.
		c.pfMu.Lock()
		c.pfPut[cc.key] = struct{}{}
		c.pfPuts.Add(1)
		c.pfMu.Unlock()
	}
	return nil
}

// divPos locates a call in a DivergenceError.
type divPos struct {
	phase, step, input int
	kg, cs             int32
	m                  Msg
}

// compare returns a *DivergenceError if got differs from expect, nil otherwise.
func (c *cache) compare(i int, pos divPos, expect, got archive.Record, gotMsgs []Msg) error {
	if expect.Equal(got) {
		return nil
	}
	n := min(len(expect.Emissions), len(got.Emissions))
	j := 0
	for j < n && expect.Emissions[j].Name == got.Emissions[j].Name && string(expect.Emissions[j].Data) == string(got.Emissions[j].Data) {
		j++
	}
	he := newHandlerError(c.prog, pos.phase, pos.step, i, int(pos.kg), pos.cs, pos.m, pos.input, nil)
	d := &DivergenceError{
		Processor: he.Processor, KeyGroup: he.KeyGroup, KeyGroups: he.KeyGroups, Case: he.Case, Event: he.Event,
		Phase: pos.phase, Step: pos.step, Input: pos.input, Index: j,
		Expected: "(no emission)", Got: "(no emission)",
	}
	if j < len(expect.Emissions) {
		em := expect.Emissions[j]
		var ev any
		if m, err := c.decode(em); err == nil {
			ev = m.Ev
		}
		d.Expected = shortEmission(em.Name, em.Data, ev)
	}
	if j < len(got.Emissions) {
		d.Got = shortEmission(got.Emissions[j].Name, got.Emissions[j].Data, gotMsgs[j].Ev)
	}
	return d
}

// shortEmission is an emission's name, its decoded value when known, and the
// start of its canonical encoding in hex.
func shortEmission(name string, data []byte, ev any) string {
	var b strings.Builder
	b.WriteString(name)
	if ev != nil {
		if v := reflect.ValueOf(ev); v.Kind() == reflect.Pointer && !v.IsNil() {
			ev = v.Elem().Interface() // the value, not its address
		}
		s := fmt.Sprintf("%+v", ev)
		if len(s) > 80 {
			s = s[:77] + "..."
		}
		b.WriteString(" ")
		b.WriteString(s)
	}
	const maxHex = 24
	h := hex.EncodeToString(data[:min(len(data), maxHex)])
	if len(data) > maxHex {
		h += "..."
	}
	fmt.Fprintf(&b, " [%d bytes: %s]", len(data), h)
	return b.String()
}

// pullPersist is pull for a persistent source builder: on a hit its recorded
// output is replayed in batches instead of calling Build; on a miss its
// artifacts are collected as they are pulled and recorded once the source is
// exhausted successfully.
func (e *Engine) pullPersist(s *source, batch []Msg) ([]Msg, error) {
	ch := e.cache
	i := int(s.proc)
	if !s.looked {
		s.looked = true
		s.key = ch.procs[i].spec.Key(nil)
		rec, ok, err := e.persistLookup(e.slotOf(s.proc, 0), i, s.key)
		if err != nil {
			return batch, err
		}
		if ok {
			if ch.verify {
				ch.counts.hit(i)
				s.expect, s.verify = rec, true
			} else if out, err := ch.replay(rec, nil); err == nil {
				ch.counts.hit(i)
				s.replay, s.replaying = out, true
			} else {
				ch.log.Warn("fw: cache entry does not decode, treating it as a miss; it will be rewritten",
					"processor", e.prog.Procs[i].Name, "key", s.key.String(), "err", err)
			}
		}
		if !s.replaying && !s.verify {
			ch.counts.miss(i)
		}
	}
	if s.replaying {
		if e.cancelled() {
			return batch, e.stopErr()
		}
		n := min(e.bld.batch, len(s.replay))
		batch = append(batch, s.replay[:n]...)
		clear(s.replay[:n])
		s.replay = s.replay[n:]
		s.done = len(s.replay) == 0
		e.counts.add(i, &tally{pulls: 1, emitted: uint64(n)})
		return batch, nil
	}
	mark := len(batch)
	batch, err := e.pullSource(s, batch)
	if err != nil {
		s.acc = nil
		return batch, err
	}
	s.acc = append(s.acc, batch[mark:]...)
	if s.done {
		acc := s.acc
		s.acc = nil
		cc := cacheCall{key: s.key, verify: s.verify, expect: s.expect}
		if err := ch.finish(i, &cc, divPos{phase: e.phase, step: e.step, cs: caseBuild}, acc); err != nil {
			return batch, e.handlerError(i, caseBuild, Msg{}, 0, err)
		}
	}
	return batch, nil
}
