// Package qed analyses designs that are not randomised: difference in
// differences on a panel (two-way fixed effects for one treated cohort,
// Callaway and Sant'Anna's group-time effects for staggered cohorts) and
// matching or weighting of treated units to comparable controls (nearest
// neighbour on a propensity score, entropy balancing), with the balance of
// the covariates and the evidence level that such a design can reach.
//
// It reads its data with the project's CSV rules (internal/table: every
// column read as text, missing values as the contract lists them, errors
// naming file, row and column), calls the estimators of package stats, and
// returns results that marshal to the contract's JSON and print as tables.
// For example, the panel
//
//	school,term,first_treated,attendance
//	S001,1,3,91.4
//	S001,2,3,92.2
//	...
//
// read by ReadPanel with PanelColumns{Unit: "school", Time: "term",
// FirstTreated: "first_treated", Outcome: "attendance"} gives, by
// Panel.DiD, the ATT of the schools first treated in term 3 against the
// schools never treated.
//
// Both designs sit at level 3 of the Maryland Scientific Methods Scale
// (Sherman et al. 1997): a treated group compared with a comparable
// untreated one, before and after or on measured characteristics. Only
// random assignment (level 5) removes the differences that are not
// measured; see SMSLevel.
package qed
