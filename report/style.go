package report

import (
	"image/color"
	"math"
	"strconv"
	"strings"
	"unicode"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// The look shared by evalkit's plots. They are exported so that every plot
// in a report, whoever draws it, can use the same fonts, sizes and colours.
var (
	// PlotFont is the typeface of every text in a plot: a sans-serif
	// face that ships with gonum/plot, so rendering needs no system fonts.
	PlotFont = font.Font{Typeface: "Liberation", Variant: "Sans"}

	// TitleSize, LabelSize and TickSize are the font sizes of a plot's
	// title, axis labels, and tick labels, legends and annotations.
	TitleSize = vg.Points(12)
	LabelSize = vg.Points(10)
	TickSize  = vg.Points(9)

	// PlotWidth and PlotHeight are the default size of one plot.
	PlotWidth  = 6 * vg.Inch
	PlotHeight = 4 * vg.Inch

	// PNGDPI is the resolution of the PNG files written beside a report.
	PNGDPI = 150

	// ArmPalette holds the colours of the arms, in the order the arms are
	// listed: the first arm (usually the control) is grey, the others are
	// from Okabe and Ito's palette, which readers with colour-vision
	// deficiency can tell apart [1]. ArmColor wraps around it.
	//
	// [1] Okabe, M. and Ito, K. (2008). Color Universal Design (CUD): how to
	// make figures and presentations that are friendly to colorblind people.
	ArmPalette = []color.Color{
		color.RGBA{R: 0x59, G: 0x59, B: 0x59, A: 0xff}, // dark grey
		color.RGBA{R: 0x00, G: 0x72, B: 0xb2, A: 0xff}, // blue
		color.RGBA{R: 0xd5, G: 0x5e, B: 0x00, A: 0xff}, // vermillion
		color.RGBA{R: 0x00, G: 0x9e, B: 0x73, A: 0xff}, // bluish green
		color.RGBA{R: 0xcc, G: 0x79, B: 0xa7, A: 0xff}, // reddish purple
		color.RGBA{R: 0xe6, G: 0x9f, B: 0x00, A: 0xff}, // orange
		color.RGBA{R: 0x56, G: 0xb4, B: 0xe9, A: 0xff}, // sky blue
		color.RGBA{R: 0xf0, G: 0xe4, B: 0x42, A: 0xff}, // yellow
	}

	// ReferenceColor draws reference lines: no effect, ±0.1 balance limits.
	ReferenceColor = color.RGBA{R: 0x80, G: 0x80, B: 0x80, A: 0xff}
)

// ArmColor returns the colour of the i-th arm (counting from 0) in
// ArmPalette, wrapping around when there are more arms than colours.
func ArmColor(i int) color.Color {
	if i < 0 {
		i = -i
	}
	return ArmPalette[i%len(ArmPalette)]
}

// ArmFill returns the colour of the i-th arm made translucent (alpha a in
// [0, 1]) for filled areas such as boxes and histogram bars.
func ArmFill(i int, a float64) color.Color {
	r, g, b, _ := ArmColor(i).RGBA()
	a = min(max(a, 0), 1)
	// Premultiplied alpha: scale every channel.
	return color.RGBA64{
		R: uint16(float64(r) * a), G: uint16(float64(g) * a),
		B: uint16(float64(b) * a), A: uint16(0xffff * a),
	}
}

// NewStyledPlot returns a plot with evalkit's fonts and sizes, a title and
// labelled axes. Titles say what is shown; axis labels carry units.
func NewStyledPlot(title, xLabel, yLabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font = font.From(PlotFont, TitleSize)
	p.Title.Padding = vg.Points(8)
	p.X.Label.Text = xLabel
	p.Y.Label.Text = yLabel
	for _, ax := range []*plot.Axis{&p.X, &p.Y} {
		ax.Label.TextStyle.Font = font.From(PlotFont, LabelSize)
		ax.Tick.Label.Font = font.From(PlotFont, TickSize)
	}
	p.Legend.TextStyle.Font = font.From(PlotFont, TickSize)
	p.Legend.Top = true
	return p
}

// referenceLineStyle is the dashed grey of reference lines.
func referenceLineStyle(dashed bool) draw.LineStyle {
	ls := draw.LineStyle{Color: ReferenceColor, Width: vg.Points(1)}
	if dashed {
		ls.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
	}
	return ls
}

// placeLegendAboveData moves p's legend (of n entries, added already) into
// the space between the title and the data, right-aligned, so that it can
// never cover data or labels.
func placeLegendAboveData(p *plot.Plot, n int) {
	if n == 0 {
		return
	}
	e := p.Legend.TextStyle.FontExtents()
	h := vg.Length(n)*e.Height + vg.Length(n-1)*p.Legend.Padding
	p.Legend.Top = true
	p.Legend.Left = false
	p.Title.Padding += h + vg.Points(4)
	p.Legend.YOffs = h + vg.Points(4)
}

// analysisLabels returns labels in evalkit's tick font, aligned and
// offset as given.
func analysisLabels(xy plotter.XYLabels, xa draw.XAlignment, ya draw.YAlignment, off vg.Point) (*plotter.Labels, error) {
	l, err := plotter.NewLabels(xy)
	if err != nil {
		return nil, err
	}
	for i := range l.TextStyle {
		l.TextStyle[i].Font.Typeface = PlotFont.Typeface
		l.TextStyle[i].Font.Variant = PlotFont.Variant
		l.TextStyle[i].Font.Size = TickSize
		l.TextStyle[i].XAlign = xa
		l.TextStyle[i].YAlign = ya
	}
	l.Offset = off
	return l, nil
}

// analysisWrap breaks s at spaces into lines no wider than width in sty,
// where it can (a single word wider than width keeps its own line).
func analysisWrap(s string, sty text.Style, width vg.Length) string {
	words := strings.Fields(s)
	if len(words) == 0 || sty.Width(s) <= width {
		return s
	}
	var b strings.Builder
	line := words[0]
	for _, w := range words[1:] {
		if sty.Width(line+" "+w) <= width {
			line += " " + w
			continue
		}
		b.WriteString(line)
		b.WriteByte('\n')
		line = w
	}
	b.WriteString(line)
	return b.String()
}

// NiceTicks marks a linear axis at round numbers: steps of 1, 2, 2.5 or 5
// times a power of ten, the smallest step giving at most seven major ticks,
// labelled with no more decimals than the step needs, and minor ticks
// between them. Zero, when in range, is always a tick.
type NiceTicks struct{}

// Ticks implements plot.Ticker.
func (NiceTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(hi > lo) || math.IsInf(hi-lo, 0) || math.IsNaN(hi-lo) {
		return nil
	}
	mag := math.Pow(10, math.Floor(math.Log10((hi-lo)/7)))
	var step float64
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		step = m * mag
		if (math.Floor(hi/step)-math.Ceil(lo/step))+1 <= 7 {
			break
		}
	}
	if math.Abs(lo/step) > 1e15 || math.Abs(hi/step) > 1e15 {
		// Steps this small against the values cannot be counted in float64.
		return []plot.Tick{
			{Value: lo, Label: strconv.FormatFloat(lo, 'g', 6, 64)},
			{Value: hi, Label: strconv.FormatFloat(hi, 'g', 6, 64)},
		}
	}
	decimals := 0
	for d := step; d != math.Trunc(d) && decimals < 15; d *= 10 {
		decimals++
	}
	var ticks []plot.Tick
	for k := math.Ceil(lo / step); k*step <= hi; k++ {
		v := k * step
		if v == 0 {
			v = 0 // no "-0"
		}
		ticks = append(ticks, plot.Tick{Value: v, Label: tickLabel(v, decimals)})
		if minor := v + step/2; minor <= hi {
			ticks = append(ticks, plot.Tick{Value: minor})
		}
	}
	if first := math.Ceil(lo/step)*step - step/2; first >= lo {
		ticks = append(ticks, plot.Tick{Value: first})
	}
	return ticks
}

