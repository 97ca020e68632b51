package rct

import (
	"errors"
	"fmt"
	"math/big"
	"slices"
)

// ErrMixedCluster is returned when the units of one cluster are in
// different arms.
var ErrMixedCluster = errors.New("cluster has units in more than one arm")

// Permutations is the set of possible allocations of a trial as it was
// randomised: complete randomisation of whole clusters (or units) within
// each block, with the observed number of clusters in each arm, every
// allocation equally likely. It is what randomisation inference and
// simulation re-draw from (a Rerandomiser).
type Permutations struct {
	n       int
	arms    int
	groupOf []int   // unit -> cluster
	blocks  [][]int // clusters of each block, in order of first appearance
	sorted  [][]int // observed arms of each block's clusters, sorted
	obs     []int   // observed assignment of the units
	unitOf  []int   // cluster -> its unit, when every cluster has one unit
}

// NewPermutations describes the allocations that re-randomise assign (arm
// indices, one per unit, from 0) within the blocks given by blocks, keeping
// clusters whole. blocks and clusters may be nil (one block; each unit its
// own cluster). Errors: ErrMixedCluster and ErrClusterSpansStrata, as a
// UnitError; ErrEmptyCluster and ErrEmptyStratum for empty labels. Slices
// of unequal length or a negative arm panic.
func NewPermutations(assign []int, blocks, clusters []string) (*Permutations, error) {
	n := len(assign)
	if blocks != nil && len(blocks) != n || clusters != nil && len(clusters) != n {
		panic("rct: slice length mismatch")
	}
	p := &Permutations{n: n, groupOf: make([]int, n), obs: slices.Clone(assign)}
	blockIndex := map[string]int{}
	clusterIndex := map[string]int{}
	var clusterBlock, clusterArm, clusterFirst []int
	for i, a := range assign {
		if a < 0 {
			panic("rct: negative arm")
		}
		p.arms = max(p.arms, a+1)
		b := 0
		if blocks != nil {
			if blocks[i] == "" {
				return nil, &UnitError{Row: i, Other: -1, Err: ErrEmptyStratum}
			}
			var ok bool
			if b, ok = blockIndex[blocks[i]]; !ok {
				b = len(p.blocks)
				blockIndex[blocks[i]] = b
				p.blocks = append(p.blocks, nil)
			}
		} else if len(p.blocks) == 0 {
			p.blocks = append(p.blocks, nil)
		}
		g := len(clusterArm)
		if clusters != nil {
			if clusters[i] == "" {
				return nil, &UnitError{Row: i, Other: -1, Err: ErrEmptyCluster}
			}
			if c, ok := clusterIndex[clusters[i]]; ok {
				g = c
				if clusterBlock[g] != b {
					return nil, &UnitError{Row: i, Other: clusterFirst[g], Value: clusters[i], Err: ErrClusterSpansStrata}
				}
				if clusterArm[g] != a {
					return nil, &UnitError{Row: i, Other: clusterFirst[g], Value: clusters[i], Err: ErrMixedCluster}
				}
			} else {
				clusterIndex[clusters[i]] = g
			}
		}
		if g == len(clusterArm) {
			clusterArm = append(clusterArm, a)
			clusterBlock = append(clusterBlock, b)
			clusterFirst = append(clusterFirst, i)
			p.blocks[b] = append(p.blocks[b], g)
		}
		p.groupOf[i] = g
	}
	if len(clusterFirst) == n {
		p.unitOf = clusterFirst
	}
	p.sorted = make([][]int, len(p.blocks))
	for b, cl := range p.blocks {
		s := make([]int, len(cl))
		for k, g := range cl {
			s[k] = clusterArm[g]
		}
		slices.Sort(s)
		p.sorted[b] = s
	}
	return p, nil
}

// Observed returns the observed assignment (a copy).
func (p *Permutations) Observed() []int { return slices.Clone(p.obs) }

// Count returns the number of distinct allocations,
//
//	prod_b  m_b! / prod_j m_bj!
//
// with m_b clusters in block b and m_bj of them observed in arm j.
func (p *Permutations) Count() *big.Int {
	total := big.NewInt(1)
	var c big.Int
	for _, s := range p.sorted {
		left := int64(len(s))
		for i := 0; i < len(s); {
			k := i
			for k < len(s) && s[k] == s[i] {
				k++
			}
			total.Mul(total, c.Binomial(left, int64(k-i)))
			left -= int64(k - i)
			i = k
		}
	}
	return total
}

// permState is one worker's state: each block's current arrangement of
// arms and the units' assignment it gives.
type permState struct {
	p      *Permutations
	arr    [][]int
	garm   []int
	assign []int
	// byCluster makes fill return the clusters' arms (garm), not the
	// units'.
	byCluster bool
}

