package stats

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats/scalar"
)

// Reference values: R 4.2.2, lme4 1.1.31, lmerTest 3.1.3 (Matrix 1.5.3, numDeriv
// 2016.8.1.1, minqa 1.2.5), on testdata/lmm/*.csv, printed with sprintf("%.17g") by
// testdata/r/lmm.R: summary(fit)$coefficients (estimate, se, Satterthwaite df, p),
// as.data.frame(VarCorr(fit))$vcov, logLik(fit), getME(fit, "theta"), isSingular(fit),
// ngrps(fit) and the 90% interval of the second coefficient (the first if alone) from lmerTest::contest(fit,
// L, joint = FALSE, confint = TRUE, level = 0.9), each fit made with
//
//	control = lmerControl(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-12, maxfun = 1e5))
//
// The tolerance is 1e-6 relative, not the 1e-9 of least squares, because lmer optimises θ
// numerically on the deviance's values, which are flat to rounding within about 1e-8
// relative of the optimum: R's θ is off the exact optimum by up to 6e-8 relative (arms),
// and every value moves with it. LMM's θ is the root of the deviance's analytic slope,
// exact to rounding; thetaRoot, the root of numDeriv's slope of lme4's own deviance
// function found by uniroot (testdata/r/lmm.R), agrees with it to 2e-9 (the numerical
// derivative's precision). The lmer fit of y ~ arm + (1 | cluster), arm a factor, gives
// the values of the arms case to all 17 digits.
var lmmRefCases = []struct {
	name                          string
	file                          string
	x                             []string
	block, ml                     bool
	coef, se, df, p               []float64
	varGroup, varResidual, logLik float64
	theta, thetaRoot              float64
	singular                      bool
	groups, n                     int
	ci90                          [2]float64
}{
	// lmerTest::lmer(y ~ treat + x + (1 | cluster), REML = TRUE, control = ctrl)
	{name: "balanced", file: "balanced.csv", x: []string{"treat", "x"}, block: false, ml: false,
		coef:     []float64{2.2782054878599656, 0.29135461374690835, 0.03029366337573219},
		se:       []float64{0.43650720272476506, 0.30218048214567689, 0.0075027957576587834},
		df:       []float64{148.8559111322302, 17.896895513035876, 185.50097896456623},
		p:        []float64{5.9378897338317066e-07, 0.3478069222788247, 7.8925114323906401e-05},
		varGroup: 0.34677812339524855, varResidual: 1.0972707166754838, logLik: -311.04874353075121,
		theta: 0.56217166405607299, thetaRoot: 0.562171661886255, singular: false, groups: 20, n: 200,
		ci90: [2]float64{-0.23280915527373131, 0.81551838276754807}},
	// lmerTest::lmer(y ~ treat + x + (1 | cluster), REML = FALSE, control = ctrl)
	{name: "balanced/ML", file: "balanced.csv", x: []string{"treat", "x"}, block: false, ml: true,
		coef:     []float64{2.2687875194956098, 0.29144034082933173, 0.030479300193450614},
		se:       []float64{0.42990548722105981, 0.28642692149002746, 0.0074746888328277314},
		df:       []float64{164.48069347215622, 19.874192318756222, 187.1966261888376},
		p:        []float64{4.0878675850414235e-07, 0.32114160542137604, 6.7212453898418681e-05},
		varGroup: 0.30100545721001254, varResidual: 1.0913687455490217, logLik: -305.76998473205907,
		theta: 0.52517183707370707, thetaRoot: 0.52517182351820968, singular: false, groups: 20, n: 200,
		ci90: [2]float64{-0.20271714527148582, 0.78559782693014935}},
	// lmerTest::lmer(y ~ treat + (1 | cluster), REML = TRUE, control = ctrl)
	{name: "unequal", file: "unequal.csv", x: []string{"treat"}, block: false, ml: false,
		coef:     []float64{10.092487523327966, -1.7267329895645309},
		se:       []float64{0.62347009565108624, 0.7513777044914578},
		df:       []float64{37.230047385022132, 24.426257036521974},
		p:        []float64{1.9550149512542832e-18, 0.030410442737748858},
		varGroup: 1.3098378500447636, varResidual: 9.0380501277797833, logLik: -1082.596855820668,
		theta: 0.38068993534601159, thetaRoot: 0.38068992304685412, singular: false, groups: 18, n: 426,
		ci90: [2]float64{-3.0113522337068206, -0.44211374542224124}},
	// lmerTest::lmer(y ~ treat + (1 | cluster), REML = FALSE, control = ctrl)
	{name: "unequal/ML", file: "unequal.csv", x: []string{"treat"}, block: false, ml: true,
		coef:     []float64{10.102978979657316, -1.7370327140928958},
		se:       []float64{0.60256972967428946, 0.72017866999157432},
		df:       []float64{44.436827340244861, 28.727504839683089},
		p:        []float64{7.7593422716336508e-21, 0.022488390823359791},
		varGroup: 1.1294942521098688, varResidual: 9.0265702706668947, logLik: -1083.044474492697,
		theta: 0.35373711449974876, thetaRoot: 0.35373710512171236, singular: false, groups: 18, n: 426,
		ci90: [2]float64{-2.9610907292438702, -0.51297469894192127}},
	// lmerTest::lmer(y ~ treat + x + factor(block) + (1 | cluster), REML = TRUE, control = ctrl)
	{name: "blocks", file: "blocks.csv", x: []string{"treat", "x"}, block: true, ml: false,
		coef:     []float64{1.1788895708744496, 0.2062260546831855, 0.74956826169865631, 0.48465580552806875, -0.73362157591351451, 0.78484999859068572, 0.048310398757546218, -0.85274363366965844},
		se:       []float64{0.26511345945820902, 0.20522661578743473, 0.054849593928876235, 0.34649728419238979, 0.36241623265278494, 0.34780958539496359, 0.35904932413926421, 0.34740663635836627},
		df:       []float64{27.228415443167151, 29.527807278624618, 331.09493364015236, 27.091792051194886, 32.05707395407962, 27.529423225555313, 30.822000046254459, 27.336664437978602},
		p:        []float64{0.0001324453182726933, 0.32312364478641098, 5.0442430490186274e-34, 0.17323849150721532, 0.051343828573116659, 0.032172742649813645, 0.89384179015605514, 0.020747129866761794},
		varGroup: 0.26909005119662294, varResidual: 1.0110475612155718, logLik: -532.75018411897327,
		theta: 0.51589703002606224, thetaRoot: 0.51589702984775532, singular: false, groups: 36, n: 357,
		ci90: [2]float64{-0.14227455906668934, 0.55472666843306029}},
	// lmerTest::lmer(y ~ armB + armC + (1 | cluster), REML = TRUE, control = ctrl)
	{name: "arms", file: "arms.csv", x: []string{"armB", "armC"}, block: false, ml: false,
		coef:     []float64{5.6174747354838042, -0.27858923566044635, -0.95435233942803477},
		se:       []float64{0.38072979472441115, 0.53865562199753725, 0.52853885034984616},
		df:       []float64{20.969860071684572, 20.922104503267342, 19.447761632266715},
		p:        []float64{1.5136397056882103e-12, 0.61044591077522437, 0.086478482311548172},
		varGroup: 0.70742739568331892, varResidual: 3.7397477386490352, logLik: -472.05350818239867,
		theta: 0.43493041872900867, thetaRoot: 0.43493044429594557, singular: false, groups: 24, n: 222,
		ci90: [2]float64{-1.2056361932194033, 0.64845772189851059}},
	// lmerTest::lmer(y ~ treat + x + (1 | cluster), REML = TRUE, control = ctrl)
	{name: "singular", file: "singular.csv", x: []string{"treat", "x"}, block: false, ml: false,
		coef:     []float64{2.9571202397662089, 0.70704297072971767, 0.5752163422221136},
		se:       []float64{0.09232972144370169, 0.13083018663973844, 0.069263959161313685},
		df:       []float64{206.99999999587354, 206.99999999926854, 206.99999999732353},
		p:        []float64{3.794385869536706e-82, 1.782187795856983e-07, 1.2958493367151056e-14},
		varGroup: 0, varResidual: 0.8901588052654561, logLik: -288.94310577518684,
		theta: 0, thetaRoot: 0, singular: true, groups: 15, n: 210,
		ci90: [2]float64{0.49087904526407744, 0.9232068961953579}},
	// lmerTest::lmer(y ~ treat + x + (1 | cluster), REML = FALSE, control = ctrl)
	{name: "singular/ML", file: "singular.csv", x: []string{"treat", "x"}, block: false, ml: true,
		coef:     []float64{2.9571202397662089, 0.70704297072971767, 0.5752163422221136},
		se:       []float64{0.091667851107691808, 0.12989232374751389, 0.068767436923331787},
		df:       []float64{209.99999999855362, 209.99999999997922, 209.99999999882883},
		p:        []float64{2.5921295647812669e-83, 1.4522297167553631e-07, 8.3596390552977126e-15},
		varGroup: 0, varResidual: 0.8774422509045211, logLik: -284.24895761499039,
		theta: 0, thetaRoot: 0, singular: true, groups: 15, n: 210,
		ci90: [2]float64{0.49244240965311864, 0.92164353180631675}},
	// lmerTest::lmer(y ~ 1 + (1 | cluster), REML = TRUE, control = ctrl): the planning ICC
	{name: "unequal/no covariates", file: "unequal.csv", x: nil, block: false, ml: false,
		coef:     []float64{8.9364542535175904},
		se:       []float64{0.38911793662943389},
		df:       []float64{16.537348615144349},
		p:        []float64{5.5928012315768575e-14},
		varGroup: 1.7719754353745285, varResidual: 9.0524629652830413, logLik: -1085.6505483111916,
		theta: 0.44243091940639973, thetaRoot: 0.44243092784364607, singular: false, groups: 18, n: 426,
		ci90: [2]float64{8.2584508696999173, 9.6144576373352635}},
}

