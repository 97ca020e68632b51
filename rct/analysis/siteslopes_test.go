package analysis

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var sitesPlan = Plan{Control: "0", Model: Multilevel, SiteSlopes: true}

// A fit whose sites' covariance matrix is singular is warned of, never
// silent; a regular one is not.
func TestSiteSlopesSingularWarning(t *testing.T) {
	res := analyseFile(t, dataLMM+"sites_singular.csv", sitesCols("x"), sitesPlan)
	w := withCode(res.Warnings, "singular_fit")
	require.Len(t, w, 1, "warnings: %q", res.Warnings)
	assert.Contains(t, w[0], "the multilevel model of 1 against 0 with site slopes is singular")
	assert.Contains(t, w[0], "cor_site 1")
	res = analyseFile(t, dataLMM+"sites.csv", sitesCols("x"), sitesPlan)
	assert.Empty(t, withCode(res.Warnings, "singular_fit"))
}

// With site slopes var_cluster is undefined and the notes say why and how
// many sites hold both arms; without them the site keys are undefined.
func TestSiteSlopesKeys(t *testing.T) {
	c := comparison(t, analyseFile(t, dataLMM+"sites.csv", sitesCols("x"), sitesPlan), "1")
	assert.True(t, math.IsNaN(c.VarCluster))
	notes := strings.Join(c.Notes, "\n")
	assert.Contains(t, notes, "df: Satterthwaite, 12 sites, 11 of them with both arms")
	assert.Contains(t, notes, "var_cluster: undefined with site slopes")
	assert.Contains(t, notes, "of the model with site slopes and the covariates")
	assert.Contains(t, notes, "icc, g_total, g_within: of the random-intercept model without covariates")
	assert.Contains(t, notes, "icc_ci_low, icc_ci_high: undefined")
	b, err := json.Marshal(c)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	assert.Nil(t, m["var_cluster"])
	for _, k := range []string{"var_site_intercept", "var_site_slope", "cor_site", "var_residual"} {
		assert.IsType(t, 0.0, m[k], k)
	}

	for _, p := range []Plan{{Control: "0", Model: Multilevel}, {Control: "0"}} {
		c := comparison(t, analyseFile(t, dataLMM+"sites.csv", sitesCols("x"), p), "1")
		for _, v := range []float64{c.VarSiteIntercept, c.VarSiteSlope, c.CorSite} {
			assert.True(t, math.IsNaN(v), "%v: %v", c.Method, v)
		}
	}
}

// The table shows the sites' variances instead of var_cluster, and the
// sentence names the model.
func TestSiteSlopesText(t *testing.T) {
	res := analyseFile(t, dataLMM+"sites.csv", sitesCols("x"), sitesPlan)
	var b bytes.Buffer
	require.NoError(t, res.WriteText(&b))
	text := strings.Join(strings.Fields(b.String()), " ")
	assert.Contains(t, text, "icc (Searle CI) 0.3933 NA var_site_intercept 1.019 var_site_slope 0.4456 cor_site 0.7588 var_residual 2.311 note:")
	assert.NotContains(t, text, "var_cluster ")
	assert.Contains(t, res.Describe(res.Comparisons[0]), "a random intercept and a random treatment effect for each site")
}

// Site slopes need the multilevel model and sites holding both arms, and
// have no randomisation inference.
func TestSiteSlopesErrors(t *testing.T) {
	within := "treat,y,site\n0,1,a\n1,2,a\n0,3,b\n1,5,b\n0,2,c\n1,4,c\n0,1.5,a\n1,3,b\n0,2,c\n"
	whole := "treat,y,site\n0,1,a\n0,2,a\n1,3,b\n1,5,b\n0,2,c\n0,4,c\n1,1.5,d\n1,3,d\n0,2,e\n"
	cols := Columns{Arm: "treat", Outcome: "y", Cluster: "site"}
	for _, c := range []struct {
		name, csv string
		plan      Plan
		want      string
	}{
		{"not multilevel", within, Plan{Control: "0", SiteSlopes: true}, "site slopes are for the multilevel model"},
		{"permutations", within, Plan{Control: "0", Model: Multilevel, SiteSlopes: true, Permutations: 10, Seed: 1}, "randomisation inference is not available with site slopes"},
		{"auto permutations", within, Plan{Control: "0", Model: Multilevel, SiteSlopes: true, AutoPermutations: true}, "randomisation inference is not available with site slopes"},
		{"whole sites", whole, Plan{Control: "0", Model: Multilevel, SiteSlopes: true}, `no site (column "site") holds both arms 1 and 0`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := analyseCSV(t, c.csv, cols, c.plan)
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
	// The same data within sites analyse.
	res, err := analyseCSV(t, within, cols, Plan{Control: "0", Model: Multilevel, SiteSlopes: true})
	require.NoError(t, err)
	assert.Equal(t, MixedREML, res.Comparisons[0].Method)
}
