package report

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"html/template"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/stat"
)

// analysisExamples are the example trials every report test renders.
func analysisExamples() []struct {
	name  string
	a     Analysis
	plots []string
} {
	return []struct {
		name  string
		a     Analysis
		plots []string
	}{
		{"navigators", analysisExampleNavigators(), []string{"balance.png", "distribution.png", "flow.png", "forest.png"}},
		{"deterrence", analysisExampleDeterrence(), []string{"distribution.png", "flow.png", "forest.png"}},
		{"hotspots", analysisExampleHotspots(6000), []string{"distribution.png", "flow.png", "forest.png"}},
		{"awkward", analysisExampleAwkward(), []string{"balance.png", "distribution.png", "flow.png", "forest.png"}},
		{"many_arms", analysisExampleManyArms(), []string{"balance.png", "distribution.png", "flow.png", "forest.png"}},
	}
}

// analysisExternalRef finds attributes and CSS that would load something:
// src=, href=, xlink:href=, url(...) and @import.
var analysisExternalRef = regexp.MustCompile(`(?i)(\b(src|href|action|srcset)\s*=|url\s*\(|@import)`)

// analysisCheckSelfContained fails unless html loads nothing from anywhere and
// runs no script.
func analysisCheckSelfContained(t *testing.T, html []byte) {
	t.Helper()
	if m := analysisExternalRef.Find(html); m != nil {
		t.Errorf("report refers to an external resource: %q", m)
	}
	lower := bytes.ToLower(html)
	for _, bad := range []string{"<script", "<iframe", "<object", "<embed", "<link", "<img", "javascript:"} {
		if bytes.Contains(lower, []byte(bad)) {
			t.Errorf("report contains %q", bad)
		}
	}
	// The only URLs allowed are the SVG and XLink namespace names, which
	// are identifiers, never fetched.
	allowed := regexp.MustCompile(`"http://www\.w3\.org/(2000/svg|1999/xlink)"`)
	rest := allowed.ReplaceAll(lower, nil)
	for _, scheme := range []string{"http://", "https://", "//www", "ftp://", "file:"} {
		if bytes.Contains(rest, []byte(scheme)) {
			t.Errorf("report contains a URL (%s)", scheme)
		}
	}
}

func TestRenderAnalysisSelfContained(t *testing.T) {
	for _, tc := range analysisExamples() {
		t.Run(tc.name, func(t *testing.T) {
			r, err := RenderAnalysis(tc.a)
			if err != nil {
				t.Fatal(err)
			}
			analysisCheckSelfContained(t, r.HTML)
			var names []string
			for name, b := range r.PNG {
				names = append(names, name)
				if _, err := png.Decode(bytes.NewReader(b)); err != nil {
					t.Errorf("%s is not a PNG: %v", name, err)
				}
			}
			slices.Sort(names)
			if !slices.Equal(names, tc.plots) {
				t.Errorf("plots %v, want %v", names, tc.plots)
			}
			html := string(r.HTML)
			if got := strings.Count(html, "<svg"); got != len(tc.plots) {
				t.Errorf("%d inline SVGs, want %d", got, len(tc.plots))
			}
			for _, p := range tc.plots {
				id := `id="plot-` + strings.TrimSuffix(p, ".png") + `"`
				if !strings.Contains(html, id) {
					t.Errorf("report has no figure %s", id)
				}
			}
			for _, want := range []string{tc.a.Title, "version " + tc.a.Version, "@media print"} {
				if !strings.Contains(html, want) {
					t.Errorf("report lacks %q", want)
				}
			}
			for _, arm := range tc.a.Arms {
				if arm.Summary != "" && !strings.Contains(html, "<td>"+arm.Summary+"</td>") {
					t.Errorf("report lacks the summary of arm %q", arm.Arm)
				}
			}
			if tc.a.DataSHA256 != "" && !strings.Contains(html, tc.a.DataSHA256) {
				t.Errorf("report lacks the data's SHA-256")
			}
			for _, c := range tc.a.Comparisons {
				if !strings.Contains(html, template.HTMLEscapeString(c.Sentence)) {
					t.Errorf("report lacks the method sentence %q", c.Sentence)
				}
				for _, n := range c.Notes {
					if !strings.Contains(html, template.HTMLEscapeString(n)) {
						t.Errorf("report lacks the note %q", n)
					}
				}
			}
		})
	}
}

// TestRenderAnalysisForestGolden pins the forest plots as written beside
// report.html: their panels stacked and aligned (each panel alone, and
// the other plots, have golden images of their own).
func TestRenderAnalysisForestGolden(t *testing.T) {
	for _, tc := range analysisExamples() {
		r, err := RenderAnalysis(tc.a)
		if err != nil {
			t.Fatal(err)
		}
		checkGoldenPNG(t, "analysis_"+tc.name+"_forest", r.PNG["forest.png"])
	}
}

