package main

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/stat"

	"github.com/evalkit/evalkit/stats"
)

// methodFor picks the contract's method when there are covariates, a block
// or a cluster: ols_hc2 or ols_cr2 for continuous and binary outcomes (the
// latter as a linear probability model), negbin_glm or poisson_glm for
// counts.
func (x *analyseDesign) methodFor(o *analyseOptions, d *analyseData) (analyseMethod, error) {
	switch d.typ {
	case "continuous", "binary":
		method, cov := "ols_hc2", stats.HC2
		if x.cluster != nil {
			method, cov = "ols_cr2", stats.CR2
		}
		return func(t, c *analyseArm, level float64) analyseComparison {
			return x.olsComparison(d, t, c, level, method, cov)
		}, nil
	case "count":
		if x.cluster != nil {
			return nil, usageErrorf("--cluster is not defined for a count outcome (no cluster-robust count model in this release)")
		}
		method := "negbin_glm"
		if o.model == "poisson" {
			method = "poisson_glm"
		}
		return func(t, c *analyseArm, level float64) analyseComparison {
			return x.glmComparison(d, t, c, level, method)
		}, nil
	}
	return nil, fmt.Errorf("outcome type %q has no method", d.typ)
}

// analyseTreatName is the name the treatment indicator has in a model.
func analyseTreatName(t *analyseArm) string { return "arm " + t.label }

// start makes the comparison's subset and records its warnings.
func (x *analyseDesign) start(d *analyseData, t, c *analyseArm, method string) (analyseComparison, *analyseSubset) {
	r := newAnalyseComparison(t, c, method)
	s := analyseSubsetOf(d, t, c)
	if len(d.treatments) > 1 {
		r.note("rows: the %d rows of arms %s and %s only", len(s.y), t.label, c.label)
	}
	for _, w := range s.dropped {
		r.note("%s", x.warn("%s", w))
	}
	return r, s
}

// olsComparison is method ols_hc2 (or ols_cr2 with clusters): the
// coefficient of the treatment indicator in
//
//	lm_robust(outcome ~ treat + covariates + factor(block), se_type = "HC2")
//
// (clusters = cluster, se_type = "CR2" with its Bell-McCaffrey df), and for a
// continuous outcome adjusted_g = estimate / s_p with s_p the pooled SD of
// the outcome (that of cohens_d), its interval the estimate's over s_p.
func (x *analyseDesign) olsComparison(d *analyseData, t, c *analyseArm, level float64, method string, cov stats.CovType) analyseComparison {
	r, s := x.start(d, t, c, method)
	tcol := make([]float64, len(s.y))
	for i, b := range s.treat {
		if b {
			tcol[i] = 1
		}
	}
	names := append([]string{analyseTreatName(t)}, x.covNames...)
	opt := stats.OLSOptions{Cov: cov, Level: level, Block: s.block, Cluster: s.cluster}
	if cov == stats.CR2 && len(s.y) == 0 {
		r.undefined("estimate", fmt.Errorf("%w: no rows", stats.ErrTooFew))
		return r
	}
	cols := append([][]float64{tcol}, s.cov...)
	fit, err := stats.OLS(s.y, names, cols, opt)
	if err != nil {
		x.checkCovariateError(err, t, c)
		if cov != stats.CR2 || !errors.Is(err, stats.ErrDomain) {
			r.undefined("estimate", analyseStatsError(err))
			return r
		}
		// A cluster with leverage 1: the estimate stands, its CR2
		// standard error, interval, p-value and df do not.
		r.note("se, ci, p_value, df: undefined: %s", analyseClusterNames(analyseStatsError(err), s.clusterLabels))
		opt.Cov, opt.Cluster = stats.HC0, nil
		if fit, err = stats.OLS(s.y, names, cols, opt); err != nil {
			r.undefined("estimate", analyseStatsError(err))
			return r
		}
		b := analyseCoefficient(fit, names[0])
		r.Estimate = b.Estimate
	} else {
		b := analyseCoefficient(fit, names[0])
		r.Estimate, r.SE, r.CILow, r.CIHigh, r.PValue, r.DF = b.Estimate, b.SE, b.CILow, b.CIHigh, b.P, b.DF
		if cov == stats.CR2 {
			r.note("df: Bell-McCaffrey, %d clusters", fit.Clusters)
		}
	}
	if d.typ == "continuous" && !math.IsNaN(r.Estimate) {
		e := analyseEffect{Measure: "adjusted_g", Value: math.NaN(), CILow: math.NaN(), CIHigh: math.NaN()}
		if sp := analysePooledSD(s); sp > 0 {
			e.Value, e.CILow, e.CIHigh = r.Estimate/sp, r.CILow/sp, r.CIHigh/sp
		} else {
			r.note("adjusted_g: undefined: the pooled SD of the outcome is %s", analyseNum(sp))
		}
		r.EffectSizes = append(r.EffectSizes, e)
	}
	return r
}

