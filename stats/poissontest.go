package stats

import (
	"fmt"
	"math"
)

// PoissonTestResult is the exact comparison of two Poisson rates.
type PoissonTestResult struct {
	// RateRatio is (x/tx) / (y/ty): +Inf when y is 0 and x is not.
	RateRatio float64
	// P is the exact p-value for the null hypothesis RateRatio = 1.
	P float64
	// CILow and CIHigh bound the exact (conditional, Clopper-Pearson)
	// confidence interval of RateRatio; CIHigh is +Inf when y is 0.
	CILow, CIHigh float64
}

// PoissonTest compares the rate of x events over exposure tx (treatment)
// with that of y events over exposure ty (control), as R's
// poisson.test(c(x, y), c(tx, ty)) does. Given the total x + y, x is
// binomial with
//
//	n = x + y,  π = r tx / (r tx + ty)  (r = 1 under the null),
//
// so the p-value is binom.test's for x successes out of n with π0 =
// tx/(tx+ty): two-sided, it sums the probabilities of the outcomes no more
// probable than x (within R's relative tolerance 1 + 1e-7). The interval is
// the Clopper-Pearson interval [πL, πU] for π turned into rate ratios,
//
//	RR = π/(1-π) · ty/tx,
//
// and level is its coverage (0.95 for a 95% interval). Probabilities are
// computed in log space with Loader's saddle-point binomial [1], so very
// large counts work and p-values below 1e-300 do not underflow before they
// leave the double range.
//
// Special cases are
//
//	PoissonTest(0, tx, 0, ty, ...) = error wrapping ErrTooFew (no events)
//	PoissonTest(x, tx, 0, ty, ...) = RateRatio +Inf, CIHigh +Inf
//	PoissonTest(0, tx, y, ty, ...) = RateRatio 0, CILow 0
//	a negative count, an exposure <= 0 or a level outside (0, 1) = error wrapping ErrDomain
//	a count above 2^40 (2^29 where int has 32 bits) = error wrapping ErrDomain
//
// [1] Loader, C. (2000). Fast and accurate computation of binomial
// probabilities. Technical report, Bell Labs.
func PoissonTest(x int, tx float64, y int, ty float64, alt Alternative, level float64) (PoissonTestResult, error) {
	switch {
	case x < 0 || y < 0:
		return PoissonTestResult{}, fmt.Errorf("poisson test: negative count (%d, %d): %w", x, y, ErrDomain)
	case !(tx > 0) || !(ty > 0) || math.IsInf(tx, 0) || math.IsInf(ty, 0):
		return PoissonTestResult{}, fmt.Errorf("poisson test: exposure must be positive and finite (%g, %g): %w", tx, ty, ErrDomain)
	case !(level > 0 && level < 1):
		return PoissonTestResult{}, fmt.Errorf("poisson test: level %g outside (0, 1): %w", level, ErrDomain)
	case x > maxTableN || y > maxTableN:
		return PoissonTestResult{}, fmt.Errorf("poisson test: counts %d and %d are beyond the %d this computes: %w", x, y, maxTableN, ErrDomain)
	case x+y == 0:
		return PoissonTestResult{}, fmt.Errorf("poisson test: no events in either arm: %w", ErrTooFew)
	}
	n := x + y
	pi0 := tx / (tx + ty)
	res := PoissonTestResult{
		RateRatio: (float64(x) / tx) / (float64(y) / ty),
		P:         binomTestP(x, n, pi0, 1-pi0, alt),
	}
	// Clopper-Pearson bounds on the logit scale, t = log(π/(1-π)), so that
	// RR = exp(t) ty/tx keeps its precision when π is near 1.
	lo, hi := math.Inf(-1), math.Inf(1)
	switch alt {
	case TwoSided:
		lo, hi = clopperPearsonLogit(x, n, (1-level)/2)
	case Less:
		_, hi = clopperPearsonLogit(x, n, 1-level)
	case Greater:
		lo, _ = clopperPearsonLogit(x, n, 1-level)
	}
	res.CILow = math.Exp(lo) * ty / tx
	res.CIHigh = math.Exp(hi) * ty / tx
	return res, nil
}

// binomTestP is binom.test's p-value for k successes out of n with success
// probability p (q = 1-p given separately to keep its precision).
func binomTestP(k, n int, p, q float64, alt Alternative) float64 {
	b := binomDist(n, p, q)
	switch alt {
	case Less:
		return math.Exp(b.logLower(k))
	case Greater:
		return math.Exp(b.logUpper(k))
	}
	m := float64(n) * p
	if float64(k) == m {
		return 1
	}
	thr := b.logpmf(k) + math.Log1p(1e-7)
	var lp float64
	if float64(k) < m {
		// Outcomes above the mean no more probable than k: a suffix.
		j := b.firstAtMost(int(math.Ceil(m)), thr)
		lp = logAddExp(b.logLower(k), b.logUpper(j))
	} else {
		// Outcomes below the mean no more probable than k: a prefix.
		j := b.lastAtMost(int(math.Floor(m)), thr)
		lp = logAddExp(b.logLower(j), b.logUpper(k))
	}
	return math.Min(1, math.Exp(lp))
}

