package report

import (
	"errors"
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/evalkit/evalkit/unitcost"
)

// ErrNoSensitivity is returned by CostTornado for an intervention without
// a sensitivity analysis (none asked for, or no one reached).
var ErrNoSensitivity = errors.New("the intervention has no sensitivity analysis to draw")

// CostTornado draws the one-way sensitivity of an intervention's cost per
// person as a tornado chart: for each input, widest spread at the top, a
// bar from the cost per person (the vertical line) to its value with the
// input reduced by share, and one to its value with the input increased.
func CostTornado(iv unitcost.Intervention, share float64) (*plot.Plot, error) {
	n := len(iv.Sensitivity)
	if n == 0 || math.IsNaN(iv.CostPerPerson) {
		return nil, ErrNoSensitivity
	}
	names := make([]string, n)
	down, up := make([]float64, n), make([]float64, n)
	for i, s := range iv.Sensitivity {
		names[i], down[i], up[i] = costWords(s.Input), s.Down, s.Up
	}
	return tornado(fmt.Sprintf("%s: cost per person with each input %.10g%% lower or higher", iv.Name, 100*share), "£ per person reached",
		iv.CostPerPerson, names, down, up, fmt.Sprintf("input -%.10g%%", 100*share), fmt.Sprintf("input +%.10g%%", 100*share)), nil
}

// tornado draws a tornado chart: for input i, named names[i] (the first at
// the top), a bar from base (the vertical line) to down[i] in one colour
// and one to up[i] in another, which the legend calls keyDown and keyUp.
func tornado(title, xLabel string, base float64, names []string, down, up []float64, keyDown, keyUp string) *plot.Plot {
	n := len(names)
	p := NewStyledPlot(title, xLabel, "")
	p.X.Tick.Marker = poundTicks{}
	rev := make([]string, n)
	t := &costTornadoBars{base: base, width: vg.Points(14), down: make([]float64, n), up: make([]float64, n)}
	for i := range names {
		rev[n-1-i], t.down[n-1-i], t.up[n-1-i] = names[i], down[i], up[i] // the first at the top
	}
	p.Add(themeGrid(), t)
	p.NominalY(rev...)
	p.Y.Tick.Length = 0
	p.Legend.Add(keyDown, costTornadoKey{costColours[1]})
	p.Legend.Add(keyUp, costTornadoKey{costColours[0]})
	placeLegendAboveData(p, 2)
	return p
}

// costTornadoBars draws, for input i at y = i, a bar from base to down[i]
// and one from base to up[i], and a vertical line at base.
type costTornadoBars struct {
	base     float64
	down, up []float64
	width    vg.Length
}

func (t *costTornadoBars) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	for i := range t.down {
		y := trY(float64(i))
		for k, v := range []float64{t.down[i], t.up[i]} {
			col := costColours[1]
			if k == 1 {
				col = costColours[0]
			}
			x0, x1 := trX(t.base), trX(v)
			pts := []vg.Point{{X: x0, Y: y - t.width/2}, {X: x0, Y: y + t.width/2}, {X: x1, Y: y + t.width/2}, {X: x1, Y: y - t.width/2}}
			c.FillPolygon(col, c.ClipPolygonXY(pts))
		}
	}
	x := trX(t.base)
	ls := draw.LineStyle{Color: color.Black, Width: vg.Points(1)}
	c.StrokeLine2(ls, x, c.Min.Y, x, c.Max.Y)
}

// DataRange covers every bar, with a margin.
func (t *costTornadoBars) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = t.base, t.base
	for i := range t.down {
		xmin = min(xmin, t.down[i], t.up[i])
		xmax = max(xmax, t.down[i], t.up[i])
	}
	r := xmax - xmin
	return xmin - 0.05*r, xmax + 0.05*r, -0.5, float64(len(t.down)) - 0.5
}

// costTornadoKey is a legend swatch of one colour.
type costTornadoKey struct{ c color.Color }

func (k costTornadoKey) Thumbnail(c *draw.Canvas) {
	c.FillPolygon(k.c, []vg.Point{{X: c.Min.X, Y: c.Min.Y}, {X: c.Min.X, Y: c.Max.Y}, {X: c.Max.X, Y: c.Max.Y}, {X: c.Max.X, Y: c.Min.Y}})
}

// CostTornadoSize is a size for CostTornado's plot of iv: 16 cm wide, and
// 3 cm plus 0.8 cm per input high.
func CostTornadoSize(iv unitcost.Intervention) (w, h vg.Length) {
	return 16 * vg.Centimeter, 3*vg.Centimeter + vg.Length(len(iv.Sensitivity))*0.8*vg.Centimeter
}
