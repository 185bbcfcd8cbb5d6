// Package reactive holds the runtime helpers behind fw's reactive builders:
// Collector, Grouper, StreamGrouper, StreamSampler and ReservoirSampler
// (SPEC §7). Code generated from .fw declarations drives them; they can also be
// used by hand.
//
// Each helper is a small generic value driven by at most two calls that mirror
// a processor's cases: Add, called from the case that receives an input, and
// Phase, called from the processor's `on phase` case (the phase broadcast, see
// docs/runtime.md). Emissions go to a callback, to which generated code passes
// its typed emit. A helper never emits anything on its own, so "no new data, no
// emission" holds for every helper: a Phase call that follows no Add since the
// helper's last emission emits nothing.
//
// Determinism: the emissions are a function of the sequence of calls (and, for
// the samplers, of the seed) only. There are no goroutines, no clocks, no map
// iteration and no global random state. The samplers draw from their own
// PCG-DXSM stream (math/rand/v2.PCG) seeded from the seed argument, and map the
// 64-bit words to floats and bounded integers with code in this package, so a
// seed's output does not depend on math/rand/v2's derived methods.
//
// Ownership: a slice passed to an emit callback belongs to the callee; the
// helper never reads or writes it again. The callback may call back into the
// helper (for example Add); the helper has already detached what it emits.
//
// A helper is not safe for concurrent use. A processor that owns one must not
// run overlapping calls (`concurrency 1`, the default), which is also what makes
// its input order, and therefore its output, deterministic.
package reactive
