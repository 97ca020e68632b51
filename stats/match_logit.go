package stats

import (
	"fmt"
	"math"
)

// logitEps is R's DBL_EPSILON, the bound of the logit link's inverse and
// derivative in binomial()'s C code.
const logitEps = 2.220446049250313e-16

// Logistic fits the logistic regression
//
//	logit P(y_i = 1) = offset_i + β₀ + x_i'β
//
// of a 0/1 outcome by iteratively reweighted least squares exactly as R's
// glm(y ~ x..., family = binomial) does (glm.fit with binomial()'s start
// μ = (y + 1/2)/2, working response z = η + (y - μ)/μ', weights μ'²/(μ(1-μ)),
// μ' = e^η/(1+e^η)² bounded below by the machine epsilon for |η| > 30, and
// the stop |dev - dev_old|/(|dev| + 0.1) < ε), with Wald standard errors from
// (X'WX)⁻¹ of the last iteration [1]. It is the propensity score model of
// MatchIt's distance = "glm"; GLMResult.Fitted holds the fitted
// probabilities. Theta and ThetaSE are NaN.
//
// Special cases:
//
//	y not 0 or 1, or a non-finite x or offset          → error wrapping ErrDomain
//	a constant or collinear column                     → error wrapping ErrSingular
//	no convergence in MaxIter iterations                → error wrapping ErrNoConvergence
//	fitted probabilities numerically 0 or 1 (the        → error wrapping ErrNoConvergence
//	covariates separate the outcome's two values)          (R warns and returns the last iterate)
//
// Logistic panics as Poisson does on slices of the wrong lengths.
//
// [1] McCullagh, P. and Nelder, J. A. (1989). Generalized Linear Models,
// 2nd ed. Chapman and Hall, chapter 4.
func Logistic(y []float64, names []string, x [][]float64, opt GLMOptions) (*GLMResult, error) {
	for i, v := range y {
		if v != 0 && v != 1 {
			return nil, fmt.Errorf("%w: outcome %v at observation %d is not 0 or 1", ErrDomain, v, i+1)
		}
	}
	d, err := glmNewDesign(y, names, x, opt)
	if err != nil {
		return nil, err
	}
	fit, err := logitIRLS(d)
	if err != nil {
		return nil, err
	}
	ll := 0.0
	for i, m := range fit.mu {
		if m > 1-10*logitEps || m < 10*logitEps {
			return nil, fmt.Errorf("%w: fitted probability numerically 0 or 1 at observation %d (the covariates separate the two groups)", ErrNoConvergence, i+1)
		}
		if y[i] == 1 {
			ll += math.Log(m)
		} else {
			ll += math.Log(1 - m)
		}
	}
	return glmResult(d, fit, ll, math.NaN(), math.NaN(), 0), nil
}

// logitLinkInv and logitMuEta are binomial()'s linkinv and mu.eta.
func logitLinkInv(eta float64) float64 {
	var t float64
	switch {
	case eta < -30:
		t = logitEps
	case eta > 30:
		t = 1 / logitEps
	default:
		t = math.Exp(eta)
	}
	return t / (1 + t)
}

func logitMuEta(eta float64) float64 {
	if eta > 30 || eta < -30 {
		return logitEps
	}
	o := 1 + math.Exp(eta)
	return math.Exp(eta) / (o * o)
}

// logitDeviance is the binomial deviance Σ 2 (y log(y/μ) + (1-y) log((1-y)/(1-μ))).
func logitDeviance(y, mu []float64) float64 {
	s := 0.0
	for i, m := range mu {
		if y[i] == 1 {
			s -= 2 * math.Log(m)
		} else {
			s -= 2 * math.Log(1-m)
		}
	}
	return s
}

// logitIRLS is glm.fit for the binomial family with the logit link (see
// Logistic); its step halving on a non-finite deviance is glmIRLS's.
func logitIRLS(d *glmDesign) (*glmFit, error) {
	n, p := d.n, d.p
	eta := make([]float64, n)
	mu := make([]float64, n)
	for i, v := range d.y {
		m := (v + 0.5) / 2
		eta[i] = math.Log(m / (1 - m))
		mu[i] = m
	}
	setMu := func(beta []float64) {
		for i := 0; i < n; i++ {
			e := d.offset[i]
			for j, b := range beta {
				e += d.x[i*p+j] * b
			}
			eta[i], mu[i] = e, logitLinkInv(e)
		}
	}
	devOld := logitDeviance(d.y, mu)
	var coefOld []float64
	q := p + 1
	for iter := 1; iter <= d.maxIter; iter++ {
		r := tallQR(n, q, func(i int, row []float64) {
			me := logitMuEta(eta[i])
			z := eta[i] - d.offset[i] + (d.y[i]-mu[i])/me
			w := math.Sqrt(me * me / (mu[i] * (1 - mu[i])))
			for j, v := range d.x[i*p : i*p+p] {
				row[j] = v * w
			}
			row[p] = z * w
		})
		beta, ok := tallQRSolve(r, q)
		if !ok {
			return nil, glmErrNoConv("weighted least squares failed at iteration %d: the weighted design is singular", iter)
		}
		for _, b := range beta {
			if math.IsNaN(b) || math.IsInf(b, 0) {
				return nil, glmErrNoConv("non-finite coefficients at iteration %d", iter)
			}
		}
		setMu(beta)
		dv := logitDeviance(d.y, mu)
		for ii := 1; math.IsNaN(dv) || math.IsInf(dv, 0); ii++ {
			if coefOld == nil || ii > d.maxIter {
				return nil, glmErrNoConv("no valid set of coefficients at iteration %d", iter)
			}
			for j := range beta {
				beta[j] = (beta[j] + coefOld[j]) / 2
			}
			setMu(beta)
			dv = logitDeviance(d.y, mu)
		}
		if math.Abs(dv-devOld)/(math.Abs(dv)+0.1) < d.eps {
			return &glmFit{beta: beta, mu: mu, dev: dv, cov: glmCovFromR(r, q, p), iter: iter}, nil
		}
		devOld, coefOld = dv, beta
	}
	return nil, glmErrNoConv("IRLS did not converge in %d iterations", d.maxIter)
}
