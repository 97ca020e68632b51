package analysis

import (
	"math"
	"runtime"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/stat"

	"github.com/evalkit/evalkit/stats"
)

// Analyse analyses the trial d as p says: it summarises the arms, compares
// every treatment arm with the control by the method the outcome's type and
// the design call for (see the package comment), adjusts the p-values over
// the comparisons with Holm's method, and adds the balance of the
// covariates and, with p.Permutations, randomisation-inference p-values.
//
// A number that cannot be computed (too few rows, no variation, a model
// that does not converge) is NaN with a note; an error is returned for data
// that cannot be analysed as asked: a value that is not of the outcome's
// type (naming its row and column), arm labels that differ only in letter
// case or surrounding spaces, no control arm, a single arm, a constant or
// collinear covariate, a text covariate with about a level a row, clusters
// that were not randomised whole. Result.Warnings say what an evaluator
// should know before reporting the result, each with its code.
func Analyse(d Data, p Plan) (*Result, error) {
	p, err := p.withDefaults()
	if err != nil {
		return nil, err
	}
	if d.arm.codes == nil && d.y == nil {
		return nil, errNoData
	}
	if d.Rows() >= 1<<20 {
		// A large file's text, which Read's Data does not keep, may be
		// garbage now that its table is no longer used; a collection lets
		// the arms' copies reuse its memory, where the heap would otherwise
		// grow by as much before the next one (at 10^7 rows, the file's
		// 260 MB). Its cost is a few milliseconds: the heap holds almost
		// no pointers.
		runtime.GC()
	}
	t, err := newTrial(&d, p.Type, p.Control)
	if err != nil {
		return nil, err
	}
	m, err := MethodFor(t.typ, p.Model, t.design, d.cluster != nil, p.SE)
	if err != nil {
		return nil, err
	}
	p.Type = t.typ
	t.keep, t.subsets = p.Permutations > 0 || p.AutoPermutations, map[*arm]*subset{}
	t.siteSlopes = p.SiteSlopes
	res := &Result{Outcome: d.cols.Outcome, Type: t.typ, Level: p.Level, NMissingArm: t.nMissingArm, Columns: d.cols, Plan: p}
	for _, a := range t.arms() {
		res.Arms = append(res.Arms, summarise(a, t.typ))
	}
	ps := make([]float64, len(t.treatments))
	for i, tr := range t.treatments {
		if p.Fit != nil {
			p.Fit(tr.label, t.control.label, len(tr.y)+len(t.control.y))
		}
		t.comparing = tr.label
		c := t.compare(tr, m, p.Level)
		t.compliance(&c, tr, p)
		t.subgroups(&c, tr, m, p)
		t.leeBounds(&c, tr)
		t.comparing = ""
		res.Comparisons = append(res.Comparisons, c)
		ps[i] = c.PValue
	}
	adj := p.Adjust.adjust(ps)
	for i, ph := range stats.Holm(ps) {
		res.Comparisons[i].PHolm, res.Comparisons[i].PAdjusted = ph, adj[i]
	}
	if t.err != nil {
		return nil, t.err
	}
	res.Warnings, res.warningOf, res.Flow = t.warnings, t.warningOf, t.flow()
	if d.design != nil {
		res.Design = d.design
		res.Warnings = append(res.Warnings, d.design.warnings(d.cols.Covariates)...)
	}
	if len(d.cols.Covariates) > 0 {
		res.Balance = t.balance()
	}
	res.Attrition = t.attrition(res.Flow, res.Balance)
	if p.Permutations > 0 || p.AutoPermutations {
		if err := t.randomisation(p, res); err != nil {
			return nil, err
		}
	}
	res.setHeadlines()
	return res, nil
}

// compare compares arm tr with the control by method m.
func (t *trial) compare(tr *arm, m Method, level float64) Comparison {
	c := t.control
	switch m {
	case WelchT:
		return welch(tr, c, level)
	case FisherExact:
		return fisher(tr, c, level)
	case PoissonExact:
		return poissonExact(tr, c, level)
	case NegBinGLM:
		if !t.design {
			return t.negBin(tr, c, level)
		}
		return t.glm(tr, c, level, m)
	case PoissonGLM:
		return t.glm(tr, c, level, m)
	case MixedREML:
		return t.multilevel(tr, c, level)
	}
	return t.ols(tr, c, level, m)
}

// summarise counts an arm and describes its outcome.
func summarise(a *arm, typ Type) Arm {
	nan := math.NaN()
	s := Arm{Arm: a.label, N: len(a.y), NMissing: a.nMissing, Mean: nan, SD: nan, Risk: nan, Rate: nan, Values: a.y, typ: typ}
	if s.N > 0 {
		s.Mean = stat.Mean(a.y, nil)
		s.Risk = s.Mean
	}
	if s.N > 1 {
		s.SD = stat.StdDev(a.y, nil)
	}
	s.Total = floats.Sum(a.y)
	s.Events = int(s.Total)
	if a.exposure != nil {
		s.Exposure = floats.Sum(a.exposure)
		if s.Exposure > 0 {
			s.Rate = s.Total / s.Exposure
		}
	}
	return s
}
