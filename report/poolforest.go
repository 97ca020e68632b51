package report

import (
	"bytes"
	"fmt"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/evalkit/evalkit/rct/pool"
	"github.com/evalkit/evalkit/stats"
)

// The sizes of a pooled forest plot's marks.
var (
	// poolSquareMax is the side of the square of the site of most weight;
	// the others' areas are in proportion to their weights.
	poolSquareMax = vg.Points(12)
	// poolSquareMin keeps the square of a site of tiny weight visible.
	poolSquareMin = vg.Points(3)
	// poolDiamondHalf is half the height of the pooled estimate's diamond.
	poolDiamondHalf = vg.Points(6)
)

// poolForestGap is the space, in rows, between the sites and the pooled
// rows.
const poolForestGap = 0.5

// PoolForest draws a meta-analysis as a forest plot, the sites top to
// bottom in their order: each site's estimate as a square whose area is in
// proportion to its weight, with its confidence interval; below them the
// pooled estimate as a diamond spanning its interval, with τ² and I², and
// (for random effects) the prediction interval on a row of its own; a
// dashed line at no effect. The numbers right of the data give each row's
// estimate, interval and weight. Ratios (r.Log) are drawn as ratios on a
// log axis, no effect at 1; other estimates on a linear axis, no effect at
// 0.
//
// Special cases, for each row:
//
//	estimate not finite, or beyond ±1e100 (a ratio beyond 1e±100)  → "(not estimable)", nothing drawn
//	a bound so                                                     → the interval runs to the axis' edge, "(interval open)"
//
// Numbers from 1e6 up or below 1e-4 are printed in exponent form.
// PoolForest panics if r has fewer Names than Studies.
func PoolForest(r *pool.Result) (*plot.Plot, error) {
	p := &r.PoolResult
	value := func(v float64) float64 { return v }
	if r.Log {
		value = math.Exp
	}
	rows := make([]forestRow, 0, len(p.Studies)+2)
	for i, s := range p.Studies {
		rows = append(rows, forestRow{label: analysisShort(r.Names[i]), est: value(s.Estimate), low: value(s.CILow), high: value(s.CIHigh)})
	}
	model, het := "random effects ("+p.Method.String()+")", "τ² = "+poolNumber(p.Tau2)+", I² = "+poolNumber(p.I2)+"%"
	if p.Method == stats.PoolFE {
		model, het = "fixed effect", "I² = "+poolNumber(p.I2)+"%"
	}
	rows = append(rows, forestRow{label: "Pooled, " + het, est: value(p.Estimate), low: value(p.CILow), high: value(p.CIHigh), primary: true})
	if p.Method != stats.PoolFE {
		rows = append(rows, forestRow{label: "Prediction interval", est: math.NaN(), low: value(p.PILow), high: value(p.PIHigh)})
	}
	ci := strconv.FormatFloat(100*p.Level, 'g', 6, 64) + "% CI"
	measure, xLabel, null := "estimate", "estimate ("+ci+")", 0.0
	if r.Log {
		measure, xLabel, null = "ratio", "ratio ("+ci+", log scale)", 1
	}
	pl := NewStyledPlot(fmt.Sprintf("%d sites pooled: %s", p.K, model), xLabel, "")
	pl.Title.TextStyle.Font.Size = LabelSize
	k, n := len(p.Studies), len(rows)
	marks := &poolMarks{log: r.Log, null: null, top: poolForestY(0, k, n), sep: (poolForestY(k-1, k, n) + poolForestY(k, k, n)) / 2}
	marks.xmin, marks.xmax = poolForestRange(rows, r.Log, null)
	var ticks []plot.Tick
	// The numbers right of the data, under a header row: the estimate and
	// its interval, then the weight.
	header := marks.top + 1
	nums := plotter.XYLabels{XYs: []plotter.XY{{X: marks.xmax, Y: header}}, Labels: []string{measure + " (" + ci + ")"}}
	weights := plotter.XYLabels{XYs: []plotter.XY{{X: marks.xmax, Y: header}}, Labels: []string{"weight"}}
	maxWeight := 0.0
	for _, s := range p.Studies {
		maxWeight = max(maxWeight, s.Weight)
	}
	drawable := func(v float64) bool { return poolDrawable(v, r.Log) }
	for i, row := range rows {
		y := poolForestY(i, k, n)
		pi := i == len(rows)-1 && p.Method != stats.PoolFE
		label, text := row.label, poolNumber(row.est)+" ("+poolNumber(row.low)+" to "+poolNumber(row.high)+")"
		switch {
		case pi:
			text = poolNumber(row.low) + " to " + poolNumber(row.high)
			if !drawable(row.low) || !drawable(row.high) {
				label += " (interval open)"
			}
		case !drawable(row.est):
			label += " (not estimable)"
		case !drawable(row.low) || !drawable(row.high):
			label += " (interval open)"
		}
		if i < k {
			weights.XYs = append(weights.XYs, plotter.XY{X: marks.xmax, Y: y})
			weights.Labels = append(weights.Labels, poolNumber(p.Studies[i].Weight)+"%")
		}
		ticks = append(ticks, plot.Tick{Value: y, Label: forestLabel(label, pl.Y.Tick.Label)})
		nums.XYs = append(nums.XYs, plotter.XY{X: marks.xmax, Y: y})
		nums.Labels = append(nums.Labels, text)
		if !pi && !drawable(row.est) {
			continue
		}
		m := poolMark{y: y, est: row.est, low: marks.clamp(row.low, -1), high: marks.clamp(row.high, 1), pooled: row.primary, pi: pi}
		if i < k && maxWeight > 0 {
			m.side = max(poolSquareMin, poolSquareMax*vg.Length(math.Sqrt(p.Studies[i].Weight/maxWeight)))
		}
		marks.marks = append(marks.marks, m)
	}
	cols, err := poolForestColumns(nums, weights)
	if err != nil {
		return nil, err
	}
	pl.Add(marks, cols[0], cols[1])
	pl.Y.Tick.Marker = plot.ConstantTicks(ticks)
	pl.Y.Tick.Length = 0
	pl.Y.Width = 0
	pl.Y.Min, pl.Y.Max = -0.6, header+0.4
	pl.X.Min, pl.X.Max = marks.xmin, marks.xmax
	pl.X.Tick.Marker = NiceTicks{}
	if r.Log {
		pl.X.Scale = plot.LogScale{}
		pl.X.Tick.Marker = forestRatioTicks{}
	}
	return pl, nil
}

