package stats

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats/scalar"
)

// Reference values: R 4.2.2, lme4 1.1.31, lmerTest 3.1.3 (Matrix 1.5.3, numDeriv
// 2016.8.1.1, minqa 1.2.5), on testdata/lmm/sites.csv and sites_singular.csv, printed with
// sprintf("%.17g") by testdata/r/lmm_randslope.R: summary(fit)$coefficients (estimate, se,
// Satterthwaite df, p), as.data.frame(VarCorr(fit))$vcov (the intercepts' and slopes'
// variances, their covariance, the residual variance) and $sdcor (the correlation),
// logLik(fit), getME(fit, "theta"), isSingular(fit), ngrps(fit) and the 90% interval of the
// treatment's coefficient from lmerTest::contest(fit, L, joint = FALSE, confint = TRUE,
// level = 0.9). Each model is fitted with
//
//	ctrl   = lmerControl(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-12, maxfun = 1e5))
//	newton = lmerControl(optimizer = bobyqa_newton)
//
// bobyqa_newton being that bobyqa followed by Newton's method on numDeriv's Richardson
// gradient and Hessian of lme4's deviance function (in the R script). The tolerance is 1e-6
// relative, not 1e-9, because lmer iterates on a deviance that is flat to rounding within
// about 1e-8 relative of the optimum, and lmerTest's df come from numerical derivatives:
// bobyqa alone stops where numDeriv's gradient of the deviance is up to 1.2e-5 (sites), so
// that R's θ is up to 5e-6 relative off (sites/blocks' θ₂₂), and its df up to 2e-6; with
// Newton's steps that gradient falls to numDeriv's noise, about 1e-7, and R agrees with
// evalkit to 3e-7 or better. The bobyqa cases therefore compare the values the tolerance
// covers, not p (a p of 7e-9 moves 6e-6 relative with R's θ) nor θ. That R's optimum is no
// better than evalkit's is checked on the deviance itself: -2 LogLik, the REML criterion
// (or ML deviance), must not exceed R's by more than 1e-9; and the R script evaluates
// lme4's own deviance function at evalkit's θ (from this test's log), where it is within
// 1e-12 of its value at R's θ and numDeriv's gradient is 1e-7 or less.
var lmmRSRefCases = []struct {
	name                                 string
	file                                 string
	x                                    []string
	slope                                int // the index in x of the slope column
	block, ml, bobyqa                    bool
	coef, se, df, p                      []float64
	varInt, varSlope, covIS, varRes, cor float64
	logLik                               float64
	theta                                [3]float64
	singular                             bool
	groups, n                            int
	ci90                                 [2]float64
}{
	// lmerTest::lmer(y ~ treat + x + (1 + treat | site), REML = TRUE, control = newton)
	{name: "sites", file: "sites.csv", x: []string{"treat", "x"},
		coef:   []float64{5.0985508315728518, 0.62617681298720718, 0.42143131239073922},
		se:     []float64{0.31549509144703353, 0.25835021289503157, 0.076788991358625477},
		df:     []float64{10.79226536463867, 11.787649841705683, 380.78887930250897},
		p:      []float64{6.6175291659058102e-09, 0.032428922666702616, 7.4258163745857838e-08},
		varInt: 1.0192720362071486, varSlope: 0.44561279928855102, covIS: 0.51139055708143666, varRes: 2.3109393919600905, cor: 0.75880261943245075,
		logLik: -744.62232137096566, theta: [3]float64{0.66412644974411295, 0.33320642874787493, 0.28600880002198431},
		groups: 12, n: 394, ci90: [2]float64{0.16503032780337551, 1.0873232981710388}},
	// lmerTest::lmer(y ~ treat + x + (1 + treat | site), REML = FALSE, control = newton)
	{name: "sites/ML", file: "sites.csv", x: []string{"treat", "x"}, ml: true,
		coef:   []float64{5.0926551122844597, 0.63431125762176788, 0.42258695380404887},
		se:     []float64{0.30102490070288879, 0.24757998834884445, 0.07660456912195493},
		df:     []float64{11.75531712667695, 12.948878734922928, 382.89471086388841},
		p:      []float64{1.2978565962793832e-09, 0.023706573077995164, 6.3791469453961855e-08},
		varInt: 0.9152502073817762, varSlope: 0.39189866699491444, covIS: 0.48048191622281777, varRes: 2.3037988715658368, cor: 0.80226941481723046,
		logLik: -742.17450429182486, theta: [3]float64{0.63030047929080035, 0.33089091883644661, 0.24621323516089982},
		groups: 12, n: 394, ci90: [2]float64{0.1957311807754944, 1.0728913344680413}},
	// lmerTest::lmer(y ~ treat + x + factor(region) + (1 + treat | site), REML = TRUE, control = newton)
	{name: "sites/blocks", file: "sites.csv", x: []string{"treat", "x"}, block: true,
		coef:   []float64{4.3690634492321427, 0.63654605757986282, 0.42097161663748778, 0.88085579982646545, 1.2686307650684405},
		se:     []float64{0.43739311117859753, 0.25686314551169243, 0.076653149984240415, 0.59078126061634784, 0.58156769440069644},
		df:     []float64{5.8272588325461685, 11.30266580113045, 379.08640168532253, 4.3719362886110469, 4.488466974040108},
		p:      []float64{6.9792538670152427e-05, 0.030151723069339564, 7.3008180417389069e-08, 0.20429014366013928, 0.087179414038164621},
		varInt: 0.85592587458115288, varSlope: 0.46373372808619251, covIS: 0.61516801947796873, varRes: 2.317748090724943, cor: 0.97643048554987977,
		logLik: -741.93574897377744, theta: [3]float64{0.60769401850940497, 0.43675969720856289, 0.096542227709070186},
		groups: 12, n: 394, ci90: [2]float64{0.17637721997231054, 1.0967148951874151}},
	// lmerTest::lmer(y ~ treat + (1 + treat | site), REML = TRUE, control = newton)
	{name: "sites/no covariates", file: "sites.csv", x: []string{"treat"},
		coef:   []float64{5.1130536764615595, 0.63073883051910995},
		se:     []float64{0.31888111706914696, 0.28091444767353568},
		df:     []float64{10.770739972582781, 11.779100176036295},
		p:      []float64{7.3619142168459707e-09, 0.044761341443887395},
		varInt: 1.0314168695562276, varSlope: 0.55226045171480143, covIS: 0.54401480396054747, varRes: 2.4792193218500742, cor: 0.72081137409592688,
		logLik: -757.47217603810202, theta: [3]float64{0.64499989093325905, 0.34020142541550974, 0.32713724544788031},
		groups: 12, n: 394, ci90: [2]float64{0.12928502755745153, 1.1321926334807684}},
	// lmerTest::lmer(y ~ treat + x + (1 + treat | site), REML = TRUE, control = newton)
	{name: "singular", file: "sites_singular.csv", x: []string{"treat", "x"},
		coef:   []float64{2.5057249353036424, 0.3712872545183773, 0.49433406930393731},
		se:     []float64{0.18559527796907824, 0.11145302411156503, 0.057024455235690455},
		df:     []float64{9.5589892986902001, 211.89679803527557, 283.76394444477592},
		p:      []float64{1.5281284983040486e-07, 0.0010196444027447719, 3.40952773719806e-16},
		varInt: 0.2782582732088888, varSlope: 0.00068491149517789615, covIS: 0.013805154470309871, varRes: 0.90106264795531743, cor: 0.99999999999999234,
		logLik: -414.40941576064978, theta: [3]float64{0.55570787247400222, 0.02757018841309259, 3.4328395230059427e-09},
		singular: true, groups: 10, n: 293, ci90: [2]float64{0.18715833792202011, 0.55541617111473451}},
	// lmerTest::lmer(y ~ treat + x + (1 + x | site), REML = TRUE, control = newton): the slope of
	// a continuous column, on the boundary θ₂₂ = 0 with θ₂₁ < 0 (correlation -1)
	{name: "sites/slope of x", file: "sites.csv", x: []string{"treat", "x"}, slope: 1,
		coef:   []float64{5.0914299230932389, 0.67459836899414827, 0.43347950762175635},
		se:     []float64{0.38797755801523048, 0.15726734853979582, 0.08907586088895883},
		df:     []float64{11.814015942352993, 381.77482467366605, 26.754048443553753},
		p:      []float64{2.1126153675042579e-08, 2.2717270877127165e-05, 4.4590600677963863e-05},
		varInt: 1.6187367550681724, varSlope: 0.020835305867410777, covIS: -0.18364878276390881, varRes: 2.4043569500041415, cor: -1,
		logLik: -750.43264874108229, theta: [3]float64{0.82051900045210135, -0.093089450891810657, 0},
		singular: true, groups: 12, n: 394, ci90: [2]float64{0.41528736757776258, 0.9339093704105339}},
	// lmerTest::lmer(y ~ treat + x + (1 + treat | site), REML = TRUE, control = ctrl)
	{name: "sites (bobyqa)", file: "sites.csv", x: []string{"treat", "x"}, bobyqa: true,
		coef:   []float64{5.0985508334598029, 0.62617680428773104, 0.42143131542805146},
		se:     []float64{0.31549505150837881, 0.25835016906521702, 0.076788991756695318},
		df:     []float64{10.792269809034739, 11.787656478324234, 380.78887730585791},
		p:      []float64{6.6174858538988008e-09, 0.032428889861942332, 7.4258159645275175e-08},
		varInt: 1.0192717305016799, varSlope: 0.44561253353757374, covIS: 0.51139022191032024, varRes: 2.3109394173131013, cor: 0.75880246216097935,
		logLik: -744.62232137096612, theta: [3]float64{0.66412634650692282, 0.33320625850135427, 0.28600879362709164},
		groups: 12, n: 394, ci90: [2]float64{0.16503041939040941, 1.0873231891850526}},
	// lmerTest::lmer(y ~ treat + x + (1 + treat | site), REML = TRUE, control = ctrl)
	{name: "singular (bobyqa)", file: "sites_singular.csv", x: []string{"treat", "x"}, bobyqa: true,
		coef:   []float64{2.5057249355480278, 0.37128725476325997, 0.4943340687101983},
		se:     []float64{0.1855952694484124, 0.11145302405727626, 0.057024455328628806},
		df:     []float64{9.5589908661703511, 211.89684607183199, 283.76394402174242},
		p:      []float64{1.5281252901649016e-07, 0.0010196443524849051, 3.4095283370104224e-16},
		varInt: 0.27825824137313776, varSlope: 0.00068491093138491066, covIS: 0.013805147998641777, varRes: 0.90106265131485919, cor: 1,
		logLik: -414.40941576064984, theta: [3]float64{0.55570783964855408, 0.027570177014330753, 0},
		singular: true, groups: 10, n: 293, ci90: [2]float64{0.18715833843988944, 0.55541617108663055}},
}

