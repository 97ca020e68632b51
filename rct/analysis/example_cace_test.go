package analysis_test

import (
	"fmt"
	"os"

	"github.com/evalkit/evalkit/rct/analysis"
)

// A custody navigator trial in which only some of those offered the
// navigator took it up (one-sided non-compliance), analysed as evalkit
// analyse --received received --subgroup suite does: the complier average
// causal effect beside the ITT estimate, and the effect within each custody
// suite. The values agree with R 4.2.2, estimatr 1.0.0, car 3.1-1
// (testdata/r/cace.R, "example"): iv_robust(wellbeing ~ received | treat),
// t.test within each suite, and linearHypothesis(lm_robust(wellbeing ~
// treat * factor(suite)), test = "Chisq").
func ExampleAnalyse_compliance() {
	f, err := os.Open("../../testdata/analyse_cace/custody.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	d, err := analysis.ReadCSV(f, analysis.Columns{Outcome: "wellbeing", Received: "received", Subgroup: "suite"})
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := analysis.Analyse(d, analysis.Plan{})
	if err != nil {
		fmt.Println(err)
		return
	}
	c := res.Comparisons[0]
	k := c.Cace
	fmt.Printf("%s vs %s: ITT %.2f; received by %.0f%% and %.0f%%; CACE %.2f [%.2f, %.2f]\n",
		c.Treatment, c.Control, c.Estimate, 100*k.ComplianceTreatment, 100*k.ComplianceControl, k.Estimate, k.CILow, k.CIHigh)
	for _, g := range c.Subgroups {
		fmt.Printf("  suite %s (n %d): %.2f, p %.3f\n", g.Level, g.N, g.Estimate, g.PValue)
	}
	fmt.Printf("  interaction p %.3f\n", *c.InteractionP)
	// Output:
	// navigator vs control: ITT 2.76; received by 47% and 0%; CACE 5.91 [-1.38, 13.19]
	//   suite Loddon (n 16): 2.15, p 0.471
	//   suite Newbury (n 25): 0.86, p 0.803
	//   suite Thames (n 19): 5.70, p 0.051
	//   interaction p 0.480
}
