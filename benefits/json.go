package benefits

import "github.com/evalkit/evalkit/internal/jsonenc"

// JSON is a Result as evalkit benefits --json prints it: the contract's
// keys (averted, averted_ci_low, averted_ci_high, benefit,
// benefit_ci_low, benefit_ci_high, cost, npv, npv_ci_low, npv_ci_high,
// bcr, switching_effect, unit_cost, price_year) and the additions below.
// It marshals with encoding/json, an undefined quantity (NaN, ±Inf) as
// null; money is in pounds in the prices of price_year.
type JSON struct {
	Averted         float64 `json:"averted"`
	AvertedCILow    float64 `json:"averted_ci_low"`
	AvertedCIHigh   float64 `json:"averted_ci_high"`
	Benefit         float64 `json:"benefit"`
	BenefitCILow    float64 `json:"benefit_ci_low"`
	BenefitCIHigh   float64 `json:"benefit_ci_high"`
	Cost            float64 `json:"cost"`
	NPV             float64 `json:"npv"`
	NPVCILow        float64 `json:"npv_ci_low"`
	NPVCIHigh       float64 `json:"npv_ci_high"`
	BCR             float64 `json:"bcr"`
	SwitchingEffect float64 `json:"switching_effect"`
	UnitCost        float64 `json:"unit_cost"`
	PriceYear       int     `json:"price_year"`

	// The effect valued.
	Crime        string  `json:"crime"`
	CrimeName    string  `json:"crime_name"`
	Treatment    string  `json:"treatment"`
	Control      string  `json:"control"`
	Method       string  `json:"method"`
	Measure      string  `json:"measure"`
	Estimate     float64 `json:"estimate"`
	EffectCILow  float64 `json:"effect_ci_low"`
	EffectCIHigh float64 `json:"effect_ci_high"`
	Level        float64 `json:"level"`
	Baseline     float64 `json:"baseline"`
	// The unit cost as the table gives it, its price year and source.
	UnitCostTable     float64 `json:"unit_cost_table"`
	UnitCostPriceYear int     `json:"unit_cost_price_year"`
	UnitCostSource    string  `json:"unit_cost_source"`
	// The years and their discounting.
	Years                 int     `json:"years"`
	Discount              string  `json:"discount"`
	DiscountFactorSum     float64 `json:"discount_factor_sum"`
	CostDiscountFactorSum float64 `json:"cost_discount_factor_sum"`
	// The cost: null without one.
	Intervention *string `json:"intervention"`
	OptimismBias float64 `json:"optimism_bias"`
	YearlyCost   float64 `json:"yearly_cost"`
	BCRCILow     float64 `json:"bcr_ci_low"`
	BCRCIHigh    float64 `json:"bcr_ci_high"`
	PaybackYear  *int    `json:"payback_year"`
	// Harm is null without harm weights.
	Harm *HarmJSON `json:"harm"`
	// SensitivityMeasure is npv or benefit (null without a sensitivity
	// analysis), and Sensitivity is empty, not null, without one.
	SensitivityShare   float64       `json:"sensitivity_share"`
	SensitivityMeasure *string       `json:"sensitivity_measure"`
	Sensitivity        []Sensitivity `json:"sensitivity"`
	// Simulation is null without --simulate.
	Simulation *SimulationJSON `json:"simulation"`
	// Warnings is empty, not null, when there are none.
	Warnings []string `json:"warnings"`
}

// HarmJSON is the harm averted.
type HarmJSON struct {
	Weight  float64 `json:"weight"`
	Averted float64 `json:"averted"`
	CILow   float64 `json:"ci_low"`
	CIHigh  float64 `json:"ci_high"`
}

// SimulationJSON is the Monte Carlo interval.
type SimulationJSON struct {
	Draws            int      `json:"draws"`
	Seed             uint64   `json:"seed"`
	SE               float64  `json:"se"`
	SEFromCI         bool     `json:"se_from_ci"`
	Averted          Interval `json:"averted"`
	Benefit          Interval `json:"benefit"`
	NPV              Interval `json:"npv"`
	PNPVPositive     float64  `json:"p_npv_positive"`
	PNPVPositiveMCSE float64  `json:"p_npv_positive_mc_se"`
}

// MarshalJSON returns the object that evalkit benefits --json prints, with
// null for NaN and ±Inf.
func (j JSON) MarshalJSON() ([]byte, error) {
	type plain JSON
	return jsonenc.Marshal(plain(j))
}

// JSON returns the result in the form of evalkit benefits --json.
func (r *Result) JSON() *JSON {
	e := r.Effect
	j := &JSON{Averted: r.Averted, AvertedCILow: r.AvertedLow, AvertedCIHigh: r.AvertedHigh,
		Benefit: r.Benefit, BenefitCILow: r.BenefitLow, BenefitCIHigh: r.BenefitHigh,
		Cost: r.TotalCost, NPV: r.NPV, NPVCILow: r.NPVLow, NPVCIHigh: r.NPVHigh, BCR: r.BCR,
		SwitchingEffect: r.SwitchingEffect, UnitCost: r.UnitCost, PriceYear: r.PriceYear,
		Crime: r.Crime.Crime, CrimeName: r.Crime.Name, Treatment: e.Treatment, Control: e.Control,
		Method: e.Method.String(), Measure: e.Measure.String(), Estimate: e.Estimate, EffectCILow: e.CILow,
		EffectCIHigh: e.CIHigh, Level: e.Level, Baseline: r.Baseline,
		UnitCostTable: r.Crime.Total.Pounds(), UnitCostPriceYear: r.Crime.PriceYear, UnitCostSource: r.Crime.Source,
		Years: r.Years, Discount: r.Discount.String(), DiscountFactorSum: r.BenefitDiscount, CostDiscountFactorSum: r.CostDiscount,
		OptimismBias: r.OptimismBias, YearlyCost: r.YearlyCost, BCRCILow: r.BCRLow, BCRCIHigh: r.BCRHigh,
		SensitivityShare: r.SensitivityShare, Sensitivity: append([]Sensitivity{}, r.Sensitivity...),
		Warnings: append([]string{}, r.Warnings...)}
	if r.Cost != nil {
		name := r.Cost.Intervention
		j.Intervention = &name
	}
	if r.PaybackYear >= 0 {
		y := r.PaybackYear
		j.PaybackYear = &y
	}
	if h := r.Harm; h != nil {
		j.Harm = &HarmJSON{Weight: h.Weight, Averted: h.Averted, CILow: h.Low, CIHigh: h.High}
	}
	if r.Sensitivity != nil {
		m := r.sensitivityMeasure()
		j.SensitivityMeasure = &m
	}
	if s := r.Simulation; s != nil {
		j.Simulation = &SimulationJSON{Draws: s.Draws, Seed: s.Seed, SE: s.SE, SEFromCI: s.SEFromCI,
			Averted: s.Averted, Benefit: s.Benefit, NPV: s.NPV, PNPVPositive: s.PNPVPositive, PNPVPositiveMCSE: s.PNPVPositiveSE}
	}
	return j
}

// sensitivityMeasure is what the sensitivity analysis varies: npv, or
// benefit without a cost.
func (r *Result) sensitivityMeasure() string {
	if r.Cost != nil {
		return "npv"
	}
	return "benefit"
}
