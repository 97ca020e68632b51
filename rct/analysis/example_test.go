package analysis_test

import (
	"fmt"
	"os"

	"github.com/evalkit/evalkit/rct/analysis"
)

// The School Navigators cluster trial analysed as evalkit analyse
// --covariates attendance_baseline --block town --cluster school
// --permutations 2000 --seed 1 analyses it.
func ExampleAnalyse() {
	f, err := os.Open("../../examples/school_navigators.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	d, err := analysis.ReadCSV(f, analysis.Columns{Outcome: "attendance",
		Covariates: []string{"attendance_baseline"}, Block: "town", Cluster: "school"})
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := analysis.Analyse(d, analysis.Plan{Permutations: 2000, Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	c := res.Comparisons[0]
	fmt.Printf("%s: %.3f [%.3f, %.3f], df %.1f, p %.3f, RI p %.3f\n",
		c.Method, c.Estimate, c.CILow, c.CIHigh, c.DF, c.PValue, c.RIPValue)
	fmt.Println(res.Describe(c))
	// Output:
	// ols_cr2: 2.110 [0.142, 4.078], df 19.9, p 0.037, RI p 0.022
	// Difference in mean attendance between treatment and control by least squares, adjusted for attendance_baseline and randomisation blocks (town) as fixed effects, with CR2 standard errors robust to clustering by school and Bell-McCaffrey degrees of freedom. Randomisation inference, re-randomising the trial as it was randomised 2000 times, gives p = 0.02249 (99% Monte Carlo interval 0.01445 to 0.03191).
}
