package lifecycle_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"testing/fstest"
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

func ExamplePortfolio_StatusReport() {
	p, _ := lifecycle.Parse([]byte(examplePortfolio))
	// The portfolio's folder: os.DirFS(dir) or lifecycle.LinkDir(dir) for
	// one on disk.
	folder := fstest.MapFS{
		"power.json": {Data: []byte(`{"design": "cluster", "alpha": 0.05, "power": 0.82, "n_total": 40}`)},
	}
	r := p.StatusReport("portfolio.yaml", p.CheckLinks(folder))
	fmt.Println(r.ByGate, "ready to move on:", r.NumReady())
	// What evalkit lifecycle status --json says of Schools Navigators:
	// json.NewEncoder(os.Stdout) on r prints the command's whole object.
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r.Interventions[0]); err != nil {
		fmt.Println(err)
	}
	// Output:
	// map[1:1 2:1 3:0 4:0] ready to move on: 0
	// {
	//   "name": "Schools Navigators",
	//   "gate": 2,
	//   "ready": false,
	//   "missing": [
	//     "randomisation_plan",
	//     "power_analysis"
	//   ],
	//   "problems": [
	//     {
	//       "evidence": "randomisation_plan",
	//       "link": "allocation.csv.manifest.json",
	//       "line": 10,
	//       "problem": "link_not_found",
	//       "detail": "allocation.csv.manifest.json is not there"
	//     }
	//   ],
	//   "gate_name": "Business capability review and process evaluation ahead of a full trial",
	//   "network": "Inclusion & Engagement",
	//   "area": "",
	//   "decision": null,
	//   "missing_links": [
	//     {
	//       "evidence": "randomisation_plan",
	//       "link": "allocation.csv.manifest.json",
	//       "line": 10
	//     }
	//   ],
	//   "links": [
	//     {
	//       "evidence": "randomisation_plan",
	//       "link": "allocation.csv.manifest.json",
	//       "line": 10,
	//       "found": false,
	//       "problem": "link_not_found",
	//       "detail": "allocation.csv.manifest.json is not there"
	//     },
	//     {
	//       "evidence": "power_analysis",
	//       "link": "power.json",
	//       "line": 12,
	//       "found": true,
	//       "kind": "power",
	//       "summary": "cluster design: power 0.82, alpha 0.05, 40 in total"
	//     }
	//   ],
	//   "line": 3
	// }
}

func ExamplePortfolio_CheckLinks() {
	p, _ := lifecycle.Parse([]byte(examplePortfolio))
	folder := fstest.MapFS{
		"power.json":                   {Data: []byte(`{"outcome": "attendance", "comparisons": []}`)},
		"allocation.csv.manifest.json": {Data: []byte(`{"method": "blocks", "seed": 20230401, "n": 36}`)},
	}
	for _, l := range p.CheckLinks(folder) {
		fmt.Printf("%s: found %t, %s: %s\n", l.Location(), l.Found, l.Kind, l.Summary)
		if l.Problem != lifecycle.NoProblem {
			fmt.Printf("  %s: %s\n", l.Problem, l.Detail)
		}
	}
	// Output:
	// line 10: Schools Navigators, randomisation_plan: found true, allocation: blocks randomisation, seed 20230401, 36 units
	//   not_verified: allocation.csv.manifest.json cannot be verified: not an evalkit manifest: method, flags or digests missing
	// line 12: Schools Navigators, power_analysis: found true, analysis: outcome attendance: no comparison
	//   wrong_kind: power.json holds an evalkit analysis result, not an evalkit power result
}

// With the links checked, evidence marked done whose file is not in the
// portfolio's folder holds the intervention back.
func ExamplePortfolio_Advance_links() {
	p, _ := lifecycle.Parse([]byte(examplePortfolio))
	folder := fstest.MapFS{"power.json": {Data: []byte(`{"design": "ttest", "alpha": 0.05, "power": 0.8, "n_total": 128}`)}}
	p.LinkChecks = p.CheckLinks(folder)
	_, _, err := p.Advance("Schools Navigators", lifecycle.Move{Date: time.Date(2023, 6, 14, 0, 0, 0, 0, time.UTC)})
	fmt.Println(err)
	// Output:
	// Schools Navigators cannot pass gate 2: missing randomisation_plan, power_analysis; line 10: randomisation_plan: allocation.csv.manifest.json is not there
}

func ExampleNewAdvanceReport() {
	p, _ := lifecycle.Parse([]byte(examplePortfolio))
	day := time.Date(2023, 6, 14, 0, 0, 0, 0, time.UTC)
	_, t, err := p.Advance("Schools Navigators", lifecycle.Move{Date: day, Override: "power signed off verbally"})
	if err != nil {
		fmt.Println(err)
		return
	}
	r := lifecycle.NewAdvanceReport("portfolio.yaml", "Schools Navigators", t)
	fmt.Println(r)
	out, _ := json.Marshal(r)
	fmt.Println(string(out))
	// Output:
	// Schools Navigators: gate 2 -> 3 on 2023-06-14, overriding missing power_analysis (power signed off verbally)
	// {"file":"portfolio.yaml","intervention":"Schools Navigators","date":"2023-06-14","from":2,"to":3,"note":null,"override":"power signed off verbally","missing":["power_analysis"],"decision":null}
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
