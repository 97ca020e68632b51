package stats

import (
	"os"
	"testing"
	"time"

	"gonum.org/v1/gonum/floats/scalar"
)

// TestNegBinBigFile times the negative binomial on the 10⁵ counts that
// `Rscript testdata/r/models.R bench FILE` writes to FILE.counts.csv and
// checks it against MASS::glm.nb on the same file (R 4.2.2, MASS 7.3-58.2):
//
//	EVALKIT_MODELS_BIG=FILE go test ./stats -run TestNegBinBigFile -v
func TestNegBinBigFile(t *testing.T) {
	path := os.Getenv("EVALKIT_MODELS_BIG")
	if path == "" {
		t.Skip("EVALKIT_MODELS_BIG not set")
	}
	d := modelsReadCSVPath(t, path+".counts.csv")
	start := time.Now()
	res, err := NegBin(d.num["y"], []string{"t", "x1"}, d.cols("t", "x1"),
		GLMOptions{Block: d.labels("block"), Offset: glmLogVec(d.num["exposure"])})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("negative binomial, 6 coefficients, %d rows: %v (%d alternations)", res.N, time.Since(start), res.Alternations)
	// glm.nb(y ~ t + x1 + factor(block) + offset(log(exposure))): 2.26 s elapsed in R.
	coef := []float64{-2.298821032692222, -0.3024716819223594, 0.40549239894644551, 0.30209344257432241, -0.20116452460496453, 0.50664524084188234}
	se := []float64{0.0072733779686759061, 0.006419249654306884, 0.0032501194208593466, 0.0090795110784094891, 0.0095340722595180505, 0.0089185869084988136}
	// R's factor(block) takes block 1 as the reference, evalkit the first
	// block in the file, so the treatment and covariate are compared
	// coefficient by coefficient and the blocks by their log rates
	// (Intercept) + block:k, which do not depend on the reference.
	for j, c := range res.Coefficients[1:3] {
		if !scalar.EqualWithinAbsOrRel(c.Estimate, coef[j+1], 0, 1e-6) || !scalar.EqualWithinAbsOrRel(c.SE, se[j+1], 0, 1e-6) {
			t.Errorf("%s: %.17g (se %.17g), want %.17g (se %.17g)", c.Name, c.Estimate, c.SE, coef[j+1], se[j+1])
		}
	}
	rate := map[string]float64{"1": coef[0]}
	for k, b := range []string{"2", "3", "4"} {
		rate[b] = coef[0] + coef[3+k]
	}
	for _, b := range []string{"1", "2", "3", "4"} {
		got := res.Coefficients[0].Estimate
		for _, c := range res.Coefficients[3:] {
			if c.Name == "block:"+b {
				got += c.Estimate
			}
		}
		if !scalar.EqualWithinAbsOrRel(got, rate[b], 0, 1e-6) {
			t.Errorf("block %s: log rate %.17g, want %.17g", b, got, rate[b])
		}
	}
	if !scalar.EqualWithinAbsOrRel(res.Theta, 1.6881401593370844, 0, 1e-6) || !scalar.EqualWithinAbsOrRel(res.ThetaSE, 0.013377064594807165, 0, 1e-6) {
		t.Errorf("theta %.17g (se %.17g)", res.Theta, res.ThetaSE)
	}
}
