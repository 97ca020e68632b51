package stats

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// LMMOptions are the optional parts of a random-intercept fit. The zero
// value fits by REML, with an intercept, no blocks and 95% intervals.
type LMMOptions struct {
	// Block, when not nil, holds each observation's block label; the blocks
	// enter as fixed effects, R's factor(block): a dummy for every block but
	// the first to appear, named "block:<label>", after the columns. (The
	// other coefficients and the variances do not depend on which block is
	// left out.)
	Block []string
	// ML fits by maximum likelihood instead of REML (lmer's REML = FALSE).
	ML bool
	// Level is the confidence level of the intervals; 0 means 0.95.
	Level float64
}

// LMMResult is a linear mixed model with a random intercept per group.
type LMMResult struct {
	// Coefficients are the fixed effects: the intercept, the columns in the
	// order given, then the block dummies; SE from Cov, DF by Satterthwaite,
	// T = Estimate/SE, P and the interval from t with DF.
	Coefficients []Coefficient
	// Cov is the fixed effects' covariance σ̂² (X'V*⁻¹X)⁻¹, R's vcov(fit).
	Cov *mat.SymDense
	// VarGroup is σ_u², the variance of the random intercepts, and
	// VarResidual σ², as R's VarCorr(fit).
	VarGroup, VarResidual float64
	// Theta is σ_u/σ, lme4's getME(fit, "theta").
	Theta float64
	// LogLik is the maximised log-likelihood, restricted for REML, equal to
	// R's logLik(fit).
	LogLik float64
	// REML says whether the fit is by REML (the default) or ML.
	REML bool
	// Singular says whether the fit is on or next to the boundary
	// σ_u = 0, as lme4's isSingular(fit) with its tolerance: θ < 1e-4.
	// With θ exactly 0 the model is the ordinary least-squares fit.
	Singular bool
	// N is the number of observations and Groups the number of groups.
	N, Groups int
	// Level is the confidence level of the intervals.
	Level float64
}

// ICC returns the intraclass correlation σ_u² / (σ_u² + σ²).
func (r *LMMResult) ICC() float64 {
	return r.VarGroup / (r.VarGroup + r.VarResidual)
}

// lmmSingularTol is lme4's isSingular tolerance on θ.
const lmmSingularTol = 1e-4

// LMM fits the linear mixed model with a random intercept for each group,
//
//	y = Xβ + Zu + e,   u ~ N(0, σ_u² I_J),   e ~ N(0, σ² I_n)
//
// Z the n by J indicator matrix of the groups, as
// lmerTest::lmer(y ~ x... + (1 | group), REML = !opt.ML) with summary()'s
// Satterthwaite df [1, 2]. x holds the columns (x[k][i] is column k at
// observation i), names their names; the intercept is added.
//
// The covariance of y is σ²V*, V* = I + λZZ', λ = θ² = σ_u²/σ², block-
// diagonal by group with blocks V*_j = I + λ11' whose inverse and
// determinant are those of Sherman and Morrison,
//
//	V*_j⁻¹ = I - λ/(1 + λn_j) 11',   |V*_j| = 1 + λn_j
//
// so that no n by n matrix is formed. For fixed λ, β̂(λ) is generalised
// least squares and σ̂²(λ) = r²(λ)/k, r² the weighted residual sum of
// squares and k = n - p (REML) or n (ML); the deviance profiled over both,
//
//	ML    -2 log L(λ)   = log|V*| + n (1 + log(2π r²/n))
//	REML  -2 log L_R(λ) = log|V*| + log|X'V*⁻¹X| + (n-p) (1 + log(2π r²/(n-p)))
//
// is minimised over θ ≥ 0: a grid from θ = 0 and 1e-3 to 1e3 brackets the
// least value, the boundary θ = 0 is taken when the deviance does not fall
// from it, and otherwise Brent's method and Newton's method on the slope in
// λ (in closed form, see lmmSlopes) find the minimum to full precision.
// X'V*⁻¹X and X'V*⁻¹y come from each group's mean row and a QR factor of
// the within-group deviations, computed once (in O(n p²), in parallel and
// in a fixed order, so that the result does not depend on the number of
// CPUs): each evaluation then costs O(J p²).
//
// The df of each fixed effect β_k are Satterthwaite's [3] as lmerTest's
// summary computes them [2]: with c = e_k, Φ(θ, σ) = σ² (X'V*⁻¹X)⁻¹,
//
//	df = 2 (c'Φc)² / (g'Ag),   g = ∂(c'Φc)/∂(θ, σ),   A = 2 H⁻¹
//	D(θ, σ) = log|V*| [+ log|X'V*⁻¹X|] + k log(2πσ²) + r²(θ)/σ²
//
// H the Hessian of D (the REML or ML deviance, profiled over β only) in
// (θ, σ) at the estimates, inverted on its positive eigenvalues. g and H
// are in closed form here, where lmerTest differentiates numerically; and
// the eigenvalues are taken after scaling H to a unit diagonal, so that,
// unlike lmerTest's, the df do not depend on the outcome's units (see
// lmm_satterthwaite.go).
//
// Special cases:
//
//	a NaN or ±Inf in y or x, or opt.Level not in (0, 1)  → error wrapping ErrDomain
//	fewer than 2 groups, n ≤ p                            → error wrapping ErrTooFew
//	every group of one observation                        → error wrapping ErrTooFew (σ_u² and σ² are not
//	                                                         separately identifiable; lmer refuses too)
//	a column constant or collinear (block dummies too)    → error wrapping ErrSingular, naming it
//	the fixed effects fitting y exactly                   → error wrapping ErrZeroVariance
//	no finite optimum (the groups' means fitted exactly   → error wrapping ErrNoConvergence
//	by group-level columns, or y constant within groups)
//	a group of one observation                            → allowed; it informs β and σ_u² only
//	the optimum at θ = 0                                  → VarGroup 0, Singular, the least-squares
//	                                                         fit with df = n - p (REML) or n (ML)
//
// LMM panics if a column, group or opt.Block does not have len(y) elements,
// or if len(names) != len(x).
//
// [1] Bates, D., Mächler, M., Bolker, B. and Walker, S. (2015). Fitting
// linear mixed-effects models using lme4. Journal of Statistical Software
// 67(1), 1-48.
//
// [2] Kuznetsova, A., Brockhoff, P. B. and Christensen, R. H. B. (2017).
// lmerTest package: tests in linear mixed effects models. Journal of
// Statistical Software 82(13), 1-26.
//
// [3] Satterthwaite, F. E. (1946). An approximate distribution of estimates
// of variance components. Biometrics Bulletin 2(6), 110-114.
func LMM(y []float64, names []string, x [][]float64, group []string, opt LMMOptions) (*LMMResult, error) {
	level, err := confidenceLevel(opt.Level)
	if err != nil {
		return nil, err
	}
	d, err := lmmNewData(y, names, x, group, opt.Block)
	if err != nil {
		return nil, err
	}
	r0 := d.factor(0)
	if err := d.checkRank(r0, x); err != nil {
		return nil, err
	}
	if rss := math.Abs(r0[d.q*d.q-1]); rss <= 1e-12*d.yNorm || d.yNorm == 0 {
		return nil, fmt.Errorf("%w: the fixed effects fit the outcome exactly", ErrZeroVariance)
	}
	reml := !opt.ML
	fit, err := d.fitTheta(reml)
	if err != nil {
		return nil, err
	}
	return d.result(fit, level)
}