// clopperPearsonLogit returns the logits of the Clopper-Pearson bounds for
// k successes out of n, each tail holding a: the lower bound solves
// P(X >= k | π) = a (-Inf when k = 0), the upper P(X <= k | π) = a (+Inf
// when k = n). Both tails are smooth in t = logit(π), with
//
//	d/dπ P(X >= k) = n b(k-1; n-1, π),  d/dπ P(X <= k) = -n b(k; n-1, π),
//
// so a safeguarded Newton iteration on the log of the tail finds them.
func clopperPearsonLogit(k, n int, a float64) (lo, hi float64) {
	la := math.Log(a)
	ln := math.Log(float64(n))
	lo, hi = math.Inf(-1), math.Inf(1)
	t0 := math.Log(float64(k)+0.5) - math.Log(float64(n-k)+0.5)
	if k > 0 {
		lo = newtonLogit(t0, func(t float64) (float64, float64) {
			p, q := logitProbs(t)
			lu := binomDist(n, p, q).logUpper(k)
			d := math.Exp(ln + loaderLogBinom(float64(k-1), float64(n-1), p, q) + math.Log(p) + math.Log(q) - lu)
			return lu - la, d
		})
	}
	if k < n {
		hi = newtonLogit(t0, func(t float64) (float64, float64) {
			p, q := logitProbs(t)
			ll := binomDist(n, p, q).logLower(k)
			d := math.Exp(ln + loaderLogBinom(float64(k), float64(n-1), p, q) + math.Log(p) + math.Log(q) - ll)
			return la - ll, d
		})
	}
	return lo, hi
}

// logitProbs returns π and 1-π for the logit t, each to full precision.
func logitProbs(t float64) (p, q float64) {
	return 1 / (1 + math.Exp(-t)), 1 / (1 + math.Exp(t))
}

// newtonLogit finds the root of an increasing f (returning its value and
// derivative) on the logit scale, starting at t, by Newton's method kept
// inside a bracket that bisection shrinks when a step would leave it.
func newtonLogit(t float64, f func(float64) (float64, float64)) float64 {
	lo, hi := -745.0, 745.0
	for v, _ := f(lo); v > 0 && lo > -1e6; v, _ = f(lo) {
		lo *= 2
	}
	for v, _ := f(hi); v < 0 && hi < 1e6; v, _ = f(hi) {
		hi *= 2
	}
	for i := 0; i < 300; i++ {
		if !(t > lo && t < hi) {
			t = lo + (hi-lo)/2
		}
		v, d := f(t)
		if v == 0 {
			return t
		}
		if v < 0 {
			lo = t
		} else {
			hi = t
		}
		next := t - v/d
		if !(next > lo && next < hi) {
			next = lo + (hi-lo)/2
		}
		if math.Abs(next-t) <= 1e-15*math.Max(1, math.Abs(t)) || hi-lo <= 1e-15*math.Max(1, math.Abs(t)) {
			return next
		}
		t = next
	}
	return t
}

// logAddExp returns log(exp(a) + exp(b)) without overflow or underflow.
func logAddExp(a, b float64) float64 {
	if math.IsInf(a, -1) {
		return b
	}
	if math.IsInf(b, -1) {
		return a
	}
	if a < b {
		a, b = b, a
	}
	return a + math.Log1p(math.Exp(b-a))
}

// unimodalTail sums a unimodal probability mass function on the integers
// lo..hi, given as logpmf, whose mode is mode. Tails are summed outwards
// from their inner end, where the terms are largest, until the rest cannot
// change the sum, so their cost grows with the spread of the distribution,
// not with its support.
type unimodalTail struct {
	lo, hi, mode int
	logpmf       func(int) float64
}

// logLower returns log P(X <= k).
func (u unimodalTail) logLower(k int) float64 {
	switch {
	case k < u.lo:
		return math.Inf(-1)
	case k >= u.hi:
		return 0
	case k < u.mode:
		return u.sumFrom(k, -1)
	}
	return math.Log1p(-math.Exp(u.sumFrom(k+1, +1)))
}

// logUpper returns log P(X >= k).
func (u unimodalTail) logUpper(k int) float64 {
	switch {
	case k > u.hi:
		return math.Inf(-1)
	case k <= u.lo:
		return 0
	case k > u.mode:
		return u.sumFrom(k, +1)
	}
	return math.Log1p(-math.Exp(u.sumFrom(k-1, -1)))
}

