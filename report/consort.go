package report

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Consort is a CONSORT 2010 flow diagram [1]: the units randomised, then
// for each arm the units allocated, lost to follow-up, and analysed or
// excluded from the analysis, in boxes joined by arrows; for a cluster
// trial each box gives the clusters and the units, as the CONSORT
// extension to cluster trials asks [2]. Draw it at its Size.
//
// [1] Schulz, K. F., Altman, D. G. and Moher, D. (2010). CONSORT 2010
// statement. BMJ 340, c332.
// [2] Campbell, M. K. et al. (2012). Consort 2010 statement: extension to
// cluster randomised trials. BMJ 345, e5661.
type Consort struct {
	top    consortBox
	stages [3][]consortBox // allocation, follow-up, analysis; a box per arm
	// lines are the boxes' lines wrapped: top's, then each stage's.
	topLines   []consortLine
	stageLines [3][][]consortLine
	width      vg.Length
	colour     []color.Color
	height     vg.Length
	stageH     [3]vg.Length
	topH       vg.Length
}

// consortBox is a box's lines, as written: the first, and each line of
// consortHeads, in bold.
type consortBox []string

// consortLine is a line of a box as drawn, wrapped to the box's width.
type consortLine struct {
	text string
	bold bool
}

// The diagram's measures.
var (
	consortStageWidth = 0.95 * vg.Inch
	consortMinColumn  = 1.55 * vg.Inch
	consortGap        = vg.Points(10)
	consortArrow      = vg.Points(22)
	consortPad        = vg.Points(5)
	consortLeading    = TickSize * 1.3
	consortEdge       = color.RGBA{R: 0x59, G: 0x59, B: 0x59, A: 0xff}
	consortStageFill  = color.RGBA{R: 0xe8, G: 0xec, B: 0xf1, A: 0xff}
)

// consortStages names the diagram's rows, as the CONSORT template does.
var consortStages = [3]string{"Allocation", "Follow-up", "Analysis"}

// ConsortDiagram returns the flow diagram of a's arms: Randomised,
// Analysed, NotInData, Missing and Excluded, and for a cluster trial
// (any arm with ClustersRandomised) the clusters randomised and analysed,
// named by a.Units and a.Clusters.
func ConsortDiagram(a Analysis) *Consort {
	units, clusters := analysisUnits(a)
	clustered := false
	total, totalClusters := 0, 0
	for _, arm := range a.Arms {
		clustered = clustered || arm.ClustersRandomised > 0
		total += arm.Randomised
		totalClusters += arm.ClustersRandomised
	}
	count := func(noun string, n int) string { return analysisShort(noun) + ": " + flowThousands(n) }
	both := func(head string, nc, n int) consortBox {
		b := consortBox{head}
		if clustered {
			b = append(b, count(clusters, nc))
		}
		return append(b, count(units, n))
	}
	d := &Consort{top: both("Randomised", totalClusters, total)}
	if a.Allocation != "" {
		d.top = append(d.top, "counted from the allocation's manifest")
	} else {
		d.top = append(d.top, "counted from the trial file's rows")
	}
	for i, arm := range a.Arms {
		d.colour = append(d.colour, ArmColor(i))
		d.stages[0] = append(d.stages[0], both("Allocated to "+analysisShort(arm.Arm), arm.ClustersRandomised, arm.Randomised))
		lost := consortBox{"Lost to follow-up", count(units, arm.NotInData+arm.Missing)}
		if arm.NotInData > 0 {
			lost = append(lost, "  not in the trial file: "+flowThousands(arm.NotInData))
		}
		if arm.Missing > 0 && arm.NotInData > 0 {
			lost = append(lost, "  outcome missing: "+flowThousands(arm.Missing))
		} else if arm.Missing > 0 {
			lost[1] += " (outcome missing)"
		}
		if clustered {
			lost = append(lost, count(clusters+" with none analysed", arm.ClustersRandomised-arm.ClustersAnalysed))
		}
		d.stages[1] = append(d.stages[1], lost)
		an := both("Analysed", arm.ClustersAnalysed, arm.Analysed)
		an = append(an, "Excluded from analysis", count(units, arm.Excluded))
		if arm.Excluded > 0 {
			an = append(an, "  (a covariate, block, cluster", "  or exposure missing)")
		}
		d.stages[2] = append(d.stages[2], an)
	}
	d.layout()
	return d
}

// Size is the diagram's width and height.
func (d *Consort) Size() (w, h vg.Length) { return d.width, d.height }

// column is the width of an arm's column.
func (d *Consort) column() vg.Length {
	return (d.width - consortStageWidth - consortGap) / vg.Length(max(len(d.colour), 1))
}

