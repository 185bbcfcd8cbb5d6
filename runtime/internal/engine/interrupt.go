package engine

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// watchSignals makes the run handle SIGINT and SIGTERM until the returned
// function is called: the first signal sets e.interrupted and closes e.done
// (no call starts any more; the calls in progress finish and their results
// are recorded), the second cancels the context passed to handlers. e.done
// also closes when parent is done.
func (e *Engine) watchSignals(parent context.Context) (stop func()) {
	ctx, cancel := context.WithCancel(parent)
	done := make(chan struct{})
	quit := make(chan struct{})
	sig := make(chan os.Signal, 2)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	closed := false
	if parent.Err() != nil {
		closed = true
		close(done)
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		stopRun := func() {
			if !closed {
				closed = true
				close(done)
			}
		}
		pdone := parent.Done()
		for {
			select {
			case <-quit:
				return
			case <-pdone:
				pdone = nil
				stopRun()
			case s := <-sig:
				if !e.interrupted.Load() {
					e.interrupted.Store(true)
					e.cfg.Logger.LogAttrs(parent, slog.LevelWarn,
						"fw: interrupted: no new call starts; the calls in progress finish and are recorded (signal again to cancel them)",
						slog.String("signal", s.String()))
					stopRun()
				} else {
					e.cfg.Logger.LogAttrs(parent, slog.LevelWarn, "fw: interrupted again: cancelling the calls in progress",
						slog.String("signal", s.String()))
					cancel()
				}
			}
		}
	}()
	e.ctx, e.done = ctx, done
	return func() {
		signal.Stop(sig)
		close(quit)
		wg.Wait()
		cancel()
	}
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
