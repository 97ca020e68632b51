package report

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Forest is a forest plot: one panel per scale, stacked. The first panel
// holds every comparison's estimate; further panels hold the effect sizes
// on a linear scale (no effect at 0) and the ratios on a logarithmic scale
// (no effect at 1). Measures on different scales never share an axis.
type Forest struct {
	// Panels are the plots, top to bottom.
	Panels []*plot.Plot
	// rows is the number of rows of each panel, which sets its height.
	rows []int
	// numbers is the width of each panel's numbers, right of its data.
	numbers []vg.Length
}

const (
	// forestPanelOverhead is the height of a panel's title and x axis.
	forestPanelOverhead = 0.95 * vg.Inch
	// forestRowHeight is the height of one row of a panel.
	forestRowHeight = 0.3 * vg.Inch
	// forestPanelGap separates a panel from the one above it.
	forestPanelGap = 10 * vg.Length(1)
)

// Height is a height for f that keeps every row readable.
func (f *Forest) Height() vg.Length {
	var h vg.Length
	for _, n := range f.rows {
		h += forestPanelOverhead + vg.Length(n)*forestRowHeight
	}
	return h
}

// Draw draws the panels on c, top to bottom, each given a share of the
// height in proportion to its number of rows, with their data areas
// aligned.
func (f *Forest) Draw(c draw.Canvas) {
	total := f.Height()
	if total == 0 {
		return
	}
	widths := make([]vg.Length, len(f.Panels))
	var widest vg.Length
	for i, p := range f.Panels {
		for _, t := range p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max) {
			widths[i] = max(widths[i], p.Y.Tick.Label.Width(t.Label))
		}
		widest = max(widest, widths[i])
	}
	var widestNumbers vg.Length
	for _, w := range f.numbers {
		widestNumbers = max(widestNumbers, w)
	}
	scale := c.Size().Y / total
	top := c.Max.Y
	for i, p := range f.Panels {
		h := (forestPanelOverhead + vg.Length(f.rows[i])*forestRowHeight) * scale
		sub := c
		sub.Max.Y = top
		if i > 0 {
			sub.Max.Y -= forestPanelGap
		}
		sub.Min.Y = top - h
		sub.Min.X += widest - widths[i]
		sub.Max.X -= widestNumbers - f.numbers[i]
		p.Draw(sub)
		top -= h
	}
}

// forestRow is one line of a forest plot.
type forestRow struct {
	label          string
	est, low, high float64
	arm            int
	primary        bool
}

// ForestPlot draws every comparison's estimate with its confidence
// interval, and every effect size, with a dashed line at no effect. Each
// row is drawn in its treatment arm's colour, the arm's position in arms
// (as in Analysis.Arms); level is the intervals' confidence level (0 means
// 0.95), for the titles.
//
// Special cases, for each row:
//
//	estimate not finite, or <= 0 on a log axis   → "(not estimable)", nothing drawn
//	a bound not finite, or <= 0 on a log axis    → the interval runs to the axis' edge, "(interval open)"
//	|value| > 1e100, or a ratio < 1e-100         → treated as not finite
//
// A ratio comparison whose NullValue is not positive is an error wrapping
// ErrInvalidAnalysis. ForestPlot panics if cs is empty.
func ForestPlot(cs []Comparison, arms []string, level float64) (*Forest, error) {
	if len(cs) == 0 {
		panic("report: ForestPlot with no comparisons")
	}
	if level == 0 {
		level = 0.95
	}
	ci := strconv.FormatFloat(100*level, 'g', 6, 64) + "% CI"
	index := analysisArmIndex(arms)
	f := &Forest{}
	// With a single control, rows name only the treatment arm.
	oneControl := true
	for _, c := range cs {
		oneControl = oneControl && c.Control == cs[0].Control
	}
	rowName := func(c Comparison) string {
		if oneControl {
			return analysisShort(c.Treatment)
		}
		return analysisShort(c.Treatment) + " vs " + analysisShort(c.Control)
	}

	// The estimates: one panel per (measure, scale), usually one.
	type key struct {
		measure string
		log     bool
		null    float64
	}
	var order []key
	groups := map[key][]forestRow{}
	for _, c := range cs {
		if c.Log && !(c.NullValue > 0) {
			return nil, fmt.Errorf("%w: comparison %q vs %q is a ratio with no-effect value %v", ErrInvalidAnalysis, c.Treatment, c.Control, c.NullValue)
		}
		m := analysisShort(c.Measure)
		if m == "" {
			m = "difference"
			if c.Log {
				m = "ratio"
			}
		}
		k := key{m, c.Log, c.NullValue}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], forestRow{
			label: rowName(c),
			est:   c.Estimate, low: c.Low, high: c.High,
			arm: index[c.Treatment], primary: true,
		})
	}
	for _, k := range order {
		title := "Effect of each arm against its control"
		if oneControl {
			title = "Effect of each arm against " + analysisShort(cs[0].Control)
		}
		p, w, err := forestPanel(title, k.measure+" ("+ci+")", groups[k], k.log, k.null)
		if err != nil {
			return nil, err
		}
		f.Panels = append(f.Panels, p)
		f.numbers = append(f.numbers, w)
		f.rows = append(f.rows, len(groups[k]))
	}

	// The effect sizes: a linear panel and a ratio panel.
	for _, log := range []bool{false, true} {
		var rows []forestRow
		for _, c := range cs {
			for _, e := range c.EffectSizes {
				if e.Log != log {
					continue
				}
				rows = append(rows, forestRow{
					label: rowName(c) + ": " + analysisShort(Terms(e.Measure).Name),
					est:   e.Value, low: e.Low, high: e.High,
					arm: index[c.Treatment],
				})
			}
		}
		if len(rows) == 0 {
			continue
		}
		title, xl, null := "Effect sizes (no effect at 0)", "effect size ("+ci+")", 0.0
		if log {
			title, xl, null = "Ratios (log scale, no effect at 1)", "ratio ("+ci+", log scale)", 1
		}
		p, w, err := forestPanel(title, xl, rows, log, null)
		if err != nil {
			return nil, err
		}
		f.Panels = append(f.Panels, p)
		f.numbers = append(f.numbers, w)
		f.rows = append(f.rows, len(rows))
	}
	return f, nil
}

