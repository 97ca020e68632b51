package unitcost

// Result is the cost of each intervention, per person and per outcome. All
// money in it is in pounds, in the prices of PriceYear and discounted to
// BaseYear; an undefined quantity is NaN.
type Result struct {
	// PriceYear is the year whose prices the costs are in; 0 when the
	// amounts are taken as written (nominal prices).
	PriceYear int
	// DiscountRate is the yearly rate applied after BaseYear; 0 for none.
	DiscountRate float64
	// BaseYear is the year discounted to; 0 when there is no discounting.
	BaseYear int
	// Sensitivity is the share by which each input was varied; 0 for none.
	Sensitivity float64
	// Interventions holds one entry per intervention, in the order of
	// their first cost line.
	Interventions []Intervention
	// Total is the programme as a whole.
	Total Total
	// Warnings are problems that leave a quantity undefined or that a
	// reader should know of, in plain sentences.
	Warnings []string
}

// Intervention is one intervention's costs.
type Intervention struct {
	// Name is the intervention's name as the sheets write it.
	Name string
	// NominalCost is the sum of the amounts as written, exact to the penny.
	NominalCost Pence
	// TotalCost is the full economic cost, every category included, in
	// real terms and discounted.
	TotalCost float64
	// People is the number of people reached, over all groups.
	People int64
	// CostPerPerson is TotalCost / People; NaN when People is 0.
	CostPerPerson float64
	// Groups holds the cost shared among the groups by headcount, in the
	// order of their first row in the reach sheet.
	Groups []Group
	// ByCategory maps every category to its cost (0 when it has no lines).
	ByCategory map[Category]float64
	// ByFunder maps each funder to the cost it bears or gives in kind;
	// lines without a funder count as Unspecified.
	ByFunder map[string]float64
	// Outcomes holds the cost per outcome and the benefits, one entry per
	// outcome in the order of the outcomes sheet; nil when Calculate was
	// given no outcomes (a nil slice), empty when none are this
	// intervention's.
	Outcomes []OutcomeCost
	// Sensitivity holds the one-way sensitivity of CostPerPerson, widest
	// spread first; nil when it was not asked for or People is 0.
	Sensitivity []Sensitivity
}

// Group is the share of an intervention's cost that falls to one group:
//
//	Cost = TotalCost × People / Intervention.People
//
// so that each group's cost per person is the intervention's.
type Group struct {
	// Group is the group's name, such as 24_and_under.
	Group string `json:"group"`
	// People is the number of people reached in the group.
	People int64 `json:"people"`
	// Cost is the group's share of the cost; NaN when the intervention
	// reached no one.
	Cost float64 `json:"cost"`
}

// OutcomeCost is the cost per outcome of one outcome of an intervention,
// and with a value per outcome its benefits:
//
//	CostPerOutcome = TotalCost / Count
//	Benefit        = Σ Count × Value × index[price year]/index[year] / (1+r)^(year-base year)
//	NPV            = Benefit - TotalCost
//	BCR            = Benefit / TotalCost
//
// the sum being over the outcome's rows, each deflated and discounted as a
// cost of its year would be (not at all when it has no year).
type OutcomeCost struct {
	// Outcome is the outcome's name.
	Outcome string `json:"outcome"`
	// Count is the number of outcomes achieved or prevented.
	Count float64 `json:"count"`
	// CostPerOutcome is NaN when Count is 0.
	CostPerOutcome float64 `json:"cost_per_outcome"`
	// Benefit is the present value of the outcomes; NaN unless every row
	// of the outcome has a value.
	Benefit float64 `json:"benefit"`
	// BCR is the benefit-cost ratio; NaN when Benefit is, or the cost is 0.
	BCR float64 `json:"bcr"`
	// NPV is the net present value; NaN when Benefit is.
	NPV float64 `json:"npv"`
}

// Sensitivity is the effect on an intervention's cost per person of one
// input varied, alone, by the result's share s either way: the input is
// multiplied by (1 - s) for Down and by (1 + s) for Up. The inputs are the
// cost of each category that has lines, the number of people reached and,
// when costs are discounted, the discount rate.
type Sensitivity struct {
	// Input is a category's name (staff, non_staff, overhead, in_kind,
	// volunteer), "people" or "discount_rate".
	Input string `json:"input"`
	// Down is the cost per person with the input reduced by the share.
	Down float64 `json:"cost_per_person_down"`
	// Up is the cost per person with the input increased by the share.
	Up float64 `json:"cost_per_person_up"`
	// Spread is |Up - Down|, the width of the input's bar in a tornado chart.
	Spread float64 `json:"spread"`
}

// Total is the programme as a whole: the sums over all interventions. A
// person reached by two interventions counts twice in People.
type Total struct {
	// NominalCost is the sum of the amounts as written, exact to the penny.
	NominalCost Pence
	// TotalCost is the full economic cost in real terms, discounted.
	TotalCost float64
	// People is the sum of the interventions' people.
	People int64
	// CostPerPerson is TotalCost / People; NaN when People is 0.
	CostPerPerson float64
	// ByCategory maps every category to its cost.
	ByCategory map[Category]float64
	// ByFunder maps each funder to its cost.
	ByFunder map[string]float64
}
