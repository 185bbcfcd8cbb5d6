package engine

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	goruntime "runtime"
	"runtime/debug"
	"slices"
	"sync/atomic"
	"time"

	"github.com/fwgo/fw/runtime/fw"
	"github.com/fwgo/fw/runtime/internal/interrupt"
)

// Call is the context of one handler call. Generated per-case context types wrap it
// and expose only the emits the case declares. The engine reuses Call values, so a
// Call is valid only until its handler returns.
type Call struct {
	ctx   context.Context
	prog  *Program
	proc  int32 // the processor, an index in prog.Procs; -1 for a feed's pull
	cs    int32 // the case (a case index, or CaseInit, CasePhase, CaseTerminate, caseBuild)
	phase int
	step  int
	input int
	msg   Msg
	out   []Msg
	mark  int        // len(out) when the call began: its emissions are out[mark:]
	arena Arena      // where emitted events may be stored (arena.go), or nil
	slot  *arenaSlot // where arena comes from when nil, or nil
	named *[]namedID // a feed's pull: where EmitID notes ids, or nil

	// attempt is the attempt in progress: 0, then k for the k-th retry
	// (invoke); after the call, its last attempt.
	attempt int32
	// kg is the key group of the processor's instance; 0 when unpartitioned
	// (beside attempt, so that a Call is no larger than without it).
	kg int32
	// routed is the error of a call whose failure invoke routed as an
	// event (errRouted), for the CallObserver.
	routed error
}

// Context returns the run's context.
func (c *Call) Context() context.Context { return c.ctx }

// Phase returns the current phase (for `on phase`, the phase that completed).
func (c *Call) Phase() int { return c.phase }

// Step returns the step of the current phase the call belongs to (for lifecycle
// calls, the number of steps the phase has run so far).
func (c *Call) Step() int { return c.step }

// Input returns the position of the event in the processor's inbox for this step,
// as reported in HandlerError.Input (0 for lifecycle calls). With Phase and Step it
// identifies the call within a run, independently of the worker count.
func (c *Call) Input() int { return c.input }

// KeyGroup returns the key group of the instance called: 0 <= kg < K for a
// partitioned processor (ProcInfo.KeyGroups = K > 1), 0 otherwise. A
// generated Invoke calls the handler of instance c.KeyGroup().
func (c *Call) KeyGroup() int { return int(c.kg) }

// Attempt returns the attempt of the call in progress: 0 for the first,
// k for its k-th retry (`retry N`). The position of a call does not depend
// on it.
func (c *Call) Attempt() int { return int(c.attempt) }

// Msg returns the event being handled (the zero Msg for lifecycle calls).
func (c *Call) Msg() Msg { return c.msg }

// Emit records an emission; it takes effect only if the call returns nil.
func (c *Call) Emit(m Msg) {
	if len(c.out) == cap(c.out) {
		c.grow()
	}
	c.out = append(c.out, m)
}

