package stats

import (
	"fmt"
	"math"
)

// logitDivergingStep is the largest change of a linear predictor that one
// IRLS step past convergence may make. At a maximum of the likelihood
// Newton's method converges quadratically and the next step is tiny; when
// the covariates separate the outcome (quasi-completely), the likelihood
// keeps rising as the separating coefficients grow, and every step moves
// the separated observations' linear predictors by about 1 (the Newton
// step on a tail log(1 + e^-η)), however long R's stopping rule waited.
const logitDivergingStep = 0.1

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
//	coefficients diverging: one more IRLS step after   → error wrapping ErrNoConvergence
//	convergence moves a linear predictor by more than      (quasi-complete separation; R returns the
//	0.1 (logitDivergingStep)                               last iterate, a huge SE and p ≈ 1, silently)
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
	// Every step by QR, as before the normal equations: the propensity
	// scores, and matching's calipers on them, keep every digit.
	d.qrOnly = true
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
	if step := glmNextStep(d, logitFamily(), fit); step > logitDivergingStep {
		return nil, fmt.Errorf("%w: the coefficients diverge (one more IRLS step moves a linear predictor by %.3g: the covariates separate the two groups, or nearly)", ErrNoConvergence, step)
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

// logitFamily is binomial() with the logit link, its unit deviance
// 2 (y log(y/μ) + (1-y) log((1-y)/(1-μ))) for a 0/1 outcome.
func logitFamily() glmFamily {
	return glmFamily{
		linkInv:  logitLinkInv,
		muEta:    logitMuEta,
		variance: func(mu float64) float64 { return mu * (1 - mu) },
		devResid: func(y, mu float64) float64 {
			if y == 1 {
				return -2 * math.Log(mu)
			}
			return -2 * math.Log(1-mu)
		},
	}
}

// logitIRLS is glm.fit for the binomial family with the logit link (see
// Logistic), from binomial()'s start μ = (y + 1/2)/2.
func logitIRLS(d *glmDesign) (*glmFit, error) {
	eta := make([]float64, d.n)
	mu := make([]float64, d.n)
	for i, v := range d.y {
		m := (v + 0.5) / 2
		eta[i] = math.Log(m / (1 - m))
		mu[i] = m
	}
	return glmIRLS(d, logitFamily(), eta, mu)
}
