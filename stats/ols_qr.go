package stats

import (
	"math"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack/lapack64"
	"gonum.org/v1/gonum/mat"
)

// olsQR is the Householder QR decomposition A = QR of an n×p design held by
// rows, factorised in place by LAPACK's dgeqrf [1] (gonum's lapack64): R in
// the upper triangle of a's first p rows, the Householder vectors of Q below
// it. It does the arithmetic of gonum's mat.QR call for call (Factorize,
// SolveVecTo, and the condition estimate behind SolveVecTo's error), so its
// results are the same to the last bit, without mat.QR's copy of the n×p
// matrix or the n×p matrix that mat.QR.RTo returns.
//
// [1] Anderson, E. et al. (1999). LAPACK Users' Guide, 3rd ed., SIAM,
// §2.4.2.1 (xGEQRF, xORMQR, xTRTRS, xTRCON).
type olsQR struct {
	a   blas64.General
	tau []float64
}

// olsFactorize factorises the n×p matrix data (by rows) in place.
func olsFactorize(data []float64, n, p int) *olsQR {
	q := &olsQR{a: blas64.General{Rows: n, Cols: p, Stride: p, Data: data}, tau: make([]float64, p)}
	work := []float64{0}
	lapack64.Geqrf(q.a, q.tau, work, -1)
	work = make([]float64, int(work[0]))
	lapack64.Geqrf(q.a, q.tau, work, len(work))
	return q
}

// r returns element (i, j) of R, i ≤ j.
func (q *olsQR) r(i, j int) float64 {
	return q.a.Data[i*q.a.Stride+j]
}

// triangle returns R as a triangular view of the factorisation.
func (q *olsQR) triangle() blas64.Triangular {
	return blas64.Triangular{Uplo: blas.Upper, Diag: blas.NonUnit, N: q.a.Cols, Stride: q.a.Stride, Data: q.a.Data}
}

// solveTo writes Q'y to dst (n elements) and returns the least-squares
// solution β of R β = (Q'y)[:p], which shares dst's first p elements. Its
// error is mat.QR.SolveVecTo's: a mat.Condition when R is singular or its
// condition number, 1/dtrcon in the max-row-sum norm, is above
// mat.ConditionTolerance.
func (q *olsQR) solveTo(dst, y []float64) ([]float64, error) {
	n, p := q.a.Rows, q.a.Cols
	copy(dst, y)
	b := blas64.General{Rows: n, Cols: 1, Stride: 1, Data: dst}
	work := []float64{0}
	lapack64.Ormqr(blas.Left, blas.Trans, q.a, q.tau, b, work, -1)
	work = make([]float64, int(work[0]))
	lapack64.Ormqr(blas.Left, blas.Trans, q.a, q.tau, b, work, len(work))
	if !lapack64.Trtrs(blas.NoTrans, q.triangle(), b) {
		return nil, mat.Condition(math.Inf(1))
	}
	rcond := lapack64.Trcon(mat.CondNorm, q.triangle(), make([]float64, 3*p), make([]int, p))
	if cond := 1 / rcond; cond > mat.ConditionTolerance {
		return nil, mat.Condition(cond)
	}
	return dst[:p], nil
}
