package engine

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/fwgo/fw/runtime/cluster"
	"github.com/fwgo/fw/runtime/fw"
	"github.com/fwgo/fw/runtime/internal/record"
)

// Live runs: streams, phase triggers, sinks and commits (docs/runtime.md,
// "Live runs").

// Stream is a Feed whose events arrive over time: Pull emits what is ready
// now and never blocks (it may emit nothing and report done = false). When a
// step would be empty and the feed being pulled is a Stream, the engine
// waits on Ready (or the run's end, or a phase's time), then pulls again.
type Stream interface {
	Feed
	// Ready receives a value, or is closed, when Pull may have more events
	// or the end to report.
	Ready() <-chan struct{}
}

// Waiter is implemented by a Stream that waits for its events itself
// (fw.ChanStream, through fwimpl.StreamFeed): the engine calls Wait where it
// would select on Ready, so that no goroutine stands between a channel and
// the engine. Wait returns once Pull may have more (or the end), stop is
// closed, or timer fires (a nil timer never does); a spurious return is fine.
type Waiter interface {
	Wait(stop <-chan struct{}, timer <-chan time.Time)
}

// Committer is implemented by a Feed that wants to know when its events are
// done with (fw.Committer).
type Committer = fw.Committer

// EmitID is Emit for a feed's pull: id names the event in the causal ids of
// sinks' messages ("" for the default) and is kept in a record of the run.
func (c *Call) EmitID(m Msg, id string) {
	c.Emit(m)
	if c.named != nil && id != "" {
		*c.named = append(*c.named, namedID{at: len(c.out) - 1 - c.mark, id: id})
	}
}

// namedID is an id EmitID gave the call's emission at (0: its first).
type namedID struct {
	at int
	id string
}

// live is the state of a run's feeds and phase trigger.
type live struct {
	every    int           // WithPhaseEvery
	interval time.Duration // WithPhaseInterval
	trigger  bool          // either is set: feeds are pulled in every phase
	deadline time.Time     // the current phase's end, with an interval
	timer    *time.Timer
	fed      int  // events fed in the current phase
	ended    bool // a trigger ended the current phase: no more pulls in it
	// per feed: Stream (or nil), events pulled, events committed
	streams   []Stream
	pulled    []int64
	committed []int64
	// phases opened while a feed was open with a trigger: they do not count
	// against WithMaxPhases
	livePhases int
	named      []namedID // EmitID's ids of the pull in progress
	// now is the clock of the time trigger: wall time, or, in a distributed
	// run, its Log's (virtual in a simulation), on the submitter alone
	now func() time.Time
}

// errReplayEnded stops the replay of a live run where the recorded run
// stopped (cancelled or interrupted while feeding); Run returns nil once the
// record is checked to end there.
var errReplayEnded = errors.New("fw: the recorded run stopped here")

// startLive sets up the run's feeds and trigger (after startTape, which
// makes a replay's feeds).
func (e *Engine) startLive() {
	lv := &e.lv
	lv.every, lv.interval = e.cfg.PhaseEvery, e.cfg.PhaseInterval
	lv.trigger = lv.every > 0 || lv.interval > 0
	lv.now = time.Now
	if e.xch != nil {
		if c, ok := e.xch.x.(interface{ Now() time.Time }); ok {
			lv.now = c.Now
		}
	}
	if len(e.feeds) == 0 {
		return
	}
	lv.streams = make([]Stream, len(e.feeds))
	for i, f := range e.feeds {
		lv.streams[i], _ = f.(Stream)
	}
	lv.pulled = make([]int64, len(e.feeds))
	lv.committed = make([]int64, len(e.feeds))
	if lv.interval > 0 {
		lv.deadline = lv.now().Add(lv.interval)
	}
}

// stopLive releases the timer.
func (e *Engine) stopLive() {
	if e.lv.timer != nil {
		e.lv.timer.Stop()
	}
}

func (e *Engine) replaying() bool { return e.tape != nil && e.tape.r != nil }

// feeding reports whether prepare must pull fed events: a feed is left, the
// run is in phase 0 or has a trigger, and no trigger ended the phase.
func (e *Engine) feeding() bool {
	return e.feedAt < len(e.feeds) && (e.phase == 0 || e.lv.trigger) && !e.lv.ended
}

// liveFeeds reports whether a feed is left to pull in later phases.
func (e *Engine) liveFeeds() bool { return e.lv.trigger && e.feedAt < len(e.feeds) }

