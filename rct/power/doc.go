// Package power solves a planned trial's power, sample size or minimum
// detectable effect, whichever one is left out, for the designs the
// programme runs: a two-sample t-test on a standardised mean difference
// (TTest), two proportions (Prop), a two-level cluster-randomised trial in
// PowerUp's CRA2 form (Cluster) and counts over a follow-up period (Counts);
// draws power curves (Curve); and estimates power by simulation for designs
// no formula covers (Simulation), randomising each simulated trial with a
// design from package rct; UnitsSimulation is evalkit power simulate: a
// units file randomised as randomise would, each trial analysed by the
// method analyse would use. A simulation keeps counts, not one result per
// trial, so its memory does not grow with the number of trials (at most
// MaxTrials); RunContext stops it when a context is done. ReadPilotICC reads the ICC of a pilot data set
// (evalkit icc --json) for a Cluster design.
//
// Each design is a struct whose zero Power, sample size or effect marks the
// unknown; Solve fills it in and returns the completed design with the
// sample sizes to recruit, or an error when the ask is impossible (two
// unknowns or none, a level outside (0, 1), a power no sample can reach).
// Sample sizes are solved to 1e-13 relative by a root-finder that starts
// from the normal approximation and brackets its own interval, answering
// the smallest size when that already has the power; they are then
// inflated for attrition and rounded up:
//
//	n_control = ceil(n_control_exact / (1 − attrition))
//	n_treatment = ceil(ratio · n_control_exact / (1 − attrition))
//
// A result marshals with encoding/json to the object that evalkit power
// --json prints (a NaN, such as NControlExact when n was given, as null);
// its Summary holds the words and numbers the command prints without
// --json, and its PowerCurve the data of the command's --plot.
//
// Every formula is checked against R 4.2.2 (pwr 1.3.0, power.prop.test,
// PowerUpR's CRA2 formulas written out) in the tests; testdata/r/power.R
// makes the reference values.
package power
