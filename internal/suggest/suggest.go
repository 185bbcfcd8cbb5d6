// Package suggest finds the "did you mean" candidate for a misspelt name: one
// rule for fwgen's checker and for the runtime's errors, so that both suggest
// the same.
package suggest

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Closest returns the candidate closest to name, for "did you mean" hints, or
// "" when none is close enough. A candidate equal to name but for case wins;
// otherwise the one with the smallest edit distance (compared without case, so
// that `ORDR` finds `Order`) wins, ties going to the first in sorted order.
// A candidate must be within max(1, len(name)/3) edits, and not be entirely
// different: beyond that a suggestion is more confusing than helpful.
func Closest(name string, candidates []string) string {
	if name == "" {
		return ""
	}
	sorted := slices.Clone(candidates)
	slices.Sort(sorted)
	for _, c := range sorted {
		if c != name && strings.EqualFold(c, name) {
			return c
		}
	}
	limit := max(1, utf8.RuneCountInString(name)/3)
	best, bestDist := "", limit+1
	lower := strings.ToLower(name)
	for _, c := range sorted {
		if c == name {
			continue
		}
		// d < the longer length: replacing every letter of `Q` by `A` is
		// within one edit, but no help.
		d := Distance(lower, strings.ToLower(c))
		if d < bestDist && d < max(utf8.RuneCountInString(name), utf8.RuneCountInString(c)) {
			best, bestDist = c, d
		}
	}
	return best
}

// Distance returns the optimal-string-alignment edit distance between a and
// b, counted in runes: insertions, deletions, substitutions, and transpositions
// of two adjacent runes each count one edit (so Strat is one edit from Start).
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	// Three rows: d[i-2], d[i-1] and d[i]; the transposition looks two rows back.
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
