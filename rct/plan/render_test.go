package plan

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sapSections are the sections of a funder's statistical analysis plan
// that every rendering has, in order.
var sapSections = []string{"Design and randomisation", "Sample size and minimum detectable effect size", "Primary analysis",
	"Secondary outcomes", "Subgroup analyses", "Baseline imbalance", "Missing data", "Compliance", "Effect size calculation", "Headline tables"}

// TestRenderSections: both formats have every section, in order, the
// primary model as its R call, the MDES and the design; the HTML opens
// with no network. (The command's golden files pin the whole text.)
func TestRenderSections(t *testing.T) {
	f, err := Read(planDir+"school_plan.yaml", os.ReadFile)
	require.NoError(t, err)
	for _, name := range []string{"plan.md", "PLAN.HTML"} {
		b, err := Render(f, name)
		require.NoError(t, err)
		s := string(b)
		last := -1
		for i, title := range sapSections {
			at := strings.Index(s, title)
			require.Greater(t, at, last, "%s: section %d, %s, missing or out of order", name, i+1, title)
			last = at
		}
		assert.Contains(t, s, "lm_robust(attendance ~ treat ")
		assert.Contains(t, s, "minimum detectable effect size (MDES) is 0.6248 standard deviations")
		assert.Contains(t, s, "complete randomisation (exact numbers in each arm) within strata of town (2 strata), whole clusters of school together")
		assert.Contains(t, s, f.SHA256)
	}
	b, err := Render(f, "plan.html")
	require.NoError(t, err)
	s := string(b)
	assert.Contains(t, s, `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`)
	for _, bad := range []string{"<script", "<img", "<link", "src=", "url("} {
		assert.NotContains(t, s, bad)
	}
	assert.Contains(t, s, "<pre><code>lm_robust(attendance ~ treat &#43; attendance_baseline &#43; factor(town), clusters = school, se_type = &#34;CR2&#34;)</code></pre>")
	b, err = Render(f, "plan.md")
	require.NoError(t, err)
	assert.Contains(t, string(b), "```r\nlm_robust(attendance ~ treat + attendance_baseline + factor(town), clusters = school, se_type = \"CR2\")\n```")
	_, err = Render(f, "plan.pdf")
	assert.EqualError(t, err, "plan.pdf: render as .md or .html")
}

// TestRenderSettings: the sections follow the plan's settings.
func TestRenderSettings(t *testing.T) {
	f, err := Read(planDir+"custody_plan.yaml", os.ReadFile)
	require.NoError(t, err)
	f.Plan.Received = "took_part"
	b, err := Render(f, "plan.md")
	require.NoError(t, err)
	s := string(b)
	for _, want := range []string{
		"Pocock-Simon minimisation on suite and sex",
		"The trial was minimised on suite and sex, of which suite and sex are not covariates",
		"rearrested, binary when every value is 0 or 1, else continuous, by ols_hc2:\n\n```r\nlm_robust(rearrested ~ treat + prior_arrests, se_type = \"HC2\")",
		"lm_robust(wellbeing ~ treat * factor(sex) + prior_arrests, se_type = \"HC2\")",
		"iv_robust(wellbeing ~ took_part + prior_arrests | treat + prior_arrests, se_type = \"HC2\")",
		"re-randomised 500 times by its own method, as the manifest records it, from the seed 2",
		"The trial's minimum detectable effect size (MDES) is 0.6343 standard deviations with power 0.8 at a two-sided alpha of 0.05 (evalkit power ttest",
		"not locked: lock it with evalkit plan lock",
		"Table 6. The complier average causal effect",
	} {
		assert.Contains(t, s, want)
	}
	f.Plan.Secondary, f.Plan.Subgroup, f.Plan.Received, f.Plan.Power = nil, "", "", nil
	b, err = Render(f, "plan.md")
	require.NoError(t, err)
	for _, want := range []string{"No secondary outcome is pre-specified.", "No subgroup analysis is pre-specified.",
		"No compliance analysis is pre-specified", "No power calculation is recorded in the plan"} {
		assert.Contains(t, string(b), want)
	}
}
