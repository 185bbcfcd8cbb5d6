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
// greedily: each next one is the one that splits the most literals, the one
// with the fewest distinct bytes among equals, then the first.
func newLitIndex(lits []string) *litIndex {
	n := len(lits[0])
	key := make([]int, len(lits)) // the cell of each literal over the positions chosen so far
	var pos []int
	var class [][256]int // per chosen position: the class of each byte, its rank among the literals' bytes there
	var nclass []int
	cells, filled := 1, 1
	seen := map[int]bool{}
	for len(pos) < litIndexPositions && filled < len(lits) {
		best, bestFilled, bestClasses := -1, filled, 0
		for p := range n {
			if slices.Contains(pos, p) {
				continue
			}
			var has [256]bool
			c := 0
			for _, l := range lits {
				if !has[l[p]] {
					has[l[p]] = true
					c++
				}
			}
			if c < 2 {
				continue
			}
			clear(seen)
			for i, l := range lits {
				seen[key[i]*256+int(l[p])] = true
			}
			d := len(seen)
			if cells*c > litIndexSparse*d {
				continue
			}
			if d > bestFilled || d == bestFilled && best >= 0 && c < bestClasses {
				best, bestFilled, bestClasses = p, d, c
			}
		}
		if best < 0 {
			break
		}
		var has [256]bool
		for _, l := range lits {
			has[l[best]] = true
		}
		var cl [256]int
		k := 0
		for b := range 256 {
			if has[b] {
				cl[b] = k
				k++
			}
		}
		for i, l := range lits {
			key[i] = key[i]*k + cl[l[best]]
		}
		pos, class, nclass = append(pos, best), append(class, cl), append(nclass, k)
		cells, filled = cells*k, bestFilled
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
			x.off[i][b] = class[i][b] * stride
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