// sumFrom returns the log of the sum of the pmf from k outwards in the
// direction step (±1), k lying on the side of the mode where the terms
// decrease in that direction.
func (u unimodalTail) sumFrom(k, step int) float64 {
	l0 := u.logpmf(k)
	if math.IsInf(l0, -1) {
		return l0
	}
	s := 1.0
	for i := k + step; i >= u.lo && i <= u.hi; i += step {
		t := math.Exp(u.logpmf(i) - l0)
		s += t
		if t < 1e-17*s {
			break
		}
	}
	return l0 + math.Log(s)
}

// firstAtMost returns the smallest i in [from, hi], from >= mode, with
// logpmf(i) <= thr, or hi+1 if there is none.
func (u unimodalTail) firstAtMost(from int, thr float64) int {
	a, b := max(from, u.lo), u.hi+1 // answer in [a, b]
	for a < b {
		m := a + (b-a)/2
		if u.logpmf(m) <= thr {
			b = m
		} else {
			a = m + 1
		}
	}
	return a
}

// lastAtMost returns the largest i in [lo, to], to <= mode, with
// logpmf(i) <= thr, or lo-1 if there is none.
func (u unimodalTail) lastAtMost(to int, thr float64) int {
	a, b := u.lo-1, min(to, u.hi) // answer in [a, b]
	for a < b {
		m := b - (b-a)/2
		if u.logpmf(m) <= thr {
			a = m
		} else {
			b = m - 1
		}
	}
	return a
}

// binomDist is the Binomial(n, p) distribution (q = 1-p) as a unimodalTail.
func binomDist(n int, p, q float64) unimodalTail {
	mode := int(math.Floor(float64(n+1) * p))
	mode = min(max(mode, 0), n)
	return unimodalTail{lo: 0, hi: n, mode: mode, logpmf: func(k int) float64 {
		return loaderLogBinom(float64(k), float64(n), p, q)
	}}
}

// loaderLogBinom returns log P(X = x) for X ~ Binomial(n, p), q = 1-p, by
// Loader's saddle-point expansion [1]:
//
//	log P = δ(n) - δ(x) - δ(n-x) - D(x; np) - D(n-x; nq) - ½ log(2π x (n-x)/n)
//
// where δ is the error of Stirling's formula and D(x; m) = x log(x/m) + m - x
// is computed without cancellation near x = m.
func loaderLogBinom(x, n, p, q float64) float64 {
	switch {
	case x < 0 || x > n:
		return math.Inf(-1)
	case p == 0:
		if x == 0 {
			return 0
		}
		return math.Inf(-1)
	case q == 0:
		if x == n {
			return 0
		}
		return math.Inf(-1)
	case x == 0:
		if n == 0 {
			return 0
		}
		if p < 0.1 {
			return -loaderDeviance(n, n*q) - n*p
		}
		return n * math.Log(q)
	case x == n:
		if q < 0.1 {
			return -loaderDeviance(n, n*p) - n*q
		}
		return n * math.Log(p)
	}
	lc := loaderStirlingErr(n) - loaderStirlingErr(x) - loaderStirlingErr(n-x) -
		loaderDeviance(x, n*p) - loaderDeviance(n-x, n*q)
	lf := math.Log(2*math.Pi) + math.Log(x) + math.Log1p(-x/n)
	return lc - 0.5*lf
}

// loaderStirlingErr returns δ(n) = log(n!) - log(sqrt(2πn) (n/e)^n), from
// the Stirling series for n > 15 and from log Γ below.
func loaderStirlingErr(n float64) float64 {
	if n <= 15 {
		if n == 0 {
			return 0
		}
		lg, _ := math.Lgamma(n + 1)
		return lg - (n+0.5)*math.Log(n) + n - 0.5*math.Log(2*math.Pi)
	}
	// Coefficients B_{2k} / (2k (2k-1)) of the series in 1/n.
	const (
		s0 = 1.0 / 12
		s1 = 1.0 / 360
		s2 = 1.0 / 1260
		s3 = 1.0 / 1680
		s4 = 1.0 / 1188
	)
	nn := n * n
	switch {
	case n > 500:
		return (s0 - s1/nn) / n
	case n > 80:
		return (s0 - (s1-s2/nn)/nn) / n
	case n > 35:
		return (s0 - (s1-(s2-s3/nn)/nn)/nn) / n
	}
	return (s0 - (s1-(s2-(s3-s4/nn)/nn)/nn)/nn) / n
}

// loaderDeviance returns D(x; m) = x log(x/m) + m - x, by its series in
// v = (x-m)/(x+m) when x is near m.
func loaderDeviance(x, m float64) float64 {
	if math.Abs(x-m) < 0.1*(x+m) {
		v := (x - m) / (x + m)
		s := (x - m) * v
		ej := 2 * x * v
		v *= v
		for j := 1; j < 1000; j++ {
			ej *= v
			s1 := s + ej/float64(2*j+1)
			if s1 == s {
				return s1
			}
			s = s1
		}
		return s
	}
	return x*math.Log(x/m) + m - x
}