func TestRenderAnalysisBaseName(t *testing.T) {
	for _, path := range []string{"/home/jsmith/trials/custody.csv", `C:\Users\jsmith\custody.csv`, "custody.csv"} {
		a := analysisExampleAwkward()
		a.DataFile = path
		r, err := RenderAnalysis(a)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(r.HTML, []byte("jsmith")) || !bytes.Contains(r.HTML, []byte("<dd>custody.csv</dd>")) {
			t.Errorf("%s: the report does not show only the base name", path)
		}
	}
}

func TestRenderAnalysisEscapes(t *testing.T) {
	r, err := RenderAnalysis(analysisExampleAwkward())
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(r.HTML, []byte("<b>plus</b>")) {
		t.Error("an arm's label reached the HTML unescaped")
	}
	if !bytes.Contains(r.HTML, []byte("navigator &lt;b&gt;plus&lt;/b&gt;")) {
		t.Error("the escaped arm label is missing")
	}
}

// analysisPlantedTrial reads testdata/analysis/planted.csv, a trial whose rows
// carry identifiers (person_id, full_name, postcode, date_of_birth), and
// builds its Analysis the way a caller must: counts, outcome values and
// covariate summaries only. It returns the identifiers too.
func analysisPlantedTrial(t *testing.T) (Analysis, []string) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "analysis", "planted.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	arms := []string{"control", "call-in"}
	sum := map[string]*ArmSummary{}
	covs := map[string]map[string][]float64{"age": {}, "prior_arrests": {}}
	for _, arm := range arms {
		sum[arm] = &ArmSummary{Arm: arm}
	}
	for _, rec := range recs[1:] {
		// The identifiers, to look for in the report; the first and last
		// names on their own too.
		ids = append(ids, rec[0], rec[1], rec[2], rec[3])
		ids = append(ids, strings.Fields(rec[1])...)
		s := sum[rec[4]]
		s.Randomised++
		for i, c := range []string{"age", "prior_arrests"} {
			v, err := strconv.ParseFloat(rec[6+i], 64)
			if err != nil {
				t.Fatal(err)
			}
			covs[c][rec[4]] = append(covs[c][rec[4]], v)
		}
		if rec[5] == "NA" {
			s.Missing++
			continue
		}
		v, err := strconv.ParseFloat(rec[5], 64)
		if err != nil {
			t.Fatal(err)
		}
		s.Analysed++
		s.Values = append(s.Values, v)
	}
	a := Analysis{
		Title: "Planted identifiers", DataFile: "planted.csv", Version: "0.1.0", Date: analysisExampleDate,
		Outcome: "reoffended", OutcomeType: "binary", Units: "people",
		Arms: []ArmSummary{*sum["control"], *sum["call-in"]},
	}
	for _, c := range []string{"age", "prior_arrests"} {
		mx, vx := stat.MeanVariance(covs[c]["call-in"], nil)
		my, vy := stat.MeanVariance(covs[c]["control"], nil)
		a.Balance = append(a.Balance, BalanceRow{Covariate: c, Arm: "call-in", SMD: (mx - my) / math.Sqrt((vx+vy)/2)})
	}
	rx := stat.Mean(sum["call-in"].Values, nil)
	ry := stat.Mean(sum["control"].Values, nil)
	a.Comparisons = []Comparison{{
		Treatment: "call-in", Control: "control", Method: "fisher_exact", Measure: "risk difference",
		Sentence: "Risk difference of re-offending.", Estimate: rx - ry, Low: rx - ry - 0.2, High: rx - ry + 0.2, P: 0.3,
	}}
	return a, ids
}

func TestRenderAnalysisNoIdentifiers(t *testing.T) {
	a, ids := analysisPlantedTrial(t)
	r, err := RenderAnalysis(a)
	if err != nil {
		t.Fatal(err)
	}
	analysisCheckSelfContained(t, r.HTML)
	lower := strings.ToLower(string(r.HTML))
	for _, id := range ids {
		if strings.Contains(lower, strings.ToLower(id)) {
			t.Errorf("report contains the identifier %q", id)
		}
	}
	// The check can fail: an identifier a caller wrongly passes is found.
	a.Title = "Report for " + ids[0]
	r, err = RenderAnalysis(a)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(r.HTML), ids[0]) {
		t.Error("the identifier check cannot see a planted identifier")
	}
}

