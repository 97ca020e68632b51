package stats

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mathext"
	"gonum.org/v1/gonum/stat/distuv"
)

// PoolMethod is the estimator of the between-study variance τ² in Pool. Its
// zero value is REML, the default of metafor's rma.
type PoolMethod int

const (
	// PoolREML is the restricted maximum-likelihood estimate of τ², found by
	// Fisher scoring [2].
	PoolREML PoolMethod = iota
	// PoolDL is DerSimonian and Laird's moment estimate of τ² [1].
	PoolDL
	// PoolFE is the fixed-effect (common-effect) model: τ² = 0 by assumption.
	PoolFE
)

// String returns the name that metafor's rma method argument uses ("FE",
// which metafor 3.8 also calls "EE", for the fixed-effect model).
func (m PoolMethod) String() string {
	switch m {
	case PoolREML:
		return "REML"
	case PoolDL:
		return "DL"
	case PoolFE:
		return "FE"
	}
	return "PoolMethod(?)"
}

// PoolOptions are the optional parts of a meta-analysis. The zero value fits
// the random-effects model by REML with 95% intervals, as rma's defaults.
type PoolOptions struct {
	// Method is the estimator of τ².
	Method PoolMethod
	// Level is the confidence level of the intervals; 0 means 0.95.
	Level float64
	// PredictionT makes the prediction interval use Student's t with k - 2
	// degrees of freedom (at least 1), as Riley, Higgins and Deeks [4]
	// recommend and predict(fit, pi.type = "riley") gives, instead of the
	// normal quantile of predict's default.
	PredictionT bool
}

// PoolStudy is one study (site) of a meta-analysis, as a forest plot shows it.
type PoolStudy struct {
	// Estimate and SE are the study's effect and its standard error, as given.
	Estimate, SE float64
	// CILow and CIHigh bound the study's interval Estimate ± z SE.
	CILow, CIHigh float64
	// Weight is the study's share of the pooled estimate, in percent:
	// 100 w_i / Σ w_j with w_i = 1/(se_i² + τ²), as metafor's weights(fit).
	Weight float64
}

// PoolResult is a meta-analysis of k studies' estimates under the
// random-effects model y_i ~ N(μ, se_i² + τ²), or the fixed-effect model
// with τ² = 0.
type PoolResult struct {
	// Method is the estimator of τ², and Level the confidence level.
	Method PoolMethod
	Level  float64
	// K is the number of studies.
	K int
	// Estimate is the pooled effect μ̂ = Σ w_i y_i / Σ w_i, w_i = 1/(se_i² +
	// τ̂²), and SE = 1/sqrt(Σ w_i) its standard error.
	Estimate, SE float64
	// Z = Estimate/SE and P = 2 Φ(-|Z|), the two-sided test of μ = 0.
	Z, P float64
	// CILow and CIHigh bound μ̂ ± z SE, z the normal quantile at (1+Level)/2
	// (rma's default test = "z").
	CILow, CIHigh float64
	// Tau2 is τ̂², truncated at 0, and Tau its square root. (Tau2 underflows
	// to 0 if the standard errors are below about 1e-154, but the fit uses
	// it unrounded.)
	Tau2, Tau float64
	// Tau2SE is the standard error of τ̂² as rma's se.tau2; NaN for PoolFE.
	Tau2SE float64
	// I2 (in percent) and H2 measure heterogeneity [3]: with the typical
	// within-study variance ṽ = (k-1)/(Σ v_i⁻¹ - Σ v_i⁻² / Σ v_i⁻¹),
	//
	//	I² = 100 τ̂²/(ṽ + τ̂²),  H² = (ṽ + τ̂²)/ṽ,
	//
	// as rma; for DL these equal 100 (Q - (k-1))/Q and Q/(k-1) when Q > k-1.
	// For PoolFE they are I² = max(0, 100 (Q - (k-1))/Q) (0 when Q = 0,
	// where metafor gives NaN) and H² = Q/(k-1).
	I2, H2 float64
	// Q is Cochran's statistic Σ v_i⁻¹ (y_i - μ̂_FE)², QDF = k - 1 its
	// degrees of freedom, and QP its chi-square upper tail.
	Q, QDF, QP float64
	// PILow and PIHigh bound the prediction interval for the true effect in
	// a new study, μ̂ ± c sqrt(SE² + τ̂²), c the normal quantile (or Student's
	// t with PIDF degrees of freedom, see PoolOptions.PredictionT), as
	// predict(fit). They are NaN for PoolFE, where predict gives none.
	PILow, PIHigh float64
	// PIDF is the t distribution's degrees of freedom of the prediction
	// interval: +Inf for the normal quantile, NaN for PoolFE.
	PIDF float64
	// FixedEstimate and FixedSE are the fixed-effect estimate μ̂_FE = Σ v_i⁻¹
	// y_i / Σ v_i⁻¹ and its standard error 1/sqrt(Σ v_i⁻¹), whatever Method.
	FixedEstimate, FixedSE float64
	// Iterations is the number of Fisher scoring steps for PoolREML, else 0.
	Iterations int
	// Studies holds the studies in their input order.
	Studies []PoolStudy
}

