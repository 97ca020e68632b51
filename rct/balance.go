package rct

import (
	"math"
	"slices"
	"strconv"

	"github.com/evalkit/evalkit/internal/table"
	"gonum.org/v1/gonum/stat"
)

// BalanceRow compares one covariate (or one level of a categorical
// covariate) between an arm and the control arm.
type BalanceRow struct {
	// Covariate is the covariate's name; Level the category ("" for a
	// numeric covariate).
	Covariate, Level string
	// Arm and Control name the arms compared.
	Arm, Control string
	// N and NControl count the non-missing values in each arm.
	N, NControl int
	// Mean and MeanControl are the arms' means (numeric) or shares of the
	// level (categorical).
	Mean, MeanControl float64
	// SD and SDControl are the arms' standard deviations (numeric only,
	// denominator n-1; NaN for categorical rows).
	SD, SDControl float64
	// Diff is the standardised mean difference (numeric) or the
	// difference in shares (categorical); NaN when undefined.
	Diff float64
}

// BalanceNumeric returns, for each arm other than control, the
// standardised mean difference of x [1]:
//
//	d = (mean_a - mean_c) / sqrt((s_a^2 + s_c^2) / 2)
//
// with sample variances s^2 (denominator n-1) over the non-missing (NaN)
// values. arm holds each unit's arm label, arms the arms to report, in
// the order of the rows, and control the label of the control arm, one of
// arms; units of an arm not in arms are left out.
//
// Special cases: d is NaN (undefined) when an arm has fewer than two values
// or both variances are 0; means of empty arms are NaN. It panics if
// len(x) != len(arm) or if control is not in arms.
//
// [1] Austin, P. C. (2009). Balance diagnostics for comparing the
// distribution of baseline covariates between treatment groups in
// propensity-score matched samples. Statistics in Medicine 28, 3083–3107.
func BalanceNumeric(name string, x []float64, arm []string, arms []string, control string) []BalanceRow {
	if len(x) != len(arm) {
		panic("rct: slice length mismatch")
	}
	assign, ctrl := balanceArms(arm, arms, control)
	byArm := make([][]float64, len(arms))
	for i, a := range assign {
		if a >= 0 && !math.IsNaN(x[i]) {
			byArm[a] = append(byArm[a], x[i])
		}
	}
	moments := func(v []float64) (m, sd float64) {
		switch len(v) {
		case 0:
			return math.NaN(), math.NaN()
		case 1:
			return v[0], math.NaN()
		}
		m, v2 := stat.MeanVariance(v, nil)
		return m, math.Sqrt(v2)
	}
	mc, sc := moments(byArm[ctrl])
	var rows []BalanceRow
	for a := range arms {
		if a == ctrl {
			continue
		}
		m, s := moments(byArm[a])
		d := math.NaN()
		if pooled := math.Sqrt((s*s + sc*sc) / 2); pooled > 0 {
			d = (m - mc) / pooled
		}
		rows = append(rows, BalanceRow{Covariate: name, Arm: arms[a], Control: control,
			N: len(byArm[a]), NControl: len(byArm[ctrl]), Mean: m, MeanControl: mc, SD: s, SDControl: sc, Diff: d})
	}
	return rows
}

// BalanceCategorical returns, for each level of x (in sorted order) and
// each arm other than control, the difference between the arm's and the
// control's share of the level among their non-missing values (missing:
// the contract's tokens, see table.IsMissing). arm, arms and control are as
// in BalanceNumeric. A share in an arm with no values is NaN. It panics if
// len(x) != len(arm) or if control is not in arms.
func BalanceCategorical(name string, x []string, arm []string, arms []string, control string) []BalanceRow {
	if len(x) != len(arm) {
		panic("rct: slice length mismatch")
	}
	assign, ctrl := balanceArms(arm, arms, control)
	count := map[string][]int{}
	n := make([]int, len(arms))
	for i, a := range assign {
		if a < 0 || table.IsMissing(x[i]) {
			continue
		}
		c, ok := count[x[i]]
		if !ok {
			c = make([]int, len(arms))
			count[x[i]] = c
		}
		c[a]++
		n[a]++
	}
	levels := make([]string, 0, len(count))
	for l := range count {
		levels = append(levels, l)
	}
	slices.Sort(levels)
	share := func(c, n int) float64 {
		if n == 0 {
			return math.NaN()
		}
		return float64(c) / float64(n)
	}
	var rows []BalanceRow
	for _, l := range levels {
		c := count[l]
		for a := range arms {
			if a == ctrl {
				continue
			}
			sa, sc := share(c[a], n[a]), share(c[ctrl], n[ctrl])
			rows = append(rows, BalanceRow{Covariate: name, Level: l, Arm: arms[a], Control: control,
				N: n[a], NControl: n[ctrl], Mean: sa, MeanControl: sc, SD: math.NaN(), SDControl: math.NaN(), Diff: sa - sc})
		}
	}
	return rows
}

// balanceArms returns each unit's index in arms (-1 for an arm not in arms)
// and the index of control, panicking if control is not in arms.
func balanceArms(arm, arms []string, control string) (assign []int, ctrl int) {
	ctrl = slices.Index(arms, control)
	if ctrl < 0 {
		panic("rct: control arm " + strconv.Quote(control) + " not among the arms")
	}
	pos := make(map[string]int, len(arms))
	for k, a := range arms {
		if _, ok := pos[a]; !ok {
			pos[a] = k
		}
	}
	assign = make([]int, len(arm))
	for i, a := range arm {
		k, ok := pos[a]
		if !ok {
			k = -1
		}
		assign[i] = k
	}
	return assign, ctrl
}
