package report

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/evalkit/evalkit/rct/analysis"
)

//go:embed templates/*.tmpl
var templateFS embed.FS

// analysisTemplate is the analysis report's page. It references nothing
// outside itself: styles are inline (templates/style.tmpl, which every
// report shares), plots are inline SVG, and a Content Security Policy
// forbids loading anything.
var analysisTemplate = template.Must(template.ParseFS(templateFS, "templates/analysis.html.tmpl", "templates/style.tmpl"))

// analysisPage is what the report shows, every number already formatted
// and every code in words: the HTML and the Markdown summary are made
// from it.
type analysisPage struct {
	Title, Outcome, OutcomeType   string
	DataFile, DataSHA256, Version string
	Date, CI, Allocation          string
	Headlines                     []string
	Arms                          []analysisArmRow
	Summaries                     bool
	Attrition                     *attritionPage
	// Common are the warnings that concern every comparison, shown before
	// the comparisons when there are several (else beside the one).
	Common  []analysisWarning
	Results []analysisResultRow
	// Flow is the CONSORT diagram and Figures the other plots.
	Flow    *analysisFigureHTML
	Figures []analysisFigureHTML
	Terms   []Term
}

// analysisArmRow is an arm's line of the table of arms.
type analysisArmRow struct {
	Arm, Randomised, Analysed, Summary string
}

// analysisResultRow is one comparison: its headline, its table of
// estimates, the randomisation p-value, and the warnings and notes that
// concern it.
type analysisResultRow struct {
	Comparison, Headline, Method, Sentence string
	Effects                                []analysisEffectRow
	Randomisation                          string
	Warnings                               []analysisWarning
	Notes                                  []string
}

// analysisWarning is a warning split into its code's words and its text.
type analysisWarning struct{ Title, Text string }

// analysisEffectRow is one line of a comparison's table.
type analysisEffectRow struct {
	Measure, Value, Interval, P string
}

type analysisFigureHTML struct {
	ID, Title, File string
	SVG             template.HTML
}

// analysisPageOf puts a and its rendered figures into words.
func analysisPageOf(a Analysis, figs []analysisFigure) analysisPage {
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
		Allocation:  a.Allocation,
		CI:          strconv.FormatFloat(100*level, 'g', 6, 64) + "% CI",
	}
	if pg.Title == "" {
		pg.Title = "Analysis of " + a.Outcome
	}
	if !a.Date.IsZero() {
		pg.Date = a.Date.UTC().Format("2 January 2006, 15:04 UTC")
	}
	var used []string
	for _, c := range a.Comparisons {
		row := analysisResultRow{
			Comparison: c.Treatment + " vs " + c.Control,
			Headline:   c.Headline,
			Sentence:   c.Sentence,
			Warnings:   analysisWarnings(c.Warnings),
		}
		if c.Method != "" {
			row.Method = Terms(c.Method).Name
			used = append(used, c.Method)
		}
		if row.Headline == "" {
			row.Headline = fmt.Sprintf("%s vs %s: %s %s (%s %s; p %s).", c.Treatment, c.Control, analysisMeasure(c),
				analysisNumber(c.Estimate), pg.CI, analysisInterval(c.Low, c.High), analysisPValue(c.P))
		}
		row.Effects = append(row.Effects, analysisEffectRow{
			Measure: capitalise(analysisMeasure(c)), Value: analysisNumber(c.Estimate),
			Interval: analysisInterval(c.Low, c.High), P: analysisPValue(c.P),
		})
		for _, e := range c.EffectSizes {
			row.Effects = append(row.Effects, analysisEffectRow{
				Measure: Terms(e.Measure).Name, Value: analysisNumber(e.Value), Interval: analysisInterval(e.Low, e.High),
			})
			used = append(used, e.Measure)
		}
		if ri := c.Randomisation; ri != nil {
			row.Randomisation = analysisRandomisation(*ri)
			used = append(used, "ri_p_value")
		}
		for _, n := range c.Notes {
			row.Notes = append(row.Notes, glossaryNote(n))
		}
		pg.Headlines = append(pg.Headlines, row.Headline)
		pg.Results = append(pg.Results, row)
	}
	pg.Common = analysisWarnings(a.Warnings)
	if len(pg.Results) == 1 {
		pg.Results[0].Warnings = append(pg.Common, pg.Results[0].Warnings...)
		pg.Common = nil
	}
	units, clusters := analysisUnits(a)
	pg.Attrition = attritionPageOf(a.Attrition, units, clusters)
	for _, arm := range a.Arms {
		row := analysisArmRow{Arm: arm.Arm, Summary: arm.Summary,
			Randomised: flowThousands(arm.Randomised), Analysed: flowThousands(arm.Analysed)}
		if arm.ClustersRandomised > 0 {
			row.Randomised = flowThousands(arm.ClustersRandomised) + " " + clusters + ", " + row.Randomised + " " + units
			row.Analysed = flowThousands(arm.ClustersAnalysed) + " " + clusters + ", " + row.Analysed + " " + units
		}
		pg.Arms = append(pg.Arms, row)
		pg.Summaries = pg.Summaries || arm.Summary != ""
	}
	for _, f := range figs {
		fig := analysisFigureHTML{
			ID: "plot-" + f.name, Title: f.title, File: f.name + ".png",
			// The SVG comes from gonum/plot's vgsvg, which escapes every
			// text it draws, so it is safe to inline as it is.
			SVG: template.HTML(f.svg),
		}
		if f.name == "flow" {
			pg.Flow = &fig
			continue
		}
		pg.Figures = append(pg.Figures, fig)
	}
	slices.Sort(used)
	for _, code := range slices.Compact(used) {
		if t := Terms(code); t.Meaning != "" {
			pg.Terms = append(pg.Terms, t)
		}
	}
	return pg
}

