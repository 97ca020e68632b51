package stats_test

import (
	"fmt"

	"github.com/evalkit/evalkit/stats"
)

// The complier average causal effect of a navigator offered at random to
// half of 16 people, of whom some take it up (two-sided non-compliance).
// The values agree with R 4.2.2 (testdata/r/iv.R, "examples"):
// estimatr::iv_robust(y ~ received | offered, se_type = "HC2").
func ExampleTwoStageLS() {
	y := []float64{12, 15, 11, 14, 16, 13, 12, 17, 10, 11, 13, 9, 12, 14, 10, 11}
	offered := []float64{1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0}
	received := []float64{1, 1, 0, 1, 1, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0}
	res, err := stats.TwoStageLS(y, stats.IVDesign{
		Endogenous: [][]float64{received}, EndogenousNames: []string{"received"},
		Instruments: [][]float64{offered}, InstrumentNames: []string{"offered"},
	}, stats.OLSOptions{Cov: stats.HC2})
	if err != nil {
		fmt.Println(err)
		return
	}
	c := res.Coefficients[1]
	fmt.Printf("%s %.4f  se %.4f  df %.0f  95%% CI [%.3f, %.3f]\n", c.Name, c.Estimate, c.SE, c.DF, c.CILow, c.CIHigh)
	// Output:
	// received 4.0000  se 1.4658  df 14  95% CI [0.856, 7.144]
}

// Lee's bounds on the effect among those observed in either arm, when 9 of
// 10 treated people and 7 of 10 controls were followed up. The values
// agree with R 4.2.2 (testdata/r/iv.R, "lee treatment trimmed").
func ExampleLeeBounds() {
	treated := []float64{4.1, 5.3, 2.2, 6.8, 5.3, 3.9, 7.4, 5.0, 4.6}
	control := []float64{3.2, 4.4, 1.9, 5.1, 3.3, 2.8, 4.0}
	r, err := stats.LeeBounds(treated, control, 10, 10)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("[%.4f, %.4f], %.1f%% of the treated trimmed\n", r.Lower, r.Upper, 100*r.TrimShare)
	// Output:
	// [0.8143, 1.9714], 22.2% of the treated trimmed
}

// The Wald test that a treatment's effect is the same for women and men:
// the interaction's coefficient is zero. The values agree with R 4.2.2,
// car 3.1-1 (testdata/r/iv.R, "examples"): car::linearHypothesis(
// lm_robust(y ~ treat * female), "treat:female", test = "Chisq").
func ExampleWald() {
	y := []float64{12, 15, 11, 14, 16, 13, 12, 17, 10, 11, 13, 9, 12, 14, 10, 11}
	treat := []float64{1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0}
	female := []float64{1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0}
	tf := make([]float64, len(y))
	for i := range tf {
		tf[i] = treat[i] * female[i]
	}
	fit, err := stats.OLS(y, []string{"treat", "female", "treat:female"}, [][]float64{treat, female, tf}, stats.OLSOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	w, err := fit.Wald("treat:female")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("chi-square %.4f on %.0f df, p %.4f\n", w.Statistic, w.DF, w.P)
	// Output:
	// chi-square 1.1163 on 1 df, p 0.2907
}
