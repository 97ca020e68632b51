package analysis

import (
	"fmt"
	"math"

	"github.com/evalkit/evalkit/stats"
)

// multilevelSlopes is method mixed_reml with Plan.SiteSlopes, for a
// multi-site trial whose units were randomised within its sites (the
// cluster column): the coefficient of the treatment indicator in the
// linear mixed model with a random intercept and a random treatment slope
// for each site, correlated,
//
//	lmerTest::lmer(outcome ~ treat + covariates + factor(block) + (1 + treat | site), REML = TRUE)
//
// with its Satterthwaite df, as lmerTest's summary (stats.LMMRandomSlope),
// and the interval and p-value from t with those df: the average effect
// over the sites, whose own effects vary about it with variance
// var_site_slope. Beside it:
//
//	var_site_intercept, var_site_slope   the REML variances of the sites' intercepts and treatment slopes
//	cor_site                             their correlation
//	var_residual                         σ² of that model
//
// and, as without site slopes, icc, g_total and g_within of the
// random-intercept model without covariates, lmer(outcome ~ treat +
// factor(block) + (1 | site)) (see multilevel); var_cluster, the
// random-intercept model's, is undefined. A site with one arm only
// informs the intercepts' variance; a trial with no site holding both arms
// randomised whole sites, where a treatment slope by site cannot be told
// from the intercepts, and is an error. A fit whose sites' covariance
// matrix is at or next to singular (lme4's isSingular: a variance about 0
// or a correlation of ±1) is warned of (singular_fit).
func (t *trial) multilevelSlopes(tr, c *arm, level float64) Comparison {
	r, s := t.start(tr, c, MixedREML)
	if len(s.y) == 0 {
		r.undefined("estimate", fmt.Errorf("%w: no rows", stats.ErrTooFew))
		return r
	}
	if n := sitesOfBothArms(s); n == 0 {
		if t.err == nil {
			t.err = fmt.Errorf("analysis: site slopes: no site (column %q) holds both arms %s and %s, so the sites were randomised whole and the treatment's slope by site cannot be told from the sites' intercepts; analyse without site slopes",
				t.d.cols.Cluster, tr.label, c.label)
		}
		return r
	}
	names := append([]string{treatName(tr)}, s.covNames...)
	cols := append([][]float64{indicator(s.treat)}, s.cov...)
	opt := stats.LMMOptions{Block: s.block, Level: level}
	fit, err := stats.LMMRandomSlope(s.y, names, cols, s.cluster, 0, opt)
	if err != nil {
		t.checkCovariateError(err, s, tr, c)
		t.mixedFailed(&r, "estimate", err, tr, c)
		return r
	}
	b := fit.Coefficients[1]
	r.Estimate, r.SE, r.CILow, r.CIHigh, r.PValue, r.DF = b.Estimate, b.SE, b.CILow, b.CIHigh, b.P, b.DF
	r.VarSiteIntercept, r.VarSiteSlope, r.CorSite, r.VarResidual = fit.VarIntercept, fit.VarSlope, fit.Cor, fit.VarResidual
	r.note("df: Satterthwaite, %d sites, %d of them with both arms", fit.Groups, fit.GroupsVarying)
	with := "site slopes"
	if len(s.cov) > 0 {
		with += " and the covariates"
	}
	r.note("var_site_intercept, var_site_slope, cor_site, var_residual: of the model with %s", with)
	if math.IsNaN(fit.Cor) {
		r.note("cor_site: undefined, as a variance is 0")
	}
	r.note("var_cluster: undefined with site slopes: the sites' intercepts vary with variance var_site_intercept")
	fit0, err := stats.LMM(s.y, names[:1], cols[:1], s.cluster, opt)
	if err != nil {
		t.mixedFailed(&r, "icc, g_total, g_within", err, tr, c)
		fit0 = nil
	}
	t.singularSlopes(fit, fit0, tr, c)
	r.setUnconditional(s, fit0, "of the random-intercept model without covariates", level)
	return r
}

// sitesOfBothArms counts the clusters of s that hold rows of both arms.
func sitesOfBothArms(s *subset) int {
	arms := map[string]int{} // bit 1: control, bit 2: treatment
	for i, g := range s.cluster {
		bit := 1
		if s.treat[i] {
			bit = 2
		}
		arms[g] |= bit
	}
	n := 0
	for _, a := range arms {
		if a == 3 {
			n++
		}
	}
	return n
}

// singularSlopes warns (singular_fit) of the model with site slopes, fit,
// when its sites' covariance matrix is at or next to singular, and of
// fit0, the random-intercept model without covariates (nil when it
// failed), when its sites' variance is at or next to 0.
func (t *trial) singularSlopes(fit *stats.LMMRandomSlopeResult, fit0 *stats.LMMResult, tr, c *arm) {
	if fit.Singular {
		t.warn("singular_fit: the multilevel model of %s against %s with site slopes is singular: the sites' intercepts and treatment slopes have a covariance matrix at or next to singular (var_site_intercept %s, var_site_slope %s, cor_site %s), on the boundary of the model; a variance the data cannot tell from 0, or a correlation from ±1, is no evidence that it is so",
			tr.label, c.label, FormatNumber(fit.VarIntercept), FormatNumber(fit.VarSlope), FormatNumber(fit.Cor))
	}
	if fit0 != nil && fit0.Singular {
		t.warn("singular_fit: the random-intercept model of %s against %s without covariates, of icc, g_total and g_within, is singular: its sites' variance is at or next to 0 (%s), so icc is about 0 and g_total about g_within; a variance the data cannot tell from 0 is no evidence that there is none",
			tr.label, c.label, FormatNumber(fit0.VarGroup))
	}
}
