package rct

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"runtime"
)

// Statistic computes a test statistic from an assignment (arm indices, one
// per unit). It may keep scratch space between calls, so each goroutine of
// RandomisationTest gets its own from a constructor. It must not modify
// assign, which may be the sampler's own state, from which the next draw
// is made.
type Statistic func(assign []int) float64

// RIOptions configures RandomisationTest.
type RIOptions struct {
	// Draws is B, the number of re-randomisations (1 to RIMaxDraws). With
	// Auto it is the most draws to make; 0 then means RIAutoMaxDraws.
	Draws int
	// Auto draws in batches of RIAutoBatch until the half-width
	// (high - low)/2 of the 99% Clopper-Pearson interval of the share of
	// extreme draws (RIResult.MCInterval) is below RIAutoHalfWidth, or the
	// most draws are made.
	Auto bool
	// Seed seeds the draws (see RandomisationTest for the streams).
	Seed uint64
	// Workers is the number of goroutines; 0 means GOMAXPROCS. The result
	// does not depend on it.
	Workers int
	// Progress, if not nil, is called from the calling goroutine with the
	// number of allocations done and the total. With Auto the total is the
	// most draws until the test stops, and the last call is (B, B) with B
	// the draws made.
	Progress func(done, total int)
}

// Auto mode's batch, its stopping half-width and its most draws, as the
// contract's --permutations auto defines them.
const (
	RIAutoBatch     = 1000
	RIAutoHalfWidth = 0.005
	RIAutoMaxDraws  = 1_000_000
)

// RIMaxDraws is the most draws RandomisationTest makes, 10^7 (a few
// seconds to minutes for a difference in means): B beyond it is refused
// with ErrTooManyDraws, since more draws refine a p-value whose Monte
// Carlo error at 10^7 is already below 0.00016. As a design is enumerated
// only when it has no more allocations than B, it is also the most
// allocations ever enumerated.
const RIMaxDraws = 10_000_000

// ErrTooManyDraws is returned for more draws than RIMaxDraws.
var ErrTooManyDraws = errors.New("more re-randomisations than the most allowed")

// RIResult is the result of a randomisation test. It is comparable with
// ==: its Monte Carlo error is given by methods (MCSE, MCInterval).
type RIResult struct {
	// Observed is the statistic of the observed assignment, T_obs.
	Observed float64
	// P is the p-value (see RandomisationTest).
	P float64
	// Extreme is the number of allocations with |T*| >= |T_obs|.
	Extreme int
	// Draws is the number of allocations used: B, or all of them when
	// Exact.
	Draws int
	// Exact reports that every possible allocation was enumerated.
	Exact bool
	// Undefined is the number of allocations whose statistic was NaN;
	// they count as not extreme.
	Undefined int
}

// ErrUndefinedStatistic is returned when the observed statistic is NaN.
var ErrUndefinedStatistic = errors.New("the observed statistic is undefined (NaN)")

