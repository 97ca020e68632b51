package analysis

import "github.com/evalkit/evalkit/rct"

// balance compares every covariate between each treatment arm and the
// control over the rows analysed (rct.BalanceNumeric).
func (t *trial) balance() []BalanceRow {
	arms := t.arms()
	labels := make([]string, len(arms))
	n := 0
	for _, a := range arms {
		n += len(a.rows)
	}
	arm := make([]string, 0, n)
	for k, a := range arms {
		labels[k] = a.label
		for range a.rows {
			arm = append(arm, a.label)
		}
	}
	var out []BalanceRow
	for j, name := range t.d.cols.Covariates {
		v := make([]float64, 0, len(arm))
		for _, a := range arms {
			for _, r := range a.rows {
				v = append(v, t.d.cov[j][r])
			}
		}
		for _, b := range rct.BalanceNumeric(name, v, arm, labels, labels[0]) {
			out = append(out, BalanceRow{Covariate: b.Covariate, Arm: b.Arm, Control: b.Control,
				N: b.N, NControl: b.NControl, Mean: b.Mean, MeanControl: b.MeanControl,
				SD: b.SD, SDControl: b.SDControl, StdDiff: b.Diff})
		}
	}
	return out
}
