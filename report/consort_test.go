package report

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// analysisExampleSchools is a cluster trial counted from its manifest:
// schools and pupils at every stage, some pupils not in the trial file.
func analysisExampleSchools() Analysis {
	a := analysisExampleNavigators()
	a.Units, a.Clusters, a.Allocation = "pupils", "schools", "the allocation of schools.csv.manifest.json"
	a.Arms[0].Randomised, a.Arms[0].NotInData, a.Arms[0].Missing, a.Arms[0].Excluded, a.Arms[0].Analysed = 520, 6, 12, 2, 500
	a.Arms[1].Randomised, a.Arms[1].NotInData, a.Arms[1].Missing, a.Arms[1].Excluded, a.Arms[1].Analysed = 480, 0, 9, 0, 471
	a.Arms[0].ClustersRandomised, a.Arms[0].ClustersAnalysed = 12, 12
	a.Arms[1].ClustersRandomised, a.Arms[1].ClustersAnalysed = 12, 11
	return a
}

func TestConsortGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		a    Analysis
	}{
		{"consort_schools", analysisExampleSchools()},
		{"consort_deterrence", analysisExampleDeterrence()},
		{"consort_many_arms", analysisExampleManyArms()},
	} {
		d := ConsortDiagram(tc.a)
		w, h := d.Size()
		png, err := renderAnalysisPNG(d, w, h)
		require.NoError(t, err)
		checkGoldenPNG(t, tc.name, png)
	}
}

// The boxes say what the counts are: clusters and units at every stage,
// where they come from, and why units were lost or left out.
func TestConsortBoxes(t *testing.T) {
	d := ConsortDiagram(analysisExampleSchools())
	assert.Equal(t, consortBox{"Randomised", "schools: 24", "pupils: 1,000", "counted from the allocation's manifest"}, d.top)
	assert.Equal(t, consortBox{"Allocated to control", "schools: 12", "pupils: 520"}, d.stages[0][0])
	assert.Equal(t, consortBox{"Lost to follow-up", "pupils: 18", "  not in the trial file: 6", "  outcome missing: 12", "schools with none analysed: 0"}, d.stages[1][0])
	assert.Equal(t, consortBox{"Lost to follow-up", "pupils: 9 (outcome missing)", "schools with none analysed: 1"}, d.stages[1][1])
	assert.Equal(t, "Excluded from analysis", d.stages[2][0][3])
	assert.Equal(t, "pupils: 2", d.stages[2][0][4])

	d = ConsortDiagram(analysisExampleDeterrence())
	assert.Equal(t, consortBox{"Randomised", "people: 479", "counted from the trial file's rows"}, d.top)
	w, _ := d.Size()
	assert.Equal(t, PlotWidth, w)
	d = ConsortDiagram(analysisExampleManyArms())
	w, _ = d.Size()
	assert.Greater(t, w, PlotWidth, "six arms widen the diagram")
}
