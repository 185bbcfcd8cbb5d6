package engine

import (
	"fmt"
	"iter"
	"runtime/debug"
)

// Arena holds the values of events in flight, by kind, so that emitting an
// event does not allocate: generated code appends the value to a typed buffer
// of the arena of the emitting call (Call.Arena) and points Msg.Ev into it.
// Reset empties it; the engine calls it only when no message pointing into it
// can still be read.
//
// Lifetime. The engine gives a processor's call (in a step run inline, or a
// processor of concurrency 1 on the pool) one of two arenas of that processor,
// alternating by step: the values emitted in a step are read by the next step
// and reset at the start of the step after it. On the pool, each chunk of a
// concurrent processor's calls has a pair of its own, used the same way. Events fed with Feed live in an
// arena reset before each batch. An Arena is used only when nothing keeps a
// message beyond the step that reads it: built artifacts (logged for late
// builders) are never put in arenas, and a run with a processor that routes its
// failures (whose failure events carry the failed input, Failure.Msg) uses
// none. Handlers receive copies (bound fields by value, Event() a copy), so
// none of them sees a value change.
type Arena interface {
	Reset()
}

// Arenas is implemented by a generated Dispatcher whose events can be stored
// in arenas. NewArena returns an empty arena (generated code keeps freed ones
// in a sync.Pool, so that a new run starts with the buffers of an old one);
// FreeArena takes back one that no message points into any more: the engine
// frees its arenas when Run returns.
type Arenas interface {
	NewArena() Arena
	FreeArena(a Arena)
}

// Arena returns the arena the call's emitted events may be stored in, or nil
// (then every emitted value is allocated on its own).
func (c *Call) Arena() Arena {
	if c.arena == nil {
		return c.slotArena()
	}
	return c.arena
}

// slotArena is Arena at the call's first emission: it takes the arena of
// c.slot, if any (kept out of Arena so that Arena is inlined, and so is the
// generated code's typed form of it).
func (c *Call) slotArena() Arena {
	if c.slot != nil {
		c.arena = c.slot.get()
	}
	return c.arena
}

// arenaSlot is one of a processor's two arenas, made at its first use.
type arenaSlot struct {
	a  Arena
	mk Arenas
}

func (s *arenaSlot) get() Arena {
	if s.a == nil {
		s.a = s.mk.NewArena()
	}
	return s.a
}

// Feed is a lazy source of events (Engine.Feed).
type Feed interface {
	// Pull emits up to max events through c and reports whether the feed is
	// exhausted. An error stops the run.
	Pull(c *Call, max int) (done bool, err error)
	// Stop releases the feed once the run no longer needs it (it is called
	// for a feed that was pulled and is not exhausted when Run returns).
	Stop()
}

// Feed adds a lazy source of events for phase 0 (or, with a phase trigger,
// for every phase), pulled in batches of WithSourceBatch events (default 256)
// while the run goes, so that a run over many events needs memory for a few
// batches only. f may be a Stream: then the engine waits for it when idle
// (see Engine). It must be called before Run; calling it once Run has started
// panics.
//
// Order rule: fed events come after the submitted ones (and the `on init`
// emissions), in the order the feed yields them, batch by batch: the first
// batch is appended to the events of step 0 of phase 0, and each later batch
// to the events of the next step (after the step's emissions and the `on
// init` emissions of builders activated by them, before pulled artifacts).
// Without a trigger, phase 0 does not complete while a feed is not exhausted.
// Several feeds are consumed one after the other, in the order of the Feed
// calls.
func (e *Engine) Feed(f Feed) {
	e.checkNotStarted("Feed")
	e.feeds = append(e.feeds, f)
}

// SubmitArena returns the arena the value of the next submitted event may be
// stored in (nil for a Dispatcher without Arenas): generated Submit stores the
// value there and passes the message to Submit. Like Submit, it must be called
// before Run (it panics once Run has started) and is not safe for concurrent
// use.
func (e *Engine) SubmitArena() Arena {
	if e.subArena == nil || e.started.Load() {
		return e.submitArena()
	}
	return e.subArena
}

