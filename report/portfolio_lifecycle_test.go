package report

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/evalkit/evalkit/lifecycle"
)

const portfolioLifecycleTest = `interventions:
  - name: Schools Navigators
    network: Inclusion & Engagement
    area: Reading
    gate: 2
    evidence:
      business_case: {status: done, link: cases/schools.pdf}
      randomisation_plan: {status: done, link: allocation.json}
      analysis_plan: {status: done, link: plan.pdf}
    history:
      - {date: 2023-04-03, from: 1, to: 2}
      - {date: 2023-05-01, from: 2, to: 2, override: board's call}
  - name: Operation Paramount
    gate: 1
    evidence: {literature_review: done, theory_of_change: done, outcome_measures: done, preliminary_power: done}
  - name: Hotspots
    gate: 4
    decision: scale
    history:
      - {date: 2024-03-20, from: 3, to: 4, decision: scale}
`

func portfolioLifecycleTestData(t *testing.T) (*lifecycle.Portfolio, []lifecycle.LinkCheck) {
	t.Helper()
	p, err := lifecycle.Parse([]byte(portfolioLifecycleTest))
	if err != nil {
		t.Fatal(err)
	}
	folder := fstest.MapFS{
		"plan.pdf":        {},
		"allocation.json": {Data: []byte(`{"method": "complete", "seed": 7, "n": 36}`)},
	}
	return p, p.CheckLinks(folder)
}

func TestPortfolioGates(t *testing.T) {
	p, links := portfolioLifecycleTestData(t)
	gates := PortfolioGates(p, links)
	if len(gates) != 4 {
		t.Fatalf("%d gates, want 4", len(gates))
	}
	for i, g := range gates {
		if g.Number != i+1 || g.Name != p.Gates[i].Name {
			t.Errorf("gate %d = %d %q", i+1, g.Number, g.Name)
		}
	}
	for _, tc := range []struct {
		name string
		gate int
		want BoardCard
	}{
		{"Schools Navigators", 2, BoardCard{Name: "Schools Navigators", Network: "Inclusion & Engagement", Area: "Reading",
			Missing:      []string{"process_evaluation", "data_ethics_review", "power_analysis"},
			MissingLinks: []string{"business_case"},
			Results:      []string{"randomisation_plan: complete randomisation, seed 7, 36 units"},
			LastMove:     "2023-05-01: gate 2 to 2 (override: board's call)"}},
		{"Operation Paramount", 1, BoardCard{Name: "Operation Paramount", Ready: true, Missing: []string{}}},
		{"Hotspots", 4, BoardCard{Name: "Hotspots", Ready: true, Missing: []string{}, Decision: "scale", LastMove: "2024-03-20: gate 3 to 4"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cards := gates[tc.gate-1].Cards
			if len(cards) != 1 || !reflect.DeepEqual(cards[0], tc.want) {
				t.Errorf("gate %d's cards =\n%+v, want\n%+v", tc.gate, cards, tc.want)
			}
		})
	}
	if len(gates[2].Cards) != 0 {
		t.Errorf("gate 3 has %d cards, want none", len(gates[2].Cards))
	}
}

func TestPortfolioTitle(t *testing.T) {
	p, _ := portfolioLifecycleTestData(t)
	for _, tc := range []struct {
		name, title, file, want string
	}{
		{"from the file name", "", "plans/portfolio.yaml", "Research life cycle: portfolio.yaml"},
		{"the portfolio's own", "Thames Valley VRU", "plans/portfolio.yaml", "Thames Valley VRU"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p.Title = tc.title
			if got := PortfolioTitle(p, tc.file); got != tc.want {
				t.Errorf("PortfolioTitle = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestRenderPortfolio checks that the rendered files are those drawn from
// PortfolioGates under PortfolioTitle.
func TestRenderPortfolio(t *testing.T) {
	p, links := portfolioLifecycleTestData(t)
	r, err := RenderPortfolio(p, "plans/portfolio.yaml", links)
	if err != nil {
		t.Fatal(err)
	}
	title, gates := PortfolioTitle(p, "plans/portfolio.yaml"), PortfolioGates(p, links)
	var html bytes.Buffer
	if err := WritePortfolioHTML(&html, title, gates); err != nil {
		t.Fatal(err)
	}
	png, err := PortfolioBoardPNG(title, gates)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(r.HTML, html.Bytes()) {
		t.Error("HTML differs from WritePortfolioHTML's")
	}
	if len(r.PNG) != 1 || !bytes.Equal(r.PNG["portfolio_board.png"], png) {
		t.Errorf("PNG holds %d files, want portfolio_board.png as PortfolioBoardPNG draws it", len(r.PNG))
	}
	for _, want := range []string{"Research life cycle: portfolio.yaml", "Inclusion &amp; Engagement", "2023-05-01: gate 2 to 2", "business_case"} {
		if !strings.Contains(string(r.HTML), want) {
			t.Errorf("report.html lacks %q", want)
		}
	}
}
