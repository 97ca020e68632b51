package stats

import (
	"fmt"
	"math"
)

// lmmData holds what the random-intercept model's likelihood needs of the
// data, once: for the augmented design A = [X | y] (q = p+1 columns, the
// intercept first and y last), the groups' sizes n_j and mean rows ā_j, and
// the q by q triangular factor R_w of the within-group deviations
// A_j - 1ā_j'. Every evaluation of the likelihood then works on J + q rows
// instead of n, because with V*_j⁻¹ = I - w_j 11', w_j = λ/(1 + λn_j),
//
//	A_j'V*_j⁻¹A_j = (A_j - 1ā_j')'(A_j - 1ā_j') + n_j(1 - w_j n_j) ā_j ā_j'
//
// and n_j(1 - w_j n_j) = n_j/(1 + λn_j) (see lmmData.factor): the within
// part is R_w'R_w for every λ.
//
// y and each column of X are scaled by a power of two that brings their
// largest size into [½, 1): exact in floating point, so that nothing
// changes but the range of data that neither overflows nor underflows.
type lmmData struct {
	n, p, q  int
	yScale   float64   // ỹ = y yScale
	colScale []float64 // X̃_k = X_k colScale[k]
	names    []string  // the p fixed effects' names
	groups   []string  // the groups' labels, in order of first appearance
	size     []float64 // n_j
	mean     []float64 // J by q, row-major: ā_j
	rw       []float64 // q by q, row-major: R_w
	colNorm  []float64 // ‖X̃_k‖, k < p, for the rank check
	yNorm    float64   // ‖ỹ‖
}

// lmmRowFunc writes row i of [X | y] into row (q values).
type lmmRowFunc func(i int, row []float64)

// lmmNewData codes the groups, checks the data and computes the groups'
// means (in two passes, the second removing the first's rounding) and the
// within-group factor by a tall QR, in parallel and in a fixed order.
func lmmNewData(y []float64, names []string, x [][]float64, group []string, block []string) (*lmmData, error) {
	d, code, row, err := lmmPrepare(y, names, x, group, block)
	if err != nil {
		return nil, err
	}
	d.setWithin(code, row)
	return d, nil
}

// lmmPrepare does all of lmmNewData but the within-group factor: it
// returns the data with its means and norms, each observation's group code
// and the function that writes its row of the scaled [X | y].
func lmmPrepare(y []float64, names []string, x [][]float64, group []string, block []string) (*lmmData, []int, lmmRowFunc, error) {
	n := len(y)
	absorbCheckLen("group", len(group), n)
	if block != nil {
		absorbCheckLen("block", len(block), n)
	}
	if err := checkRegression(y, names, x); err != nil {
		return nil, nil, nil, err
	}
	code, groups := codeLabels(group)
	d := &lmmData{n: n, groups: groups}
	d.names = append([]string{"(Intercept)"}, names...)
	var bcode []int
	if block != nil {
		var levels []string
		bcode, levels = codeLabels(block)
		for k := 1; k < len(levels); k++ {
			d.names = append(d.names, "block:"+levels[k])
		}
	}
	d.p = len(d.names)
	d.q = d.p + 1
	J := len(groups)
	switch {
	case n <= d.p:
		return nil, nil, nil, fmt.Errorf("%w: %d observations for %d fixed effects", ErrTooFew, n, d.p)
	case J < 2:
		return nil, nil, nil, fmt.Errorf("%w: %d group; a random intercept needs at least 2", ErrTooFew, J)
	case J == n:
		return nil, nil, nil, fmt.Errorf("%w: every one of the %d groups has a single observation, so the group and residual variances cannot be told apart", ErrTooFew, J)
	}
	nx := len(x)
	d.yScale = lmmPowerOfTwoScale(y)
	d.colScale = make([]float64, d.p)
	for k := range d.colScale {
		d.colScale[k] = 1
	}
	for k, c := range x {
		d.colScale[1+k] = lmmPowerOfTwoScale(c)
	}
	row := func(i int, r []float64) {
		r[0] = 1
		for k, c := range x {
			r[1+k] = c[i] * d.colScale[1+k]
		}
		if bcode != nil {
			clear(r[1+nx : d.p])
			if b := bcode[i]; b > 0 {
				r[nx+b] = 1
			}
		}
		r[d.p] = y[i] * d.yScale
	}
	d.setMeans(code, J, row)
	for _, v := range y {
		v *= d.yScale
		d.yNorm += v * v
	}
	d.yNorm = math.Sqrt(d.yNorm)
	d.colNorm = make([]float64, d.p)
	d.colNorm[0] = math.Sqrt(float64(n))
	for k, c := range x {
		ss := 0.0
		for _, v := range c {
			v *= d.colScale[1+k]
			ss += v * v
		}
		d.colNorm[1+k] = math.Sqrt(ss)
	}
	if bcode != nil {
		cnt := make([]float64, d.p)
		for _, b := range bcode {
			if b > 0 {
				cnt[nx+b]++
			}
		}
		for k := 1 + nx; k < d.p; k++ {
			d.colNorm[k] = math.Sqrt(cnt[k])
		}
	}
	return d, code, row, nil
}

// lmmPowerOfTwoScale returns the power of two 2^-e that brings the largest
// |v_i| into [½, 1), or 1 when v is all zero; e is kept within ±1000 so
// that the scale itself is a normal number.
func lmmPowerOfTwoScale(v []float64) float64 {
	m := 0.0
	for _, x := range v {
		if a := math.Abs(x); a > m {
			m = a
		}
	}
	if m == 0 {
		return 1
	}
	_, e := math.Frexp(m)
	return math.Ldexp(1, -min(max(e, -1000), 1000))
}

// factor returns the q by q triangular factor R(λ) of
//
//	[X | y]' V*⁻¹ [X | y] = R_w'R_w + Σ_j c_j ā_j ā_j',  c_j = n_j/(1 + λ n_j),
//
// V* = I + λZZ' the relative covariance of y, by a QR decomposition of R_w
// stacked over the rows √c_j ā_j'. At λ = 0 it is a QR factor of [X | y].
func (d *lmmData) factor(lambda float64) []float64 {
	q := d.q
	rows := q + len(d.size)
	fill := func(i int, r []float64) {
		if i < q {
			copy(r, d.rw[i*q:i*q+q])
			return
		}
		g := i - q
		s := math.Sqrt(d.size[g] / (1 + lambda*d.size[g]))
		for k, v := range d.mean[g*q : g*q+q] {
			r[k] = s * v
		}
	}
	if rows > tallQRBlock {
		return tallQR(rows, q, fill)
	}
	// One block: the arithmetic of tallQR, without its goroutine.
	acc := newTallQRAcc(q)
	for c := 0; c < rows; c += tallQRChunk {
		acc.add(min(tallQRChunk, rows-c), func(k int, r []float64) { fill(c+k, r) })
	}
	return acc.factor()
}

// checkRank reports the first column of X that is zero, constant (other
// than the intercept) or collinear with the columns before it, from the
// factor of [X | y] at λ = 0, with the tolerance of OLS.
func (d *lmmData) checkRank(r0 []float64, x [][]float64) error {
	q := d.q
	for k := 0; k < d.p; k++ {
		norm := d.colNorm[k]
		if norm == 0 || math.Abs(r0[k*q+k]) <= olsCollinearTol*norm {
			if k > 0 && k <= len(x) && olsIsConstant(x[k-1]) {
				return fmt.Errorf("%w: column %q is constant", ErrSingular, d.names[k])
			}
			return fmt.Errorf("%w: column %q is collinear with the columns before it", ErrSingular, d.names[k])
		}
	}
	return nil
}
