package stats

import (
	"fmt"
	"math"
	"runtime"
	"sync"

	"gonum.org/v1/gonum/mat"
)

// cr2LeverageOne is how close to 1 an eigenvalue of a cluster's block of the
// hat matrix may come before (I - H_gg)^(-1/2) is taken to be undefined.
const cr2LeverageOne = 1e-10

// cr2DenseBlocks is the number of absorbed blocks up to which the
// Bell-McCaffrey sums over pairs of blocks are kept in a dense matrix.
const cr2DenseBlocks = 500

// cr2Result is the CR2 covariance with its Bell-McCaffrey degrees of freedom.
type cr2Result struct {
	cov      *mat.SymDense
	df       []float64
	clusters int
}

// cr2Cluster holds what one cluster contributes.
type cr2Cluster struct {
	u      []float64 // X_g' A_g e_g
	d      []float64 // d_gj = ‖A_g X_g m_j‖², one per coefficient
	w      []float64 // w_gj (row j, q entries), see cr2Compute
	blocks []int     // global block of each local block coordinate
	q      int
}

// cr2Compute returns the CR2 covariance of the coefficients of f and, when
// wantDF, the Bell-McCaffrey degrees of freedom of each coefficient as
// estimatr::lm_robust(..., se_type = "CR2") computes them.
//
// Everything is done in the dimension of the coefficients. Write the full
// design (block dummies included) in the basis W = [X̃, D], where X̃ are the
// fitted columns (demeaned within blocks when blocks are absorbed) and D the
// block dummies; X̃ ⟂ D, so (W'W)⁻¹ = K = diag((X̃'X̃)⁻¹, 1/n_b) and H = WKW'.
// With K = LL' (L = diag(R⁻¹, n_b^(-1/2))) and B_g = W_g L,
//
//	H_gg = B_g B_g',  C_g = B_g'B_g = L'W_g'W_g L = V diag(λ) V'
//	(I - H_gg)^(-1/2) = I + B_g V diag(φ(λ)) V' B_g',  φ(λ) = 1/(√(1-λ)(1+√(1-λ)))
//	(I - H_gg)^(-1)   = I + B_g (I - C_g)⁻¹ B_g'
//
// so a cluster needs only the cross-products W_g'W_g and W_g'e_g. For
// coefficient j with m_j the j-th column of M = (X̃'X̃)⁻¹, estimatr's df
// (lm_robust_helper.cpp: P_array = H3'H3 - uf - uf' + diag(P_diags), whose
// H1, H2 and H3 coincide without weights) is tr(P)²/‖P‖²_F for the J×J
// matrix P = diag(d) - UU', with d_g = ‖ℓ_g‖², ℓ_g = A_g X̃_g m_j (the same
// n-vector in any basis of the design, by Frisch-Waugh-Lovell) and
// u_g·u_h = ℓ_g'H_gh ℓ_h. In the W basis u_g is
// w_g = L'W_g'ℓ_g = V diag((1-λ)^(-1/2)) V' L'W_g'X̃_g m_j, and
//
//	tr(P)   = Σ_g d_g - Σ_g ‖w_g‖²
//	‖P‖²_F  = Σ_g d_g² - 2 Σ_g d_g ‖w_g‖² + ‖Σ_g w_g w_g'‖²_F
//
// where the last term splits into the covariate part a_g and the sparse
// block part b_g of w_g: ‖Σ a a'‖² + 2 Σ_b ‖Σ_g b_g[b] a_g‖² + ‖Σ b b'‖².
// No n-by-n or J-by-J matrix is formed. Clusters are processed in parallel.
// Directions with λ = 1 are handled in cluster (see there). References: Bell
// and McCaffrey (2002), see OLS; Pustejovsky, J. E. and Tipton, E. (2018).
// Small-sample methods for cluster-robust variance estimation and hypothesis
// testing in fixed effects models. J. Bus. Econ. Stat. 36(4), 672-683.
//
// cluster holds each observation's cluster code and names the label of each
// code (see codeLabels), for the error of a cluster with leverage 1.
func cr2Compute(f *olsFit, cluster []int, names []string, wantDF bool) (*cr2Result, error) {
	labels := olsSortedLevels(cluster)
	nc := len(labels)
	if nc < 2 {
		return nil, fmt.Errorf("%w: CR2 needs at least 2 clusters, have %d", ErrTooFew, nc)
	}
	start := make([]int, nc+1)
	cl := olsLevelIndex(cluster, labels)
	for _, g := range cl {
		start[g+1]++
	}
	for g := 0; g < nc; g++ {
		start[g+1] += start[g]
	}
	order := make([]int, len(cluster))
	fill := append([]int(nil), start[:nc]...)
	for i, g := range cl {
		order[fill[g]] = i
		fill[g]++
	}

	parts := make([]cr2Cluster, nc)
	bad := make([]bool, nc)
	workers := runtime.GOMAXPROCS(0)
	if workers > nc {
		workers = nc
	}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			s := newCR2Scratch(f)
			for g := w; g < nc; g += workers {
				parts[g], bad[g] = s.cluster(order[start[g]:start[g+1]], wantDF)
			}
		}(w)
	}
	wg.Wait()
	for g := range bad {
		if bad[g] {
			return nil, fmt.Errorf("%w: cluster %q has leverage 1 (I - H_gg is singular), so CR2 is undefined", ErrDomain, names[labels[g]])
		}
	}

	p := f.p
	acc := robustNewAccumulator(f.minv)
	for _, c := range parts {
		acc.add(1, c.u)
	}
	res := &cr2Result{cov: acc.cov(1), clusters: nc}
	if wantDF {
		res.df = make([]float64, p)
		for j := range res.df {
			res.df[j] = cr2DF(f, parts, j)
		}
	}
	return res, nil
}

