package stats

import (
	"errors"
	"strings"
	"testing"
)

// TestLogisticQuasiSeparation: every treated observation has the outcome 1
// and the controls are mixed, with a covariate. R's glm stops after 18
// iterations with the treatment's coefficient near 20, its SE in the
// thousands and p ≈ 1, and only some fitted probabilities within 2e-9 of 1,
// above the 10 ε of the fitted-probability check; the diverging
// coefficients give it away.
func TestLogisticQuasiSeparation(t *testing.T) {
	for _, n := range []int{20, 200, 2000} {
		y, tr, x := make([]float64, n), make([]float64, n), make([]float64, n)
		for i := range n {
			x[i] = float64(i)
			tr[i] = float64(i % 2)
			if tr[i] == 1 || i%3 == 0 {
				y[i] = 1
			}
		}
		res, err := Logistic(y, []string{"t", "x"}, [][]float64{tr, x}, GLMOptions{})
		if !errors.Is(err, ErrNoConvergence) || !strings.Contains(err.Error(), "diverge") {
			t.Errorf("n=%d: err = %v, want the coefficients diverging (result %+v)", n, err, res)
		}
	}
}

// TestLogisticNotSeparated: overlapping groups converge as before, the
// next IRLS step being far below logitDivergingStep.
func TestLogisticNotSeparated(t *testing.T) {
	y := []float64{0, 0, 1, 0, 1, 0, 1, 1, 0, 1, 1, 1}
	x := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
	res, err := Logistic(y, []string{"x"}, [][]float64{x}, GLMOptions{})
	if err != nil {
		t.Fatal(err)
	}
	d, err := glmNewDesign(y, []string{"x"}, [][]float64{x}, GLMOptions{})
	if err != nil {
		t.Fatal(err)
	}
	d.qrOnly = true
	fit, err := logitIRLS(d)
	if err != nil {
		t.Fatal(err)
	}
	if step := glmNextStep(d, logitFamily(), fit); step > 1e-3 {
		t.Errorf("next step %g at a maximum of the likelihood (estimate %g)", step, res.Coefficients[1].Estimate)
	}
}
