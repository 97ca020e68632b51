package analysis

import (
	"math"

	"gonum.org/v1/gonum/stat"

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
	var arm []string // each row's arm label, made for a categorical covariate
	var out []BalanceRow
	for j := range t.d.cov {
		c := &t.d.cov[j]
		if c.text != nil {
			if arm == nil {
				arm = make([]string, 0, n)
				for k := range arms {
					for range rows[k] {
						arm = append(arm, labels[k])
					}
				}
			}
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
		out = append(out, numericBalance(c, rows, labels)...)
	}
	return out
}

// numericBalance is rct.BalanceNumeric of numeric covariate c between each
// arm k > 0 and the control, arm 0, over the data rows rows[k] where c is
// not missing, computed arm by arm in one buffer, with no slice of a label
// and an arm code per row:
//
//	mean and SD of each arm (stat.MeanVariance; NaN SD for one row, NaN
//	mean for none), std_diff = (mean - mean_control) / sqrt((sd² + sd_control²) / 2).
func numericBalance(c *covariate, rows [][]int, labels []string) []BalanceRow {
	most := 0
	for _, r := range rows {
		most = max(most, len(r))
	}
	buf := make([]float64, 0, most)
	moments := func(rows []int) (n int, m, sd float64) {
		buf = buf[:0]
		for _, r := range rows {
			if !math.IsNaN(c.x[r]) {
				buf = append(buf, c.x[r])
			}
		}
		switch len(buf) {
		case 0:
			return 0, math.NaN(), math.NaN()
		case 1:
			return 1, buf[0], math.NaN()
		}
		m, v := stat.MeanVariance(buf, nil)
		return len(buf), m, math.Sqrt(v)
	}
	nc, mc, sc := moments(rows[0])
	out := make([]BalanceRow, 0, len(labels)-1)
	for k := 1; k < len(labels); k++ {
		n, m, s := moments(rows[k])
		out = append(out, BalanceRow{Covariate: c.name, Arm: labels[k], Control: labels[0],
			N: n, NControl: nc, Mean: m, MeanControl: mc, SD: s, SDControl: sc, StdDiff: stdDiff(m, mc, s, sc)})
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
