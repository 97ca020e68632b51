package analysis

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/evalkit/evalkit/stats"
)

// multilevel is method mixed_reml: the coefficient of the treatment
// indicator in the linear mixed model with a random intercept for each
// cluster,
//
//	lmerTest::lmer(outcome ~ treat + covariates + factor(block) + (1 | cluster), REML = TRUE)
//
// with its Satterthwaite df, as lmerTest's summary (stats.LMM), and the
// interval and p-value from t with those df. Beside it:
//
//	var_cluster, var_residual   σ_u², σ² of that model (REML)
//	icc                         σ_u0² / (σ_u0² + σ_0²)
//	g_total                     estimate / sqrt(σ_u0² + σ_0²)
//	g_within                    estimate / sqrt(σ_0²)
//
// where σ_u0² and σ_0² are the variances of the model without covariates,
// lmer(outcome ~ treat + factor(block) + (1 | cluster)): the effect over
// the SD of the outcome that the model without covariates finds, in total
// and within clusters, as the Education Endowment Foundation's guidance
// defines it for cluster trials [1]; the intervals of g_total and g_within
// are the estimate's over the same SD. icc_ci_low and icc_ci_high are
// Searle's interval (iccInterval).
//
// A fit at or next to the boundary σ_u = 0 (lme4's isSingular) is warned
// of (singular_fit); a fit that does not converge leaves its numbers
// undefined, with the warning not_converged. With Plan.SiteSlopes the
// model has a random treatment slope by cluster too (multilevelSlopes).
//
// [1] Education Endowment Foundation (2022). Statistical analysis
// guidance for EEF evaluations, section on effect sizes for
// cluster-randomised trials (Hedges' total and within-cluster effect
// sizes, over the variance components of the unconditional model).
func (t *trial) multilevel(tr, c *arm, level float64) Comparison {
	if t.siteSlopes {
		return t.multilevelSlopes(tr, c, level)
	}
	r, s := t.start(tr, c, MixedREML)
	if len(s.y) == 0 {
		r.undefined("estimate", fmt.Errorf("%w: no rows", stats.ErrTooFew))
		return r
	}
	names := append([]string{treatName(tr)}, s.covNames...)
	cols := append([][]float64{indicator(s.treat)}, s.cov...)
	opt := stats.LMMOptions{Block: s.block, Level: level}
	fit, err := stats.LMM(s.y, names, cols, s.cluster, opt)
	if err != nil {
		t.checkCovariateError(err, s, tr, c)
		t.mixedFailed(&r, "estimate", err, tr, c)
		return r
	}
	b := fit.Coefficients[1]
	r.Estimate, r.SE, r.CILow, r.CIHigh, r.PValue, r.DF = b.Estimate, b.SE, b.CILow, b.CIHigh, b.P, b.DF
	r.VarCluster, r.VarResidual = fit.VarGroup, fit.VarResidual
	r.note("df: Satterthwaite, %d clusters", fit.Groups)
	fit0, of := fit, "of the same model"
	if len(s.cov) > 0 {
		of = "of the model without covariates"
		r.note("var_cluster, var_residual: of the model with the covariates")
		if fit0, err = stats.LMM(s.y, names[:1], cols[:1], s.cluster, opt); err != nil {
			t.mixedFailed(&r, "icc, g_total, g_within", err, tr, c)
		}
	}
	t.singularFits(fit, fit0, len(s.cov) > 0, tr, c)
	r.setUnconditional(s, fit0, of, level)
	return r
}

