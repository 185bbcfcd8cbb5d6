package reactive

import "slices"

// Collector accumulates its inputs and re-emits all of them at phase
// broadcasts (SPEC §7 Collector).
//
// Semantics: Add appends an input. Phase, if at least one input was added since
// the Collector's last emission (or since it was created), calls emit once with
// every input added so far, in arrival order, as one slice; otherwise it emits
// nothing. The collection is cumulative: it is never reset, so each emission is
// a superset (a longer prefix-extension) of the previous one.
//
// The emitted slice is a fresh copy owned by the callee, so a phase costs a copy
// of everything collected. The Collector holds every input it was given: its
// memory is bounded only by its input. The zero value is an empty Collector
// ready to use.
type Collector[T any] struct {
	items []T
	fresh bool // an input arrived since the last emission
}

// Add collects x.
func (c *Collector[T]) Add(x T) {
	c.items = append(c.items, x)
	c.fresh = true
}

// Phase emits everything collected so far if anything arrived since the last
// emission. Call it from the processor's `on phase` case.
func (c *Collector[T]) Phase(emit func([]T)) {
	if !c.fresh {
		return
	}
	c.fresh = false
	emit(slices.Clone(c.items))
}

// Len returns the number of inputs collected so far.
func (c *Collector[T]) Len() int { return len(c.items) }
