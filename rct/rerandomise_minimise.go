package rct

import (
	"math/big"
	"slices"
)

// minimiseDraws re-runs the design's minimisation (Layout.minimise, over
// every allocated unit in file order) and reads off one comparison's units:
// 1 in treatment, 0 in control, -1 in another arm.
type minimiseDraws struct {
	d              *AllocatedDesign
	w              []int
	units          []int
	treat, control int
	obs            []int
}

// newMinimiseDraws checks that the design's minimisation runs (the
// factors' errors, as randomise reports them) and describes its draws.
func newMinimiseDraws(d *AllocatedDesign, units []int, treat, control int, obs []int) (*minimiseDraws, error) {
	m := &minimiseDraws{d: d, w: d.layout.Design.weights(), units: units, treat: treat, control: control, obs: obs}
	if err := d.layout.minimise(make([]int, d.layout.NGroups), m.w, d.opt, NewRand(0)); err != nil {
		return nil, err
	}
	return m, nil
}

// Observed returns the observed assignment (a copy).
func (m *minimiseDraws) Observed() []int { return slices.Clone(m.obs) }

// Count returns nil: minimisation's allocations are not equally likely.
func (m *minimiseDraws) Count() *big.Int { return nil }

// Enumerate does nothing (Count is nil).
func (m *minimiseDraws) Enumerate(func([]int) bool) {}

// NewSampler returns a Sampler whose every draw is a whole re-run; Reset
// does nothing.
func (m *minimiseDraws) NewSampler() Sampler {
	return &minimiseState{m: m, garm: make([]int, m.d.layout.NGroups), assign: make([]int, len(m.units))}
}

type minimiseState struct {
	m      *minimiseDraws
	garm   []int
	assign []int
}

func (st *minimiseState) Reset() {}

func (st *minimiseState) Sample(r *Rand) []int {
	m, L := st.m, st.m.d.layout
	// It ran in newMinimiseDraws, so it cannot fail here.
	_ = L.minimise(st.garm, m.w, m.d.opt, r)
	for k, i := range m.units {
		switch st.garm[L.GroupOf[i]] {
		case m.treat:
			st.assign[k] = 1
		case m.control:
			st.assign[k] = 0
		default:
			st.assign[k] = -1
		}
	}
	return st.assign
}
