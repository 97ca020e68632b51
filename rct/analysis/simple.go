package analysis

import (
	"errors"
	"math"
	"strings"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/stat"

	"github.com/evalkit/evalkit/stats"
)

// undefined notes that a number could not be computed, and why: the
// library's message without the name of its sentinel error.
func (c *Comparison) undefined(what string, err error) {
	msg := err.Error()
	if i := strings.Index(msg, ": stats: "); i >= 0 {
		msg = msg[:i]
	}
	msg = strings.TrimPrefix(msg, "stats: ")
	c.note("%s: undefined: %s", what, msg)
}

// welch is method welch_t: Welch's t-test, with Student's t and the
// Mann-Whitney test beside it, and Cohen's d, Hedges' g and Glass's delta.
func welch(t, c *arm, level float64) Comparison {
	r := newComparison(t, c, WelchT)
	if w, err := stats.WelchT(t.y, c.y, level, stats.TwoSided); err != nil {
		r.undefined("welch_t", err)
		if len(t.y) > 0 && len(c.y) > 0 {
			// The difference in means is defined even where its SE is not.
			r.Estimate = stat.Mean(t.y, nil) - stat.Mean(c.y, nil)
		}
	} else {
		r.Estimate, r.SE, r.CILow, r.CIHigh, r.PValue, r.DF = w.Estimate, w.SE, w.CILow, w.CIHigh, w.P, w.DF
	}
	s, err := stats.StudentT(t.y, c.y, level, stats.TwoSided)
	if err != nil {
		r.undefined("student_t", err)
		s.T, s.P = math.NaN(), math.NaN()
	}
	r.Tests = append(r.Tests, Test{Method: "student_t", Statistic: s.T, PValue: s.P})
	m, err := stats.MannWhitney(t.y, c.y, stats.TwoSided)
	if err != nil {
		r.undefined("mann_whitney", err)
		m.W, m.P = math.NaN(), math.NaN()
	}
	r.Tests = append(r.Tests, Test{Method: "mann_whitney", Statistic: m.W, PValue: m.P})
	for _, m := range []struct {
		name string
		f    func(x, y []float64, level float64, alt stats.Alternative) (stats.SMDResult, error)
	}{{"cohens_d", stats.CohensD}, {"hedges_g", stats.HedgesG}, {"glass_delta", stats.GlassDelta}} {
		e := undefinedEffect(m.name)
		if s, err := m.f(t.y, c.y, level, stats.TwoSided); err != nil {
			r.undefined(m.name, err)
		} else {
			e.Value, e.CILow, e.CIHigh = s.Value, s.CILow, s.CIHigh
		}
		r.EffectSizes = append(r.EffectSizes, e)
	}
	return r
}

// undefinedEffect is an effect size whose numbers are not yet known.
func undefinedEffect(measure string) Effect {
	return Effect{Measure: measure, Value: math.NaN(), CILow: math.NaN(), CIHigh: math.NaN()}
}

// fisher is method fisher_exact: the risk difference with Newcombe's
// interval and Fisher's exact p-value, the risk and odds ratios, and the
// chi-square test.
func fisher(t, c *arm, level float64) Comparison {
	r := newComparison(t, c, FisherExact)
	x, nx := int(floats.Sum(t.y)), len(t.y)
	y, ny := int(floats.Sum(c.y)), len(c.y)
	if rd, err := stats.RiskDifference(x, nx, y, ny, level); err != nil {
		r.undefined("estimate", err)
	} else {
		r.Estimate, r.CILow, r.CIHigh = rd.Diff, rd.Low, rd.High
		r.note("se: none, the Newcombe interval is a score interval")
	}
	if f, err := stats.FisherExact(x, nx, y, ny, stats.TwoSided); err != nil {
		r.undefined("p_value", err)
	} else {
		r.PValue = f.P
	}
	for _, m := range []struct {
		name string
		f    func(x, nx, y, ny int, level float64) (stats.RatioResult, error)
	}{{"risk_ratio", stats.RiskRatio}, {"odds_ratio", stats.OddsRatio}} {
		e := undefinedEffect(m.name)
		if rr, err := m.f(x, nx, y, ny, level); err != nil {
			r.undefined(m.name, err)
		} else {
			e.Value, e.CILow, e.CIHigh = rr.Estimate, rr.Low, rr.High
			if rr.Corrected {
				r.note("%s: 0.5 added to every cell of the table, which has a zero cell", m.name)
			}
		}
		r.EffectSizes = append(r.EffectSizes, e)
	}
	cs, err := stats.ChiSquare(x, nx, y, ny)
	if err != nil {
		r.undefined("chi_square", err)
		cs.Statistic, cs.P = math.NaN(), math.NaN()
	}
	r.Tests = append(r.Tests, Test{Method: "chi_square", Statistic: cs.Statistic, PValue: cs.P})
	return r
}

// poissonExact is method poisson_exact: the rate ratio of the arms' total
// counts over their total exposures, by the exact conditional test.
func poissonExact(t, c *arm, level float64) Comparison {
	r := newComparison(t, c, PoissonExact)
	tx, ty := floats.Sum(t.exposure), floats.Sum(c.exposure)
	p, err := stats.PoissonTest(int(floats.Sum(t.y)), tx, int(floats.Sum(c.y)), ty, stats.TwoSided, level)
	if err != nil {
		r.undefined("estimate", err)
		return r
	}
	r.Estimate, r.CILow, r.CIHigh, r.PValue = p.RateRatio, p.CILow, p.CIHigh, p.P
	r.note("se: none, the interval is exact (Clopper-Pearson, conditional on the total count)")
	if math.IsInf(p.RateRatio, 1) {
		r.note("estimate: undefined (infinite), the control arm has no events")
	}
	if math.IsInf(p.CIHigh, 1) {
		r.note("ci_high: undefined (infinite), the control arm has no events")
	}
	return r
}

// negBin is method negbin_glm without covariates or blocks: the rate ratio
// exp(β) of a negative-binomial GLM of the two arms with an offset
// log(exposure), Wald interval and p-value. A fit that does not converge
// is warned of (not_converged).
func (t *trial) negBin(tr, c *arm, level float64) Comparison {
	r := newComparison(tr, c, NegBinGLM)
	n := len(tr.y) + len(c.y)
	y := make([]float64, 0, n)
	treat := make([]float64, 0, n)
	off := make([]float64, 0, n)
	for _, a := range []*arm{tr, c} {
		v := 0.0
		if a == tr {
			v = 1
		}
		for i := range a.y {
			y = append(y, a.y[i])
			treat = append(treat, v)
			off = append(off, math.Log(a.exposure[i]))
		}
	}
	fit, err := stats.NegBin(y, []string{"treat"}, [][]float64{treat}, stats.GLMOptions{Offset: off, Level: level})
	if err != nil {
		if errors.Is(err, stats.ErrNoConvergence) {
			t.warn("%s", notConvergedWarning(NegBinGLM, tr, c, err))
		}
		r.undefined("estimate", err)
		return r
	}
	r.setRatio(fit.Coefficients[1])
	r.note("se: of log(estimate), the coefficient of the treatment indicator (theta %.6g)", fit.Theta)
	return r
}

// setRatio sets the estimate, interval and p-value of a rate ratio from
// the coefficient b of the treatment indicator in a log-linear model.
func (r *Comparison) setRatio(b stats.GLMCoefficient) {
	r.Estimate, r.SE, r.CILow, r.CIHigh, r.PValue = math.Exp(b.Estimate), b.SE, math.Exp(b.CILow), math.Exp(b.CIHigh), b.P
}
