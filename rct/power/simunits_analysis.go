package power

import (
	"fmt"
	"math"

	"github.com/evalkit/evalkit/rct"
	"github.com/evalkit/evalkit/stats"
)

// The analyses of a simulated trial, by the names evalkit analyse gives
// its methods.
const (
	methodWelchT = "welch_t"
	methodOLSHC2 = "ols_hc2"
	methodOLSCR2 = "ols_cr2"
)

// AnalysisMethod returns the method that evalkit analyse (package
// rct/analysis) uses for a continuous outcome without covariates, given
// whether the trial was randomised within blocks (strata) and whether
// whole clusters were randomised:
//
//	clustered   ols_cr2  lm_robust(y ~ treat [+ factor(block)], clusters = cluster, se_type = "CR2")
//	blocked     ols_hc2  lm_robust(y ~ treat + factor(block), se_type = "HC2")
//	neither     welch_t  t.test(y ~ treat)
//
// with the block the stratum (the combination of the blocking columns) and,
// for CR2, the coefficient's Bell-McCaffrey degrees of freedom [10]. These
// are the calls of analyse's --design, which takes the blocks and cluster
// from the randomisation's manifest. A simulation's R2 stands for
// covariates that are not simulated, so a trial without blocks or clusters
// is analysed by welch_t where analyse, given those covariates, would fit
// ols_hc2; the two differ by the covariates' degrees of freedom.
//
// [10] Bell, R. M. and McCaffrey, D. F. (2002). Bias reduction in standard
// errors for linear regression with multi-stage samples. Survey
// Methodology 28(2), 169–181.
func AnalysisMethod(blocked, clustered bool) string {
	switch {
	case clustered:
		return methodOLSCR2
	case blocked:
		return methodOLSHC2
	}
	return methodWelchT
}

// simOutcome returns the data-generating function of a trial laid out as
// L: with sdU = √icc and sdE = √((1 − icc)(1 − R²)),
//
//	y_i = d·treat_i + sdU·z_c(i) + sdE·z_i,
//
// the z standard normal (StandardNormal): first one per cluster, in the
// layout's order of clusters (their first rows' order), when the trial has
// clusters, then one per unit in file order.
func simOutcome(L *rct.Layout, clustered bool, d, icc, r2 float64) func(t *SimTrial) {
	sdU, sdE := math.Sqrt(icc), math.Sqrt((1-icc)*(1-r2))
	return func(t *SimTrial) {
		var u []float64
		if clustered {
			u = grow(t.buf.clusterEffect, L.NGroups)
			t.buf.clusterEffect = u
			for g := range u {
				u[g] = sdU * StandardNormal(t.Rand)
			}
		}
		for i, a := range t.Arm {
			y := sdE * StandardNormal(t.Rand)
			if a == 1 {
				y += d
			}
			if u != nil {
				y += u[L.GroupOf[i]]
			}
			t.Y[i] = y
		}
	}
}

// simAnalysis returns the analysis of a trial by method (AnalysisMethod):
// the two-sided p-value of the treatment's coefficient, or of Welch's t.
// With blocked, the blocks are the trial's strata (SimTrial.Block); cluster
// holds each unit's cluster (nil without). An undefined p-value is an
// error, so that the trial counts as failed. Its slices are the trial's
// buffers (SimTrial.buf), which stats.WelchT and stats.OLS do not keep.
func simAnalysis(method string, blocked bool, cluster []string) func(t *SimTrial) (float64, error) {
	return func(t *SimTrial) (float64, error) {
		var p float64
		if method == methodWelchT {
			x, y := t.buf.treated[:0], t.buf.control[:0]
			for i, a := range t.Arm {
				if a == 1 {
					x = append(x, t.Y[i])
				} else {
					y = append(y, t.Y[i])
				}
			}
			t.buf.treated, t.buf.control = x, y
			r, err := stats.WelchT(x, y, 0.95, stats.TwoSided)
			if err != nil {
				return math.NaN(), err
			}
			p = r.P
		} else {
			treat := grow(t.buf.treat, len(t.Arm))
			t.buf.treat = treat
			for i, a := range t.Arm {
				treat[i] = float64(a)
			}
			var opt stats.OLSOptions
			if blocked {
				opt.Block = t.Block
			}
			if method == methodOLSCR2 {
				opt.Cov, opt.Cluster = stats.CR2, cluster
			}
			fit, err := stats.OLS(t.Y, []string{"treat"}, [][]float64{treat}, opt)
			if err != nil {
				return math.NaN(), err
			}
			p = fit.Coefficients[len(fit.Coefficients)-1].P
		}
		if math.IsNaN(p) {
			return p, fmt.Errorf("%w: the p-value is undefined", stats.ErrDomain)
		}
		return p, nil
	}
}