// Pool pools k studies' estimates and standard errors under the
// random-effects model, as metafor's rma(yi, sei = se, method = ...) with its
// default test = "z", and predict(fit) for the prediction interval [4].
//
// With v_i = se_i² and w_i = 1/v_i, Cochran's Q = Σ w_i (y_i - μ̂_FE)² and
// the DerSimonian-Laird estimate [1] is
//
//	τ̂²_DL = max(0, (Q - (k-1)) / (Σ w_i - Σ w_i² / Σ w_i)).
//
// REML maximises the restricted likelihood by Fisher scoring [2], from the
// Hedges estimate as rma does (see poolREML). With P = W - w w'/Σw, W =
// diag(w), the standard errors of τ̂² are rma's se.tau2,
//
//	SE(τ̂²_DL)   = sqrt(2(k-1) + 4 τ̂² tr P + 2 τ̂⁴ tr P²) / tr P,  w_i = 1/v_i,
//	SE(τ̂²_REML) = sqrt(2 / tr P²),                            w_i = 1/(v_i + τ̂²),
//
// and μ̂ and its SE use w_i = 1/(v_i + τ̂²).
//
// The computation does not depend on the estimates' unit or origin: it runs
// on (y_i - c)/s and se_i/s, with c the fixed-effect estimate and s the
// power of two at the smallest se, so that effects in pounds or in
// thousandths of a standard deviation are fitted alike, and REML's
// convergence criterion is relative.
//
// Special cases are
//
//	len(estimate) != len(se) = panic (a programmer's mistake)
//	k < 2 = error wrapping ErrTooFew (rma fits k = 1 as a fixed-effect model)
//	an estimate NaN or ±Inf, or an se not finite and > 0 = *PoolStudyError
//	wrapping ErrDomain, naming the study's index
//	a level outside (0, 1), or an unknown Method = error wrapping ErrDomain
//	estimates spanning more than 1e60 times the smallest se, or se more than
//	1e154 apart = error wrapping ErrDomain
//	Fisher scoring not converged in 1000 steps = error wrapping ErrNoConvergence
//
// [1] DerSimonian, R. and Laird, N. (1986). Meta-analysis in clinical
// trials. Controlled Clinical Trials 7, 177-188.
//
// [2] Viechtbauer, W. (2005). Bias and efficiency of meta-analytic variance
// estimators in the random-effects model. Journal of Educational and
// Behavioral Statistics 30, 261-293.
//
// [3] Higgins, J. P. T. and Thompson, S. G. (2002). Quantifying
// heterogeneity in a meta-analysis. Statistics in Medicine 21, 1539-1558.
//
// [4] Riley, R. D., Higgins, J. P. T. and Deeks, J. J. (2011).
// Interpretation of random effects meta-analyses. BMJ 342, d549.
func Pool(estimate, se []float64, opt PoolOptions) (*PoolResult, error) {
	d, err := newPoolData(estimate, se)
	if err != nil {
		return nil, err
	}
	level := opt.Level
	if level == 0 {
		level = 0.95
	}
	if !(level > 0 && level < 1) {
		return nil, fmt.Errorf("pool: level %g outside (0, 1): %w", level, ErrDomain)
	}
	k := float64(d.k)
	fe := d.weighted(0)
	trP, trPP := poolTraces(fe.w)
	r := &PoolResult{Method: opt.Method, Level: level, K: d.k, Q: fe.q, QDF: k - 1, Tau2SE: math.NaN()}
	var tau2 float64 // on the scaled data
	switch opt.Method {
	case PoolREML:
		if tau2, r.Iterations, err = poolREML(d); err != nil {
			return nil, err
		}
	case PoolDL:
		tau2 = math.Max(0, (fe.q-(k-1))/trP)
		r.Tau2SE = math.Sqrt(2*(k-1)+4*tau2*trP+2*tau2*tau2*trPP) / trP * d.s * d.s
	case PoolFE:
	default:
		return nil, fmt.Errorf("pool: unknown method %v: %w", opt.Method, ErrDomain)
	}
	re := d.weighted(tau2)
	if opt.Method == PoolREML {
		_, trPPre := poolTraces(re.w)
		r.Tau2SE = math.Sqrt(2/trPPre) * d.s * d.s
	}
	r.Tau2, r.Tau = tau2*d.s*d.s, math.Sqrt(tau2)*d.s
	r.Estimate, r.SE = d.c+d.s*re.mu, d.s*math.Sqrt(1/re.sum)
	r.FixedEstimate, r.FixedSE = d.c+d.s*fe.mu, d.s/math.Sqrt(fe.sum)
	r.Z = r.Estimate / r.SE
	r.P = math.Erfc(math.Abs(r.Z) / math.Sqrt2)
	z := -mathext.NormalQuantile((1 - level) / 2)
	r.CILow, r.CIHigh = r.Estimate-z*r.SE, r.Estimate+z*r.SE
	r.QP = distuv.ChiSquared{K: k - 1}.Survival(fe.q)
	r.I2, r.H2 = poolHeterogeneity(opt.Method, fe.q, k, tau2, (k-1)/trP)
	r.PILow, r.PIHigh, r.PIDF = math.NaN(), math.NaN(), math.NaN()
	if opt.Method != PoolFE {
		c := z
		r.PIDF = math.Inf(1)
		if opt.PredictionT {
			r.PIDF = math.Max(1, k-2)
			c = CentralTUpperQuantile((1-level)/2, r.PIDF)
		}
		// On the scaled data, where SE² and τ² cannot underflow, and
		// rounded as SE, so that the interval is never inside the CI.
		h := c * (d.s * math.Sqrt(1/re.sum+tau2))
		r.PILow, r.PIHigh = r.Estimate-h, r.Estimate+h
	}
	r.Studies = make([]PoolStudy, d.k)
	for i := range r.Studies {
		y, s := estimate[i], se[i]
		r.Studies[i] = PoolStudy{Estimate: y, SE: s, CILow: y - z*s, CIHigh: y + z*s, Weight: 100 * re.w[i] / re.sum}
	}
	if err := poolCheckFinite(r); err != nil {
		return nil, err
	}
	return r, nil
}

// poolHeterogeneity returns I² (percent) and H² from Q, k, τ² and the
// typical within-study variance vt, all on the same scale.
func poolHeterogeneity(m PoolMethod, q, k, tau2, vt float64) (i2, h2 float64) {
	if m == PoolFE {
		if q > k-1 {
			i2 = 100 * ((q - (k - 1)) / q)
		}
		return i2, q / (k - 1)
	}
	return 100 * (tau2 / (vt + tau2)), tau2/vt + 1 // ratios first: I² ≤ 100 after rounding
}

// poolCheckFinite returns an error if a result that must be finite is not:
// a guard, as newPoolData's bounds should leave none.
func poolCheckFinite(r *PoolResult) error {
	for _, v := range []float64{r.Estimate, r.SE, r.CILow, r.CIHigh, r.Tau2, r.Q, r.I2, r.H2, r.FixedEstimate, r.FixedSE} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("pool: results not finite (estimates or standard errors too far apart): %w", ErrDomain)
		}
	}
	return nil
}