func (p *Permutations) newState() *permState {
	st := &permState{p: p, arr: make([][]int, len(p.sorted)), garm: make([]int, p.clusters()), assign: make([]int, p.n)}
	for b, s := range p.sorted {
		st.arr[b] = slices.Clone(s)
	}
	return st
}

// fill writes the arrangement to the units' assignment, or to the
// clusters' arms when byCluster.
func (st *permState) fill() []int {
	if st.p.unitOf != nil && len(st.arr) == 1 {
		// One block of single units, in order: the arrangement is the
		// assignment, of units and of clusters alike.
		return st.arr[0]
	}
	if st.p.unitOf != nil && !st.byCluster { // every cluster a single unit
		for b, cl := range st.p.blocks {
			arr := st.arr[b][:len(cl)]
			for k, g := range cl {
				st.assign[st.p.unitOf[g]] = arr[k]
			}
		}
		return st.assign
	}
	for b, cl := range st.p.blocks {
		for k, g := range cl {
			st.garm[g] = st.arr[b][k]
		}
	}
	if st.byCluster {
		return st.garm
	}
	for i, g := range st.p.groupOf {
		st.assign[i] = st.garm[g]
	}
	return st.assign
}

// Sample shuffles every block's current arrangement (Fisher-Yates), blocks
// in order of first appearance, and returns the units' assignment.
//
// The shuffle is the full one, m_b - 1 bounded draws for a block of m_b
// clusters. A partial Fisher-Yates over the min(m_t, m_b - m_t) clusters
// of the smaller arm would make fewer draws from the generator (half, for
// equal arms), but different allocations for a seed, so every published
// randomisation p-value would change with the same seed; the draws are
// kept as they are (pinned by TestRandomisationTestPinned), and the time
// per draw is cut in the statistic instead (analysis' least squares from
// cluster totals, ClusterRerandomiser).
func (st *permState) Sample(r *Rand) []int {
	for _, a := range st.arr {
		r.ShuffleInts(a)
	}
	return st.fill()
}

// Reset puts every block back in sorted order.
func (st *permState) Reset() {
	for b, s := range st.p.sorted {
		copy(st.arr[b], s)
	}
}

// NewSampler returns a Sampler of the allocations (the Rerandomiser
// interface). Each draw shuffles every block's arrangement of arms over its
// clusters (Fisher-Yates, blocks in order of first appearance), starting
// after Reset from the sorted arms and otherwise from the previous draw's
// arrangement, so every draw is uniform over the allocations.
func (p *Permutations) NewSampler() Sampler { return p.newState() }

// Sample draws one allocation uniformly from r into a new slice: each
// block's observed arms shuffled over its clusters (Fisher-Yates, blocks in
// order of first appearance, starting from the sorted arms).
func (p *Permutations) Sample(r *Rand) []int {
	return slices.Clone(p.newState().Sample(r))
}

// Enumerate calls fn with every distinct allocation once, in a fixed
// order (lexicographic within each block, the first block fastest), until
// fn returns false. fn must not keep or modify assign, which is reused.
func (p *Permutations) Enumerate(fn func(assign []int) bool) {
	p.enumerate(p.newState(), fn)
}

// enumerate lists the allocations as Enumerate, filled by st.
func (p *Permutations) enumerate(st *permState, fn func(assign []int) bool) {
	for {
		if !fn(st.fill()) {
			return
		}
		b := 0
		for ; b < len(st.arr); b++ {
			if nextPermutation(st.arr[b]) {
				break
			}
			// It wrapped round to sorted order: carry to the next block.
		}
		if b == len(st.arr) {
			return
		}
	}
}

// nextPermutation rearranges a into its next lexicographic permutation
// (distinct arrangements of a multiset, each once), or back to sorted
// order returning false after the last.
func nextPermutation(a []int) bool {
	i := len(a) - 2
	for i >= 0 && a[i] >= a[i+1] {
		i--
	}
	if i < 0 {
		slices.Sort(a)
		return false
	}
	j := len(a) - 1
	for a[j] <= a[i] {
		j--
	}
	a[i], a[j] = a[j], a[i]
	slices.Reverse(a[i+1:])
	return true
}

// String describes the set, e.g. "3 blocks, 40 clusters, 1e+12 allocations".
func (p *Permutations) String() string {
	g := 0
	for _, b := range p.blocks {
		g += len(b)
	}
	c, _ := new(big.Float).SetInt(p.Count()).Float64()
	return fmt.Sprintf("%d blocks, %d clusters, %.4g allocations", len(p.blocks), g, c)
}
