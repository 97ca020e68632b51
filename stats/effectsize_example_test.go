package stats_test

import (
	"fmt"

	"github.com/evalkit/evalkit/stats"
)

// Attendance (%) of pupils with and without a school navigator; R 4.2.2 with
// effectsize 0.8.3 gives the same values.
var (
	exampleNavigator = []float64{91.2, 88.4, 95.0, 90.1, 86.7, 93.8, 89.9, 94.2}
	exampleUsual     = []float64{87.5, 84.1, 90.3, 85.8, 88.0, 82.6, 86.9}
)

func ExampleCohensD() {
	r, err := stats.CohensD(exampleNavigator, exampleUsual, 0.95, stats.TwoSided)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("d = %.4f (95%% CI %.4f to %.4f), pooled SD %.4f\n", r.Value, r.CILow, r.CIHigh, r.SD)
	// Output:
	// d = 1.6925 (95% CI 0.4680 to 2.8710), pooled SD 2.7801
}

func ExampleHedgesG() {
	r, err := stats.HedgesG(exampleNavigator, exampleUsual, 0.95, stats.TwoSided)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("g = %.4f (95%% CI %.4f to %.4f)\n", r.Value, r.CILow, r.CIHigh)
	// Output:
	// g = 1.5926 (95% CI 0.4404 to 2.7016)
}

func ExampleGlassDelta() {
	r, err := stats.GlassDelta(exampleNavigator, exampleUsual, 0.95, stats.TwoSided)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("delta = %.4f (95%% CI %.4f to %.4f), control SD %.4f\n", r.Value, r.CILow, r.CIHigh, r.SD)
	// Output:
	// delta = 1.8386 (95% CI 0.3105 to 3.2908), control SD 2.5592
}
