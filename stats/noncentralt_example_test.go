package stats_test

import (
	"fmt"

	"github.com/evalkit/evalkit/stats"
)

// The power of a two-sided two-sample t-test with 32 per arm for d = 0.5 at
// alpha = 0.05: both rejection regions of the noncentral t, with
// df = 32 + 32 − 2 and ncp = d·sqrt(32·32/(32+32)) = 2.
func ExampleNoncentralTCDF() {
	df, ncp := 62.0, 2.0
	crit := stats.CentralTUpperQuantile(0.025, df)
	power := stats.NoncentralTSurvival(crit, df, ncp) + stats.NoncentralTCDF(-crit, df, ncp)
	fmt.Printf("critical t %.4f, power %.4f\n", crit, power)
	// Output:
	// critical t 1.9990, power 0.5036
}

func ExampleNoncentralTSurvival() {
	fmt.Printf("%.6f\n", stats.NoncentralTSurvival(1.96, 30, 2.8))
	// Output:
	// 0.796847
}

func ExampleCentralTSurvival() {
	// Far in the upper tail, where 1 − CDF would be 0.
	fmt.Printf("%.6g\n", stats.CentralTSurvival(40, 10))
	// Output:
	// 1.14043e-12
}

func ExampleCentralTUpperQuantile() {
	fmt.Printf("%.6f\n", stats.CentralTUpperQuantile(0.025, 10))
	// Output:
	// 2.228139
}