func TestRenderAnalysisInvalid(t *testing.T) {
	ok := analysisExampleDeterrence
	tests := []struct {
		name   string
		modify func(*Analysis)
	}{
		{"no arms", func(a *Analysis) { a.Arms = nil }},
		{"negative count", func(a *Analysis) { a.Arms[1].Missing = -1 }},
		{"arm twice", func(a *Analysis) { a.Arms[2].Arm = "control" }},
		{"unknown arm in comparison", func(a *Analysis) { a.Comparisons[0].Treatment = "nobody" }},
		{"unknown arm in balance", func(a *Analysis) { a.Balance = []BalanceRow{{Covariate: "age", Arm: "nobody"}} }},
		{"ratio with null 0", func(a *Analysis) { a.Comparisons[0].Log = true }},
		{"binary value 2", func(a *Analysis) { a.Arms[0].Values[0] = 2 }},
		{"outcome type", func(a *Analysis) { a.OutcomeType = "ordinal" }},
		{"level", func(a *Analysis) { a.Level = 95 }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := ok()
			tc.modify(&a)
			_, err := RenderAnalysis(a)
			if !errors.Is(err, ErrInvalidAnalysis) {
				t.Errorf("err = %v, want ErrInvalidAnalysis", err)
			}
		})
	}
}

func TestRenderAnalysisOptionalPlots(t *testing.T) {
	a := analysisExampleNavigators()
	a.Balance = nil
	a.Comparisons = nil
	for i := range a.Arms {
		a.Arms[i].Values = []float64{math.NaN(), math.Inf(1)}
	}
	r, err := RenderAnalysis(a)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.PNG) != 1 || r.PNG["flow.png"] == nil {
		t.Errorf("plots %v, want only flow.png", r.PNG)
	}
	if !bytes.Contains(r.HTML, []byte("No comparisons were made.")) {
		t.Error("report does not say there are no comparisons")
	}
}

// TestRenderAnalysisLarge renders a 1e6-row trial: the HTML must stay
// under 3 MB whatever the number of rows.
func TestRenderAnalysisLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("1e6 rows")
	}
	for _, a := range []Analysis{analysisBenchContinuous(1_000_000), analysisBenchBinary(1_000_000), analysisExampleHotspots(1_000_000)} {
		r, err := RenderAnalysis(a)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.HTML) > 3<<20 {
			t.Errorf("%s: HTML is %d bytes", a.OutcomeType, len(r.HTML))
		}
		for name, b := range r.PNG {
			if len(b) > 1<<20 {
				t.Errorf("%s: %s is %d bytes", a.OutcomeType, name, len(b))
			}
		}
	}
}

// analysisBenchContinuous is a two-arm continuous trial of n rows.
func analysisBenchContinuous(n int) Analysis {
	a := analysisExampleNavigators()
	a.Arms[0].Values = analysisExampleNormals(11, n/2, 88, 6)
	a.Arms[1].Values = analysisExampleNormals(12, n-n/2, 91, 6)
	a.Arms[0].Randomised, a.Arms[0].Analysed, a.Arms[0].Missing = n/2, n/2, 0
	a.Arms[1].Randomised, a.Arms[1].Analysed, a.Arms[1].Missing = n-n/2, n-n/2, 0
	return a
}

// analysisBenchBinary is a three-arm binary trial of n rows.
func analysisBenchBinary(n int) Analysis {
	a := analysisExampleDeterrence()
	for i := range a.Arms {
		m := n / 3
		a.Arms[i].Values = analysisExampleBinary(uint64(20+i), m, 0.4-0.05*float64(i))
		a.Arms[i].Randomised, a.Arms[i].Analysed, a.Arms[i].Missing = m, m, 0
	}
	return a
}

// analysisSink keeps benchmark results alive.
var analysisSink *Rendered

func BenchmarkRenderAnalysis(b *testing.B) {
	for _, n := range []int{100, 10_000, 1_000_000} {
		for _, tc := range []struct {
			name string
			a    Analysis
		}{
			{"continuous", analysisBenchContinuous(n)},
			{"binary", analysisBenchBinary(n)},
		} {
			b.Run(fmt.Sprintf("%s/n=%d", tc.name, n), func(b *testing.B) {
				for b.Loop() {
					r, err := RenderAnalysis(tc.a)
					if err != nil {
						b.Fatal(err)
					}
					analysisSink = r
				}
			})
		}
	}
}