// Engine runs a Program: it routes events to processor inboxes, calls the handlers
// and feeds their emissions back, in phases made of steps.
//
// Execution. Phase 0, step 0 holds the submitted events (in submission order)
// followed by the emissions of the `on init` calls (processors in declaration
// order). In every step, each event is routed (Dispatcher.Route) and appended to the
// inbox of every processor it is delivered to. Each processor handles its inbox in
// order, one call at a time, or with up to ProcInfo.Concurrency overlapping calls;
// different processors run in parallel, with at most WithWorkers calls running in
// total. When every call of the step has returned, the emissions of the step form
// the next step. A step without events completes the phase: every processor with
// `on phase` is called in declaration order with Call.Phase() = the completed phase,
// and their emissions form step 0 of the next phase. If they emit nothing, the
// processors with `on terminate` are called in declaration order (their emissions
// are discarded) and Run returns nil.
//
// Feeds and streams (Feed; live.go). Fed events are pulled, up to WithSourceBatch
// at a time, whenever a batch of events is about to become a step (see the order
// rule below), from the feeds one after the other. Without a phase trigger they
// are pulled in phase 0 only, and phase 0 does not complete while a feed is not
// exhausted. A Stream is a feed whose Pull may have nothing ready: when the next
// step would be empty and a stream is being fed, the engine waits for it (Ready,
// or its Wait), for the run's end (cancellation, interrupt) or for the phase's
// time, and pulls again. With a phase trigger (WithPhaseEvery: a phase ends once
// n events were fed in it; WithPhaseInterval: once d of wall time passed since
// it opened) feeds are pulled in every phase; when the trigger fires the engine
// stops pulling, the phase runs to quiescence and completes as above, and the
// next phase opens even if the broadcast emitted nothing, while a feed is left
// (phases opened so do not count against WithMaxPhases). Once every feed is
// exhausted, phases end at quiescence as without a trigger. Step boundaries of
// a stream, and the phases of a time trigger, depend on when events arrive;
// everything else is as deterministic as for submitted events: the same fed
// events, pulled with the same boundaries and phase ends, give the same calls
// and emissions for any worker count. A record (below) keeps the boundaries.
//
// Delivery order rule. Every event has a causal position
//
//	(phase, step, source, source key group, input position, emission index)
//
// and each step's events are ordered by it. The source of an event is the caller
// (submissions, first) or the processor that emitted it (then processors in
// declaration order); the source key group is the instance of a partitioned
// source (ProcInfo.KeyGroups = K > 1: K instances, slots.go) that emitted it, 0
// otherwise; the input position is the position, in that instance's inbox
// for the step, of the event whose call emitted it (for submissions: submission
// order; for `on init` and `on phase` emissions: 0); the emission index is the order
// of Emit calls within the call. Each processor's inbox for a step lists the step's
// events routed to it in that order, and only emissions of calls that returned nil
// without panicking take part. Hence, for deterministic handlers, the sequence of
// events each processor receives, and every emission, is the same on every run and
// for any worker count or GOMAXPROCS, even for processors with concurrency N > 1
// whose calls complete out of order.
//
// Key groups. Each instance of a partitioned processor has its own inbox (an
// event reaches the instance of Delivery.KG, its key's group) and its own
// handler value; instances take part as processors of their own in (processor,
// key group) order: lifecycle calls reach each instance in key group order, and
// activating a partitioned builder activates its K instances. With K = 1
// everywhere the rule is (phase, step, source, input position, emission index).
//
// Builders (programs with Targets). A builder is inactive, and receives nothing
// (no event, no lifecycle call), until its target is resolved: by Resolve before
// Run, or by a resolve request (a Msg of a resolve kind) emitted by any call.
// Whenever a batch of events is about to become a step (the submissions with the
// `on init` emissions, a step's emissions, a phase broadcast's emissions), its
// resolve requests are taken out and processed in order. Resolving target t
// activates its provider once per run: the providers of its requirements first
// (depth first, in Requires order), then its `on init` (emissions appended to
// the batch), then the replay of the artifacts its requirements published
// before, requirement by requirement in publication order, as directed
// deliveries at the start of the next step, before the step's events. A
// target's artifacts are logged for replay only while some builder requiring
// it is inactive. Then every active source that is not exhausted, in
// declaration order, is pulled for up to WithSourceBatch artifacts, appended
// after the batch's events; a phase does not complete while an active source is
// not exhausted. So the order rule above extends to: the batch's events, then
// the `on init` emissions of builders activated by it (in activation order), then
// pulled artifacts (by source in declaration order); and each inbox starts with
// its directed deliveries. Sources started and not exhausted are stopped when
// Run returns. Fed events come before pulled artifacts: a batch is the
// step's emissions, then the `on init` emissions of builders activated by
// them, then the fed events of one pull (in the order the feed yields them;
// for step 0 of phase 0, after the submitted events and `on init`
// emissions; for step 0 of a later phase, after the broadcast's emissions),
// then pulled artifacts.
//
// Accounting. ProcStats.Received counts deliveries, Handled successful event calls,
// Failed failed calls (lifecycle calls included), Emitted the emissions of
// successful calls (lifecycle calls included, `on terminate` excluded).
// PhaseStats.Steps counts the steps that had events or directed deliveries, Events
// the events of those steps (resolve requests and replayed artifacts excluded),
// Deliveries their deliveries (directed ones included). A source's pulls count in
// Pulls (successful), Failed (failed) and Emitted (their artifacts), not in
// Received or Handled.
//
// Scheduling. A step runs inline (the generated dispatch, event by event, each
// matching processor in processor order before the next event) or on the pool
// (routed into inboxes first, drained by the workers in chunks); with one
// worker always inline, with more as sched.go decides (also switching from
// inline to the pool within a step). Either way each processor receives the
// same sequence. The default worker count is runtime.GOMAXPROCS(0).
//
// Errors. The first failing call (an error or a recovered panic) stops the run: no
// call starts after it, calls in flight finish, and Run returns a *HandlerError. In
// a step run inline that is the first failure in (event, processor) order; when
// several calls of one step fail on the pool, the one with the smallest
// (processor, key group, input position) is reported. For lifecycle calls the error's
// Input is 0 and its Step is the number of steps the phase had run. If ctx is
// cancelled first, the run stops the same way and Run returns ctx.Err(); it is
// checked before every event (inline) or every call (on the pool).
//
// Caching. The event calls of a `cached` processor and of a persistent
// transform builder, and the whole output of a persistent source builder, are
// looked up in the archive (WithArchive; a fresh in-memory one by default)
// under a key of the input's canonical encoding (Codec). A hit replays the
// recorded emissions in place of the call's, without calling the handler; a
// miss calls it and records its emissions if it succeeds. Failed calls are
// never recorded. See WithCacheSalt, WithCacheRefresh and WithVerify.
//
// Recording. With WithRecord, the run's inputs and every call with its
// emissions are written to a record, in the order of the delivery rule (a
// step's event calls when it completes, by processor then input position), so
// the record is the same for any worker count; with WithReplay (or Replay),
// the recorded inputs are run again and every call is compared with the
// record as the run goes, the first difference failing the run with a
// *DivergenceError. See record.go. A run with feeds also records each pull's
// fed events (with the ids the feed gave them) and each phase a trigger ended,
// where they happened among the calls; its replay pulls the recorded events
// instead of the feeds (it is given none) and ends phases where the record
// says, so it makes the same steps and phases; a live run stopped (cancelled,
// interrupted) replays up to where its record ends, and the replay returns nil.
//
// Sinks and commits (WithSink; live.go). At the end of each step, and after
// each `on init` or `on phase` broadcast, every sink is handed the emissions of
// its event types, in the order of the delivery rule, each with its causal id
// (docs/runtime.md, "Sinks and causal ids": independent of step boundaries and
// worker count); a Publish error stops the run. After the `on phase` broadcast
// of every phase, once its publishes returned, each feed that is a Committer
// is told how many of its events are committed (all those pulled so far).
//
// Interrupts. With WithInterrupts, the first SIGINT or SIGTERM during Run stops
// the run as a cancellation does, but without cancelling the handlers'
// context, and Run returns ErrInterrupted; a second signal cancels the
// handlers' context too. The archive is flushed when Run returns, whatever
// the outcome. Given a context from fw.NotifyInterrupts, Run uses the handler
// it carries (installed before Run) instead of its own: a signal before Run
// makes Run return ErrInterrupted without a call.
//
// An Engine runs once. Its handlers must not retain a Call after returning.
type Engine struct {
	prog   *Program
	disp   Dispatcher
	router FailureRouter // the Dispatcher's, if it routes failures
	cfg    config
	// observeFn is WithObserver's function, or nil.
	observeFn func(Stats)
	// obs is WithCallObserver's observer, or nil; runObs the same if it
	// is a fw.RunObserver.
	obs    fw.CallObserver
	runObs fw.RunObserver

	// Submission (Submit, SubmitArena, Resolve, Feed) happens before Run, on
	// one goroutine: these fields are not guarded, and started is atomic only
	// so that a late submission panics cheaply.
	submitted  []Msg
	subArena   Arena  // the submitted events' values (SubmitArena)
	feeds      []Feed // lazy sources of phase-0 events (Feed)
	resolveErr error  // the first unknown target passed to Resolve
	started    atomic.Bool

	counts *counters // the job accounting, read by Stats

	// Run state: owned by the goroutine running Run; pool workers read it (and
	// write their processor's fields) only between being handed work under
	// pool.mu and handing it back, which orders their accesses.
	ctx    context.Context // the context passed to handlers
	parent context.Context // the context passed to Run
	done   <-chan struct{} // closed when the run must stop: ctx done, or interrupted
	procs  []proc          // per slot (slots.go)
	base   []int32         // the first slot of each processor; nil when slot i is processor i
	cur    []Msg           // the current step's events (on the pool: directed deliveries first)
	curOff int             // where the step's events start in cur
	spare  []Msg           // the previous step's buffer, reused for the next step
	routes []Delivery
	call   Call   // lifecycle calls
	serial Serial // steps run inline
	phase  int
	step   int
	pool   *pool     // nil with one worker
	sched  sched     // with a pool, what runs on it
	onPool bool      // the step's calls are running on the pool
	bld    *builders // nil for a program without targets
	cache  *cache    // nil for a program without cached processors or persistent builders
	tape   *tape     // nil for a run that is neither recorded nor replayed
	checks *checks   // nil but for a run WithEventChecks of a program with checked kinds

	// Arenas of emitted and fed events (arena.go); nil arenas when the run uses none.
	arenaMk Arenas
	arenas  [][2]arenaSlot // per processor, by step parity (tick&1)
	// chunkSlots: per concurrent processor, by step parity, its chunks' on the pool
	chunkSlots [][2][]arenaSlot
	feedArena  Arena
	tick       int    // steps run so far, all phases
	feedAt     int    // the feed being pulled, an index in feeds
	feedOn     bool   // feeds[feedAt] was pulled and is not exhausted
	lv         live   // feeds and phase triggers (live.go)
	sk         *sinks // nil for a run without sinks

	// interrupted is set by the first SIGINT/SIGTERM of a run WithInterrupts,
	// before done is closed.
	interrupted atomic.Bool

	// Why the run stops (in parallel mode guarded by pool.mu): a handler failure
	// or, if it came first, the context's cancellation.
	herr     *HandlerError
	herrProc int
	canceled bool

	// xch is the member side of a distributed run (cluster.go); nil in a
	// single-process run, where no hook costs more than its nil check.
	xch *exchange
}

