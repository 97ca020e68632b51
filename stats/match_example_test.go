package stats_test

import (
	"fmt"

	"github.com/evalkit/evalkit/stats"
)

// Two treated units take their nearest controls, the larger score first.
func ExampleNearestMatch() {
	score := []float64{0.9, 0.5, 0.85, 0.55, 0.2, 0.8}
	treated := []bool{true, true, false, false, false, false}
	m, err := stats.NearestMatch(score, treated, stats.NearestMatchOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.Pairs)
	// Output:
	// [[0 2] [1 3]]
}

// Entropy balancing reweights the controls so that their mean age is the
// treated units' mean, 15.
func ExampleEntropyBalanceATT() {
	age := []float64{15, 16, 14, 12, 13, 16, 17}
	treated := []bool{true, true, true, false, false, false, false}
	eb, err := stats.EntropyBalanceATT([][]float64{age}, []string{"age"}, treated)
	if err != nil {
		fmt.Println(err)
		return
	}
	sw, swx := 0.0, 0.0
	for i, w := range eb.Weights {
		if !treated[i] {
			sw += w
			swx += w * age[i]
		}
	}
	fmt.Printf("weighted control mean %.10f, weights sum to %.10f\n", swx/sw, sw)
	// Output:
	// weighted control mean 15.0000000000, weights sum to 3.0000000000
}

// A covariate's balance before and after dropping one control.
func ExampleBalance() {
	x := []float64{1, 2, 3, 0, 2, 4}
	treated := []bool{true, true, true, false, false, false}
	b := stats.Balance(x, treated, []float64{1, 1, 1, 0, 1, 1})
	fmt.Printf("SMD %.3f before, %.3f after\n", b.SMDBefore, b.SMDAfter)
	// Output:
	// SMD 0.000 before, -1.000 after
}

// A weighted difference in means with HC2 errors, as lm_robust(y ~ t,
// weights = w, se_type = "HC2").
func ExampleWLS() {
	y := []float64{3, 4, 5, 1, 2, 6}
	t := []float64{1, 1, 1, 0, 0, 0}
	w := []float64{1, 1, 1, 2, 1, 0.5}
	fit, err := stats.WLS(y, w, []string{"t"}, [][]float64{t}, stats.OLSOptions{Cov: stats.HC2})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("estimate %.4f\n", fit.Coefficients[1].Estimate)
	// Output:
	// estimate 2.0000
}

// A propensity score: the fitted probabilities of a logistic regression,
// as fitted(glm(t ~ x, family = binomial)) gives them (R 4.2.2).
func ExampleLogistic() {
	t := []float64{0, 0, 1, 0, 1, 1, 0, 1}
	x := []float64{1, 2, 3, 4, 5, 6, 2.5, 3.5}
	fit, err := stats.Logistic(t, []string{"x"}, [][]float64{x}, stats.GLMOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.4f %.4f\n", fit.Fitted[0], fit.Fitted[5])
	// Output:
	// 0.0329 0.9813
}
