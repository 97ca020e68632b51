package report

import (
	"bytes"
	"fmt"
	"image/color"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/evalkit/evalkit/lifecycle"
)

// BoardCard is one intervention on the portfolio board.
type BoardCard struct {
	Name string
	// Network and Area are shown under the name when set.
	Network, Area string
	// Ready is true when nothing is missing to pass the gate (at gate 4:
	// when the decision is recorded).
	Ready bool
	// Missing lists the evidence still needed at the card's gate.
	Missing []string
	// MissingLinks lists evidence whose linked file was not found.
	MissingLinks []string
	// Decision is gate 4's decision (adopt, adapt, scale, stop) or "".
	Decision string
	// LastMove describes the latest history entry, and Results sums up
	// the evalkit results linked as evidence, for the HTML report's
	// tables; the board does not show them.
	LastMove string
	Results  []string
	// Evidence is the evidence the card's gate requires, in the gate's
	// order, then the intervention's other evidence, each with its
	// status ("todo" for a required key not written).
	Evidence []BoardEvidence
	// Overrides lists each move made although evidence was missing, with
	// its reason: "2023-05-01, gate 2 to 3: the board's call".
	Overrides []string
	// NextStep is the intervention's next_step, and Details its other
	// fields in words, money in pounds ("Funding 2023-24: £43,000").
	NextStep string
	Details  []string
}

// BoardEvidence is one evidence key of a card with its status and note.
type BoardEvidence struct {
	Key, Status, Note string
	// Required is true for evidence the card's gate asks for.
	Required bool
}

// BoardGate is one column of the board: a gate and the interventions at it.
type BoardGate struct {
	Number int
	Name   string
	Cards  []BoardCard
	// Total is the number of interventions at the gate on all the
	// board's pages (see PortfolioBoardPages); 0 means len(Cards).
	Total int
}

// portfolioBoldWeight is golang.org/x/image/font.WeightBold, which the
// module does not import directly.
const portfolioBoldWeight = 3

// The board's look: sizes in points and the colours of the cards.
var (
	portfolioBoardWidth = 10 * vg.Inch
	portfolioMargin     = vg.Points(10)
	portfolioGap        = vg.Points(8)
	portfolioPad        = vg.Points(4)
	portfolioTitleSize  = vg.Points(13)
	portfolioHeadSize   = vg.Points(9.5)
	portfolioNameSize   = vg.Points(8.5)
	portfolioTextSize   = vg.Points(7.5)
	portfolioLineFactor = 1.25

	portfolioFont = PlotFont

	portfolioInk       = color.RGBA{R: 0x22, G: 0x22, B: 0x22, A: 0xff}
	portfolioMuted     = color.RGBA{R: 0x59, G: 0x59, B: 0x59, A: 0xff}
	portfolioHeadFill  = color.RGBA{R: 0xe8, G: 0xec, B: 0xf1, A: 0xff}
	portfolioReadyFill = color.RGBA{R: 0xd9, G: 0xf0, B: 0xe3, A: 0xff} // bluish green, light
	portfolioWaitFill  = color.RGBA{R: 0xfc, G: 0xe9, B: 0xc8, A: 0xff} // orange, light
	portfolioStopFill  = color.RGBA{R: 0xe4, G: 0xe4, B: 0xe4, A: 0xff}
	portfolioEdge      = color.RGBA{R: 0x80, G: 0x80, B: 0x80, A: 0xff}
	portfolioAlert     = color.RGBA{R: 0xd5, G: 0x5e, B: 0x00, A: 0xff} // vermillion
	portfolioDone      = color.RGBA{R: 0x00, G: 0x9e, B: 0x73, A: 0xff} // bluish green
)

// PortfolioBoard draws the portfolio as a board: one column per gate, and
// in it a card for each intervention saying whether it is ready to move on
// and, if not, which evidence it is missing; gate 4's cards show the
// decision. Cards are green when ready, orange when waiting for evidence,
// grey when stopped. The board is drawn at width by height, which grow
// with the number of cards and of missing items; a card shows at most
// MaxCardNameLines of its name and MaxCardLines of text.
func PortfolioBoard(title string, gates []BoardGate) (p *plot.Plot, width, height vg.Length) {
	b := &portfolioBoard{title: title, gates: gates, handler: plot.DefaultTextHandler}
	b.layout(portfolioBoardWidth)
	p = plot.New()
	p.HideAxes()
	p.X.Padding, p.Y.Padding = 0, 0
	p.Add(b)
	return p, b.width, b.height
}

// PortfolioBoardPNG draws the board of PortfolioBoard as a PNG image at
// PNGDPI, the resolution of every PNG written beside a report. A board
// taller than a page of PortfolioBoardPages is refused (ErrBoardTooLarge):
// draw its pages.
func PortfolioBoardPNG(title string, gates []BoardGate) ([]byte, error) {
	p, w, h := PortfolioBoard(title, gates)
	if h > portfolioPageHeight {
		return nil, fmt.Errorf("%w: %.0f inches tall, more than a page's %.0f; draw the pages of PortfolioBoardPages", ErrBoardTooLarge, float64(h/vg.Inch), float64(portfolioPageHeight/vg.Inch))
	}
	c := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(PNGDPI))
	p.Draw(draw.New(c))
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("report: drawing the board: %w", err)
	}
	return buf.Bytes(), nil
}

