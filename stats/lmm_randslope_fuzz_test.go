package stats

import (
	"math"
	"testing"
)

func FuzzLMMRandomSlope(f *testing.F) {
	f.Add([]byte("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"), false, false, false, int8(0))
	f.Add([]byte{1, 0, 3, 0, 0, 2, 1, 5, 0, 1, 4, 0, 1, 1, 2, 3, 1, 9, 1, 3, 9, 0, 2, 2, 4, 1, 1, 7, 2, 0, 5, 5, 4, 1}, true, true, false, int8(0))
	f.Add([]byte("aaaabbbbaaaabbbbccccddddccccddddabcdabcdabcdabcd"), false, true, true, int8(0))
	f.Add([]byte("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"), false, false, true, int8(-120))
	f.Fuzz(func(t *testing.T, data []byte, ml, blocks, slopeOfX bool, yExp int8) {
		y, x, group, block := lmmFuzzDecode(data)
		// Sizes from 2⁻¹⁰⁵⁰ to 2¹⁰⁵⁰: underflow, overflow and everything between.
		for i := range y {
			y[i] = math.Ldexp(y[i], int(yExp)*35/4)
		}
		opt := LMMOptions{ML: ml}
		if blocks {
			opt.Block = block
		}
		slope := 1 // the 0/1 column
		if slopeOfX {
			slope = 0
		}
		res, err := LMMRandomSlope(y, []string{"x", "t"}, x, group, slope, opt)
		if err != nil {
			if !olsFuzzSentinel(err) {
				t.Fatalf("error without a sentinel: %v", err)
			}
			return
		}
		for _, c := range res.Coefficients {
			if !lmmFinite(c.Estimate, c.SE, c.DF) || !(c.SE > 0) || !(c.DF > 0) || !(c.P >= 0 && c.P <= 1) || !(c.CILow <= c.CIHigh) {
				t.Fatalf("%s: estimate %v se %v df %v p %v CI %v %v", c.Name, c.Estimate, c.SE, c.DF, c.P, c.CILow, c.CIHigh)
			}
		}
		th := res.Theta
		if !(res.VarIntercept >= 0) || !(res.VarSlope >= 0) || !(res.VarResidual > 0) || !lmmFinite(res.LogLik, th[0], th[1], th[2]) ||
			!(th[0] >= 0) || !(th[2] >= 0) {
			t.Fatalf("variances %v %v %v, θ %v, log-likelihood %v", res.VarIntercept, res.VarSlope, res.VarResidual, th, res.LogLik)
		}
		if !math.IsNaN(res.Cor) && !(math.Abs(res.Cor) <= 1) {
			t.Fatalf("correlation %v", res.Cor)
		}
		if res.Singular != (th[0] < lmmSingularTol || th[2] < lmmSingularTol) || res.Groups < 2 || res.N != len(y) ||
			res.GroupsVarying < 1 || res.GroupsVarying > res.Groups {
			t.Fatalf("singular %v at θ %v, %d groups (%d varying), n %d", res.Singular, th, res.Groups, res.GroupsVarying, res.N)
		}
	})
}
