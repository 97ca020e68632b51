package stats

import "math"

// glmCholCondMax bounds the condition number of the scaled normal
// equations that glmCholSolve accepts. Solving the normal equations loses
// about log10 κ digits where QR of the weighted design loses about half as
// many [1], so with κ ≤ 1e5 the Cholesky solution agrees with the QR one to
// about κ ε ≈ 2e-11 relative; a worse-conditioned (near-singular) system is
// left to QR.
//
// [1] Higham, N. J. (2002). Accuracy and Stability of Numerical Algorithms,
// 2nd ed. SIAM, sections 10.1 and 20.4.
const glmCholCondMax = 1e5

// glmCholSolve solves the p by p symmetric positive-definite system
// A β = b (A row-major, full) by Cholesky's method on the equilibrated
// matrix S = D A D, D = diag(A_jj^(-1/2)), so that S has a unit diagonal:
//
//	S = L L',   β = D L'⁻¹ L⁻¹ D b,   A⁻¹ = D L'⁻¹ L⁻¹ D.
//
// It returns β and A⁻¹ (row-major), or ok false when the pivot check fails
// (a pivot of S, the squared sine of the angle between a column and those
// before it, below 1/glmCholCondMax) or when the 1-norm condition number
// ‖S‖₁ ‖S⁻¹‖₁ exceeds glmCholCondMax: the cases the caller solves by QR.
// A and b are not modified.
func glmCholSolve(a, b []float64, p int) (beta, inv []float64, ok bool) {
	scale := make([]float64, p)
	for j := range p {
		v := a[j*p+j]
		if !(v > 0) || math.IsInf(v, 0) {
			return nil, nil, false
		}
		scale[j] = 1 / math.Sqrt(v)
	}
	// l holds the lower triangle of the factor, row-major.
	l := make([]float64, p*p)
	for j := range p {
		for i := j; i < p; i++ {
			s := a[i*p+j] * scale[i] * scale[j]
			for k := range j {
				s -= l[i*p+k] * l[j*p+k]
			}
			if i == j {
				if !(s >= 1/glmCholCondMax) {
					return nil, nil, false
				}
				l[j*p+j] = math.Sqrt(s)
			} else {
				l[i*p+j] = s / l[j*p+j]
			}
		}
	}
	// li = L⁻¹, lower triangular, by forward substitution on the identity.
	li := make([]float64, p*p)
	for c := range p {
		for i := c; i < p; i++ {
			s := 0.0
			if i == c {
				s = 1
			}
			for k := c; k < i; k++ {
				s -= l[i*p+k] * li[k*p+c]
			}
			li[i*p+c] = s / l[i*p+i]
		}
	}
	// S⁻¹ = L⁻ᵀ L⁻¹.
	inv = make([]float64, p*p)
	for i := range p {
		for j := i; j < p; j++ {
			s := 0.0
			for k := j; k < p; k++ {
				s += li[k*p+i] * li[k*p+j]
			}
			inv[i*p+j], inv[j*p+i] = s, s
		}
	}
	if glmNorm1(a, scale, p)*glmNorm1(inv, nil, p) > glmCholCondMax {
		return nil, nil, false
	}
	// β = D L⁻ᵀ (L⁻¹ (D b)) by forward and back substitution.
	u := make([]float64, p)
	for i := range p {
		s := b[i] * scale[i]
		for k := range i {
			s -= l[i*p+k] * u[k]
		}
		u[i] = s / l[i*p+i]
	}
	beta = make([]float64, p)
	for i := p - 1; i >= 0; i-- {
		s := u[i]
		for k := i + 1; k < p; k++ {
			s -= l[k*p+i] * beta[k]
		}
		beta[i] = s / l[i*p+i]
	}
	for i := range p {
		beta[i] *= scale[i]
		for j := range p {
			inv[i*p+j] *= scale[i] * scale[j]
		}
	}
	return beta, inv, true
}

// glmNorm1 is the 1-norm (largest column sum of absolute values) of the p
// by p matrix m, or of D m D with D = diag(scale) when scale is not nil.
func glmNorm1(m, scale []float64, p int) float64 {
	best := 0.0
	for j := range p {
		s := 0.0
		for i := range p {
			v := math.Abs(m[i*p+j])
			if scale != nil {
				v *= scale[i] * scale[j]
			}
			s += v
		}
		best = math.Max(best, s)
	}
	return best
}
