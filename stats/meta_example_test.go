package stats_test

import (
	"fmt"
	"math"

	"github.com/evalkit/evalkit/stats"
)

// The 13 BCG vaccine trials (metafor's dat.bcg, testdata/meta/bcg.csv): log
// risk ratios of tuberculosis and their standard errors, to 6 decimals,
// pooled by REML. metafor's rma(yi, vi, data = escalc("RR", ...)) and
// predict(fit, transf = exp) print the same.
func ExamplePool() {
	logRR := []float64{-0.889311, -1.585389, -1.348073, -1.441551, -0.217547, -0.786116, -1.620898, 0.011952, -0.469418, -1.371345, -0.339359, 0.445913, -0.017314}
	se := []float64{0.570600, 0.441114, 0.644490, 0.141457, 0.226297, 0.083100, 0.472247, 0.062941, 0.237559, 0.270231, 0.111410, 0.729730, 0.267217}
	r, err := stats.Pool(logRR, se, stats.PoolOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("RR %.3f (95%% CI %.3f to %.3f), p = %.1e\n", math.Exp(r.Estimate), math.Exp(r.CILow), math.Exp(r.CIHigh), r.P)
	fmt.Printf("tau² %.4f (se %.4f), I² %.1f%%, Q(%g) = %.1f\n", r.Tau2, r.Tau2SE, r.I2, r.QDF, r.Q)
	fmt.Printf("prediction interval %.3f to %.3f\n", math.Exp(r.PILow), math.Exp(r.PIHigh))
	fmt.Printf("weight of TPT Madras %.1f%%\n", r.Studies[7].Weight)
	// Output:
	// RR 0.489 (95% CI 0.344 to 0.696), p = 7.1e-05
	// tau² 0.3132 (se 0.1664), I² 92.2%, Q(12) = 152.2
	// prediction interval 0.155 to 1.549
	// weight of TPT Madras 10.2%
}
