package engine

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"sync"

	"github.com/fwgo/fw/runtime/internal/interrupt"
)

// watchSignals makes the run handle SIGINT and SIGTERM until the returned
// function is called, with the handler that parent carries (installed by
// fw.NotifyInterrupts, maybe before Run) or else, WithInterrupts, one of its
// own: the first signal, whether before or during Run, sets e.interrupted
// and closes e.done (no call starts any more; the calls in progress finish
// and their results are recorded), the second cancels the context passed to
// handlers. e.done also closes when parent is done.
//
// A handler from parent cancels parent at the first signal: the handlers'
// context then does not derive its cancellation from parent, only from the
// second signal and from parent's end for another reason.
func (e *Engine) watchSignals(parent context.Context) (stop func()) {
	h := interrupt.FromContext(parent)
	var ctx context.Context
	var cancel context.CancelFunc
	unnotify := func() {}
	if h == nil {
		_, h, unnotify = interrupt.Notify(context.Background(), ErrInterrupted)
		ctx, cancel = context.WithCancel(parent)
	} else {
		ctx, cancel = context.WithCancel(context.WithoutCancel(parent))
	}
	done := make(chan struct{})
	quit := make(chan struct{})
	stopped := false
	// The submitter of a distributed run with feeds stops at its next pull,
	// for every member (xfeed.go): the first signal closes intr alone.
	var intr chan struct{}
	if e.xch != nil && len(e.feeds) > 0 {
		intr = make(chan struct{})
		e.xch.f.intr = intr
	}
	stopRun := func() {
		if !stopped {
			stopped = true
			close(done)
			if intr != nil && !closed(intr) {
				close(intr)
			}
		}
	}
	first, second, pdone := h.First(), h.Second(), parent.Done()
	if closed(first) { // a signal came before Run: return at once
		first = nil
		e.interrupted.Store(true)
		e.cfg.Logger.LogAttrs(parent, slog.LevelWarn, "fw: interrupted before the run: no call starts",
			slog.String("signal", sigName(h.Signal(0))))
		stopRun()
	} else if parent.Err() != nil {
		pdone = nil
		stopRun()
		cancel()
	}
	if closed(second) {
		second = nil
		cancel()
	}
	onFirst := func() {
		e.interrupted.Store(true)
		if intr != nil {
			e.cfg.Logger.LogAttrs(parent, slog.LevelWarn,
				"fw: interrupted: the distributed run stops for every member at the submitter's next pull (signal again to cancel the calls in progress)",
				slog.String("signal", sigName(h.Signal(0))))
			close(intr)
			return
		}
		e.cfg.Logger.LogAttrs(parent, slog.LevelWarn,
			"fw: interrupted: no new call starts; the calls in progress finish and are recorded (signal again to cancel them)",
			slog.String("signal", sigName(h.Signal(0))))
		stopRun()
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-quit:
				return
			case <-pdone:
				pdone = nil
				if !closed(h.First()) { // not the first signal cancelling parent
					stopRun()
					cancel()
				}
			case <-first:
				first = nil
				onFirst()
			case <-second:
				if first != nil { // both came at once: the first's effect first
					first = nil
					onFirst()
				}
				second = nil
				e.cfg.Logger.LogAttrs(parent, slog.LevelWarn, "fw: interrupted again: cancelling the calls in progress",
					slog.String("signal", sigName(h.Signal(1))))
				cancel()
			}
		}
	}()
	e.ctx, e.done = ctx, done
	return func() {
		unnotify()
		close(quit)
		wg.Wait()
		cancel()
	}
}

func sigName(s os.Signal) string {
	if s == nil {
		return ""
	}
	return s.String()
}

// stopErr is the error of a run stopped because e.done closed.
func (e *Engine) stopErr() error {
	if e.interrupted.Load() {
		return ErrInterrupted
	}
	if err := e.parent.Err(); err != nil {
		return err
	}
	return e.ctx.Err()
}

// runError is the error Run returns for err: a divergence found in verify
// mode is returned as the *DivergenceError itself; in an interrupted run, a
// call failing because the second signal cancelled its context makes Run
// return ErrInterrupted.
func (e *Engine) runError(err error) error {
	if err == nil {
		return nil
	}
	var he *HandlerError
	if errors.As(err, &he) {
		var d *DivergenceError
		if errors.As(he.Err, &d) {
			return d
		}
	}
	if e.interrupted.Load() && !errors.Is(err, ErrInterrupted) && errors.Is(err, context.Canceled) {
		return ErrInterrupted
	}
	return err
}
