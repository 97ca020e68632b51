package plan

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/evalkit/evalkit/rct/analysis"
	"github.com/evalkit/evalkit/stats"
)

// TestFormula: each method's R call, as the contract's definitions name
// them, written for the trial's columns.
func TestFormula(t *testing.T) {
	school := Design{Block: []string{"town"}, Cluster: "school"}
	custody := Design{Block: []string{"suite", "sex"}}
	cov := []string{"attendance_baseline"}
	for _, tc := range []struct {
		name   string
		a      Analysis
		d      Design
		method analysis.Method
		call   string
	}{
		{"cluster trial", Analysis{analysis.Columns{Outcome: "attendance", Covariates: cov}, analysis.Plan{Type: analysis.Continuous}}, school,
			analysis.OLSCR2, `lm_robust(attendance ~ treat + attendance_baseline + factor(town), clusters = school, se_type = "CR2")`},
		{"multilevel", Analysis{analysis.Columns{Outcome: "attendance"}, analysis.Plan{Model: analysis.Multilevel}}, school,
			analysis.MixedREML, `lmer(attendance ~ treat + factor(town) + (1 | school), REML = TRUE)`},
		{"two block columns, HC3", Analysis{analysis.Columns{Outcome: "wellbeing"}, analysis.Plan{Type: analysis.Continuous, SE: stats.HC3}}, custody,
			analysis.OLSHC3, `lm_robust(wellbeing ~ treat + factor(interaction(suite, sex)), se_type = "HC3")`},
		{"welch", Analysis{analysis.Columns{Outcome: "y"}, analysis.Plan{}}, Design{},
			analysis.WelchT, `t.test(y[treat == 1], y[treat == 0])`},
		{"fisher", Analysis{analysis.Columns{Outcome: "y"}, analysis.Plan{Type: analysis.Binary}}, Design{},
			analysis.FisherExact, `fisher.test(table(treat, y))`},
		{"negbin with exposure", Analysis{analysis.Columns{Outcome: "crimes", Exposure: "weeks", Covariates: []string{"crimes_before"}}, analysis.Plan{Type: analysis.Count}}, Design{},
			analysis.NegBinGLM, `glm.nb(crimes ~ treat + crimes_before + offset(log(weeks)))`},
		{"poisson glm", Analysis{analysis.Columns{Outcome: "crimes"}, analysis.Plan{Type: analysis.Count, Model: analysis.Poisson}}, Design{Block: []string{"area"}},
			analysis.PoissonGLM, `glm(crimes ~ treat + factor(area), family = poisson)`},
		{"poisson exact", Analysis{analysis.Columns{Outcome: "crimes", Exposure: "weeks"}, analysis.Plan{Type: analysis.Count, Model: analysis.Poisson}}, Design{},
			analysis.PoissonExact, `poisson.test(c(sum(crimes[treat == 1]), sum(crimes[treat == 0])), c(sum(weeks[treat == 1]), sum(weeks[treat == 0])))`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, call, err := Formula(tc.a, tc.d)
			require.NoError(t, err)
			assert.Equal(t, tc.method, m)
			assert.Equal(t, tc.call, call)
		})
	}
	_, _, err := Formula(Analysis{analysis.Columns{Outcome: "y"}, analysis.Plan{Type: analysis.Count}}, school)
	assert.Error(t, err, "a clustered count has no method")
}
