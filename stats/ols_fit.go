package stats

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// olsCollinearTol is the relative size of a diagonal element of R below which
// a column counts as collinear with those before it (R's lm uses 1e-7).
const olsCollinearTol = 1e-7

// olsFit is a least-squares fit by QR with what the covariance estimators
// need. Without blocks the first column is the intercept; with blocks every
// column and y are demeaned within blocks.
type olsFit struct {
	n, p    int
	names   []string
	cols    [][]float64 // design columns as fitted
	beta    []float64
	resid   []float64
	rinv    *mat.TriDense // R⁻¹, upper triangular, X = QR
	rinvRaw []float64     // R⁻¹ by rows, p×p
	minv    *mat.SymDense // (X'X)⁻¹ = R⁻¹R⁻ᵀ
	blockOf []int         // dense block index per observation; nil without blocks
	blockN  []float64     // block sizes
	dfResid float64
}

// olsNewFit checks the data, absorbs blocks or adds the intercept, and fits.
func olsNewFit(y []float64, names []string, x [][]float64, block []int) (*olsFit, error) {
	n := len(y)
	if block != nil {
		absorbCheckLen("block", len(block), n)
	}
	if err := checkRegression(y, names, x); err != nil {
		return nil, err
	}
	f := &olsFit{n: n}
	yy := y
	if block != nil {
		f.blockOf, f.blockN = absorbBlocks(block)
		yy = absorbDemean(y, f.blockOf, f.blockN)
		for j, c := range x {
			d := absorbDemean(c, f.blockOf, f.blockN)
			if floats.Norm(d, 2) <= olsCollinearTol*floats.Norm(c, 2) || floats.Norm(d, 2) == 0 {
				return nil, fmt.Errorf("%w: column %q is constant within blocks", ErrSingular, names[j])
			}
			f.cols = append(f.cols, d)
			f.names = append(f.names, names[j])
		}
	} else {
		one := make([]float64, n)
		for i := range one {
			one[i] = 1
		}
		f.cols = append([][]float64{one}, x...)
		f.names = append([]string{"(Intercept)"}, names...)
	}
	f.p = len(f.cols)
	f.dfResid = float64(n - f.p - len(f.blockN))
	if f.dfResid < 1 {
		return nil, fmt.Errorf("%w: %d observations for %d parameters", ErrTooFew, n, f.p+len(f.blockN))
	}
	if err := f.solve(yy); err != nil {
		return nil, err
	}
	return f, nil
}

// olsCheckFinite reports the first NaN or infinite value of a column.
// checkRegression checks a regression's data: the columns' lengths and
// names (checkColumns panics on a caller's error) and finite values
// everywhere (ErrDomain naming the column and observation).
func checkRegression(y []float64, names []string, x [][]float64) error {
	checkColumns(len(y), names, x)
	if err := olsCheckFinite("outcome", y); err != nil {
		return err
	}
	for j, c := range x {
		if err := olsCheckFinite(names[j], c); err != nil {
			return err
		}
	}
	return nil
}

func olsCheckFinite(name string, v []float64) error {
	for i, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return fmt.Errorf("%w: %v in %s at observation %d", ErrDomain, x, name, i+1)
		}
	}
	return nil
}

// solve factorises the design by Householder QR, checks its rank and computes
// β, the residuals, R⁻¹ and (X'X)⁻¹. The design is copied by rows into one
// n×p matrix that the QR overwrites and that is dropped on return; f.cols
// stay the design (rowTo).
func (f *olsFit) solve(y []float64) error {
	n, p := f.n, f.p
	data := make([]float64, n*p)
	for j, c := range f.cols {
		for i, v := range c {
			data[i*p+j] = v
		}
	}
	qr := olsFactorize(data, n, p)
	for j := 0; j < p; j++ {
		norm := floats.Norm(f.cols[j], 2)
		if norm == 0 {
			return fmt.Errorf("%w: column %q is all zero", ErrSingular, f.names[j])
		}
		if math.Abs(qr.r(j, j)) <= olsCollinearTol*norm {
			if j > 0 && f.blockOf == nil && olsIsConstant(f.cols[j]) {
				return fmt.Errorf("%w: column %q is constant", ErrSingular, f.names[j])
			}
			return fmt.Errorf("%w: column %q is collinear with the columns before it", ErrSingular, f.names[j])
		}
	}
	// Q'y goes to the buffer that then holds the residuals.
	f.resid = make([]float64, n)
	beta, err := qr.solveTo(f.resid, y)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrSingular, err)
	}
	f.beta = append([]float64(nil), beta...)
	copy(f.resid, y)
	for j, c := range f.cols {
		floats.AddScaled(f.resid, -f.beta[j], c)
	}
	rt := mat.NewTriDense(p, mat.Upper, nil)
	for i := 0; i < p; i++ {
		for j := i; j < p; j++ {
			rt.SetTri(i, j, qr.r(i, j))
		}
	}
	f.rinv = mat.NewTriDense(p, mat.Upper, nil)
	if err := f.rinv.InverseTri(rt); err != nil {
		var c mat.Condition
		if !errors.As(err, &c) {
			return fmt.Errorf("%w: %v", ErrSingular, err)
		}
	}
	f.setInverseR()
	return nil
}

// setInverseR fills rinvRaw and minv = R⁻¹R⁻ᵀ from rinv.
func (f *olsFit) setInverseR() {
	p := f.p
	f.rinvRaw = make([]float64, p*p)
	for i := 0; i < p; i++ {
		for j := i; j < p; j++ {
			f.rinvRaw[i*p+j] = f.rinv.At(i, j)
		}
	}
	f.minv = mat.NewSymDense(p, nil)
	for i := 0; i < p; i++ {
		for j := i; j < p; j++ {
			s := 0.0
			for k := j; k < p; k++ {
				s += f.rinvRaw[i*p+k] * f.rinvRaw[j*p+k]
			}
			f.minv.SetSym(i, j, s)
		}
	}
}

// olsIsConstant reports whether every element of v equals the first.
func olsIsConstant(v []float64) bool {
	for _, x := range v {
		if x != v[0] {
			return false
		}
	}
	return true
}

// rowTo writes observation i of the design to row (p elements) and returns
// it.
func (f *olsFit) rowTo(i int, row []float64) []float64 {
	for j, c := range f.cols {
		row[j] = c[i]
	}
	return row
}