// analysePooledSD is the pooled standard deviation of the outcome over the
// comparison's two arms,
//
//	s_p = sqrt(((n_t - 1) s_t² + (n_c - 1) s_c²) / (n_t + n_c - 2)),
//
// NaN with fewer than two rows in an arm.
func analysePooledSD(s *analyseSubset) float64 {
	var yt, yc []float64
	for i, v := range s.y {
		if s.treat[i] {
			yt = append(yt, v)
		} else {
			yc = append(yc, v)
		}
	}
	if len(yt) < 2 || len(yc) < 2 {
		return math.NaN()
	}
	_, vt := stat.MeanVariance(yt, nil)
	_, vc := stat.MeanVariance(yc, nil)
	nt, nc := float64(len(yt)), float64(len(yc))
	return math.Sqrt(((nt-1)*vt + (nc-1)*vc) / (nt + nc - 2))
}

// glmComparison is method negbin_glm (MASS::glm.nb) or poisson_glm (glm
// with family = poisson) of
//
//	outcome ~ treat + covariates + factor(block) + offset(log(exposure))
//
// with the rate ratio exp(β_treat), its Wald interval and p-value.
func (x *analyseDesign) glmComparison(d *analyseData, t, c *analyseArm, level float64, method string) analyseComparison {
	r, s := x.start(d, t, c, method)
	fit, err := analyseGLMFit(s, x.covNames, analyseTreatName(t), s.treat, level, method)
	if err != nil {
		x.checkCovariateError(err, t, c)
		r.undefined("estimate", analyseStatsError(err))
		return r
	}
	b := fit.Coefficients[1]
	r.Estimate, r.SE, r.CILow, r.CIHigh, r.PValue = math.Exp(b.Estimate), b.SE, math.Exp(b.CILow), math.Exp(b.CIHigh), b.P
	if method == "negbin_glm" {
		r.note("se: of log(estimate), the coefficient of the treatment indicator (theta %.6g)", fit.Theta)
	} else {
		r.note("se: of log(estimate), the coefficient of the treatment indicator")
	}
	return r
}

// analyseGLMFit fits the count model of s with the treatment indicator
// treat.
func analyseGLMFit(s *analyseSubset, covNames []string, treatName string, treat []bool, level float64, method string) (*stats.GLMResult, error) {
	n := len(s.y)
	tcol := make([]float64, n)
	for i, b := range treat {
		if b {
			tcol[i] = 1
		}
	}
	off := make([]float64, n)
	for i, e := range s.exposure {
		off[i] = math.Log(e)
	}
	names := append([]string{treatName}, covNames...)
	opt := stats.GLMOptions{Block: s.block, Offset: off, Level: level}
	cols := append([][]float64{tcol}, s.cov...)
	if method == "poisson_glm" {
		return stats.Poisson(s.y, names, cols, opt)
	}
	return stats.NegBin(s.y, names, cols, opt)
}

// checkCovariateError turns a model's complaint about a covariate (constant,
// or collinear with the treatment or the covariates before it) into the
// command's error.
func (x *analyseDesign) checkCovariateError(err error, t, c *analyseArm) {
	if x.err != nil || !errors.Is(err, stats.ErrSingular) {
		return
	}
	msg := err.Error()
	for _, n := range x.covNames {
		if !strings.Contains(msg, strconv.Quote(n)) {
			continue
		}
		what := "is constant"
		if x.block != nil {
			what += " within blocks"
		}
		if strings.Contains(msg, "collinear") {
			what = "is collinear with the treatment or the covariates before it"
		}
		x.err = fmt.Errorf("covariate %q %s in the comparison of %s with %s; leave it out of --covariates", n, what, t.label, c.label)
		return
	}
}

var analyseClusterRE = regexp.MustCompile(`cluster (\d+) has`)

// analyseClusterNames puts the cluster's label in place of its number in
// the CR2 error of a cluster with leverage 1.
func analyseClusterNames(err error, labels []string) error {
	msg := err.Error()
	m := analyseClusterRE.FindStringSubmatchIndex(msg)
	if m == nil {
		return err
	}
	k, _ := strconv.Atoi(msg[m[2]:m[3]])
	if k < 0 || k >= len(labels) {
		return err
	}
	return fmt.Errorf("%s%q%s", msg[:m[2]], labels[k], msg[m[3]:])
}

// analyseCoefficient returns the coefficient called name.
func analyseCoefficient(fit *stats.OLSResult, name string) stats.Coefficient {
	for _, co := range fit.Coefficients {
		if co.Name == name {
			return co
		}
	}
	panic("evalkit: no coefficient " + name)
}

// analyseStatsError drops the name of the stats package's sentinel error
// from the front of a message, which then says only what went wrong.
func analyseStatsError(err error) error {
	msg := err.Error()
	for _, s := range []error{stats.ErrTooFew, stats.ErrZeroVariance, stats.ErrNoConvergence, stats.ErrDomain, stats.ErrSingular} {
		if p := s.Error() + ": "; errors.Is(err, s) && strings.HasPrefix(msg, p) {
			return errors.New(msg[len(p):])
		}
	}
	return err
}
