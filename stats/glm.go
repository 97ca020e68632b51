package stats

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distuv"
)

// GLMOptions are the optional parts of a Poisson or negative-binomial fit.
// The zero value fits an intercept and the given columns, with no offset, 95%
// intervals and R's glm.control() defaults.
type GLMOptions struct {
	// Block, when not nil, holds each observation's block label. Labels are
	// coded once, in order of first appearance, and the blocks enter as
	// dummies for every block but the first to appear (R's factor(block)
	// with treatment contrasts and the levels in that order), named
	// "block:<label>".
	Block []string
	// Offset, when not nil, is added to the linear predictor with a fixed
	// coefficient of 1: log(exposure) for rates per unit of exposure.
	Offset []float64
	// Level is the confidence level of the Wald intervals; 0 means 0.95.
	Level float64
	// MaxIter bounds the IRLS iterations of each fit, the Newton steps for
	// theta and the alternations of glm.nb; 0 means 25 (glm.control).
	MaxIter int
	// Epsilon is the convergence tolerance of IRLS and of the alternation;
	// 0 means 1e-8 (glm.control).
	Epsilon float64
}

// GLMCoefficient is one coefficient of a generalised linear model with its
// Wald inference.
type GLMCoefficient struct {
	// Name is the column's name, "(Intercept)" or "block:<label>".
	Name string
	// Estimate is the maximum-likelihood estimate on the log scale; exp of it
	// is a rate ratio.
	Estimate float64
	// SE is the Wald standard error, from the inverse Fisher information.
	SE float64
	// Z is Estimate/SE and P its two-sided p-value from the standard normal.
	Z, P float64
	// CILow and CIHigh bound the Wald interval Estimate ± z_{(1+level)/2} SE
	// (R's confint.default).
	CILow, CIHigh float64
}

// GLMResult is a fitted log-linear Poisson or negative-binomial model.
type GLMResult struct {
	// Coefficients are the intercept, the columns in the order given, then
	// the block dummies.
	Coefficients []GLMCoefficient
	// Cov is the coefficients' covariance matrix (dispersion 1).
	Cov *mat.SymDense
	// Fitted are the fitted means μ_i.
	Fitted []float64
	// Deviance is the residual deviance, and LogLik the log-likelihood at the
	// estimates (for the negative binomial at the reported Theta, R's
	// twologlik/2).
	Deviance, LogLik float64
	// N is the number of observations, ResidualDF n minus the coefficients.
	N, ResidualDF int
	// Iterations is the number of IRLS iterations of the final fit (R's iter).
	Iterations int
	// Theta is the negative-binomial size (variance μ + μ²/θ) and ThetaSE its
	// standard error; both NaN for the Poisson model.
	Theta, ThetaSE float64
	// Alternations is the number of times glm.nb alternated between
	// estimating θ and the coefficients; 0 for the Poisson model.
	Alternations int
	// Level is the confidence level of the intervals.
	Level float64
}

// Poisson fits the log-linear Poisson model
//
//	log E[y_i] = offset_i + β₀ + x_i'β
//
// by iteratively reweighted least squares exactly as R's
// glm(y ~ x..., family = poisson, offset = offset) does (glm.fit: start at
// μ = y + 0.1, stop when |dev - dev_old|/(|dev| + 0.1) < ε), with Wald
// standard errors from (X'WX)⁻¹ of the last iteration [1].
//
// The model matrix is never formed: each step accumulates X'WX from the
// columns and the block codes (its block part is diagonal) and solves it by
// Cholesky, or by Householder QR of the weighted design when the system is
// ill-conditioned (see glmCholSolve); the work is O(n p_d²) per step for
// p_d columns besides the blocks, on all cores, with the same result on any
// number of them.
//
// Special cases:
//
//	y not a non-negative whole number, or a non-finite x or offset → error wrapping ErrDomain
//	a constant or collinear column                                → error wrapping ErrSingular
//	no convergence in MaxIter iterations                          → error wrapping ErrNoConvergence
//	a fitted mean numerically 0 (a group with no events)          → error wrapping ErrNoConvergence
//	                                                                (R returns the last iterate)
//
// Poisson panics if a column, opt.Block or opt.Offset does not have len(y)
// elements, or if len(names) != len(x).
//
// [1] McCullagh, P. and Nelder, J. A. (1989). Generalized Linear Models,
// 2nd ed. Chapman and Hall, section 2.5.
func Poisson(y []float64, names []string, x [][]float64, opt GLMOptions) (*GLMResult, error) {
	d, err := glmNewDesign(y, names, x, opt)
	if err != nil {
		return nil, err
	}
	return poissonFit(d)
}

