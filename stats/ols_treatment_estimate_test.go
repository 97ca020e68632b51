package stats

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

// TestTreatmentEstimatorMatchesFit checks the estimator from group totals
// against TreatmentModel.Fit to 1e-10, with and without covariates and
// blocks, by unit and by cluster, on random treatments of whole clusters,
// and that it is NaN where Fit errs.
func TestTreatmentEstimatorMatchesFit(t *testing.T) {
	d := modelsReadCSV(t, "lm.csv")
	y := d.num["y"]
	n := len(y)
	// Clusters of 3 consecutive units within blocks of 12, so no cluster
	// spans blocks.
	block, group := make([]string, n), make([]int, n)
	for i := range block {
		block[i] = string(rune('a' + i/12))
		group[i] = i / 3
	}
	groups := (n + 2) / 3
	unit := make([]int, n)
	for i := range unit {
		unit[i] = i
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for _, names := range [][]string{nil, {"x1"}, {"x1", "x2"}} {
		for _, blocks := range [][]string{nil, block} {
			m, err := NewTreatmentModel(y, names, d.cols(names...), OLSOptions{Cov: HC0, Block: blocks})
			if err != nil {
				t.Fatal(err)
			}
			for _, by := range []struct {
				group  []int
				groups int
			}{{unit, n}, {group, groups}} {
				e, err := m.Estimator(by.group, by.groups)
				if err != nil {
					t.Fatal(err)
				}
				e = e.Clone()
				arm := make([]int, by.groups)
				for k := range 20 {
					for g := range arm {
						arm[g] = rng.IntN(2)
						if k == 0 {
							arm[g] = 0 // constant: undefined
						}
					}
					treat := make([]bool, n)
					for i, g := range by.group {
						treat[i] = arm[g] == 1
					}
					want, err := m.Fit(treat)
					got := e.Estimate(arm)
					if err != nil {
						if !errors.Is(err, ErrSingular) || !math.IsNaN(got) {
							t.Errorf("%v blocks=%v groups=%d draw %d: Fit %v, estimator %g", names, blocks != nil, by.groups, k, err, got)
						}
						continue
					}
					if !scalar.EqualWithinAbsOrRel(got, want.Estimate, 0, 1e-10) {
						t.Errorf("%v blocks=%v groups=%d draw %d: estimator %.17g, Fit %.17g", names, blocks != nil, by.groups, k, got, want.Estimate)
					}
				}
			}
		}
	}
	m, err := NewTreatmentModel(y, nil, nil, OLSOptions{Block: block})
	if err != nil {
		t.Fatal(err)
	}
	spans := make([]int, n) // one group over all the blocks
	if _, err := m.Estimator(spans, 1); err == nil {
		t.Error("a group spanning blocks: no error")
	}
}
