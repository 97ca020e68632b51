package power

import (
	"fmt"
	"math"

	"github.com/evalkit/evalkit/internal/brent"
)

// solveRelTol is the relative tolerance of every root the package solves
// for (the contract asks for 1e-10; Brent's method gets there in a few more
// steps than pwr's eps^0.25).
const solveRelTol = 1e-13

// solveIncreasing returns the smallest x ≥ lo with f(x) ≥ target, for f
// increasing in x: lo itself when f(lo) already reaches the target, else the
// root of f(x) = target. It brackets the root around guess (a starting
// value, such as a normal approximation; any positive number works) by
// trying guess·(1 ∓ 3%) and then doubling up to max, and refines it by
// Brent's method to a relative width of solveRelTol.
func solveIncreasing(f func(float64) float64, target, lo, guess, max float64) (float64, error) {
	undefined := func(x float64) error { return fmt.Errorf("%w: not defined at %g", ErrUnreachable, x) }
	if !(guess > 0) || guess > max {
		guess = math.Min(max, math.Max(lo, 1)) // NaN, or too large to be of use
	}
	var flo float64
	checkLo := func() (bool, error) {
		flo = f(lo)
		if math.IsNaN(flo) {
			return false, undefined(lo)
		}
		return flo >= target, nil
	}
	if a := 0.97 * guess; a > lo && a < max {
		fa := f(a)
		if math.IsNaN(fa) {
			return math.NaN(), undefined(a)
		}
		if fa >= target {
			if done, err := checkLo(); done || err != nil {
				return lo, err
			}
			return brentRoot(func(x float64) float64 { return f(x) - target }, lo, a, flo-target, fa-target), nil
		}
		lo, flo = a, fa
	} else if done, err := checkLo(); done || err != nil {
		return lo, err
	}
	hi := math.Max(1.03*guess, 1.03*lo)
	if hi <= lo {
		hi = lo + 1
	}
	if hi > max {
		return math.NaN(), fmt.Errorf("%w below %g, the largest value searched", ErrUnreachable, max)
	}
	fhi := f(hi)
	for !(fhi >= target) {
		if math.IsNaN(fhi) {
			return math.NaN(), undefined(hi)
		}
		lo, flo = hi, fhi
		hi *= 2
		if hi > max {
			return math.NaN(), fmt.Errorf("%w below %g, the largest value searched", ErrUnreachable, max)
		}
		fhi = f(hi)
	}
	return brentRoot(func(x float64) float64 { return f(x) - target }, lo, hi, flo-target, fhi-target), nil
}

// normalGuess returns (z_{1−α/s} + z_{power})² · v, the normal
// approximation to a sample size whose variance factor is v, with s = 2 for
// a two-sided test.
func normalGuess(alpha, pw float64, twoSided bool, v float64) float64 {
	if twoSided {
		alpha /= 2
	}
	z := normalUpperQuantile(alpha) + normalUpperQuantile(1-pw)
	return z * z * v
}

// brentRoot finds a zero of g in [a, b], where g(a) = ga < 0 ≤ g(b) = gb,
// by Brent's method to a relative width of solveRelTol.
func brentRoot(g func(float64) float64, a, b, ga, gb float64) float64 {
	x, _ := brent.Root(g, a, b, ga, gb, solveRelTol*1e-300, solveRelTol)
	return x
}
