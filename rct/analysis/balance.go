package analysis

import (
	"math"

	"github.com/evalkit/evalkit/rct"
)

// balance compares every covariate between each treatment arm and the
// control over the rows analysed: a numeric covariate's means
// (rct.BalanceNumeric), a categorical covariate's share of each level
// (rct.BalanceCategorical, levels sorted byte by byte), whose standardised
// difference is that of the level's indicator with variances p(1 - p) [1],
//
//	(p - p_control) / sqrt((p (1 - p) + p_control (1 - p_control)) / 2).
//
// [1] Austin, P. C. (2009). Balance diagnostics for comparing the
// distribution of baseline covariates between treatment groups in
// propensity-score matched samples. Statistics in Medicine 28(25),
// 3083-3107.
func (t *trial) balance() []BalanceRow {
	arms := t.arms()
	rows := make([][]int, len(arms))
	for k, a := range arms {
		rows[k] = a.rows
	}
	return t.balanceOf(rows)
}

// balanceOf is balance over the data rows rows[k] of each arm k of
// t.arms(); a row whose covariate is missing is left out of that
// covariate's comparison.
func (t *trial) balanceOf(rows [][]int) []BalanceRow {
	arms := t.arms()
	labels := make([]string, len(arms))
	n := 0
	for k, a := range arms {
		labels[k] = a.label
		n += len(rows[k])
	}
	arm := make([]string, 0, n)
	for k := range arms {
		for range rows[k] {
			arm = append(arm, labels[k])
		}
	}
	var out []BalanceRow
	for j := range t.d.cov {
		c := &t.d.cov[j]
		if c.text != nil {
			text := make([]string, 0, len(arm))
			for k := range arms {
				for _, r := range rows[k] {
					text = append(text, c.text[r])
				}
			}
			for _, b := range rct.BalanceCategorical(c.name, text, arm, labels, labels[0]) {
				sd, sdc := shareSD(b.Mean), shareSD(b.MeanControl)
				out = append(out, BalanceRow{Covariate: b.Covariate, Level: b.Level, Arm: b.Arm, Control: b.Control,
					N: b.N, NControl: b.NControl, Mean: b.Mean, MeanControl: b.MeanControl,
					SD: sd, SDControl: sdc, StdDiff: stdDiff(b.Mean, b.MeanControl, sd, sdc)})
			}
			continue
		}
		v := make([]float64, 0, len(arm))
		for k := range arms {
			for _, r := range rows[k] {
				v = append(v, c.x[r])
			}
		}
		for _, b := range rct.BalanceNumeric(c.name, v, arm, labels, labels[0]) {
			out = append(out, BalanceRow{Covariate: b.Covariate, Arm: b.Arm, Control: b.Control,
				N: b.N, NControl: b.NControl, Mean: b.Mean, MeanControl: b.MeanControl,
				SD: b.SD, SDControl: b.SDControl, StdDiff: b.Diff})
		}
	}
	return out
}

// shareSD is the standard deviation sqrt(p (1 - p)) of an indicator whose
// mean is p.
func shareSD(p float64) float64 { return math.Sqrt(p * (1 - p)) }

// stdDiff is (m - mc) / sqrt((sd² + sdc²) / 2), NaN when both SDs are 0.
func stdDiff(m, mc, sd, sdc float64) float64 {
	s := math.Sqrt((sd*sd + sdc*sdc) / 2)
	if !(s > 0) {
		return math.NaN()
	}
	return (m - mc) / s
}
