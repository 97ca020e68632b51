package stats_test

import (
	"fmt"

	"github.com/evalkit/evalkit/stats"
)

// The values agree with R 4.2.2 (testdata/r/lmm.R): anova(lm(y ~ factor(school))) gives F 17.61 on 5 and 18
// df, and Searle's interval by hand with qf(0.975, 5, 18) and qf(0.025, 5, 18) is
// 0.5127 to 0.9652.
func ExampleSearleICCInterval() {
	y := []float64{5.1, 6.0, 5.5, 4.8, 6.2, 7.1, 6.6, 6.9, 4.0, 4.9, 5.2, 4.4,
		7.0, 7.9, 6.8, 7.4, 5.3, 4.6, 5.9, 5.0, 6.1, 7.2, 6.4, 7.0}
	school := make([]string, len(y))
	for i := range y {
		school[i] = fmt.Sprintf("school %d", i/4+1)
	}
	a, err := stats.ClusterANOVA(y, school, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	lo, hi, err := stats.SearleICCInterval(a.F, a.DF1, a.DF2, a.N0, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("F %.2f on %v and %v df, n0 %v\n", a.F, a.DF1, a.DF2, a.N0)
	fmt.Printf("ICC 95%% CI %.4f to %.4f\n", lo, hi)
	// Output:
	// F 17.61 on 5 and 18 df, n0 4
	// ICC 95% CI 0.5127 to 0.9652
}
