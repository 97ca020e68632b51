package rct

import "math"

// riLevel is the confidence level of RIResult.MCInterval.
const riLevel = 0.99

// MCSE returns the Monte Carlo standard error of a sampled p-value,
//
//	se = sqrt(p (1 - p) / B),   p = (1 + x) / (1 + B)
//
// with x = Extreme and B = Draws. It is NaN when the test was exact (and
// for a result with no draws).
func (r RIResult) MCSE() float64 {
	if r.Exact || r.Draws < 1 {
		return math.NaN()
	}
	return math.Sqrt(r.P * (1 - r.P) / float64(r.Draws))
}

// MCInterval returns the 99% Clopper-Pearson interval for the share of
// allocations with |T*| >= |T_obs| behind the sampled count x = Extreme of
// B = Draws, as R's binom.test(x, B, conf.level = 0.99)$conf.int:
//
//	low  = qbeta(0.005, x, B - x + 1),  0 when x = 0
//	high = qbeta(0.995, x + 1, B - x),  1 when x = B
//
// Both are NaN when the test was exact (and for a result with no draws or
// a count outside [0, B]).
//
// [1] Clopper, C. J. and Pearson, E. S. (1934). The use of confidence or
// fiducial limits illustrated in the case of the binomial. Biometrika
// 26(4), 404–413.
func (r RIResult) MCInterval() (low, high float64) {
	if r.Exact {
		return math.NaN(), math.NaN()
	}
	return clopperPearson(r.Extreme, r.Draws, riLevel)
}

// riAutoStop reports whether auto mode stops after B draws with x of them
// extreme: the 99% interval's half-width (high - low) / 2 is below
// RIAutoHalfWidth.
func riAutoStop(x, B int) bool {
	low, high := clopperPearson(x, B, riLevel)
	return (high-low)/2 < RIAutoHalfWidth
}
