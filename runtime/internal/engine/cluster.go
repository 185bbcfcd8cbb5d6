package engine

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/fwgo/fw/runtime/archive"
	"github.com/fwgo/fw/runtime/cluster"
)

// Exchange is the member side of a distributed run (runtime/cluster.Join sets it in
// the run's config): the
// engine runs the calls of the instances its member owns, hands their outputs
// over at the end of each round, and gets back the accepted outputs of every
// instance with work in the round.
type Exchange interface {
	// Start joins the run described by info; Run calls it first, and Close
	// last, with the error of the run if it is the member's own (not a
	// handler's failure, which every member reproduces): a sink's.
	Start(ctx context.Context, info cluster.RunInfo) error
	Close(err error) error
	Owns(inst cluster.Inst) bool
	// Working is called between the calls of a round's first pass, so that
	// the member beats while its handlers run (it must be cheap).
	Working(ctx context.Context)
	Round(ctx context.Context, r cluster.Round, work []cluster.Inst, own map[cluster.Inst][]byte) (map[cluster.Inst][]byte, error)
	// Decided returns the accepted outputs of round r if the run already
	// decided it (the member is catching up), without waiting. The engine
	// asks before it computes an output from its member's own archive, which
	// may have changed since the round was decided.
	Decided(ctx context.Context, r cluster.Round) (map[cluster.Inst][]byte, bool, error)
}

// exchange is the engine's side of a distributed run. A round runs in two
// passes. First the calls of the instances the member owns are made for real
// (each call with its attempts: retries happen inside a call), and their
// outputs exchanged. Then the engine runs the round as one process would,
// through xdisp, a Dispatcher that answers every call, owned or not, with its
// accepted output: routing, counting, records and the next batch are the
// single-process engine's own, so they are the same on every member. The
// instances are the slots in slot order, then the pseudo-instance of the
// submitted events (owned by the submitter).
//
// Sinks publish on the submitter alone (the owner of the input), in the
// second pass, so with the single-process order and causal ids; a restarted
// submitter publishes the run again from its start (downstream dedups by id).
//
// Calls the engine makes between rounds (a builder's activation `on init`, a
// source pull) are rounds of their own: the replaying Dispatcher makes them
// on demand, when the second pass reaches them, which every member does at
// the same point.
//
// Caching: every member has its own archive (WithArchive, a workspace, or
// the default in-memory one), and the owner of an instance decides each of
// its cached calls' lookups. In the first pass it looks the call up in its
// archive (or among the keys its own calls of the round record) and, on a
// hit, publishes the record in place of a call; under WithVerify it makes the
// call and publishes the record beside it. The second pass takes the
// decision from the accepted output, never from the member's own archive:
// every member replays the same hits, counts the same hits and misses, and
// records every miss in its own archive, and a hit it lacks (mirror), so
// that the members' archives converge. A persistent helper's flush and a
// persistent source's lookup are rounds of their own (RoundLookup), decided
// by the owner the same way. A member catching up reproduces a decided
// round's lookups from the log (Exchange.Decided), not from its archive,
// which may have gained the records since.
//
// Timeouts and backoffs: the owner makes a call with its attempts as
// invoke does (call: each under its deadline, each retry after its wait,
// the member beating during a long one), and sends each failed attempt's
// error with its kind (appendErr: a *PanicError, a *TimeoutError, the
// context's errors), so that every member's second pass, which replays the
// attempts at once (no deadline, no wait), routes, counts and records them
// as the single process would have with the same outcomes. A timeout is the
// owner's clock: the run records the outcome it measured, once. A member
// whose run stops during a call (in an attempt or a wait) publishes nothing
// of the round (round): nobody sees part of a call.
//
// Feeds, streams and phase triggers (xfeed.go): the submitter alone pulls
// the feeds; each pull is a round of its own (RoundFeed) whose output is what
// the submitter decided (the pulled events, a feed's end, a trigger firing on
// its clock, an error), which every member applies as pullFeed would. A
// restarted submitter takes the pulls the log holds from the log (Held) and
// drops, by count, the redelivered events of its feeds that the log has.
//
// What a distributed run does not support yet (Run refuses it): replays, and
// more than one worker (the engine takes one).
type exchange struct {
	e     *Engine
	x     Exchange
	real  Dispatcher
	codec Codec
	n     uint64    // rounds so far
	outs  [][]xcall // per slot, the accepted calls of the round in progress
	own   map[cluster.Inst][]byte
	bufs  [][]byte  // per slot, its encoded output (own's values), reused
	mine  [][]xcall // per slot, the owned calls of the round in progress
	count []int
	work  []cluster.Inst
	emits []Msg // the owned calls' emissions of the round in progress (xattempt.out are views)
	// pass2: x.outs hold a step's or broadcast's accepted calls; otherwise
	// (between rounds: builder activations, source pulls) a call makes a
	// round of its own, and demanded[i] says x.outs[i] holds its output.
	pass2    bool
	demanded []bool
	tmp      []byte // one message's encoding
	call1    Call   // the call of the first pass
	// puts are the cache keys the owned calls of the step in progress
	// record in the second pass (they succeed), and where the call is: a
	// later call with one hits, and replays that call's emissions.
	puts map[archive.Key]xput
	// dec is, when the step in progress was decided before the member
	// computed it (catching up), the accepted calls of each owned slot; the
	// owned cached calls then follow their decisions. decState: 0 not asked
	// yet in this step, 1 decided, 2 not decided.
	dec      [][]xcall
	decState int8
	recBuf   []byte
	f        xfeed // feeds and phase triggers (xfeed.go)
}

