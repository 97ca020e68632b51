package stats

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
)

// checkRank reports a constant or collinear column of the unweighted
// design, with OLS's criterion: column j is collinear with the columns
// before it when |R_jj| ≤ olsCollinearTol ‖x_j‖ in the QR decomposition
// X = QR, where R_jj² / ‖x_j‖² is the squared sine of the angle between x_j
// and the span of the columns before it.
//
// Those ratios are first read off the Cholesky factor of X'X, accumulated
// with the blocks' structure (glmGram with unit weights); when every column
// passes glmCholSolve's checks, each ratio is at least 1/glmCholCondMax,
// far above olsCollinearTol² and beyond the reach of rounding, and no
// column is collinear. Otherwise the QR decomposition decides, as it always
// did.
func (d *glmDesign) checkRank() error {
	if !d.qrOnly {
		g := newGLMGram(d.pd, d.nb)
		parts := make([]*glmGram, glmChunks(d.n))
		for c := range parts {
			parts[c] = newGLMGram(d.pd, d.nb)
		}
		glmGramSum(d, parts, g, func(int) (w, z float64) { return 1, 0 })
		a, b := make([]float64, d.p*d.p), make([]float64, d.p)
		g.full(a, b)
		if _, _, ok := glmCholSolve(a, b, d.p); ok {
			return nil
		}
	}
	p := d.p
	r := tallQR(d.n, p, d.row)
	for j := range p {
		c := d.column(j)
		norm := floats.Norm(c, 2)
		if norm == 0 || math.Abs(r[j*p+j]) <= olsCollinearTol*norm {
			if j > 0 && olsIsConstant(c) {
				return fmt.Errorf("%w: column %q is constant", ErrSingular, d.names[j])
			}
			return fmt.Errorf("%w: column %q is collinear with the columns before it", ErrSingular, d.names[j])
		}
	}
	return nil
}
