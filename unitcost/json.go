package unitcost

import "github.com/evalkit/evalkit/internal/jsonenc"

// JSON is a Result as evalkit unitcost --json prints it: the contract's
// keys, and beyond them sensitivity_share at the top, nominal_cost and
// sensitivity in each intervention, nominal_cost in the total and npv in
// each outcome. It marshals with encoding/json, an undefined quantity (NaN)
// as null; money is in pounds.
type JSON struct {
	// PriceYear is nil when the amounts are taken as written.
	PriceYear *int `json:"price_year"`
	// DiscountRate and BaseYear are nil when costs are not discounted.
	DiscountRate *float64 `json:"discount_rate"`
	BaseYear     *int     `json:"base_year"`
	// SensitivityShare is the share each input was varied by; 0 for none.
	SensitivityShare float64 `json:"sensitivity_share"`
	// Interventions are in the order of their first cost line.
	Interventions []InterventionJSON `json:"interventions"`
	// Total is the programme as a whole.
	Total TotalJSON `json:"total"`
	// Warnings is empty, not nil, when there are none.
	Warnings []string `json:"warnings"`
}

// MarshalJSON returns the object that evalkit unitcost --json prints, with
// null for NaN.
func (j JSON) MarshalJSON() ([]byte, error) {
	type plain JSON
	return jsonenc.Marshal(plain(j))
}

// InterventionJSON is an Intervention as the contract's JSON holds it.
type InterventionJSON struct {
	Intervention  string  `json:"intervention"`
	TotalCost     float64 `json:"total_cost"`
	NominalCost   float64 `json:"nominal_cost"`
	People        int64   `json:"people"`
	CostPerPerson float64 `json:"cost_per_person"`
	// Groups is empty, not nil, for an intervention without reach.
	Groups     []Group              `json:"groups"`
	ByCategory map[Category]float64 `json:"by_category"`
	ByFunder   map[string]float64   `json:"by_funder"`
	// Outcomes is nil, and left out, when no outcomes were costed at all.
	Outcomes    *[]OutcomeCost `json:"outcomes,omitempty"`
	Sensitivity []Sensitivity  `json:"sensitivity"`
}

// TotalJSON is a Total as the contract's JSON holds it.
type TotalJSON struct {
	TotalCost     float64              `json:"total_cost"`
	NominalCost   float64              `json:"nominal_cost"`
	People        int64                `json:"people"`
	CostPerPerson float64              `json:"cost_per_person"`
	ByCategory    map[Category]float64 `json:"by_category"`
	ByFunder      map[string]float64   `json:"by_funder"`
}

// JSON returns the result in the form of the contract's JSON.
func (r *Result) JSON() *JSON {
	j := &JSON{SensitivityShare: r.Sensitivity, Warnings: append([]string{}, r.Warnings...)}
	if r.PriceYear != 0 {
		y := r.PriceYear
		j.PriceYear = &y
	}
	if r.DiscountRate != 0 || r.BaseYear != 0 {
		rate, y := r.DiscountRate, r.BaseYear
		j.DiscountRate, j.BaseYear = &rate, &y
	}
	j.Interventions = make([]InterventionJSON, len(r.Interventions))
	for i, iv := range r.Interventions {
		j.Interventions[i] = InterventionJSON{Intervention: iv.Name, TotalCost: iv.TotalCost, NominalCost: iv.NominalCost.Pounds(),
			People: iv.People, CostPerPerson: iv.CostPerPerson, Groups: append([]Group{}, iv.Groups...),
			ByCategory: iv.ByCategory, ByFunder: iv.ByFunder, Sensitivity: iv.Sensitivity}
		if iv.Outcomes != nil {
			o := append([]OutcomeCost{}, iv.Outcomes...)
			j.Interventions[i].Outcomes = &o
		}
	}
	t := r.Total
	j.Total = TotalJSON{TotalCost: t.TotalCost, NominalCost: t.NominalCost.Pounds(), People: t.People,
		CostPerPerson: t.CostPerPerson, ByCategory: t.ByCategory, ByFunder: t.ByFunder}
	return j
}
