package power

import (
	"math"

	"gonum.org/v1/gonum/mathext"
)

// normalCDF is Φ(z), accurate in both tails.
func normalCDF(z float64) float64 { return 0.5 * math.Erfc(-z/math.Sqrt2) }

// normalUpperQuantile is z with 1 − Φ(z) = p, R's qnorm(p, lower.tail = FALSE).
func normalUpperQuantile(p float64) float64 { return -mathext.NormalQuantile(p) }

// solveBetween returns the x in [lo, hi] with f(x) = target for f
// increasing, or ErrUnreachable when f(hi) < target; f(lo) < target is
// assumed.
func solveBetween(f func(float64) float64, target, lo, hi float64) (float64, bool) {
	flo, fhi := f(lo), f(hi)
	if !(fhi >= target) || !(flo < target) {
		return math.NaN(), false
	}
	return brentRoot(func(x float64) float64 { return f(x) - target }, lo, hi, flo-target, fhi-target), true
}
