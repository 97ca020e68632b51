package analysis

import (
	"fmt"
	"math"
	"slices"

	"github.com/evalkit/evalkit/internal/table"
)

// The warnings of a Result each start with a stable code and a colon
// (docs: spec/cli.md, "Additions: results an evaluator can trust"). The
// code one_arm_block is made with the notes of a block (subset.go).

// fewClusters is the number of clusters below which an ols_cr2 comparison
// is warned of (few_clusters).
const fewClusters = 20

// possibleClusterWarning is possible_cluster: no cluster column was given,
// and the arm never varies within the groups of column c.
func possibleClusterWarning(c clusterColumn) string {
	name := table.Clip(c.name)
	return fmt.Sprintf("possible_cluster: column %q may hold clusters: each of its %d groups (%.3g rows on average) holds a single arm. If units were randomised by %s, intervals that ignore it are too narrow: pass --cluster %s",
		name, c.groups, float64(c.rows)/float64(c.groups), name, name)
}

// countAsContinuousWarning is count_as_continuous.
func countAsContinuousWarning(outcome string) string {
	return fmt.Sprintf("count_as_continuous: every value of outcome %q is a whole number of at least 0, with more than two distinct values, and it is analysed as continuous; if it counts events, analyse it with --type count", table.Clip(outcome))
}

// outcomeNot01Warning is outcome_not_01: a binary outcome read from words.
func outcomeNot01Warning(outcome string, w binaryWords) string {
	return fmt.Sprintf("outcome_not_01: binary outcome %q is written in words, read as %s (in any letter case)", table.Clip(outcome), w)
}

// notConvergedWarning is not_converged: the model of m for the comparison
// of tr with c did not converge, with why (err wraps
// stats.ErrNoConvergence).
func notConvergedWarning(m Method, tr, c *arm, err error) string {
	model := "negative-binomial"
	if m == PoissonGLM {
		model = "Poisson"
	}
	return fmt.Sprintf("not_converged: the %s model of %s against %s did not converge (%v), so the comparison's estimate is undefined", model, tr.label, c.label, statsError(err))
}

// fewClustersWarning is few_clusters: an ols_cr2 comparison with n < 20
// clusters of column col.
func fewClustersWarning(n int, col string, tr, c *arm) string {
	return fmt.Sprintf("few_clusters: the comparison of %s with %s has %d clusters (column %q), fewer than %d: its CR2 interval and p-value, with Bell-McCaffrey degrees of freedom, may still be too narrow and too small, more so when clusters differ in size; randomisation inference (--permutations) is valid however few the clusters",
		tr.label, c.label, n, table.Clip(col), fewClusters)
}

// countLike reports whether every value of the arms' outcomes is a whole
// number of at least 0 and there are more than two distinct values
// (count_as_continuous).
func countLike(arms []*arm) bool {
	distinct := make([]float64, 0, 3)
	for _, a := range arms {
		for _, v := range a.y {
			if v < 0 || v != math.Trunc(v) || math.IsInf(v, 0) {
				return false
			}
			if len(distinct) < 3 && !slices.Contains(distinct, v) {
				distinct = append(distinct, v)
			}
		}
	}
	return len(distinct) > 2
}
