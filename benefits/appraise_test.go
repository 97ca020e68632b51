package benefits

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/evalkit/evalkit/rct/analysis"
	"github.com/evalkit/evalkit/unitcost"
)

// irr08 is a count outcome's rate ratio of 0.8, 95% CI 0.65 to 0.98.
func irr08() Effect {
	return Effect{Treatment: "patrol", Control: "control", Method: analysis.NegBinGLM, Measure: RateRatio,
		Estimate: 0.8, CILow: 0.65, CIHigh: 0.98, Level: 0.95, SE: 0.1, DF: math.NaN()}
}

// The check: an IRR of 0.8 on 100 baseline crimes of violence with
// injury averts 100 × (1 - 0.8) = 20 crimes, worth 20 × £14,050 =
// £281,000 in 2015/16 prices, exactly; the interval from the CI 0.65 to
// 0.98 is 100 × (1 - 0.98) = 2 to 100 × (1 - 0.65) = 35 crimes, worth
// 2 × 14,050 = £28,100 to 35 × 14,050 = £491,750.
func TestAppraiseIRR08(t *testing.T) {
	r, err := Appraise(irr08(), Options{Crime: "violence_with_injury", Baseline: 100})
	require.NoError(t, err)
	assert.Equal(t, 20.0, r.Averted)
	assert.Equal(t, 2.0, r.AvertedLow)
	assert.Equal(t, 35.0, r.AvertedHigh)
	assert.Equal(t, 14050.0, r.UnitCost)
	assert.Equal(t, 2015, r.PriceYear)
	assert.Equal(t, 281000.0, r.Benefit)
	assert.Equal(t, 28100.0, r.BenefitLow)
	assert.Equal(t, 491750.0, r.BenefitHigh)
	assert.Equal(t, 1, r.Years)
	assert.Equal(t, 1.0, r.BenefitDiscount)
	// Without a cost, the cost, NPV, BCR and switching effect are undefined.
	for _, x := range []float64{r.TotalCost, r.NPV, r.NPVLow, r.NPVHigh, r.BCR, r.SwitchingEffect} {
		assert.True(t, math.IsNaN(x))
	}
	assert.Equal(t, -1, r.PaybackYear)
	assert.Empty(t, r.Warnings)
}

// With a yearly cost of £100,000 and a 20% optimism bias the cost is
// 100,000 × 1.2 = £120,000, the NPV 281,000 - 120,000 = £161,000 (CI
// 28,100 - 120,000 = -£91,900 to 491,750 - 120,000 = £371,750), the BCR
// 281,000 / 120,000 = 2.341667, and the switching effect
// 1 - 120,000 / (100 × 14,050) = 1 - 0.0854093 = 0.9145907: at a rate
// ratio of 0.9145907, 8.54093 crimes are averted, worth £120,000.
func TestAppraiseCost(t *testing.T) {
	r, err := Appraise(irr08(), Options{Crime: "violence_with_injury", Baseline: 100,
		Cost: &Cost{Intervention: "Patrol", Amount: 100000, PriceYear: 2015}, OptimismBias: 0.2})
	require.NoError(t, err)
	assert.Equal(t, 120000.0, r.YearlyCost)
	assert.Equal(t, 120000.0, r.TotalCost)
	assert.Equal(t, 161000.0, r.NPV)
	assert.Equal(t, -91900.0, r.NPVLow)
	assert.Equal(t, 371750.0, r.NPVHigh)
	assert.InDelta(t, 281000.0/120000, r.BCR, 1e-15)
	assert.InDelta(t, 2.341667, r.BCR, 5e-7)
	assert.InDelta(t, 28100.0/120000, r.BCRLow, 1e-15)
	assert.InDelta(t, 491750.0/120000, r.BCRHigh, 1e-15)
	assert.InDelta(t, 1-120000.0/1405000, r.SwitchingEffect, 1e-15)
	assert.InDelta(t, 0.9145907, r.SwitchingEffect, 5e-8)
	// At the switching effect the NPV is 0.
	sw, err := Appraise(Effect{Method: analysis.NegBinGLM, Measure: RateRatio, Estimate: r.SwitchingEffect, CILow: 0.5, CIHigh: 1, Level: 0.95},
		Options{Crime: "violence_with_injury", Baseline: 100, Cost: &Cost{Amount: 100000, PriceYear: 2015}, OptimismBias: 0.2})
	require.NoError(t, err)
	assert.InDelta(t, 0, sw.NPV, 1e-9)
	assert.Equal(t, 0, r.PaybackYear, "the first year's benefit covers its cost")
	assert.Empty(t, r.Warnings)
}

