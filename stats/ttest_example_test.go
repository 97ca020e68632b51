package stats_test

import (
	"fmt"

	"github.com/evalkit/evalkit/stats"
)

func ExampleWelchT() {
	// Attendance (%) of pupils with and without a school navigator.
	navigator := []float64{91.2, 88.4, 95.0, 90.1, 86.7, 93.8, 89.9, 94.2}
	usual := []float64{87.5, 84.1, 90.3, 85.8, 88.0, 82.6, 86.9}
	r, err := stats.WelchT(navigator, usual, 0.95, stats.TwoSided)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("difference %.3f (95%% CI %.3f to %.3f)\n", r.Estimate, r.CILow, r.CIHigh)
	fmt.Printf("t = %.4f, df = %.3f, p = %.5f\n", r.T, r.DF, r.P)
	// Output:
	// difference 4.705 (95% CI 1.629 to 7.782)
	// t = 3.3040, df = 13.000, p = 0.00570
}

func ExampleStudentT() {
	navigator := []float64{91.2, 88.4, 95.0, 90.1, 86.7, 93.8, 89.9, 94.2}
	usual := []float64{87.5, 84.1, 90.3, 85.8, 88.0, 82.6, 86.9}
	r, err := stats.StudentT(navigator, usual, 0.95, stats.Greater)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("t = %.4f, df = %g, one-sided p = %.5f, lower bound %.3f\n", r.T, r.DF, r.P, r.CILow)
	// Output:
	// t = 3.2703, df = 13, one-sided p = 0.00304, lower bound 2.157
}

func ExampleMannWhitney() {
	// Days absent in a term, with and without a navigator.
	navigator := []float64{0, 1, 1, 2, 3, 3, 4, 6}
	usual := []float64{2, 3, 4, 4, 5, 7, 8, 9, 12}
	r, err := stats.MannWhitney(navigator, usual, stats.TwoSided)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("W = %g, exact = %v, p = %.5f\n", r.W, r.Exact, r.P)
	// Output:
	// W = 11.5, exact = false, p = 0.02014
}
