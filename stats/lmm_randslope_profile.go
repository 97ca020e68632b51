package stats

import "math"

// lmmRSPoint is the random-slope model profiled over β and σ at one θ,
// with the per-group pieces the derivatives need.
type lmmRSPoint struct {
	lmmPoint
	theta [3]float64 // θ₁₁, θ₂₁, θ₂₂: Λ = [θ₁₁ 0; θ₂₁ θ₂₂]
	ft    []float64  // J by 4, row-major 2 by 2: L_j⁻¹F_j
	pt    []float64  // J by 2q, row-major: L_j⁻¹P_j
}

// at evaluates the profiled deviance at θ (see lmmRSData and
// lmmData.point): with B_j = F_jΛ and L_j the Cholesky factor of
// C_j = I + B_jB_j',
//
//	log|V*| = Σ_j log|C_j|   (= lme4's log|L_θ|², by Sylvester's identity)
//	R(θ)    = the triangular factor of [R_w ; L_1⁻¹P_1 ; ... ; L_J⁻¹P_J]
//
// so that R'R = [X | y]'V*⁻¹[X | y]: q + 2J rows, in O(J q²). θ may be any
// real vector: the deviance depends on ΛΛ' only, which is unchanged when
// a column of Λ changes sign.
func (d *lmmRSData) at(th [3]float64, reml bool) lmmRSPoint {
	J, q := len(d.size), d.q
	pt := lmmRSPoint{theta: th, ft: make([]float64, 4*J), pt: make([]float64, 2*q*J)}
	logDetV := 0.0
	for g := range J {
		f11, f12, f22 := d.fz[3*g], d.fz[3*g+1], d.fz[3*g+2]
		b11, b12 := f11*th[0]+f12*th[1], f12*th[2]
		b21, b22 := f22*th[1], f22*th[2]
		// |C| = 1 + ‖B‖² + |B|², a sum of squares: no cancellation.
		c11 := 1 + b11*b11 + b12*b12
		c21 := b21*b11 + b22*b12
		detB := b11*b22 - b12*b21
		t := b11*b11 + b12*b12 + b21*b21 + b22*b22 + detB*detB
		det := 1 + t
		logDetV += math.Log1p(t)
		l11 := math.Sqrt(c11)
		l21 := c21 / l11
		l22 := math.Sqrt(det / c11)
		// L⁻¹ = [1/l11 0; -l21/(l11 l22) 1/l22]
		ft := pt.ft[4*g : 4*g+4]
		ft[0], ft[1] = f11/l11, f12/l11
		ft[2], ft[3] = -l21*ft[0]/l22, (f22-l21*ft[1])/l22
		p, out := d.pz[2*q*g:2*q*(g+1)], pt.pt[2*q*g:2*q*(g+1)]
		for k := range q {
			out[k] = p[k] / l11
			out[q+k] = (p[q+k] - l21*out[k]) / l22
		}
	}
	rows := q + 2*J
	r := tallQR(rows, q, func(i int, row []float64) {
		if i < q {
			copy(row, d.rw[i*q:i*q+q])
			return
		}
		copy(row, pt.pt[(i-q)*q:(i-q+1)*q])
	})
	pt.lmmPoint = d.point(r, logDetV, reml)
	return pt
}

// lmmRSParts are the sums over the groups from which the derivatives of
// the deviance in θ are made, at one point: with W_j = Z_j'V*_j⁻¹[X_j | y_j]
// = (L_j⁻¹F_j)'(L_j⁻¹P_j), its first p columns U_j = Z_j'V*_j⁻¹X_j,
// e_j = Z_j'V*_j⁻¹(y_j - X_jβ̂) and Q_j = Z_j'V*_j⁻¹Z_j = (L_j⁻¹F_j)'(L_j⁻¹F_j),
//
//	Q = Σ Q_j,   S = Σ U_jM⁻¹U_j',   E = Σ e_je_j',   H_k = Σ h_jk h_jk',  h_jk = U_jM⁻¹e_k
//
// all 2 by 2 (upper triangles, as [a₁₁ a₁₂ a₂₂]), with M = X'V*⁻¹X and β̂
// the fixed effects there.
type lmmRSParts struct {
	beta, rinv, minv []float64 // β̂, R_X⁻¹ and M⁻¹ = R_X⁻¹R_X⁻ᵀ (p by p)
	q, s, e          [3]float64
	h                [][3]float64 // H_k, k < p; only when asked for
}

