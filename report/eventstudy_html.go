package report

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/evalkit/evalkit/qed"
)

// qedTemplate is the page of the reports of designs that are not
// randomised (RenderDiD, RenderMatch): self-contained, styles inline, plots
// as inline SVG, nothing loaded.
var qedTemplate = template.Must(template.New("qed").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="evalkit {{.Version}}">
<title>{{.Title}}</title>
<style>
body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; color: #1a1a1a; max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.4; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
pre { font-family: "Liberation Mono", Consolas, monospace; font-size: 0.85em; overflow-x: auto; }
.meta { color: #444; font-size: 0.9em; }
.evidence { border-left: 4px solid #0072b2; background: #eef6fb; padding: 0.5em 1em; margin: 0.8em 0; }
.warnings { border-left: 4px solid #b35900; background: #fff4e5; padding: 0.5em 1em; margin: 0.8em 0; }
figure { margin: 1.5em 0; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; display: block; }
figure svg text { font-family: "Liberation Sans", Arial, Helvetica, sans-serif !important; }
figcaption { font-size: 0.9em; color: #444; }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p class="meta">Data file {{or .DataFile "not recorded"}}{{if .Date}}, analysed {{.Date}}{{end}} with evalkit {{.Version}}.</p>
<p><strong>{{.Headline}}</strong></p>
<p class="evidence">{{.Evidence}}</p>
{{if .Warnings}}<div class="warnings"><strong>Warnings</strong><ul>{{range .Warnings}}<li>{{.}}</li>{{end}}</ul></div>{{end}}
{{range .Figures}}<figure id="{{.ID}}">{{.SVG}}<figcaption>{{.Title}} (also {{.File}})</figcaption></figure>
{{end}}<h2>Results</h2>
<pre>{{.Table}}</pre>
</body>
</html>
`))

// qedPage is what the template shows.
type qedPage struct {
	Title, DataFile, Date, Version string
	Headline, Evidence, Table      string
	Warnings                       []string
	Figures                        []analysisFigureHTML
}

// qedRender renders figs and the page; table is the result as its text
// table prints it.
func qedRender(pg qedPage, prov Provenance, table string, figs []analysisFigure) (*Rendered, error) {
	pg.DataFile = prov.DataFile[strings.LastIndexAny(prov.DataFile, `/\`)+1:]
	pg.Version, pg.Table = prov.Version, table
	if !prov.Date.IsZero() {
		pg.Date = prov.Date.UTC().Format("2 January 2006, 15:04 UTC")
	}
	out := &Rendered{PNG: map[string][]byte{}}
	for _, f := range figs {
		png, err := renderAnalysisPNG(f.figure, f.w, f.h)
		if err != nil {
			return nil, fmt.Errorf("report: %s plot: %w", f.name, err)
		}
		svg, err := renderAnalysisSVG(f.figure, f.w, f.h)
		if err != nil {
			return nil, fmt.Errorf("report: %s plot: %w", f.name, err)
		}
		out.PNG[f.name+".png"] = png
		// gonum/plot's vgsvg escapes every text it draws.
		pg.Figures = append(pg.Figures, analysisFigureHTML{ID: "plot-" + f.name, Title: f.title, File: f.name + ".png", SVG: template.HTML(svg)})
	}
	var buf bytes.Buffer
	if err := qedTemplate.Execute(&buf, pg); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	out.HTML = buf.Bytes()
	return out, nil
}

// RenderDiD renders the report of evalkit did --report: the headline, the
// evidence level, the warnings, the event study (eventstudy.png; with
// several cohorts only, as one cohort's two-way fixed effects have no
// event times) and the result's table.
func RenderDiD(r *qed.DiDResult, prov Provenance) (*Rendered, error) {
	var tb strings.Builder
	if err := r.WriteText(&tb); err != nil {
		return nil, err
	}
	pg := qedPage{
		Title:    "Difference in differences: " + r.Outcome,
		Headline: qedHeadline(r.Outcome, "difference in differences", r.Simple, r.Level),
		Evidence: qed.SMSStatement(qed.DiDDesign),
		Warnings: r.Warnings,
	}
	var figs []analysisFigure
	if r.Dynamic != nil {
		p, err := EventStudyPlot(r.Dynamic.ByEventTime, r.Outcome, r.Level)
		if err != nil {
			return nil, err
		}
		figs = append(figs, analysisFigure{name: "eventstudy", title: "Event study: the effect by periods since treatment began, with pointwise confidence intervals; e = -1 is the base period", figure: p, w: PlotWidth, h: PlotHeight})
	}
	return qedRender(pg, prov, tb.String(), figs)
}

// qedHeadline is the report's first sentence: the estimate, its interval
// and p in words.
func qedHeadline(outcome, what string, e qed.Effect, level float64) string {
	p := "p = " + analysisPValue(e.PValue)
	if strings.HasPrefix(p, "p = <") {
		p = "p " + p[4:]
	}
	return fmt.Sprintf("The %s estimate of the effect on %s is %s (%s%% CI %s; %s).", what, outcome,
		analysisNumber(e.Estimate), strconv.FormatFloat(100*level, 'g', 6, 64), analysisInterval(e.CILow, e.CIHigh), p)
}