// item is one delivery in an inbox: an index into the step's events and the case.
// Both fit in 32 bits to keep inboxes small.
type item struct {
	ev int32
	cs int32
}

// proc is the run state of one slot: a processor, or one instance (key
// group) of a partitioned one (slots.go). e.procs holds the slots in
// (processor, key group) order.
type proc struct {
	owner  int32 // the processor, an index in Program.Procs
	kg     int32 // the instance's key group; 0 when unpartitioned
	limit  int   // overlapping calls allowed, at least 1
	off    bool  // an inactive builder: it receives nothing
	cached bool  // its event calls are cached (cachedCalls), in a run with a cache
	inbox  []item

	// A step moved to the pool after running inline up to some event
	// (Engine.handover): the processor's calls made inline, their emissions
	// and tape notes, and its arena, which its pool calls go on filling.
	base    int // input position of inbox[0]
	pre     []Msg
	preRC   []tapeCall
	inherit bool // slot and arena are the inline calls'
	slot    *arenaSlot
	arena   Arena

	// On the pool, guarded by pool.mu.
	next    int // first chunk not handed out yet
	running int // chunks running
	chunks  []chunk
}

// New returns an engine for p that calls handlers through d.
func New(p *Program, d Dispatcher, opts ...Option) *Engine {
	if p == nil || d == nil {
		panic("fw: runtime.New needs a Program and a Dispatcher")
	}
	cfg := config{Workers: goruntime.GOMAXPROCS(0), MaxPhases: 10000, Batch: 256, Logger: slog.New(slog.DiscardHandler)}
	for _, o := range opts {
		o(&cfg)
	}
	slots, base := slotsOf(p)
	e := &Engine{
		prog:   p,
		disp:   d,
		cfg:    cfg,
		counts: newCounters(len(p.Procs)),
		procs:  make([]proc, numSlots(p, slots)),
		base:   base,
	}
	for i := range e.procs {
		s := slotAt(slots, i)
		e.procs[i].owner, e.procs[i].kg = s.proc, s.kg
		e.procs[i].limit = max(1, p.Procs[s.proc].Concurrency)
	}
	e.router, _ = d.(FailureRouter)
	if x, _ := cfg.Exchange.(Exchange); x != nil {
		e.xch = newExchange(e, x, d)
		e.disp = (*xdisp)(e.xch)
		e.cfg.Workers = 1
	}
	e.observeFn, _ = cfg.Observe.(func(Stats))
	e.obs, _ = cfg.Calls.(fw.CallObserver)
	e.runObs, _ = cfg.Calls.(fw.RunObserver)
	return e
}

