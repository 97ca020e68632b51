package lifecycle

import (
	"os"
	"testing"
)

func TestDescribeLink(t *testing.T) {
	for _, tc := range []struct {
		file, name string
		kind       LinkKind
		summary    string
	}{
		{"analysis.json", "Schools Navigators", AnalysisResult, "outcome attendance: navigator vs control 2.479 (95% CI -0.5744 to 5.532), p = 0.11, welch_t"},
		{"power.json", "x", PowerResult, "cluster design: power 0.3874, alpha 0.05, 80 in total, effect 0.5"},
		{"allocation.csv.manifest.json", "x", Allocation, "complete randomisation, seed 20230401, 36 units"},
		{"unitcost.json", "school navigators", UnitCostResult, "cost per person 765 (total 153000 for 200 people)"},
		{"unitcost.json", "DARAT", UnitCostResult, "programme cost per person 666.8 (DARAT not listed)"},
		{"protocol.txt", "x", NotAResult, ""},
		{"README.md", "x", NotAResult, ""},
	} {
		t.Run(tc.file+" "+tc.name, func(t *testing.T) {
			data, err := os.ReadFile("../testdata/lifecycle/links/" + tc.file)
			if err != nil {
				t.Fatal(err)
			}
			kind, summary := DescribeLink(data, tc.name)
			if kind != tc.kind || summary != tc.summary {
				t.Errorf("DescribeLink = %q, %q; want %q, %q", kind, summary, tc.kind, tc.summary)
			}
		})
	}
	for _, junk := range []string{"", "null", "[]", `{"outcome": 1, "comparisons": {}}`, `{"interventions": 3, "total": []}`, `{"design": null, "alpha": "x", "power": true}`} {
		DescribeLink([]byte(junk), "x") // must not panic
	}
}

func TestExpectedKind(t *testing.T) {
	for _, g := range DefaultGates() {
		for _, key := range g.Requires {
			_ = ExpectedKind(key)
		}
	}
	if ExpectedKind("power_analysis") != PowerResult || ExpectedKind("analysis") != AnalysisResult ||
		ExpectedKind("randomisation_plan") != Allocation || ExpectedKind("cost_per_person") != UnitCostResult ||
		ExpectedKind("business_case") != NotAResult {
		t.Error("ExpectedKind does not match its documentation")
	}
}
