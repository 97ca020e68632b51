package report

import (
	"fmt"
	"image/color"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

const (
	// DistributionBoxLimit is the largest arm (in finite outcome values)
	// drawn as a box plot with points; larger trials get histograms.
	DistributionBoxLimit = 2000
	// DistributionMaxPoints is the most points drawn per arm in a box plot:
	// larger arms show this many evenly spaced order statistics, a
	// deterministic sample that keeps the shape of the distribution.
	DistributionMaxPoints = 300
	// distributionBins is the number of histogram bins of a continuous outcome.
	distributionBins = 40
	// distributionCountBins is the widest range of a count outcome drawn
	// with one bin per value.
	distributionCountBins = 60
)

// DistributionPlot draws the outcome's distribution in each arm of a,
// in each arm's colour:
//
//   - binary outcomes: a bar per arm of the share with the outcome (events
//     over analysed, a plain share), labelled "events of n (share)";
//   - continuous and count outcomes, every arm at most DistributionBoxLimit
//     values: a box plot as R's boxplot draws it (Tukey's hinges and median,
//     whiskers to the furthest values within 1.5 times the hinge spread)
//     over jittered points, at most DistributionMaxPoints per arm; the
//     jitter is deterministic;
//   - larger arms: histograms on common bins (one per value for counts
//     spanning at most 60 values, else 40 equal bins), as the percentage of
//     each arm's values, so arms of different sizes compare.
//
// Only finite values are drawn. An arm without values is labelled "no
// values". It is an error (wrapping ErrInvalidAnalysis) when no arm has
// a finite value, or a binary outcome has a value other than 0 or 1.
func DistributionPlot(a Analysis) (*plot.Plot, error) {
	finite := make([][]float64, len(a.Arms))
	largest, total := 0, 0
	for i, arm := range a.Arms {
		for _, v := range arm.Values {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			if a.OutcomeType == "binary" && v != 0 && v != 1 {
				return nil, fmt.Errorf("%w: binary outcome of arm %q has value %v", ErrInvalidAnalysis, arm.Arm, v)
			}
			finite[i] = append(finite[i], v)
		}
		largest = max(largest, len(finite[i]))
		total += len(finite[i])
	}
	if total == 0 {
		return nil, fmt.Errorf("%w: no outcome values to draw", ErrInvalidAnalysis)
	}
	label := analysisShort(a.Outcome)
	if label == "" {
		label = "outcome"
	}
	axis := label
	if a.OutcomeUnit != "" {
		axis += " (" + analysisShort(a.OutcomeUnit) + ")"
	}
	units := analysisShort(a.Units)
	if units == "" {
		units = "participants"
	}
	switch {
	case a.OutcomeType == "binary":
		return distributionShares(a.Arms, finite, label, units)
	case largest <= DistributionBoxLimit:
		return distributionBoxes(a.Arms, finite, label, axis)
	default:
		return distributionHistograms(a.Arms, finite, label, axis, units, a.OutcomeType == "count")
	}
}

// distributionNominalX sets p's x axis to the arms, each labelled with its
// number of values, long names wrapped to the width of their slot.
func distributionNominalX(p *plot.Plot, arms []ArmSummary, finite [][]float64) {
	slot := (PlotWidth - vg.Inch) / vg.Length(len(arms)) * 0.9
	ticks := make([]plot.Tick, len(arms))
	for i, arm := range arms {
		name := analysisWrap(analysisShort(arm.Arm), p.X.Tick.Label, slot)
		ticks[i] = plot.Tick{Value: float64(i), Label: name + "\nn = " + flowThousands(len(finite[i]))}
	}
	p.X.Tick.Marker = plot.ConstantTicks(ticks)
	p.X.Tick.Length = 0
	p.X.Width = 0
	p.X.Min, p.X.Max = -0.6, float64(len(arms))-0.4
}

// distributionShares draws a bar of the share with the outcome per arm.
func distributionShares(arms []ArmSummary, finite [][]float64, label, units string) (*plot.Plot, error) {
	p := NewStyledPlot("Share of "+units+" with outcome \""+label+"\" by arm", "", "share with "+label+" = 1 (%)")
	distributionNominalX(p, arms, finite)
	var labels plotter.XYLabels
	top := 0.0
	width := min(vg.Points(72), (PlotWidth-vg.Inch)/vg.Length(len(arms))*0.5)
	for i, vs := range finite {
		if len(vs) == 0 {
			labels.XYs = append(labels.XYs, plotter.XY{X: float64(i), Y: 0})
			labels.Labels = append(labels.Labels, "no values")
			continue
		}
		events := 0
		for _, v := range vs {
			if v == 1 {
				events++
			}
		}
		share := 100 * float64(events) / float64(len(vs))
		top = max(top, share)
		bar, err := plotter.NewBarChart(plotter.Values{share}, width)
		if err != nil {
			return nil, err
		}
		bar.XMin = float64(i)
		bar.Color = ArmColor(i)
		bar.LineStyle.Width = 0
		p.Add(bar)
		labels.XYs = append(labels.XYs, plotter.XY{X: float64(i), Y: share})
		labels.Labels = append(labels.Labels, flowThousands(events)+" of "+flowThousands(len(vs))+" ("+flowShare(events, len(vs))+")")
	}
	l, err := analysisLabels(labels, draw.XCenter, draw.YBottom, vg.Point{Y: vg.Points(3)})
	if err != nil {
		return nil, err
	}
	p.Add(l)
	p.Y.Tick.Marker = NiceTicks{}
	p.Y.Min = 0
	p.Y.Max = max(top, 10)
	p.Y.Padding = 0
	return p, nil
}

// distributionBoxes draws a box plot over jittered points per arm.
func distributionBoxes(arms []ArmSummary, finite [][]float64, label, axis string) (*plot.Plot, error) {
	sampled := false
	for _, vs := range finite {
		sampled = sampled || len(vs) > DistributionMaxPoints
	}
	sub := "boxes: median and quartiles, whiskers to 1.5 IQR; dots: every value"
	if sampled {
		sub = fmt.Sprintf("boxes: median and quartiles, whiskers to 1.5 IQR; dots: %d evenly spaced values per arm", DistributionMaxPoints)
	}
	p := NewStyledPlot("Distribution of "+label+" by arm\n"+sub, "", axis)
	p.Title.TextStyle.Font.Size = LabelSize
	p.Y.Tick.Marker = NiceTicks{}
	distributionNominalX(p, arms, finite)
	rng := rand.New(rand.NewPCG(20231, 7))
	var empty plotter.XYLabels
	for i, vs := range finite {
		if len(vs) == 0 {
			empty.XYs = append(empty.XYs, plotter.XY{X: float64(i)})
			empty.Labels = append(empty.Labels, "no values")
			continue
		}
		sorted := slices.Clone(vs)
		slices.Sort(sorted)
		pts := distributionSample(sorted, DistributionMaxPoints)
		xys := make(plotter.XYs, len(pts))
		for j, v := range pts {
			xys[j] = plotter.XY{X: float64(i) + (rng.Float64()-0.5)*0.5, Y: v}
		}
		sc, err := plotter.NewScatter(xys)
		if err != nil {
			return nil, err
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: ArmFill(i, 0.45), Radius: vg.Points(1.8), Shape: draw.CircleGlyph{}}
		p.Add(sc)

		p.Add(&distributionBox{x: float64(i), stats: distributionBoxStats(sorted), colour: ArmColor(i)})
	}
	if len(empty.Labels) > 0 {
		l, err := analysisLabels(empty, draw.XCenter, draw.YCenter, vg.Point{})
		if err != nil {
			return nil, err
		}
		p.Add(l)
	}
	return p, nil
}

// distributionBoxStats returns the five numbers of R's boxplot.stats(x)
// (coef 1.5) for sorted x: the lower whisker, lower hinge, median, upper
// hinge and upper whisker. The hinges and median are Tukey's five-number
// summary, R's fivenum [1]:
//
//	n4 = floor((n+3)/2) / 2
//	d  = (1, n4, (n+1)/2, n+1-n4, n)
//	fivenum = (x[floor(d)] + x[ceil(d)]) / 2   (1-based)
//
// and the whiskers reach the most extreme values within
// [lower hinge - 1.5 (upper - lower hinge), upper hinge + 1.5 (...)].
// sorted must not be empty.
//
// [1] Tukey, J. W. (1977). Exploratory Data Analysis. Addison-Wesley.
func distributionBoxStats(sorted []float64) [5]float64 {
	n := len(sorted)
	n4 := math.Floor(float64(n+3)/2) / 2
	d := [5]float64{1, n4, float64(n+1) / 2, float64(n+1) - n4, float64(n)}
	var s [5]float64
	for i, di := range d {
		lo, hi := int(math.Floor(di))-1, int(math.Ceil(di))-1
		s[i] = sorted[lo]/2 + sorted[hi]/2
	}
	spread := s[3] - s[1]
	lo, hi := s[1]-1.5*spread, s[3]+1.5*spread
	s[0], s[4] = math.Inf(1), math.Inf(-1)
	for _, v := range sorted {
		if v >= lo && v <= hi {
			s[0], s[4] = min(s[0], v), max(s[4], v)
		}
	}
	return s
}

// distributionBox draws a box plot of stats (from distributionBoxStats)
// at x, a fixed share of the distance between arms wide.
type distributionBox struct {
	x      float64
	stats  [5]float64
	colour color.Color
}

// Plot implements plot.Plotter.
func (b *distributionBox) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	ls := draw.LineStyle{Color: b.colour, Width: vg.Points(1.5)}
	x0, x1, xm := trX(b.x-0.2), trX(b.x+0.2), trX(b.x)
	c0, c1 := trX(b.x-0.08), trX(b.x+0.08)
	y := [5]vg.Length{}
	for i, v := range b.stats {
		y[i] = trY(v)
	}
	box := []vg.Point{{X: x0, Y: y[1]}, {X: x1, Y: y[1]}, {X: x1, Y: y[3]}, {X: x0, Y: y[3]}, {X: x0, Y: y[1]}}
	c.StrokeLines(ls, c.ClipLinesXY(box)...)
	c.StrokeLines(ls, c.ClipLinesXY([]vg.Point{{X: xm, Y: y[1]}, {X: xm, Y: y[0]}}, []vg.Point{{X: xm, Y: y[3]}, {X: xm, Y: y[4]}})...)
	c.StrokeLines(ls, c.ClipLinesXY([]vg.Point{{X: c0, Y: y[0]}, {X: c1, Y: y[0]}}, []vg.Point{{X: c0, Y: y[4]}, {X: c1, Y: y[4]}})...)
	med := draw.LineStyle{Color: b.colour, Width: vg.Points(3)}
	c.StrokeLines(med, c.ClipLinesXY([]vg.Point{{X: x0, Y: y[2]}, {X: x1, Y: y[2]}})...)
}

