package stats

import (
	"math"
	"testing"
)

func FuzzNegBin(f *testing.F) {
	f.Add([]byte{3, 0, 7, 2, 5, 1, 9, 4, 0, 6, 2, 1, 0, 3, 1, 4, 0, 2, 5, 1, 8, 3, 2, 0}, false, true)
	f.Add([]byte{1, 1, 1, 1, 2, 2, 2, 2, 0, 0, 0, 9}, true, false)
	f.Add([]byte("0"), false, true)          // no observations
	f.Add([]byte("0000\"A00"), false, false) // θ → ∞ with I(θ) rounding to 0
	f.Fuzz(func(t *testing.T, data []byte, poisson, blocks bool) {
		n := len(data) / 2
		y := make([]float64, n)
		tr := make([]float64, n)
		off := make([]float64, n)
		block := make([]string, n)
		for i := 0; i < n; i++ {
			y[i] = float64(data[2*i] % 40)
			tr[i] = float64(data[2*i+1] & 1)
			off[i] = math.Log(float64(1 + data[2*i+1]>>1&15))
			block[i] = string(rune('a' + data[2*i+1]>>5%3))
		}
		opt := GLMOptions{Offset: off}
		if blocks {
			opt.Block = block
		}
		fit := NegBin
		if poisson {
			fit = Poisson
		}
		res, err := fit(y, []string{"t"}, [][]float64{tr}, opt)
		if err != nil {
			if !olsFuzzSentinel(err) {
				t.Fatalf("error without a sentinel: %v", err)
			}
			return
		}
		for _, c := range res.Coefficients {
			if math.IsNaN(c.Estimate) || math.IsInf(c.Estimate, 0) || !(c.SE > 0) || math.IsInf(c.SE, 0) {
				t.Fatalf("%s: estimate %v se %v", c.Name, c.Estimate, c.SE)
			}
		}
		if !poisson && !(res.Theta > 0 && res.ThetaSE > 0) {
			t.Fatalf("theta %v se %v", res.Theta, res.ThetaSE)
		}
	})
}
