package rct

import (
	"math"

	"gonum.org/v1/gonum/mathext"
)

// clopperPearson returns the Clopper-Pearson interval of the given level
// for a binomial proportion with x successes in n trials, as R's
// binom.test(x, n, conf.level = level)$conf.int: with alpha = (1 - level)/2
// and X ~ Binomial(n, π), the bounds solve
//
//	P(X >= x | π_low) = alpha,   P(X <= x | π_high) = alpha,
//
// that is π_low = qbeta(alpha, x, n - x + 1) and π_high = qbeta(1 - alpha,
// x + 1, n - x); π_low = 0 when x = 0 and π_high = 1 when x = n.
//
// gonum's inverse regularised incomplete beta, whose error reaches 1e-9
// relative near n = 1e6 (its log-beta prefactor loses digits to
// cancellation in log Γ), gives the starting point; Newton's method on the
// binomial tails of binomialUpper and binomialLower, kept inside a bracket
// (bisection when a step leaves it), refines it to about 1e-14 relative.
//
// Special cases: NaN bounds when n < 1, x < 0, x > n, or level is not in
// (0, 1).
func clopperPearson(x, n int, level float64) (low, high float64) {
	if n < 1 || x < 0 || x > n || !(level > 0 && level < 1) {
		return math.NaN(), math.NaN()
	}
	alpha := (1 - level) / 2
	low, high = 0, 1
	fx, fn := float64(x), float64(n)
	if x > 0 {
		start := mathext.InvRegIncBeta(fx, fn-fx+1, alpha)
		// P(X >= x) rises with π; its derivative is n P(Y = x-1),
		// Y ~ Binomial(n-1, π).
		low = binomialRoot(start, func(pi float64) (float64, float64) {
			return binomialUpper(x, n, pi) - alpha, fn * binomialPMF(x-1, n-1, pi)
		})
	}
	if x < n {
		start := mathext.InvRegIncBeta(fx+1, fn-fx, 1-alpha)
		// alpha - P(X <= x) rises with π, with derivative n P(Y = x).
		high = binomialRoot(start, func(pi float64) (float64, float64) {
			return alpha - binomialLower(x, n, pi), fn * binomialPMF(x, n-1, pi)
		})
	}
	return low, high
}

// binomialRoot returns the root in (0, 1) of an increasing function f,
// which returns its value and derivative, by Newton's method from start
// within a bracket that every evaluation narrows; a step that leaves the
// bracket (or a start outside (0, 1)) is replaced by its midpoint. It stops
// when a step changes π by at most 4 ulps, or after 200 evaluations.
func binomialRoot(start float64, f func(pi float64) (value, slope float64)) float64 {
	lo, hi := 0.0, 1.0
	pi := start
	if !(pi > lo && pi < hi) {
		pi = 0.5
	}
	for range 200 {
		v, d := f(pi)
		switch {
		case v == 0:
			return pi
		case v < 0:
			lo = pi
		default:
			hi = pi
		}
		next := pi - v/d
		if !(next > lo && next < hi) {
			next = lo + (hi-lo)/2
		}
		if math.Abs(next-pi) <= 4*0x1p-52*pi || next == lo || next == hi {
			return next
		}
		pi = next
	}
	return pi
}
