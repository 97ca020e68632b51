package stats_test

import (
	"fmt"

	"github.com/evalkit/evalkit/stats"
)

// The estimate alone, for allocations of whole schools (pairs of pupils)
// within towns, as randomisation inference re-draws them: the estimates
// of TreatmentModel.Fit, from school totals.
func ExampleTreatmentModel_Estimator() {
	y := []float64{3.1, 4.0, 2.2, 5.1, 3.3, 4.8, 6.0, 5.2, 6.9, 4.1, 5.5, 6.2}
	base := []float64{2.9, 2.7, 1.8, 3.5, 3.0, 3.1, 4.4, 3.2, 4.6, 2.6, 3.9, 3.3}
	town := []string{"Ashby", "Ashby", "Ashby", "Ashby", "Brent", "Brent", "Brent", "Brent", "Colne", "Colne", "Colne", "Colne"}
	school := []int{0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5}
	m, err := stats.NewTreatmentModel(y, []string{"baseline"}, [][]float64{base}, stats.OLSOptions{Block: town})
	if err != nil {
		fmt.Println(err)
		return
	}
	e, err := m.Estimator(school, 6)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, arm := range [][]int{{0, 1, 1, 0, 1, 0}, {1, 0, 0, 1, 0, 1}, {0, 0, 1, 1, 0, 1}} {
		treat := make([]bool, len(y))
		for i, g := range school {
			treat[i] = arm[g] == 1
		}
		fit, err := m.Fit(treat)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("schools %v: estimate %6.3f (Fit %6.3f)\n", arm, e.Estimate(arm), fit.Estimate)
	}
	// Output:
	// schools [0 1 1 0 1 0]: estimate -0.208 (Fit -0.208)
	// schools [1 0 0 1 0 1]: estimate  0.208 (Fit  0.208)
	// schools [0 0 1 1 0 1]: estimate  0.350 (Fit  0.350)
}