// nextPhase resets the trigger for the phase that opens.
func (e *Engine) nextPhase() {
	lv := &e.lv
	lv.ended, lv.fed = false, 0
	if lv.interval > 0 {
		lv.deadline = lv.deadline.Add(lv.interval)
		if now := lv.now(); lv.deadline.Before(now) {
			lv.deadline = now.Add(lv.interval)
		}
	}
	if e.sk != nil {
		e.sk.first = ""
	}
}

// checkTrigger ends the current phase if its trigger fired (recording
// where), or, replaying, if the record says it ended here.
func (e *Engine) checkTrigger() error {
	lv := &e.lv
	if !lv.trigger || lv.ended || e.feedAt >= len(e.feeds) {
		return nil
	}
	if e.replaying() {
		r := e.tape.r
		tag, err := r.Next()
		if err != nil || tag != record.EntryPhase {
			return err
		}
		phase, err := r.PhaseEnd()
		if err != nil {
			return err
		}
		if phase != e.phase {
			return r.Corrupt(fmt.Sprintf("the end of phase %d where phase %d runs", phase, e.phase))
		}
		lv.ended = true
		return nil
	}
	if !(lv.every > 0 && lv.fed >= lv.every || lv.interval > 0 && !lv.now().Before(lv.deadline)) {
		return nil
	}
	lv.ended = true
	e.cfg.Logger.LogAttrs(e.ctx, slog.LevelDebug, "fw: phase trigger", slog.Int("phase", e.phase), slog.Int("fed", lv.fed))
	if e.tape != nil {
		return e.tape.w.PhaseEnd(e.phase)
	}
	return nil
}

// waits reports whether the engine, with nothing to deliver, waits for the
// feed being pulled: a Stream (a replay reads on instead; in a distributed
// run the next pull is a round of its own, in which the submitter waits:
// xfeed.go).
func (e *Engine) waits() bool {
	return e.replaying() || e.xch != nil || e.lv.streams[e.feedAt] != nil
}

// wait blocks until the stream being pulled may have more, the run must
// stop, or the phase's time is up. Replaying, it waits for nothing: the
// record says what came next.
func (e *Engine) wait() error {
	if e.xch != nil {
		return nil // the submitter waits in the next pull's round (xchPull)
	}
	if e.replaying() {
		r := e.tape.r
		tag, err := r.Next()
		switch {
		case err != nil:
			return err
		case tag == record.EntryFed || tag == record.EntryPhase:
			return nil
		case tag == record.EntryEnd:
			return errReplayEnded
		}
		return r.Corrupt("a call where fed events or the end of a phase were expected")
	}
	lv := &e.lv
	var tc <-chan time.Time
	if lv.interval > 0 {
		d := lv.deadline.Sub(lv.now())
		if d <= 0 {
			return nil
		}
		if lv.timer == nil {
			lv.timer = time.NewTimer(d)
		} else {
			lv.timer.Reset(d)
		}
		tc = lv.timer.C
	}
	s := lv.streams[e.feedAt]
	if w, ok := s.(Waiter); ok {
		w.Wait(e.done, tc)
		if e.cancelled() {
			return e.stopErr()
		}
		return nil
	}
	select {
	case <-s.Ready():
	case <-e.done:
		return e.stopErr()
	case <-tc:
	}
	return nil
}

// stoppedHere reports, replaying a live run, whether the recorded run
// stopped (cancelled or interrupted) before the step about to run: its
// record ends here. A run cut short in a step has none of the step's calls
// recorded.
func (e *Engine) stoppedHere() (bool, error) {
	if !e.replaying() || len(e.feeds) == 0 {
		return false, nil
	}
	end, err := e.tape.r.PeekEnd()
	if end == nil || err != nil {
		return false, err
	}
	switch end.Outcome {
	case context.Canceled.Error(), context.DeadlineExceeded.Error(), ErrInterrupted.Error():
		return true, nil
	}
	return false, nil
}

// commit commits every feed's events pulled so far: the phase that pulled
// them is complete and its emissions were published.
func (e *Engine) commit() error {
	lv := &e.lv
	if e.replaying() {
		return nil
	}
	for f, n := range lv.pulled {
		if e.xch != nil && e.xch.x.Owns(cluster.Inst(len(e.procs))) {
			var err error
			if n, err = e.xchCommittable(f, n); err != nil {
				return err
			}
		}
		if n <= lv.committed[f] {
			continue
		}
		if c, ok := e.feeds[f].(Committer); ok {
			if err := c.Commit(n); err != nil {
				return fmt.Errorf("fw: feed %d: commit: %w", f, err)
			}
		}
		lv.committed[f] = n
	}
	return nil
}

