package analysis

import (
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats/scalar"
)

// dataLMM is the folder of the data sets testdata/r/lmm.R made.
const dataLMM = "../../testdata/lmm/"

// mixedNumbers lists a mixed_reml comparison's numbers in the order
// testdata/r/multilevel.R prints them: estimate, se, ci_low, ci_high,
// p_value, df, icc, icc_ci_low, icc_ci_high, var_cluster, var_residual, then
// g_total and g_within, each with its interval.
func mixedNumbers(c Comparison) []float64 {
	out := []float64{c.Estimate, c.SE, c.CILow, c.CIHigh, c.PValue, c.DF, c.ICC, c.ICCCILow, c.ICCCIHigh, c.VarCluster, c.VarResidual}
	for _, e := range c.EffectSizes {
		out = append(out, e.Value, e.CILow, e.CIHigh)
	}
	return out
}

// mixedCases are the numbers of method mixed_reml as R 4.2.2, lme4 1.1.31 and lmerTest
// 3.1.3 (Matrix 1.5.3, numDeriv 2016.8.1.1, minqa 1.2.5) compute them on testdata/lmm/*.csv
// (testdata/r/multilevel.R): summary(lmerTest::lmer(y ~ treat + covariates + factor(block)
// + (1 | cluster), REML = TRUE, control = lmerControl(optimizer = "bobyqa", optCtrl =
// list(rhoend = 1e-12, maxfun = 1e5))))'s treat row, the interval from qt with its df (equal
// to lmerTest::contest's), as.data.frame(VarCorr(fit))$vcov, the ICC and the SDs of g_total
// and g_within from the same call without covariates, and Searle's interval by hand from
// qf and anova(lm(y ~ cell + factor(cluster))), cell = interaction(treat, block). lmer
// optimises θ on the deviance's values, which are flat to rounding within about 1e-8 of the
// optimum, so the tolerance is 1e-6 relative (stats/lmm_test.go).
var mixedCases = []struct {
	name, file string
	cols       Columns
	plan       Plan
	treatment  string
	want       []float64
}{
	// lmer(y ~ treat + x + (1 | cluster)); icc from lmer(y ~ treat + (1 | cluster))
	{"balanced", "balanced.csv", lmmCols("x"), Plan{Control: "0", Model: Multilevel}, "1",
		[]float64{0.29135461374690835, 0.30218048214567689, -0.34376528571090809, 0.92647451320472474, 0.3478069222788247, 17.896895513035876, 0.25068740510559623, 0.12108394882517644, 0.46537801968570724, 0.34677812339524855, 1.0972707166754838, 0.2324384598871635, -0.27425092929101452, 0.73912784906534146, 0.26851989761319045, -0.31682291944841978, 0.85386271467480068}},
	{"balanced level 0.9", "balanced.csv", lmmCols("x"), Plan{Control: "0", Model: Multilevel, Level: 0.9}, "1",
		[]float64{0.29135461374690835, 0.30218048214567689, -0.23280915527373108, 0.81551838276754784, 0.3478069222788247, 17.896895513035876, 0.25068740510559623, 0.13908542847465569, 0.42790681631383432, 0.34677812339524855, 1.0972707166754838, 0.2324384598871635, -0.18573174731485365, 0.65060866708918075, 0.26851989761319045, -0.21456289891403507, 0.75160269414041603}},
	// lmer(y ~ treat + (1 | cluster)): clusters of 1 to 80
	{"unequal", "unequal.csv", lmmCols(), Plan{Control: "0", Model: Multilevel}, "1",
		[]float64{-1.7267329895645309, 0.7513777044914578, -3.2760695108985418, -0.1773964682305198, 0.030410442737748858, 24.426257036521974, 0.12658021161919583, 0.061033083162863433, 0.29890332023219868, 1.3098378500447636, 9.0380501277797833, -0.53678370930532049, -1.0184207718447988, -0.055146646765842196, -0.5743647963347942, -1.089722040858448, -0.059007551811140334}},
	// lmer(y ~ treat + x + factor(block) + (1 | cluster)); F on 24 and 321 df
	{"blocks", "blocks.csv", func() Columns { c := lmmCols("x"); c.Block = "block"; return c }(), Plan{Control: "0", Model: Multilevel}, "1",
		[]float64{0.2062260546831855, 0.20522661578743473, -0.21318384958239095, 0.62563595894876189, 0.32312364478641098, 29.527807278624618, 0.14623080987328665, 0.053559485452803923, 0.29604784295263936, 0.26909005119662294, 1.0110475612155718, 0.15156510918667701, -0.15667871592864105, 0.45980893430199504, 0.16403215762531095, -0.16956638612706051, 0.49763070137768234}},
	// three arms: each comparison on its two arms' rows, lmer(y ~ treat + (1 | cluster))
	{"arms B", "arms.csv", Columns{Outcome: "y", Cluster: "cluster"}, Plan{Control: "A", Model: Multilevel}, "B",
		[]float64{-0.30091528244160826, 0.59300366209004696, -1.5746285976948333, 0.97279803281161692, 0.61986439510958347, 13.786882222591721, 0.28097890697486699, 0.12001615890747214, 0.5374247687936673, 1.0714598263821165, 2.7418507096929505, -0.1540966359787177, -0.80635641982638095, 0.49816314786894561, -0.18172820731779407, -0.95094682439713396, 0.58749040976154587}},
	{"arms C", "arms.csv", Columns{Outcome: "y", Cluster: "cluster"}, Plan{Control: "A", Model: Multilevel}, "C",
		[]float64{-0.95635566066233202, 0.51468872165296753, -2.0707552138089076, 0.15804389248424333, 0.086440321138327739, 12.721210526297607, 0.12054791387614738, 0.016499176118501213, 0.33488513447172857, 0.58982403171354314, 4.3030356847933442, -0.43235257578182246, -0.93615418126335426, 0.071449029699709246, -0.46103294305572001, -0.99825453002403053, 0.076188643912590337}},
	// both fits singular (θ = 0; bobyqa warns "convergence code 3"): least squares, df
	// n - p = 207 (lmerTest: 206.99999999926854), icc and var_cluster 0, g_total = g_within
	{"singular", "singular.csv", lmmCols("x"), Plan{Control: "0", Model: Multilevel}, "1",
		[]float64{0.70704297072971767, 0.13083018663973844, 0.4491125148032582, 0.96497342665617714, 1.782187795856983e-07, 206.99999999926854, 0, -0.056341056670833445, 0.023997316011998109, 0, 0.8901588052654561, 0.650600429103108, 0.41326030657657536, 0.88794055162964058, 0.650600429103108, 0.41326030657657536, 0.88794055162964058}},
}

