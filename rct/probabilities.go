package rct

import "fmt"

// Probabilities returns each unit's probability of each arm under the
// design and options: P[i][j] for unit (row) i and arm j.
//
// For Complete, Simple and Blocks they are exact,
//
//	P[i][j] = w_j / sum_k w_k
//
// for every unit, clustered or not (for Complete this rests on the
// systematic remainder of CompleteCounts; for Blocks on each block's slots
// being a uniform shuffle, so every position, even in a last block cut
// short, has these marginals). Minimisation's probabilities depend on the
// order and the factors and have no closed form: they are estimated as the
// share of draws re-randomisations, the k-th drawn from NewStream(seed, k),
// in which the unit got each arm (standard error at most 0.5/sqrt(draws)).
// draws and seed are not used for the other methods.
//
// The options are checked as Layout.Randomise checks them.
func (L *Layout) Probabilities(opt Options, draws int, seed uint64) ([][]float64, error) {
	w := L.Design.weights()
	n, k := len(L.GroupOf), len(w)
	// Check the options once, as a randomisation would.
	if _, err := L.Randomise(opt, NewStream(seed, 0)); err != nil {
		return nil, err
	}
	flat := make([]float64, n*k)
	P := make([][]float64, n)
	for i := range P {
		P[i] = flat[i*k : (i+1)*k : (i+1)*k]
	}
	if opt.Method != Minimise {
		W := 0
		for _, x := range w {
			W += x
		}
		for i := range P {
			for j, x := range w {
				P[i][j] = float64(x) / float64(W)
			}
		}
		return P, nil
	}
	if draws < 1 {
		return nil, fmt.Errorf("%w: minimisation probabilities need at least one draw", ErrDesign)
	}
	for d := 1; d <= draws; d++ {
		a, err := L.Randomise(opt, NewStream(seed, uint64(d)))
		if err != nil {
			return nil, err
		}
		for i, arm := range a.Arm {
			P[i][arm]++
		}
	}
	for i := range flat {
		flat[i] /= float64(draws)
	}
	return P, nil
}
