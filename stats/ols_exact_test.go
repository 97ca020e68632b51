package stats

import (
	"errors"
	"math"
	"testing"
)

// TestOLSExactFit: y = 1 + 2 t + 3 x exactly. lm_robust reports the
// rounding errors' SE (about 1e-15) and p ≈ 0; OLS keeps the estimates and
// makes every SE, p-value and interval NaN, under each estimator, with and
// without blocks, and WLS likewise.
func TestOLSExactFit(t *testing.T) {
	n := 24
	y, tr, x := make([]float64, n), make([]float64, n), make([]float64, n)
	block, cluster := make([]string, n), make([]string, n)
	for i := range n {
		tr[i] = float64(i % 2)
		x[i] = float64(i*i%7) + 0.1*float64(i)
		y[i] = 1 + 2*tr[i] + 3*x[i]
		block[i] = string(rune('a' + i%3))
		cluster[i] = string(rune('a' + i/2))
	}
	w := make([]float64, n)
	for i := range w {
		w[i] = 1 + float64(i%4)
	}
	for _, tc := range []struct {
		name string
		opt  OLSOptions
		wls  bool
	}{
		{"classical", OLSOptions{Cov: Classical}, false},
		{"HC0", OLSOptions{Cov: HC0}, false},
		{"HC1", OLSOptions{Cov: HC1}, false},
		{"HC2", OLSOptions{Cov: HC2}, false},
		{"HC3", OLSOptions{Cov: HC3}, false},
		{"HC2 blocks", OLSOptions{Cov: HC2, Block: block}, false},
		{"CR2", OLSOptions{Cov: CR2, Cluster: cluster}, false},
		{"CR2 blocks", OLSOptions{Cov: CR2, Cluster: cluster, Block: block}, false},
		{"WLS HC2", OLSOptions{Cov: HC2}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var res *OLSResult
			var err error
			if tc.wls {
				res, err = WLS(y, w, []string{"t", "x"}, [][]float64{tr, x}, tc.opt)
			} else {
				res, err = OLS(y, []string{"t", "x"}, [][]float64{tr, x}, tc.opt)
			}
			if err != nil {
				t.Fatal(err)
			}
			if !res.ExactFit {
				t.Error("ExactFit false")
			}
			for _, c := range res.Coefficients {
				if !math.IsNaN(c.SE) || !math.IsNaN(c.P) || !math.IsNaN(c.T) || !math.IsNaN(c.CILow) || !math.IsNaN(c.CIHigh) {
					t.Errorf("%s: se %g, t %g, p %g, ci %g to %g; want NaN", c.Name, c.SE, c.T, c.P, c.CILow, c.CIHigh)
				}
			}
			if got := coefficientNamed(res, "t").Estimate; math.Abs(got-2) > 1e-12 {
				t.Errorf("estimate %g, want 2", got)
			}
			if !math.IsNaN(res.Cov.At(0, 0)) {
				t.Errorf("cov %g, want NaN", res.Cov.At(0, 0))
			}
			if _, err := res.Wald("t"); !errors.Is(err, ErrZeroVariance) {
				t.Errorf("Wald: %v, want ErrZeroVariance", err)
			}
		})
	}
}

// TestOLSNearlyExactFit: residuals of 1e-6 of the outcome's size are a
// real (if tiny) residual variance, and the fit is not exact.
func TestOLSNearlyExactFit(t *testing.T) {
	n := 24
	y, tr, x := make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range n {
		tr[i] = float64(i % 2)
		x[i] = float64(i*i%7) + 0.1*float64(i)
		y[i] = 1 + 2*tr[i] + 3*x[i] + 1e-6*float64(i%5-2)
	}
	res, err := OLS(y, []string{"t", "x"}, [][]float64{tr, x}, OLSOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if c := coefficientNamed(res, "t"); res.ExactFit || !(c.SE > 0) || math.IsNaN(c.P) {
		t.Errorf("exact %v, se %g, p %g: want a finite fit", res.ExactFit, c.SE, c.P)
	}
}

func coefficientNamed(r *OLSResult, name string) Coefficient {
	for _, c := range r.Coefficients {
		if c.Name == name {
			return c
		}
	}
	panic("no coefficient " + name)
}
