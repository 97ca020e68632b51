// Package rowset holds the rows of a column by their values' hashes, so
// that a value already seen is found without a string per row: the
// duplicate-id check of randomise (rct) and the possible_cluster search
// of analyse (rct/analysis) use it.
package rowset