// Over 3 years, each year's benefit and cost are discounted at 3.5%:
// ΣD = 1 + 1/1.035 + 1/1.035² = 2.8996943, so the benefit is
// 281,000 × 2.8996943 = £814,814.09 and the cost 120,000 × 2.8996943 =
// £347,963.31.
func TestAppraiseYears(t *testing.T) {
	r, err := Appraise(irr08(), Options{Crime: "violence_with_injury", Baseline: 100, Years: 3,
		Cost: &Cost{Amount: 100000, PriceYear: 2015}, OptimismBias: 0.2})
	require.NoError(t, err)
	s := 1 + 1/1.035 + 1/(1.035*1.035)
	assert.InEpsilon(t, s, r.BenefitDiscount, 1e-14)
	assert.InEpsilon(t, 281000*s, r.Benefit, 1e-14)
	assert.InDelta(t, 814814.09, r.Benefit, 0.005)
	assert.InDelta(t, 347963.31, r.TotalCost, 0.005)
	assert.InEpsilon(t, 161000*s, r.NPV, 1e-12)
	// The switching effect does not depend on the years when both recur:
	// 1 - 120,000 ΣD / (100 × 14,050 × ΣD).
	assert.InDelta(t, 1-120000.0/1405000, r.SwitchingEffect, 1e-15)
}

// The payback year with the benefits at the health rate: a yearly benefit
// of £281,000 against a yearly cost of £286,000 over 5 years.
//
//	year 0: 281,000        - 286,000        = -5,000.00   cumulative -5,000.00
//	year 1: 281,000/1.015  - 286,000/1.035  =    518.79   cumulative -4,481.21
//	year 2: 281,000/1.015² - 286,000/1.035² =  5,771.89   cumulative  1,290.68
//
// so the benefits to date first cover the costs in year 2.
func TestAppraisePaybackHealth(t *testing.T) {
	r, err := Appraise(irr08(), Options{Crime: "violence_with_injury", Baseline: 100, Years: 5, Discount: Health,
		Cost: &Cost{Amount: 286000, PriceYear: 2015}})
	require.NoError(t, err)
	assert.Equal(t, 2, r.PaybackYear)
	assert.InEpsilon(t, 1+1/1.015+1/math.Pow(1.015, 2)+1/math.Pow(1.015, 3)+1/math.Pow(1.015, 4), r.BenefitDiscount, 1e-14)
	assert.InEpsilon(t, 1+1/1.035+1/math.Pow(1.035, 2)+1/math.Pow(1.035, 3)+1/math.Pow(1.035, 4), r.CostDiscount, 1e-14)
	// The same at the standard rate never pays back: 281,000 < 286,000 every year.
	r, err = Appraise(irr08(), Options{Crime: "violence_with_injury", Baseline: 100, Years: 5, Cost: &Cost{Amount: 286000, PriceYear: 2015}})
	require.NoError(t, err)
	assert.Equal(t, -1, r.PaybackYear)
}

