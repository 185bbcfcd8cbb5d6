package gen

import "slices"

// A litIndex finds a string among many literals of one length in constant
// time, where Go's switch on a string makes a binary search, one byte
// comparison per level. It reads the bytes at a few positions, chosen so that
// they tell the literals apart, and sums their entries in per-position tables
// (the byte's class times the position's stride: a mixed-radix number) into a
// cell. The generated lookup switches on the cell, which the compiler makes a
// jump table since the cells are dense, and compares the string with the
// cell's few literals. Bytes that no literal has at a position map to 0: the
// comparison rejects the strings they lead to.
type litIndex struct {
	n     int        // the length of the literals
	pos   []int      // the byte positions read, most significant first
	off   [][256]int // per position: each byte's class times the position's stride
	bytes [][]byte   // per position: the bytes the literals have there, ascending
	cells [][]string // per cell: its literals, in the order given (empty cells: none)
	nlits int        // the number of literals
}

// Limits of a litIndex.
const (
	litIndexPositions = 4  // at most this many positions are read
	litIndexSparse    = 4  // at most this many cells per non-empty one, so that the switch on the cell is a jump table
	litIndexBucket    = 16 // no cell holds more literals
	litIndexAverage   = 4  // no more literals than this many per non-empty cell
)

// newLitIndex returns the index of lits (distinct, all of one length), or nil
// if no few positions tell them apart well enough. The positions are chosen
// greedily, each with its number of classes: the bytes found at a position
// are ranked, and rank r falls in class r, or r mod k for k a power of two
// below their number (fewer cells, so that a further position may still keep
// the cells dense). Each step takes the choice that leaves the most non-empty
// cells, among equals the fewest cells, then the first position.
func newLitIndex(lits []string) *litIndex {
	n := len(lits[0])
	key := make([]int, len(lits)) // the cell of each literal over the positions chosen so far
	stamp := make([]int, litIndexSparse*len(lits))
	gen := 0
	var pos, nclass []int
	var ranks [][256]int
	cells, filled := 1, 1
	for len(pos) < litIndexPositions && filled < len(lits) {
		bestPos, bestK, bestFilled := -1, 0, filled
		var bestRank [256]int
		for p := range n {
			if slices.Contains(pos, p) {
				continue
			}
			var has [256]bool
			for _, l := range lits {
				has[l[p]] = true
			}
			var rank [256]int
			c := 0
			for b := range 256 {
				if has[b] {
					rank[b] = c
					c++
				}
			}
			if c < 2 {
				continue
			}
			for k := 2; ; k *= 2 {
				if k >= c {
					k = c // the last choice: a class per byte
				}
				if cells*k > litIndexSparse*len(lits) {
					break
				}
				gen++
				d := 0
				for i, l := range lits {
					if j := key[i]*k + rank[l[p]]%k; stamp[j] != gen {
						stamp[j] = gen
						d++
					}
				}
				if cells*k <= litIndexSparse*d && (d > bestFilled || d == bestFilled && bestPos >= 0 && k < bestK) {
					bestPos, bestK, bestFilled, bestRank = p, k, d, rank
				}
				if k == c {
					break
				}
			}
		}
		if bestPos < 0 {
			break
		}
		for i, l := range lits {
			key[i] = key[i]*bestK + bestRank[l[bestPos]]%bestK
		}
		pos, nclass, ranks = append(pos, bestPos), append(nclass, bestK), append(ranks, bestRank)
		cells, filled = cells*bestK, bestFilled
	}
	if len(pos) == 0 || len(lits) > litIndexAverage*filled {
		return nil
	}
	x := &litIndex{n: n, pos: pos, off: make([][256]int, len(pos)), bytes: make([][]byte, len(pos)),
		cells: make([][]string, cells), nlits: len(lits)}
	stride := 1
	for i := len(pos) - 1; i >= 0; i-- {
		for _, l := range lits {
			b := l[pos[i]]
			x.off[i][b] = ranks[i][b] % nclass[i] * stride
			x.bytes[i] = append(x.bytes[i], b)
		}
		slices.Sort(x.bytes[i])
		x.bytes[i] = slices.Compact(x.bytes[i])
		stride *= nclass[i]
	}
	for _, l := range lits {
		c := x.cell(l)
		x.cells[c] = append(x.cells[c], l)
		if len(x.cells[c]) > litIndexBucket {
			return nil
		}
	}
	return x
}

// cell returns the cell of s, a string of x.n bytes.
func (x *litIndex) cell(s string) int {
	c := 0
	for i, p := range x.pos {
		c += x.off[i][s[p]]
	}
	return c
}

// indexOf returns the index of the literals of n bytes, or nil.
func (l *lookup) indexOf(n int) *litIndex {
	for _, x := range l.litIdx {
		if x.n == n {
			return x
		}
	}
	return nil
}
