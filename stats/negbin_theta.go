package stats

import (
	"fmt"
	"math"
	"slices"
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
// The standard error is 1/√I at the last step's starting point. tally is
// negbinTallyCounts(y).
func negbinThetaML(y, mu []float64, tally negbinTally, limit int) (theta, se float64, err error) {
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
		sc, info = negbinScoreInfo(t0, y, mu, tally)
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

// negbinScoreInfo returns U(θ) and I(θ) of negbinThetaML. The terms in ψ and
// ψ' depend on the count alone, so they are summed once per distinct count,
// weighted by how often it occurs (tally); the rest is summed over the
// observations, in chunks (glmForChunks) added in order.
func negbinScoreInfo(th float64, y, mu []float64, tally negbinTally) (score, info float64) {
	n := float64(len(y))
	for k, v := range tally.value {
		c := tally.count[k]
		score += c * negbinDigamma(th+v)
		info -= c * negbinTrigamma(th+v)
	}
	score += n * (math.Log(th) + 1 - negbinDigamma(th))
	info += n * (negbinTrigamma(th) - 1/th)
	parts := make([][2]float64, glmChunks(len(y)))
	glmForChunks(len(y), func(c, lo, hi int) {
		var s, f float64
		for i := lo; i < hi; i++ {
			m, v := mu[i], y[i]
			s -= math.Log(th+m) + (v+th)/(m+th)
			f += 2/(m+th) - (v+th)/((m+th)*(m+th))
		}
		parts[c] = [2]float64{s, f}
	})
	for _, p := range parts {
		score += p[0]
		info += p[1]
	}
	return score, info
}

// negbinTally holds the distinct counts and how often each occurs.
type negbinTally struct {
	value, count []float64
}

// negbinTallyDense bounds the counts that negbinTallyCounts tallies
// without a map.
const negbinTallyDense = 1024

// negbinTallyCounts tallies the counts y (whole numbers ≥ 0), in
// increasing order.
func negbinTallyCounts(y []float64) negbinTally {
	// Counts below negbinTallyDense are tallied in a slice, the rest in a map.
	var dense [negbinTallyDense]int
	freq := make(map[float64]int)
	for _, v := range y {
		if v < negbinTallyDense {
			dense[int(v)]++
		} else {
			freq[v]++
		}
	}
	for v, c := range dense {
		if c > 0 {
			freq[float64(v)] = c
		}
	}
	t := negbinTally{value: make([]float64, 0, len(freq))}
	for v := range freq {
		t.value = append(t.value, v)
	}
	slices.Sort(t.value)
	t.count = make([]float64, len(t.value))
	for k, v := range t.value {
		t.count[k] = float64(freq[v])
	}
	return t
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
