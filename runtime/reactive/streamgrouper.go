package reactive

// StreamGrouper groups runs of consecutive inputs that share a key (SPEC §7
// StreamGrouper), like a streaming "group by" over sorted input.
//
// Semantics: Add(x, emit) compares key(x) with the key of the open group
// (using ==). If a group is open and the key differs, it first detaches the open
// group, opens a new group holding x, then calls emit(key, group) for the
// previous group; otherwise it appends x to the open group (opening one if none
// is open). Phase flushes: if a group is open it emits it and closes it, so the
// next input opens a new group even when its key equals the flushed one. A
// Phase with no open group emits nothing. A key that is not equal to itself
// (a NaN) never matches, so such an input always starts a new group.
//
// Groups hold their inputs in arrival order and are owned by the callee. The
// StreamGrouper holds only the open group: its memory is bounded by the longest
// run. Create it with NewStreamGrouper; the zero value is not usable.
type StreamGrouper[K comparable, T any] struct {
	key  func(T) K
	cur  K   // key of the open group
	open []T // the open group; empty when none is open
}

// NewStreamGrouper returns a StreamGrouper with no open group that groups by
// key. It panics if key is nil.
func NewStreamGrouper[K comparable, T any](key func(T) K) *StreamGrouper[K, T] {
	if key == nil {
		panic("reactive: NewStreamGrouper with nil key function")
	}
	return &StreamGrouper[K, T]{key: key}
}

// Add appends x to the open group, or, when x's key differs from the open
// group's, emits the open group and opens a new one with x.
func (g *StreamGrouper[K, T]) Add(x T, emit func(K, []T)) {
	k := g.key(x)
	if len(g.open) == 0 {
		g.cur = k
		g.open = append(g.open, x)
		return
	}
	if k == g.cur {
		g.open = append(g.open, x)
		return
	}
	prevKey, prev := g.cur, g.open
	g.cur, g.open = k, append([]T(nil), x)
	emit(prevKey, prev)
}

// Phase emits the open group, if any, and closes it. Call it from the
// processor's `on phase` case.
func (g *StreamGrouper[K, T]) Phase(emit func(K, []T)) {
	if len(g.open) == 0 {
		return
	}
	k, grp := g.cur, g.open
	var zero K
	g.cur, g.open = zero, nil
	emit(k, grp)
}

// Open reports the key and size of the open group; n is 0 when none is open.
func (g *StreamGrouper[K, T]) Open() (key K, n int) { return g.cur, len(g.open) }