// Submit queues an event for phase 0, after the ones submitted before it. It
// must be called before Run; calling it once Run has started panics.
//
// Submit is not safe for concurrent use (nor with Resolve or Feed): the
// submission order is part of what makes a run deterministic, so events are
// submitted from one goroutine, or fed lazily (Feed).
func (e *Engine) Submit(m Msg) {
	if len(e.submitted) == cap(e.submitted) { // and always once Run has started
		e.submitGrow()
	}
	e.submitted = append(e.submitted, m)
}

// submitGrow is Submit when e.submitted is full, or Run has started (it sets
// e.submitted to nil).
func (e *Engine) submitGrow() {
	e.checkNotStarted("Submit")
	if e.submitted == nil {
		e.submitted = getMsgs()
	} else if len(e.submitted) == cap(e.submitted) {
		e.submitted = slices.Grow(e.submitted, len(e.submitted))
	}
}

// checkNotStarted panics when Run has started: what (Submit, Resolve, Feed)
// must come before it.
func (e *Engine) checkNotStarted(what string) {
	if e.started.Load() {
		panic("fw: Engine." + what + " called after Run started; call it before Run")
	}
}

// Run runs the pipeline to completion (see Engine for the semantics). It may be
// called once; later calls return ErrAlreadyRun. No goroutine it starts outlives it.
// It must not be called concurrently with Submit, Resolve or Feed.
func (e *Engine) Run(ctx context.Context) (err error) {
	if !e.started.CompareAndSwap(false, true) {
		return ErrAlreadyRun
	}
	cur := e.submitted
	e.submitted = nil
	resolveErr := e.resolveErr

	e.ctx, e.parent, e.done = ctx, ctx, ctx.Done()
	defer e.release()
	defer func() { e.putRunBufs(cur) }()
	if e.cfg.Interrupts || interrupt.FromContext(ctx) != nil {
		defer e.watchSignals(ctx)()
	}
	if e.runObs != nil {
		// Registered before the deferred runError below, so run after it:
		// RunEnd sees the error Run returns.
		if end := e.runObs.RunBegin(ctx, e.prog.Package, e.Stats); end != nil {
			defer func() { end(e.Stats(), err) }()
		}
	}
	start := time.Now()
	defer func() {
		err = e.runError(err)
		e.logEnd(ctx, start, err)
	}()
	if e.observeFn != nil {
		defer e.observe()()
	}
	if resolveErr != nil {
		return resolveErr
	}
	if e.xch != nil {
		if err := e.xchStart(); err != nil {
			e.xch.x.Close(nil)
			return err
		}
		defer func() { e.xchClose(err) }()
		if cur, err = e.xchInput(cur); err != nil {
			return err
		}
	}
	if err := e.startTape(&cur); err != nil {
		return err
	}
	defer e.closeTape(&err)
	defer e.stopFeed()
	e.startLive()
	defer e.stopLive()
	if err := e.startSinks(); err != nil {
		return err
	}
	if err := e.startCache(); err != nil {
		return err
	}
	defer e.closeCache(&err)
	e.startBuilders()
	defer e.stopSources(&err)
	e.startArenas()
	e.startChecks()
	if n := e.workerCount(); n > 1 {
		e.startSched(n)
		e.startPool(n)
		defer e.stopPool()
	}

	e.openPhase()
	if e.sk != nil {
		e.submittedIDs(len(cur))
	}
	if cur, err = e.lifecycle(CaseInit, cur); err != nil {
		return err
	}
	if cur, err = e.prepare(cur); err != nil {
		return e.replayEnd(err)
	}
	for {
		for e.pending(cur) {
			if stop, err := e.stoppedHere(); stop || err != nil {
				return err
			}
			if cur, err = e.runStep(cur); err != nil {
				return err
			}
			if e.sk != nil {
				sk := e.sk
				sk.ids, sk.next = sk.next, sk.ids[:0]
				if err = e.publish(cur, sk.ids); err != nil {
					return err
				}
			}
			e.step++
			if cur, err = e.prepare(cur); err != nil {
				return e.replayEnd(err)
			}
		}
		e.cfg.Logger.LogAttrs(ctx, slog.LevelDebug, "fw: phase complete",
			slog.Int("phase", e.phase), slog.Int("steps", e.step))
		if cur, err = e.lifecycle(CasePhase, cur); err != nil {
			return err
		}
		// The phase's inputs are committed once its broadcast's emissions
		// are published.
		if err = e.commit(); err != nil {
			return err
		}
		live := e.liveFeeds()
		if len(cur) == 0 && !live {
			break
		}
		// The broadcast's emissions open the next phase if, once their resolve
		// requests are processed, there is something to deliver, or, with a
		// phase trigger, while a feed is left.
		phase, steps := e.phase, e.step
		e.phase, e.step = phase+1, 0
		e.nextPhase()
		if cur, err = e.prepare(cur); err != nil {
			return e.replayEnd(err)
		}
		if !e.pending(cur) && !e.liveFeeds() {
			e.phase, e.step = phase, steps
			break
		}
		if live {
			e.lv.livePhases++
		} else if e.phase-e.lv.livePhases >= e.cfg.MaxPhases {
			return fmt.Errorf("%w (%d)", ErrMaxPhases, e.cfg.MaxPhases)
		}
		e.openPhase()
	}
	_, err = e.lifecycle(CaseTerminate, cur)
	return err
}

