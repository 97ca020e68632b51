package stats

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// WLS fits y = Xβ + ε by weighted least squares with weights w, and
// estimates the covariance of β as
//
//	estimatr::lm_robust(y ~ x..., weights = w, se_type = opt.Cov)
//
// does: the model is fitted by OLS to √w y on √w X (the intercept column
// becoming √w), so that, with X̃ = W^(1/2) X and ẽ = W^(1/2) e,
//
//	β = (X'WX)⁻¹ X'Wy,  h_ii = w_i x_i'(X'WX)⁻¹x_i,
//	HCk  V = (X̃'X̃)⁻¹ X̃' diag(ω) X̃ (X̃'X̃)⁻¹, ω_i from ẽ_i and h_ii as in OLS
//
// and the residual df is n - p. Residuals in the result are y - Xβ,
// unweighted. Only opt.Cov (Classical, HC0 to HC3) and opt.Level are used.
//
// Special cases: those of OLS (an exact fit judged on the weighted
// residuals and fitted values), and
//
//	a weight ≤ 0, NaN or ±Inf  → error wrapping ErrDomain
//
// WLS panics as OLS does on slices of the wrong lengths, and if opt asks
// for CR2, blocks or clusters, which it does not implement.
func WLS(y, w []float64, names []string, x [][]float64, opt OLSOptions) (*OLSResult, error) {
	n := len(y)
	absorbCheckLen("weights", len(w), n)
	if opt.Cov == CR2 || opt.Block != nil || opt.Cluster != nil {
		panic("stats: WLS has no CR2, blocks or clusters")
	}
	if err := checkRegression(y, names, x); err != nil {
		return nil, err
	}
	level, err := confidenceLevel(opt.Level)
	if err != nil {
		return nil, err
	}
	sw := make([]float64, n)
	for i, v := range w {
		if !(v > 0) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("%w: weight %v at observation %d is not positive and finite", ErrDomain, v, i+1)
		}
		sw[i] = math.Sqrt(v)
	}
	scaled := func(v []float64) []float64 {
		out := make([]float64, n)
		for i := range v {
			out[i] = sw[i] * v[i]
		}
		return out
	}
	f := &olsFit{n: n, names: append([]string{"(Intercept)"}, names...), cols: [][]float64{sw}}
	for _, c := range x {
		f.cols = append(f.cols, scaled(c))
	}
	f.p = len(f.cols)
	f.dfResid = float64(n - f.p)
	if f.dfResid < 1 {
		return nil, fmt.Errorf("%w: %d observations for %d parameters", ErrTooFew, n, f.p)
	}
	ys := scaled(y)
	if err := f.solve(ys, nil); err != nil {
		return nil, err
	}
	var cov *mat.SymDense
	switch opt.Cov {
	case Classical, HC0, HC1, HC2, HC3:
		cov = robustCov(f, opt.Cov)
	default:
		panic("stats: unknown CovType")
	}
	res := &OLSResult{Cov: cov, N: n, ResidualDF: f.dfResid, CovType: opt.Cov, Level: level, Residuals: make([]float64, n)}
	for i := range res.Residuals {
		res.Residuals[i] = f.resid[i] / sw[i]
	}
	for j := 0; j < f.p; j++ {
		res.Coefficients = append(res.Coefficients, olsCoefficient(f.names[j], f.beta[j], math.Sqrt(cov.At(j, j)), f.dfResid, level))
	}
	if olsExactFit(ys, f.resid, f.dfResid) {
		olsMarkExact(res)
	}
	return res, nil
}
