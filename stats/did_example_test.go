package stats_test

import (
	"fmt"

	"github.com/evalkit/evalkit/stats"
)

// Four units over three periods; units a and b are treated from period 2.
// R 4.2.2, estimatr 1.0.0: lm_robust(y ~ d, fixed_effects = ~ unit + time,
// clusters = unit, se_type = "CR2") gives the same estimate, se and df.
func ExampleTWFE() {
	y := []float64{1, 4, 5, 1, 3.5, 4, 2, 2.5, 3, 0, 1, 1.5}
	unit := []string{"a", "a", "a", "b", "b", "b", "c", "c", "c", "d", "d", "d"}
	time := []string{"1", "2", "3", "1", "2", "3", "1", "2", "3", "1", "2", "3"}
	treated := []bool{false, true, true, false, true, true, false, false, false, false, false, false}
	r, err := stats.TWFE(y, treated, unit, time, nil, 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("estimate %.4f, se %.4f, df %.4f, balanced %v\n", r.Estimate, r.SE, r.DF, r.Balanced)
	// Output:
	// estimate 2.1250, se 0.4507, df 2.0000, balanced true
}

// Two cohorts (first treated in periods 2 and 3) and two never-treated
// units over three periods.
func ExampleCallawaySantAnna() {
	y := []float64{1, 3, 4, 2, 2.5, 5, 1, 1.5, 2, 0, 0.5, 1}
	time := []float64{1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3}
	group := []float64{2, 2, 2, 3, 3, 3, 0, 0, 0, 0, 0, 0}
	unit := []string{"a", "a", "a", "b", "b", "b", "c", "c", "c", "d", "d", "d"}
	r, err := stats.CallawaySantAnna(y, time, group, unit, 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range r.Cells {
		fmt.Printf("ATT(%g,%g) = %.2f\n", c.Group, c.Time, c.ATT)
	}
	fmt.Printf("simple %.4f\n", r.Simple.Estimate)
	// Output:
	// ATT(2,1) = 0.00
	// ATT(2,2) = 1.50
	// ATT(2,3) = 2.00
	// ATT(3,1) = 0.00
	// ATT(3,2) = 0.00
	// ATT(3,3) = 2.00
	// simple 1.8333
}
