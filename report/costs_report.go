package report

import (
	"bytes"
	"fmt"
	"html/template"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/evalkit/evalkit/unitcost"
)

// costsTemplate is the cost report's page, self-contained as the
// analysis report is.
var costsTemplate = template.Must(template.ParseFS(templateFS, "templates/costs.html.tmpl", "templates/style.tmpl"))

// costsPage is what the cost report shows, every amount in pounds.
type costsPage struct {
	Title, DataFile, DataSHA256, Version, Date, Prices string
	Categories                                         []string
	Rows                                               []costsRow
	Total                                              costsRow
	Warnings                                           []string
	Figures                                            []analysisFigureHTML
}

// costsRow is one intervention, or the programme's total.
type costsRow struct {
	Name, People, Total, PerPerson string
	ByCategory                     []string
}

// RenderCosts builds the cost report of evalkit unitcost --report from
// res: report.html, self-contained, with each intervention's people
// reached, total cost, cost per person and cost by category, the
// programme's total, the warnings, the chart of cost per person by
// category (CostPerPerson) and a tornado chart of each intervention's
// sensitivity analysis (CostTornado); and the charts as PNG:
// cost_per_person.png and tornado_NAME.png. p names the costs file.
func RenderCosts(res *unitcost.Result, p Provenance) (*Rendered, error) {
	pg := costsPage{Title: "Unit costs: cost per person reached", DataFile: p.DataFile[strings.LastIndexAny(p.DataFile, `/\`)+1:],
		DataSHA256: p.DataSHA256, Version: p.Version, Prices: costPrices(res), Warnings: res.Warnings}
	if !p.Date.IsZero() {
		pg.Date = p.Date.UTC().Format("2 January 2006, 15:04 UTC")
	}
	var shown []unitcost.Category
	for _, c := range unitcost.Categories {
		if res.Total.ByCategory[c] != 0 {
			shown = append(shown, c)
			pg.Categories = append(pg.Categories, capitalise(costCategory(c)))
		}
	}
	row := func(name string, people int64, total, per float64, by map[unitcost.Category]float64) costsRow {
		r := costsRow{Name: name, People: flowThousands(int(people)), Total: Money(total), PerPerson: Money(per)}
		for _, c := range shown {
			r.ByCategory = append(r.ByCategory, Money(by[c]))
		}
		return r
	}
	for _, iv := range res.Interventions {
		pg.Rows = append(pg.Rows, row(iv.Name, iv.People, iv.TotalCost, iv.CostPerPerson, iv.ByCategory))
	}
	t := res.Total
	pg.Total = row("All interventions", t.People, t.TotalCost, t.CostPerPerson, t.ByCategory)

	out := &Rendered{PNG: map[string][]byte{}}
	add := func(name, title string, p *plot.Plot, w, h vg.Length) error {
		png, err := renderAnalysisPNG(p, w, h)
		if err != nil {
			return fmt.Errorf("report: %s: %w", name, err)
		}
		svg, err := renderAnalysisSVG(p, w, h)
		if err != nil {
			return fmt.Errorf("report: %s: %w", name, err)
		}
		out.PNG[name+".png"] = png
		pg.Figures = append(pg.Figures, analysisFigureHTML{ID: "plot-" + name, Title: title, File: name + ".png", SVG: template.HTML(svg)})
		return nil
	}
	if cp, err := CostPerPerson(res); err == nil {
		w, h := CostPerPersonSize(res)
		if err := add("cost_per_person", "Cost per person reached, by category", cp, w, h); err != nil {
			return nil, err
		}
	}
	used := map[string]bool{}
	for _, iv := range res.Interventions {
		tp, err := CostTornado(iv, res.Sensitivity)
		if err != nil {
			continue
		}
		name := "tornado_" + costSlug(iv.Name)
		for base, i := name, 2; used[name]; i++ {
			name = fmt.Sprintf("%s_%d", base, i)
		}
		used[name] = true
		w, h := CostTornadoSize(iv)
		if err := add(name, iv.Name+": sensitivity of the cost per person", tp, w, h); err != nil {
			return nil, err
		}
	}
	var html bytes.Buffer
	if err := costsTemplate.Execute(&html, pg); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	out.HTML = html.Bytes()
	return out, nil
}

// Money prints pounds as a board reads them: whole pounds with
// thousands separators from £10 up (£1,234), to the penny below (£9.50),
// "£0" for nothing and "-" when undefined.
func Money(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "-"
	}
	if x == 0 {
		return "£0"
	}
	if math.Abs(x) < 9.995 {
		return unitcost.FormatPounds(x)
	}
	return strings.TrimSuffix(unitcost.FormatPounds(math.Round(x)), ".00")
}

// costSlug is name in lower case with every run of other characters than
// letters and digits as one underscore, for a file name.
func costSlug(name string) string {
	var b strings.Builder
	gap := false
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if gap && b.Len() > 0 {
				b.WriteByte('_')
			}
			b.WriteRune(r)
			gap = false
			continue
		}
		gap = true
	}
	if b.Len() == 0 {
		return "intervention"
	}
	return b.String()
}