// A binary outcome's risk difference of -0.10 (95% CI -0.18 to -0.02)
// among 200 people, for robbery at £11,320: 200 × 0.10 = 20 crimes
// averted (200 × 0.02 = 4 to 200 × 0.18 = 36), worth 20 × 11,320 =
// £226,400 (£45,280 to £407,520). Against a cost of £50,000 the switching
// effect is -50,000 / (200 × 11,320) = -0.0220848.
func TestAppraiseRiskDifference(t *testing.T) {
	e := Effect{Treatment: "deterrence", Control: "control", Method: analysis.FisherExact, Measure: RiskDifference,
		Estimate: -0.1, CILow: -0.18, CIHigh: -0.02, Level: 0.95, SE: math.NaN(), DF: math.NaN()}
	r, err := Appraise(e, Options{Crime: "Robbery", Baseline: 200, Cost: &Cost{Amount: 50000, PriceYear: 2015}})
	require.NoError(t, err)
	assert.Equal(t, 20.0, r.Averted)
	assert.Equal(t, 4.0, r.AvertedLow)
	assert.Equal(t, 36.0, r.AvertedHigh)
	assert.Equal(t, 226400.0, r.Benefit)
	assert.Equal(t, 45280.0, r.BenefitLow)
	assert.Equal(t, 407520.0, r.BenefitHigh)
	assert.InDelta(t, -50000.0/2264000, r.SwitchingEffect, 1e-17)
	assert.InDelta(t, -0.0220848, r.SwitchingEffect, 5e-8)
}

// Uprating: with the index 80 in 2015 and 100 in 2023, the unit cost is
// 14,050 × 100 / 80 = £17,562.50 in 2023 prices, and 20 crimes averted are
// worth 20 × 17,562.50 = £351,250, exactly.
func TestAppraiseUprated(t *testing.T) {
	r, err := Appraise(irr08(), Options{Crime: "violence_with_injury", Baseline: 100, PriceYear: 2023,
		Deflators: unitcost.Deflators{2015: 80, 2023: 100}, Cost: &Cost{Intervention: "Patrol", Amount: 1000}})
	require.NoError(t, err)
	assert.Equal(t, 17562.5, r.UnitCost)
	assert.Equal(t, 351250.0, r.Benefit)
	assert.Equal(t, 2023, r.PriceYear)
	assert.Equal(t, []string{"the cost of Patrol is at its amounts as written (no price year) and the benefit in 2023 prices: " +
		"cost the sheet and value the benefit in the prices of one year (--price-year and --deflators) to compare like with like"}, r.Warnings)

	_, err = Appraise(irr08(), Options{Crime: "violence_with_injury", Baseline: 100, PriceYear: 2023, Deflators: unitcost.Deflators{2023: 100}})
	assert.ErrorIs(t, err, unitcost.ErrYear)
	_, err = Appraise(irr08(), Options{Crime: "violence_with_injury", Baseline: 100, PriceYear: 2023, Deflators: unitcost.Deflators{2015: -1, 2023: 100}})
	assert.ErrorIs(t, err, ErrOptions)
}