func (e *Engine) submitArena() Arena {
	e.checkNotStarted("Submit")
	if e.subArena == nil {
		if mk, ok := e.disp.(Arenas); ok {
			e.subArena = mk.NewArena()
		}
	}
	return e.subArena
}

// SeqFeed is a Feed of the values of seq, each made a Msg by msg (with the
// pulling call, for its arena). seq runs as a coroutine (iter.Pull) from the
// first pull, so it produces values only as fast as the engine takes them. The
// coroutine makes each value a message as it is yielded (so a value may be
// reused by seq after yield returns) and hands control back once per pull, not
// once per value.
func SeqFeed[T any](seq iter.Seq[T], msg func(c *Call, v T) Msg) Feed {
	return &seqFeed[T]{seq: seq, msg: msg}
}

// SeqFeedArena is SeqFeed with msg given the pulling call's arena (the
// generated SubmitSeqOf's form: one call per value, not two).
func SeqFeedArena[T any](seq iter.Seq[T], msg func(v T, a Arena) Msg) Feed {
	return &seqFeed[T]{seq: seq, amsg: msg}
}

type seqFeed[T any] struct {
	seq   iter.Seq[T]
	msg   func(*Call, T) Msg
	amsg  func(T, Arena) Msg // SeqFeedArena's, or nil
	c     *Call              // the pulling call, while a pull is in progress
	want  int                // how many values the pull in progress takes
	ended bool               // seq has returned
	next  func() (struct{}, bool)
	stop  func()
	done  bool
}

// run is the coroutine: it emits the values of seq through the pulling call,
// f.want of them per pull.
func (f *seqFeed[T]) run(yield func(struct{}) bool) {
	n := 0
	for v := range f.seq {
		if f.amsg != nil {
			f.c.Emit(f.amsg(v, f.c.Arena()))
		} else {
			f.c.Emit(f.msg(f.c, v))
		}
		if n++; n >= f.want {
			if !yield(struct{}{}) {
				return
			}
			n = 0
		}
	}
	f.ended = true
}

func (f *seqFeed[T]) Pull(c *Call, max int) (bool, error) {
	if f.done {
		return true, nil
	}
	if f.next == nil {
		f.next, f.stop = iter.Pull(f.run)
	}
	f.c, f.want = c, max
	_, ok := f.next()
	f.c = nil
	if !ok || f.ended {
		f.done = true
		f.stop()
		return true, nil
	}
	return false, nil
}

func (f *seqFeed[T]) Stop() {
	if f.stop != nil {
		f.stop()
	}
	f.done = true
}

// startArenas decides whether the run stores emitted events in arenas.
func (e *Engine) startArenas() {
	mk, ok := e.disp.(Arenas)
	if !ok {
		return
	}
	for i := range e.prog.Procs {
		if e.prog.Procs[i].Failures {
			return // a failure event keeps its input (Failure.Msg) beyond its step
		}
	}
	e.arenaMk = mk
	e.arenas = make([][2]arenaSlot, len(e.procs))
	for i := range e.arenas {
		e.arenas[i][0].mk, e.arenas[i][1].mk = mk, mk
	}
	if len(e.feeds) > 0 {
		e.feedArena = mk.NewArena()
	}
}

// stepArena returns slot i's arena slot for the current step (e.tick),
// its arena reset, or nil for a run without arenas. A processor that never
// emits gets no arena.
func (e *Engine) stepArena(i int) *arenaSlot {
	if e.arenas == nil {
		return nil
	}
	s := &e.arenas[i][e.tick&1]
	if s.a != nil {
		s.a.Reset()
	}
	return s
}

// chunkArenas returns the arena slots of the first n chunks of concurrent
// slot i for the current step (by step parity, as stepArena), their
// arenas reset, or nil for a run without arenas: chunks run on several
// goroutines at once, so each has an arena of its own.
func (e *Engine) chunkArenas(i, n int) []arenaSlot {
	if e.arenas == nil {
		return nil
	}
	if e.chunkSlots == nil {
		e.chunkSlots = make([][2][]arenaSlot, len(e.procs))
	}
	l := &e.chunkSlots[i][e.tick&1]
	for len(*l) < n {
		*l = append(*l, arenaSlot{mk: e.arenaMk})
	}
	for j := range n {
		if a := (*l)[j].a; a != nil {
			a.Reset()
		}
	}
	return *l
}

