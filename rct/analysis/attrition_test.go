package analysis

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats/scalar"
)

const dataLee = "../../testdata/analyse_lee/lee.csv"

// TestLeeBoundsAgainstR checks lee_bounds against Lee's bounds computed by
// hand in R 4.2.2 (testdata/r/lee.R): lower, upper, trim_share and the
// attrition shares, to 1e-12 relative.
func TestLeeBoundsAgainstR(t *testing.T) {
	for _, tc := range []struct {
		name, outcome string
		trimmed       string
		want          [5]float64
		n, missing    [2]int
	}{
		// 5 of 53 treated and 9 of 47 controls lost: the treatment arm keeps the mass 42.85 of its 48
		{"treatment trimmed", "y1", "treatment",
			[5]float64{0.69761668321747905, 3.1802383316782503, 0.10726950354609938, 0.094339622641509413, 0.19148936170212771},
			[2]int{53, 47}, [2]int{5, 9}},
		// 13 of 53 treated and 3 of 47 controls lost: the control arm keeps the mass 35.47 of its 44
		{"control trimmed", "y2", "control",
			[5]float64{3.740425531914898, 7.0468085106383, 0.19382504288164662, 0.24528301886792447, 0.063829787234042534},
			[2]int{53, 47}, [2]int{13, 3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := analyseFile(t, dataLee, Columns{Outcome: tc.outcome}, Plan{}).Comparisons[0]
			b := c.LeeBounds
			require.NotNil(t, b)
			got := [5]float64{b.Lower, b.Upper, b.TrimShare, b.Attrition[0].Share, b.Attrition[1].Share}
			for i, w := range tc.want {
				require.Truef(t, scalar.EqualWithinRel(got[i], w, 1e-12), "number %d = %.17g, R %.17g", i, got[i], w)
			}
			require.Equal(t, tc.trimmed, *b.TrimmedArm)
			for k, a := range b.Attrition {
				require.Equal(t, []string{"treatment", "control"}[k], a.Arm)
				require.Equal(t, tc.n[k], a.N)
				require.Equal(t, tc.missing[k], a.Missing)
			}
			require.LessOrEqual(t, b.Lower, c.Estimate)
			require.GreaterOrEqual(t, b.Upper, c.Estimate)
		})
	}
}

// lee_bounds are there only for a continuous outcome without covariates
// with attrition; with a block they are the same bounds, with a note; and
// the JSON has the contract's keys.
func TestLeeBoundsWhen(t *testing.T) {
	none := analyseFile(t, dataLee, Columns{Outcome: "y1", Covariates: []string{"site"}}, Plan{})
	require.Nil(t, none.Comparisons[0].LeeBounds)
	plain := analyseFile(t, dataLee, Columns{Outcome: "y1"}, Plan{})
	blocked := analyseFile(t, dataLee, Columns{Outcome: "y1", Block: "site"}, Plan{})
	require.Equal(t, plain.Comparisons[0].LeeBounds, blocked.Comparisons[0].LeeBounds)
	require.Contains(t, strings.Join(blocked.Comparisons[0].Notes, "\n"), "the bounds are of the difference in means, without the blocks or clusters")
	complete := analyseFile(t, dataCACE+"custody.csv", Columns{Outcome: "wellbeing"}, Plan{})
	require.Nil(t, complete.Comparisons[0].LeeBounds)

	b, err := json.Marshal(plain.Comparisons[0])
	require.NoError(t, err)
	var got struct {
		LeeBounds map[string]json.RawMessage `json:"lee_bounds"`
	}
	require.NoError(t, json.Unmarshal(b, &got))
	keys := []string{}
	for k := range got.LeeBounds {
		keys = append(keys, k)
	}
	require.ElementsMatch(t, []string{"lower", "upper", "trim_share", "trimmed_arm", "attrition"}, keys)
	require.JSONEq(t, `[{"arm":"treatment","n":53,"missing":5,"share":0.09433962264150944},{"arm":"control","n":47,"missing":9,"share":0.19148936170212766}]`, string(got.LeeBounds["attrition"]))
	require.Contains(t, strings.Join(plain.Comparisons[0].Notes, "\n"), "lee_bounds: Lee (2009) bounds on the effect among those whose outcome would be observed in either arm, under monotone attrition: 0.09434 of arm treatment and 0.1915 of arm control have no outcome; the observed outcomes of arm treatment, which retains the larger share, are trimmed by 0.1073")
}

// Equal attrition trims nothing: both bounds are the difference in means
// and trimmed_arm is null; an arm with no outcome left makes the bounds
// undefined, with a note.
func TestLeeBoundsSpecial(t *testing.T) {
	d, err := ReadCSV(strings.NewReader("arm,y\ncontrol,1\ncontrol,NA\ntreatment,3\ntreatment,\ncontrol,2\ntreatment,6\n"), Columns{Outcome: "y"})
	require.NoError(t, err)
	res, err := Analyse(d, Plan{})
	require.NoError(t, err)
	b := res.Comparisons[0].LeeBounds
	require.Nil(t, b.TrimmedArm)
	require.Equal(t, 0.0, b.TrimShare)
	require.InDelta(t, 3, b.Lower, 1e-15)
	require.InDelta(t, 3, b.Upper, 1e-15)

	d, err = ReadCSV(strings.NewReader("arm,y\ncontrol,1\ncontrol,NA\ntreatment,NA\ntreatment,\ncontrol,2\n"), Columns{Outcome: "y"})
	require.NoError(t, err)
	res, err = Analyse(d, Plan{})
	require.NoError(t, err)
	c := res.Comparisons[0]
	require.True(t, isNaN(c.LeeBounds.Lower))
	require.Equal(t, 1.0, c.LeeBounds.Attrition[0].Share)
	require.Contains(t, strings.Join(c.Notes, "\n"), "lee_bounds: undefined: Lee bounds need an observed outcome in each arm (0 treated, 2 control)")
}
