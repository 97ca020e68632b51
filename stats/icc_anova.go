package stats

import "fmt"

// ClusterANOVAResult is the analysis of variance of an outcome between and
// within clusters.
type ClusterANOVAResult struct {
	// MSBetween is the mean square of the clusters' means about their
	// cells' means (about the grand mean without cells), SSB/DF1, and
	// MSWithin that of the observations about their clusters' means, SSW/DF2.
	MSBetween, MSWithin float64
	// F is MSBetween/MSWithin.
	F float64
	// DF1 is J - C (J clusters in C cells; C = 1 without cells), DF2 is N - J.
	DF1, DF2 float64
	// N0 is Donner's average cluster size (N - Σ n_j²/N)/(J - 1), over all
	// clusters.
	N0 float64
	// N is the number of observations, Clusters J and Cells C.
	N, Clusters, Cells int
}

// ClusterANOVA returns the analysis of variance of y between clusters and
// within them, with the clusters nested in cells when cell is not nil
// (the arm-by-block cells of a cluster trial, labels such as arm and block
// joined), the F ratio and Donner's n0 for SearleICCInterval:
//
//	SSB = Σ_j n_j (ȳ_j - ȳ_c(j))²,   SSW = Σ_i (y_i - ȳ_j(i))²
//	F = (SSB/(J - C)) / (SSW/(N - J)),   n0 = (N - Σ n_j²/N)/(J - 1)
//
// With cells this is the factor(cluster) line of R's
// anova(lm(y ~ factor(cell) + factor(cluster))), in which the clusters are
// compared within their cells; without, that of anova(lm(y ~
// factor(cluster))). (Written y ~ factor(arm):factor(block) +
// factor(cluster), R's formula puts the interaction after the main effect
// factor(cluster), and that line is the one-way analysis's, with J - 1 df;
// see testdata/r/lmm_icc.R.) Means are computed in two passes, the second
// removing the first's rounding.
//
// Special cases:
//
//	a NaN or ±Inf in y                      → error wrapping ErrDomain
//	a cluster whose rows lie in two cells   → error wrapping ErrDomain, naming it
//	J - C < 1 or N - J < 1                  → error wrapping ErrTooFew
//	no variation within clusters (SSW = 0)  → error wrapping ErrZeroVariance
//
// ClusterANOVA panics if cluster, or cell when not nil, does not have
// len(y) elements.
func ClusterANOVA(y []float64, cluster, cell []string) (ClusterANOVAResult, error) {
	n := len(y)
	absorbCheckLen("cluster", len(cluster), n)
	if cell != nil {
		absorbCheckLen("cell", len(cell), n)
	}
	if err := olsCheckFinite("outcome", y); err != nil {
		return ClusterANOVAResult{}, err
	}
	code, names := codeLabels(cluster)
	var ccode []int
	cells := 1
	if cell != nil {
		var cellNames []string
		ccode, cellNames = codeLabels(cell)
		cells = len(cellNames)
	}
	J := len(names)
	res := ClusterANOVAResult{N: n, Clusters: J, Cells: cells, DF1: float64(J - cells), DF2: float64(n - J)}
	size := make([]float64, J)
	for _, g := range code {
		size[g]++
	}
	cellOf := make([]int, J) // the cell of each cluster
	if ccode != nil {
		for g := range cellOf {
			cellOf[g] = -1
		}
		for i, g := range code {
			switch c := cellOf[g]; {
			case c < 0:
				cellOf[g] = ccode[i]
			case c != ccode[i]:
				return ClusterANOVAResult{}, fmt.Errorf("%w: cluster %q lies in more than one cell", ErrDomain, names[g])
			}
		}
	}
	if res.DF1 < 1 || res.DF2 < 1 {
		return ClusterANOVAResult{}, fmt.Errorf("%w: %d observations in %d clusters in %d cells", ErrTooFew, n, J, cells)
	}
	mean := iccGroupMeans(y, code, size)
	var ssw float64
	for i, v := range y {
		e := v - mean[code[i]]
		ssw += e * e
	}
	// The cells' means, weighted by observations: the means of the
	// clusters' means weighted by their sizes.
	cellN := make([]float64, cells)
	cellSum := make([]float64, cells)
	for g, m := range mean {
		cellN[cellOf[g]] += size[g]
		cellSum[cellOf[g]] += size[g] * m
	}
	var ssb, sumN2 float64
	for g, m := range mean {
		e := m - cellSum[cellOf[g]]/cellN[cellOf[g]]
		ssb += size[g] * e * e
		sumN2 += size[g] * size[g]
	}
	if ssw == 0 {
		return ClusterANOVAResult{}, fmt.Errorf("%w: the outcome does not vary within clusters", ErrZeroVariance)
	}
	res.MSBetween = ssb / res.DF1
	res.MSWithin = ssw / res.DF2
	res.F = res.MSBetween / res.MSWithin
	res.N0 = (float64(n) - sumN2/float64(n)) / float64(J-1)
	if !lmmFinite(res.F) {
		return ClusterANOVAResult{}, fmt.Errorf("%w: F ratio %v", ErrDomain, res.F)
	}
	return res, nil
}

// iccGroupMeans returns the mean of y in each group, in two passes.
func iccGroupMeans(y []float64, code []int, size []float64) []float64 {
	mean := make([]float64, len(size))
	for i, v := range y {
		mean[code[i]] += v
	}
	for g := range mean {
		mean[g] /= size[g]
	}
	corr := make([]float64, len(size))
	for i, v := range y {
		corr[code[i]] += v - mean[code[i]]
	}
	for g := range mean {
		mean[g] += corr[g] / size[g]
	}
	return mean
}
