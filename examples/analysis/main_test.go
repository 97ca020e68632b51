package main

import (
	"os"
	"path/filepath"
)

// The adjusted effect agrees with R 4.2.2, estimatr 1.0.0:
// lm_robust(attendance ~ treat + attendance_baseline + factor(town),
// clusters = school, se_type = "CR2") gives 2.10981450180 [0.14208710981,
// 4.07754189378], p = 0.03687052045 on 19.91729341026 df.
func Example() {
	if err := run(os.Stdout, filepath.Join("..")); err != nil {
		panic(err)
	}
	// Output:
	// Focused deterrence: re-offended 64/197 treated, 75/191 control
	//   risk difference -0.068 [-0.162, 0.027], Fisher p = 0.170
	//   risk ratio 0.827 [0.633, 1.081]
	// School Navigators: 1005 pupils in 24 schools
	//   unadjusted difference 2.92 points [2.15, 3.69], Hedges' g 0.474 [0.349, 0.600]
	//   adjusted (CR2, 19.9 df) 2.11 points [0.14, 4.08], p = 0.037
}
