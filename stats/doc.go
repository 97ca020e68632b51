// Package stats holds the statistics of a trial's analysis: distributions and
// special functions, significance tests, effect sizes with confidence
// intervals, linear and generalised linear models with robust standard
// errors, and multiplicity adjustment.
//
// Functions take plain []float64 and []bool, in the manner of gonum's stat
// package, so they are usable without any dataframe. Nothing here reads
// files or prints: results are returned as values, and data that cannot
// support a result (a sample too small, zero variance, a model that does not
// converge) is reported as an error.
package stats
