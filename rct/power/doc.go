// Package power solves a planned trial's power, sample size or minimum
// detectable effect, whichever one is left out, for the designs the
// programme runs: a two-sample t-test on a standardised mean difference
// (TTest), two proportions (Prop), a two-level cluster-randomised trial in
// PowerUp's CRA2 form (Cluster) and counts over a follow-up period (Counts);
// and estimates power by simulation for designs no formula covers
// (Simulate).
//
// Each design is a struct whose zero Power, sample size or effect marks the
// unknown; Solve fills it in and returns the completed design with the
// sample sizes to recruit, or an error when the ask is impossible (two
// unknowns or none, a level outside (0, 1), a power no sample can reach).
// Sample sizes are solved to 1e-10 by a root-finder that brackets its own
// interval, then inflated for attrition and rounded up.
package power
