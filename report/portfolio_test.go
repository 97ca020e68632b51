package report

import (
	"testing"
)

// portfolioTestGates is the board of a small portfolio: every kind of
// card, a long name, a column with many missing items and an empty gate.
func portfolioTestGates() []BoardGate {
	return []BoardGate{
		{Number: 1, Name: "Literature review and experimental planning", Cards: []BoardCard{
			{Name: "School Exclusion Prevention Program, Oxford", Network: "Inclusion & Engagement", Area: "Oxford",
				Missing: []string{"theory_of_change", "outcome_measures", "preliminary_power"}},
			{Name: "Operation Paramount", Ready: true},
		}},
		{Number: 2, Name: "Business capability review and process evaluation ahead of a full trial", Cards: []BoardCard{
			{Name: "DARAT", Network: "Data, Digital & Technology", Missing: []string{"business_case", "data_ethics_review", "randomisation_plan", "analysis_plan", "power_analysis"},
				MissingLinks: []string{"process_evaluation"}},
		}},
		{Number: 3, Name: "Feasible research project: randomised trial in progress"},
		{Number: 4, Name: "Result and decision", Cards: []BoardCard{
			{Name: "Hotspot patrols", Ready: true, Decision: "scale"},
			{Name: "Old scheme", Ready: true, Decision: "stop"},
		}},
	}
}

func TestPortfolioBoard(t *testing.T) {
	p, w, h := PortfolioBoard("Research life cycle: test portfolio", portfolioTestGates())
	if w <= 0 || h <= 0 {
		t.Fatalf("size %v x %v", w, h)
	}
	checkGolden(t, "portfolio_board", p, w, h)
}

func TestPortfolioBoardEmpty(t *testing.T) {
	p, w, h := PortfolioBoard("Empty", []BoardGate{{Number: 1, Name: "Planning"}})
	if _, err := p.WriterTo(w, h, "png"); err != nil {
		t.Fatal(err)
	}
}

func TestPortfolioWrap(t *testing.T) {
	p, _, _ := PortfolioBoard("", nil)
	_ = p
	b := &portfolioBoard{handler: p.TextHandler}
	sty := b.style(portfolioTextSize, false, portfolioInk)
	for _, tc := range []struct {
		name  string
		s     string
		lines int
	}{
		{"empty", "", 1},
		{"short", "ready to move on", 1},
		{"long", "missing: business_case, data_ethics_review, randomisation_plan, analysis_plan, power_analysis", 5},
		{"one long word", "supercalifragilisticexpialidocious_evidence_key", 1},
	} {
		if got := portfolioWrap(sty, tc.s, 100); len(got) != tc.lines {
			t.Errorf("%s: %d lines %q, want %d", tc.name, len(got), got, tc.lines)
		}
	}
}