// sinks is the run state of a run WithSink: the causal ids of the events
// (docs/runtime.md, "Sinks and causal ids"), and the sinks.
type sinks struct {
	outs []sinkOut
	ids  []string // the ids of the batch being prepared, or of the step's events while it runs
	next []string // the ids of the step's emissions
	msgs []fw.SinkMsg
	// per processor, the step's events it receives, by input position: an
	// index in the step's events, or -1-k for directed delivery k
	routed [][]int32 // per slot
	routes []Delivery
	srcN   []int64 // per processor: artifacts pulled from the source builder
	root   string  // the root of the ids of the lifecycle calls being made
	// the ids of the current phase's first input, and of the last input,
	// and phases without input since it
	first, last string
	empty       int
}

type sinkOut struct {
	s     fw.Sink
	takes []bool // by kind
}

// maxID is the length beyond which an id is shortened.
const maxID = 200

// startSinks sets up the run's sinks.
func (e *Engine) startSinks() error {
	if len(e.cfg.Sinks) == 0 {
		return nil
	}
	p := e.prog
	sk := &sinks{routed: make([][]int32, len(e.procs)), srcN: make([]int64, len(p.Procs))}
	for _, c := range e.cfg.Sinks {
		s, ok := c.Sink.(fw.Sink)
		if !ok {
			return fmt.Errorf("fw: WithSink: %T is not a fw.Sink", c.Sink)
		}
		o := sinkOut{s: s, takes: make([]bool, len(p.Events))}
		for _, name := range c.Events {
			k := -1
			for i := range p.Events {
				if p.Events[i].Name == name {
					k = i
				}
			}
			if k < 0 {
				return fmt.Errorf("fw: WithSink: package %s has no event type %s", p.Package, name)
			}
			o.takes[k] = true
		}
		if len(c.Events) == 0 {
			for k := range o.takes {
				o.takes[k] = true
			}
		}
		sk.outs = append(sk.outs, o)
	}
	e.sk = sk
	return nil
}

// shortID shortens an id longer than maxID: its first 64 bytes (at a rune
// boundary), "~", and 32 hex digits of the SHA-256 of the whole id.
func shortID(id string) string {
	if len(id) <= maxID {
		return id
	}
	n := 64
	for n > 0 && !utf8.RuneStart(id[n]) {
		n--
	}
	sum := sha256.Sum256([]byte(id))
	return id[:n] + "~" + hex.EncodeToString(sum[:16])
}

// childID is the id of emission j of a call of proc on an input of id in.
func childID(in, proc string, j int) string {
	return shortID(in + "/" + proc + "." + strconv.Itoa(j))
}

// align makes sk.ids as long as a batch of n events (it is unless a bug
// broke the invariant; "?" marks unknown ids rather than a panic).
func (sk *sinks) align(n int) {
	for len(sk.ids) < n {
		sk.ids = append(sk.ids, "?")
	}
	sk.ids = sk.ids[:n]
}

// input notes the id of an input (a submitted or fed event).
func (sk *sinks) input(id string) {
	if sk.first == "" {
		sk.first = id
	}
	sk.last, sk.empty = id, 0
}

// phaseRoot is the root of the ids of the `on phase` emissions of the phase
// that completes.
func (sk *sinks) phaseRoot(phase int) string {
	switch {
	case sk.first != "":
		return shortID("phase@" + sk.first)
	case sk.last != "":
		sk.empty++
		return shortID("phase@" + sk.last + "+" + strconv.Itoa(sk.empty))
	}
	return "phase" + strconv.Itoa(phase)
}

// submittedIDs sets the ids of the submitted events.
func (e *Engine) submittedIDs(n int) {
	sk := e.sk
	sk.ids = sk.ids[:0]
	for i := range n {
		id := "s" + strconv.Itoa(i)
		sk.ids = append(sk.ids, id)
		sk.input(id)
	}
}

