package stats

import "math"

// lmmEigenTol is the size below which an eigenvalue of the deviance's
// Hessian, scaled to a unit diagonal, counts as zero (lmerTest uses 1e-8 on
// the unscaled Hessian).
const lmmEigenTol = 1e-8

// satterthwaite returns the Satterthwaite df of each fixed effect as
// lmerTest's summary computes them [2, 3]: for the contrast c = e_k,
//
//	df = 2 (c'Φc)² / (g'Ag),   g = ∂(c'Φc)/∂(θ, σ),   A = 2 H⁻¹
//
// with Φ(θ, σ) = σ² M(θ)⁻¹ the fixed effects' covariance and H the Hessian
// of the deviance D(θ, σ) (REML or ML, profiled over β only) at the fit:
//
//	D = log|V*| [+ log|M|] + k log(2πσ²) + r²(λ)/σ²,   λ = θ²
//	∂²D/∂θ² = 2 D_λ + 4θ² D_λλ,   ∂²D/∂θ∂σ = -4θ (r²)'/σ³,   ∂²D/∂σ² = -2k/σ² + 6r²/σ⁴
//	D_λ = (log|V*|)' [+ (log|M|)'] + (r²)'/σ²,   D_λλ the same with second derivatives
//	∂(c'Φc)/∂θ = 2θ σ² c'(M⁻¹)'c,   ∂(c'Φc)/∂σ = 2 c'Φc/σ
//
// all in closed form (lmmSlopes), where lmerTest differentiates
// numerically (numDeriv's Richardson extrapolation). As in lmerTest, H is
// inverted on its positive eigenvalues only. lmerTest's df depend on the
// outcome's units when σ is far from 1: numDeriv steps σ by an absolute
// 1e-4 when |σ| < 1.8e-5, and an eigenvalue of H below 1e-8 is dropped,
// which ∂²D/∂σ² = 4k/σ² is once σ is above about 1e4 (testdata/r/lmm.R
// shows both: balanced.csv's y times 1e-6 gives df near 3, times 1e6 a df
// of 45824 for x, against 148.9 and 185.5). Here the eigenvalues are those
// of H scaled to a unit diagonal, S H S with S = diag(|H_ii|^(-1/2)), and
// H⁻¹ is S (SHS)⁺ S: the inverse whenever H is positive definite, in any
// units. At θ = 0 the θ-gradient vanishes and df = k (n - p for REML, n for
// ML).
func (d *lmmData) satterthwaite(opt lmmOptimum, sl lmmSlopes) []float64 {
	pt, theta := opt.pt, opt.theta
	s2 := pt.sigma2()
	s := math.Sqrt(s2)
	dl := sl.dLogV + sl.dP/s2
	dll := sl.d2LogV + sl.d2P/s2
	if pt.reml {
		dl += sl.dLogM
		dll += sl.d2LogM
	}
	htt := 2*dl + 4*theta*theta*dll
	hts := -4 * theta * sl.dP / (s2 * s)
	hss := -2*pt.k/s2 + 6*pt.pwrss/(s2*s2)
	a := lmmScaledPseudoInverse2(htt, hts, hss)
	p := d.p
	df := make([]float64, p)
	for k := range p {
		v := s2 * sl.minv[k*p+k]
		gt := 2 * theta * s2 * sl.dminv[k*p+k]
		gs := 2 * v / s
		den := 2 * (gt*gt*a[0] + 2*gt*gs*a[1] + gs*gs*a[2])
		df[k] = 2 * v * v / den
	}
	return df
}

// lmmScaledPseudoInverse2 returns S (SHS)⁺ S for H = [h₁₁ h₁₂; h₁₂ h₂₂]
// and S = diag(|h_ii|^(-1/2)) (1 where h_ii is 0), as its upper triangle.
func lmmScaledPseudoInverse2(h11, h12, h22 float64) [3]float64 {
	s1, s2 := 1.0, 1.0
	if h11 != 0 {
		s1 = 1 / math.Sqrt(math.Abs(h11))
	}
	if h22 != 0 {
		s2 = 1 / math.Sqrt(math.Abs(h22))
	}
	a := lmmPseudoInverse2(s1*s1*h11, s1*s2*h12, s2*s2*h22)
	return [3]float64{s1 * s1 * a[0], s1 * s2 * a[1], s2 * s2 * a[2]}
}

// lmmPseudoInverse2 returns the upper triangle (a₁₁, a₁₂, a₂₂) of the
// inverse of the symmetric matrix [h₁₁ h₁₂; h₁₂ h₂₂] on the eigenvectors
// whose eigenvalues are above lmmEigenTol; the rest are dropped, as a
// generalised inverse.
func lmmPseudoInverse2(h11, h12, h22 float64) [3]float64 {
	m := (h11 + h22) / 2
	r := math.Hypot((h11-h22)/2, h12)
	l1, l2 := m+r, m-r
	if l1 > 0 && math.Abs(l2) < math.Abs(l1) {
		l2 = (h11*h22 - h12*h12) / l1 // without the cancellation in m - r
	}
	keep := func(l float64) bool { return l > lmmEigenTol }
	if keep(l1) && keep(l2) {
		det := h11*h22 - h12*h12
		return [3]float64{h22 / det, -h12 / det, h11 / det}
	}
	var out [3]float64
	for _, l := range []float64{l1, l2} {
		if !keep(l) {
			continue
		}
		// An eigenvector for l: (h₁₂, l - h₁₁) or (l - h₂₂, h₁₂), the
		// larger of the two.
		v1, v2 := h12, l-h11
		if w1, w2 := l-h22, h12; math.Hypot(w1, w2) > math.Hypot(v1, v2) {
			v1, v2 = w1, w2
		}
		if nv := math.Hypot(v1, v2); nv > 0 {
			v1, v2 = v1/nv, v2/nv
		} else {
			// A multiple of the identity: any basis.
			v1, v2 = 1, 0
			if l == l2 {
				v1, v2 = 0, 1
			}
		}
		out[0] += v1 * v1 / l
		out[1] += v1 * v2 / l
		out[2] += v2 * v2 / l
	}
	return out
}
