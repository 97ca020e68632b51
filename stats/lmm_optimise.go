package stats

import (
	"fmt"
	"math"
)

// The search for θ = σ_u/σ: a grid of lmmGridPerDecade points a decade from
// lmmGridLow to lmmGridHigh (ICC from 1e-6 to 1 - 1e-6), extended by the
// same steps up to lmmThetaLimit when the deviance still falls at its top.
const (
	lmmGridLow       = 1e-3
	lmmGridHigh      = 1e3
	lmmGridPerDecade = 4
	lmmThetaLimit    = 1e8
)

// lmmOptimum is the fitted variance ratio with the point there.
type lmmOptimum struct {
	theta float64
	pt    lmmPoint
}

// fitTheta minimises the profiled deviance over θ ≥ 0 (see LMM): the grid
// brackets the least value; at θ = 0 the boundary is the optimum when the
// deviance's slope in λ there is not negative; otherwise Brent's method
// finds the minimum in the bracket, and Newton's method on the analytic
// slope in λ takes it to full precision.
func (d *lmmData) fitTheta(reml bool) (lmmOptimum, error) {
	dev := func(theta float64) float64 { return d.at(theta*theta, reml).dev }
	thetas := []float64{0}
	steps := int(math.Round(math.Log10(lmmGridHigh/lmmGridLow) * lmmGridPerDecade))
	for k := 0; k <= steps; k++ {
		thetas = append(thetas, lmmGridLow*math.Pow(10, float64(k)/lmmGridPerDecade))
	}
	devs := make([]float64, len(thetas))
	best := 0
	for k, t := range thetas {
		devs[k] = dev(t)
		if !lmmFinite(devs[k]) {
			return lmmOptimum{}, fmt.Errorf("%w: the deviance is not finite at θ = %g", ErrNoConvergence, t)
		}
		if devs[k] < devs[best] {
			best = k
		}
	}
	for best == len(thetas)-1 {
		t := thetas[best] * math.Pow(10, 1.0/lmmGridPerDecade)
		if t > lmmThetaLimit {
			return lmmOptimum{}, fmt.Errorf("%w: the likelihood grows without bound with the group variance "+
				"(the fixed effects fit the groups' means exactly, or the outcome does not vary within groups)", ErrNoConvergence)
		}
		thetas = append(thetas, t)
		devs = append(devs, dev(t))
		if !lmmFinite(devs[best+1]) {
			return lmmOptimum{}, fmt.Errorf("%w: the deviance is not finite at θ = %g", ErrNoConvergence, t)
		}
		if devs[best+1] < devs[best] {
			best++
		}
	}
	zero := lmmOptimum{theta: 0, pt: d.at(0, reml)}
	if best == 0 {
		if d1, _ := d.slopes(zero.pt).profiledSlope(zero.pt); d1 >= 0 {
			return zero, nil
		}
	}
	lo, hi := thetas[max(best-1, 0)], thetas[best+1]
	theta, _, _ := lmmBrentMin(dev, lo, hi, 1e-9, 1e-12*hi, 200)
	opt := lmmOptimum{theta: theta, pt: d.at(theta*theta, reml)}
	if t, ok := d.newtonTheta(opt.pt, lo*lo, hi*hi); ok {
		if pt := d.at(t*t, reml); pt.dev <= opt.pt.dev+1e-12*math.Abs(opt.pt.dev) {
			opt = lmmOptimum{theta: t, pt: pt}
		}
	}
	if best == 0 && zero.pt.dev <= opt.pt.dev {
		return zero, nil
	}
	return opt, nil
}

// newtonTheta refines the minimum near pt by Newton's method on the
// profiled deviance's slope in λ, within [lo, hi]; it returns θ = √λ and
// whether the steps converged there.
func (d *lmmData) newtonTheta(pt lmmPoint, lo, hi float64) (float64, bool) {
	lam := pt.lambda
	for range 20 {
		d1, d2 := d.slopes(pt).profiledSlope(pt)
		if !(d2 > 0) || !lmmFinite(d1, d2) {
			return 0, false
		}
		step := -d1 / d2
		next := lam + step
		if next < lo || next > hi {
			return 0, false
		}
		lam = next
		if math.Abs(step) <= 1e-12*lam {
			// Newton's convergence is quadratic: the next step would be
			// below rounding.
			return math.Sqrt(lam), true
		}
		pt = d.at(lam, pt.reml)
	}
	return 0, false
}
