package engine

import (
	"context"
	"iter"
)

// Source adapts a source builder's Build method, which pushes artifacts to a
// yield function, to the engine's pull (Sources.Pull): generated code keeps
// one per source builder. Build starts at the first Pull and runs as a
// coroutine (iter.Pull), so it produces artifacts only as fast as the engine
// takes them: a source of ten million artifacts needs memory for one batch.
type Source[T any] struct {
	next func() (T, bool)
	stop func()
	err  error
	done bool
}

// Pull emits up to max artifacts of build through c, each converted by msg,
// and reports whether build has returned; its error, if any, is returned with
// done set. A panic in build propagates to the caller of Pull.
func (s *Source[T]) Pull(c *Call, max int, build func(ctx context.Context, yield func(T) bool) error, msg func(T) Msg) (done bool, err error) {
	if s.done {
		return true, s.err
	}
	if s.next == nil {
		ctx := c.Context()
		s.next, s.stop = iter.Pull(func(yield func(T) bool) { s.err = build(ctx, yield) })
	}
	for range max {
		v, ok := s.next()
		if !ok {
			s.done = true
			s.stop()
			return true, s.err
		}
		c.Emit(msg(v))
	}
	return false, nil
}

// Stop ends build early (its yield returns false) and releases the coroutine.
func (s *Source[T]) Stop() {
	if s.stop != nil {
		s.stop()
	}
	s.done = true
}
