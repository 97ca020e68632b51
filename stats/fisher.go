package stats

import (
	"fmt"
	"math"
	"math/bits"
)

// FisherExactResult is Fisher's exact test of a 2x2 table.
type FisherExactResult struct {
	// P is the p-value for the null hypothesis that the odds ratio is 1.
	P float64
	// ConditionalOR is the conditional maximum-likelihood estimate of the
	// odds ratio, fisher.test's $estimate: 0 when x is at the lowest value
	// the margins allow, +Inf at the highest. It is not the contract's
	// odds_ratio, the sample odds ratio ad/bc that OddsRatio returns (on
	// examples/focused_deterrence.csv, 64 of 197 treated and 75 of 191
	// controls re-offending, they are 0.7448 and 0.7443).
	ConditionalOR float64
}

// FisherExact tests whether x events out of nx (treatment) and y out of ny
// (control) have the same odds, conditional on all the table's margins, as
// R's fisher.test(matrix(c(x, y, nx-x, ny-y), 2)) does. Given the margins,
// the treatment's events X are hypergeometric,
//
//	P(X = i) = C(nx, i) C(ny, e-i) / C(nx+ny, e),  e = x + y,
//
// on max(0, e-ny) <= i <= min(nx, e). The two-sided p-value is the sum of
// P(X = i) over the i with P(X = i) <= P(X = x) (1 + 1e-7), R's relative
// tolerance for ties; Less sums i <= x and Greater i >= x.
//
// ConditionalOR estimates the odds ratio ψ as fisher.test does, by
// conditional maximum likelihood: under ψ, X has the noncentral
// hypergeometric distribution P_ψ(X = i) ∝ P(X = i) ψ^i, and the estimate
// solves E_ψ[X] = x (see FisherConditionalORInterval for its interval). The
// contract's odds_ratio is the sample odds ratio of OddsRatio instead. Probabilities are computed in
// log space from Loader's binomial (see PoissonTest), and the tails are
// summed outwards from their largest term, so huge tables are fast and
// p-values far below 1e-300 keep their precision until they leave the
// double range.
//
// Special cases are
//
//	FisherExact(0, nx, 0, ny, ...) = P 1, ConditionalOR 0 (no events: one
//	table is possible; likewise with every unit an event)
//	x at the lowest value the margins allow = ConditionalOR 0
//	x at the highest value the margins allow = ConditionalOR +Inf
//	nx or ny < 1 = error wrapping ErrTooFew
//	x < 0, x > nx, y < 0 or y > ny = error wrapping ErrDomain
//	nx or ny > 2^40 (2^29 where int has 32 bits) = error wrapping ErrDomain
func FisherExact(x, nx, y, ny int, alt Alternative) (FisherExactResult, error) {
	if err := checkTwoByTwo("fisher exact test", x, nx, y, ny); err != nil {
		return FisherExactResult{}, err
	}
	h := hypergeomDist(x+y, nx, ny)
	var lp float64
	switch alt {
	case Less:
		lp = h.logLower(x)
	case Greater:
		lp = h.logUpper(x)
	default:
		thr := h.logpmf(x) + math.Log1p(1e-7)
		if h.logpmf(h.mode) <= thr {
			lp = 0
		} else {
			j1 := h.lastAtMost(h.mode, thr)
			j2 := h.firstAtMost(h.mode, thr)
			lp = logAddExp(h.logLower(j1), h.logUpper(j2))
		}
	}
	return FisherExactResult{P: math.Min(1, math.Exp(lp)), ConditionalOR: fisherMLE(x, x+y, nx, ny)}, nil
}