// forestPanel draws one panel of rows, top to bottom, on a linear or log
// x axis with a dashed line at null.
func forestPanel(title, xLabel string, rows []forestRow, log bool, null float64) (*plot.Plot, vg.Length, error) {
	drawable := func(v float64) bool {
		if log {
			return v >= forestLimitLow && v <= forestLimit
		}
		return math.Abs(v) <= forestLimit
	}
	lo, hi := null, null
	for _, r := range rows {
		for _, v := range []float64{r.est, r.low, r.high} {
			if drawable(v) {
				lo, hi = min(lo, v), max(hi, v)
			}
		}
	}
	if log {
		lo, hi = math.Log(lo), math.Log(hi)
	}
	pad := 0.08 * (hi - lo)
	if pad == 0 {
		pad = 0.5
	}
	lo, hi = lo-pad, hi+pad
	if log {
		lo, hi = math.Exp(lo), math.Exp(hi)
	}

	p := NewStyledPlot(title, xLabel, "")
	p.Title.TextStyle.Font.Size = LabelSize
	n := len(rows)
	fr := &forestRows{null: null, xmin: lo, xmax: hi}
	ticks := make([]plot.Tick, n)
	for i, r := range rows {
		y := float64(n - 1 - i)
		label := r.label
		switch {
		case !drawable(r.est):
			label += " (not estimable)"
		case !drawable(r.low) || !drawable(r.high):
			label += " (interval open)"
		}
		ticks[i] = plot.Tick{Value: y, Label: forestLabel(label, p.Y.Tick.Label)}
		if !drawable(r.est) {
			continue
		}
		low, high := r.low, r.high
		if !drawable(low) {
			low = lo
		}
		if !drawable(high) {
			high = hi
		}
		fr.marks = append(fr.marks, forestMark{
			y: y, est: r.est, low: min(low, r.est), high: max(high, r.est),
			colour: ArmColor(r.arm), primary: r.primary,
		})
	}
	p.Add(fr)
	// The numbers, right of the data: estimate (low to high).
	var nums plotter.XYLabels
	for i, r := range rows {
		nums.XYs = append(nums.XYs, plotter.XY{X: hi, Y: float64(n - 1 - i)})
		nums.Labels = append(nums.Labels, forestNumbers(r))
	}
	l, err := analysisLabels(nums, draw.XLeft, draw.YCenter, vg.Point{X: vg.Points(8)})
	if err != nil {
		return nil, 0, err
	}
	p.Add(l)
	p.Y.Tick.Marker = plot.ConstantTicks(ticks)
	p.Y.Tick.Length = 0
	p.Y.Width = 0
	p.Y.Min, p.Y.Max = -0.6, float64(n)-0.4
	p.X.Min, p.X.Max = lo, hi
	p.X.Tick.Marker = NiceTicks{}
	if log {
		p.X.Scale = plot.LogScale{}
		p.X.Tick.Marker = forestRatioTicks{}
	}
	var numbers vg.Length
	for i, t := range nums.Labels {
		numbers = max(numbers, l.TextStyle[i].Width(t))
	}
	return p, numbers + l.Offset.X, nil
}