// DataRange implements plot.DataRanger.
func (b *distributionBox) DataRange() (xmin, xmax, ymin, ymax float64) {
	return b.x - 0.2, b.x + 0.2, b.stats[0], b.stats[4]
}

// distributionSample returns at most m values of sorted: all of them, or m
// evenly spaced order statistics including the minimum and maximum.
func distributionSample(sorted []float64, m int) []float64 {
	n := len(sorted)
	if n <= m {
		return sorted
	}
	out := make([]float64, m)
	for j := range m {
		out[j] = sorted[int(math.Round(float64(j)*float64(n-1)/float64(m-1)))]
	}
	return out
}

// distributionHistograms draws each arm's histogram, as the percentage of
// the arm's values in each of common bins, overlaid.
func distributionHistograms(arms []ArmSummary, finite [][]float64, label, axis, units string, count bool) (*plot.Plot, error) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, vs := range finite {
		for _, v := range vs {
			lo = min(lo, v)
			hi = max(hi, v)
		}
	}
	// hi/n - lo/n cannot overflow where (hi-lo)/n can.
	start, width, nbins := lo, hi/distributionBins-lo/distributionBins, distributionBins
	integer := count && lo == math.Trunc(lo) && hi == math.Trunc(hi) && hi-lo < distributionCountBins
	switch {
	case integer:
		start, width, nbins = lo-0.5, 1, int(hi-lo)+1
	case hi == lo:
		start, width, nbins = lo-0.5, 1, 1
	}
	p := NewStyledPlot("Distribution of "+label+" by arm\nhistogram: share of each arm's "+units+" in each bin", axis, "share of arm (%)")
	p.Title.TextStyle.Font.Size = LabelSize
	top := 0.0
	entries := 0
	for i, vs := range finite {
		if len(vs) == 0 {
			p.Legend.Add(analysisShort(arms[i].Arm) + ": no values")
			entries++
			continue
		}
		counts := make([]float64, nbins)
		for _, v := range vs {
			b := int((v - start) / width)
			counts[min(max(b, 0), nbins-1)]++
		}
		outline := make(plotter.XYs, 0, 2*nbins+2)
		outline = append(outline, plotter.XY{X: start, Y: 0})
		for b, c := range counts {
			pct := 100 * c / float64(len(vs))
			top = max(top, pct)
			x0 := start + float64(b)*width
			outline = append(outline, plotter.XY{X: x0, Y: pct}, plotter.XY{X: x0 + width, Y: pct})
		}
		outline = append(outline, plotter.XY{X: start + float64(nbins)*width, Y: 0})
		line, err := plotter.NewLine(outline)
		if err != nil {
			return nil, err
		}
		line.LineStyle = draw.LineStyle{Color: ArmColor(i), Width: vg.Points(1.5)}
		line.FillColor = ArmFill(i, 0.15)
		p.Add(line)
		p.Legend.Add(analysisShort(arms[i].Arm)+" (n = "+flowThousands(len(vs))+")", line)
		entries++
	}
	placeLegendAboveData(p, entries)
	p.X.Tick.Marker = NiceTicks{}
	p.Y.Tick.Marker = NiceTicks{}
	p.Y.Min, p.Y.Max = 0, max(top, 1)
	p.X.Min, p.X.Max = start, start+float64(nbins)*width
	return p, nil
}
