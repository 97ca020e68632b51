package qed

import (
	"fmt"
	"math"
	"slices"

	"github.com/evalkit/evalkit/rct"
	"github.com/evalkit/evalkit/stats"
)

// randomisation permutes the cohorts across units (see DiD).
func (p *Panel) randomisation(r *DiDResult, opt DiDOptions) error {
	var names []string
	index := map[string]int{}
	var rowUnit []int
	for _, u := range p.Unit {
		k, ok := index[u]
		if !ok {
			k = len(names)
			index[u] = k
			names = append(names, u)
		}
		rowUnit = append(rowUnit, k)
	}
	groups := []float64{0}
	for _, c := range r.Cohorts {
		groups = append(groups, c.FirstTreated)
	}
	assign := make([]int, len(names))
	for i, k := range rowUnit {
		// A unit first treated after the panel is among the never treated.
		if g, ok := slices.BinarySearch(groups, p.FirstTreated[i]); ok {
			assign[k] = g
		}
	}
	perms, err := rct.NewPermutations(assign, nil, nil)
	if err != nil {
		return err
	}
	newStat := func() rct.Statistic { return p.permutedStatistic(r.Method, rowUnit, groups) }
	ri, err := rct.RandomisationTest(perms, newStat, rct.RIOptions{Draws: int(opt.Permutations), Seed: opt.Seed, Progress: opt.Progress})
	if err != nil {
		return fmt.Errorf("randomisation inference: %w", err)
	}
	r.RIPValue, r.RIDraws, r.RIExact = ri.P, &ri.Draws, &ri.Exact
	return nil
}

// permutedStatistic returns the estimate of Simple for an assignment of
// cohorts to units: the TWFE coefficient (by stats.TreatmentModel, units
// absorbed and period dummies, which does not recompute standard errors) or
// Callaway and Sant'Anna's simple aggregation.
func (p *Panel) permutedStatistic(method string, rowUnit []int, groups []float64) rct.Statistic {
	first := make([]float64, len(p.Unit))
	if method == "twfe_cr2" {
		var names []string
		var dummies [][]float64
		times := slices.Compact(slices.Sorted(slices.Values(p.Time)))
		for _, t := range times[1:] {
			col := make([]float64, len(p.Time))
			for i, ti := range p.Time {
				if ti == t {
					col[i] = 1
				}
			}
			names = append(names, fmt.Sprint("period", t))
			dummies = append(dummies, col)
		}
		tm, err := stats.NewTreatmentModel(p.Outcome, names, dummies, stats.OLSOptions{Cov: stats.HC0, Block: p.Unit})
		return func(assign []int) float64 {
			if err != nil {
				return math.NaN()
			}
			for i, k := range rowUnit {
				first[i] = groups[assign[k]]
			}
			f, err := tm.Fit(p.treatedPost(first))
			if err != nil {
				return math.NaN()
			}
			return f.Estimate
		}
	}
	return func(assign []int) float64 {
		for i, k := range rowUnit {
			first[i] = groups[assign[k]]
		}
		cs, err := stats.CallawaySantAnna(p.Outcome, p.Time, first, p.Unit, 0)
		if err != nil {
			return math.NaN()
		}
		return cs.Simple.Estimate
	}
}
