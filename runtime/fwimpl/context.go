package fwimpl

import (
	"context"
	"sync"

	"github.com/fwgo/fw/runtime/fw"
)

// Ctx is embedded in every generated handler context (of an event case, a
// lifecycle case or a builder): it gives the handler its run's context, its
// phase and its call's causal position.
type Ctx struct{ c *Call }

// NewCtx returns the base of a handler context of the call c.
func NewCtx(c *Call) Ctx { return Ctx{c} }

// Emit records an emission of the call of a handler context (its generated
// Emit and Resolve methods); it takes effect if the handler returns nil.
func Emit(x Ctx, m Msg) { x.c.Emit(m) }

// ArenaOf returns the arena the emitted values of the call of x may be stored in, or nil.
func ArenaOf(x Ctx) Arena { return x.c.Arena() }

// Context returns the run's context.
func (x Ctx) Context() context.Context { return x.c.Context() }

// Phase returns the current phase number (for `on phase`, the phase that completed).
func (x Ctx) Phase() int { return x.c.Phase() }

// Attempt returns the attempt in progress: 0 for the first, k for the k-th
// retry of a processor declared `retry N`.
func (x Ctx) Attempt() int { return x.c.Attempt() }

// Position returns the call's causal position: phase, step, processor, case,
// input position and emission index. It is the same whatever the number of
// workers; its Key identifies the call, to make external effects idempotent.
func (x Ctx) Position() fw.Position { return x.c.Position() }

// On is embedded in the context of a case on events of type E: a Ctx with the
// event being handled.
type On[E any] struct{ Ctx }

// NewOn returns the base of the context of a case on events of type E, of the call c.
func NewOn[E any](c *Call) On[E] { return On[E]{Ctx{c}} }

// Event returns (a copy of) the event being handled.
func (x On[E]) Event() E { return *x.c.Msg().Ev.(*E) }

// Slab holds the values of one event type in a generated arena (see Arena):
// Box stores a copy and returns a pointer to it, valid until Reset.
type Slab[T any] struct{ v []T }

// maxSlab is the capacity beyond which Reset drops a slab's buffer rather
// than keep it for the next step (or the next run, through ArenaPool).
const maxSlab = 1 << 16

// Box stores a copy of e and returns a pointer to it.
func (s *Slab[T]) Box(e T) *T {
	s.v = append(s.v, e)
	return &s.v[len(s.v)-1]
}

// Reset empties the slab; one that grew beyond 65,536 values gives its buffer
// to the garbage collector.
func (s *Slab[T]) Reset() {
	if len(s.v) == 0 {
		return
	}
	if cap(s.v) > maxSlab {
		s.v = nil
		return
	}
	clear(s.v)
	s.v = s.v[:0]
}

// Box returns a pointer to a new copy of e: an event's value outside any arena.
func Box[T any](e T) *T {
	p := new(T)
	*p = e
	return p
}

// ArenaPool keeps the freed arenas of a generated package (of type *A) for
// the next run's engine: a generated Dispatcher embeds a pointer to the
// package's pool, which gives it the methods of Arenas.
type ArenaPool[A any, P interface {
	*A
	Arena
}] struct{ pool sync.Pool }

// NewArena returns an empty arena (Arenas).
func (p *ArenaPool[A, P]) NewArena() Arena {
	if a, ok := p.pool.Get().(P); ok {
		return a
	}
	return P(new(A))
}

// FreeArena takes back an arena no message points into (Arenas).
func (p *ArenaPool[A, P]) FreeArena(a Arena) {
	if x, ok := a.(P); ok {
		x.Reset()
		p.pool.Put(x)
	}
}
