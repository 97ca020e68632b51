package stats_test

import (
	"fmt"

	"github.com/evalkit/evalkit/stats"
)

// The values agree with R 4.2.2, lme4 1.1.31, lmerTest 3.1.3 (testdata/r/lmm_randslope.R):
// summary(lmerTest::lmer(y ~ treat + (1 + treat | site))) gives treat 2.272, se 0.4077,
// df 5.000 and p 0.002560, and VarCorr(fit) variances 1.349 (intercept) and 0.7215
// (treatment), correlation 0.31705, residual 0.4133; logLik -46.9576.
func ExampleLMMRandomSlope() {
	// Six sites of six people, every other one offered the programme
	// (randomised within site); the programme's effect varies by site.
	y := []float64{10, 12.3, 11, 10, 10.9, 11.5, 9.5, 12.2, 8.7, 11.2, 9.7, 12.5,
		10.5, 14.5, 11.8, 14.1, 11.7, 13.6, 8.1, 10.6, 8.5, 9.9, 7.8, 10.7,
		11.5, 14.2, 11.3, 13.9, 10.2, 15.6, 9.7, 10.9, 9.1, 11.3, 9.6, 11.5}
	treat := make([]float64, len(y))
	site := make([]string, len(y))
	for i := range y {
		site[i] = fmt.Sprintf("site %d", i/6+1)
		treat[i] = float64(i % 2)
	}
	res, err := stats.LMMRandomSlope(y, []string{"treat"}, [][]float64{treat}, site, 0, stats.LMMOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	c := res.Coefficients[1]
	fmt.Printf("%s %.3f, se %.4f, Satterthwaite df %.3f, p %.6f\n", c.Name, c.Estimate, c.SE, c.DF, c.P)
	fmt.Printf("sites' variances: intercept %.3f, treatment %.4f, correlation %.3f; residual %.4f\n",
		res.VarIntercept, res.VarSlope, res.Cor, res.VarResidual)
	fmt.Printf("REML log-likelihood %.4f, singular %v\n", res.LogLik, res.Singular)
	// Output:
	// treat 2.272, se 0.4077, Satterthwaite df 5.000, p 0.002560
	// sites' variances: intercept 1.349, treatment 0.7215, correlation 0.317; residual 0.4133
	// REML log-likelihood -46.9576, singular false
}
