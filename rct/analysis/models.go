package analysis

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/stat"

	"github.com/evalkit/evalkit/internal/table"
	"github.com/evalkit/evalkit/stats"
)

// treatName is the name the treatment indicator has in a model.
func treatName(t *arm) string { return "arm " + t.label }

// start makes the comparison's subset, its notes and warnings. The count
// models leave out the blocks without events (withoutZeroBlocks). A factor
// with a single level among the rows is the error of a constant covariate.
// The
// subset is kept for randomisation inference, which re-fits the same model
// on the same rows.
func (t *trial) start(tr, c *arm, m Method) (Comparison, *subset) {
	r := newComparison(tr, c, m)
	s := t.subsetOf(tr, c)
	var dropped []string
	if m == NegBinGLM || m == PoissonGLM {
		s, dropped = t.withoutZeroBlocks(s)
	}
	for _, j := range s.oneLevel {
		t.covariateError(t.d.cov[j].name, "is constant", tr, c)
	}
	if len(t.treatments) > 1 {
		r.note("rows: the %d rows of arms %s and %s only", len(s.y), tr.label, c.label)
	}
	for _, b := range dropped {
		r.note("rows: %s", b)
	}
	if s.block != nil {
		for _, b := range s.oneArmBlocks(t.d.cols.Block, tr.label, c.label) {
			r.note("rows: %s", b)
			t.warn("one_arm_block: %s", b)
		}
	}
	for _, n := range s.factorNotes(t.d) {
		r.note("covariates: %s", n)
	}
	if t.keep {
		t.subsets[tr] = s
	}
	return r, s
}

// ols is method ols_hc2 (or ols_cr2 with clusters): the coefficient of the
// treatment indicator in
//
//	lm_robust(outcome ~ treat + covariates + factor(block), se_type = "HC2")
//
// (clusters = cluster, se_type = "CR2" with its Bell-McCaffrey df), and for a
// continuous outcome adjusted_g = estimate / s_p with s_p the pooled SD of
// the outcome (that of cohens_d), its interval the estimate's over s_p.
func (t *trial) ols(tr, c *arm, level float64, m Method) Comparison {
	r, s := t.start(tr, c, m)
	cov := m.cov()
	tcol := make([]float64, len(s.y))
	for i, b := range s.treat {
		if b {
			tcol[i] = 1
		}
	}
	names := append([]string{treatName(tr)}, s.covNames...)
	opt := stats.OLSOptions{Cov: cov, Level: level, Block: s.block, Cluster: s.cluster}
	if cov == stats.CR2 && len(s.y) == 0 {
		r.undefined("estimate", fmt.Errorf("%w: no rows", stats.ErrTooFew))
		return r
	}
	if cov == stats.CR2 {
		if n := countLabels(s.cluster); n < fewClusters {
			t.warn("%s", fewClustersWarning(n, t.d.cols.Cluster, tr, c))
		}
	}
	cols := append([][]float64{tcol}, s.cov...)
	fit, err := stats.OLS(s.y, names, cols, opt)
	if err != nil {
		t.checkCovariateError(err, s, tr, c)
		if cov != stats.CR2 || !errors.Is(err, stats.ErrDomain) {
			r.undefined("estimate", statsError(err))
			return r
		}
		// A cluster with leverage 1: the estimate stands, its CR2
		// standard error, interval, p-value and df do not.
		r.note("se, ci, p_value, df: undefined: %s", statsError(err))
		opt.Cov, opt.Cluster = stats.HC0, nil
		if fit, err = stats.OLS(s.y, names, cols, opt); err != nil {
			r.undefined("estimate", statsError(err))
			return r
		}
		r.Estimate = coefficient(fit, names[0]).Estimate
	} else {
		b := coefficient(fit, names[0])
		r.Estimate, r.SE, r.CILow, r.CIHigh, r.PValue, r.DF = b.Estimate, b.SE, b.CILow, b.CIHigh, b.P, b.DF
		if fit.ExactFit {
			r.note("se, ci, p_value: undefined: the residuals are all zero (rounding errors only): the outcome is an exact linear function of the treatment, the covariates and the blocks")
		}
		if cov == stats.CR2 {
			r.note("df: Bell-McCaffrey, %d clusters", fit.Clusters)
		}
	}
	if t.typ == Continuous && !math.IsNaN(r.Estimate) {
		e := undefinedEffect("adjusted_g")
		if sp := pooledSD(tr.y, c.y); sp > 0 {
			e.Value, e.CILow, e.CIHigh = r.Estimate/sp, r.CILow/sp, r.CIHigh/sp
		} else {
			r.note("adjusted_g: undefined: the pooled SD of the outcome is %s", FormatNumber(sp))
		}
		r.EffectSizes = append(r.EffectSizes, e)
	}
	return r
}

// pooledSD is the pooled standard deviation of the outcomes yt and yc of
// a comparison's two arms (the arms' own outcomes, which the comparison's
// subset merges in row order),
//
//	s_p = sqrt(((n_t - 1) s_t² + (n_c - 1) s_c²) / (n_t + n_c - 2)),
//
// NaN with fewer than two rows in an arm.
func pooledSD(yt, yc []float64) float64 {
	if len(yt) < 2 || len(yc) < 2 {
		return math.NaN()
	}
	_, vt := stat.MeanVariance(yt, nil)
	_, vc := stat.MeanVariance(yc, nil)
	ft, fc := float64(len(yt)), float64(len(yc))
	return math.Sqrt(((ft-1)*vt + (fc-1)*vc) / (ft + fc - 2))
}

