package stats

import (
	"fmt"
	"math"
)

// glmDesign is the model matrix of a count or logistic model, kept in two
// parts: the dense columns (the intercept, implicit, and the caller's
// columns, read but never copied or modified) and the blocks as one code
// per observation. Block k > 0 has the indicator column pd+k-1; block 0,
// the first to appear, has none (treatment contrasts). The full n by p
// matrix is never stored: row writes a row of it when the QR path needs it.
type glmDesign struct {
	n, p    int
	pd      int // dense columns: the intercept and the given columns
	nb      int // blocks (levels); 0 without blocks
	names   []string
	x       [][]float64 // the dense columns after the intercept
	block   []int       // block code of each observation, nil without blocks
	y       []float64
	offset  []float64 // nil for none
	level   float64
	maxIter int
	eps     float64
	// qrOnly makes every IRLS step solve by QR, the reference path.
	qrOnly bool
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
	if opt.Offset != nil {
		absorbCheckLen("offset", len(opt.Offset), n)
		if err := olsCheckFinite("offset", opt.Offset); err != nil {
			return nil, err
		}
		d.offset = opt.Offset
	}
	d.pd = 1 + len(x)
	d.names = append([]string{"(Intercept)"}, names...)
	d.x = x
	d.p = d.pd
	if opt.Block != nil {
		absorbCheckLen("block", len(opt.Block), n)
		// codeLabels numbers the labels in order of first appearance, so
		// the codes are 0, ..., len(labels)-1 and block 0 is the first.
		var labels []string
		d.block, labels = codeLabels(opt.Block)
		d.nb = len(labels)
		for _, l := range labels[1:] {
			d.names = append(d.names, "block:"+l)
		}
		d.p += d.nb - 1
	}
	if n <= d.p {
		return nil, fmt.Errorf("%w: %d observations for %d coefficients", ErrTooFew, n, d.p)
	}
	if err := d.checkRank(); err != nil {
		return nil, err
	}
	return d, nil
}

// dense writes observation i's dense columns into dst (pd long).
func (d *glmDesign) dense(i int, dst []float64) {
	dst[0] = 1
	for j, c := range d.x {
		dst[j+1] = c[i]
	}
}

// off is observation i's offset.
func (d *glmDesign) off(i int) float64 {
	if d.offset == nil {
		return 0
	}
	return d.offset[i]
}

// row writes observation i's row of the full model matrix into dst (p long).
func (d *glmDesign) row(i int, dst []float64) {
	d.dense(i, dst)
	if d.block != nil {
		clear(dst[d.pd:])
		if b := d.block[i]; b > 0 {
			dst[d.pd+b-1] = 1
		}
	}
}

// eta returns the linear predictor offset_i + x_i'β of observation i.
func (d *glmDesign) eta(i int, beta []float64) float64 {
	e := d.off(i) + beta[0]
	for j, c := range d.x {
		e += c[i] * beta[j+1]
	}
	if d.block != nil {
		if b := d.block[i]; b > 0 {
			e += beta[d.pd+b-1]
		}
	}
	return e
}

// column returns column j of the full model matrix (for error messages).
func (d *glmDesign) column(j int) []float64 {
	c := make([]float64, d.n)
	row := make([]float64, d.p)
	for i := range c {
		d.row(i, row)
		c[i] = row[j]
	}
	return c
}