// FisherConditionalORInterval returns the conditional (exact) confidence
// interval of the odds ratio that fisher.test reports with FisherExact's
// table ($conf.int), the interval that goes with ConditionalOR; OddsRatio
// has the contract's interval (Woolf's). The bounds solve
//
//	P_ψL(X >= x) = α,  P_ψU(X <= x) = α,  α = (1-level)/2,
//
// under the noncentral hypergeometric distribution (see FisherExact); a
// one-sided alternative takes α = 1-level for its one finite bound (Less
// gives [0, ψU], Greater [ψL, +Inf]). R solves these equations with
// uniroot's default tolerance (about 1e-4 relative, and much worse when a
// bound exceeds about 1e3); evalkit solves them to about 1e-12.
//
// Special cases are
//
//	x at the lowest value the margins allow = lo 0
//	x at the highest value the margins allow = hi +Inf
//	the errors of FisherExact, and a level outside (0, 1) = error wrapping ErrDomain
func FisherConditionalORInterval(x, nx, y, ny int, alt Alternative, level float64) (lo, hi float64, err error) {
	if err := checkTwoByTwo("fisher exact interval", x, nx, y, ny); err != nil {
		return 0, 0, err
	}
	if !(level > 0 && level < 1) {
		return 0, 0, fmt.Errorf("fisher exact interval: level %g outside (0, 1): %w", level, ErrDomain)
	}
	lo, hi = 0, math.Inf(1)
	switch alt {
	case Less:
		hi = fisherUpperBound(x, x+y, nx, ny, 1-level)
	case Greater:
		lo = fisherLowerBound(x, x+y, nx, ny, 1-level)
	default:
		lo = fisherLowerBound(x, x+y, nx, ny, (1-level)/2)
		hi = fisherUpperBound(x, x+y, nx, ny, (1-level)/2)
	}
	return lo, hi, nil
}

// maxTableN bounds the size of an arm in a 2x2 table (and each count of a
// Poisson test): beyond it the exact tails would take too long. It is 2^40
// where int has 64 bits and a quarter of math.MaxInt (2^29) where it has 32,
// so that sums such as nx + ny + 2 never overflow int.
const maxTableN = min(1<<40, math.MaxInt/4)

// checkTwoByTwo checks the counts of a 2x2 table given as events and sizes
// of two arms.
func checkTwoByTwo(what string, x, nx, y, ny int) error {
	if nx > maxTableN || ny > maxTableN {
		return fmt.Errorf("%s: arms of %d and %d units are beyond the %d this computes: %w", what, nx, ny, maxTableN, ErrDomain)
	}
	if nx < 1 || ny < 1 {
		return fmt.Errorf("%s: an arm has no units (n = %d, %d): %w", what, nx, ny, ErrTooFew)
	}
	if x < 0 || x > nx || y < 0 || y > ny {
		return fmt.Errorf("%s: events (%d of %d, %d of %d) outside 0..n: %w", what, x, nx, y, ny, ErrDomain)
	}
	return nil
}

// hypergeomDist is the distribution of the events in the first of two
// groups of sizes n1 and n2 when e events fall among them at random. Its
// log-pmf is built from three binomial terms with the same π = e/(n1+n2),
//
//	P(X = i) = b(i; n1, π) b(e-i; n2, π) / b(e; n1+n2, π),
//
// each of which Loader's expansion computes without cancellation.
func hypergeomDist(e, n1, n2 int) unimodalTail {
	tot := float64(n1 + n2)
	p := float64(e) / tot
	q := float64(n1+n2-e) / tot
	lnorm := loaderLogBinom(float64(e), tot, p, q)
	lo, hi := max(0, e-n2), min(n1, e)
	// floor((e+1)(n1+1)/(n1+n2+2)) in 128 bits: the product overflows 64.
	hi128, lo128 := bits.Mul64(uint64(e+1), uint64(n1+1))
	m, _ := bits.Div64(hi128, lo128, uint64(n1+n2+2))
	mode := int(m)
	mode = min(max(mode, lo), hi)
	return unimodalTail{lo: lo, hi: hi, mode: mode, logpmf: func(i int) float64 {
		if i < lo || i > hi {
			return math.Inf(-1)
		}
		return loaderLogBinom(float64(i), float64(n1), p, q) +
			loaderLogBinom(float64(e-i), float64(n2), p, q) - lnorm
	}}
}

