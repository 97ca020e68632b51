package stats

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// olsExactFitTol is the relative threshold below which a least-squares fit
// counts as exact:
//
//	e'e / (n - p)  ≤  olsExactFitTol · Σ ŷ_i² / n,
//
// the residual variance against the mean square of the fitted values (the
// form of R's summary.lm, which warns "essentially perfect fit" below
// 1e-30). The residuals of an exact fit are rounding errors, about 1e-16
// of |ŷ| each (1e-32 squared), while any outcome with a real residual has
// a residual SD far above 1e-10 of its fitted values' size, so 1e-20 lies
// between the two with six orders of magnitude to spare on each side.
const olsExactFitTol = 1e-20

// errExactFit is why the standard errors of an exact fit are undefined.
var errExactFit = fmt.Errorf("%w: the model fits the outcome exactly (residual variance at most %g of the fitted values' mean square), so the standard errors are undefined", ErrZeroVariance, olsExactFitTol)

// olsExactFit reports whether the residuals resid of the fit of y (as
// fitted: weighted for WLS) with df residual degrees of freedom are
// negligible (olsExactFitTol).
func olsExactFit(y, resid []float64, df float64) bool {
	var rss, fss float64
	for i, e := range resid {
		rss += e * e
		f := y[i] - e
		fss += f * f
	}
	return rss/df <= olsExactFitTol*fss/float64(len(y))
}

// olsMarkExact makes the inference of an exact fit undefined: every
// coefficient's SE, T, P and interval, and the covariance, become NaN
// (the estimates and DF stand), and ExactFit is set.
func olsMarkExact(res *OLSResult) {
	res.ExactFit = true
	p, _ := res.Cov.Dims()
	nan := make([]float64, p*p)
	for i := range nan {
		nan[i] = math.NaN()
	}
	res.Cov = mat.NewSymDense(p, nan)
	for j := range res.Coefficients {
		c := &res.Coefficients[j]
		c.SE, c.T, c.P, c.CILow, c.CIHigh = math.NaN(), math.NaN(), math.NaN(), math.NaN(), math.NaN()
	}
}
