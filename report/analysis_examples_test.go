package report

import (
	"math"
	"math/rand/v2"
	"time"
)

// analysisExampleDate is the fixed date of the example reports.
var analysisExampleDate = time.Date(2024, 3, 14, 9, 30, 0, 0, time.UTC)

// analysisExampleNormals returns n deterministic normal draws with mean mu and sd s.
func analysisExampleNormals(seed uint64, n int, mu, s float64) []float64 {
	r := rand.New(rand.NewPCG(seed, 99))
	v := make([]float64, n)
	for i := range v {
		v[i] = mu + s*r.NormFloat64()
	}
	return v
}

// analysisExampleBinary returns n deterministic 0/1 values with P(1) = p.
func analysisExampleBinary(seed uint64, n int, p float64) []float64 {
	r := rand.New(rand.NewPCG(seed, 98))
	v := make([]float64, n)
	for i := range v {
		if r.Float64() < p {
			v[i] = 1
		}
	}
	return v
}

// analysisExamplePoisson returns n deterministic Poisson counts with mean mu
// (inversion; mu small).
func analysisExamplePoisson(seed uint64, n int, mu float64) []float64 {
	r := rand.New(rand.NewPCG(seed, 97))
	v := make([]float64, n)
	for i := range v {
		u, k, p := r.Float64(), 0.0, math.Exp(-mu)
		c := p
		for u > c && k < 1000 {
			k++
			p *= mu / k
			c += p
		}
		v[i] = k
	}
	return v
}

// analysisExampleNavigators is a small continuous trial with covariates: schools'
// attendance in two arms.
func analysisExampleNavigators() Analysis {
	return Analysis{
		Title:       "School navigators: attendance in the spring term",
		DataFile:    "navigators.csv",
		DataSHA256:  "3f1c9a2b7d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8",
		Version:     "0.1.0",
		Date:        analysisExampleDate,
		Outcome:     "attendance",
		OutcomeUnit: "% of sessions",
		OutcomeType: "continuous",
		Units:       "pupils",
		Level:       0.95,
		Arms: []ArmSummary{
			{Arm: "control", Randomised: 44, Analysed: 40, Missing: 4, Values: analysisExampleNormals(1, 40, 88, 6)},
			{Arm: "navigator", Randomised: 45, Analysed: 42, Missing: 3, Values: analysisExampleNormals(2, 42, 91, 5)},
		},
		Comparisons: []Comparison{{
			Treatment: "navigator", Control: "control", Method: "ols_hc2",
			Measure:  "difference in mean attendance (percentage points)",
			Sentence: "Difference in mean attendance adjusted for prior attendance and year group, by least squares with HC2 robust standard errors.",
			Estimate: 3.1, Low: 0.7, High: 5.5, P: 0.012,
			EffectSizes: []Effect{{Measure: "adjusted_g", Value: 0.55, Low: 0.12, High: 0.98}},
		}},
		Balance: []BalanceRow{
			{Covariate: "prior attendance", Arm: "navigator", SMD: 0.04},
			{Covariate: "year group", Arm: "navigator", SMD: -0.13},
			{Covariate: "free school meals", Arm: "navigator", SMD: 0.08},
		},
	}
}

// analysisExampleDeterrence is a binary trial with three arms.
func analysisExampleDeterrence() Analysis {
	return Analysis{
		Title:       "Focused deterrence: re-offending within 12 months",
		DataFile:    "focused_deterrence.csv",
		DataSHA256:  "a9b8c7d6e5f40312a9b8c7d6e5f40312a9b8c7d6e5f40312a9b8c7d6e5f40312",
		Version:     "0.1.0",
		Date:        analysisExampleDate,
		Outcome:     "reoffended",
		OutcomeType: "binary",
		Units:       "people",
		Arms: []ArmSummary{
			{Arm: "control", Randomised: 160, Analysed: 151, Missing: 9, Values: analysisExampleBinary(3, 151, 0.42), Summary: "66 of 151 (43.7%)"},
			{Arm: "call-in", Randomised: 158, Analysed: 150, Missing: 8, Values: analysisExampleBinary(4, 150, 0.35)},
			{Arm: "call-in + support", Randomised: 161, Analysed: 149, Missing: 12, Values: analysisExampleBinary(5, 149, 0.28)},
		},
		Comparisons: []Comparison{
			{
				Treatment: "call-in", Control: "control", Method: "fisher_exact", Measure: "risk difference",
				Sentence: "Risk difference with Newcombe's hybrid score interval; p-value from Fisher's exact test.",
				Estimate: -0.073, Low: -0.18, High: 0.037, P: 0.21,
				EffectSizes: []Effect{
					{Measure: "risk_ratio", Value: 0.83, Low: 0.63, High: 1.09, Log: true},
					{Measure: "odds_ratio", Value: 0.74, Low: 0.46, High: 1.18, Log: true},
				},
			},
			{
				Treatment: "call-in + support", Control: "control", Method: "fisher_exact", Measure: "risk difference",
				Sentence: "Risk difference with Newcombe's hybrid score interval; p-value from Fisher's exact test.",
				Estimate: -0.14, Low: -0.24, High: -0.03, P: 0.0008,
				EffectSizes: []Effect{
					{Measure: "risk_ratio", Value: 0.66, Low: 0.49, High: 0.90, Log: true},
					{Measure: "odds_ratio", Value: 0.55, Low: 0.34, High: 0.89, Log: true},
				},
			},
		},
	}
}

