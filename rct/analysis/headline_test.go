package analysis

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHeadline(t *testing.T) {
	nan := math.NaN()
	draws, sampled := 2000, false
	c := func(m Method, est, lo, hi, p float64) Comparison {
		return Comparison{Treatment: "navigator", Control: "control", Method: m, Estimate: est, CILow: lo, CIHigh: hi,
			PValue: p, PAdjusted: p, RIPValue: nan}
	}
	withRI := c(OLSCR2, 2.11, 0.142, 4.08, 0.0369)
	withRI.RIPValue, withRI.RIDraws, withRI.RIExact = 0.0225, &draws, &sampled
	label := Plan{Label: "Pupils in schools with a navigator attended", Unit: "percentage points"}
	tests := []struct {
		name string
		typ  Type
		plan Plan
		c    Comparison
		want string
	}{
		{"the contract's example", Continuous, label, withRI,
			"Pupils in schools with a navigator attended 2.1 percentage points more (95% CI 0.1 to 4.1; p = 0.037; randomisation p = 0.022)."},
		{"no label", Continuous, Plan{}, c(WelchT, -3.14, -5.5, -0.71, 0.012),
			"Mean attendance was 3.1 lower in navigator than in control (95% CI 0.7 to 5.5; p = 0.012)."},
		{"no label, a unit", Continuous, Plan{Unit: "days"}, c(WelchT, 12.4, -3, 27.9, 0.2),
			"Mean attendance was 12 days higher in navigator than in control (95% CI 3 lower to 28 higher; p = 0.20)."},
		{"interval across no effect", Continuous, label, c(WelchT, -2.1, -4.7, 0.5, 0.11),
			"Pupils in schools with a navigator attended 2.1 percentage points less (95% CI 0.5 more to 4.7 less; p = 0.11)."},
		{"a bound that would round to 0", Continuous, label, c(WelchT, 2.1, 0.03, 4.2, 0.04),
			"Pupils in schools with a navigator attended 2.1 percentage points more (95% CI 0.03 to 4.2; p = 0.040)."},
		{"binary, no label", Binary, Plan{}, c(FisherExact, -0.0678, -0.1615, 0.02745, 0.1703),
			"The risk of attendance was 6.8 percentage points lower in navigator than in control (95% CI 2.7 higher to 16.2 lower; p = 0.17)."},
		{"binary, labelled", Binary, Plan{Label: "People called in were", Unit: "to re-offend"}, c(FisherExact, -0.14, -0.24, -0.03, 0.0008),
			"People called in were 14 percentage points less likely to re-offend (95% CI 3 to 24; p < 0.001)."},
		{"rate ratio, no label", Count, Plan{}, c(NegBinGLM, 0.81, 0.78, 0.84, 1e-12),
			"The rate of attendance was 19% lower in navigator than in control (95% CI 16% to 22%; p < 0.001)."},
		{"rate ratio, what it counts", Count, Plan{Unit: "crimes"}, c(PoissonExact, 0.9, 0.7, 1.15, 0.4),
			"There were 10% fewer crimes in navigator than in control (95% CI 15% more to 30% fewer; p = 0.40)."},
		{"rate ratio, labelled", Count, Plan{Label: "Hotspots with patrols had", Unit: "crimes"}, c(NegBinGLM, 1.5, 1.2, 1.9, 0.001),
			"Hotspots with patrols had 50% more crimes (95% CI 20% to 90%; p = 0.0010)."},
		{"better, and it is", Continuous, Plan{Label: "Pupils attended", Better: Higher}, c(WelchT, 2, 0.5, 3.5, 0.01),
			"Pupils attended 2.0 more (95% CI 0.5 to 3.5; p = 0.010): better than control."},
		{"lower is better, and it is worse", Count, Plan{Better: Lower}, c(NegBinGLM, 1.3, 1.1, 1.5, 0.01),
			"The rate of attendance was 30% higher in navigator than in control (95% CI 10% to 50%; p = 0.010): worse than control."},
		{"better, no clear difference", Binary, Plan{Better: Lower}, c(FisherExact, -0.05, -0.1, 0.01, 0.09),
			"The risk of attendance was 5.0 percentage points lower in navigator than in control (95% CI 1.0 higher to 10.0 lower; p = 0.090): no clear difference from control."},
		{"no effect at all", Continuous, Plan{}, c(WelchT, 0, -1, 1, 1),
			"Mean attendance was 0 higher in navigator than in control (95% CI 1 lower to 1 higher; p = 1.0)."},
		{"undefined estimate", Continuous, label, c(OLSCR2, nan, nan, nan, nan),
			"The effect of navigator against control on attendance could not be estimated."},
		{"undefined ratio", Count, Plan{}, c(PoissonExact, math.Inf(1), 1, math.Inf(1), 0.01),
			"The effect of navigator against control on attendance could not be estimated."},
		{"undefined interval and p", Continuous, Plan{}, c(OLSCR2, 2.5, nan, nan, nan),
			"Mean attendance was 2.5 higher in navigator than in control (95% CI undefined; p undefined)."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := &Result{Outcome: "attendance", Type: tc.typ, Level: 0.95, Plan: tc.plan, Comparisons: []Comparison{tc.c}}
			assert.Equal(t, tc.want, r.Headline(tc.c))
		})
	}
}

// With several treatment arms a labelled headline names its arms, and
// gives the adjusted p-value.
func TestHeadlineSeveralArms(t *testing.T) {
	nan := math.NaN()
	a := Comparison{Treatment: "call-in", Control: "control", Method: FisherExact, Estimate: -0.073, CILow: -0.18, CIHigh: 0.037,
		PValue: 0.21, PAdjusted: 0.42, RIPValue: nan}
	b := a
	b.Treatment = "letter"
	r := &Result{Outcome: "reoffended", Type: Binary, Level: 0.9, Plan: Plan{Label: "People were", Adjust: BH}, Comparisons: []Comparison{a, b}}
	assert.Equal(t, "call-in vs control: People were 7.3 percentage points less likely (90% CI 3.7 more to 18.0 less; p = 0.21; Benjamini-Hochberg-adjusted p = 0.42).", r.Headline(a))
}

// Analyse fills in every headline, which the JSON and the table carry.
func TestHeadlineInResult(t *testing.T) {
	res := analyseFile(t, dataAnalyse2+"focused_deterrence.csv", Columns{Outcome: "reoffended"}, Plan{Label: "People called in were", Unit: "to re-offend", Better: Lower})
	require.Len(t, res.Comparisons, 1)
	h := res.Comparisons[0].Headline
	assert.Equal(t, res.Headline(res.Comparisons[0]), h)
	assert.Contains(t, h, "People called in were")
	assert.Contains(t, h, "no clear difference from control")
}

func TestParseBetter(t *testing.T) {
	for s, want := range map[string]Better{"": Unstated, "higher": Higher, "lower": Lower} {
		got, err := ParseBetter(s)
		require.NoError(t, err)
		assert.Equal(t, want, got)
		assert.Equal(t, s, got.String())
	}
	_, err := ParseBetter("up")
	assert.Error(t, err)
	_, err = Plan{Better: 7}.withDefaults()
	assert.Error(t, err)
}
