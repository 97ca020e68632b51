package report

import (
	"html"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/evalkit/evalkit/rct/analysis"
)

// reportText is the text a reader sees of a report: the page without its
// styles and tags, the text of its plots included.
func reportText(page []byte) string {
	s := regexp.MustCompile(`(?s)<style>.*?</style>|<[^>]*>`).ReplaceAllString(string(page), " ")
	return html.UnescapeString(s)
}

// No code of evalkit's results (a method, an effect size, a test, a
// warning's code, a note's key) is in the visible text of the reports of
// the example trials: each is in words.
func TestNoCodesInReports(t *testing.T) {
	for _, tc := range []struct {
		file string
		cols analysis.Columns
		plan analysis.Plan
	}{
		{"../examples/school_navigators.csv", analysis.Columns{Outcome: "attendance", Covariates: []string{"attendance_baseline"}, Block: "town", Cluster: "school"}, analysis.Plan{Permutations: 100, Seed: 1}},
		{"../examples/focused_deterrence.csv", analysis.Columns{Outcome: "reoffended"}, analysis.Plan{}},
		{"../examples/focused_deterrence.csv", analysis.Columns{Outcome: "prior_offences"}, analysis.Plan{}},
		{"../examples/hotspots.csv", analysis.Columns{Outcome: "crimes_after", Exposure: "weeks", Covariates: []string{"crimes_before"}, Block: "area"}, analysis.Plan{Type: analysis.Count}},
		{"../cmd/evalkit/testdata/analyse/three_arm.csv", analysis.Columns{Outcome: "reattended"}, analysis.Plan{Permutations: 50, Seed: 2}},
	} {
		t.Run(tc.file+" "+tc.cols.Outcome, func(t *testing.T) {
			f, err := os.Open(tc.file)
			require.NoError(t, err)
			defer f.Close()
			d, err := analysis.ReadCSV(f, tc.cols)
			require.NoError(t, err)
			res, err := analysis.Analyse(d, tc.plan)
			require.NoError(t, err)
			out, err := RenderAnalysis(AnalysisOf(res, Provenance{}))
			require.NoError(t, err)
			for _, page := range [][]byte{out.HTML, out.Markdown} {
				text := strings.ReplaceAll(reportText(page), `\_`, "_")
				for code := range Glossary {
					if strings.Contains(code, "_") {
						assert.NotRegexp(t, `\b`+code+`\b`, text)
					}
				}
				for _, c := range res.Comparisons {
					assert.Contains(t, text, c.Headline, "the headline")
				}
			}
			assert.Contains(t, string(out.HTML), "Participant flow (CONSORT 2010)")
		})
	}
}

func TestTerms(t *testing.T) {
	assert.Equal(t, "Welch's t-test", Terms("welch_t").Name)
	assert.Equal(t, Term{Name: "Some new code"}, Terms("some_new_code"))
	assert.Equal(t, Term{}, Terms(""))
	assert.Equal(t, "Standard error, Confidence interval, p-value, Degrees of freedom: undefined: a reason", glossaryNote("se, ci, p_value, df: undefined: a reason"))
	assert.Equal(t, "Not estimable: no outcomes", glossaryNote("Not estimable: no outcomes"))
	assert.Equal(t, "no key here", glossaryNote("no key here"))
}
