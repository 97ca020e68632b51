package stats

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// LMMRandomSlopeResult is a linear mixed model with a correlated random
// intercept and random slope per group.
type LMMRandomSlopeResult struct {
	// Coefficients are the fixed effects: the intercept, the columns in the
	// order given, then the block dummies; SE from Cov, DF by Satterthwaite,
	// T = Estimate/SE, P and the interval from t with DF.
	Coefficients []Coefficient
	// Cov is the fixed effects' covariance σ̂² (X'V*⁻¹X)⁻¹, R's vcov(fit).
	Cov *mat.SymDense
	// VarIntercept and VarSlope are the variances of the groups' random
	// intercepts and slopes, CovInterceptSlope their covariance and Cor
	// their correlation (NaN when a variance is 0), VarResidual σ², as
	// R's as.data.frame(VarCorr(fit)).
	VarIntercept, VarSlope, CovInterceptSlope, Cor float64
	VarResidual                                    float64
	// Theta is lme4's getME(fit, "theta"): (θ₁₁, θ₂₁, θ₂₂), the lower
	// triangle of the relative covariance factor Λ by columns, in the
	// data's units, θ₁₁, θ₂₂ ≥ 0.
	Theta [3]float64
	// LogLik is the maximised log-likelihood, restricted for REML, equal to
	// R's logLik(fit); -2 LogLik is lme4's REML criterion (or deviance).
	LogLik float64
	// REML says whether the fit is by REML (the default) or ML.
	REML bool
	// Singular says whether the groups' covariance matrix is at or next to
	// singular, as lme4's isSingular(fit): θ₁₁ or θ₂₂ below 1e-4. Cor is
	// then ±1 or undefined, and a variance may be 0.
	Singular bool
	// N is the number of observations, Groups the number of groups and
	// GroupsVarying those in which the slope column varies.
	N, Groups, GroupsVarying int
	// Slope is the name of the column whose slope varies by group.
	Slope string
	// Level is the confidence level of the intervals.
	Level float64
}

// LMMRandomSlope fits the linear mixed model with a correlated random
// intercept and random slope of column x[slope] for each group,
//
//	y = Xβ + Zb + e,   b_j ~ N(0, Σ),   e ~ N(0, σ² I_n),   Σ = σ² ΛΛ',   Λ = [θ₁₁ 0; θ₂₁ θ₂₂]
//
// Z block-diagonal with the groups' blocks Z_j = [1 t_j], t = x[slope], as
// lmerTest::lmer(y ~ x... + (1 + t | group), REML = !opt.ML) with
// summary()'s Satterthwaite df [1, 2] (references as LMM's). In a trial
// randomised within sites, with t the treatment and the groups the sites,
// it lets the treatment's effect vary by site: the fixed coefficient of t
// is the average effect, VarSlope the variance of the sites' effects
// about it. x, names, group and opt are as LMM's.
//
// For fixed θ, β̂(θ) is generalised least squares and σ̂²(θ) = r²(θ)/k, r²
// the weighted residual sum of squares and k = n - p (REML) or n (ML); the
// deviance profiled over both is lme4's ([1], section 3.4), with
// V* = I + ZΛΛ'Z' the covariance of y over σ²,
//
//	ML    -2 log L(θ)   = log|V*| + n (1 + log(2π r²/n))
//	REML  -2 log L_R(θ) = log|V*| + log|X'V*⁻¹X| + (n-p) (1 + log(2π r²/(n-p)))
//
// computed from each group's 2 by 2 blocks and the factor of the residuals
// of every column's regression on [1 t] within its group, found once (see
// lmmRSData): no n by n matrix is formed and each evaluation costs
// O(J p²). It is minimised over θ by BFGS with its analytic gradient from
// several starts and then Newton's method (see fitTheta). The df are
// Satterthwaite's in lmerTest's parametrisation (θ, σ) (see
// lmmRSData.satterthwaite).
//
// Special cases:
//
//	a NaN or ±Inf in y or x, or opt.Level not in (0, 1)  → error wrapping ErrDomain
//	fewer than 2 groups, n ≤ p                            → error wrapping ErrTooFew
//	n ≤ 2J (no more observations than random effects)     → error wrapping ErrTooFew (lmer refuses too)
//	a column constant or collinear (block dummies too)    → error wrapping ErrSingular, naming it
//	x[slope] constant within every group                  → error wrapping ErrSingular (its slope's variance
//	                                                         cannot be told from the intercept's)
//	the fixed effects fitting y exactly                   → error wrapping ErrZeroVariance
//	no finite optimum                                     → error wrapping ErrNoConvergence
//	x[slope] constant within some groups                  → allowed; they inform the intercepts' variance
//	the optimum on the boundary (Σ singular)              → Singular, a variance 0 or Cor ±1; at Σ = 0
//	                                                         the least-squares fit with df = n - p (REML) or n (ML)
//
// LMMRandomSlope panics if a column, group or opt.Block does not have
// len(y) elements, if len(names) != len(x), or if slope is not an index of
// x.
func LMMRandomSlope(y []float64, names []string, x [][]float64, group []string, slope int, opt LMMOptions) (*LMMRandomSlopeResult, error) {
	level, err := confidenceLevel(opt.Level)
	if err != nil {
		return nil, err
	}
	d, err := lmmRSNewData(y, names, x, group, slope, opt.Block)
	if err != nil {
		return nil, err
	}
	r0 := d.at([3]float64{}, !opt.ML).r
	if err := d.checkRank(r0, x); err != nil {
		return nil, err
	}
	if d.varies == 0 {
		return nil, fmt.Errorf("%w: column %q does not vary within any group, so its random slope cannot be told from the random intercept",
			ErrSingular, d.names[d.slope])
	}
	if rss := math.Abs(r0[d.q*d.q-1]); rss <= 1e-12*d.yNorm || d.yNorm == 0 {
		return nil, fmt.Errorf("%w: the fixed effects fit the outcome exactly", ErrZeroVariance)
	}
	pt, err := d.fitTheta(!opt.ML)
	if err != nil {
		return nil, err
	}
	return d.result(pt, level)
}

