package stats

import (
	"fmt"
	"math"

	"github.com/evalkit/evalkit/internal/brent"
)

// smdInterval returns the confidence interval at level for a standardised
// mean difference whose t statistic is t on df degrees of freedom, by
// inverting the noncentral t distribution [1] and multiplying the
// noncentrality bounds by scale, as the effectsize package for R (0.8.3)
// does for cohens_d, hedges_g and glass_delta:
//
//	two-sided:  F(t; df, ncp_lo) = (1+level)/2,  F(t; df, ncp_hi) = (1-level)/2
//	Less:       (-Inf, ncp_hi] with F(t; df, ncp_hi) = 1 - level
//	Greater:    [ncp_lo, +Inf) with F(t; df, ncp_lo) = level
//
// where F is NoncentralTCDF, which decreases in ncp.
//
// [1] Steiger, J. H. and Fouladi, R. T. (1997). Noncentrality interval
// estimation and the evaluation of statistical models. In What If There Were
// No Significance Tests?, 221–257. Mahwah, NJ: Erlbaum.
func smdInterval(t, df, scale, level float64, alt Alternative) (lo, hi float64, err error) {
	lo, hi = math.Inf(-1), math.Inf(1)
	switch alt {
	case TwoSided:
		if lo, err = ncpBound(t, df, (1+level)/2); err != nil {
			return lo, hi, err
		}
		if hi, err = ncpBound(t, df, (1-level)/2); err != nil {
			return lo, hi, err
		}
		return lo * scale, hi * scale, nil
	case Less:
		hi, err = ncpBound(t, df, 1-level)
		return lo, hi * scale, err
	case Greater:
		lo, err = ncpBound(t, df, level)
		return lo * scale, hi, err
	}
	panic("stats: unknown Alternative")
}

// ncpBound returns the noncentrality ncp with NoncentralTCDF(t, df, ncp) =
// p, for p in (0, 1). It brackets the root by steps from ncp = t that
// double in length, then narrows the bracket by Brent's method to an
// absolute width of 1e-12 max(1, |t|).
func ncpBound(t, df, p float64) (float64, error) {
	f := func(ncp float64) float64 { return NoncentralTCDF(t, df, ncp) - p }
	a, fa := t, f(t)
	if fa == 0 {
		return a, nil
	}
	// F decreases in ncp: when F(t; ncp = t) > p the root is above t.
	dir := 1.0
	if fa < 0 {
		dir = -1
	}
	step := math.Max(1, math.Abs(t)*1e-3)
	b, fb := a, fa
	for i := 0; ; i++ {
		b = t + dir*step
		fb = f(b)
		if math.IsNaN(fb) || i == 2000 || math.IsInf(b, 0) {
			return math.NaN(), fmt.Errorf("%w: no noncentrality bracket for t = %v, df = %v, p = %v", ErrNoConvergence, t, df, p)
		}
		if fb == 0 {
			return b, nil
		}
		if (fb > 0) != (fa > 0) {
			break
		}
		a, fa = b, fb
		step *= 2
	}
	root, ok := brent.Root(f, a, b, fa, fb, 1e-12*math.Max(1, math.Abs(t)), 0)
	if !ok {
		return math.NaN(), fmt.Errorf("%w: noncentrality bound for t = %v, df = %v, p = %v", ErrNoConvergence, t, df, p)
	}
	return root, nil
}