// cr2DF returns the Bell-McCaffrey degrees of freedom of coefficient j from
// the clusters' parts (see cr2Compute).
func cr2DF(f *olsFit, parts []cr2Cluster, j int) float64 {
	p := f.p
	var tr, sumD2, cross float64
	aa := make([]float64, p*p)
	var sb [][]float64 // per block: Σ_g b_g[b] a_g
	// Σ_g b_g b_g' over pairs of blocks: dense for up to cr2DenseBlocks
	// blocks, else a map of the pairs that occur.
	nb := len(f.blockN)
	var bbDense []float64
	bb := make(map[[2]int]float64)
	if nb > 0 && nb <= cr2DenseBlocks {
		bbDense = make([]float64, nb*nb)
	}
	if f.blockOf != nil {
		sb = make([][]float64, nb)
	}
	for _, c := range parts {
		w := c.w[j*c.q : (j+1)*c.q]
		ww := 0.0
		for _, v := range w {
			ww += v * v
		}
		d := c.d[j]
		tr += d - ww
		sumD2 += d * d
		cross += d * ww
		a := w[:p]
		for x := 0; x < p; x++ {
			for y := 0; y < p; y++ {
				aa[x*p+y] += a[x] * a[y]
			}
		}
		for k, b := range c.blocks {
			v := w[p+k]
			if sb[b] == nil {
				sb[b] = make([]float64, p)
			}
			for x := 0; x < p; x++ {
				sb[b][x] += v * a[x]
			}
			for k2, b2 := range c.blocks {
				switch {
				case b2 < b:
				case bbDense != nil:
					bbDense[b*nb+b2] += v * w[p+k2]
				default:
					bb[[2]int{b, b2}] += v * w[p+k2]
				}
			}
		}
	}
	frob := 0.0
	for _, v := range aa {
		frob += v * v
	}
	for _, s := range sb {
		for _, v := range s {
			frob += 2 * v * v
		}
	}
	for b := 0; b < nb && bbDense != nil; b++ {
		frob += bbDense[b*nb+b] * bbDense[b*nb+b]
		for b2 := b + 1; b2 < nb; b2++ {
			frob += 2 * bbDense[b*nb+b2] * bbDense[b*nb+b2]
		}
	}
	for key, v := range bb {
		if key[0] == key[1] {
			frob += v * v
		} else {
			frob += 2 * v * v
		}
	}
	return tr * tr / (sumD2 - 2*cross + frob)
}

// cr2Scratch is one worker's reusable state.
type cr2Scratch struct {
	f        *olsFit
	localPos []int
	row      []float64 // an observation of the design
}

func newCR2Scratch(f *olsFit) *cr2Scratch {
	s := &cr2Scratch{f: f, row: make([]float64, f.p)}
	s.localPos = make([]int, len(f.blockN))
	for k := range s.localPos {
		s.localPos[k] = -1
	}
	return s
}