// tickLabel prints v with decimals, its whole part grouped by thousands
// from 1,000 up.
func tickLabel(v float64, decimals int) string {
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	whole, frac, _ := strings.Cut(s, ".")
	if n, err := strconv.Atoi(whole); err == nil && (n >= 1000 || n <= -1000) {
		whole = flowThousands(n)
	}
	if frac != "" {
		return whole + "." + frac
	}
	return whole
}

// poundTicks marks an axis of money as NiceTicks does, labelled in
// pounds for the axis's magnitude: £0, £2,500, -£1,000, £0.50, and from
// £10,000 in thousands (£250k) and from £1,000,000 in millions (£1.5m).
type poundTicks struct{}

// Ticks implements plot.Ticker.
func (poundTicks) Ticks(lo, hi float64) []plot.Tick {
	ticks := NiceTicks{}.Ticks(lo, hi)
	var major []float64
	top := 0.0
	for _, t := range ticks {
		if t.Label != "" {
			major = append(major, t.Value)
			top = max(top, math.Abs(t.Value))
		}
	}
	div, suffix := 1.0, ""
	switch {
	case top >= 1e6:
		div, suffix = 1e6, "m"
	case top >= 1e4:
		div, suffix = 1e3, "k"
	}
	decimals := 0
	if len(major) > 1 {
		for step := (major[1] - major[0]) / div; step < 1 && decimals < 6; step *= 10 {
			decimals++
		}
	}
	for i := range ticks {
		if ticks[i].Label == "" {
			continue
		}
		v := ticks[i].Value / div
		l := tickLabel(math.Abs(v), decimals) + suffix
		if v < 0 {
			l = "-£" + l
		} else {
			l = "£" + l
		}
		ticks[i].Label = l
	}
	return ticks
}

// themeGrid is the light grid behind a plot's data, at its major ticks.
func themeGrid() *plotter.Grid {
	g := plotter.NewGrid()
	g.Vertical = draw.LineStyle{Color: color.Gray{Y: 0xe4}, Width: vg.Points(0.5)}
	g.Horizontal = g.Vertical
	return g
}

// analysisLabelRunes is the most characters of a user's name (an arm, a
// covariate, a measure) drawn in a plot; longer names are cut with an
// ellipsis, so that a long name cannot squeeze the data out of a plot.
const analysisLabelRunes = 48

// analysisShort returns s cut to analysisLabelRunes characters, with its
// line breaks and other control characters turned into spaces.
func analysisShort(s string) string {
	r := []rune(strings.Map(func(c rune) rune {
		if unicode.IsControl(c) {
			return ' '
		}
		return c
	}, s))
	if len(r) <= analysisLabelRunes {
		return string(r)
	}
	return string(r[:analysisLabelRunes-1]) + "…"
}