// replayEnd is the error of a run whose prepare failed with err: nil where
// the replay of a live run reached the point where the recorded run stopped.
func (e *Engine) replayEnd(err error) error {
	if err == errReplayEnded {
		return nil
	}
	return err
}

// noting reports whether every call is noted (tapeCall) for the step's
// end: in a run recorded, replayed or with sinks (causal ids).
func (e *Engine) noting() bool { return e.tape != nil || e.sk != nil }

// openPhase starts the stats of phase e.phase.
func (e *Engine) openPhase() { e.counts.openPhase(e.phase) }

// Stats returns a snapshot of the job accounting. It is safe to call at any time,
// also while Run is running; after Run returns it is exact.
func (e *Engine) Stats() Stats { return e.counts.snapshot(e.prog) }

// logEnd logs the end of a run: at Info level its outcome and size.
func (e *Engine) logEnd(ctx context.Context, start time.Time, err error) {
	phases, events, deliveries := e.counts.totals()
	attrs := []slog.Attr{slog.String("package", e.prog.Package), slog.Int("phases", phases),
		slog.Uint64("events", events), slog.Uint64("deliveries", deliveries), slog.Duration("elapsed", time.Since(start))}
	if err != nil {
		e.cfg.Logger.LogAttrs(ctx, slog.LevelInfo, "fw: run failed", append(attrs, slog.String("err", err.Error()))...)
		return
	}
	e.cfg.Logger.LogAttrs(ctx, slog.LevelInfo, "fw: run finished", attrs...)
}

// observe starts the WithObserver goroutine; the function it returns stops it
// and makes the last call.
func (e *Engine) observe() (stop func()) {
	quit, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(e.cfg.Every)
		defer t.Stop()
		for {
			select {
			case <-quit:
				return
			case <-t.C:
				e.observeFn(e.Stats())
			}
		}
	}()
	return func() {
		close(quit)
		<-done
		e.observeFn(e.Stats())
	}
}

