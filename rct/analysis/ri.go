package analysis

import (
	"errors"
	"fmt"
	"math"

	"github.com/evalkit/evalkit/internal/table"
	"github.com/evalkit/evalkit/rct"
	"github.com/evalkit/evalkit/stats"
)

// randomisation fills in each comparison's randomisation inference: the
// trial is re-randomised as it was randomised, the comparison's estimate T
// (its logarithm for a rate ratio) is recomputed each time, and
//
//	ri_p_value = (1 + #{|T*| >= |T_obs|}) / (1 + B)
//
// or, when every allocation is equally likely and there are no more than
// B, the exact share of all allocations with |T*| >= |T_obs|
// (rct.RandomisationTest), with the draws' Monte Carlo error. Without a
// design the re-randomisation is complete randomisation of the
// comparison's two arms with their observed counts, within each block,
// whole clusters together; with one (Data.Allocated) it is the manifest's
// own method (rct.AllocatedDesign.Rerandomiser). Every comparison draws
// from the same seed, so the result depends only on the data, the plan and
// its seed.
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
		perms, design, err := t.rerandomiser(s, tr)
		if err != nil {
			return fmt.Errorf("randomisation inference: comparison of %s with %s: %w", tr.label, t.control.label, err)
		}
		if p.Comparison != nil {
			p.Comparison(tr.label, t.control.label)
		}
		opt := rct.RIOptions{Draws: p.Permutations, Auto: p.AutoPermutations, Seed: p.Seed, Progress: p.Progress}
		rr, stat := t.riStatistic(s, c.Method, perms)
		r, err := rct.RandomisationTest(rr, stat, opt)
		if errors.Is(err, rct.ErrUndefinedStatistic) {
			c.note("ri_p_value: undefined, the estimate cannot be recomputed on the observed allocation")
			continue
		}
		if err != nil {
			return err
		}
		c.setRI(r)
		if r.Exact {
			c.note("ri_p_value: %s, exact, over all %d allocations (%s)", FormatNumber(r.P), r.Draws, design)
		} else {
			c.note("ri_p_value: %s, from %d re-randomisations with seed %d (%s); Monte Carlo se %s, 99%% interval [%s, %s]",
				FormatNumber(r.P), r.Draws, p.Seed, design, FormatNumber(c.RIMCSE), FormatNumber(c.RICILow), FormatNumber(c.RICIHigh))
		}
		if r.Undefined > 0 {
			c.note("ri_p_value: the estimate was undefined for %d of the allocations, counted as not extreme", r.Undefined)
		}
	}
	return nil
}

// setRI records a randomisation test's result.
func (c *Comparison) setRI(r rct.RIResult) {
	draws, exact := r.Draws, r.Exact
	c.RIPValue, c.RIDraws, c.RIExact = r.P, &draws, &exact
	c.RIMCSE = r.MCSE()
	c.RICILow, c.RICIHigh = r.MCInterval()
}

// rerandomiser returns the re-randomisation of the comparison's rows and
// its description.
func (t *trial) rerandomiser(s *subset, tr *arm) (rct.Rerandomiser, string, error) {
	if des := t.d.design; des != nil {
		units := make([]int, len(s.row))
		for i, r := range s.row {
			units[i] = des.unit[r]
		}
		rr, err := des.alloc.Rerandomiser(units, tr.label, t.control.label)
		return rr, fmt.Sprintf("re-randomised by the design's method, %s, as recorded in %s", des.Method, des.Manifest), err
	}
	design := "complete randomisation with the observed arm counts"
	if t.d.block != nil {
		design += " within blocks"
	}
	if t.d.cluster != nil {
		design += ", whole clusters together"
	}
	p, err := t.permutations(s)
	return p, design, err
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
				return nil, fmt.Errorf("cluster %q (column %q) %s (rows %d and %d)", table.Clip(ue.Value), table.Clip(t.d.cols.Cluster), msg, s.row[ue.Other]+2, s.row[ue.Row]+2)
			}
		}
	}
	return p, err
}

// riStatistic returns the statistic T of a comparison by method m, and
// the re-randomiser rr to draw it with: the estimate, or its logarithm for
// a rate ratio. Least squares computes the treatment's coefficient alone
// (stats.TreatmentEstimator: the estimate does not depend on the standard
// errors), from cluster totals when rr keeps clusters whole
// (rct.ClusterRerandomiser: rr is then given by cluster, and a draw costs
// O(J) for J clusters), else from the units'; the count models re-fit the
// GLM, and mixed_reml the mixed model by REML, whose variances change with
// the allocation (about a millisecond a draw for a few hundred rows, a few
// for ten thousand: stats' BenchmarkLMM). A re-fit that fails gives NaN. An
// assignment that puts rows in neither arm (-1: a re-run minimisation of
// three or more arms) is analysed on the rows it leaves in the comparison,
// by a full re-fit.
func (t *trial) riStatistic(s *subset, m Method, rr rct.Rerandomiser) (rct.Rerandomiser, func() rct.Statistic) {
	if m.LeastSquares() {
		return t.riLeastSquares(s, m, rr)
	}
	return rr, t.riOther(s, m)
}

