package qed

import (
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats/scalar"

	"github.com/evalkit/evalkit/internal/table"
)

var matchCols = MatchColumns{Treat: "navigator", Covariates: []string{"age", "absence", "fsm"}, Outcome: "exclusions"}

func readMatch(t testing.TB, cols MatchColumns) *MatchData {
	t.Helper()
	tb, err := table.ReadFile("../testdata/qed/match.csv")
	require.NoError(t, err)
	d, err := ReadMatchData(tb, cols)
	require.NoError(t, err)
	return d
}

func TestMatchMatchesR(t *testing.T) {
	exact := matchCols
	exact.Exact = "town"
	for _, tc := range []struct {
		name      string
		cols      MatchColumns
		opt       MatchOptions
		pairs     int
		est, se   float64
		smdAge    float64
		warnCount int
	}{
		// testdata/r/match.out: MatchIt 4.5.5 matchit(..., method = "nearest", distance = "glm",
		// m.order = "largest", caliper, exact); lm_robust(exclusions ~ navigator,
		// clusters = subclass, se_type = "CR2"); SMD by cobalt's definition.
		{"nearest", matchCols, MatchOptions{}, 126, -0.26492063492063478, 0.12424935225952302, 0.28811536644034214, 1},
		{"caliper 0.2", matchCols, MatchOptions{Caliper: 0.2}, 108, -0.36620370370370325, 0.14492599163997902, 0.050029334947781078, 1},
		{"caliper 0.05, exact town", exact, MatchOptions{Caliper: 0.05}, 84, -0.29142857142857143, 0.16490127636947791, -0.10050536038616532, 4},
		// ebal 0.1-8 ebalance(); lm_robust(exclusions ~ navigator, weights = w, se_type = "HC2")
		{"ebal", matchCols, MatchOptions{Method: EBal}, 0, -0.21798935793589627, 0.14537616868832465, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := readMatch(t, tc.cols).Match(tc.opt)
			require.NoError(t, err)
			if tc.opt.Method == Nearest {
				require.NotNil(t, r.NMatched)
				assert.Equal(t, tc.pairs, *r.NMatched)
				assert.True(t, math.IsNaN(r.ESS))
			} else {
				assert.Nil(t, r.NMatched)
				// (Σw)²/Σw² of ebal's weights: 102.33152425015952
				assert.True(t, scalar.EqualWithinRel(r.ESS, 102.33152425015952, 1e-9), "ess %.17g", r.ESS)
				assert.Less(t, r.MaxMeanGap, 1e-10)
			}
			assert.True(t, scalar.EqualWithinAbsOrRel(r.Effect.Estimate, tc.est, 1e-12, 1e-8), "estimate %.17g", r.Effect.Estimate)
			assert.True(t, scalar.EqualWithinRel(r.Effect.SE, tc.se, 1e-8), "se %.17g", r.Effect.SE)
			assert.True(t, scalar.EqualWithinAbsOrRel(r.Balance[0].SMDAfter, tc.smdAge, 1e-10, 1e-9), "smd %.17g", r.Balance[0].SMDAfter)
			assert.Len(t, r.Warnings, tc.warnCount, "%q", r.Warnings)
			assert.Equal(t, 3, r.SMSLevel)
		})
	}
}

func TestReadMatchDataErrors(t *testing.T) {
	for _, tc := range []struct {
		name, csv string
		cols      MatchColumns
		want      string
	}{
		{"treatment 2", "t,x\n2,1\n", MatchColumns{Treat: "t", Covariates: []string{"x"}}, `m.csv: row 2, column "t": "2": the treatment must be 1 or 0`},
		{"text covariate", "t,x\n1,big\n", MatchColumns{Treat: "t", Covariates: []string{"x"}}, `m.csv: row 2, column "x": "big": not a number`},
		{"covariate twice", "t,x\n1,1\n", MatchColumns{Treat: "t", Covariates: []string{"x", "x"}}, `m.csv: covariate "x"`},
		{"empty covariate", "t,x\n1,1\n", MatchColumns{Treat: "t", Covariates: []string{""}}, `m.csv: covariate ""`},
		{"no column", "t,x\n1,1\n", MatchColumns{Treat: "t", Covariates: []string{"z"}}, `m.csv: no column "z"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tb, err := table.Read(strings.NewReader(tc.csv), "m.csv")
			require.NoError(t, err)
			_, err = ReadMatchData(tb, tc.cols)
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), tc.want), "error %q", err)
		})
	}
}

func TestMatchMissingAndErrors(t *testing.T) {
	tb, err := table.Read(strings.NewReader("t,x\n1,1\nyes,NA\n0,2\nNA,3\n"), "m.csv")
	require.NoError(t, err)
	d, err := ReadMatchData(tb, MatchColumns{Treat: "t", Covariates: []string{"x"}})
	require.NoError(t, err)
	assert.Equal(t, 2, d.Missing)
	assert.Equal(t, []bool{true, false}, d.Treated)
	_, err = d.Match(MatchOptions{Method: EBal})
	assert.Error(t, err) // one control cannot be balanced on a covariate
	tb, _ = table.Read(strings.NewReader("t,x\n1,1\n1,2\n"), "m.csv")
	d, err = ReadMatchData(tb, MatchColumns{Treat: "t", Covariates: []string{"x"}})
	require.NoError(t, err)
	_, err = d.Match(MatchOptions{})
	assert.ErrorContains(t, err, "2 treated units and 0 controls")
}

func TestMatchMethodText(t *testing.T) {
	var m MatchMethod
	require.NoError(t, m.UnmarshalText([]byte("ebal")))
	assert.Equal(t, EBal, m)
	assert.Error(t, m.UnmarshalText([]byte("optimal")))
	b, _ := Nearest.MarshalText()
	assert.Equal(t, "nearest", string(b))
}
