package report

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/evalkit/evalkit/rct/analysis"
)

//go:embed templates/analysis.html.tmpl
var analysisTemplateFS embed.FS

// analysisTemplate is the analysis report's page. It references nothing
// outside itself: styles are inline, plots are inline SVG, and a Content
// Security Policy forbids loading anything.
var analysisTemplate = template.Must(template.ParseFS(analysisTemplateFS, "templates/analysis.html.tmpl"))

// analysisPage is what the template shows, every number already formatted.
type analysisPage struct {
	Title, Outcome, OutcomeType   string
	DataFile, DataSHA256, Version string
	Date, CI                      string
	Results                       []analysisResultRow
	Warnings                      []analysisWarning
	Flow                          []analysisFlowRow
	Summaries                     bool
	Figures                       []analysisFigureHTML
}

type analysisResultRow struct {
	Comparison, Method, Measure, Sentence string
	Estimate, Interval, P                 string
	Effects                               []analysisEffectRow
	Notes                                 []string
}

// analysisWarning is a warning split into its stable code and its text.
type analysisWarning struct{ Code, Text string }

type analysisEffectRow struct {
	Measure, Value, Interval string
}

type analysisFlowRow struct {
	Arm, Summary                  string
	Randomised, Analysed, Missing string
}

type analysisFigureHTML struct {
	ID, Title, File string
	SVG             template.HTML
}

// analysisHTML fills the report's template with a and its rendered figures.
func analysisHTML(a Analysis, figs []analysisFigure) ([]byte, error) {
	level := a.Level
	if level == 0 {
		level = 0.95
	}
	pg := analysisPage{
		Title:       a.Title,
		Outcome:     a.Outcome,
		OutcomeType: a.OutcomeType,
		DataFile:    a.DataFile[strings.LastIndexAny(a.DataFile, `/\`)+1:],
		DataSHA256:  a.DataSHA256,
		Version:     a.Version,
		CI:          strconv.FormatFloat(100*level, 'g', 6, 64) + "% CI",
	}
	if pg.Title == "" {
		pg.Title = "Analysis of " + a.Outcome
	}
	if !a.Date.IsZero() {
		pg.Date = a.Date.UTC().Format("2 January 2006, 15:04 UTC")
	}
	for _, c := range a.Comparisons {
		m := c.Measure
		if m == "" {
			m = "difference"
			if c.Log {
				m = "ratio"
			}
		}
		row := analysisResultRow{
			Comparison: c.Treatment + " vs " + c.Control,
			Method:     c.Method,
			Measure:    m,
			Sentence:   c.Sentence,
			Notes:      c.Notes,
			Estimate:   analysisNumber(c.Estimate),
			Interval:   analysisInterval(c.Low, c.High),
			P:          analysisPValue(c.P),
		}
		for _, e := range c.EffectSizes {
			row.Effects = append(row.Effects, analysisEffectRow{
				Measure: e.Measure, Value: analysisNumber(e.Value), Interval: analysisInterval(e.Low, e.High),
			})
		}
		pg.Results = append(pg.Results, row)
	}
	for _, w := range a.Warnings {
		code, text, ok := strings.Cut(w, ": ")
		if !ok {
			code, text = "warning", w
		}
		pg.Warnings = append(pg.Warnings, analysisWarning{code, text})
	}
	for _, arm := range a.Arms {
		pg.Flow = append(pg.Flow, analysisFlowRow{
			Arm:        arm.Arm,
			Summary:    arm.Summary,
			Randomised: flowThousands(arm.Randomised),
			Analysed:   flowThousands(arm.Analysed),
			Missing:    flowThousands(arm.Missing),
		})
	}
	for _, arm := range a.Arms {
		pg.Summaries = pg.Summaries || arm.Summary != ""
	}
	for _, f := range figs {
		pg.Figures = append(pg.Figures, analysisFigureHTML{
			ID: "plot-" + f.name, Title: f.title, File: f.name + ".png",
			// The SVG comes from gonum/plot's vgsvg, which escapes every
			// text it draws, so it is safe to inline as it is.
			SVG: template.HTML(f.svg),
		})
	}
	var buf bytes.Buffer
	if err := analysisTemplate.Execute(&buf, pg); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	return buf.Bytes(), nil
}

// analysisNumber prints v with three significant digits but never rounds the
// integer part, "undefined" for NaN and ±Inf.
func analysisNumber(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "undefined"
	}
	if v == 0 {
		return "0"
	}
	d := 2 - int(math.Floor(math.Log10(math.Abs(v))))
	d = min(max(d, 0), 8)
	return strconv.FormatFloat(v, 'f', d, 64)
}

// analysisInterval prints a confidence interval as "low to high".
func analysisInterval(lo, hi float64) string {
	if analysisNumber(lo) == "undefined" && analysisNumber(hi) == "undefined" {
		return "undefined"
	}
	return analysisNumber(lo) + " to " + analysisNumber(hi)
}

// analysisPValue prints a p-value to three decimals, "< 0.001" below that, and
// "–" when there is none.
func analysisPValue(p float64) string {
	switch {
	case math.IsNaN(p):
		return "–"
	case p < 0.001:
		return "< 0.001"
	default:
		return strconv.FormatFloat(p, 'f', 3, 64)
	}
}

// analysisDefaults returns a with every comparison's empty Measure and
// Sentence filled in from its Method, for the methods of evalkit analyse
// (analysis.Method's Measure, analysis.Result's Describe).
func analysisDefaults(a Analysis) Analysis {
	cs := make([]Comparison, len(a.Comparisons))
	copy(cs, a.Comparisons)
	typ, _ := analysis.ParseType(a.OutcomeType)
	res := &analysis.Result{Outcome: a.Outcome, Type: typ, Columns: analysis.Columns{Outcome: a.Outcome}}
	for i := range cs {
		c := &cs[i]
		m, err := analysis.ParseMethod(c.Method)
		if err != nil {
			continue
		}
		if c.Measure == "" {
			c.Measure = m.Measure(typ)
		}
		if c.Sentence == "" {
			c.Sentence = res.Describe(analysis.Comparison{Treatment: c.Treatment, Control: c.Control, Method: m})
		}
	}
	a.Comparisons = cs
	return a
}
