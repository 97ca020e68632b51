package power

import (
	"fmt"
	"math"
	"strconv"

	"github.com/evalkit/evalkit/internal/jsonenc"
	"github.com/evalkit/evalkit/stats"
)

// PropMethod is the test a Prop design plans for.
type PropMethod int

const (
	// Arcsine is the normal test on Cohen's h = 2 asin √p_t − 2 asin √p_c,
	// as pwr::pwr.2p2n.test [2]; arms may differ in size.
	Arcsine PropMethod = iota
	// Pooled is the pooled-variance normal test for equal arms, as
	// power.prop.test(strict = TRUE) [3].
	Pooled
)

// ParsePropMethod reads a method's name, arcsine or pooled, as String
// writes it; anything else is an error wrapping stats.ErrDomain.
func ParsePropMethod(s string) (PropMethod, error) {
	for _, m := range []PropMethod{Arcsine, Pooled} {
		if s == m.String() {
			return m, nil
		}
	}
	return 0, fmt.Errorf("%w: method %q is not arcsine or pooled", stats.ErrDomain, s)
}

// MarshalJSON writes the name String returns, as a JSON string.
func (m PropMethod) MarshalJSON() ([]byte, error) { return []byte(strconv.Quote(m.String())), nil }

func (m PropMethod) String() string {
	switch m {
	case Arcsine:
		return "arcsine"
	case Pooled:
		return "pooled"
	}
	return "PropMethod(?)"
}

// Prop compares two proportions, p_c in the control arm and p_t in the
// treatment arm. Leave out exactly one of Power, the sample size
// (NControl and NTreatment both zero) and PTreatment; Solve computes it.
//
// Arcsine power, with s = sqrt(n_c n_t/(n_c + n_t)) and h as above:
//
//	two-sided: 1 − Φ(z_{1−α/2} − |h| s) + Φ(−z_{1−α/2} − |h| s)
//	Greater:   1 − Φ(z_{1−α} − h s)
//	Less:      Φ(−z_{1−α} − h s)
//
// Pooled power, equal arms of n, d = p_t − p_c, v̄ = p̄(1 − p̄) with
// p̄ = (p_c + p_t)/2, v = p_c(1 − p_c) + p_t(1 − p_t):
//
//	two-sided: Φ((√n |d| − z_{1−α/2} √(2v̄))/√v) + 1 − Φ((√n |d| + z_{1−α/2} √(2v̄))/√v)
//	one-sided: Φ((√n d' − z_{1−α} √(2v̄))/√v), d' = d (Greater) or −d (Less)
//
// (power.prop.test uses |d| one-sided; evalkit keeps the sign, so that an
// effect in the wrong direction has the small power it has.) The sizes in
// the formulas are the analysed ones, the recruited ones times
// (1 − Attrition).
//
// [2] Champely, S. (2020). pwr 1.3-0, pwr.2p2n.test; Cohen, J. (1988).
// Statistical Power Analysis for the Behavioral Sciences, chapter 6.
//
// [3] R Core Team (2022). R 4.2.2, stats::power.prop.test.
type Prop struct {
	// Alpha is the level of the test, in (0, 1); zero means 0.05.
	Alpha float64
	// Alternative is two-sided (the zero value), Greater or Less.
	Alternative stats.Alternative
	// Method is Arcsine (the zero value) or Pooled.
	Method PropMethod
	// Power is the target power in (Alpha, 1), or zero to solve for it.
	Power float64
	// PControl is the control arm's proportion, in (0, 1).
	PControl float64
	// PTreatment is the treatment arm's proportion, in (0, 1), or zero to
	// solve for the smallest detectable change from PControl.
	PTreatment float64
	// Reduction, when solving for PTreatment under a two-sided test, looks
	// for a fall below PControl instead of a rise above it. (Under Less the
	// fall is implied.)
	Reduction bool
	// NControl and NTreatment are the units recruited per arm; both zero
	// to solve for them. Pooled needs them equal.
	NControl, NTreatment float64
	// Ratio is n_treatment/n_control used when solving for the sample
	// size; zero means 1. Pooled needs 1.
	Ratio float64
	// Attrition is the share of recruited units expected to be lost, in
	// [0, 1).
	Attrition float64
}

