package plan_test

import (
	"fmt"

	"github.com/evalkit/evalkit/rct/analysis"
	"github.com/evalkit/evalkit/rct/plan"
)

// ExampleFormula writes the School Navigators trial's primary analysis as
// the R call that defines it.
func ExampleFormula() {
	a := plan.Analysis{
		Columns: analysis.Columns{Outcome: "attendance", Covariates: []string{"attendance_baseline"}},
		Plan:    analysis.Plan{Type: analysis.Continuous},
	}
	d := plan.Design{Block: []string{"town"}, Cluster: "school"}
	m, call, err := plan.Formula(a, d)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m)
	fmt.Println(call)
	// Output:
	// ols_cr2
	// lm_robust(attendance ~ treat + attendance_baseline + factor(town), clusters = school, se_type = "CR2")
}

// ExampleParse reads a plan and lists its analyses.
func ExampleParse() {
	p, err := plan.Parse([]byte(`design:
  manifest: allocation.csv.manifest.json
  sha256: 3f1c0e
  method: complete
  id: person_id
  arms: [control, navigator]
primary: {outcome: wellbeing, type: continuous}
secondary: [{outcome: rearrested}]
covariates: [prior_arrests]
level: 0.9
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	as, err := p.Analyses()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range as {
		fmt.Println(a.Columns.Outcome, a.Plan.Type, a.Columns.Covariates, a.Plan.Level, a.Plan.Control)
	}
	// Output:
	// wellbeing continuous [prior_arrests] 0.9 control
	// rearrested auto [prior_arrests] 0.9 control
}
