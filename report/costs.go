package report

import (
	"errors"
	"fmt"
	"image/color"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/evalkit/evalkit/unitcost"
)

// costColours are the categories' colours, in the order of
// unitcost.Categories: staff, non_staff, overhead, in_kind, volunteer
// (Okabe-Ito, distinguishable with colour-blindness).
var costColours = []color.Color{
	color.RGBA{0, 114, 178, 255},   // blue
	color.RGBA{230, 159, 0, 255},   // orange
	color.RGBA{153, 153, 153, 255}, // grey
	color.RGBA{0, 158, 115, 255},   // green
	color.RGBA{204, 121, 167, 255}, // purple
}

// ErrNoCostPerPerson is returned by CostPerPerson when no intervention has
// a cost per person to draw.
var ErrNoCostPerPerson = errors.New("no intervention reached anyone: there is no cost per person to draw")

// CostPerPerson draws each intervention's cost per person reached as a
// horizontal bar, stacked by category: the segment of category c is
//
//	ByCategory[c] / People
//
// so that the bar's length is CostPerPerson. Interventions appear top to
// bottom in the result's order; those whose cost per person is undefined
// (no one reached) are left out, and categories without cost anywhere are
// left out of the legend.
func CostPerPerson(res *unitcost.Result) (*plot.Plot, error) {
	var shown []unitcost.Intervention
	for _, iv := range res.Interventions {
		if iv.People > 0 {
			shown = append(shown, iv)
		}
	}
	if len(shown) == 0 {
		return nil, ErrNoCostPerPerson
	}
	p := NewStyledPlot("Cost per person reached, by category", costAxis(res), "")
	p.X.Tick.Marker = poundTicks{}
	p.X.Min = 0
	n := len(shown)
	names := make([]string, n)
	for i, iv := range shown {
		names[n-1-i] = iv.Name // the first at the top
	}
	p.Add(themeGrid())
	var below *plotter.BarChart
	maxCost, entries := 0.0, 0
	for k, c := range unitcost.Categories {
		vals := make(plotter.Values, n)
		any := false
		for i, iv := range shown {
			v := iv.ByCategory[c] / float64(iv.People)
			vals[n-1-i] = v
			any = any || v > 0
		}
		if !any {
			continue
		}
		bar, err := plotter.NewBarChart(vals, vg.Points(14))
		if err != nil {
			return nil, err
		}
		bar.Horizontal = true
		bar.Color = costColours[k]
		bar.LineStyle.Width = 0
		if below != nil {
			bar.StackOn(below)
		}
		below = bar
		p.Add(bar)
		p.Legend.Add(costCategory(c), bar)
		entries++
	}
	for _, iv := range shown {
		maxCost = max(maxCost, iv.CostPerPerson)
	}
	if maxCost == 0 {
		maxCost = 1 // every intervention free: an empty axis from 0 to 1
	}
	p.X.Max = maxCost * 1.05
	p.NominalY(names...)
	p.Y.Tick.Length = 0
	p.Legend.Left = true
	placeLegendAboveData(p, entries)
	return p, nil
}

// costAxis labels the axis of cost per person with the prices and the
// discounting: "£ per person reached (2024 prices; costs after 2023
// discounted at 3.5% a year)".
func costAxis(res *unitcost.Result) string {
	if p := costPrices(res); p != "as written" {
		return "£ per person reached (" + p + ")"
	}
	return "£ per person reached"
}

// costPrices says in which prices res's costs are, and how they are
// discounted: "2024 prices; costs after 2023 discounted at 3.5% a year",
// or "as written".
func costPrices(res *unitcost.Result) string {
	var notes []string
	if res.PriceYear != 0 {
		notes = append(notes, fmt.Sprintf("%d prices", res.PriceYear))
	}
	if res.DiscountRate > 0 {
		notes = append(notes, fmt.Sprintf("costs after %d discounted at %.10g%% a year", res.BaseYear, 100*res.DiscountRate))
	}
	if len(notes) == 0 {
		return "as written"
	}
	return strings.Join(notes, "; ")
}

// costCategory names a cost category in words: "non-staff", "in kind".
func costCategory(c unitcost.Category) string { return costWords(c.String()) }

// costWords puts a code of unitcost's (a category, a sensitivity input)
// in words: "non_staff" is "non-staff", "discount_rate" "discount rate".
func costWords(code string) string {
	return strings.NewReplacer("non_staff", "non-staff", "_", " ").Replace(code)
}

// CostPerPersonSize is a size for CostPerPerson's plot of res that gives
// each bar room: 18 cm wide, and 3 cm plus 0.9 cm per intervention high.
func CostPerPersonSize(res *unitcost.Result) (w, h vg.Length) {
	n := 0
	for _, iv := range res.Interventions {
		if iv.People > 0 {
			n++
		}
	}
	return 18 * vg.Centimeter, 3*vg.Centimeter + vg.Length(n)*0.9*vg.Centimeter
}