// RandomisationTest is a randomisation (permutation) test of the sharp
// null hypothesis of no effect, re-randomising with the trial's own design
// p. With T = stat(assign):
//
//	sampled:    p = (1 + #{b : |T*_b| >= |T_obs|}) / (1 + B)
//	enumerated: p = #{a : |T(a)| >= |T_obs|} / #allocations
//
// The second is used when every allocation is equally likely and there
// are at most B of them (p.Count() not nil and <= B; with Auto, B is the
// most draws); it counts every allocation, the observed one included, and
// is exact. A draw counts as extreme when |T*| >= |T_obs| (1 - 1e-9), so
// that allocations that tie with the observed one in exact arithmetic are
// not lost to rounding.
//
// Sampled draws are split into chunks of 256; chunk c draws from
// NewStream(Seed, c+1) with a sampler just Reset (for Permutations, each
// block's shuffles start from the sorted arms). Draw k is therefore the
// same in every run with the same seed, whatever Workers, GOMAXPROCS or
// Draws, and the result depends on the seed and B only. With Auto the test
// stops after the first batch of RIAutoBatch draws (or at the most draws)
// whose 99% interval is narrow enough, and gives exactly the result of a
// run of that many Draws without Auto. Enumeration is shared among the
// workers in batches. newStat is called once per goroutine.
//
// Special cases: an undefined (NaN) observed statistic returns
// ErrUndefinedStatistic; NaN re-randomised statistics count as not extreme
// and are reported in Undefined; Draws > RIMaxDraws returns
// ErrTooManyDraws. Draws < 1 without Auto, or < 0 with it, panics.
//
// [1] Fisher, R. A. (1935). The Design of Experiments, section 21.
// [2] Gerber, A. S. and Green, D. P. (2012). Field Experiments, ch. 3.
func RandomisationTest(p Rerandomiser, newStat func() Statistic, opt RIOptions) (RIResult, error) {
	limit := opt.Draws
	switch {
	case opt.Auto && limit == 0:
		limit = RIAutoMaxDraws
	case opt.Auto && limit < 0, !opt.Auto && limit < 1:
		panic("rct: RandomisationTest needs at least one draw")
	case limit > RIMaxDraws:
		return RIResult{}, fmt.Errorf("rct: %d draws: %w, %d", limit, ErrTooManyDraws, RIMaxDraws)
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	stat := newStat()
	res := RIResult{Observed: stat(p.Observed())}
	if math.IsNaN(res.Observed) {
		return res, ErrUndefinedStatistic
	}
	threshold := math.Abs(res.Observed) * (1 - 1e-9)
	if count := p.Count(); count != nil && count.Cmp(big.NewInt(int64(limit))) <= 0 {
		res.Exact = true
		res.Draws = int(count.Int64())
		res.Extreme, res.Undefined = riEnumerate(p, stat, newStat, workers, threshold, res.Draws, opt.Progress)
		res.P = float64(res.Extreme) / float64(res.Draws)
		return res, nil
	}
	run := &riRun{p: p, stat: stat, newStat: newStat, threshold: threshold, seed: opt.Seed, limit: limit, progress: opt.Progress}
	res.Extreme, res.Undefined, res.Draws = run.sample(workers, opt.Auto)
	res.P = float64(1+res.Extreme) / float64(1+res.Draws)
	return res, nil
}

// DiffInMeans returns a Statistic for randomisation tests: the mean of y
// in arm treat minus its mean in arm control. Units in any other arm, or
// coded -1 (a Rerandomiser's unit in another arm), are left out of both.
// It is NaN when either arm is empty. It panics when called with an
// assignment whose length differs from y's. It keeps scratch space, so
// each goroutine needs its own (as RandomisationTest's newStat gives).
func DiffInMeans(y []float64, treat, control int) Statistic {
	// Sums and counts by arm, indexed without a branch on the arm (a
	// branch is mispredicted half the time on random allocations).
	k := max(treat, control) + 1
	sum := make([]float64, k)
	cnt := make([]int, k)
	return func(assign []int) float64 {
		if len(assign) != len(y) {
			panic("rct: slice length mismatch")
		}
		clear(sum)
		clear(cnt)
		for i, a := range assign {
			if uint(a) < uint(k) {
				sum[a] += y[i]
				cnt[a]++
			}
		}
		if cnt[treat] == 0 || cnt[control] == 0 {
			return math.NaN()
		}
		return sum[treat]/float64(cnt[treat]) - sum[control]/float64(cnt[control])
	}
}

func (r RIResult) String() string {
	kind := "sampled"
	if r.Exact {
		kind = "exact"
	}
	return fmt.Sprintf("T = %.6g, p = %.6g (%s, %d of %d allocations)", r.Observed, r.P, kind, r.Extreme, r.Draws)
}

// riCount evaluates the statistic of m allocations, stat(k) for k = 0, ...,
// m-1, and counts those at least as extreme as threshold, |T*| ≥ |T|, and
// those undefined (NaN).
func riCount(m int, threshold float64, stat func(k int) float64) (extreme, undefined int64) {
	for k := range m {
		switch t := stat(k); {
		case math.IsNaN(t):
			undefined++
		case math.Abs(t) >= threshold:
			extreme++
		}
	}
	return extreme, undefined
}
