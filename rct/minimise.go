package rct

import (
	"fmt"
	"math"
)

// minimise is Pocock-Simon minimisation [1] within each stratum, units in
// input order. For a new unit with levels l_f of the factors f, and n_fk
// the number of earlier units of the stratum with level l_f in arm k, the
// imbalance of putting it in arm j is
//
//	G_j = sum_f ( max_k a_fk - min_k a_fk ),   a_fk = (n_fk + [k = j]) / w_k
//
// (the range of the marginal totals, each divided by its arm's weight, so
// that a balanced allocation follows the ratio; computed in 64-bit integers
// scaled by the weights' least common multiple, so that 32-bit builds
// allocate exactly as 64-bit ones). If every arm has the same G, the
// arm is drawn with probabilities proportional to the weights. Otherwise
// the preferred arm is drawn from the arms of least G with probabilities
// proportional to their weights (ties at random, respecting the ratio;
// no draw when one arm is least),
// then a uniform u = Float64() is drawn: u < p takes the preferred arm,
// else the arm is drawn from the other arms in proportion to their
// weights (no draw when only one is left).
//
// With unequal weights the first units of a stratum lean towards the larger
// arms (their weighted range is smaller), so each unit's probabilities are
// not exactly the ratio's, though the shares across units follow it
// closely [2]; Layout.Probabilities estimates them.
//
// [1] Pocock, S. J. and Simon, R. (1975). Sequential treatment assignment
// with balancing for prognostic factors in the controlled clinical trial.
// Biometrics 31(1), 103–115.
// [2] Han, B., Enas, N. H. and McEntegart, D. (2009). Randomization by
// minimization for unbalanced treatment allocation. Statistics in Medicine
// 28(27), 3329–3346.
func (L *Layout) minimise(garm []int, w []int, opt Options, r *Rand) error {
	d := L.Design
	if d.Cluster.has() {
		return fmt.Errorf("%w: minimisation of clusters is not supported", ErrDesign)
	}
	if len(opt.Factors) == 0 {
		return fmt.Errorf("%w: minimise needs at least one factor", ErrDesign)
	}
	p := opt.MinimiseProb
	if p == 0 {
		p = 0.8
	}
	if !(p > 0 && p <= 1) {
		return fmt.Errorf("%w: minimisation probability %v is not in (0, 1]", ErrDesign, p)
	}
	k := len(w)
	lcm := int64(1)
	for _, x := range w {
		lcm = lcm / gcdMinimise(lcm, int64(x)) * int64(x)
		if lcm > 1<<30 {
			return fmt.Errorf("%w: the ratio's weights are too large for minimisation", ErrDesign)
		}
	}
	scale := make([]int64, k)
	for j, x := range w {
		scale[j] = lcm / int64(x)
	}
	// Level of each unit on each factor, numbered in order of appearance.
	n := d.ID.len()
	levels := make([][]int, len(opt.Factors))
	nLevels := make([]int, len(opt.Factors))
	for f, c := range opt.Factors {
		if len(c.Values) != n {
			panic("rct: factor column length mismatch")
		}
		index := map[string]int{}
		levels[f] = make([]int, n)
		for i, v := range c.Values {
			if v == "" {
				return &UnitError{Row: i, Other: -1, Column: c.Name, Err: ErrEmptyFactor}
			}
			l, ok := index[v]
			if !ok {
				l = len(index)
				index[v] = l
			}
			levels[f][i] = l
		}
		nLevels[f] = len(index)
	}
	G := make([]int64, k)
	cand := make([]int, 0, k)
	for s := range L.Strata {
		// totals[f][l*k + j]: units of level l on factor f in arm j.
		totals := make([][]int, len(levels))
		for f := range levels {
			totals[f] = make([]int, nLevels[f]*k)
		}
		for _, i := range L.Strata[s].Sequence {
			for j := range G {
				G[j] = 0
			}
			for f := range levels {
				row := totals[f][levels[f][i]*k : levels[f][i]*k+k]
				for j := 0; j < k; j++ {
					lo, hi := int64(math.MaxInt64), int64(-1)
					for m, c := range row {
						v := int64(c) * scale[m]
						if m == j {
							v += scale[m]
						}
						lo, hi = min(lo, v), max(hi, v)
					}
					G[j] += hi - lo
				}
			}
			best := G[0]
			for _, g := range G[1:] {
				best = min(best, g)
			}
			cand = cand[:0]
			for j, g := range G {
				if g == best {
					cand = append(cand, j)
				}
			}
			arm := pickWeighted(cand, w, r)
			if len(cand) < k {
				if r.Float64() >= p {
					cand = cand[:0]
					for j := range w {
						if j != arm {
							cand = append(cand, j)
						}
					}
					arm = pickWeighted(cand, w, r)
				}
			}
			garm[i] = arm
			for f := range levels {
				totals[f][levels[f][i]*k+arm]++
			}
		}
	}
	return nil
}

// pickWeighted draws one of the arms in set with probabilities
// proportional to their weights.
func pickWeighted(set []int, w []int, r *Rand) int {
	if len(set) == 1 {
		return set[0]
	}
	total := 0
	for _, j := range set {
		total += w[j]
	}
	u := int(r.Uint64n(uint64(total)))
	for _, j := range set {
		if u < w[j] {
			return j
		}
		u -= w[j]
	}
	panic("rct: draw beyond the weights")
}

func gcdMinimise(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}
