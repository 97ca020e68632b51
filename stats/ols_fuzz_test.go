package stats

import (
	"errors"
	"math"
	"testing"
)

// olsFuzzDecode turns bytes into rows of y, two covariates, a treatment, a
// block and a cluster (5 bytes a row), values small so that ties, constant
// columns and collinearity are common.
func olsFuzzDecode(data []byte) (y []float64, x [][]float64, block, cluster []string) {
	n := len(data) / 5
	x = make([][]float64, 3)
	for i := 0; i < n; i++ {
		b := data[5*i : 5*i+5]
		y = append(y, float64(int8(b[0]))/4)
		x[0] = append(x[0], float64(b[1]&1))
		x[1] = append(x[1], float64(int8(b[2]))/8)
		x[2] = append(x[2], float64(b[1]>>1&3))
		block = append(block, string(rune('a'+b[3]%3)))
		cluster = append(cluster, string(rune('a'+b[4]%5)))
	}
	return y, x, block, cluster
}

// olsFuzzSentinel reports whether err wraps one of the package's sentinels.
func olsFuzzSentinel(err error) bool {
	for _, s := range []error{ErrTooFew, ErrZeroVariance, ErrNoConvergence, ErrDomain, ErrSingular} {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

func FuzzOLS(f *testing.F) {
	f.Add([]byte("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"), uint8(0), true)
	f.Add([]byte{1, 0, 3, 0, 0, 2, 1, 5, 0, 1, 4, 0, 1, 1, 2, 3, 1, 9, 1, 3, 9, 0, 2, 2, 4, 1, 1, 7, 2, 0}, uint8(5), false)
	// A perfect fit in which rounding once made a variance negative.
	f.Add([]byte("000007000001000002000&200"), uint8('K'), true)
	f.Fuzz(func(t *testing.T, data []byte, cov uint8, blocks bool) {
		y, x, block, cluster := olsFuzzDecode(data)
		opt := OLSOptions{Cov: CovType(cov % 6), Cluster: cluster}
		if blocks {
			opt.Block = block
		}
		res, err := OLS(y, []string{"t", "x1", "x2"}, x, opt)
		if err != nil {
			if !olsFuzzSentinel(err) {
				t.Fatalf("error without a sentinel: %v", err)
			}
			return
		}
		olsFuzzCheckCoefficients(t, res)
		m, err := NewTreatmentModel(y, []string{"x1", "x2"}, x[1:], opt)
		if err != nil {
			if !olsFuzzSentinel(err) {
				t.Fatalf("error without a sentinel: %v", err)
			}
			return
		}
		treat := make([]bool, len(y))
		for i, v := range x[0] {
			treat[i] = v == 1
		}
		e, err := m.Fit(treat)
		if err != nil {
			if !olsFuzzSentinel(err) {
				t.Fatalf("error without a sentinel: %v", err)
			}
			return
		}
		j := 1
		if blocks {
			j = 0
		}
		if c := res.Coefficients[j]; math.Abs(e.Estimate-c.Estimate) > 1e-6*(1+math.Abs(c.Estimate)) {
			t.Fatalf("TreatmentModel estimate %v, OLS %v", e.Estimate, c.Estimate)
		}
	})
}

// olsFuzzCheckCoefficients fails t unless every coefficient of res has a
// finite estimate, a positive df, and a finite standard error, except that
// an exact fit has NaN standard errors and p-values, and only an exact fit.
func olsFuzzCheckCoefficients(t *testing.T, res *OLSResult) {
	t.Helper()
	for _, c := range res.Coefficients {
		badSE := !(c.SE >= 0) || math.IsInf(c.SE, 0)
		if res.ExactFit {
			badSE = !math.IsNaN(c.SE) || !math.IsNaN(c.P)
		}
		if math.IsNaN(c.Estimate) || math.IsInf(c.Estimate, 0) || badSE || !(c.DF > 0) {
			t.Fatalf("%s: estimate %v se %v df %v (exact fit %v)", c.Name, c.Estimate, c.SE, c.DF, res.ExactFit)
		}
	}
}