// xput locates the call that recorded a key in the step in progress.
type xput struct{ inst, idx int }

// xcall is a call's attempts, first then more; every attempt but the last
// failed. A call with hit set was not made: the second pass replays it from
// the cache (it is encoded with no attempts).
type xcall struct {
	first xattempt
	more  []xattempt
	hit   bool
	// rec is the owner's archive record of the call (archive.AppendRecord):
	// replayed by every member for a hit; compared with the call's
	// emissions for a call made under WithVerify. Nil: a miss.
	rec []byte
}

func (c *xcall) attempts() int {
	if c.hit {
		return 0
	}
	return 1 + len(c.more)
}

func (c *xcall) attempt(i int) *xattempt {
	if i == 0 {
		return &c.first
	}
	return &c.more[i-1]
}

func (c *xcall) add(a xattempt, i int) {
	if i == 0 {
		c.first = a
	} else {
		c.more = append(c.more, a)
	}
}

type xattempt struct {
	err error
	out []Msg // of a successful attempt
}

// xdisp is the Dispatcher of a distributed run's second pass.
type xdisp exchange

func newExchange(e *Engine, x Exchange, d Dispatcher) *exchange {
	n := len(e.procs)
	xc := &exchange{e: e, x: x, real: d, outs: make([][]xcall, n), count: make([]int, n),
		own: map[cluster.Inst][]byte{}, bufs: make([][]byte, n), mine: make([][]xcall, n), demanded: make([]bool, n)}
	xc.codec, _ = d.(Codec)
	return xc
}

// xchCheck refuses what a distributed run does not support yet.
func (e *Engine) xchCheck() error {
	var what string
	switch {
	case e.xch.codec == nil:
		what = "a Dispatcher without a Codec (regenerate the package)"
	case e.cfg.Replay != nil:
		return fmt.Errorf("fw: a distributed run of package %s cannot replay a record (fw.WithReplay, Pipeline.Replay): "+
			"replay it in one process, without cluster.Join: the record of a distributed run (fw.WithRecord on any member, "+
			"or on a cluster.Observer, which can join after the run ended) is the single-process run's, byte for byte "+
			"(docs/distributed.md, \"Replaying a distributed run\")", e.prog.Package)
	}
	if what != "" {
		return fmt.Errorf("fw: a distributed run of package %s does not support %s yet", e.prog.Package, what)
	}
	return nil
}

// xchStart joins the run: the instances are the slots, then the input.
func (e *Engine) xchStart() error {
	if err := e.xchCheck(); err != nil {
		return err
	}
	info := cluster.RunInfo{Program: fmt.Sprintf("%s/%x", e.prog.Package, e.prog.Fingerprint[:8]), Instances: uint32(len(e.procs) + 1)}
	cfg := fmt.Appendf(nil, "batch=%d maxphases=%d ks=", e.cfg.Batch, e.cfg.MaxPhases)
	for i := range e.prog.Procs {
		cfg = fmt.Appendf(cfg, "%d,", max(1, e.prog.Procs[i].KeyGroups))
	}
	if e.cfg.PhaseEvery > 0 || e.cfg.PhaseInterval > 0 { // every member's trigger (xfeed.go)
		cfg = fmt.Appendf(cfg, " every=%d interval=%s", e.cfg.PhaseEvery, e.cfg.PhaseInterval)
	}
	info.Config = string(cfg)
	info.Pinned = []cluster.Inst{cluster.Inst(len(e.procs))}
	for i := range e.procs {
		info.Names = append(info.Names, e.prog.Procs[e.procs[i].owner].Name)
	}
	if err := e.xch.x.Start(e.ctx, info); err != nil {
		return err
	}
	if !e.xch.x.Owns(cluster.Inst(len(e.procs))) {
		e.cfg.Sinks = nil // the submitter's alone
	}
	return nil
}

// xchClose ends the member's part in the run; err is the run's error.
func (e *Engine) xchClose(err error) {
	var he *HandlerError
	var fe *feedError
	if err == nil || errors.As(err, &he) || errors.As(err, &fe) || e.xch.f.stopped || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		err = nil
	}
	e.xch.x.Close(err)
}

