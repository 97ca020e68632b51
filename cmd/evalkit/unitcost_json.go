package main

import "github.com/evalkit/evalkit/unitcost"

// unitcostJSON is the --json object of the contract ("evalkit unitcost").
// Keys added beyond the contract: sensitivity_share at the top,
// nominal_cost and sensitivity in each intervention and nominal_cost in
// the total, npv in each outcome.
type unitcostJSON struct {
	PriceYear        *int                 `json:"price_year"`    // null: amounts as written
	DiscountRate     *float64             `json:"discount_rate"` // null: not discounted
	BaseYear         *int                 `json:"base_year"`     // null: not discounted
	SensitivityShare float64              `json:"sensitivity_share"`
	Interventions    []unitcostJSONInterv `json:"interventions"`
	Total            unitcostJSONTotal    `json:"total"`
	Warnings         []string             `json:"warnings"`
}

type unitcostJSONInterv struct {
	Intervention  string                  `json:"intervention"`
	TotalCost     float64                 `json:"total_cost"`
	NominalCost   float64                 `json:"nominal_cost"`
	People        int64                   `json:"people"`
	CostPerPerson float64                 `json:"cost_per_person"`
	Groups        []unitcostJSONGroup     `json:"groups"`
	ByCategory    map[string]float64      `json:"by_category"`
	ByFunder      map[string]float64      `json:"by_funder"`
	Outcomes      *[]unitcostJSONOutcome  `json:"outcomes,omitempty"`
	Sensitivity   []unitcostJSONSensitive `json:"sensitivity"`
}

type unitcostJSONGroup struct {
	Group  string  `json:"group"`
	People int64   `json:"people"`
	Cost   float64 `json:"cost"`
}

type unitcostJSONOutcome struct {
	Outcome        string  `json:"outcome"`
	Count          float64 `json:"count"`
	CostPerOutcome float64 `json:"cost_per_outcome"`
	Benefit        float64 `json:"benefit"`
	BCR            float64 `json:"bcr"`
	NPV            float64 `json:"npv"`
}

type unitcostJSONSensitive struct {
	Input string  `json:"input"`
	Down  float64 `json:"cost_per_person_down"`
	Up    float64 `json:"cost_per_person_up"`
	Width float64 `json:"spread"`
}

type unitcostJSONTotal struct {
	TotalCost     float64            `json:"total_cost"`
	NominalCost   float64            `json:"nominal_cost"`
	People        int64              `json:"people"`
	CostPerPerson float64            `json:"cost_per_person"`
	ByCategory    map[string]float64 `json:"by_category"`
	ByFunder      map[string]float64 `json:"by_funder"`
}

// unitcostJSONOf converts a result; outcomes says whether an outcomes sheet
// was given (then every intervention has an outcomes list, maybe empty).
func unitcostJSONOf(res *unitcost.Result, outcomes bool) *unitcostJSON {
	j := &unitcostJSON{SensitivityShare: res.Sensitivity, Warnings: append([]string{}, res.Warnings...)}
	if res.PriceYear != 0 {
		j.PriceYear = &res.PriceYear
	}
	if res.DiscountRate != 0 || res.BaseYear != 0 {
		j.DiscountRate, j.BaseYear = &res.DiscountRate, &res.BaseYear
	}
	j.Interventions = make([]unitcostJSONInterv, 0, len(res.Interventions))
	for _, iv := range res.Interventions {
		ji := unitcostJSONInterv{
			Intervention:  iv.Name,
			TotalCost:     iv.TotalCost,
			NominalCost:   iv.NominalCost.Pounds(),
			People:        iv.People,
			CostPerPerson: iv.CostPerPerson,
			Groups:        []unitcostJSONGroup{},
			ByCategory:    unitcostCategoryKeys(iv.ByCategory),
			ByFunder:      iv.ByFunder,
		}
		for _, g := range iv.Groups {
			ji.Groups = append(ji.Groups, unitcostJSONGroup{Group: g.Group, People: g.People, Cost: g.Cost})
		}
		if outcomes {
			list := []unitcostJSONOutcome{}
			for _, o := range iv.Outcomes {
				list = append(list, unitcostJSONOutcome{Outcome: o.Outcome, Count: o.Count, CostPerOutcome: o.CostPerOutcome, Benefit: o.Benefit, BCR: o.BCR, NPV: o.NPV})
			}
			ji.Outcomes = &list
		}
		for _, s := range iv.Sensitivity {
			ji.Sensitivity = append(ji.Sensitivity, unitcostJSONSensitive{Input: s.Input, Down: s.Down, Up: s.Up, Width: s.Spread})
		}
		j.Interventions = append(j.Interventions, ji)
	}
	t := res.Total
	j.Total = unitcostJSONTotal{TotalCost: t.TotalCost, NominalCost: t.NominalCost.Pounds(), People: t.People,
		CostPerPerson: t.CostPerPerson, ByCategory: unitcostCategoryKeys(t.ByCategory), ByFunder: t.ByFunder}
	return j
}

func unitcostCategoryKeys(m map[unitcost.Category]float64) map[string]float64 {
	out := make(map[string]float64, len(m))
	for c, v := range m {
		out[c.String()] = v
	}
	return out
}