// lifecycle calls the processors that have the lifecycle case cs, in declaration
// order (each instance of a partitioned one, in key group order), appending
// their emissions to out (terminate emissions are dropped).
func (e *Engine) lifecycle(cs int32, out []Msg) ([]Msg, error) {
	if e.cancelled() {
		return out, e.stopErr()
	}
	if e.xch != nil {
		if err := e.xchLifecycle(cs); err != nil {
			return out, err
		}
	}
	mark := len(out)
	if e.sk != nil {
		e.sk.root = "init"
		if cs == CasePhase {
			e.sk.root = e.sk.phaseRoot(e.phase)
		}
	}
	for i := range e.procs {
		pi := &e.prog.Procs[e.procs[i].owner]
		if !(cs == CaseInit && pi.Init || cs == CasePhase && pi.Phase || cs == CaseTerminate && pi.Terminate) || e.procs[i].off {
			continue
		}
		var err error
		if out, err = e.lifecycleCall(i, cs, out); err != nil {
			return out, err
		}
	}
	if e.sk != nil && cs != CaseTerminate && len(out) > mark {
		if err := e.publish(out[mark:], e.sk.ids[mark:]); err != nil {
			return out, err
		}
	}
	return out, nil
}

// lifecycleCall makes lifecycle call cs of slot i, appending its emissions
// to out (terminate emissions are dropped).
func (e *Engine) lifecycleCall(i int, cs int32, out []Msg) ([]Msg, error) {
	if e.cancelled() {
		return out, e.stopErr()
	}
	c := &e.call
	sp := &e.procs[i]
	*c = Call{ctx: e.ctx, prog: e.prog, proc: sp.owner, kg: sp.kg, cs: cs, phase: e.phase, step: e.step, out: out, mark: len(out)}
	pr := int(sp.owner)
	mark := len(out)
	// The call path (call.go): no cache (a lifecycle call has no input), and
	// the tape records the call at once rather than when a step completes.
	var h hook
	var t tally // lifecycle calls count as failed or emitted, never as handled
	e.callBegin(&h, c, i)
	err := e.invoke(c, Delivery{Proc: sp.owner, Case: cs, KG: sp.kg}, Msg{})
	err = e.callEnd(&h, c, i, err, &t, nil)
	out, c.out = c.out, nil
	if err == nil && cs == CasePhase && e.bld != nil && len(e.bld.flushes) > 0 {
		out, err = e.persistFlush(i, out, mark) // builders.go
	}
	if err == errRouted {
		t.failed++
		err = nil
	}
	if err == errAbandoned { // the run stopped during the call's backoff wait
		e.counts.add(pr, &t)
		return out[:mark], e.stopErr()
	}
	if err != nil {
		t.failed++
		e.counts.add(pr, &t)
		return out[:mark], e.slotError(i, cs, Msg{}, 0, err)
	}
	if e.tape != nil {
		if err := e.tape.call(e.phase, e.step, pr, int(sp.kg), cs, 0, nil, out[mark:]); err != nil {
			e.counts.add(pr, &t)
			clear(out[mark:])
			return out[:mark], err
		}
	}
	if cs == CaseTerminate {
		clear(out[mark:])
		out = out[:mark]
	} else if e.sk != nil {
		e.sk.align(mark)
		e.lifecycleIDs(i, len(out)-mark)
	}
	t.emitted = uint64(len(out) - mark)
	e.counts.add(pr, &t)
	return out, nil
}

// runStep routes the events of one step into the inboxes, runs every call and
// returns the next step's events.
func (e *Engine) runStep(cur []Msg) ([]Msg, error) {
	if e.cancelled() {
		return nil, e.stopErr()
	}
	if len(cur) > math.MaxInt32 {
		panic("fw: more than MaxInt32 events in one step")
	}
	if e.xch != nil {
		if err := e.xchStep(cur); err != nil {
			return nil, err
		}
	}
	e.tick++
	if e.bld != nil && len(e.bld.flushes) > 0 {
		if err := e.foldFlushes(cur); err != nil { // builders.go: persistent helpers
			return nil, err
		}
	}
	if e.bld != nil && len(e.bld.directed) > 0 {
		defer e.clearDirected()
	}
	if e.pool == nil {
		next, err := e.fusedStep(cur, e.spare[:0])
		e.spare = cur
		return next, err
	}
	pl := e.plan(cur)
	if pl.inline >= 0 {
		x := e.fusedOpen(cur, pl.sample)
		k := pl.inline
		var canceled bool
		if pl.redecide {
			k, canceled = e.probe(x, cur, k)
		} else {
			canceled = e.fusedEvents(x, cur[:k], true)
		}
		if k == len(cur) || x.herr != nil || canceled {
			next, err := e.fusedClose(x, cur, e.spare[:0], canceled)
			e.spare = cur
			return next, err
		}
		if pl.redecide {
			e.learn(x, true)
			if e.deliveries(cur[k:], false); !e.worthPool() {
				canceled = e.fusedEvents(x, cur[k:], false)
				next, err := e.fusedClose(x, cur, e.spare[:0], canceled)
				e.spare = cur
				return next, err
			}
		}
		e.sched.handovers++
		return e.handover(x, cur, k)
	}
	e.sched.poolSteps++
	all := cur
	if e.bld != nil && len(e.bld.directed) > 0 {
		all, _ = e.withDirected(cur)
	}
	deliveries := e.route(cur, len(all)-len(cur))
	e.counts.step(len(cur), deliveries)
	e.cur, e.curOff = all, len(all)-len(cur)
	next, err := e.poolStep(e.spare[:0])
	for i := range e.procs {
		e.procs[i].inbox = e.procs[i].inbox[:0]
	}
	e.spare, e.cur = cur, nil
	return next, err
}