// cluster computes one cluster's part; bad reports leverage 1.
func (s *cr2Scratch) cluster(rows []int, wantDF bool) (c cr2Cluster, bad bool) {
	f, p := s.f, s.f.p
	if f.blockOf != nil {
		for _, i := range rows {
			b := int(f.blockOf[i])
			if s.localPos[b] < 0 {
				s.localPos[b] = len(c.blocks)
				c.blocks = append(c.blocks, b)
			}
		}
	}
	q := p + len(c.blocks)
	c.q = q
	// S = W_g'W_g (upper triangle) and We = W_g'e_g.
	S := make([]float64, q*q)
	We := make([]float64, q)
	for _, i := range rows {
		xi := f.rowTo(i, s.row)
		e := f.resid[i]
		for a := 0; a < p; a++ {
			We[a] += xi[a] * e
			row := S[a*q : a*q+q]
			for b := a; b < p; b++ {
				row[b] += xi[a] * xi[b]
			}
		}
		if f.blockOf != nil {
			k := p + s.localPos[f.blockOf[i]]
			We[k] += e
			S[k*q+k]++
			for a := 0; a < p; a++ {
				S[a*q+k] += xi[a]
			}
		}
	}
	for _, b := range c.blocks {
		s.localPos[b] = -1
	}
	for a := 0; a < q; a++ {
		for b := 0; b < a; b++ {
			S[a*q+b] = S[b*q+a]
		}
	}
	// L = diag(R⁻¹, n_b^(-1/2)); SL = S L; C = L'S L; Be = L'We. L is upper
	// triangular in its first p coordinates and diagonal in the rest.
	ri := f.rinvRaw
	lb := make([]float64, len(c.blocks))
	for k, b := range c.blocks {
		lb[k] = 1 / math.Sqrt(f.blockN[b])
	}
	// lMul returns Σ_k v[k·stride] L[k][col] for a vector v of q entries.
	lMul := func(v []float64, stride, col int) float64 {
		if col >= p {
			return v[col*stride] * lb[col-p]
		}
		t := 0.0
		for k := 0; k <= col; k++ {
			t += v[k*stride] * ri[k*p+col]
		}
		return t
	}
	SL := make([]float64, q*q)
	for a := 0; a < q; a++ {
		for b := 0; b < q; b++ {
			SL[a*q+b] = lMul(S[a*q:], 1, b)
		}
	}
	C := mat.NewSymDense(q, nil)
	for a := 0; a < q; a++ {
		for b := a; b < q; b++ {
			C.SetSym(a, b, lMul(SL[b:], q, a))
		}
	}
	Be := make([]float64, q)
	for a := 0; a < q; a++ {
		Be[a] = lMul(We, 1, a)
	}
	var eig mat.EigenSym
	if !eig.Factorize(C, true) {
		return c, true
	}
	lam := eig.Values(nil)
	var V mat.Dense
	eig.VectorsTo(&V)
	// Gm = L'W_g'X_g M, whose column j is g_j = B_g'X_g m_j.
	Gm := make([]float64, q*p)
	for k := 0; k < q; k++ {
		for j := 0; j < p; j++ {
			v := 0.0
			for a := 0; a < p; a++ {
				v += SL[a*q+k] * f.minv.At(a, j)
			}
			Gm[k*p+j] = v
		}
	}
	// A direction with leverage 1 is in the column space of the design and
	// supported on cluster g alone, so e_g is orthogonal to it. When it is
	// also orthogonal to every coefficient's X_g m_j (a cluster holding whole
	// blocks) (I - H_gg)^(-1/2) is not needed there and the direction is
	// dropped, as estimatr's and clubSandwich's generalised inverses do;
	// otherwise some coefficient is identified within this cluster alone
	// and CR2 is undefined.
	null := make([]bool, q)
	for k, l := range lam {
		if 1-l > cr2LeverageOne {
			continue
		}
		null[k] = true
		for j := 0; j < p; j++ {
			proj, norm := 0.0, 0.0
			for a := 0; a < q; a++ {
				proj += V.At(a, k) * Gm[a*p+j]
				norm += Gm[a*p+j] * Gm[a*p+j]
			}
			if math.Abs(proj) > 1e-6*math.Sqrt(norm) {
				return c, true
			}
		}
	}
	// t = V diag(φ) V' Be; u = X_g'e + (X_g'B) t, X_g'B = SL[:p, :].
	t := cr2VFV(&V, lam, null, Be, func(l float64) float64 {
		r := math.Sqrt(1 - l)
		return 1 / (r * (1 + r))
	})
	c.u = make([]float64, p)
	for a := 0; a < p; a++ {
		v := We[a]
		for k := 0; k < q; k++ {
			v += SL[a*q+k] * t[k]
		}
		c.u[a] = v
	}
	if !wantDF {
		return c, false
	}
	// w_j = V diag((1-λ)^(-1/2)) V' g_j; d_j = m_j' X_g'X_g m_j + ‖w_j‖².
	c.d = make([]float64, p)
	c.w = make([]float64, p*q)
	g := make([]float64, q)
	for j := 0; j < p; j++ {
		for k := 0; k < q; k++ {
			g[k] = Gm[k*p+j]
		}
		w := cr2VFV(&V, lam, null, g, func(l float64) float64 { return 1 / math.Sqrt(1-l) })
		copy(c.w[j*q:], w)
		d := 0.0
		for a := 0; a < p; a++ {
			ma := f.minv.At(a, j)
			for b := 0; b < p; b++ {
				d += ma * S[a*q+b] * f.minv.At(b, j)
			}
		}
		for _, v := range w {
			d += v * v
		}
		c.d[j] = d
	}
	return c, false
}

// cr2VFV returns V diag(fn(λ)) V' x, leaving out the directions marked null.
func cr2VFV(V *mat.Dense, lam []float64, null []bool, x []float64, fn func(float64) float64) []float64 {
	q := len(lam)
	y := make([]float64, q)
	for k := 0; k < q; k++ {
		if null[k] {
			continue
		}
		s := 0.0
		for a := 0; a < q; a++ {
			s += V.At(a, k) * x[a]
		}
		s *= fn(lam[k])
		for a := 0; a < q; a++ {
			y[a] += V.At(a, k) * s
		}
	}
	return y
}