func FuzzRenderAnalysis(f *testing.F) {
	f.Add(3.1, 0.7, 5.5, 0.01, 0.55, 0.12, 0.98, 0.04, 40, 44, 4, false, 88.0, 6.0, uint8(0))
	f.Add(0.8, 0.7, 0.9, 1e-9, 0.0, -1.0, math.Inf(1), math.NaN(), 0, 0, 0, true, 0.0, 0.0, uint8(1))
	f.Add(math.NaN(), math.Inf(-1), 1e308, math.NaN(), 1e-300, 0.0, 1e300, 1e300, 3000, 3000, 1, true, -1e307, 1e307, uint8(2))
	f.Fuzz(func(t *testing.T, est, lo, hi, p, es, eslo, eshi, smd float64, n, rand, miss int, log bool, mu, sd float64, kind uint8) {
		n = min(max(n, 0), 3000)
		a := analysisExampleNavigators()
		a.OutcomeType = []string{"continuous", "binary", "count"}[kind%3]
		a.Arms[0].Randomised, a.Arms[0].Analysed, a.Arms[0].Missing = rand, n, miss
		a.Arms[0].Values = analysisExampleNormals(1, n, mu, sd)
		a.Arms[1].Values = []float64{mu, sd, mu + sd}
		if a.OutcomeType != "continuous" {
			for _, arm := range a.Arms {
				for i, v := range arm.Values {
					arm.Values[i] = math.Abs(math.Round(v))
					if a.OutcomeType == "binary" {
						arm.Values[i] = float64(int(arm.Values[i]) & 1)
					}
				}
			}
		}
		a.Comparisons[0] = Comparison{
			Treatment: "navigator", Control: "control", Estimate: est, Low: lo, High: hi, P: p, Log: log,
			EffectSizes: []Effect{{Measure: "x", Value: es, Low: eslo, High: eshi, Log: log}},
		}
		if log {
			a.Comparisons[0].NullValue = 1
		}
		a.Balance[0].SMD = smd
		r, err := RenderAnalysis(a)
		if err != nil {
			if !errors.Is(err, ErrInvalidAnalysis) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if len(r.HTML) == 0 || r.PNG["flow.png"] == nil {
			t.Fatal("empty rendering")
		}
		analysisCheckSelfContained(t, r.HTML)
	})
}

func ExampleRenderAnalysis() {
	a := Analysis{
		Title:       "Focused deterrence: re-offending within 12 months",
		DataFile:    "focused_deterrence.csv",
		DataSHA256:  "a9b8c7d6e5f40312a9b8c7d6e5f40312a9b8c7d6e5f40312a9b8c7d6e5f40312",
		Version:     "0.1.0",
		Outcome:     "reoffended",
		OutcomeType: "binary",
		Units:       "people",
		Arms: []ArmSummary{
			{Arm: "control", Randomised: 6, Analysed: 5, Missing: 1, Values: []float64{1, 0, 1, 1, 0}},
			{Arm: "call-in", Randomised: 6, Analysed: 6, Values: []float64{0, 0, 1, 0, 0, 1}},
		},
		Comparisons: []Comparison{{
			Treatment: "call-in", Control: "control", Method: "fisher_exact", Measure: "risk difference",
			Sentence: "Risk difference with Newcombe's hybrid score interval; p-value from Fisher's exact test.",
			Estimate: -0.267, Low: -0.68, High: 0.25, P: 0.567,
			EffectSizes: []Effect{{Measure: "risk_ratio", Value: 0.556, Low: 0.16, High: 1.9, Log: true}},
		}},
		Balance: []BalanceRow{{Covariate: "age", Arm: "call-in", SMD: 0.08}},
	}
	r, err := RenderAnalysis(a)
	if err != nil {
		fmt.Println(err)
		return
	}
	var names []string
	for name := range r.PNG {
		names = append(names, name)
	}
	slices.Sort(names)
	fmt.Println(names)
	fmt.Println(strings.Count(string(r.HTML), "<svg"), "inline SVG plots")
	// Output:
	// [balance.png distribution.png flow.png forest.png]
	// 4 inline SVG plots
}

// TestRenderAnalysisLongNames renders names that are very long, empty or
// made of control characters; plots cut and wrap them (the golden images
// show how).
func TestRenderAnalysisLongNames(t *testing.T) {
	for i, n := range []string{strings.Repeat("x", 600), strings.Repeat("word ", 200), "", "\n\n\n", "\x00\xff"} {
		a := analysisExampleManyArms()
		old := a.Arms[2].Arm
		a.Arms[2].Arm = n
		a.Comparisons[1].Treatment = n
		for j := range a.Balance {
			if a.Balance[j].Arm == old {
				a.Balance[j].Arm = n
			}
		}
		a.Balance[0].Covariate = n
		a.Comparisons[0].EffectSizes[0].Measure = n
		a.Outcome, a.Units = n, n
		r, err := RenderAnalysis(a)
		if err != nil {
			t.Fatalf("name %d: %v", i, err)
		}
		analysisCheckSelfContained(t, r.HTML)
		if i == 1 {
			checkGoldenPNG(t, "analysis_long_names_forest", r.PNG["forest.png"])
			checkGoldenPNG(t, "analysis_long_names_balance", r.PNG["balance.png"])
		}
	}
}
