package rct

import (
	"math/big"
	"slices"
)

// ClusterRerandomiser is a Rerandomiser whose allocations keep clusters
// whole and that can give them by cluster: a statistic of cluster totals
// then costs O(J) a draw for J clusters instead of O(n) for n units.
// *Permutations implements it, as does the re-randomiser of a simple
// design (AllocatedDesign.Rerandomiser).
type ClusterRerandomiser interface {
	Rerandomiser
	// Clusters returns each unit's cluster, numbered from 0 in order of
	// first appearance (a new slice).
	Clusters() []int
	// ByCluster returns the same re-randomisation with one value per
	// cluster, the arm of all its units: its observed assignment, its
	// draws from a generator (the same allocations as the units' draws
	// from the same generator, in the same order), its count and its
	// enumeration (in the same order) are those of the units, given by
	// cluster.
	ByCluster() Rerandomiser
}

// Clusters returns each unit's cluster, numbered from 0 in order of first
// appearance.
func (p *Permutations) Clusters() []int { return slices.Clone(p.groupOf) }

// ByCluster returns the allocations by cluster (ClusterRerandomiser).
func (p *Permutations) ByCluster() Rerandomiser { return permClusters{p} }

// permClusters is a Permutations whose assignments are by cluster.
type permClusters struct{ p *Permutations }

func (c permClusters) Observed() []int {
	return byGroup(c.p.obs, c.p.groupOf, c.p.clusters())
}
func (c permClusters) Count() *big.Int { return c.p.Count() }
func (c permClusters) NewSampler() Sampler {
	st := c.p.newState()
	st.byCluster = true
	return st
}
func (c permClusters) Enumerate(fn func(assign []int) bool) {
	c.p.enumerate(c.NewSampler().(*permState), fn)
}

// clusters returns the number of clusters.
func (p *Permutations) clusters() int {
	g := 0
	for _, b := range p.blocks {
		g += len(b)
	}
	return g
}

// byGroup returns the value of each group, that of its units.
func byGroup(unit, groupOf []int, groups int) []int {
	out := make([]int, groups)
	for i, g := range groupOf {
		out[g] = unit[i]
	}
	return out
}

// Clusters returns each unit's cluster, numbered from 0 in order of first
// appearance.
func (s *simpleDraws) Clusters() []int { return slices.Clone(s.groupOf) }

// ByCluster returns the draws by cluster (ClusterRerandomiser).
func (s *simpleDraws) ByCluster() Rerandomiser { return simpleClusters{s} }

// simpleClusters is a simpleDraws whose assignments are by cluster.
type simpleClusters struct{ s *simpleDraws }

func (c simpleClusters) Observed() []int     { return byGroup(c.s.obs, c.s.groupOf, c.s.groups) }
func (c simpleClusters) Count() *big.Int     { return c.s.Count() }
func (c simpleClusters) NewSampler() Sampler { return simpleClusterState{c.s.newState()} }
func (c simpleClusters) Enumerate(fn func(assign []int) bool) {
	c.s.enumerate(c.s.newState(), func(st *simpleState) bool { return fn(st.garm) })
}

// simpleClusterState draws as simpleState and returns the clusters' arms.
type simpleClusterState struct{ st *simpleState }

func (c simpleClusterState) Reset() {}
func (c simpleClusterState) Sample(r *Rand) []int {
	c.st.draw(r)
	return c.st.garm
}