// xchInput is the input round: the submitter's number of feeds and its
// events, for every member.
func (e *Engine) xchInput(cur []Msg) ([]Msg, error) {
	x := e.xch
	in := cluster.Inst(len(e.procs))
	clear(x.own)
	if x.x.Owns(in) {
		b := binary.AppendUvarint(nil, uint64(len(e.feeds)))
		for _, m := range cur {
			var err error
			if b, err = x.appendMsg(b, m); err != nil {
				return cur, err
			}
		}
		x.own[in] = b
	} else if len(cur) > 0 || len(e.feeds) > 0 {
		return cur, errors.New("fw: events submitted (or a feed attached) to a member that is not the submitter of its distributed run")
	}
	outs, err := x.round(cluster.RoundInput, []cluster.Inst{in})
	if err != nil {
		return cur, err
	}
	if x.x.Owns(in) {
		return cur, nil
	}
	d := decoder{b: outs[in]}
	if n := d.uvarint(); d.err == nil {
		e.feeds = make([]Feed, n) // the submitter's, which it alone pulls (xfeed.go)
	}
	for len(d.b) > 0 && d.err == nil {
		m := x.msg(&d)
		cur = append(cur, m)
	}
	return cur, d.err
}

// round exchanges the member's outputs x.own of round kind over instances
// work, and returns the accepted outputs of all. Once the run has stopped
// it publishes nothing: a call made meanwhile may have seen the stop (a
// handler's context cancelled, a backoff wait cut short: call), and its
// output is not one the run would have had.
func (x *exchange) round(kind cluster.Kind, work []cluster.Inst) (map[cluster.Inst][]byte, error) {
	return x.roundOf(x.next(kind), work, x.own)
}

// next is the round of kind that the engine makes next, at its position.
func (x *exchange) next(kind cluster.Kind) cluster.Round {
	return cluster.Round{N: x.n + 1, Kind: kind, Phase: uint32(x.e.phase), Step: uint32(x.e.step)}
}

// roundOf is round for round r (next's) with the member's outputs own.
func (x *exchange) roundOf(r cluster.Round, work []cluster.Inst, own map[cluster.Inst][]byte) (map[cluster.Inst][]byte, error) {
	if x.e.cancelled() {
		return nil, x.e.stopErr()
	}
	x.n++
	return x.x.Round(x.e.ctx, r, work, own)
}

// xchLifecycle is the first pass of lifecycle broadcast cs.
func (e *Engine) xchLifecycle(cs int32) error {
	x := e.xch
	x.work = x.work[:0]
	clear(x.own)
	x.clearMine()
	x.emits = x.emits[:0]
	for i := range e.procs {
		sp := &e.procs[i]
		pi := &e.prog.Procs[sp.owner]
		if !(cs == CaseInit && pi.Init || cs == CasePhase && pi.Phase || cs == CaseTerminate && pi.Terminate) || sp.off {
			continue
		}
		inst := cluster.Inst(i)
		x.work = append(x.work, inst)
		if x.x.Owns(inst) {
			c := &x.call1
			*c = Call{ctx: e.ctx, prog: e.prog, proc: sp.owner, kg: sp.kg, cs: cs, phase: e.phase, step: e.step}
			x.mine[inst] = append(x.mine[inst], x.call(c, Delivery{Proc: sp.owner, Case: cs, KG: sp.kg}, Msg{}))
			x.x.Working(e.ctx)
		}
	}
	kind := map[int32]cluster.Kind{CaseInit: cluster.RoundInit, CasePhase: cluster.RoundPhase, CaseTerminate: cluster.RoundTerminate}[cs]
	return x.exchangeRound(kind)
}

