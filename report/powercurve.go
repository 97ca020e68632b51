package report

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// PowerCurve is a power curve to draw: power (Y) against a sample size or
// an effect (X), as computed by rct/power. The PowerCurve of a solved
// design in rct/power has the same fields, and converts to this type.
type PowerCurve struct {
	// Title is the plot's title.
	Title string
	// XLabel names the x axis, such as "units per arm" or "effect (d)".
	XLabel string
	// X and Power are the points of the curve, in increasing X.
	X, Power []float64
	// Target is the power asked for, drawn as a dashed horizontal line;
	// zero draws none.
	Target float64
	// Mark is an x to mark with a dotted vertical line (the solved sample
	// size or effect); NaN or zero draws none.
	Mark float64
	// TargetLabel and MarkLabel are the legends of the target and the
	// mark, saying whether each was given or solved for; empty gives
	// "power 0.8" and the mark's value.
	TargetLabel, MarkLabel string
}

// Plot draws the curve with its axes labelled, the y axis from 0 to 1, a
// dashed line at the target power and a dotted line at the mark. It
// returns an error when X and Power differ in length or have fewer than 2
// points.
func (c PowerCurve) Plot() (*plot.Plot, error) {
	if len(c.X) != len(c.Power) {
		return nil, errors.New("report: power curve: X and Power differ in length")
	}
	if len(c.X) < 2 {
		return nil, errors.New("report: power curve: fewer than 2 points")
	}
	p := NewStyledPlot(c.Title, c.XLabel, "power")
	p.Y.Min, p.Y.Max = 0, 1
	p.X.Tick.Marker, p.Y.Tick.Marker = NiceTicks{}, NiceTicks{}
	p.Add(themeGrid())
	entries := 1

	pts := make(plotter.XYs, len(c.X))
	for i := range c.X {
		pts[i] = plotter.XY{X: c.X[i], Y: c.Power[i]}
	}
	line, err := plotter.NewLine(pts)
	if err != nil {
		return nil, fmt.Errorf("report: power curve: %w", err)
	}
	line.Color = ArmColor(1)
	line.Width = vg.Points(2)
	p.Add(line)
	p.Legend.Add("power", line)

	xmin, xmax := c.X[0], c.X[len(c.X)-1]
	if c.Target > 0 && c.Target < 1 {
		t, err := plotter.NewLine(plotter.XYs{{X: xmin, Y: c.Target}, {X: xmax, Y: c.Target}})
		if err != nil {
			return nil, fmt.Errorf("report: power curve: %w", err)
		}
		t.LineStyle = referenceLineStyle(true)
		p.Add(t)
		p.Legend.Add(or(c.TargetLabel, fmt.Sprintf("power %.3g", c.Target)), t)
		entries++
	}
	if !math.IsNaN(c.Mark) && c.Mark != 0 && c.Mark >= xmin && c.Mark <= xmax {
		m, err := plotter.NewLine(plotter.XYs{{X: c.Mark, Y: 0}, {X: c.Mark, Y: 1}})
		if err != nil {
			return nil, fmt.Errorf("report: power curve: %w", err)
		}
		m.LineStyle = draw.LineStyle{Color: ArmColor(2), Width: vg.Points(1.2), Dashes: []vg.Length{vg.Points(2), vg.Points(2)}}
		p.Add(m)
		p.Legend.Add(or(c.MarkLabel, fmt.Sprintf("%.4g %s", c.Mark, c.XLabel)), m)
		entries++
	}
	p.Legend.ThumbnailWidth = vg.Points(24)
	placeLegendAboveData(p, entries)
	return p, nil
}
