package reactive

import (
	"fmt"
	"math"
)

// StreamSampler keeps each input independently with probability p (SPEC §7
// StreamSampler, a Bernoulli sample), emitting kept inputs immediately.
//
// Semantics: Add(x, emit) calls emit(x) if x is kept and does nothing
// otherwise; there is nothing to flush at a phase. The kept positions are i.i.d.
// Bernoulli(p) and depend only on p, the seed and the input position, never on
// the inputs' values.
//
// The sampler is skip-based: it draws the gap to the next kept input from a
// geometric distribution: one random draw per kept input, plus one for the
// first gap (drawn by NewStreamSampler), so O(kept) draws rather than one per
// input, and an Add that drops its input is an inlinable counter decrement. p = 0 keeps nothing
// and p = 1 keeps everything, both without any draw. It holds O(1) state.
//
// Create it with NewStreamSampler; the zero value keeps nothing.
type StreamSampler[T any] struct {
	p    float64
	logq float64 // ln(1 - p)
	r    rng
	gap  uint64 // inputs still to drop before the next kept one
}

// NewStreamSampler returns a sampler that keeps each input with probability p,
// using the PCG-DXSM stream seeded by seed. It panics unless 0 <= p <= 1.
func NewStreamSampler[T any](p float64, seed uint64) *StreamSampler[T] {
	if !(p >= 0 && p <= 1) {
		panic(fmt.Sprintf("reactive: NewStreamSampler probability %v outside [0, 1]", p))
	}
	s := &StreamSampler[T]{p: p, logq: math.Log1p(-p), r: newRNG(seed, streamSamplerStream)}
	s.redraw()
	return s
}

// Add emits x if it is kept.
func (s *StreamSampler[T]) Add(x T, emit func(T)) {
	if s.gap > 0 {
		s.gap--
		return
	}
	s.take(x, emit)
}

// take handles an input at the end of a gap.
func (s *StreamSampler[T]) take(x T, emit func(T)) {
	if s.p <= 0 { // the zero value, or a gap of 2^64-1 inputs ran out
		s.gap = math.MaxUint64
		return
	}
	s.redraw()
	emit(x)
}

// redraw draws the gap before the next kept input: Geometric(p), none for p = 1
// and "forever" (MaxUint64) for p = 0.
func (s *StreamSampler[T]) redraw() {
	switch {
	case s.p >= 1:
		s.gap = 0
	case s.p <= 0:
		s.gap = math.MaxUint64
	default:
		s.gap = s.r.geometric(s.logq)
	}
}

// Draws returns the number of 64-bit random words drawn so far.
func (s *StreamSampler[T]) Draws() uint64 { return s.r.draws }
