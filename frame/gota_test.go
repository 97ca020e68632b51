package frame_test

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/go-gota/gota/dataframe"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/evalkit/evalkit/frame"
	"github.com/evalkit/evalkit/rct/analysis"
)

// exampleTrials are the example trials analysed as the README analyses them.
var exampleTrials = []struct {
	file string
	cols analysis.Columns
	plan analysis.Plan
}{
	{"school_navigators.csv", analysis.Columns{Outcome: "attendance", Covariates: []string{"attendance_baseline"}, Block: "town", Cluster: "school"},
		analysis.Plan{Permutations: 2000, Seed: 1}},
	{"focused_deterrence.csv", analysis.Columns{Outcome: "reoffended"}, analysis.Plan{}},
	{"hotspots.csv", analysis.Columns{Outcome: "crimes_after", Exposure: "weeks", Covariates: []string{"crimes_before"}, Block: "area"},
		analysis.Plan{Type: analysis.Count}},
	{"hotspots.csv", analysis.Columns{Outcome: "crimes_after", Exposure: "weeks"}, analysis.Plan{Type: analysis.Count, Model: analysis.Poisson, Permutations: 500, Seed: 3}},
}

func readGota(t *testing.T, path string, opts ...dataframe.LoadOption) dataframe.DataFrame {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	df := dataframe.ReadCSV(f, opts...)
	require.NoError(t, df.Err)
	return df
}

// A dataframe read with type detection off gives exactly the analysis of
// the CSV file.
func TestGotaAgreesWithCSV(t *testing.T) {
	for _, c := range exampleTrials {
		t.Run(c.file, func(t *testing.T) {
			f, err := os.Open("../examples/" + c.file)
			require.NoError(t, err)
			defer f.Close()
			d, err := analysis.ReadCSV(f, c.cols)
			require.NoError(t, err)
			want, err := analysis.Analyse(d, c.plan)
			require.NoError(t, err)

			df := readGota(t, "../examples/"+c.file, dataframe.DetectTypes(false))
			g, err := analysis.Read(frame.Gota(df), c.cols)
			require.NoError(t, err)
			got, err := analysis.Analyse(g, c.plan)
			require.NoError(t, err)

			wj, err := json.Marshal(want)
			require.NoError(t, err)
			gj, err := json.Marshal(got)
			require.NoError(t, err)
			assert.JSONEq(t, string(wj), string(gj))
			assert.Equal(t, string(wj), string(gj), "the same numbers to the last bit")
		})
	}
}

// With gota's type detection on, a numeric arm, block or cluster column is
// refused with the reason; numeric outcomes and covariates are read at full
// precision.
func TestGotaDetectedTypes(t *testing.T) {
	df := dataframe.LoadRecords([][]string{
		{"arm", "y", "x", "site"},
		{"control", "1.25", "0.1", "001"},
		{"treatment", "2.5", "0.30000000000000004", "002"},
		{"control", "3", "NA", "001"},
		{"treatment", "4.125", "0.2", "002"},
	})
	require.NoError(t, df.Err)
	src := frame.Gota(df)
	y, err := src.Column("x")
	require.NoError(t, err)
	assert.Equal(t, []string{"0.1", "0.30000000000000004", "NA", "0.2"}, y, "floats at full precision")

	_, err = analysis.Read(src, analysis.Columns{Outcome: "y", Block: "site"})
	require.Error(t, err)
	assert.True(t, errors.Is(err, frame.ErrNotText))
	assert.Contains(t, err.Error(), `column "site"`)
	assert.Contains(t, err.Error(), "00001 as 1")

	_, err = analysis.Read(src, analysis.Columns{Outcome: "nope"})
	require.Error(t, err)
	assert.True(t, strings.Contains(err.Error(), `"nope"`), err.Error())
}

// An error in the dataframe itself is reported, not read past.
func TestGotaDataFrameError(t *testing.T) {
	df := dataframe.DataFrame{Err: errors.New("bad file")}
	_, err := frame.Gota(df).Column("y")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "bad file")
}
