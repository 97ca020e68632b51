package report

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/evalkit/evalkit/rct/analysis"
)

// A Go program writes the command's report from an analysis.Result.
func TestAnalysisOfResult(t *testing.T) {
	f, err := os.Open("../examples/school_navigators.csv")
	require.NoError(t, err)
	defer f.Close()
	d, err := analysis.ReadCSV(f, analysis.Columns{Outcome: "attendance",
		Covariates: []string{"attendance_baseline"}, Block: "town", Cluster: "school"})
	require.NoError(t, err)
	res, err := analysis.Analyse(d, analysis.Plan{Permutations: 200, Seed: 1})
	require.NoError(t, err)

	date := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	a := AnalysisOf(res, Provenance{DataFile: "/home/me/trials/school_navigators.csv", DataSHA256: "ab12", Version: "0.1.0", Date: date})
	assert.Equal(t, "school_navigators.csv", a.DataFile, "no directories in the report")
	assert.Equal(t, "Trial analysis: attendance by arm", a.Title)
	require.Len(t, a.Arms, 2)
	assert.Equal(t, res.Arms[0].N+res.Arms[0].NMissing, a.Arms[0].Randomised)
	require.Len(t, a.Comparisons, 1)
	c := a.Comparisons[0]
	assert.Equal(t, "ols_cr2", c.Method)
	assert.Equal(t, "adjusted difference in means", c.Measure)
	assert.Equal(t, res.Describe(res.Comparisons[0]), c.Sentence)
	assert.Contains(t, c.Sentence, "Randomisation inference")
	assert.False(t, c.Log)
	require.Len(t, a.Balance, 1)

	out, err := RenderAnalysis(a)
	require.NoError(t, err)
	html := string(out.HTML)
	assert.True(t, strings.Contains(html, "CR2"), "the method's sentence is in the report")
	for _, p := range []string{"flow.png", "distribution.png", "forest.png", "balance.png"} {
		assert.NotEmpty(t, out.PNG[p], p)
	}
}

// Rate ratios are drawn on a log axis with no effect at 1.
func TestAnalysisOfRatio(t *testing.T) {
	f, err := os.Open("../examples/hotspots.csv")
	require.NoError(t, err)
	defer f.Close()
	d, err := analysis.ReadCSV(f, analysis.Columns{Outcome: "crimes_after", Exposure: "weeks"})
	require.NoError(t, err)
	res, err := analysis.Analyse(d, analysis.Plan{Type: analysis.Count})
	require.NoError(t, err)
	c := AnalysisOf(res, Provenance{}).Comparisons[0]
	assert.True(t, c.Log)
	assert.Equal(t, 1.0, c.NullValue)
	assert.Equal(t, "rate ratio", c.Measure)
}
