package report

import (
	"errors"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/evalkit/evalkit/qed"
)

// ErrNoEventStudy is returned by EventStudyPlot without event times.
var ErrNoEventStudy = errors.New("report: no event times to draw")

// EventStudyPlot draws the dynamic aggregation of a difference in
// differences: the estimate at each event time e = t - g (periods since
// the first treated period) with its confidence interval at level, before
// treatment (e < 0) in grey and from it (e ≥ 0) in blue, a line at 0 (no
// effect) and a dashed line between e = -1 and e = 0 where treatment
// starts. The base period, whose estimate is 0 by definition and has no
// interval, is drawn as an open circle. outcome labels the y axis.
//
// Special cases:
//
//	no event times                        → ErrNoEventStudy
//	an estimate NaN or ±Inf               → no point at that event time
//	a bound NaN or ±Inf                   → no interval at that event time
func EventStudyPlot(events []qed.EventTime, outcome string, level float64) (*plot.Plot, error) {
	if len(events) == 0 {
		return nil, ErrNoEventStudy
	}
	if level == 0 {
		level = 0.95
	}
	lv := strconv.FormatFloat(100*level, 'g', 6, 64)
	p := NewStyledPlot("Event study: effect by periods since treatment began",
		"periods since the first treated period (e = t - g)", eventStudyLabel(outcome)+" (difference, "+lv+"% CI)")
	var pts [3]plotter.XYs // pre, post, base
	lo, hi := 0.0, 0.0
	xmin, xmax := math.Inf(1), math.Inf(-1)
	for _, e := range events {
		if math.IsNaN(e.Estimate) || math.IsInf(e.Estimate, 0) {
			continue
		}
		xmin, xmax = math.Min(xmin, e.EventTime), math.Max(xmax, e.EventTime)
		k := 0
		switch {
		case math.IsNaN(e.SE):
			k = 2
		case e.EventTime >= 0:
			k = 1
		}
		pts[k] = append(pts[k], plotter.XY{X: e.EventTime, Y: e.Estimate})
		lo, hi = math.Min(lo, e.Estimate), math.Max(hi, e.Estimate)
		if finite(e.CILow) && finite(e.CIHigh) {
			l, err := plotter.NewLine(plotter.XYs{{X: e.EventTime, Y: e.CILow}, {X: e.EventTime, Y: e.CIHigh}})
			if err != nil {
				return nil, err
			}
			l.LineStyle = draw.LineStyle{Color: ArmColor(min(k, 1)), Width: vg.Points(1.5)}
			p.Add(l)
			lo, hi = math.Min(lo, e.CILow), math.Max(hi, e.CIHigh)
		}
	}
	if math.IsInf(xmin, 1) {
		return nil, ErrNoEventStudy
	}
	pad := 0.08 * math.Max(hi-lo, 1e-9)
	p.Y.Min, p.Y.Max = lo-pad, hi+pad
	p.X.Min, p.X.Max = xmin-0.6, xmax+0.6
	p.X.Tick.Marker = eventTicks{}
	p.Y.Tick.Marker = NiceTicks{}
	zero, _ := plotter.NewLine(plotter.XYs{{X: p.X.Min, Y: 0}, {X: p.X.Max, Y: 0}})
	zero.LineStyle = referenceLineStyle(false)
	start, _ := plotter.NewLine(plotter.XYs{{X: -0.5, Y: p.Y.Min}, {X: -0.5, Y: p.Y.Max}})
	start.LineStyle = referenceLineStyle(true)
	p.Add(zero, start)
	names := [3]string{"before treatment", "after treatment began", "base period (0 by definition)"}
	n := 0
	for k, xy := range pts {
		if len(xy) == 0 {
			continue
		}
		sc, err := plotter.NewScatter(xy)
		if err != nil {
			return nil, err
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: ArmColor(min(k, 1)), Radius: vg.Points(3.5), Shape: draw.CircleGlyph{}}
		if k == 2 {
			sc.GlyphStyle = draw.GlyphStyle{Color: ArmColor(0), Radius: vg.Points(3.5), Shape: draw.RingGlyph{}}
		}
		p.Add(sc)
		p.Legend.Add(names[k], sc)
		n++
	}
	placeLegendAboveData(p, n)
	return p, nil
}

// finite reports whether v is a number other than ±Inf.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// eventStudyLabelRunes is the most characters of the outcome's name on the
// y axis, which is shorter than the plot's width.
const eventStudyLabelRunes = 28

// eventStudyLabel returns the outcome's name cut for the y axis.
func eventStudyLabel(s string) string {
	r := []rune(analysisShort(s))
	if len(r) <= eventStudyLabelRunes {
		return string(r)
	}
	return string(r[:eventStudyLabelRunes-1]) + "…"
}

// eventTicks marks every whole event time when there are at most 15 of
// them, and NiceTicks' round numbers otherwise.
type eventTicks struct{}

// Ticks implements plot.Ticker.
func (eventTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(hi-lo <= 15) {
		return NiceTicks{}.Ticks(lo, hi)
	}
	var ticks []plot.Tick
	for v := math.Ceil(lo); v <= hi; v++ {
		ticks = append(ticks, plot.Tick{Value: v + 0, Label: strconv.FormatFloat(v+0, 'f', 0, 64)})
	}
	return ticks
}
