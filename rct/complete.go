package rct

// CompleteCounts returns how many of n units each arm gets under complete
// randomisation with weights w (all positive), W = sum w:
//
//	n_j = floor(n w_j / W) + I_j,   sum_j I_j = R = n - sum_j floor(n w_j / W)
//
// The R remaining units go to distinct arms chosen by systematic sampling
// on the fractional parts r_j/W, r_j = n w_j mod W (sum r_j = R W): the
// arms are put in a random order (Fisher-Yates), the intervals of lengths
// r_j laid end to end on [0, RW), and arm j gains a unit when one of the
// points u, u+W, ..., u+(R-1)W falls in its interval, with u uniform on
// {0, ..., W-1}. As r_j < W, arm j gains at most one unit, with probability
// exactly r_j/W, so
//
//	E[n_j] = n w_j / W
//
// and, the units being shuffled onto the counts, every unit's probability
// of arm j is exactly w_j/W for any number of arms [1, 2]. Drawing the
// remainder one unit at a time with probabilities w_j/W does not have this
// property with three or more arms. When R = 0 nothing is drawn.
//
// [1] Madow, W. G. (1949). On the theory of systematic sampling, II. Annals
// of Mathematical Statistics 20(3), 333–354.
// [2] Cochran, W. G. (1977). Sampling Techniques, 3rd ed., section 9A.
//
// It panics if n < 0 or a weight is below 1.
func CompleteCounts(n int, w []int, r *Rand) []int {
	counts := make([]int, len(w))
	completeCountsInto(counts, n, w, r, make([]int, len(w)))
	return counts
}

// completeCountsInto is CompleteCounts writing into counts, with perm as
// scratch of len(w).
func completeCountsInto(counts []int, n int, w []int, r *Rand, perm []int) {
	if n < 0 {
		panic("rct: negative number of units")
	}
	// The arithmetic is in int64, so that n w_j cannot overflow and 32-bit
	// builds count exactly as 64-bit ones.
	var W int64
	for _, x := range w {
		if x < 1 {
			panic("rct: ratio weight below 1")
		}
		W += int64(x)
	}
	R := int64(n)
	for j, x := range w {
		c := int64(n) * int64(x) / W
		counts[j] = int(c)
		R -= c
	}
	if R == 0 {
		return
	}
	for j := range perm {
		perm[j] = j
	}
	r.ShuffleInts(perm)
	systematicRemainder(counts, int64(n), w, W, R, perm, int64(r.Uint64n(uint64(W))))
}

// systematicRemainder adds the R remaining units of CompleteCounts to
// counts, given the random order perm of the arms and the start u in
// [0, W).
func systematicRemainder(counts []int, n int64, w []int, W, R int64, perm []int, u int64) {
	var lo int64
	for _, j := range perm {
		hi := lo + n*int64(w[j])%W
		// The first point u + mW at or above lo.
		var m int64
		if lo > u {
			m = (lo - u + W - 1) / W
		}
		if p := u + m*W; p < hi && m < R {
			counts[j]++
		}
		lo = hi
	}
}

// CompleteAssign returns arms (indices into w) for n units under complete
// randomisation: the counts of CompleteCounts, dealt to the units in a
// uniformly random order (Fisher-Yates). Each unit's probability of arm j
// is exactly w_j / sum w. It is the draw that Complete makes within each
// stratum, and a building block for simulation-based power.
func CompleteAssign(n int, w []int, r *Rand) []int {
	out := make([]int, n)
	completeAssignInto(out, w, r, make([]int, len(w)), make([]int, len(w)))
	return out
}

func completeAssignInto(out []int, w []int, r *Rand, counts, perm []int) {
	completeCountsInto(counts, len(out), w, r, perm)
	k := 0
	for j, c := range counts {
		for ; c > 0; c-- {
			out[k] = j
			k++
		}
	}
	r.ShuffleInts(out)
}
