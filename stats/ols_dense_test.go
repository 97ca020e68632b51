package stats

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/mat"
)

// olsDenseReference fits y on the columns x and, when block is not nil, a
// dummy for every block (else an intercept), the textbook way: the dense
// design X, β = (X'X)⁻¹X'y, the full n×n hat matrix H = X(X'X)⁻¹X', and
//
//	V = (X'X)⁻¹ X' diag(ω) X (X'X)⁻¹
//
// with ω as in OLS's doc comment. It returns the estimates and standard
// errors of x's columns (and of the intercept first, without blocks), the
// residuals and the leverages diag(H).
func olsDenseReference(t *testing.T, y []float64, x [][]float64, block []int32, typ CovType) (est, se, resid, h []float64) {
	t.Helper()
	n := len(y)
	var cols [][]float64
	if block == nil {
		one := make([]float64, n)
		for i := range one {
			one[i] = 1
		}
		cols = append(cols, one)
	}
	cols = append(cols, x...)
	reported := len(cols)
	if block != nil {
		g := int32(0)
		for _, b := range block {
			g = max(g, b+1)
		}
		for k := int32(0); k < g; k++ {
			d := make([]float64, n)
			for i, b := range block {
				if b == k {
					d[i] = 1
				}
			}
			cols = append(cols, d)
		}
	}
	p := len(cols)
	X := mat.NewDense(n, p, nil)
	for j, c := range cols {
		X.SetCol(j, c)
	}
	var xtx, inv mat.Dense
	xtx.Mul(X.T(), X)
	if err := inv.Inverse(&xtx); err != nil {
		t.Fatalf("reference: %v", err)
	}
	var xty, beta mat.VecDense
	xty.MulVec(X.T(), mat.NewVecDense(n, y))
	beta.MulVec(&inv, &xty)
	var fitted mat.VecDense
	fitted.MulVec(X, &beta)
	resid = make([]float64, n)
	for i := range resid {
		resid[i] = y[i] - fitted.AtVec(i)
	}
	var xinv, hat mat.Dense
	xinv.Mul(X, &inv)
	hat.Mul(&xinv, X.T())
	h = make([]float64, n)
	for i := range h {
		h[i] = hat.At(i, i)
	}
	df := float64(n - p)
	var v mat.Dense
	if typ == Classical {
		s2 := 0.0
		for _, e := range resid {
			s2 += e * e
		}
		v.Scale(s2/df, &inv)
	} else {
		omega := mat.NewDiagDense(n, nil)
		for i, e := range resid {
			w := e * e
			switch typ {
			case HC1:
				w *= float64(n) / df
			case HC2:
				w /= 1 - h[i]
			case HC3:
				w /= (1 - h[i]) * (1 - h[i])
			}
			omega.SetDiag(i, w)
		}
		var xo, meat, left mat.Dense
		xo.Mul(X.T(), omega)
		meat.Mul(&xo, X)
		left.Mul(&inv, &meat)
		v.Mul(&left, &inv)
	}
	for j := 0; j < reported; j++ {
		est = append(est, beta.AtVec(j))
		se = append(se, math.Sqrt(v.At(j, j)))
	}
	return est, se, resid, h
}

// olsDenseProblem makes a random problem of n rows: a treatment, two
// covariates and g blocks of unequal sizes, with heteroskedastic errors.
func olsDenseProblem(seed uint64, n, g int) (y []float64, x [][]float64, block []string) {
	rng := rand.New(rand.NewPCG(seed, 1))
	x = [][]float64{make([]float64, n), make([]float64, n), make([]float64, n)}
	y = make([]float64, n)
	block = make([]string, n)
	for i := range y {
		// Block sizes fall off geometrically: block 0 is the largest.
		b := min(int(rng.ExpFloat64()*float64(g)/3), g-1)
		if i < g {
			b = i // every block appears
		}
		block[i] = "b" + strconv.Itoa(b)
		if rng.IntN(2) == 1 {
			x[0][i] = 1
		}
		x[1][i] = rng.NormFloat64() + 0.1*float64(b)
		x[2][i] = rng.Float64()
		y[i] = 0.5*x[0][i] + x[1][i] - 2*x[2][i] + float64(b%5) + (0.5+x[2][i])*rng.NormFloat64()
	}
	return y, x, block
}

