package analysis

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/evalkit/evalkit/internal/jsonenc"
	"github.com/evalkit/evalkit/internal/table"
	"github.com/evalkit/evalkit/stats"
)

// Subgroup is a comparison within one level of the subgroup column
// (Columns.Subgroup): the comparison's own method fitted on the level's
// rows of its two arms. Undefined numbers are NaN, with the reason in
// Notes, as for a level with too few rows.
type Subgroup struct {
	Level string `json:"level"`
	// N counts the level's rows in both arms.
	N        int     `json:"n"`
	Estimate float64 `json:"estimate"`
	SE       float64 `json:"se"`
	CILow    float64 `json:"ci_low"`
	CIHigh   float64 `json:"ci_high"`
	PValue   float64 `json:"p_value"`
	// Notes are the notes and warnings of the fit within the level.
	Notes []string `json:"notes,omitempty"`
}

// MarshalJSON returns the subgroup's object, with null for NaN.
func (g Subgroup) MarshalJSON() ([]byte, error) {
	type plain Subgroup
	return jsonenc.Marshal(plain(g))
}

// readSubgroup reads Columns.Subgroup, if named, as labels.
func (d *Data) readSubgroup(src Source) error {
	name := d.cols.Subgroup
	if name == "" {
		return nil
	}
	if err := d.checkExtraColumn("subgroup", name); err != nil {
		return err
	}
	var err error
	d.subgroup, err = labels(src, name)
	return err
}

// subgroups sets r.Subgroups, arm tr against the control by method m
// within each level of the subgroup column, and r.InteractionP, when the
// data have a subgroup column. The levels are those among the analysed
// rows of every arm, sorted byte by byte as factor levels are (factor.go),
// so that every comparison lists the same ones; rows with a missing
// subgroup are in none of them, and left out of interaction_p.
func (t *trial) subgroups(r *Comparison, tr *arm, m Method, p Plan) {
	d := t.d
	if d.subgroup == nil {
		return
	}
	var rows []int
	for _, a := range t.arms() {
		rows = append(rows, a.rows...)
	}
	r.Subgroups = []Subgroup{}
	byT, byC := t.armByLevel(tr), t.armByLevel(t.control)
	for _, l := range factorLevels(d.subgroup, rows) {
		if table.IsMissing(l) {
			continue
		}
		ta, ca := byT[l], byC[l]
		if ta == nil {
			ta = &arm{label: tr.label}
		}
		if ca == nil {
			ca = &arm{label: t.control.label}
		}
		g := t.subgroupFit(ta, ca, m, p.Level, l)
		if math.IsNaN(g.Estimate) {
			for _, n := range g.Notes {
				if strings.Contains(n, "undefined: ") {
					r.note("subgroups: %s = %s: %s", d.cols.Subgroup, l, n)
					break
				}
			}
		}
		r.Subgroups = append(r.Subgroups, g)
	}
	n := 0
	for _, a := range []*arm{tr, t.control} {
		for _, row := range a.rows {
			if t.subgroupMissing(row) {
				n++
			}
		}
	}
	if n > 0 {
		r.note("subgroups: %s of arms %s and %s, with no value in the subgroup column %q, in no subgroup and left out of interaction_p", rowsWord(n), tr.label, t.control.label, d.cols.Subgroup)
	}
	v := t.interactionP(r, tr, p)
	r.InteractionP = &v
}

// subgroupMissing reports whether data row i has no subgroup.
func (t *trial) subgroupMissing(i int) bool { return table.IsMissing(t.d.subgroup[i]) }

// armByLevel splits the rows of arm a by their subgroup, in row order.
func (t *trial) armByLevel(a *arm) map[string]*arm {
	out := map[string]*arm{}
	for k, row := range a.rows {
		l := t.d.subgroup[row]
		b := out[l]
		if b == nil {
			b = &arm{label: a.label}
			out[l] = b
		}
		b.rows = append(b.rows, row)
		b.y = append(b.y, a.y[k])
		if a.exposure != nil {
			b.exposure = append(b.exposure, a.exposure[k])
		}
	}
	return out
}

// subgroupFit compares ta with ca, the rows of a treatment arm and of the
// control in subgroup level l, by method m, in a copy of the trial whose notes, warnings and data
// errors (such as a covariate constant within the level) become the
// subgroup's notes rather than the analysis's.
func (t *trial) subgroupFit(ta, ca *arm, m Method, level float64, l string) Subgroup {
	nan := math.NaN()
	g := Subgroup{Level: l, N: len(ta.y) + len(ca.y), Estimate: nan, SE: nan, CILow: nan, CIHigh: nan, PValue: nan}
	for _, a := range []*arm{ta, ca} {
		if len(a.y) == 0 {
			g.Notes = append(g.Notes, fmt.Sprintf("undefined: the level has no rows of arm %s", a.label))
			return g
		}
	}
	sub := *t
	sub.control, sub.treatments = ca, []*arm{ta}
	sub.warnings, sub.err, sub.keep, sub.subsets = nil, nil, false, nil
	c := sub.compare(ta, m, level)
	if sub.err != nil {
		note := sub.err.Error()
		if cf := (*covariateFault)(nil); errors.As(sub.err, &cf) {
			note = cf.msg // the file is the analysis's
		}
		g.Notes = append(g.Notes, "undefined: "+note)
		return g
	}
	g.Estimate, g.SE, g.CILow, g.CIHigh, g.PValue = c.Estimate, c.SE, c.CILow, c.CIHigh, c.PValue
	g.Notes = append(append(g.Notes, c.Notes...), sub.warnings...)
	return g
}

