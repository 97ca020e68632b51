package stats

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// satterthwaite returns the Satterthwaite df of each fixed effect of the
// random-slope model as lmerTest's summary computes them [2, 3] (the
// references are LMM's), in lmerTest's parametrisation (θ, σ): for
// c = e_k and Φ(θ, σ) = σ² M(θ)⁻¹,
//
//	df = 2 (c'Φc)² / (g'Ag),   g = ∂(c'Φc)/∂(θ, σ),   A = 2 H⁺
//	D(θ, σ) = log|V*| [+ log|M|] + k log(2πσ²) + r²(θ)/σ²
//
// H the Hessian of D (profiled over β only) at the fit. g is in closed
// form (lmmRSParts),
//
//	∂(c'Φc)/∂θ = σ² tr(H_k ∂D/∂θ),   ∂(c'Φc)/∂σ = 2 c'Φc/σ
//
// and so are H's σ row, ∂²D/∂θ∂σ = -2 (∂r²/∂θ)/σ³ and
// ∂²D/∂σ² = -2k/σ² + 6r²/σ⁴; its θ block is the Jacobian of the analytic
// ∂D/∂θ at fixed σ by Richardson's extrapolation (lmmRSJacobian), where
// lmerTest differentiates D itself twice numerically. As for LMM, H⁺ is
// the inverse on the positive eigenvalues of H scaled to a unit diagonal
// (lmmScaledPseudoInverse), so that the df do not depend on the data's
// units.
func (d *lmmRSData) satterthwaite(pt lmmRSPoint, pp lmmRSParts) []float64 {
	s2 := pt.sigma2()
	s := math.Sqrt(s2)
	th := pt.theta
	htt := lmmRSJacobian(func(t [3]float64) [3]float64 {
		return d.parts(d.at(t, pt.reml), false).gradient(t, pt.reml, 1/s2)
	}, th)
	dr := lmmRSGradient(pp.e, th) // -∂r²/∂θ
	h := mat.NewSymDense(4, nil)
	for i := range 3 {
		for j := i; j < 3; j++ {
			h.SetSym(i, j, (htt[i][j]+htt[j][i])/2)
		}
		h.SetSym(i, 3, 2*dr[i]/(s2*s))
	}
	h.SetSym(3, 3, -2*pt.k/s2+6*pt.pwrss/(s2*s2))
	a := lmmScaledPseudoInverse(h)
	p := d.p
	df := make([]float64, p)
	g := make([]float64, 4)
	for k := range p {
		v := s2 * pp.minv[k*p+k]
		gt := lmmRSGradient(pp.h[k], th)
		for i := range 3 {
			g[i] = s2 * gt[i]
		}
		g[3] = 2 * v / s
		den := 0.0
		for i := range 4 {
			for j := range 4 {
				den += g[i] * a.At(i, j) * g[j]
			}
		}
		df[k] = 2 * v * v / (2 * den)
	}
	return df
}

// lmmScaledPseudoInverse returns S (SHS)⁺ S for the symmetric H and
// S = diag(|h_ii|^(-1/2)) (1 where h_ii is 0), (SHS)⁺ the inverse on the
// eigenvectors whose eigenvalues are above lmmEigenTol: the n by n form of
// lmmScaledPseudoInverse2. It returns zeros if the eigenvalues cannot be
// found.
func lmmScaledPseudoInverse(h *mat.SymDense) *mat.SymDense {
	n := h.SymmetricDim()
	sc := make([]float64, n)
	for i := range n {
		sc[i] = 1
		if v := h.At(i, i); v != 0 {
			sc[i] = 1 / math.Sqrt(math.Abs(v))
		}
	}
	shs := mat.NewSymDense(n, nil)
	for i := range n {
		for j := i; j < n; j++ {
			shs.SetSym(i, j, sc[i]*h.At(i, j)*sc[j])
		}
	}
	out := mat.NewSymDense(n, nil)
	var eig mat.EigenSym
	if !eig.Factorize(shs, true) {
		return out
	}
	vals := eig.Values(nil)
	var vecs mat.Dense
	eig.VectorsTo(&vecs)
	for k, l := range vals {
		if !(l > lmmEigenTol) {
			continue
		}
		for i := range n {
			for j := i; j < n; j++ {
				out.SetSym(i, j, out.At(i, j)+sc[i]*vecs.At(i, k)*vecs.At(j, k)*sc[j]/l)
			}
		}
	}
	return out
}