// TestOLSAgainstDense checks OLS's estimates, standard errors, residuals
// and leverages, with and without absorbed blocks and for every
// heteroskedasticity-consistent estimator, against olsDenseReference on
// random problems. Both are exact least squares, so they agree to rounding:
// 1e-10 relative.
func TestOLSAgainstDense(t *testing.T) {
	names := []string{"t", "x1", "x2"}
	for _, seed := range []uint64{1, 2, 3} {
		y, x, labels := olsDenseProblem(seed, 240, 9)
		for _, blocks := range []bool{false, true} {
			for _, typ := range []CovType{Classical, HC0, HC1, HC2, HC3} {
				t.Run(fmt.Sprintf("seed=%d/blocks=%v/%v", seed, blocks, typ), func(t *testing.T) {
					opt := OLSOptions{Cov: typ}
					var codes []int32
					if blocks {
						opt.Block = labels
						codes, _ = codeLabelsAs[int32](labels)
					}
					res, err := OLS(y, names, x, opt)
					if err != nil {
						t.Fatal(err)
					}
					est, se, resid, h := olsDenseReference(t, y, x, codes, typ)
					if len(res.Coefficients) != len(est) {
						t.Fatalf("%d coefficients, want %d", len(res.Coefficients), len(est))
					}
					for j, c := range res.Coefficients {
						if !scalar.EqualWithinAbsOrRel(c.Estimate, est[j], 0, 1e-10) {
							t.Errorf("%s: estimate %.17g, want %.17g", c.Name, c.Estimate, est[j])
						}
						if !scalar.EqualWithinAbsOrRel(c.SE, se[j], 0, 1e-10) {
							t.Errorf("%s: se %.17g, want %.17g", c.Name, c.SE, se[j])
						}
					}
					for i, e := range res.Residuals {
						if !scalar.EqualWithinAbsOrRel(e, resid[i], 1e-12, 1e-10) {
							t.Fatalf("residual %d = %.17g, want %.17g", i, e, resid[i])
						}
					}
					f, err := olsNewFit(y, names, x, codes)
					if err != nil {
						t.Fatal(err)
					}
					for i := range h {
						if got := robustLeverage(f, i, make([]float64, f.p)); !scalar.EqualWithinAbsOrRel(got, h[i], 0, 1e-10) {
							t.Fatalf("leverage %d = %.17g, want %.17g", i, got, h[i])
						}
					}
				})
			}
		}
	}
}

// TestOLSBlocksMemory checks that an HC2 fit with absorbed blocks allocates
// at most 2 vectors of n float64s for a treatment and one covariate: the
// residuals, the block codes (int32, half a vector) and small change (block
// means, tallQR's chunks). It allocated 14 (demeaned copies of y and the
// columns, the n×2 design by rows, mat.QR's clone of it, the n×2 R that
// mat.QR.RTo returns, int block codes and a copy of them, the QR solve's
// workspace and the leverages), which set the peak memory of analyse on
// 10⁶ rows.
func TestOLSBlocksMemory(t *testing.T) {
	const n = 200_000
	y, x, labels := olsDenseProblem(4, n, 50)
	x = x[:2]
	names := []string{"t", "x1"}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	res, err := OLS(y, names, x, OLSOptions{Cov: HC2, Block: labels})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	got := float64(after.TotalAlloc-before.TotalAlloc) / (8 * n)
	if got > 2 {
		t.Errorf("OLS allocated %.2f vectors of n float64s, want at most 2", got)
	}
	runtime.KeepAlive(res)
}