// poolForestColumns returns the labels of the numbers' columns right of
// the data: the estimates and intervals, left-aligned 8 points from the
// data, and the weights, right-aligned 12 points beyond the widest of them.
func poolForestColumns(nums, weights plotter.XYLabels) ([2]*plotter.Labels, error) {
	l, err := analysisLabels(nums, draw.XLeft, draw.YCenter, vg.Point{X: vg.Points(8)})
	if err != nil {
		return [2]*plotter.Labels{}, err
	}
	right := l.Offset.X + vg.Points(12)
	for i, t := range nums.Labels {
		right = max(right, l.Offset.X+l.TextStyle[i].Width(t)+vg.Points(12))
	}
	w, err := analysisLabels(weights, draw.XRight, draw.YCenter, vg.Point{})
	if err != nil {
		return [2]*plotter.Labels{}, err
	}
	for i, t := range weights.Labels {
		w.Offset.X = max(w.Offset.X, right+w.TextStyle[i].Width(t))
	}
	return [2]*plotter.Labels{l, w}, nil
}

// PoolForestSize is a size for PoolForest's plot of r that keeps every row
// readable: PlotWidth wide.
func PoolForestSize(r *pool.Result) (w, h vg.Length) {
	rows := float64(len(r.Studies)+3) + poolForestGap // and the header
	if r.Method == stats.PoolFE {
		rows--
	}
	return PlotWidth, forestPanelOverhead + vg.Length(rows)*forestRowHeight
}

// RenderPoolForest draws PoolForest's plot of r at PoolForestSize, as PNG
// (at PNGDPI) or SVG: format "png" or "svg".
func RenderPoolForest(r *pool.Result, format string) ([]byte, error) {
	p, err := PoolForest(r)
	if err != nil {
		return nil, err
	}
	w, h := PoolForestSize(r)
	switch format {
	case "png":
		return renderAnalysisPNG(p, w, h)
	case "svg":
		wt, err := p.WriterTo(w, h, "svg")
		if err != nil {
			return nil, err
		}
		var b bytes.Buffer
		if _, err := wt.WriteTo(&b); err != nil {
			return nil, err
		}
		return b.Bytes(), nil
	}
	return nil, fmt.Errorf("report: plot format %q: want png or svg", format)
}

