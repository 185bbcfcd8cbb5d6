package reactive

import (
	"math"
	"slices"
)

// ReservoirSampler maintains a uniform random sample of k of its inputs (SPEC §7
// ReservoirSampler) with Li's Algorithm L, and emits the sample at phase
// broadcasts when it changed.
//
// Semantics: after n Adds, the sample holds all n inputs if n <= k, and
// otherwise k of them such that every k-subset of the n inputs is equally
// likely. Phase, if the sample changed since the last emission (an input was
// added to it, or replaced one of it), emits a copy of it; otherwise it emits
// nothing. The sample is cumulative over the whole stream, not per phase.
// The emitted order is reservoir slot order: the first k inputs fill slots 0..k-1
// in arrival order, and a later input takes the slot of the one it evicts.
//
// Algorithm L is equivalent to giving every input an independent uniform key
// and sampling the k inputs with the smallest keys. It keeps only W, the
// largest key in the sample, and jumps straight to the next input that would
// enter the sample by drawing a geometric gap with success probability W. Each
// entry costs three draws (the evicted slot, the new W, the next gap), so the
// expected number of draws for N inputs is about 3k(H(N) - H(k)) + 2 ≈
// 3k ln(N/k), i.e. O(k(1 + log(N/k))), and an Add that skips its input is an
// inlinable comparison. W is kept as ln W for accuracy. Memory is O(k).
//
// Create it with NewReservoirSampler; the zero value has k = 0 and keeps
// nothing.
type ReservoirSampler[T any] struct {
	k       int
	sample  []T
	seen    uint64  // inputs added
	next    uint64  // 0-based position of the next input to enter the sample
	logW    float64 // ln W
	r       rng
	changed bool // the sample changed since the last emission
}

// NewReservoirSampler returns a sampler of k inputs using the PCG-DXSM stream
// seeded by seed. It panics if k < 0.
func NewReservoirSampler[T any](k int, seed uint64) *ReservoirSampler[T] {
	if k < 0 {
		panic("reactive: NewReservoirSampler with negative size")
	}
	return &ReservoirSampler[T]{k: k, sample: make([]T, 0, k), r: newRNG(seed, reservoirSamplerStream)}
}

// Add offers x to the sample.
func (s *ReservoirSampler[T]) Add(x T) {
	if s.seen < s.next { // skipped by Algorithm L: the common case, kept inlinable
		s.seen++
		return
	}
	s.add(x)
}

// add handles the input at position next: filling the reservoir, or entering
// it by Algorithm L.
func (s *ReservoirSampler[T]) add(x T) {
	i := s.seen
	s.seen++
	k := uint64(s.k)
	switch {
	case k == 0:
		s.next = math.MaxUint64
	case i < k:
		s.sample = append(s.sample, x)
		s.changed = true
		if i == k-1 { // full: start Algorithm L
			s.logW = math.Log(s.r.open01()) / float64(s.k)
			s.skip(i)
		} else {
			s.next = i + 1
		}
	default: // i == next
		s.sample[s.r.below(k)] = x
		s.changed = true
		s.logW += math.Log(s.r.open01()) / float64(s.k)
		s.skip(i)
	}
}

// skip sets next to the position of the next input to enter the sample, given
// that the input at position i was the last one examined.
func (s *ReservoirSampler[T]) skip(i uint64) {
	gap := s.r.geometric(log1mexp(s.logW)) // failures before success, P(success) = W
	s.next = addSat(i+1, gap)
}

// Phase emits a copy of the sample if it changed since the last emission. Call
// it from the processor's `on phase` case.
func (s *ReservoirSampler[T]) Phase(emit func([]T)) {
	if !s.changed {
		return
	}
	s.changed = false
	emit(slices.Clone(s.sample))
}

// Sample returns a copy of the current sample in slot order. It does not count
// as an emission.
func (s *ReservoirSampler[T]) Sample() []T { return slices.Clone(s.sample) }

// Seen returns the number of inputs added so far.
func (s *ReservoirSampler[T]) Seen() uint64 { return s.seen }

// Draws returns the number of 64-bit random words drawn so far.
func (s *ReservoirSampler[T]) Draws() uint64 { return s.r.draws }
