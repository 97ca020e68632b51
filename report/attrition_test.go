package report

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/evalkit/evalkit/rct/analysis"
)

// The report of a cluster trial with differential attrition shows the
// attrition table, at cluster and unit level, and the balance of the two
// samples; one without attrition has no such section.
func TestAnalysisReportAttrition(t *testing.T) {
	render := func(path string, cols analysis.Columns) string {
		t.Helper()
		f, err := os.Open(path)
		require.NoError(t, err)
		defer f.Close()
		d, err := analysis.ReadCSV(f, cols)
		require.NoError(t, err)
		res, err := analysis.Analyse(d, analysis.Plan{})
		require.NoError(t, err)
		a := AnalysisOf(res, Provenance{DataFile: path, Units: "pupils", Clusters: "schools"})
		r, err := RenderAnalysis(a)
		require.NoError(t, err)
		return string(r.HTML)
	}
	html := render("../testdata/analyse_attrition/attrition.csv",
		analysis.Columns{Outcome: "score", Covariates: []string{"baseline", "sex"}, Cluster: "school"})
	for _, want := range []string{
		"<h2>Attrition</h2>",
		"Of all those randomised, 25.3% are not in the analysis",
		`<tr><td>tutoring</td><td>Schools</td><td class="num">12</td><td class="num">10</td><td class="num">2 (16.7%)</td><td class="num"></td></tr>`,
		`<tr><td>tutoring</td><td>Pupils</td><td class="num">180</td><td class="num">117</td><td class="num">63 (35.0%)</td><td class="num">&#43;19.4 percentage points</td></tr>`,
		`<tr><td>baseline</td><td>tutoring</td><td class="num">-0.124</td><td class="num">0.0236</td><td class="num">0.147</td></tr>`,
	} {
		assert.True(t, strings.Contains(html, want), "the report lacks %s", want)
	}
	html = render("../testdata/analyse2/tiny_ri.csv", analysis.Columns{Outcome: "y"})
	assert.False(t, strings.Contains(html, "<h2>Attrition</h2>"), "an attrition section without attrition")
}