// xchStep is the first pass of a step: the owned instances' calls of cur.
func (e *Engine) xchStep(cur []Msg) error {
	x := e.xch
	clear(x.puts)
	x.decState = 0
	clear(x.count)
	clear(x.own)
	x.clearMine()
	x.emits = x.emits[:0]
	x.work = x.work[:0]
	if e.bld != nil {
		for _, dd := range e.bld.directed { // an inbox starts with its directed deliveries
			i := int(dd.slot)
			if e.procs[i].off {
				continue
			}
			input := x.count[i]
			x.count[i]++
			inst := cluster.Inst(i)
			if !x.x.Owns(inst) {
				continue
			}
			sp := &e.procs[i]
			d := Delivery{Proc: sp.owner, Case: dd.cs, KG: sp.kg}
			c := &x.call1
			*c = Call{ctx: e.ctx, prog: e.prog, proc: sp.owner, kg: sp.kg, cs: dd.cs, phase: e.phase, step: e.step, input: input, msg: dd.m}
			xc, err := x.cachedCall(c, i, d, dd.m)
			if err != nil {
				return err
			}
			x.mine[inst] = append(x.mine[inst], xc)
			x.x.Working(e.ctx)
		}
	}
	var routes []Delivery
	for _, m := range cur {
		routes = x.real.Route(m, routes[:0])
		for _, d := range routes {
			i := e.slotOf(d.Proc, d.KG)
			if e.procs[i].off {
				continue
			}
			input := x.count[i]
			x.count[i]++
			inst := cluster.Inst(i)
			if !x.x.Owns(inst) {
				continue
			}
			c := &x.call1
			*c = Call{ctx: e.ctx, prog: e.prog, proc: d.Proc, kg: d.KG, cs: d.Case, phase: e.phase, step: e.step, input: input, msg: m}
			xc, err := x.cachedCall(c, i, d, m)
			if err != nil {
				return err
			}
			x.mine[inst] = append(x.mine[inst], xc)
			x.x.Working(e.ctx)
		}
	}
	for i, n := range x.count {
		if n > 0 {
			x.work = append(x.work, cluster.Inst(i))
		}
	}
	if len(x.work) == 0 {
		return nil
	}
	return x.exchangeRound(cluster.RoundStep)
}

// exchangeRound encodes the owned calls x.mine, exchanges them, and makes
// x.outs the accepted calls of every slot.
func (x *exchange) exchangeRound(kind cluster.Kind) error {
	for i := range x.outs {
		x.outs[i] = x.outs[i][:0]
	}
	x.pass2 = true
	if len(x.work) == 0 {
		return nil
	}
	for _, inst := range x.work {
		if !x.x.Owns(inst) {
			continue
		}
		b, err := x.appendCalls(x.bufs[inst][:0], x.mine[inst])
		if err != nil {
			return err
		}
		x.bufs[inst], x.own[inst] = b, b
	}
	outs, err := x.round(kind, x.work)
	if err != nil {
		return err
	}
	x.pass2 = true
	if err := x.accept(outs); err != nil {
		return err
	}
	return nil
}

// accept makes x.outs the accepted calls of the instances x.work.
func (x *exchange) accept(outs map[cluster.Inst][]byte) error {
	for _, inst := range x.work {
		if x.x.Owns(inst) {
			x.outs[inst] = x.mine[inst]
			continue
		}
		calls, err := x.decodeCalls(outs[inst])
		if err != nil {
			return fmt.Errorf("fw: decoding the output of instance %d: %w", inst, err)
		}
		x.outs[inst] = calls
	}
	return nil
}

// decodeCalls decodes an instance's output (appendCalls).
func (x *exchange) decodeCalls(b []byte) ([]xcall, error) {
	d := decoder{b: b}
	n := d.uvarint()
	calls := make([]xcall, 0, min(n, uint64(len(b))))
	for range n {
		var c xcall
		v := d.uvarint()
		na := v >> 1
		if v&1 != 0 {
			c.rec = d.bytes()
		}
		c.hit = na == 0
		for i := range na {
			var a xattempt
			if k := d.byte(); k != xOK {
				a.err = d.attemptErr(k, 0)
			} else {
				for range d.uvarint() {
					a.out = append(a.out, x.msg(&d))
				}
			}
			c.add(a, int(i))
		}
		if d.err != nil {
			break
		}
		calls = append(calls, c)
	}
	if d.err == nil && len(d.b) > 0 {
		d.err = errors.New("trailing bytes")
	}
	return calls, d.err
}

func (x *exchange) clearMine() {
	for i := range x.mine {
		clear(x.mine[i])
		x.mine[i] = x.mine[i][:0]
	}
}

// cachedCall is call for an event call of slot i, with the lookup the
// owner decides for every member (see exchange): a hit is not made, and
// carries its record instead.
func (x *exchange) cachedCall(c *Call, i int, d Delivery, m Msg) (xcall, error) {
	ch := x.e.cache
	if ch == nil || !x.e.procs[i].cached || c.cs < 0 {
		return x.call(c, d, m), nil
	}
	dec, err := x.decided(i)
	if err != nil {
		return xcall{}, err
	}
	if dec != nil { // catching up: the decision is the log's
		if c.input >= len(dec) {
			return x.call(c, d, m), nil // the round reports the divergence
		}
		a := &dec[c.input]
		if a.hit {
			return xcall{hit: true, rec: a.rec}, nil
		}
		xc := x.call(c, d, m)
		xc.rec = a.rec
		return xc, nil
	}
	if ch.refresh {
		return x.call(c, d, m), nil
	}
	o := ch.owner[i]
	key, err := ch.keyOf(int(o), m)
	if err != nil { // the second pass fails the call before making it
		return x.call(c, d, m), nil
	}
	var rec []byte
	if p, ok := x.puts[key]; ok { // recorded by an earlier call of the round
		if rec, err = x.recordOf(&x.mine[p.inst][p.idx]); err != nil {
			return xcall{}, err
		}
	} else if r, ok := ch.lookup(int(o), key); ok {
		rec = archive.AppendRecord(nil, r)
	}
	if rec != nil && !ch.verify {
		return xcall{hit: true, rec: rec}, nil
	}
	xc := x.call(c, d, m)
	xc.rec = rec
	if rec == nil && xc.attempt(xc.attempts()-1).err == nil {
		if x.puts == nil {
			x.puts = map[archive.Key]xput{}
		}
		x.puts[key] = xput{inst: i, idx: len(x.mine[i])}
	}
	return xc, nil
}