// result undoes the scaling of y and X (see lmmData) and fills in the
// result (see fixedEffects and logLik).
func (d *lmmData) result(fit lmmOptimum, level float64) (*LMMResult, error) {
	sl := d.slopes(fit.pt)
	df := d.satterthwaite(fit, sl)
	s := d.yScale
	s2 := fit.pt.sigma2() / (s * s)
	res := &LMMResult{
		VarGroup:    fit.theta * fit.theta * s2,
		VarResidual: s2,
		Theta:       fit.theta,
		LogLik:      d.logLik(fit.pt),
		REML:        fit.pt.reml,
		Singular:    fit.theta < lmmSingularTol,
		N:           d.n,
		Groups:      len(d.groups),
		Level:       level,
	}
	var err error
	if res.Coefficients, res.Cov, err = d.fixedEffects(fit.pt, sl.beta, sl.minv, df, level); err != nil {
		return nil, err
	}
	if !lmmFinite(res.VarGroup, res.VarResidual, res.LogLik) || res.VarResidual == 0 {
		return nil, fmt.Errorf("%w: variances %v and %v, log-likelihood %v (beyond the range of float64?)", ErrDomain, res.VarGroup, res.VarResidual, res.LogLik)
	}
	return res, nil
}

// fixedEffects returns the coefficients and their covariance in y's and
// X's units from β̃ and M̃⁻¹ = (X̃'V*⁻¹X̃)⁻¹ of the scaled data at the point
// pt, with their df: β_k = β̃_k d_k/s, Cov_kl = σ̃² M̃⁻¹_kl d_k d_l/s²
// (σ̃² = σ² s², the scaled variance), the interval and p from t with df.
func (d *lmmData) fixedEffects(pt lmmPoint, beta, minv, df []float64, level float64) ([]Coefficient, *mat.SymDense, error) {
	s := d.yScale
	s2 := pt.sigma2() / (s * s)
	p := d.p
	cov := mat.NewSymDense(p, nil)
	for a := range p {
		for b := a; b < p; b++ {
			cov.SetSym(a, b, s2*minv[a*p+b]*d.colScale[a]*d.colScale[b])
		}
	}
	coef := make([]Coefficient, 0, p)
	for k := range p {
		est := beta[k] * d.colScale[k] / s
		se := math.Sqrt(pt.sigma2()*minv[k*p+k]) * d.colScale[k] / s // without squaring 1/s
		c := olsCoefficient(d.names[k], est, se, df[k], level)
		if !lmmFinite(c.Estimate, c.SE, c.DF) || !(c.DF > 0) || !(c.SE > 0) {
			return nil, nil, fmt.Errorf("%w: %s has estimate %v, se %v, df %v (beyond the range of float64?)", ErrDomain, c.Name, c.Estimate, c.SE, c.DF)
		}
		coef = append(coef, c)
	}
	return coef, cov, nil
}

// logLik returns the log-likelihood of y at the point pt of the scaled
// data, log L = log L~ + k log s [+ Σ log d_k for REML]: the density's
// Jacobian (and for REML that of log|X'V*⁻¹X|).
func (d *lmmData) logLik(pt lmmPoint) float64 {
	ll := -pt.dev/2 + pt.k*math.Log(d.yScale)
	if pt.reml {
		for _, dk := range d.colScale {
			ll += math.Log(dk)
		}
	}
	return ll
}