// fisherNoncentral is the noncentral hypergeometric distribution of the
// events among n1 when e events fall among n1 + n2 with odds ratio
// exp(lpsi), normalised by summing outwards from its mode.
func fisherNoncentral(e, n1, n2 int, lpsi float64) unimodalTail {
	h := hypergeomDist(e, n1, n2)
	// log of P(i+1)/P(i), which decreases in i.
	lratio := func(i int) float64 {
		return lpsi + math.Log(float64(n1-i)) + math.Log(float64(e-i)) -
			math.Log(float64(i+1)) - math.Log(float64(n2-e+i+1))
	}
	a, b := h.lo, h.hi // the mode is the first i with ratio < 1 (or hi)
	for a < b {
		m := a + (b-a)/2
		if lratio(m) < 0 {
			b = m
		} else {
			a = m + 1
		}
	}
	mode := a
	lw := func(i int) float64 { return h.logpmf(i) + float64(i)*lpsi }
	u := unimodalTail{lo: h.lo, hi: h.hi, mode: mode, logpmf: lw}
	lz := lw(mode)
	if mode > h.lo {
		lz = logAddExp(lz, u.sumFrom(mode-1, -1))
	}
	if mode < h.hi {
		lz = logAddExp(lz, u.sumFrom(mode+1, +1))
	}
	u.logpmf = func(i int) float64 { return lw(i) - lz }
	return u
}

// fisherMean returns E_ψ[X] and Var_ψ[X] under the noncentral
// distribution, summed outwards from the mode.
func fisherMean(u unimodalTail) (mean, variance float64) {
	var s0, s1, s2 float64
	add := func(i int) bool {
		p := math.Exp(u.logpmf(i))
		d := float64(i - u.mode)
		s0 += p
		s1 += p * d
		s2 += p * d * d
		return p >= 1e-17*s0 || p == 0 && s0 == 0
	}
	add(u.mode)
	for i := u.mode - 1; i >= u.lo && add(i); i-- {
	}
	for i := u.mode + 1; i <= u.hi && add(i); i++ {
	}
	m := s1 / s0
	return float64(u.mode) + m, math.Max(0, s2/s0-m*m)
}

// fisherMLE returns the conditional maximum-likelihood odds ratio for x
// events among nx when e events fall among nx + ny: the ψ with
// E_ψ[X] = x, by Newton's method on log ψ (dE/dlog ψ = Var_ψ[X]).
func fisherMLE(x, e, nx, ny int) float64 {
	lo, hi := max(0, e-ny), min(nx, e)
	switch {
	case x == lo:
		return 0
	case x == hi:
		return math.Inf(1)
	}
	t := newtonLogit(0, func(lpsi float64) (float64, float64) {
		m, v := fisherMean(fisherNoncentral(e, nx, ny, lpsi))
		return m - float64(x), v
	})
	return math.Exp(t)
}

// fisherLowerBound returns the ψ with P_ψ(X >= x) = a, 0 when x is the
// lowest value possible.
func fisherLowerBound(x, e, nx, ny int, a float64) float64 {
	if x == max(0, e-ny) {
		return 0
	}
	la := math.Log(a)
	return math.Exp(fisherRoot(func(lpsi float64) float64 {
		return fisherNoncentral(e, nx, ny, lpsi).logUpper(x) - la
	}))
}

// fisherUpperBound returns the ψ with P_ψ(X <= x) = a, +Inf when x is the
// highest value possible.
func fisherUpperBound(x, e, nx, ny int, a float64) float64 {
	if x == min(nx, e) {
		return math.Inf(1)
	}
	la := math.Log(a)
	return math.Exp(fisherRoot(func(lpsi float64) float64 {
		return la - fisherNoncentral(e, nx, ny, lpsi).logLower(x)
	}))
}

// fisherRoot finds the root of an increasing f of log ψ by the Illinois
// variant of regula falsi, which keeps a bracket and converges
// superlinearly.
func fisherRoot(f func(float64) float64) float64 {
	a, b := -8.0, 8.0
	fa, fb := f(a), f(b)
	for fa > 0 && a > -1400 {
		a, b, fb = a*2, a, fa
		fa = f(a)
	}
	for fb < 0 && b < 1400 {
		a, b, fa = b, b*2, fb
		fb = f(b)
	}
	if fa > 0 {
		return a
	}
	if fb < 0 {
		return b
	}
	side := 0
	for i := 0; i < 200 && b-a > 1e-13*math.Max(1, math.Abs(a)); i++ {
		c := (a*fb - b*fa) / (fb - fa)
		if !(c > a && c < b) {
			c = a + (b-a)/2
		}
		fc := f(c)
		switch {
		case fc == 0:
			return c
		case fc < 0:
			a, fa = c, fc
			if side == -1 {
				fb /= 2
			}
			side = -1
		default:
			b, fb = c, fc
			if side == 1 {
				fa /= 2
			}
			side = 1
		}
	}
	return a + (b-a)/2
}
