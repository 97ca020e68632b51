package stats

import "fmt"

// absorbBlocks maps arbitrary block labels to dense indices 0..G-1 in the
// order of the sorted labels, and returns the index of each row and the size of
// each block. The index is block itself when block already holds 0..G-1 (see
// olsLevelIndex), so that neither may be modified afterwards.
func absorbBlocks(block []int32) (idx []int32, size []float64) {
	levels := olsSortedLevels(block)
	idx = olsLevelIndex(block, levels)
	size = make([]float64, len(levels))
	for _, k := range idx {
		size[k]++
	}
	return idx, size
}

// absorbMeans are what the within transformation subtracts from a column
// v: the block means of v, then the block means of v minus those, which
// removes the first pass's rounding error, so that the demeaned column is
// orthogonal to the block dummies to working precision.
type absorbMeans struct {
	first, second []float64
}

// absorbMeansOf returns the means that demean v within the blocks idx of
// sizes size, in two passes over v and without storing the demeaned column.
func absorbMeansOf(v []float64, idx []int32, size []float64) absorbMeans {
	m := absorbMeans{first: make([]float64, len(size)), second: make([]float64, len(size))}
	for i, x := range v {
		m.first[idx[i]] += x
	}
	for k := range m.first {
		m.first[k] /= size[k]
	}
	for i, x := range v {
		b := idx[i]
		m.second[b] += x - m.first[b]
	}
	for k := range m.second {
		m.second[k] /= size[k]
	}
	return m
}

// at returns the demeaned value of x, an observation of block b:
//
//	x̃ = (x - first_b) - second_b.
func (m absorbMeans) at(x float64, b int32) float64 {
	return x - m.first[b] - m.second[b]
}

// absorbDemean returns v minus the mean of v within each block (the within
// transformation): the residual of v after regression on the block dummies.
func absorbDemean(v []float64, idx []int32, size []float64) []float64 {
	m := absorbMeansOf(v, idx, size)
	out := make([]float64, len(v))
	m.demeanTo(out, v, idx)
	return out
}

// demeanTo writes the demeaned v to dst.
func (m absorbMeans) demeanTo(dst, v []float64, idx []int32) {
	for i, x := range v {
		dst[i] = m.at(x, idx[i])
	}
}

// absorbCheckLen panics when a block or cluster vector does not match the
// number of observations.
func absorbCheckLen(what string, got, n int) {
	if got != n {
		panic(fmt.Sprintf("stats: %s length mismatch", what))
	}
}
