package stats

import "math"

// lmmBrentMin returns an x in [lo, hi] at which f is (locally) least, by
// Brent's method: golden-section steps, replaced by a parabola through the
// three best points whenever it falls well inside the interval and moves
// by less than half the step before last [1, chapter 5]. It stops when the
// interval around the best point is within 2(tolRel |x| + tolAbs), and after
// maxEval evaluations of f at the most. It returns the best x, f(x) and the
// number of evaluations.
//
// [1] Brent, R. P. (1973). Algorithms for Minimization without Derivatives.
// Prentice-Hall.
func lmmBrentMin(f func(float64) float64, lo, hi, tolRel, tolAbs float64, maxEval int) (x, fx float64, evals int) {
	golden := (3 - math.Sqrt(5)) / 2
	a, b := lo, hi
	x = a + golden*(b-a)
	w, v := x, x
	fx = f(x)
	evals = 1
	fw, fv := fx, fx
	var step, prev float64 // the last step and the one before it
	for evals < maxEval {
		mid := (a + b) / 2
		tol := tolRel*math.Abs(x) + tolAbs
		if math.Abs(x-mid) <= 2*tol-(b-a)/2 {
			break
		}
		parabolic := false
		if math.Abs(prev) > tol {
			// The parabola through (v, fv), (w, fw), (x, fx): its vertex is
			// x + num/den.
			r := (x - w) * (fx - fv)
			s := (x - v) * (fx - fw)
			num := (x-v)*s - (x-w)*r
			den := 2 * (s - r)
			if den > 0 {
				num = -num
			} else {
				den = -den
			}
			if math.Abs(num) < math.Abs(den*prev/2) && num > den*(a-x) && num < den*(b-x) {
				prev = step
				step = num / den
				parabolic = true
				if u := x + step; u-a < 2*tol || b-u < 2*tol {
					step = math.Copysign(tol, mid-x)
				}
			}
		}
		if !parabolic {
			if x < mid {
				prev = b - x
			} else {
				prev = a - x
			}
			step = golden * prev
		}
		if math.Abs(step) < tol {
			step = math.Copysign(tol, step)
		}
		u := x + step
		fu := f(u)
		evals++
		if fu <= fx {
			if u < x {
				b = x
			} else {
				a = x
			}
			v, fv = w, fw
			w, fw = x, fx
			x, fx = u, fu
			continue
		}
		if u < x {
			a = u
		} else {
			b = u
		}
		switch {
		case fu <= fw || w == x:
			v, fv = w, fw
			w, fw = u, fu
		case fu <= fv || v == x || v == w:
			v, fv = u, fu
		}
	}
	return x, fx, evals
}
