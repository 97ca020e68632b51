package analysis

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats/scalar"

	"github.com/evalkit/evalkit/internal/table"
)

// iccCases are evalkit icc's numbers as R 4.2.2, lme4 1.1.31 and lmerTest 3.1.3 compute
// them (testdata/r/multilevel.R, "evalkit icc"): icc from lmer(y ~ 1 + (1 | cluster), REML =
// TRUE, control = lmerControl(optimizer = "bobyqa", optCtrl = list(rhoend = 1e-12, maxfun =
// 1e5))), var_cluster and var_residual from it or from lmer(y ~ covariates + (1 | cluster)),
// Searle's interval by hand from qf and anova(lm(y ~ factor(cluster))), then clusters, n,
// the mean cluster size, sd(sizes)/mean(sizes), and with covariates r2_individual and
// r2_cluster. lmer iterates: 1e-6 relative (stats/lmm_test.go says why).
var iccCases = []struct {
	name, file string
	covariates []string
	want       []float64
}{
	// missing values in the outcome, the cluster and the covariate; R: read.csv(na.strings = c("",
	// "NA", "NaN", ".", "null")) and complete.cases; r2_individual below 0
	{"missing", dataAnalyse + "../icc/missing.csv", []string{"x"},
		[]float64{0.71788879750553003, 3.8910744687410053, 2.4706366606719907, -0.04820890499714979, 0.97883018127486165, 4, 9, 2.25, 0.22222222222222221, -0.25372561934251592, 0.2240632570692036}},
	{"unequal", "unequal.csv", nil,
		[]float64{0.1637013736682065, 1.7719754353745285, 9.0524629652830413, 0.078849000849145021, 0.32903536481724782, 18, 426, 23.666666666666668, 1.023978248715856}},
	{"balanced, x", "balanced.csv", []string{"x"},
		[]float64{0.24748725836936869, 0.34520557816039699, 1.0972409144662403, 0.12087761183849692, 0.45506908607051616, 20, 200, 10, 0, 0.068010245271112213, 0.10844536354352585}},
	// block, a text column, is a factor: lmer(y ~ x + factor(block) + (1 | cluster))
	{"blocks, x and factor(block)", "blocks.csv", []string{"x", "block"},
		[]float64{0.25607439458297737, 0.26662093394821901, 1.0116780108963799, 0.15351064755100274, 0.39999401145746905, 36, 357, 9.9166666666666661, 0.29263560750073808, 0.36113639706518863, 0.51087097616362276}},
	{"singular", "singular.csv", nil,
		[]float64{0.095136651261627014, 0.12796865187882212, 1.2171349457547196, 0.020782019631530254, 0.27711512785092846, 15, 210, 14, 0.32171189327417238}},
}

// iccNumbers lists r's numbers in the order of testdata/r/multilevel.R.
func iccNumbers(r *ICCResult) []float64 {
	out := []float64{r.ICC, r.VarCluster, r.VarResidual, r.ICCCILow, r.ICCCIHigh, float64(r.Clusters), float64(r.N), r.MeanClusterSize, r.ClusterSizeCV}
	if len(r.Covariates) > 0 {
		out = append(out, r.R2Individual, r.R2Cluster)
	}
	return out
}

// iccFile returns the ICC of y by cluster in file, a CSV of testdata/lmm,
// or, in a path with a folder, by school.
func iccFile(t *testing.T, file string, covariates []string) *ICCResult {
	t.Helper()
	cluster := "school"
	if !strings.Contains(file, "/") {
		file, cluster = dataLMM+file, "cluster"
	}
	tb, err := table.ReadFile(file)
	require.NoError(t, err)
	r, err := ICC(tb, ICCColumns{Outcome: "y", Cluster: cluster, Covariates: covariates}, 0)
	require.NoError(t, err)
	return r
}

func TestICCAgainstR(t *testing.T) {
	for _, c := range iccCases {
		t.Run(c.name, func(t *testing.T) {
			r := iccFile(t, c.file, c.covariates)
			got := iccNumbers(r)
			require.Len(t, got, len(c.want))
			for i, w := range c.want {
				assert.Truef(t, scalar.EqualWithinAbsOrRel(got[i], w, 1e-300, 1e-6), "number %d = %.17g, want %.17g (R)", i, got[i], w)
			}
			if c.covariates == nil {
				assert.True(t, math.IsNaN(r.R2Individual) && math.IsNaN(r.R2Cluster), "R² without covariates")
			}
			assert.Empty(t, r.Warnings)
		})
	}
}

