package stats

import (
	"fmt"
	"math"
)

const (
	// poolMaxIter bounds the Fisher scoring steps of poolREML.
	poolMaxIter = 1000
	// poolTol is poolREML's convergence tolerance: a step smaller than
	// poolTol (τ² + ṽ), relative so that it does not depend on the scale.
	poolTol = 1e-12
	// poolLL0Tol is the gain in the restricted log-likelihood at τ² = 0 over
	// the converged value above which rma resets τ² to 0 (its control's tol,
	// .Machine$double.eps^0.25).
	poolLL0Tol = 0x1p-13
)

// poolREML returns the REML estimate of τ² on d's scale and the number of
// Fisher scoring steps. The restricted log-likelihood of the model y_i ~
// N(μ, v_i + τ²), up to a constant, is
//
//	ℓ_R(τ²) = -½ Σ log(v_i + τ²) - ½ log Σ w_i - ½ Σ w_i (y_i - μ̂)²,
//	w_i = 1/(v_i + τ²),
//
// with score ½ (y'P²y - tr P) and expected information ½ tr(P²), P = W -
// w w'/Σw, so that Fisher scoring [2] steps by
//
//	Δ = (Σ w_i² (y_i - μ̂)² - tr P) / tr(P²).
//
// As rma, it starts from the Hedges estimate max(0, (Σ (y_i - ȳ)² - (1 -
// 1/k) Σ v_i) / (k - 1)), and it converges to the same root of the score.
// Two safeguards keep it from failing where rma's plain iteration can.
// First, the points of positive and negative score seen bracket the root,
// and a step that leaves the bracket (or makes τ² negative), or is not half
// the step before the last, is replaced by bisection (as Numerical Recipes'
// rtsafe does), so that the iteration cannot oscillate as rma's does when
// one study is far more precise than the others (testdata/meta/precise.csv
// and extreme.csv, which rma fits only with stepadj = 0.5). Second, where
// the score at τ² = 0 is not positive, 0 is a maximum on [0, ∞) and the
// iteration stops there (rma approaches it by halving steps, never exactly
// reaching 0 unless it starts there). As rma, it finally returns 0 if
// ℓ_R(0) exceeds ℓ_R(τ̂²) by more than 2⁻¹³ (a local maximum).
func poolREML(d *poolData) (tau2 float64, iter int, err error) {
	k := float64(d.k)
	trP0, _ := poolTraces(d.weighted(0).w)
	vt := (k - 1) / trP0
	ybar, rss, sv := 0.0, 0.0, 0.0
	for i, y := range d.y {
		ybar += (y - ybar) / float64(i+1)
		sv += d.v[i]
	}
	for _, y := range d.y {
		rss += (y - ybar) * (y - ybar)
	}
	tau2 = math.Max(0, (rss-(1-1/k)*sv)/(k-1))
	lo, hi := -1.0, math.Inf(1) // the largest τ² of positive score seen (-1: none), the smallest of negative
	step, before := math.Inf(1), math.Inf(1)
	for iter = 1; iter <= poolMaxIter; iter++ {
		adj := poolREMLStep(d, tau2)
		switch {
		case math.IsNaN(adj) || math.IsInf(adj, 0):
			return 0, iter, fmt.Errorf("pool: REML Fisher scoring step %d is %g: %w", iter, adj, ErrNoConvergence)
		case adj == 0:
			return poolREMLCheckZero(d, tau2), iter, nil
		case adj > 0:
			lo = math.Max(lo, tau2)
		default:
			hi = math.Min(hi, tau2)
		}
		next := tau2 + adj
		if next < 0 && lo < 0 {
			if tau2 == 0 || poolREMLStep(d, 0) <= 0 {
				return 0, iter, nil
			}
			lo = 0
		}
		if next <= lo || next >= hi || math.Abs(adj) > math.Abs(before)/2 {
			a := math.Max(lo, 0)
			next = a + (hi-a)/2
			if math.IsInf(next, 0) {
				next = tau2 + adj // no bracket yet: the first steps up
			}
		}
		step, before = next-tau2, step
		tau2 = next
		if math.Abs(step) <= poolTol*(tau2+vt) {
			return poolREMLCheckZero(d, tau2), iter, nil
		}
	}
	return 0, poolMaxIter, fmt.Errorf("pool: REML Fisher scoring did not converge in %d steps (tau2 %g): %w", poolMaxIter, tau2*d.s*d.s, ErrNoConvergence)
}

// poolREMLCheckZero returns 0 if the restricted likelihood there exceeds
// that at tau2 by more than poolLL0Tol, as rma's ll0check, else tau2.
func poolREMLCheckZero(d *poolData, tau2 float64) float64 {
	if tau2 > 0 && poolREMLLogLik(d, 0)-poolREMLLogLik(d, tau2) > poolLL0Tol {
		return 0
	}
	return tau2
}

// poolREMLStep returns the Fisher scoring step at tau2.
func poolREMLStep(d *poolData, tau2 float64) float64 {
	f := d.weighted(tau2)
	ypy := 0.0
	for i, y := range d.y {
		r := f.w[i] * (y - f.mu)
		ypy += r * r
	}
	trP, trPP := poolTraces(f.w)
	return (ypy - trP) / trPP
}

// poolREMLLogLik returns ℓ_R(tau2) up to a constant.
func poolREMLLogLik(d *poolData, tau2 float64) float64 {
	f := d.weighted(tau2)
	return -0.5 * (f.logDet + math.Log(f.sum) + f.q)
}