// recordOf is the archive record (encoded) that the second pass records for
// a successful call.
func (x *exchange) recordOf(c *xcall) ([]byte, error) {
	if c.hit {
		return c.rec, nil
	}
	r, buf, err := x.e.cache.encode(c.attempt(c.attempts()-1).out, x.recBuf[:0])
	x.recBuf = buf
	if err != nil {
		return nil, err
	}
	return archive.AppendRecord(nil, r), nil
}

// cacheStart is the engine's cacheStart in the second pass: the lookup of
// the call at input position pos of slot s is its owner's decision, in the
// accepted output; a hit is replayed from the record there and recorded in
// the member's own archive if it lacks it.
func (x *exchange) cacheStart(s, pos int, m Msg, out []Msg) (cc cacheCall, _ []Msg, replayed bool, err error) {
	c := x.e.cache
	i := int(x.e.procs[s].owner)
	calls := x.outs[s]
	if pos < 0 || pos >= len(calls) {
		return cc, out, false, fmt.Errorf("fw: distributed run: no accepted output for call %d of instance %d", pos, s)
	}
	xc := &calls[pos]
	if cc.key, err = c.keyOf(i, m); err != nil {
		return cc, out, false, err
	}
	if xc.rec == nil {
		c.counts.miss(i)
		return cc, out, false, nil
	}
	rec, err := archive.DecodeRecord(xc.rec)
	if err != nil {
		return cc, out, false, fmt.Errorf("fw: distributed run: the record of call %d of instance %d: %w", pos, s, err)
	}
	c.counts.hit(i)
	if !xc.hit { // made under WithVerify, to compare with the record
		return cacheCall{key: cc.key, verify: true, expect: rec}, out, false, nil
	}
	mark := len(out)
	if out, err = c.replay(rec, out); err != nil {
		clear(out[mark:])
		return cc, out[:mark], false, fmt.Errorf("fw: distributed run: replaying the record of call %d of instance %d: %w", pos, s, err)
	}
	c.mirror(i, cc.key, rec)
	return cc, out, true, nil
}

// lookupRound is the lookup of key k of a persistent builder's slot s
// (processor i), as a round of its own: the slot's owner looks it up in
// its archive and publishes the record, or a miss; every member takes the
// decision, and records a hit it lacks.
func (x *exchange) lookupRound(s, i int, k archive.Key) (archive.Record, bool, error) {
	c := x.e.cache
	inst := cluster.Inst(s)
	r := x.next(cluster.RoundLookup)
	outs, decided, err := x.x.Decided(x.e.ctx, r)
	if err != nil {
		return archive.Record{}, false, err
	}
	var own map[cluster.Inst][]byte
	if !decided && x.x.Owns(inst) {
		b := []byte{0}
		if rec, ok := c.lookup(i, k); ok {
			b = archive.AppendRecord([]byte{1}, rec)
		}
		own = map[cluster.Inst][]byte{inst: b}
	}
	if outs, err = x.roundOf(r, []cluster.Inst{inst}, own); err != nil {
		return archive.Record{}, false, err
	}
	b := outs[inst]
	if len(b) == 0 || b[0] > 1 || b[0] == 0 && len(b) > 1 {
		return archive.Record{}, false, fmt.Errorf("fw: distributed run: a malformed lookup of instance %d", inst)
	}
	if b[0] == 0 {
		return archive.Record{}, false, nil
	}
	rec, err := archive.DecodeRecord(b[1:])
	if err != nil {
		return archive.Record{}, false, fmt.Errorf("fw: distributed run: the lookup of instance %d: %w", inst, err)
	}
	c.mirror(i, k, rec)
	return rec, true, nil
}