// PropResult is a solved Prop: the design with the unknown filled in, and
// how it was solved. It marshals to the object that evalkit power prop
// --json prints.
type PropResult struct {
	// Design is "prop".
	Design string `json:"design"`
	// Solved names the quantity that was computed.
	Solved Unknown `json:"solved"`
	// Method is the test planned for.
	Method PropMethod `json:"method"`
	// PControl and PTreatment are the arms' proportions.
	PControl   float64 `json:"p_control"`
	PTreatment float64 `json:"p_treatment"`
	// H is Cohen's h = 2 asin √p_t − 2 asin √p_c; NaN for Pooled.
	H float64 `json:"h"`
	// Effect is the difference PTreatment − PControl.
	Effect float64 `json:"effect"`
	// TwoArms holds the test, the power and the units per arm.
	TwoArms

	design Prop // solved, for PowerCurve
}

// MarshalJSON returns the object that evalkit power prop --json prints, with
// null for NaN.
func (r PropResult) MarshalJSON() ([]byte, error) {
	type plain PropResult
	return jsonenc.Marshal(plain(r))
}

func (p Prop) result(solved Unknown, exact float64) PropResult {
	h := math.NaN()
	if p.Method == Arcsine {
		h = CohenH(p.PControl, p.PTreatment)
	}
	return PropResult{Design: "prop", Solved: solved, Method: p.Method, PControl: p.PControl, PTreatment: p.PTreatment,
		H: h, Effect: p.PTreatment - p.PControl,
		TwoArms: twoArms(solved, p.Alpha, p.Alternative, p.Power, p.Ratio, p.Attrition, p.NControl, p.NTreatment, exact),
		design:  p}
}

// CohenH returns 2 asin √pt − 2 asin √pc.
func CohenH(pc, pt float64) float64 {
	return 2*math.Asin(math.Sqrt(pt)) - 2*math.Asin(math.Sqrt(pc))
}

// PowerAt returns the power with nc and nt analysed units when the
// treatment arm's proportion is pt, without checking its arguments.
func (p Prop) PowerAt(pt, nc, nt float64) float64 {
	alpha := p.Alpha
	if alpha == 0 {
		alpha = DefaultAlpha
	}
	pc := p.PControl
	if p.Method == Pooled {
		n := nc // equal arms
		d := pt - pc
		pbar := (pc + pt) / 2
		vbar := pbar * (1 - pbar)
		v := pc*(1-pc) + pt*(1-pt)
		switch p.Alternative {
		case stats.Greater, stats.Less:
			d *= sideOf(p.Alternative)
			return normalCDF((math.Sqrt(n)*d - normalUpperQuantile(alpha)*math.Sqrt(2*vbar)) / math.Sqrt(v))
		}
		qu := normalUpperQuantile(alpha / 2)
		ad := math.Abs(d)
		return normalCDF((math.Sqrt(n)*ad-qu*math.Sqrt(2*vbar))/math.Sqrt(v)) +
			normalCDF(-(math.Sqrt(n)*ad+qu*math.Sqrt(2*vbar))/math.Sqrt(v))
	}
	hs := CohenH(pc, pt) * (1 / math.Sqrt(1/nc+1/nt))
	switch p.Alternative {
	case stats.Greater:
		return normalCDF(hs - normalUpperQuantile(alpha))
	case stats.Less:
		return normalCDF(-normalUpperQuantile(alpha) - hs)
	}
	q := normalUpperQuantile(alpha / 2)
	hs = math.Abs(hs)
	return normalCDF(hs-q) + normalCDF(-q-hs)
}

