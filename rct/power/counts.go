package power

import (
	"fmt"
	"math"

	"github.com/evalkit/evalkit/internal/jsonenc"
	"github.com/evalkit/evalkit/stats"
)

// Counts plans a trial whose outcome is a count per unit over a follow-up
// period (crimes per hotspot, offences per person), compared as a rate
// ratio RR = μ_t/μ_c. Leave out exactly one of Power, the sample size
// (NControl and NTreatment both zero) and RateRatio; Solve computes it.
//
// The test is the Wald test on log RR, with its variance under the
// alternative for negative-binomial counts of size k (Dispersion):
//
//	V = (1/μ_c + 1/k)/n_c + (1/(RR μ_c) + 1/k)/n_t
//
// (the 1/k terms dropped for Poisson), and power
//
//	two-sided: Φ(|ln RR|/√V − z_{1−α/2}) + Φ(−|ln RR|/√V − z_{1−α/2})
//	Greater:   Φ(ln RR/√V − z_{1−α})
//	Less:      Φ(−ln RR/√V − z_{1−α})
//
// the evalkit contract's formula (a form of Signorini 1991 [4] and Zhu and
// Lakkis 2014 [5] with the variance under the alternative). The sizes are
// the analysed ones, the recruited ones times (1 − Attrition).
//
// [4] Signorini, D. F. (1991). Sample size for Poisson regression.
// Biometrika 78(2), 446–450.
//
// [5] Zhu, H. and Lakkis, H. (2014). Sample size calculation for comparing
// two negative binomial rates. Statistics in Medicine 33(3), 376–387.
type Counts struct {
	// Alpha is the level of the test, in (0, 1); zero means 0.05.
	Alpha float64
	// Alternative is two-sided (the zero value), Greater (RR > 1) or Less
	// (RR < 1).
	Alternative stats.Alternative
	// Power is the target power in (Alpha, 1), or zero to solve for it.
	Power float64
	// MeanControl is μ_c, the control arm's mean count per unit over the
	// follow-up, positive.
	MeanControl float64
	// RateRatio is μ_t/μ_c, positive, or zero to solve for the smallest
	// detectable change: the rate ratio nearest 1 with the power, above 1
	// (below 1 under Less or with Reduction).
	RateRatio float64
	// Reduction, when solving for RateRatio under a two-sided test, looks
	// for a fall (RR < 1) instead of a rise.
	Reduction bool
	// Dispersion is the negative-binomial size k (variance μ + μ²/k), or
	// zero for Poisson counts.
	Dispersion float64
	// NControl and NTreatment are the units recruited per arm; both zero
	// to solve for them.
	NControl, NTreatment float64
	// Ratio is n_treatment/n_control used when solving for the sample
	// size; zero means 1.
	Ratio float64
	// Attrition is the share of recruited units expected to be lost, in
	// [0, 1).
	Attrition float64
}

// CountsResult is a solved Counts: the design with the unknown filled in,
// and how it was solved. It marshals to the object that evalkit power
// counts --json prints.
type CountsResult struct {
	// Design is "counts".
	Design string `json:"design"`
	// Solved names the quantity that was computed.
	Solved Unknown `json:"solved"`
	// MeanControl is μ_c, the control arm's mean count per unit.
	MeanControl float64 `json:"mean_control"`
	// RateRatio is μ_t/μ_c.
	RateRatio float64 `json:"rate_ratio"`
	// Dispersion is the negative-binomial size k; nil for Poisson counts.
	Dispersion *float64 `json:"dispersion"`
	// TwoArms holds the test, the power and the units per arm.
	TwoArms

	design Counts // solved, for PowerCurve
}

// MarshalJSON returns the object that evalkit power counts --json prints, with
// null for NaN.
func (r CountsResult) MarshalJSON() ([]byte, error) {
	type plain CountsResult
	return jsonenc.Marshal(plain(r))
}

func (c Counts) result(solved Unknown, exact float64) CountsResult {
	var k *float64
	if c.Dispersion != 0 {
		k = &c.Dispersion
	}
	return CountsResult{Design: "counts", Solved: solved, MeanControl: c.MeanControl, RateRatio: c.RateRatio, Dispersion: k,
		TwoArms: twoArms(solved, c.Alpha, c.Alternative, c.Power, c.Ratio, c.Attrition, c.NControl, c.NTreatment, exact),
		design:  c}
}

// PowerAt returns the power with nc and nt analysed units for rate ratio
// rr, without checking its arguments.
func (c Counts) PowerAt(rr, nc, nt float64) float64 {
	alpha := c.Alpha
	if alpha == 0 {
		alpha = DefaultAlpha
	}
	invK := 0.0
	if c.Dispersion != 0 {
		invK = 1 / c.Dispersion
	}
	mu := c.MeanControl
	v := (1/mu+invK)/nc + (1/(rr*mu)+invK)/nt
	z := math.Log(rr) / math.Sqrt(v)
	switch c.Alternative {
	case stats.Greater:
		return normalCDF(z - normalUpperQuantile(alpha))
	case stats.Less:
		return normalCDF(-z - normalUpperQuantile(alpha))
	}
	q := normalUpperQuantile(alpha / 2)
	z = math.Abs(z)
	return normalCDF(z-q) + normalCDF(-z-q)
}