// parts computes lmmRSParts at pt, H_k too when withH, in O(J p²).
func (d *lmmRSData) parts(pt lmmRSPoint, withH bool) lmmRSParts {
	p, q := d.p, d.q
	var out lmmRSParts
	out.beta, _ = tallQRSolve(pt.r, q) // R_X has no zero on its diagonal: the rank was checked
	out.rinv = lmmTriInverse(pt.r, q, p)
	out.minv = lmmMulABt(out.rinv, out.rinv, p)
	if withH {
		out.h = make([][3]float64, p)
	}
	w := make([]float64, 2*q) // W_j
	v := make([]float64, 2*p) // U_jR_X⁻¹
	for g := range d.size {
		ft, pj := pt.ft[4*g:4*g+4], pt.pt[2*q*g:2*q*(g+1)]
		for k := range q {
			w[k] = ft[0]*pj[k] + ft[2]*pj[q+k]
			w[q+k] = ft[1]*pj[k] + ft[3]*pj[q+k]
		}
		lmmAdd2(&out.q, ft[0], ft[1], ft[2], ft[3])
		e1, e2 := w[p], w[q+p]
		for k := range p {
			e1 -= w[k] * out.beta[k]
			e2 -= w[q+k] * out.beta[k]
		}
		lmmAdd2(&out.e, e1, e2, 0, 0)
		for c := range p {
			v1, v2 := 0.0, 0.0
			for a := 0; a <= c; a++ {
				v1 += w[a] * out.rinv[a*p+c]
				v2 += w[q+a] * out.rinv[a*p+c]
			}
			v[c], v[p+c] = v1, v2
		}
		for c := range p {
			lmmAdd2(&out.s, v[c], v[p+c], 0, 0)
		}
		for k := range out.h {
			// h = U M⁻¹e_k = (U R⁻¹)(R⁻ᵀe_k): row k of R⁻¹, from column k on.
			h1, h2 := 0.0, 0.0
			for c := k; c < p; c++ {
				h1 += v[c] * out.rinv[k*p+c]
				h2 += v[p+c] * out.rinv[k*p+c]
			}
			lmmAdd2(&out.h[k], h1, h2, 0, 0)
		}
	}
	return out
}

// lmmAdd2 adds aa' + bb' to the 2 by 2 upper triangle m, a = (a1, a2),
// b = (b1, b2).
func lmmAdd2(m *[3]float64, a1, a2, b1, b2 float64) {
	m[0] += a1*a1 + b1*b1
	m[1] += a1*a2 + b1*b2
	m[2] += a2*a2 + b2*b2
}

// lmmRSGradient returns ∂/∂θ of Σ_j tr(G ∂(ΛΛ')) for the symmetric 2 by 2
// G (upper triangle): tr(G ∂(ΛΛ')/∂θ_m) = 2 (GΛ)_m at Λ's elements
// (1,1), (2,1), (2,2). Every derivative of the deviance in θ is of this
// form (see profiledGradient).
func lmmRSGradient(g [3]float64, th [3]float64) [3]float64 {
	return [3]float64{
		2 * (g[0]*th[0] + g[1]*th[1]),
		2 * (g[1]*th[0] + g[2]*th[1]),
		2 * g[2] * th[2],
	}
}

// gradient returns the derivative in θ of the deviance at fixed σ² (w =
// 1/σ²) or profiled over σ² (w = k/r²),
//
//	∂/∂θ (log|V*| [+ log|M|] + w r²) = tr(G ∂D/∂θ),   D = ΛΛ',
//	G = Q [- S] - w E
//
// since ∂V* = Z ∂D Z', ∂log|V*| = Σ tr(Q_j ∂D), ∂M = -Σ U_j'∂D U_j and,
// β̂ being optimal, ∂r² = -Σ e_j'∂D e_j (lmmRSParts; the bracketed terms
// for REML).
func (pp lmmRSParts) gradient(th [3]float64, reml bool, w float64) [3]float64 {
	var g [3]float64
	for i := range g {
		g[i] = pp.q[i] - w*pp.e[i]
		if reml {
			g[i] -= pp.s[i]
		}
	}
	return lmmRSGradient(g, th)
}

// profiledGradient is the gradient in θ of the profiled deviance
// lmmPoint.dev, whose σ̂² = r²/k.
func (d *lmmRSData) profiledGradient(pt lmmRSPoint) [3]float64 {
	return d.parts(pt, false).gradient(pt.theta, pt.reml, pt.k/pt.pwrss)
}
