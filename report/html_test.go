package report

import (
	"math"
	"testing"
)

func TestHTMLNumbers(t *testing.T) {
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"three significant digits", analysisNumber(0.012345), "0.0123"},
		{"integer part kept", analysisNumber(12345.6), "12346"},
		{"middle", analysisNumber(-3.14159), "-3.14"},
		{"zero", analysisNumber(0), "0"},
		{"NaN", analysisNumber(math.NaN()), "undefined"},
		{"Inf", analysisNumber(math.Inf(-1)), "undefined"},
		{"tiny", analysisNumber(1e-12), "0.00000000"},
		{"interval", analysisInterval(0.5, 1.25), "0.500 to 1.25"},
		{"open interval", analysisInterval(0, math.Inf(1)), "0 to undefined"},
		{"undefined interval", analysisInterval(math.NaN(), math.NaN()), "undefined"},
		{"p", analysisPValue(0.0123), "0.012"},
		{"small p", analysisPValue(1e-12), "< 0.001"},
		{"no p", analysisPValue(math.NaN()), "undefined"},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}

func TestAnalysisDefaults(t *testing.T) {
	a := analysisExampleHotspots(10)
	a.Comparisons[0].Measure, a.Comparisons[0].Sentence = "", ""
	b := analysisDefaults(a)
	if b.Comparisons[0].Measure != "rate ratio" || b.Comparisons[0].Sentence == "" {
		t.Errorf("defaults not filled: %+v", b.Comparisons[0])
	}
	if a.Comparisons[0].Measure != "" {
		t.Error("analysisDefaults changed its argument")
	}
	for _, m := range []string{"welch_t", "ols_hc2", "ols_cr2", "fisher_exact", "negbin_glm", "poisson_exact", "poisson_glm"} {
		for _, typ := range []string{"continuous", "binary", "count"} {
			a.OutcomeType = typ
			a.Comparisons[0].Method, a.Comparisons[0].Measure, a.Comparisons[0].Sentence = m, "", ""
			c := analysisDefaults(a).Comparisons[0]
			if c.Sentence == "" || c.Measure == "" {
				t.Errorf("%s (%s): no sentence or measure", m, typ)
			}
		}
	}
	a.Comparisons[0].Method, a.Comparisons[0].Measure, a.Comparisons[0].Sentence = "bespoke", "", ""
	if analysisDefaults(a).Comparisons[0].Sentence != "" {
		t.Error("a sentence for an unknown method")
	}
}
