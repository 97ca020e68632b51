package stats

import "fmt"

// absorbBlocks maps arbitrary block labels to dense indices 0..G-1 in the
// order of the sorted labels, and returns the index of each row and the size of
// each block. The index is block itself when block already holds 0..G-1 (see
// olsLevelIndex), so that neither may be modified afterwards.
func absorbBlocks(block []int) (idx []int, size []float64) {
	levels := olsSortedLevels(block)
	idx = olsLevelIndex(block, levels)
	size = make([]float64, len(levels))
	for _, k := range idx {
		size[k]++
	}
	return idx, size
}

// absorbDemean returns v minus the mean of v within each block (the within
// transformation): the residual of v after regression on the block dummies.
func absorbDemean(v []float64, idx []int, size []float64) []float64 {
	sums := make([]float64, len(size))
	for i, x := range v {
		sums[idx[i]] += x
	}
	for k := range sums {
		sums[k] /= size[k]
	}
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = x - sums[idx[i]]
	}
	// A second pass removes the rounding error of the first, so that the
	// demeaned column is orthogonal to the dummies to working precision.
	for k := range sums {
		sums[k] = 0
	}
	for i, x := range out {
		sums[idx[i]] += x
	}
	for k := range sums {
		sums[k] /= size[k]
	}
	for i := range out {
		out[i] -= sums[idx[i]]
	}
	return out
}

// absorbCheckLen panics when a block or cluster vector does not match the
// number of observations.
func absorbCheckLen(what string, got, n int) {
	if got != n {
		panic(fmt.Sprintf("stats: %s length mismatch", what))
	}
}