// poissonFit fits the Poisson model of d (see Poisson).
func poissonFit(d *glmDesign) (*GLMResult, error) {
	y := d.y
	fit, err := glmIRLS(d, glmPoissonFamily(), glmPoissonStart(y), nil)
	if err != nil {
		return nil, err
	}
	if err := glmCheckZeroMeans(y, fit.mu); err != nil {
		return nil, err
	}
	ll := 0.0
	for i, v := range y {
		ll += v*math.Log(fit.mu[i]) - fit.mu[i] - glmLgamma(v+1)
	}
	return glmResult(d, fit, ll, math.NaN(), math.NaN(), 0), nil
}

// glmResult assembles the coefficients with their Wald inference.
func glmResult(d *glmDesign, fit *glmFit, ll, theta, thetaSE float64, alt int) *GLMResult {
	z := distuv.UnitNormal.Quantile(0.5 + d.level/2)
	res := &GLMResult{
		Cov: fit.cov, Fitted: fit.mu, Deviance: fit.dev, LogLik: ll,
		N: d.n, ResidualDF: d.n - d.p, Iterations: fit.iter,
		Theta: theta, ThetaSE: thetaSE, Alternations: alt, Level: d.level,
	}
	for j := 0; j < d.p; j++ {
		c := GLMCoefficient{Name: d.names[j], Estimate: fit.beta[j], SE: math.Sqrt(fit.cov.At(j, j))}
		c.Z = c.Estimate / c.SE
		c.P = 2 * distuv.UnitNormal.CDF(-math.Abs(c.Z))
		c.CILow, c.CIHigh = c.Estimate-z*c.SE, c.Estimate+z*c.SE
		res.Coefficients = append(res.Coefficients, c)
	}
	return res
}

// glmPoissonStart is glm.fit's starting linear predictor for a count,
// log(y + 0.1) (poisson()$initialize: μ = y + 0.1).
func glmPoissonStart(y []float64) []float64 {
	eta := make([]float64, len(y))
	glmForChunks(len(y), func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			eta[i] = math.Log(y[i] + 0.1)
		}
	})
	return eta
}

// glmLgamma is log Γ(x) for x > 0.
func glmLgamma(x float64) float64 {
	v, _ := math.Lgamma(x)
	return v
}

// glmLogVec returns the elementwise logarithm.
func glmLogVec(v []float64) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = math.Log(x)
	}
	return out
}

// glmErrNoConv wraps ErrNoConvergence with what did not converge.
func glmErrNoConv(format string, a ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrNoConvergence}, a...)...)
}

// glmCheckZeroMeans reports a fit in which some fitted means went to zero:
// a group with no events (separation), where the maximum-likelihood estimate
// is -∞ and IRLS stops only because the deviance settles. R returns the
// last iterate with a huge standard error; evalkit calls it undefined.
func glmCheckZeroMeans(y, mu []float64) error {
	total := 0.0
	for _, v := range y {
		total += v
	}
	if total == 0 {
		return fmt.Errorf("%w: every count is zero, so the rates are not estimable", ErrNoConvergence)
	}
	floor := 1e-8 * total / float64(len(y))
	for i, m := range mu {
		if m < floor {
			return fmt.Errorf("%w: fitted mean numerically zero at observation %d (a group with no events?)", ErrNoConvergence, i+1)
		}
	}
	return nil
}
