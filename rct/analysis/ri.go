package analysis

import (
	"errors"
	"fmt"
	"math"

	"github.com/evalkit/evalkit/rct"
	"github.com/evalkit/evalkit/stats"
)

// randomisation fills in each comparison's ri_p_value: the trial is
// re-randomised p.Permutations times as it was randomised (complete
// randomisation of the comparison's two arms with their observed counts,
// within each block, whole clusters together), the comparison's estimate T
// (its logarithm for a rate ratio) is recomputed each time, and
//
//	ri_p_value = (1 + #{|T*| >= |T_obs|}) / (1 + B)
//
// or, when there are no more allocations than B, the exact share of all
// allocations with |T*| >= |T_obs| (rct.RandomisationTest). Every
// comparison draws from the same seed, so the result depends only on the
// data, the plan and its seed.
func (t *trial) randomisation(p Plan, res *Result) error {
	for i, tr := range t.treatments {
		c := &res.Comparisons[i]
		if math.IsNaN(c.Estimate) {
			c.note("ri_p_value: undefined, as the estimate is")
			continue
		}
		s := t.subsets[tr] // the rows of the model, when there is one
		if s == nil {
			s = t.subsetOf(tr, t.control)
		}
		perms, err := t.permutations(s)
		if err != nil {
			return fmt.Errorf("randomisation inference: comparison of %s with %s: %w", tr.label, t.control.label, err)
		}
		if p.Comparison != nil {
			p.Comparison(tr.label, t.control.label)
		}
		r, err := rct.RandomisationTest(perms, t.riStatistic(s, c.Method), rct.RIOptions{Draws: p.Permutations, Seed: p.Seed, Progress: p.Progress})
		if errors.Is(err, rct.ErrUndefinedStatistic) {
			c.note("ri_p_value: undefined, the estimate cannot be recomputed on the observed allocation")
			continue
		}
		if err != nil {
			return err
		}
		c.RIPValue = r.P
		design := "complete randomisation with the observed arm counts"
		if t.d.block != nil {
			design += " within blocks"
		}
		if t.d.cluster != nil {
			design += ", whole clusters together"
		}
		if r.Exact {
			c.note("ri_p_value: %s, exact, over all %d allocations (%s)", FormatNumber(r.P), r.Draws, design)
		} else {
			c.note("ri_p_value: %s, from %d re-randomisations with seed %d (%s)", FormatNumber(r.P), r.Draws, p.Seed, design)
		}
		if r.Undefined > 0 {
			c.note("ri_p_value: the estimate was undefined for %d of the allocations, counted as not extreme", r.Undefined)
		}
	}
	return nil
}

// permutations describes the allocations of the comparison's rows.
func (t *trial) permutations(s *subset) (*rct.Permutations, error) {
	assign := make([]int, len(s.treat))
	for i, b := range s.treat {
		if b {
			assign[i] = 1
		}
	}
	p, err := rct.NewPermutations(assign, s.block, s.cluster)
	var ue *rct.UnitError
	if errors.As(err, &ue) {
		what := map[error]string{
			rct.ErrMixedCluster:       "holds units of both arms, so the clusters were not randomised whole",
			rct.ErrClusterSpansStrata: "lies in more than one block",
		}
		for sentinel, msg := range what {
			if errors.Is(err, sentinel) {
				return nil, fmt.Errorf("cluster %q (column %q) %s (rows %d and %d)", ue.Value, t.d.cols.Cluster, msg, s.row[ue.Other]+2, s.row[ue.Row]+2)
			}
		}
	}
	return p, err
}

// riStatistic returns the statistic T of a comparison by method m: the
// estimate, or its logarithm for a rate ratio. Least squares re-fits only
// the treatment's coefficient (stats.TreatmentModel: the estimate does not
// depend on the standard errors); the count models re-fit the GLM. A re-fit
// that fails gives NaN.
func (t *trial) riStatistic(s *subset, m Method) func() rct.Statistic {
	switch {
	case m.LeastSquares():
		opt := stats.OLSOptions{Cov: stats.HC0, Block: s.block}
		tm, err := stats.NewTreatmentModel(s.y, s.covNames, s.cov, opt)
		if err != nil {
			return func() rct.Statistic { return func([]int) float64 { return math.NaN() } }
		}
		return func() rct.Statistic {
			treat := make([]bool, len(s.y))
			return func(assign []int) float64 {
				for i, a := range assign {
					treat[i] = a == 1
				}
				f, err := tm.Fit(treat)
				if err != nil {
					return math.NaN()
				}
				return f.Estimate
			}
		}
	case m == NegBinGLM || m == PoissonGLM:
		return func() rct.Statistic {
			treat := make([]bool, len(s.y))
			return func(assign []int) float64 {
				for i, a := range assign {
					treat[i] = a == 1
				}
				fit, err := glmFit(s, "treat", treat, 0.95, m)
				if err != nil {
					return math.NaN()
				}
				return fit.Coefficients[1].Estimate
			}
		}
	case m == PoissonExact:
		return func() rct.Statistic {
			return func(assign []int) float64 {
				var yt, et, yc, ec float64
				for i, a := range assign {
					if a == 1 {
						yt += s.y[i]
						et += s.exposure[i]
					} else {
						yc += s.y[i]
						ec += s.exposure[i]
					}
				}
				return math.Log(yt/et) - math.Log(yc/ec)
			}
		}
	}
	// welch_t and fisher_exact: the difference in means (or risks).
	return func() rct.Statistic { return rct.DiffInMeans(s.y, 1, 0) }
}
