package qed

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/evalkit/evalkit/stats"
	"gonum.org/v1/gonum/stat/distuv"
)

// DiDOptions are the optional parts of a difference in differences.
type DiDOptions struct {
	// Level is the confidence level; 0 means 0.95.
	Level float64
	// Permutations, when positive, is B, the number of times the cohorts
	// are permuted across units for randomisation inference (see DiD), and
	// Seed seeds them.
	Permutations uint
	Seed         uint64
	// Progress, when not nil, is called with the permutations done.
	Progress func(done, total int)
}

// Effect is an estimate with its inference.
type Effect struct {
	Estimate float64 `json:"estimate"`
	SE       float64 `json:"se"`
	// DF is the t distribution's degrees of freedom; NaN (null) where the
	// interval is from the normal.
	DF     float64 `json:"df"`
	CILow  float64 `json:"ci_low"`
	CIHigh float64 `json:"ci_high"`
	PValue float64 `json:"p_value"`
}

// ATTGT is one group-time average treatment effect.
type ATTGT struct {
	Group float64 `json:"group"`
	Time  float64 `json:"time"`
	ATT   float64 `json:"att"`
	SE    float64 `json:"se"`
}

// EventTime is the dynamic aggregation at one event time.
type EventTime struct {
	EventTime float64 `json:"event_time"`
	Estimate  float64 `json:"estimate"`
	SE        float64 `json:"se"`
	CILow     float64 `json:"ci_low"`
	CIHigh    float64 `json:"ci_high"`
}

// Dynamic is the dynamic (event-study) aggregation.
type Dynamic struct {
	Effect
	ByEventTime []EventTime `json:"by_event_time"`
}

// Cohort is a group of units first treated in the same period.
type Cohort struct {
	FirstTreated float64 `json:"first_treated"`
	Units        int     `json:"units"`
}

// DiDResult is a difference in differences as evalkit did reports it (the
// contract's keys, and counts and warnings added).
type DiDResult struct {
	Outcome string `json:"outcome"`
	// Method is "twfe_cr2" (one treated cohort) or "callaway_santanna".
	Method       string   `json:"method"`
	Level        float64  `json:"level"`
	Units        int      `json:"n_units"`
	Periods      int      `json:"n_periods"`
	Rows         int      `json:"n_rows"`
	Missing      int      `json:"n_missing"`
	Clusters     int      `json:"n_clusters"`
	Cohorts      []Cohort `json:"cohorts"`
	NeverTreated int      `json:"never_treated"`
	ATTGT        []ATTGT  `json:"att_gt"`
	Simple       Effect   `json:"simple"`
	Dynamic      *Dynamic `json:"dynamic"`
	// PretrendP is 1 - pchisq(W, q) of the q pre-treatment ATT(g,t);
	// PretrendChi2 is W and PretrendDF q. NaN (null) with one cohort.
	PretrendP    float64 `json:"pretrend_p"`
	PretrendChi2 float64 `json:"pretrend_chi2"`
	PretrendDF   *int    `json:"pretrend_df"`
	// RIPValue is the randomisation p-value of the permuted cohorts (NaN
	// without permutations), RIDraws and RIExact as in evalkit analyse.
	RIPValue float64  `json:"ri_p_value"`
	RIDraws  *int     `json:"ri_draws"`
	RIExact  *bool    `json:"ri_exact"`
	SMSLevel int      `json:"sms_level"`
	Warnings []string `json:"warnings"`
}

