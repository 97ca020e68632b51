package stats

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// CovType selects the estimator of the covariance of least-squares
// coefficients. Its zero value is HC2, the default of estimatr::lm_robust.
type CovType int

const (
	// HC2 weights each squared residual by 1/(1-h_i), h_i the leverage.
	HC2 CovType = iota
	// Classical is s² (X'X)⁻¹ with s² = e'e/(n-p).
	Classical
	// HC0 is White's estimator, (X'X)⁻¹ X' diag(e²) X (X'X)⁻¹.
	HC0
	// HC1 is HC0 times n/(n-p).
	HC1
	// HC3 weights each squared residual by 1/(1-h_i)².
	HC3
	// CR2 is the cluster-robust estimator of Bell and McCaffrey with
	// coefficient-wise Satterthwaite degrees of freedom; it needs clusters.
	CR2
)

// String returns the name that estimatr's se_type argument uses.
func (c CovType) String() string {
	switch c {
	case HC2:
		return "HC2"
	case Classical:
		return "classical"
	case HC0:
		return "HC0"
	case HC1:
		return "HC1"
	case HC3:
		return "HC3"
	case CR2:
		return "CR2"
	}
	return "CovType(?)"
}

// OLSOptions are the optional parts of a least-squares fit. The zero value
// fits an intercept with HC2 standard errors and 95% intervals.
type OLSOptions struct {
	// Cov is the covariance estimator.
	Cov CovType
	// Block, when not nil, holds each observation's block (stratum) label.
	// Labels are coded once, in order of first appearance (the first label
	// seen is block 0, and so on). The block fixed effects are absorbed: y
	// and X are demeaned within blocks instead of adding a dummy per block,
	// and neither the intercept nor the block effects are reported, as
	// lm_robust(... + factor(block)) gives them. A block whose units all had
	// the same arm stays in: it adds nothing to the treatment's estimate
	// directly but informs the covariates' slopes and the residual df.
	Block []string
	// Cluster holds each observation's cluster label; required for CR2 and
	// ignored otherwise. It is coded as Block is, and an error about a
	// cluster names it by its label.
	Cluster []string
	// Level is the confidence level of the intervals; 0 means 0.95.
	Level float64
}

// Coefficient is one estimated coefficient with its inference.
type Coefficient struct {
	// Name is the column's name, or "(Intercept)".
	Name string
	// Estimate is the least-squares estimate.
	Estimate float64
	// SE is the standard error under the chosen covariance estimator.
	SE float64
	// DF is the degrees of freedom of the t reference distribution.
	DF float64
	// T is Estimate/SE.
	T float64
	// P is the two-sided p-value from the t distribution with DF.
	P float64
	// CILow and CIHigh bound the confidence interval Estimate ± t_{DF} SE.
	CILow, CIHigh float64
}

// OLSResult is a least-squares fit.
type OLSResult struct {
	// Coefficients are the intercept (absent when blocks are absorbed)
	// followed by the columns in the order given.
	Coefficients []Coefficient
	// Cov is the covariance matrix of the reported coefficients.
	Cov *mat.SymDense
	// Residuals are y minus the fitted values, block effects included.
	Residuals []float64
	// N is the number of observations, Blocks the number of absorbed blocks
	// (0 without blocks) and Clusters the number of clusters (0 unless CR2).
	N, Blocks, Clusters int
	// ResidualDF is n minus the rank of the full design, n - p - G + 1 with
	// G absorbed blocks and p coefficients counting the intercept.
	ResidualDF float64
	// CovType is the covariance estimator used, and Level the confidence level.
	CovType CovType
	Level   float64
	// ExactFit is true when the residuals are negligible (olsExactFitTol):
	// the outcome is an exact linear function of the columns (and blocks),
	// every SE, T, P, interval and Cov is then NaN, and Wald returns an
	// error.
	ExactFit bool
}

