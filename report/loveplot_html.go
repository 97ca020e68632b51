package report

import (
	"strings"

	"github.com/evalkit/evalkit/qed"
)

// RenderMatch renders a report of evalkit match --report: the headline
// (with an outcome), the evidence level, the warnings, the love plot
// (loveplot.png) and the result's table.
func RenderMatch(r *qed.MatchResult, prov Provenance) (*Rendered, error) {
	var tb strings.Builder
	if err := r.WriteText(&tb); err != nil {
		return nil, err
	}
	after := "matched"
	if r.Method == "ebal" {
		after = "weighted"
	}
	pg := qedPage{
		Title:    "Matching on " + r.Treat,
		Headline: "The controls were " + after + " to the treated units; the plot shows the covariates' balance before and after.",
		Evidence: qed.SMSStatement(qed.MatchDesign(r.Method)),
		Warnings: r.Warnings,
	}
	if r.Effect != nil {
		pg.Headline = qedHeadline(r.Outcome+" among the treated", after, *r.Effect, r.Level)
	}
	p, err := LovePlot(r.Balance, after)
	if err != nil {
		return nil, err
	}
	figs := []analysisFigure{{name: "loveplot", title: "Love plot: standardised differences before and after, with reference lines at ±0.1", figure: p, w: PlotWidth, h: LovePlotHeight(len(r.Balance))}}
	return qedRender(pg, prov, tb.String(), figs)
}
