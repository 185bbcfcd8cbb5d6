package check

import (
	"math/bits"
	"unsafe"
)

// bitset is a fixed-size set of small ints (rows or atoms of the usefulness
// analysis). Operations on two bitsets expect the same length.
type bitset []uint64

func newBitset(n int) bitset { return make(bitset, (n+63)/64) }

// fullBitset returns the set {0, ..., n-1}.
func fullBitset(n int) bitset {
	b := newBitset(n)
	b.setRange(0, n)
	return b
}

func (b bitset) set(i int)      { b[i/64] |= 1 << (i % 64) }
func (b bitset) has(i int) bool { return b[i/64]&(1<<(i%64)) != 0 }

// setRange adds lo, ..., hi-1.
func (b bitset) setRange(lo, hi int) {
	for lo < hi && lo%64 != 0 {
		b.set(lo)
		lo++
	}
	for ; lo+64 <= hi; lo += 64 {
		b[lo/64] = ^uint64(0)
	}
	for ; lo < hi; lo++ {
		b.set(lo)
	}
}

func (b bitset) clone() bitset { return append(bitset(nil), b...) }

// and returns b ∩ x as a new set.
func (b bitset) and(x bitset) bitset {
	out := make(bitset, len(b))
	for i := range b {
		out[i] = b[i] & x[i]
	}
	return out
}

// andWith sets b to b ∩ x.
func (b bitset) andWith(x bitset) {
	for i := range b {
		b[i] &= x[i]
	}
}

// orWith sets b to b ∪ x.
func (b bitset) orWith(x bitset) {
	for i := range b {
		b[i] |= x[i]
	}
}

func (b bitset) any() bool {
	for _, w := range b {
		if w != 0 {
			return true
		}
	}
	return false
}

func (b bitset) intersects(x bitset) bool {
	for i := range b {
		if b[i]&x[i] != 0 {
			return true
		}
	}
	return false
}

// subsetOf reports whether b ⊆ x.
func (b bitset) subsetOf(x bitset) bool {
	for i := range b {
		if b[i]&^x[i] != 0 {
			return false
		}
	}
	return true
}

func (b bitset) equal(x bitset) bool {
	for i := range b {
		if b[i] != x[i] {
			return false
		}
	}
	return true
}

func (b bitset) count() int {
	n := 0
	for _, w := range b {
		n += bits.OnesCount64(w)
	}
	return n
}

// first returns the smallest member, or -1.
func (b bitset) first() int {
	for i, w := range b {
		if w != 0 {
			return i*64 + bits.TrailingZeros64(w)
		}
	}
	return -1
}

// all iterates over the members in increasing order.
func (b bitset) all(yield func(int) bool) {
	for i, w := range b {
		for w != 0 {
			if !yield(i*64 + bits.TrailingZeros64(w)) {
				return
			}
			w &= w - 1
		}
	}
}

// key returns the bits as a string, to use the set as a map key.
func (b bitset) key() string {
	if len(b) == 0 {
		return ""
	}
	return string(unsafe.Slice((*byte)(unsafe.Pointer(&b[0])), len(b)*8))
}

// anyIn reports whether b has a member in lo, ..., hi-1.
func (b bitset) anyIn(lo, hi int) bool {
	for lo < hi {
		w := b[lo/64] >> (lo % 64)
		if n := hi - lo; n < 64 {
			w &= 1<<n - 1
		}
		if w != 0 {
			return true
		}
		lo += 64 - lo%64
	}
	return false
}

// orRange adds the members of x in lo, ..., hi-1 to b.
func (b bitset) orRange(x bitset, lo, hi int) {
	for lo < hi {
		off := lo % 64
		mask := ^uint64(0) << off
		if n := hi - lo + off; n < 64 {
			mask &= 1<<n - 1
		}
		b[lo/64] |= x[lo/64] & mask
		lo += 64 - off
	}
}
