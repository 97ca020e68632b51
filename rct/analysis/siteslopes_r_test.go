package analysis

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats/scalar"
)

// slopesNumbers lists a mixed_reml comparison's numbers with site slopes in
// the order testdata/r/lmm_randslope.R's slopes() prints them: estimate, se,
// ci_low, ci_high, p_value, df, icc, var_site_intercept, var_site_slope,
// cor_site, var_residual, then g_total and g_within, each with its interval.
func slopesNumbers(c Comparison) []float64 {
	out := []float64{c.Estimate, c.SE, c.CILow, c.CIHigh, c.PValue, c.DF, c.ICC, c.VarSiteIntercept, c.VarSiteSlope, c.CorSite, c.VarResidual}
	for _, e := range c.EffectSizes {
		out = append(out, e.Value, e.CILow, e.CIHigh)
	}
	return out
}

// sitesCols are the columns of testdata/lmm/sites*.csv: the arm in treat (0
// the control), the outcome y, the sites in site.
func sitesCols(covariates ...string) Columns {
	return Columns{Arm: "treat", Outcome: "y", Cluster: "site", Covariates: covariates}
}

// slopesCases are the numbers of method mixed_reml with site slopes as R 4.2.2, lme4
// 1.1.31 and lmerTest 3.1.3 (Matrix 1.5.3, numDeriv 2016.8.1.1, minqa 1.2.5) compute them
// on testdata/lmm/sites.csv and sites_singular.csv (testdata/r/lmm_randslope.R, slopes()):
// summary(lmerTest::lmer(y ~ treat + covariates + factor(block) + (1 + treat | site),
// REML = TRUE, control = newton))'s treat row, newton being bobyqa with rhoend 1e-12
// followed by Newton's method on numDeriv's derivatives of the deviance (see the script),
// the interval from qt with its df, as.data.frame(VarCorr(fit)), and the ICC and the SDs of
// g_total and g_within from lmer(y ~ treat + factor(block) + (1 | site), control =
// lmerControl(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-12, maxfun = 1e5))). lmer
// iterates on a deviance flat to rounding near its optimum, so the tolerance is 1e-6
// relative (stats/lmm_randslope_test.go).
var slopesCases = []struct {
	name, file string
	cols       Columns
	plan       Plan
	want       []float64
}{
	// lmer(y ~ treat + x + (1 + treat | site)); icc from lmer(y ~ treat + (1 | site)). Site s11
	// holds control units only.
	{"sites", "sites.csv", sitesCols("x"), Plan{Control: "0", Model: Multilevel, SiteSlopes: true},
		[]float64{0.62617681298720718, 0.25835021289503157, 0.062153333577229297, 1.1902002923971851, 0.032428922666702616, 11.787649841705683, 0.39328041676177444, 1.0192720362071486, 0.44561279928855102, 0.75880261943245075, 2.3109393919600905, 0.30112939585066484, 0.029889634049094491, 0.57236915765223517, 0.3865975935305932, 0.038373074014402965, 0.73482211304678346}},
	{"sites level 0.9", "sites.csv", sitesCols("x"), Plan{Control: "0", Model: Multilevel, SiteSlopes: true, Level: 0.9},
		[]float64{0.62617681298720718, 0.25835021289503157, 0.16503032780337556, 1.0873232981710388, 0.032428922666702616, 11.787649841705683, 0.39328041676177444, 1.0192720362071486, 0.44561279928855102, 0.75880261943245075, 2.3109393919600905, 0.30112939585066484, 0.079363339360001089, 0.52289545234132861, 0.3865975935305932, 0.10188867787037235, 0.67130650919081414}},
	// lmer(y ~ treat + x + factor(region) + (1 + treat | site)); icc from lmer(y ~ treat +
	// factor(region) + (1 | site))
	{"region blocks", "sites.csv", func() Columns { c := sitesCols("x"); c.Block = "region"; return c }(), Plan{Control: "0", Model: Multilevel, SiteSlopes: true},
		[]float64{0.63654605757986282, 0.25686314551169243, 0.073035680333004671, 1.2000564348267209, 0.030151723069339564, 11.30266580113045, 0.40257258845372806, 0.85592587458115288, 0.46373372808619251, 0.97643048554987977, 2.317748090724943, 0.30375488435575904, 0.034852065092890211, 0.57265770361862778, 0.39298927423081204, 0.045090592684128024, 0.740887955777496}},
	// the model with site slopes on the boundary θ₂₂ = 0 (isSingular, cor_site 1)
	{"singular", "sites_singular.csv", sitesCols("x"), Plan{Control: "0", Model: Multilevel, SiteSlopes: true},
		[]float64{0.3712872545183773, 0.11145302411156503, 0.15158854301362304, 0.59098596602313158, 0.0010196444027447719, 211.89679803527557, 0.19299964181183427, 0.2782582732088888, 0.00068491149517789615, 0.99999999999999234, 0.90106264795531743, 0.3126468544201097, 0.12764693795054829, 0.49764677088967113, 0.34803041534318369, 0.14209327937942454, 0.55396755130694286}},
}

func TestSiteSlopesAgainstR(t *testing.T) {
	for _, c := range slopesCases {
		t.Run(c.name, func(t *testing.T) {
			cmp := comparison(t, analyseFile(t, dataLMM+c.file, c.cols, c.plan), "1")
			require.Equal(t, MixedREML, cmp.Method)
			got := slopesNumbers(cmp)
			require.Len(t, got, len(c.want))
			for i, w := range c.want {
				assert.Truef(t, scalar.EqualWithinAbsOrRel(got[i], w, 1e-300, 1e-6), "number %d = %.17g, want %.17g (R)", i, got[i], w)
			}
		})
	}
}
