package analysis

import (
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats/scalar"
)

const dataAttrition = "../../testdata/analyse_attrition/attrition.csv"

// TestAttritionTableAgainstR checks the attrition table of a cluster trial
// with differential attrition against the counts and standardised
// differences computed by hand in R 4.2.2 (testdata/r/attrition.R), to
// 1e-12 relative.
func TestAttritionTableAgainstR(t *testing.T) {
	cols := Columns{Outcome: "score", Covariates: []string{"baseline", "sex"}, Cluster: "school"}
	res := analyseFile(t, dataAttrition, cols, Plan{})
	a := res.Attrition
	require.NotNil(t, a)
	eq := func(got, want float64, what string) {
		t.Helper()
		require.Truef(t, scalar.EqualWithinRel(got, want, 1e-12), "%s = %.17g, R %.17g", what, got, want)
	}
	eq(a.Overall, 0.25277777777777777, "overall")
	require.Len(t, a.Arms, 2)
	for k, w := range []struct {
		arm                    string
		units, analysed        int
		clusters, clustersUsed int
	}{{"control", 180, 152, 12, 11}, {"tutoring", 180, 117, 12, 10}} {
		arm := a.Arms[k]
		require.Equal(t, w.arm, arm.Arm)
		require.Equal(t, AttritionCounts{Randomised: w.units, Analysed: w.analysed, Lost: w.units - w.analysed,
			Share: float64(w.units-w.analysed) / float64(w.units)}, arm.Units)
		require.NotNil(t, arm.Clusters)
		require.Equal(t, [3]int{w.clusters, w.clustersUsed, w.clusters - w.clustersUsed},
			[3]int{arm.Clusters.Randomised, arm.Clusters.Analysed, arm.Clusters.Lost})
	}
	require.True(t, math.IsNaN(a.Arms[0].Differential))
	eq(a.Arms[1].Differential, 0.19444444444444442, "differential")

	want := []struct {
		name                 string
		randomised, analysed float64
	}{
		{"baseline", -0.12353075450442415, 0.023641083673061329},
		{"sex = F", -0.022224966214604302, -0.030939295460621023},
		{"sex = M", 0.022224966214604413, 0.030939295460621023},
	}
	require.Len(t, a.Balance, len(want))
	for k, w := range want {
		b := a.Balance[k]
		require.Equal(t, w.name, b.Name())
		require.Equal(t, "tutoring", b.Arm)
		eq(b.StdDiffRandomised, w.randomised, w.name+" randomised")
		eq(b.StdDiffAnalysed, w.analysed, w.name+" analysed")
		eq(b.Change, b.StdDiffAnalysed-b.StdDiffRandomised, w.name+" change")
	}
	// The baseline is missing for 3 pupils: the randomised sample of its
	// comparison holds the other 357; every analysed pupil has one.
	require.Equal(t, 357, a.Balance[0].NRandomised+a.Balance[0].NControlRandom)
	require.Equal(t, 269, a.Balance[0].NAnalysed+a.Balance[0].NControlAnalysed)

	var b strings.Builder
	res.writeExtras(&b)
	require.Contains(t, b.String(), "Attrition (lost = randomised - analysed; overall 25.3%)")
	require.Contains(t, b.String(), "+19.4 pp")
}

// TestAttritionTableOnlyWhenLost checks that a trial that analyses every
// unit randomised has no attrition table, and that one without covariates
// has no balance in it.
func TestAttritionTableOnlyWhenLost(t *testing.T) {
	res := analyseFile(t, dataAttrition, Columns{Outcome: "baseline"}, Plan{})
	require.NotNil(t, res.Attrition)
	require.Nil(t, res.Attrition.Balance)
	require.Nil(t, res.Attrition.Arms[0].Clusters)
	require.Equal(t, 3, res.Attrition.Arms[0].Units.Lost+res.Attrition.Arms[1].Units.Lost)
	full := analyseFile(t, "../../testdata/analyse2/tiny_ri.csv", Columns{Outcome: "y", Covariates: []string{"x"}}, Plan{})
	require.Nil(t, full.Attrition)
}
