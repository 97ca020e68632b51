package report

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"strings"
)

// WritePortfolioHTML writes the portfolio by gate as one self-contained
// HTML page: a summary, the board of PortfolioBoard inline as SVG, and a
// table per gate of each intervention's standing, missing evidence, links
// not found, results linked and latest move. The page loads nothing from elsewhere.
func WritePortfolioHTML(w io.Writer, title string, gates []BoardGate) error {
	p, width, height := PortfolioBoard(title, gates)
	wt, err := p.WriterTo(width, height, "svg")
	if err != nil {
		return fmt.Errorf("report: drawing the board: %w", err)
	}
	var svg bytes.Buffer
	if _, err := wt.WriteTo(&svg); err != nil {
		return fmt.Errorf("report: drawing the board: %w", err)
	}
	page := portfolioPage{Title: title, Gates: gates, Board: template.HTML(portfolioInlineSVG(svg.String()))}
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

var portfolioTemplate = template.Must(template.New("portfolio").Funcs(template.FuncMap{
	"join": func(s []string) string { return strings.Join(s, ", ") },
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{.Title}}</title>
<style>
body { font-family: "Liberation Sans", Arial, sans-serif; color: #222; margin: 2em auto; max-width: 64em; padding: 0 1em; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
th, td { border-bottom: 1px solid #ccc; padding: 0.35em 0.5em; text-align: left; vertical-align: top; }
th { background: #e8ecf1; }
.ready { color: #007a55; } .waiting { color: #a04600; } .alert { color: #d55e00; }
.board svg { max-width: 100%; height: auto; }
.none { color: #595959; font-style: italic; }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p>{{.Total}} interventions{{range .Gates}}; {{len .Cards}} at gate {{.Number}}{{end}}. {{.Ready}} ready to move on to their next gate.</p>
<div class="board">
{{.Board}}
</div>
{{range .Gates}}
<h2>Gate {{.Number}}: {{.Name}}</h2>
{{if .Cards}}<table>
<tr><th>Intervention</th><th>Network</th><th>Area</th><th>Standing</th><th>Evidence missing</th><th>Links not found</th><th>Results linked</th><th>Latest move</th></tr>
{{range .Cards}}<tr><td>{{.Name}}</td><td>{{.Network}}</td><td>{{.Area}}</td><td>{{if .Decision}}decision: {{.Decision}}{{else if .Ready}}<span class="ready">ready</span>{{else}}<span class="waiting">waiting</span>{{end}}</td><td>{{join .Missing}}</td><td class="alert">{{join .MissingLinks}}</td><td>{{range .Results}}{{.}}<br>{{end}}</td><td>{{.LastMove}}</td></tr>
{{end}}</table>
{{else}}<p class="none">No intervention at this gate.</p>
{{end}}{{end}}
</body>
</html>
`))