// forestLimit bounds the values a forest plot draws: beyond ±1e100 (or a
// ratio below 1e-100) a value is treated as not finite, which keeps every
// axis computation finite.
const (
	forestLimit    = 1e100
	forestLimitLow = 1e-100
)

// forestNumbers prints a row's estimate and interval as the report's
// table does: "0.830 (0.630 to 1.09)".
func forestNumbers(r forestRow) string {
	if analysisNumber(r.est) == "undefined" {
		return "undefined"
	}
	return analysisNumber(r.est) + " (" + analysisInterval(r.low, r.high) + ")"
}

// forestLabel wraps a row's label onto at most two lines of at most 40% of
// PlotWidth, so that it fits its row; the rest is cut with an ellipsis.
func forestLabel(s string, sty text.Style) string {
	lines := strings.SplitN(analysisWrap(s, sty, PlotWidth*0.4), "\n", 3)
	if len(lines) == 3 {
		lines[1] += "…"
		lines = lines[:2]
	}
	return strings.Join(lines, "\n")
}

// forestMark is a drawn row: the interval, its caps and the estimate.
type forestMark struct {
	y, est, low, high float64
	colour            color.Color
	primary           bool
}

// forestRows draws the no-effect line and the rows' marks.
type forestRows struct {
	null       float64
	xmin, xmax float64
	marks      []forestMark
}

// Plot implements plot.Plotter.
func (f *forestRows) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	xn := trX(f.null)
	c.StrokeLine2(referenceLineStyle(true), xn, c.Min.Y, xn, c.Max.Y)
	capLen := vg.Points(4)
	for _, m := range f.marks {
		ls := draw.LineStyle{Color: m.colour, Width: vg.Points(1.5)}
		y := trY(m.y)
		x0, x1 := trX(m.low), trX(m.high)
		c.StrokeLine2(ls, x0, y, x1, y)
		if m.low > f.xmin {
			c.StrokeLine2(ls, x0, y-capLen, x0, y+capLen)
		}
		if m.high < f.xmax {
			c.StrokeLine2(ls, x1, y-capLen, x1, y+capLen)
		}
		g := draw.GlyphStyle{Color: m.colour, Radius: vg.Points(3.5), Shape: draw.CircleGlyph{}}
		if m.primary {
			g.Radius, g.Shape = vg.Points(5), draw.PyramidGlyph{}
		}
		c.DrawGlyph(g, vg.Point{X: trX(m.est), Y: y})
	}
}

// DataRange implements plot.DataRanger.
func (f *forestRows) DataRange() (xmin, xmax, ymin, ymax float64) {
	return f.xmin, f.xmax, -0.5, float64(len(f.marks)) - 0.5
}

// forestRatioTicks marks a log axis of ratios at powers of ten, or at 1, 2
// and 5 times them, or at finer steps: the finest that gives at most nine
// ticks, so that labels never crowd.
type forestRatioTicks struct{}

// Ticks implements plot.Ticker.
func (forestRatioTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(lo > 0 && hi >= lo && !math.IsInf(hi, 0)) {
		return nil
	}
	steps := [][]float64{
		{1},
		{1, 2, 5},
		{1, 1.5, 2, 3, 5, 7},
		{1, 1.2, 1.4, 1.6, 1.8, 2, 2.5, 3, 4, 5, 6, 7, 8, 9},
	}
	var best []plot.Tick
	for _, ms := range steps {
		var ticks []plot.Tick
		for d := math.Floor(math.Log10(lo)); d <= math.Ceil(math.Log10(hi)); d++ {
			for _, m := range ms {
				v, _ := strconv.ParseFloat(strconv.FormatFloat(m*math.Pow(10, d), 'g', 6, 64), 64)
				if v >= lo && v <= hi {
					ticks = append(ticks, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'g', 6, 64)})
				}
			}
		}
		if len(ticks) > 9 {
			break
		}
		best = ticks
	}
	if len(best) < 2 {
		return []plot.Tick{
			{Value: lo, Label: strconv.FormatFloat(lo, 'g', 3, 64)},
			{Value: hi, Label: strconv.FormatFloat(hi, 'g', 3, 64)},
		}
	}
	return best
}
