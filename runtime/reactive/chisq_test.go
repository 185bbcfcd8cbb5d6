package reactive

import (
	"math"
	"testing"
)

// Chi-square critical values at significance 0.001 (upper tail), from standard
// tables; TestChiSquareTable checks them against chiSquareQ.
var chiSquareCrit001 = map[int]float64{
	14: 36.123,
	19: 43.820,
	20: 45.315,
	49: 85.351,
}

// chiSquareQ returns P(X >= x) for X ~ chi-square with df degrees of freedom,
// the regularized upper incomplete gamma function Q(df/2, x/2).
func chiSquareQ(df int, x float64) float64 {
	return gammaQ(float64(df)/2, x/2)
}

// gammaQ is the regularized upper incomplete gamma function Q(a, x): the power
// series for x < a+1, the continued fraction (modified Lentz) otherwise.
func gammaQ(a, x float64) float64 {
	if x <= 0 {
		return 1
	}
	lg, _ := math.Lgamma(a)
	logPrefix := a*math.Log(x) - x - lg
	if x < a+1 {
		// P(a, x) = e^-x x^a / Γ(a+1) Σ_n x^n / ((a+1)...(a+n))
		term, sum := 1/a, 1/a
		for n := 1; n < 1000; n++ {
			term *= x / (a + float64(n))
			sum += term
			if math.Abs(term) < math.Abs(sum)*1e-15 {
				break
			}
		}
		return 1 - sum*math.Exp(logPrefix)
	}
	const tiny = 1e-300
	b := x + 1 - a
	c := 1 / tiny
	d := 1 / b
	h := d
	for i := 1; i < 1000; i++ {
		an := -float64(i) * (float64(i) - a)
		b += 2
		d = an*d + b
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = b + an/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		del := d * c
		h *= del
		if math.Abs(del-1) < 1e-15 {
			break
		}
	}
	return math.Exp(logPrefix) * h
}

func TestChiSquareTable(t *testing.T) {
	for df, crit := range chiSquareCrit001 {
		if q := chiSquareQ(df, crit); math.Abs(q-0.001) > 2e-6 {
			t.Errorf("Q(df=%d, %v) = %v, want 0.001", df, crit, q)
		}
	}
	// Exact closed forms: df=2 is exponential, Q = e^{-x/2}.
	for _, x := range []float64{0.5, 2, 10, 40} {
		if q, want := chiSquareQ(2, x), math.Exp(-x/2); math.Abs(q-want) > 1e-12 {
			t.Errorf("Q(df=2, %v) = %v, want %v", x, q, want)
		}
	}
}

// checkChiSquare fails t if stat exceeds the 0.001 critical value for df, and
// logs the statistic and its p-value either way.
func checkChiSquare(t *testing.T, name string, df int, stat float64) {
	t.Helper()
	crit, ok := chiSquareCrit001[df]
	if !ok {
		t.Fatalf("no critical value tabulated for df=%d", df)
	}
	p := chiSquareQ(df, stat)
	t.Logf("%s: chi2 = %.2f, df = %d, p = %.3f (critical %.3f at 0.001)", name, stat, df, p, crit)
	if stat > crit {
		t.Errorf("%s: chi2 = %.2f > %.3f (df = %d, p = %.2g): distribution is not uniform", name, stat, crit, df, p)
	}
}