// DiD estimates the effect of the treatment on the panel's outcome.
//
// With one treated cohort (a single first treated period among the units)
// it is the two-way fixed-effects estimate of stats.TWFE, clustered on
// Columns.Cluster or the unit, reported in Simple with its t interval;
// ATTGT, Dynamic and the pre-trend test are then null. With several it is
// Callaway and Sant'Anna's estimator against the never-treated units
// (stats.CallawaySantAnna, as did::att_gt with allow_unbalanced_panel =
// TRUE: a unit missing in a period leaves only the cells that need that
// period, and its other rows still count), with Simple and Dynamic as
// did::aggte's aggregations, their intervals from the normal; Cluster is
// then an error, as their standard errors are clustered on unit.
//
// With opt.Permutations, the units' first treated periods are permuted
// across the units (complete randomisation with the cohorts' sizes kept,
// rct.RandomisationTest with its reproducible streams, the same result on
// any number of cores) and the estimate of Simple is recomputed each
// time: RIPValue = (1 + #{|T*| ≥ |T|}) / (1 + B), or the exact share when
// every permutation can be enumerated within B.
func (p *Panel) DiD(opt DiDOptions) (*DiDResult, error) {
	r := &DiDResult{Outcome: p.Columns.Outcome, Rows: p.Rows, Missing: p.Missing, SMSLevel: SMSLevel,
		Warnings: []string{}, RIPValue: math.NaN(), PretrendP: math.NaN(), PretrendChi2: math.NaN()}
	units, periods := map[string]float64{}, map[float64]bool{}
	for i, u := range p.Unit {
		units[u] = p.FirstTreated[i]
		periods[p.Time[i]] = true
	}
	r.Units, r.Periods = len(units), len(periods)
	last := slices.Max(p.Time)
	sizes := map[float64]int{}
	after := 0
	for _, g := range units {
		switch {
		case g > last:
			after++
			r.NeverTreated++
		case g > 0:
			sizes[g]++
		default:
			r.NeverTreated++
		}
	}
	for g, k := range sizes {
		r.Cohorts = append(r.Cohorts, Cohort{g, k})
	}
	slices.SortFunc(r.Cohorts, func(a, b Cohort) int { return cmp.Compare(a.FirstTreated, b.FirstTreated) })
	if missing := r.Units*r.Periods - len(p.Unit); missing > 0 {
		r.Warnings = append(r.Warnings, fmt.Sprintf("unbalanced_panel: %d unit-periods are missing (%d rows without an outcome); each estimate uses the units observed in the periods it compares", missing, p.Missing))
	}
	if after > 0 {
		r.Warnings = append(r.Warnings, fmt.Sprintf("treated_after_panel: %d units first treated after the last period were used as never treated, as did does", after))
	}
	var err error
	switch len(r.Cohorts) {
	case 0:
		return nil, fmt.Errorf("column %q: no unit is ever treated, so there is no effect to estimate", p.Columns.FirstTreated)
	case 1:
		err = p.twfe(r, opt)
	default:
		err = p.staggered(r, opt)
	}
	if err != nil {
		return nil, err
	}
	if opt.Permutations > 0 {
		if err := p.randomisation(r, opt); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// twfe fills in the one-cohort estimate.
func (p *Panel) twfe(r *DiDResult, opt DiDOptions) error {
	r.Method = "twfe_cr2"
	f, err := stats.TWFE(p.Outcome, p.treatedPost(p.FirstTreated), p.Unit, p.timeLabels(), p.Cluster, opt.Level)
	if err != nil {
		return fmt.Errorf("two-way fixed effects: %w", err)
	}
	r.Level, r.Clusters = f.Level, f.Clusters
	r.Simple = Effect{f.Estimate, f.SE, f.DF, f.CILow, f.CIHigh, f.P}
	if f.Clusters < 20 {
		r.Warnings = append(r.Warnings, fmt.Sprintf("few_clusters: %d clusters; CR2 with Bell-McCaffrey degrees of freedom is the small-sample correction, but intervals from fewer than 20 clusters are fragile", f.Clusters))
	}
	return nil
}

// staggered fills in Callaway and Sant'Anna's estimates.
func (p *Panel) staggered(r *DiDResult, opt DiDOptions) error {
	r.Method = "callaway_santanna"
	if p.Cluster != nil {
		return fmt.Errorf("--cluster %q: with several cohorts the standard errors are Callaway and Sant'Anna's, clustered on unit (%q); other clusters need the bootstrap, which this release does not have", p.Columns.Cluster, p.Columns.Unit)
	}
	cs, err := stats.CallawaySantAnna(p.Outcome, p.Time, p.FirstTreated, p.Unit, opt.Level)
	if err != nil {
		return fmt.Errorf("the Callaway and Sant'Anna estimator: %w", err)
	}
	r.Level, r.Clusters = cs.Level, cs.Units
	for _, c := range cs.Cells {
		r.ATTGT = append(r.ATTGT, ATTGT{c.Group, c.Time, c.ATT, c.SE})
	}
	r.Simple = normalEffect(cs.Simple)
	r.Dynamic = &Dynamic{Effect: normalEffect(cs.Dynamic), ByEventTime: []EventTime{}}
	for _, e := range cs.ByEventTime {
		r.Dynamic.ByEventTime = append(r.Dynamic.ByEventTime, EventTime{e.EventTime, e.Estimate, e.SE, e.CILow, e.CIHigh})
	}
	r.PretrendP, r.PretrendChi2 = cs.PretrendP, cs.PretrendW
	if cs.PretrendQ > 0 {
		q := cs.PretrendQ
		r.PretrendDF = &q
	}
	if cs.DroppedTreatedFirst > 0 {
		r.Warnings = append(r.Warnings, fmt.Sprintf("treated_first_period: %d units first treated in the first period or before were left out (they have no period before treatment), as did does", cs.DroppedTreatedFirst))
	}
	return nil
}

// normalEffect adds the normal p-value to an aggregation (df null).
func normalEffect(a stats.DiDAggregate) Effect {
	return Effect{a.Estimate, a.SE, math.NaN(), a.CILow, a.CIHigh, 2 * distuv.UnitNormal.CDF(-math.Abs(a.Estimate/a.SE))}
}

// treatedPost returns D_it: the unit's first treated period g > 0 and t ≥ g.
func (p *Panel) treatedPost(first []float64) []bool {
	d := make([]bool, len(first))
	for i, g := range first {
		d[i] = g > 0 && p.Time[i] >= g
	}
	return d
}

// timeLabels returns the periods as labels.
func (p *Panel) timeLabels() []string {
	out := make([]string, len(p.Time))
	for i, t := range p.Time {
		out[i] = fmt.Sprint(t)
	}
	return out
}
