package rct

import (
	"math/big"
	"slices"
)

// simpleDraws re-draws simple randomisation for one comparison: each
// cluster (or unit, without clusters) independently in treatment (1) with
// probability wt / (wt + wc), else in control (0), drawn as
// Uint64n(wt + wc) < wt, clusters in order of first appearance.
type simpleDraws struct {
	obs     []int
	groupOf []int // unit -> cluster, numbered in order of first appearance
	groups  int
	wt, wc  int
}

// newSimpleDraws describes the simple randomisation of the units of obs (1
// or 0 each), with their clusters (nil: each unit its own). A cluster with
// units in both arms is an ErrMixedCluster UnitError.
func newSimpleDraws(obs []int, clusters []string, wt, wc int) (*simpleDraws, error) {
	s := &simpleDraws{obs: obs, groupOf: make([]int, len(obs)), wt: wt, wc: wc}
	index := map[string]int{}
	var first []int
	for i := range obs {
		g := len(first)
		if clusters != nil {
			if c, ok := index[clusters[i]]; ok {
				g = c
				if obs[first[g]] != obs[i] {
					return nil, &UnitError{Row: i, Other: first[g], Value: clusters[i], Err: ErrMixedCluster}
				}
			} else {
				index[clusters[i]] = g
			}
		}
		if g == len(first) {
			first = append(first, i)
		}
		s.groupOf[i] = g
	}
	s.groups = len(first)
	return s, nil
}

// Observed returns the observed assignment (a copy).
func (s *simpleDraws) Observed() []int { return slices.Clone(s.obs) }

// Count returns 2^m for m clusters when the two weights are equal, and nil
// otherwise (the allocations are not equally likely).
func (s *simpleDraws) Count() *big.Int {
	if s.wt != s.wc {
		return nil
	}
	return new(big.Int).Lsh(big.NewInt(1), uint(s.groups))
}

// Enumerate lists the 2^m allocations when Count is not nil, counting in
// binary with the first cluster fastest, from all control.
func (s *simpleDraws) Enumerate(fn func(assign []int) bool) {
	s.enumerate(s.newState(), func(st *simpleState) bool { return fn(st.fill()) })
}

// enumerate runs through the allocations of Enumerate in st's garm,
// calling fn after each until it returns false.
func (s *simpleDraws) enumerate(st *simpleState, fn func(st *simpleState) bool) {
	if s.Count() == nil {
		return
	}
	for {
		if !fn(st) {
			return
		}
		g := 0
		for ; g < s.groups && st.garm[g] == 1; g++ {
			st.garm[g] = 0 // carry
		}
		if g == s.groups {
			return
		}
		st.garm[g] = 1
	}
}

// NewSampler returns a Sampler of independent draws; Reset does nothing.
func (s *simpleDraws) NewSampler() Sampler { return s.newState() }

type simpleState struct {
	s      *simpleDraws
	garm   []int
	assign []int
}

func (s *simpleDraws) newState() *simpleState {
	return &simpleState{s: s, garm: make([]int, s.groups), assign: make([]int, len(s.obs))}
}

func (st *simpleState) Reset() {}

func (st *simpleState) Sample(r *Rand) []int {
	st.draw(r)
	return st.fill()
}

// draw draws the clusters' arms into garm.
func (st *simpleState) draw(r *Rand) {
	W, wt := uint64(st.s.wt+st.s.wc), uint64(st.s.wt)
	for g := range st.garm {
		st.garm[g] = 0
		if r.Uint64n(W) < wt {
			st.garm[g] = 1
		}
	}
}

func (st *simpleState) fill() []int {
	for i, g := range st.s.groupOf {
		st.assign[i] = st.garm[g]
	}
	return st.assign
}