// route appends the deliveries of events evs to the inboxes of the
// processors they are delivered to, each as an index in the step's events
// (evs[i] is event off+i) and its case, and counts them as received.
// Inactive builders receive nothing. It returns the number of deliveries,
// those already in the inboxes (directed ones) included.
func (e *Engine) route(evs []Msg, off int) (deliveries int) {
	routes := e.routes // a local, so the loop stores no pointer into the heap
	if base := e.base; base == nil {
		for i, m := range evs {
			routes = e.disp.Route(m, routes[:0])
			for _, d := range routes {
				if p := &e.procs[d.Proc]; !p.off {
					p.inbox = append(p.inbox, item{ev: int32(off + i), cs: d.Case})
				}
			}
		}
	} else {
		for i, m := range evs {
			routes = e.disp.Route(m, routes[:0])
			for _, d := range routes {
				if p := &e.procs[e.slotOf(d.Proc, d.KG)]; !p.off {
					p.inbox = append(p.inbox, item{ev: int32(off + i), cs: d.Case})
				}
			}
		}
	}
	e.routes = routes
	for i := range e.procs {
		if n := len(e.procs[i].inbox); n > 0 {
			e.counts.add(int(e.procs[i].owner), &tally{received: uint64(n)})
			deliveries += n
		}
	}
	return deliveries
}

// clearDirected drops the directed deliveries once their step has run.
func (e *Engine) clearDirected() {
	b := e.bld
	clear(b.directed)
	b.directed = b.directed[:0]
}

// invoke calls the handler, turning a panic into a *PanicError. A processor
// with `retry N` has a failed call attempted up to N more times (the
// emissions of a failed attempt are discarded), after a wait if it has
// `backoff`; one with `timeout D` has each attempt's context given a
// deadline, and an attempt that returns after it fails with a *TimeoutError.
// One with `failures E` has a call that still fails replaced by its failure
// event, and invoke returns errRouted: the call failed, but its emission (the
// failure event) stands and the run goes on. When the run stops during a
// backoff wait (cancellation, interrupt, or a failure elsewhere on the
// pool), the wait ends at once and invoke returns errAbandoned: the call
// neither succeeded nor failed, and the run ends.
//
// The retries of a call happen inside the call, so they keep its place in
// the order rule: its emissions (those of its successful attempt) are
// committed where the call's are, whatever the waits and however long
// they are, and other processors' calls go on meanwhile on the pool.
//
// In a distributed run (e.xch set) the calls here replay the attempts that
// the call's owner made (exchange.call, cluster.go): the deadlines, the
// waits and the stops were the owner's, so each accepted attempt is
// replayed at once, without a deadline, a wait or a check for the run's
// stop in between.
func (e *Engine) invoke(c *Call, d Delivery, m Msg) error {
	mark := len(c.out)
	pi := &e.prog.Procs[d.Proc]
	timeout, replay := pi.Timeout, e.xch != nil
	if replay {
		timeout = 0
	}
	c.attempt = 0
	err := attempt(e.disp, c, timeout, d, m)
	if err == nil {
		return nil
	}
	wait := pi.BackoffMin
	for range pi.Retry {
		if !replay && e.cancelled() {
			break
		}
		clear(c.out[mark:])
		c.out = c.out[:mark]
		if wait > 0 && !replay {
			if e.pool != nil && !e.onPool {
				// A wait inline holds up the whole step: the scheduler
				// counts it in the cost of the processor's calls, so that
				// its next steps go to the pool, where other calls go on
				// during a wait (sched.go).
				e.sched.observe(int(d.Proc), wait, 1)
			}
			if !e.backoff(wait) {
				return errAbandoned
			}
			wait = min(2*wait, pi.BackoffMax)
		}
		c.attempt++
		if err = attempt(e.disp, c, timeout, d, m); err == nil {
			return nil
		}
	}
	if !pi.Failures || e.router == nil {
		return err
	}
	clear(c.out[mark:])
	c.out = c.out[:mark]
	he := newHandlerError(e.prog, c.phase, c.step, int(d.Proc), int(d.KG), d.Case, m, c.input, err)
	f := Failure{Processor: he.Processor, KeyGroup: he.KeyGroup, Case: he.Case, Event: he.Event, Err: err,
		Phase: c.phase, Step: c.step, Input: c.input, Attempts: int(c.attempt) + 1, Msg: m}
	c.out = append(c.out, e.router.FailureMsg(d.Proc, &f))
	c.routed = err
	e.cfg.Logger.LogAttrs(c.ctx, slog.LevelWarn, "fw: call failed; its failure event is emitted in its place",
		slog.String("err", he.Error()))
	return errRouted
}

