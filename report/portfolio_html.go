package report

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"strings"
)

// WritePortfolioHTML writes the portfolio by gate as one self-contained
// HTML page: a summary, the board of PortfolioBoard inline as SVG (each of
// its pages, see PortfolioBoardPages), and a table per gate of each
// intervention's standing, missing evidence, links not found, results
// linked and latest move. The page loads nothing from elsewhere.
func WritePortfolioHTML(w io.Writer, title string, gates []BoardGate) error {
	pages, err := PortfolioBoardPages(title, gates)
	if err != nil {
		return err
	}
	return writePortfolioHTML(w, title, gates, pages)
}

func writePortfolioHTML(w io.Writer, title string, gates []BoardGate, pages [][]BoardGate) error {
	var svg bytes.Buffer
	for k, page := range pages {
		p, width, height := PortfolioBoard(PortfolioBoardTitle(title, k, len(pages)), page)
		wt, err := p.WriterTo(width, height, "svg")
		if err != nil {
			return fmt.Errorf("report: drawing the board: %w", err)
		}
		var one bytes.Buffer
		if _, err := wt.WriteTo(&one); err != nil {
			return fmt.Errorf("report: drawing the board: %w", err)
		}
		if k > 0 {
			svg.WriteString("\n")
		}
		svg.WriteString(portfolioInlineSVG(one.String()))
	}
	page := portfolioPage{Title: title, Gates: gates, Board: template.HTML(svg.String())}
	for _, g := range gates {
		page.Total += len(g.Cards)
		for _, c := range g.Cards {
			if c.Ready && c.Decision == "" && g.Number < 4 {
				page.Ready++
			}
		}
	}
	return portfolioTemplate.Execute(w, page)
}

type portfolioPage struct {
	Title        string
	Gates        []BoardGate
	Board        template.HTML
	Total, Ready int
}

// portfolioInlineSVG drops the XML declaration so that the SVG can sit
// inside HTML.
func portfolioInlineSVG(svg string) string {
	if strings.HasPrefix(svg, "<?xml") {
		if i := strings.Index(svg, "?>"); i >= 0 {
			svg = strings.TrimLeft(svg[i+2:], "\r\n")
		}
	}
	return svg
}

// portfolioTemplate is the portfolio's page, self-contained as every
// report is.
var portfolioTemplate = template.Must(template.New("portfolio.html.tmpl").Funcs(template.FuncMap{
	"words":  evidenceList,
	"word":   evidenceWords,
	"status": statusWords,
}).ParseFS(templateFS, "templates/portfolio.html.tmpl", "templates/style.tmpl"))