// interactionP returns the p-value of the Wald test that the treatment's
// effect is the same in every level of the subgroup column: that each
// treat × level coefficient is zero in
//
//	lm_robust(outcome ~ treat * factor(subgroup) + covariates + factor(block))
//
// with the plan's HC errors, or CR2 with clusters, whatever the
// comparison's own method, as car::linearHypothesis(fit, interactions,
// test = "Chisq"): W = b' V⁻¹ b on the K - 1 interactions b and their
// robust covariance V, against χ²_{K-1} (stats.Wald). The rows are those of
// the two arms with a subgroup; the levels those among them, the first
// (sorted) the baseline. A level's main effect or a covariate that is
// collinear with the blocks and the columns before it is left out, as lm
// drops an aliased column (the interactions' estimates and covariance do
// not depend on which of the collinear columns goes); an interaction that
// is not identified (a level with one arm) makes the test undefined, with a
// note.
func (t *trial) interactionP(r *Comparison, tr *arm, p Plan) float64 {
	d := t.d
	nan := math.NaN()
	all := t.subsetOf(tr, t.control)
	s, err := all.where(d, func(i int) bool { return !t.subgroupMissing(all.row[i]) })
	if err != nil {
		r.note("interaction_p: undefined: %v", err)
		return nan
	}
	levels := factorLevels(d.subgroup, s.row)
	if len(levels) < 2 {
		r.note("interaction_p: undefined: %q has %d level among the rows of arms %s and %s", d.cols.Subgroup, len(levels), tr.label, t.control.label)
		return nan
	}
	n := len(s.row)
	if 2*(len(levels)-1)*n > maxIndicatorCells {
		r.note("interaction_p: undefined: the %d levels of %q among %d rows make a model too large to fit", len(levels), d.cols.Subgroup, n)
		return nan
	}
	treat := make([]float64, n)
	for i, b := range s.treat {
		if b {
			treat[i] = 1
		}
	}
	sub := "factor(" + d.cols.Subgroup + ")"
	names := []string{treatName(tr)}
	cols := [][]float64{treat}
	var inter []string
	var interCols [][]float64
	for _, l := range levels[1:] {
		main, x := make([]float64, n), make([]float64, n)
		for i, row := range s.row {
			if d.subgroup[row] == l {
				main[i], x[i] = 1, treat[i]
			}
		}
		names, cols = append(names, sub+l), append(cols, main)
		inter, interCols = append(inter, treatName(tr)+":"+sub+l), append(interCols, x)
	}
	names, cols = append(names, s.covNames...), append(cols, s.cov...)
	names, cols = append(names, inter...), append(cols, interCols...)
	names = uniqueNames(names)
	inter = names[len(names)-len(inter):]
	opt := stats.OLSOptions{Cov: p.SE, Level: p.Level, Block: s.block}
	if s.cluster != nil {
		opt.Cov, opt.Cluster = stats.CR2, s.cluster
	}
	var dropped []string
	for {
		fit, err := stats.OLS(s.y, names, cols, opt)
		if err == nil {
			w, err := fit.Wald(inter...)
			if err != nil {
				r.note("interaction_p: undefined: %s", statsError(err))
				return nan
			}
			how := opt.Cov.String() + " errors"
			if len(dropped) > 0 {
				how += "; left out as collinear with the blocks and the columns before them: " + strings.Join(dropped, ", ")
			}
			what := fmt.Sprintf("the %d interactions of the treatment with %s are", len(inter), sub)
			if len(inter) == 1 {
				what = "the interaction of the treatment with " + sub + " is"
			}
			r.note("interaction_p: the Wald test that %s zero, chi-square %s on %d df, as car::linearHypothesis(lm_robust(outcome ~ treat * %s + covariates + factor(block)), test = \"Chisq\"), %s",
				what, FormatNumber(w.Statistic), len(inter), sub, how)
			return w.P
		}
		j := collinearColumn(err, names)
		if k := j - (len(names) - len(inter)); k >= 0 {
			r.note("interaction_p: undefined: the treatment's interaction with level %q of %q is not identified (%s), as lm_robust leaves it aliased (NA)",
				levels[1+k], d.cols.Subgroup, statsError(err))
			return nan
		}
		if j <= 0 {
			r.note("interaction_p: undefined: %s", statsError(err))
			return nan
		}
		dropped = append(dropped, names[j])
		names = append(names[:j:j], names[j+1:]...)
		cols = append(cols[:j:j], cols[j+1:]...)
	}
}

// collinearColumn returns the index of the column that a model's
// ErrSingular names (by its quoted name), or -1.
func collinearColumn(err error, names []string) int {
	if !errors.Is(err, stats.ErrSingular) {
		return -1
	}
	msg := err.Error()
	for j, n := range names {
		if strings.Contains(msg, strconv.Quote(n)) {
			return j
		}
	}
	return -1
}

// uniqueNames returns names with a suffix " (k)" on any name seen before,
// so that each column of a model can be told by its name.
func uniqueNames(names []string) []string {
	seen := map[string]bool{}
	out := make([]string, len(names))
	for i, n := range names {
		u := n
		for k := 2; seen[u]; k++ {
			u = fmt.Sprintf("%s (%d)", n, k)
		}
		seen[u] = true
		out[i] = u
	}
	return out
}

// writeSubgroups prints the subgroups and the interaction test as rows of
// a comparison's table.
func writeSubgroups(w io.Writer, c Comparison, col string) {
	for _, g := range c.Subgroups {
		fmt.Fprintf(w, "  %s = %s (n %d)\t%s\t%s\t\t%s\t\n", col, g.Level, g.N, FormatNumber(g.Estimate), formatCI(g.CILow, g.CIHigh), FormatNumber(g.PValue))
	}
	if c.InteractionP != nil {
		fmt.Fprintf(w, "  interaction treat x %s (chi-square)\t\t\t\t%s\t\n", col, FormatNumber(*c.InteractionP))
	}
}