// riLeastSquares returns the least-squares statistic of riStatistic.
func (t *trial) riLeastSquares(s *subset, m Method, rr rct.Rerandomiser) (rct.Rerandomiser, func() rct.Statistic) {
	opt := stats.OLSOptions{Cov: stats.HC0, Block: s.block}
	tm, err := stats.NewTreatmentModel(s.y, s.covNames, s.cov, opt)
	var est *stats.TreatmentEstimator
	if err == nil {
		if cr, ok := rr.(rct.ClusterRerandomiser); ok {
			group, groups := cr.Clusters(), 0
			for _, g := range group {
				groups = max(groups, g+1)
			}
			if est, err = tm.Estimator(group, groups); err == nil {
				return cr.ByCluster(), func() rct.Statistic { return est.Clone().Estimate }
			}
		}
		unit := make([]int, len(s.y))
		for i := range unit {
			unit[i] = i
		}
		est, _ = tm.Estimator(unit, len(unit)) // no error: a unit is in one block
	}
	return rr, func() rct.Statistic {
		e := est
		if e != nil {
			e = e.Clone()
		}
		return func(assign []int) float64 {
			if inOther(assign) {
				return t.refit(s, m, assign)
			}
			if e == nil {
				return math.NaN()
			}
			return e.Estimate(assign)
		}
	}
}

// riOther returns the statistic of riStatistic for the methods other than
// least squares.
func (t *trial) riOther(s *subset, m Method) func() rct.Statistic {
	switch m {
	case NegBinGLM, PoissonGLM, MixedREML:
		return func() rct.Statistic {
			return func(assign []int) float64 { return t.refit(s, m, assign) }
		}
	case PoissonExact:
		return func() rct.Statistic {
			return func(assign []int) float64 {
				var yt, et, yc, ec float64
				for i, a := range assign {
					switch a {
					case 1:
						yt += s.y[i]
						et += s.exposure[i]
					case 0:
						yc += s.y[i]
						ec += s.exposure[i]
					}
				}
				return math.Log(yt/et) - math.Log(yc/ec)
			}
		}
	}
	// welch_t and fisher_exact: the difference in means (or risks), which
	// leaves rows of other arms out.
	return func() rct.Statistic { return rct.DiffInMeans(s.y, 1, 0) }
}

// inOther reports whether an assignment puts a row in neither arm.
func inOther(assign []int) bool {
	for _, a := range assign {
		if a < 0 {
			return true
		}
	}
	return false
}

// refit fits the comparison's model by method m on the rows that assign
// puts in the treatment (1) or control (0) arm, and returns its statistic.
func (t *trial) refit(s *subset, m Method, assign []int) float64 {
	if inOther(assign) {
		var err error
		if s, err = s.where(t.d, func(i int) bool { return assign[i] >= 0 }); err != nil {
			return math.NaN()
		}
		kept := make([]int, 0, len(s.row))
		for _, a := range assign {
			if a >= 0 {
				kept = append(kept, a)
			}
		}
		assign = kept
	}
	treat := make([]bool, len(assign))
	tcol := make([]float64, len(assign))
	for i, a := range assign {
		treat[i] = a == 1
		if treat[i] {
			tcol[i] = 1
		}
	}
	if m.LeastSquares() {
		names := append([]string{"treat"}, s.covNames...)
		fit, err := stats.OLS(s.y, names, append([][]float64{tcol}, s.cov...), stats.OLSOptions{Cov: stats.HC0, Block: s.block})
		if err != nil {
			return math.NaN()
		}
		return coefficient(fit, "treat").Estimate
	}
	if m == MixedREML {
		names := append([]string{"treat"}, s.covNames...)
		fit, err := stats.LMM(s.y, names, append([][]float64{tcol}, s.cov...), s.cluster, stats.LMMOptions{Block: s.block})
		if err != nil {
			return math.NaN()
		}
		return fit.Coefficients[1].Estimate
	}
	fit, err := glmFit(s, "treat", treat, 0.95, m)
	if err != nil {
		return math.NaN()
	}
	return fit.Coefficients[1].Estimate
}