// poolForestY is the height of row i of n, the first sites of them: the
// sites from the top, then poolForestGap, then the pooled rows.
func poolForestY(i, sites, n int) float64 {
	y := float64(n - 1 - i)
	if i < sites {
		y += poolForestGap
	}
	return y
}

// poolDrawable reports whether a forest plot draws v: |v| <= 1e100, or a
// ratio from 1e-100 to 1e100.
func poolDrawable(v float64, log bool) bool {
	if log {
		return v >= forestLimitLow && v <= forestLimit
	}
	return math.Abs(v) <= forestLimit
}

// poolForestRange returns the x axis' range: every drawable number of the
// rows and null, padded by 8% either way (of the logs, for ratios).
func poolForestRange(rows []forestRow, log bool, null float64) (lo, hi float64) {
	lo, hi = null, null
	for _, r := range rows {
		for _, v := range []float64{r.est, r.low, r.high} {
			if poolDrawable(v, log) {
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
	return lo, hi
}

// poolMark is a drawn row: a site's square (side > 0) and interval, the
// pooled diamond, or the prediction interval.
type poolMark struct {
	y, est, low, high float64
	side              vg.Length
	pooled, pi        bool
}

// poolMarks draws the no-effect line, the line between the sites and the
// pooled rows (at height sep), and the rows' marks, the top one at height
// top.
type poolMarks struct {
	log        bool
	null       float64
	xmin, xmax float64
	top, sep   float64
	marks      []poolMark
}

// clamp returns v, or the axis' edge (side -1 the left, 1 the right) where
// v is not drawable.
func (m *poolMarks) clamp(v float64, side int) float64 {
	switch {
	case !poolDrawable(v, m.log) && side < 0:
		return m.xmin
	case !poolDrawable(v, m.log):
		return m.xmax
	}
	return min(max(v, m.xmin), m.xmax)
}

// Plot implements plot.Plotter.
func (m *poolMarks) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	xn := trX(m.null)
	c.StrokeLine2(referenceLineStyle(true), xn, c.Min.Y, xn, c.Max.Y)
	ySep := trY(m.sep)
	c.StrokeLine2(draw.LineStyle{Color: ReferenceColor, Width: vg.Points(0.5)}, c.Min.X, ySep, c.Max.X, ySep)
	site, pooled := ArmColor(0), ArmColor(1)
	capLen := vg.Points(4)
	for _, k := range m.marks {
		y, x0, x1 := trY(k.y), trX(k.low), trX(k.high)
		if k.pooled {
			xe := trX(k.est)
			c.FillPolygon(pooled, []vg.Point{{X: x0, Y: y}, {X: xe, Y: y + poolDiamondHalf}, {X: x1, Y: y}, {X: xe, Y: y - poolDiamondHalf}})
			continue
		}
		ls := draw.LineStyle{Color: site, Width: vg.Points(1)}
		if k.pi {
			ls = draw.LineStyle{Color: pooled, Width: vg.Points(2)}
		}
		c.StrokeLine2(ls, x0, y, x1, y)
		if k.low > m.xmin {
			c.StrokeLine2(ls, x0, y-capLen, x0, y+capLen)
		}
		if k.high < m.xmax {
			c.StrokeLine2(ls, x1, y-capLen, x1, y+capLen)
		}
		if k.side > 0 {
			xe, h := trX(k.est), k.side/2
			c.FillPolygon(site, []vg.Point{{X: xe - h, Y: y - h}, {X: xe - h, Y: y + h}, {X: xe + h, Y: y + h}, {X: xe + h, Y: y - h}})
		}
	}
}

// DataRange implements plot.DataRanger.
func (m *poolMarks) DataRange() (xmin, xmax, ymin, ymax float64) {
	return m.xmin, m.xmax, -0.5, m.top + 0.5
}

// poolNumber prints v as the report does (three significant digits, the
// integer part whole), but from 1e6 up and below 1e-4 (0 aside) in exponent
// form, "1.96e+100", so that no number can crowd the data out of the plot.
func poolNumber(v float64) string {
	if a := math.Abs(v); (a >= 1e6 || a < 1e-4 && a > 0) && !math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'g', 3, 64)
	}
	return analysisNumber(v)
}
