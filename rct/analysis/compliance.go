package analysis

import (
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/evalkit/evalkit/internal/jsonenc"
	"github.com/evalkit/evalkit/internal/table"
	"github.com/evalkit/evalkit/stats"
)

// CACE is a comparison's complier average causal effect: the effect of
// receiving the intervention for the units that receive it when offered
// and not otherwise (the compliers), estimated by two-stage least squares
// with the arm as the instrument for receipt [1]:
//
//	estimatr::iv_robust(outcome ~ received + covariates + factor(block) |
//	                    treat + covariates + factor(block), se_type = "HC2")
//
// (the plan's SE, or clusters = cluster, se_type = "CR2" with its
// Bell-McCaffrey df), over the rows of the comparison's two arms. Without
// covariates or blocks the estimate is the Wald estimator, the ITT
// difference in means over the difference in the shares received,
//
//	CACE = (ȳ_t - ȳ_c) / (d̄_t - d̄_c),
//
// which is why no one receiving the intervention under treatment is an
// error. Undefined numbers are NaN and the comparison's notes say why.
//
// [1] Angrist, J. D., Imbens, G. W. and Rubin, D. B. (1996). Identification
// of causal effects using instrumental variables. J. Amer. Statist. Assoc.
// 91(434), 444-455.
type CACE struct {
	Estimate float64 `json:"estimate"`
	SE       float64 `json:"se"`
	DF       float64 `json:"df"`
	CILow    float64 `json:"ci_low"`
	CIHigh   float64 `json:"ci_high"`
	PValue   float64 `json:"p_value"`
	// ComplianceTreatment and ComplianceControl are the shares of the
	// arms' analysed rows that received the intervention.
	ComplianceTreatment float64 `json:"compliance_treatment"`
	ComplianceControl   float64 `json:"compliance_control"`
}

// MarshalJSON returns the object of the contract, with null for NaN.
func (c CACE) MarshalJSON() ([]byte, error) {
	type plain CACE
	return jsonenc.Marshal(plain(c))
}

// readReceived reads Columns.Received, if named: each value 0, 1 or
// missing, anything else an error naming its row and column.
func (d *Data) readReceived(src Source) error {
	name := d.cols.Received
	if name == "" {
		return nil
	}
	if err := d.checkExtraColumn("received", name); err != nil {
		return err
	}
	text, v, err := d.numbers(src, name)
	if err != nil {
		var pe *table.ParseError
		if errors.As(err, &pe) && errors.Is(err, table.ErrNotNumber) {
			return d.rowError(pe.Row-2, name, pe.Value, errNotReceived)
		}
		return err
	}
	for i, x := range v {
		if !math.IsNaN(x) && x != 0 && x != 1 {
			return d.rowError(i, name, text.at(i), errNotReceived)
		}
	}
	if len(v) != d.arm.len() {
		return fmt.Errorf("%s: the columns have different lengths (%d and %d rows)", d.file, d.arm.len(), len(v))
	}
	d.received = v
	return nil
}

const errNotReceived = "received must be 1 (the unit received the intervention), 0 (it did not) or missing"

// checkExtraColumn refuses the received or subgroup column (what) named
// as the outcome, the arm or a covariate.
func (d *Data) checkExtraColumn(what, name string) error {
	c := d.cols
	if name == c.Outcome || name == c.Arm {
		return fmt.Errorf("analysis: the %s column %q is the outcome or the arm column", what, table.Clip(name))
	}
	if what == "received" {
		for _, v := range c.Covariates {
			if v == name {
				return fmt.Errorf("analysis: the received column %q is also a covariate", table.Clip(name))
			}
		}
	}
	return nil
}

