package stats

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"
)

// GroupTimeATT is one group-time average treatment effect ATT(g,t).
type GroupTimeATT struct {
	// Group is the period in which the group's units were first treated,
	// Time the period of the effect.
	Group, Time float64
	// ATT is the estimate; it is 0 by definition in the base period g-1.
	ATT float64
	// SE is its standard error; NaN in the base period, and wherever it is
	// numerically 0 (did's threshold: at most sqrt(machine epsilon) * 10).
	SE float64
}

// EventTimeATT is the dynamic aggregation at one event time e = t - g.
type EventTimeATT struct {
	EventTime     float64
	Estimate, SE  float64
	CILow, CIHigh float64
	Cells         int // the ATT(g,t) averaged
}

// DiDAggregate is an aggregation of the ATT(g,t) with its pointwise interval
// Estimate ± z SE.
type DiDAggregate struct {
	Estimate, SE, CILow, CIHigh float64
}

// StaggeredDiD is Callaway and Sant'Anna's estimator on a panel with
// staggered treatment (see CallawaySantAnna).
type StaggeredDiD struct {
	// Cells are the ATT(g,t), by group and then time, every period for every
	// group.
	Cells []GroupTimeATT
	// Simple and Dynamic are did::aggte's "simple" and "dynamic"
	// aggregations; ByEventTime holds the dynamic one's event times in order.
	Simple, Dynamic DiDAggregate
	ByEventTime     []EventTimeATT
	// PretrendW is the Wald statistic of the Q pre-treatment ATT(g,t) (the
	// base periods excluded), PretrendP = 1 - pchisq(W, Q); both NaN when
	// there are none or their covariance is singular.
	PretrendW, PretrendP float64
	PretrendQ            int
	// Units is the number of units used, Groups the first treated periods
	// in order, GroupUnits their numbers of units and NeverTreated the
	// number of comparison units.
	Units        int
	Groups       []float64
	GroupUnits   []int
	NeverTreated int
	// DroppedTreatedFirst counts units treated in the first period or
	// before (dropped, as did drops them); RecodedNever counts units first
	// treated after the last period, used as never treated (as did does).
	DroppedTreatedFirst, RecodedNever int
	// Level is the confidence level of the intervals.
	Level float64
}

// didSmallSE is did's threshold below which a standard error is reported
// as NA: sqrt(.Machine$double.eps) * 10.
const didSmallSE = 1.4901161193847656e-07

