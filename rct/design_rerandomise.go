package rct

import (
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/evalkit/evalkit/internal/table"
)

// ErrNotInComparison is wrapped by AllocatedDesign.Rerandomiser's error
// for a unit that the allocation did not put in either arm compared.
var ErrNotInComparison = errors.New("not allocated to either arm of the comparison")

// Rerandomiser returns the re-randomiser of one comparison, treatment
// against control (arm names), with the design's own method. units lists
// the comparison's units (indices into the design, such as Index gives) in
// the caller's order, which the assignments follow: the observed one is
// the allocation's, 1 for treatment and 0 for control, and the draws are
//
//   - Complete: complete randomisation of the comparison's units with
//     their observed counts within each stratum, clusters whole
//     (Permutations). Enumerable.
//   - Blocks: complete randomisation of the comparison's units within each
//     recorded permuted block (stratum and block_seq), keeping each
//     block's observed counts, clusters whole (Permutations). For a full
//     block this is the permuted-block design itself; for a stratum's
//     last, partly filled block, and for the units of a block that are not
//     compared (another arm, a missing outcome), it conditions on the
//     observed counts, which keeps the test exact: a randomisation test
//     that re-draws from the design's distribution conditional on a
//     function of the assignment is valid [1]. Enumerable.
//   - Simple: each cluster (or unit) independently in treatment with
//     probability w_t / (w_t + w_c), the ratio's weights, which is simple
//     randomisation conditional on every compared unit being in one of the
//     two arms. Its allocations are equally likely only when w_t = w_c; it
//     is then enumerable, with 2^m allocations of m clusters, else sampled
//     only.
//   - Minimise: Pocock-Simon minimisation re-run over all allocated units
//     in file order with the manifest's factors, ratio and probability
//     (Layout.minimise, drawing from the draw's generator), each compared
//     unit then coded 1, 0, or -1 when the re-run put it in another arm.
//     Sampled only.
//
// Errors: an arm that is not one of the design's, treatment equal to
// control, a unit index out of range or given twice, and a unit allocated
// to neither arm (wrapping ErrNotInComparison).
//
// [1] Rosenberger, W. F. and Lachin, J. M. (2016). Randomization in
// Clinical Trials, 2nd ed., ch. 6 (conditional randomisation tests).
func (d *AllocatedDesign) Rerandomiser(units []int, treatment, control string) (Rerandomiser, error) {
	s := d.Settings
	t, c := slices.Index(s.Arms, treatment), slices.Index(s.Arms, control)
	switch {
	case t < 0:
		return nil, fmt.Errorf("rct: treatment arm %q is not one of the design's arms %q", table.Clip(treatment), s.Arms)
	case c < 0:
		return nil, fmt.Errorf("rct: control arm %q is not one of the design's arms %q", table.Clip(control), s.Arms)
	case t == c:
		return nil, fmt.Errorf("rct: arm %q compared with itself", table.Clip(treatment))
	}
	obs := make([]int, len(units))
	seen := make([]bool, d.N())
	for k, i := range units {
		if i < 0 || i >= d.N() {
			return nil, fmt.Errorf("rct: unit index %d out of range [0, %d)", i, d.N())
		}
		if seen[i] {
			return nil, fmt.Errorf("rct: unit %d (id %q) is in the comparison twice", i, table.Clip(d.ID[i]))
		}
		seen[i] = true
		switch d.arm[i] {
		case t:
			obs[k] = 1
		case c:
			obs[k] = 0
		default:
			return nil, fmt.Errorf("rct: unit %d (id %q), allocated to %q: %w %q and %q", i, table.Clip(d.ID[i]), table.Clip(d.Arm[i]), ErrNotInComparison, table.Clip(treatment), table.Clip(control))
		}
	}
	var clusters []string
	if d.Cluster != nil {
		clusters = pick(d.Cluster, units)
	}
	switch s.Method {
	case Complete:
		return NewPermutations(obs, pick(d.Stratum, units), clusters)
	case Blocks:
		blocks := make([]string, len(units))
		for k, i := range units {
			// The number, which holds no "/", ends where the name starts.
			blocks[k] = strconv.Itoa(d.BlockSeq[i]) + "/" + d.Stratum[i]
		}
		return NewPermutations(obs, blocks, clusters)
	case Simple:
		w := d.layout.Design.weights()
		return newSimpleDraws(obs, clusters, w[t], w[c])
	case Minimise:
		return newMinimiseDraws(d, units, t, c, obs)
	}
	return nil, fmt.Errorf("%w: unknown method %v", ErrDesign, s.Method)
}

// pick returns values[i] for each i in units.
func pick(values []string, units []int) []string {
	out := make([]string, len(units))
	for k, i := range units {
		out[k] = values[i]
	}
	return out
}
