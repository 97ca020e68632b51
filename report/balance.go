package report

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// BalanceLimit is where the balance plot draws its reference lines: an
// absolute standardised difference above 0.1 is commonly taken as a sign
// of imbalance [1].
//
// [1] Austin, P. C. (2009). Balance diagnostics for comparing the
// distribution of baseline covariates between treatment groups in
// propensity-score matched samples. Statistics in Medicine 28, 3083-3107.
const BalanceLimit = 0.1

// balanceMaxSMD is the largest standardised difference drawn; larger ones
// are as undefined as infinite ones.
const balanceMaxSMD = 1e100

// BalancePlot draws each covariate's standardised difference between each
// arm and the control, a row per covariate in order of first appearance,
// a dot per arm in the arm's colour (its position in arms, as in
// Analysis.Arms), with a line at 0 and dashed lines at ±BalanceLimit. The
// axis is symmetric and spans at least ±0.25.
//
// Special cases:
//
//	SMD NaN, ±Inf or beyond ±1e100   → no dot; the covariate is labelled "(undefined for ...)"
//
// BalancePlot panics if rows is empty.
func BalancePlot(rows []BalanceRow, arms []string) (*plot.Plot, error) {
	if len(rows) == 0 {
		panic("report: BalancePlot with no rows")
	}
	index := analysisArmIndex(arms)
	var covs, armOrder []string
	covRow := map[string]int{}
	armPos := map[string]int{}
	for _, r := range rows {
		if _, ok := covRow[r.Covariate]; !ok {
			covRow[r.Covariate] = len(covs)
			covs = append(covs, r.Covariate)
		}
		if _, ok := armPos[r.Arm]; !ok {
			armPos[r.Arm] = len(armOrder)
			armOrder = append(armOrder, r.Arm)
		}
	}
	n, m := len(covs), len(armOrder)
	step := min(0.6/float64(m), 0.2)
	labels := make([]string, n)
	for i, c := range covs {
		labels[i] = analysisShort(c)
	}
	undefined := make([]string, n)
	points := make([]plotter.XYs, m)
	reach := 0.0
	for _, r := range rows {
		i, j := covRow[r.Covariate], armPos[r.Arm]
		if !(math.Abs(r.SMD) <= balanceMaxSMD) {
			if undefined[i] != "" {
				undefined[i] += ", "
			}
			undefined[i] += analysisShort(r.Arm)
			continue
		}
		reach = max(reach, math.Abs(r.SMD))
		y := float64(n-1-i) + (float64(j)-float64(m-1)/2)*step
		points[j] = append(points[j], plotter.XY{X: r.SMD, Y: y})
	}
	for i := range labels {
		if undefined[i] != "" {
			labels[i] += " (undefined for " + undefined[i] + ")"
		}
	}

	p := NewStyledPlot("Covariate balance: standardised difference from control",
		"standardised difference (SD units; dashed lines at ±0.1)", "")
	r := max(0.25, 1.15*reach)
	p.X.Min, p.X.Max = -r, r
	p.X.Tick.Marker = NiceTicks{}
	p.Y.Min, p.Y.Max = -0.6, float64(n)-0.4
	for _, x := range []float64{-BalanceLimit, 0, BalanceLimit} {
		l, err := plotter.NewLine(plotter.XYs{{X: x, Y: p.Y.Min}, {X: x, Y: p.Y.Max}})
		if err != nil {
			return nil, err
		}
		l.LineStyle = referenceLineStyle(x != 0)
		p.Add(l)
	}
	for j, arm := range armOrder {
		sc, err := plotter.NewScatter(points[j])
		if err != nil {
			return nil, err
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: ArmColor(index[arm]), Radius: vg.Points(4), Shape: draw.CircleGlyph{}}
		p.Add(sc)
		p.Legend.Add(analysisShort(arm)+" vs control", sc)
	}
	placeLegendAboveData(p, m)
	ticks := make([]plot.Tick, n)
	for i, l := range labels {
		ticks[i] = plot.Tick{Value: float64(n - 1 - i), Label: l}
	}
	p.Y.Tick.Marker = plot.ConstantTicks(ticks)
	p.Y.Tick.Length = 0
	p.Y.Width = 0
	return p, nil
}

// BalancePlotHeight is a height for BalancePlot of rows: room for the
// title, legend and axis, and a fixed height per covariate.
func BalancePlotHeight(rows []BalanceRow) vg.Length {
	covs, arms := map[string]bool{}, map[string]bool{}
	for _, r := range rows {
		covs[r.Covariate] = true
		arms[r.Arm] = true
	}
	return 1.2*vg.Inch + vg.Length(len(arms))*vg.Points(12) + vg.Length(len(covs))*vg.Points(24)
}
