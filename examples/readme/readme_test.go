package readme_test

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/evalkit/evalkit/rct/analysis"
	"github.com/evalkit/evalkit/stats"
)

// The README's analysis of the School Navigators trial from Go.
func Example_analysis() {
	wd, _ := os.Getwd()
	if err := os.Chdir("../.."); err != nil { // the README's paths are from the repository's root
		panic(err)
	}
	defer os.Chdir(wd)
	// import "github.com/evalkit/evalkit/rct/analysis"

	// Attendance adjusted for the baseline, towns as blocks, schools as
	// clusters, with 2,000 re-randomisations: evalkit analyse's numbers.
	f, err := os.Open("examples/school_navigators.csv")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	d, err := analysis.ReadCSV(f, analysis.Columns{Outcome: "attendance",
		Covariates: []string{"attendance_baseline"}, Block: "town", Cluster: "school"})
	if err != nil {
		panic(err)
	}
	res, err := analysis.Analyse(d, analysis.Plan{Permutations: 2000, Seed: 1})
	if err != nil {
		panic(err)
	}
	c := res.Comparisons[0] // treatment vs control, by ols_cr2
	fmt.Printf("%s %.2f [%.2f, %.2f], p %.3f, randomisation p %.3f\n",
		c.Method, c.Estimate, c.CILow, c.CIHigh, c.PValue, c.RIPValue)
	out, err := json.Marshal(res) // what evalkit analyse --json prints
	if err != nil {
		panic(err)
	}
	var back struct {
		Comparisons []struct {
			Method   string  `json:"method"`
			RIPValue float64 `json:"ri_p_value"`
		} `json:"comparisons"`
	}
	if err := json.Unmarshal(out, &back); err != nil {
		panic(err)
	}
	fmt.Println(back.Comparisons[0].Method, back.Comparisons[0].RIPValue == c.RIPValue)
	// Output:
	// ols_cr2 2.11 [0.14, 4.08], p 0.037, randomisation p 0.022
	// ols_cr2 true
}

// The README's estimators on plain numbers.
func Example_stats() {
	// import "github.com/evalkit/evalkit/stats"

	// Re-offending: 64 of 197 treated, 75 of 191 controls.
	rd, err := stats.RiskDifference(64, 197, 75, 191, 0.95) // Newcombe's interval
	if err != nil {
		panic(err)
	}
	fisher, err := stats.FisherExact(64, 197, 75, 191, stats.TwoSided)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%.4f [%.4f, %.4f], p %.4f\n", rd.Diff, rd.Low, rd.High, fisher.P)

	attendance, treat, baseline, town, school := navigators()
	// Attendance on treatment and baseline, towns as blocks and schools as
	// clusters, given as their labels: lm_robust(..., se_type = "CR2").
	fit, err := stats.OLS(attendance, []string{"treatment", "baseline"}, [][]float64{treat, baseline},
		stats.OLSOptions{Cov: stats.CR2, Block: town, Cluster: school})
	if err != nil {
		panic(err)
	}
	b := fit.Coefficients[0]
	fmt.Printf("%s %.4f, df %.2f\n", b.Name, b.Estimate, b.DF)
	// Output:
	// -0.0678 [-0.1615, 0.0275], p 0.1703
	// treatment 2.1098, df 19.92
}

// navigators reads the School Navigators trial's rows with both outcome
// and baseline: the outcome, the treatment indicator, the baseline, and
// each pupil's town and school.
func navigators() (y, treat, baseline []float64, town, school []string) {
	f, err := os.Open("../school_navigators.csv")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		panic(err)
	}
	col := map[string]int{}
	for j, h := range rows[0] {
		col[h] = j
	}
	for _, r := range rows[1:] {
		a, err1 := strconv.ParseFloat(r[col["attendance"]], 64)
		b, err2 := strconv.ParseFloat(r[col["attendance_baseline"]], 64)
		if err1 != nil || err2 != nil {
			continue // a missing value
		}
		t := 0.0
		if r[col["arm"]] == "treatment" {
			t = 1
		}
		y, treat, baseline = append(y, a), append(treat, t), append(baseline, b)
		town, school = append(town, r[col["town"]]), append(school, r[col["school"]])
	}
	return y, treat, baseline, town, school
}

// TestREADMESnippets checks that every line of each Go snippet of the
// README stands in this file, in the snippet's order (white space at the
// ends aside; the examples add the error checks between them), where it
// compiles and runs.
func TestREADMESnippets(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	self, err := os.ReadFile("readme_test.go")
	if err != nil {
		t.Fatal(err)
	}
	here := trimmed(string(self))
	blocks := strings.Split(string(readme), "```go\n")
	if len(blocks) < 2 {
		t.Fatal("the README has no Go snippet")
	}
	for i, b := range blocks[1:] {
		end := strings.Index(b, "```")
		if end < 0 {
			t.Fatalf("snippet %d does not end", i+1)
		}
		if line, ok := inOrder(trimmed(b[:end]), here); !ok {
			t.Errorf("README snippet %d: line %q is not in readme_test.go in the snippet's order", i+1, line)
		}
	}
}

// inOrder reports whether the lines of want stand in have in their order,
// the first that does not when they do not.
func inOrder(want, have []string) (string, bool) {
	k := 0
	for _, w := range want {
		for k < len(have) && have[k] != w {
			k++
		}
		if k == len(have) {
			return w, false
		}
		k++
	}
	return "", true
}

// trimmed returns the lines of s that are not blank, without white space at
// their ends.
func trimmed(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
