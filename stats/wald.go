package stats

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distuv"
)

// waldMaxCond is the condition number of the covariance above which Wald
// takes it to be singular (R's solve() refuses a reciprocal condition number
// below the machine epsilon, about 2.2e-16).
const waldMaxCond = 1e15

// WaldResult is a Wald test that several coefficients are all zero.
type WaldResult struct {
	// Statistic is W, DF its degrees of freedom q (the number of
	// coefficients tested), and P the upper tail of χ²_q at W.
	Statistic, DF, P float64
}

// Wald tests that every element of the estimates b is zero, given their
// covariance V (from a robust or cluster-robust estimator or any other):
//
//	W = b' V⁻¹ b,   p = P(χ²_q ≥ W),   q = len(b),
//
// the asymptotic chi-square form of the test, as
// car::linearHypothesis(fit, terms, test = "Chisq") computes it from
// vcov(fit) [1], for an estimatr::lm_robust fit with its HC or CR2
// covariance. V⁻¹b is found by a Cholesky factorisation.
//
// Special cases:
//
//	V not positive definite, or with a condition  → error wrapping ErrSingular
//	  number above 1e15 (a coefficient with zero
//	  variance, or collinear errors)
//	a NaN or ±Inf in b or V                       → error wrapping ErrDomain
//
// Wald panics if b is empty or V is not len(b) × len(b).
//
// [1] Fox, J. and Weisberg, S. (2019). An R Companion to Applied
// Regression, 3rd ed. Sage, section 5.3.5; car 3.1-1, linearHypothesis.
func Wald(b []float64, v mat.Symmetric) (WaldResult, error) {
	q := len(b)
	if q == 0 {
		panic("stats: no coefficients to test")
	}
	if v.SymmetricDim() != q {
		panic("stats: slice length mismatch")
	}
	for i, x := range b {
		ok := !math.IsNaN(x) && !math.IsInf(x, 0)
		for j := 0; j <= i && ok; j++ {
			ok = !math.IsNaN(v.At(i, j)) && !math.IsInf(v.At(i, j), 0)
		}
		if !ok {
			return WaldResult{}, fmt.Errorf("%w: a NaN or infinite estimate or covariance in the Wald test", ErrDomain)
		}
	}
	var chol mat.Cholesky
	if !chol.Factorize(v) || chol.Cond() > waldMaxCond {
		return WaldResult{}, fmt.Errorf("%w: the covariance of the %d coefficients tested is not positive definite", ErrSingular, q)
	}
	var x mat.VecDense
	bv := mat.NewVecDense(q, append([]float64(nil), b...))
	if err := chol.SolveVecTo(&x, bv); err != nil {
		return WaldResult{}, fmt.Errorf("%w: the covariance of the %d coefficients tested is not positive definite", ErrSingular, q)
	}
	w := mat.Dot(bv, &x)
	df := float64(q)
	return WaldResult{Statistic: w, DF: df, P: distuv.ChiSquared{K: df}.Survival(w)}, nil
}

// Wald tests that the coefficients called names are all zero, by Wald with
// their estimates and the submatrix of r.Cov (the fit's robust covariance).
// It panics if a name is not a coefficient of r or no name is given. An
// exact fit (r.ExactFit) has no covariance: an error wrapping
// ErrZeroVariance.
func (r *OLSResult) Wald(names ...string) (WaldResult, error) {
	idx := make([]int, len(names))
	for k, name := range names {
		idx[k] = -1
		for j, c := range r.Coefficients {
			if c.Name == name {
				idx[k] = j
			}
		}
		if idx[k] < 0 {
			panic(fmt.Sprintf("stats: no coefficient %q", name))
		}
	}
	if r.ExactFit {
		return WaldResult{}, errExactFit
	}
	b := make([]float64, len(idx))
	v := mat.NewSymDense(max(len(idx), 1), nil)
	for a, i := range idx {
		b[a] = r.Coefficients[i].Estimate
		for c, j := range idx[:a+1] {
			v.SetSym(a, c, r.Cov.At(i, j))
		}
	}
	return Wald(b, v)
}
