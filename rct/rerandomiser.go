package rct

import "math/big"

// Rerandomiser is a trial's randomisation as randomisation inference
// re-draws it: the observed assignment, fresh allocations drawn from a
// generator, and, when every allocation is equally likely and they can be
// listed, their number and the list. RandomisationTest takes one.
//
// Assignments hold one value per unit, the arm as the Statistic reads it.
// The re-randomisers of AllocatedDesign.Rerandomiser code them
//
//	1 = treatment,  0 = control,  -1 = a unit that the allocation puts in
//	                                   some other arm
//
// (-1 arises only when minimisation with three or more arms is re-run; it
// is never observed). DiffInMeans leaves units with -1 out of both means.
// Permutations codes arms 0, 1, ..., as it was given them.
//
// *Permutations implements it, as do the re-randomisers of an
// AllocatedDesign.
type Rerandomiser interface {
	// Observed returns the observed assignment (a slice the caller may
	// keep).
	Observed() []int
	// NewSampler returns a Sampler with scratch space of its own.
	// RandomisationTest makes one per goroutine.
	NewSampler() Sampler
	// Count returns the number of distinct allocations when all of them
	// are equally likely and Enumerate lists them; nil when they are not
	// (the test then only samples).
	Count() *big.Int
	// Enumerate calls fn with every distinct allocation once, in a fixed
	// order, until fn returns false. fn must not keep or modify assign,
	// which is reused. When Count is nil it calls nothing.
	Enumerate(fn func(assign []int) bool)
}

// Sampler draws allocations of a Rerandomiser into scratch space of its
// own; it is used by one goroutine at a time.
type Sampler interface {
	// Reset puts the sampler back into the state NewSampler gave it.
	// RandomisationTest calls it before each stream of draws, so that the
	// draws of a stream depend on its generator only, whichever goroutine
	// draws them and whatever it drew before.
	Reset()
	// Sample draws one allocation from r. The slice is the sampler's: it
	// is overwritten by the next call, and the caller must not modify it
	// (it may be the state the next draw starts from).
	Sample(r *Rand) []int
}
