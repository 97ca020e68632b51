package report

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/evalkit/evalkit/qed"
)

// loveExample is the balance of testdata/qed/match.csv with a 0.2 caliper
// (testdata/r/match.out), rounded, and a covariate without a defined SMD.
func loveExample() []qed.BalanceRow {
	return []qed.BalanceRow{
		{Covariate: "age", SMDBefore: 0.6328, SMDAfter: 0.05},
		{Covariate: "absence", SMDBefore: 0.1496, SMDAfter: -0.0056},
		{Covariate: "fsm", SMDBefore: 0.1572, SMDAfter: 0},
		{Covariate: "constant among the treated", SMDBefore: math.NaN(), SMDAfter: -0.3},
	}
}

func TestLovePlotGolden(t *testing.T) {
	rows := loveExample()
	p, err := LovePlot(rows, "matched")
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "loveplot_matched", p, PlotWidth, LovePlotHeight(len(rows)))
}

func TestLovePlotEmpty(t *testing.T) {
	if _, err := LovePlot(nil, "matched"); !errors.Is(err, ErrNoBalance) {
		t.Errorf("err = %v", err)
	}
}

func TestRenderMatch(t *testing.T) {
	n := 108
	res := &qed.MatchResult{Method: "nearest", Treat: "navigator", Outcome: "exclusions", Treated: 126, Controls: 174, NMatched: &n, Level: 0.95, SMSLevel: 3,
		Balance: loveExample()[:3], Effect: &qed.Effect{Estimate: -0.366, SE: 0.145, DF: 107, CILow: -0.654, CIHigh: -0.079, PValue: 0.013}}
	out, err := RenderMatch(res, Provenance{DataFile: "pupils.csv"})
	if err != nil {
		t.Fatal(err)
	}
	html := string(out.HTML)
	for _, want := range []string{"level 3 of the Maryland Scientific Methods Scale", "matched on a propensity score", "loveplot.png", "The matched estimate of the effect on exclusions among the treated is -0.366 (95% CI -0.654 to -0.0790; p = 0.013)"} {
		if !strings.Contains(html, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if out.PNG["loveplot.png"] == nil {
		t.Error("no loveplot.png")
	}
}
