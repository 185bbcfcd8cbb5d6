package engine

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"time"

	"github.com/fwgo/fw/runtime/cluster"
	"github.com/fwgo/fw/runtime/fw"
)

// Feeds, streams and phase triggers in a distributed run (cluster.go).
//
// The submitter owns the input (the pseudo-instance after the slots), so it
// alone has feeds and pulls them. Every pull the single-process engine makes
// (pullFeed: a batch of fed events, from one feed or several one after the
// other) is a round of its own, RoundFeed, whose output is the script of what
// the submitter decided in it, in the order pullFeed does it:
//
//	'P'                                     the phase's trigger fired (WithPhaseEvery, or
//	                                        WithPhaseInterval on the submitter's clock)
//	'F' feed done n (id message)×n          a pull's events (done: the feed ended)
//	'E' feed error                          a pull failed: the run fails
//	'S' error                               the submitter was interrupted (the run stops)
//
// Every member, the submitter included, then applies the accepted script as
// pullFeed would have (xchApply): the batch, the phase's end, the record's
// fed events and phase ends, the causal ids and the counts are the same
// everywhere, and the same as in the single-process run that saw the same
// pulls. The members other than the submitter are told how many feeds it has
// in the input round; their feeds are empty placeholders (like a replay's).
//
// A stream with nothing ready makes no round while the engine has nothing
// else to do: the submitter waits for the stream (beating) and pulls again
// within the round, so an idle stream costs no rounds. While steps run, each
// batch's pull is a round, empty if the stream had nothing.
//
// A restarted submitter catches up: a feed round that the log already holds
// (committed, or stored in full by its previous incarnation, which a commit
// will accept: Held) is taken from the log, not pulled. Its feeds start where
// they say (fw.Resumable: the position of their last commit; else 0, a feed
// that yields the run's events again from the start): before its first real
// pull of a feed the submitter pulls and drops the events of that feed the log
// already holds, by count. Commit(n) counts the run's events of the feed (all
// incarnations); before it, the submitter pulls and drops the events up to n
// that its feed has not yielded yet (xchCommittable).

// The entries of a feed round's script.
const (
	xfPhase = 'P'
	xfFed   = 'F'
	xfErr   = 'E'
	xfStop  = 'S'
)

// xchBeat is how often a submitter waiting for a stream beats.
const xchBeat = 200 * time.Millisecond

// xfeed is a distributed run's feed state (exchange.f).
type xfeed struct {
	started bool
	script  []byte // the submitter's decision of the round in progress
	pulled  []Msg  // its pulled events, in script order
	pullErr error  // its pull's error
	named   []namedID
	call    Call
	skip    []Msg
	// submitter, per feed: the position of the feed's next event (its
	// first: Resumable), and whether this incarnation pulled it
	pos     []int64
	touched []bool
	// live: a feed round was not held, so no later one is (the previous
	// incarnation published nothing after it)
	live bool
	// stopped: a stop round was applied, the run's error is everyone's
	stopped bool
	// intr closes at the submitter's first interrupt (interrupt.go), or
	// when the run stops
	intr chan struct{}
	// the phase and step of the last feed round, if it was empty: pulled
	// again at the same point, the engine waits for its stream (waitFeed)
	empty      bool
	emptyPhase int
	emptyStep  int
}

// heldOutputs is implemented by an Exchange that can tell a round's output
// the log already holds (cluster.Node's Held).
type heldOutputs interface {
	Held(ctx context.Context, r cluster.Round, inst cluster.Inst) ([]byte, bool, error)
}

// feedError is a feed's failure decided in a feed round: the run's, on every
// member (not a member's own).
type feedError struct{ err error }

func (e *feedError) Error() string { return e.err.Error() }
func (e *feedError) Unwrap() error { return e.err }

// xchStartFeeds sets up the submitter's feed positions, once.
func (e *Engine) xchStartFeeds() {
	f := &e.xch.f
	f.started = true
	lv := &e.lv
	f.pos = make([]int64, len(e.feeds))
	f.touched = make([]bool, len(e.feeds))
	for i, fd := range e.feeds {
		if r, ok := fd.(fw.Resumable); ok {
			f.pos[i] = r.Committed()
			lv.committed[i] = f.pos[i]
		}
	}
}

