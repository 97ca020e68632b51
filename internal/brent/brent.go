// Package brent finds a zero of a function of one variable in a bracket by
// Brent's method, for the solvers of stats (confidence intervals by
// inverting a distribution) and rct/power (sample sizes and effects).
package brent

import "math"

// Root returns x in [a, b] with f(x) = 0 to within the tolerance, where
// fa = f(a) and fb = f(b) have opposite signs (or one is zero), by Brent's
// method [1]: an inverse quadratic or secant step when it falls well inside
// the bracket and shrinks it fast enough, bisection otherwise. The bracket is
// narrowed until its half-width is at most
//
//	2 ε |x| + (absTol + relTol |x|) / 2,
//
// ε the float64 machine epsilon. Root reports false if f returns NaN or
// after 500 iterations.
//
// [1] Brent, R. P. (1973). Algorithms for Minimization without Derivatives,
// chapter 4. Englewood Cliffs, NJ: Prentice-Hall.
func Root(f func(float64) float64, a, b, fa, fb, absTol, relTol float64) (float64, bool) {
	const eps = 0x1p-52
	if fb == 0 {
		return b, true
	}
	// b is the best estimate, a the previous one, and [b, c] the bracket.
	c, fc := a, fa
	d := b - a
	e := d
	for range 500 {
		if (fb > 0) == (fc > 0) {
			c, fc = a, fa
			d = b - a
			e = d
		}
		if math.Abs(fc) < math.Abs(fb) {
			a, b, c = b, c, b
			fa, fb, fc = fb, fc, fb
		}
		tol := 2*eps*math.Abs(b) + (absTol+relTol*math.Abs(b))/2
		m := (c - b) / 2
		if math.Abs(m) <= tol || fb == 0 {
			return b, true
		}
		if math.Abs(e) >= tol && math.Abs(fa) > math.Abs(fb) {
			var p, q float64
			s := fb / fa
			if a == c {
				p = 2 * m * s // secant
				q = 1 - s
			} else {
				q = fa / fc // inverse quadratic
				r := fb / fc
				p = s * (2*m*q*(q-r) - (b-a)*(r-1))
				q = (q - 1) * (r - 1) * (s - 1)
			}
			if p > 0 {
				q = -q
			} else {
				p = -p
			}
			if 2*p < math.Min(3*m*q-math.Abs(tol*q), math.Abs(e*q)) {
				e, d = d, p/q
			} else {
				d, e = m, m
			}
		} else {
			d, e = m, m
		}
		a, fa = b, fb
		switch {
		case math.Abs(d) > tol:
			b += d
		case m > 0:
			b += tol
		default:
			b -= tol
		}
		fb = f(b)
		if math.IsNaN(fb) {
			return math.NaN(), false
		}
	}
	return b, false
}
