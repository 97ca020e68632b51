package stats

import (
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/mat"
)

// TestGLMCholSolve checks glmCholSolve against gonum's Cholesky on a random
// positive-definite system, and its refusal of singular and
// ill-conditioned ones.
func TestGLMCholSolve(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	const p = 7
	x := mat.NewDense(40, p, nil)
	for i := range 40 {
		for j := range p {
			x.Set(i, j, rng.NormFloat64()*float64(1+10*j))
		}
	}
	var a mat.SymDense
	a.SymOuterK(1, x.T())
	b := make([]float64, p)
	for j := range b {
		b[j] = rng.NormFloat64()
	}
	full := make([]float64, p*p)
	for i := range p {
		for j := range p {
			full[i*p+j] = a.At(i, j)
		}
	}
	beta, inv, ok := glmCholSolve(full, b, p)
	if !ok {
		t.Fatal("refused a well-conditioned system")
	}
	var ch mat.Cholesky
	if !ch.Factorize(&a) {
		t.Fatal("gonum refused the system")
	}
	var want mat.VecDense
	if err := ch.SolveVecTo(&want, mat.NewVecDense(p, b)); err != nil {
		t.Fatal(err)
	}
	var wantInv mat.SymDense
	if err := ch.InverseTo(&wantInv); err != nil {
		t.Fatal(err)
	}
	for i := range p {
		if !scalar.EqualWithinAbsOrRel(beta[i], want.AtVec(i), 0, 1e-12) {
			t.Errorf("beta[%d] = %g, want %g", i, beta[i], want.AtVec(i))
		}
		for j := range p {
			if !scalar.EqualWithinAbsOrRel(inv[i*p+j], wantInv.At(i, j), 1e-300, 1e-11) {
				t.Errorf("inv[%d,%d] = %g, want %g", i, j, inv[i*p+j], wantInv.At(i, j))
			}
		}
	}
	for _, tc := range []struct {
		name string
		a    []float64
	}{
		{"singular", []float64{1, 1, 1, 1}},
		{"zero diagonal", []float64{0, 0, 0, 1}},
		{"ill-conditioned", []float64{1, 1 - 1e-7, 1 - 1e-7, 1}},
		{"not positive", []float64{1, 2, 2, 1}},
	} {
		if _, _, ok := glmCholSolve(tc.a, []float64{1, 1}, 2); ok {
			t.Errorf("%s: accepted", tc.name)
		}
	}
}