// layout wraps the boxes' lines to their columns and sets the size.
func (d *Consort) layout() {
	k := max(len(d.colour), 1)
	d.width = max(PlotWidth, consortStageWidth+consortGap+vg.Length(k)*consortMinColumn)
	inner := d.column() - consortGap - 2*consortPad
	d.topLines = consortWrap(d.top, 2.5*vg.Inch)
	d.topH = vg.Length(len(d.topLines))*consortLeading + 2*consortPad
	d.height = 2*consortGap + d.topH
	for s := range d.stages {
		lines := 0
		d.stageLines[s] = make([][]consortLine, len(d.stages[s]))
		for j, b := range d.stages[s] {
			d.stageLines[s][j] = consortWrap(b, inner)
			lines = max(lines, len(d.stageLines[s][j]))
		}
		d.stageH[s] = vg.Length(lines)*consortLeading + 2*consortPad
		d.height += consortArrow + d.stageH[s]
	}
}

// consortWrap wraps box b's lines to width, each in its own style.
func consortWrap(b consortBox, width vg.Length) []consortLine {
	var out []consortLine
	for i, l := range b {
		bold := i == 0 || consortHeads[l]
		for _, w := range splitLines(analysisWrap(l, consortText(bold), width)) {
			out = append(out, consortLine{w, bold})
		}
	}
	return out
}

// consortText is the style of the diagram's text.
func consortText(bold bool) draw.TextStyle {
	f := font.From(PlotFont, TickSize)
	if bold {
		f.Weight = portfolioBoldWeight
	}
	return draw.TextStyle{Color: color.Black, Font: f, Handler: plot.DefaultTextHandler, XAlign: draw.XLeft, YAlign: draw.YTop}
}

// Draw draws the diagram on c from its top left corner.
func (d *Consort) Draw(c draw.Canvas) {
	edge := draw.LineStyle{Color: consortEdge, Width: vg.Points(0.8)}
	left := c.Min.X + consortStageWidth + consortGap
	col := d.column()
	y := c.Max.Y - consortGap
	// The randomised box, centred over the arms.
	topW := min(2.5*vg.Inch+2*consortPad, d.width-left)
	mid := left + (c.Max.X-left)/2
	consortDrawBox(c, mid-topW/2, y, topW, d.topH, d.topLines, color.White, edge)
	y -= d.topH
	centres := make([]vg.Length, len(d.colour))
	for j := range centres {
		centres[j] = left + vg.Length(j)*col + (col-consortGap)/2
	}
	// A line down from it, across the arms, and an arrow to each.
	bar := y - consortArrow/2
	c.StrokeLine2(edge, mid, y, mid, bar)
	if len(centres) > 1 {
		c.StrokeLine2(edge, centres[0], bar, centres[len(centres)-1], bar)
	}
	for _, x := range centres {
		consortArrowDown(c, edge, x, bar, y-consortArrow)
	}
	for s := range d.stages {
		top := y - consortArrow
		if s > 0 {
			for _, x := range centres {
				consortArrowDown(c, edge, x, y, top)
			}
		}
		consortDrawBox(c, c.Min.X, top, consortStageWidth, d.stageH[s], []consortLine{{consortStages[s], true}}, consortStageFill, edge)
		for j, b := range d.stageLines[s] {
			x := left + vg.Length(j)*col
			consortDrawBox(c, x, top, col-consortGap, d.stageH[s], b, color.White, edge)
			if s == 0 {
				strip := []vg.Point{{X: x, Y: top}, {X: x + col - consortGap, Y: top}, {X: x + col - consortGap, Y: top - vg.Points(3)}, {X: x, Y: top - vg.Points(3)}}
				c.FillPolygon(d.colour[j], strip)
			}
		}
		y = top - d.stageH[s]
	}
}

// consortDrawBox draws lines in a box whose top left is (x, y).
func consortDrawBox(c draw.Canvas, x, y, w, h vg.Length, lines []consortLine, fill color.Color, edge draw.LineStyle) {
	pts := []vg.Point{{X: x, Y: y}, {X: x + w, Y: y}, {X: x + w, Y: y - h}, {X: x, Y: y - h}}
	c.FillPolygon(fill, pts)
	c.StrokeLines(edge, append(pts, pts[0]))
	ty := y - consortPad
	for _, l := range lines {
		c.FillText(consortText(l.bold), vg.Point{X: x + consortPad, Y: ty}, l.text)
		ty -= consortLeading
	}
}

// consortHeads are the lines drawn in bold inside a box.
var consortHeads = map[string]bool{"Excluded from analysis": true}

// consortArrowDown draws an arrow from (x, y0) down to (x, y1).
func consortArrowDown(c draw.Canvas, ls draw.LineStyle, x, y0, y1 vg.Length) {
	head := vg.Points(4)
	c.StrokeLine2(ls, x, y0, x, y1+head)
	c.FillPolygon(ls.Color, []vg.Point{{X: x - head*0.7, Y: y1 + head}, {X: x + head*0.7, Y: y1 + head}, {X: x, Y: y1}})
}
