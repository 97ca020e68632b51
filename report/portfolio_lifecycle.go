package report

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

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
					c.Results = append(c.Results, evidenceWords(l.Evidence)+": "+l.Summary)
				}
			}
			c.Evidence = portfolioEvidence(iv, g.Requires)
			for _, h := range iv.History {
				if h.Override != "" {
					c.Overrides = append(c.Overrides, fmt.Sprintf("%s, gate %d to %d: %s", h.Date, h.From, h.To, h.Override))
				}
			}
			for _, f := range iv.Fields() {
				switch {
				case f.Key == "next_step" || f.Key == "next_steps":
					c.NextStep = f.Value
				case f.Value != "":
					c.Details = append(c.Details, fieldWords(f))
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
// PortfolioBoardPNG) and, for a board of several pages (see
// PortfolioBoardPages), portfolio_board_2.png and on, titled with
// PortfolioTitle(p, file) and drawn from PortfolioGates(p, links). A
// portfolio too large to draw is refused with ErrBoardTooLarge. It does
// no file I/O.
func RenderPortfolio(p *lifecycle.Portfolio, file string, links []lifecycle.LinkCheck) (*Rendered, error) {
	if err := checkBoardInterventions(len(p.Interventions)); err != nil {
		return nil, err // before the cards are made
	}
	title := PortfolioTitle(p, file)
	gates := PortfolioGates(p, links)
	pages, err := PortfolioBoardPages(title, gates)
	if err != nil {
		return nil, err
	}
	var html bytes.Buffer
	if err := writePortfolioHTML(&html, title, gates, pages); err != nil {
		return nil, err
	}
	r := &Rendered{HTML: html.Bytes(), PNG: map[string][]byte{}}
	for k, page := range pages {
		png, err := PortfolioBoardPNG(PortfolioBoardTitle(title, k, len(pages)), page)
		if err != nil {
			return nil, err
		}
		r.PNG[PortfolioBoardFile(k)] = png
	}
	return r, nil
}

// portfolioEvidence returns iv's evidence for its card: the keys its gate
// requires, in order ("todo" when not written), then its others.
func portfolioEvidence(iv *lifecycle.Intervention, requires []string) []BoardEvidence {
	var out []BoardEvidence
	for _, k := range requires {
		e, ok := iv.EvidenceFor(k)
		st := string(e.Status)
		if !ok || st == "" {
			st = string(lifecycle.Todo)
		}
		out = append(out, BoardEvidence{Key: k, Status: st, Note: e.Note, Required: true})
	}
	for _, e := range iv.Evidence {
		if !slices.Contains(requires, e.Key) {
			out = append(out, BoardEvidence{Key: e.Key, Status: string(e.Status), Note: e.Note})
		}
	}
	return out
}

// evidenceWords puts a key or a status in words: "literature review",
// "in progress".
func evidenceWords(key string) string { return strings.ReplaceAll(key, "_", " ") }

// statusWords puts an evidence status in words: "to do", "in progress".
func statusWords(s string) string {
	if s == string(lifecycle.Todo) {
		return "to do"
	}
	return evidenceWords(s)
}

// evidenceList puts keys in words, joined by commas.
func evidenceList(keys []string) string {
	words := make([]string, len(keys))
	for i, k := range keys {
		words[i] = evidenceWords(k)
	}
	return strings.Join(words, ", ")
}

// fieldYear finds a financial year written with underscores, 2023_24.
var fieldYear = regexp.MustCompile(`\b(\d{4}) (\d{2})\b`)

// fieldWords puts a field in words: its key with spaces and a capital,
// a financial year as 2023-24, and a value in pounds when the key says
// gbp: funding_gbp_2023_24: 43000 is "Funding 2023-24: £43,000".
func fieldWords(f lifecycle.Field) string {
	key := " " + strings.ReplaceAll(f.Key, "_", " ") + " "
	value := f.Value
	if strings.Contains(key, " gbp ") {
		key = strings.Replace(key, " gbp ", " ", 1)
		if v, err := strconv.ParseFloat(f.Value, 64); err == nil {
			value = Money(v)
		}
	}
	key = fieldYear.ReplaceAllString(strings.TrimSpace(key), "$1-$2")
	return capitalise(key) + ": " + value
}
