package stats

import (
	"fmt"
	"sort"

	"gonum.org/v1/gonum/floats"
)

// LeeResult holds Lee's bounds on a difference in means under attrition.
type LeeResult struct {
	// Lower and Upper bound the effect (treatment minus control) among the
	// units that would be observed whichever arm they were in.
	Lower, Upper float64
	// TrimShare is p, the share of the trimmed arm's observed outcomes
	// left out; 0 when the arms retain equal shares (no trimming, and
	// Lower = Upper = the difference in means).
	TrimShare float64
	// TrimTreatment is true when the treatment arm is trimmed (it retains
	// the larger share), false when the control arm is, or neither.
	TrimTreatment bool
	// RetentionTreatment and RetentionControl are the shares of each arm
	// whose outcome is observed.
	RetentionTreatment, RetentionControl float64
}

// LeeBounds returns Lee's (2009) sharp bounds on the effect of treatment
// for the units whose outcome would be observed in either arm, under
// monotone attrition (treatment affects whether an outcome is observed in
// one direction only) [1]. treated and control are the observed outcomes;
// nTreated and nControl count the units of each arm, observed or not. With
// the retention shares q_t = len(treated)/nTreated and q_c likewise, the arm
// with the larger share, say the treatment arm, is trimmed by
//
//	p = (q_t - q_c) / q_t
//
// of its observed outcomes, from the top for the lower bound and from the
// bottom for the upper:
//
//	lower = E[Y | treated, observed, Y ≤ y_(1-p)] - E[Y | control, observed]
//	upper = E[Y | treated, observed, Y ≥ y_(p)]   - E[Y | control, observed]
//
// When the control arm retains the larger share, it is trimmed by
// p = (q_c - q_t) / q_c instead, from the bottom for the lower bound (its
// mean is then largest) and from the top for the upper. The trimmed means
// are those of the empirical distribution: the trimmed arm keeps the mass
// m = (1 - p) n of its n observed outcomes, sorted, with the outcome at the
// boundary counted by the fraction of it that m takes in, so that ties and
// a non-whole m need no rule of their own. For the treatment arm
// m = nTreated len(control) / nControl, computed exactly in integers.
//
// Special cases:
//
//	no observed outcome in an arm          → error wrapping ErrTooFew
//	fewer units than observed outcomes     → error wrapping ErrDomain
//	a NaN or ±Inf outcome                  → error wrapping ErrDomain
//	equal retention                        → p = 0, Lower = Upper = the difference in means
//
// [1] Lee, D. S. (2009). Training, wages, and sample selection: estimating
// sharp bounds on treatment effects. Review of Economic Studies 76(3),
// 1071-1102.
func LeeBounds(treated, control []float64, nTreated, nControl int) (LeeResult, error) {
	nt, nc := len(treated), len(control)
	switch {
	case nt == 0 || nc == 0:
		return LeeResult{}, fmt.Errorf("%w: Lee bounds need an observed outcome in each arm (%d treated, %d control)", ErrTooFew, nt, nc)
	case nTreated < nt || nControl < nc:
		return LeeResult{}, fmt.Errorf("%w: more observed outcomes than units (%d of %d treated, %d of %d control)", ErrDomain, nt, nTreated, nc, nControl)
	}
	if err := olsCheckFinite("treated outcome", treated); err != nil {
		return LeeResult{}, err
	}
	if err := olsCheckFinite("control outcome", control); err != nil {
		return LeeResult{}, err
	}
	r := LeeResult{RetentionTreatment: float64(nt) / float64(nTreated), RetentionControl: float64(nc) / float64(nControl)}
	mt, mc := floats.Sum(treated)/float64(nt), floats.Sum(control)/float64(nc)
	// q_t > q_c exactly when nt nControl > nc nTreated.
	at, ac := nt*nControl, nc*nTreated
	switch {
	case at > ac:
		lo, hi := leeTrimmedMeans(treated, nTreated*nc, nControl)
		r.Lower, r.Upper = lo-mc, hi-mc
		r.TrimShare, r.TrimTreatment = float64(at-ac)/float64(at), true
	case ac > at:
		lo, hi := leeTrimmedMeans(control, nControl*nt, nTreated)
		r.Lower, r.Upper = mt-hi, mt-lo
		r.TrimShare = float64(ac-at) / float64(ac)
	default:
		r.Lower, r.Upper = mt-mc, mt-mc
	}
	return r, nil
}

// leeTrimmedMeans returns the means of the lowest and of the highest mass
// m = num/den of x's values (0 < m ≤ len(x)), the value at the boundary
// weighted by the fraction of it within m.
func leeTrimmedMeans(x []float64, num, den int) (low, high float64) {
	s := append([]float64(nil), x...)
	sort.Float64s(s)
	whole, frac := num/den, float64(num%den)/float64(den)
	m := float64(whole) + frac
	n := len(s)
	var sl, sh float64
	for i := 0; i < whole; i++ {
		sl += s[i]
		sh += s[n-1-i]
	}
	if frac > 0 {
		sl += frac * s[whole]
		sh += frac * s[n-1-whole]
	}
	return sl / m, sh / m
}