// decided returns the accepted calls of owned slot i in the step in
// progress if the run decided it before this member computed it; nil
// otherwise. It asks the Exchange once per step.
func (x *exchange) decided(i int) ([]xcall, error) {
	if x.decState == 0 {
		x.decState = 2
		outs, ok, err := x.x.Decided(x.e.ctx, x.next(cluster.RoundStep))
		if err != nil {
			return nil, err
		}
		if ok {
			x.decState = 1
			if x.dec == nil {
				x.dec = make([][]xcall, len(x.e.procs))
			}
			clear(x.dec)
			for inst, b := range outs {
				if int(inst) >= len(x.dec) || !x.x.Owns(inst) {
					continue
				}
				if x.dec[inst], err = x.decodeCalls(b); err != nil {
					return nil, fmt.Errorf("fw: decoding the output of instance %d: %w", inst, err)
				}
			}
		}
	}
	if x.decState != 1 {
		return nil, nil
	}
	if x.dec[i] == nil {
		return []xcall{}, nil // decided without work for i: the round reports it
	}
	return x.dec[i], nil
}

// call makes call c for real, with its attempts as invoke makes them: each
// under its deadline (`timeout`), a retry after its wait (`backoff`); their
// emissions go to x.emits. A failure is not routed here: the second pass
// routes it (invoke). When the run stops before an attempt, or during a
// wait, the call is abandoned, with the attempts it made: round then
// publishes nothing, so no member ever sees part of a call.
func (x *exchange) call(c *Call, d Delivery, m Msg) xcall {
	e := x.e
	pi := &e.prog.Procs[d.Proc]
	var xc xcall
	wait := pi.BackoffMin
	for a := 0; a <= pi.Retry; a++ {
		if e.cancelled() {
			break
		}
		if a > 0 && wait > 0 {
			if !x.backoff(wait) {
				break
			}
			wait = min(2*wait, pi.BackoffMax)
		}
		mark := len(x.emits)
		c.attempt, c.out, c.mark = int32(a), x.emits, mark
		err := attempt(x.real, c, pi.Timeout, d, m)
		x.emits = c.out
		at := xattempt{err: err}
		if err == nil {
			at.out = x.emits[mark:len(x.emits):len(x.emits)]
		} else {
			clear(x.emits[mark:])
			x.emits = x.emits[:mark]
		}
		xc.add(at, a)
		if err == nil {
			break
		}
	}
	c.out = nil
	return xc
}

// backoff is the wait d before a retry on the call's owner (Engine.backoff),
// in slices between which the member beats (Working), as it does between
// calls: a call's waits do not make its member look dead.
func (x *exchange) backoff(d time.Duration) bool {
	for d > 0 {
		s := min(d, beatSlice)
		if !x.e.backoff(s) {
			return false
		}
		d -= s
		x.x.Working(x.e.ctx)
	}
	return true
}

// beatSlice is the longest backoff wait between two chances to beat.
const beatSlice = 250 * time.Millisecond

func (x *exchange) appendMsg(b []byte, m Msg) ([]byte, error) {
	b = binary.AppendUvarint(b, uint64(m.Kind))
	if x.bare(m.Kind) {
		return b, nil
	}
	body, err := x.codec.AppendMsg(x.tmp[:0], m)
	x.tmp = body
	if err != nil {
		return b, err
	}
	b = binary.AppendUvarint(b, uint64(len(body)))
	return append(b, body...), nil
}

// bare reports whether messages of kind k have no payload: resolve requests.
func (x *exchange) bare(k Kind) bool {
	return int(k) >= len(x.e.prog.Events)+len(x.e.prog.Targets)
}

func (x *exchange) msg(d *decoder) Msg {
	k := Kind(d.uvarint())
	if d.err == nil && x.bare(k) {
		return Msg{Kind: k}
	}
	body := d.bytes()
	if d.err != nil {
		return Msg{}
	}
	m, err := x.codec.DecodeMsg(k, body)
	if err != nil && d.err == nil {
		d.err = err
	}
	return m
}

// appendCalls encodes calls: per call its attempts, each an error or its emissions.
func (x *exchange) appendCalls(b []byte, calls []xcall) ([]byte, error) {
	b = binary.AppendUvarint(b, uint64(len(calls)))
	for i := range calls {
		c := &calls[i]
		v := uint64(c.attempts()) << 1
		if c.rec != nil {
			v |= 1
		}
		b = binary.AppendUvarint(b, v)
		if c.rec != nil {
			b = binary.AppendUvarint(b, uint64(len(c.rec)))
			b = append(b, c.rec...)
		}
		for j := range c.attempts() {
			a := c.attempt(j)
			if a.err != nil {
				b = appendErr(b, a.err)
				continue
			}
			b = append(b, xOK)
			b = binary.AppendUvarint(b, uint64(len(a.out)))
			for _, m := range a.out {
				var err error
				if b, err = x.appendMsg(b, m); err != nil {
					return b, err
				}
			}
		}
	}
	return b, nil
}

