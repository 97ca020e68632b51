// Package report draws evalkit's plots with gonum/plot and builds the
// self-contained HTML reports that are handed to a board: participant flow,
// outcome distributions, forest plots, covariate balance, power curves, cost
// per person and the portfolio by gate.
//
// It holds no statistics of its own: it draws results computed elsewhere,
// and it never shows row-level identifiers, only counts and summaries.
package report
