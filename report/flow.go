package report

import (
	"fmt"
	"image/color"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// flowStages are the counts of a CONSORT flow diagram drawn for each arm,
// top to bottom.
var flowStages = [3]string{"randomised", "analysed", "missing outcome"}

// FlowPlot draws the participant flow by arm: for each arm, in the order
// given, a bar each for the units randomised, analysed, and left out for a
// missing outcome, in the arm's colour, labelled with the count (and the
// share of those randomised). units names what was randomised in the
// plural; empty means "participants".
//
// Each arm takes a header row and three bar rows, so labels never overlap
// whatever the number of arms; FlowPlotHeight gives a height that keeps
// the rows readable.
//
// FlowPlot panics if arms is empty; a negative count is an error wrapping
// ErrInvalidAnalysis.
func FlowPlot(arms []ArmSummary, units string) (*plot.Plot, error) {
	if len(arms) == 0 {
		panic("report: FlowPlot with no arms")
	}
	if units == "" {
		units = "participants"
	}
	units = analysisShort(units)
	p := NewStyledPlot("Flow of "+units+" by arm: randomised, analysed, missing outcome", "number of "+units, "")
	k := len(arms)
	bars := &flowBars{}
	var labels plotter.XYLabels
	var ticks []plot.Tick
	maxCount := 1
	for i, arm := range arms {
		if arm.Randomised < 0 || arm.Analysed < 0 || arm.Missing < 0 {
			return nil, fmt.Errorf("%w: arm %q has a negative count", ErrInvalidAnalysis, arm.Arm)
		}
		top := float64((k-1-i)*4 + 3)
		ticks = append(ticks, plot.Tick{Value: top, Label: analysisShort(arm.Arm)})
		counts := [3]int{arm.Randomised, arm.Analysed, arm.Missing}
		for s, n := range counts {
			y := top - 1 - float64(s)
			maxCount = max(maxCount, n)
			bars.rows = append(bars.rows, flowBar{y: y, value: float64(n), colour: ArmColor(i)})
			ticks = append(ticks, plot.Tick{Value: y, Label: flowStages[s]})
			labels.XYs = append(labels.XYs, plotter.XY{X: float64(n), Y: y})
			labels.Labels = append(labels.Labels, flowCountLabel(n, arm.Randomised, s > 0))
		}
	}
	p.Add(bars)
	l, err := analysisLabels(labels, draw.XLeft, draw.YCenter, vg.Point{X: vg.Points(4)})
	if err != nil {
		return nil, err
	}
	p.Add(l)

	p.X.Min, p.X.Max = 0, float64(maxCount)
	p.X.Tick.Marker = NiceTicks{}
	p.Y.Min, p.Y.Max = -0.6, float64(4*k-1)+0.6
	p.Y.Tick.Marker = plot.ConstantTicks(ticks)
	p.Y.Tick.Length = 0
	p.Y.LineStyle.Width = 0
	p.Y.Padding = 0
	p.X.Padding = 0
	return p, nil
}

// FlowPlotHeight is a height for FlowPlot with nArms arms: room for the
// title and axis, and a fixed height per row.
func FlowPlotHeight(nArms int) vg.Length {
	return vg.Inch + vg.Length(4*nArms-1)*vg.Points(16)
}

// flowCountLabel formats a count with thousands separators, and its share
// of the randomised units when share is set and randomised > 0.
func flowCountLabel(n, randomised int, share bool) string {
	s := flowThousands(n)
	if share && randomised > 0 {
		s += " (" + flowShare(n, randomised) + ")"
	}
	return s
}

// flowShare prints n/total as a percentage to one decimal, never rounding
// a share that is not 0 to "0.0%" or one that is not whole to "100.0%".
func flowShare(n, total int) string {
	pct := 100 * float64(n) / float64(total)
	switch {
	case n > 0 && pct < 0.05:
		return "< 0.1%"
	case n < total && pct >= 99.95:
		return "> 99.9%"
	}
	return fmt.Sprintf("%.1f%%", pct)
}

// flowThousands writes n with commas between groups of three digits.
func flowThousands(n int) string {
	s := strconv.Itoa(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	var out []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}

// flowBar is one horizontal bar from 0 to value at row y.
type flowBar struct {
	y, value float64
	colour   color.Color
}

// flowBars draws horizontal bars whose thickness is a share of the row
// spacing, so they stay proportionate at any plot size.
type flowBars struct {
	rows []flowBar
}

// Plot implements plot.Plotter.
func (b *flowBars) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for _, r := range b.rows {
		if r.value <= 0 {
			continue
		}
		y0, y1 := trY(r.y-0.35), trY(r.y+0.35)
		x0, x1 := trX(0), trX(r.value)
		pts := []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}
		c.FillPolygon(r.colour, c.ClipPolygonXY(pts))
	}
}

// DataRange implements plot.DataRanger.
func (b *flowBars) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = 0, 0
	ymin, ymax = 0, 0
	for _, r := range b.rows {
		xmax = max(xmax, r.value)
		ymin = min(ymin, r.y-0.5)
		ymax = max(ymax, r.y+0.5)
	}
	return xmin, xmax, ymin, ymax
}
