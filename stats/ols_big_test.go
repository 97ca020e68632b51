package stats

import (
	"os"
	"testing"
	"time"

	"gonum.org/v1/gonum/floats/scalar"
)

// TestOLSBigFile times HC2 with 50 absorbed blocks and CR2 with 2,000
// clusters on a file of 10⁶ rows and checks them against lm_robust on the
// same file. It runs only when EVALKIT_MODELS_BIG names the file written by
// `Rscript testdata/r/models.R bench FILE` (too large to commit), which also prints R's
// timings and the reference values below (R 4.2.2, estimatr 1.0.0):
//
//	EVALKIT_MODELS_BIG=/tmp/big.csv go test ./stats -run TestOLSBigFile -v
func TestOLSBigFile(t *testing.T) {
	path := os.Getenv("EVALKIT_MODELS_BIG")
	if path == "" {
		t.Skip("EVALKIT_MODELS_BIG not set")
	}
	d := modelsReadCSVPath(t, path)
	x := []string{"t", "x1", "x2", "x3"}
	check := func(what string, got, want []float64, tol float64) {
		t.Helper()
		for j := range want {
			if !scalar.EqualWithinAbsOrRel(got[j], want[j], 0, tol) {
				t.Errorf("%s[%d] = %.17g, want %.17g", what, j, got[j], want[j])
			}
		}
	}
	start := time.Now()
	res, err := OLS(d.num["y"], x, d.cols(x...), OLSOptions{Cov: HC2, Block: d.labels("block")})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("HC2, 4 covariates, 50 blocks, %d rows: %v", res.N, time.Since(start))
	// lm_robust(y ~ t + x1 + x2 + x3 + factor(block), se_type = "HC2"): 8.5 s elapsed in R.
	check("HC2 estimate", olsTestColumn(res, "est"), []float64{0.20382914768765256, 1.0004595034887167, -0.50047201419901433, 0.29679892746708569}, 1e-9)
	check("HC2 se", olsTestColumn(res, "se"), []float64{0.0020852676627548263, 0.0010436589399340913, 0.0010430817641179889, 0.0036111425061432245}, 1e-9)

	start = time.Now()
	res, err = OLS(d.num["y"], x, d.cols(x...), OLSOptions{Cov: CR2, Cluster: d.labels("cluster")})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("CR2, 4 covariates, %d clusters, %d rows: %v", res.Clusters, res.N, time.Since(start))
	// lm_robust(y ~ t + x1 + x2 + x3, clusters = cluster, se_type = "CR2"): 358.7 s elapsed in R (222.6 s in an earlier run).
	check("CR2 estimate", olsTestColumn(res, "est"), []float64{0.5136486207241211, 0.20292290322253789, 1.0002061872348422, -0.50015584360638976, 0.29714254463423706}, 1e-9)
	check("CR2 se", olsTestColumn(res, "se"), []float64{0.0070577586434624915, 0.0021661827753547366, 0.0010909277383682602, 0.0011067422975597116, 0.0038109150034459794}, 1e-9)
	check("CR2 df", olsTestColumn(res, "df"), []float64{1989.6884771561195, 1995.191590363994, 1987.0422861691002, 1987.6068173021533, 1991.9578619710978}, 1e-8)
}

func olsTestColumn(res *OLSResult, what string) []float64 {
	var out []float64
	for _, c := range res.Coefficients {
		switch what {
		case "est":
			out = append(out, c.Estimate)
		case "se":
			out = append(out, c.SE)
		case "df":
			out = append(out, c.DF)
		}
	}
	return out
}
