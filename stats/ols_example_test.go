package stats_test

import (
	"fmt"

	"github.com/evalkit/evalkit/stats"
)

// The values agree with R 4.2.2: lm_robust(y ~ treat + baseline + factor(block), se_type = "HC2").
func ExampleOLS() {
	// Outcome, a treatment indicator and a baseline covariate for 12 people
	// in 3 blocks; the block effects are absorbed.
	y := []float64{3.1, 4.0, 2.2, 5.1, 3.3, 4.8, 6.0, 5.2, 6.9, 4.1, 5.5, 6.2}
	treat := []float64{0, 1, 0, 1, 0, 1, 0, 1, 1, 0, 0, 1}
	base := []float64{2.9, 2.7, 1.8, 3.5, 3.0, 3.1, 4.4, 3.2, 4.6, 2.6, 3.9, 3.3}
	town := []string{"Ashby", "Ashby", "Ashby", "Ashby", "Brent", "Brent", "Brent", "Brent", "Colne", "Colne", "Colne", "Colne"}
	res, err := stats.OLS(y, []string{"treat", "baseline"}, [][]float64{treat, base},
		stats.OLSOptions{Cov: stats.HC2, Block: town})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range res.Coefficients {
		fmt.Printf("%-8s %6.3f  se %.3f  df %.0f  p %.4f\n", c.Name, c.Estimate, c.SE, c.DF, c.P)
	}
	// Output:
	// treat     0.983  se 0.265  df 7  p 0.0075
	// baseline  1.167  se 0.244  df 7  p 0.0020
}

// As lm_robust(y ~ treat, clusters = school, se_type = "CR2"), R 4.2.2.
func ExampleOLS_cr2() {
	// Eight schools (clusters) of three pupils, treatment by school.
	y := []float64{5, 6, 7, 4, 5, 5, 8, 9, 7, 6, 6, 8, 3, 4, 4, 7, 8, 8, 5, 4, 6, 9, 8, 9}
	treat := make([]float64, 24)
	school := make([]string, 24)
	for i := range school {
		school[i] = fmt.Sprintf("school %d", i/3+1)
		if i/3%2 == 1 {
			treat[i] = 1
		}
	}
	res, err := stats.OLS(y, []string{"treat"}, [][]float64{treat}, stats.OLSOptions{Cov: stats.CR2, Cluster: school})
	if err != nil {
		fmt.Println(err)
		return
	}
	c := res.Coefficients[1]
	fmt.Printf("%s %.3f, CR2 se %.3f, Bell-McCaffrey df %.2f\n", c.Name, c.Estimate, c.SE, c.DF)
	// Output:
	// treat 1.250, CR2 se 1.250, Bell-McCaffrey df 6.00
}

func ExampleNewTreatmentModel() {
	y := []float64{3.1, 4.0, 2.2, 5.1, 3.3, 4.8, 6.0, 5.2, 6.9, 4.1, 5.5, 6.2}
	base := []float64{2.9, 2.7, 1.8, 3.5, 3.0, 3.1, 4.4, 3.2, 4.6, 2.6, 3.9, 3.3}
	town := []string{"Ashby", "Ashby", "Ashby", "Ashby", "Brent", "Brent", "Brent", "Brent", "Colne", "Colne", "Colne", "Colne"}
	m, err := stats.NewTreatmentModel(y, []string{"baseline"}, [][]float64{base}, stats.OLSOptions{Block: town})
	if err != nil {
		fmt.Println(err)
		return
	}
	// The observed allocation, then a re-randomised one.
	for _, treat := range [][]bool{
		{false, true, false, true, false, true, false, true, true, false, false, true},
		{true, false, false, true, true, false, true, false, false, true, false, true},
	} {
		e, err := m.Fit(treat)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("estimate %6.3f  se %.3f  t %6.2f\n", e.Estimate, e.SE, e.T)
	}
	// Output:
	// estimate  0.983  se 0.265  t   3.72
	// estimate -0.224  se 0.406  t  -0.55
}