// lmmRefTol is the agreement asked of every value against lmer (see lmmRefCases).
const lmmRefTol = 1e-6

func lmmRefFit(t *testing.T, file string, x []string, block, ml bool, level float64) *LMMResult {
	t.Helper()
	d := modelsReadCSVPath(t, "../testdata/lmm/"+file)
	opt := LMMOptions{ML: ml, Level: level}
	if block {
		opt.Block = d.labels("block")
	}
	res, err := LMM(d.num["y"], x, d.cols(x...), d.labels("cluster"), opt)
	require.NoError(t, err)
	return res
}

func TestLMMAgainstLmerTest(t *testing.T) {
	for _, c := range lmmRefCases {
		t.Run(c.name, func(t *testing.T) {
			res := lmmRefFit(t, c.file, c.x, c.block, c.ml, 0)
			require.Len(t, res.Coefficients, len(c.coef))
			near := func(what string, got, want, tol float64) {
				t.Helper()
				assert.Truef(t, scalar.EqualWithinAbsOrRel(got, want, 0, tol), "%s = %.17g, want %.17g (rel. diff. %.2g)",
					what, got, want, math.Abs(got-want)/math.Abs(want))
			}
			for k, co := range res.Coefficients {
				near(co.Name+" estimate", co.Estimate, c.coef[k], lmmRefTol)
				near(co.Name+" se", co.SE, c.se[k], lmmRefTol)
				near(co.Name+" df", co.DF, c.df[k], lmmRefTol)
				// p moves by about t² times t's relative error: d log p/dt ≈ -t in the tail.
				near(co.Name+" p", co.P, c.p[k], lmmRefTol*math.Max(1, co.T*co.T))
				near(co.Name+" se from Cov", math.Sqrt(res.Cov.At(k, k)), c.se[k], lmmRefTol)
			}
			if c.varGroup == 0 {
				assert.Zero(t, res.VarGroup)
				assert.Zero(t, res.Theta)
			} else {
				near("VarGroup", res.VarGroup, c.varGroup, lmmRefTol)
				near("Theta", res.Theta, c.theta, lmmRefTol)
				near("Theta against the slope's root", res.Theta, c.thetaRoot, 5e-9)
			}
			near("VarResidual", res.VarResidual, c.varResidual, lmmRefTol)
			// The log-likelihood is flat at the optimum: R's θ error moves it by its square.
			near("LogLik", res.LogLik, c.logLik, 1e-12)
			assert.Equal(t, c.singular, res.Singular)
			assert.Equal(t, !c.ml, res.REML)
			assert.Equal(t, c.groups, res.Groups)
			assert.Equal(t, c.n, res.N)
			assert.Equal(t, 0.95, res.Level)

			res90 := lmmRefFit(t, c.file, c.x, c.block, c.ml, 0.9)
			co := res90.Coefficients[min(1, len(c.coef)-1)]
			near("90% CI low", co.CILow, c.ci90[0], lmmRefTol)
			near("90% CI high", co.CIHigh, c.ci90[1], lmmRefTol)
		})
	}
}
