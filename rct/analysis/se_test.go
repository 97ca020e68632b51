package analysis

import (
	"testing"

	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats/scalar"

	"github.com/evalkit/evalkit/stats"
)

// TestSEAgainstR checks Plan.SE against estimatr::lm_robust(se_type = ...)
// (testdata/r/analyse_se.R, R 4.2.2, estimatr 1.0.0): the estimate, se,
// interval, p-value, df and adjusted_g with its interval.
func TestSEAgainstR(t *testing.T) {
	school := Columns{Outcome: "attendance", Covariates: []string{"attendance_baseline"}, Block: "town"}
	for _, tc := range []struct {
		se     stats.CovType
		method Method
		want   []float64
	}{
		{stats.HC0, OLSHC0, []float64{2.1098145017987484, 0.2916294861503832, 1.5375392567836497, 2.6820897468138472, 9.2778837648148037e-13, 1001, 0.34292245323435488, 0.24990667825576926, 0.43593822821294059}},
		{stats.HC1, OLSHC1, []float64{2.1098145017987484, 0.29221158151231497, 1.5363969896889573, 2.6832320139085395, 1.0262027468271343e-12, 1001, 0.34292245323435488, 0.24972101784153528, 0.43612388862717455}},
		{stats.HC3, OLSHC3, []float64{2.1098145017987484, 0.29278432366684343, 1.5352730767364644, 2.6843559268610324, 1.1325844576100129e-12, 1001, 0.34292245323435488, 0.24953834065045419, 0.43630656581825561}},
	} {
		res := analyseFile(t, dataAnalyse2+"school_navigators.csv", school, Plan{SE: tc.se})
		c := res.Comparisons[0]
		require.Equal(t, tc.method, c.Method)
		got := rNumbers(c)
		require.Len(t, got, len(tc.want), "%v", tc.method)
		for i, w := range tc.want {
			require.True(t, scalar.EqualWithinRel(got[i], w, 1e-9), "%v number %d = %.17g, R %.17g", tc.method, i, got[i], w)
		}
		require.Contains(t, res.Describe(c), tc.se.String()+" robust standard errors")
	}
}

// TestAdjustAgainstR checks p_adjusted by Holm and Benjamini-Hochberg on
// a three-arm trial with HC3 errors against p.adjust over lm_robust's
// p-values (testdata/r/analyse_se.R).
func TestAdjustAgainstR(t *testing.T) {
	pR := []float64{0.040643183733363619, 0.46592320151514821} // navigator, phone
	for _, tc := range []struct {
		adjust Adjustment
		want   []float64
	}{
		{Holm, []float64{0.081286367466727238, 0.46592320151514821}},
		{BH, []float64{0.081286367466727238, 0.46592320151514821}}, // with two p-values as these, BH equals Holm
	} {
		res := analyseFile(t, dataAnalyse2+"awkward.csv", awkward(""), Plan{SE: stats.HC3, Adjust: tc.adjust})
		for i, c := range res.Comparisons {
			require.Equal(t, OLSHC3, c.Method)
			require.InEpsilon(t, pR[i], c.PValue, 1e-9)
			require.InEpsilon(t, tc.want[i], c.PAdjusted, 1e-9, "%v %s", tc.adjust, c.Treatment)
			require.InEpsilon(t, stats.Holm([]float64{pR[0], pR[1]})[i], c.PHolm, 1e-9)
		}
	}
}

// TestBHDiffersFromHolm: on three_arm.csv the two adjustments differ
// (fisher.test p-values, p.adjust "BH" and "holm", testdata/r/analyse_se.R).
func TestBHDiffersFromHolm(t *testing.T) {
	for adjust, want := range map[Adjustment][]float64{
		BH:   {0.29476602346794128, 0.29476602346794128},
		Holm: {0.58953204693588201, 0.58953204693588201},
	} {
		res := analyseFile(t, dataAnalyse+"three_arm.csv", Columns{Outcome: "reattended"}, Plan{Adjust: adjust})
		for i, c := range res.Comparisons {
			require.InEpsilon(t, want[i], c.PAdjusted, 1e-9, "%v %s", adjust, c.Treatment)
			require.InEpsilon(t, 0.58953204693588201, c.PHolm, 1e-9)
		}
	}
}

func TestParseAdjustmentAndSE(t *testing.T) {
	for s, want := range map[string]Adjustment{"": Holm, "holm": Holm, "bh": BH} {
		a, err := ParseAdjustment(s)
		require.NoError(t, err)
		require.Equal(t, want, a)
	}
	_, err := ParseAdjustment("bonferroni")
	require.Error(t, err)
	for s, want := range map[string]stats.CovType{"": stats.HC2, "hc0": stats.HC0, "hc1": stats.HC1, "hc2": stats.HC2, "hc3": stats.HC3} {
		se, err := ParseSE(s)
		require.NoError(t, err)
		require.Equal(t, want, se)
	}
	_, err = ParseSE("classical")
	require.Error(t, err)
	_, err = Analyse(Data{}, Plan{SE: stats.Classical})
	require.ErrorContains(t, err, "standard error")
}

func TestParseCovariates(t *testing.T) {
	c := Columns{Outcome: "y"}
	got, err := ParseCovariates(" x1, site ,x2", c)
	require.NoError(t, err)
	require.Equal(t, []string{"x1", "site", "x2"}, got)
	got, err = ParseCovariates("  ", c)
	require.NoError(t, err)
	require.Nil(t, got)
	for list, msg := range map[string]string{"x1,,x2": "an empty covariate name", "x1,x1": `"x1" is given twice`, "x1,y": `"y" is the outcome`, "arm": `"arm" is the outcome or the arm column`} {
		_, err := ParseCovariates(list, c)
		require.ErrorContains(t, err, msg, list)
	}
}
