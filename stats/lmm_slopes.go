package stats

import "math"

// lmmSlopes are the fixed effects at one λ and the derivatives in λ of the
// parts of the deviance, all in closed form. With d_j = 1 + λn_j,
// c_j = n_j/d_j, x̄_j the group's mean row of X and r = y - Xβ̂(λ),
//
//	u_j = n_j x̄_j / d_j = X_j'V*_j⁻¹1,   e_j = 1'V*_j⁻¹r_j = n_j(ȳ_j - x̄_j'β̂)/d_j
//	M = X'V*⁻¹X,   S = Σ u_j u_j',   S_c = Σ c_j u_j u_j',   b = Σ e_j u_j
//
// the derivatives are
//
//	(log|V*|)'  = Σ c_j                 (log|V*|)'' = -Σ c_j²
//	(log|M|)'   = -tr(M⁻¹S)             (log|M|)''  = 2 tr(M⁻¹S_c) - tr((M⁻¹S)²)
//	(r²)'       = -Σ e_j²               (r²)''      = 2 Σ c_j e_j² - 2 b'M⁻¹b
//	(M⁻¹)'      = M⁻¹SM⁻¹
//
// since M' = -S and M” = 2S_c; (r²)' is r'(V*⁻¹)'r by the envelope theorem,
// and (r²)” adds the change of β̂, β̂' = -M⁻¹b.
type lmmSlopes struct {
	beta          []float64
	rinv          []float64 // R_X⁻¹, p by p, upper triangular, row-major
	minv          []float64 // M⁻¹ = R_X⁻¹R_X⁻ᵀ, p by p
	dminv         []float64 // (M⁻¹)' = M⁻¹SM⁻¹, p by p
	dLogV, d2LogV float64
	dLogM, d2LogM float64
	dP, d2P       float64
}

// slopes computes lmmSlopes at the point pt, in O(J p² + p³).
func (d *lmmData) slopes(pt lmmPoint) lmmSlopes {
	p, q := d.p, d.q
	sl := lmmSlopes{}
	sl.beta, _ = tallQRSolve(pt.r, q) // R_X has no zero on its diagonal: the rank was checked
	sl.rinv = lmmTriInverse(pt.r, q, p)
	s := make([]float64, p*p)
	sc := make([]float64, p*p)
	b := make([]float64, p)
	u := make([]float64, p)
	var sumE2, sumCE2 float64
	for g, nj := range d.size {
		dj := 1 + pt.lambda*nj
		cj := nj / dj
		m := d.mean[g*q : g*q+q]
		fit := 0.0
		for k := range p {
			u[k] = nj * m[k] / dj
			fit += m[k] * sl.beta[k]
		}
		e := nj * (m[p] - fit) / dj
		sl.dLogV += cj
		sl.d2LogV -= cj * cj
		sumE2 += e * e
		sumCE2 += cj * e * e
		for a := range p {
			b[a] += e * u[a]
			for c := a; c < p; c++ {
				s[a*p+c] += u[a] * u[c]
				sc[a*p+c] += cj * u[a] * u[c]
			}
		}
	}
	lmmSymmetrise(s, p)
	lmmSymmetrise(sc, p)
	sl.minv = lmmMulABt(sl.rinv, sl.rinv, p)
	// T = R⁻ᵀSR⁻¹ is M⁻¹S up to similarity: tr(M⁻¹S) = tr T, tr((M⁻¹S)²) = ‖T‖².
	t := lmmCongruence(sl.rinv, s, p)
	tc := lmmCongruence(sl.rinv, sc, p)
	var trT, trTc, t2 float64
	for a := range p {
		trT += t[a*p+a]
		trTc += tc[a*p+a]
		for c := range p {
			t2 += t[a*p+c] * t[a*p+c]
		}
	}
	sl.dLogM = -trT
	sl.d2LogM = 2*trTc - t2
	sl.dP = -sumE2
	// b'M⁻¹b = ‖R⁻ᵀb‖².
	bmb := 0.0
	for c := range p {
		v := 0.0
		for a := 0; a <= c; a++ {
			v += sl.rinv[a*p+c] * b[a]
		}
		bmb += v * v
	}
	sl.d2P = 2*sumCE2 - 2*bmb
	// (M⁻¹)' = R⁻¹ T R⁻ᵀ.
	sl.dminv = lmmCongruence(lmmTranspose(sl.rinv, p), t, p)
	return sl
}

// profiledSlope returns the first and second derivatives in λ of the
// profiled deviance lmmPoint.dev,
//
//	d' = (log|V*|)' [+ (log|M|)'] + k (r²)'/r²
//	d'' = (log|V*|)'' [+ (log|M|)''] + k ((r²)''/r² - ((r²)'/r²)²)
//
// the bracketed terms for REML only.
func (sl lmmSlopes) profiledSlope(pt lmmPoint) (d1, d2 float64) {
	g := sl.dP / pt.pwrss
	d1 = sl.dLogV + pt.k*g
	d2 = sl.d2LogV + pt.k*(sl.d2P/pt.pwrss-g*g)
	if pt.reml {
		d1 += sl.dLogM
		d2 += sl.d2LogM
	}
	return d1, d2
}

// lmmTriInverse returns the inverse of the leading p by p block of the
// upper-triangular q by q matrix r (row-major), by back substitution.
func lmmTriInverse(r []float64, q, p int) []float64 {
	inv := make([]float64, p*p)
	for c := p - 1; c >= 0; c-- {
		inv[c*p+c] = 1 / r[c*q+c]
		for a := c - 1; a >= 0; a-- {
			v := 0.0
			for k := a + 1; k <= c; k++ {
				v += r[a*q+k] * inv[k*p+c]
			}
			inv[a*p+c] = -v / r[a*q+a]
		}
	}
	return inv
}

// lmmMulABt returns AB' for p by p matrices (row-major).
func lmmMulABt(a, b []float64, p int) []float64 {
	out := make([]float64, p*p)
	for i := range p {
		for j := range p {
			v := 0.0
			for k := range p {
				v += a[i*p+k] * b[j*p+k]
			}
			out[i*p+j] = v
		}
	}
	return out
}

// lmmCongruence returns A'SA for p by p matrices (row-major), S symmetric.
func lmmCongruence(a, s []float64, p int) []float64 {
	sa := make([]float64, p*p)
	for i := range p {
		for j := range p {
			v := 0.0
			for k := range p {
				v += s[i*p+k] * a[k*p+j]
			}
			sa[i*p+j] = v
		}
	}
	out := make([]float64, p*p)
	for i := range p {
		for j := i; j < p; j++ {
			v := 0.0
			for k := range p {
				v += a[k*p+i] * sa[k*p+j]
			}
			out[i*p+j], out[j*p+i] = v, v
		}
	}
	return out
}

// lmmTranspose returns A' for a p by p matrix (row-major).
func lmmTranspose(a []float64, p int) []float64 {
	out := make([]float64, p*p)
	for i := range p {
		for j := range p {
			out[j*p+i] = a[i*p+j]
		}
	}
	return out
}

// lmmSymmetrise copies the upper triangle of a p by p matrix to the lower.
func lmmSymmetrise(a []float64, p int) {
	for i := range p {
		for j := i + 1; j < p; j++ {
			a[j*p+i] = a[i*p+j]
		}
	}
}

// lmmFinite reports whether every value is finite.
func lmmFinite(v ...float64) bool {
	for _, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}