// xchCommittable is how many events of feed i the submitter commits, the
// run having pulled n: a restarted submitter whose feed has not yet yielded
// the events the log holds (it took them from the log) first pulls and
// drops them (a broker redelivers what was not acknowledged), so that they
// are acknowledged now.
func (e *Engine) xchCommittable(i int, n int64) (int64, error) {
	f := &e.xch.f
	if f.pos == nil || f.pos[i] >= n {
		return n, nil
	}
	if _, ok := e.feeds[i].(Committer); !ok {
		return n, nil
	}
	if err := e.xchSkip(i, n); err != nil {
		return 0, fmt.Errorf("fw: feed %d: %w", i, err)
	}
	if i < e.feedAt { // ended in the log: the run needs it no more
		func() {
			defer func() { _ = recover() }()
			e.feeds[i].Stop()
		}()
	}
	return n, nil
}

// xchPull is pullFeed in a distributed run: a feed round.
func (e *Engine) xchPull(batch []Msg) ([]Msg, error) {
	x := e.xch
	f := &x.f
	in := cluster.Inst(len(e.procs))
	owner := x.x.Owns(in)
	if owner && !f.started {
		e.xchStartFeeds()
	}
	if e.feedArena != nil {
		e.feedArena.Reset() // the previous batch's step has run
	}
	clear(x.own)
	var pulled []Msg
	var own []byte
	if owner {
		r := x.next(cluster.RoundFeed)
		var held bool
		if h, ok := x.x.(heldOutputs); ok && !f.live {
			var err error
			if own, held, err = h.Held(e.ctx, r, in); err != nil {
				return batch, err
			}
		}
		if !held {
			f.live = true
			// The first pull at a point never waits (prepare pulls the
			// sources next); pulled again at the same point, with nothing
			// to do, the single-process engine would have waited first.
			wait := f.empty && f.emptyPhase == e.phase && f.emptyStep == e.step
			for {
				if e.xchStopping() { // interrupted in a step: stop here
					f.script = f.script[:0]
					clear(f.pulled)
					f.pulled = f.pulled[:0]
					if !e.xchStop(e.stopErr()) {
						return batch, e.stopErr()
					}
					break
				}
				if err := e.xchDecide(); err != nil {
					if !e.xchStop(err) {
						return batch, err
					}
					break
				}
				if len(f.script) > 0 || !wait || e.pending(batch) || e.lv.streams[e.feedAt] == nil {
					break
				}
				if err := e.xchWait(e.feedAt); err != nil {
					if !e.xchStop(err) {
						return batch, err
					}
					break
				}
			}
			own, pulled = f.script, f.pulled
			f.empty, f.emptyPhase, f.emptyStep = len(own) == 0, e.phase, e.step
		}
		x.own[in] = own
	}
	outs, err := x.round(cluster.RoundFeed, []cluster.Inst{in})
	if err != nil {
		return batch, err
	}
	return e.xchApply(batch, outs[in], pulled)
}

// xchStop makes the script end with a stop, if err is an interrupt: the
// round stops the run at this point for every member (with a cancellation,
// like a crash, the submitter just stops, and the others wait for it).
func (e *Engine) xchStop(err error) bool {
	if !errors.Is(err, ErrInterrupted) || e.ctx.Err() != nil {
		return false
	}
	f := &e.xch.f
	f.script = append(f.script, xfStop)
	s := err.Error()
	f.script = binary.AppendUvarint(f.script, uint64(len(s)))
	f.script = append(f.script, s...)
	return true
}