// result undoes the scaling of y and X (see lmmData): with ỹ = s y and
// t̃ = c t, the slope's random effect is b̃₂ = b₂ s/c, so that
// Λ = diag(1, c) Λ̃ and Σ = σ² ΛΛ' with σ² = σ̃²/s².
func (d *lmmRSData) result(pt lmmRSPoint, level float64) (*LMMRandomSlopeResult, error) {
	pp := d.parts(pt, true)
	df := d.satterthwaite(pt, pp)
	c := d.colScale[d.slope]
	th := [3]float64{pt.theta[0], pt.theta[1] * c, pt.theta[2] * c}
	s2 := pt.sigma2() / (d.yScale * d.yScale)
	res := &LMMRandomSlopeResult{
		VarIntercept:      s2 * th[0] * th[0],
		VarSlope:          s2 * (th[1]*th[1] + th[2]*th[2]),
		CovInterceptSlope: s2 * th[0] * th[1],
		VarResidual:       s2,
		Theta:             th,
		LogLik:            d.logLik(pt.lmmPoint),
		REML:              pt.reml,
		Singular:          th[0] < lmmSingularTol || th[2] < lmmSingularTol,
		N:                 d.n,
		Groups:            len(d.groups),
		GroupsVarying:     d.varies,
		Slope:             d.names[d.slope],
		Level:             level,
	}
	res.Cor = math.NaN()
	if th[0] != 0 && (th[1] != 0 || th[2] != 0) {
		res.Cor = th[1] / math.Hypot(th[1], th[2]) // Σ₁₂/√(Σ₁₁Σ₂₂), θ₁₁ > 0
	}
	var err error
	if res.Coefficients, res.Cov, err = d.fixedEffects(pt.lmmPoint, pp.beta, pp.minv, df, level); err != nil {
		return nil, err
	}
	if !lmmFinite(res.VarIntercept, res.VarSlope, res.CovInterceptSlope, res.VarResidual, res.LogLik) || res.VarResidual == 0 {
		return nil, fmt.Errorf("%w: variances %v, %v and %v, log-likelihood %v (beyond the range of float64?)",
			ErrDomain, res.VarIntercept, res.VarSlope, res.VarResidual, res.LogLik)
	}
	return res, nil
}
