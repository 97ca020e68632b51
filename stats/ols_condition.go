package stats

import (
	"gonum.org/v1/gonum/lapack/lapack64"
	"gonum.org/v1/gonum/mat"
)

// olsCheckCondition returns a mat.Condition error when the condition number
// of the triangular factor r of a design, 1/dtrcon in the max-row-sum norm
// (mat.CondNorm) [1], is above mat.ConditionTolerance: the design is then
// singular to working precision. It is mat.QR's test before a solve.
//
// [1] Anderson, E. et al. (1999). LAPACK Users' Guide, 3rd ed., SIAM,
// §4.4 (xTRCON).
func olsCheckCondition(r *mat.TriDense) error {
	p, _ := r.Triangle()
	rcond := lapack64.Trcon(mat.CondNorm, r.RawTriangular(), make([]float64, 3*p), make([]int, p))
	if cond := 1 / rcond; cond > mat.ConditionTolerance {
		return mat.Condition(cond)
	}
	return nil
}
