// Package unitcost is the Unit Cost Calculator: from an intervention's cost
// lines and the people it reached it gives cost per person, overall and by
// group, cost per outcome, and with outcome values the net present value and
// benefit-cost ratio, in real prices and discounted to a base year.
package unitcost
