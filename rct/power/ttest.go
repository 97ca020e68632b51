package power

import (
	"fmt"
	"math"

	"github.com/evalkit/evalkit/internal/jsonenc"
	"github.com/evalkit/evalkit/stats"
)

// TTest is a two-sample t-test on a standardised mean difference (Cohen's
// d). Leave out exactly one of Power, the sample size (NControl and
// NTreatment both zero) and Effect; Solve computes it.
//
// Power is exact, from the noncentral t with df = n_c + n_t − 2 and
// ncp = d·sqrt(n_c n_t/(n_c + n_t)):
//
//	two-sided: P(T > t_{1−α/2}) + P(T < −t_{1−α/2})
//	Greater:   P(T > t_{1−α})
//	Less:      P(T < −t_{1−α})
//
// as pwr::pwr.t2n.test computes it [1]. The sizes n_c, n_t in the formula
// are the analysed ones, the recruited ones times (1 − Attrition).
//
// [1] Champely, S. (2020). pwr: Basic Functions for Power Analysis, R
// package 1.3-0, pwr.t2n.test.
type TTest struct {
	// Alpha is the level of the test, in (0, 1); zero means 0.05.
	Alpha float64
	// Alternative is two-sided (the zero value), Greater or Less.
	Alternative stats.Alternative
	// Power is the target power in (Alpha, 1), or zero to solve for it.
	Power float64
	// Effect is the standardised mean difference d, or zero to solve for
	// the minimum detectable effect (positive, or negative under Less).
	Effect float64
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

// TTestResult is a solved TTest: the design with the unknown filled in
// (when the sample size was solved, NControl and NTreatment are the units
// to recruit, rounded up), and how it was solved. It marshals to the
// object that evalkit power ttest --json prints.
type TTestResult struct {
	// Design is "ttest".
	Design string `json:"design"`
	// Solved names the quantity that was computed.
	Solved Unknown `json:"solved"`
	// Effect is the standardised mean difference d.
	Effect float64 `json:"effect"`
	// TwoArms holds the test, the power and the units per arm.
	TwoArms
	// DF is the t-test's degrees of freedom for the analysed sizes.
	DF float64 `json:"df"`

	design TTest // solved, for PowerCurve
}

// MarshalJSON returns the object that evalkit power ttest --json prints, with
// null for NaN.
func (r TTestResult) MarshalJSON() ([]byte, error) {
	type plain TTestResult
	return jsonenc.Marshal(plain(r))
}

func (t TTest) result(solved Unknown, exact, df float64) TTestResult {
	return TTestResult{Design: "ttest", Solved: solved, Effect: t.Effect,
		TwoArms: twoArms(solved, t.Alpha, t.Alternative, t.Power, t.Ratio, t.Attrition, t.NControl, t.NTreatment, exact),
		DF:      df, design: t}
}

// PowerAt returns the t-test's power with nc and nt analysed units for
// effect d, without checking its arguments.
func (t TTest) PowerAt(d, nc, nt float64) float64 {
	alpha := t.alphaOrDefault()
	df := nc + nt - 2
	ncp := d * (1 / math.Sqrt(1/nc+1/nt))
	switch t.Alternative {
	case stats.Greater:
		return stats.NoncentralTSurvival(stats.CentralTUpperQuantile(alpha, df), df, ncp)
	case stats.Less:
		return stats.NoncentralTCDF(-stats.CentralTUpperQuantile(alpha, df), df, ncp)
	}
	q := stats.CentralTUpperQuantile(alpha/2, df)
	return stats.NoncentralTSurvival(q, df, ncp) + stats.NoncentralTCDF(-q, df, ncp)
}

func (t TTest) alphaOrDefault() float64 {
	if t.Alpha == 0 {
		return DefaultAlpha
	}
	return t.Alpha
}

func (t TTest) ratioOrDefault() float64 {
	if t.Ratio == 0 {
		return 1
	}
	return t.Ratio
}

// Solve computes the one quantity left out. Solving for the sample size
// finds the real root n_c (analysed control units, with n_t = Ratio·n_c),
// or the smallest size, max(2, 2/Ratio), when that already has the power,
// and recruits ceil(n_c/(1 − Attrition)) and ceil(Ratio·n_c/(1 − Attrition)).
//
// Errors: ErrUnknowns unless exactly one quantity is left out;
// stats.ErrDomain for Alpha, Power or Attrition out of range, a Ratio that is
// not positive, or an arm below 2 units; ErrUnreachable for a target power at
// or below Alpha, or a one-sided test with the effect in the wrong direction.
func (t TTest) Solve() (TTestResult, error) {
	t.Alpha = t.alphaOrDefault()
	t.Ratio = t.ratioOrDefault()
	var res TTestResult
	nUnknown := t.NControl == 0 && t.NTreatment == 0
	if err := countUnknowns(t.Power == 0, nUnknown, t.Effect == 0); err != nil {
		return res, err
	}
	if err := checkLevels(t.Alpha, t.Power, t.Ratio, t.Attrition); err != nil {
		return res, err
	}
	if err := checkAlternative(t.Alternative); err != nil {
		return res, err
	}
	if math.IsNaN(t.Effect) || math.IsInf(t.Effect, 0) {
		return res, fmt.Errorf("%w: effect %g", stats.ErrDomain, t.Effect)
	}
	if !nUnknown {
		if err := checkN("n_control", t.NControl); err != nil {
			return res, err
		}
		if err := checkN("n_treatment", t.NTreatment); err != nil {
			return res, err
		}
		nc, nt := arms(t.NControl, t.NTreatment, t.Attrition)
		if nc < 2 || nt < 2 {
			// As pwr.t2n.test asks; below that the t has df < 2, where the
			// noncentral t of AS 243 (and R's pt) loses all accuracy.
			return res, fmt.Errorf("%w: fewer than 2 units per arm are left after attrition (%g control, %g treated)", stats.ErrDomain, nc, nt)
		}
		df := nc + nt - 2
		if t.Power == 0 {
			t.Power = t.PowerAt(t.Effect, nc, nt)
			return t.result(SolvedPower, math.NaN(), df), nil
		}
		if err := checkTarget(t.Power, t.Alpha); err != nil {
			return res, err
		}
		sign := 1.0
		if t.Alternative == stats.Less {
			sign = -1
		}
		guess := 2.8 * math.Sqrt(1/nc+1/nt)
		d, err := solveIncreasing(func(d float64) float64 { return t.PowerAt(sign*d, nc, nt) }, t.Power, 0, guess, 1e6)
		if err != nil {
			return res, err
		}
		t.Effect = sign * d
		return t.result(SolvedEffect, math.NaN(), df), nil
	}
	if err := checkTarget(t.Power, t.Alpha); err != nil {
		return res, err
	}
	if s := sideOf(t.Alternative); s*t.Effect < 0 {
		return res, fmt.Errorf("%w: a one-sided test (%v) cannot detect an effect of %g, which is in the other direction", ErrUnreachable, t.Alternative, t.Effect)
	}
	r := t.Ratio
	za := normalUpperQuantile(t.Alpha / 2)
	if t.Alternative != stats.TwoSided {
		za = normalUpperQuantile(t.Alpha)
	}
	// The normal approximation plus Guenther's z²/4 for the t.
	guess := normalGuess(t.Alpha, t.Power, t.Alternative == stats.TwoSided, (1+1/r)/(t.Effect*t.Effect)) + za*za/4
	nc, err := solveIncreasing(func(n float64) float64 { return t.PowerAt(t.Effect, n, r*n) }, t.Power, nLower(r), guess, nMax)
	if err != nil {
		return res, err
	}
	if t.NControl, t.NTreatment, err = recruit(nc, r, t.Attrition); err != nil {
		return res, err
	}
	return t.result(SolvedN, nc, nc+r*nc-2), nil
}
