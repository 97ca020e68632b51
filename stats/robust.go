package stats

import "gonum.org/v1/gonum/mat"

// robustLeverageOne is how close to 1 a leverage may come before the
// observation is treated as fitted exactly (its residual is then zero to
// working precision and it adds nothing to the HC2 and HC3 meat, as in
// estimatr, which replaces the resulting non-finite weight by 0).
const robustLeverageOne = 1e-12

// robustLeverage returns h_ii, element i of the diagonal of the hat matrix
// of the full design: ‖R⁻ᵀx_i‖², plus 1/n_b when the blocks of sizes n_b are
// absorbed. row is scratch of p elements; it is left holding x_i.
func robustLeverage(f *olsFit, i int, row []float64) float64 {
	p, ri := f.p, f.rinvRaw
	xi := f.rowTo(i, row)
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
	return s
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
	acc := robustNewAccumulator(f.minv)
	row := make([]float64, p)
	for i, e := range f.resid {
		w := e * e
		switch typ {
		case HC2:
			if d := 1 - robustLeverage(f, i, row); d > robustLeverageOne {
				w /= d
			} else {
				w = 0
			}
		case HC3:
			if d := 1 - robustLeverage(f, i, row); d > robustLeverageOne {
				w /= d * d
			} else {
				w = 0
			}
		default:
			f.rowTo(i, row)
		}
		if w != 0 {
			acc.add(w, row)
		}
	}
	scale := 1.0
	if typ == HC1 {
		scale = float64(f.n) / f.dfResid
	}
	return acc.cov(scale)
}

// robustAccumulator sums w (Mx)(Mx)' over vectors x for a symmetric M: the
// sandwich M (Σ w x x') M accumulated as a sum of squares, so that its
// diagonal cannot come out negative by rounding.
type robustAccumulator struct {
	p   int
	m   []float64 // M by rows
	v   []float64 // scratch for Mx
	sum []float64 // upper triangle by rows
}

func robustNewAccumulator(m *mat.SymDense) *robustAccumulator {
	p := m.SymmetricDim()
	a := &robustAccumulator{p: p, m: make([]float64, p*p), v: make([]float64, p), sum: make([]float64, p*p)}
	for i := 0; i < p; i++ {
		for j := 0; j < p; j++ {
			a.m[i*p+j] = m.At(i, j)
		}
	}
	return a
}

// add accumulates w (Mx)(Mx)'.
func (a *robustAccumulator) add(w float64, x []float64) {
	p := a.p
	for i := 0; i < p; i++ {
		s := 0.0
		row := a.m[i*p : i*p+p]
		for j, xj := range x {
			s += row[j] * xj
		}
		a.v[i] = s
	}
	for i := 0; i < p; i++ {
		wi := w * a.v[i]
		row := a.sum[i*p : i*p+p]
		for j := i; j < p; j++ {
			row[j] += wi * a.v[j]
		}
	}
}

// cov returns scale times the accumulated matrix.
func (a *robustAccumulator) cov(scale float64) *mat.SymDense {
	c := mat.NewSymDense(a.p, nil)
	for i := 0; i < a.p; i++ {
		for j := i; j < a.p; j++ {
			c.SetSym(i, j, scale*a.sum[i*a.p+j])
		}
	}
	return c
}
