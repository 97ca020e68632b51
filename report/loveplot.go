package report

import (
	"errors"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/evalkit/evalkit/qed"
)

// ErrNoBalance is returned by LovePlot without covariates.
var ErrNoBalance = errors.New("report: no covariates to draw")

// LovePlot draws each covariate's standardised difference between the
// treated and the controls before (an open grey circle) and after (a
// filled blue dot) matching or weighting, a row per covariate in the given
// order, with a line at 0 and dashed lines at ±BalanceLimit [1]. The axis is
// symmetric and spans at least ±0.25; after is "weighted" or "matched".
//
// Special cases:
//
//	no rows                            → ErrNoBalance
//	an SMD NaN or ±Inf                 → no dot; the covariate is labelled "(undefined)"
//
// [1] Austin, P. C. (2009); see BalanceLimit.
func LovePlot(rows []qed.BalanceRow, after string) (*plot.Plot, error) {
	if len(rows) == 0 {
		return nil, ErrNoBalance
	}
	n := len(rows)
	var pts [2]plotter.XYs
	reach := 0.0
	ticks := make([]plot.Tick, n)
	for i, r := range rows {
		y := float64(n - 1 - i)
		label := analysisShort(r.Covariate)
		for k, v := range [2]float64{r.SMDBefore, r.SMDAfter} {
			if !finite(v) {
				label += map[int]string{0: " (undefined before)", 1: " (undefined after)"}[k]
				continue
			}
			pts[k] = append(pts[k], plotter.XY{X: v, Y: y})
			reach = math.Max(reach, math.Abs(v))
		}
		ticks[i] = plot.Tick{Value: y, Label: label}
	}
	p := NewStyledPlot("Covariate balance before and after ("+after+")",
		"standardised difference (SD of the treated; dashed lines at ±0.1)", "")
	lim := math.Max(0.25, 1.15*reach)
	p.X.Min, p.X.Max = -lim, lim
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
	styles := [2]draw.GlyphStyle{
		{Color: ArmColor(0), Radius: vg.Points(4), Shape: draw.RingGlyph{}},
		{Color: ArmColor(1), Radius: vg.Points(4), Shape: draw.CircleGlyph{}},
	}
	for k, name := range [2]string{"before", after} {
		sc, err := plotter.NewScatter(pts[k])
		if err != nil {
			return nil, err
		}
		sc.GlyphStyle = styles[k]
		p.Add(sc)
		p.Legend.Add(name, sc)
	}
	placeLegendAboveData(p, 2)
	p.Y.Tick.Marker = plot.ConstantTicks(ticks)
	p.Y.Tick.Length = 0
	p.Y.Width = 0
	return p, nil
}

// LovePlotHeight is a height for LovePlot of n covariates.
func LovePlotHeight(n int) vg.Length {
	return 1.4*vg.Inch + vg.Length(n)*vg.Points(24)
}
