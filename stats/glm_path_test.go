package stats

import (
	"math"
	"runtime"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

// glmBothPaths fits the model twice on the same design: by the normal
// equations with the blocks' structure and Cholesky (the default), and by
// Householder QR of the weighted design at every step (qrOnly, the path of
// evalkit before the normal equations, kept as the reference and fallback).
func glmBothPaths(t *testing.T, fit func(*glmDesign) (*GLMResult, error), y []float64, names []string, x [][]float64, opt GLMOptions) (chol, qr *GLMResult) {
	t.Helper()
	d, err := glmNewDesign(y, names, x, opt)
	if err != nil {
		t.Fatal(err)
	}
	if chol, err = fit(d); err != nil {
		t.Fatal(err)
	}
	d.qrOnly = true
	if err := d.checkRank(); err != nil {
		t.Fatal(err)
	}
	if qr, err = fit(d); err != nil {
		t.Fatal(err)
	}
	return chol, qr
}

// glmSameFit reports any part of two fits that differs by more than tol
// relative: the coefficients, their SEs and z, theta and its SE, the
// deviance and the log-likelihood.
func glmSameFit(t *testing.T, got, want *GLMResult, tol float64) {
	t.Helper()
	check := func(what string, g, w float64) {
		t.Helper()
		if math.IsNaN(g) && math.IsNaN(w) {
			return
		}
		if !scalar.EqualWithinAbsOrRel(g, w, 0, tol) {
			t.Errorf("%s = %.17g, want %.17g (relative difference %.3g)", what, g, w, math.Abs(g-w)/math.Abs(w))
		}
	}
	if len(got.Coefficients) != len(want.Coefficients) {
		t.Fatalf("%d coefficients, want %d", len(got.Coefficients), len(want.Coefficients))
	}
	for j, c := range got.Coefficients {
		w := want.Coefficients[j]
		check(c.Name+" estimate", c.Estimate, w.Estimate)
		check(c.Name+" se", c.SE, w.SE)
		// Not P: a p-value of 1e-74 moves z² ≈ 340 times as much as z,
		// relatively, so it is compared through Z.
		check(c.Name+" z", c.Z, w.Z)
	}
	check("theta", got.Theta, want.Theta)
	check("theta se", got.ThetaSE, want.ThetaSE)
	check("deviance", got.Deviance, want.Deviance)
	check("loglik", got.LogLik, want.LogLik)
	if got.Iterations != want.Iterations || got.Alternations != want.Alternations {
		t.Errorf("iterations %d, alternations %d; want %d, %d", got.Iterations, got.Alternations, want.Iterations, want.Alternations)
	}
}

// TestGLMCholeskyMatchesQR checks that the normal equations give the QR
// path's estimates, standard errors and theta to 1e-10 relative, on the
// R-checked counts of testdata/models/counts.csv and on 1e5 generated
// counts in 20 blocks.
func TestGLMCholeskyMatchesQR(t *testing.T) {
	d := modelsReadCSV(t, "counts.csv")
	offset := glmLogVec(d.num["exposure"])
	big := glmGenBlocked(100_000, 7)
	for _, tc := range []struct {
		name  string
		y     []float64
		names []string
		x     [][]float64
		opt   GLMOptions
	}{
		{"counts.csv/treatment", d.num["y"], []string{"t"}, d.cols("t"), GLMOptions{Offset: offset}},
		{"counts.csv/covariates+block", d.num["y"], []string{"t", "x1"}, d.cols("t", "x1"), GLMOptions{Offset: offset, Block: d.labels("block")}},
		{"generated 1e5/20 blocks", big.y, []string{"t", "x"}, [][]float64{big.t, big.x}, GLMOptions{Offset: big.offset, Block: big.block}},
	} {
		for _, m := range []struct {
			name string
			fit  func(*glmDesign) (*GLMResult, error)
		}{{"poisson", poissonFit}, {"negbin", negbinFit}} {
			t.Run(tc.name+"/"+m.name, func(t *testing.T) {
				chol, qr := glmBothPaths(t, m.fit, tc.y, tc.names, tc.x, tc.opt)
				glmSameFit(t, chol, qr, 1e-10)
			})
		}
	}
}

// TestGLMIRLSUsesCholesky checks that a well-conditioned blocked design is
// solved by the normal equations at every step, and a near-collinear one
// (a covariate 1000 plus noise of SD 0.01, nearly the intercept) falls back
// to QR and gives the QR path's result exactly.
func TestGLMIRLSUsesCholesky(t *testing.T) {
	g := glmGenBlocked(20_000, 3)
	opt := GLMOptions{Offset: g.offset, Block: g.block}
	d, err := glmNewDesign(g.y, []string{"t", "x"}, [][]float64{g.t, g.x}, opt)
	if err != nil {
		t.Fatal(err)
	}
	s := glmNewSolver(d)
	eta := glmPoissonStart(g.y)
	mu := make([]float64, d.n)
	for i, e := range eta {
		mu[i] = glmLogLinkInv(e)
	}
	if _, ok := s.step(func(i int) (w, z float64) { return mu[i], eta[i] - d.off(i) + (g.y[i]-mu[i])/mu[i] }); !ok || s.usedQR {
		t.Fatalf("ok %v, used QR %v: want the normal equations", ok, s.usedQR)
	}

	near := make([]float64, len(g.x))
	for i, v := range g.x {
		near[i] = 1000 + 0.01*v
	}
	chol, qr := glmBothPaths(t, poissonFit, g.y, []string{"t", "near"}, [][]float64{g.t, near}, opt)
	glmSameFit(t, chol, qr, 0)
	if d, err = glmNewDesign(g.y, []string{"t", "near"}, [][]float64{g.t, near}, opt); err != nil {
		t.Fatal(err)
	}
	s = glmNewSolver(d)
	if _, ok := s.step(func(i int) (w, z float64) { return mu[i], eta[i] - d.off(i) + (g.y[i]-mu[i])/mu[i] }); !ok || !s.usedQR {
		t.Fatalf("ok %v, used QR %v: want the QR fallback", ok, s.usedQR)
	}
}

// TestGLMSameOnAnyCores checks that the fit does not depend on GOMAXPROCS.
func TestGLMSameOnAnyCores(t *testing.T) {
	g := glmGenBlocked(3*glmChunk+17, 5)
	fit := func() *GLMResult {
		r, err := NegBin(g.y, []string{"t", "x"}, [][]float64{g.t, g.x}, GLMOptions{Offset: g.offset, Block: g.block})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	one := fit()
	runtime.GOMAXPROCS(4)
	four := fit()
	glmSameFit(t, four, one, 0)
}

// TestNegBinMemory checks that a negative-binomial fit of n counts in 20
// blocks allocates a few n-long vectors, not an n by p design or vectors
// per iteration or alternation: at most 12 n-long float64 slices in all.
func TestNegBinMemory(t *testing.T) {
	const n = 100_000
	g := glmGenBlocked(n, 9)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	r, err := NegBin(g.y, []string{"t", "x"}, [][]float64{g.t, g.x}, GLMOptions{Offset: g.offset, Block: g.block})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if got, limit := after.TotalAlloc-before.TotalAlloc, uint64(12*8*n); got > limit {
		t.Errorf("NegBin allocated %d bytes for %d rows (%d alternations), want at most %d", got, n, r.Alternations, limit)
	}
}