// compliance sets r.Cace, the complier average causal effect of arm tr
// against the control, when the data have a received column (see CACE).
// The rows are those of the comparison's two arms, the blocks without
// events of a count model included, as the linear model keeps them. An
// arm tr whose analysed rows all have received 0 is the trial's error.
func (t *trial) compliance(r *Comparison, tr *arm, p Plan) {
	d := t.d
	if d.received == nil {
		return
	}
	c := t.control
	nan := math.NaN()
	k := &CACE{Estimate: nan, SE: nan, DF: nan, CILow: nan, CIHigh: nan, PValue: nan, ComplianceTreatment: nan, ComplianceControl: nan}
	r.Cace = k
	if n := t.countRows(d.received, tr, c); n > 0 {
		r.note("rows: %s of arms %s and %s left out for no value in the received column %q (counted in n_missing)", rowsWord(n), tr.label, c.label, d.cols.Received)
	}
	s := t.subsetOf(tr, c)
	recv := make([]float64, len(s.row))
	var sum, n [2]float64
	tcol := make([]float64, len(s.row))
	for i, row := range s.row {
		recv[i] = d.received[row]
		a := 0
		if s.treat[i] {
			a, tcol[i] = 1, 1
		}
		sum[a] += recv[i]
		n[a]++
	}
	k.ComplianceTreatment, k.ComplianceControl = sum[1]/n[1], sum[0]/n[0]
	if n[1] > 0 && sum[1] == 0 {
		if t.err == nil {
			t.err = fmt.Errorf("%s: no one in arm %q received the intervention (column %q is 0 in all %d of its rows analysed), so the complier average causal effect is not identified: check that column",
				d.file, tr.label, d.cols.Received, int(n[1]))
		}
		return
	}
	des := stats.IVDesign{
		Endogenous: [][]float64{recv}, EndogenousNames: []string{d.cols.Received},
		Instruments: [][]float64{tcol}, InstrumentNames: []string{treatName(tr)},
		Exogenous: s.cov, ExogenousNames: s.covNames,
	}
	opt := stats.OLSOptions{Cov: p.SE, Level: p.Level, Block: s.block}
	if s.cluster != nil {
		opt.Cov, opt.Cluster = stats.CR2, s.cluster
	}
	fit, err := stats.TwoStageLS(s.y, des, opt)
	if err != nil && opt.Cov == stats.CR2 && errors.Is(err, stats.ErrDomain) && len(s.y) > 0 {
		// A cluster with leverage 1: the estimate stands, its CR2
		// inference does not.
		r.note("cace: se, ci, p_value, df: undefined: %s", statsError(err))
		opt.Cov, opt.Cluster = stats.HC0, nil
		if fit, err = stats.TwoStageLS(s.y, des, opt); err == nil {
			k.Estimate = coefficient(fit, d.cols.Received).Estimate
			return
		}
	}
	if err != nil {
		r.undefined("cace", statsError(err))
		return
	}
	b := coefficient(fit, d.cols.Received)
	k.Estimate, k.SE, k.DF, k.CILow, k.CIHigh, k.PValue = b.Estimate, b.SE, b.DF, b.CILow, b.CIHigh, b.P
	how := opt.Cov.String() + " standard errors"
	if opt.Cov == stats.CR2 {
		how = fmt.Sprintf("CR2 standard errors with Bell-McCaffrey df, %d clusters", fit.Clusters)
	}
	r.note("cace: the effect of receiving the intervention (%q = 1) for compliers, by two-stage least squares with the arm as the instrument, as iv_robust(outcome ~ received + covariates + factor(block) | treat + covariates + factor(block)), %s; received in %s of arm %s and %s of arm %s",
		d.cols.Received, how, FormatNumber(k.ComplianceTreatment), tr.label, FormatNumber(k.ComplianceControl), c.label)
	if t.typ == Count {
		r.note("cace: a difference in the count per unit (a linear model), not a rate ratio")
	}
}

// countRows counts the data rows of the given arms (all their rows, used
// or left out) whose value in v is missing (NaN).
func (t *trial) countRows(v []float64, arms ...*arm) int {
	n := 0
	for i := range t.d.arm.len() {
		if !math.IsNaN(v[i]) {
			continue
		}
		l := t.d.arm.at(i)
		for _, a := range arms {
			if l == a.label {
				n++
				break
			}
		}
	}
	return n
}

// writeCACE prints the complier average causal effect as a row of a
// comparison's table.
func writeCACE(w io.Writer, c Comparison) {
	k := c.Cace
	if k == nil {
		return
	}
	fmt.Fprintf(w, "  cace (received %s vs %s)\t%s\t%s\t%s\t%s\t\n", FormatNumber(k.ComplianceTreatment), FormatNumber(k.ComplianceControl),
		FormatNumber(k.Estimate), formatCI(k.CILow, k.CIHigh), FormatNumber(k.DF), FormatNumber(k.PValue))
}