// glm is method negbin_glm (MASS::glm.nb) or poisson_glm (glm with family
// = poisson) of
//
//	outcome ~ treat + covariates + factor(block) + offset(log(exposure))
//
// with the rate ratio exp(β_treat), its Wald interval and p-value.
func (t *trial) glm(tr, c *arm, level float64, m Method) Comparison {
	r, s := t.start(tr, c, m)
	fit, err := glmFit(s, treatName(tr), s.treat, level, m)
	if err != nil {
		t.checkCovariateError(err, s, tr, c)
		if errors.Is(err, stats.ErrNoConvergence) {
			t.warn("%s", notConvergedWarning(m, tr, c, err))
		}
		r.undefined("estimate", statsError(err))
		return r
	}
	r.setRatio(fit.Coefficients[1])
	if m == NegBinGLM {
		r.note("se: of log(estimate), the coefficient of the treatment indicator (theta %.6g)", fit.Theta)
	} else {
		r.note("se: of log(estimate), the coefficient of the treatment indicator")
	}
	return r
}

// glmFit fits the count model of s with the treatment indicator treat and
// s's covariates' columns.
func glmFit(s *subset, treatName string, treat []bool, level float64, m Method) (*stats.GLMResult, error) {
	n := len(s.y)
	tcol := make([]float64, n)
	for i, b := range treat {
		if b {
			tcol[i] = 1
		}
	}
	off := make([]float64, n)
	for i, e := range s.exposure {
		off[i] = math.Log(e)
	}
	names := append([]string{treatName}, s.covNames...)
	opt := stats.GLMOptions{Block: s.block, Offset: off, Level: level}
	cols := append([][]float64{tcol}, s.cov...)
	if m == PoissonGLM {
		return stats.Poisson(s.y, names, cols, opt)
	}
	return stats.NegBin(s.y, names, cols, opt)
}

// checkCovariateError turns a model's complaint about a column of s's
// covariates (constant, or collinear with the treatment or the columns
// before it) into the analysis's error.
func (t *trial) checkCovariateError(err error, s *subset, tr, c *arm) {
	if t.err != nil {
		return
	}
	if name, what, ok := s.covariateFault(t.d, err, "the treatment or the covariates before it"); ok {
		t.covariateError(name, what, tr, c)
	}
}

// covariateFault returns the name of the covariate of s, read from d,
// whose model column a model's error complains of, and what is wrong with
// it: "is constant", or collinear with before (the columns before it);
// ok is false for any other error.
func (s *subset) covariateFault(d *Data, err error, before string) (name, what string, ok bool) {
	if !errors.Is(err, stats.ErrSingular) {
		return "", "", false
	}
	msg := err.Error()
	for k, n := range s.covNames {
		if !strings.Contains(msg, strconv.Quote(n)) {
			continue
		}
		what := "is constant"
		if strings.Contains(msg, "collinear") {
			what = "is collinear with " + before
		}
		if l := s.covLevel[k]; l != "" {
			what = fmt.Sprintf("has a level, %q, whose indicator %s", table.Clip(l), what)
		}
		return d.cov[s.covOf[k]].name, what, true
	}
	return "", "", false
}

// covariateError sets the trial's error, unless it has one, to that of
// covariate name, which has the fault what in the comparison of tr with c:
// "is constant", to which " within blocks" is added with a block column.
func (t *trial) covariateError(name, what string, tr, c *arm) {
	if t.err != nil {
		return
	}
	if strings.HasSuffix(what, "is constant") && t.d.block != nil {
		what += " within blocks"
	}
	t.err = &covariateFault{file: t.d.file, msg: fmt.Sprintf("covariate %q %s in the comparison of %s with %s; leave it out of the covariates",
		table.Clip(name), what, table.Clip(tr.label), table.Clip(c.label))}
}

// covariateFault is the error of a covariate that a comparison's model
// cannot use: msg says which and why, and Error names the file too. A
// subgroup's note gives msg alone.
type covariateFault struct{ file, msg string }

func (e *covariateFault) Error() string { return e.file + ": " + e.msg }

// countLabels returns the number of distinct labels.
func countLabels(labels []string) int {
	seen := make(map[string]struct{})
	for _, l := range labels {
		seen[l] = struct{}{}
	}
	return len(seen)
}

// coefficient returns the coefficient called name.
func coefficient(fit *stats.OLSResult, name string) stats.Coefficient {
	for _, co := range fit.Coefficients {
		if co.Name == name {
			return co
		}
	}
	panic("analysis: no coefficient " + name)
}

// statsError drops the name of the stats package's sentinel error from the
// front of a message, which then says only what went wrong.
func statsError(err error) error {
	msg := err.Error()
	for _, s := range []error{stats.ErrTooFew, stats.ErrZeroVariance, stats.ErrNoConvergence, stats.ErrDomain, stats.ErrSingular} {
		if p := s.Error() + ": "; errors.Is(err, s) && strings.HasPrefix(msg, p) {
			return errors.New(msg[len(p):])
		}
	}
	return err
}