// freeArenas gives the run's arenas back when Run returns: no message points
// into them any more.
func (e *Engine) freeArenas() {
	mk := e.arenaMk
	if mk == nil {
		mk, _ = e.disp.(Arenas)
	}
	if mk == nil {
		return
	}
	for i := range e.arenas {
		for j := range e.arenas[i] {
			if a := e.arenas[i][j].a; a != nil {
				mk.FreeArena(a)
			}
		}
	}
	for i := range e.chunkSlots {
		for _, l := range e.chunkSlots[i] {
			for j := range l {
				if a := l[j].a; a != nil {
					mk.FreeArena(a)
				}
			}
		}
	}
	e.chunkSlots = nil
	if e.feedArena != nil {
		mk.FreeArena(e.feedArena)
	}
	sub := e.subArena
	e.subArena = nil
	if sub != nil {
		mk.FreeArena(sub)
	}
	e.arenas, e.feedArena = nil, nil
}

// pullFeed appends up to a batch of fed events to batch (with a trigger, up
// to the phase's count), after ending the phase if its trigger fired. A plain
// feed is pulled until it yields events or ends; a stream (and a replay's
// feed) once: it may have nothing ready.
func (e *Engine) pullFeed(batch []Msg) ([]Msg, error) {
	if e.xch != nil {
		return e.xchPull(batch) // a round of its own (xfeed.go)
	}
	lv := &e.lv
	if err := e.checkTrigger(); err != nil || !e.feeding() {
		return batch, err
	}
	if e.feedArena != nil {
		e.feedArena.Reset() // the previous batch's step has run
	}
	got := 0
	for e.feedAt < len(e.feeds) && got < e.cfg.Batch {
		if e.cancelled() {
			return batch, e.stopErr()
		}
		n := e.cfg.Batch - got
		if lv.every > 0 {
			if n = min(n, lv.every-lv.fed); n <= 0 {
				break
			}
		}
		mark := len(batch)
		lv.named = lv.named[:0]
		var done bool
		var err error
		if e.replaying() {
			batch, done, err = e.tape.fed(e.feedAt, batch, &lv.named)
		} else {
			c := &e.call
			*c = Call{ctx: e.ctx, prog: e.prog, proc: -1, cs: caseBuild, phase: e.phase, step: e.step, out: batch, mark: mark, arena: e.feedArena}
			if e.tape != nil || e.sk != nil {
				c.named = &lv.named
			}
			e.feedOn = true
			done, err = e.pullFeedOne(c, n)
			batch, c.out = c.out, nil
		}
		if err != nil {
			clear(batch[mark:])
			if err == errReplayEnded {
				return batch[:mark], err
			}
			return batch[:mark], fmt.Errorf("fw: feed %d: %w", e.feedAt, err)
		}
		k := len(batch) - mark
		if e.tape != nil && e.tape.w != nil && (k > 0 || done) {
			if err := e.tape.recordFed(e.feedAt, done, batch[mark:], lv.named); err != nil {
				return batch, err
			}
		}
		if e.sk != nil {
			e.sk.align(mark)
			e.fedIDs(e.feedAt, lv.pulled[e.feedAt], k, lv.named)
		}
		got += k
		lv.fed += k
		lv.pulled[e.feedAt] += int64(k)
		if done {
			e.feedOn = false
			e.feedAt++
			continue
		}
		if got > 0 || e.waits() {
			break
		}
	}
	return batch, e.checkTrigger()
}

func (e *Engine) pullFeedOne(c *Call, max int) (done bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &PanicError{Value: r, Stack: debug.Stack()}
		}
	}()
	return e.feeds[e.feedAt].Pull(c, max)
}

// stopFeed stops the feed in progress, if any, when Run returns.
func (e *Engine) stopFeed() {
	if e.feedOn && e.feedAt < len(e.feeds) && e.feeds[e.feedAt] != nil {
		e.feedOn = false
		func() {
			defer func() { _ = recover() }()
			e.feeds[e.feedAt].Stop()
		}()
	}
}
