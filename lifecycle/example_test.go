package lifecycle_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/evalkit/evalkit/lifecycle"
)

const examplePortfolio = `# Thames Valley VRU, research life cycle
interventions:
  - name: Schools Navigators
    network: Inclusion & Engagement
    gate: 2
    evidence:
      business_case: {status: done, date: 2023-05-30}
      process_evaluation: done
      data_ethics_review: not_needed   # no new data use
      randomisation_plan: {status: done, link: allocation.csv.manifest.json}
      analysis_plan: done
      power_analysis: {status: in_progress, link: power.json}
  - name: Operation Paramount
    gate: 1
    evidence:
      literature_review: done
`

func ExampleParse() {
	p, err := lifecycle.Parse([]byte(examplePortfolio))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, iv := range p.Interventions {
		g, _ := p.Gate(iv.Gate)
		fmt.Printf("%s: gate %d, %s\n", iv.Name, iv.Gate, g.Name)
	}
	// Output:
	// Schools Navigators: gate 2, Business capability review and process evaluation ahead of a full trial
	// Operation Paramount: gate 1, Literature review and experimental planning
}

func ExampleParse_error() {
	_, err := lifecycle.Parse([]byte("interventions:\n  - name: DARAT\n    gate: two\n"))
	fmt.Println(err)
	fmt.Println(errors.Is(err, lifecycle.ErrGateNotNumber))
	// Output:
	// line 3: gate is not a whole number: "two"
	// true
}

func ExamplePortfolio_Status() {
	p, _ := lifecycle.Parse([]byte(examplePortfolio))
	for _, s := range p.Status() {
		fmt.Printf("%s at gate %d: ready %t, missing %v\n", s.Name, s.Gate, s.Ready, s.Missing)
	}
	fmt.Println(p.ByGate())
	// Output:
	// Schools Navigators at gate 2: ready false, missing [power_analysis]
	// Operation Paramount at gate 1: ready false, missing [theory_of_change outcome_measures preliminary_power]
	// map[1:1 2:1 3:0 4:0]
}

func ExamplePortfolio_Missing() {
	p, _ := lifecycle.Parse([]byte(examplePortfolio))
	iv := p.Intervention("Operation Paramount")
	fmt.Println(p.Missing(iv, lifecycle.GatePlanning))
	// Output:
	// [theory_of_change outcome_measures preliminary_power]
}

func ExamplePortfolio_Advance() {
	p, _ := lifecycle.Parse([]byte(examplePortfolio))
	day := time.Date(2023, 6, 14, 0, 0, 0, 0, time.UTC)

	_, _, err := p.Advance("Schools Navigators", lifecycle.Move{Date: day})
	fmt.Println(err)

	next, t, err := p.Advance("Schools Navigators", lifecycle.Move{
		Date: day, Note: "trial starts in September", Override: "power analysis signed off verbally",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s: %d -> %d, missing then %v\n", t.Date, t.From, t.To, t.Missing)
	fmt.Println(next.Intervention("Schools Navigators").Gate)
	// next.Bytes() is the file to write back: only the gate and the
	// history have changed.
	// Output:
	// Schools Navigators cannot pass gate 2: missing power_analysis
	// 2023-06-14: 2 -> 3, missing then [power_analysis]
	// 3
}

func ExamplePortfolio_MissingLinks() {
	p, _ := lifecycle.Parse([]byte(examplePortfolio))
	onDisk := map[string]bool{"power.json": true}
	for _, l := range p.MissingLinks(func(link string) bool { return onDisk[link] }) {
		fmt.Printf("line %d: %s %s: %s not found\n", l.Line, l.Intervention, l.Evidence, l.Path)
	}
	// Output:
	// line 10: Schools Navigators randomisation_plan: allocation.csv.manifest.json not found
}

func ExampleDefaultGates() {
	for _, g := range lifecycle.DefaultGates() {
		fmt.Println(g.Number, g.Requires)
	}
	// Output:
	// 1 [literature_review theory_of_change outcome_measures preliminary_power]
	// 2 [business_case process_evaluation data_ethics_review randomisation_plan analysis_plan power_analysis]
	// 3 [trial_complete analysis participant_flow cost_per_person]
	// 4 []
}

func ExampleParseDecision() {
	d, err := lifecycle.ParseDecision("scale")
	fmt.Println(d, err)
	_, err = lifecycle.ParseDecision("continue")
	fmt.Println(err)
	// Output:
	// scale <nil>
	// unknown decision "continue" (use adopt, adapt, scale or stop)
}

func ExampleStatus_Settled() {
	fmt.Println(lifecycle.Done.Settled(), lifecycle.NotNeeded.Settled(), lifecycle.InProgress.Settled())
	// Output:
	// true true false
}

func ExampleDescribeLink() {
	analysis := []byte(`{"outcome": "reoffended", "level": 0.95, "comparisons": [
		{"treatment": "deterrence", "control": "control", "method": "fisher_exact",
		 "estimate": -0.12, "ci_low": -0.21, "ci_high": -0.03, "p_value": 0.012}]}`)
	kind, summary := lifecycle.DescribeLink(analysis, "Focused deterrence Milton Keynes")
	fmt.Println(kind, lifecycle.ExpectedKind("analysis") == kind)
	fmt.Println(summary)
	// Output:
	// analysis true
	// outcome reoffended: deterrence vs control -0.12 (95% CI -0.21 to -0.03), p = 0.012, fisher_exact
}

func ExamplePortfolio_Misspellings() {
	p, _ := lifecycle.Parse([]byte("interventions:\n  - name: DARAT\n    gate: 2\n    evidence: {data_ethic_review: done}\n"))
	for _, m := range p.Misspellings() {
		fmt.Printf("line %d: %s: %s, did you mean %s?\n", m.Line, m.Intervention, m.Key, m.Suggest)
	}
	// Output:
	// line 4: DARAT: data_ethic_review, did you mean data_ethics_review?
}