// fedIDs appends the ids of the n events just pulled from feed f, the
// first being its event number first: named ones (EmitID), else
// "f<feed>:<number>".
func (e *Engine) fedIDs(f int, first int64, n int, named []namedID) {
	sk := e.sk
	base := len(sk.ids)
	for k := range n {
		sk.ids = append(sk.ids, "f"+strconv.Itoa(f)+":"+strconv.FormatInt(first+int64(k), 10))
	}
	for _, nm := range named {
		if nm.at >= 0 && nm.at < n {
			sk.ids[base+nm.at] = shortID(nm.id)
		}
	}
	for _, id := range sk.ids[base:] {
		sk.input(id)
	}
}

// lifecycleIDs appends the ids of the n emissions of lifecycle call of
// slot i.
func (e *Engine) lifecycleIDs(i, n int) {
	sk := e.sk
	name := e.slotName(i)
	for j := range n {
		sk.ids = append(sk.ids, childID(sk.root, name, j))
	}
}

// slotName names slot i in causal ids: its processor's name, followed by
// its key group ("Billing[3]") for an instance of a partitioned processor,
// since every instance makes lifecycle calls.
func (e *Engine) slotName(i int) string {
	sp := &e.procs[i]
	pi := &e.prog.Procs[sp.owner]
	if pi.KeyGroups > 1 {
		return pi.Name + "[" + strconv.Itoa(int(sp.kg)) + "]"
	}
	return pi.Name
}

// sourceIDs appends the ids of n artifacts just pulled from source builder
// proc.
func (e *Engine) sourceIDs(proc int32, n int) {
	sk := e.sk
	name := e.prog.Procs[proc].Name
	for range n {
		sk.ids = append(sk.ids, "src:"+name+":"+strconv.FormatInt(sk.srcN[proc], 10))
		sk.srcN[proc]++
	}
}

// routeIDs notes, per processor, the events of step cur it receives, for
// the ids of their calls' emissions (stepIDs); sk.next is emptied.
func (e *Engine) routeIDs(cur []Msg) {
	sk := e.sk
	for i := range sk.routed {
		sk.routed[i] = sk.routed[i][:0]
	}
	if e.bld != nil {
		for k, d := range e.bld.directed {
			sk.routed[d.slot] = append(sk.routed[d.slot], int32(-1-k))
		}
	}
	for i, m := range cur {
		sk.routes = e.disp.Route(m, sk.routes[:0])
		for _, d := range sk.routes {
			if s := e.slotOf(d.Proc, d.KG); !e.procs[s].off {
				sk.routed[s] = append(sk.routed[s], int32(i))
			}
		}
	}
	sk.next = sk.next[:0]
}

// callIDs appends to sk.next the ids of the emissions of slot i's
// calls rcs, the first at input position input, and returns the input
// position after them. The processor's name is enough: an event reaches
// one instance of a processor.
func (e *Engine) callIDs(i, input int, rcs []tapeCall) int {
	sk := e.sk
	name := e.prog.Procs[e.procs[i].owner].Name
	for _, rc := range rcs {
		in := "?"
		if r := sk.routed[i]; input < len(r) {
			in = e.inputID(r[input])
		}
		for j := range rc.n {
			sk.next = append(sk.next, childID(in, name, j))
		}
		input++
	}
	return input
}

// inputID is the id of the step's event k (-1-d: directed delivery d, a
// logged artifact, whose id is the one it had when it was published).
func (e *Engine) inputID(k int32) string {
	if k >= 0 {
		if int(k) < len(e.sk.ids) {
			return e.sk.ids[k]
		}
		return "?"
	}
	if id := e.bld.directed[-1-k].id; id != "" {
		return id
	}
	return "?"
}

// publish hands the emissions ms, with their ids, to the sinks that take
// their kinds.
func (e *Engine) publish(ms []Msg, ids []string) error {
	sk := e.sk
	for _, o := range sk.outs {
		clear(sk.msgs)
		sk.msgs = sk.msgs[:0]
		for k, m := range ms {
			if int(m.Kind) < len(o.takes) && o.takes[m.Kind] {
				id := "?"
				if k < len(ids) {
					id = ids[k]
				}
				sk.msgs = append(sk.msgs, fw.SinkMsg{ID: id, Event: e.prog.Events[m.Kind].Name, Value: m.Ev})
			}
		}
		if len(sk.msgs) == 0 {
			continue
		}
		if err := o.s.Publish(e.ctx, sk.msgs); err != nil {
			return fmt.Errorf("fw: sink: %w", err)
		}
	}
	clear(sk.msgs)
	return nil
}
