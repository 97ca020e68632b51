package report

import (
	"bytes"
	"fmt"
	"path/filepath"

	"github.com/evalkit/evalkit/lifecycle"
)

// PortfolioGates turns a portfolio, and the links that CheckLinks found in
// it, into the board's columns: one per gate, the interventions at it in
// file order. A card lists the evidence missing at its gate, the evidence
// whose link was not found, the evalkit results linked ("analysis: outcome
// ...") and the latest history entry ("2023-04-03: gate 1 to 2", with the
// override's reason when there was one).
func PortfolioGates(p *lifecycle.Portfolio, links []lifecycle.LinkCheck) []BoardGate {
	byName := lifecycle.LinksByIntervention(links)
	var gates []BoardGate
	for _, g := range p.Gates {
		col := BoardGate{Number: g.Number, Name: g.Name}
		for i := range p.Interventions {
			iv := &p.Interventions[i]
			if iv.Gate != g.Number {
				continue
			}
			s := p.Standing(iv)
			c := BoardCard{Name: iv.Name, Network: iv.Network, Area: iv.Area, Ready: s.Ready,
				Missing: s.Missing, Decision: string(iv.Decision)}
			for _, l := range byName[iv.Name] {
				switch {
				case !l.Found:
					c.MissingLinks = append(c.MissingLinks, l.Evidence)
				case l.Kind != lifecycle.NotAResult:
					c.Results = append(c.Results, l.Evidence+": "+l.Summary)
				}
			}
			if n := len(iv.History); n > 0 {
				h := iv.History[n-1]
				c.LastMove = fmt.Sprintf("%s: gate %d to %d", h.Date, h.From, h.To)
				if h.Override != "" {
					c.LastMove += " (override: " + h.Override + ")"
				}
			}
			col.Cards = append(col.Cards, c)
		}
		gates = append(gates, col)
	}
	return gates
}

// PortfolioTitle is the title of a portfolio's report: the portfolio's
// own title, or "Research life cycle: " and the base of its file name
// when it has none.
func PortfolioTitle(p *lifecycle.Portfolio, file string) string {
	if p.Title != "" {
		return p.Title
	}
	return "Research life cycle: " + filepath.Base(file)
}

// RenderPortfolio draws the portfolio's board and builds its HTML report,
// the files of evalkit lifecycle report: HTML is report.html (see
// WritePortfolioHTML) and PNG holds portfolio_board.png (see
// PortfolioBoardPNG), titled with PortfolioTitle(p, file) and drawn from
// PortfolioGates(p, links). It does no file I/O.
func RenderPortfolio(p *lifecycle.Portfolio, file string, links []lifecycle.LinkCheck) (*Rendered, error) {
	title := PortfolioTitle(p, file)
	gates := PortfolioGates(p, links)
	var html bytes.Buffer
	if err := WritePortfolioHTML(&html, title, gates); err != nil {
		return nil, err
	}
	png, err := PortfolioBoardPNG(title, gates)
	if err != nil {
		return nil, err
	}
	return &Rendered{HTML: html.Bytes(), PNG: map[string][]byte{"portfolio_board.png": png}}, nil
}