// Solve computes the one quantity left out; see TTest.Solve for how the
// sample size is solved and inflated for attrition. Because V grows
// without bound as RR falls to 0, power is not monotone in a reduction;
// solving for RateRatio returns the crossing nearest RR = 1.
//
// Errors: ErrUnknowns unless exactly one quantity is left out;
// stats.ErrDomain for a mean, rate ratio or dispersion that is not
// positive, or Alpha, Power or Attrition out of range; ErrUnreachable for
// a target power at or below Alpha, a one-sided test with the rate ratio on
// the wrong side of 1, a rate ratio of 1, or no rate ratio with the power.
func (c Counts) Solve() (CountsResult, error) {
	if c.Alpha == 0 {
		c.Alpha = DefaultAlpha
	}
	if c.Ratio == 0 {
		c.Ratio = 1
	}
	var res CountsResult
	nUnknown := c.NControl == 0 && c.NTreatment == 0
	if err := countUnknowns(c.Power == 0, nUnknown, c.RateRatio == 0); err != nil {
		return res, err
	}
	if err := checkLevels(c.Alpha, c.Power, c.Ratio, c.Attrition); err != nil {
		return res, err
	}
	if err := checkAlternative(c.Alternative); err != nil {
		return res, err
	}
	switch {
	case !(c.MeanControl > 0) || math.IsInf(c.MeanControl, 0):
		return res, fmt.Errorf("%w: mean_control %g must be positive", stats.ErrDomain, c.MeanControl)
	case c.RateRatio != 0 && (!(c.RateRatio > 0) || math.IsInf(c.RateRatio, 0)):
		return res, fmt.Errorf("%w: rate_ratio %g must be positive", stats.ErrDomain, c.RateRatio)
	case c.Dispersion != 0 && (!(c.Dispersion > 0) || math.IsInf(c.Dispersion, 0)):
		return res, fmt.Errorf("%w: dispersion %g must be positive (omit it for Poisson counts)", stats.ErrDomain, c.Dispersion)
	}
	if !nUnknown {
		if err := checkN("n_control", c.NControl); err != nil {
			return res, err
		}
		if err := checkN("n_treatment", c.NTreatment); err != nil {
			return res, err
		}
	}
	nc, nt := arms(c.NControl, c.NTreatment, c.Attrition)
	switch {
	case c.Power == 0:
		c.Power = c.PowerAt(c.RateRatio, nc, nt)
		return c.result(SolvedPower, math.NaN()), nil
	case c.RateRatio == 0:
		if err := checkTarget(c.Power, c.Alpha); err != nil {
			return res, err
		}
		sign := 1.0 // log RR's direction
		if c.Alternative == stats.Less || (c.Alternative == stats.TwoSided && c.Reduction) {
			sign = -1
		}
		rr, ok := countsSolveRateRatio(func(x float64) float64 { return c.PowerAt(math.Exp(sign*x), nc, nt) }, c.Power)
		if !ok {
			return res, fmt.Errorf("%w: no rate ratio gives power %g with these arms", ErrUnreachable, c.Power)
		}
		c.RateRatio = math.Exp(sign * rr)
		return c.result(SolvedEffect, math.NaN()), nil
	default:
		if err := checkTarget(c.Power, c.Alpha); err != nil {
			return res, err
		}
		if c.RateRatio == 1 {
			return res, fmt.Errorf("%w: a rate ratio of 1 is no effect, which no sample size detects", ErrUnreachable)
		}
		if s := sideOf(c.Alternative); s*math.Log(c.RateRatio) < 0 {
			return res, fmt.Errorf("%w: a one-sided test (%v) cannot detect a rate ratio of %g, which is on the other side of 1", ErrUnreachable, c.Alternative, c.RateRatio)
		}
		r := c.Ratio
		l := math.Log(c.RateRatio)
		invK := 0.0
		if c.Dispersion != 0 {
			invK = 1 / c.Dispersion
		}
		guess := normalGuess(c.Alpha, c.Power, c.Alternative == stats.TwoSided, (1/c.MeanControl+invK+(1/(c.RateRatio*c.MeanControl)+invK)/r)/(l*l))
		n, err := solveIncreasing(func(n float64) float64 { return c.PowerAt(c.RateRatio, n, r*n) }, c.Power, nLower(r), guess, nMax)
		if err != nil {
			return res, err
		}
		if c.NControl, c.NTreatment, err = recruit(n, r, c.Attrition); err != nil {
			return res, err
		}
		return c.result(SolvedN, n), nil
	}
}

// countsSolveRateRatio returns the smallest x = |ln RR| > 0 at which f
// reaches target, scanning up to x = 30 in steps of 0.02 to bracket the
// first crossing (f rises from alpha and, for a reduction, falls again).
func countsSolveRateRatio(f func(float64) float64, target float64) (float64, bool) {
	const step, xmax = 0.02, 30.0
	lo := 0.0
	for hi := step; hi <= xmax+step/2; hi += step {
		if f(hi) >= target {
			return solveBetween(f, target, lo, hi)
		}
		lo = hi
	}
	return math.NaN(), false
}
