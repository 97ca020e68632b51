package stats

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/stat"
)

// FuzzTwoStageLS fits y on an endogenous 0/1 column instrumented by another
// (the fuzzed rows of olsFuzzDecode: x[0] the instrument, x[2]&1 the
// endogenous column, x[1] a covariate), with any covariance, blocks and
// clusters: it must not panic, every error must wrap a sentinel, and a fit
// without covariates or blocks must give the Wald estimator
// cov(y, z) / cov(d, z).
func FuzzTwoStageLS(f *testing.F) {
	f.Add([]byte("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"), uint8(0), true, true)
	f.Add([]byte{1, 0, 3, 0, 0, 2, 1, 5, 0, 1, 4, 0, 1, 1, 2, 3, 1, 9, 1, 3, 9, 0, 2, 2, 4, 1, 1, 7, 2, 0}, uint8(5), false, false)
	f.Add([]byte("000007000001000002000&200"), uint8('K'), true, false)
	f.Fuzz(func(t *testing.T, data []byte, cov uint8, blocks, covariate bool) {
		y, x, block, cluster := olsFuzzDecode(data)
		d := make([]float64, len(y))
		for i, v := range x[2] {
			d[i] = float64(int(v) & 1)
		}
		des := IVDesign{Endogenous: [][]float64{d}, EndogenousNames: []string{"d"},
			Instruments: [][]float64{x[0]}, InstrumentNames: []string{"z"}}
		if covariate {
			des.Exogenous, des.ExogenousNames = [][]float64{x[1]}, []string{"w"}
		}
		opt := OLSOptions{Cov: CovType(cov % 6), Cluster: cluster}
		if blocks {
			opt.Block = block
		}
		res, err := TwoStageLS(y, des, opt)
		if err != nil {
			if !olsFuzzSentinel(err) {
				t.Fatalf("error without a sentinel: %v", err)
			}
			return
		}
		olsFuzzCheckCoefficients(t, res)
		if blocks || covariate {
			return
		}
		cdz := stat.Covariance(d, x[0], nil)
		want := stat.Covariance(y, x[0], nil) / cdz
		// Far from a weak instrument, the two computations agree.
		if math.Abs(cdz) > 1e-3 {
			if got := res.Coefficients[1].Estimate; math.Abs(got-want) > 1e-6*(1+math.Abs(want)) {
				t.Fatalf("2SLS %v, Wald estimator %v", got, want)
			}
		}
	})
}