// Rows with a missing outcome, cluster or covariate are left out and
// counted; the JSON has every key of the contract.
func TestICCJSONAndMissing(t *testing.T) {
	csv := "y,g,x\n1,a,0.5\n2,a,1\nNA,a,2\n4,b,0.1\n6,b,NA\n5,b,3\n2,c,1\n2.5,c,2\n,d,1\n3,,1\n"
	tb, err := table.ReadFrom(strings.NewReader(csv))
	require.NoError(t, err)
	r, err := ICC(tb, ICCColumns{Outcome: "y", Cluster: "g"}, 0.9)
	require.NoError(t, err)
	assert.Equal(t, 7, r.N)
	assert.Equal(t, 3, r.NMissing, "the rows without y or g")
	assert.Equal(t, 3, r.Clusters)
	r, err = ICC(tb, ICCColumns{Outcome: "y", Cluster: "g", Covariates: []string{"x"}}, 0.9)
	require.NoError(t, err)
	assert.Equal(t, 6, r.N, "and the row without x")
	b, err := json.Marshal(r)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	for _, k := range []string{"icc", "icc_ci_low", "icc_ci_high", "var_cluster", "var_residual", "clusters", "n", "n_missing",
		"mean_cluster_size", "cluster_size_cv", "r2_individual", "r2_cluster", "level", "outcome", "cluster", "covariates", "warnings", "notes"} {
		assert.Contains(t, m, k)
	}
	assert.Equal(t, 0.9, m["level"])
}

// A singular fit is warned of; the ICC is then 0 and r2_cluster undefined.
func TestICCSingular(t *testing.T) {
	// Every cluster's mean is 2, so the REML estimate of the clusters' variance is 0.
	csv := "y,g\n1,a\n3,a\n1,b\n3,b\n0,c\n4,c\n"
	tb, err := table.ReadFrom(strings.NewReader(csv))
	require.NoError(t, err)
	r, err := ICC(tb, ICCColumns{Outcome: "y", Cluster: "g"}, 0)
	require.NoError(t, err)
	assert.Equal(t, 0.0, r.ICC)
	require.Len(t, r.Warnings, 1)
	assert.True(t, strings.HasPrefix(r.Warnings[0], "singular_fit: "), r.Warnings[0])
	assert.Less(t, r.ICCCILow, 0.0, "Searle's interval is not truncated")
}

// Data that cannot give an ICC is an error that says where.
func TestICCErrors(t *testing.T) {
	for _, c := range []struct {
		name, csv string
		cols      ICCColumns
		want      string
		is        error
	}{
		{"text outcome", "y,g\n1,a\nabc,b\n", ICCColumns{Outcome: "y", Cluster: "g"}, `row 3, column "y": "abc": not a number`, table.ErrNotNumber},
		{"unknown column", "y,g\n1,a\n", ICCColumns{Outcome: "y", Cluster: "h"}, `"h"`, nil},
		{"no cluster named", "y,g\n1,a\n", ICCColumns{Outcome: "y"}, "no cluster column", nil},
		{"outcome is cluster", "y,g\n1,a\n", ICCColumns{Outcome: "y", Cluster: "y"}, "same column", nil},
		{"covariate is cluster", "y,g\n1,a\n", ICCColumns{Outcome: "y", Cluster: "g", Covariates: []string{"g"}}, "is the outcome or the cluster column", nil},
		{"one cluster", "y,g\n1,a\n2,a\n3,a\n", ICCColumns{Outcome: "y", Cluster: "g"}, "1 group; a random intercept needs at least 2", nil},
		{"single rows", "y,g\n1,a\n2,b\n3,c\n", ICCColumns{Outcome: "y", Cluster: "g"}, "single observation", nil},
		{"no rows", "y,g\nNA,a\n2,\n", ICCColumns{Outcome: "y", Cluster: "g"}, "no row has an outcome", nil},
		{"constant covariate", "y,g,x\n1,a,1\n2,a,1\n3,b,1\n5,b,1\n", ICCColumns{Outcome: "y", Cluster: "g", Covariates: []string{"x"}}, `covariate "x" is constant`, nil},
		{"constant factor", "y,g,x\n1,a,u\n2,a,u\n3,b,u\n5,b,u\n", ICCColumns{Outcome: "y", Cluster: "g", Covariates: []string{"x"}}, `covariate "x" is constant`, nil},
		{"collinear covariates", "y,g,x,z\n1,a,1,2\n2,a,2,4\n3,b,3,6\n5,b,5,10\n", ICCColumns{Outcome: "y", Cluster: "g", Covariates: []string{"x", "z"}}, `covariate "z" is collinear with the covariates before it`, nil},
		{"constant within clusters", "y,g\n1,a\n1,a\n3,b\n3,b\n", ICCColumns{Outcome: "y", Cluster: "g"}, "does not vary within", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			tb, err := table.ReadFrom(strings.NewReader(c.csv))
			require.NoError(t, err)
			_, err = ICC(tb, c.cols, 0)
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
			if c.is != nil {
				assert.True(t, errors.Is(err, c.is), "%v is not %v", err, c.is)
			}
		})
	}
	_, err := ICC(nil, ICCColumns{}, 2)
	assert.ErrorContains(t, err, "confidence level 2")
}
