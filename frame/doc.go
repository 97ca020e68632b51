// Package frame lets a Go program that holds a gota dataframe analyse and
// randomise it with evalkit: Gota turns a dataframe into an
// analysis.Source, and Units into the units of a randomisation.
//
// Read the file with gota's type detection off, so that every column stays
// text and evalkit's own rules convert it:
//
//	df := dataframe.ReadCSV(f, dataframe.DetectTypes(false), dataframe.HasHeader(true))
//	d, err := analysis.Read(frame.Gota(df), analysis.Columns{Outcome: "attendance"})
//
// With type detection on, gota reads an identifier or label such as 00001
// as the number 1 (and 1.50 as 1.5); for randomisation that silently
// changes which unit is which, so a column of labels (id, arm, block,
// cluster, minimisation factor) must be a string series, and Gota refuses any other with an error saying
// why. Numeric series are accepted for the outcome, exposure and
// covariates: floats are written back in the shortest form that reads as
// the same number, not gota's six decimals.
//
// The command evalkit never imports this package.
package frame
