package reactive

import (
	"cmp"
	"slices"
)

// Grouper groups the inputs of a phase by key and emits the groups at the
// phase broadcast (SPEC §7 Grouper).
//
// Semantics: Add files an input under key(x). Phase calls emit(key, group) once
// per distinct key added since the last Phase, in ascending key order
// (cmp.Compare), where group holds that key's inputs in arrival order; then the
// Grouper is empty again. A Phase with no input since the last one emits
// nothing. Keys are distinct as cmp.Compare sees them: for floating-point keys
// all NaNs form one group (ordered first) and -0 and +0 form one group; the
// emitted key is the first one that arrived in the group.
//
// The key function may read a field or call a method, e.g.
// NewGrouper(func(e *Ev) string { return e.User }) or NewGrouper((*Ev).Key).
// It is called once per Add. Each group slice is owned by the callee.
// A Grouper holds the inputs of the current phase: its memory is bounded by
// one phase's input. Create it with NewGrouper; the zero value is not usable.
type Grouper[K cmp.Ordered, T any] struct {
	key    func(T) K
	index  map[K]int // key -> position in groups (NaN excluded)
	nan    int       // 1 + position of the NaN group, 0 if there is none
	groups []group[K, T]
}

type group[K any, T any] struct {
	key   K
	items []T
}

// NewGrouper returns an empty Grouper that groups by key. It panics if key is nil.
func NewGrouper[K cmp.Ordered, T any](key func(T) K) *Grouper[K, T] {
	if key == nil {
		panic("reactive: NewGrouper with nil key function")
	}
	return &Grouper[K, T]{key: key, index: make(map[K]int)}
}

// Add files x under its key.
func (g *Grouper[K, T]) Add(x T) {
	k := g.key(x)
	var i int
	var ok bool
	isNaN := k != k
	if isNaN {
		i, ok = g.nan-1, g.nan > 0
	} else {
		i, ok = g.index[k]
	}
	if !ok {
		i = len(g.groups)
		g.groups = append(g.groups, group[K, T]{key: k})
		if isNaN {
			g.nan = i + 1
		} else {
			g.index[k] = i
		}
	}
	g.groups[i].items = append(g.groups[i].items, x)
}

// Phase emits (key, group) for every key of the phase in ascending key order,
// then resets. Call it from the processor's `on phase` case.
func (g *Grouper[K, T]) Phase(emit func(K, []T)) {
	if len(g.groups) == 0 {
		return
	}
	groups := g.groups
	g.groups = nil
	g.nan = 0
	clear(g.index)
	// Keys are pairwise distinct under cmp.Compare, so any sort gives one order.
	slices.SortFunc(groups, func(a, b group[K, T]) int { return cmp.Compare(a.key, b.key) })
	for _, gr := range groups {
		emit(gr.key, gr.items)
	}
}

// Len returns the number of groups (distinct keys) pending for the next Phase.
func (g *Grouper[K, T]) Len() int { return len(g.groups) }

// Group is one group emitted by a Grouper or a StreamGrouper: a key and its
// inputs in arrival order. It is the artifact type of a .fw builder that uses
// either helper.
type Group[K any, T any] struct {
	Key   K
	Items []T
}
