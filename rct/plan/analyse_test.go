package plan

import (
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/evalkit/evalkit/internal/table"
	"github.com/evalkit/evalkit/rct"
	"github.com/evalkit/evalkit/rct/analysis"
)

// planTrial is a plan with its trial, read as evalkit analyse reads them.
type planTrial struct {
	f   *File
	src *table.Table
	des *rct.AllocatedDesign
}

func readPlanTrial(t *testing.T, planFile, trial string) planTrial {
	t.Helper()
	f, err := Read(planDir+planFile, os.ReadFile)
	require.NoError(t, err)
	src, err := table.ReadFile(designDir + trial)
	require.NoError(t, err)
	des, err := rct.ReadDesign(f.Manifest(), func(p string) (io.ReadCloser, error) { return os.Open(p) })
	require.NoError(t, err)
	return planTrial{f, src, des}
}

// asked reads the trial as cols say and allocates it, as evalkit analyse
// does with --design.
func (pt planTrial) asked(t *testing.T, cols analysis.Columns, p analysis.Plan) *Asked {
	t.Helper()
	var err error
	cols, p.Control, err = analysis.DesignColumns(pt.des, pt.f.Manifest(), cols, "")
	require.NoError(t, err)
	d, err := analysis.Read(pt.src, cols)
	require.NoError(t, err)
	d, err = d.Allocated(pt.des, pt.f.Manifest(), false)
	require.NoError(t, err)
	return &Asked{Data: d, Plan: p}
}

// jsonOf marshals v, failing the test on error.
func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

// withoutPrespecified returns the comparisons' JSON without the key
// prespecified, after checking that every one has the value want.
func withoutPrespecified(t *testing.T, cs []analysis.Comparison, want bool) string {
	t.Helper()
	for i := range cs {
		require.NotNil(t, cs[i].Prespecified)
		assert.Equal(t, want, *cs[i].Prespecified)
		cs[i].Prespecified = nil
	}
	return jsonOf(t, cs)
}

// TestAnalyseAsTheFlagsSay: the plan's analysis is exactly the analysis
// of the same settings given by hand, byte for byte in JSON.
func TestAnalyseAsTheFlagsSay(t *testing.T) {
	pt := readPlanTrial(t, "school_plan.yaml", "school_trial.csv")
	res, err := pt.f.Analyse(pt.src, pt.des, Options{})
	require.NoError(t, err)
	byHand := pt.asked(t, analysis.Columns{Outcome: "attendance", Covariates: []string{"attendance_baseline"}}, analysis.Plan{Type: analysis.Continuous})
	want, err := analysis.Analyse(byHand.Data, byHand.Plan)
	require.NoError(t, err)

	assert.Equal(t, jsonOf(t, want.Comparisons), withoutPrespecified(t, res.Comparisons, true))
	assert.Equal(t, jsonOf(t, want.Arms), jsonOf(t, res.Arms))
	assert.Equal(t, jsonOf(t, want.Balance), jsonOf(t, res.Balance))
	assert.Equal(t, jsonOf(t, want.Design), jsonOf(t, res.Design))
	assert.Equal(t, want.Warnings, res.Warnings)
	assert.Equal(t, &analysis.PlanInfo{File: pt.f.Path, SHA256: pt.f.SHA256, LockedAt: &pt.f.Lock.LockedAt}, res.PlanInfo)
	assert.Nil(t, res.Secondary)

	// Asking for the plan's own analysis adds nothing.
	again, err := pt.f.Analyse(pt.src, pt.des, Options{Asked: byHand})
	require.NoError(t, err)
	assert.Len(t, again.Comparisons, 1)
}

