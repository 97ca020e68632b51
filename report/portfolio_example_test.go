package report_test

import (
	"fmt"
	"strings"
	"testing/fstest"

	"github.com/evalkit/evalkit/lifecycle"
	"github.com/evalkit/evalkit/report"
	"gonum.org/v1/plot/vg"
)

func ExamplePortfolioBoard() {
	gates := []report.BoardGate{
		{Number: 1, Name: "Literature review and experimental planning", Cards: []report.BoardCard{
			{Name: "Operation Paramount", Missing: []string{"theory_of_change", "preliminary_power"}},
		}},
		{Number: 2, Name: "Business capability review", Cards: []report.BoardCard{
			{Name: "Schools Navigators", Ready: true},
		}},
	}
	p, w, h := report.PortfolioBoard("Thames Valley VRU portfolio", gates)
	fmt.Println(w/vg.Inch, h > 0, p.Title.Text == "")

	png, err := report.PortfolioBoardPNG("Thames Valley VRU portfolio", gates)
	fmt.Println(err, string(png[1:4]))
	// Output:
	// 10 true true
	// <nil> PNG
}

func ExampleWritePortfolioHTML() {
	gates := []report.BoardGate{
		{Number: 3, Name: "Feasible research project: randomised trial in progress", Cards: []report.BoardCard{
			{Name: "TVP Hotspot Policing App", Missing: []string{"trial_complete"}, LastMove: "2023-01-09: gate 2 to 3"},
		}},
	}
	var b strings.Builder
	if err := report.WritePortfolioHTML(&b, "Portfolio", gates); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.Contains(b.String(), "<svg"), strings.Contains(b.String(), "TVP Hotspot Policing App"))
	// Output:
	// true true
}

func ExampleRenderPortfolio() {
	p, err := lifecycle.Parse([]byte(`interventions:
  - name: Schools Navigators
    gate: 2
    evidence:
      randomisation_plan: {status: done, link: allocation.csv.manifest.json}
  - name: Hotspot patrols
    gate: 4
    decision: scale
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	// The portfolio's folder: lifecycle.LinkDir(dir) for one on disk.
	folder := fstest.MapFS{}
	r, err := report.RenderPortfolio(p, "plans/portfolio.yaml", p.CheckLinks(folder))
	if err != nil {
		fmt.Println(err)
		return
	}
	html := string(r.HTML)
	fmt.Println(strings.Contains(html, "<title>Research life cycle: portfolio.yaml</title>"))
	fmt.Println(strings.Contains(html, `<span class="alert">link not found: randomisation plan</span>`))
	fmt.Println(len(r.PNG["portfolio_board.png"]) > 0)
	// Output:
	// true
	// true
	// true
}