// portfolioBoard is the plotter that draws the board; the plot's axes are
// hidden and it draws in the canvas's own units.
type portfolioBoard struct {
	title   string
	gates   []BoardGate
	handler text.Handler

	width, height, colWidth, headHeight vg.Length
	tallest                             vg.Length // the tallest column of cards
	cards                               [][]portfolioCardText
}

// portfolioCardText is a card's text wrapped to the column's width.
type portfolioCardText struct {
	name  []string
	lines []portfolioLine
	fill  color.Color
}

type portfolioLine struct {
	text  string
	color color.Color
	// mark is an evidence status drawn as a sign before the text, which
	// is indented.
	mark   string
	indent vg.Length
}

// portfolioMarkWidth is the room left for a status's sign.
var portfolioMarkWidth = vg.Points(9)

func (b *portfolioBoard) style(size vg.Length, bold bool, c color.Color) draw.TextStyle {
	f := font.From(portfolioFont, size)
	if bold {
		f.Weight = portfolioBoldWeight
	}
	return draw.TextStyle{Color: c, Font: f, Handler: b.handler, XAlign: draw.XLeft, YAlign: draw.YTop}
}

func lineHeight(size vg.Length) vg.Length { return size * vg.Length(portfolioLineFactor) }

// layout wraps every card's text and works out the board's height.
func (b *portfolioBoard) layout(width vg.Length) {
	n := max(len(b.gates), 1)
	b.width = width
	b.colWidth = (width - 2*portfolioMargin - vg.Length(n-1)*portfolioGap) / vg.Length(n)
	inner := b.colWidth - 2*portfolioPad - vg.Points(3) // a little room for rounding in text widths
	head, name, small := b.style(portfolioHeadSize, true, portfolioInk), b.style(portfolioNameSize, true, portfolioInk), b.style(portfolioTextSize, false, portfolioInk)
	headLines := 0
	for _, g := range b.gates {
		headLines = max(headLines, len(portfolioWrap(head, portfolioGateHeading(g), inner)))
	}
	b.headHeight = vg.Length(headLines)*lineHeight(portfolioHeadSize) + 2*portfolioPad
	tallest := vg.Length(0)
	b.cards = make([][]portfolioCardText, len(b.gates))
	for i, g := range b.gates {
		col := vg.Length(0)
		for _, c := range g.Cards {
			ct := portfolioCardText{name: capLines(portfolioWrap(name, c.Name, inner), MaxCardNameLines), fill: portfolioCardFill(c)}
			if where := strings.Join(portfolioNonEmpty(c.Network, c.Area), " · "); where != "" {
				for _, l := range portfolioWrap(small, where, inner) {
					ct.lines = append(ct.lines, portfolioLine{text: l, color: portfolioMuted})
				}
			}
			add := func(text string, col color.Color, mark string, indent vg.Length) {
				for i, l := range portfolioWrap(small, text, inner-indent) {
					pl := portfolioLine{text: l, color: col, indent: indent}
					if i == 0 {
						pl.mark = mark
					}
					ct.lines = append(ct.lines, pl)
				}
			}
			add(portfolioCardStatus(c), portfolioInk, "", 0)
			for _, e := range c.Evidence {
				add(evidenceWords(e.Key)+": "+statusWords(e.Status), portfolioInk, e.Status, portfolioMarkWidth)
			}
			for _, o := range c.Overrides {
				add("override "+o, portfolioAlert, "", 0)
			}
			if len(c.MissingLinks) > 0 {
				add("link not found: "+evidenceList(c.MissingLinks), portfolioAlert, "", 0)
			}
			if c.NextStep != "" {
				add("next: "+c.NextStep, portfolioMuted, "", 0)
			}
			for _, d := range c.Details {
				add(d, portfolioMuted, "", 0)
			}
			if len(ct.lines) > MaxCardLines {
				ct.lines = ct.lines[:MaxCardLines:MaxCardLines]
				ct.lines[MaxCardLines-1].text += " …"
			}
			b.cards[i] = append(b.cards[i], ct)
			col += ct.height() + portfolioGap
		}
		tallest = max(tallest, col)
	}
	b.tallest = tallest
	b.height = 2*portfolioMargin + lineHeight(portfolioTitleSize) + portfolioGap + b.headHeight + portfolioGap + tallest
}

func (ct portfolioCardText) height() vg.Length {
	return vg.Length(len(ct.name))*lineHeight(portfolioNameSize) + vg.Length(len(ct.lines))*lineHeight(portfolioTextSize) + 2*portfolioPad
}