// TestAnalyseAsked: an analysis beyond the plan is further comparisons
// that are not pre-specified, and leaves the plan's as they were.
func TestAnalyseAsked(t *testing.T) {
	pt := readPlanTrial(t, "custody_plan.yaml", "custody_minimise_trial.csv")
	plain, err := pt.f.Analyse(pt.src, pt.des, Options{})
	require.NoError(t, err)
	want := jsonOf(t, plain.Comparisons)

	extra := pt.asked(t, analysis.Columns{Outcome: "wellbeing", Covariates: []string{"prior_arrests", "suite"}, Subgroup: "sex"},
		analysis.Plan{Type: analysis.Continuous, Permutations: 500, Seed: 2})
	res, err := pt.f.Analyse(pt.src, pt.des, Options{Asked: extra})
	require.NoError(t, err)
	require.Len(t, res.Comparisons, 2)
	assert.Equal(t, want, jsonOf(t, res.Comparisons[:1]))
	c := res.Comparisons[1]
	assert.False(t, *c.Prespecified)
	assert.Equal(t, "not pre-specified: the plan's analysis of wellbeing differs in covariates", c.Notes[0])
	assert.NotEqual(t, plain.Comparisons[0].Estimate, c.Estimate)

	// An outcome the plan does not name is a further result.
	other := pt.asked(t, analysis.Columns{Outcome: "prior_arrests"}, analysis.Plan{})
	res, err = pt.f.Analyse(pt.src, pt.des, Options{Asked: other})
	require.NoError(t, err)
	require.Len(t, res.Secondary, 2)
	assert.Equal(t, "rearrested", res.Secondary[0].Outcome)
	assert.True(t, *res.Secondary[0].Comparisons[0].Prespecified)
	assert.Equal(t, "prior_arrests", res.Secondary[1].Outcome)
	assert.False(t, *res.Secondary[1].Comparisons[0].Prespecified)
	assert.Equal(t, "not pre-specified: the plan does not name the outcome prior_arrests", res.Secondary[1].Comparisons[0].Notes[0])
	assert.Equal(t, want, jsonOf(t, res.Comparisons))
}

// TestAnalyseSecondary: the secondary outcome is analysed as the primary,
// with its type detected; the unlocked plan is warned about once.
func TestAnalyseSecondary(t *testing.T) {
	pt := readPlanTrial(t, "custody_plan.yaml", "custody_minimise_trial.csv")
	res, err := pt.f.Analyse(pt.src, pt.des, Options{})
	require.NoError(t, err)
	require.Len(t, res.Secondary, 1)
	s := res.Secondary[0]
	assert.Equal(t, analysis.Binary, s.Type)
	assert.Equal(t, analysis.OLSHC2, s.Comparisons[0].Method)
	assert.NotNil(t, s.Comparisons[0].InteractionP)
	assert.Nil(t, s.PlanInfo)
	n := 0
	for _, w := range append(res.Warnings, s.Warnings...) {
		if strings.HasPrefix(w, "plan_unlocked: ") {
			n++
		}
	}
	assert.Equal(t, 1, n)
	b, err := json.Marshal(res)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"plan":{"file":"../../testdata/plan/custody_plan.yaml","sha256":"`+pt.f.SHA256+`","locked_at":null,"changed":false},"secondary":[{"outcome":"rearrested"`)
}

// TestAnalyseManifestChanged: a design that is not the plan's stops the
// analysis.
func TestAnalyseManifestChanged(t *testing.T) {
	pt := readPlanTrial(t, "custody_plan.yaml", "custody_minimise_trial.csv")
	pt.f.Plan.Design.SHA256 = strings.Repeat("0", 64)
	_, err := pt.f.Analyse(pt.src, pt.des, Options{})
	assert.ErrorIs(t, err, ErrManifestChanged)
	assert.ErrorContains(t, err, "and the plan ../../testdata/plan/custody_plan.yaml records 0000")
}

// TestAnalyseNoPlan: a nil File analyses what was asked for alone.
func TestAnalyseNoPlan(t *testing.T) {
	pt := readPlanTrial(t, "school_plan.yaml", "school_trial.csv")
	asked := pt.asked(t, analysis.Columns{Outcome: "attendance"}, analysis.Plan{})
	res, err := (*File)(nil).Analyse(pt.src, pt.des, Options{Asked: asked})
	require.NoError(t, err)
	want, err := analysis.Analyse(asked.Data, asked.Plan)
	require.NoError(t, err)
	assert.Equal(t, jsonOf(t, want), jsonOf(t, res))
	assert.Nil(t, res.Comparisons[0].Prespecified)
	_, err = (*File)(nil).Analyse(pt.src, pt.des, Options{})
	assert.Error(t, err)
}
