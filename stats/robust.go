package stats

import "gonum.org/v1/gonum/mat"

// robustLeverageOne is how close to 1 a leverage may come before the
// observation is treated as fitted exactly (its residual is then zero to
// working precision and it adds nothing to the HC2 and HC3 meat, as in
// estimatr, which replaces the resulting non-finite weight by 0).
const robustLeverageOne = 1e-12

// robustLeverages returns h_ii, the diagonal of the hat matrix of the full
// design: ‖R⁻ᵀx_i‖², plus 1/n_b when the blocks of sizes n_b are absorbed.
func robustLeverages(f *olsFit) []float64 {
	h := make([]float64, f.n)
	p, ri := f.p, f.rinvRaw
	for i := range h {
		xi := f.row(i)
		s := 0.0
		// z = R⁻ᵀ x_i, i.e. z_k = Σ_{j≤k} R⁻¹_{jk} x_ij.
		for k := 0; k < p; k++ {
			zk := 0.0
			for j := 0; j <= k; j++ {
				zk += ri[j*p+k] * xi[j]
			}
			s += zk * zk
		}
		if f.blockOf != nil {
			s += 1 / f.blockN[f.blockOf[i]]
		}
		h[i] = s
	}
	return h
}

// robustCov returns the classical or heteroskedasticity-consistent covariance
// of the coefficients of f (see OLS for the formulas).
func robustCov(f *olsFit, typ CovType) *mat.SymDense {
	p := f.p
	if typ == Classical {
		s2 := 0.0
		for _, e := range f.resid {
			s2 += e * e
		}
		s2 /= f.dfResid
		cov := mat.NewSymDense(p, nil)
		cov.ScaleSym(s2, f.minv)
		return cov
	}
	var h []float64
	if typ == HC2 || typ == HC3 {
		h = robustLeverages(f)
	}
	meat := make([]float64, p*p)
	for i, e := range f.resid {
		w := e * e
		switch typ {
		case HC2:
			if d := 1 - h[i]; d > robustLeverageOne {
				w /= d
			} else {
				w = 0
			}
		case HC3:
			if d := 1 - h[i]; d > robustLeverageOne {
				w /= d * d
			} else {
				w = 0
			}
		}
		if w == 0 {
			continue
		}
		xi := f.row(i)
		for a := 0; a < p; a++ {
			wa := w * xi[a]
			row := meat[a*p : a*p+p]
			for b := a; b < p; b++ {
				row[b] += wa * xi[b]
			}
		}
	}
	if typ == HC1 {
		scale := float64(f.n) / f.dfResid
		for k := range meat {
			meat[k] *= scale
		}
	}
	return robustSandwich(f.minv, meat)
}

// robustSandwich returns M S M for symmetric M and S, S given by its upper
// triangle in row-major order.
func robustSandwich(m *mat.SymDense, upper []float64) *mat.SymDense {
	p := m.SymmetricDim()
	s := mat.NewSymDense(p, nil)
	for a := 0; a < p; a++ {
		for b := a; b < p; b++ {
			s.SetSym(a, b, upper[a*p+b])
		}
	}
	var tmp, out mat.Dense
	tmp.Mul(m, s)
	out.Mul(&tmp, m)
	cov := mat.NewSymDense(p, nil)
	for a := 0; a < p; a++ {
		for b := a; b < p; b++ {
			cov.SetSym(a, b, (out.At(a, b)+out.At(b, a))/2)
		}
	}
	return cov
}