// The kinds of an attempt in an instance's output (appendCalls): a byte,
// then what the attempt holds. A failed attempt's error is sent as its
// text (xErr, decoded by errors.New), except for what a program may test
// of Run's error (or a CallObserver of a call's) beyond its text: the
// engine's *PanicError and *TimeoutError are rebuilt, with the same text,
// and the context's errors keep their identity (errors.Is), also wrapped.
const (
	xOK       = 0 // succeeded: its emissions
	xErr      = 1 // failed: its error's text
	xPanic    = 2 // a *PanicError: its value's text (the stack stays on the owner)
	xTimeout  = 3 // a *TimeoutError: its Timeout, then its Result (xOK for nil)
	xDeadline = 4 // context.DeadlineExceeded
	xCanceled = 5 // context.Canceled
	xWrap     = 6 // an error that wraps one of the context's: its text, then xDeadline or xCanceled
)

// appendErr encodes a failed attempt's error err (nil: xOK, as a
// *TimeoutError's Result only).
func appendErr(b []byte, err error) []byte {
	switch e := err.(type) {
	case nil:
		return append(b, xOK)
	case *PanicError:
		return appendStr(append(b, xPanic), fmt.Sprint(e.Value))
	case *TimeoutError:
		b = binary.AppendUvarint(append(b, xTimeout), uint64(e.Timeout))
		if _, ok := e.Result.(*TimeoutError); ok { // not the engine's: its text
			return appendStr(append(b, xErr), e.Result.Error())
		}
		return appendErr(b, e.Result)
	}
	switch {
	case err == context.DeadlineExceeded:
		return append(b, xDeadline)
	case err == context.Canceled:
		return append(b, xCanceled)
	case errors.Is(err, context.DeadlineExceeded):
		return append(appendStr(append(b, xWrap), err.Error()), xDeadline)
	case errors.Is(err, context.Canceled):
		return append(appendStr(append(b, xWrap), err.Error()), xCanceled)
	}
	return appendStr(append(b, xErr), err.Error())
}

// wrapErr is an error decoded from xWrap: its text, wrapping one of the
// context's errors.
type wrapErr struct {
	text string
	err  error
}

func (e *wrapErr) Error() string { return e.text }
func (e *wrapErr) Unwrap() error { return e.err }