// errRouted is invoke's result for a call whose failure was routed as an event.
var errRouted = errors.New("fw: failure routed as an event")

// errAbandoned is invoke's result for a call whose backoff wait was cut
// short because the run is stopping: the run ends without it (Run returns
// the reason it stopped, not a failure of this call).
var errAbandoned = errors.New("fw: call abandoned during its backoff: the run is stopping")

// attempt makes one attempt of call c through disp: with a timeout, under
// a context with its deadline, the attempt failing with a *TimeoutError if
// it returns after it.
func attempt(disp Dispatcher, c *Call, timeout time.Duration, d Delivery, m Msg) error {
	if timeout <= 0 {
		return invokeOnce(disp, c, d, m)
	}
	parent := c.ctx
	ctx, cancel := context.WithTimeout(parent, timeout)
	c.ctx = ctx
	err := invokeOnce(disp, c, d, m)
	c.ctx = parent
	// Late: the attempt's own deadline passed (not the run's, whose
	// cancellation the run reports itself).
	late := ctx.Err() == context.DeadlineExceeded && parent.Err() == nil
	cancel()
	if late {
		return &TimeoutError{Timeout: timeout, Result: err}
	}
	return err
}

// backoff waits d before a retry, and reports false, at once, if the run
// stops first: its context is done, it is interrupted, or a call failed on
// the pool.
func (e *Engine) backoff(d time.Duration) bool {
	var halt <-chan struct{}
	if e.pool != nil {
		halt = e.pool.halt
	}
	if closed(e.done) || closed(halt) {
		return false
	}
	if waitHook != nil {
		waitHook(d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-e.done:
		return false
	case <-halt:
		return false
	}
}

// waitHook, when set (tests only), is told about every backoff wait
// before it begins.
var waitHook func(d time.Duration)

// invokeOnce calls the handler through disp once, turning a panic into a
// *PanicError.
func invokeOnce(disp Dispatcher, c *Call, d Delivery, m Msg) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &PanicError{Value: r, Stack: debug.Stack()}
		}
	}()
	return disp.Invoke(c, d, m)
}

// cancelled reports whether the run's context is done, without blocking.
func (e *Engine) cancelled() bool {
	return closed(e.done)
}

// closed reports whether done is closed; a nil done (a context that is never
// cancelled) never is.
func closed(done <-chan struct{}) bool {
	if done == nil {
		return false
	}
	select {
	case <-done:
		return true
	default:
		return false
	}
}

// handlerError is the error of a call of processor i, which is not
// partitioned (a source builder).
func (e *Engine) handlerError(i int, cs int32, m Msg, input int, err error) *HandlerError {
	return newHandlerError(e.prog, e.phase, e.step, i, 0, cs, m, input, err)
}

// slotError is the error of a call of slot i.
func (e *Engine) slotError(i int, cs int32, m Msg, input int, err error) *HandlerError {
	sp := &e.procs[i]
	return newHandlerError(e.prog, e.phase, e.step, int(sp.owner), int(sp.kg), cs, m, input, err)
}

// slotOf returns the slot of instance kg of processor proc. A key group
// out of range (a Dispatcher's Route at fault) panics rather than reach
// another instance.
func (e *Engine) slotOf(proc, kg int32) int {
	if e.base == nil {
		if kg != 0 {
			e.badKG(proc, kg)
		}
		return int(proc)
	}
	if uint32(kg) >= uint32(keyGroups(&e.prog.Procs[proc])) {
		e.badKG(proc, kg)
	}
	return int(e.base[proc] + kg)
}

func (e *Engine) badKG(proc, kg int32) {
	panic(fmt.Sprintf("fw: Route delivered to key group %d of processor %s, which has %d", kg, e.prog.Procs[proc].Name, keyGroups(&e.prog.Procs[proc])))
}

// newHandlerError is the error of a call of instance kg of processor i.
func newHandlerError(prog *Program, phase, step, i, kg int, cs int32, m Msg, input int, err error) *HandlerError {
	p := &prog.Procs[i]
	he := &HandlerError{Processor: p.Name, Case: caseName(p, cs), Input: input, Phase: phase, Step: step, Err: err}
	if p.KeyGroups > 1 {
		he.KeyGroup, he.KeyGroups = kg, p.KeyGroups
	}
	if cs >= 0 {
		he.Event = prog.eventName(m.Kind)
	}
	return he
}

// release drops the run's buffers so that events do not stay reachable from an
// Engine that has finished.
func (e *Engine) release() {
	e.procs, e.cur, e.spare, e.routes, e.call, e.serial, e.bld, e.cache, e.tape, e.checks, e.sk = nil, nil, nil, nil, Call{}, Serial{}, nil, nil, nil, nil, nil
	e.freeArenas()
	e.feeds = nil
}
