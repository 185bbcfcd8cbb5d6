package reactive

import (
	"math"
	"math/bits"
	"math/rand/v2"
)

// Second PCG seed words, one per sampler kind, so that a StreamSampler and a
// ReservoirSampler given the same seed use unrelated streams.
const (
	streamSamplerStream    = 0x5EED_57AE_A3C0_0001
	reservoirSamplerStream = 0x5EED_2E5E_2B01_0002
)

// rng is a PCG-DXSM stream that counts the 64-bit words it draws.
type rng struct {
	pcg   rand.PCG
	draws uint64
}

func newRNG(seed, stream uint64) rng {
	var r rng
	r.pcg.Seed(seed, stream)
	return r
}

func (r *rng) uint64() uint64 {
	r.draws++
	return r.pcg.Uint64()
}

// open01 returns a uniform float64 in the open interval (0, 1) from one draw:
// the midpoint of one of 2^53 equal cells, so neither 0 nor 1 can occur and
// math.Log of it is finite and negative.
func (r *rng) open01() float64 {
	return (float64(r.uint64()>>11) + 0.5) * 0x1p-53
}

// below returns a uniform integer in [0, n), n > 0, by multiply-and-reject
// (Lemire): one draw, plus a retry with probability < n/2^64.
func (r *rng) below(n uint64) uint64 {
	hi, lo := bits.Mul64(r.uint64(), n)
	if lo < n {
		thresh := -n % n
		for lo < thresh {
			hi, lo = bits.Mul64(r.uint64(), n)
		}
	}
	return hi
}

// geometric returns a Geometric variate from one draw: the number of failures
// before the first success of independent trials that each fail with
// probability q, given logq = ln q < 0 (P(G >= g) = q^g). It is floor(ln U / ln q)
// with U uniform on (0, 1), saturated at MaxUint64. logq = -Inf (q = 0) gives 0.
func (r *rng) geometric(logq float64) uint64 {
	g := math.Log(r.open01()) / logq
	if !(g < 0x1p64) { // +Inf (q rounds to 1) or beyond the range
		return math.MaxUint64
	}
	return uint64(g) // g >= 0: truncation is floor
}

// log1mexp returns ln(1 - e^x) for x <= 0, accurately across the whole range
// (Mächler's switch at -ln 2). log1mexp(0) = -Inf.
func log1mexp(x float64) float64 {
	if x > -math.Ln2 {
		return math.Log(-math.Expm1(x))
	}
	return math.Log1p(-math.Exp(x))
}

// addSat returns a + b, saturated at MaxUint64.
func addSat(a, b uint64) uint64 {
	s, carry := bits.Add64(a, b, 0)
	if carry != 0 {
		return math.MaxUint64
	}
	return s
}