// analysisExampleHotspots is a large count trial (histograms).
func analysisExampleHotspots(n int) Analysis {
	return Analysis{
		Title:       "Hotspot policing: crimes in 12 weeks of follow-up",
		DataFile:    "hotspots.csv",
		DataSHA256:  "0011223344556677889900112233445566778899001122334455667788990011",
		Version:     "0.1.0",
		Date:        analysisExampleDate,
		Outcome:     "crimes",
		OutcomeUnit: "count in 12 weeks",
		OutcomeType: "count",
		Units:       "places",
		Arms: []ArmSummary{
			{Arm: "control", Randomised: n/2 + 10, Analysed: n / 2, Missing: 10, Values: analysisExamplePoisson(6, n/2, 3.2)},
			{Arm: "patrol", Randomised: n/2 + 5, Analysed: n / 2, Missing: 5, Values: analysisExamplePoisson(7, n/2, 2.6)},
		},
		Comparisons: []Comparison{{
			Treatment: "patrol", Control: "control", Method: "negbin_glm", Measure: "rate ratio",
			Sentence: "Rate ratio from a negative-binomial regression of crimes on arm, Wald interval.",
			Estimate: 0.81, Low: 0.78, High: 0.84, P: 1e-12, NullValue: 1, Log: true,
		}},
	}
}

// analysisExampleAwkward has an arm without values, a ratio that is not
// estimable, an open interval and an undefined standardised difference.
func analysisExampleAwkward() Analysis {
	return Analysis{
		Title:       "Custody navigators: referrals (awkward data)",
		DataFile:    "custody.csv",
		Version:     "0.1.0",
		Outcome:     "referred",
		OutcomeType: "binary",
		Arms: []ArmSummary{
			{Arm: "control", Randomised: 12, Analysed: 12, Values: analysisExampleBinary(8, 12, 0.1)},
			{Arm: "navigator", Randomised: 12, Analysed: 11, Missing: 1, Values: []float64{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, math.NaN()}},
			{Arm: "navigator <b>plus</b>", Randomised: 3, Analysed: 0, Missing: 3},
		},
		Comparisons: []Comparison{
			{
				Treatment: "navigator", Control: "control", Method: "fisher_exact", Measure: "risk difference",
				Sentence: "Risk difference; no events in the navigator arm.",
				Estimate: -0.083, Low: -0.35, High: 0.2, P: 1,
				EffectSizes: []Effect{
					{Measure: "risk_ratio", Value: 0, Low: 0, High: math.Inf(1), Log: true},
					{Measure: "odds_ratio", Value: 0.33, Low: 0.012, High: 9.1, Log: true},
				},
			},
			{
				Treatment: "navigator <b>plus</b>", Control: "control", Method: "fisher_exact", Measure: "risk difference",
				Sentence: "Risk difference with Newcombe's hybrid score interval.",
				Notes:    []string{"Not estimable: no outcomes were recorded in the arm."},
				Estimate: math.NaN(), Low: math.NaN(), High: math.NaN(), P: math.NaN(),
			},
		},
		Balance: []BalanceRow{
			{Covariate: "age", Arm: "navigator", SMD: 0.31},
			{Covariate: "age", Arm: "navigator <b>plus</b>", SMD: -0.45},
			{Covariate: "prior arrests", Arm: "navigator", SMD: math.NaN()},
			{Covariate: "prior arrests", Arm: "navigator <b>plus</b>", SMD: 0.02},
		},
	}
}

// analysisExampleManyArms has six arms with long names, to show that
// labels do not overlap.
func analysisExampleManyArms() Analysis {
	names := []string{"control", "call-in", "call-in plus support worker", "call-in plus housing and employment", "letter only", "letter plus text message reminders"}
	a := Analysis{
		Title: "Six arms with long names", DataFile: "many.csv", Version: "0.1.0", Date: analysisExampleDate,
		Outcome: "days to re-offence", OutcomeUnit: "days", OutcomeType: "continuous", Level: 0.9,
	}
	for i, n := range names {
		v := analysisExampleNormals(uint64(30+i), 25+i, 200+10*float64(i), 40)
		a.Arms = append(a.Arms, ArmSummary{Arm: n, Randomised: len(v) + i, Analysed: len(v), Missing: i, Values: v})
		if i > 0 {
			d := 10 * float64(i)
			a.Comparisons = append(a.Comparisons, Comparison{
				Treatment: n, Control: "control", Method: "welch_t", Measure: "difference in mean days",
				Sentence: "Welch's t-test.", Estimate: d, Low: d - 20, High: d + 20, P: 0.3,
				EffectSizes: []Effect{{Measure: "hedges_g", Value: d / 40, Low: d/40 - 0.5, High: d/40 + 0.5}},
			})
			a.Balance = append(a.Balance, BalanceRow{Covariate: "age", Arm: n, SMD: 0.05 * float64(i-3)},
				BalanceRow{Covariate: "prior offences", Arm: n, SMD: -0.03 * float64(i)})
		}
	}
	return a
}