// OLS fits y = Xβ + ε by least squares, by a Householder QR decomposition of
// the design (never the normal equations), and estimates the covariance of β
// as estimatr::lm_robust(y ~ x..., se_type = opt.Cov) does:
//
//	classical  V = e'e/(n-p) (X'X)⁻¹
//	HCk        V = (X'X)⁻¹ X' diag(ω) X (X'X)⁻¹, ω_i = e_i² (HC0),
//	           e_i² n/(n-p) (HC1), e_i²/(1-h_ii) (HC2), e_i²/(1-h_ii)² (HC3)
//	CR2        V = (X'X)⁻¹ Σ_g X_g' A_g e_g e_g' A_g X_g (X'X)⁻¹,
//	           A_g = (I - H_gg)^(-1/2)
//
// with h_ii the leverages and H_gg the block of the hat matrix of cluster g.
// The degrees of freedom are n - p, or for CR2 the Bell-McCaffrey
// (Satterthwaite) df of each coefficient [1]; see cr2.go.
//
// x holds the design's columns (x[j][i] is column j at observation i) and
// names their names; the intercept is added by OLS. With opt.Block the block
// effects are absorbed (within transformation) and the result equals
// lm_robust(y ~ x... + factor(block)) for the columns of x, including the
// leverages, which are h_ii = 1/n_b + x̃_i'(X̃'X̃)⁻¹x̃_i for observation i in
// block b of size n_b, x̃ the demeaned covariates (the dummies' projection
// and the demeaned covariates' projection are orthogonal).
//
// Memory: the QR decomposition is the tall-skinny one of [X | y] (chunks of
// rows reduced in turn, on every core; see tallQR), and the demeaned values
// are computed as each pass needs them from the block means, so that beyond
// its inputs a fit with blocks holds only the residuals and a 4-byte block
// code per observation, whatever the number of columns.
//
// Special cases:
//
//	a column constant (within blocks) or collinear  → error wrapping ErrSingular, naming it
//	n ≤ number of parameters                        → error wrapping ErrTooFew
//	a NaN or ±Inf in y or x                         → error wrapping ErrDomain
//	an observation with leverage 1 (HC2, HC3)        → its residual is 0 and it adds nothing (estimatr
//	                                                    means the same, but its HC2 is NaN when 1-h rounds below 0)
//	a cluster with leverage 1 in a direction that a   → error wrapping ErrDomain naming the cluster's label
//	coefficient depends on (CR2: identified within       (estimatr's generalised inverse returns a
//	that cluster alone)                                  number or NaN)
//	a cluster holding whole blocks (CR2)              → the blocks' dummy directions, where I - H_gg is
//	                                                    singular, are left out, as estimatr does
//	an exact fit: e'e/(n-p) ≤ 1e-20 Σŷ²/n             → ExactFit; the estimates stand, every SE, T, P,
//	  (residuals that are rounding errors)              interval and Cov is NaN (estimatr reports the
//	                                                    rounding errors' SE, about 1e-15, and p ≈ 0)
//
// OLS panics if a column, opt.Block or opt.Cluster does not have len(y)
// elements, if len(names) != len(x), or if opt.Cov is CR2 without clusters.
//
// [1] Bell, R. M. and McCaffrey, D. F. (2002). Bias reduction in standard
// errors for linear regression with multi-stage samples. Survey Methodology
// 28(2), 169-181.
func OLS(y []float64, names []string, x [][]float64, opt OLSOptions) (*OLSResult, error) {
	block, _ := codeLabelsAs[int32](opt.Block)
	f, err := olsNewFit(y, names, x, block)
	if err != nil {
		return nil, err
	}
	level, err := confidenceLevel(opt.Level)
	if err != nil {
		return nil, err
	}
	var cov *mat.SymDense
	var df []float64
	clusters := 0
	switch opt.Cov {
	case CR2:
		if opt.Cluster == nil {
			panic("stats: CR2 needs clusters")
		}
		absorbCheckLen("cluster", len(opt.Cluster), len(y))
		cluster, clusterNames := codeLabels(opt.Cluster)
		r, err := cr2Compute(f, cluster, clusterNames, true)
		if err != nil {
			return nil, err
		}
		cov, df, clusters = r.cov, r.df, r.clusters
	case Classical, HC0, HC1, HC2, HC3:
		cov = robustCov(f, opt.Cov)
		df = make([]float64, f.p)
		for j := range df {
			df[j] = f.dfResid
		}
	default:
		panic("stats: unknown CovType")
	}
	res := &OLSResult{
		Cov:        cov,
		Residuals:  f.resid,
		N:          f.n,
		Blocks:     len(f.blockN),
		Clusters:   clusters,
		ResidualDF: f.dfResid,
		CovType:    opt.Cov,
		Level:      level,
	}
	for j := 0; j < f.p; j++ {
		res.Coefficients = append(res.Coefficients, olsCoefficient(f.names[j], f.beta[j], math.Sqrt(cov.At(j, j)), df[j], level))
	}
	if olsExactFit(y, f.resid, f.dfResid) {
		olsMarkExact(res)
	}
	return res, nil
}

// olsCoefficient fills in t, p and the interval for one coefficient.
func olsCoefficient(name string, est, se, df, level float64) Coefficient {
	c := Coefficient{Name: name, Estimate: est, SE: se, DF: df}
	c.T = est / se
	c.P, c.CILow, c.CIHigh = math.NaN(), math.NaN(), math.NaN()
	if df > 0 && !math.IsNaN(c.T) {
		c.P = math.Min(1, 2*CentralTSurvival(math.Abs(c.T), df))
		q := CentralTUpperQuantile((1-level)/2, df)
		c.CILow, c.CIHigh = est-q*se, est+q*se
	}
	return c
}