// lmmRSFit fits a reference case, the random slope of x[slope], at a
// confidence level (0 for 95%).
func lmmRSFit(t *testing.T, file string, x []string, slope int, block, ml bool, level float64) *LMMRandomSlopeResult {
	t.Helper()
	d := modelsReadCSVPath(t, "../testdata/lmm/"+file)
	opt := LMMOptions{ML: ml, Level: level}
	if block {
		opt.Block = d.labels("region")
	}
	res, err := LMMRandomSlope(d.num["y"], x, d.cols(x...), d.labels("site"), slope, opt)
	require.NoError(t, err)
	return res
}

func TestLMMRandomSlopeAgainstR(t *testing.T) {
	const tol = 1e-6
	near := func(t *testing.T, what string, got, want float64) {
		t.Helper()
		assert.Truef(t, scalar.EqualWithinAbsOrRel(got, want, 1e-300, tol), "%s = %.17g, want %.17g (R)", what, got, want)
	}
	for _, c := range lmmRSRefCases {
		t.Run(c.name, func(t *testing.T) {
			res := lmmRSFit(t, c.file, c.x, c.slope, c.block, c.ml, 0)
			t.Logf("evalkit's theta (for testdata/r/lmm_randslope.R): c(%.17g, %.17g, %.17g); -2 log L %.17g",
				res.Theta[0], res.Theta[1], res.Theta[2], -2*res.LogLik)
			require.Len(t, res.Coefficients, len(c.coef))
			for k, co := range res.Coefficients {
				near(t, co.Name+" estimate", co.Estimate, c.coef[k])
				near(t, co.Name+" se", co.SE, c.se[k])
				near(t, co.Name+" df", co.DF, c.df[k])
				near(t, co.Name+" sqrt(cov)", math.Sqrt(res.Cov.At(k, k)), c.se[k])
				if !c.bobyqa {
					near(t, co.Name+" p", co.P, c.p[k])
				}
			}
			near(t, "var_intercept", res.VarIntercept, c.varInt)
			near(t, "var_slope", res.VarSlope, c.varSlope)
			near(t, "cov", res.CovInterceptSlope, c.covIS)
			near(t, "var_residual", res.VarResidual, c.varRes)
			near(t, "cor", res.Cor, c.cor)
			near(t, "logLik", res.LogLik, c.logLik)
			if !c.bobyqa {
				for k, th := range c.theta {
					assert.Truef(t, scalar.EqualWithinAbsOrRel(res.Theta[k], th, 1e-8, tol), "theta[%d] = %.17g, want %.17g", k, res.Theta[k], th)
				}
			}
			// evalkit's optimum is at least as good as R's.
			assert.LessOrEqual(t, -2*res.LogLik, -2*c.logLik+1e-9, "REML criterion (or deviance) above R's")
			assert.Equal(t, c.singular, res.Singular)
			assert.Equal(t, !c.ml, res.REML)
			assert.Equal(t, c.groups, res.Groups)
			assert.Equal(t, c.n, res.N)
			assert.Equal(t, c.x[c.slope], res.Slope)
			r90 := lmmRSFit(t, c.file, c.x, c.slope, c.block, c.ml, 0.9)
			near(t, "ci90 low", r90.Coefficients[1].CILow, c.ci90[0])
			near(t, "ci90 high", r90.Coefficients[1].CIHigh, c.ci90[1])
		})
	}
}
