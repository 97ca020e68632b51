package stats

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// glmSolver solves the weighted least-squares step of IRLS and keeps what
// the last step needs for the covariance (X'WX)⁻¹: the inverse from the
// normal equations, or the triangular factor from QR.
type glmSolver struct {
	d      *glmDesign
	parts  []*glmGram // one per chunk, reused at every step
	total  *glmGram
	a, b   []float64 // X'WX and X'Wz
	inv    []float64 // (X'WX)⁻¹ of the last step solved by Cholesky
	r      []float64 // the factor of the last step solved by QR
	usedQR bool      // some step was solved by QR
}

func glmNewSolver(d *glmDesign) *glmSolver {
	s := &glmSolver{d: d}
	if !d.qrOnly {
		s.parts = make([]*glmGram, glmChunks(d.n))
		for c := range s.parts {
			s.parts[c] = newGLMGram(d.pd, d.nb)
		}
		s.total = newGLMGram(d.pd, d.nb)
		s.a, s.b = make([]float64, d.p*d.p), make([]float64, d.p)
	}
	return s
}

// step returns the coefficients of the weighted regression of the working
// response on X with the weights and responses work(i) gives; ok is false
// when the weighted design is singular.
func (s *glmSolver) step(work func(i int) (w, z float64)) (beta []float64, ok bool) {
	d := s.d
	if !d.qrOnly {
		glmGramSum(d, s.parts, s.total, work)
		s.total.full(s.a, s.b)
		if beta, inv, ok := glmCholSolve(s.a, s.b, d.p); ok {
			s.inv, s.r = inv, nil
			return beta, true
		}
	}
	p, q := d.p, d.p+1
	s.r = tallQR(d.n, q, func(i int, row []float64) {
		w, z := work(i)
		sw := math.Sqrt(w)
		d.row(i, row[:p])
		for j := range p {
			row[j] *= sw
		}
		row[p] = z * sw
	})
	s.inv, s.usedQR = nil, true
	return tallQRSolve(s.r, q)
}

// cov returns (X'WX)⁻¹ of the last step.
func (s *glmSolver) cov() *mat.SymDense {
	p := s.d.p
	if s.r != nil {
		return glmCovFromR(s.r, p+1, p)
	}
	return mat.NewSymDense(p, s.inv)
}

// tallQRTri returns the leading p by p block of r, a q by q upper
// triangular factor held row-major (tallQRAcc's), as a TriDense.
func tallQRTri(r []float64, q, p int) *mat.TriDense {
	rt := mat.NewTriDense(p, mat.Upper, nil)
	for i := 0; i < p; i++ {
		for j := i; j < p; j++ {
			rt.SetTri(i, j, r[i*q+j])
		}
	}
	return rt
}

// glmCovFromR returns (R'R)⁻¹ from the leading p by p block of the q by q
// triangular factor r of the weighted design.
func glmCovFromR(r []float64, q, p int) *mat.SymDense {
	rt := tallQRTri(r, q, p)
	var rinv mat.TriDense
	_ = rinv.InverseTri(rt) // a Condition warning only; rank was checked on X
	cov := mat.NewSymDense(p, nil)
	for i := 0; i < p; i++ {
		for j := i; j < p; j++ {
			s := 0.0
			for k := j; k < p; k++ {
				s += rinv.At(i, k) * rinv.At(j, k)
			}
			cov.SetSym(i, j, s)
		}
	}
	return cov
}
