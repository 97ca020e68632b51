package unitcost

// Unspecified is the funder of a cost line whose funder is left blank or
// given as a missing-value token (NA, NaN, ., null).
const Unspecified = "unspecified"

// Line is one cost line of an intervention, as a row of costs.csv holds it.
type Line struct {
	// Intervention names the intervention that the cost belongs to.
	Intervention string
	// Item describes the cost, such as "youth worker (1.0 WTE)".
	Item string
	// Category is the kind of cost.
	Category Category
	// Amount is the cost in pounds and pence, in the prices of Year. It
	// must not be negative.
	Amount Pence
	// Year is the year the cost falls in, which is also its price year.
	Year int
	// Funder is who pays for the line, or gives it in kind; empty means
	// Unspecified.
	Funder string
	// Purpose is what the line pays for, as the grant's conditions count
	// it (CheckGrant); the zero value is PurposeIntervention.
	Purpose Purpose
	// Source is where the line came from, for errors.
	Source Source
}

// Reach is the number of people in one group that an intervention reached,
// as a row of reach.csv holds it.
type Reach struct {
	// Intervention names the intervention.
	Intervention string
	// Group is free text, such as 24_and_under; rows of the same
	// intervention and group are added together.
	Group string
	// People is the number of people reached.
	People int64
	// Source is where the row came from, for errors.
	Source Source
}

// Outcome is a number of outcomes that an intervention achieved or
// prevented, with the social value of one of them when known, as a row of
// outcomes.csv holds it.
type Outcome struct {
	// Intervention names the intervention.
	Intervention string
	// Outcome names the outcome, such as "A&E re-attendance avoided"; rows
	// of the same intervention and outcome are added together.
	Outcome string
	// Count is the number of outcomes; it need not be whole (an estimate of
	// outcomes prevented), and must not be negative.
	Count float64
	// Value is the social value of one outcome, when Valued.
	Value Pence
	// Valued reports whether Value was given.
	Valued bool
	// Year is the year the benefit falls in and the price year of Value;
	// 0 means it is in the prices of the price year and not discounted.
	Year int
	// Source is where the row came from, for errors.
	Source Source
}

// Deflators maps a year to a price index such as the GDP deflator. Only
// ratios of the index matter, so any base year will do.
type Deflators map[int]float64
