package stats

import "math"

// lmmPoint is the model profiled over β and σ at one variance ratio
// λ = θ² = σ_u²/σ².
type lmmPoint struct {
	lambda  float64
	r       []float64 // R(λ), q by q, row-major (see lmmData.factor)
	logDetV float64   // log|V*| = Σ_j log(1 + λ n_j)
	logDetM float64   // log|X'V*⁻¹X| = 2 Σ_{k<p} log|R_kk|
	pwrss   float64   // min_β (y - Xβ)'V*⁻¹(y - Xβ) = R_qq²
	k       float64   // n - p for REML, n for ML: the divisor of σ̂²
	reml    bool
	dev     float64 // the profiled deviance, -2 log L at (β̂(λ), σ̂²(λ))
}

// at evaluates the profiled deviance at λ:
//
//	ML    d(λ) = log|V*| + n (1 + log(2π r²/n))
//	REML  d(λ) = log|V*| + log|X'V*⁻¹X| + (n-p) (1 + log(2π r²/(n-p)))
//
// with r² = pwrss, V* = I + λZZ' the covariance of y over σ², and
// σ̂² = r²/k. These are lme4's profiled deviance and REML criterion ([1],
// section 3.4), whose log|L_θ|² is log|I + λZ'Z| = log|V*| by Sylvester's
// determinant identity; Z'Z is diagonal with the groups' sizes. The
// references are in LMM's comment.
func (d *lmmData) at(lambda float64, reml bool) lmmPoint {
	logDetV := 0.0
	for _, nj := range d.size {
		logDetV += math.Log1p(lambda * nj)
	}
	pt := d.point(d.factor(lambda), logDetV, reml)
	pt.lambda = lambda
	return pt
}

// point completes the profiled deviance from R, the factor of
// [X | y]'V*⁻¹[X | y], and log|V*|, for any covariance V* of the random
// effects (lmmRSData.at uses it too): log|X'V*⁻¹X| = 2 Σ_{k<p} log|R_kk|,
// r² = R_qq², and the deviance as at's comment gives it.
func (d *lmmData) point(r []float64, logDetV float64, reml bool) lmmPoint {
	q := d.q
	pt := lmmPoint{r: r, logDetV: logDetV, reml: reml, k: float64(d.n)}
	for k := 0; k < d.p; k++ {
		pt.logDetM += 2 * math.Log(math.Abs(pt.r[k*q+k]))
	}
	last := pt.r[q*q-1]
	pt.pwrss = last * last
	if reml {
		pt.k = float64(d.n - d.p)
	}
	pt.dev = pt.logDetV + pt.k*(1+math.Log(2*math.Pi*pt.pwrss/pt.k))
	if reml {
		pt.dev += pt.logDetM
	}
	return pt
}

// sigma2 is σ̂² = r²/k, lme4's sigma(fit)².
func (pt lmmPoint) sigma2() float64 { return pt.pwrss / pt.k }
