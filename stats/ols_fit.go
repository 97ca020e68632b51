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
// column and y are demeaned within blocks, value by value as the fit needs
// them (means), so that no demeaned copy of the design is held.
type olsFit struct {
	n, p    int
	names   []string
	cols    [][]float64   // design columns: as fitted, or before demeaning when means is not nil
	means   []absorbMeans // with blocks, what demeaning subtracts from each column; else nil
	norms   []float64     // ‖x_j‖ of each column as fitted
	beta    []float64
	resid   []float64
	rinv    *mat.TriDense // R⁻¹, upper triangular, X = QR
	rinvRaw []float64     // R⁻¹ by rows, p×p
	minv    *mat.SymDense // (X'X)⁻¹ = R⁻¹R⁻ᵀ
	blockOf []int32       // dense block index per observation; nil without blocks
	blockN  []float64     // block sizes
	dfResid float64
}

// olsNewFit checks the data, absorbs blocks or adds the intercept, and fits.
func olsNewFit(y []float64, names []string, x [][]float64, block []int32) (*olsFit, error) {
	n := len(y)
	if block != nil {
		absorbCheckLen("block", len(block), n)
	}
	if err := checkRegression(y, names, x); err != nil {
		return nil, err
	}
	f := &olsFit{n: n}
	var ym *absorbMeans
	if block != nil {
		f.blockOf, f.blockN = absorbBlocks(block)
		m := absorbMeansOf(y, f.blockOf, f.blockN)
		ym = &m
		// Each demeaned column is written, in turn, to the buffer that
		// later holds the residuals, for its norm.
		f.resid = make([]float64, n)
		for j, c := range x {
			m := absorbMeansOf(c, f.blockOf, f.blockN)
			m.demeanTo(f.resid, c, f.blockOf)
			norm := floats.Norm(f.resid, 2)
			if norm <= olsCollinearTol*floats.Norm(c, 2) || norm == 0 {
				return nil, fmt.Errorf("%w: column %q is constant within blocks", ErrSingular, names[j])
			}
			f.cols = append(f.cols, c)
			f.means = append(f.means, m)
			f.norms = append(f.norms, norm)
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
	if err := f.solve(y, ym); err != nil {
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

// solve fits the outcome y (minus ym when not nil, as the columns are
// demeaned by f.means) by least squares from the tall-skinny Householder QR
// decomposition [X | y] = Q [R r_y; 0 ρ] (tallQR), which never holds X: it
// checks the rank from R's diagonal, solves R β = r_y, and computes the
// residuals, R⁻¹ and (X'X)⁻¹. A condition number of R above
// mat.ConditionTolerance is an error, as mat.QR's solve made it.
func (f *olsFit) solve(y []float64, ym *absorbMeans) error {
	n, p, q := f.n, f.p, f.p+1
	yAt := func(i int) float64 { return y[i] }
	if ym != nil {
		yAt = func(i int) float64 { return ym.at(y[i], f.blockOf[i]) }
	}
	r := tallQR(n, q, func(i int, row []float64) {
		f.rowTo(i, row[:p])
		row[p] = yAt(i)
	})
	if f.norms == nil {
		for _, c := range f.cols {
			f.norms = append(f.norms, floats.Norm(c, 2))
		}
	}
	for j, norm := range f.norms {
		if norm == 0 {
			return fmt.Errorf("%w: column %q is all zero", ErrSingular, f.names[j])
		}
		if math.Abs(r[j*q+j]) <= olsCollinearTol*norm {
			if j > 0 && f.blockOf == nil && olsIsConstant(f.cols[j]) {
				return fmt.Errorf("%w: column %q is constant", ErrSingular, f.names[j])
			}
			return fmt.Errorf("%w: column %q is collinear with the columns before it", ErrSingular, f.names[j])
		}
	}
	rt := tallQRTri(r, q, p)
	if err := olsCheckCondition(rt); err != nil {
		return fmt.Errorf("%w: %v", ErrSingular, err)
	}
	beta, ok := tallQRSolve(r, q)
	if !ok {
		return fmt.Errorf("%w: %v", ErrSingular, mat.Condition(math.Inf(1)))
	}
	f.beta = beta
	if f.resid == nil {
		f.resid = make([]float64, n)
	}
	row := make([]float64, p)
	for i := range f.resid {
		e := yAt(i)
		for j, v := range f.rowTo(i, row) {
			e -= f.beta[j] * v
		}
		f.resid[i] = e
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

// rowTo writes observation i of the design, as fitted, to row (p elements)
// and returns it.
func (f *olsFit) rowTo(i int, row []float64) []float64 {
	if f.means == nil {
		for j, c := range f.cols {
			row[j] = c[i]
		}
		return row
	}
	b := f.blockOf[i]
	for j, c := range f.cols {
		row[j] = f.means[j].at(c[i], b)
	}
	return row
}
