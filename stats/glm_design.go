package stats

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
)

// glmDesign is the model matrix (intercept, columns, block dummies) stored by
// rows, with the response, offset and control settings.
type glmDesign struct {
	n, p    int
	names   []string
	x       []float64 // n×p, row-major
	y       []float64
	offset  []float64
	level   float64
	maxIter int
	eps     float64
}

// glmNewDesign checks the data and builds the model matrix.
func glmNewDesign(y []float64, names []string, x [][]float64, opt GLMOptions) (*glmDesign, error) {
	n := len(y)
	checkColumns(n, names, x)
	if n == 0 {
		return nil, fmt.Errorf("%w: no observations", ErrTooFew)
	}
	for i, v := range y {
		if !(v >= 0) || math.IsInf(v, 0) || v != math.Trunc(v) {
			return nil, fmt.Errorf("%w: count %v at observation %d is not a non-negative whole number", ErrDomain, v, i+1)
		}
	}
	for j, c := range x {
		if err := olsCheckFinite(names[j], c); err != nil {
			return nil, err
		}
	}
	d := &glmDesign{n: n, y: y, level: opt.Level, maxIter: opt.MaxIter, eps: opt.Epsilon}
	var err error
	if d.level, err = confidenceLevel(d.level); err != nil {
		return nil, err
	}
	if d.maxIter <= 0 {
		d.maxIter = 25
	}
	if d.eps <= 0 {
		d.eps = 1e-8
	}
	d.offset = make([]float64, n)
	if opt.Offset != nil {
		absorbCheckLen("offset", len(opt.Offset), n)
		if err := olsCheckFinite("offset", opt.Offset); err != nil {
			return nil, err
		}
		copy(d.offset, opt.Offset)
	}
	one := make([]float64, n)
	for i := range one {
		one[i] = 1
	}
	cols := append([][]float64{one}, x...)
	d.names = append([]string{"(Intercept)"}, names...)
	if opt.Block != nil {
		absorbCheckLen("block", len(opt.Block), n)
		block, labels := codeLabels(opt.Block)
		levels := olsSortedLevels(block)
		for _, l := range levels[1:] {
			dummy := make([]float64, n)
			for i, b := range block {
				if b == l {
					dummy[i] = 1
				}
			}
			cols = append(cols, dummy)
			d.names = append(d.names, "block:"+labels[l])
		}
	}
	d.p = len(cols)
	if n <= d.p {
		return nil, fmt.Errorf("%w: %d observations for %d coefficients", ErrTooFew, n, d.p)
	}
	d.x = make([]float64, n*d.p)
	for j, c := range cols {
		for i, v := range c {
			d.x[i*d.p+j] = v
		}
	}
	// Rank check on the unweighted design, as OLS does.
	p := d.p
	r := tallQR(n, p, func(i int, row []float64) { copy(row, d.x[i*p:i*p+p]) })
	for j, c := range cols {
		norm := floats.Norm(c, 2)
		if norm == 0 || math.Abs(r[j*p+j]) <= olsCollinearTol*norm {
			if j > 0 && olsIsConstant(c) {
				return nil, fmt.Errorf("%w: column %q is constant", ErrSingular, d.names[j])
			}
			return nil, fmt.Errorf("%w: column %q is collinear with the columns before it", ErrSingular, d.names[j])
		}
	}
	return d, nil
}
