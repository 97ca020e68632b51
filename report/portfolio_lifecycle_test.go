package report

import (
	"bytes"
	"testing"
	"testing/fstest"

	"github.com/evalkit/evalkit/lifecycle"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
    funding_gbp_2023_24: 43000
    next_step: roll out to other areas
  - name: Hotspots
    gate: 4
    decision: scale
    history:
      - {date: 2024-03-20, from: 3, to: 4, decision: scale}
`

func portfolioLifecycleTestData(t *testing.T) (*lifecycle.Portfolio, []lifecycle.LinkCheck) {
	t.Helper()
	p, err := lifecycle.Parse([]byte(portfolioLifecycleTest))
	require.NoError(t, err)
	folder := fstest.MapFS{
		"plan.pdf":        {},
		"allocation.json": {Data: []byte(`{"method": "complete", "seed": 7, "n": 36}`)},
	}
	return p, p.CheckLinks(folder)
}

func TestPortfolioGates(t *testing.T) {
	p, links := portfolioLifecycleTestData(t)
	gates := PortfolioGates(p, links)
	require.Len(t, gates, 4)
	for i, g := range gates {
		assert.Equal(t, i+1, g.Number)
		assert.Equal(t, p.Gates[i].Name, g.Name)
	}
	for _, tc := range []struct {
		name string
		gate int
		want BoardCard
	}{
		{"Schools Navigators", 2, BoardCard{Name: "Schools Navigators", Network: "Inclusion & Engagement", Area: "Reading",
			Missing:      []string{"process_evaluation", "data_ethics_review", "power_analysis"},
			MissingLinks: []string{"business_case"},
			Results:      []string{"randomisation plan: complete randomisation, seed 7, 36 units"},
			LastMove:     "2023-05-01: gate 2 to 2 (override: board's call)",
			Evidence: []BoardEvidence{{"business_case", "done", "", true}, {"process_evaluation", "todo", "", true},
				{"data_ethics_review", "todo", "", true}, {"randomisation_plan", "done", "", true}, {"analysis_plan", "done", "", true},
				{"power_analysis", "todo", "", true}},
			Overrides: []string{"2023-05-01, gate 2 to 2: board's call"}}},
		{"Operation Paramount", 1, BoardCard{Name: "Operation Paramount", Ready: true, Missing: []string{},
			Evidence: []BoardEvidence{{"literature_review", "done", "", true}, {"theory_of_change", "done", "", true},
				{"outcome_measures", "done", "", true}, {"preliminary_power", "done", "", true}},
			NextStep: "roll out to other areas", Details: []string{"Funding 2023-24: £43,000"}}},
		{"Hotspots", 4, BoardCard{Name: "Hotspots", Ready: true, Missing: []string{}, Decision: "scale", LastMove: "2024-03-20: gate 3 to 4"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, []BoardCard{tc.want}, gates[tc.gate-1].Cards)
		})
	}
	assert.Empty(t, gates[2].Cards, "gate 3")
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
			assert.Equal(t, tc.want, PortfolioTitle(p, tc.file))
		})
	}
}

// TestRenderPortfolio checks that the rendered files are those drawn from
// PortfolioGates under PortfolioTitle.
func TestRenderPortfolio(t *testing.T) {
	p, links := portfolioLifecycleTestData(t)
	r, err := RenderPortfolio(p, "plans/portfolio.yaml", links)
	require.NoError(t, err)
	title, gates := PortfolioTitle(p, "plans/portfolio.yaml"), PortfolioGates(p, links)
	var html bytes.Buffer
	require.NoError(t, WritePortfolioHTML(&html, title, gates))
	png, err := PortfolioBoardPNG(title, gates)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(html.Bytes(), r.HTML), "HTML is WritePortfolioHTML's")
	require.Len(t, r.PNG, 1)
	assert.True(t, bytes.Equal(png, r.PNG["portfolio_board.png"]), "portfolio_board.png is PortfolioBoardPNG's")
	for _, want := range []string{"Research life cycle: portfolio.yaml", "Inclusion &amp; Engagement", "2023-05-01: gate 2 to 2", "link not found: business case",
		`<span class="override">Override 2023-05-01, gate 2 to 2: board&#39;s call</span>`, "<strong>Next:</strong> roll out to other areas",
		"Funding 2023-24: £43,000", `<span class="ev todo">process evaluation: to do</span>`} {
		assert.Contains(t, string(r.HTML), want)
	}
}
