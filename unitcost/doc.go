// Package unitcost is the Unit Cost Calculator: from an intervention's cost
// lines and the people it reached it gives cost per person, overall and by
// group, cost per outcome, and with outcome values the net present value and
// benefit-cost ratio, in real prices and discounted to a base year.
//
// The sheets are read by ReadCosts, ReadReach, ReadOutcomes and
// ReadDeflators and costed by Calculate. For example, the cost lines
//
//	intervention,item,category,amount,year,funder
//	School Navigators,youth workers,staff,120000,2023-24,VRU core grant
//	School Navigators,materials and travel,non_staff,18000,2023-24,VRU core grant
//	School Navigators,host management,overhead,15000,2023-24,VRU core grant
//
// with the reach
//
//	intervention,group,people
//	School Navigators,24_and_under,200
//
// give School Navigators a total cost of £153,000 and a cost per person of
// £765, all of it borne by the VRU core grant.
//
// # Money
//
// Amounts are held as whole pence (Pence, an int64) and read from their
// decimal text exactly, so sums of any number of lines are exact to the
// penny. Spreadsheet formatting such as £1,200 or 12k is refused with an
// error that says what to write, never guessed at. Real-terms and
// discounted costs are not whole pence: they are computed in float64 from
// the exact sums of each year.
//
// # Definitions
//
// Every category (staff, non_staff, overhead, in_kind, volunteer) counts in
// the total, which is the full economic cost; totals by category and by
// funder show how much is cash from the grant and how much is match funding,
// in-kind value or volunteer time. With a price year and deflators a line
// costs amount × index[price year] / index[year]; with a discount rate r and
// a base year B, a cost of a later year is divided by (1 + r)^(year - B).
// There is no default discount rate; the Green Book's 3.5% is the usual one
// for public spending. The cost per person is the total over the people
// reached; a group's cost is the total shared by headcount.
//
// # The grant's conditions
//
// CheckGrant checks a sheet against the VRU grant's conditions: at least
// 30% of the grant in interventions, at least 10% of that on evaluation,
// and match funding of 10%, 15% or 20% of the grant in 2022-23, 2023-24 and
// 2024-25, each as required, actual and met. A line's Purpose
// (intervention, evaluation or core; the optional purpose column) says
// which it counts in.
//
// # Output
//
// Result.JSON gives the object that evalkit unitcost --json prints (it
// marshals with encoding/json, an undefined quantity as null) and
// Result.WriteText its tables; GrantCheck has the same two.
// FormatPounds and Funders format money and order funders as its tables do.
// The sensitivity analysis varies each input by DefaultSensitivity unless
// told otherwise.
package unitcost