// xchDecide is the submitter's pullFeed without its effects: from the
// engine's state it pulls the feeds as pullFeed would and writes what
// happens to the script f.script, the events pulled to f.pulled.
func (e *Engine) xchDecide() error {
	lv := &e.lv
	x := e.xch
	f := &x.f
	f.script = f.script[:0]
	clear(f.pulled)
	f.pulled = f.pulled[:0]
	f.pullErr = nil
	fa, fed, ended := e.feedAt, lv.fed, lv.ended
	trigger := func() {
		if !lv.trigger || ended || fa >= len(e.feeds) {
			return
		}
		if lv.every > 0 && fed >= lv.every || lv.interval > 0 && !lv.now().Before(lv.deadline) {
			ended = true
			f.script = append(f.script, xfPhase)
		}
	}
	fail := func(fa int, err error) {
		f.pullErr = err
		f.script = append(f.script, xfErr)
		f.script = binary.AppendUvarint(f.script, uint64(fa))
		s := err.Error()
		f.script = binary.AppendUvarint(f.script, uint64(len(s)))
		f.script = append(f.script, s...)
	}
	trigger()
	if !(fa < len(e.feeds) && (e.phase == 0 || lv.trigger) && !ended) {
		return nil
	}
	got := 0
	for fa < len(e.feeds) && got < e.cfg.Batch {
		if e.xchStopping() {
			return e.stopErr()
		}
		n := e.cfg.Batch - got
		if lv.every > 0 {
			if n = min(n, lv.every-fed); n <= 0 {
				break
			}
		}
		if err := e.xchSkip(fa, lv.pulled[fa]); err != nil {
			if e.xchStopping() {
				return e.stopErr()
			}
			fail(fa, err)
			return nil
		}
		mark := len(f.pulled)
		f.named = f.named[:0]
		c := &f.call
		*c = Call{ctx: e.ctx, prog: e.prog, proc: -1, cs: caseBuild, phase: e.phase, step: e.step, out: f.pulled, mark: mark, arena: e.feedArena, named: &f.named}
		f.touched[fa] = true
		done, err := pullOne(e.feeds[fa], c, n)
		f.pulled, c.out = c.out, nil
		if err != nil {
			clear(f.pulled[mark:])
			f.pulled = f.pulled[:mark]
			fail(fa, err)
			return nil
		}
		k := len(f.pulled) - mark
		f.pos[fa] += int64(k)
		if k > 0 || done {
			if err := x.appendFed(fa, done, f.pulled[mark:], f.named); err != nil {
				return err
			}
		}
		got += k
		fed += k
		if done {
			fa++
			continue
		}
		if got > 0 || lv.streams[fa] != nil {
			break
		}
	}
	trigger()
	return nil
}

// appendFed appends a pull's entry to the script.
func (x *exchange) appendFed(fa int, done bool, evs []Msg, named []namedID) error {
	f := &x.f
	b := append(f.script, xfFed)
	b = binary.AppendUvarint(b, uint64(fa))
	if done {
		b = append(b, 1)
	} else {
		b = append(b, 0)
	}
	b = binary.AppendUvarint(b, uint64(len(evs)))
	ni := 0
	for k, m := range evs {
		id := ""
		for ni < len(named) && named[ni].at < k {
			ni++
		}
		if ni < len(named) && named[ni].at == k {
			id = named[ni].id
		}
		b = binary.AppendUvarint(b, uint64(len(id)))
		b = append(b, id...)
		var err error
		if b, err = x.appendMsg(b, m); err != nil {
			f.script = b
			return fmt.Errorf("fw: feed %d: %w", fa, err)
		}
	}
	f.script = b
	return nil
}

// xchSkip pulls and drops the events of feed fa up to logged (the events
// of the feed the log holds) that this incarnation of the submitter did not
// pull (it restarted).
func (e *Engine) xchSkip(fa int, logged int64) error {
	f := &e.xch.f
	if f.pos[fa] > logged {
		return fmt.Errorf("it resumes at event %d, but the log holds %d of its events: a feed must resume at most at its last committed position", f.pos[fa], logged)
	}
	for f.pos[fa] < logged {
		n := int(min(int64(e.cfg.Batch), logged-f.pos[fa]))
		c := &f.call
		*c = Call{ctx: e.ctx, prog: e.prog, proc: -1, cs: caseBuild, phase: e.phase, step: e.step, out: f.skip[:0]}
		f.touched[fa] = true
		done, err := pullOne(e.feeds[fa], c, n)
		k := len(c.out)
		clear(c.out)
		f.skip, c.out = c.out[:0], nil
		if err != nil {
			return err
		}
		f.pos[fa] += int64(k)
		switch {
		case f.pos[fa] > logged:
			return fmt.Errorf("it emitted %d events where %d were asked for", k, n)
		case done && f.pos[fa] < logged:
			return fmt.Errorf("it ended after %d events, but the log holds %d of its events", f.pos[fa], logged)
		case k == 0 && e.lv.streams[fa] != nil:
			if err := e.xchWait(fa); err != nil {
				return err
			}
		}
	}
	return nil
}

func pullOne(fd Feed, c *Call, max int) (done bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &PanicError{Value: r, Stack: debug.Stack()}
		}
	}()
	return fd.Pull(c, max)
}

// xchStopping reports whether the submitter must stop pulling: the run is
// cancelled, or interrupted (interrupt.go leaves the rest of the run going
// until this pull).
func (e *Engine) xchStopping() bool { return e.cancelled() || e.interrupted.Load() }

