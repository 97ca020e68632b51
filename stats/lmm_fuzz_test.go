package stats

import (
	"math"
	"testing"
)

// lmmFuzzDecode turns bytes into rows of y, a covariate, a 0/1 column, a
// group and a block (4 bytes a row), with few distinct values so that
// constant columns, collinearity, groups of one and exact fits are common.
func lmmFuzzDecode(data []byte) (y []float64, x [][]float64, group, block []string) {
	n := len(data) / 4
	x = make([][]float64, 2)
	for i := range n {
		b := data[4*i : 4*i+4]
		y = append(y, float64(int8(b[0]))/4)
		x[0] = append(x[0], float64(int8(b[1]))/8)
		x[1] = append(x[1], float64(b[2]&1))
		group = append(group, string(rune('a'+b[3]%7)))
		block = append(block, string(rune('A'+(b[2]>>1)%3)))
	}
	return y, x, group, block
}

func FuzzLMM(f *testing.F) {
	f.Add([]byte("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"), false, false, int8(0), int8(0))
	f.Add([]byte{1, 0, 3, 0, 0, 2, 1, 5, 0, 1, 4, 0, 1, 1, 2, 3, 1, 9, 1, 3, 9, 0, 2, 2, 4, 1, 1, 7, 2, 0}, true, true, int8(0), int8(0))
	f.Add([]byte("aaaabbbbaaaabbbbccccddddccccdddd"), false, true, int8(0), int8(0))
	f.Add([]byte("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"), false, false, int8(120), int8(-125))
	f.Fuzz(func(t *testing.T, data []byte, ml, blocks bool, yExp, xExp int8) {
		y, x, group, block := lmmFuzzDecode(data)
		// Sizes from 2⁻¹⁰⁵⁰ to 2¹⁰⁵⁰: underflow, overflow and everything between.
		for i := range y {
			y[i] = math.Ldexp(y[i], int(yExp)*35/4)
			x[0][i] = math.Ldexp(x[0][i], int(xExp)*35/4)
		}
		opt := LMMOptions{ML: ml}
		if blocks {
			opt.Block = append(make([]string, 0, len(block)), block...)
		}
		res, err := LMM(y, []string{"x", "t"}, x, group, opt)
		if err != nil {
			if !olsFuzzSentinel(err) {
				t.Fatalf("error without a sentinel: %v", err)
			}
			return
		}
		for _, c := range res.Coefficients {
			if !lmmFinite(c.Estimate, c.SE, c.DF) || !(c.SE >= 0) || !(c.DF > 0) || !(c.P >= 0 && c.P <= 1) || !(c.CILow <= c.CIHigh) {
				t.Fatalf("%s: estimate %v se %v df %v p %v CI %v %v", c.Name, c.Estimate, c.SE, c.DF, c.P, c.CILow, c.CIHigh)
			}
		}
		if !(res.VarGroup >= 0) || !(res.VarResidual > 0) || !lmmFinite(res.VarGroup, res.VarResidual, res.LogLik, res.Theta) {
			t.Fatalf("variances %v %v, log-likelihood %v", res.VarGroup, res.VarResidual, res.LogLik)
		}
		if icc := res.ICC(); !(icc >= 0 && icc <= 1) {
			t.Fatalf("ICC %v", icc)
		}
		if res.Singular != (res.Theta < lmmSingularTol) || res.Groups < 2 || res.N != len(y) {
			t.Fatalf("singular %v at θ %v, %d groups, n %d", res.Singular, res.Theta, res.Groups, res.N)
		}
	})
}

func FuzzClusterANOVA(f *testing.F) {
	f.Add([]byte("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"), true, 0.95)
	f.Add([]byte("aaaabbbbaaaabbbbccccddddccccdddd"), false, 0.5)
	f.Fuzz(func(t *testing.T, data []byte, cells bool, level float64) {
		y, _, group, block := lmmFuzzDecode(data)
		var cell []string
		if cells {
			cell = block
		}
		a, err := ClusterANOVA(y, group, cell)
		if err != nil {
			if !olsFuzzSentinel(err) {
				t.Fatalf("error without a sentinel: %v", err)
			}
			return
		}
		if !(a.F >= 0) || !(a.N0 > 1) || a.DF1 < 1 || a.DF2 < 1 || !lmmFinite(a.F, a.N0) {
			t.Fatalf("F %v, n0 %v, df %v %v", a.F, a.N0, a.DF1, a.DF2)
		}
		lo, hi, err := SearleICCInterval(a.F, a.DF1, a.DF2, a.N0, level)
		if err != nil {
			if !olsFuzzSentinel(err) {
				t.Fatalf("error without a sentinel: %v", err)
			}
			return
		}
		floor := -1 / (a.N0 - 1)
		if !(lo <= hi) || !(lo >= floor-1e-12) || !(hi <= 1) {
			t.Fatalf("interval %v %v (floor %v) at level %v", lo, hi, floor, level)
		}
	})
}

func FuzzSearleICCInterval(f *testing.F) {
	f.Add(2.5, 19.0, 180.0, 10.0, 0.95)
	f.Add(0.0, 1.0, 1.0, 1.5, 0.5)
	f.Add(1e300, 1e-300, 1e300, 1e300, 1e-300)
	f.Fuzz(func(t *testing.T, fr, df1, df2, n0, level float64) {
		lo, hi, err := SearleICCInterval(fr, df1, df2, n0, level)
		if err != nil {
			if !olsFuzzSentinel(err) {
				t.Fatalf("error without a sentinel: %v", err)
			}
			return
		}
		if !(lo <= hi) || !(lo >= -1/(n0-1)-1e-12) || !(hi <= 1) {
			t.Fatalf("interval %v %v for F %v, df %v %v, n0 %v, level %v", lo, hi, fr, df1, df2, n0, level)
		}
	})
}
