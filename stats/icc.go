package stats

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mathext"
)

// SearleICCInterval returns Searle's confidence interval for the
// intraclass correlation from the F ratio of a one-way analysis of
// variance, F = MS(between)/MS(within) with df1 and df2 degrees of freedom,
// and n0 the clusters' average size (Donner's n0 for unequal sizes, see
// ClusterANOVA) [1, 2]:
//
//	low  = (F/F_U - 1) / (F/F_U + n0 - 1),   F_U = qf(1 - α/2, df1, df2)
//	high = (F/F_L - 1) / (F/F_L + n0 - 1),   F_L = qf(α/2, df1, df2)
//
// with α = 1 - level. The bounds are not truncated at 0: both are below 0
// when F is small enough, and both lie in [-1/(n0 - 1), 1], high being 1
// only when F/F_L is so large that it rounds to 1 (a level a rounding
// error below 1) or F_L is 0. The quantiles
// are taken from
// the regularised incomplete beta function's inverse on the tail asked for,
// so that neither loses digits to 1 - p.
//
// Special cases:
//
//	f < 0, NaN or ±Inf; df1 or df2 not positive; n0 ≤ 1 → error wrapping ErrDomain
//	level not in (0, 1)                                 → error wrapping ErrDomain
//	F quantiles that cannot be computed (extreme df)   → error wrapping ErrDomain
//	f = 0                                               → low = high = -1/(n0 - 1)
//	F_L = 0 (its quantile underflows)                   → high = 1
//
// [1] Searle, S. R. (1971). Linear Models. Wiley, section 9.7.
//
// [2] Donner, A. (1986). A review of inference procedures for the
// intraclass correlation coefficient in the one-way random effects model.
// International Statistical Review 54(1), 67-82.
func SearleICCInterval(f, df1, df2, n0, level float64) (low, high float64, err error) {
	switch {
	case !(level > 0 && level < 1):
		return 0, 0, fmt.Errorf("%w: confidence level %v not in (0, 1)", ErrDomain, level)
	case !(f >= 0) || math.IsInf(f, 0):
		return 0, 0, fmt.Errorf("%w: F ratio %v", ErrDomain, f)
	case !(df1 > 0) || !(df2 > 0) || math.IsInf(df1, 0) || math.IsInf(df2, 0):
		return 0, 0, fmt.Errorf("%w: degrees of freedom %v and %v", ErrDomain, df1, df2)
	case !(n0 > 1) || math.IsInf(n0, 0):
		return 0, 0, fmt.Errorf("%w: average cluster size n0 = %v, not above 1", ErrDomain, n0)
	}
	tail := (1 - level) / 2
	fu := iccFUpper(tail, df1, df2)
	fl := iccFLower(tail, df1, df2)
	if !(fl >= 0 && fu >= fl) || math.IsInf(fu, 0) {
		return 0, 0, fmt.Errorf("%w: the F(%v, %v) quantiles %v and %v cannot be computed", ErrDomain, df1, df2, fl, fu)
	}
	return iccSearleBound(f, fu, n0), iccSearleBound(f, fl, n0), nil
}

// iccSearleBound returns (r - 1)/(r + n0 - 1) for r = f/q, scaled by
// max(r, n0) so that neither sum overflows; r = +Inf (q = 0) gives 1.
func iccSearleBound(f, q, n0 float64) float64 {
	if f == 0 {
		return -1 / (n0 - 1)
	}
	r := f / q
	if math.IsInf(r, 1) {
		return 1
	}
	m := math.Max(r, n0)
	return (r/m - 1/m) / (r/m + (n0-1)/m)
}

// iccFLower returns the F(df1, df2) quantile with lower tail p:
// y = I⁻¹_p(df1/2, df2/2), F = df2 y / (df1 (1 - y)).
func iccFLower(p, df1, df2 float64) float64 {
	y := mathext.InvRegIncBeta(df1/2, df2/2, p)
	return df2 * y / (df1 * (1 - y))
}

// iccFUpper returns the F(df1, df2) quantile with upper tail p, from the
// complement z = 1 - y = I⁻¹_p(df2/2, df1/2): F = df2 (1 - z) / (df1 z).
func iccFUpper(p, df1, df2 float64) float64 {
	z := mathext.InvRegIncBeta(df2/2, df1/2, p)
	return df2 * (1 - z) / (df1 * z)
}