func appendStr(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// attemptErr decodes the error of an attempt of kind k (appendErr); depth
// is 1 inside a *TimeoutError.
func (d *decoder) attemptErr(k byte, depth int) error {
	switch k {
	case xErr:
		return errors.New(d.string())
	case xPanic:
		return &PanicError{Value: d.string()}
	case xTimeout:
		if depth > 0 {
			break
		}
		te := &TimeoutError{Timeout: time.Duration(d.uvarint())}
		if r := d.byte(); r != xOK {
			te.Result = d.attemptErr(r, 1)
		}
		return te
	case xDeadline:
		return context.DeadlineExceeded
	case xCanceled:
		return context.Canceled
	case xWrap:
		w := &wrapErr{text: d.string()}
		switch d.byte() {
		case xDeadline:
			w.err = context.DeadlineExceeded
		case xCanceled:
			w.err = context.Canceled
		default:
			if d.err == nil {
				d.err = errors.New("a wrapped error of unknown kind")
			}
		}
		return w
	}
	if d.err == nil {
		d.err = fmt.Errorf("an attempt of unknown kind %d", k)
	}
	return nil
}

// Route implements Dispatcher.
func (w *xdisp) Route(m Msg, dst []Delivery) []Delivery { return w.real.Route(m, dst) }

// Invoke answers a call with its accepted output; a call between rounds (a
// builder's activation) first makes a round of its own.
func (w *xdisp) Invoke(c *Call, d Delivery, m Msg) error {
	i := w.e.slotOf(d.Proc, c.kg)
	if !w.pass2 && !w.demanded[i] {
		if err := (*exchange)(w).demand(c, d, m, i); err != nil {
			return err
		}
	}
	calls := w.outs[i]
	if c.input < len(calls) && calls[c.input].hit {
		return fmt.Errorf("fw: distributed run: call %d of instance %d was taken for a cache hit, but it misses", c.input, i)
	}
	if c.input >= len(calls) || int(c.attempt) >= calls[c.input].attempts() {
		return fmt.Errorf("fw: distributed run: no accepted output for call %d (attempt %d) of instance %d", c.input, c.attempt, i)
	}
	a := calls[c.input].attempt(int(c.attempt))
	for _, m := range a.out {
		c.Emit(m)
	}
	return a.err
}

// demand makes a round of call c of slot i alone (between rounds).
func (x *exchange) demand(c *Call, d Delivery, m Msg, i int) error {
	inst := cluster.Inst(i)
	x.work = append(x.work[:0], inst)
	clear(x.own)
	x.clearMine()
	x.emits = x.emits[:0]
	if x.x.Owns(inst) {
		c1 := &x.call1
		*c1 = Call{ctx: c.ctx, prog: c.prog, proc: c.proc, kg: c.kg, cs: c.cs, phase: c.phase, step: c.step, input: c.input, msg: c.msg}
		x.mine[inst] = append(x.mine[inst], x.call(c1, d, m))
		b, err := x.appendCalls(x.bufs[inst][:0], x.mine[inst])
		if err != nil {
			return err
		}
		x.bufs[inst], x.own[inst] = b, b
	}
	outs, err := x.round(cluster.RoundActivate, x.work)
	if err != nil {
		return err
	}
	x.outs[i] = x.outs[i][:0]
	if err := x.accept(outs); err != nil {
		return err
	}
	x.demanded[i] = true
	return nil
}

// endPass ends the second pass of a round: from now on calls make rounds of
// their own until the next step or broadcast.
func (x *exchange) endPass() {
	x.pass2 = false
	clear(x.demanded)
}

var _ Sources = (*xdisp)(nil)

// Pull implements Sources: a source pull is a round of its own.
func (w *xdisp) Pull(c *Call, proc int32, max int) (bool, error) {
	x := (*exchange)(w)
	src, ok := x.real.(Sources)
	if !ok {
		return true, fmt.Errorf("fw: package %s has source builders and its Dispatcher no Pull", x.e.prog.Package)
	}
	i := x.e.slotOf(proc, 0)
	inst := cluster.Inst(i)
	x.work = append(x.work[:0], inst)
	clear(x.own)
	if x.x.Owns(inst) {
		c1 := &x.call1
		*c1 = Call{ctx: c.ctx, prog: c.prog, proc: c.proc, cs: c.cs, phase: c.phase, step: c.step}
		done, err := x.pullReal(src, c1, proc, max)
		b := x.bufs[inst][:0]
		switch {
		case err != nil:
			b = appendErr(append(b, 2), err) // with its kind, as a call's
		case done:
			b = append(b, 1)
		default:
			b = append(b, 0)
		}
		if err == nil {
			b = binary.AppendUvarint(b, uint64(len(c1.out)))
			for _, m := range c1.out {
				if b, err = x.appendMsg(b, m); err != nil {
					return true, err
				}
			}
		}
		c1.out = nil
		x.bufs[inst], x.own[inst] = b, b
	}
	outs, err := x.round(cluster.RoundPull, x.work)
	if err != nil {
		return true, err
	}
	d := decoder{b: outs[inst]}
	var done bool
	switch d.byte() {
	case 2:
		if err := d.attemptErr(d.byte(), 0); d.err == nil {
			return true, err
		}
	case 1:
		done = true
	}
	for range d.uvarint() {
		c.Emit(x.msg(&d))
	}
	if d.err != nil {
		return true, fmt.Errorf("fw: decoding the pull of instance %d: %w", inst, d.err)
	}
	return done, nil
}

// Stop implements Sources: only the source's owner pulled it.
func (w *xdisp) Stop(proc int32) {
	x := (*exchange)(w)
	if src, ok := x.real.(Sources); ok && x.x.Owns(cluster.Inst(x.e.slotOf(proc, 0))) {
		src.Stop(proc)
	}
}

func (x *exchange) pullReal(src Sources, c *Call, proc int32, max int) (done bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &PanicError{Value: r, Stack: debug.Stack()}
		}
	}()
	return src.Pull(c, proc, max)
}

// DispatchAll implements Dispatcher: Route, then Invoke, event by event.
func (w *xdisp) DispatchAll(x *Serial, ms []Msg) int {
	var dst [8]Delivery
	for i, m := range ms {
		if x.Stopped() {
			return i
		}
		for _, d := range w.real.Route(m, dst[:0]) {
			if c := x.Begin(x.NoteKG(d.Proc, d.KG, d.Case, m)); c != nil {
				x.End(w.Invoke(c, d, m))
			}
		}
	}
	return len(ms)
}

// AppendMsg implements Codec.
func (w *xdisp) AppendMsg(b []byte, m Msg) ([]byte, error) { return w.codec.AppendMsg(b, m) }

// DecodeMsg implements Codec.
func (w *xdisp) DecodeMsg(k Kind, data []byte) (Msg, error) { return w.codec.DecodeMsg(k, data) }

// decoder reads exchange outputs; its first error sticks.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errors.New("truncated output")
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) byte() byte {
	if d.err != nil || len(d.b) == 0 {
		if d.err == nil {
			d.err = errors.New("truncated output")
		}
		return 0
	}
	v := d.b[0]
	d.b = d.b[1:]
	return v
}

func (d *decoder) bytes() []byte {
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.b)) {
		if d.err == nil {
			d.err = errors.New("truncated output")
		}
		return nil
	}
	v := d.b[:n:n]
	d.b = d.b[n:]
	return v
}

func (d *decoder) string() string { return string(d.bytes()) }