// The one-way sensitivity of the NPV of TestAppraiseCost, v = 0.1:
//
//	effect         RR 0.65: 35 × 14,050 - 120,000 = 371,750;  RR 0.98: 2 × 14,050 - 120,000 = -91,900
//	unit_cost      20 × 12,645 - 120,000 = 132,900;           20 × 15,455 - 120,000 = 189,100
//	optimism_bias  281,000 - 110,000 = 171,000;               281,000 - 130,000 = 151,000
//
// widest first; one year has no discount rate to vary.
func TestAppraiseSensitivity(t *testing.T) {
	r, err := Appraise(irr08(), Options{Crime: "violence_with_injury", Baseline: 100, Sensitivity: 0.1,
		Cost: &Cost{Amount: 100000, PriceYear: 2015}, OptimismBias: 0.2})
	require.NoError(t, err)
	want := []Sensitivity{
		{Input: "effect", InputLow: 0.65, InputHigh: 0.98, Low: 371750, High: -91900, Spread: 463650},
		{Input: "unit_cost", InputLow: 12645, InputHigh: 15455, Low: 132900, High: 189100, Spread: 56200},
		{Input: "optimism_bias", InputLow: 0.1, InputHigh: 0.3, Low: 171000, High: 151000, Spread: 20000},
	}
	// Exactly: the money is held as the rationals of the decimals given.
	assert.Equal(t, want, r.Sensitivity)

	// Over 2 years the discount rate is varied too: every rate × 0.9 and
	// × 1.1, so year 1 is discounted at 3.15% and 3.85%; the NPV is
	// 161,000 × (1 + 1/1.0315) and 161,000 × (1 + 1/1.0385).
	r, err = Appraise(irr08(), Options{Crime: "violence_with_injury", Baseline: 100, Years: 2, Sensitivity: 0.1,
		Cost: &Cost{Amount: 100000, PriceYear: 2015}, OptimismBias: 0.2})
	require.NoError(t, err)
	var d *Sensitivity
	for i := range r.Sensitivity {
		if r.Sensitivity[i].Input == "discount_rate" {
			d = &r.Sensitivity[i]
		}
	}
	require.NotNil(t, d)
	assert.InDelta(t, 0.0315, d.InputLow, 1e-15)
	assert.InDelta(t, 0.0385, d.InputHigh, 1e-15)
	assert.InEpsilon(t, 161000*(1+1/1.0315), d.Low, 1e-12)
	assert.InEpsilon(t, 161000*(1+1/1.0385), d.High, 1e-12)

	// Without a cost the benefit is varied, and there is no optimism bias.
	r, err = Appraise(irr08(), Options{Crime: "violence_with_injury", Baseline: 100, Sensitivity: 0.1})
	require.NoError(t, err)
	require.Len(t, r.Sensitivity, 2)
	assert.InDelta(t, 491750, r.Sensitivity[0].Low, 1e-6)
	assert.Equal(t, "benefit", r.sensitivityMeasure())
}

func TestAppraiseHarm(t *testing.T) {
	// 20 crimes averted × 365 days = 7,300 days (2 × 365 = 730 to 35 × 365 = 12,775).
	r, err := Appraise(irr08(), Options{Crime: "violence_with_injury", Baseline: 100, HarmWeights: HarmWeights{"violence_with_injury": 365}})
	require.NoError(t, err)
	require.NotNil(t, r.Harm)
	assert.Equal(t, Harm{Weight: 365, Averted: 7300, Low: 730, High: 12775}, *r.Harm)
	_, err = Appraise(irr08(), Options{Crime: "violence_with_injury", Baseline: 100, HarmWeights: HarmWeights{"robbery": 1}})
	assert.ErrorIs(t, err, ErrCrime)
}

func TestAppraiseWarnings(t *testing.T) {
	// An interval that includes no effect, and an estimate that is an
	// increase in crime.
	e := irr08()
	e.Estimate, e.CILow, e.CIHigh = 1.2, 0.9, 1.6
	r, err := Appraise(e, Options{Crime: "violence_with_injury", Baseline: 100})
	require.NoError(t, err)
	assert.Equal(t, -20.0, r.Averted) // 100 × (1 - 1.2)
	assert.Equal(t, []string{
		"the effect's 95% interval (rate ratio 0.9 to 1.6) includes no effect (1), so the benefit's interval includes 0 and harm",
		"the estimate (rate ratio 1.2) is an increase in crime: the crimes averted and the benefit are negative",
	}, r.Warnings)

	// poisson_exact with no control events: an infinite upper bound.
	e = irr08()
	e.CIHigh = math.Inf(1)
	r, err = Appraise(e, Options{Crime: "violence_with_injury", Baseline: 100})
	require.NoError(t, err)
	assert.True(t, math.IsInf(r.AvertedLow, -1))
	assert.Equal(t, 35.0, r.AvertedHigh)
	assert.Contains(t, r.Warnings[0], "interval is undefined or infinite")
	j, err := r.JSON().MarshalJSON()
	require.NoError(t, err)
	assert.Contains(t, string(j), `"averted_ci_low":null`)
}

