package rct

import "math"

// binomialPMF returns P(X = k) for X ~ Binomial(n, p), 0 < p < 1, by
// Loader's saddle-point form [1], which keeps full relative accuracy for n
// in the millions (log Γ differences lose it):
//
//	P(X = k) = sqrt(n / (2π k (n-k))) exp(δ(n) - δ(k) - δ(n-k) - D(k, np) - D(n-k, nq))
//
// with q = 1 - p, δ(m) = log m! - log(sqrt(2πm) (m/e)^m) the error of
// Stirling's formula (stirlingError) and D(x, M) = x log(x/M) + M - x
// (binomialDeviance). P(X = 0) = q^n and P(X = n) = p^n; it is 0 for k
// outside [0, n].
//
// [1] Loader, C. (2000). Fast and accurate computation of binomial
// probabilities. Technical report, Bell Labs.
func binomialPMF(k, n int, p float64) float64 {
	if k < 0 || k > n {
		return 0
	}
	q := 1 - p
	fn := float64(n)
	switch k {
	case 0:
		return math.Exp(fn * math.Log1p(-p))
	case n:
		return math.Exp(fn * math.Log1p(-q))
	}
	fk, fm := float64(k), float64(n-k)
	lc := stirlingError(n) - stirlingError(k) - stirlingError(n-k) - binomialDeviance(fk, fn*p) - binomialDeviance(fm, fn*q)
	return math.Exp(lc) * math.Sqrt(fn/(2*math.Pi*fk*fm))
}

// stirlingError returns δ(m) = log m! - (m + 1/2) log m + m - log sqrt(2π)
// for m >= 1: from the exact factorial for m <= 15, else from the
// asymptotic series
//
//	δ(m) = 1/(12m) - 1/(360m³) + 1/(1260m⁵) - 1/(1680m⁷) + 1/(1188m⁹) - ...
//
// whose next term is below 1e-16 for m > 15.
func stirlingError(m int) float64 {
	fm := float64(m)
	if m <= 15 {
		f := 1.0 // m! is exact in a float64 up to 22!
		for j := 2; j <= m; j++ {
			f *= float64(j)
		}
		return math.Log(f) - (fm+0.5)*math.Log(fm) + fm - 0.5*math.Log(2*math.Pi)
	}
	m2 := fm * fm
	return (1.0/12 - (1.0/360-(1.0/1260-(1.0/1680-1.0/1188/m2)/m2)/m2)/m2) / fm
}

// binomialDeviance returns D(x, M) = x log(x/M) + M - x for x >= 0, M > 0.
// Near x = M it is summed as the series in v = (x - M)/(x + M),
//
//	D = (x - M) v + 2x (v³/3 + v⁵/5 + ...)
//
// which avoids the cancellation of the direct form.
func binomialDeviance(x, M float64) float64 {
	if x == 0 {
		return M
	}
	if math.Abs(x-M) >= 0.1*(x+M) {
		return x*math.Log(x/M) + M - x
	}
	v := (x - M) / (x + M)
	s := (x - M) * v
	term := 2 * x * v
	for j := 3; ; j += 2 {
		term *= v * v
		next := s + term/float64(j)
		if next == s {
			return s
		}
		s = next
	}
}

// binomialUpper returns P(X >= k) for X ~ Binomial(n, p), 0 < p < 1.
// Beyond the mean it sums the terms from k up, which fall away from the
// mode (each from the last by the ratio (n-j)p / ((j+1)q)), until they no
// longer change the sum; otherwise it is 1 - binomialLower(k-1, n, p).
func binomialUpper(k, n int, p float64) float64 {
	switch {
	case k <= 0:
		return 1
	case k > n:
		return 0
	case float64(k) <= float64(n)*p:
		return 1 - binomialLower(k-1, n, p)
	}
	term := binomialPMF(k, n, p)
	sum, ratio := term, p/(1-p)
	for j := k; j < n && term > 0x1p-60*sum; j++ {
		term *= float64(n-j) / float64(j+1) * ratio
		sum += term
	}
	return sum
}

// binomialLower returns P(X <= k) for X ~ Binomial(n, p), 0 < p < 1,
// summing the terms from k down below the mean (each from the last by the
// ratio j q / ((n-j+1) p)), else 1 - binomialUpper(k+1, n, p).
func binomialLower(k, n int, p float64) float64 {
	switch {
	case k < 0:
		return 0
	case k >= n:
		return 1
	case float64(k) >= float64(n)*p:
		return 1 - binomialUpper(k+1, n, p)
	}
	term := binomialPMF(k, n, p)
	sum, ratio := term, (1-p)/p
	for j := k; j > 0 && term > 0x1p-60*sum; j-- {
		term *= float64(j) / float64(n-j+1) * ratio
		sum += term
	}
	return sum
}
