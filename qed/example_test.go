package qed_test

import (
	"fmt"

	"github.com/evalkit/evalkit/internal/table"
	"github.com/evalkit/evalkit/qed"
)

// Pupils referred to a navigator matched 1:1 to others on a propensity
// score of age, absence and free school meals, within a 0.2 SD caliper: the
// matched set and effect of MatchIt 4.5.5 and lm_robust (testdata/r/match.R).
func ExampleMatchData_Match() {
	t, err := table.ReadFile("../testdata/qed/match.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	d, err := qed.ReadMatchData(t, qed.MatchColumns{Treat: "navigator", Covariates: []string{"age", "absence", "fsm"}, Outcome: "exclusions"})
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := d.Match(qed.MatchOptions{Caliper: 0.2})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d pairs; age SMD %.3f -> %.3f; effect %.4f (se %.4f); SMS level %d\n",
		*r.NMatched, r.Balance[0].SMDBefore, r.Balance[0].SMDAfter, r.Effect.Estimate, r.Effect.SE, r.SMSLevel)
	// Output:
	// 108 pairs; age SMD 0.633 -> 0.050; effect -0.3662 (se 0.1449); SMS level 3
}

// A staggered panel: Callaway and Sant'Anna's simple aggregation, as
// did::aggte(att_gt(...), type = "simple") (testdata/r/did.R).
func ExamplePanel_DiD() {
	t, err := table.ReadFile("../testdata/qed/panel_staggered.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := qed.ReadPanel(t, qed.PanelColumns{Unit: "school", Time: "term", Outcome: "attendance", FirstTreated: "first_treated"})
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := p.DiD(qed.DiDOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s: simple ATT %.4f (se %.4f), pre-trend p %.4f\n", r.Method, r.Simple.Estimate, r.Simple.SE, r.PretrendP)
	// Output:
	// callaway_santanna: simple ATT 2.8349 (se 0.3430), pre-trend p 0.2630
}