// setUnconditional fills in the comparison's icc, g_total and g_within
// from fit0, the model without covariates (nil when it could not be
// fitted), which of describes in the note, and Searle's interval.
func (r *Comparison) setUnconditional(s *subset, fit0 *stats.LMMResult, of string, level float64) {
	if fit0 != nil {
		r.ICC = fit0.ICC()
		total, within := math.Sqrt(fit0.VarGroup+fit0.VarResidual), math.Sqrt(fit0.VarResidual)
		r.EffectSizes = append(r.EffectSizes,
			Effect{"g_total", r.Estimate / total, r.CILow / total, r.CIHigh / total},
			Effect{"g_within", r.Estimate / within, r.CILow / within, r.CIHigh / within})
		r.note("icc, g_total, g_within: %s, whose SDs are %s in total and %s within clusters", of, FormatNumber(total), FormatNumber(within))
	}
	var err error
	r.ICCCILow, r.ICCCIHigh, err = iccInterval(s, level)
	if err != nil {
		r.note("icc_ci_low, icc_ci_high: undefined: %s", statsError(err))
	}
}

// iccInterval returns Searle's interval for the ICC of the comparison s
// (stats.SearleICCInterval) from the F ratio of the clusters' mean square
// to the within-cluster mean square, the clusters compared within their
// arm and block,
//
//	anova(lm(outcome ~ factor(arm):factor(block) + factor(cluster)))
//
// with df (J − cells, N − J), and Donner's n0 = (N − Σ n_j²/N) / (J − 1)
// (stats.ClusterANOVA). A cluster with rows in two arms or two blocks
// leaves it undefined.
func iccInterval(s *subset, level float64) (low, high float64, err error) {
	cell := make([]string, len(s.y))
	for i, b := range s.treat {
		cell[i] = "control"
		if b {
			cell[i] = "treatment"
		}
		if s.block != nil {
			cell[i] += "\x00" + s.block[i]
		}
	}
	a, err := stats.ClusterANOVA(s.y, s.cluster, cell)
	if err == nil {
		low, high, err = stats.SearleICCInterval(a.F, a.DF1, a.DF2, a.N0, level)
	}
	if err != nil {
		return math.NaN(), math.NaN(), err
	}
	return low, high, nil
}

// mixedFailed records that a mixed model of tr against c could not be
// fitted, which leaves what undefined; a model that did not converge is
// warned of (not_converged).
func (t *trial) mixedFailed(r *Comparison, what string, err error, tr, c *arm) {
	if errors.Is(err, stats.ErrNoConvergence) {
		t.warn("not_converged: the multilevel model of %s against %s did not converge (%v), so the comparison's %s undefined", tr.label, c.label, statsError(err), what+verb(what))
	}
	r.undefined(what, statsError(err))
}

// verb returns " is" after one name, " are" after a list.
func verb(what string) string {
	if strings.Contains(what, ",") {
		return " are"
	}
	return " is"
}

// singularFits warns (singular_fit) of each of the comparison's mixed
// models that lies at or next to the boundary σ_u = 0: fit, with the
// covariates when covariates is true, and fit0, without (nil when it
// failed).
func (t *trial) singularFits(fit, fit0 *stats.LMMResult, covariates bool, tr, c *arm) {
	const none = "a cluster variance the data cannot tell from 0 is no evidence that there is none"
	models := fmt.Sprintf("the multilevel model of %s against %s", tr.label, c.label)
	both := covariates && fit0 != nil && fit0.Singular
	switch {
	case fit.Singular && both:
		models = fmt.Sprintf("the multilevel models of %s against %s, with and without the covariates, are", tr.label, c.label)
	case fit.Singular && covariates:
		models += " with the covariates is"
	case fit.Singular:
		models += " is"
	case fit0 != nil && fit0.Singular:
		t.warn("singular_fit: %s without the covariates is singular: its clusters' variance is at or next to 0 (%s), so icc is about 0 and g_total about g_within; %s",
			models, FormatNumber(fit0.VarGroup), none)
		return
	default:
		return
	}
	t.warn("singular_fit: %s singular: the clusters' variance is at or next to 0 (var_cluster %s), on the boundary of the model; the estimate is then about that of least squares that ignores the clusters, and %s",
		models, FormatNumber(fit.VarGroup), none)
}

// indicator returns 1 where b holds, else 0.
func indicator(b []bool) []float64 {
	out := make([]float64, len(b))
	for i, v := range b {
		if v {
			out[i] = 1
		}
	}
	return out
}