// xchWait is wait for the submitter: it waits for stream fa (or the run's
// end, or the phase's time), beating meanwhile.
func (e *Engine) xchWait(fa int) error {
	lv := &e.lv
	d := xchBeat
	if lv.interval > 0 {
		r := lv.deadline.Sub(lv.now())
		if r <= 0 {
			return nil
		}
		d = min(d, r)
	}
	if lv.timer == nil {
		lv.timer = time.NewTimer(d)
	} else {
		lv.timer.Reset(d)
	}
	s := lv.streams[fa]
	stop := e.done
	if e.xch.f.intr != nil {
		stop = e.xch.f.intr
	}
	if w, ok := s.(Waiter); ok {
		w.Wait(stop, lv.timer.C)
	} else {
		select {
		case <-s.Ready():
		case <-stop:
		case <-lv.timer.C:
		}
	}
	if e.xchStopping() {
		return e.stopErr()
	}
	e.xch.x.Working(e.ctx)
	return nil
}

// xchApply applies a feed round's accepted script to the engine as pullFeed
// would; pulled are the submitter's events of its own script (else the
// events are decoded).
func (e *Engine) xchApply(batch []Msg, script []byte, pulled []Msg) ([]Msg, error) {
	lv := &e.lv
	x := e.xch
	d := decoder{b: script}
	for len(d.b) > 0 && d.err == nil {
		switch d.byte() {
		case xfPhase:
			lv.ended = true
			e.cfg.Logger.LogAttrs(e.ctx, slog.LevelDebug, "fw: phase trigger", slog.Int("phase", e.phase), slog.Int("fed", lv.fed))
			if e.tape != nil && e.tape.w != nil {
				if err := e.tape.w.PhaseEnd(e.phase); err != nil {
					return batch, err
				}
			}
		case xfFed:
			fa := int(d.uvarint())
			done := d.byte() == 1
			k := int(d.uvarint())
			if d.err == nil && (fa != e.feedAt || fa >= len(e.feeds)) {
				d.err = fmt.Errorf("events of feed %d where feed %d is pulled", fa, e.feedAt)
			}
			mark := len(batch)
			lv.named = lv.named[:0]
			for j := 0; j < k && d.err == nil; j++ {
				id := d.string()
				var m Msg
				if len(pulled) > 0 {
					m, pulled = pulled[0], pulled[1:]
					x.skipMsg(&d)
				} else {
					m = x.msg(&d)
				}
				batch = append(batch, m)
				if id != "" {
					lv.named = append(lv.named, namedID{at: j, id: id})
				}
			}
			if d.err != nil {
				clear(batch[mark:])
				batch = batch[:mark]
				break
			}
			if e.tape != nil && e.tape.w != nil {
				if err := e.tape.recordFed(fa, done, batch[mark:], lv.named); err != nil {
					return batch, err
				}
			}
			if e.sk != nil {
				e.sk.align(mark)
				e.fedIDs(fa, lv.pulled[fa], k, lv.named)
			}
			lv.fed += k
			lv.pulled[fa] += int64(k)
			if done {
				e.feedAt++
			}
		case xfErr:
			fa := d.uvarint()
			s := d.string()
			if d.err != nil {
				break
			}
			err := x.f.pullErr
			if err == nil || err.Error() != s {
				err = errors.New(s)
			}
			return batch, &feedError{fmt.Errorf("fw: feed %d: %w", fa, err)}
		case xfStop:
			s := d.string()
			if d.err != nil {
				break
			}
			x.f.stopped = true // the run's (xchClose)
			if s == ErrInterrupted.Error() {
				return batch, ErrInterrupted
			}
			return batch, errors.New(s)
		default:
			if d.err == nil {
				d.err = errors.New("an unknown entry")
			}
		}
	}
	if d.err != nil {
		return batch, fmt.Errorf("fw: decoding a feed round: %w", d.err)
	}
	// The submitter stops (Stop) the feed it pulls when Run returns.
	e.feedOn = x.f.touched != nil && e.feedAt < len(e.feeds) && x.f.touched[e.feedAt]
	return batch, nil
}

// skipMsg reads past a message.
func (x *exchange) skipMsg(d *decoder) {
	k := Kind(d.uvarint())
	if d.err == nil && !x.bare(k) {
		d.bytes()
	}
}