// analysisHTML fills the report's template with pg.
func analysisHTML(pg analysisPage) ([]byte, error) {
	var buf bytes.Buffer
	if err := analysisTemplate.Execute(&buf, pg); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	return buf.Bytes(), nil
}

// analysisWarnings splits each warning into its code's words and its text.
func analysisWarnings(ws []string) []analysisWarning {
	var out []analysisWarning
	for _, w := range ws {
		code, text, ok := strings.Cut(w, ": ")
		if !ok || strings.ContainsAny(code, " ") {
			code, text = "warning", w
		}
		out = append(out, analysisWarning{Terms(code).Name, text})
	}
	return out
}

// analysisMeasure names c's estimate: its Measure, or "difference" or
// "ratio".
func analysisMeasure(c Comparison) string {
	switch {
	case c.Measure != "":
		return c.Measure
	case c.Log:
		return "ratio"
	}
	return "difference"
}

// analysisRandomisation says a randomisation p-value in words.
func analysisRandomisation(ri RandomisationP) string {
	if ri.Exact {
		return fmt.Sprintf("Randomisation p-value %s, exact: over all %s possible allocations.", analysisPValue(ri.P), flowThousands(ri.Draws))
	}
	return fmt.Sprintf("Randomisation p-value %s, from %s re-randomisations (99%% Monte Carlo interval %s).",
		analysisPValue(ri.P), flowThousands(ri.Draws), analysisInterval(ri.Low, ri.High))
}

// analysisUnits returns a's names of its units and clusters, or their
// defaults "participants" and "clusters".
func analysisUnits(a Analysis) (units, clusters string) {
	units, clusters = a.Units, a.Clusters
	if units == "" {
		units = "participants"
	}
	if clusters == "" {
		clusters = "clusters"
	}
	return units, clusters
}

// capitalise returns s with its first letter in upper case.
func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
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

// analysisPValue prints a p-value as the headlines do (analysis.FormatP):
// two significant figures, "< 0.001" below that, and "undefined" when there
// is none.
func analysisPValue(p float64) string {
	if s := analysis.FormatP(p); s != "" {
		return s
	}
	return "undefined"
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
