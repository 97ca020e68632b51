package stats

import (
	"fmt"
	"math"
)

// negbinThetaEps is theta.ml's tolerance on the Newton step,
// .Machine$double.eps^0.25.
var negbinThetaEps = math.Pow(2.220446049250313e-16, 0.25)

// negbinThetaML estimates the negative-binomial θ for fixed means μ by
// Newton's method on the score, as MASS::theta.ml(y, mu, limit = limit) does:
// start at θ₀ = n / Σ(y/μ - 1)², step θ ← |θ| + U(θ)/I(θ) while the step
// exceeds ε^(1/4) and fewer than limit-1 steps were taken, with
//
//	U(θ) = Σ ψ(θ+y) - ψ(θ) + log θ + 1 - log(θ+μ) - (y+θ)/(μ+θ)
//	I(θ) = Σ -ψ'(θ+y) + ψ'(θ) - 1/θ + 2/(μ+θ) - (y+θ)/(μ+θ)²
//
// The standard error is 1/√I at the last step's starting point.
func negbinThetaML(y, mu []float64, limit int) (theta, se float64, err error) {
	n := float64(len(y))
	s := 0.0
	for i, v := range y {
		r := v/mu[i] - 1
		s += r * r
	}
	t0 := n / s
	if math.IsInf(t0, 0) || math.IsNaN(t0) {
		return 0, 0, fmt.Errorf("%w: theta undefined (the counts equal their means)", ErrNoConvergence)
	}
	it := 0
	del := 1.0
	info := math.NaN()
	for {
		it++
		if !(it < limit && math.Abs(del) > negbinThetaEps) {
			break
		}
		t0 = math.Abs(t0)
		var sc float64
		sc, info = negbinScoreInfo(t0, y, mu)
		del = sc / info
		t0 += del
		if math.IsNaN(t0) || math.IsInf(t0, 0) {
			return 0, 0, fmt.Errorf("%w: theta diverged (no overdispersion?)", ErrNoConvergence)
		}
	}
	if t0 < 0 {
		return 0, 0, fmt.Errorf("%w: theta estimated below zero", ErrNoConvergence)
	}
	if it == limit {
		return 0, 0, fmt.Errorf("%w: theta.ml iteration limit of %d reached (theta %.6g; no overdispersion?)", ErrNoConvergence, limit, t0)
	}
	if !(info > 0) || math.IsInf(info, 0) {
		return 0, 0, fmt.Errorf("%w: theta %.6g has no finite standard error (no overdispersion?)", ErrNoConvergence, t0)
	}
	return t0, math.Sqrt(1 / info), nil
}

// negbinScoreInfo returns U(θ) and I(θ) of negbinThetaML, summed over the
// observations in order, as R does. (Summing the ψ terms once per distinct
// count is faster but changes the last bits, which golden files downstream
// pin.)
func negbinScoreInfo(th float64, y, mu []float64) (score, info float64) {
	dth, tth := negbinDigamma(th), negbinTrigamma(th)
	for i, v := range y {
		m := mu[i]
		score += negbinDigamma(th+v) - dth + math.Log(th) + 1 - math.Log(th+m) - (v+th)/(m+th)
		info += -negbinTrigamma(th+v) + tth - 1/th + 2/(m+th) - (v+th)/((m+th)*(m+th))
	}
	return score, info
}

// negbinTrigamma is ψ'(x) for x > 0: the recurrence ψ'(x) = ψ'(x+1) + 1/x²
// up to x ≥ 20, then the asymptotic series
//
//	ψ'(x) ~ 1/x + 1/(2x²) + Σ_k B_2k / x^(2k+1)
//
// (Abramowitz and Stegun 6.4.12), accurate to about 1e-16 relative.
func negbinTrigamma(x float64) float64 {
	if math.IsNaN(x) || x <= 0 {
		return math.NaN()
	}
	s := 0.0
	for x < 20 {
		s += 1 / (x * x)
		x++
	}
	z := 1 / (x * x)
	// Bernoulli numbers B2..B10: 1/6, -1/30, 1/42, -1/30, 5/66.
	ser := 1 + 1/(2*x) + z*(1.0/6+z*(-1.0/30+z*(1.0/42+z*(-1.0/30+z*5.0/66))))
	return s + ser/x
}

// negbinDigamma is ψ(x) for x > 0: the recurrence ψ(x) = ψ(x+1) - 1/x up to
// x ≥ 20, then the asymptotic series (Abramowitz and Stegun 6.3.18)
//
//	ψ(x) ~ log x - 1/(2x) - Σ_k B_2k / (2k x^(2k))
//
// accurate to about 1e-16 relative (gonum's mathext.Digamma is good to only
// about 1e-10, too little for theta.ml's score, a difference of ψ values).
func negbinDigamma(x float64) float64 {
	if math.IsNaN(x) || x <= 0 {
		return math.NaN()
	}
	s := 0.0
	for x < 20 {
		s -= 1 / x
		x++
	}
	z := 1 / (x * x)
	ser := z * (1.0/12 - z*(1.0/120-z*(1.0/252-z*(1.0/240-z*1.0/132))))
	return s + math.Log(x) - 1/(2*x) - ser
}
