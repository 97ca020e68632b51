package analysis

import (
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// analyseCSV reads csv with cols and analyses it with p.
func analyseCSV(t *testing.T, csv string, cols Columns, p Plan) (*Result, error) {
	t.Helper()
	d, err := ReadCSV(strings.NewReader(csv), cols)
	require.NoError(t, err)
	return Analyse(d, p)
}

// An outcome constant within clusters has no finite REML optimum: the
// comparison is undefined, with the warning not_converged and a note.
func TestMixedNotConverged(t *testing.T) {
	csv := "arm,y,g\ncontrol,1,a\ncontrol,1,a\ntreatment,3,b\ntreatment,3,b\ncontrol,2,c\ncontrol,2,c\ntreatment,5,d\ntreatment,5,d\n"
	res, err := analyseCSV(t, csv, Columns{Outcome: "y", Cluster: "g"}, Plan{Model: Multilevel})
	require.NoError(t, err)
	c := res.Comparisons[0]
	assert.True(t, math.IsNaN(c.Estimate) && math.IsNaN(c.ICC) && math.IsNaN(c.VarCluster))
	w := withCode(res.Warnings, "not_converged")
	require.Len(t, w, 1, "warnings %q", res.Warnings)
	assert.Contains(t, w[0], "the multilevel model of treatment against control did not converge")
	assert.Contains(t, strings.Join(c.Notes, "\n"), "estimate: undefined")
}

// A cluster that holds both arms leaves Searle's interval undefined (the
// clusters are compared within their arm), not the model.
func TestMixedClusterOfBothArms(t *testing.T) {
	csv := "arm,y,g\ncontrol,1,a\ntreatment,2,a\ncontrol,3,b\ntreatment,5,b\ncontrol,2,c\ntreatment,4,c\ncontrol,1.5,a\ntreatment,3,b\n"
	res, err := analyseCSV(t, csv, Columns{Outcome: "y", Cluster: "g"}, Plan{Model: Multilevel})
	require.NoError(t, err)
	c := res.Comparisons[0]
	assert.False(t, math.IsNaN(c.Estimate))
	assert.True(t, math.IsNaN(c.ICCCILow) && math.IsNaN(c.ICCCIHigh))
	assert.Contains(t, strings.Join(c.Notes, "\n"), `icc_ci_low, icc_ci_high: undefined: cluster "a" lies in more than one cell`)
}

// The model needs a continuous outcome and a cluster; a constant covariate
// is the analysis's error, as with least squares.
func TestMixedErrors(t *testing.T) {
	csv := "arm,y,g,x\ncontrol,0,a,1\ncontrol,1,a,1\ntreatment,1,b,1\ntreatment,0,b,1\ncontrol,1,c,1\ntreatment,1,d,1\n"
	for _, c := range []struct {
		name string
		cols Columns
		plan Plan
		want string
	}{
		{"binary", Columns{Outcome: "y", Cluster: "g"}, Plan{Model: Multilevel}, "the multilevel model is for a continuous outcome, and this one is binary"},
		{"count", Columns{Outcome: "y", Cluster: "g"}, Plan{Model: Multilevel, Type: Count}, "this one is count"},
		{"no cluster", Columns{Outcome: "y"}, Plan{Model: Multilevel, Type: Continuous}, "needs a cluster column"},
		{"constant covariate", Columns{Outcome: "y", Cluster: "g", Covariates: []string{"x"}}, Plan{Model: Multilevel, Type: Continuous}, `covariate "x" is constant`},
		{"unknown model", Columns{Outcome: "y", Cluster: "g"}, Plan{Model: Multilevel + 1}, "unknown model"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := analyseCSV(t, csv, c.cols, c.plan)
			assert.ErrorContains(t, err, c.want)
		})
	}
}

func TestModelNames(t *testing.T) {
	for _, m := range []Model{NegBin, Poisson, Multilevel} {
		got, err := ParseModel(m.String())
		require.NoError(t, err)
		assert.Equal(t, m, got)
	}
	_, err := ParseModel("mixed")
	assert.ErrorContains(t, err, "want negbin, poisson or multilevel")
	got, err := ParseMethod("mixed_reml")
	require.NoError(t, err)
	assert.Equal(t, MixedREML, got)
	assert.Equal(t, "adjusted difference in means", MixedREML.Measure(Continuous))
}

// Describe and the table name the model and print its numbers.
func TestMixedDescribeAndText(t *testing.T) {
	res := analyseFile(t, dataLMM+"blocks.csv", func() Columns { c := lmmCols("x"); c.Block = "block"; return c }(), Plan{Control: "0", Model: Multilevel})
	s := res.Describe(res.Comparisons[0])
	assert.Equal(t, "Difference in mean y between 1 and 0 from a multilevel model with a random intercept for each cluster (cluster), adjusted for x and randomisation blocks (block) as fixed effects, fitted by REML, with Satterthwaite degrees of freedom; the ICC and the effect sizes g_total and g_within are of the model without covariates.", s)
	var b strings.Builder
	require.NoError(t, res.WriteText(&b))
	for _, want := range []string{"1 vs 0: mixed_reml", "  icc (Searle CI)               0.1462  [0.05356, 0.296]", "  var_cluster                   0.2691\n", "  g_within "} {
		assert.Contains(t, b.String(), want)
	}
}