// A cost that no effect can repay: 1,000 × 14,050 = £14,050,000 of
// crimes to avert, from a baseline of 100 crimes worth £1,405,000; the
// switching effect is 1 - 14,050,000 / 1,405,000 = -9.
func TestAppraiseUnrepayable(t *testing.T) {
	r, err := Appraise(irr08(), Options{Crime: "violence_with_injury", Baseline: 100, Cost: &Cost{Amount: 14050000, PriceYear: 2015}})
	require.NoError(t, err)
	assert.Equal(t, -9.0, r.SwitchingEffect)
	assert.Equal(t, []string{"no effect can repay the cost: the switching effect (rate ratio -9) is beyond what a rate ratio can be"}, r.Warnings)
}

func TestAppraiseErrors(t *testing.T) {
	cost := &Cost{Amount: 1}
	for _, tc := range []struct {
		name string
		e    Effect
		opt  Options
		err  error
	}{
		{"no crime", irr08(), Options{Baseline: 100}, ErrOptions},
		{"unknown crime", irr08(), Options{Crime: "shoplifting", Baseline: 100}, ErrCrime},
		{"no baseline", irr08(), Options{Crime: "rape"}, ErrOptions},
		{"infinite baseline", irr08(), Options{Crime: "rape", Baseline: math.Inf(1)}, ErrOptions},
		{"too many years", irr08(), Options{Crime: "rape", Baseline: 1, Years: 126}, ErrOptions},
		{"negative years", irr08(), Options{Crime: "rape", Baseline: 1, Years: -1}, ErrOptions},
		{"bias as a percentage", irr08(), Options{Crime: "rape", Baseline: 1, Cost: cost, OptimismBias: 20}, ErrOptions},
		{"bias without a cost", irr08(), Options{Crime: "rape", Baseline: 1, OptimismBias: 0.2}, ErrOptions},
		{"NaN bias", irr08(), Options{Crime: "rape", Baseline: 1, Cost: cost, OptimismBias: math.NaN()}, ErrOptions},
		{"sensitivity 1", irr08(), Options{Crime: "rape", Baseline: 1, Sensitivity: 1}, ErrOptions},
		{"too few draws", irr08(), Options{Crime: "rape", Baseline: 1, Simulate: 10}, ErrOptions},
		{"deflators without a year", irr08(), Options{Crime: "rape", Baseline: 1, Deflators: unitcost.Deflators{2015: 1}}, ErrOptions},
		{"a year without deflators", irr08(), Options{Crime: "rape", Baseline: 1, PriceYear: 2023}, ErrOptions},
		{"bad schedule", irr08(), Options{Crime: "rape", Baseline: 1, Discount: 7}, ErrOptions},
		{"negative cost", irr08(), Options{Crime: "rape", Baseline: 1, Cost: &Cost{Amount: -1}}, ErrCost},
		{"undefined estimate", Effect{Measure: RateRatio, Estimate: math.NaN(), Level: 0.95}, Options{Crime: "rape", Baseline: 1}, ErrEffect},
		{"negative rate ratio", Effect{Measure: RateRatio, Estimate: -0.5, Level: 0.95}, Options{Crime: "rape", Baseline: 1}, ErrEffect},
		{"risk difference beyond 1", Effect{Measure: RiskDifference, Estimate: 1.5, Level: 0.95}, Options{Crime: "rape", Baseline: 1}, ErrEffect},
		{"no level", Effect{Measure: RateRatio, Estimate: 0.8}, Options{Crime: "rape", Baseline: 1}, ErrEffect},
		{"interval reversed", Effect{Measure: RateRatio, Estimate: 0.8, CILow: 0.9, CIHigh: 0.7, Level: 0.95}, Options{Crime: "rape", Baseline: 1}, ErrEffect},
		{"estimate outside its interval", Effect{Measure: RateRatio, Estimate: 0.8, CILow: 0.85, CIHigh: 0.9, Level: 0.95}, Options{Crime: "rape", Baseline: 1}, ErrEffect},
	} {
		_, err := Appraise(tc.e, tc.opt)
		assert.ErrorIs(t, err, tc.err, tc.name)
	}
}