// lmmCols are the columns of testdata/lmm's two-arm files: the arm in
// column treat (0 the control), the outcome y, clusters in cluster.
func lmmCols(covariates ...string) Columns {
	return Columns{Arm: "treat", Outcome: "y", Cluster: "cluster", Covariates: covariates}
}

func TestMixedAgainstR(t *testing.T) {
	for _, c := range mixedCases {
		t.Run(c.name, func(t *testing.T) {
			cmp := comparison(t, analyseFile(t, dataLMM+c.file, c.cols, c.plan), c.treatment)
			require.Equal(t, MixedREML, cmp.Method)
			got := mixedNumbers(cmp)
			require.Len(t, got, len(c.want))
			for i, w := range c.want {
				assert.Truef(t, scalar.EqualWithinAbsOrRel(got[i], w, 1e-300, 1e-6), "number %d = %.17g, want %.17g (R)", i, got[i], w)
			}
		})
	}
}

// A singular fit is warned of, never silent; a regular one is not.
func TestMixedSingularWarning(t *testing.T) {
	res := analyseFile(t, dataLMM+"singular.csv", lmmCols("x"), Plan{Control: "0", Model: Multilevel})
	w := withCode(res.Warnings, "singular_fit")
	require.Len(t, w, 1, "warnings: %q", res.Warnings)
	assert.Contains(t, w[0], "models of 1 against 0, with and without the covariates, are singular")
	res = analyseFile(t, dataLMM+"balanced.csv", lmmCols("x"), Plan{Control: "0", Model: Multilevel})
	assert.Empty(t, withCode(res.Warnings, "singular_fit"))
}

// The new keys are in every comparison's JSON, null for other methods.
func TestMixedKeysNullElsewhere(t *testing.T) {
	res := analyseFile(t, dataLMM+"balanced.csv", lmmCols("x"), Plan{Control: "0"})
	c := res.Comparisons[0]
	require.Equal(t, OLSCR2, c.Method)
	for _, v := range []float64{c.ICC, c.ICCCILow, c.ICCCIHigh, c.VarCluster, c.VarResidual} {
		assert.True(t, math.IsNaN(v))
	}
	for _, e := range c.EffectSizes {
		assert.False(t, strings.HasPrefix(e.Measure, "g_"), e.Measure)
	}
}
