package pool_test

import (
	"fmt"
	"math"
	"os"
	"strings"

	"github.com/evalkit/evalkit/rct/pool"
	"github.com/evalkit/evalkit/stats"
)

// The 13 BCG vaccine trials' log risk ratios (metafor's dat.bcg), pooled by
// REML as rma(yi, sei = se, method = "REML") does.
func ExamplePoolFiles() {
	r, err := pool.PoolFiles("../../testdata/meta/bcg.csv", nil, "", stats.PoolOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d sites: risk ratio %.3f (95%% CI %.3f to %.3f)\n", r.K, math.Exp(r.Estimate), math.Exp(r.CILow), math.Exp(r.CIHigh))
	fmt.Printf("tau² %.4f, I² %.1f%%, prediction interval %.3f to %.3f\n", r.Tau2, r.I2, math.Exp(r.PILow), math.Exp(r.PIHigh))
	fmt.Printf("weight of %s %.1f%%\n", r.Names[7], r.Studies[7].Weight)
	// Output:
	// 13 sites: risk ratio 0.489 (95% CI 0.344 to 0.696)
	// tau² 0.3132, I² 92.2%, prediction interval 0.155 to 1.549
	// weight of TPT Madras 1980 10.2%
}

// Two sites' differences in attendance, pooled by DerSimonian and Laird,
// printed as evalkit pool prints them: rma(c(2.5, 0.8), sei = c(1.1, 0.9),
// method = "DL") and predict(fit) print the same numbers (R 4.2.2, metafor
// 3.8.1).
func ExampleResult_WriteText() {
	s, err := pool.ReadSites(strings.NewReader("site,estimate,se\nReading,2.5,1.1\nSlough,0.8,0.9\n"), "sites.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := pool.Pool(s, stats.PoolOptions{Method: stats.PoolDL})
	if err != nil {
		fmt.Println(err)
		return
	}
	r.WriteText(os.Stdout)
	// Output:
	// Pooled effect of 2 sites: random effects, tau² by DL
	//
	// site                 estimate      se            95% CI  weight
	// Reading                   2.5     1.1    0.344 to 4.656  43.08%
	// Slough                    0.8     0.9   -0.964 to 2.564  56.92%
	// pooled                  1.532  0.8418  -0.1176 to 3.182
	// prediction interval                    -0.5637 to 3.628
	//
	// test of no effect: z = 1.82, p = 0.06872
	// heterogeneity: tau² = 0.435 (se 2.044), tau = 0.6595, I² = 30.1%, H² = 1.431
	// Q = 1.431 on 1 df, p = 0.2317
}