// Solve computes the one quantity left out; see TTest.Solve for how the
// sample size is solved and inflated for attrition. Solving for PTreatment
// gives the proportion nearest PControl, above it (below it under Less or
// with Reduction), that has the power.
//
// Errors: ErrUnknowns unless exactly one quantity is left out;
// stats.ErrDomain for a proportion outside (0, 1), Alpha, Power or
// Attrition out of range, or Pooled with unequal arms; ErrUnreachable for a
// target power at or below Alpha, a one-sided test with the change in the
// wrong direction, equal proportions, or no proportion in (0, 1) with the
// power.
func (p Prop) Solve() (PropResult, error) {
	if p.Alpha == 0 {
		p.Alpha = DefaultAlpha
	}
	if p.Ratio == 0 {
		p.Ratio = 1
	}
	var res PropResult
	nUnknown := p.NControl == 0 && p.NTreatment == 0
	if err := countUnknowns(p.Power == 0, nUnknown, p.PTreatment == 0); err != nil {
		return res, err
	}
	if err := checkLevels(p.Alpha, p.Power, p.Ratio, p.Attrition); err != nil {
		return res, err
	}
	if err := checkAlternative(p.Alternative); err != nil {
		return res, err
	}
	if p.Method != Arcsine && p.Method != Pooled {
		return res, fmt.Errorf("%w: method %d", stats.ErrDomain, int(p.Method))
	}
	if !(p.PControl > 0 && p.PControl < 1) {
		return res, fmt.Errorf("%w: p_control %g is outside (0, 1)", stats.ErrDomain, p.PControl)
	}
	if p.PTreatment != 0 && !(p.PTreatment > 0 && p.PTreatment < 1) {
		return res, fmt.Errorf("%w: p_treatment %g is outside (0, 1)", stats.ErrDomain, p.PTreatment)
	}
	if p.Method == Pooled && (p.Ratio != 1 || p.NControl != p.NTreatment) {
		return res, fmt.Errorf("%w: the pooled method needs equal arms", stats.ErrDomain)
	}
	if !nUnknown {
		if err := checkN("n_control", p.NControl); err != nil {
			return res, err
		}
		if err := checkN("n_treatment", p.NTreatment); err != nil {
			return res, err
		}
	}
	nc, nt := arms(p.NControl, p.NTreatment, p.Attrition)
	switch {
	case p.Power == 0:
		p.Power = p.PowerAt(p.PTreatment, nc, nt)
		return p.result(SolvedPower, math.NaN()), nil
	case p.PTreatment == 0:
		if err := checkTarget(p.Power, p.Alpha); err != nil {
			return res, err
		}
		down := p.Alternative == stats.Less || (p.Alternative == stats.TwoSided && p.Reduction)
		const edge = 1e-12
		var (
			pt float64
			ok bool
		)
		if down {
			pt, ok = solveBetween(func(x float64) float64 { return p.PowerAt(p.PControl-x, nc, nt) }, p.Power, 0, p.PControl-edge)
			pt = p.PControl - pt
		} else {
			pt, ok = solveBetween(func(x float64) float64 { return p.PowerAt(p.PControl+x, nc, nt) }, p.Power, 0, 1-edge-p.PControl)
			pt = p.PControl + pt
		}
		if !ok {
			return res, fmt.Errorf("%w: no treatment proportion in (0, 1) gives power %g with these arms", ErrUnreachable, p.Power)
		}
		p.PTreatment = pt
		return p.result(SolvedEffect, math.NaN()), nil
	default:
		if err := checkTarget(p.Power, p.Alpha); err != nil {
			return res, err
		}
		d := p.PTreatment - p.PControl
		if d == 0 {
			return res, fmt.Errorf("%w: the proportions are equal, so no sample size detects a difference", ErrUnreachable)
		}
		if s := sideOf(p.Alternative); s*d < 0 {
			return res, fmt.Errorf("%w: a one-sided test (%v) cannot detect a change from %g to %g, which is in the other direction", ErrUnreachable, p.Alternative, p.PControl, p.PTreatment)
		}
		r := p.Ratio
		h := CohenH(p.PControl, p.PTreatment)
		guess := normalGuess(p.Alpha, p.Power, p.Alternative == stats.TwoSided, (1+1/r)/(h*h))
		n, err := solveIncreasing(func(n float64) float64 { return p.PowerAt(p.PTreatment, n, r*n) }, p.Power, nLower(r), guess, nMax)
		if err != nil {
			return res, err
		}
		if p.NControl, p.NTreatment, err = recruit(n, r, p.Attrition); err != nil {
			return res, err
		}
		return p.result(SolvedN, n), nil
	}
}
