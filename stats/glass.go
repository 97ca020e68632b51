package stats

import (
	"math"
)

// GlassDelta returns Glass's Δ, the difference in means over the control
// group's standard deviation, without a small-sample correction, with its
// interval at level, as effectsize::glass_delta(x, y, ci = level,
// alternative) (effectsize 0.8.3) computes them [1]:
//
//	Δ  = (mean(x) - mean(y)) / sd(y)
//	h  = 1/ny + var(x) / (nx var(y))
//	t  = Δ / sqrt(h),  df = ny - 1
//
// The interval is [ncp_lo, ncp_hi] sqrt(h), the noncentral t inversion of
// CohensD on these t and df. (effectsize 0.8.3 uses this noncentral t
// method for Glass's Δ too; its later versions may differ.)
//
// Special cases:
//
//	len(x) < 2 or len(y) < 2            error wrapping ErrTooFew
//	a non-finite value, level not in (0, 1), or values so large that a
//	sum overflows                       error wrapping ErrDomain
//	sd(y) = 0, or sd(y) sqrt(h) < 10ε max(|mean(x)|, |mean(y)|)
//	                                    error wrapping ErrZeroVariance
//
// [1] Glass, G. V., McGaw, B. and Smith, M. L. (1981). Meta-Analysis in
// Social Research. Beverly Hills, CA: Sage.
func GlassDelta(x, y []float64, level float64, alt Alternative) (SMDResult, error) {
	if alt != TwoSided && alt != Less && alt != Greater {
		panic("stats: unknown Alternative")
	}
	mx, vx, my, vy, err := ttestMoments(x, y, level, 2)
	if err != nil {
		return SMDResult{}, err
	}
	nx, ny := float64(len(x)), float64(len(y))
	sy := math.Sqrt(vy)
	h := 1/ny + vx/(nx*vy)
	se := sy * math.Sqrt(h)
	if vy == 0 {
		se = 0
	}
	if err := smdCheckScale(mx, my, sy, se); err != nil {
		return SMDResult{}, err
	}
	diff := mx - my
	r := SMDResult{
		Value: diff / sy, SD: sy, T: diff / se, DF: ny - 1,
		Level: level, Alternative: alt,
	}
	r.CILow, r.CIHigh, err = smdInterval(r.T, r.DF, math.Sqrt(h), level, alt)
	if err != nil {
		return SMDResult{}, err
	}
	return r, nil
}