// CallawaySantAnna estimates the group-time average treatment effects of a
// panel with staggered treatment against the never-treated units, without
// covariates, with a universal base period, and aggregates them, as
//
//	did::att_gt(yname, tname, idname, gname, est_method = "reg",
//	            control_group = "nevertreated", base_period = "universal",
//	            allow_unbalanced_panel = TRUE, bstrap = FALSE, cband = FALSE)
//	did::aggte(..., type = "simple" | "dynamic", bstrap = FALSE, cband = FALSE)
//
// do [1]. group[i] is the first treated period of row i's unit (0 for never
// treated). For group g, b is the last period before g and, for every
// period t ≠ b,
//
//	ATT(g,t) = (Ȳ_g,t - Ȳ_g,b) - (Ȳ_∞,t - Ȳ_∞,b)
//
// with Ȳ_g,s the mean outcome at period s of the units of group g observed
// then (∞: the never treated); ATT(g,b) = 0. Its influence function is,
// for unit i (this is did's, which treats an unbalanced panel as repeated
// cross-sections and sums each unit's rows; on a balanced panel it equals
// the panel estimator's),
//
//	ψ_i = 1[G_i = g] (1_it (y_it - Ȳ_g,t)/n_g,t - 1_ib (y_ib - Ȳ_g,b)/n_g,b)
//	    - 1[G_i = ∞] (1_it (y_it - Ȳ_∞,t)/n_∞,t - 1_ib (y_ib - Ȳ_∞,b)/n_∞,b)
//
// (1_is: unit i observed at s; n_g,s the number observed), and
// SE = sqrt(Σ_i ψ_i²), clustered on unit. The simple aggregation weights
// the post-treatment cells (g ≤ t) by the group's share of units p_g; the
// dynamic one averages the cells of each event time e = t - g with weights
// p_g, and its overall estimate is the mean over e ≥ 0. Their influence
// functions include the estimation of the weights (did's wif). The
// pre-trend test is W = θ'(Ψ'Ψ)⁻¹θ over the pre-treatment cells (t < g,
// base periods excluded), which is did's n θ'V⁻¹θ with V = n Ψ'Ψ.
//
// Special cases:
//
//	no never-treated unit, or no treated group after the first period → error wrapping ErrTooFew
//	a group with no observed period before it                         → error wrapping ErrTooFew
//	a cell with no unit of its group or of the never treated observed
//	in period t or b                                                  → error wrapping ErrTooFew
//	a unit whose group differs between rows, or a unit observed twice
//	in a period                                                      → error wrapping ErrDomain
//	a NaN or ±Inf outcome                                             → error wrapping ErrDomain
//
// CallawaySantAnna panics if time, group or unit do not have len(y)
// elements.
//
// [1] Callaway, B. and Sant'Anna, P. H. C. (2021). Difference-in-differences
// with multiple time periods. Journal of Econometrics 225(2), 200-230.
func CallawaySantAnna(y, time, group []float64, unit []string, level float64) (*StaggeredDiD, error) {
	p, err := newDiDPanel(y, time, group, unit)
	if err != nil {
		return nil, err
	}
	lv, err := confidenceLevel(level)
	if err != nil {
		return nil, err
	}
	res := &StaggeredDiD{Units: p.n, Groups: p.groups, NeverTreated: len(p.members[0]),
		DroppedTreatedFirst: p.dropped, RecodedNever: p.recoded, Level: lv}
	for g := 1; g <= len(p.groups); g++ {
		res.GroupUnits = append(res.GroupUnits, len(p.members[g]))
	}
	cells, err := p.cells()
	if err != nil {
		return nil, err
	}
	for _, c := range cells {
		res.Cells = append(res.Cells, GroupTimeATT{Group: p.groups[c.g-1], Time: p.times[c.t], ATT: c.att, SE: didSE(c.psi)})
	}
	z := distuv.UnitNormal.Quantile(0.5 + lv/2)
	agg := func(est float64, psi [][]float64) DiDAggregate {
		se := didSE(psi)
		return DiDAggregate{Estimate: est, SE: se, CILow: est - z*se, CIHigh: est + z*se}
	}
	var post []int
	for k, c := range cells {
		if p.groups[c.g-1] <= p.times[c.t] {
			post = append(post, k)
		}
	}
	est, psi := p.aggregate(cells, post, true)
	res.Simple = agg(est, psi)

	events := map[float64][]int{}
	var eseq []float64
	for k, c := range cells {
		e := p.times[c.t] - p.groups[c.g-1]
		if _, ok := events[e]; !ok {
			eseq = append(eseq, e)
		}
		events[e] = append(events[e], k)
	}
	slices.Sort(eseq)
	var dynEst float64
	var dynPsi [][]float64
	m := 0
	for _, e := range eseq {
		est, psi := p.aggregate(cells, events[e], true)
		a := agg(est, psi)
		res.ByEventTime = append(res.ByEventTime, EventTimeATT{EventTime: e, Estimate: a.Estimate, SE: a.SE, CILow: a.CILow, CIHigh: a.CIHigh, Cells: len(events[e])})
		if e >= 0 {
			m++
			dynEst += est
			dynPsi = didAddPsi(dynPsi, psi, 1)
		}
	}
	if m > 0 {
		res.Dynamic = agg(dynEst/float64(m), didScalePsi(dynPsi, 1/float64(m)))
	} else {
		res.Dynamic = DiDAggregate{math.NaN(), math.NaN(), math.NaN(), math.NaN()}
	}
	res.PretrendW, res.PretrendP, res.PretrendQ = p.pretrend(cells)
	return res, nil
}

// didSE is sqrt(Σ ψ²), or NaN when it is below did's threshold.
func didSE(psi [][]float64) float64 {
	s := 0.0
	for _, v := range psi {
		for _, x := range v {
			s += x * x
		}
	}
	se := math.Sqrt(s)
	if !(se > didSmallSE) {
		return math.NaN()
	}
	return se
}

// didAddPsi returns a + s b for influence functions stored by group.
func didAddPsi(a, b [][]float64, s float64) [][]float64 {
	if a == nil {
		a = make([][]float64, len(b))
	}
	for g, v := range b {
		if v == nil {
			continue
		}
		if a[g] == nil {
			a[g] = make([]float64, len(v))
		}
		for i, x := range v {
			a[g][i] += s * x
		}
	}
	return a
}

// didScalePsi returns s a.
func didScalePsi(a [][]float64, s float64) [][]float64 { return didAddPsi(nil, a, s) }