// Plot draws the board from the canvas's top left corner.
func (b *portfolioBoard) Plot(c draw.Canvas, _ *plot.Plot) {
	top := c.Max.Y - portfolioMargin
	left := c.Min.X + portfolioMargin
	c.FillText(b.style(portfolioTitleSize, true, portfolioInk), vg.Point{X: left, Y: top}, b.title)
	top -= lineHeight(portfolioTitleSize) + portfolioGap
	head, name, small := b.style(portfolioHeadSize, true, portfolioInk), b.style(portfolioNameSize, true, portfolioInk), b.style(portfolioTextSize, false, portfolioInk)
	edge := draw.LineStyle{Color: portfolioEdge, Width: vg.Points(0.5)}
	for i, g := range b.gates {
		x := left + vg.Length(i)*(b.colWidth+portfolioGap)
		y := top
		portfolioBox(c, x, y, b.colWidth, b.headHeight, portfolioHeadFill, edge)
		ty := y - portfolioPad
		for _, l := range portfolioWrap(head, portfolioGateHeading(g), b.colWidth-2*portfolioPad-vg.Points(3)) {
			c.FillText(head, vg.Point{X: x + portfolioPad, Y: ty}, l)
			ty -= lineHeight(portfolioHeadSize)
		}
		y -= b.headHeight + portfolioGap
		for _, ct := range b.cards[i] {
			h := ct.height()
			portfolioBox(c, x, y, b.colWidth, h, ct.fill, edge)
			ty := y - portfolioPad
			for _, l := range ct.name {
				c.FillText(name, vg.Point{X: x + portfolioPad, Y: ty}, l)
				ty -= lineHeight(portfolioNameSize)
			}
			for _, l := range ct.lines {
				sty := small
				sty.Color = l.color
				if l.mark != "" {
					portfolioMark(c, l.mark, vg.Point{X: x + portfolioPad + vg.Points(3.5), Y: ty - lineHeight(portfolioTextSize)/2 + vg.Points(0.5)})
				}
				c.FillText(sty, vg.Point{X: x + portfolioPad + l.indent, Y: ty}, l.text)
				ty -= lineHeight(portfolioTextSize)
			}
			y -= h + portfolioGap
		}
	}
}

// DataRange is the unit square: the board ignores the plot's axes.
func (b *portfolioBoard) DataRange() (xmin, xmax, ymin, ymax float64) { return 0, 1, 0, 1 }

// portfolioBox fills and outlines the rectangle whose top left is (x, y).
func portfolioBox(c draw.Canvas, x, y, w, h vg.Length, fill color.Color, edge draw.LineStyle) {
	pts := []vg.Point{{X: x, Y: y}, {X: x + w, Y: y}, {X: x + w, Y: y - h}, {X: x, Y: y - h}}
	c.FillPolygon(fill, pts)
	c.StrokeLines(edge, append(pts, pts[0]))
}

func portfolioGateHeading(g BoardGate) string {
	n := g.Total
	if n == 0 {
		n = len(g.Cards)
	}
	return fmt.Sprintf("Gate %d (%d): %s", g.Number, n, g.Name)
}

func portfolioCardStatus(c BoardCard) string {
	switch {
	case c.Decision != "":
		return "decision: " + c.Decision
	case c.Ready:
		return "ready to move on"
	case len(c.Evidence) > 0:
		return "waiting for evidence"
	}
	return "missing: " + evidenceList(c.Missing)
}

// portfolioMark draws an evidence status's sign centred at pt: done a
// filled green disc, in progress an orange disc with a white centre, to
// do an empty grey ring, not needed a grey dash.
func portfolioMark(c draw.Canvas, status string, pt vg.Point) {
	r := vg.Points(3)
	switch lifecycle.Status(status) {
	case lifecycle.Done:
		c.DrawGlyph(draw.GlyphStyle{Color: portfolioDone, Radius: r, Shape: draw.CircleGlyph{}}, pt)
	case lifecycle.InProgress:
		c.DrawGlyph(draw.GlyphStyle{Color: portfolioAlert, Radius: r, Shape: draw.CircleGlyph{}}, pt)
		c.DrawGlyph(draw.GlyphStyle{Color: color.White, Radius: r / 2.2, Shape: draw.CircleGlyph{}}, pt)
	case lifecycle.NotNeeded:
		c.StrokeLine2(draw.LineStyle{Color: portfolioMuted, Width: vg.Points(1.2)}, pt.X-r, pt.Y, pt.X+r, pt.Y)
	default:
		c.DrawGlyph(draw.GlyphStyle{Color: portfolioMuted, Radius: r, Shape: draw.RingGlyph{}}, pt)
	}
}

func portfolioCardFill(c BoardCard) color.Color {
	switch {
	case c.Decision == "stop":
		return portfolioStopFill
	case c.Ready:
		return portfolioReadyFill
	}
	return portfolioWaitFill
}

func portfolioNonEmpty(s ...string) []string {
	var out []string
	for _, x := range s {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

// portfolioWrap breaks s into lines no wider than width, at spaces (a
// word wider than the line is left whole).
func portfolioWrap(sty draw.TextStyle, s string, width vg.Length) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(s) {
		try := w
		if cur != "" {
			try = cur + " " + w
		}
		if cur != "" && sty.Width(try) > width {
			lines = append(lines, cur)
			cur = w
			continue
		}
		cur = try
	}
	if cur != "" || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}
