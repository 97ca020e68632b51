package stats_test

import (
	"fmt"

	"github.com/evalkit/evalkit/stats"
)

// The values agree with R 4.2.2, lme4 1.1.31, lmerTest 3.1.3 (testdata/r/lmm.R):
// summary(lmerTest::lmer(y ~ treat + (1 | school))) gives treat 1.825, se 0.2953,
// df 4.000 and p 0.003484, with variances 0.06816 (school) and 0.2507 (residual),
// and logLik -19.9548.
func ExampleLMM() {
	// Six schools of four pupils; schools 2, 4 and 6 have the programme.
	y := []float64{5.1, 6.0, 5.5, 4.8, 6.2, 7.1, 6.6, 6.9, 4.0, 4.9, 5.2, 4.4,
		7.0, 7.9, 6.8, 7.4, 5.3, 4.6, 5.9, 5.0, 6.1, 7.2, 6.4, 7.0}
	treat := make([]float64, len(y))
	school := make([]string, len(y))
	for i := range y {
		school[i] = fmt.Sprintf("school %d", i/4+1)
		treat[i] = float64(i / 4 % 2)
	}
	res, err := stats.LMM(y, []string{"treat"}, [][]float64{treat}, school, stats.LMMOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	c := res.Coefficients[1]
	fmt.Printf("%s %.3f, se %.4f, Satterthwaite df %.3f, p %.6f\n", c.Name, c.Estimate, c.SE, c.DF, c.P)
	fmt.Printf("var(school) %.5f, var(residual) %.4f, ICC %.3f, REML log-likelihood %.4f\n",
		res.VarGroup, res.VarResidual, res.ICC(), res.LogLik)
	// Output:
	// treat 1.825, se 0.2953, Satterthwaite df 4.000, p 0.003484
	// var(school) 0.06816, var(residual) 0.2507, ICC 0.214, REML log-likelihood -19.9548
}
